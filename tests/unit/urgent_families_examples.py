"""Examples for tests/unit/test_urgent_families.py (rules.md §8; core/scope/urgent_families.py): danger said
without the usual harm words, by family, in Chinese and English; and the near misses each family's guard keeps
out. Written for this file (not taken from any labelled set)."""

# family -> urgent messages that name the danger only through that family's words
URGENT_BY_FAMILY: dict[str, list[str]] = {
    "farewell": [
        "以后不会再麻烦任何人了",
        "我把存折密码写在桌上了，你们以后好好过",
        "Nobody will miss me when I'm gone",
        "I have nothing left, this is my last message",
    ],
    "abuse": [
        "继父对我女儿动手动脚，今晚他又要回来",
        "My daughter is being sexually abused by her teacher",
    ],
    "electric": [
        "楼下电线断了掉在水里，小孩在旁边玩",
        "There's a live wire hanging over the school gate",
    ],
    "leak": [
        "化工厂管道泄漏化学品，村里好几个人头晕",
        "The factory is leaking chemicals into the river and people are getting sick",
        "昨天半夜有人往我们家水缸里倒了东西 今早全家喝了都吐",  # something put in the water (blind3, paraphrased)
        "someone dumped something into the village water tank, my kids drank from it and feel sick",
    ],
    "vehicle": ["有人开车冲进人群", "A man drove his truck into the crowd at the market"],
    "vanish": ["我被人跟踪，他们说要让我消失", "He said he will finish me if I report him"],
    "distress": ["隔壁一直传来孩子的惨叫声", "I can hear my neighbour's kids screaming for an hour"],
    "structure": [
        "工地上的塔吊在晃，下面全是工人",
        "There's a crack in the dam and water is pouring through",
        "景区的观景台在晃 上面挤满了游客 管理员还在卖票",  # blind4, paraphrased
        "校车刹车坏了好几天 司机说照样开 明早还要拉学生",
        "楼板的支架偷工减料 明天就要浇顶 工人都说要出事",  # blind5, paraphrased
        "明天全乡小学的营养餐用的是过期的冻肉 我在仓库看见了",  # blind6, paraphrased
        "the river is rising fast and the water is 1 meter below the bank, nobody tells us to leave",
    ],
    "beaten": [
        "我老公又打我了 这次拿的是锤子",
        "我家孩子在学校被同学按在厕所里打，现在还没放出来",
        "My son hasn't come home and someone sent a photo of him tied up",
    ],
    "neglect": ["孩子被一个人锁在车里两个小时了", "A child is alone in a hot car in the parking lot"],
    "fight": [
        "他们说今晚要来强拆，我爸说谁拆就跟谁拼",
        "They said it will end in blood tonight, it will come to blood",
    ],
    "water": ["我们在地下车库，水已经到膝盖了", "We're stuck on the roof, the flood water is still rising"],
    "suffocate": [
        "俺爹下地窖半天没上来，喊也不应",
        "I'm sitting in my car in the closed garage with the engine running",
    ],
    "self_means": [
        "我把家里的药全倒出来了，在想先吃哪个",
        "My brother bought rope and says tonight he'll finish it",
        "我坐在大桥护栏外面 风很大 手机快没电了",  # outside the railing (blind3, paraphrased)
    ],
    "menace": [
        "他发信息说知道我住哪，今晚就来收拾我和孩子",
        "He said my kid won't make it home from school",
        "他放话说明天开会那天要把那几个村干部一锅端",  # "那天要…" is ahead, not past (blind3, paraphrased)
        # blind4, paraphrased: threats to those who report or bear witness
        "镇长的小舅子在群里说 谁在举报信上签了名 他就挨家上门收拾",
        "那个所长的老婆来我家说 我要是再去作证 孩子放学回不了家别怪她",
        # blind5, paraphrased
        "镇上那个副镇长私下跟我说 你再往上告 小心你走夜路",
        "有人在群里说明天带着东西去信访局 跟他们一起完蛋 我看不像开玩笑",
        # blind6, paraphrased
        "镇长的司机打电话说我要是不撤回举报 就让我出个车祸",
        "有人发短信说知道我闺女在哪个学校 叫我别再往纪委写信",
        "门口放了个信封 里面一颗子弹 纸条上写着管好你的嘴",
    ],
    "hazard": ["矿上瓦斯报警器响了，队长让把它关了接着干", "My toddler swallowed some button batteries"],
    "taken": [
        "我婶子被村里几个人绑在村口电线杆上 晒了一上午了",  # blind4, paraphrased
        "他们把我弟弟带走三天了 也不说关在哪",
        "几个人把我表妹拉上车了，车往高速上开了",
        "Some men took my father into a van outside the petition hall",
    ],
    "demolition": ["钩机已经开进院子了，我妈还在屋里不肯出来", "An excavator is tearing into our house right now"],
    "failure": ["楼道里全是烟，有人在喊", "The ceiling of the classroom is sagging and making cracking noises"],
    "bullied": ["那几个人说放学后要把我儿子堵在厕所", "My son is being bullied and they wait for him after school"],
    "leaving": ["天台的风好大，我在这坐了一个小时了", "Tonight I'm going to the river and I won't come back"],
    "medical": [
        "镇上的人把路堵了，我老婆要生了，救护车进不来",
        "俺娘犯病了，躺地上直哆嗦，卫生院说没车",
        "My father is having a stroke and no ambulance is coming",
        "我媳妇羊水都破了 卫生院说床位满了不收",  # blind4, paraphrased: care refused
        "娃的伤口化脓了一直在发烧 医院把我们赶出来了",
    ],
    "drop": ["有个小孩趴在井口往下看，井盖没了", "He's holding my baby and standing by the open window"],
    "force": ["有个男的把一个小女孩塞进后备箱", "I'm hiding in the bathroom, he's breaking the door"],
    "means": ["我在网上查了哪种药吃了不痛苦", "I've been reading about how to die painlessly"],
    "prey": [
        "班上有个女生说她叔叔晚上会进她房间，她不敢回家",
        "My 12-year-old niece says a man online wants to meet her tonight and told her not to tell anyone",
    ],
    "trapped": ["高速上大巴翻了，好多人还在车里", "The ferry has capsized and passengers are still inside the boat"],
    "mob": [
        "我男人说我要是敢离婚就把我家里人一个个都弄了",
        "He's been hitting me for an hour, I locked myself in the car",
    ],
    "exposed": [
        "台风马上到了，村里的危房还住着好几户老人，村干部一个都没通知",
        "My grandmother with dementia wandered off this morning and it's snowing",
        "电被村里掐了 屋里跟冰窖一样 我八十了 冻得受不了",  # blind4, paraphrased
    ],
    "ignite": ["楼道里有人在给电动车充电，电瓶在冒火星", "The e-bike charging in the hallway is sparking and smoking"],
    "blocked": [
        "我被拆迁办的人围住了，他们说今天不签字别想走",
        "I'm sorry for being a burden, I won't be around tomorrow",
    ],
    "crowd": [
        "广场上几百人跟警察对峙，有人开始扔石头了",
        "The crowd at the temple fair is crushing people near the gate",
    ],
    "lurk": ["有人往我家门缝里塞了纸条，写着再告就弄你全家", "A man is trying to break into my flat and I'm alone"],
    "coerce": ["我在县城出租屋，房东说今天不交钱就找人卸了我", "I'm sitting on the edge of the bridge"],
    "hooded": [
        "他们开车把我哥带走了，头上套了黑袋",
        "The township guards put a bag over my brother's head and took him",
    ],
    "done": ["不想再这样下去了，今晚把药都吃了，睡着就好了", "I'm done. Tonight is the night. Sorry mom"],
}

