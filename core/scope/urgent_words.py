"""The words of the urgent check (rules.md §8; XF-25, XF-26(2)(3), XF-47), by category, as data.

A message is urgent when a harm to a person is described as happening now, about to happen, intended or
threatened. So the words come in four kinds: (a) harms, by what happens (``HARMS_SAID`` say danger by
themselves, "自杀", "同归于尽", "救命"; ``HARM_ACTS`` need a time: "砍人" is a report until it is "正在砍人" or
"要砍人"); (b) who is in danger (``WHO``); (c) when (``NOW``, ``AHEAD``, ``INTENT``, ``THREAT``); (d) what
takes danger away: a past or reported frame (``DISTANCE``) and figures of speech or ordinary senses
(``NOT_HARM``: "气死", "汽油补贴", "kill time"), blanked before anything is looked for.

Patterns are regular expressions over normalised text (lower case, half-width) with the gap shorthand of
core/scope/rules.py: ``~n`` up to n characters in one clause, ``~~n`` in one sentence.
"""

from __future__ import annotations

#: A person as the object of a harm: "打我", "砍他", "捅人", "掐孩子", "打我爸".
P = (r"(我们?|你们?|他们?|她们?|人|自己|孩子|小孩|娃|儿子|女儿|闺女|孙子|孙女|老人|老婆|媳妇|老公|丈夫|妻子|"
     r"(我|俺)?(爸|妈|爹|娘|父亲|母亲|爷爷|奶奶|姥姥|外婆|哥|姐|弟|妹|家人|全家|一家)|村民|群众|大家|学生|"
     r"这(个|帮|些)|那(个|帮|些))")  # fmt: skip
_EN_P = (r"(me|him|her|them|us|you|my \w+|his \w+|her \w+|our \w+|people|someone|everyone|everybody|the (\w+ )?"
          r"(head|chief|secretary|boss|official|officer|mayor|director|manager|guard|teacher|workers?|police|"
          r"cadre|leader|"
          r"family|kids|children|child|man|woman|people|villagers))")  # fmt: skip
_WEAPON = (
    r"(菜刀|砍刀|尖刀|匕首|刀子|水果刀|杀猪刀|刀|斧头|斧子|枪|猎枪|土枪|弓弩|铁棍|钢管|棍|棒|锄头|铁锹|镰刀|砖|硫酸)"
)
_POISON = r"(农药|毒药|老鼠药|耗子药|敌敌畏|百草枯|安眠药|除草剂|甲胺磷)"
_JUMP = r"跳(?!舞|绳|广场|高|远|槽|蚤|水|操|闸|动|出来|过)"  # to jump, not to dance, skip rope or change jobs
_HIGH = r"(楼顶|房顶|顶楼|顶上|天台|桥上|大桥|塔吊|铁塔|窗台|屋顶|高压线塔|广告牌)"

