"""Urgent words, part 6 (rules.md §8; XF-25): danger typed in a few words, in dialect, pinyin or texting English,
from the training writer ``t11`` (terse phone messages) measured fresh once and the tenth blind sets.

Two things reach those messages. First the text is put into the Mandarin and English the other parts read:
Cantonese particles ("我喺天台", "佢而家企喺天台边"), northern "搁" for "在", a few pinyin words typed for want
of an input method ("zisha 就现在"), texting English ("rn", "ppl", "ill torch it"). Then short situations said
without a harm word: a rope bought, a man hanging from a door frame, a child in a locked car in the sun, a child
who swallowed a handful of pills, someone thrashing in the river, a bus in a ditch, a dyke breached. Added to the
backstop like parts 4 and 5, so its guards apply. Same ``~n`` gap shorthand as ``core/scope/urgent_backstop.py``.
"""

from __future__ import annotations

import re

_CHILD = r"(孩子|娃|娃儿|小孩|儿子|女儿|闺女|宝宝|婴儿|外甥|外甥女|侄子|侄女|孙子|孙女)"
_WATER = r"(河|江|湖|塘|池塘|水塘|鱼塘|水库|井|机井|枯井|粪坑|粪池|化粪池|沼气池|污水池|冰窟窿|海|水沟|沟)"

#: (pattern, Mandarin or plain English): applied in order to the normalised (lower-case, half-width) text.
_MANDARIN: tuple[tuple[str, str], ...] = (
    (r"企喺", "站在"), (r"喺", "在"), (r"而家", "现在"), (r"佢哋", "他们"), (r"佢", "他"), (r"唔", "不"),
    (r"咗", "了"), (r"冇", "没"), (r"嘅", "的"), (r"係", "是"), (r"搵", "找"),
    (r"搁(?=(这|那|大|楼|桥|河|屋|家|房|天台|顶|门口|外|上|里|江|湖|山|崖|车))", "在"),
    (r"莫得", "没有"), (r"啥子", "什么"),
    (r"\bzi ?sha\b", "自杀"), (r"\btiao ?lou\b", "跳楼"), (r"\bbu ?xiang ?huo( ?le)?\b", "不想活了"),
    (r"\bjiu ?ming\b", "救命"),
    (r"\brn\b", "right now"), (r"\bppl\b", "people"), (r"\btmrw?\b", "tomorrow"), (r"\b(2nite|tonite)\b", "tonight"),
    (r"\bim\b", "i'm"), (r"\bill(?= (torch|kill|burn|jump|end|hurt|stab|shoot|blow|do it|take|go|drive|set))", "i'll"),
    (r"\byr\b", "year"), (r"\byrs\b", "years"), (r"\bu\b", "you"),
    (r"\bw/? (?=(family|him|her|them|me|us|a|the|my|his)\b)", "with "),
)  # fmt: skip
_COMPILED = tuple((re.compile(p), r) for p, r in _MANDARIN)


def mandarin(text: str) -> str:
    """The normalised text with dialect, pinyin and texting words put as the word lists spell them."""
    for rx, replacement in _COMPILED:
        text = rx.sub(replacement, text)
    return text


#: Harm families by kind (the kind is shown in the signal ``urgent:<who>/<kind>/backstop``).
TERSE: dict[str, tuple[str, ...]] = {
    # Means ready, a height with a condition, a body hanging, fire set to oneself.
    "terse_self": (
        r"(绳子|农药|安眠药|老鼠药|木炭|炭|刀片)~2(已经|都)?(买|备|准备|找)(了|好)|(整|活|熬)不下去了",
        r"(楼顶|天台|顶楼|房顶|屋顶|桥上|大桥)~~24(我)?就(下去|跳)|不给~~12(说法|答复|解决)~~6(我)?就(下去|跳)",
        r"不会再给~6添麻烦|绳子~4(系|挂|绑)在~8(架子|梁|门框|窗|阳台|树|暖气管)|(站|坐)在(楼顶|天台|房顶|屋顶)?~2边(上|缘)~6"
        r"(不下来|不肯下|不下去)|(楼顶|天台|房顶|屋顶)~~12(站在边上|不下来|不肯下来)",
        r"吊(在)?~4(门框|房梁|梁上|树上|窗框|暖气管|门上)(上)?(了)?|把自己~2(点着|点了|烧着|烧了)|往(自己)?身上(浇|泼|倒)(了)?"
        r"~2(汽油|油)",
        r"(跟|和|同)这个世界~2(拜拜|再见|告别|说再见|道别)|(这辈子|这条命|我这条老命)(就)?交代在~8(上|里)了",
        r"\b(cut|cutting|stabbed|burned|burning) (herself|himself|myself|themselves)\b|"
        r"\bi'?ll (torch|burn down|set fire to)\b",
    ),
    # A child in danger said in a few words.
    "terse_child": (
        _CHILD + r"~4(关|锁|落|忘)(在)?车(里|内)|" + _CHILD + r"~~12(吃|吞|喝)了~8(药|药片|降压药|安眠药)~~10"
        r"(好多|一把|一瓶|整瓶|半瓶|几十|\d+)(片|颗|粒)?",
        r"把~4" + _CHILD + r"~2(扔|丢|推|抛)(到|进)?~2(河|井|水|塘|江|楼下|湖)|" + _CHILD + r"~4掉(进|到|在)?~2"
        + _WATER,
        r"(kid|child|baby|toddler|boy|girl)\b.{0,100}\b(climbed over the|sitting on the edge|on the ledge|over the "
        r"railing)|"
        r"(toddler|baby|infant)s? (\w+ ){0,2}in (a |the )?(parked|hot|locked) (car|van)\b|"
        r"(kid|child|baby|toddler|boy|girl)s? (\w+ ){0,2}(locked|left|stuck) in (a |the )?(hot )?car|locked (\d+|two|"
        r"three|some|the|my|our|his|her|a) (\w+ )?(kids?|child|children|students?|pupils?|boys?|girls?) in|"
        r"(taking|take|bring\w*) (the|my|our|his|her) (baby|kids?|child|children|son|daughter) to the (bridge|river|"
        r"lake|roof|"
        r"cliff)",
    ),
    # Someone thrashing in water, lying motionless, locked in a cellar, a vehicle in a ditch, a dyke breached.
    "terse_scene": (
        r"(在)?" + _WATER + r"里~2(扑腾|挣扎|扑通|喊救命)|掉(进|到|在)?~2" + _WATER + r"(里)?了",
        r"(躺|倒)(在)?~6(不动|没反应|起不来|没动静)|(锁|关)(在|进)?~4(地下室|小黑屋|仓库|库房|储藏室|柜子|笼子|狗笼)",
        r"(车|大巴|客车|校车|面包车|货车|三轮)~4翻(到|进|在)?~4(沟|河|崖|山|田)|(堤|河堤|坝|大坝)~4(开口子|决口|溃|垮|漫)|水(已经)?"
        r"(到|齐|没过)~2(腰|胸|脖子|膝盖|下巴)",
        r"(thrashing|struggling|flailing) in the (water|river|lake|pond|sea)|(bus|car|van|truck) (\w+ ){0,2}(flipped|"
        r"rolled|overturned) into|(levee|dyke|dike|dam) (has )?(broke|burst|breached|gave way)",
    ),
}  # fmt: skip