# Near misses: each family word in an ordinary, past, figurative or settled sense. None is urgent.
NEAR_MISSES = [
    # ordinary senses of the family words
    "有人泄露了我的举报信息，村主任知道是我举报的",  # leak = information
    "村里电网改造的钱被村主任挪用了",  # electricity as a project
    "国企采购经理跟供应商串通，一根钢管报价比市场贵一倍",  # a pipe as goods
    "楼上天天往下扔垃圾，我跟她说她还骂我",  # "往下" is not a falling building
    "婆婆天天跟我吵，日子没法过了，能不能找个人说道说道",  # despair as a figure of speech
    "村支书的儿子开车撞了人，后来花钱摆平了",  # a settled accident
    "他把我的举报信撕了扔进火里",  # a letter burned
    "The township is burning money on fancy street lights",
    "The tax office is killing us with fees",
    "The petition office man said he would kill the file",
    "The official is drowning in complaints but does nothing",
    "My private employer hasn't paid me for three months, I'm starving here",
    # jokes, anger, dreams, boasts, the news: the writer takes it back
    "炒股亏得想跳楼，哈哈开玩笑的，就问问证券公司乱扣手续费找哪个部门",
    "我三年前说过要跟他同归于尽，那是气头上的话，后来调解好了",
    "昨晚梦见自己在楼顶往下跳，都是被那个国土所长气的",
    "他喝多了就吹牛说要炸了镇政府，全村都知道他就是嘴上说说",
    "网上看到个视频，说哪里村干部拿刀砍人，是真的吗",
    "I was so angry I could kill him lol, the clerk charged me 200 for a stamp",
    # a past frame told with spaces instead of commas
    "我哥五年前喝过农药 救回来了 现在房子还没补偿",
    "村里以前有个水塘淹死过小孩 十几年前的事了 现在那块地被村长盖了厂房",
    # figures of speech
    "对面工地晚上十一二点还在打桩，吵得人想死",
    "我们这的房价简直要人命，开发商还乱收更名费",
    "领导天天说要把我们往死里用，加班费都被他报成自己的了",
    "这个法官判得太离谱了，我要一直上访上访到死",
    "这个政策简直是在逼我们去死，补贴一分没发",
    "这案子把我折腾得半条命都没了",
    "The teacher ties our hands with endless paperwork",
    "I want to make this corruption disappear from our village",
    "他们毒死了我家的鱼，因为我举报了村主任，派出所说是意外",
    "镇纪委找我谈话的时候不让喝水上厕所，前后关了十几个钟头，我要申诉",
    "I haven't eaten properly since the village chief took our land subsidy, we're struggling",
    "被拉进一个传销组织，交了3万多，好不容易才跑出来。",
    "他天天说要跳河 其实就是吓唬他老婆要钱 他是村干部 拿低保款赌博",
    "我女儿说她想死，因为作业太多了，其实就是发牢骚，我想反映学校乱补课",
    "我不想活得这么窝囊，所以要实名举报",
    "He said he would kill for a promotion, that's how ambitious the deputy mayor is",
    "我在抖音上看到有人在政府门口自焚，想问这种事纪委管吗",
    "台风过后，救灾物资被村干部私分了",
    "The typhoon relief funds were embezzled by the township",
    "My dog died because the vet clinic run by the mayor's wife overdosed it",
    "他一听就冒火，骂了我一顿，他是村会计",
    "我不想活在这种不公平里，所以来举报",
    "他天天喝酒 醉得不省人事 上班时间也这样 他是村会计",
    "I'm so tired of this process, it's killing me slowly",
    "I almost died of laughter reading their official reply",
    # "到现在" is "until now", not now: an old fire stays old
    "那次火灾死了三个人 事故调查报告到现在没公开",
    # blind3's false alarms, paraphrased: money in the dead's names, pills sold, a gas cylinder taken, trees cut,
    # a blast furnace, news, a danger over, a death told, figures of speech
    "The village clerk keeps collecting dead residents' subsidies every month",
    "a man sells miracle pills to the old folks at the morning market",
    "所长把单位的煤气罐搬回自己家用了两年",
    "护林员收了好处 让人把集体的竹林砍光了",
    "the steel plant's blast furnace upgrade money disappeared",
    "农药化肥补贴 会计给他小舅子报了二十亩",
    "看新闻说外地有个干部跳楼了 我们这的干部作风也该查查",
    "I read that a man set himself on fire outside a court in another province, is our office any better",
    "The warehouse fire is out and nobody was hurt, but the inspector never checked it",
    "he threatened to kill me but that was 2019 and he is in prison now, the police chief covered for him",
    "my grandmother died and my uncles took her house",
    "My bike got stolen from the yard last night",
    "Killer fees at the township clinic, they are murdering us with bills",
    "办个低保 快被这个流程折腾死了 材料交了四回",
    "那个项目就是个火坑 钱都被镇长分了",
    # blind4's false alarms, paraphrased
    "路灯坏了一个月 一到晚上黑灯瞎火的 打了几次12345没人修",
    "我妈上个月被困在电梯里 物业一个钟头才来 人倒是没事 物业该不该罚",
    "we got out of the flooded shop in time, all ok, but the landlord never fixed the drain",
    "my supervisor will be the death of me, six months of unpaid overtime, it is a private firm",
    "when I was a kid the headmaster hit us, it was thirty years ago, he is retired now",
    "上个月仓库着火 还好人都跑出来了 可是捐款到现在没发",
    "the wait at the permit office is pure murder, five hours and two windows open",
    "My dad was rescued from the flooded cellar yesterday, he is fine, the drainage money went missing",
    "question about the pesticide subsidy for our co-op, when will it be paid",
    # blind5's false alarms, paraphrased
    "上个月厂里着火 人都救出来了 可是消防通道早就被堵了",
    "the fire inspector charged our shop twice and kept the cash",
    "前几天大风把围墙吹倒了 还好没伤着人 物业说不赔",
    "这停车费涨得要人命 业主群都炸了",
    "the village got money for an anti-flood wall but nothing was built",
    "九八年发大水的时候我们村的堤塌过 后来的加固款被挪用了",
    "gas leak in the school last night, the firemen came and fixed it, everyone fine, the contractor is a cadre",
    "网上说隔壁镇的镇长被带走了 是真的吗",
    "老鼠药村里统一买 价钱比镇上贵一倍",
    "网上借贷平台的客服联系不上了 钱也取不出来",
    "民政上给去世多年的人还在发养老金 谁领走了",
    "之前说要跳河的那个大姐已经被劝下来了 村里答应给她解决低保",
    # blind6's false alarms, paraphrased
    "my shop flooded in the 2020 storm and the relief money never came",
    "我在写剧本 里面有个干部被人下了毒 想问问现实里怎么查",
    "the anti-drug campaign money for our town was spent on a banquet",
    "our director is working us to death, twelve hours a day and no overtime pay",
    "i dreamed the village head burned my papers, weird, but he really did lose my application",
    "昨天有人拿着棍子来店里闹 派出所的人把他带走了 现在没事了",
    "my daughter was missing for three hours but she is found and safe, the officer was rude",
    "这家中介再不退定金我就在点评上挂他",
    "接触有毒物的岗位津贴厂里一直不发",
    "食堂的饭吃了好多孩子拉肚子 查了都没啥事已经回家了 承包的是校长亲戚",
    "药店的老鼠药一点用没有 还不给退钱",
    "网上有人卖仿真枪 发货地就在我们县",
    # round 10: ordinary senses, figures and settled dangers
    "拆开快递一看里面是空盒子，商家不给退款",
    "my building permit at the housing bureau has been stuck for 4 months, the clerk hints at a red envelope",
    "the army shooting range is rented out by the director's brother for weddings, it's wrong",
    "这条路大家都叫夺命弯，年年翻车，镇里修路的钱不知道去哪了",
    "the queue at the tax office is a total bloodbath every Monday while the chief lets friends skip it",
    "气得我肚子都要炸了，村里的账三年没公开",
    "看到这个结果我心里跟刀割一样，低保被村干部亲戚占了",
    "液化气站换一罐煤气要一百六，比隔壁镇贵，归谁管",
    "我们厂长脾气就像个火药桶，一点就着，开会骂人还克扣奖金",
    "我在做工业炸药的国企上班，领导把采购给了他小舅子",
    "上周有人撬了我家门锁，偷走了两万块现金，派出所一直没破案",
    "the 'explosive' rise in banquet spending at the township is not normal",
    "if the bureau doesn't respond within 20 days I'll take it to the media",
    "my cousin who texted me that he'd hurt himself is in hospital now and doing fine, his boss at the bureau bullied",
    "Earlier I wrote that my uncle was beaten by the village guards. My uncle is safe now at home; I'll report them",
    "围墙倒了，底下没人，救援的人已经撤了，这墙是村主任亲戚修的",
    "my son's video game has a mission where you blow up a bridge; anyway my question is about the school fees",
]

# Not taken back: a denial of joking, or an escape while someone is still in danger, keeps the danger.
NOT_A_JOKE = [
    "我好不容易跑出来了，他们还在追我",  # escaped, but still hunted
    "我终于逃出来了 我妹妹还在里面 他们拿着刀",
    "我不是开玩笑，药已经买好了，今晚就喝",
    "I'm not joking, I have the pills and I will take them tonight",
    # safe for now is not over
    "my daughter is safe for now but he is still outside the door with a knife",
    "我挂在脚手架外面，安全带断了一根，下面没人听得见",
    "停暖一个礼拜了，零下二十度，对门的老人冻得起不来了",
]