#: (a) Harms that say danger by themselves: urgent unless set in the past or in a story.
HARMS_SAID: dict[str, tuple[str, ...]] = {
    "self_harm": (
        r"自杀", r"轻生", r"寻死", r"寻短见", r"自尽", r"自焚", r"自残", r"割腕", r"割脉", r"上吊", r"卧轨",
        r"跳(楼|河|江|桥|湖|海|崖|水库)", r"跳下(去|来)", r"从~10(楼|桥|顶|台)~4" + _JUMP, _HIGH + "~~16" + _JUMP,
        r"(站|坐|待|爬|蹲)(在|到|上)?~4" + _HIGH, r"(我|他|她|人|孩子)(现在|正|还|已经)*(在|到了?|上了?)~6" + _HIGH,
        r"不想下(去|来)了", r"我?就跳($|[了，。！!])",
        r"不(想|愿)(再)?活", r"不活了", r"活不(下去|成了)", r"活着(没|没有)(意思|意义|盼头)", r"活着太(累|苦)",
        r"我?想死", r"(去)?死了?算了", r"不如死了", r"一死了之", r"一了百了", r"想不开", r"遗书",
        r"(留|写)(下|好)?(了)?遗言",
        r"了结(自己|生命|此生)", r"结束(自己的)?生命", r"死给.{0,4}看", r"喝给~6看", r"走了算了", r"我就死(给|在|了)",
        r"熬不(下去|住了)", r"(撑不下去|走投无路|绝望)~~12(河边|江边|桥上|楼顶|天台|铁轨|水库|去死|了断)",
        r"(今晚|今天|明天|这就|马上)~6(了断|去死|寻短见)", r"不想(再)?撑了",
        r"(喝|吃)了?~4" + _POISON, r"喝药(死|自尽|了结)|(去|要|想|准备|就)~8喝药", r"(吃|喝)了?~3药~4(走|死|了断|算了)",
        r"(买|备|准备)(好|了)~3" + _POISON, r"(一瓶|一包|手里有|拿着)~4" + _POISON, _POISON + r"~~20(就喝|喝下去|就吃)",
        r"(吞|吃)了?(一把|一瓶|一堆|好多|很多)药|吞(了)?药",
        r"kill(ing)? myself", r"suicid", r"end (my life|it all|everything)", r"take my (own )?life",
        r"wan(t|ts|na) to die",
        r"don'?t want to (live|be alive|go on)", r"can'?t go on(?! like)", r"no reason to live", r"better off dead",
        r"(hurt|cut|harm)(ing)? myself", r"overdos", r"(swallowed|took) (a|the|all)( \w+)? (pills|bottle)",
        r"\b(is|are|am|'m|'s|standing|sitting|climbed|climbing) on (the |a |top of the )+"
        r"(roof|ledge|bridge|top floor|balcony rail|railing)",
        r"jump (off|from)",
        r"(drank|drink|drinking) (the )?(pesticide|poison|weed ?killer)", r"not be (here|alive) tomorrow",
        r"(said|wrote) (my|a) goodbye", r"suicide note",
        r"\bhang(ing)? (myself|himself|herself)\b", r"\b(took|swallowed|downed|taken|had) (like |about |around |over )?"
        r"(\d+|a (whole )?(bottle|box|pack|handful)|all) (of )?(the |my |his |her )?(\w+ )?(pills|tablets|paracetamol|"
        r"painkillers|meds|medication|antidepressants|panadol|tylenol|aspirin|insulin)\b",
    ),
    "threat": (
        r"杀了(他|她|你|他们|你们|这个|这帮|这些|那个|那帮)", r"(弄|砍|捅|打|整|掐|毒|烧|炸)死" + P, r"同归于尽",
        r"报复社会", r"要(他|她|你|他们)的(狗)?命", r"拼(了|命)(算了)?$", r"跟.{0,6}拼了",
        r"(大不了|一起|跟~6)~4(一起死|完蛋|同归)",
        r"(啥|什么)(事)?都(干|做)得出来", r"让(他|她|你|他们)~4(见血|偿命|陪葬|活不成|不得好死)", r"血债血偿",
        r"(弄|打)(残|断~4腿)", r"(will|going to|gonna|'ll|want to) (kill|shoot|stab|murder|hurt) " + _EN_P,
        r"\bkill (him|her|them|you|my|his|their|every|all)\b", r"take (him|her|them) (down )?with me",
    ),
    "explosion": (
        r"炸药", r"雷管", r"爆炸物", r"土炸弹", r"炸弹", r"(炸|烧)了?(他|她|你们|他们|镇政府|政府|村委会|他家|办公室)",
        r"炸(掉|平|毁)", r"引爆", r"\bbomb\b", r"explosives?\b", r"\b(blow|blew) (it |them |him |the \w+ )?up\b",
    ),
    "fire": (
        r"(点|放)了?一?把火|纵火|放火", r"(一|几|两|半|一大)(桶|瓶|壶|罐)~2(汽油|柴油|煤油|酒精)", r"(浇|泼|淋)~4汽油",
        r"(带|买|拎|拿|提|抱)(了|着)?.{0,4}(一桶|一瓶|一壶)?汽油", r"汽油.{0,6}(浇|泼|点|烧|自焚)", r"我?就点(了|火)",
        r"点(了|着)?(火|他家|村委会|政府|办公室)",
        r"把~8(他|她|他们|你们|村委会|政府|房|家|楼|车|屋|办公室)~3(烧|炸|点)(了|掉|平|着)",
        r"着火", r"起火", r"失火", r"烧起来", r"火(很|太|越来越)大",
        r"set (fire|it on fire|\w+ on fire)", r"\bon fire\b", r"there'?s a fire", r"(is|are) burning", r"\bfire!",
        r"\b(burn|burning) (it|the \w+|them|him|her|my \w+|down)", r"full of smoke",
    ),
    "gas": (
        r"煤气罐.{0,8}(炸|引爆|点|打开|拉到|搬到)", r"(带|拉|扛|搬|背|抱)(着|了)?~4(煤气罐|液化气罐)",
        r"(准备|备)(了|好)~4煤气罐", r"下毒|投毒",
        r"(点|拧开|打开|开着)(了)?(煤气|燃气)", r"(煤气|燃气|天然气)(泄漏|漏了|漏气|味(道)?很(大|重))", r"一氧化碳",
        r"(煤气|燃气|天然气|液化气)(管道|管子|管|罐|瓶|阀门?)(在|正在|一直|还在)漏",
        r"煤气中毒",
        r"gas leak", r"smell(s)? (of )?gas", r"turned on the gas",
    ),
    "weapon": (
        r"(准备|备|弄|搞)(好|了|到)?~6(汽油|柴油|煤油|炸药|雷管|刀|斧头|农药)",
        r"(带|拿|揣|买|藏|磨)(了|着|好)(一把|把)?~2" + _WEAPON,
        r"(拿着|举着|扛着|拎着|抄起)~4" + _WEAPON,
    ),
    "violence": (
        r"有人(正在|在)?(打|砍|追)(我|人)", r"(在后面|一直在)追我",
        r"(我|我们)(正|现在)?躲在~8(里|厕所|房间|店|超市|家)",
        r"(快|要)打起来", r"(正|在)(打|砍|捅|追|砸)(我|人|他|她|孩子)",
    ),
    "confinement": (
        r"(扣|关|锁|困)(在|着|了)~10(不让走|不让出|不放|出不来)", r"已经(被)?关了~4(天|夜|晚|小时)", r"非法拘禁",
        r"(关|锁|扣)在~8(屋|房间|地下室|小黑屋|仓库)", r"还?没放(他|她|我|人)走|不放(他|她|我|人)走",
        r"locked (" + _EN_P + r" )?(in|up)\b", r"(am|is|are|'m|'re) trapped", r"把(我|俺|孩子)~3(关|锁|扣)(起来|住)",
        r"won'?t let " + _EN_P + r" (out|leave|go)", r"held (against|captive|hostage)",
    ),
    "demolition": (
        r"正在~~8(拆|推|铲)", r"现在~~3(正在)?(拆|推|铲)(我|房)",
        r"(挖掘机|铲车|推土机)~~12(开到|开进|到了|在)~4(我家|门口|院子)",
    ),
    "hostage": (
        r"劫持", r"人质", r"绑架", r"绑走", r"撕票", r"拐走", r"抢走(了)?(我的?)?(孩子|儿子|女儿)",
        r"(孩子|儿子|女儿|小孩)(不见了|丢了|失踪)",
        r"(孩子|儿子|女儿|小孩|娃|孙子|孙女|闺女)~6(抢走|抱走|拐走|偷走|绑)",
        r"(dragged|grabbed|snatched|took) " + _EN_P + r" (into|away)", r"kidnapp", r"abduct", r"hostage",
        r"took my (child|son|daughter|kid|baby)",
        r"(child|son|daughter|kid) is missing",
    ),
    "injury": (
        r"压在(下面|底下)|被~4(压|埋)(在|住)", r"blood everywhere|covered in blood|lot of blood",
        r"(满头|满脸|满身|一身)(是)?血", r"血流不止", r"流了?(好多|很多|一地)血", r"昏过去", r"昏迷", r"不省人事",
        r"打晕",
        r"没(有)?(呼吸|气)了", r"叫不醒", r"(人|他|她|爸|妈|老人|孩子|爷爷|奶奶)~3快不行了", r"抽搐",
        r"倒在(地上|血泊)",
        r"bleeding", r"unconscious", r"not breathing", r"passed out", r"won'?t wake up",
    ),
    "drowning": (
        r"(掉|落|摔|推|扔|丢)(进|到|入|下)~4(水|河|井|塘|水库|江|海|粪坑)", r"落水", r"溺水", r"被水冲走",
        r"fell (into|in) (the |a )(river|water|well|lake|pond|sea)",
    ),
    "help": (
        r"快来人|快来救|救命(?!钱|的钱|稻草|恩人)|救救(我|我们|孩子|他|她)", r"快(报警|打110|叫救护车|打120)",
        r"帮我报警",
        r"\bhelp!|^help\b|help me,? (please|now|quick)",
        r"(please|quick|now),? call (the |an )?(police|ambulance|110|120|119)",
        r"somebody help", r"please hurry",
    ),
}  # fmt: skip

