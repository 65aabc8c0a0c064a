"""Urgent words, part 6 (core/scope/urgent_terse.py; rules.md §8, issue 16 item 5): danger typed in a few words, in
dialect, pinyin or texting English, alerts officers (verdict urgent, not only the learned question); the same
words in their ordinary senses, and dangers the writer says are over, do not. Written for this file."""

from __future__ import annotations

import pytest

from core.scope import Verdict, classifier
from core.scope import urgent_terse as T
from core.scope.classify import normalise

URGENT = {
    "terse_self": [
        "绳子都买好了 晚上就去",
        "我在天台上 再不给说法我就下去",
        "隔壁老王吊在房梁上了",
        "she cut herself really bad and locked the door",
    ],
    "terse_child": [
        "邻居家小孩锁车里了 太阳底下晒着",
        "我儿子吞了奶奶的安眠药 一把",
        "toddler locked in a hot car outside the township office",
        "there's a baby in a parked car by the market, nobody around",
        "he says he's taking my daughter to the river tonight",
    ],
    "terse_scene": [
        "有人在鱼塘里扑腾 快沉了",
        "老人倒在路边不动了",
        "校车翻进沟里了",
        "someone is thrashing in the river by the bridge",
    ],
}
# Said in a long letter or a few words in English (urgent_terse.LETTER, the additions after the eleventh blind sets),
# and a farewell read across the message.
SCENES = [
    "情况反映：一、村支书截留补偿款；二、上周他侄子在路口拦住我孙子，说再告就让你掉河里喂鱼。恳请保护孩子。",
    "they said if she keeps talking her family will have to collect her body",
    "村里几个人用膝盖压着他脖子，现在还压着，脸都紫了",
    "下游三个村还没有人通知转移，今晚有特大暴雨，大坝已经渗水",
    "I took about 40 of the sleeping pills half an hour ago, sorry mum",
    "if they don't return my land by Monday I will hang myself at their gate",
    "the ferry is taking on water and there are 30 of us on board",
    "my father's face is drooping and he can't speak properly, it started just now",
    "the baby isn't breathing, please",
    "a little boy is walking along the expressway alone, trucks everywhere",
    "my son fell through the ice on the pond and we can't reach him",
    "工地塔吊倒了压在宿舍上 里面还有人",
    "化工厂那个罐子压力超了还不让人撤 我们就住在旁边",
    "我现在坐在粮站最高的仓顶上。我想了很久，没有别的路了。",
    "I have climbed over the railing of the river bridge. I do not see any other way.",
    "我绝食第四天了 躺在县政府门口 站不起来了",
    "信访大厅有个人攥着打火机 身上一股汽油味",
    "镇敬老院停电了 几个老人的制氧机都停了 有一个喘不上气",
    "a man at the station is holding a little girl with a knife to her throat, yelling about his lawsuit",
    "they told my husband his daughter might 'have an accident' if he keeps petitioning",
    "my mum rang from the reservoir, said 对不起孩子们, then the line went dead",
    "我妈在水库边上打电话说对不起我们几个孩子 然后就打不通了",
    "我坐在十二楼阳台外面 脚是悬空的",
    "邻居家闺女被她爸锁屋里三天不给吃饭了",
    "景区玻璃栈道裂了 还在一批一批放人上去",
    "someone just drove a van into the crowd at the night market",
    "I'm on the old river bridge. I'm going to let go soon, sorry",
    "his men are in my shop right now, they just broke my arm",
    "the bridge has a big crack and it moves when the school bus goes over",
    "商场后天开业 喷淋都是摆设 开业当天还要搞促销",
    "后天灯会的观礼台是临时搭的 焊点都没焊牢 一晃就响",
    "the mayor's bodyguard told my uncle he'll end up in the lake like the other guy, and he means it",
    "My boss lock me in the storeroom since yesterday, door is locked from outside, I have no water",
    "我表妹才十四岁 被她爸许给了外村的人 后天就要送过去",
    "tonight the town holds the fireworks show on the pier that failed inspection in spring, hundreds expected",
    'he told me if I keep talking I will have an "accident" too',
    "the minibus taking the kids to the exam tomorrow has no working brakes",
    "they stopped my dad's insulin when the subsidy was cancelled, he has two pens left",
    "I'm standing on the railway tracks behind the station right now, the land bureau took everything",
    "我爸透析的补助被镇里扣了 医生说再不透就有生命危险",
    "我就躺在高速中间 让他们来看看",
    "I already left notes for my children. thank you for listening",
    "孩子他爸明天要把孩子接走 上回差点把孩子捂死 我拦不住",
    "my ex-husband has our daughter tonight. last month he nearly drowned her in the bath",
    "tomorrow the school takes 300 pupils to the lake in two old buses, one has bad brakes",
    "吃了山上采的野菌子 全家都头晕呕吐",
    "我妈的胰岛素停了四天了 现在浑身发抖",
    "the sports hall roof just came down and the kids were inside",
    "女儿不见三个小时了 有人看见她跟一个陌生男的走了",
    "小孩碰了电线被电到了 现在没反应",
    "外甥女才13 在KTV被几个男的灌酒",
    "儿子爬到电线杆上下不来了 脚下的木板快要断了",
    "a pot of boiling water tipped over on the baby, her skin is blistering",
    "my niece just texted that she's on the dorm rooftop and wants to say sorry to everyone",
    "He got a message: we know which school your son goes to. He testified against the mayor's nephew.",
    "someone in the village group says he'll take out everyone at the land office tomorrow, posted a pipe bomb photo",
    "后天镇上办庙会 广场就一个出口 旁边是水塘",
    "the loan sharks sent me photos of my son outside his school gate",
    "今天下午音乐节 场地只有一个出口 卖了三万张票",
    "我爸透析被停了一个礼拜了 腿肿得发亮 医生说撑不了几天",
    "my mother's dialysis tomorrow was cancelled because the subsidy was not paid",
    "我爸在重症监护室 医院说交不上钱明天就停呼吸机",
    "the baby is turning blue and the clinic says we must register first",
    "my nephew's arm is stuck in the escalator gap, we can't pull him out",
    "我妈被叫去村委会办学习班 到现在三天没让回家 降压药都没带",
    "儿子的哮喘药后天就用完了 医保卡被冻结 药店不给赊",
    "My father's dialysis is on Friday but the street office cancelled his insurance. Without it he won't make it.",
    "后天村里在那个鉴定不合格的大棚里摆酒席 上百号人",
    "my 2 year old touched a live wire at the market, she's not crying, barely moving",
    "老桥现在站满了看烟花的人 桥墩去年就开裂了",
    "the landlord turned off the heating, it's -6 tonight and I'm alone with a newborn",
    "gave all my things away this week. the dog is with my sister. that's it from me",
    "我爸在诊所输液 浑身起疹子喘不上气 医生说没事 现在叫不醒了",
    "if the clerk stamps that order I'm going to find him and make him pay. I know where he lives.",
    "吃了一瓶安眠药 不会再醒了",
    "他说他已经醒了 可是又说不想活了",
    # a space ends a phrase: the store's fire, then its keeper (a guard's gap does not run over it)
    "炸药库着火了 保管员在打麻将",
    # told as a situation (urgent_situations, blind27): bleach, a fit, brakes gone, a dam seeping, dragged to a car
    "孙女偷喝了消毒液 一直在哭",
    "my toddler swallowed some toilet cleaner, what do I do",
    "老李倒在地里 浑身在抽 嘴里都是白沫",
    "班车在下坡 刹车失灵了 一车人都在叫",
    "the brakes failed and the bus is going down the mountain",
    "水库大坝底下在冒水 越来越大 下面住着人",
    "the river burst and water is coming up through the floor, we're on the second storey",
    "楼下有个男的把一个小孩往面包车里塞 孩子一直在喊",
    "she's 13 and going to meet a 'friend' from an online game at the bus station tonight",
    "对门的老爷爷四天没出门了 敲门没人应 屋里灯一直亮着",
    "在山里迷路了 天黑了 手机只剩3%",
    "他说等过完年就把自己的事了了 农药已经藏起来了",
    "they said your legs are next if the money isn't there by friday",
    "钢筋只放了一半的那个戏台 明天要坐几百个人看戏",
    "仓库里堆满了烟花 明天庙会上千人就在旁边",
    # blind28: petrol and a lighter, pliers, outside a railing, a fan stopped underground, a boat out in a typhoon
    "楼道里有人往门缝里倒东西 一股汽油味 还听到打火机的声音",
    "他们把我爸按在地上 拿钳子夹他的手",
    "邻居家的姑娘又坐到阳台栏杆外面了 十二楼",
    "矿井下面还有七八个人 风机停了半个钟头了",
    "台风预警都发了 我叔还要开船出海 拦不住",
    "老师约我女儿周末去他家 还让她别告诉家长 之前摸过她",
    "幼儿园说孙子被他'叔叔'接走了 我们家没有叔叔",
    "the tour boat tipped over near the dam, people in the water",
    "那个人下午出狱 当年我作证的 他放话出来第一个找我",
    # blind29: a group numb after a meal, weedkiller drunk, an oxygen machine and a power cut, a wrist cut, a lineman
    # struck, a man pinned under a tractor, water to the knees, a heart failing on a slope
    "five of us ate mushrooms at the farm stay and now have numb lips",
    "I drank the weedkiller. tell my sister I'm sorry",
    "我爸靠制氧机 供电所说今晚八点整个村停电检修",
    "手腕划了好几道 水盆都红了",
    "电工在杆子上被电打了 挂在上面不动",
    "my uncle is pinned under his tractor in the field",
    "water is up to my knees in the car and rising",
    "胸口像压了块石头 左手发麻 出冷汗 一个人在山上",
    "he gets out of prison tomorrow. last time he broke my jaw",
    "my room smells of rotten eggs. my head is pounding and I threw up",
    # blind30: shut in a cold store, swept overboard, guests fitting after a feast, a wound that will not stop, a
    # threat posted online with petrol, a boat drifting to the rocks, a man in the room with a bat
    "仓库的冷库门被人从外面锁上了 我在里面 喊了没人听见",
    "渔船上一个人被浪卷到海里去了 天黑看不到",
    "酒席吃完一桌一桌的人开始吐 有人抽起来了",
    "腿上的口子血止不住 毛巾都湿透了",
    "有人在群里说明天要去广场干一票大的 还发了汽油的照片",
    "engine's dead and we are drifting onto the rocks",
    "a debt collector is in my flat with a bat and won't let me leave",
    "危房明天一早要拆 楼板已经裂了 安监站收了钱签的字",
]
# A hazard found in one sentence and many people put in its way soon in another (urgent_terse.HAZARD_FOUND).
ACROSS = [
    "新宿舍楼测出来甲醛超标四倍。校长不管。下周一全校学生就要搬进去住了。",
    "The new gym failed its structural inspection. The principal signed anyway. Tomorrow all the kids have classes "
    "there.",
    "Factory boss says we restart the boiler tomorrow even though the safety valve is broken.",
    "锅炉安全阀坏了 老板说明天照样开炉",
]
DIALECT = [
    ("我喺天台 唔想再生存", "我在天台 不想再生存"),
    ("佢而家企喺天台边", "他现在站在天台边"),
    ("我搁大桥上头呢", "我在大桥上头呢"),
    ("zisha 就现在", "自杀 就现在"),
    ("my bro is on the roof rn", "my bro is on the roof right now"),
]
NOT_URGENT = [
    "新买的菜刀用了两天就断了 店里不退",
    "this policy is killing us, the compensation is half the market price",
    "im literally dead 💀 the township still hasn't paid the subsidy",
    "my neighbour's tree fell on my fence and he won't pay for it",
    "昨晚我妈吞了药 洗了胃 医生说稳定了 村主任把她的低保给了亲戚",
    "fire's out and everyone got out, the inspector took cash and never checked",
    "过日子过不下去了 婆婆天天吵",
    "五年前他拿着菜刀在门口挥了几下，后来就没再动过手，现在是想问宅基地的事",
    "in 2016 a gas explosion killed four miners; that chapter is over, but the inspector was promoted",
    "我在县城开刀具店，卖菜刀、水果刀，城管说我占道罚了两千",
    "the village committee is bleeding the village dry, daylight robbery",
    "这个月欠薪欠得我头都要炸了 私人小厂找谁",
    "my blood is boiling, the village head's wife gets the poverty subsidy",
    "the flood went down and everyone on our street got out fine, now the relief goods go to relatives",
    "听说隔壁县化工厂爆炸了 真的假的",
    "我在殡仪馆工作，告别厅的花圈要家属高价买",
    "局长大会上喊刀刃向内 刮骨疗毒 结果工程全给了小舅子",
    "镇上的刀削面馆是镇长表弟开的 干部天天去签单",
    "my son tried to hurt himself last spring, he's doing much better now; the school counsellor never called back",
    "上个礼拜邻村的混混扇了我一巴掌 还抢了我手机",
    "he is holding back my last month's pay and the resignation certificate",
    "法院执行局的法官收了购物卡，之后案子就再没动静了",
    "this morning there was a gas smell in our block, the company came and fixed the pipe, all safe now. the estate "
    "manager ignored the rusty pipes for a year",
    "孩子走丢了一个钟头 已经找着了 学校放学不清点人数",
    "那回跳河被人捞上来以后 再没动过那心思了 想问低保怎么申请",
    "我们乡一周开五回会 形式主义害死人 建议少开会",
    "在饭馆跟人吵了几句 被推了一把 流鼻血了 对方不是干部 找派出所吧",
    "送外卖的时候摔伤了腿 站点说我不算员工",
    "扶贫养的羊 村干部报的是病死了 其实是卖了",
    "那个搞理财的收了全村的钱 现在人联系不上了",
    "the dean threatened not to approve my thesis unless I work in his company",
    "the party secretary fills up his own car at the petrol station with the village fuel card",
    "bought a chef knife online, the blade bends, seller refuses refund",
    "所长在会上说谁敢往上捅就炸了谁的摊子 意思是不给办证",
    "my cousin drowned in the 2008 flood, that's history; the flood relief money went to the mayor's relatives",
    "零九年我爸在看守所被打断了手 现在早好了 打人的那个人当了所长",
    "盖房子用的煤气罐、钢管、砖头都是村里仓库的",
    "he got a demerit for 'drunk driving' but no blood test was ever done, we want to appeal",
    "建议规范公务接待 现在好多单位打擦边球",
    "上礼拜在集市上被人推了一把 胳膊现在还肿着 对方是个卖菜的",
    "他家在我们两家中间那条路上堆柴火 不让我们走",
    "my neighbour burns rubbish every night and the smoke comes in",
    "网上传说镇上前几天有人喝药了 是真的吗",
    "my brother who talked about hurting himself is with our parents now, he's calm and safe; the bureau cut his "
    "pension",
    "拿刀闹事的那个人已经被带走了 现在安全了 想问离婚财产怎么分",
    "装修电钻炸得我脑袋疼 天天早上七点开工",
    "储气罐漏气已经处理好了 工人都检查过没事 厂长不让说出去",
    "I was stuck for months at customs because the officer wanted tea money",
    "years ago our school had a fire and two kids died; nobody was punished",
    "the dorm manager fines us for kettles, says fire risk, and takes the money to his own wechat",
    "winter here is minus 25 and the heating plant promised three years ago is still not built",
    "我爸股骨头坏死 医生收了红包才排手术",
    "被网店坑死了 客服装死",
    "那个要跳桥的老人已经被劝下来了 现在没事 他是因为低保被取消才想不开的",
    "局长办公室里摆满了名刀宝剑 一把好几万 他工资才多少",
    "现在的干部都躺平了 建议多查查不作为的 把经费用在刀刃上",
    "出租车半路熄火 司机说加油站的油掺了水",
    "The health inspector says our kitchen fails the fire check unless we buy his extinguishers",
    "My gas heater won't light and the gas service company wants 300 more for a second visit",
    "My brother is held by the discipline commission and they took his car too, can I get it back?",
    "村会计把账本锁起来不给村民代表看 修路的钱去哪了",
    "买的电热水壶用两天就冒烟 商家说人为损坏不给退",
    "两个兄弟分家谈不拢 都快打起来了 想找人调解",
    "网上说化工厂着火了 我出门看了啥味都没有 是不是谣言",
    "十几年前我叔被村霸打断了腿 派出所不管 那个村霸现在当了村主任",
    "听广播说外省有个化工厂爆炸了 我们县的化工园区查过没有",
    "saw a viral video of a bridge collapsing in another province, is ours safe?",
    "my patience is dead, the clerk still won't give me the form",
    "业主群里吵翻天了 都说要打起来 其实就是物业费的事",
    "我真是要炸了 办个证跑了八趟",
    "村干部盖自家房子用的砖头水泥都是项目上的",
    "食堂收费的事我要捅到纪委去",
    "燃气公司非让换他们的减压阀 一个两百",
    "天天加班头都要炸了",
    "my kid wandered off at the fair this afternoon, we found her, all good",
    "the landlord is murdering my savings with these fees",
    "被叫去配合调查 说好一天 三天都不让走 后来放了 我想申诉",
    "孩子在水塘边滑下去了 被路人拉上来了没事",
    "仓库昨晚冒烟 人都撤出来了 没人受伤 就是消防通道一直堵着",
    "08年那会儿雪灾冻死了好多牲口 补贴到现在没发",
    "热搜上那个砍人的新闻吓死了 我们学校门口连保安都没有",
    "some guy on douyin jumped off a bridge live, why is this allowed",
    "my dad had a heart attack last week. He is stable now. The hospital overcharged us",
    "My aunt fainted in the queue at the tax office yesterday. She is fine now but nobody helped.",
    "I read in the paper that a reporter in another province was beaten. How do you protect people like me?",
    "the fire-drill money for the school went to the principal's brother",
    "我们主任就是个火药桶 一点就着 天天骂人",
    "两家人为宅基地打起来了 派出所来了已经拉开 都没大碍",
    "楼下煤气泄漏 物业处理好了 大家都没事 燃气管老化该谁换",
    "买了假农药 喷完果树全死了",
    "my great-uncle was beaten during the Cultural Revolution; can his name be cleared?",
    "网上传的那个砍人视频说是我们镇的 是真的吗",
    "gas cylinder refills cost double here, is that allowed?",
    "我被开除党籍 理由是失联 可我一直在外地打工",
    "My friend sent me an article about floods elsewhere. Does our county have flood plans?",
    "老板天天克扣工资 我真要被气炸了",
    "the fire chief parks the fire truck at his brother's restaurant",
    "My uncle fell off a roof this morning; he is in hospital and stable. The builder had no safety rope.",
    "a video going round weibo shows a cadre hitting a vendor, is it real?",
    "these fines are a bloodbath for small farmers",
    "抖音上那个被砸的面馆 是外省的事吧",
    "物业强制换燃气灶 价格贵一倍",
    "听说外省有人因为征地跳了河 我们这里的补偿也太低了",
    "a small fire in the canteen this morning, everyone got out and the firefighters put it out. "
    "The fire door was locked.",
    "中午煤气漏气 已经关阀开窗 师傅来修好了 多收了三百",
    "报纸上那起矿难死了十几个 我们矿的通风也不行",
    "the gas inspector told us the fine could be smaller if we paid him in cash",
    "earlier today a worker fainted from the heat. He is stable in hospital now. The boss gives no water.",
    "兄弟俩为老房子吵得要动手了 爹妈天天哭",
    "开个证明跑了五趟 一次说清楚会死吗",
    "夜里楼晃了一下 学校说检查过没事 就是有点后怕",
    "they sold me a flood-damaged car as new, I will sue",
    "Bought a gas water heater and the installer charged 500 for parts already in the box",
    "the family group chat exploded when the village accounts came out, 20万 missing",
    "被狗咬了 打了血清 医生说没事了 就是防疫站收费太贵",
    "honestly I could kill my brother, he sold grandma's land without asking",
    "这事要是捅出来 全局都得炸锅",
    "my father was held by 纪委 for questioning and they took my car too",
    "我年轻时候也想过轻生 现在日子过得挺好 想建议你们的页面字大一点",
    "my grandmother was locked in a 'study class' during the 1998 land dispute. She passed away years ago.",
    "这个网上系统要把人折磨死了 登了十次登不进去",
    "the karaoke bar plays music till 3am, I'm literally dying here",
    "KTV门口有人打架 我被误伤了一拳",
    "人行道说是铺透水砖 其实就是普通砖",
    "厨房有点漏气 阀门关了窗也开了 现在没味了 燃气公司上门还要加急费",
    "有个老人在镇政府门口说要喝药 被劝住了 派出所送回家了",
    "the clerks keep letting their friends jump the queue at the tax office",
    "all the flood sandbags are kept in the secretary's cousin's warehouse and the town pays rent",
    "the fire alarm went off at 2am, it was burnt toast, everyone's back inside",
    "采石场的爆破许可是怎么批的 环评都没做",
    "中午我舅跟人打起来了 派出所来调解完了 两边都回去了",
    "the lift got stuck for half an hour, everyone's out ok now, the management never services it",
    "作业多到爆 娃眼睛都要写瞎了",
    "My husband was held under liuzhi and they took our son's phone too",
    "the town got money for drowning prevention fences but only put up two",
    "食堂给孩子吃的全是冻品 承包人是校长亲戚",
    "扶贫发的牛后来都不见了 钱也没见到",
    "监委扣押了我们家的车 那车跟案子没关系",
    "中午车间有人中暑晕倒 挂了水已经好了 可车间没有降温设备",
    "Years ago there was a fire at the market. Nobody died but the inspector had signed it off.",
    "电梯困了十分钟 人出来了 物业说年检过了",
    "我妈在菜场被人推倒 去医院看过了没事 派出所也报了",
    "in 2010 there was a fire at the depot. The official report said no injuries but the guard was burned.",
    "买的菜刀质量太差 切两下刀口就卷了",
    "read about the mine flood in Shanxi, are our mines checked?",
    "村里那个炸药库早不用了 看管费照发",
    "my uncle was beaten in a land dispute in the 90s, can it be looked into",
    "走丢的老人找到了 想表扬一下网格员",
    "法官跟被执行人一起吃饭被我撞见了",
    "这个干部脾气火爆 说话像吃了炸药",
    "the 'safety inspection' of our shop's gas cylinders was just a signature and 300 cash",
    "上访的大姐在门口晕倒了 120拉走了 听说已经醒了",
    "我年轻时想过自杀 现在过得还行 想给你们提个建议",
    "since last year's fire we still haven't got the resettlement flat",
    "this drainage project is a total dumpster fire, half the budget is gone",
    "镇民爆站的炸药库保管员上班时间在打麻将",
    "lift got stuck this afternoon, people out after 30 min, property co says it's normal",
    "was that kidnapped kid from the 朋友圈 post ever found?",
    "看到通报有个公职人员酒驾撞死人 这种归你们管吗",
    "我老公在私人石料厂搞爆破的 厂里欠他三个月工资",
    "我要让那个镇长好看 收礼的照片都寄给省纪委",
    "村里有个老人死了三年了还在领养老补贴",
    "加油站加二百块的油 油表只跳了一点点",
    "my head is exploding, the property fee went up again",
    "塌方那条路今天通了 谢谢救援队",
    "19年我在化工厂中毒住了一个月院 厂里一分没赔",
    "the fire in our dorm last night was put out and everyone's fine, but the exit was chained shut",
    "邻居打死了我家三只鸡 赔不赔吵了好几天",
    "加油站的油枪有问题 加四百的油跑不了多远",
    "我亲眼看着村支书拉的砖 盖的是他自己家的房子",
    "老师们私下都在吐槽校长指定采购",
    "跑了八趟 腿都跑断了 窗口每次要的材料都不一样",
    "跟他拼了 明天就去区纪委 把他干的事说清楚",
    "got out of the flooded underpass in time, the car is gone but I'm fine",
    "the officer at the entry-exit desk kept my passport for two weeks and hinted at a fee",
    "有人自称镇政府的让我先交手续费 转了三千过去就联系不上了",
    "weedkiller prices went up again at the co-op",
    "我是磨剪子戗菜刀的 城管收了我的磨刀石",
    "加了六十升还没跳枪 这个加油站有问题",
    "my mum will kill me if she finds out I wrote to you about the village head",
    "the landslide has stopped and we're safe now, but the shelter money vanished",
    "our village flood-control fund was spent but no sandbags were bought",
    "the shooting range charged me 80 for 10 bullets",
    "镇党委书记工作日中午喝酒，开的公车，我拍了照",
    "今年笋价跌得厉害 种了三十亩亏死了",
    "the wifi in the dorm is a total bomb, it dies every night at ten",
    "this boss is killing us slowly, three months unpaid",
    "村里修文化广场报了八十万 包工头说最多三十万 剩下的钱去哪了",
    "孩子昨晚走丢了 今早派出所帮忙找到了 谢谢你们",
    "二零一六年那场爆炸我们厂死了两个 赔偿当时签了 现在觉得赔少了",
]


