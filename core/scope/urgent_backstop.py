"""The urgent backstop (rules.md §8; XF-25): a recall-first net under the category check of ``core/scope/urgent.py``.

The category check reads who, what harm and when, and a blind set showed that its precise patterns miss new
wordings (63 % recall). The backstop asks less: is a word of harm to a person's body or life (death, injury,
fire, gas, drowning and falling, weapons, being held or taken, self-harm and farewells, threats) said in a clause
that is not clearly (a) past and over, (b) a figure of speech, (c) an ordinary sense of the word, or (d) about
money or procedure only? Then it is urgent: when in doubt, urgent. Words and short stems, not phrases, so that
new wordings still meet them. Children amplify: with a child in the sentence, milder harms count too ("孩子被打了").

Same normalised text as the category check (lower case, half-width); ``~n`` is a gap of up to n characters in
one clause.
"""

from __future__ import annotations

from core.scope.urgent_words import ELSEWHERE

#: Harm words by kind (the kind is shown to officers: ``urgent:<who>/<kind>/backstop``).
HARM: dict[str, tuple[str, ...]] = {
    "death": (
        r"死", r"(?<![任革使寿宿算拼待奉生认由性])命(?![令名运题中])", r"亡", r"丧生|遇难|身亡|断气|咽气",
        r"\b(die|dies|dead|dying|death|deaths)\b", r"\bkill", r"\bmurder",
        r"\b(won'?t|will not|wouldn'?t|might not|may not) (make it|survive)\b(?! (to|on|in|for|back|home|through|there|"
        r"here|today|tomorrow|this|that|at|by|with)\b)",
    ),
    "injury": (
        r"伤", r"血", r"砍", r"捅", r"刺(?!激|眼|耳|鼻|绣|头)", r"骨折", r"昏", r"晕", r"倒地", r"抽搐", r"不省人事",
        r"打(伤|残|断|晕|瘸|瞎|聋)", r"被电(了|到|着|倒)|触电|电击",
        r"\b(people|kids|children|someone|pupils|students|he|she|they|i|we) (are |were |is |was |am |got )?(being )?"
        r"(pushed over|trampl\w*|stepped on|crushed)\b",
        r"被~4撞|撞(倒|伤|飞|死|晕)|躺在(地|路)",
        r"摔(下|倒|伤|断|死|了)",
        r"(掐|勒)(住|着|脖)",
        r"殴打|毒打|暴打|围殴|群殴|施暴|家暴|虐待",
        r"\bbleed", r"\bblood", r"\bhurt", r"injur", r"unconscious", r"\bfaint", r"not breathing",
        r"can'?t breathe", r"\bstab", r"\bbeat(en|ing)?\b", r"\b(attack|assault)", r"\bwounded",
    ),
    "fire": (
        r"火", r"烧", r"燃", r"炸", r"爆", r"冒烟|浓烟|黑烟|烟雾|呛(得|人|死)",
        r"\bsmoke", r"\bfires?\b", r"\bflames?\b", r"\bburn", r"explo", r"\bblast", r"\bpetrol|gasoline",
    ),
    "gas": (
        r"煤气", r"燃气", r"天然气", r"液化气", r"毒", r"农药", r"百草枯|敌敌畏|老鼠药|耗子药",
        r"\bgas\b", r"poison", r"toxic", r"carbon monoxide", r"\bfumes\b", r"pesticide",
    ),
    "fall": (
        r"淹", r"落水", r"溺", r"掉(进|下|到)", r"坠", r"跳", r"塌", r"垮", r"埋", r"(?<![贫犯])困(?!难|境|扰|惑|苦)",
        r"滑坡",
        r"泥石流",
        r"洪水|山洪|涨水|(河|江|大)水~4涨",
        r"溃",
        r"决堤|决口",
        r"透水",
        r"冲走",
        r"压在~4(下|里)|被~3压(住|着|在)",
        r"drown", r"\b(fell|falls|fallen|falling)\b", r"\bjump", r"trapped", r"collaps", r"landslide", r"\bflood",
        r"buried", r"swept away", r"\bstuck\b", r"cave[sd]? in",
        r"(ceiling|roof|wall|floor|stage|balcony|scaffold\w*|stand|building|bridge)s? (\w+ ){0,3}(came|come|coming|"
        r"fell|falling) (down|in)\b|\bgave way\b",
    ),
    "weapon": (
        r"刀", r"枪", r"斧", r"棍", r"砖", r"弩", r"铁锹|锄头|镰刀|钢管|铁棍|硫酸",
        r"\bknif|\bknives",
        r"\bguns?\b",
        r"\baxes?\b",
        r"machete",
        r"rifle",
        r"shotgun",
        r"\bshoot",
        r"\bweapon",
        r"\b(clubs|batons?|crowbars?|iron bars?|bricks|machetes)\b",
    ),
    "held": (
        r"关(在|起来|进|住|了~4(天|夜|晚|小时))|被关|关押", r"锁(在|起来|住|着)|被锁|反锁", r"绑", r"拐",
        r"(抢|抱|拉|拖|拽)走",
        r"被~6带走|带走了",
        r"失踪|失联",
        r"不见了|联系不上",
        r"不让~2(走|出来|出去|出门|离开|回家|回来)",
        r"骗(去|走|到)~4(外地|外省|国外|缅甸|柬埔寨)",
        r"被扣(在|住|下)|扣在|(扣|关)押(了|着)?(我|他|她|人|孩子|家人|老人)(?![的家])", r"软禁|拘禁|囚禁|人质|劫持",
        r"\blocked (in|up|inside)", r"\block(s)? (me|us|him|her|them) (in|inside|up)\b|locked from (the )?outside",
        r"kidnap",
        r"abduct",
        r"\btaken (away|from)\b",
        r"\b(was|were|been) taken by (\w+ ){0,2}(men|man|woman|women|strangers?|someone|people|gang)",
        r"(in|inside) a locked \w+",
        r"\bmissing\b",
        r"\bheld (captive|hostage|against|in|by|at)", r"hostage", r"won'?t let (me|us|him|her|them) (go|leave|out)",
    ),
    "self_harm": (
        r"自杀",
        r"轻生",
        r"割",
        r"吞",
        r"安眠药",
        r"遗书|遗言",
        r"最后一(面|眼|次见|晚|夜|天|程|句|条消息|封信|次了)|最后的(话|消息|信|日子|时光|告别)",
        r"告别",
        r"再见",
        r"永别",
        r"解脱",
        r"不想活|活不(下去|成|了)|不活了|活着没",
        r"了结|了断|寻短见|一了百了",
        r"先走一步",
        r"(不用|别|不要)(再)?找我",
        r"最后一次(跟|和|给|对|见|说|打电话)",
        r"上吊|跳楼|跳河",
        r"goodbye", r"farewell", r"\bend it\b", r"end (my|his|her) life", r"\bpills\b", r"overdos", r"suicid",
        r"sleeping tablets",
        r"\bwrists?\b",
        r"(no|any) reason to (live|go on)",
        r"can'?t (do|take) (this|it) any ?(more|longer)",
        r"tell (my|the) (kids|children|family|wife|husband|mum|mom|dad|parents|son|daughter) (i'?m sorry|i love)",
        r"\bbe gone\b",
        r"\bgave (away )?(all )?(my )?(stuff|things|belongings|possessions)( away)?\b",
        r"\b(wrote|written|writing|left) (\w+ )?(letters?|notes?) (to|for) (my|the) (kids|children|family|wife|"
        r"husband|son|daughter|parents|mum|mom|dad)\b(?!')",
    ),
    "threat": (
        r"威胁", r"扬言", r"放话", r"要弄", r"好看", r"走着瞧|等着瞧|不会放过|没好果子|收拾你|后果自负|拼命|拼了",
        r"同归于尽",
        r"\bi know where (he|she|they|you|your \w+|his \w+|her \w+) (lives?|sleeps?|works?|stays?)\b|\b(going to|gonna|"
        r"will|'ll) (find|get) (him|her|them|you) and (make (him|her|them|you) pay|hurt|kill|deal with)",
        r"threat", r"\bwarned (me|us|him|her|them) (that|not)", r"\brevenge", r"get even", r"regret it",
    ),
}  # fmt: skip

