"""Urgent words, part 2 (rules.md §8; XF-25): danger to many people from hazards and accidents, not violence.

A building cracking or collapsing, a dam leaking, a mine flooding, gas in a building, poisoned water or food,
someone fallen into a pit. An inspection, an acceptance report or an old accident is not urgent: the hazard words
here either need people in the way *now* (``PEOPLE_EXPOSED``, a kind of "now"), or say harm happening to people
("三十几个学生在吐"). Same pattern shorthand as ``core/scope/urgent_words.py``.
"""

from __future__ import annotations

#: Structures and earthworks that can fail.
_STRUCTURE = (r"(楼房?|房子?|屋|墙体?|大楼|宿舍|教室|厂房|桥|大坝|堤坝|河堤|堤|坝|水库|山体|山坡|边坡|脚手架|塔吊|围墙|"
              r"天花板|楼板)")  # fmt: skip
_FAIL = r"(开裂|裂缝|裂开|裂了|倒塌|坍塌|垮塌|塌(了|下|方|陷)|垮(了|下)|倾斜|歪了|晃(动|得)|掉(砖|瓦|石|渣|水泥))"
#: People (or a group) counted: "十几户人", "好几个人", "三十几个学生".
_MANY = r"(好几|十几|几十|二三十|三十几|几|多|好多|很多|一群|一大群|一批|\d+|[二三四五六七八九十]+)(个|户|名|位|家)?"
_PEOPLE = r"(人|户|工人|学生|孩子|小孩|老人|村民|住户|居民|乘客|员工|矿工|家人|群众)"
_SICK = r"(吐(?!槽)|呕吐|上吐下泻|拉肚子|腹泻|晕(?!车)|昏|抽搐|口吐白沫|中毒|倒下)"
_EN_PEOPLE = r"(people|students|children|kids|workers|villagers|residents|pupils|families|miners|passengers|elderly)"

#: (a) Hazards that say danger to people by themselves.
HAZARDS_SAID: dict[str, tuple[str, ...]] = {
    "poison": (  # poisoned water or food, people sick from it
        r"往~14(井|水池|蓄水池|水塔|水缸|水源|水库|水箱|锅|饭|菜|食堂|汤)~10(倒|投|放|撒|下|加)(了|进)?~8"
        r"(农药|毒|药|不明)",
        _MANY + "~2" + _PEOPLE + r"~10(都|正|还|一直)?(在)?" + _SICK,
        _PEOPLE + r"(们)?~4(都|全|集体)~2(在)?" + _SICK,
        r"poison(ed|ing)? (the )?(village |our |public )?(well|water|food|reservoir|tank|canteen|meal)",
        r"(several|many|dozens of|lots of|some|a few|\d+|our|the) (\w+ )?" + _EN_PEOPLE
        + r" (are |keep |have been |started )?(vomiting|throwing up|fainting|passing out|collapsing|convulsing)",
    ),
    "gas": (
        r"(煤气|燃气|天然气|液化气|瓦斯)(的)?(气)?味~2(道)?~3(大|重|浓|冲|呛)",
        r"(闻到|一股|好大的?|很大的?|满屋|满楼|整栋楼)~3(煤气|燃气|天然气|液化气)(味|气味)",
        r"gas smell|smell(ing|s)? (of |like )?gas|reeks? of gas",
    ),
    "collapse": (
        r"(楼|房|屋|墙|桥|坝|顶|脚手架|塔吊|天花板)~4(正在|快要?|马上|要)~2(塌|倒|垮)",
        r"(掉|落)(砖|瓦|石头|水泥块|玻璃)~8(砸|下来|往下)",
        r"\b(building|house|wall|roof|bridge|dam|ceiling|scaffold\w*|school|tunnel|block|floor)s? (is |are )?"
        r"(collapsing|caving in|about to (collapse|fall)|falling down|going to collapse|cracking)",
        r"\b(bricks|stones|rocks|concrete|glass|debris) (are |keep )?falling",
    ),
    "flood": (
        r"(溃坝|决堤|决口|管涌)", r"(洪水|大水|水)~4(冲进|漫进|淹了|进了)~4(村|家|屋|楼|矿|井)",
        r"(dam|dike|levee|embankment) (is )?(leaking|cracking|breaking|bursting|about to burst|overflowing)",
    ),
    "fall": (
        r"(掉|落|摔|跌|滑)(进|到|入|下)(了)?~6(窨井|井|下水道|化粪池|悬崖|山崖|深坑|基坑|枯井|冰窟窿|水沟)",
        r"(fell|fallen|falling|slipped) (into|in|down) (a|the|an) (\w+ )?(pit|hole|shaft|well|ditch|manhole|trench|"
        r"sewer|cliff|ravine|river|lake|pond|water|sea)",
    ),
}  # fmt: skip