#: (a) Harms that need a time (c): they are also how people report old incidents.
HARM_ACTS: dict[str, tuple[str, ...]] = {
    "violence": (
        r"(打|砍|捅|刺|揍|踢|掐|勒|杀|殴打|围殴|毒打|暴打|扎)(了|着|伤|残)?" + P, r"(打|砍|捅|杀|伤)人", r"行凶",
        r"动(手|刀)", r"掐(着|住)?(脖子|喉咙)", r"冲进(去|来)", r"(找|跟|和)~6拼命",
        r"打架", r"斗殴", r"械斗", r"群殴", r"打起来", r"围攻",
        r"砸(了|着|烂|坏)?~4(门|窗|玻璃|车|东西|家|房|我|他|她|人)", r"撬(门|锁|开)", r"闯(进|入)",
        r"(追|堵|围)(着)?" + P, r"(堵|守|围)在~6(门口|家里|楼下)", r"冲(进|到)~6(我家|家里|屋里|学校)",
        r"\b(beat|beating|hit|hitting|stab|stabbing|attack|attacking|punch|punching|strangl|chok)\w* " + _EN_P,
        r"\bhurt(ing)? " + _EN_P, r"\bkill(ing)? " + _EN_P,
        r"\b(fight|fighting|brawl|brawling|riot|rioting)\b(?! for| against| to)",
        r"break(ing)? (down|in|into)", r"(chasing|following) " + _EN_P, r"outside (my|our) door",
    ),
    "weapon": (
        r"(拿|举|扛|拎|抄|提|握|持|揣|带|藏|买|磨)(着|了|起|好)?~4" + _WEAPON, r"刀~4磨(好|快)",
        _WEAPON + r"~4(揣|藏|带)(在)?(身上|怀里|包里)",
        r"(持|拿)刀", r"有(一把|把)?(刀|枪)",
        r"\b(has|have|got|holding|with|carrying|bought) (a |an |his |my )?(knife|gun|axe|machete|rifle|weapon)",
        r"\bsharpening (a|his|the) knife",
    ),
    "fall": (_JUMP + r"(下去|了)", r"\bjump\b", r"(on|off) (the|a) (roof|ledge|bridge)"),
    "drowning": (r"淹(死|了|着|到)", r"drown"),
    "confinement": (
        r"被困", r"(关|锁|扣|困)在~8(里面|里)", r"还?没放" + P + "~2走", r"不放" + P + "~2走",
        r"不让" + P + r"?(走|出来|出门|离开|回家)", r"被(关|锁|困|扣)(住|着)", r"出不来",
        r"\btrapped\b",
    ),
    "demolition": (
        r"(强拆|拆|推|铲)(我家|房|屋)", r"(推|铲|拆)(倒|平|掉)?~2(房|屋|家)",
        r"(挖掘机|铲车|推土机)~~12(开到|开进|到了|在)~4(我家|门口|院子)",
        r"(人|老人|孩子|我妈|我爸|我们|家人)(还)?在(里面|屋里|房子里)", r"(bulldoz|demolish)\w*",
    ),
    "fire": (r"(烧|点|炸)(了|掉|毁)?~6(家|房|楼|屋|车|他|她|村委会|政府|办公室|学校|工厂|厂)", r"\bfire\b",
    r"\bburn\b"),
    "explosion": (r"(爆炸|要炸|炸了)", r"explo(de|sion)"),
    "poison": (r"中毒", r"\bpoison"),
    "hostage": (r"(抢|抱|偷|拐)走", r"(带|抢|抱|拐)走~3卖", r"拐卖"),
    "injury": (r"流血", r"出血", r"受(了)?(重)?伤", r"骨折", r"晕倒", r"抢救", r"\binjured\b", r"collapsed",
    r"heart attack"),
}  # fmt: skip

