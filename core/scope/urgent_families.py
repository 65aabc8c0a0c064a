"""Urgent words, part 4 (rules.md §8; XF-25, XF-26(2)(3)): whole families of ways people describe danger that
the first three parts (``urgent_words``, ``urgent_hazards``, ``urgent_signs``) and the backstop's single harm
words do not reach.

Blind sets kept showing the same gaps, not the same lines: danger said through a *consequence* rather than a harm
word (electricity, a chemical leak, a car driven into people, a structure swaying or shedding stones), harm
said through what is *heard* (screams, a child crying for hours), sexual abuse, a threat to make someone vanish,
a stroke or a poisoning told by its symptoms, and suicide said as care for those left behind ("照顾好孩子",
"以后不会再麻烦任何人了", "nobody will miss me"). These are added to the backstop (``urgent_backstop.HARM``), so the
same guards apply: not in a past or story frame, not about money or procedure only, not in an ordinary sense
(``urgent_guards``). Same normalised text and ``~n`` gap shorthand as ``core/scope/urgent_backstop.py``.
"""

from __future__ import annotations

_KIN = r"(孩子|娃|儿子|女儿|闺女|爸|妈|爹|娘|老人|父母|家人|老婆|老公|妻子|丈夫|弟弟|妹妹|哥哥|姐姐|奶奶|爷爷|自己)"