#: Milder harms that count when a child is in the same sentence ("孩子被打了", "娃一直在哭").
CHILD = (
    r"孩子|娃|小孩|儿子|女儿|闺女|学生|婴儿|宝宝|侄女|侄子|外甥|孙子|孙女|才(\d|1[0-7])岁?(?!\d)|"
    r"\b(child|children|kids?|baby|babies|son|daughter|pupils?)\b|\b\d+ ?(year|yr)s?[- ]old\b"
)
CHILD_HARM = (
    r"被~6打(?!击|压|官司|电话|工|车|听|招呼|卡|分|折|扫|印|款|白条|包票|交道|算|开|针|疫苗|饭|水|理|造|字)",
    r"打(了|得)?~2(孩子|娃|小孩|儿子|女儿|闺女|学生|他|她)",
    r"找不到|没回家|没回来|不见|跟~8(陌生|一个|个)~6(男的|女的|男人|女人|人)走(了)?",
    r"不动了|不哭(也)?不动|没(有)?反应|灌~4(酒|醉)",
    r"踢|揍|掐|抽(?!查|烟|签|调|取|奖)",
    r"饿|冻",
    r"丢了|走丢",
    r"(?<!地)吐",
    r"发烧|高烧|抽筋",
    r"\b(hit|hitting|slapp|kick|cry|crying|scream|lost|starv|freez)",
    r"\b(not|isn'?t|stopped) (crying|moving|breathing)|\bbarely (moving|breathing|conscious)",
)  # fmt: skip