@pytest.mark.parametrize("text", ACROSS)
def test_a_hazard_and_a_crowd_soon_alert_across_sentences(text: str) -> None:
    decision = classifier().classify(text)
    assert decision.verdict is Verdict.URGENT, (text, decision.signals)


@pytest.mark.parametrize("text", SCENES)
def test_letters_and_scenes_alert(text: str) -> None:
    decision = classifier().classify(text)
    assert decision.verdict is Verdict.URGENT, (text, decision.signals)


@pytest.mark.parametrize(("family", "text"), [(f, t) for f, texts in URGENT.items() for t in texts])
def test_terse_dangers_alert(family: str, text: str) -> None:
    decision = classifier().classify(text)
    assert decision.verdict is Verdict.URGENT, (family, text, decision.signals)


def test_every_terse_family_has_examples_in_both_languages() -> None:
    assert set(URGENT) == set(T.TERSE)
    for family, texts in URGENT.items():
        assert any(t.isascii() for t in texts) and any(not t.isascii() for t in texts), family


@pytest.mark.parametrize(("typed", "read"), DIALECT)
def test_dialect_pinyin_and_texting_are_read_as_written_out(typed: str, read: str) -> None:
    assert T.mandarin(normalise(typed)) == normalise(read)


@pytest.mark.parametrize("typed", [t for t, _ in DIALECT])
def test_dialect_dangers_alert(typed: str) -> None:
    assert classifier().classify(typed).verdict is Verdict.URGENT, typed


@pytest.mark.parametrize("text", NOT_URGENT)
def test_ordinary_senses_and_settled_dangers_do_not_alert(text: str) -> None:
    assert classifier().classify(text).verdict is not Verdict.URGENT, text


def test_everyday_words_are_kept() -> None:
    """The dialect map touches only its own words: "企业", "搁置", "illness", "umbrella" stay as typed."""
    for text in ("企业欠薪", "项目搁置了三年", "illness at work", "umbrella", "will you answer"):
        assert T.mandarin(text) == text
