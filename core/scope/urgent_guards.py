"""Guards of the urgent families (rules.md §8 near misses; ``core/scope/urgent_families.py``): what the family
words mean when they are not danger, and sentences the writer takes back.

Ordinary senses (leaked information, an electricity project, a pipe's price) are blanked before the backstop
looks; figures of speech ("难吃死了", "killing us with fees") are blanked for both checks; a joke, words said in
anger, a dream, a boast, the news or a harm survived or settled makes both checks skip the sentence, unless the
writer says it is no joke. Same normalised text and ``~n`` gap shorthand as ``core/scope/urgent_backstop.py``.
"""

from __future__ import annotations

#: Ordinary senses of the family words, blanked before the backstop looks (with ``NOT_BACKSTOP``): leaked
#: information, emissions and permits, political "vanishing" of money, crying over money, a report thrown away.
NOT_FAMILY = (
    r"(信息|材料|内容|隐私|身份|秘密|名字|举报人|消息|试题|考题|数据|资料)~6(泄漏|泄露)|泄露",
    r"(钱|款|资金|补贴|补偿|材料|档案|证据|账本|账目|票据|公章|救生衣|冲锋舟|物资|器材|帐篷)~6(消失|不见了|没了)",
    r"(排污|环评|排放|许可|整改|检测|罚款|补贴|指标)~~10(烟|气|味|泄漏)|哭穷|哭诉|哭着(说|求|喊冤)|哭(惨|闹)",
    r"(举报信|材料|信|纸|文件|证据|照片|档案|书)~6(火|烧)|烧(了|掉|毁)~6(举报信|材料|信|纸|文件|证据|档案|账)",
    r"吐槽|整改|跟踪(调查|问效|督办|回访|服务|落实)|(补贴|工程|项目|经费|资金)~~10(电线|电缆|线杆)",
    r"(电|电线|线路|电网)(改造|工程|费|价|补贴|表|户|站|所|公司|局)|电(费|价|表)|供电|停电",
    r"(让|要让)(我|他|她|我们)~4好看~~20(扣|停|取消|开除|低保|补贴|工资|处分|调|评|职称|考核|罚)",
    r"threat\w* (\w+ ){0,2}to (cut|stop|withhold|cancel|fire|sue|report|evict|fine|expose|dismiss|demote|revoke|"
    r"remove|block|freeze|reduce|take away)",
    r"(killing|kill|kills) (the |our |my |their )?(local |county |village )?(budget|finances|funds|revenue|"
    r"spending|morale|reputation|chances|careers?)",
    r"rape (seed|oil)|leak(ed|ing)? (\w+ ){0,2}(information|documents|names?|data|details|identity|report|news)|"
    r"information (was |is )?leak",
    # money drawn in the names of the dead, pills sold, a gas cylinder taken home, a blast furnace (blind3)
    r"(dead|deceased) (people|persons?|man|men|woman|women|relatives?|villagers?|residents?)'?s? (\w+ )?(pensions?|"
    r"subsid\w*|benefits?|names?|allowances?|ids?|identit\w*|land|accounts?|salar\w*)|(signing|sign|signed|claiming|"
    r"claims?|collect\w*) (\w+ )?for (the )?dead|冒领~6(死人|去世|过世|已故)|"
    r"(死人|去世的人|已故)~4(的)?(养老金|补贴|低保|名字)",
    r"sell\w* (\w+ ){0,3}(pills|tablets|supplements)|(health|diet|vitamin|miracle|fake) (pills|tablets|supplements)",
    r"煤气罐~6(拉|搬|拿|占|私用|带)(回|走|到)?|(拉|搬|拿|占)~4煤气罐",
    r"blast[- ]furnaces?|fire (safety|inspection|brigade|department|station|extinguishers?|hydrants?|officers?|"
    r"inspectors?|service)|anti-\w+|"
    r"petrol (mixed|price|quality)|gas station|sells? petrol|heart (is )?dying",
    r"(客服|平台|公司|商家|老板|店家|中介)~6联系不上|(存款|账户|钱|卡|工资)~4(被)?冻(结|了)|冻(结|了)~4(存款|账户|钱|卡|工资)|"
    r"(死了|去世|过世)~6的人~~10(发|领|补贴|养老金|低保)",
    r"有毒~4(岗位|津贴|补贴|工种)|(岗位|津贴|补贴)~4有毒|(账本|材料|证据|文件|公章|东西)~2(带|拿)走|"
    r"(卖|售|帖子|网上)~6(仿真枪|枪支|刀具)",
    r"missing (the |a |our |my |his |her )?(meetings?|class(es)?|deadlines?|work|payments?|documents?|files?|money|"
    r"funds|records?|receipts?)",
)  # fmt: skip