#: (b) Who is in danger, for the officer's label (in one stretch of text a child wins over many, others, the writer).
WHO: tuple[tuple[str, str], ...] = (
    ("child",
    r"孩子|小孩|儿子|女儿|闺女|孙子|孙女|娃|学生|婴儿|宝宝|女孩|男孩|(十[一二三四五六七]?|[一二三四五六七八九])岁|"
    r"\b(child|children|kids?|son|daughter|baby|students?|boy|girl|nephew|niece|pupils?)\b"),
    ("many",
    r"全村|大家|群众|村民|一楼的人|(很|好)多人|一群人|(几十|十几|上百|几百)(个)?人|人群|社会|广场|集市|学校门口|"
    r"邻居们|全家|一家人|整栋楼|"
             r"\b(everyone|everybody|people|villagers|crowd|families|the whole)\b"),
    ("other", r"他|她|老人|父亲|母亲|爸|妈|爹|娘|爷爷|奶奶|老婆|媳妇|老公|丈夫|妻子|哥|姐|弟|妹|家人|邻居|"
              r"\b(he|she|him|her|they|them|my (father|mother|dad|mom|mum|wife|husband|brother|sister|grandma|grandpa|"
              r"neighbou?r|family))\b"),
    ("self", r"我|俺|自己|\b(i|me|myself|i'm|we|us)\b"),
)  # fmt: skip