#: Said in a long letter: a threat quoted, a neck pressed, brakes failing on a mountain road, a dam seeping with the
#: people below not moved (sentence by sentence, like the families above).
LETTER: dict[str, tuple[str, ...]] = {
    "quoted_threat": (
        r"(几点|什么时候)(放学|上学|下班|出门|回家)~~12(走哪条路|在哪|去哪)~~12(清楚|知道|门儿清)|走哪条路~~8(都)?(清楚|知道)|"
        r"再告~6就让~6(掉|死|消失|出事|喂鱼)|让(你|他|她)~4(掉河里|喂鱼|消失|回不了家)|(给|替)(你|他|她)收尸|(来|去)收尸",
        r"collect (his|her|your|their) body|(won'?t|will not) walk (home )?on (your|his|her) own legs",
        r"(will|would|'ll|might|could|may) ['‘\"“]?(have|meet) (an|with an) ['‘\"“]?accident",
        r"(will|'ll|would) ['‘\"“]?take the (boy|girl|child|kid)",
        r"((you|he|she|they)'?ll|(you|he|she|they) will|(you|they)'?re (gonna|going to)|(he|she)'?s (gonna|going to)|"
        r"you are (gonna|going to)) end up (in (the|a) (river|lake|ditch|"
        r"morgue|hospital|sea|grave)|dead|like (him|her|the last|the other))",
        r"(would|will|'d|'ll) ['‘\"“]?(disappear|vanish)\b|nobody (will|would) (look for|find) (him|her|you)",
        # blind20: a photo of a daughter at her kindergarten gate sent by debt collectors
        r"\b(sent|send|sending|posted) (me |us )?(a |some )?(photos?|pictures?|pics?|videos?) of (my|our|his|"
        r"her) (daughter|"
        r"son|kids?|child|children|wife|mother|mom|mum|family)\b.{0,30}\b(at|outside|near) (her|his|their|the) (school|"
        r"kindergarten|gate|home|house|door)|发(来|了)~4(孩子|女儿|儿子|老婆|家人)~6(学校|幼儿园|门口|家门口)~4(的)?(照片|视频)",
    ),
    "letter_scene": (
        r"(压|掐|勒|踩)着~6脖子|脸(都)?(憋)?(紫|青)了|刹车~4(坏|失灵|软了|不灵|有毛病)~~30(开|下坡|山路|正在)|"
        r"(下游|坝下)~~30(还)?没(有)?~8(通知|转移|撤)|意识不清|失去(了)?意识|叫不醒",
        # blind11: a snake bite, a stroke, a baby not breathing, a child on the highway, through the ice, a ferry
        # taking water, a tower crane on a workers' shed, ammonia leaking, a tank over pressure, people sick together
        r"蛇咬(了|伤)|被蛇~2咬|口眼歪斜|嘴歪~6(说不出话|说话不清)|半边(身子|脸)~4(麻|不能动|动不了|歪)|没(有)?(了)?呼吸|不喘气|"
        r"高速(公路)?~8(小孩|孩子|小女孩|小男孩)|(小孩|孩子)~8高速(公路)?上|掉(进)?冰窟窿|冰~2(裂|破)~6掉|船~4(进水|漏水|下沉|"
        r"翻)|(塔吊|吊车|脚手架|墙|楼|房|树|广告牌)~4(倒|塌)(了)?~~12(砸|压)(在|到|中)?|(氨气|氯气|毒气|硫化氢)~6(漏|泄漏|泄露)|"
        r"(压力|气压)~6(超|爆表)~~20(不|没)(让|组织|人)?~2(撤|疏散)",
        # blind12: a hunger strike, insulin injected, medicine hidden till the children sleep, a lighter and petrol, a
        # heart attack with the ambulance kept out, a knife at a child's throat, a crack a finger wide with classes
        # tomorrow, a gas station leaking, a bridge half gone with cars on it, oxygen machines without power
        r"绝食(了)?~4(天|日)|(打|注射)了~4(全部|所有|一整)?~4胰岛素|药~4(已经)?买(回来|好)了|等~8睡着(了)?~4(我)?就(喝|吃|走)|"
        r"(攥|捏|拿|握)着~3打火机|身上~4汽油味|心脏病(又)?(犯|发作)了|不让救护车|刀架在~6脖子|裂缝~~24(明天|还要|照样|继续)~~12(上课|"
        r"进去|住|开会)|(液化气|煤气|燃气|天然气)(站|罐|管道|管子)?~4漏气(了)?|桥~4断(了)?~~12(车|人)~4(在|还)|喘不上(气|来)|"
        r"(制氧机|呼吸机)~6(用不了|停了|没电)|漏气(了)?~~30(满|味|学校|小学|幼儿园|孩子|抽烟|火|住户|居民)",
        r"(climbed|climbing) (over |on |up )?the (\w+ )?(railing|parapet|guardrail)",
        r"\b(broke|broken|smashed) (my|his|her) (hand|arm|leg|nose|ribs?|jaw|fingers?)\b",
        r"(crack|cracks|cracked)\b.{0,40}\b(moves|shakes|sways)\b.{0,60}\b(bus|school bus|kids|children|cars|trucks)\b",
        r"(喷淋|消防栓|灭火器|消防通道|安全出口)~4(都是|全是)?(摆设|假的|坏的|堵死)~~30(开业|营业|促销|人多)",
        # blind13: feet over nothing, a child carried into a van, shut in for days without food, groomed online and on
        # the bus to meet him, burnt with cigarettes again, married off at fourteen, a cracked glass walkway still
        # letting people on, trampled in a crowd, a car driven into dancers, a dam cracking, a leak smelt by children
        r"脚~2悬空|阳台外(面|边)|(娃|孩子|小孩|女儿|儿子|闺女)~4(叫|被)人~2(抱|拽|拉|拖)(上|进)~4车|(关|锁)~6(好几|几|两|三)天~4不给"
        r"(吃|饭|水)|(网上|网友)~~20(哄|骗|认识)~~30(去见|见面|坐车去|坐大巴)|烟头~4烫|(烫|打|掐)小孩~~12(又|还在)|(强行|逼)~6(嫁人|"
        r"结婚|嫁给)|(十[一二三四五六]|1[1-6])岁~~30(许给|嫁给|嫁人|订婚|定亲)|(许给|嫁给)~~30(明天|后天|马上|就要)~4(送|嫁|过门)|裂了~~20(还在|照样|继续)~~8(放人|上人|进人)|被挤倒~~12踩|踩在(底下|脚下)",
        r"(drove|driven|ploughed|plowed|rammed) (a |his |her |the )?(car|truck|van) into (the )?(\w+ ){0,3}(crowd|"
        r"people|dancers)|(dam|dyke|dike|levee|embankment)\b.{0,20}\b(cracking|leaking|breaching|seeping)|water (is )?"
        r"coming through the (wall|dam)|leaking\b.{0,40}\b(smell it|whole block|kids|children|school)|cracks?\b.{0,40}"
        r"\b(bigger|wider|growing)\b.{0,60}\b(kids|children|students|people|sleep|class)",
        r"hunger strike|injected (all|\d+|the whole|a whole) (of )?(my )?(insulin|pens)",
        r"knife (to|at) (his|her|their|my|a) (throat|neck)",
        r"(drunk|drinks|been drinking)\b.{0,80}\b(going to drive|about to drive|will drive)",
        r"(rope|noose) is (already )?(up|tied|ready)|standing (at|on) the edge|tonight'?s the night",
        r"\b(bitten|bit) by a (snake|viper)|snake ?bite|face (is )?droop\w*|(can'?t|cannot|unable to) (talk|speak) "
        r"(properly|clearly|right)|slurr\w* (speech|words)|(isn'?t|not|stopped|can'?t|cannot) breath(e|ing)|(kid|child|"
        r"girl|boy|toddler)\b.{0,30}\b(on|along) the (highway|motorway|expressway|freeway)|(fell|fallen|gone) through "
        r"(the )?ice|taking on water|(boat|ferry|ship)\b.{0,20}\b(sinking|capsiz\w*|overturn\w*)|pressure (is )?(\w+ )"
        r"{0,2}over (the )?limit|(not|aren'?t|isn'?t|won'?t) evacuat(e|ing)|air is getting (bad|thin)|running out of "
        r"air|(dozens|many|lots|hundreds|\d+) (of )?(people|villagers|kids|students|workers)\b.{0,30}\b(diarr?h?o?ea|"
        r"vomiting|throwing up|poisoned)|(bridge|building|dam|wall|ceiling|roof|classroom)\b.{0,30}\b(cracking|"
        r"collapsing|sagging)\b.{0,80}\b(kids|children|students|school bus|people|workers|residents|families)\b",
        r"(knee|kneeling|standing) on (his|her|the boy'?s?|the girl'?s?) neck|barely conscious|(brakes?) (\w+ ){0,2}"
        r"(failed|failing|gone soft|not working)|\bno (working )?brakes\b|brakes? (don'?t|do not|doesn'?t|does not) "
        r"work",
        # blind16: medicine or dialysis cut off with days left, "再不做就有生命危险", sitting on a highway
        r"(insulin|dialysis|medication|medicine|oxygen)\b.{0,40}\b(cut off|stopped|cancel\w*)\b.{0,100}\b((\d+|one|two|"
        r"three|last) (pens?|doses?|vials?|days?) left|left for (\d+|one|two|three) days?)|(\d+|one|two|last) "
        r"(insulin )?(pens?|doses?|vials?) left\b|\b(sitting|standing|lying|walking) (\w+ ){0,3}(in the middle of|on) "
        r"the (\w+ )?(highway|motorway|expressway|freeway|railway|train tracks|tracks)\b",
        r"(胰岛素|透析|药|氧气)~~20(停|断|截|扣|不给)~~40(后天|明天|还剩|只剩|就剩)|(还|只|就)剩~4(一|两|1|2|最后)~2(支|针|天|次)"
        r"~~16(胰岛素|药)|再不(做|透|治|打|送医|手术|救)~~12(生命危险|会死|没命|就完了)|(坐|躺|站)在~4(高速|马路中间|铁轨|铁道)",
        # blind18: a table numb after wild mushrooms, insulin stopped for days
        r"(嘴麻|舌头麻|手脚(发)?(软|麻)|呕吐|吐了|头晕|抽搐)~~30(野|毒)?(蘑菇|菌子)|(野|毒)(蘑菇|菌子)~~30(嘴麻|舌头麻|"
        r"手脚(发)?(软|麻)|呕吐|吐了|头晕|抽搐|晕)|(胰岛素|透析|降压药|抗排异药|心脏药)~4(断|停)(了)?~4(\d+|"
        r"[一二两三四五六七八九十几好])"
        r"(多)?天",
        # blind22: a baby turning purple, a head stuck in railings, held in a "study class" without her pills, epilepsy
        # pills running out, the heat cut at -4 with a newborn, a bare cable touched
        r"\b(turning|turned|going|gone) (purple|blue)\b|\blips? (are |is )?(blue|purple)|\b(head|arm|leg|hand|"
        r"foot) (is )?"
        r"stuck\b|can'?t (pull|get) (him|her|them|it) out|\b(touched|grabbed) (a |the )?(bare|live|exposed|"
        r"broken) (wire|"
        r"cable|power line)|electrocut\w*",
        r"\b(cut|shut off|turned off)\b.{0,20}\b(power|heating|heat|electricity)\b.{0,60}(-\d+|minus \d+|below (zero|"
        r"freezing)|freezing)",
        r"(-\d+|minus \d+)( ?(°c|c|degrees))?\b.{0,30}\b(tonight|now|today)\b.{0,40}\b(newborn|baby|infant|toddler|"
        r"elderly|"
        r"grandma|grandpa)",
        r"(办|关|进)~4学习班~~30(没让|不让|两天|三天|几天)|没让~2(回家|走|出来|离开)|(癫痫|胰岛素|抗排异|心脏病|哮喘)~2药~~12(吃完|用完|断|没了)|"
        r"断(了)?~4(电|暖气|暖)~~24(零下|-\d)|嘴唇~2(发紫|发青|紫了)",
        # blind20: dialysis stopped or cancelled, "撑不了几天"
        r"(撑|挺|熬|活)不(了|过|到)~4(几天|明天|今晚|后天|两天|三天)|(再|在)不(做|透|治|打|送医|手术|救)~~12(生命危险|会死|没命|就完了|撑不)|"
        r"(透析|胰岛素)~~6(停|断|取消)~~30([\d一二两三四五六七八九十几])天(前|没)",
        r"\b(dialysis|chemo\w*|insulin|oxygen)\b.{0,60}\b(cancel\w*|refus\w*|stopped|cut off|denied)\b|\bcan'?t (skip|"
        r"miss) "
        r"(another|one more|any more)",
        # blind19: a child stuck up a tree on a breaking branch, soup scalding a toddler, a girl posting from the school
        # roof, a witness's wife "we know which ward", a homemade pipe bomb in a chat group
        r"(树|楼顶|房顶|屋顶|崖|悬崖|塔|电线杆)~~12下不来|(树枝|栏杆|绳子|护栏|木板)~4(眼看|快|马上)~2(要)?断|"
        r"(开水|热汤|热油|滚水|沸水)~6(泼|浇|倒|洒|烫|扣)~6(身上|脸上|孩子|娃|头上)|皮(都)?~2(掉|脱|起泡)了|救护车~4(还)?没(来|到)",
        r"boiling (water|soup|oil|porridge)\b.{0,40}\b(onto|over|on) (her|him|herself|himself|them|the (baby|child|kid|"
        r"toddler))|skin (is )?(peeling|coming off|blistering)|ambulance (is )?(still )?(not here|hasn'?t (come|"
        r"arrived)|"
        r"isn'?t here)",
        r"\b(posted|texted|said|says|messaged|wrote)\b.{0,30}\b(she'?s|he'?s|she is|he is|i'?m|"
        r"they'?re) (standing )?on "
        r"(the|a) (\w+ ){0,2}(roof|rooftop|ledge)\b|发(了)?(朋友圈|说说|消息|动态)~~12(在|站在|坐在)~4(楼顶|天台|顶楼)",
        r"\bwe know (where|which \w+) (you|your \w+|his \w+|her \w+) (is|are|live|lives|go|goes|work|works|stay|stays|"
        r"sleep|sleeps)\b",
        r"homemade (pipe|bomb|gun|explosive|device)|pipe bomb|\btake out (everyone|everybody|all of (them|you)|"
        r"the whole)|"
        r"自制~4(炸弹|土枪|爆炸物|雷管|炸药)",
        r"\b(take|taking|took) (our|my|the) (daughter|son|child|children|kids?|baby) (across the border|abroad|"
        r"out of the "
        r"country)\b|(把|带)~4(孩子|女儿|儿子)~4(带)?(出国|出境|去国外|过境)~~12(再也)?(见不到|别想见)",
    ),
    # blind15: a structure that failed its inspection (last year) with a crowd on it tomorrow
    "scheduled": (
        r"fail(ed)? (\w+ ){0,2}inspection\b.{0,100}\b(thousands|hundreds|crowds?|festival|tomorrow|tonight)|"
        r"(tomorrow|tonight)\b.{0,100}\bfail(ed)? (\w+ ){0,2}inspection",
        # blind17: a child handed over this weekend to the man who nearly strangled it last time
        r"(周末|明天|后天|今晚|下周|这周|过两天)~~16(来)?(接|带走|领走|探视)~~40差点~6(掐|打|淹|勒|捂|摔|闷|饿)死|"
        r"差点~6(掐|打|淹|勒|捂|摔|闷|饿)死~~40(周末|明天|后天|今晚|下周|这周|过两天)~~12(来)?(接|带走|领走|探视)",
        r"\b(this weekend|tomorrow|tonight|next week)\b.{0,100}\b(almost|nearly) (killed|strangled|drowned|choked|"
        r"suffocated)|\b(almost|nearly) (killed|strangled|drowned|choked|"
        r"suffocated)\b.{0,80}\b(this weekend|tomorrow|tonight|next week)\b",
    ),
}  # fmt: skip

