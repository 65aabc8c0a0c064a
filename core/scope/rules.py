"""The scope rules as data (rules.md §3 and §8), read by core/scope/classify.py.

Words are matched as jieba tokens (each is added to the tokenizer's dictionary) or as substrings that do not cut
across a jieba token ("被打" does not match in "被/打击"; a one-character word must be a token of its own); ASCII
words match as whole words. Phrases are regular expressions over the normalised text (NFKC, lower case), with one
shorthand for gaps: ``~n`` is up to n characters inside one clause (``[^，。！？]{0,n}``), ``~~n`` up to n
characters inside one sentence (``[^。！？]{0,n}``). Edit here, not in the engine; tests/data/scope_labelled.jsonl
and ``bench/scope_report.py`` show the effect of a change.
"""

from __future__ import annotations

from core.scope.words import _N, _w

# -- who: public officials and party members (JC-15, rules.md §3.1) versus private persons ------------------
#: People holding public office (or party members). 纪委/监委 are left out: they are who the citizen writes to.
OFFICIAL_PERSONS = _w("""
    书记 副书记 村支书 支书 村书记 党支部书记 第一书记 村主任 村长 村委 村干部 两委 村会计 会计 出纳 村文书 文书 村官
    组长 副组长 社区主任 网格员 镇长 副镇长 乡长 副乡长 主任 副主任 局长 副局长 科长 副科长 股长 处长 厅长 县长 副县长
    区长 市长 省长 部长 主席 委员 干部 领导 公务员 公职人员 党员 民警 警察 辅警 协警 片警 所长 队长 交警 法官 庭长
    审判长 审判员 检察长 副检察长 检察官 公诉人 指导员 教导员 政委 书记员 仲裁员 监察员 稽查员 专管员 院长 副院长 校长
    副校长 城管 执法人员 工作人员 站长 狱警 一把手 officer official officials cadre cadres secretary mayor policeman
    policemen judge prosecutor cop cops principal director headmaster headmistress headteacher dean 辅导员 counsellor
    counselor
""")
#: Offices named in English with two words ("township head", "party secretary").
OFFICIAL_PERSON_PATTERNS = (
    r"\b(township|village|county|town|party|district|city|municipal|provincial|bureau|section|department)('s)?"
    r" (deputy |vice |assistant )?"
    r"(head|chief|secretary|leader|accountant|cashier|cadre|official|director|mayor|committee|chairman)s?\b|"
    r"\b(bureau|department|township|county) (boss|bosses)\b|"  # "the tourism bureau boss" (blind34)
    r"\bcommunity (worker|officer|official|cadre|director|head)s?\b",
    r"\b(head|chief|director|secretary|mayor|leader|accountant)s? of (the |our |a )?[a-z ,.]{0,30}?"
    r"\b(township|village|county|town|district|city|bureau|department|office|station|committee|hospital|school)\b",
    r"\b(clerk|staff|officer|official|worker|employee|head|chief|director)s? (at|of|in|from) (the |our |a )?"
    r"[a-z ]{0,20}"
    r"\b(bureau|office|department|station|committee|government|court|procuratorate)\b",
    r"\b(police|traffic|public security) (officer|chief|station|captain)s?\b|\bcivil servants?\b|\bparty members?\b",
    r"\bgovernment (officials?|employees?|workers?|staff)\b|\b(teacher|doctor|principal|head)s? (at|of|in) (a|our|the)"
    r" (public|state|government)\b|\b(public|state) (school|hospital) (teacher|doctor|principal|head)s?\b",
    # an official named by the public task they handle: "镇上管拆迁的那个人", "the demolition office chief"
    r"(镇|乡|村|县|区|街道|社区|局|所|站)(上|里|里面)?~2管~6的(那个|那位)?(人|干部|头儿?)",
    r"\b\w+ office (chief|head|director|manager)s?\b",
    # inspectors of a public body: "消防检查的人", "环保局执法人员", "税务稽查的"
    r"(消防|卫生|环保|安监|应急|税务|工商|市场监管|城管|质监|食药监|路政|运管|林业|国土|水利|农业|畜牧|文旅|劳动监察|防疫)"
    r"(部门|局|所|站|队|大队)?的?(检查|执法|稽查|巡查)的?(人员?|组|队)",
    r"(街道|社区|镇上|乡里|村委)(来|派来)的(人|干部)",
)
#: Titles private firms use too: they do not count when the text says the unit is private (JC-15 covers SOEs only).
GENERIC_PERSONS = _w("""
    领导 主任 副主任 会计 出纳 组长 副组长 队长 工作人员 站长 院长 校长 一把手 director headmaster dean
""")
PRIVATE_MARKERS = _w("私营 私人 民营 私企 个体 私立 外企 外资 private privately")
#: Officials named only as a group or a rank, nobody in particular ("村干部", "领导", "乡里的干部"): with nothing
#: but the name of an offence ("村干部腐败") the report has no substance yet (三个不受理 3): ask for facts.
COLLECTIVE_OFFICIALS = _w("""
    干部 村干部 领导 官员 公务员 公职人员 工作人员 两委 村委 委员 上级 政府 乡镇 当官的 官 一把手 执法 执法人员
    official officials cadre cadres government
""")
COLLECTIVE_BODY = r"的?(人|干部|领导|工作人员)$"  # a body pattern naming its staff as a group ("乡里的干部")
#: A message at most this long, with no act, amount or public money told, names an offence without an account.
BARE_LENGTH = 12  # Han characters, each Latin word counting one and a half
AMOUNT = r"\d|[一二两三四五六七八九十几百千万]+(万|千|百|块|元|亩|平|户|个|次|年|天)"
#: Managers count as 监察对象 only in a state-owned unit (JC-15(3)): they need a STATE_MARKERS word in the text.
SOE_MANAGERS = _w("总经理 副总经理 副总 经理 董事长 老总 厂长 矿长 行长 总监 manager boss")
STATE_MARKERS = _w("""
    国企 国有 央企 国营 市属 县属 省属 国资 城投 供电 电网 电力公司 自来水公司 烟草 粮库 state-owned soe
""")
#: Public bodies (JC-15): what they do is their staff's doing, but working for one is not itself an allegation.
PUBLIC_BODIES = _w("""
    村委会 居委会 镇党委 党委 党组 党支部 支部 镇政府 乡政府 街道办 派出所 公安 法院 检察院 教育局 执法 国企 国有
    国有企业 央企 事业单位 卫生院 财政所 国土所 土管所 林业站 农技站 税务局 住建局 规划局 环保局 人社局 民政局 扶贫办
    拆迁办 征收办 拆迁组 执行局 指挥部 管委会 政府 监狱 人民医院 中医院 公立 公办 上级 乡镇 消防队 消防救援 police
    government court public_school public_hospital state_school township_government village_committee
""")
#: Generic public bodies: a place or sector word, then an office suffix ("县卫健委", "劳动监察大队", "市第二人民医院").
#: The place word must not be the tail of another word (小区, 超市, 城市, 菜市场, 夜市, 农村, 上市, 地区).
_PLACE = r"(?<![小超城菜夜门农都闹集股上街山地])(?:省|市|县|区|镇|乡)(?:里|上|委)?"
_SECTOR = (
    r"(?:公安|税务|财政|民政|人社|社保|医保|卫健|卫生|教育|交通|水利|水务|林业|国土|自然资源|住建|建设|规划|环保"
    r"|生态环境|市场监管|工商|质监|城管|应急|安监|农业|农机|畜牧|文旅|商务|统计|审计|信访|司法|劳动监察|路政|运管|交警"
    r"|车管|消防|供电|粮食|殡葬|扶贫|征收|拆迁|综治|不动产|公积金|住房保障|便民服务|政务服务|退役军人|发改|残联)"
)
_OFFICE = r"(?:局|分局|所|站|办|委|院|厅|中心|大队|中队|支队|科|处)"
PUBLIC_BODY_PATTERNS = (
    _PLACE + r"[^，。；！？\s]{0,8}?" + _OFFICE,
    _SECTOR + r"([^，。；！？\s]{0,3}?" + _OFFICE + r"|部门)",
    r"(街道|乡里|镇里|县里|市里|区里|乡上)的?(人|干部|领导|工作人员)",  # "街道的人说…"; not "村里的人"
    r"街道(?=(跟|和|与|伙同|勾结|串通)~6(施工|开发商|物业|老板|公司|商户))",  # "街道跟施工方串通" (blind20)
    r"(征收|拆迁|征地|驻村|扶贫|专案|督查|巡查|巡察)(工作)?(组|队)",  # a task group of a public body
)
#: A body's staff: "拆迁组的人", "县环保局的工作人员" count as people in office (JC-15).
BODY_STAFF = r"的?(人|工作人员|干部|同志|staff|officials?|officers?)(?!家)"
#: Look-alikes of the suffixes above that are private (a law firm, a beauty salon, a shopping centre).
PRIVATE_BODY_WORDS = _w("""
    事务所 律师所 研究院 研究所 美容院 电影院 剧院 养老院 洗浴中心 购物中心 健身中心 培训中心 月子中心 维修中心 商业中心
    体检中心 私立 民营 私人 私营
""")
#: No one in office is involved, in so many words: the learned verdict may not accept it either (blind46).
NO_OFFICIAL = (
    r"(不|没有?)(牵涉|涉及|牵扯)(到)?(任何)?~2(干部|公职人员|官员|领导|政府|法官|公务员)|(家里|我们|两户|两家|双方|他们)(都|也)?(是)?"
    r"~4(没有|没)(人是)?(任何)?(干部|公职人员|官员)|(跟|和|与)~8(干部|政府|村里|乡里|官员|公职人员|领导)~8(没|没有|无)(什么|任何)?"
    r"(关系|关联|牵连)|没有任何(公职人员|干部|官员)~2的?(关系|背景)",
    r"\bno (\w+ )?(public )?(officials?|government) (\w+ )?(is |was |were |are )?(involved|involvement|connection|"
    r"connections|ties)\b|\b(no|without) (any )?(official|government) (connection|involvement|position|role|ties)\b",
)
#: The writer rules out any official's part (blanked as NOT_OFFICIAL_PATTERNS, and an official merely named then does
#: not make the matter the commission's): "店主是个体户，跟干部没关系", "没有发现任何法官收受好处",
#: "工作人员是按政策办的，没有刁难我们", "no public official is involved", "I do not suggest any official misconduct".
DISCLAIMERS = (
    *NO_OFFICIAL,
    r"没有(发现)?(任何)?~6(收受?(过)?(好处|红包|钱)|索要|刁难|吃拿卡要|违纪|违规)~~8(的情况|问题)?|按(规定|政策|程序)(办事|办的?|检查|执行)|"
    r"(不是|并不是|没有)(说)?~4(谁|干部|工作人员|哪个人|谁)~2(有问题|违纪|违规|不对)|态度(很|挺|都)?(好|客气)",
    r"\bno reason to suspect (any )?officials?\b|\b(do|did) not (suggest|allege|claim) any (\w+ )?(misconduct|"
    r"wrongdoing)|\bnot (against|accusing) any official|\bno indication that any officials?\b|nobody (has )?asked "
    r"(me|us) for any (improper )?payment|\bwith no official (position|role|connection)",
    # staff named only for doing their job: "警察来做了登记，说会查", "村干部很关心，也帮我找过人",
    # "残联的工作人员态度很好"
    r"(工作人员|干部|村干部|警察|民警|执法人员|法官|医生)~~12(按规定|按政策|依法|态度(很|挺|都)?(好|客气)|很关心|"
    r"帮(我|我们)?~4找|也在协调|做了登记|说会查|解释(说)?|说~8(经过|公示|统一调整|按规定))|(我|我们)(也)?没有意见",
    r"(派出所|警察|民警)~4(处理了|来处理|处理过)(?!~4(不公|不对|偏|包庇|收))",
    # praise, not a report: "our new party secretary is a good guy honestly", "想表扬一下我们村书记"
    r"\b(is|was) a (really )?(good|great|decent|fine) (guy|man|woman|person|official|leader)\b|just wanted to say "
    r"thanks|(是个|是一个|是位)好(官|干部|书记|领导|村长)|想表扬|表扬一下",
    r"\b(staff|officials?|officers?|police) (\w+ ){0,3}(were|was|have been|has been) (polite|courteous|helpful|correct)"
    r"|\b(they|officials|staff) (simply |only )?(followed|applied) the (rules|policy|regulations)",
)
#: Mentions that make nobody an official: a denial ("他不是党员也不是干部"), a job as a goal ("帮我孩子进公务员"),
#: an impostor ("冒充纪委工作人员": fraud, police §3.3). Blanked before officials are looked for.
NOT_OFFICIAL_PATTERNS = (
    r"(不是|并非|既不是|又不是|没有|没当过?)(什么|啥|个|真的)?(党员|干部|公务员|官员|公职人员|领导|村干部|官)",
    r"((能|可以)?帮~6)?(进|考|当上|考上|入)(公务员|编制|事业单位|党)|入党",
    r"我要?(找|见)(你们)?的?领导|你们的?领导",  # the reporter asks for the commission's leaders
    r"(不是|并非|不属于|又不是|也不是|非)(什么)?(国企|国有|央企|国营|事业单位|公立|公办)(企业|单位)?",
    r"\bnot (a |an )?(state-owned|state|public|government)\b|\bofficial (account|website|channel|app|page)\b",
    r"\bnot (a |an )?(\w+ )?(official|civil servant|cadre|party member|public servant)s?\b",
    # a letter's salutation names the office written to, not one reported: "尊敬的县纪委监委领导：",
    # "To the Commission,"
    r"^(尊敬的|敬爱的)?(各位)?(县|市|区|省|乡|镇)?(纪委|监委|纪检|监察委|信访室|信访办|来信来访办公室|领导|同志|负责人|的|"
    r"你们|您|各位){1,6}(好)?[!！]?[:：,，]",
    r"^(to|dear) (the |all )?(\w+ ){0,7}(commission|officials?|sirs?( or madam)?|leaders?|committee|office|inspection|"
    r"supervision|comrades?)\b[^:,.]{0,40}[:,]",
    *DISCLAIMERS,
    r"冒充~10?(纪委|监委|工作人员|警察|公安|民警|法官|检察官|领导|干部|客服|公检法|官员)(的?工作人员)?",
    r"冒充~2[\u4e00-\u9fff]{1,6}(办|局|所|站|委|院|中心|部门)的?(人|工作人员|干部)?",  # "冒充扶贫办的人上门" (blind35)
    r"\b(posing as|posed as|pretend\w* to be|impersonat\w*) (a |an |the |our )?[a-z ]{0,30}?\b(head|secretary|officer|"
    r"official|cadre|policem[ae]n|police|cop|inspector|staff|worker|director|mayor|chief|judge)s?\b",
    r"\b(says?|said|claim\w*) (he|she|they) (is|are|was|were|'s) (a |an |the |from (the )?)?[^.,?!]{0,20}?\b(officer|"
    r"official|"
    r"staff|cadre|policem[ae]n|police|judge|inspector)s?\b",  # "someone on wechat say he is 纪委 officer" (blind42)
    r"\b(call|calling|called|phone|ring) (the )?(police|cops)\b",  # "nobody wants call police for boxes" (blind45)
)
IMPOSTOR_PATTERN = (
    r"冒充|假冒|自称是?~6(纪委|监委|领导|警察)|(打电话|来电话|发短信|打来)~4说(他|她)?是~4(纪委|监委|纪检)|"
    r"(有个?人|一个人|对方|网友)~10说(他|她)(自己)?是~6(纪委|监委|纪检)"
)
#: ... and asks for money: a fraud, for the police, whatever else the text asks or names (blind27, blind30).
IMPOSTOR_MONEY = r"保证金|转账|汇款|交钱|打钱|手续费|安全账户|(交|转|汇|打)~4(万|千|块|元)"
#: Family, neighbours, friends: "邻居是镇干部", "隔壁住的是副局长", "村长是我舅舅", "我叔叔在县公安局上班" say the
#: official is the reporter's private relation: a quarrel with him is a private dispute (XF-37) unless office is used.
RELATION_WORDS = _w("""
    邻居 邻里 隔壁 对门 楼上 楼下 前夫 前妻 老公 丈夫 老婆 妻子 媳妇 婆婆 公公 岳父 岳母 丈母娘 女婿 儿媳 妯娌 亲家 同学
    朋友 叔叔 舅舅 姑姑 姑父 姨妈 姨父 伯伯 大伯 我爸 我妈 父亲 母亲 哥哥 弟弟 姐姐 妹妹 我哥 我弟 我姐 我妹 表哥 表弟
    堂哥 堂弟 亲戚 姐夫 妹夫 嫂子 弟媳 连襟 男朋友 女朋友 对象 房东 合伙人 neighbour neighbor uncle brother husband wife
""")
#: "{rel}" is filled with RELATION_WORDS; the official must follow (or, in the second, precede) within a few
#: characters, so that "我家邻居的孩子就是交了钱才进的" (a witness) is no relation.
RELATION_THEN_OFFICIAL = r"(?:{rel})(?:家)?(?:都|也|就)?(?:是|在|当|住的是|住着)|(?:{rel}) (?:is|works)"
OFFICIAL_THEN_RELATION = r"是(?:我|我们|俺)(?:家)?的?(?:{rel})"