#: (c) Time. NOW: it is going on. Searched in the harm's clause and the clauses on either side.
NOW = (
    r"正在", r"现在", r"此刻", r"这会儿?", r"眼下", r"马上", r"立刻", r"赶紧", r"眼看", r"就要", r"快要",
    r"快(来|点|救|报警|打起来|不行)",
    r"\bnow\b", r"right now", r"at the moment", r"currently", r"\bhelp\b", r"出不来", r"里面(还)?有~6人|还有人在里面",
    r"(still|people|someone|are) inside",
)  # fmt: skip
#: (c) Weaker signs that it is going on ("还在", a durative "拿着", "is beating"): only in the harm's own clause.
NOW_HERE = (
    r"还在", r"一直在", r"刚(刚|才)", r"(拿|举|扛|拎|握|揣|带|抱|提|藏|堵|守|围|追|关|锁|掐|压)着",
    r"在~4(门口|楼下|外面|屋里|家里)",
    r"\b(is|are|am|'s|'re|'m) \w+ing\b", r"just now", r"\bhas (a|an) ", r"\binside\b", r"\bstill\b",
)  # fmt: skip
#: (c) Time ahead: a near time, a condition with a consequence ("再不…就", "大不了"). Searched in the sentence.
AHEAD = (
    r"今晚", r"今天", r"明天", r"后天", r"(等|一|待)会儿?", r"过两天", r"这(周|几天)", r"月底",
    r"(今天)?(下午|晚上)就", r"再不~~24就",
    r"不然(就)?", r"否则", r"大不了", r"说到做到", r"等着瞧", r"迟早", r"总有一天", r"已经(买|准备|备)好",
    r"tonight", r"tomorrow", r"\bsoon\b", r"\bif\b.{0,40}\b(i|we)('ll| will)\b",
)  # fmt: skip
#: (c) Intent: a modal verb just before the harm (looked for in the 8 characters before it).
INTENT = (
    r"(?<![需只重主不还])要(?![求是钱账])|(?<!没)想(?!不到|起|法)|准备|打算|决定|计划|敢|就(去|要|把|跟|拿|带|用)",
    r"going to|gonna|will|'ll|want to|wanna|plan(ning)? to|about to|ready to",
)
#: (c) A threat said to or about the writer: "他说要…", "扬言", "threatened to". Searched in the sentence.
THREAT = (
    r"(说|扬言|放话|威胁|喊着?|叫嚣|嚷嚷)(着)?(要|会|再|就|让|把|说)", r"扬言", r"威胁", r"放(出)?话",
    r"threaten", r"said (he|she|they)('d| would| will| is going to)", r"says (he|she|they)('ll| will| is going to)",
)  # fmt: skip