#: (a) Past and over, and told from a story or the news: the frame holds in the clause and the clauses after it,
#: until a clause says now.
PAST = (
    r"\b(cctv|the news|news|tv|television|the video) (showed|shows|reported|reports|said|says)\b|"  # blind50
    r"去年", r"前年", r"(大)?前天", r"前些年", r"那年", r"当年", r"以前", r"早年", r"曾经", r"小时候", r"多年前",
    r"(几|两|三|四|五|六|七|八|九|十|\d+)(多)?年(前|以前)", r"(19|20)\d\d年", r"上(个)?(月|世纪)", r"年前",
    r"上(周|星期|礼拜|回|次)|前(几|些|两)(天|年)|前阵子|前段时间|当时|那次|那回|那天(?!~2(要|会|就|准备|打算))|死了~4年|过去~4年",
    r"(?<![漫跳冲爬走跑游飘翻越扑淹昏晕睡死])过去(了|的事)|早就过去", r"(打|砍|捅|威胁|拿|扬言|烧|关|伤|塌|倒|淹|炸)过",
    r"[零〇一二三四五六七八九]{2}年(的时候|那年|那会)",
    r"\d{2}年(的时候|那年|那会)|\d{2}年~4地震",
    r"事故(赔偿|调查|报告|责任|处理|认定|善后)", r"(新闻|报道|电影|电视剧?|小说|纪录片|短视频|综艺|游戏)(里|上|中)?",
    r"演练|演习|培训|讲座|安全教育|宣传",
    r"last (year|month|week|winter|summer)", r"(years?|decades?|months?) ago", r"\bused to\b", r"recovered",
    r"back (then|in)", r"\bin (19|20)\d\d\b", r"in the past", r"\bthat'?s (all )?history\b",
    r"\b(had|there was) a (\w+ )?(fire|explosion|blast|flood)\b(?!.{0,30}\b(now|still|right now|just now)\b)",
    r"\bthe (19|20)\d\d (\w+ )?(flood|earthquake|storm|typhoon|fire|blast|explosion|landslide)s?\b",
    r"when (i|we) (was|were) (a kid|kids|young|little|a child)",
    r"\b(news|movie|film|novel|tv series|drill)\b|\bheard (it )?on (the )?radio\b|\b(a )?story (about|of)\b|"
    r"\b(in )?(19|20)\d\d\b",
    r"\bin the (19|20)\d0s\b|\bin the (nineties|eighties|seventies|sixties)\b|\b(before|after) the (explosion|"
    r"fire|flood|accident|collapse|blast)\b|(事故|爆炸|火灾|塌方)(前|后|之前|之后)",
    r"\bi (wrote|messaged|told) (to )?you (on|last|yesterday|earlier|before)\b|上个(礼拜|星期)|"
    r"last (spring|autumn|fall)|\bin (january|february|march|april|june|july|august|september|october|november|"
    r"december)\b|\bwhen i was (\d+|a teenager|in (school|college))\b",
    r"\bearlier (i|we) (messaged|wrote|said|told|reported|sent)|\b(i|we) (messaged|wrote|reported) (you )?(earlier|"
    r"before|yesterday)",
    *ELSEWHERE,
)  # fmt: skip
#: Over: the harm is healed, settled or never happened; the whole sentence, whatever else it says.
OVER = (
    r"已经(好了|痊愈|康复|出院|过世|去世)|(痊愈|康复|出院)(了)|(早|已经|都)(好|没事)了|没事了|没(什么|啥)?大碍|"
    r"治好|看过了|"
    r"没(有)?受伤|伤(早|已经|都)好|(后来|最后)(也|倒也)?没(怎么样|事|动手)|(已经|都|早)过去~4了|"
    # blind34, blind36: a fire out and nobody hurt, a leak stopped and everyone home
    r"(火|明火)(已经|早就|早|都)~2(灭|扑灭|熄|熄灭)了|没得人受伤|(已经|都)(堵上|堵住|修好|补上)了|都回家了|"
    r"(现在|已经)好多了|(管涌|缺口|决口|漏洞|漏点)~2(堵住|堵上|封住)了|人都撤(回来|出来|走)了",  # blind38
    r"\b(healed|recovered|long ago|long over|no one was hurt|nobody was hurt)\b",
    # an injury documented by a hospital, a collapse with nobody under it and rescuers gone home (blind10)
    r"(医院|县医院|市医院)?~2(开了|有|出具了?|做了)~2(诊断(证明|书)|伤情鉴定|验伤(报告|单))|(底下|下面)(都)?没(有)?(压着)?人(了)?(?=[，,。.!！]|$)|"
    r"救援(的)?(人)?(都|已经)~2撤(了|走)",
    r"during the (cultural revolution|war|famine)|文革|文化大革命|解放前|大跃进",
)  # fmt: skip
#: (d) Money and procedure: a sentence about a compensation, an appraisal, a case or a lawsuit reports an old harm
#: (unless it says now).
PROCEDURE = (
    r"立案|鉴定|起诉|判决|判了|调解|赔偿|补偿|医药费|医疗费|出警|结案|撤案|工伤|官司|诉讼|复议|上诉|理赔|报销|抚恤|"
    r"打击报复|不认账|索赔|认定|保险公司|赔钱|互殴|看守所|笔录|记过|失职|(老板|厂里|公司|单位)~4(就|只)?(给|赔)了~8(块|钱|元)",
    r"\b(compensation|lawsuit|court case|appeal|insurance claim|medical bills?)\b|\b(dropped|drop|pressed|press) "
    r"(the )?charges\b|\bprosecutors?\b|"
    r"closed (the |my |his |her )?(\w+'s )?(case|death)|ruled (it )?(as )?(an )?accident|\b(traffic )?police "
    r"(say|said|says|claim\w*|won'?t|never|didn'?t|refuse\w*|only)\b|awaiting trial|detained for \d+ days|annul\w*",
    r"(hospital|medical|doctor'?s?|treatment) (fees|bills?|costs|expenses)",
    r"谈话(时|的时候|中|期间|那(几)?(天|阵|段时间))|审(问|讯)(时|的时候|期间)|问话(时|的时候)|留置期间|调查(时|的时候|期间)|找(我|他|她)~4谈话",
    r"\b(in|during) (the )?(questioning|interrogation|interview)\b",
)  # fmt: skip
#: Now, soon: ends a past frame (also a past word in the same clause: "去年砍过，现在又拿着刀").
NOW = (
    r"(?<![到至])现在|到现在~6(没|不|还|都)|正在|还在|此刻|马上|立刻|刚才|刚刚|今早|今晨|刚(说|走|出门|打电话|发)|今天|今晚|明天|一会|这就|就要|快要|"
    r"又(来|在|拿|要)|还(是|没|"
    r"有)~3(出来|回来|醒|找到)|(要|得|须)等~3(\d+|二十四|四十八)(个)?小时|"
    r"(看不到|等不到|活不过)(明天|下周|下个月|过年)|不(肯|让|许)?送(去)?(医院|卫生院)|不让(打|叫)~2(120|救护车)",
    r"\b(he|she|they|it)('s| is| are) (lying |still )?on the (ground|floor)\b|"  # "he is on the ground not moving"
    # "being sent to marry a man in another province next week" (blind47)
    r"\bnext (week|month)\b|下(周|个?星期|个?礼拜)|"
    r"\b(is|are) (holding(?! (back|on|up|off|onto|out))|pointing|threatening|beating|hitting|stabbing|dragging|"
    r"choking|strangling)\b|"
    r"\b(now|right now|tonight|(?<!earlier )today|tomorrow|still|again|just)\b|(won'?t|will not|don'?t think i('ll|"
    r" will)) "
    r"(see|make it to|live to see) (next|tomorrow|the weekend)",
)  # fmt: skip