#: Threats that still stand when told as said last week, and a danger set for a day to come whatever happened
#: before it (the backstop reads them in a past frame too).
STANDING_THREATS = frozenset({"quoted_threat", "scheduled"})

#: Read across the message: a hazard found in one sentence ("甲醛超标五六倍") and, in another, many people to be put
#: in its way soon ("明天一早全校一千多个孩子就要搬进去上课了").
HAZARD_FOUND = (
    r"甲醛~4超标|(检测|鉴定|验收|检查)~4(不合格|没通过|没过)|危房|[cd]级危房|鉴定为[cd]级|承重~4(不够|不合格|裂)|"
    r"\bformaldehyde\b|fail(ed)? (\w+ ){0,2}(inspection|safety check|structural)|(condemned|unsafe) building",
    # blind34: a grandstand condemned last year, 5,000 on it tomorrow
    r"\b(grandstand|stands?|bleachers?|stage|bridge|building|hall|dorm\w*|gym|classroom|school|roof|footbridge)\b "
    r"(\w+ ){0,2}(was |is |has been |had been |been )?(condemned|declared unsafe)\b|\bcondemned (grandstand|stand|"
    r"stage|bridge|hall|dorm\w*|gym|school|classroom|footbridge)",
    # blind17: buses that failed inspection, one with bad brakes, and 200 pupils on a trip tomorrow
    r"(桥墩|桥面|看台|楼板|承重墙|堤坝|大坝)~4(裂|开裂|裂缝)|(就|只有)(一)个(出口|门|通道)|\bonly one (exit|way out|"
    r"gate)\b|\bbad brakes\b|\bbrakes? (\w+ ){0,2}(failed|fail|"
    r"broken|not working)|刹车~4(坏|失灵|不灵|有问题)",
    # and a child handed over soon to the one who nearly killed it
    r"差点~6(掐|打|淹|勒|捂|摔|闷|饿)死|\b(almost|nearly) (killed|strangled|drowned|choked|suffocated)",
    r"\bdriver\b.{0,40}\b(drunk|drinks|drinking)\b|司机~~12(喝酒|喝了酒|喝醉|醉)|\bbeat (her|him) (till|until)\b",
    # blind29: a man out tomorrow who broke the writer's arm last time; an ankle twisted as night falls on a trail; a
    # room smelling of rotten eggs and a head pounding
    r"\blast time (he|she|they) (broke|beat|stabbed|hit|cut)\b|上次~~12打(到|得)~12(听不见|骨折|住院|流血|看不见)|"
    r"\b(twisted|broke|sprained) my (ankle|leg|knee)\b|(脚|腿)~2(崴|扭|断)了|\bsmells? (like|of) (rotten eggs?|gas)\b|"
    r"臭鸡蛋味|煤气味|制氧机|呼吸机|氧气机|\b(oxygen (machine|concentrator)|ventilator)\b",
    # blind26: a boiler to be restarted tomorrow with its safety valve broken
    r"除尘器~4坏|\btied (\w+ )?with wire\b|"
    r"(房梁|大梁|楼板|顶棚)~4(裂|掉渣|往下掉|变形)|(起重臂|吊臂|塔吊|脚手架)~4(变形|歪|裂)|桥~4(就)?裂|"
    r"偷工减料|钢筋~6(一半|不够|少放)|塌(过)?方~~12(没修|还没修|没清)|超载|放炮~~30(学校|村小|小学|幼儿园|操场)|"
    r"\bhuge crack (opened|appeared)|walls? (are )?(making )?(popping|cracking|creaking) (noises|sounds)|(堆满|堆了|"
    r"囤(了)?)~4(烟花|爆竹|鞭炮|炸药|汽油|液化气)|(墙|楼|房|梁)~4裂~6缝|"
    r"(保护装置|防护罩|光栅|急停)~4(坏|失灵|拆)|(玻璃|栈道|吊桥|看台)~6裂|\binspector\b.{0,30}\b(said|says|found|"
    r"flagged)\b.{0,30}\b(rotten|unsafe|cracked|dangerous)|"
    r"(安全阀|泄压阀|压力表)~4(坏|失灵|不灵|拆|堵|卡死)|\b(safety|relief|pressure) valves? (\w+ ){0,2}(broken|"
    r"stuck|removed|disabled|jammed|not working)",
)
EXPOSED_SOON = (
    r"(明天|今晚|后天|下周一|马上|明早)~~24(搬进|入住|上课|开学|开业|开放|上人|几千|上千|上万|全校|全体|孩子们|学生们)",
    r"\b(tomorrow|tonight|next monday)\b.{0,120}\b(move in|moving in|classes|school starts|opens?|thousands|hundreds|"
    r"all the (kids|children|students|pupils)|\d+ (kids|children|students|pupils|passengers|people))",
    r"\b(\d+|hundreds of|all the|the whole school'?s?) (kids|children|students|pupils|passengers)\b.{0,60}\b(tomorrow|"
    r"tonight|next monday)\b|\b(tomorrow|tonight)\b.{0,40}\b(field trip|school trip|outing)",
    r"(现在|正|此刻)~6(站|挤|坐)满|(明天|后天|今晚)~~30(几百|上百|百家宴|酒席|宴席)|"
    r"(下午|上午|晚上|今天|待会|一会儿?)~~12(演唱会|灯会|庙会|音乐节|晚会|活动)|(卖了|来了|有)~4(几千|上千|上万|几万|\d+万|两万|一万)(多)?"
    r"(张票|人|观众)|"
    r"(明天|今晚|后天|明早)~~24(春游|秋游|研学|出游|坐车|灯会|庙会|演唱会|音乐节|烟花|晚会|运动会)|"
    r"\b(tomorrow|tonight)\b.{0,40}\b(fair|festival|concert|lantern show|parade|fireworks)\b|(\d+|几十|上百|"
    r"几百)(个)?(孩子|学生)~~24(明天|后天|明早)",
    r"(周末|明天|后天|今晚|下周)~~12(来)?(接|带走|领走|带)~4(孩子|娃|女儿|儿子|闺女)|"
    r"\btaken back to (her|his) (husband|boyfriend|father|family)'?s? (place|house|home)\b.{0,20}\b(tonight|tomorrow|"
    r"today)\b|"
    r"\b(has|have|takes|picks up|is taking|gets|will take|will have) (our|my|the) (daughter|son|kids?|child|children|"
    r"baby|girl|boy) (\w+ ){0,2}(tonight|tomorrow|this weekend)\b",
    r"\b(going to|about to|will) drive (\d+|a bus|the bus|the coach|kids|children|pupils|people|passengers)|"
    r"(马上|一会儿?|待会)~~8(开车|发车|出车)",
    r"\b(gets out|released|comes out|let out)\b.{0,40}\b(tomorrow|tonight|today)\b|(明天|今天|今晚|下午)~~8(出狱|"
    r"放出来)|"
    r"(今晚|明天|马上|今天)~~16(停电|断电|拉闸|没电)|\bgetting dark\b|\bbattery (is |at |on )?\d{1,2} ?%|"
    r"天(快)?黑(透)?了|(手机|电)(只剩|剩)~2\d+ ?%|"
    r"\b(head is pounding|threw up|throwing up|feel dizzy|can'?t breathe)\b|头~2(痛|疼|晕)~4(吐|想吐)|"
    r"(今天下午|下午|今晚)~4(还要|照样)~4(开|干|上)|\btomorrow'?s?\b.{0,40}\b(fair|festival|庙会|show|concert)\b|"
    r"(明天|今天下午|今天)~~16(拆|吊|干活|作业)|下面~4(工人|人)~6(照样|还在)~4(干活|作业|买菜)|\bdrives? the (kids|"
    r"children|"
    r"pupils|students)\b|"
    r"照常(住|上课|上班|营业|开放)|(明天|后天)~~12(剪彩|通车|放炮|照去)|照去|\b(management|they|the school) (says?|"
    r"said|told) "
    r"(\w+ ){0,3}(stay|to stay|keep (living|sleeping))\b|(今晚|明天)~~12(夜班|接着上|上班)|(挤满|站满|"
    r"坐满)(了)?(人)?|还在(往上|往里)?放人|"
    r"(明天|今晚|后天|明早|马上)~~16(重启|再开|开炉|点火|开机|复工|开工|生产|试压)|\b(restart|fire up|start up|"
    r"switch on|run)\b.{0,40}\b(tomorrow|tonight|in the morning)\b|\b(tomorrow|tonight)\b.{0,40}\b(restart|fire up|"
    r"start up|switch on)\b",
)