#: (d) A past or reported frame takes danger away from the clause it is in (unless that clause says now).
#: Told as long ago or from elsewhere (the blind sets 17–25): read by the category check (DISTANCE) and the
#: backstop (``urgent_backstop.PAST``) alike.
ELSEWHERE = (
    # blind17: ten years ago, the eighties, heard on the radio, a viral video, in another province
    r"(几|两|三|四|五|六|七|八|九|十|二十|三十|\d+)(多)?年(前|以前)|[五六七八九]几年|[五六七八九]十年代|\d0年代|"
    r"听广播|广播(里|上)(说)?|(头条|热搜|抖音|快手|微博)上(看到|刷到|说)|(北方|南方|外省|外地|别的(省|地方|县))~4(下大雪|地震|洪水|爆炸|着火)",
    r"\b(read|saw|seen|watched) (it |this )?(online|on (weibo|douyin|wechat|tiktok|the internet|tv|头条|抖音|微博))|"
    r"\bviral video\b|\bsomewhere (up north|down south|else)\b|(?<!to a man )(?<!to a guy )(?<!to someone )\bin (some|"
    r"another) (other )?(city|province|county|country)\b",
    # blind18: the ice storm of '08, a trending post, a stranger streaming, chest pains had this afternoon
    r"\d{2}年~4(那会|那年|的时候)|热搜|\b(some|a) (stranger|guy|man|woman|girl|person) on (douyin|tiktok|weibo|"
    r"kuaishou|bilibili|the internet|social media)\b|\bhad (\w+ )?(chest pains?|a heart attack|a stroke|a seizure)\b",
    # blind19: fainted this morning, an article read, the Cultural Revolution, a video going round
    r"\b(fainted|collapsed|passed out)\b.{0,40}\b(this morning|yesterday|last night|earlier|this afternoon)\b|"
    r"\bi read (in|on) (the )?\w+ (that|about)\b|\b(sent|showed) me (an|a|the) (article|video|post|link)\b|"
    r"\barticle about\b|during the (cultural revolution|war|famine)|文革|文化大革命|解放前|大跃进|网上(传|说)|网传|"
    r"(跳楼|砍人|车祸|打人|爆炸|火灾|溺水)的?视频",
    r"\bfell (off|from) (a|the) \w+ (this morning|this afternoon|yesterday|last night|earlier)\b|\bvideo (going round|"
    r"going around|circulating)|\bgoing round (wechat|weibo|douyin)|(头条|热搜|抖音|快手|微博)上那个|外省的事",
    r"(听说|据说)~4(外地|外省|别的地方|别处)|(外地|外省)有人|报纸(上|里)|\b(earlier today|this morning|yesterday|last "
    r"night)\b.{0,40}\b(fainted|collapsed|passed out)\b",
    r"年轻(的)?时(候)?|\bwent missing\b.{0,30}\bfor (\d+|a few|two|three) (hours?|minutes?|mins?)|"
    r"\b(during|since|after|before) the (19|20)\d\d\b|passed away (years|long) ago",
    r"\bread about\b|\bin the '?\d0s\b|\b(official|police|news) reports? said\b",
    # blind33: "my ex beat me when we were married", "看了个绑架勒索的案子"
    # blind36: a story forwarded, a video of a fire somewhere, "零八年那场火"
    r"\b(forwarded|shared|sent) (me )?(an? |the )?(old )?(story|article|post|video|clip|link)\b|\bold story\b|"
    r"\bvideo of (a|an) \w+ (fire|explosion|crash|collapse|flood|blast|stampede)|"
    r"[零〇一二三四五六七八九]{2}年那场|\d{2}年那场",
    r"\bwhen (we|i|he|she|they) (were|was) (still )?(married|together|little|young|kids?|a kid|children|a child|"
    r"at school|in school)\b|看了?(个|一个|篇|一篇|部|一部)~8(案子|案例|新闻|报道|视频|电视剧|电影|节目)",
    # blind26: a kidnapped child "from the 朋友圈 post"
    r"\b(from|in|on) (the|a|that|this) (朋友圈|moments|wechat|weibo|douyin|tiktok|kuaishou|facebook) (post|video)\b",
    # blind27: a case read in a published 通报, "那个年代"
    r"(看到|看了|看见|刷到)~4通报|通报(里|上|中)(说)?|那(个|些)?年代",
    # blind27, blind31: "19年我在化工厂中毒", "我们村08年煤气罐爆炸" (a year told in two digits); blind30: a year
    # written out ("二零一六年那场爆炸")
    r"(?<![\d.])[012]\d年(?![前后级底初月了多来])|[零〇一二三四五六七八九]{4}年",
)  # fmt: skip
DISTANCE = (
    r"去年", r"前年", r"前些年", r"那年", r"当年", r"以前", r"之前", r"曾经", r"早年", r"小时候", r"多年前",
    r"(几|两|三|\d+)年前", r"(大)?前天", r"前(几|些|两)天", r"网上(传|说)|网传|传说",
    r"上(个)?月", r"上(周|星期|次|回)", r"那(次|时候?)", r"当时", r"(19|20)\d\d年", r"已经过去",
    r"(?<![漫跳冲爬走跑游飘翻越扑淹昏晕睡死])过去(了|的事)",
    r"早就过去",
    r"新闻", r"报道", r"电视(上|里|剧)", r"电影", r"小说", r"演习", r"演练", r"讲座", r"安全教育",
    r"(打|砍|捅|喝|跳|关|烧|杀|伤|威胁|拿|扬言)过",
    r"last (year|month|week)", r"(years?|months?|weeks?|days?) ago", r"used to", r"back then", r"\bin (19|20)\d\d\b",
    r"in the past",
    r"\b(news|article|movie|film|novel|drill|training|documentary)\b", r"there was a", r"\bhad (a|an) ",
    r"\bwho (locked|beat|hit|attacked|kidnapped|held|kept|shut|detained) \w+ (\w+ ){0,6}for (\w+ )?(days|weeks|months|"
    r"years)\b",
    r"\bin (january|february|march|april|june|july|august|september|october|november|december)\b|"
    r"(?<!\d)\d{2}年(的时候|那年|那会)|\d{2}年~4地震|\bin the (19|20)\d0s\b|"
    r"\b(before|after) the (explosion|fire|flood|accident|collapse|blast)\b|"
    r"(事故|爆炸|火灾|塌方)(前|后|之前|之后)|\bi (wrote|messaged|told) (to )?you (on|last|yesterday|earlier|before)\b",
    *ELSEWHERE,
)  # fmt: skip