#: (b) Figures of speech, (c) ordinary senses, (d) money and procedure: blanked before the harm words are looked
#: for (with ``NOT_HARM`` of the category check).
NOT_BACKSTOP = (
    # (c) a conversation closed politely
    r"掉(进|入)~6(圈套|陷阱|套路)|(房价|楼市|股市|市场|价格)~4(塌|崩|垮)|再见(了)?(那个|这个|他|她|到|面)|"
    r"排(放|出)~4(黑烟|浓烟|烟雾|废气)|(扬言|威胁|放话)~6(告|起诉|举报|查|处分|开除|罚|停|扣|不给|曝光)|"
    r"threat\w* (\w+ ){0,4}with (bad grades|fines?|dismissal|lawsuits?|a lawsuit|firing|eviction)|"
    r"flood[- ](relief|control|prevention|season|subsid\w*|fund\w*|money)|kill (this|that|the) (bad )?(habit|"
    r"practice|custom)|先走一步~2(去|到|回)|(谢谢|感谢|多谢)~~6再见|再见~~6(谢谢|明天|下次|回头)|(project|deal|"
    r"company|business|plan|scheme|talks|market|"
    r"negotiations?|firm|fund) (\w+ )?collaps\w*|goodbye,? (and )?thank|thanks?( you)?,? goodbye|"
    r"goodbye,? see you|end it (with|by|through) (a|an|the) (complaint|report|letter|appeal|lawsuit)",
    # (b) figures of speech
    r"(气|累|笑|烦|急|饿|困|热|冷|忙|吓|羞|美|疼|馋|憋|丢|穷|愁|吵|闷|坑|恨|想|卡|懒|蠢|笨|脏|臭|挤|贵|慢|难|丑|"
    r"麻烦|无聊|"
    r"郁闷|逼)死(我|人|了|啦|他|她)*|往死里(整|逼|坑|压|罚)|杀人不见血|打击报复|一塌糊涂|死里逃生",
    r"死(了)?~6(只|头|条|匹|棵|亩)?(鸡|鸭|鹅|猪|牛|羊|鱼|狗|猫|兔|蜂|庄稼|苗|树|禾)|(鸡|鸭|鹅|猪|牛|羊|鱼|狗|猫|"
    r"兔|蜂|庄稼|"
    r"苗|树)~4死|(树|林|木|竹)~~30砍|砍~4(树|伐|柴|竹|林)|舞~~16跳|跳~6舞|柴火|烧(的)?(是)?(煤气|液化气|天然气|柴)|锁着(大)?门|"
    r"(管|线|缆|桩)~4埋|埋~4(管|线|缆|桩)|买(把|个|了)?菜刀",
    r"(得|的)要(命|死)|要(了)?(老|我的|他的|我的老|他的老)?命(了)?(?!的)|(要|拼)死(要)?活|死活|死心|死板|死磕|死守|死缠|死扛|"
    r"死机|死角",
    r"死(账|档|期|水|路|胡同|不承认|不认账|不给|不还|不改|脑筋|要面子|皮赖脸|猪|性不改)|(病|老|饿)死(的)?(猪|牛|"
    r"鸡|羊|鸭)",
    r"拼命(工作|干|加班|挣|赚|地|的|三郎)|拼(搏|了老命干)",
    r"(死亡|伤残|工伤|人身损害|因工)(赔偿|补偿|抚恤|补助|证明|鉴定|认定|"
    r"等级|保险|待遇|金|费|证)",
    r"工伤|伤残|伤亡事故(调查|报告|处理)",
    r"丧葬|抚恤|殡葬|火化|火葬|墓地|坟地?|迁坟|烧纸",
    r"(?<![着起失点放纵])火(了|爆|大|气|冒三丈|热|红|辣|急火燎|烧眉毛)|(上|发|恼|冒|怒|心|窝|肝|虚|红|旺|人)火(?!星|花|苗|光)",
    r"炸(锅|群|鸡|酱|串|毛|了(锅|群)|油条|丸子|薯条|糕|鱼|货|知了)|油炸|爆(料|满|雷|款|红|表|冷|粗口|仓|发户|火)|"
    r"曝光|暴雷|火爆",
    r"刀子嘴|两面三刀|一刀切|开刀|刀口舔血|借刀|挨了?一刀|宰人|心都碎|心碎|伤心|伤感|悲伤|忧伤|哀伤|伤脑筋|伤自尊|中伤|"
    r"伤(了)?(和气|感情|面子|元气|透了心|心)|劳民伤财|伤不起|血(汗|本|压|糖|脂|型|缘|统|常规)|心血|吸血|献血|抽血|验血|"
    r"一针见血|热血|冷血|血亏|狗血",
    r"崩溃|溃疡|(?<!洪)溃(散|败|逃)|埋(怨|单|头|没|伏笔)|(?<!活)埋(设|管|线)|填埋|跳(槽|舞|绳|闸|广场|高|远|水|板|"
    r"蚤|脚|级|"
    r"票|过|转|动|出来)|心跳|蹦跳|跳楼(价|甩卖)|拖垮|搞垮|压垮|垮台|(贫|犯|解)困|困(难|境|扰|惑|苦|局)|"
    r"塌(方)?陷?(?=.{0,4}"
    r"(鉴定|赔|补))",
    r"(收|切|分|交)割|割(麦|稻|草|据|让|肉|韭菜|地|舍|爱|裂)|(侵|私|独|鲸|并)吞|吞(并|占|没|掉|噬|吞吐吐|款|钱)",
    r"(机|有|相|海|公|难|攻|过|开|把|无|玄|通)关|关(于|系|心|注|键|联|闭|门|照|停|口|爱|头|税|乎|掉|机|灯|卡|押期|节)",
    r"绑定|捆绑|拐(弯|角|杖|点|骗钱)|光棍|赌棍|恶棍|神棍|冰棍|(砖|瓷|地|墙|红|青)(厂|窑|瓦|房|砖)|砌砖|搬砖|斧正|枪手|"
    r"(水|焊|喷|发令|玩具)枪|枪(毙|决)(的)?(新闻|消息)|刀具|菜刀(厂|店)",
    r"毒(品|贩|瘤|舌|奶粉事件)|(病|消|防|贩|吸|禁|戒|缉|恶|狠|歹)毒|(农药|化肥)(补贴|残留|款|店|经营|销售|包装|"
    r"回收|登记|价)",
    r"(煤气|燃气|天然气|液化气)(罐)?(安全)?(费|检测|检查|安检|补贴|配送|站|公司|改造|管道(改造|工程|费|安装|铺设|检查|检测|维修)|表|价|收费|开户|涨价|"
    r"入户|工程|"
    r"安装|初装)|燃(油|料|眉)|燃放|烟花|鞭炮|爆竹",
    r"烧(钱|香|烤|饭|水|菜|饼|麦|锅炉|煤|砖|秸秆|垃圾|荒)|(发|退|高|低)烧|红烧|火(车|锅|腿|柴|箭|候|速|电|力|眼|"
    r"炬|机|灾险)|"
    r"防火|消防|灭火|打火机(厂|店|生意|价|批发)|点火(仪式|开工)",
    r"昏(暗|庸|黄)|黄昏|晕(车|船|头转向|乎)|(头|眼)(晕|花)(眼花|脑胀)?|刺(激|眼)|讽刺|鱼刺|再见(面|到)|最后(还是|"
    r"才|只|就|又|"
    r"没|也|一次(来|反映|举报|机会|警告|通知|催)|期限|通牒|结果|决定|答复|审|的结果)|告别(仪式|会)|解脱不",
    r"(老板|出纳|老总|会计|负责人|开发商|中介|包工头|经理|店主|公司|厂长|法人)~~24(联系不上|失联|跑路|不见了)",
    r"威胁(到)?(我们的)?(饮水|环境|安全生产|稳定)|(被|拿)~4(纪委|监委|公安|警察|派出所|检察院|法院|民警)~4带走|"
    r"带走(了)?(调查|问话|审查|留置)|看好看|好看(的|吗|些|多了)",
    # (c), (d) in English
    r"kill(ing)? (time|it\b)|(is|are) killing me|dying (to|for)|to die for|(dead|sick) tired|deadline|dead end|"
    r"(bored|scared|worried|frightened|sick|tired) to death|kill(ing)? two birds|kill (\w+ ){0,3}(rumou?rs|ideas?|"
    r"plans?|projects?|deals?|bills?|proposals?)|"
    r"(is|are|was) killing (the|our|this|my|their) (\w+ ){0,2}(shops?|business\w*|village|town|county|economy|farm\w*|"
    r"crops|trade|community|market|industry|income|sales|jobs)|murder on|\bkiller \w+|fire (sale|department|safety|"
    r"inspection|drill|exit|code|"
    r"brigade|station|alarm)|(get|got|getting|been|was|were) fired|fired (me|him|her|them|from)|ceasefire|"
    r"gas (station|bill|price|subsidy|fee|company)|shoot (an|the|a) (email|photo|video)|photo ?shoot|"
    r"blew up at|blow up at|heart is broken|break a leg|hurt (my|our|his|her) (feelings|pride|business|reputation)|"
    r"missing (money|funds|documents|files|pages|records|receipts|payments?|subsid\w+)|"
    r"(money|funds|payments?|records|documents|files) (is |are |went |have gone |has gone )?missing|"
    r"bloodsucker|burn(ing)? (money|cash)|burnout|burned out|explosive (growth|news)|death (certificate|benefit)|"
    r"(injury|death|disability) (compensation|benefit|claim|assessment|payout)",
    # blind26: a project called a dumpster fire, the flat still owed since last year's fire, an explosives store's
    # keeper (its 民爆站) at mahjong
    r"(total |complete |absolute |utter )?dumpster fire|\bsince last (year|month|week|winter|summer)'?s (\w+ )?(fire|"
    r"flood|explosion|blast|earthquake|typhoon|storm|landslide)|民爆(站|公司|仓库|器材)",
    # blind27: a registration missing, "这不是威胁是什么" said of a threat to look into a job, blasting at a quarry,
    # "让镇长好看" with photos for the commission, a head exploding, dead three years and still paid, a meter's jump
    r"\b(registration|permit|paperwork|certificate|stamp|form|record|file|hukou)s? (is |are |was |were |went |has "
    r"gone )?missing|这(不|不就)?是威胁(是什么|吗|嘛)?|(算不算|是不是)威胁|(搞|干|做|负责)爆破|"
    r"爆破(工|员|作业|公司|手续|证)|我(要|会|非|一定|就)(要)?让~6好看~~40(纪委|监委|举报|曝光|寄给|告|上访)|"
    r"\b(my|his|her) head (is|was) (exploding|spinning|about to explode)|"
    r"(死|去世|过世)了?([一二三四五六七八九十两几]|\d+)(多)?(年|个月)|(油表|电表|水表|表上|数字|价格|价钱)~4跳",
    # blind30: a crop "亏死了", blood "sucked dry" by a secretary, a gas canister carried on a ferry, sheep carted
    # back after an inspection (a wifi "bomb" and a boss "killing us" are urgent_guards.NOT_FIGURES: both checks)
    r"(亏|赔)死(了|我|人)|血~6吸干|gas (canister|cylinder|stove)s? on (the )?(ferry|plane|train|bus)|"
    r"\bcarry (a |the )?(camping )?gas\b|检查完(又)?拉回去|借过来~4拍照",
    # blind32: a secretary who drinks at noon and drives home, told as a habit ("天天…喝完了自己开车回家")
    r"(天天|每天|经常|老是|总是)~~12(喝酒|喝)~~20开车回家",
    # blind28: money sent to a caller who then vanished (fraud)
    r"(转|交|打|汇)(了)?~8(过去|钱|款)~~12(联系不上|失联|拉黑|不见)",
    # blind49: wheat "about to die" of drought, a dog poisoned by a neighbour, a family frightened to go out
    r"(麦子|麦苗|小麦|稻子|水稻|秧苗|玉米|苞谷|菜苗|庄稼|果树|茶树|烟叶)~6(旱|晒|冻|渴|淹|涝)?死|"
    r"(鸡|鸭|鹅|猪|牛|羊|鱼|狗|猫|兔)被~8(毒|药|打|撞|咬|弄)死|吓得~4不敢出门",
)  # fmt: skip