#: A sentence the writer takes back: a joke, words said in anger, a dream, a threat that "is really" a lawsuit or a
#: fine, a harm that was survived or settled. Both checks skip such a sentence, unless it also says the writer is
#: not joking ("不是开玩笑", "I'm not kidding").
DISOWNED = (
    r"(?<![不没别])(开玩笑|开个玩笑|说着玩|说笑|逗你)|气话|气头上|随口(一)?说|说说而已|(做梦|梦见|梦到|梦里)",
    # "其实就是要告我" (the threat is a lawsuit), not "其实是我们告了他们院长" (why it is done to us)
    r"其实(?!(就|只)?(是)?(因为)?(我|俺|她|他|咱)(们)?(去)?(告|举报|上访|作证))(就|只)?(是)?~6(告|起诉|罚|扣|开除|处分|"
    r"举报|法院|上访|不给|调走|停)",
    r"(救|抢救)(回来|过来)了|(后来|已经|早就?)~6(想开|调解好|解决|和好|放出来|出院|摆平|私了|赔了|赔过|恢复)了|"
    r"(伤|病)(也|都|已经|早)?好了|(到期|已经)放(出来|了)",
    r"\b(lol|lmao|haha+|jk|just kidding|joking|kidding)\b|in a dream|\bi dreamt\b|nightmare",
    r"(好不容易|终于|已经)~3(跑|逃|救)出来",
    r"其实(就|只)?(是)?~6(吓唬|吓人|(?<![莫没不])装的|演戏|做样子|要钱)|吹牛|嘴上说说|只是说说|光说不(练|做)|(那个|"
    r"这个)?(人|的人|凶手|他|她)(已经|都)(被)?(抓|逮捕|判)(了|起来)",
    r"\b(only|just) talk\b|all talk|(was|were|has been|have been|got) (arrested|jailed|caught)",
    r"发牢骚|牢骚话|(抖音|快手|微博|朋友圈|网上|新闻)(上|里)?~2(看到|刷到|看见)|网上看到|网传|刷到|(看到|看了|"
    r"转发)~4视频|视频(里|上)|是真的吗|是不是真的|is (it|this) true|"
    r"saw (a|this) video",
    r"看(了)?新闻(说|上|里)|新闻(上|里)?(说|报)|(朋友圈|群里|网上)~4转|都在转|"
    r"(read|saw|heard) (it |that |this )?(on|in) (the )?(news|douyin|tiktok|weibo|wechat|tv|paper)|"
    r"on (douyin|tiktok|weibo|the news)|(i|we) read (that|about)|"
    r"(?<!to a man )(?<!to a guy )(?<!to someone )in another (city|county|province|town)|is it real|"
    r"^(just )?read (that|about)\b|\b(bbc|cnn|reuters|cctv)\b( news)? (says|said|reports?)",
    r"真的假的|是真是假|(抖音|快手|微博|网上)上?那个~~30视频|\bdoing (much |a lot )?better now\b|"
    r"听说~~12(隔壁|邻|外)(县|市|省|镇)|"
    r"\b(radio|tv|paper|newspaper) (said|says|reported)\b|\bon the radio\b|\b(next|neighbou?ring) (county|city|"
    r"province)\b",
    r"(大家|人|都|所有人)(倒是|还好|幸好|也)?(都)?没(事|受伤)|(还好|幸好|好在)~4(都|全)?(跑|逃|救)出来|"
    r"人(都|全)(救|跑|逃)出来了|(还好|幸好|好在)~2没(伤|砸|烧)(着|到)?人|没伤着人|(劝|救|拉)(下来|回来)了|"
    r"(抖音|快手|微博|网上|新闻)(上|里)?说|没(有)?人(受伤|伤着)|险情~4排除|"
    r"(nobody|no one|no-one|none of us) (was |got )?(hurt|injured|harmed)|"
    r"every(one|body)('?s| is| was)? (safe|ok|okay|fine)|(came|come) and fixed it|"
    r"hope every(one|body)('?s| is)? (ok|okay|safe|fine)|"
    r"(was|were|got|has been|have been) (fixed|repaired|put out|sealed)|(fire|blaze) (is|was) (out|put out)",
    r"all (ok|okay|safe|fine)\b|got out (\w+ )?in time|(was|were|got) rescued|home safe|"
    r"(she|he|they)('?s| is| are) (ok|okay|fine|safe)\b|\b(shes|hes|theyre) (ok|okay|fine|safe)\b",
    r"写小说|小说里|剧本|\bi dream(ed|t)\b|when (i|we) (was|were) (a kid|kids|young|little|a child)|"
    r"现在(都)?没事了|(警察|派出所|民警)~6(带走|抓走)了|都没(啥|什么)事|已经回家了|"
    r"found (now )?(and )?safe|is safe now|"
    r"\b(the )?(19|20)\d\d (rain|flood|storm|earthquake|typhoon|fire)s?\b",
    r"that was (in )?(19|20)\d\d|(he|she|they)('?s| is| are) in (prison|jail) now",
    r"(video ?game|mobile game|computer game)s? (has|had|with) (a |an )?(level|mission|stage|scene)|"
    r"(level|mission|scene|stage) in (a|the|his|her|my) (video ?)?game|(游戏|动画片|动画)(里|中)~6(关卡|剧情|情节)",
)
#: ... unless the writer says it is not a joke.
NOT_DISOWNED = (
    r"(不|没|别)(是)?(在)?(开玩笑|说着玩|闹着玩|吓唬(你|你们|人)|说气话|说说而已)|"
    r"(老师|校长|他们|学校|村里|对方|班主任|警察|领导)(都|就|还)?说~6(开玩笑|闹着玩|玩笑|说着玩)|不像(是)?(在)?开玩笑|"
    r"不是气话|(not|no|n'?t) (joking|kidding|a joke)|"
    # "we all thought he was joking": the writer no longer does (blind50)
    r"(都|还|本来|一直)?以为~6(开玩笑|说着玩|闹着玩|说气话|随口说说)|\b(thought|assumed) (he|she|they) (was|were) ("
    r"joking|kidding)\b|"
    # "我当开玩笑 现在趴桌子上叫不醒": taken for a joke, and now the body says otherwise (blind51)
    r"(当|当成|当作|觉得)(是|他|她|他们)?~4(开玩笑|玩笑|说着玩|闹着玩|气话)|\btook it (as|for) a joke\b|"
    # a video sent by those who hold him, with a ransom asked: no film (blind51)
    r"赎人|赎金|\bransom\b|(发|传)(来|过来|给我)(了)?(一段|个)?视频|\b(sent|texted) (me |us )?(a )?video\b|"
    r"(开玩笑|玩笑|说着玩|闹着玩|气话)~~24(现在|正在|刚刚|刚才)~~8(叫不醒|喊不醒|不动|没(了)?(呼吸|气|反应)|抽|吐|流血|昏)|"
    r"还在(里面|屋里|追|找|等|门口)|还没(出来|救出)|still (inside|in there|after me|chasing|looking for)|"
    # one's own child sent away, whatever province it is to (blind47)
    r"\b(my|our) (daughter|son|kid|child|niece|granddaughter|grandson|sister)\b.{0,30}\b(being |getting )?(sent|"
    r"forced|made|"
    r"taken)\b|"
    # a video of one's own town's school, with people filming below now (blind45)
    r"我们(这|这边|镇|村|乡|县|小区|学校|中学|小学|厂|单位|楼)~~30(站在|坐在|爬上|在(拍|喊|围))|(下面|楼下|底下)~4(好多|很多|一群|一堆)?人~2在(拍|看|围|喊)|"
    # the workers ran out but the tank may still blow, and the village does not know (blind42)
    r"随时(会|要|可能)~2(炸|爆|塌|垮|倒|决)|(村里|周围|附近|楼里|外面)的?人~3还不知道|"
    # one's own kin or friend posting online what they are about to do is not news read
    r"(他|她|表弟|表妹|表哥|表姐|外甥|外甥女|侄子|侄女|儿子|女儿|孩子|同学|朋友|同事|老公|老婆|弟弟|妹妹|哥哥|姐姐|室友|"
    r"邻居)(在)?(抖音|快手|微博|朋友圈|网上|群里|直播)(上|里)?(说|发|直播)|"
    # someone posting what he will do tomorrow is a threat, not news read (blind30: "干一票大的" at the square)
    r"有(个)?人(在)?(抖音|快手|微博|朋友圈|网上|群里)(上|里)?(说|发|放话)~~30(明天|今晚|今天|马上|要去|要到)|"
    r"(said|says|posted|posts|wrote|writes|announced|threatened) (\w+ ){0,2}on (douyin|tiktok|weibo|wechat|kuaishou|"
    r"(a |his |her )?live ?stream)|(douyin|tiktok|kuaishou) live|live ?stream(ing)?|"
    # a post by someone the writer knows, or one still live: "高中同学凌晨三点发了一句", "直播间现在还开着"
    r"(朋友圈|群里|微博|抖音|快手|直播|网上)~~20(同学|班主任|老师|朋友|邻居|同事|室友|弟|妹|哥|姐|儿子|女儿|孩子)~~12(发|说)|"
    r"(同学|班主任|老师|朋友|邻居|同事|室友|弟|妹|哥|姐|儿子|女儿|孩子)~~12(在|往)?(群|班级群|朋友圈|微博|抖音|快手|直播|网上)"
    r"~~6(发|说|直播|贴)|(直播|视频|群里|朋友圈|微博|抖音)~~40(现在|还开着|还在|刚才|刚刚|分钟前|关机|打不通|联系不上)|"
    r"(现在|还在|刚才|刚刚)~~40(视频|直播)|"
    r"(posting|posted|posts|said|says|wrote|writes) on (weibo|wechat|douyin|tiktok|instagram|twitter|moments)\b.{0,60}"
    r"\b(he'?ll|she'?ll|he will|she will|i will|i'?ll|going to|gonna)|\b(dm|direct message|private message|texted me|"
    r"sent me)\b|deleted (all )?(his|her|their) (other )?(posts|photos)|"
    # taken by the police, but ill without the medicine: "他有癫痫 药没带 … 他在所里抽"
    r"(癫痫|羊癫疯|心脏病|哮喘|胰岛素)~~30(药没带|没带药|没(有)?药|发作|抽)|\b(held|kept|locked up) (somewhere|captive|"
    r"hostage)|\bransom"
)

