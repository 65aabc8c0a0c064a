"""Urgent words, part 7 (rules.md §8; XF-25, XF-26(2)(3)): danger told as a scene, from the blind sets measured
once and then tuned on (27 onwards; bench/README.md). Each writer's dangers that neither the families (part 4), the
situations (part 5) nor the learned backstop reached, as families of their own; read by the backstop like part 5,
so the same guards apply (not past, not a figure of speech, not money or procedure only). Same normalised text and
``~n`` gap shorthand as ``core/scope/urgent_backstop.py``.
"""

from __future__ import annotations

#: Harm families by kind (the kind is shown in the signal ``urgent:<who>/<kind>/backstop``).
SCENES: dict[str, tuple[str, ...]] = {
    # The twenty-seventh blind sets (a hotline listener's callers): bleach swallowed, a fit, brakes gone on the way
    # down, hanging upside down in a car, a dam seeping, a girl dragged to a car, an old woman not seen for days,
    # lost on a mountain at night, a vow set for a day, a threat to a mother's life, "your legs are next".
    "swallowed": (
        r"(喝|吞|吃)(了)?~4(84|消毒液|洗洁精|漂白(水|剂)|洁厕灵|敌敌畏|煤油)|(84|消毒液|漂白水|洁厕灵)~4(喝|吞)(了)?|"
        r"(药|药片|药丸)当(糖|糖果|零食|豆豆)吃|(吃|喝|吞)(了)?~~20(叫|喊)不(太)?(醒|应)",
        r"\b(drank|swallowed|drinking|drunk) (\w+ ){0,3}(bleach|detergent|pesticide|toilet cleaner|kerosene)",
    ),
    "fit": (
        r"(全身|浑身|手脚)~2(在)?(抽|抽搐)|口吐白沫|嘴(巴)?(里)?~4白沫",
        r"\bfoam(ing)? at the mouth|\b(having|has|had) a (seizure|fit)\b.{0,30}\b(now|still|not)\b",
    ),
    "vehicle": (
        r"刹车~4(不灵|失灵|坏了|没了)~~16(下山|下坡|在开|司机|一车|车上)|(下山|下坡|在开|车上)~~16刹车~4(不灵|失灵|坏了|没了)|"
        r"倒挂(着)?|安全带~4(解不开|卡住|卡死)|(困|卡)在(车|驾驶室)里",
        r"\bbrakes? (\w+ ){0,2}(gone|failed|failing|not working)\b.{0,60}\b(downhill|down the mountain|bus|coach|"
        r"driver)|upside down.{0,40}(seat ?belt|stuck|trapped)|seat ?belt (is )?(stuck|jammed)",
    ),
    "dam": (
        r"(坝|堤)~10(冒水|渗水|有水冒|管涌|漏水)~~30(越|底下|下面|住)|管涌",
        r"\b(dam|levee|dyke|dike)\b.{0,40}\b(leak\w*|seep\w*|water coming)|\briver (has )?(burst|broke|overflowed)\b|"
        r"water (is )?coming (up )?(through|under|in through) the (floor|door)",
    ),
    "dragged": (
        r"往~4(车|面包车)(上|里)~2(拽|拖|拉|塞|推)|(单独)?~4(叫|带|拉)到~4(他|她)?(的)?(车上|车里|宿舍|房间)~~24(没(下来|出来)|"
        r"钟头|小时)|(去|到)~4(水库|河|江|塘|楼顶)边~~20(证明|胆子|挑战|拍视频)",
        r"\bleft with a (man|stranger|woman)\b|(meet|meeting) (a |some )?['\"]?(friend|guy|man)['\"]? (\w+ ){0,2}from "
        r"(an |a )?(online|internet|game|app)",
    ),
    "unseen": (
        r"(几|两|三|四|五|\d+)天没(开门|出门|露面|见人|见到|开灯)~~24(没人应|敲|叫|电视|灯|味)|"
        r"(迷路|走岔|走丢|不晓得在哪|不知道在哪)~~30(天黑|冷|发抖|没电|只剩|\d+%)|(天黑|冷得|发抖)~~30(迷路|走岔|不晓得在哪)",
        r"\b(phone|cell|mobile) (goes|going|went) straight to (voicemail|voice mail)|\b(at|by|near) the (river|"
        r"reservoir|lake|pond)\b.{0,30}\b(alone|by (him|her)self)\b",
    ),
    "vow": (
        r"(去|到)~8(门口|广场|大门)~6把(药|农药)喝(了|掉)|把~2自己的事(了了|了结)|了结(自己|我自己)|(药|农药|绳子)~2藏起来",
        r"\btomorrow is the (last|final) day\b|\bgiven (away )?(my|the) (cat|dog|pet|things|stuff)|"
        r"written (letters|notes) (home|to (my|everyone))",
    ),
    "menace": (
        r"(让|叫)~4活不过(这个月|今年|明天|下周|年底)|家伙~4(准备好|备好|带好|都带上)|汽油~~6(买好|准备好|备好)|"
        r"连人(一起|带房|带车)~4(拆|烧|推|点)",
        r"\byour (legs|arms|kids|family|knees|fingers|wife|son|daughter) (are|is) next\b",
        # blind28: 全家不得安生, a man out of prison who said the witness is first, "make the school pay", 收拾我
        r"全家~4(不得安生|不得好死|好看)|(出狱|放出来)~~30(放话|找我|报复|第一个)|(回来|回家)(就|要)?收拾我|"
        r"上次~~12打(到|得)~12(听不见|骨折|住院|流血|看不见)",
        r"\bmake (the|our|this|that) (school|village|town|office|kids|teachers) pay\b",
        # blind30: "明天上午要去人民广场干一票大的", a photo of a bucket of petrol posted with the place
        r"干(一票|一件|件|票)(大的|大事)|(晒|发)(了)?~6(一桶|一壶|一瓶)?(油|汽油|炸药|雷管|刀)的?~4(照片|图|视频)|"
        r"(广场|人最多的地方|人多的地方|学校门口|政府门口)~~12(炸|烧|冲撞|砍人|泼)|\b(do|"
        r"pull) something big\b.{0,60}\b(square|"
        r"crowd|school|tomorrow)",
    ),
    # The twenty-eighth blind sets (a nurse's and a social worker's callers): petrol poured with a lighter at hand,
    # fingers crushed with pliers, someone sitting outside a balcony railing, men underground with the fan stopped,
    # water pouring into a cellar with a man inside, a dam that will not hold tonight, a boat out in a typhoon.
    "petrol": (
        r"(泼|倒|洒)~~12(汽油|柴油)|汽油味~~24(打火机|点火|泼|倒|锁|门缝)|(打火机|点火|锁)~~24汽油味",
        r"\b(pour\w*|splash\w*|douse\w*)\b.{0,40}\b(petrol|gasoline|gas)\b.{0,60}\b(lighter|match|flick)",
    ),
    "crushed": (
        r"(钳子|老虎钳)~4夹|按在~4地上~~16(打|夹|踢|踩|砸)",
    ),
    "outside_rail": (
        r"(坐|站|爬|翻)(到|在)~6(栏杆|护栏)(外面|外边|外头|上)|(栏杆|护栏)外(面|边|头)~~12(坐|站|蹲|晃)",
        r"\b(outside|over) the (balcony )?(railing|rail|balustrade)\b",
    ),
    "underground": (
        r"井下~~12(还有|困|没上来)~6人|风机~4停~~30(人|井下)|水~4(往下|往里)灌~~20(里面|喊|出不来)|(坝|堤)~6(顶不住|撑不住|要垮|要决)",
        r"\b(miners?|men|workers) (are )?(still )?(down|underground)\b.{0,40}\b(fan|air|ventilation|gas)",
    ),
    "storm_out": (
        r"(台风|大风|暴雨)(警报|预警|红色预警)~~30(开船|出湖|出海|下海)|(开船|出海|出湖)~~30(台风|警报|预警)|"
        r"(今晚|明天)~~12(特大)?暴雨~~40(河道|河边|老人|住着)",
        r"\b(school )?(bus|van|coach) (broke down|is stuck|stranded)\b.{0,60}\b(kids|children|students|pupils)|"
        r"\b(boat|ferry)\b.{0,10}\b(tipped over|turned over)|\b(gas )?(main|pipe|line)s? (is |was )?(left )?leaking\b",
    ),
    "lured": (
        r"(别|不要|不许)告诉(家长|爸妈|你妈|父母)~~30(摸|亲|抱)|(摸|亲)过(她|他)~~30(约|去他家|补课)|"
        r"(约|叫)~8(去他家|到他家|宾馆)~~30(别告诉|不要告诉)|(接走|带走)(了)?~~20(我们家|家里)?没有(这个)?(舅舅|叔叔|姑姑|阿姨|亲戚)",
        r"\b(taking|sending|send|marry\w*) her\b.{0,50}\b(to marry|married off|marry a)\b|\bmarry a (man|stranger)\b",
        r"网上认识的~8(哥哥|叔叔|男的|网友|朋友)~~24(明天|今晚|去|见面|票)",
    ),
    # The twenty-ninth blind sets (a village doctor's callers): eight of a group numb after a meal, weedkiller or a
    # bottle that held paraquat drunk, a wrist cut and the basin red, a lineman hanging from a pole, a hillside down
    # on a work shed, a man pinned under a tractor, a slipper floating, water to the knees and rising, a heart
    # failing on a slope, a misfired charge approached, a drunk driver on a mountain road.
    "poisoned_group": (
        r"(吃|喝)(了)?~~30(嘴(唇|巴)?|舌头|手脚?)~2(发麻|麻了)|(几个|好几个|\d+个|都)~6(发麻|呕吐|上吐下泻)",
        r"\b(\d+|several|many|all|most|half) of us\b.{0,40}\b(numb|tingling|vomit\w*|throwing up|dizzy|can'?t breathe|"
        r"short of breath|rash)|\bnumb (lips|tongue|mouth)\b|\btingling (hands|lips|fingers)\b",
        r"\b(drank|swallowed|took|drinking|drunk) (the |a |some |half (a |the )?)?(bottle of |cup of )?(weed ?killer|"
        r"pesticide|paraquat|rat poison|insecticide|bleach)",
        r"喝(了)?(一口|几口)?~4瓶(子)?里的(东西|水)~~24(百草枯|农药|敌敌畏|除草剂|老鼠药)|(吃|吞)(了)?~8药~~20以为是(糖|糖果|零食)|药~4(吃|吞)(了)?~~20以为是(糖|糖果|零食)",
        r"\bsmells? (like|of) (rotten eggs?|gas)\b.{0,60}\b(head|threw up|dizzy|vomit\w*|sick)",
    ),
    "self_cut": (
        r"(手腕|胳膊|手臂)~4划(了)?~6(道|口子)|(水|盆|水盆)~4(都|全)?红了|(等|趁)~8(睡着|走了|不在)~4(我)?(就)?(去|到)~4(水库|河边|江边|"
        r"桥上|楼顶|山上)",
    ),
    "struck": (
        r"(被)?电(打|击|到)(了)?~~12(不动|挂在|没反应|倒)|(山头|山体|半边山)~4(下来|塌|滑)~~20(还有人|有人)|"
        r"(坡上|山上|崖上|坎上)~4(滚|摔|掉)(下去|下来)了|被狗咬~~16(撕|一块|血)|(一炮|那炮|哑炮|炮)没响~~30(走过去|去看|蹲)|"
        r"胸口~6(压|闷|疼)~~20(发麻|冷汗|喘不上)|水~4(到|没到|淹到|没过)~2(膝盖|腰|胸口|脖子)|"
        r"喝了?~6(白酒|啤酒|酒)~~10开(着)?~3(车|货车|校车|三轮)~~30(画龙|在路上|正在|现在|跟着|马上|一车)",
        r"\b(pinned|trapped|stuck) (under|beneath)\b|\b(slipper|shoe|hat)s? (is |was )?floating|\bwater (is )?(at|"
        r"up to) "
        r"(my|our|his|her) (knees|waist|chest|neck)|\b(hitting|beating|kicking|choking) (my|his|her|"
        r"the) (little )?(brother|"
        r"sister|son|daughter|kid|child|baby|mum|mom|mother)\b|\b(bus|van|car|truck|coach)\b.{0,20}\b(slid|rolled|"
        r"went|plunged) off\b",
        r"\b(water|river|flood)\b.{0,40}\bcoming into (the )?(\w+ )?(houses|homes)\b|\bcrack\b.{0,40}\b(wider|"
        r"widening|bigger)\b|mud (is )?"
        r"(pushing|coming|sliding) (onto|into|against)|\babout to (slide|collapse|give way)\b|\blocked (out )?on the "
        r"balcony|\blocked (alone )?(in|inside)\b.{0,40}\b(since|no water|no food|(two|three|\d+) days)",
        r"\b(gets out|released|comes out|let out)\b.{0,40}\b(tomorrow|tonight|today)\b.{0,80}\b(broke my|beat me|"
        r"last time)|\bbeat (her|him|me) (till|until)\b|(getting|it'?s) dark\b.{0,60}\b(battery|phone)\b.{0,10}\d+ ?%|"
        r"water (is )?(coming|pouring|seeping) (out )?(of|through|from) (the )?(side of the |bottom of the )?(dam|"
        r"levee)",
        r"下次就不是~6这么简单|(台风|暴雨)~~12(明天|今晚|凌晨)~~30(老人|住着|没人来|没转移)|(一直|还在|老是)漏(气|油)",
    ),
    # The thirtieth blind sets (a coastal 110/120 text channel): shut in a cold store, swept overboard, a wedding
    # feast's guests vomiting and fitting, over a footbridge railing, a child gone under in a flooded pit, a wound
    # that will not stop, a boy barefoot on a ramp, liquid thrown at people, ammonia leaking and workers down, a
    # boat drifting to the rocks, a tide coming in, a man in the room with a bat.
    "shut_in": (
        r"(冷库|冰柜|地窖|集装箱|车厢)~6(关上|锁上|锁住|关住)~~20(喊|出不去|没人|里面|零下)|(从外面|外面)~4(关上|锁上|锁了)~~20(喊|"
        r"出不去|零下|没人听)",
        r"\b(bath|bathroom|toilet)\b.{0,30}\bnot (answering|responding)|\b(inside|in) my (room|house|flat|"
        r"home)\b.{0,20}"
        r"\bwith a (bat|knife|stick|hammer|machete)",
    ),
    "swept": (
        r"(扫|掉|落|冲|卷)(到|进)~2(海里|河里|江里|水里)|下去~2(就)?没(上来|出来|浮上来)|(小孩|小男孩|小女孩|孩子)~~12(高架|匝道|高速|"
        r"铁轨)上|(要|想)从~6(天台|楼顶|顶楼|楼上|桥上)(跳)?下去|(站|坐)在~4(窗户|窗台)边(上)?~~30(写不完|考不好|别回来|不想)",
        r"\bdrifting (to|toward|towards|onto) (the )?rocks\b|\btide (is )?coming in\b|\bboat\b.{0,40}\b(flipped|"
        r"capsized|overturned)",
    ),
    "sick_crowd": (
        r"一桌一桌~6吐|有人~4抽(起来|搐)|(液氨|氨气|氯气)~4漏|倒了(好)?几个|轰的一声~~20(震碎|黄烟|浓烟|着火)|"
        r"(黄烟|毒烟|白烟)~6(飘|往)~4(村|这边)|(往|朝)~4(人|脸|身上)~2泼|(口子|伤口|血)~4止不住",
        r"\bleaking\b.{0,60}\b(kindergarten|school)|\b(kindergarten|school)\b.{0,60}\bleaking\b",
    ),
    "coming_for": (
        r"就动(我)?(儿子|女儿|孩子|家人)|上学路上的照片|(这辈子|再也)见不到~~20(女儿|儿子|孩子)|(女儿|儿子|孩子)~~20(这辈子|"
        r"再也)见不到|幼儿园门口~4转|最后吃(一)?顿好的~~20(关机|手机关)",
        r"\btook (the|a) (big )?(kitchen )?knife\b|\b(is )?waiting outside (my|her|his) (school|home|house)\b|"
        r"\bpush (him|her|the \w+) off (the )?(scaffold|roof|bridge|ledge)|\bmust not tell\b|\bdon'?t tell (your|her|"
        r"his) "
        r"(mum|mom|parents|dad)|\b(boat|ship) out tonight\b.{0,40}\bstorm|\bstorm warning\b.{0,60}\b(boat|sail)",
    ),
    # The thirty-first blind sets (a counsellor on a mountain rescue team): fallen and unable to get up, one foot
    # over a roof's edge, a child lost at a cave mouth, chained by a pigsty, children near a cliff at dusk, a tanker
    # on its side with someone smoking, a confused old woman out in the rain, a child locked in a bus in the sun, a
    # cable snapped over a worker, a kayak over with heads missing, a hand caught in a press, lost on a trail at night.
    "caught": (
        r"摔~6(起不来|爬不起来)|一只脚~4(跨|迈|伸)出去|掉队了~~30(洞|天黑|信号|找不到)|(铁链|链子)~4拴|(小孩|孩子)~~20(悬崖|崖边|"
        r"深潭)~~20(天快黑|没大人|不理)|(油罐车|槽罐车)~4(侧翻|翻了)|(糊涂|痴呆|走丢)~~20(跑出去|不见)~~30(下雨|天黑|冷)|开始抽(了|搐)|"
        r"(蘑菇|菌子)~~20(吐|拉|晕|看东西)|车里~6(小孩|孩子)~4(拍窗|哭|喊)|(压力表|指针)~6(红线|爆表)|(钢丝绳|吊绳|吊带)~4断|"
        r"铐在~6(暖气片|铁椅|栏杆|椅子)|(糖尿病|低血糖)~~20(发抖|冷汗|晕)|(皮划艇|船|筏子)~4翻(了)?~~20(水里|孩子|人)|"
        r"(冲压机|机器|冲床)~4(把)?~4(手|腿|人)~2(夹住|卷进|压住)",
        r"\bmarried off\b|\bon the (balcony )?railing\b|\blegs over the (side|edge)\b|\b(toddler|kid|child|"
        r"baby)\b.{0,30}"
        r"\b(in|on) the road\b|\bdam\b.{0,40}\b(weeping|jet|spurting|seeping)|\blast view\b|\bfinish what he started\b|"
        r"\b(lips|face|throat|tongue) (is |are )?(swelling|swollen)\b|\bwater (came|come|is coming|rose|"
        r"has risen) up (a|one|"
        r"\d+) (meter|metre|foot|feet)|\banchor (is )?slipping|\bhanging on the rope\b|\bslipped down (the|a) (gully|"
        r"slope|"
        r"ravine|cliff)|\blost the (trail|path|way)\b.{0,60}\b(dark|night|shaking|cold)",
    ),
    # The thirty-third blind sets (a women's federation hotline): a school trip in an unlicensed bus with bald
    # tyres, a wrong injection and the man fitting now.
    "unfit_bus": (
        r"(黑车|无证|没(有)?(牌|证|营运证)|报废|轮胎~4(磨平|磨光|秃)|超载)~~30(春游|秋游|研学|郊游|学生|孩子|小孩|娃)~~20(明天|今天|马上|"
        r"一会|下午|早上)|(明天|今天|下午|早上)~~20(春游|秋游|研学|郊游)~~30(黑车|无证|报废|轮胎~4(磨平|磨光|秃)|超载)",
        r"\b(bald|worn|smooth) tyres?\b|\bunlicen[sc]ed (bus|van|coach|minibus|driver)\b.{0,60}\b(kids|children|"
        r"pupils|students|school|trip)\b|\b(school|class) trip\b.{0,60}\bunlicen[sc]ed\b",
    ),
    "wrong_dose": (
        r"打错(了)?(针|药)~~20(在抽|抽起来|抽上|抽个不停|抽搐|翻白眼|没反应|喘不上|昏|不行了)|(给错|吃错|输错)(了)?(药|液)~~20"
        r"(在抽|抽起来|抽搐|翻白眼|没反应|喘不上|昏|不行了)",
        r"\bwrong (injection|shot|drug|medicine|dose|drip|iv)\b.{0,60}\b(shaking|seizing|fitting|convuls\w*|not "
        r"breathing|unconscious|turning blue)\b",
    ),
    # The thirty-fifth blind sets (a county hospital's night nurse): a lift stuck with people in it, a finger to be
    # cut if a debt is not paid, a transplant's slot taken with the levels critical, a crushing chest and a numb arm.
    "lift": (
        r"电梯~4(卡|困|停|掉|坠)(在|住|了)?~12(里面|里头|有人|病人|孩子|老人|家属|人在)|(困|关|卡)在电梯(里)?",
        r"\b(stuck|trapped|locked) in (the|a|an) (lift|elevator)\b|\b(lift|elevator) (is |got )?(stuck|stopped|jammed) "
        r"between floors\b",
    ),
    "maim": (
        r"(不还|不给|不交|还不上)~~20(剁|砍|卸|切)~6(手|指|腿|胳膊|耳朵)|(剁|砍|卸)(你|他|她|我)?(家)?(孩子|娃|儿子|女儿|老婆)?(的|一)?"
        r"(根)?(手指|指头|手|腿|胳膊)",
        r"\b(or|otherwise|else) (we|they|i)('ll| will)? (cut|break|chop|take) (off )?(your|his|her) (\w+'?s? )?(finger|"
        r"fingers|hand|hands|leg|legs|arm|arms|ear|ears)\b",
    ),
    "critical": (
        r"(指标|病情|情况|血氧)~4(危急|危重|很危险|恶化|掉得厉害)~~30(等不了|等不起|明天|今晚)|(等不了|等不起)~~30(指标|病情)~4(危急|危重)",
        r"\b(levels?|condition|vitals|oxygen|sats?) (are |is )?(critical|crashing|dropping fast)\b",
    ),
    "heart": (
        r"胸(口)?~4(压|闷|疼|痛|憋)~~20(左)?(胳膊|手臂|手|肩)~4(麻|没知觉|疼)|"
        r"(左)?(胳膊|手臂)~4麻~~20胸(口)?~4(压|闷|疼|痛)",
        r"\bchest (is |feels )?(crushing|tight|heavy|hurts|pain)\b.{0,40}\barm (is |feels |goes |went )?(numb|"
        r"tingling)|\b(left )?arm (is |feels )?numb\b.{0,40}\bchest",
    ),
    # The thirty-sixth blind sets (a headteacher's assistant and a fire brigade's hotline): a colleague calling from
    # the hospital roof, and a plea to send someone now.
    "roof_call": (
        r"\b(called|calling|rang|texted|texting|messag\w*|phoned|video[- ]?called) (me )?from (the|a|his|her|"
        r"their) (\w+ )"
        r"{0,2}(roof|rooftop|ledge|top floor|bridge|balcony)\b",
        r"(在|从)~6(楼顶|天台|楼顶上|桥上)~4(给我)?(打|发|来)(了)?~2(电话|视频|微信|语音|消息)",
    ),
    "send_now": (
        r"\b(please|pls|plz)( just)? send (someone|somebody|help|people|an ambulance|the police)( (now|quick(ly)?|"
        r"fast|here|"
        r"over|immediately|asap|right away))?(?=[.!,]|$)",
        r"(快|赶紧|赶快|求求你们)~2(派|叫)(个)?(人|救护车|警察|民警)(来|过来|去)",
    ),
    # The thirty-seventh blind sets (a grid worker's estates): a girl in labour and help refused.
    "help_refused": (
        r"\b(refuses?|refused|refusing|won'?t|will not|not allowed|doesn'?t want|don'?t want) (to )?(call|let (me|us|"
        r"anyone) "
        r"call|take (her|him|them) to|get) (an? |the )?(ambulance|doctor|hospital|120|police|110|midwife)\b",
        r"不(让|许|准|肯)~4(打|叫|送|去)~4(120|110|救护车|医院|卫生院|报警|看医生|大夫)",
        r"\bin labou?r\b.{0,60}\b(contractions?|bleeding|waters? (broke|broken)|refus\w*|won'?t|no (one|ambulance|"
        r"doctor))|\bcontractions? (are )?every \d+",
    ),
    # The thirty-ninth blind sets (a youth helpline's night channel): "after midnight tonight I will not be here",
    # treatment a newborn needs by tomorrow and a hospital refusing it.
    "gone_tonight": (
        r"(今晚|今天|明天|过了今晚|十二点(以后|之后|一过)|天亮(以后|之前))~~12(我)?(就)?不在了|(以后|之后)(我)?就不在了",
        r"\b(after|by) (midnight|tonight|tomorrow)\b.{0,30}\bi('ll| will) (be gone|not be here|no longer be here)\b|"
        r"\bi won'?t be (here|around) (after|by) (tonight|midnight|tomorrow)",
    ),
    "care_deadline": (
        r"\bneeds? (\w+ ){0,3}(treatment|surgery|operation|transfusion|dialysis|insulin|oxygen|phototherapy) by "
        r"(tomorrow|tonight|the morning)\b",
        r"(明天|今晚|天亮)(之前|以前)?~4(必须|得|一定要)~4(治疗|手术|输血|透析|照蓝光|住院)",
    ),
    # The fortieth blind sets (a township doctor's receptionist): an appendix that "could burst tonight".
    "rupture": (
        r"\b(could|might|may|will|is going to|gonna) (burst|rupture|perforate)\b.{0,20}\b(tonight|today|any (time|"
        r"minute|"
        r"moment)|soon)\b",
        r"(随时|今晚|马上|今天)~4(会|可能)?(破|穿孔|破裂|爆)(了|掉)?(?!~2(产|坏|防))",
    ),
    # The forty-first blind sets (an elderly-care hotline): "I won't get home alive" if I testify, a worker impaled on
    # rebar and not taken to hospital.
    "not_home": (
        r"\b(won'?t|will not|wont|never) (get|make it|come|go|walk) (home|back) alive\b",
        r"(钢筋|铁棍|钢管|钉子)~2(穿|扎穿|戳穿|插进|穿透)(了)?~2(腿|胳膊|手|肚子|身体|脚)|不(肯)?送(去)?(医院|卫生院)",
    ),
    # The forty-second blind sets (a fishing and tea county): a minibus in a ditch with people crying out, oxygen
    # run out, a rope and "no longer a burden", a coal heater and headaches, a throat to be cut if they move, tap water
    # that makes people vomit, stings that swell a face, "none of you need come", a brother taken in a van, smoke and a
    # door locked from outside, a hand in a tea roller, clinging to foam at sea, a ferry taking water, poison "he says
    # he will drink" and nobody can hold him, a girl called to a teacher's room, a boat taken out with a farewell,
    # pills already swallowed, a lure to a pier, a bride of fifteen, moonshine and failing eyes, a plot to push a man
    # overboard, a child chained in a shed, petrol carried up and "I go with the house", a grandson to be thrown to the
    # fish, crews held with passports taken, legs dangling from a sill, a boy shocked and down, children paddling out to
    # sea, waves coming in on a mother, "I'll go down, not by the stairs".
    "overturned": (
        r"(翻|掉|冲|滚)(进|到|下)?(了)?~2(沟|河|崖|坡|塘|水库|田)(里|下)?(了)?~~20(喊|叫|哭|求救|出不来|压着|卡着|没动静)",
        r"\b(bus|van|minibus|truck|car|tractor|coach)\b.{0,20}\b(flipped|overturned|rolled (over|into)|went (into|"
        r"off))\b"
        r".{0,40}\b(screaming|trapped|shouting|crying|stuck|not moving)\b",
    ),
    "no_oxygen": (
        r"(氧气|呼吸机|制氧机)~4(用完|没了|断了|停了|坏了|快没)~~30(吸氧|病人|老人|孩子|喘)|(吸氧|病人)~~20氧气~4(用完|没了|断了|快没)",
        r"\b(oxygen|ventilator)\b.{0,20}\b(ran out|running out|run out|has stopped|stopped working)\b",
    ),
    "burden": (
        r"(明早|明天|今晚|今天|以后)(就)?不(再)?(拖累|连累)|(收拾|准备|买|找)(好)?(了)?~2(绳子|麻绳)",
        r"\b(all|everyone|everybody|many (people|of us))\b.{0,30}\b(headaches?|dizzy|dizziness)\b.{0,10}\b(vomit\w*|"
        r"throwing up)\b|\b(heater|stove|brazier|charcoal|coal fire)\b.{0,60}\b(headaches?|vomit\w*|dizzy|faint\w*|"
        r"can'?t wake)\b|"
        r"\b(headaches?|vomit\w*)\b.{0,60}\b(heater|stove|brazier|charcoal|coal)\b",
    ),
    "if_they_move": (
        r"(敢|再)~2(动|碰|拆|拉)(我|俺)~~10(就)?(抹脖子|割腕|跳下去|喝药|点火|自焚|撞死)",
        r"(自来水|井水|水)~~20(喝|吃)了~4(都|全)?(吐|拉|晕|肚子疼)|(喝|吃)了~~10(都|全|好几个)~4(吐了|拉肚子|上吐下泻)",
    ),
    "stung": (
        r"(蜂|马蜂|黄蜂|蜜蜂|毒蛇|蛇)~4(蛰|叮|蜇|咬)~~30(肿|喘不上|说不出|晕|呼吸|发紫)",
        r"\b(stung|bitten) by\b.{0,40}\b(swollen|swelling|can'?t (talk|breathe)|dizzy|faint\w*)",
    ),
    "no_need_to_come": (
        r"(你们)?谁(都|也)不用来(了)?|(你们)?不用来找我了",
        r"\b(taken|grabbed|dragged|pulled|forced|bundled)\b (away )?(by|into) .{0,30}\b(van|car|truck)\b",
        r"(冒|有)(黑)?烟~~20(门|窗)~4(从外(头|面|边)|被)?锁|(门|窗)~4(从外(头|面|边))?锁~~20(冒烟|着火|烟)|拍门~~10(出不来|救命)",
    ),
    "caught_in": (
        r"(手|胳膊|头发|衣服|腿|手指)~2(卷|夹|绞|轧)(进|到|住)(了)?~6(机|车|滚筒|皮带|轴)",
        r"(抱着|扒着|抓着)~6(泡沫|木板|浮板|船板|轮胎)~6(漂|飘)|(漂|飘)在(海|江|河)(上|里)",
        r"\b(clinging|holding) (on )?to\b.{0,30}\b(foam|plank|debris|wreck\w*)\b|\b(taking|taking on|shipping) water\b",
    ),
    "cannot_hold": (
        r"(说|闹着|嚷着|喊着)要喝(药)?|(大家|好几个人|几个人|我们|俺们)~2(拉|劝|按)不住",
        r"(叫|带|拉|喊)(去|进)~4(他|她)?(的)?(车上|车里|宿舍|房间|办公室)~~24(没(下来|出来|回来)|钟头|小时)",
        r"(船|车)~4开(出去|走)了~~20(不回来|再见|遗书|留话|留言)|留(了)?(话|言|字条)~4(说)?(不回来了|再见|永别)",
        r"药~~20(已经|刚才?|都)(吃|吞)(了|下)~4(几|好几|一把|半瓶|一瓶|\d+|十几)(颗|粒|片|瓶)",
    ),
    "lure_kid": (
        r"\balone\b.{0,20}\beasy (cash|money)\b|\beasy (cash|money)\b.{0,30}\b(alone|tonight)\b",
        r"(才|只有|刚)(十[二三四五六]|1[2-6])(岁)?~~30(嫁|结婚|跟人走|送走|卖)|(嫁|结婚|跟人走)~~20(才|只有|刚)(十[二三四五六]|1[2-6])岁",
        r"(散装|自酿|假|药)(白)?酒~~30(看不清|看不见|眼睛|瞎|失明)|喝(了)?~~12酒~~30(看不清|看不见|瞎了|失明)",
    ),
    "plotted": (
        r"(今晚|今天|明天|待会)~8(把|将)~8(推下去|扔下去|扔海里|扔河里|沉了|做掉|干掉|灭口)|(商量|计划|密谋)~~20(推下去|扔海里|做掉|灭口|干掉)",
        r"\b(pig ?shed|pigsty|pig pen|cage|doghouse|kennel|shed)\b.{0,30}\bchain|\bchain\w*\b.{0,30}\b(pig ?shed|"
        r"pigsty|cage|"
        r"kennel)",
        r"(汽油|柴油|煤油)~~10(搬|拎|提|准备|买)(好|到|上)~~30(倒|拆|死|跟着|烧|点)|(房子|屋子|房)~2(倒|拆|塌)~4(我)?(也)?(就)?跟着",
        r"(扔|丢|推|按|沉)(到|进)?~2(海|河|江|水库|塘)(里)?~2喂(鱼|王八)",
    ),
    "held_crew": (
        r"\bpassports?\b (were |was )?(taken|seized|kept|held)\b|\bkept on (the |a )?(boat|ship)\b",
        r"(腿|脚)~4伸在~2外(面|边|头)|\b(legs?|feet) (dangling|hanging) (out|over|outside)\b",
        r"\b(got|gets|getting) (a )?(shock|shocked|electrocuted)\b.{0,60}\b(on the ground|not moving|unconscious|not "
        r"breathing|lying)\b",
        r"(划|坐|趴)~4(泡沫板|浮板|木板|皮划艇|橡皮艇|轮胎|充气)~~10(出海|下海|离岸)|(出海|下海)~~10(浪好大|看不清|看不见)",
        r"\b(waves?|water|sea)\b (is |are )?(coming|pouring|rushing) (in|over|through)\b.{0,40}\b(inside|still|can'?t|"
        r"trapped|stuck)\b",
        r"(签完|签了)~4(我)?(就)?(下去|跳)|不走楼梯",
    ),
    # The forty-third blind sets (a northern industrial city's hotline): a tank's temperature climbing with the
    # operators fled.
    "runaway": (
        r"\b(tank|reactor|boiler|vessel|kettle)\b.{0,40}\b(temperature|pressure)\b.{0,30}\b(keeps? (rising|climbing|"
        r"going "
        r"up)|in the red|off the (scale|chart))\b",
        r"(罐|釜|锅炉|储罐)~~10(温度|压力)~~10(一直|还在|不停)~2(升|涨|往上)|压力表~4(爆表|红区|到顶)",
    ),
    # The forty-fourth blind sets (a mountain county's night dispatcher): a boy of eight alone for weeks, a stroke's
    # crooked mouth.
    "left_alone": (
        r"\b(boy|girl|kid|child|son|daughter|grandson|granddaughter)\b.{0,20}\balone\b.{0,12}\b(\w+ )?(days|weeks)\b",
        r"(孩子|娃|小孩|儿子|女儿|孙子|孙女)~~10(一个人|独自)~~10(在家)?~6(几|两|三|好几|\d+)(天|个星期|周)~~20(发烧|生病|没吃|饿)",
    ),
    "stroke": (
        r"\bmouth (is )?(crooked|droop\w*|twisted)\b|\b(face|mouth) (is )?droop\w*|\bcan'?t (talk|speak) (properly|"
        r"clearly)\b",
        r"口眼歪斜|嘴(巴)?~2(歪|斜)(了)?~~10(说不出|说不了|讲不出|话说不清)",
    ),
    # The forty-fifth blind sets (an eastern suburb's social worker): an ex on his way with a knife, a rider hit and
    # left with a broken leg.
    "on_his_way": (
        r"\b(driving|coming|on (his|her|their) way|heading) (over|here|to (her|his|my|our))\b.{0,60}\b(bringing|with|"
        r"has|got) "
        r"(a )?(knife|gun|axe|machete|bat|hammer)\b|\bbringing (a )?(knife|gun|axe|machete)\b",
        r"(正在|马上|已经)?(开车|坐车|骑车)?~4(过来|赶过来|来了)~~20(带着|拿着|揣着)~4(刀|斧头|枪|汽油)",
    ),
    # The forty-seventh blind sets (a women's and children's hotline): "when it gets dark I'll go to the bridge", a
    # barge that rammed a family's boat, a girl being sent to marry.
    "after_dark": (
        r"(等|到)(天黑|晚上|今晚|半夜)~4(我)?(就)?(去|上)~4(大桥|桥|河边|江边|楼顶|水库|海边)|走之前~~10(说清楚|交代|说一声)",
        r"(船|货船|沙船|大船)~4撞(了|翻)~4(渔船|小船|船)~~20(一家|几口|人|孩子)",
        r"\b(being |getting )?(sent|forced|made) to marry\b|\b(forc\w*|mak\w*|send\w*) (her|him) to marry\b|"
        r"\b(1[0-7]|fourteen|fifteen|sixteen|"
        r"seventeen)\b.{0,30}\b(marry|married|"
        r"bride)\b",
    ),
    # The forty-eighth blind sets (an oasis region's voice messages): lost in the desert, water gone, a phone running
    # out.
    "stranded": (
        r"\blost in the (desert|mountains?|woods|forest|snow|gobi)\b|\b(water|food) (is )?(finished|gone|run out|"
        r"ran out)\b."
        r"{0,40}\b(phone|battery)\b|\bphone (is )?(at |on )?\d+ ?(%|percent)",
        r"(迷路|困|陷)~4(沙漠|戈壁|山里|雪地|无人区)|手机(只剩|还剩|就剩)~2\d+(%|格)|水~2(喝完|没了)~~20(手机|电)",
    ),
    "hit_and_run": (
        r"\b(hit|knocked (down|over)|ran over|run over) (me|him|her|us|a (\w+ )?(boy|girl|kid|child|man|woman|"
        r"pedestrian|"
        r"cyclist|rider)|my (son|daughter|mum|mom|dad|father|mother|brother|sister|grandma|grandpa|wife|"
        r"husband))\b.{0,60}\b("
        r"drove off|drove away|ran off|fled|took off|just left)\b|\bgot hit\b.{0,30}\b(scooter|bike|bicycle|"
        r"motorbike|e-?bike)\b|"
        r"\b(leg|arm|hip|ankle|wrist|ribs?) (is |are )?(prob(ably)?|maybe|might be|def(initely)?|feels?) broken\b",
        r"撞(了|倒)(人|我(?!的?(车|电动车|摩托))|他|她|老人|小孩|孩子|我(爸|妈|儿子|女儿))~~20(跑了|逃了|开走了|溜了)|(腿|胳膊|骨头)~4(可能|好像|应该)(断了|骨折了)",
    ),
}  # fmt: skip