#: Read across the message: a farewell in one sentence and, in another, a high place or water the writer (or the
#: person written about) is at, or a means made ready ("我现在站在水库大坝上。这些话是我最后能做的一点事。").
FAREWELL = (
    r"最后(能做的|一次|一件事|的话|说一句|一点事)|没有?别的(路|办法)(了)?|(还有|有)什么意义|不会再给~6添麻烦|告(过)?别(?!(厅|仪式|会))|先走了|"
    r"我走了|对不起~6(孩子|妈妈|爸爸|爸妈|家人|大家|你们)|不想活|活着没意思|解脱|不用再去(学校|上学|上班)|[\"“']歇歇",
    r"\bno other way\b|(don'?t|do not) see any (other )?way|last (thing|message|words)|goodbye|cannot live with it|"
    r"can'?t (go on|take it) any ?more|sorry (mom|mum|dad|to my)|\b(going to|gonna|will) let go\b|"
    r"('ll|will) do it (after|tonight|tomorrow|when|once)|"
    # blind53: a child left with her grandma, "life too unfair", "make sure someone looks at my file"
    r"\bmake sure (someone|somebody|you|they) (looks? (after|at)|takes? care of|raises?|reads?) (her|him|my|them)\b|"
    r"\blife('s| is)? (too|so) unfair\b|\bdrop (my|the) (girl|boy|kid|son|daughter|baby|kids) (off )?at (her|his|their|"
    r"my) (grandma|granny|grandparents|mum|mom|mother|aunt)",
    r"(越来越|越坐越)?不想回(去|家)了|就这样吧|(就|我就|我)不下(去|来)了|翻过(了)?~2(栏杆|护栏)",
)
AT_THE_EDGE = (
    r"(站|坐|爬|蹲|在|去)~12(大坝|坝上|楼顶|顶楼|天台|屋顶|房顶|顶上|桥上|栏杆|江边|河边|水库|湖边|海边|窗台|边上)|窗户已经打开|"
    r"绳子~4(系|挂|绑)(在|好|上)|写(了)?~4(好几|几|两|三|\d)封信|遗书|(电话|手机)~2(不接|关机|打不通)|(不接|关机|联系不上)",
    r"\b(not answering|phone (is )?off|can'?t reach (her|him))\b|given away (his|her|my) (\w+ ){0,2}(watch|dog|cat|"
    r"things|belongings|phone)",
    r"东西(都)?(备|准备)好了|棺材本~4(取|拿)出来|(给|替)~6(每人|每个人|我们|孩子|家里)~4(转|打)了~4(钱|一笔)|去~6(坟前|坟上)~4陪(他|她)",
    r"\b(on|at|over|from) the (\w+'s )?(\w+ )?(roof|rooftop|top floor|bridge|railing|ledge|dam|river|edge)\b|"
    r"\b(i'?ll|i will|i|i'?m|gonna|will) (go|be going|going|head|walk|drive) (down |over |out )?(to )?(the )?("
    r"reservoir|river|lake|bridge|dam|cliff|tracks|rooftop|sea)\b|"
    r"climbed (over|"
    r"onto)",
)