# -- what: misconduct in office (R-4, JC-15) -----------------------------------------------------------------
#: Only someone with public power does these: naming one is enough to accept (A1, A2).
MISCONDUCT_STRONG = _w("""
    挪用 挪用公款 截留 侵占 私分 私留 私吞 中饱私囊 据为己有 套取 冒领 冒名 虚报 优亲厚友 吃拿卡要 公车私用 公款
    公款吃喝 公款旅游 大操大办 违反八项规定 四风 滥用职权 以权谋私 权钱交易 利用职权 职务之便 利益输送 徇私舞弊 徇私枉法
    玩忽职守 吃空饷 吃空额 保护伞 官商勾结 违规招标 围标 串标 陪标 暗箱操作 内定 萝卜招聘 跑官要官 买官卖官 卖官
    违规发放 乱发福利 滥发 小金库 借机敛财 敛财 逼捐 强制捐款 吃回扣 回扣 好处费 权色交易 违规提拔 任人唯亲 骗取补贴
    骗补 骗保 骗医保 套保 违规经商 雁过拔毛 优亲 厚友 沾亲带故 形象工程 面子工程 政绩工程 贿选 拉票 蛀虫 kickback
    kickbacks embezzle embezzled embezzlement 形式主义 官僚主义
""")
#: Names of an offence: alone ("有人贪污") a report without content (三个不受理 3), so ask who; they count once an
#: official, a public body or public money is in the text.
OFFENCE_NAMES = _w("""
    贪官 贪污 贪腐 腐败 受贿 行贿 索贿 不作为 乱作为 慢作为 骗取 侵吞 bribe bribes bribery corrupt corruption
""")
#: Acts that only name an offence ("村里的干部都贪"): no account of what happened (三个不受理 3).
LABEL_ACTS = _w("贪 捞 违规 违法 违纪 手脚不干净 经济有问题 乱收费 乱罚款 乱摊派 违规收费")
PUBLIC_MONEY = _w("""
    扶贫 低保 补贴 补助 补偿款 征地款 拆迁款 救灾 救济 专项 经费 财政 集体 村里的钱 公家 国家的钱 医保基金 党费
    budget budgets
""")
STYLE_WORDS = _w("形式主义 官僚主义 作风 风气 四风 八项规定")
#: Acts that are misconduct when a public official does them (a shop's fee is not; a cadre's "fee" is).
MISCONDUCT_ACTS = _w("""
    收钱 要钱 拿钱 塞钱 索要 好处 红包 礼金 购物卡 超市卡 收礼 送礼 随礼 宴请 请吃 吃请 吃喝 报销 乱收费 多收 违规收费
    乱罚款 乱摊派 摊派 刁难 推诿 踢皮球 打招呼 插手 包庇 纵容 打击报复 报复 打压 穿小鞋 偏袒 违规 违法 违纪 吞了 贪 捞
    关系户 走后门 不给办 不办事 拖着不办 卡着 为难 偷工减料 打点 克扣 串通 挂名 公车 警车 公务车 代打卡 脱岗 不在岗
    玩手机 有股份 干股 入股 签单 倒卖 分成 后台 撑腰 罩着 看场子 手脚不干净 经济有问题 多量 多领 多报 多占 多拿 多算
    多分 多批 通风报信 报信 勾结 tipped_off tips_off protects shields covers_for usury took_money took_bribes took_cash
    takes_money asked_for_money demanded_money pocketed pockets stole steals
    embezzles misappropriated diverted siphoned skimmed extorted extorts
""")
#: Personal conduct of a party member or official (A1 生活纪律), whoever reports it, family included.
CONDUCT_ACTS = _w("赌博 赌钱 打麻将赌 包养 情妇 情人 小三 婚外情 酒驾 醉驾 嫖娼 吸毒 酒后开")
#: Acts between people: misconduct by an official, but a private dispute when he is the reporter's relation.
INTERPERSONAL_ACTS = _w("打人 骂人 骂我 辱骂 推搡 殴打 威胁 霸占 强占 欺负")