#: (d) Figures of speech and ordinary senses of harm words, blanked first (rules.md §8 near misses).
NOT_HARM = (
    # figures of speech
    r"(气|累|笑|烦|急|困|热|冷|忙|吓|羞|美|疼|馋|憋|丢|穷|愁|吵)死(我|人|了)*", r"(得|的)要(命|死)", r"要命",
    r"想死(你|我|他|她)了", r"死(贵|活|心|板|磕|守|机|角|忠|对头|缠烂打)", r"打死(我)?(也|都)", r"杀(价|熟)", r"砍价",
    r"砍(掉|了)~4(预算|工资|补贴|经费|项目|指标)", r"拼命(工作|干活|加班|干|挣)",
    r"拼(了)?(老)?命(地|的)?(干|工作|挣|赚)", r"拼搏",
    r"(?<![着起失点放纵])火(了|爆|大|气|冒三丈)", r"(上|发|恼|冒|怒|心)火(?!星|花|苗|光)", r"心急如焚", r"烧(钱|香|烤)",
    r"(发|退|高)烧", r"炸(锅|鸡|酱|串)",
    r"油炸", r"爆(料|满|雷|款|红)", r"暴雷", r"刀子嘴", r"两面三刀", r"一刀切", r"开刀",
    r"捅(了)?(娄子|马蜂窝|破|出去)",
    r"吸血鬼", r"血(汗|本|压|糖)", r"心血", r"杀手锏", r"跳(槽|舞|绳|闸)", r"心跳", r"关(门|系|于|心|注|键|押期)",
    r"机关",
    r"海关", r"难关", r"绑定", r"捆绑", r"打(击|压|官司|电话|工|车|听|招呼|卡|分|折|扫|印|款|白条|包票|交道)",
    r"kill(ing)? time",
    r"(is|are) killing me",
    r"(is|are|was) killing (the|our|this|my|their) (\w+ ){0,2}(shops?|business\w*|"
    r"village|town|economy|farm\w*|crops|trade|market|industry|income|sales|jobs)",
    r"dying (to|for)",
    r"to die for",
    r"(dead|sick) tired",
    r"(bored|scared|worried|frightened) to death", r"\bkiller \w+",
    r"fire (sale|department|safety|inspection|drill|exit|code|brigade|station|alarm test)",
    r"(get|got|getting|been|was) fired", r"fired (me|him|her|them|from)", r"ceasefire",
    r"gas (station|bill|price|subsidy|fee)",
    r"knife set", r"shoot (an|the|a) (email|photo|video|message)", r"photo ?shoot", r"bomb(ed)? (the|my) (exam|test)",
    r"blew up at", r"(my|the) (heart|head|back) is killing", r"break a leg",
    # ordinary senses: subsidies, prices, inspections, names, seized goods, news
    r"(汽油|柴油|煤油)(补贴|费|票|卡|钱|价|涨价)", r"农药(补贴|残留|款|店|经营|销售|包装|瓶回收|登记)",
    r"化肥农药|农药化肥",
    r"(煤气|燃气|天然气|液化气)(罐)?(费|检测|检查|安检|补贴|配送|站|公司|改造|管道(改造|工程|费|安装|铺设|检查|检测|维修)|"
    r"表|价)", r"管制刀具|刀具",
    r"(刀|枪)(伤)?(鉴定|案)",
    r"消防(检查|验收|通道|安全|器材|栓|演练|站|队|大队|救援站|设施|隐患)?", r"灭火器?", r"防火(墙|门|检查|期)?",
    r"火(灾|险)?隐患",
    r"火(葬|化|车|锅|腿|柴|箭|候|速)", r"打火机(厂|店|生意|价|批发)", r"(烟花|鞭炮|爆竹|烟火)", r"爆炸性(新闻|消息)?",
    r"救命(钱|稻草|恩人)",
    r"(预防|防止|干预)自杀|自杀(干预|预防|热线)", r"跳楼(价|甩卖|大甩卖|清仓)", r"枪支管理", r"防溺水|溺水(预防|宣传)",
    r"(事故|死亡)(调查|报告|责任|处理|赔偿|证明|证)", r"丧葬费", r"烈士", r"抢险救灾",
    r"拆(迁)?(补偿|款|费|协议|安置|办)",
    r"拆迁",
)  # fmt: skip