#: Terse ordinary and figurative senses (blanked before any harm is looked for, by both checks).
NOT_TERSE = (
    # in formal letters (t10): a trade in knives, explosives or gas; money "bled dry"; stalls "cut"; a fire code;
    # a diagnosis of long ago; a parcel of bricks; a contract "tied to"; oil fried twice
    r"(卖|经营|批发|开)~4(刀具|菜刀|水果刀|剪刀)|刀具店|(菜刀|水果刀|剪刀)、|(管|看|守)~2炸药库|炸药库(的)?(管理|保管|手续)|"
    r"爆破(工程)?公司|(煤气|液化气)(罐|瓶)~~12(块|元|钱|涨|价|费)|(摊点|摊位|项目|预算|经费|补贴|指标|岗位|名额|线路|班次|工资|"
    r"奖金)~8(全部|都|被)?砍(掉|了)",
    r"地点|(因|因为)~4(中风|脑梗|心梗|病)~4(住院|康复|治疗)|打(我|人)的(人|是|就是)|缝了~3针|(经常|常常|老是|时常|每天(晚上)?|"
    r"天天)~~20(打架|吵闹|闹事)|(装着|是|全是)~2砖头|砖头~2(盒子|包裹)|(工作|上班|打工|干活)期间~~20(摔|砸|扭|碰)伤|"
    r"(搬货|搬东西|干活)~4(摔|砸|扭|碰)伤|一下雨~4就~2(冲|垮|塌|淹)|打(了)?农药|喷(洒)?农药|农药~4(飘|漂)|(外观|屏幕|机身|表面)"
    r"~4损伤|损伤~2(都)?没有|(油|油条|丸子|鸡)~4(反复|重复)?炸|炸(东西|油条)|拼了(我这)?(条)?老命|豁出(这条)?老命|"
    r"(气|急|累|烦|吓|愁|恨|难受|憋屈)得(我|人)?(都)?要死|告别(厅|仪式|会)|遗体告别|(头|脑袋|肺|肚子|胸口)(都)?(要|快)?炸(了|开)|"
    r"卖~4(煤气|液化气)(罐|瓶)?的|(煤气|液化气)(罐|瓶)~~12(贵|便宜|秤)|拉回(去|家)~2卖",
    r"挑刺|鸡蛋里挑骨头|(晚上|天黑|黑咕隆咚|路灯)~~20不敢出门|(案子|案件|事|申请|举报)~6(再)?没(有)?动静|(死了|去世|过世)的人~4(名字|名义|"
    r"身份)|名单上~~12死(了)?的人|(轧|砸|切)(了|断)?~4手指~~20(老板|不认|工伤)|(三轮车|摊|摊子|东西|货|羊|牛|猪|鸡|鸭|档案|资料|材料)~4拉走|刀刃向内|刮骨疗毒|"
    r"刀削面|救火队长",
    # blind13: a battery bulging as a refund complaint, "形式主义害死人", a heart "bleeding", "被'枪毙'了"
    # at an interview, asking whether someone can bring two families together
    r"鼓包~~16(不退|不换|退|换|店家|商家|售后|质量)|(形式主义|官僚主义|这(种|个)(制度|政策|"
    r"做法)|这样)~2害死人|心(里)?(在)?滴血|被['‘\"“]枪毙|面试~~12枪毙|有没有人(能|可以|会)|(正在|在)打~8官司|(丢了|被偷|偷了)~~30拉走(的)?",
    r"injury (leave|pay|compensation|benefits?)|\b(my|the) (\w+ ){0,3}(deposit|money|cash|payment|goods|knives|phone|"
    r"bike) and never came back|\b(cops|police|officers|he|she|head|chief|boss|director|secretary|mayor|guy|man)\w* "
    r"(\w+ ){0,6}(is|are) (a |an )?(ticking )?(time )?bomb|(confiscated|seized) (\w+ )?(shotgun|gun|rifle)s?|"
    r"\b(goes|go|going|takes? \w+) hunting\b",
    r"(run|running) and jump(ing)? around|jump(ing)? around|knife-?sharpen\w*|knife sharpener|kill the (queue|line)",
    r"blood (is |was )?boil\w*|blew up (budget|cost|schedule)\w*|(project|budget|costs?) blew up|shoot (there|at the "
    r"range|targets|clay)",
    r"bleed(ing|s)? (\w+ ){0,3}dry|bled (\w+ ){0,3}dry|heart bleeds|daylight robbery|(licensed |civil )?(blasting|"
    r"explosives?) (company|firm|permits?|licen[cs]es?|approvals?|industry|business)|(purchase|transport|storage|sale) "
    r"of explosives|(kitchen|steak|chef'?s?) knives|knife (set|block|shop|store)|set of (\w+ ){0,3}knives|"
    r"(private |the )?gas (operator|company|supplier|utility|bills?|charges?|prices?|meter)|falls? (under|within|into "
    r"(the )?(category|scope|remit|jurisdiction))|(after|since|before|upon) (his|her|my \w+'s) death|"
    r"(is|are|was|being) tied to (the|my|a|his|her|our) (\w+ ){0,2}(contract|visa|permit|job|salary|account|school|"
    r"company)|fire(-| )(standards?|regulations?|requirements?|certificate|rules)|(are|were) (pure |sheer |absolute )?"
    r"murder\b",
    r"菜刀~8(断|坏|卷刃|生锈|质量|不退)|sharpen\w* (\w+ )?knives|\bi'?m (literally )?dead\b|💀",
    # blind14: a nosebleed from one punch, hurt delivering orders, cattle said to have died, the man who took the
    # money unreachable, a threat not to approve, a petrol station, a chef's knife, "the fight" as a case, gas
    # cylinders in a list of materials, "炸了他的摊子" (shut his stall), a flood as a date or a fund
    r"(出|流)(了)?鼻血|鼻子~2(出|流)(了)?血|(擦|蹭)破(了)?(点)?皮|(送单|送餐|送货|送外卖|送快递|跑单)(的时候|时|途中)~~12(摔|撞|扭|碰)伤|"
    r"(牛|羊|猪|鸡|鸭|鹅|鱼|兔|牲口|牲畜)~~12(病)?死(了|掉|光)|(投资|集资|理财|借钱|借款|款|钱|押金|定金)~~30(人)?(也)?(联系不上|失联)|"
    r"打架的(事|案子|事情)|打架那(件|次|回)|(煤气罐|液化气罐|汽油|柴油)(?=、)|(?<=、)(煤气罐|液化气罐|汽油|柴油)|炸了?(他|你|谁|他们|你们)的摊子|"
    r"(钢管|钢筋|铁管|砖头|木棍|铁棍|水泥)(?=、)|(?<=、)(钢管|钢筋|铁管|砖头|木棍|铁棍)|往上(面)?捅|捅(到|给)~2(上面|上级|上边|媒体|记者|纪委|网上)|捅出去",
    # blind15: 擦边球, still swollen, a road someone will not let us use, a dog at the door, a drill "blasting" a
    # head, 坑死/装死, knives given as gifts
    r"(打)?擦边球|坏死|(才|所以|就)想不开的|(现在|至今|到现在)(还|都)?(肿|疼|青|紫|有疤|留着疤)(着)?|(路|道|过道|小路|通道)~~16不让~4(走|过|通行)|"
    r"(狗|狼狗|大狗|土狗)~~16(在)?(我家)?门口~2转|炸得~4(脑袋|头|耳朵)|坑死|装死|(送|收)(了)?~12(一套|一把)~8(刀|菜刀|藏刀)|藏刀|送刀",
    r"\bthreat\w* (not )?to (approve|fire|expel|dismiss|fail|withhold|cut|deduct|cancel|block|report|sue|evict|"
    r"demote|transfer|revoke|stop|delay|withdraw|sack)\b|(petrol|gas|filling) station|fuel card|(petrol|fuel|gas) "
    r"(money|allowance|receipts?|reimburse\w*|card|bills?|subsid\w*)|fills? (\w+ ){0,4}up\b|(kitchen|steak|chef'?s?|"
    r"bread|fruit|pocket) kni(fe|ves)|\b(blade|knife|knives|scissors)\b.{0,40}\b(bends|bent|rust\w*|"
    r"blunt|dull|chipped|refunds?|return|seller|quality)\b|during the (\w+ )?(flood|floods|earthquake|typhoon|"
    r"epidemic)|blood (tests?|samples?|alcohol|pressure|sugar|type|donation)|(for|of|with) ['‘\"“]?drunk[- ]driving|"
    r"burn(s|ing|ed)? (\w+ )?(garbage|rubbish|trash|waste|leaves|"
    r"straw|stubble|plastic)|stuck (for|in) (\w+ ){0,2}(days|weeks|months|years|customs|the system|processing)|"
    r"(gas|fire) safety\b|gas (inspections?|checks?)|winter (here |there )?(is|"
    r"gets|goes) (down )?(to )?minus \d+|(says|said|claims?|because of|for) (a )?fire (risk|hazard)|(flood|typhoon|"
    r"earthquake) (relief|control|prevention|season|duty|work|funds?|compensation|memorial|subsid\w*|donations?)",
    r"(policy|rules?|this|it|that|rent|prices?|fees?|taxes|inflation|bureaucracy|system|paperwork) (is|are) killing "
    r"(us|me)",
    r"fell on (my|our|the|his|her) (fence|car|roof|wall|shed|garage|house)\b(?!.{0,30}\b(someone|people|kid|child|him|"
    r"her|trapped|inside)\b)",
)