#: Money, favour, coercion and retaliation constructions: misconduct when an official or public body is named
#: (A1, A2); without one ("有人收钱") the text stays unclear (R ch.2 (3)).
OFFICIAL_ACT_PATTERNS = (
    # gambling for stakes: "区财政局的党员 天天晚上家里组局打牌 输赢上万" (blind40; a neighbour's report all the same)
    r"(打牌|打麻将|斗地主|麻将|牌局|组局)~~12输赢~4(上万|几万|几千|\d+万|\d+千)|输赢~4(上万|几万|\d+万)",
    # meals with one side of a case, an old woman's card kept: "the judge … had dinner with my husband's lawyer",
    # "the community worker took her pension card and never gave it back"
    r"\b(had|has|have|having) (dinner|meals?|drinks?|lunch|banquets?)\b.{0,20}\bwith (my|the|his|"
    r"her) (\w+'?s? )?(lawyer|"
    r"opponent|other party|developer|contractor)|\btook (my|her|his|our) (\w+ )?(card|cards|passbook|id|documents?|"
    r"certificate)\b.{0,40}\b(never|didn'?t|won'?t|not) (give|gave|return|returned)",
    # taking (收受, 索贿): 收了被告家属20万, 收了老板的好处, 攞咗扶贫款, 私下要了两万
    r"((?<!没)收(?!费)|拿|索要|索取|吃|捞|揣|收受|讹|攞|袋)(了|咗)?~~10?(钱|现金|红包|好处|回扣|礼金|购物卡|超市卡|油卡|烟|酒"
    r"|茅台|中华|礼|补偿款|补助款|救济款|扶贫款|征地款|拆迁款|" + _N + ")",
    r"(要|让|得|必须)(先)?(给|交|塞|送|拿)~~10?(钱|费|红包|好处|点|\d)",
    r"(要|讹|找我要|索要)了?" + _N + r"|私下~8(要|收|拿|给)",
    r"(要|收|拿|索要)了?~4[一两几\d]+(箱|条|瓶|盒|张|桌|只|斤|袋|桶)",  # 要了两条中华
    r"意思意思|表示表示|懂(点)?规矩",  # asked for a favour in so many words
    r"((?<!没)收|拿|要|白占|白住)(了|咗)?~4[一两几\d]?(套|辆|块|栋|间)~2(房|房子|车|门面|商铺|地|表)",  # 收了一套房
    r"(要|收|拿|送|给|塞)了?~~12才(给|肯|帮|同意)?(办|批|盖章|签字|放行|通过|过)",  # gift first, service after
    # giving (行贿): 给5000就算了, 塞了两条烟才给办, 只要交一千就能办, 送了两箱茅台, 10个点
    r"(给|交|塞|送|上交|花)了?~8?" + _N + r"~4?(就|才)", r"只要(交|给|送|花|出)~8就(能|可以|给|帮)", r"\d+个点",
    r"(塞|送)了?~6?(钱|红包|烟|酒|卡|东西|礼品|礼物|[一两几\d]+(箱|条|瓶|盒|张|万|千))", r"(找|托)了?~8的?(关系|门路)",
    # invented fees, in quotation marks or by name (乱收费): "追赃费", "赞助费", 跑腿费; no receipt
    r"[“\"'‘]([^”\"'’]{0,5})(费|经费|补贴|福利)[”\"'’]", r"[“\"](借|自愿|顺便|赞助|考察)[”\"]",
    r"(收|要|交|缴|摊|扣|说是|算是|名义)~6(手续费|管理费|辛苦费|跑腿费|介绍费|赞助费|中介费|茶水费|误餐费|年货费|办案经费|保证金)",
    r"不开票|不开发票|不给收据|没收据|没有收据|没有票|不给票|白条|没有(任何)?(文件|手续|依据|批文|票据|收据)",
    # withholding, pocketing, diverting (截留, 侵占, 挪用): 克扣营养餐补助, 差价被村干部拿了, 拿去放贷
    r"(扣|克扣|截|抽|吃|抠)了?~8(费|差价|补助|补贴|补偿|经费|款|绩效)",
    r"(钱|费|补助|补贴|补偿款?|救助金?|救济金?|抚恤金?|优抚金?|养老金|差价|差额|绩效)~12(扣了|扣下|截留|拿了|拿走|吃了|分了|揣)",
    r"(拉|搬|运|弄|拿)(到|回|去)(他|她|自己)(的|家)?(儿子|女儿|家|厂|店|公司)?",
    # money drawn for works never done: "去年刚拿了改造的钱 线一根没换" (blind17)
    r"(拿|领|收|批|申请)了?~6(改造|项目|修路|维修|工程|建设|整治)的?(钱|款|经费|资金)~~24(一根|一米|一块|一点|啥|什么)?(也|都)?没~4(换|修|做|建|动|干|铺)",
    r"(名额|指标|低保|编制|岗位|职位|公章|证明|集体的?|村里的?|公家的?|扶贫|救灾|物资|设备)~8(卖|变卖)(了|钱|给)",
    r"(自己|个人)(收|拿|用|花|吞|留|揣|分)(了|走|着|提成|分成|差价)|归(了)?(自己|个人)",  # self-serving
    r"(拿|开|拉|搬|带)回(自己)?家~4用|私自~6(用|开|卖|拿|处理)",
    r"(拿|挪|借|弄)(去|走|出去)~4(放贷|放高利贷|高利贷|炒股|赌|买车|买房|装修|还债|做生意|投资|盖房)",
    r"(用|拿|挪)~6(公司|单位|村里|集体|局里|院里|所里|财政|专项|扶贫)的?(钱|款|经费|资金|车|设备|挖掘机|材料)",
    r"(钱|费|账)~8(都是|全是|全由|由)?(村里|单位|集体|局里|公司|院里)(出|报|掏|买单|结|记)",
    r"(挂在|挂到|记在|走的?是?)~4(接待|公务|单位|村里|集体|项目)", r"发票~6(都是|开成|写成|写的)",
    r"发~8(超市卡|购物卡|购物券|消费卡|过节费|防暑降温费|奖金)", r"摆了?~4\d+多?桌|流水席|大摆宴席",
    r"(钱|款|经费|资金)~6(去哪了|去向不明|不知去向|下落不明)",
    r"(账目|帐目|账本|帐本|账)~6(不公开|看不到|不让看|没公开)", r"(拿|偷偷)出去卖|私自(卖|变卖|处理)",
    r"帮~8(骗|套|造假|伪造|作假)",
    r"(签字|签名|按手印)~~16(没|没有)(发|到|给|拿到)|没(发到|到|给到)(我们|我)?手(上|里)",
    r"(死了|去世|已故|死人)~~10(名义|名字|名下)",
    # coercion (吃拿卡要, 乱摊派): 不给就扣车, 不交年底考核就垫底, 不买就调岗, 带人把苗铲了
    r"不(给|交|送|塞|买|捐|签)~6(就|的话)~8(扣|掀|罚|不给办|不让|不批|调岗|垫底|拆|抓|不合格|难|查|不给过|不通过|不过)",
    r"(不然|否则)(就)?~6(来查|查账|罚|不给办|卡)", r"(强制|逼着?|必须)~6(买|购买|捐|入股|消费|用)",
    r"(用|找|买)(他|她)(介绍|指定|推荐|亲戚)的", r"(带人|带着人|叫人|派人)~10(铲|拆|推|砸|毁|挖|强)",
    # favouritism (优亲厚友, 利益输送): 跟老板是酒友, 是他同学, 一起钓鱼吃饭, 一看是他家就走了, 都是他家的人
    r"(跟|和|与)~10是(酒友|牌友|亲戚|同学|老乡|战友|朋友|哥们|铁哥们|亲家|连襟|情人|把兄弟)",
    # a case handler tied to the other side, or not stepping aside (回避: XF-28 ¶3, JC-67)
    r"是(对方|被告人?|原告|对方老板|对方律师|老板|开发商)~6的?(酒友|牌友|亲戚|同学|老乡|战友|朋友|哥们|亲家|连襟|情人)",
    r"(没|不|没有|拒绝|也不|都不)(申请)?回避",
    r"是(他|她)的?~4(酒友|牌友|亲戚|同学|老乡|战友|朋友|哥们|小舅子|连襟|外甥|侄子|表弟|表哥|情人|亲家)",
    r"(一起|一块|经常|天天)~4(吃饭|喝酒|钓鱼|打牌|打麻将|唱歌|洗脚|旅游|打高尔夫)",
    r"请(?!问|求|示|教)~12(吃饭|喝酒|吃喝|唱歌|洗脚|吃)",
    r"(一看|知道|听说|发现)是~8(家|的人|亲戚|关系)~3(就|便)~4(走|不管|放|算了|撤)",
    r"认识~8(所长|局长|领导|书记|主任|镇长|人)~10(就|当天|马上|立马)~4(办|批)", r"一言堂|说了算",
    r"(都是|全是|全给了?|全整给|全分给)~6(他|她|他们|自己)?(家|老\w家)~4(的人|亲戚)",
    r"(给|分|批|安排|评|整|弄)(给)?了?.{0,6}(自己|自家|他|她|他们)(家)?的?(亲戚|家人|亲属|儿子|女儿|女婿|老婆|弟弟|哥哥"
    r"|侄子|小舅子|连襟|外甥)",
    r"(批|审批|办).{0,6}(给|了).{0,6}(亲戚|自家|他家|儿子|老婆|小舅子)", r"不符合条件~10(批|给|评|办|领|进)",
    r"(名额|指标|低保|补贴|补助|救助|危房|贫困户)~~16(给|评给|分给|批给)了?~8(有楼房|有车|有房|有钱|条件好|不符合|不困难"
    r"|开着|自己人|关系户|他们自己)",
    r"(给|帮|替)~10(亲戚|小舅子|儿子|女儿|老婆|朋友|同学|司机)~6(批|办|安排|弄|卖|租)",
    r"(给|帮|替)(他|她)(家|自己家)?~6(免费|白干|不要钱|白修|白盖)", r"(安排|弄|塞)(进|进来|进去)|不考试",
    r"(市场价|正常价|别人)的?~4[两三四五几\d]倍", r"(用|找)(他|她)?自己(家)?的?(施工队|工程队|公司|亲戚)",
    r"(老板|商人|开发商|公司)~8(借|送|给)~2(他|她|他们)~6(车|房|钱|卡)",
    r"(带|拉)(着)?(老婆|孩子|家人|朋友|情人)~8(住|玩|吃|赶集|旅游|宵夜)",
    r"(接待|工程|采购|生意|业务)~10(都|全)(安排|给|在)~6(她|他)(家|那)",
    # retaliation, neglect of duty (打击报复, 不作为): 派了民警来我家查, 告状的人别想办事, 上班玩手机, 一直推
    r"(告状|上访|举报|反映)~~16(报复|穿小鞋|不给办|别想|点名|骂|停了|取消|收回|抓)",
    r"(吵架|吵了|闹矛盾|有矛盾|告状|举报|上访|得罪)~~8(以后|之后|后)~~12(就|便)~~10(查|罚|抓|带走|封|拆|停|卡)",
    r"(派|叫|让|喊|带)了?~8(来|到|上)~4(我家|我们家|家里|门|店)~6(查|搜|抓|罚|拆|封)",
    r"(给|跟|和|与)(对方|被告|原告|对方律师)~6(打电话|见面|吃饭|通气|联系)|私下(见|联系|接触|通气)",
    r"(上班|窗口|办公室|值班)~10(玩手机|耍手机|看手机|打游戏|玩游戏|睡觉|聊天|炒股|看视频|打牌|刷抖音|刷视频|刷手机)",
    r"态度~6(差|恶劣|蛮横|凶)~~30(扔|摔|骂|吼|翻白眼|吓哭|赶出)|(材料|本子|证件|申请表)~4(往外|扔|摔)(了)?",
    r"一边(刷|玩|看)~3(抖音|快手|手机|游戏|视频)~~6一边", r"一直推|推来推去|互相推|拖着不|拖了~4不",
    r"(窗口|办公室|大厅|局里|所里)~~12(提前|早早|[一二三四两\d]+点(多|半)?就)~4(关门|下班|锁门|走人|没人)",
    # English
    r"\b(took|takes|taking|accepted|accepts|received|demanded|demands|asked (me |us )?for|extorted|got|wanted|wants)\b"
    r".{0,25}"
    r"\b(money|cash|bribes?|gifts?|fees?|kickbacks?|\d[\d,.]*|yuan|rmb|red envelopes?|cigarettes|liquor)\b",
    r"\b(public|official|government|collective|village|relief|poverty|subsidy) (car|vehicle|money|funds?|land)\b",
    r"\b(dinner|drinks|lunch|meals?|dined|ate|gambl\w*|fishing|golf)\b.{0,20}\bwith (the )?"
    r"(other (side|party)|defendant|plaintiff|boss|developer|contractor|owner)",
    r"\blent (out )?.{0,30}\b(money|funds|compensation)\b|\bhigh interest\b",
    r"\b(keeps?|kept|withdr[ae]w\w*|withh[eo]ld\w*|took|takes|uses?|used)\b.{0,40}\b(himself|herself|themselves"
    r"|for (his|her|their) own)\b",
    r"\b(embezzl|misappropriat|pocket|siphon|divert|skim)\w*|\bkept the money\b|\bin exchange for\b",
    r"\bmakes? .{0,30}\bpay\b|\bor (else )?(he|she|they)('ll| will)? (gives?|fails?|punish|fines?|refuses?)\b",
    r"\b(gave|gives|give|awarded|allocated)\b.{0,40}\bto (his|her|their) (own )?(relatives?|brother|sons?|daughter|wife"
    r"|husband|friends?|nephew|cousin|family)\b",
)  # fmt: skip
#: An official's relatives or friends drawing public benefits or contracts ("村支书的闺女…也领着低保",
#: "工程是局长的同学包的"). "{official}" is filled with OFFICIAL_PERSONS, "{kin}" with KIN.
KIN = _w("""
    闺女 女儿 儿子 女婿 老婆 媳妇 亲戚 小舅子 弟弟 哥哥 侄子 侄女 外甥 家属 家人 连襟 表弟 丈母娘 爹 妈 同学 朋友 老乡
    战友 司机 秘书
""")
_BENEFIT = (
    r"(低保|补贴|补助|救济|扶贫|名额|指标|空饷|贫困户|廉租房|公租房|危房"
    r"|承包|中标|挂靠|工程|项目|挂名|领|包的|包了|开的|开了|接待|生意)"
)
OFFICIAL_KIN_PATTERN = (
    r"(?:{official})(?:他|她)?(?:的|家的?|家里的?)?(?:{kin})~~24" + _BENEFIT
    + r"|(低保|补贴|补助|救济|扶贫|贫困户|廉租房|公租房|危房|名单)~~16"
    r"(?:{official})(?:他|她)?(?:的|家的?)?(?:{kin})"
)  # fmt: skip
#: An official's own family in a 政法 complaint ("打人的是所长的儿子，派出所不立案"): maybe shielding (包庇), so
#: the complaint is accepted, not referred as 涉法涉诉 (rules.md §3.2: doubt → accept). Same fillers as above.
SHIELDED_KIN_PATTERN = r"(?:{official})(?:他|她)?(?:的|家的?)(?:{kin})"
#: An explicit report of a named official ("举报我们村委会主任…", "查查城关派出所所长"): an accusation even if the
#: matter also has a policy or court side (§3.2: doubt → accept). "{official}" is filled with OFFICIAL_PERSONS.
EXPLICIT_REPORT_PATTERN = (
    r"(举报|检举|控告|揭发|告发|查查|查一查|查一下)~~25(?:{official})"
    r"|(?:{official})~~20(查一查|查查|查一下)"
)
#: A money-for-service story told of nobody in particular ("有人收了我的钱不办事": an official or a fraudster?)
#: and an unnamed "单位" owing money (public or private, wages or a contract?): ask (R ch.2 (3)), unless a private
#: actor is named (PRIVATE_ACTORS: then it is a fraud or a contract matter).
AMBIGUOUS_PATTERNS = (
    r"(有人|他们|人家|那人|那个人|对方)~4(收|拿)了?~6钱~4不(办事|给办|办)",
    r"^(我们?)?(的)?单位~4欠",
)
PRIVATE_ACTORS = _w("网上 网友 微信上 骗子 老板 公司 商家 平台 陌生人 中介 包工头 房东 私人 朋友 亲戚 老乡")