#: Figures of speech and ordinary senses for both checks (joined to ``NOT_HARM``): "难吃死了", "吵得人想死",
#: "往死里用", "上访到死", a singer's name, burning straw, "killing us with fees", "kill the file", "a fire-sale".
NOT_FIGURES = (
    r"(难吃|难喝|难看|难听|难受|难闻|难办|吵|挤|闷|晒|累|热|冷|贵|慢|烦|臭|脏|苦|饿|穷|忙|憋屈|窝囊|丢人|埋汰)(得|"
    r"的)?(人|我)?"
    r"(想死|要死|死了|死人|要命|要人命)",
    r"(简直|真是|真|实在)(是)?要(人|了人|我|了我)的?(老)?命",
    r"往死里(?!打|揍|踢|砍|掐|捅|整(他|她|我|人))",
    r"(上访|告|举报|维权|坚持|斗|耗|查|追究)~4到死|死(也)?要(告|上访|讨|维权)",
    r"刀郎",
    r"(台风|洪水|地震|暴雨|灾)(过后|之后|以后)|救灾|防汛|抗洪|防台|(渔船|船|台风)~2(补贴|补助|款|燃油)|"
    r"关在医院(?!~4(不让|不放))",
    r"(typhoon|storm|disaster|earthquake|drought|hurricane) (relief|funds|aid|subsid\w*|money|compensation)|overdos\w* "
    r"(it|the (dog|cat|pig|cow|animal))\b|(dog|cat|pig|cow|animal|pet)\b.{0,60}overdos",
    r"不想活得~4(窝囊|憋屈|没尊严|这么|那么)|would kill for|kill for (a|the|his|her) \w+",
    r"毒(死|了)~6(鱼|鸡|鸭|鹅|狗|猫|猪|羊|牛|庄稼|树)",
    r"半条命|醉得~2不省人事|不想活在~8(不公|不公平|黑暗|欺压|恐惧|阴影|这种|这样)",
    r"(钢管|铁棍|钢筋|砖|刀具|斧头|锄头|镰刀|农药|汽油|柴油|老鼠药|蟑螂药)~4(报价|价格|价钱|采购|单价|钱|厂|生意|供应|批发|销售|涨价|补贴|"
    r"补助|指标)",
    r"烧?(秸秆|垃圾|麦秆|稻草|落叶)~~12(烟|呛|火)",
    r"救命(啊|呀)?~~6(这(个|件)?事|拖了)",
    r"(killing|murdering) (us|me|them|people|everyone|farmers|families|patients) with (\w+ )?(fees|taxes|fines|"
    r"paperwork|rules|charges|bureaucracy|prices|rent|interest|bills)|killer (prices|fees|rents?|bills|deals?)",
    r"(得|的)?要人命|群~2炸了|(?<!喝)(?<!喝了)(?<!吃)(?<!吃了)(老鼠药|蟑螂药|农药)~~12(价钱|价格|贵|便宜|统一买|采购|供的?货|退钱|"
    # not "喝了农药了 告了也没用" (blind34)
    r"假的|质量)|(?<!喝)(?<!喝了)(?<!吃)(?<!吃了)(老鼠药|蟑螂药|农药)~4(没用|不管用)",
    r"anti-?(suicide|drowning|fire|flood|drug|fraud)\w*( \w+)? (hotline|project|campaign|fund|money|program|training|"
    r"fence|wall|publicity)|\b(work|works|worked|working) (us|me|them|people|everyone) to death|\w+ safety training|"
    r"点评|打着~8(名义|旗号|幌子)",
    r"火坑|快被~12(搞|折腾|拖|磨|耗|烦|气|累|审)死了|黑灯瞎火|(be|been) the death of (me|us)|(is|was) (pure |sheer "
    r"|absolute |total )?murder\b|pesticide (subsid\w*|prices?|quota|allowance)",
    r"fire-?sale",
    r"burn(ing|s|ed|t)? (through )?(\w+ )?(money|cash|funds|budget)",
    r"kill(ed|s|ing)? (the|a|this|my|his|her|our|their) (\w+ )?(file|case|report|story|complaint|application|"
    r"petition|request|investigation|project|proposal)",
    r"(village|town|industry|economy|county|place|community|business|market|trade) (is |was )?(slowly )?dying",
    r"bomb[- ]shelters?|air-raid shelters?",
    r"kill(ing)? (the )?time|drowning in (\w+ )?(complaints|debts?|work|"
    r"paperwork|files|problems|cases|bureaucracy|forms|emails|meetings|tasks|reports|inspections)",
    r"(call|called|calls|taste|tastes|tasted) (it |like )?poison|(dying|died|die|dead) (of|from) (embarrassment|shame|"
    r"boredom|laughter|laughing|curiosity)|('s|is|are|it'?s) killing me|(政策|规定|制度|收费|价格|这样)~~10逼~4(去)?死|"
    r"buried (my|the|our|his|her|their) (\w+ )?(complaint|report|file|case|petition|application|letter)",
    # blind16: slang and idioms ("躺平", "半死不活", "用在刀刃上"), a collector's swords, an engine stalling, a fire
    # check and a stove that won't fire up, a husband held by the commission, account books locked away, a window
    # broken by firecrackers, a cooker that smoked sent back, a car window smashed for a bag, brothers "about to fight"
    r"躺平|半死不活|(用|花)在刀刃上|名刀|刀剑|宝刀|熄火|\bfire (up|checks?|extinguishers?)\b|won'?t fire\b|"
    r"gas (stove|cooker|hob|heater)s? (won'?t|doesn'?t|does not|will not) (fire|light|work|start)|gas service (company|"
    r"firm)|"
    r"\bheld by (the )?(\w+ ){0,2}(commission|committee|procuratorate|authorities|discipline \w+)\b",
    r"(账本|账目|账簿|档案|公章|资料|凭证)~4锁(起来|在|着|住)|(玻璃|窗户|车窗)~4炸坏|炸坏(了)?~4(玻璃|窗|车门)|"
    r"冒烟~~20(不给退|退货|退款|退换|人为损坏|质量问题)|车~~8砸(了)?~4(玻璃|车窗)~~24(偷|丢|东西|钱包)|"
    r"(兄弟|姐妹|妯娌|亲戚|分家|谈不拢|吵得?)~~20(都)?快(要)?打起来(了)?|(争|分|抢)(遗产|家产|老房子|"
    r"宅基地)~~20(都)?打起来(了)?",
    # blind17: "我的 patience 已经 dead 了", a chat group "about to fight", "我真的要炸了", bricks and cement
    # as materials
    r"patience.{0,8}\b(dead|died|gone)\b|(群里|网上)~~16(要|快)?打起来|吵翻天~~24打起来|"
    r"头(都)?(要|快)(要)?(爆|炸)(了)?|捅(到|给|出去|上去)~4(12345|纪委|媒体|报社|上面|网上|电视台|记者|省里|市里|中央)|"
    r"(煤气|燃气|液化气)罐?~4(阀门|减压阀|软管|报警器)~~12(换|指定|收费|多少钱|\d+|一百|两百|价|合理|卖)|"
    r"murder\w* (my|our|the) (wallet|budget|bank account|savings)|"
    r"(配合调查|留置|谈话|审查)~~30不让~2(走|离开|回家)|差点撞(到|上)(人|行人)|"
    # blind19: a fire-drill subsidy, "炸药桶 一点就炸", out-of-date pesticide that killed the fruit trees, gas cylinder
    # prices, "失联" as the ground of an expulsion
    r"fire-(drill|safety|inspection|prevention|fighting|proof)\w*|炸药桶|火药桶|一点就(炸|着)|(过期|假)农药|"
    r"(果树|庄稼|苗|菜|树苗)~4(全)?死(了|光)|gas (cylinder|canister|tank)s? (delivery|prices?|costs?|refills?|fees?)|"
    r"(理由|原因)是~4失联|失联(党员)?~~8(开除|处分|除名)|"
    # blind25: a kitchen knife that blunts, an old explosives store, "像吃了炸药", "撞见", no injuries, an inspection of
    # gas cylinders
    r"菜刀~~12(质量|卷|钝|不退|退货|商家)|刀口~2卷|炸药库~~12(不用|看管费|废弃)|废弃(的)?炸药库|吃了炸药|脾气~4火爆|火爆脾气|撞见|"
    r"\bno (injuries|one (was )?injured|casualties|deaths)\b|(inspection|"
    r"check)s?['’\"]? of ([\w'’]+ ){0,3}gas (cylinders?|tanks?|"
    r"pipes?)|"
    # blind24: drowning-prevention signs, frozen food, the sheep "gone", the car the 监委 seized
    r"(drowning|fire|flood|suicide) prevention|冻品|冷冻(食品|肉)|冻(肉|货|鸡|鱼)|(羊|牛|猪|鸡|鸭|钱|东西|货|物资|"
    r"款)~2(都|全)?不见了|"
    r"(扣押|查封|扣)(了)?~2(我们|我|他们|他)?家的(车|房|东西|钱|存款)|"
    # blind23: "jump the line", "stuck" waiting for a sign-off, flood sandbags, burnt toast, a blasting permit, roots
    # pushing a wall, rubbish smoke, "多到爆", eyes "写瞎了", held under liuzhi
    r"jump(ed|ing)? the (line|queue)|(cut|skip)(ped|ping)? the (line|queue)|\bstuck (waiting|on (the |a )?(sign-off|"
    r"paperwork|form|approval|permit))|(things|it|we|they|project|application)('re| are| is|'s| was| were)? stuck\b|"
    r"flood (sandbags?|supplies|materials|equipment|barriers?)|burnt toast|false alarm|爆破(许可|作业|公司|证)|"
    r"(根|树根|竹根|竹子)~6(拱|顶)(歪|裂|坏)|(烧垃圾|烧秸秆)~~12smoke|smoke~~12(烧垃圾|垃圾)|多到爆|(写|看)(瞎|废)了|"
    r"held under (liuzhi|留置)|"
    # blind22: a chat group "exploded", 血清, "I could kill my brother", 捅出来, held by the 监委 for questioning,
    # "折磨死了", "literally dying here", 误伤一拳, 透水砖
    r"\b(chat|group|comments?|internet|phone|inbox|wechat|weibo) (\w+ )?(exploded|blew up|is exploding|went crazy)|"
    r"血清|"
    r"\bi could (just |literally )?kill (my|him|her|them)\b|捅(出来|破)|\bheld by (the )?(监委|纪委|监察委)|held for "
    r"questioning|\d+ ?(万|千|元|yuan|rmb|k)\s?(is |are |went |gone )?missing|折磨死(了|人|我)|把人折磨死|"
    r"(literally )?dying here\b|被误伤(了)?(一拳|一下)|透水(砖|混凝土|铺装|路面)|(普通|空心|实心|水泥|铺|地|瓷)砖|"
    # blind21: "会死吗", a flood-damaged car, fire doors, a gas inspection, a gas water heater installed
    r"(会|能)死(吗|啊|么)|(flood|fire|water)-damaged|fire doors?|gas (inspections?|inspectors?|checks?)|gas (water )?"
    r"heaters?\b.{0,40}\b(install\w*|charged|bought|price|fee)|(bought|buy|install\w*) (a |the )?gas (water )?heater|"
    r"(分家|遗产|家产|老房子)~~20(要|快)(要)?(动手|打起来)|"
    # blind20: "气炸了", fire trucks, "a bloodbath for small shops", a gas cooker replaced at twice the price
    r"气炸(了)?|炸毛|fire (trucks?|engines?|chief|services?)\b|bloodbath (for|in|on)\b|(煤气|燃气)灶~~12(换|价格|贵|"
    r"买|钱)|"
    r"(煤气|燃气|天然气|液化气)管(子|道)?~4(老化|谁负责|更换|改造)|flood (plans?|maps?|warning systems?|"
    r"preparedness|defen[cs]es?|drills?|emergency plans?)|"
    r"我(真的|真是|快|都|快要)要?炸了(?=[\s，,。.!！?？]|$)|砖(头|块)?(、|和)?(水泥|沙子|瓦|石子?)|(水泥|沙子|钢筋|瓦)(、|和)?砖",
    # blind28: "都在吐槽", hens beaten dead, a petrol nozzle, bricks carted, legs "run off" at offices
    r"吐槽|(打|毒|药|咬|撞|踩|压)死(了)?~6(只|头|条|窝)?(鸡|鸭|鹅|狗|猫|猪|羊|牛|鱼|兔)|油枪|加油枪|(拉|运|买|搬|卸|送)(的|了)?~2砖|"
    # blind32: "砖混" houses, a burden "压在心里", a child "天天饿着回家" over a canteen's portions, pills paid for
    r"砖混|砖瓦房|压在心里|心里压着|(天天|每天|经常|总是)饿着(回家|放学)|\b(pay|paid|charged?)\b.{0,20}\bfor (some |"
    r"the |these )?"
    r"(pills|tablets|supplements)\b|\bgas pipes?\b(?!.{0,20}(leak|smell|burst|hiss))|开山刀~~10(证|进货|批|办)|"
    r"\bblasting (contract|permit|licen[cs]e|company|firm)\b|(茶园|茶叶|菜地|稻子|果树|玉米|秧苗)~4(全)?死(了|光)|"
    r"\bsqueezing (us|me|them) to death\b|\b(bled|bleed|bleeding) (us|me|them) dry\b|"
    # blind31: "骂老不死的", a rain that brought shoddy work down, snake wine, "画的饼要把我撑死了", a butcher's knife,
    # a heart "bleeding", prices "murdering us", an e-bike battery swollen (a shop's matter)
    r"老不死|(一场|一下)雨就~2(塌|垮|冲)(了)?|(毒)?蛇酒|撑死|画的饼|\bbutcher\b.{0,40}\bknife|\b(my|his|her|our) heart "
    r"(is|was) bleeding\b|\b(price|prices|policy|rent|tax|fees?)\b.{0,10}\b(is |are )?(murdering|killing) us\b|"
    r"电池~4鼓包~~20(seller|卖家|售后|人为|退|换|损坏)|"
    # blind30: a wifi "a total bomb", a boss "killing us slowly"
    r"\b(is|was) a (total|complete|real) bomb\b|\b(wifi|internet|network|signal|phone|battery|laptop|computer|engine|"
    r"tv|printer|system)\b.{0,60}\b(dies|died|dead)\b|\b(boss|job|work|policy|rent|company|factory|landlord|paperwork|"
    r"bureaucracy)\b.{0,20}\bkilling us\b|"
    # blind29: a knife-grinder's trade, "跳枪" at a pump, a mother who "will kill me", bullets paid for at a range
    r"磨剪子|戗菜刀|磨刀(石|的|匠)|跳枪|\b(mum|mom|mother|dad|father|wife|husband|boss|parents) (will|would|'ll|"
    r"is going to|"
    r"are going to|gonna) (kill|murder) me if\b|\b\d+ bullets\b|\bbullets? (for|at|cost|each)\b|"
    r"腿~2跑(断|细)|跑断(了)?腿|跟(他|她|你|他们)拼了~~24(去|到|找)~6(区里|县里|市里|纪委|监委|上访|举报|说清楚|告)",
    # blind49: who started a past fight, argued ("明明是他们五六个人围着我"); burglars who "keep" prising doors at night
    # (a habit told, for the police); a place's nickname ("the 'suicide bridge' as we call it"); "I'd rather die than
    # pay"; "my head's gonna explode"
    r"明明是~12(围着|打|推|骂|追着)(的)?我|(老|总|经常|常常|天天|隔三岔五)有人~10撬(门|锁)|"
    r"['\"‘“]suicide (bridge|cliff|road|bend|curve|corner)['\"’”]|\bsuicide (bridge|cliff|bend|curve)\b,? as (we|they|"
    r"people|locals) call it|\b(i'?d|i would|we'?d) rather die than\b|"
    r"\b(my|his|her) head('s| is)? (gonna|going to|about to|will) (explode|burst)\b",
    # blind50: the man who beat me "is now deputy mayor" (a post now, not a beating), a house "about to fall down" in a
    # quarrel over a renovation grant, an official asleep drunk at his desk, a knife-maker's trade, a "photo shooting",
    # fireworks that "burnt 800,000" (money), a wall soaked by a leak upstairs
    r"现在(是|当上(了)?|成(了)?|升(了)?)~4(副)?(镇长|县长|乡长|局长|书记|主任|科长|所长|领导|干部|村长|支书)|"
    r"(危房改造|补助|补贴|手续费)~~60(房子)?(都)?快(垮|塌)(了)?|(上班|办公室|窗口|值班)~~16(趴|躺)(在)?(桌|办公桌|沙发|椅子)(子)?(上)?~~16(睡|喊(都)?喊不醒|叫不醒)|"
    r"\b(make|makes|making|sell|sells|selling|sharpen|sharpening) knives for a living\b|\bknife (maker|workshop|"
    r"shop)\b|"
    r"\bphoto ?shoot(ing)?\b|烧(了|掉)?~4(\d+|[一二三四五六七八九十百千几两])(多)?(万|千|百)(块)?|墙(皮)?~4泡|"
    r"泡~4墙(皮)?|(水管|管子|暖气片|暖气管|水龙头)~4(爆|裂)(了|开)",
    # blind51: two families "about to come to blows" over a boundary, an inspection that photographs the explosives
    # store's door, a licensed hunter's confiscated shotgun
    r"(两|俩)家(人)?(都)?快(要)?打起来(了)?|(到|去)炸药库(的)?(门口|外面)|炸药库~~10拍~3照|\blicensed hunter\b|"
    r"\bhunting (licen[cs]e|rifle|gun)\b|\bconfiscated (his|her|the|my|our) (shot)?gun\b",
    # blind53: cards (斗地主 "炸弹", "王炸"), a "suicidal" price cut, a meeting's "gunpowder", pigs killed a day
    r"(斗地主|打牌|打扑克|掼蛋)~~30(炸弹|王炸)|王炸|自杀式(降价|营销|打法|竞争)|(开会|说话|讲话|开口|发言|会上|"
    r"语气)~~8火药味|\bkill (about |around |"
    r"over )?\d+ "
    r"(pigs|chickens|cattle|sheep|cows) a day\b",
)