#: Harm families by kind (the kind is shown in the signal ``urgent:<who>/<kind>/backstop``).
FAMILIES: dict[str, tuple[str, ...]] = {
    # Suicide said as a farewell, a leave-taking, care for those left behind or a means at hand.
    "farewell": (
        r"(以后|再也)(就)?(不会|不用|不再|没人)(再)?(麻烦|拖累|连累|打扰|烦)",
        r"(?<!会)不(想|会|愿)(再)?(拖累|连累)",
        r"(照顾|照看|带)好~4" + _KIN,
        r"(下辈子|来世|下一世)(再)?(见|做|报答|还)",
        r"(去|要去|想去)(找|陪|见)(我)?(妈|爸|奶奶|爷爷|外婆|姥姥|老伴|儿子|女儿)(了)?",
        r"(密码|存折|银行卡|存款|房产证)~~12(写在|放在|留在|交给|留给)",
        r"你们(以后|要)?好好(过|活|生活)", r"对不起(大家|你们|所有人|爸妈|家里)",
        r"铁轨|铁道上|火车道",
        r"(一整|整)(瓶|板|盒)~3药|(吃|吞|喝)(了|下)~3(一整|整|几十|一百|好几十)(瓶|板|盒|片|粒)",
        r"(last|final) (message|words|post|goodbye)|(my|our|his|her) (last|final) night",
        r"(nobody|no one|no-one) (will|would) (miss|notice|care)",
        r"(when|after|once) i'?m gone",
        r"\bi have nothing left\b|\bno way out\b|\bburden (to|on) (everyone|my|them|you)",
        r"won'?t (bother|trouble|burden) (anyone|you|anybody)",
        r"take care of (the kids|my kids|mum|mom|dad|yourself|yourselves|each other)",
        r"(railway|train) tracks?",
        r"(whole|entire) (bottle|box|pack|strip) of",
    ),
    # Sexual abuse, assault and grooming.
    "abuse": (
        r"性侵|猥亵|强奸|奸污|迷奸|轮奸|性骚扰|侵犯(了)?(她|我|孩子|女儿|学生)|动手动脚|脱(她|孩子|我)的?(衣服|裤子)",
        r"sexual(ly)? (abus|assault|harass)\w*|\brap(e|ed|ing)\b|molest\w*|grop(e|ed|ing)|touch(es|ed|ing)? (her|my "
        r"daughter|my son|the (girl|boy|child|children|kids))",
    ),
    # Electricity: wires down, live current, sparks.
    "electric": (
        r"触电|漏电|电(到|着|死|伤)(了)?|(电线|高压线|电缆|电线杆|线杆)~6(断|掉|垂|落|倒|搭|裸露|冒火|冒烟|打火|漏)|"
        r"(冒|打|有|一串)(电)?火花",
        r"electrocut\w*|live wires?|power lines? (is |are )?(down|fell|fallen|hanging)|(wires?|cables?) (is |are )?"
        r"(down|hanging|sparking|exposed)|\bsparks?\b",
    ),
    # Chemicals and fumes: a leak, a choking smell, people coughing.
    "leak": (
        r"(毒|化学|有害|氨|氯)~4泄漏|泄漏~6(毒|化学|有害|氨|氯)|(刺鼻|呛鼻|难闻|毒气|化学|氨气|氯气|"
        r"硫化氢)~~16(头晕|咳|吐|"
        r"晕倒|喘不|呼吸|流泪|睁不开)|咳(嗽)?(个)?不停|(都|一直|全|集体)在咳",
        r"leak(s|ing|ed)? (\w+ ){0,3}(chemicals?|gas|acid|ammonia|chlorine|toxic)|chemical (leak|spill|smell|fumes)|"
        r"toxic (fumes|gas|smoke)|(coughing|choking) (and|people|everyone)|people are (coughing|choking|getting sick)",
        r"(poured|put|threw|dumped|dropped|mixed) (something|stuff|things|\w+) (in|into) (our|the|their|my) (\w+ )?"
        r"(well|water|tank|reservoir|food|pot|rice)|(往|在)~6(井|水缸|水池|蓄水池|水塔|锅|饭)~4(里)?(倒|扔|投|撒|下)(了)?"
        r"~2(东西|药)",
    ),
    # A vehicle used as a weapon or running people down.
    "vehicle": (
        r"(开车|驾车|车)~4(冲|撞|碾|轧)(进|向|过|倒|人)|(撞|碾|轧)(了|倒|伤)?~3(人|行人|学生|孩子|老人)",
        r"(drove|driving|drives|ran|ram\w*) (a |his |her |the )?(car|truck|van|vehicle)? ?(into|through|over) (the )?"
        r"(crowd|people|protesters|villagers|pupils|students|children)",
    ),
    # To vanish, to be silenced: a threat on a life said without a harm word; stalking; forced confinement.
    "vanish": (
        r"让(我|他|她|你|我们|他们)~3(消失|闭嘴|永远闭嘴|说不了话)|灭口|做掉|干掉|弄掉|料理了|处理掉(我|他|她)|"
        r"(我|他|她)(就)?完了|(死定|完蛋)了|不得好死",
        r"跟踪(我|他|她|我们)|(在|到)(我家|家)?(门口|楼下)~4(蹲|守|等)着?",
        r"(送|关|弄|抓)(进|到)~4精神病院",
        r"make (me|him|her|them|us) disappear|\bfinish (me|him|her|them|us)( off)?\b|shut (me|him|her) up for good|"
        r"(following|stalking|watching) (me|my|us|our)|\bi'?m (next|dead)\b|get rid of (me|him|her|us)|"
        r"(mental|psychiatric) (hospital|ward|asylum)",
    ),
    # Harm heard or seen as symptoms rather than named.
    "distress": (
        r"惨叫|尖叫|哭喊|呼救|喊救命|哭~4(一直|好久|不停|几个小时)|一直(在)?哭|哭声",
        r"(说话|口齿)~2(不清|含糊)|半边身子|(手脚|身体|腿)~2(动不了|不能动|发麻)|嘴(歪|唇发紫)|脸色(发紫|发青|惨白)|"
        r"(吐|呕)(了)?(血|白沫)|(叫|喊)(不|没)(醒|应)|一动不动",
        r"scream\w*|crying for help|cries for help|(slurr\w*|can'?t (move|speak|stand|walk|feel))|"
        r"\b(lips|face) (is |are |turning |turned )?(blue|purple|grey)|(won'?t|doesn'?t|does not) (wake|respond|move)|"
        r"\b(is not|isn'?t|not|are not|aren'?t) (waking|responding|moving)\b",
    ),
    # A structure or slope giving way: swaying, stones rolling down, water pouring through.
    "structure": (
        r"(塔吊|脚手架|楼|房|墙|桥|广告牌|电线杆|大树|屋顶|吊车|栈道|看台|舞台|观景台|护栏)~4(在)?(晃|摇|倾斜|歪|下沉)",
        r"刹车~4(坏|失灵|不灵|不好使)~~30(开|拉|载|跑)",
        r"(营养餐|食堂|饭菜|午餐)~~16(过期|变质|发臭|馊|病死)",
        r"\bminus \d+|no heating (for )?\d+ days|(river|water) (is )?rising (fast|quickly)|\d+ ?(meters?|m) below the "
        r"(bank|top|dam|levee)",
        r"(支架|脚手架|模板|承重|顶板)~~16(偷工减料|不合格|不够|撑不住)~~30(出事|塌|浇|上人|干活)",
        # blind14: a temporary stand with welds not holding, a show on it tomorrow
        r"(焊点|焊口|焊缝|螺丝|支架|架子|看台)~6(没|不)(焊|拧|固定|搭)?(牢|紧|好|结实)~~30(明天|今晚|后天|演出|开幕|上人|坐人|人)|"
        r"一晃就(响|动|摇|晃)",
        r"(石头|石块|砖|瓦|玻璃|钢管|钢筋|广告牌|水泥块|土)~6(往下|砸下|掉下|滚下|落下|滚落|砸到|砸在)|落石|滚石|飞石",
        r"(裂|漏|缺)(口|缝)~6(越来越|变大|在扩|往外|冒水|涌)|(水|泥)~3(往外|哗哗|一直)(冒|涌|灌|流)",
        r"\b(swaying|tilting|sinking|leaning over|shaking badly)\b|(rocks|stones|bricks|debris|boulders) (\w+ )?"
        r"(rolling|coming|falling|tumbling) (down|onto|on)|water (is )?(pouring|gushing|rushing) (through|in|out)",
    ),
    # Held down and beaten, not let out: "被同学按在厕所里打", "还没放出来".
    "beaten": (
        r"又(在)?(打|揍|踢|掐|扇)(了)?(我|她|他|孩子|娃|人)|(锤|榔头|扳手|剪刀|匕首|改锥|螺丝刀|酒瓶)|"
        r"救我(?!们)|我不行了|"
        r"(按|摁|压|堵)(在|住|着)~8(打|揍|踢|掐|扇)|(还|一直)?没(放|让)~4出来|(打|揍|踢)得~4(起不来|爬不起来|不能动)",
        r"\b(hammer|wrench|scissors|screwdriver|crowbar)s?\b|"
        r"\btied (up|to)\b|pinned (me|him|her|them) down|(hasn'?t|didn'?t|has not|did not|never) (come|came|got|get) "
        r"(home|back)",
    ),
    # A child or a helpless person alone, shut in, left without food or care.
    "neglect": (
        r"(孩子|小孩|娃|婴儿|宝宝)~6(一个人|独自|单独)~4(在|锁|关|留)|(一个人|独自|单独)?(被)?(锁|关|留|"
        r"丢)在~3(家|屋|车)~3"
        r"(好几|几|两|三)?天|(锁|关|留|忘)在~3车(里|上)|"
        r"(不给|没给|没有)(饭|水|吃的)(吃|喝)?|(饿|冻)(了|着)?~4(几|好几|两|三)?天",
        r"(alone|left|locked|forgotten) (in|inside) (a|the) (hot )?(car|vehicle|van)|left alone|no food (or|and) "
        r"water|(hasn'?t|haven'?t|has not|have not) (eaten|been fed)(?! properly| well| much| right)|(starving|"
        r"starved) (child|kid|baby|children|kids)|"
        r"(child|kid|baby|children|kids) (is |are )?(starving|starved)",
    ),
    # A threat to fight someone to the end ("谁拆就跟谁拼").
    "fight": (
        r"跟(谁|他|她|他们|你们)~2拼|拼(了|个你死我活|到底)|(干|打)一架|(谁|敢)~6(就)?(跟|和)(谁|他)~2(拼|干)",
        r"(fight|fighting) to the (death|end)|\bit will (end in|come to) blood",
    ),
    # Water rising, thin ice, a sea walked into, a dam or tailings pond seeping.
    "water": (
        r"(水|河水|洪水)~4(漫|涨|灌|淹|冲)(上来|进来|过来|到|过)|(已经|都)?(到|淹到|没过|漫到)(了)?~2(膝盖|腰|"
        r"胸口|脖子|"
        r"大腿|床)",
        r"冰(面|上)~~10(响|裂|耍|玩|走)|冰~3(在)?(响|裂|化)|不会(游)?水|开闸|泄洪",
        r"(推|扔|丢|掉|跳|滑)(进|到|下)~8(坑|河|塘|海|水|湖|江)|(尾矿库|水库|坝|堤)~6(渗|漏|裂|鼓|管涌)",
        r"walk(ed|ing|s)? into the (sea|river|lake|water|ocean)|(water|flood) (is |has )?(still )?(up to|rising|risen|"
        r"coming in|pouring in)|thin ice|ice (is )?(cracking|breaking)|can'?t swim|(dam|levee|dike|reservoir|pond) "
        r"(is )?(leaking|cracking|seeping)|water (is )?coming through",
    ),
    # Air running out: an engine in a closed garage, a cellar or a pit someone went into and did not come out of.
    "suffocate": (
        r"(车库|车里)~~16(发动机|没熄火|打着火)|(发动机|引擎)~4(开着|没熄|转着)|(地窖|窨井|化粪池|沼气池|井下|"
        r"罐里|池子里|"
        r"井里)~~16(没上来|不应|没动静|晕|倒)|臭鸡蛋味|沼气|(半天|好久|一直|很久)(都)?没(上来|出来|动静|回应)|"
        r"(喊|叫)(他|她)?(也|都)不应",
        r"engine (running|on)|closed garage|exhaust fumes|(hasn'?t|has not|didn'?t) come (back )?(up|out)",
    ),
    # Self-harm told by the means and the act, not the word: rope bought, medicine stopped or poured out, a tube
    # pulled, a finger cut off, "一块儿走", a wound opened again, a railing climbed, a count to a hundred.
    "self_means": (
        r"(买|备|准备|拿|找)(了|好)?~3绳|(把自己|自己)~3(点了|烧了|了断|解决了|结束了)|(拔|扯)(掉)?~3(管子|氧气|针头|"
        r"呼吸机)",
        r"故意~6(不吃药|停药|不打针|不吃饭|不打胰岛素)|(停|断)(了)?~3(胰岛素|透析)|(药|绳子|炭|刀片)~6(买|备|"
        r"准备|攒)(好|齐|够)",
        r"剁(了)?~4(手指|指头|手)|(手指|指头)~4剁|(药|农药|安眠药)~~8(倒出来|摆|全拿出来)|(全|都)倒出来~~12(药|吃)",
        r"慢慢(没了|死|饿死|等死)|等死|(\d+|几|两|三|好几)天没(吃|喝)(东西|饭|水)?",
        r"(一块儿?|一起)(走|去死|死|跳|了断)|带(着)?~3(孩子|娃)~~12(走了|去死|跳|河边|干净地方|一起走)|干净(的)?地方",
        r"控制不住(自己|想)|(撑|扛|熬)不住了|(口子|伤口)~4(又)?(弄开|割开|划开|撕开)",
        r"(药|农药|安眠药)~2(都|已经|全)?(吃|喝|吞)(下去|完|光)了|最后(说|讲)一句|绳(子)?~4(挂|系|绑)好",
        r"翻(过|出)(了)?~3(栏杆|护栏|围栏|窗)|数到~6就(下去|跳|走)|往自己身上(倒|泼|浇)|(站|坐|蹲|爬)在~6(栏杆|护栏|"
        r"围栏|窗台)(的)?外(面|边|头|侧)?",
        r"bought (a |some )?rope|\bfinish it\b|stopped (taking )?(his|her|my) (insulin|medication|meds|dialysis|pills)|"
        r"on purpose|\bledge\b|can'?t control myself|(cut|cutting) (again|myself)",
    ),
    # Threats said without a harm word: "知道你住哪", "在学校门口等你闺女", "陪葬", "一个都别想走".
    "menace": (
        r"(知道|晓得)(你|我|他)?(住|家)(在)?哪|(学校|校门|门口|路上)~4(等|堵|守)~6(孩子|闺女|女儿|儿子|娃|你|我)",
        r"(作证|举报|签名|签了名|告状|上访)~~24(出了?(啥|什么)事|别怪|回不(了|来)家|上门收拾)|(上门|挨家|一家一家)~4收拾|"
        r"小心(你|你家|你们)?~4(走夜路|出门|家里|孩子|娃|闺女|儿子)|小心~~12出(点)?(啥|什么)?事|一起完蛋|同归于尽|"
        r"(让|叫)(你|我|他|她)~4出(个|场)?车祸|知道~6(孩子|娃|闺女|儿子)~6(哪个学校|在哪)|子弹|管好(你|自己)的嘴|"
        r"出了?(啥|什么)事~4(别怪|自己负责|别找)|(让|叫)~6(孩子|娃|闺女|儿子)~~12回不(了|来)家|道上混",
        r"(让|叫)(你|我|他)~2尝尝|陪葬|(一起|大家)~3陪(他|她|我)|一个(都|也)别想(走|跑|活)",
        r"带(上|着)?~2(家伙|刀|汽油)~~10(去|来)|(要|去|就)~8一锅端|打断~6腿|说(要|就)(点|烧)(火|了|着)?$|收拾(我|你|他|她)~3(和|"
        r"跟)?(孩子|全家|一家)|说~6就点",
        r"(kid|son|daughter|child|children|family)\w* (won'?t|will not|wont|will never) (make it|come|get) (home|back)|"
        r"break (my|your|his|her|their|our) (\w+'?s )?(legs?|arms?|neck|bones)|know where (you|i|we) live",
    ),
    # Hazards told by their signs: an alarm switched off, a leak near a smoker, a beam creaking, a boiler at full
    # pressure, a drunk bus driver, dead fish, burning eyes, a child hanging outside a railing, a battery swallowed.
    "hazard": (
        r"(报警器|警报)~~12(响|关了|拆了|拔了|关掉)|(加油站|油罐|储罐|罐车|油箱)~~10(漏|冒)|(抽烟|明火|火星|点火)~~12"
        r"(漏|汽油|油|气)|(漏|汽油|柴油)~~12(抽烟|明火|火星)",
        r"(房梁|大梁|墙|屋顶|楼板|围墙)~6(咔|嘎吱|吱呀|响|鼓(起|出))|往外鼓",
        r"(锅炉|压力(表|罐|容器)|高压锅|蒸汽)~~16(冒汽|打到头|超压|爆表|呲|漏)",
        r"(喝(了)?酒|醉|酒驾)~~10开(车|校车)|校车~~12(酒|沟|超载)|开到沟边",
        r"鱼~3(翻白|死光|全死)|眼睛~3(辣|疼|睁不开)|(狗|鸡|牲口|羊)~4(倒了|死了)",
        r"(挂|吊)在(外头|外面|半空|栏杆|窗外)|(钻|爬)(出|到)~6(栏杆|窗|阳台)|(吞|吃|咽)(了|下)~8(电池|纽扣|磁|"
        r"钉|硬币|刀片)",
        r"(一天一夜|整晚|一夜|两天|几天|一宿)~4(没回|没回来|没回家|没找到|找不到)|下(大)?雪~~10(没回|找不到|山里)",
        r"button batter\w*|swallowed (a |some |the )?(\w+ )?(batter\w*|magnets?|coins?)|(alarm|detector)s? (\w+ ){0,4}"
        r"(turned|switched) off|drunk (driver|driving)|hanging (out|from|off)",
    ),
    # Taken or hunted: pulled into a car, cornered, searched for, hiding.
    "taken": (
        r"带走~4(天|小时|夜)了?|不(说|告诉)~4(在哪|关在哪)|下落不明|怕(他|她)出事|(堤|坝|河堤|大坝|水库)~2(决|"
        r"溃|垮|破)(了|口)|"
        r"(拉|拖|塞|拽|架|抬|推)(上|进)(了)?~6(车|面包车)|被~6(堵|围)在~6(地|家|屋|路|里)|(骑|开)~6(转着|"
        r"到处)找(我|他|她)|"
        r"躲在~6(亲戚|朋友|山|地里|柜子)|锁(在)?屋里|连人带床|(绑|捆|拴|吊)在~8(树|柱|杆|门口|椅子|铁架)",
        r"(took|dragged|pulled|pushed|forced|put|bundled|threw|shoved|grabbed) (\w+ ){0,3}into (a|the|their|his) (\w+ )"
        r"{0,2}(van|car|truck|minibus)|into a (\w+ )?van",
    ),
    # Demolition going on with people in the way, or utilities cut from the frail in the cold.
    "demolition": (
        r"(钩机|挖机|挖掘机|铲车|推土机|拆迁队|强拆的?人?)~~20(来了|开进|开到|进(了)?院|在推|在拆|砸|拖|按|打|"
        r"正在|已经推)",
        r"(推|拆|铲)(了)?一半|不搬就(直接)?(推|拆|铲)|(往外)?拖人|连人带",
        r"(推|拆|铲)~~16(人还在|还在(屋|里|床)|人在|瘫|躺|不肯出来|里面)|(人还在|还在(屋|里|床)|躺在|"
        r"瘫在)~~16(推|拆|铲)",
        r"断(了)?(水|电|暖|气)~~20(老人|孩子|病人|冷|冻|冬天|瘫)",
        r"(demolition|excavator|bulldozer|wrecking)\w*.{0,60}(inside|right now|tearing|knocking)|(tearing|knocking) "
        r"(down|into) (our|my|the|his|her) (house|home|wall)|cut off (our |the |my )?(water|heat|heating|power|"
        r"electricity).{0,60}(freez|cold|elderly|grandm|grandf|baby|sick)",
    ),
    # Fire and failure told by other words: smoke filling a place, a thing "着了", a roof bending, brakes gone.
    "failure": (
        r"(全|都)是烟|烟~2(很|太|好|特别)大|起烟|(房子|屋|车|电动车|变压器|电线|电箱|配电箱|仓库|厂房|山|林子|"
        r"树林|草垛|柴垛)"
        r"~3着(了|火)",
        r"压弯|(往下|在)(沉|陷|塌)|刹车失灵|(车|方向盘)~3失控|(有人|听到|听见)~4(在)?(喊|叫|呼救|哭)",
        r"\b(sagging|buckling|overflowing)\b|cracking (noises?|sounds?)|(not|n'?t) (been )?evacuated|brakes? "
        r"(failed|gone|not working)|out of control",
    ),
    # A child bullied and waited for, or held by a school; a parent entrusting a child before leaving.
    "bullied": (
        r"霸凌|放学(后)?~~10(堵|打|收拾|围)|(关|锁)在~4(办公室|教室|宿舍|厕所)",
        r"\bbull(y|ied|ying)\b|wait(ing)? for (him|her|my \w+) after school",
    ),
    # Leaving: a place high or by water, a time to end, a child entrusted.
    "leaving": (
        r"我(现在)?在~3(天台|楼顶|顶楼|桥上|桥边|江边|河边|海边|崖边|悬崖|水库边)|(天台|楼顶|顶楼|桥上|"
        r"崖边)~~12(风|坐了|站了|"
        r"待了|往下看|好高)",
        r"(今晚|今天|明天|马上|这就)~4(就)?(结束|解脱|了结)|托付(给)?",
        r"(everything|all the (pills|meds|medicine|tablets)) (in|from) the (medicine )?(cabinet|drawer|cupboard|box)|"
        r"won'?t (be )?com(e|ing) back|going to the (river|bridge|sea|lake|tracks|roof|cliff)",
    ),
    # An illness or a seizure now, with no help coming.
    "medical": (
        r"犯病|发病|(心口|胸口|心脏)~3(疼|痛|难受)|哆嗦|抽风|满头大汗|中风|脑溢血|休克|大出血|难产|高烧不退|"
        r"(叫|喊|等)不(来|到)~3(救护车|医生|大夫)|救护车~4(进不来|来不了|过不来|到不了)|要生了|羊水~2破|化脓~~16(发烧|高烧|烧)|(不让收|不收|拒收|赶出来)~~40(化脓|"
        r"发烧|流血|疼的?厉害|疼得厉害|昏|抽)|(没|"
        r"没有)车(送|拉)?~4(医院|卫生院)",
        r"\b(stroke|seizure|fitting|chest pains?|heart (is )?(racing|failing))\b|no ambulance|ambulance (won'?t|isn'?t|"
        r"hasn'?t) (come|coming)",
    ),
    # An open drop: a well without a cover, a child at an open window, a hillside sliding in the rain.
    "drop": (
        r"井口|井盖~3(没|丢|开|掀)|趴在~4(井|窗|栏杆|阳台)|(山坡|山体|土坡|边坡|后山)~~12(掉|滑|冲|往下|裂|垮)|"
        r"(泥巴|石头|土)~3往下(掉|滑|冲)|通风(机)?~4(停|坏|关)|(快|要|就要)~2(漫|溢|决)(过|出|了)|漫过(去|坝|堤|顶)",
        r"open (window|manhole|well|shaft)|by the (open )?window|ventilation (\w+ )?(stopped|off|failed|broken)|"
        r"(hillside|slope|mountain)\w* (is )?(sliding|slipping|coming down)",
    ),
    # Taken by force, maimed for a debt, hunted at a door.
    "force": (
        r"(塞|关|锁|扔)(进|到|在)~4(后备箱|麻袋|箱子)|(卸|剁|砍|打断|废)(了)?(他|我|你)?~2(条|只|根)?(胳膊|腿|手|手指)|"
        r"高利贷~~20(今晚|来|要|找|堵)|出不了(这个)?门|(踹|撞|砸|踢)~3门|(关|困|扣)在~4传销|传销~~12(关|不让|"
        r"收了手机|跑不出|扣)",
        r"trunk of|(guys|men|people|gang|thugs|someone) with (sticks|bats|knives|clubs|pipes|bricks|weapons)|"
        r"waiting (outside|for) (\w+ ){0,3}(my|our|the) (son|daughter|kid|child|children|house|door|home)|"
        r"(breaking|kicking|banging on|smashing) (down )?the door|\bhiding (in|under|behind)",
    ),
    # Thinking of the way to die, a debt-free leaving.
    "means": (
        r"怎么(走|死)~4(不疼|不痛|比较)|哪种(药|方法|办法)~~10(不痛苦|死|走)|不痛苦|没法活了|不欠(谁|任何人)了|"
        r"(猫|狗|东西)送人了",
        r"how to (die|end it|kill myself)|painless|(settled|paid) (all )?my debts",
    ),
    # A child approached at night or groomed; an allergy or choking; a vehicle overturned with people inside.
    "prey": (
        r"(进|钻|摸)(她|我|孩子|娃)的?(房间|被窝|床)|不敢回家|(卡住|噎住|呛住)了|过敏~6(肿|喘|休克|呼吸)",
        r"(meet|see) (her|him|my \w+) (tonight|alone)|told (her|him|them) not to tell|(trouble|difficulty|hard time) "
        r"breathing|allergic reaction|(throat|face|tongue) (is )?swelling",
    ),
    "trapped": (
        r"(车|大巴|客车|校车|货车|面包车|船)~3(翻了|侧翻|掉下|坠|沉)|翻车|(人|好多人|孩子|老人|乘客)(都|"
        r"还)在(车|船|屋|楼|井|矿)里",
        r"口子~6(冒水|往外|涌|漏)",
        r"\b(bus|van|coach|boat|ferry|car) (has )?(overturned|flipped|capsized|sinking|sank)|(people|passengers|kids) "
        r"(are )?still (in|inside) (the )?(bus|car|boat|van|building)",
    ),
    # A group coming for someone, a threat to "deal with" a family one by one, force by a landlord or guards.
    "mob": (
        r"带了?(好多|一帮|一群|几十个|十几个|一伙)人~~12(来|到|在)|(抢|拉|绑)(我|她|他)?回去|(一个个|"
        r"一个一个)(都)?(弄|收拾|"
        r"解决|处理)|(都|全)(给)?弄了",
        r"(拖|拽|抬|扔)(出来|出去)~~10(雪地|地上|路边|外面)|扔在(雪地|地上|路边|外面)",
        r"by force|(hitting|beating|kicking|choking) (me|her|him|us) for|locked myself in|hiding from (him|her|them)|"
        r"(isn'?t|is not|not) moving|dragged (\w+ ){1,3}(to|on|along) the (ground|floor|street)",
    ),
    # Suicide said as being done, a letter left, a public act announced.
    "done": (
        r"(把)?药(都|全)吃了|睡着就好了|不想再这样(下去|活)|活着~4没意思|(给|留给)~4(孩子|家人|爸妈|老婆|老公)的信|"
        r"当着(所有人|大家|全镇|全村)~2(的)?面|让(他们|你们)~2看看",
        r"\bi'?m done\b|tonight is the night|\bsorry,? (mom|mum|mother|dad|everyone)\b|tied the (rope|noose)|"
        r"\bnoose\b|driving (my car |the car )?into the (river|sea|wall|lake)|"
        r"thinking about (ending|driving into|jumping)",
    ),
    # Weather and disasters about to strike the exposed; the old and confused lost in the cold; a boat gone quiet.
    "exposed": (
        r"(台风|暴雨|洪峰|寒潮|山洪|大风|暴雪|强降雨)~~20(马上|要来|就到|今晚|来了|预警|登陆)|(危房|"
        r"低洼)~~20(还住|住着|没撤|没通知)",
        r"走失|(痴呆|糊涂)~~20(没回|找不到|出门|走丢)|零下~4度~~12(没回|找不到|在外)|冻(僵|坏|死)(了)?|冻得(受不了|不行|直哆嗦|起不来|动不了|说不出话|不会动|发紫|发青|没反应|不省人事|昏)|(屋里|家里)~4冰窖",
        r"(断了|失去|没了)联系|(渔船|船)~~12(失联|没消息|联系不上|风浪)",
        r"\b(typhoon|hurricane|heat ?wave|blizzard|cold snap|tornado)\b|wander(ed|s|ing)? (off|away)|\bdementia\b|"
        r"lost contact|(missing|lost) at sea",
    ),
    # Fire about to start: a battery sparking, someone doused and holding a lighter; people sick together.
    "ignite": (
        r"(电瓶|电池|充电器?|电动车)~6(冒|着火|炸|鼓包|起火|火星|烟)|火星|(拿|握|举|掏)(着|出)?~3打火机|"
        r"浇(了)?~2(一身|全身|身上)",
        r"(孩子|学生|工人|人|老人|村民)(们)?(都|全)在~2(肚子疼|腹痛|拉肚子|吐|头晕|发烧)|(一个班|全班|好多人|"
        r"一群人)~6(肚子疼|腹痛|"
        r"拉肚子|吐|头晕|发烧)",
        r"\bspark(ing|s)\b|(charging|battery|e-bike|scooter)\w*.{0,30}(smok|fire|explod)|\blighter\b|doused "
        r"(himself|herself|themselves)|(cleaver|sickle|hatchet)s?\b|not allowed to leave|(took|taken|kept|holding) "
        r"(our|my|their) (id|passports?|documents)\b.{0,60}\b(can'?t|cannot|won'?t let|not allowed to) (leave|go)",
    ),
    # Harm told by what hit whom, where one may not leave, a treatment cut off, a child lured; suicide told as an
    # insurance made out, a reply one will not see, a burden removed.
    "blocked": (
        r"砸(到|在|中|伤)~4(人|腿|头|身上|我|他|她|奶奶|爷爷|孩子|老人|爸|妈)|围住了?|别想(走|离开|出去)|"
        r"(透析|化疗|吃药|打针|看病|就医|送医)~~12(出不去|去不了|不让|断了|没法)|(危房|危楼)~~30(还在|今天还|"
        r"现在还|还住|还有人)",
        r"(让|叫|骗|哄)~4(小孩|孩子|他们|她|他)~2上车|诱拐|(保险|意外险)~~20受益人|受益人~~20(写|填|改)|"
        r"反正~4(看不到|等不到|用不着)|等不到~4(明天|结果|回复)了|(油|汽油|柴油)~4(流|漏)了?一地|(车|船)~3翻(在|到|进)",
        r"by (her|his|the|their) hair|pull(ing|ed)? (\w+ ){1,2}out of (the|our|my|his|her) (house|home|car)|"
        r"lur(e|ed|ing) "
        r"(\w+ ){0,2}(into|to) (a|his|the) (car|van)|won'?t be (around|here|alive) tomorrow|being a burden|"
        r"been cutting|(it'?s|cut (is|was)) (very |so |too )?deep|alarm (is )?going off|(yellow|green|toxic|black|"
        r"white) (cloud|fog|gas)|baseball bat|(banging|smashing|pounding) on the (door|windows?)",
    ),
    # A crowd turning on itself or on the police; a person lured into a 传销 den; a lonely place chosen to die.
    "crowd": (
        r"对峙|(扔|砸|丢)(石头|砖头|砖块|酒瓶)|踩踏|(骗|拉|带)(进|到)~4传销|不想(再)?熬了|(想好了|"
        r"不想(再)?熬)~~20(去|走)|"
        r"(桥|水库|河|江|湖|海|楼顶|天台|铁轨)~~10(那里没人|没人(看见|知道|找得到))",
        r"crush(ing|ed)? (people|kids|children)|stampede|crowd crush|swinging (a|his|her) (broken )?(bottle|knife|bat|"
        r"stick|pipe)|broken bottle|(pyramid scheme|mlm)\b.{0,40}(locked|held|won'?t let)",
    ),
    # Someone lurking or breaking in, a written threat to a family, a machine that caught a limb, things falling
    # from above onto people.
    "lurk": (
        r"不敢(开门|出门|回家)|(在|到)(我家)?(楼下|门口|门外)~4(转|徘徊|守|蹲|等)|撬~4门|撬锁|有人在(撬|砸|"
        r"踹)|收拾(我|他|她|我们)|"
        r"(肋骨|骨头|胳膊|腿|鼻梁)~2(打断|打折|打断了|断了)|(再|敢)(告|举报|上访|说)~4就~4(弄|收拾|整|打|杀)|"
        r"弄(你|你们|他|我)(全家|一家)",
        r"(机器|机床|皮带|滚筒|搅拌机)~6(卷|夹|轧|压)(进|住|了)|卷进去|往下掉(东西|砖|瓦|花盆)|坠物|(阳台|"
        r"楼上|窗台)~6掉(东西|砖|花盆)",
        r"afraid to (open the door|go out|leave)|break(ing)? into (my|our|the) (flat|house|home|apartment|"
        r"room)|trying to "
        r"break in|(family|kids|children|wife|husband) will pay|caught in (the|a) (machine|press|conveyor)|"
        r"(buzzing|humming) and smoking|(substation|transformer)\w*.{0,40}(smok|spark|fire|buzz)",
    ),
    # Coerced and deprived, pushed into a ditch, "you are next", a smell below ground, a river making people ill,
    # a man sent to maim, someone on the edge.
    "coerce": (
        r"按着~4(签字|按手印)|不签~~10不让~2(吃|喝|睡|走)|(推|扔|掉|摔|滚)(到|"
        r"进|下)~4(沟|崖|井|渠)|"
        r"(爬|上)不(上来|出来)|下一个(就)?(是|轮到)(我|你|他|她)|(井下|下面|矿上|矿里)~~12(有股味|怪味|味道)|"
        r"不让(我们|他们|工人)?(上来|撤)|(有人|好多人|不少人|村民|孩子们)(开始|已经|都)?~2(起疹子|发烧|拉肚子|"
        r"呕吐|头晕|咳嗽)|"
        r"找人~4(卸|废|弄|收拾|打)(了)?(我|你|他|她)",
        r"won'?t let (me|us|him|her|them) (eat|sleep|drink|up|come up)|strange smell (underground|below|in the mine)|"
        r"(getting|having|have|got) (rashes|fevers|diarrh\w*|sick)|send (people|someone|men|guys) to (break|hurt|beat|"
        r"deal with|get)|break (my|your|his|her) (hands?|fingers?|arms?)|(on|at) the edge of (the|a) (bridge|roof|"
        r"building|cliff)",
    ),
    # Held without a word of where, shut in with a blade, a drive off a cliff, tied to a chair, hooded, left on the
    # road, a wish to vanish, a boiler banging, a drunk driver swerving.
    "hooded": (
        r"(锁|关)(在)?~4(厕所|卫生间|浴室)~~10(刀|剃)|刀片|剃须刀|(开车|连人带车)~~10(冲下|掉下|开下)(悬崖|山|桥|河)|"
        r"绑在(椅子|床|树|柱子|凳子)|肇事逃逸|头上套(着|了)?~2(袋子|头套|黑袋)|套(上|了)头套|(想|"
        r"要)~2(永远)?消失|永远消失|"
        r"司机~4(喝了酒|醉|喝醉)|醉驾|(锅炉|压力罐)~~10(砰砰|咚咚|响|漏汽|冒汽)",
        r"holding (my|his|her|our) \w+ for (\w+ )?(days|hours|nights)|won'?t (say|tell (us|me)) where|locked "
        r"(herself|himself|themselves) in|\b(razor|blade)s?\b|off a (cliff|bridge)|ti(e|es|ed) (the |"
        r"our )?(children|kids|"
        r"him|her|them|pupils) to (their|a|the) (chairs?|beds?|trees?|posts?)|lying (on|in) the (road|street)|"
        r"hit[- ]and[- ]run|\bi (want to |wanna |will |just want to )?disappear|bag over .{0,20}head|"
        r"\bhooded\b|banging (sounds|noises)|(leaking|hissing) steam|driver\w* (is |was )?drunk|swerving",
    ),
}  # fmt: skip
