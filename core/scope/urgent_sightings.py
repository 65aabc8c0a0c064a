"""Urgent words, part 8 (rules.md §8; XF-25, XF-26(2)(3)): danger a witness sees or a writer feels as it happens,
from the blind sets measured once and then tuned on (49 onwards; bench/README.md), where part 7
(``core/scope/urgent_scenes.py``) left off. The dangers the learned backstop only asked about, as families; read by
the backstop like parts 5 and 7, so the same guards apply (not past, not a figure of speech, not money or procedure
only). Same normalised text and ``~n`` gap shorthand as ``core/scope/urgent_backstop.py``.
"""

from __future__ import annotations

#: Harm families by kind (the kind is shown in the signal ``urgent:<who>/<kind>/backstop``).
SIGHTINGS: dict[str, tuple[str, ...]] = {
    # The forty-ninth blind sets (a retired emergency-hotline operator's callers): a child ringed by stray dogs, a
    # minder pricking children with a needle, scaffolding down with people under it, a face swelling shut, yellow
    # smoke and a village coughing, dialysis with the power cut, a car driven into a crowd, a girl to be sold
    # tonight, a child carried off crying "I don't know him", a girl on a rock as the river rises, shoes left on a
    # reservoir's bank, a bridge shaking under a crowd, a storage room overheating, a chest tight and the left arm
    # numb.
    "animals": (
        r"被~4(野狗|狗群|一群狗|疯狗|狼|野猪)~2(围|追|咬|扑)",
        r"\b(surrounded|chased|attacked|cornered) by (a pack of |some |stray |wild )*(dogs|wolves|boars)\b",
    ),
    "cruelty": (
        r"(拿|用)(针|烟头|衣架|棍子|皮带|开水|烙铁)~4(扎|烫|打|抽|浇)~2(娃|孩子|小孩|宝宝|学生|老人)",
        r"\b(pricking|burning|beating|whipping) (the )?(kids|children|babies|toddlers) with\b",
    ),
    "buried": (
        r"(脚手架|塔吊|楼|墙|房子|棚|厂房|桥)~4(倒|塌)(了|下来)~~12(下面|里面|底下)(还)?(压着|埋着|有)人",
        r"\b(scaffold\w*|crane|wall|roof|building) (\w+ )?(collapsed|fell|came down)\b.{0,40}\b(people|workers|"
        r"someone|men) (under|underneath|inside|trapped)\b",
    ),
    "swelling": (
        r"(脸|嘴|嘴唇|喉咙|嗓子|眼睛)~4肿~~12(出气|喘气|呼吸|吸气|喘不)",  # "困难" is blanked (a difficulty)
        r"\b(face|throat|lips?|tongue) (is |are )?(swelling|swollen)\b.{0,40}\b(can'?t|cannot|hard to|struggling "
        r"to) breathe\b",
    ),
    "fumes": (
        r"(冒|飘|出|放)~2(黄|黑|白|绿|红)?烟~~24(好多|很多|一群|全村|大家|不少)(的)?人~4(咳|晕|吐|喘不上|头疼|流眼泪)",
        r"\b(yellow|green|white|black|toxic) (smoke|gas|fumes?)\b.{0,60}\b(everyone|people|kids|villagers) "
        r"(\w+ )?(coughing|fainting|vomiting|can'?t breathe)\b",
    ),
    "life_support": (
        r"(透析|呼吸机|制氧机|氧气机|吸氧)~~30(用不成|用不了|不能用|没电|断电|不转)",  # "停电" is blanked (a utility)
        r"\b(dialysis|ventilator|oxygen (machine|concentrator))\b.{0,60}\b(power cut|power (is |goes )?(off|out)|"
        r"blackout)\b|\b(power cut|power (is |goes )?(off|out)|blackout)\b.{0,60}\b(dialysis|ventilator|oxygen "
        r"(machine|concentrator))\b",
    ),
    "rampage": (
        r"(开车|开着车|车)~6往~2(人堆|人群|人多的地方|人)里~2(撞|冲|开|碾)|开(着|起)?~8(车|公车|货车)~8(乱冲|乱撞)",
        r"\b(driving|drove|ploughing|plowing) (\w+ )?into (the )?(crowd|people|pedestrians)\b",
    ),
    "sold": (
        r"(今晚|明天|半夜|马上|准备|商量|打算)~~16把~8(娃|孩子|女娃|小孩|女孩|男孩|姑娘|闺女|丫头|婴儿)~2卖(了|掉)",
        r"\b(going to|gonna|planning to|want to) sell (the|a|their|that|this) (baby|child|kid|girl|boy)\b",
    ),
    "carried_off": (
        r"(娃|孩子|小孩|女孩|男孩|小姑娘)~8(哭|喊|叫)~6不(认得|认识)(他|她|这个人|那个人)",
        r"\b(kid|child|boy|girl) (is )?(crying|screaming|yelling)\b.{0,40}\b(doesn'?t|does not|don'?t) know (him|"
        r"her|this (man|guy|woman))\b",
    ),
    "stranded_water": (
        r"(河|江|溪|沟)(中间|当中|心|对岸)~~16水~2(在|还在)?(涨|漫)",
        r"\b(stuck|stranded|trapped) (on|in) (a |the )?(rock|island|roof|car|tree)\b.{0,40}\bwater\b.{0,10}\b("
        r"rising|coming up)\b",
    ),
    "shoes_off": (
        r"鞋(子)?~4脱~~12(放)?在~2(边|岸|桥|河|水)",
        r"\b(took|taken) (my |his |her )?shoes off\b.{0,40}\b(bank|edge|bridge|river|lake|reservoir)\b",
    ),
    "crowd_structure": (
        r"(桥|看台|舞台|楼板|阳台|礼堂)~8(晃|摇|抖|裂|响)~~24(好多|很多|几十|上百|全村)(个)?人|(梁|顶|墙)~4(掉灰|裂开|往下掉)~~24(全村|好多人|都要去|开会)",
        r"\b(bridge|stand|stage|floor|balcony|roof|footbridge)\b.{0,30}\b(shaking|swaying|cracking|sagging)\b.{0,60}\b("
        r"people|ppl|kids|crowd)\b",
    ),
    "overheating": (
        r"(仓库|库房|储存间|罐|反应釜)~6(温度|过热|发烫)~~24(还在干|继续干|继续开工|工人)",
        r"\b(storage|warehouse|store ?room|tank|reactor)\b.{0,30}\boverheat\w*",
    ),
    "heart": (
        r"(胸口|心口)~4(闷|紧|疼|痛|压)~~12(左)?(胳膊|手臂|手)~4(麻|没知觉|疼)",
        r"\bchest\b.{0,20}\b(tight|pain|hurts?|pressure|heavy)\b.{0,40}\barm\b.{0,10}\b(numb|tingl\w*|hurts?|"
        r"dead)\b",
    ),
    "last_words": (
        r"(喝|吃)了(农)?药(了)?~~24(就这样吧|算了吧|永别|再见了|对不起大家|下辈子)",
        r"\b(i'?m|i am) (standing|sitting) on (the )?(roof|edge|ledge|railing|parapet|top)\b|\b(this is|it'?s) (my )?"
        r"last (msg|message|text)\b",
    ),
    "taken_away": (
        r"(才|只有|刚|还不到)(十[一二三四五]|1[1-5])(岁)?~~40(今晚|马上|明天|等一下)~6(带|接)(她|他)~4(去|走)|"
        r"(戒网瘾|行为矫正|特训|军事化)(学校|学院|基地|营)~~40(打死|打伤|死过人|电击|关禁闭)|(打死|死过人)~~30(戒网瘾|矫正|特训)",
        r"\bknows (my|where i|where we) (room|address|house|live|stay)\b.{0,60}\b(driving|coming|on (his|her|the) "
        r"way)\b|\b(driving|coming) (over|here)( now)?,? \d+ ?(mins?|minutes) away\b",
    ),
    # The fifty-first blind sets: a cousin held in a hotel by lenders, bloodied on video, a ransom asked.
    "ransom": (
        r"(扣|关|绑|押)(在|着|到)~8(宾馆|酒店|旅馆|房间|屋里|仓库|厂里|车上)~~30(赎人|赎金|拿~8(钱|万)~4(来|去)?赎)|赎人|要赎金",
        r"\b(held|kept|locked up|tied up)\b.{0,40}\b(ransom|pay (\d+|them|up) (to )?(get|release|free) (him|her|"
        r"them))\b",
    ),
    # The fiftieth blind sets (a crisis-line nurse's callers): a veiled threat to a reporter's child.
    "veiled": (
        r"(你|您)(家)?(儿子|女儿|孩子|娃|小孩|老婆|老人)~~16(学校|上学|放学|幼儿园)~~20(出(点|个|了)?(什么|啥)?事|有个(三长两短|好歹|闪失))",
        r"(出(点|个|了)?(什么|啥)?事|有个(三长两短|好歹|闪失))~4(就)?(不好了|可惜了|别怪)",
        r"\bwould be (a )?(sad|shame|pity|terrible)\b.{0,10}\bif (something|anything) (happened|happens|were to "
        r"happen)\b|\bnice (school|house|car|family) (your|ur) (son|daughter|kids?|wife|family) (goes|go|has|have)\b",
    ),
}  # fmt: skip