#: Over and safe: the danger told is past and the person is safe. Such a sentence is taken back even when it names
#: a message the writer was sent ("my friend who texted me … is in hospital now and doing ok"), unless it says the
#: danger goes on ("still", "again", "for now", "还在", "又").
SAFE = (
    r"\b(is|are|'s)( now)? in (the )?hospital( now)? and (doing )?(ok|okay|fine|stable|better|recovering|safe)|"
    r"\b(my|his|her|our|the) (\w+ ){0,2}(is|are)( now)? (safe|ok|okay|fine)\b|"
    r"police (came|arrived|got there) and (took|arrested|led) (him|her|them) away|(nobody|no one|no-one)('?s| is) hurt|"
    r"\bpolice (have |has )?(took|taken|led) (the (\w+ )?(man|guy|woman|men)|him|her|them) away\b|\bsafe now\b|"
    r"\bwas found (this morning|last night|yesterday|earlier)\b,? (cold|tired|hungry|scared|wet)?,? ?(but )?(ok|okay|"
    r"fine|safe)\b|烧(已经)?退了|"
    r"\bgot out with (just |only )?(bruises|scratches|a few (cuts|scratches|bruises)|minor (cuts|injuries))|"
    r"\bdoctors? (says?|said) (all good|(he|she|they|it)'?s? (fine|ok|okay|all right))|虚惊一场|(刚|已经)找(着|到)了",
    r"帮忙~2(找到|找着|找回)(了)?|找到了~4谢谢|(底下|下面)(都)?没(有)?(压着)?人(了)?(?=[，,。.!！]|$)|救援(的)?(人)?(都|已经)~2撤(了|走)|(已经|都)(脱离|没有)(了)?(生命)?危险",
    r"(后来|之后|从那以后)(也)?(就)?没(再)?~4(动(过)?手|来(过|闹)|闹(过)?|打(过)?|出(过)?事)",
    r"\bthat (chapter|matter|case) (is|has) (long )?(been )?(over|closed|concluded)\b|\bhas long been concluded\b|"
    r"\b(was|were|has been|have been|got) released\b|\b(he|she|they) survived\b",
    r"也没(干|做)(啥|什么)|(手机|电话)(还)?能打通|人也能出门|现在(挺|很|都)?好(的|了)|现在~2(养|治|恢复)好了|(那|这)(都)?是~4(年前|以前|过去)的事(了)?|"
    r"人(都)?好好的|(都|全)平安|(人|我们|大家|他们)~4都出来了|every(one|body)( \w+){0,4} got out\b|\bnow (i'?m|he'?s|"
    r"she'?s) (fine|ok|okay|good|doing well)",
    r"(人|伤|身体|现在)(也|都)?(早|早就|已经)(都)?(好|痊愈|康复|没事)(了)|(现在|已经|都)~2安全了|(被)?劝下来了|现在没事(了)?|"
    r"(已经|都)(处理|解决|修|控制|堵)好了|\b(he|she|they)('s| is|'re| are)( now)? (calm and )?(safe|ok|okay|fine|"
    r"stable)\b|"
    r"(警察|派出所|民警)~6(已经|都)(处理|调解)(了|完|好了)|\b(calm|stable) and safe\b|\b(is|are|'s) (awake|"
    r"conscious) now\b|\ball fine\b|医生说~2没(有)?(大事|事)|\b(got |was |been )?fixed (this morning|yesterday|today|"
    r"already)\b|(今天|昨天|"
    r"终于|总算)找(着|到|回来)了|\b(all )?fine now\b|\ball discharged\b|\bdischarged (today|yesterday|"
    r"this morning)\b|\b(we|i)('re| are|'m|"
    r" am)( all)?( now)? (safe|"
    r"fine|ok|okay)\b|\b(he'?s|she'?s|"
    r"they'?re|he is|she is|"
    r"they are) (home|back)( now)?\b|酒醒了|早(就)?出院了|(人|伤者|伤员)(已经|都)~2送(到|进|去)?(了)?医院(了)?"
    r"(?!~4(抢救|不行|危险|昏迷))|"
    r"再没动过~4(心思|念头)|(捞|救)上来(以后|之后)|情绪~2稳(定)?(下来)?了|(已经|都)~2(找着|找到|找回来)了|(现在|已经)~2冷静(下来)?了",
    r"\ball safe\b|\bnothing since\b|\b(is |he'?s |she'?s )?home and (stable|safe|fine|ok|okay)\b|"
    r"got out (fine|ok|okay|"
    r"safe|safely)\b",
    r"(啥|什么)(味|味道|气味)(也|都)没(有|闻到)~~12谣言|谣言~~40(啥|什么)(味|味道|气味)(也|都)没",
    # blind18: pulled out by passers-by and fine, everyone evacuated and nobody hurt, a child found again
    r"(拉|救|捞|抬|抱)(上来|出来)(了)?~4没事|都撤(出来|离)(了)?|没(有)?人(受)?伤",
    r"(已经|都)(被)?拉开(了)?|(派出所|警察|民警|保安|邻居)~8拉开|(都)?没(什么|啥)?大碍|(人|大家|家里人)(都|也)没事|"
    r"来过(就)?处理好了|(消防|物业|燃气公司|师傅)~6处理好了",
    r"\b(found|got) (him|her|them)( back)?,? (all good|safe|fine|ok|okay)\b",
    r"(现在|如今)~4(日子)?过得(挺|很|还)?(好|不错)|"
    r"(挂(了)?水|打(了)?针|输(了)?液|吃(了)?药)~4(已经|都)?好(了)|\b(nobody|no one) died\b|人(已经)?出来了|"
    r"(医院)?看过(了)?~2没事|"
    r"(人|老人|孩子|娃)~2(找到|找着|找回来)了|已经醒(过来)?了|"
    r"(现在|已经)没(有)?味(道)?了|阀门(已经)?关(了|掉)|(被)?劝住了|送(回)?家了|调解完了|(两边|双方)都回去了|"
    r"every(one|body)('s| is) (out|back)( \w+)? (ok|okay|fine|safe)\b|every(one|body)('s| is) back (in|inside|home)\b|"
    r"(来|师傅|公司)~4修好了|关阀开窗|已经关(了)?阀|后怕|检查过~4没事|\bstable in (the )?hospital\b|(firefighters|they|"
    r"someone) put (it|the fire) out\b",
    r"洗(了|过)胃|(医生|大夫)说~4(稳定|没事|脱离危险)|(已经|都)修好了|没事了|(都|全)(救|拉|抬|捞)(上来|出来)了|没死人",
    r"fire'?s (out|put out)|every(one|body) got out|(firefighters|police|they|someone|neighbou?rs?) (got|talked|"
    r"brought) (him|her|them) down|in (the )?hospital( now)? with (his|her|their|the)? ?(family|parents|mum|mom|dad)",
    # blind26: a lift stuck this afternoon, the people out after half an hour
    r"\b(people|everyone|everybody|we|they) (were |got |was )?(let |pulled |taken )?out after (\d+|half an|an|a few) ?"
    r"(min\w*|hours?)\b",
    # blind27: brought down by the rescue team and all good now, out of hospital and home, the road open again
    r"\b(the )?rescue (team|crew|squad)s? (got|brought|carried|led) (us|me|him|her|them) (down|out)\b|\ball good now\b|"
    r"(已经|都)出院(回家)?(了)?|(路|道)~4(今天|已经|终于)(通了|抢通|修通)",
    # blind31: "nobody die" (Pidgin), a hiker found warm and safe, a gas leak's matter settled, everyone counted at
    # the school after a flash flood, an injured hiker lifted off by helicopter and conscious
    r"\bnobody die\b|"
    r"\bdon quench\b|\bwas found\b.{0,40}\bsafe\b|\bwarm and safe\b|(的事|这事|问题)~2(已经)?解决了|"
    r"人都齐了|(都|全)撤到~6了|山洪退了|(已经)?被~6(接走|救走|送走)了~~10清醒|人清醒",
    # blind28: out of the underpass in time and fine, a jacket bitten and nobody hurt, brought down by the rescue
    # team, in hospital now and stable
    r"\bgot out (of (the |a )?\w+( \w+)? )?in time\b|\bbut i'?m (fine|ok|okay|safe|alright)\b|\bno (injury|injuries)\b|"
    r"(救援队|消防|民警|警察|村里人)~4(已经)?(把)?~2(带|救|背|抬|接)~4下(山|来)(了)|\bin (the )?hospital( now)?,? "
    r"(stable|safe|fine|recovering)\b",
    # blind38: a dark thought told as past and better now; a dam's piping plugged and everyone back
    r"(那天|之前|上次|前几天|前阵子)~~12想不开~~12(现在|已经)好多了|(管涌|缺口|决口)~2(堵住|堵上|封住)了~~12人都撤(回来|出来|走)了",
    # blind49: someone who fell in "已经救起来了 人没得事" (dialect for 没事)
    r"(已经|都)?(救|捞|拉)(起来|上来|出来)了~~8(人)?(都)?没(得|有)?(事|大碍)|人(都)?没得事",
    # blind50: a gas leak "dealt with" by the gas company, everybody evacuated safe, a man resting at home with his
    # injury
    # blind51: a dark thought past and "worked through now", a heart attack "stable now and home", "ok, just bruised"
    r"(现在|已经|早就)(都)?想(开|通)了|\bstable now\b|\b(stable|recovering) (and|at) home\b|\bok(ay)?,? just (a few "
    r")?(bruise[sd]?|scratch(es|ed)?|shaken( up)?)\b",
    r"(来人|师傅|公司|物业)~6处理(完|好)了|\bevacuated (safe(ly)?|in time)\b|\bsafe,? thank god\b|(在|还在|"
    r"回家)(家)?养(伤|病)",
)
NOT_SAFE = (
    r"\b(still|again|for now|yet)\b|还在|还没|又(来|在|拿|要)|暂时|叫不(应|醒)|喊不(应|醒)|喘不上|不想活|想死|自杀|"
    # "医生说没事让等着 俺不信" (blind33); dizzy and unable to crawl to the door after "it's fine" (blind38)
    r"轻生|拿着~4(钢管|刀|棍|棒|斧|汽油)|冲进来|(怕|快|就)要(塌|垮|倒|决口|溃)|那是收了钱|(头晕|晕)得|站不起来|爬不(到|动|起来)|嘶嘶|(俺|我)~2(不信|不相信|"
    r"信不过|不放心)|\bi don'?t believe\b|随时(会|要|可能)~2(炸|爆|塌|垮|倒|决)|(村里|周围|附近|楼里|"
    r"外面)的?人~3还不知道|"
    r"\b(home|here|there) alone\b|\b(bringing|has|holding) (a )?(knife|gun|axe|machete)\b"  # blind45
)