# The stand-alone misuse-of-office constructions (A1, A2): core/scope/office_use.py.
# The appeals and suggestions (A3–A6): core/scope/appeals.py.
from core.scope.appeals import (  # noqa: E402
    APPEAL_PATTERNS,
    APPEAL_REASONS,
    CLEARING_PATTERNS,
    CONTEST,
    MEASURE_COMPLAINTS,
    MEASURE_ELSEWHERE,
    MEASURE_OURS,
    PROCEDURE_PATTERNS,
    SUGGESTION_PATTERNS,
)
from core.scope.office_use import OFFICE_USE_PATTERNS  # noqa: E402

# The rest of the rules, re-exported here so the engine reads one module.
from core.scope.referrals import (  # noqa: E402
    FAQ_OVER_REFERRAL,
    FAQ_PATTERNS,
    IMPOSTOR_TAKES,
    OBJECTION_BARE,
    OBJECTION_ELSEWHERE,
    OBJECTION_OURS,
    OBJECTION_PATTERNS,
    PRIVATE_FIRM_THEFT,
    REFERRAL_NEUTRAL,
    REFERRALS,
    Referral,
)
from core.scope.urgent import URGENT_EXCEPTIONS, URGENT_PATTERNS  # noqa: E402

__all__ = ["APPEAL_PATTERNS", "APPEAL_REASONS", "CLEARING_PATTERNS", "CONTEST", "FAQ_OVER_REFERRAL", "FAQ_PATTERNS",
           "IMPOSTOR_TAKES", "MEASURE_COMPLAINTS", "MEASURE_ELSEWHERE", "MEASURE_OURS", "OBJECTION_BARE",
           "OBJECTION_ELSEWHERE", "OBJECTION_OURS", "OBJECTION_PATTERNS", "OFFICE_USE_PATTERNS",
           "PRIVATE_FIRM_THEFT", "PROCEDURE_PATTERNS", "REFERRALS", "REFERRAL_NEUTRAL", "SUGGESTION_PATTERNS",
           "URGENT_EXCEPTIONS", "URGENT_PATTERNS", "Referral"]  # fmt: skip