#: (a) Failing structures: a quality complaint ("现在墙都裂了") until people are in the way (``PEOPLE_EXPOSED``
#: anywhere in the message).
NEAR_PEOPLE: dict[str, tuple[str, ...]] = {
    "collapse": (_STRUCTURE + "~6" + _FAIL, _FAIL, r"\bcracks?\b|\bcracking\b|\bsubsiding\b"),
    "flood": (r"(大坝|水库|堤|坝)~6(漏|渗|裂|溢)", r"\b(dam|reservoir|dike|levee)\b.{0,30}\b(leak|crack|seep)\w*"),
    "mine": (r"透水|冒顶|塌方|瓦斯(爆炸|超限|突出)", r"\bmine\b.{0,20}\b(flood|collaps|explo)\w*"),
}  # fmt: skip

#: (a) Hazards that need a time: they are also how inspections and old accidents are told.
HAZARD_ACTS: dict[str, tuple[str, ...]] = {
    "fall": (r"(掉|落|摔|跌)(进|到|入|下)(了)?~6(坑|沟|洞|坑里)", r"\b(fell|fallen) (into|in|down|off)\b"),
    "fire": (r"(起火|冒烟|浓烟|火(势|苗|光))", r"\bsmoke\b|\bflames?\b"),
    "poison": (r"(倒|投|放|下)(了)?~4(毒|农药|不明液体|不明物)", r"呕吐|上吐下泻|(在|直|一直)吐|吐(了|血|白沫)|晕倒",
               r"\b(vomiting|fainting)\b"),
}  # fmt: skip

#: (c) People in the way of a hazard now: a kind of "now" for the clause and those beside it.
PEOPLE_EXPOSED = (
    r"(里面|楼上|楼里|屋里|上面|下面|底下|井下|下游|附近|周围|宿舍里|隔壁|房间里)~3(还|都|就|全)?~2(住|有|困|是|在)(着)?~10"
    + _PEOPLE,
    r"下游(就是|有|是)", _PEOPLE + r"~4(没|还没|未)(上来|出来|撤出|逃出|救出|找到)",
    r"(还|都)(住|困|压|埋)(着|在)~10" + _PEOPLE, r"(没人|没有人)(来|管|应|救)(啊|呀|了)?$",
    r"(敲门|打电话|叫门)~4(没人应|不应|没人接|打不通)", r"(独居|一个人住)~4(老人|老太|老头)",
    r"水还在(供|用|喝)", r"(还在|正在)(供水|喝|吃)",
    r"\b" + _EN_PEOPLE + r" (are )?(still )?(trapped|inside|upstairs|downstairs|below|underground|in there|living)",
    r"(still|trapped) (inside|upstairs|underground|below|on the \w+ floor)", r"\bdownstream\b",
    r"(nobody|no one|no-one) (is )?(coming|answering|helping|here)",
)  # fmt: skip

#: (d) Ordinary senses: inspections, reports, drills, compensation (blanked first, as ``NOT_HARM``).
NOT_HAZARD = (
    r"(检测|鉴定|验收|评估|检查|安检|巡查|整改|维修|加固|改造)(报告|结果|资料|意见|费|款|工程|项目|单位|公司)?",
    r"(危房|危楼)(改造|补贴|鉴定|名单)", r"压垮|垮台|搞垮|拖垮|房价|楼市|楼价|股市",
    r"(食品|卫生|安全)(检查|许可|标准|监管)",
    r"(inspection|inspector|certificate|audit|drill|renovation|subsidy|compensation)s?",
)  # fmt: skip
