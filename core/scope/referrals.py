"""Where out-of-scope matters go (rules.md §3.3) and questions about the process (the FAQ), as data.

Same conventions as core/scope/rules.py (word lists, ``~n`` gaps in patterns).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.model import ReferTo
from core.scope.words import _N, _w

# -- out of scope: where to go (rules.md §3.3) ---------------------------------------------------------------


@dataclass(frozen=True)
class Referral:
    refer_to: ReferTo
    words: tuple[str, ...]
    patterns: tuple[str, ...]  # each pattern that matches counts 2, each word 1
    rule: str
    #: Phrases that settle the body whatever else matched: the complaint is about how an organ handled the
    #: matter ("报警后派出所不立案" is not a theft for the police to take up again), not about the matter itself.
    decisive: tuple[str, ...] = ()
    #: (pattern, reason key): a more precise reason than scope.reason.refer.<body> when the pattern matches.
    reasons: tuple[tuple[str, str], ...] = ()


#: The police, a procuratorate or a court as the one complained of ("报警了派出所不管"): for POLITICAL_LEGAL.
_ORGAN = (
    r"(公安|派出所|警察|民警|警方|刑警|经侦|刑侦|公安局|分局|检察院|检察官|法院|法官|\b(police|procuratorate|court)\b)"
)
_POLICE = r"(公安|派出所|警察|民警|警方|刑警|经侦|刑侦|公安局|交警|\bpolice\b)"
_NOT_FILED = (
    r"(不(给|予|肯|愿意?|帮)?(我|我们)?立案|立不(了|上)案|没(有|给)?立案|立案难|不受理|不管|没人管|不出警|没出警"
    r"|没(有)?下文|撤案|销案|案子~4撤|不查了|没线索|不侦查|停止侦查|破不了|没抓到|抓不到|没(有)?抓住"
    r"|(没|没有|毫无|一点)~4(进展|动静)|(进展|动静)~4(没有|都没)"
    r"|(还|一直|至今)没(有)?结果|\bclosed (the |my |our |his |her )?(investigation|case|file)\b|\bno leads\b"
    r"|\b(never|not|didn'?t|did not|refused to|refuses to|won'?t|would not)"
    r" (open|opened|file|filed|register|registered|investigate|investigated|take|took)"
    r" (a |the |my |our |any )?(case|report|complaint)?)"
)
#: The police did not open or did not handle a case: 检察院立案监督, not "call 110" again.
_POLICE_NOT_FILED = _POLICE + r"~~24" + _NOT_FILED + r"|报(了)?警~~24(不管|没人管|没人理|不立案|不出警|没出警|不受理)"
#: Private-sector staff (民营企业人员): no public office (JC-15), so taking the firm's money is 职务侵占 or 挪用资金
#: for the police, not a commission matter (rules.md §3.1 last line).
_PRIVATE_FIRM = (
    r"(民营|私营|私企|私人(老板|公司|企业|开的|的)|纯私人|(个人|自家)开的|个体|外企|外资|家族企业"
    r"|(不是|并非|非)(国企|国有|央企|国营)|\bprivate(ly owned|ly-owned)? (company|firm|business|factory|shop)"
    r"|\bprivately owned\b)"
)
_FIRM_THEFT = (
    r"(挪用|挪(去|走|到|给)|侵占|私吞|吞了|卷走|卷跑|卷款|携款|据为己有|中饱私囊|卷了~8(跑了|跑路|走了)"
    r"|(吃|拿|收)~8回扣|做假账|假账|偷偷转|转到~6(自己|个人)"
    r"|\b(kickbacks?|embezzl\w*|pocket\w*|misappropriat\w*|ran off with|absconded with|stole))"
)
#: Such a theft told with the firm's private status: no public office is involved (read by classify too).
PRIVATE_FIRM_THEFT = (_PRIVATE_FIRM + r"~~40" + _FIRM_THEFT, _FIRM_THEFT + r"~~40" + _PRIVATE_FIRM)
#: A lending app's collectors shaming a borrower before her contacts: the police, whoever she owes (blind43).
_COLLECTORS = r"\b(debt |loan )?(app )?collectors?\b.{0,60}\b(photos?|pictures?|contacts)\b|催收~~30(通讯录|p图|照片)"
#: Someone (nobody in office) posing as another to take money: "有人在家长群冒充班主任收资料费 好几个家长都转了钱"
#: (blind34). Fraud for the police, whoever is impersonated (XF-31(5)).
IMPOSTOR_TAKES = (
    r"(有人|有个人|一个人|骗子|陌生人|someone|a man|a woman|a stranger)~8(冒充|假冒|装成|假装是|pos(ed|ing) as|"
    r"pretend\w* to be)~~30(收|转|汇|打|交|骗|要|paid|pay|transfer\w*|sent|collect\w*)~12(钱|账|款|费|\d|money|fees?)",
    # "有人在村里挨家收养老保险的钱 说是政府新项目 … 收完人就找不着了" (blind42)
    r"(有人|有个人|几个人|一伙人|一帮人|陌生人)~~40(说是|自称|说他们是|说自己是)~6(政府|镇里|乡里|县里|社保|医保|民政|村委|上面|国家)"
    r"~~40(找不着|找不到|联系不上|跑了|不见了|没影了|失联|打不通)",
    # "一个自称律师的人收了我一万 说能把儿子从看守所弄出来 然后人就联系不上了" (blind44)
    r"(一个|有个|有人)~6自称~8(律师|记者|领导|干部|警察|法官|纪委|有关系)~~40(收|拿|骗|要)(了)?~8(钱|万|千|块|\d)~~30(联系不上|找不到|"
    r"不见了|跑了|拉黑)",
    # "说是国家扶贫项目 交2000块入会 以后每个月返500 … 现在办事处关门了人找不到" (blind43)
    r"说是~4(国家|政府|扶贫|民政|社保|医保|上面)~8(项目|政策|补贴|工程)~~60(关门|跑了|找不到|联系不上|人去楼空|不见了)",
    # "someone on wechat say he is 纪委 officer, can settle my husband case for 50k" (blind42)
    r"\b(someone|somebody|a man|a woman|a stranger|a guy)\b.{0,30}\b(says?|said|claim\w*) (he|she|they) (is|are|was|"
    r"were)"
    r"\b.{0,60}(\d+ ?k\b|\d+ ?(yuan|rmb)|\bmoney\b|\bpay\b|\btransfer)",
)

REFERRALS = (
    # 涉法涉诉: the citizen contests what a 政法机关 decided or did in a case — the police did not file or dropped
    # it, the procuratorate did not prosecute or protest (不予抗诉), a retrial petition was dismissed, police
    # procedure (XF-22 ¶2, XF-31(1); 诉访分离). It goes to the organs' own channels: 检察院立案监督 and 检察监督
    # (12309), 法院申诉/再审 (诉讼服务中心, 12368), 公安督察 and 执法监督 (12389), 司法局 (12348). Choice kept with
    # the tuning set: a judgment one thinks wrong, still open to appeal or retrial ("法院判决不公"), stays JUDICIAL
    # (rules.md §3.3 lists "losing a case" there); misconduct of the staff (a judge or officer taking money,
    # shielding a relative, 徇私枉法) is accepted before any referral (rules.md §3.2 key judgement).
    Referral(ReferTo.POLITICAL_LEGAL, _w("""
    抗诉 不予抗诉 不抗诉 不起诉 不起诉决定 不批捕 立案监督 检察监督 民事检察监督 行政检察监督 刑事申诉 涉法涉诉
    执法监督 督察 撤案 销案 不予立案 立案难 不出警 超期羁押 羁押 取保候审 国家赔偿 12309 12368 12389 12348 涉诉 涉法
    再审申请 申请再审
    """), (
        _ORGAN + r"~~24" + _NOT_FILED,
        r"报(了)?警~~24(不管|没人管|没用|没人理|不处理|不立案|不出警|没出警|没下文|不受理)",
        r"(再审|申诉|监督申请)~~12(驳回|被驳回|不予受理|不受理|没有?下文|不支持)",
        _POLICE + r"~~20(执法|办案|审讯|询问)~~12(不规范|程序违法|程序不对|违反程序|不公正|不依法)",
        _ORGAN + r"~~24(扣押|查封|冻结|扣了|扣着)~~24(不还|不退|不解冻|不给|不放|没还|没退)",
    ), "XF-22 ¶2, XF-31(1); 涉法涉诉", decisive=(
        # enforcement of a judgment not carried out, no money or favour alleged (法院执行不力: 执行监督)
        r"执行~~16(不到位|没到位|未到位|没执行|没有执行|不执行|终本|终结本次|执行不了|执行不回|没有?结果)"
        r"|执行了?~4[两三四五几半\d]+~2(年|个月)~~12(没|还没|未|也没)"
        r"|(法院|法官|执行局)~~24(没(有)?执行|不执行|执行不力)",
        _ORGAN + r"~~24(定性|认定)~~8(错|不对|有误|不公)",
        # a police penalty contested (派出所处罚不公: 公安督察, 行政复议); traffic fines stay GOVERNMENT
        r"(派出所|公安|民警|警察|警方)~~24(罚|处罚|拘留)~~24(不公|不服|冤|不对|不合理|有?异议)",
        _POLICE_NOT_FILED,
        r"不予?抗诉|涉法涉诉|立案监督|检察监督|法律援助|12348",
        r"(检察院|检察官|公诉)~~20(不起诉|不批捕|不抗诉|驳回|不受理|不支持)",
        r"(再审|刑事申诉|监督申请)~~12(驳回|被驳回|不予受理|不支持)",
        # a final or criminal judgment contested, a case downgraded by the police: 申诉, 抗诉 request, 立案监督
        r"驳回~~12(再审|申诉|上诉)|(二审|终审)~~12(维持|驳回)|维持原判|(刑事)?判(决|得)?~4太轻|判~6缓刑~~12(不服|太轻)"
        r"|判(得)?~2(太|过)?(重|轻)了|定成(了)?~4(民事|纠纷)|不(给|予)?立刑事案|rejected (my|our|the) appeal"
        r"|upheld the (verdict|sentence|judgment)|sentence (is |was )?too (light|lenient)",
        _ORGAN + r"~~12(处理结果|处理意见|处理决定|处理)~~12(不满意|不服|有?异议|不公|不认可)",
        r"(事故认定|责任认定)~~12(不服|不认可|有?异议|不公|不对)|(不服|不认可|有?异议)~~12(事故认定|责任认定)",
        r"(申诉|再审)~~24(没有?下文|没有?结果|一直说?在审查)",
        _ORGAN + r"~~30(案子|案件)~~12(没|没有|毫无|一点)~4(进展|动静|下文)",
        # a court that neither files nor rejects, or sits on a case: 立案难, 审限 (诉讼服务中心, 12368)
        r"法院~~24(不(给|予)?立案|不受理|拖着不(审|判|开庭)|一直不开庭|迟迟不(审|判|开庭))"
        r"|\bcourt\b.{0,80}\b(won'?t|will not|refuses? to|refused to) (accept|register|file|hear)\b"
        r"|\bsitting on (my|our|the|his|her) (\w+ )?(case|lawsuit|suit|appeal)\b|\bwithout (a|any) hearing\b"
        r"|\bunder review for filing\b",
    ), reasons=((_POLICE_NOT_FILED, "scope.reason.refer.case_filing"),)),
    # debts, loans, guarantees, contracts, deposits, insurance claims, companies, marriage, inheritance, judgments
    # and their enforcement: the dispute itself, still in the courts' process (XF-22 ¶2, XF-31(1))
    Referral(ReferTo.JUDICIAL, _w("""
    判决 判决书 裁定 调解书 法院 起诉 官司 打官司 败诉 上诉 再审 申请执行 强制执行 执行款 老赖 失信 借款 借钱 欠钱 欠款
    借条 欠条 担保 贷款 合同纠纷 违约 违约金 离婚 抚养费 抚养权 探视 彩礼 嫁妆 夫妻共同 继承 遗产 遗嘱 房产证 产权纠纷
    律师 诉讼 一审 二审 判了 判我 法官判 押金 货款 工程款 分包款 尾款 租金 房租 还不上 保险公司 理赔 不赔 交通事故 车祸
    医疗事故 医疗纠纷 误诊 股东 章程 合伙 分红 股权 二手房 过户 定金 订金 房东 租期 租客 不认账 购房合同 理财产品 信用卡
    名誉权 侵权 lawsuit judgment deposit landlord insurance contract debt loan divorce inheritance child_support alimony
    ex-husband ex-wife 讨债 要账 债务 欠债 债主 利息 抵押 肖像权 隐私权 公证 婚前财产 法律援助 破产 倒闭 民事
    """), (
        r"判.{0,6}(不公|错了|输了|败诉|不对)", r"(改判|翻案|打赢)", r"借给~6" + _N,
        r"\b(i|we) lent (\d+|him|her|them|money|my)\b",  # "I lent 50000 to a friend in the village" (blind46)
        r"欠(了)?(我|我们|我家)~10(钱|款|万|块|元)", r"(合同|协议)~~16(不干|不履行|违约|不认|不退|跑了)",
        r"(后妈|继母|后爸|继父|哥|弟|姐|妹|嫂子)~~10(存款|财产|遗产|房子|钱)~6(转走|独吞|霸占|拿走)",
        r"借了(我|我们)~6(钱|万|块|元)", r"(欠|借)了?(我|我们)?~8(钱|万|元|块)~~12(不还|没还|赖账|还不上|不给|一分)",
        r"(银行|贷款公司)~6(让我|要我|找我)(还|要)",
        r"(货款|工程款|租金|押金|分包款|尾款|定金|预付款|首付)~~10(不给|不退|拖|没给|不付)",
        r"(仲裁|裁决|判决|调解书)~~16(不执行|不履行|拒不|不给|不赔)",  # an award not carried out: 申请法院强制执行
        r"(去世|过世|走了)~~12留下", r"(房子|遗产|财产|老房)~8(归谁|归他|归她|归我|全归|怎么分)",
        r"(撞|追尾)~~12(赔|保险)", r"事故~~12(赔|找我)", r"(手术|治疗|医生)~~10(失误|事故|出错|瘫|死)",
        r"\bowes? (me|us)\b|\b(pay|paid) (me |us )?back\b|\brepay",
        r"\b(lost|losing|lose) (my|our|the|a) (court )?(case|lawsuit|suit)\b|\b(sued|sue|suing)\b",
        r"\b(fake|forged|his|her|my (father|mother|dad|mum|mom)'?s?|the|a) will\b(?! (be|not|never|have|get|go|come|"
        r"do|take|make|pay|give|send))|\binherit\w*",
        r"\b(judgment|judgement|ruling|verdict|sentence) (is|was) (unfair|wrong|unjust|too heavy)"
        r"|\b(case|lawsuit|suit|claim)\b.{0,50}\b(dismissed|thrown out|rejected)\b|\bruled against (me|us)\b"
        r"|\bcase (is|was) closed\b|\bdisagree with the (court|judgment|ruling|verdict)|\bretri(al|ed)\b|\bre-?trial\b",
    ), "XF-22 ¶2, XF-31(1)"),
    # crimes and public order by private persons: fraud, theft, violence, threats, drugs, gambling (XF-31(5))
    Referral(ReferTo.POLICE, _w("""
    诈骗 被骗 骗子 骗了 骗走 电信诈骗 网络诈骗 传销 偷 被偷 遭偷 被透 盗窃 被盗 小偷 偷走 扒手 入室 撬锁 抢劫 抢走 抢了
    打架 斗殴 群殴 被打 打伤 砍伤 敲诈 勒索 恐吓 威胁 跟踪 尾随 偷拍 猥亵 强奸 骚扰 非法集资 集资 卷款 跑路 吸毒 贩毒
    毒品 罂粟 大麻 拐卖 失踪 走失 性骚扰 报警 报案 110 造谣 诽谤 谣言 p图 砸了 扔石头 泼油漆 泼粪 放火 纵火 投毒 逃逸
    肇事逃逸 冒用 盗用 冒充 假装 假扮 联系不上 失联 拉黑 删了我 偷挖 盗采 采砂 挖沙 网贷 套路贷 高利贷 放贷 催收
    暴力催收 赌场 聚赌 开赌 赌博 推牌九 赌钱 炸街 卖淫 嫖娼 闹事 寻衅滋事 村霸 恶势力 黑社会 家暴 家庭暴力 动手 杀猪盘
    算命 偷狗 偷牛
    毒狗 电鱼 电网捕鱼 炸鱼 毒鱼 赌钱 混混 小混混 流氓 拦路 刷单 碰瓷 虚拟币 投资理财 理财平台 骂街 耍酒疯 飙车 醉驾
    酒驾 scam scammed stolen stole steal cheated harass harassed theft fraud robbed assault beat
    beating domestic_violence 虐待 遗弃 性侵 盗刷
    盗号 假证 假币 伪造 黑客 裸聊 网络赌博 损坏 毁坏 无证驾驶 黑车 恶霸 涉黑 强买强卖 盗伐 偷砍 盗挖 非法采矿 非法狩猎
    野生动物 邪教 伤人 翻墙 撬门 投资群 荐股 带着炒股 取不出来 提不了现 提现 大字报 侮辱 辱骂 污蔑
    职务侵占 挪用资金 非国家工作人员受贿 理财公司 血本无归 人去楼空 进贼 遭贼 进了贼 撬开
    """), (
        r"(把|给)我.{0,4}打了", r"打(了)?我", r"(骗|偷|抢)走?了(.{0,10}(钱|手机|车|东西)|" + _N + ")",
        r"被人~8(推倒|打伤|撞|砍|抢|偷|骗|划|砸|毒死|药死|毒|开走|骑走|拿走|牵走|搬走)",
        r"(拿|用)我的(名字|身份证|身份|名义)", r"(拿走|偷走|开走|骑走)了~6(车|电动车|手机|钱|东西|金)", r"被~10骗",
        r"骗(了)?~4(钱|老人|财)", r"偷~2(狗|牛|羊|鸡|鸭|猪|车|电瓶|东西|钱)", r"(转悠|盯着|偷拍|拍我家|拍我)",
        r"拦~6要钱|保护费", r"(发现|才知道|原来)~4(被骗|上当|是骗子)", r"被~6(跟着|盯上|尾随)",
        r"(喝了酒|喝醉|喝多)了?~4(就)?(打|骂|砸)", r"撞~8(就跑|跑了|逃)", r"(冒充|假冒)~~20(转|汇|打)~4(钱|账|款|\d)",
        r"(身份证|手机号|账号|微信)~~8(被人|被)?(冒用|盗用|办了|盗)", r"p了?~4(照片|图)",
        r"(砸|划|烧|撬)了?~6(车|玻璃|门|窗|锁)", r"(付|转|交)了~~10(删|拉黑|跑|联系不上)",
        r"(扔|丢)~6(石头|砖|死老鼠|垃圾)~4(我家|院子|门口)", r"带人上门|上门(闹|逼|催|打|砸)",
        r"(老板|老总|负责人|法人|公司|平台)~4(跑了|跑路|卷款|卷钱|人间蒸发)",
        r"卷(走|跑)了?~6(钱|款|\d|" + _N + ")", r"(公司|老板|平台|门店|店)~~8人去楼空",
        r"\b(hit|punched|kicked|slapped|attacked|beat up|assaulted|stabbed) (me|my \w+|him|her|us)\b",
        r"\b(selling|sold (me |us |her |him )?)(\w+ ){0,4}fake (\w+ )?(tickets|lottery|scratch cards|ids?|certificates|"
        r"money|notes|currency|banknotes)\b",
        r"(收了|拿了)~8(定金|订金|钱|预付款|首付|货款)~4(人)?(就)?跑(了|路)|电话(是)?空号|地址(也)?是假的",
        r"\bpretend\w* to be\b|\bimpersonat\w*|\b(got|made|asked|told|tricked) (me|him|her|us|my \w+) (in)?to "
        r"transfer\b|\bponzi\b",
        r"(短信|电话|来电|微信|链接|客服)~~20(转账|汇款|验证码|打钱|冻结|点链接|配合调查)|(要我|让我|叫我)~4(转账|汇款|打钱)",
        r"\b(guy|man|woman|someone|person|stranger|seller|vendor) (\w+ ){0,3}sold (me|us|my \w+) (a |an |some )?(fake|"
        r"counterfeit|copy)|(街上|路边|车站)~~12(卖|骗)~~12(假|骗)",
        r"(划|砸|刮|扎)(花|坏|破|烂)了?~6(车|电动车|玻璃|门|轮胎)|(车|电动车|玻璃|轮胎)~4(被)?(划|砸|刮|扎)(花|坏|破|烂)|故意(损坏|毁坏)",
        # paid someone and they vanished: "I paid a visa agent 8000 yuan … now he has disappeared" (blind34)
        r"\b(paid|gave|sent|transferred)\b.{0,80}\bnow (he|she|they|the \w+) (has |have )?(disappeared|vanished|"
        r"blocked me|gone)",
        r"(剪|偷|割)(了)?~4(电线|电缆|铜线|铜缆)",  # "收废品的晚上来剪我家电线" (blind35)
        r"拦(车|路)~6收~4(过路费|钱|费)",  # "几个小年轻晚上在路口拦车收过路费" (blind46)
        # "loan app collectors send edited photos of my wife to all her phone contacts" (blind43)
        _COLLECTORS, r"\bcollectors?\b.{0,60}\b(threat\w*|harass\w*)\b|催收~~30威胁",
        *PRIVATE_FIRM_THEFT,
    ), "XF-31(5)", decisive=(*PRIVATE_FIRM_THEFT, *IMPOSTOR_TAKES, _COLLECTORS),
        reasons=((_PRIVATE_FIRM, "scope.reason.refer.private_firm"),
                 *((p, "scope.reason.refer.impostor") for p in IMPOSTOR_TAKES),
                 (_COLLECTORS, "scope.reason.refer.collectors"))),
    # wages, hiring and dismissal, work injuries, social insurance with private employers; arbitration (XF-31(2))
    Referral(ReferTo.LABOR, _w("""
    工资 欠薪 拖欠工资 讨薪 工钱 薪水 底薪 提成 劳务费 劳动合同 劳动关系 用工 社保 五险一金 公积金 辞退 开除 解聘 裁员
    加班费 加班 工伤 职业病 农民工 劳动仲裁 试用期 录用 赔偿金 经济补偿 辞职 离职 续签 不续 劳务派遣 派遣 临时工 合同制
    合同工 转正 年终奖 同工不同酬 生活费 放假 双倍工资 包工头 打工 干活 骑手 外卖员 调岗 降薪 年假 旷工 wages wage
    salary fired overtime unpaid employer 报酬 产假 怀孕 哺乳 解雇 工头 员工 用人单位 流水线 车间 竞业 工作证 走人
    """), (
        r"(不发|拖欠|克扣|扣了|欠|压)~10(工资|工钱|薪水|加班费|提成)",
        r"(打工|干活|上班|工地)~~10(受伤|摔|伤了|砸伤|轧)", r"(厂里|工地|车间|公司|老板)~~12(受伤|受了伤|伤了|误工费)",
        r"(辞职|离职|入职|工作|上班|打工|干活|走人|不干|提前走)~~12押金", r"押金~~16(辞职|离职|走人|不干|提前走)",
        r"合同(到期|期满)|解除(劳动)?合同|\b(renew|terminated?|ended)\b.{0,12}\bcontract",
        r"(员工|工人|职工|店员|服务员|学徒)的?押金",
        r"(老板|公司|厂里?|店里?|单位)~~12(员工|工人|职工|我们)的?押金",
        r"(老板|公司|厂|单位|站点)~6(扣|押|压)(着|了)?~6(押金|工资|身份证)", r"把我(开|辞|炒|开除)了",
        r"\b(not|never|didn'?t|hasn'?t|haven'?t) (been )?pa(id|y) (me|us)\b", r"(干|做|上班)了~4(年|个月)",
    ), "XF-31(2)", decisive=(
        # a waiver of social insurance signed under the employer's pressure (blind45)
        r"(自愿)?放弃(缴纳)?社保|\b(give|giving|gave) up (\w+ )?social insurance\b",
    )),
    # neighbours, family, boundaries, animals, noise and light between private persons (XF-37)
    Referral(ReferTo.MEDIATION, _w("""
    邻居 邻里 隔壁 楼上 楼下 对门 楼道 宅基地纠纷 土地纠纷 山林纠纷 过道 排水 排水沟 滴水 漏水 噪音 太吵 吵架 吵起来
    吵翻 闹翻 闹矛盾 不可开交 谁也不让谁 不说话 家庭矛盾 婆媳 劝劝 不回家 不顾家 婆婆 公公 小姑子 两口子 夫妻 儿媳 婆家
    娘家 调解 分居 归属 分家 兄弟 兄弟俩 姐妹 妯娌 地界 界址 界桩 边界 田埂 田边 地边 庄稼 堆放 水渠 共用 堵上 老宅 祖屋
    祖坟 坟地 赡养 赡养费 养老问题 广场舞 狗叫 鸽子 异味 臭 空调外机 挡光 采光 阳光 评评理 neighbour neighbor noise 渗水
    口角 说坏话 宠物 子女 邻里纠纷 家庭纠纷 民间纠纷 不拴 拴狗 拴绳 牵绳 狗咬 咬死 咬伤
    mediate mediation mediator in-laws
    """), (
        r"(占|挡|堵)了?.{0,6}(过道|路|门口|出路|排水沟|水渠|光|阳光)", r"(合用|共用)的~~20(堆|停|放|挡|占|堵)",
        r"(路|过道|门口)(中间|当中|上)~2(堆|放|停)",
        # blind28: a road three households paid for, a roommate's share of the bills
        r"(两|三|四|几)家(人)?(一起|合伙|凑)?(出钱|集资|凑钱)~6修",
        r"合租|室友|\broommates?\b|\bflatmates?\b|\b(mother|father|sister|brother)[- ]in[- ]law\b",
        r"(家庭|家里|亲戚之间|两家).{0,6}(矛盾|纠纷|闹)",
        r"(两个|几个|两)(组|村|家|户)~~12(吵|争|闹|纠纷)", r"(那块|这块|那片|这片)地?是(他|她|他们)家的",
        r"不(管|养|赡养)(老娘|老爹|老人|父母|爹妈|老母亲|老父亲|爸妈)",
        r"(他|她)(家)?(跟|和)(我|我家|我们家|我爸|我妈|我们)~~16(吵|闹|打|矛盾|纠纷|不说话|翻脸|争)",
        r"(邻居|他家|她家|对门|隔壁|两家)~8(树|狗|鸡|鸭|牛|羊|鸽子|墙|水|房)", r"养了?~4(鸽子|狗|鸡|鸭|猪)",
        r"(狗|猫|鹅|牛|羊|猪)~8(咬死|咬伤|咬了|咬过|吃了|踩了|啃了|糟蹋|拱了)",
        r"(老公|老婆|丈夫|妻子|媳妇)~~12(不回家|不管|不顾家|冷战|吵)",
        r"(邻居|隔壁|他家|她家|大伯|叔叔|伯伯|兄弟|哥哥|弟弟|亲戚|对门|同村)~~10(占|挡|堵|挖|种)",
        r"(爸妈|父母|老人)~~20(出钱|生活费|养老|照顾)", r"(跟|和)(我|我们)~2吵",
        r"(我|俺)的?(哥|弟|姐|妹|弟弟|哥哥|姐姐|妹妹|叔叔|伯伯|大伯|舅舅|姑姑|婆婆|公公|儿子|女儿|儿媳|嫂子|弟媳"
        r"|妯娌)~~12(占着|霸着|不让|吵|分|不管|不养)",
    ), "XF-37"),
    # policy, permits, fines, compensation amounts, benefits, public services, environment (XF-22, XF-23, XF-31(4))
    Referral(ReferTo.GOVERNMENT, _w("""
    油烟 污染 排污 臭气 扰民 环保 拆迁 补偿标准 补偿太少 补偿款 征地 征收 占地 青苗费 评估价 安置 政策 审批 办证 罚款
    处罚 罚了 违章 违停 占道经营 个税 个人所得税 专项附加扣除
    拆违 违建 户口 落户 户籍 出生证明 补办 开证明 医保 报销比例 学位 入学 上学 划片 学区 分班 换班 转学 插班 低保 评低保
    评上 贫困户 脱贫 重新评 评定 残疾证 社保局 社保中心 医保局 医保卡 管道 老化 残疾补贴 残疾等级 等级鉴定 补偿方案
    承包地 评级 养老金 养老保险 退休金 退休工资 社保卡 合作医疗 新农合 社会抚养费 12345 行政复议 信访局 不合理 太低 太少
    标准 营业执照 执照 驳回 许可证 修路 路坏了 坑坑洼洼 路灯 桥坏了 垃圾站 中转站 垃圾中转站 老旧小区 改造 指标 批下来
    公租房 廉租房 保障房 退伍 宅基地 危房 停水 停电 自来水 供水 饮水 饮用水 通水 助学 助学贷款 材料不全 废料 废水 偷排
    供暖 暖气 公交 班车 信号 基站 污染 排污 环保 施工 搬迁 整体搬迁 移民 种粮补贴 惠民 摆摊 市容 policy permit
    fined running_water water_supply power_cut streetlight pollution polluting pollutes waste_water sewage dumps
    compensation pension social_security bus_route bus_service bus_line bus_stop school_district
    身份证 结婚证 准生证 学籍 特困 五保 临时救助 救助 棚改 建房
    规划 交通 红绿灯 停车场 卫生 厕所 疫苗 办事难 政务服务 路面
    """), (
        r"(为什么|为啥|凭什么|咋).{0,10}(没评上|不给我|没有我|不批|不给办|没有我们|不给我们)",
        # a fine as a penalty, not "everyone's fine" (blind27)
        r"\b(a|the|my|his|her|our|their|this|that|big|heavy|huge|traffic|parking) fine\b|\bfines\b",
        r"补偿.{0,6}(太少|太低|不合理|不公平)", r"补偿~~10(才|只有|只给)",
        r"(补偿|补贴|补助|赔偿)~6比~10(少|低|差)|标准不(一样|统一|一致)",
        r"(补贴|补助|养老金|低保|补偿)~8(没发|还没发|没到|没下来|停了|提高)",
        r"(要|准备|打算)(建|修|盖)~8(站|厂|场|楼|路)", r"(能不能|可不可以)~~8(建|修|装|通|开通|增加|降|减|便宜)",
        r"看病~2(太)?(贵|难)", r"罚~6(太重|太多|不合理|不该|冤)|不该罚|罚~3" + _N,
        r"(申请|办)~8(没批|不批|被驳回|被拒|批不下来|还没批)", r"跑(了)?(好几|几|\d+)(个部门|趟|次)", r"评(低|错)了",
        r"路~8(坏|烂|塌|压坏|坑)", r"(都说|说)不归(他们|我们)?管|(互相|来回)推", r"(工地|施工)~~10(吵|噪音|半夜|晚上)",
        r"(退休|养老)(工资|金)~~10(算错|少了|太低|不对|没涨)",
        r"办(理)?退休~~24(工龄|年限)~~8(少算|算错|不认|没算|漏算)",
        r"(社保局|社保中心|人社局)~~12(少算|算错|不认|没算|漏算)",
        r"低保~~12(驳|没批|不批|取消|被拒|停了)", r"(把|给)?我家的?~6(取消|退出|停了|清退)",
        # blind14: a pension adjustment compared, where to get a business licence
        r"\bpension\w* (adjustment|increase|rise|amount|calculation|level)",
        r"(营业执照|business licen[cs]e|执照)~~16(去哪|在哪|怎么办|怎么|哪里|where|how)",
        r"报建|(去|到|在)哪(里|儿|个部门)?办~4(手续|证|执照|许可)",  # "老房子想加一层 要去哪里办报建手续" (blind34)
        r"户口~~12(迁|落|转)(回|到|进|入)",  # "娃的户口想迁回老家 派出所说要村里证明" (blind35)
    ), "XF-22, XF-23, XF-31(4)"),
    # consumers, shops, services, prepaid cards, telecoms, private property management (rules.md §3.3 [U])
    Referral(ReferTo.MARKET, _w("""
    物业 物业费 停车费 商家 商店 超市 商场 饭店 餐馆 餐厅 网购 网店 电商 直播间 快递 假货 次品 三无 退款 退货 换货
    缺斤少两 短斤少两 价格 涨价 标价 明码标价 消费者 售后 保修 三包 质量问题 培训机构 培训班 辅导班 驾校 报名费 健身房
    办卡 充值 会员卡 年卡 预付卡 4s店 加价 药店 退费 理发店 美容院 影楼 摄影店 婚庆 旅行社 导游 景区 宰客 天价 装修公司
    过期 变质 吃出 推销 保健品 燃气公司 运营商 套餐 宽带 扣费 翻新机 卖家 店家 假酒 假药 开发商 退钱 结账 电商平台
    网购平台 12315 shop refund store seller supermarket expired fake restaurant overcharged overcharge 商品 假冒伪劣
    异物 医美 食品安全 中介 房产中介 话费 流量 机票 门票 游戏 虚假宣传 广告 霸王条款 强制消费 捆绑 电子秤 化妆品 农资
    假种子 假化肥 加油站 民宿 酒店 诊所 私人诊所 缺斤短两 短斤缺两 少秤 鬼秤 摊贩 摊主 卖肉的 卖菜的 gas_station
    petrol_station shortchanged short-changed property_management management_company elevator_fund service_charge
    """), (
        r"(乱|多)收.{0,4}(物业费|停车费|费用)",
        r"(办|充)了?~4(会员|年|次|储值|预付|美容|健身|理发|洗车|游泳)卡|充了~4(钱|\d)",
        r"(办的|充的|买的)~2卡|卡(里|上)?~4(没法用|不能用|不认|还有)", r"(卖|收费|价格|要价)的?~8(太贵|贵|太高)",
        r"(不给|不肯|拒绝|不)退(钱|款|费)", r"(商家|店家|开发商|老板|卖家|店里)~~8(承诺|说好)~~10(不认|不给|反悔)",
        r"(多扣|乱扣|偷偷)~6(钱|费|升级)", r"(菜|饭|一顿|一碗|一斤)~~8要了?" + _N,
        r"(维修|修理|手机|电器|家电|服装|鞋|眼镜|烟酒|五金|建材|家具)店", r"物业~~10(收|交|押金|费|涨)",
        r"秤~4(有问题|不准|做了?手脚|动了?手脚)|(一斤|一公斤|一两)~4(少|差|缺|只有)",
        r"\b(paid|pay|charged) (for )?\d+ ?(litres?|liters?|kg|kilos?|jin|gallons?)\b",
        r"\bcheat\w* on the (pump|scale|weight)",
        r"(店|店里|店家|店主|门店|商场|厂家)~~10(不退|不换|不认|不保修|不承认|假的|坏的|质量|加钱|换成|二手|翻新)",
        # blind14: a car dealer, a board over the formaldehyde limit, a training school closed after two lessons
        r"\b(car )?dealer(ship)?s?\b|\b(mou?ld|mou?ldy|rotten|spoiled)\b.{0,40}\b(bakery|shop|store|supermarket|cake|"
        r"bread|milk|food)|\b(bakery|shop|store|supermarket)\b.{0,60}\b(mou?ld|mou?ldy|rotten|spoiled)\b",  # blind34
        r"甲醛|(材料|板材|涂料|油漆|产品|商品)~6(超标|不合格|以次充好)",
        r"(材料商|经销商|建材商|商家|店家|卖家)~~20(说是|号称|宣传|保证)",
        r"\b(training (school|centre|center|course)|gym|course)\b.{0,60}\b(closed|shut down|ran away|vanished|won'?t "
        r"refund)",
    ), "rules.md §3.3 [U]"),
)  # fmt: skip
#: Phrases holding a referral word in another sense, blanked before referral words are looked up.
#: "我们厂隔壁那个老板是人大代表" names a boss next door, no neighbour (blind43).
REFERRAL_NEUTRAL = (r"报警器", r"打击报复", r"开除党籍", r"隔壁(县|村|镇|乡|市|省|区|城市)",
                    r"隔壁(那个|那家|的)?(老板|厂|公司|店|单位)")  # fmt: skip

# -- questions about the process (answered from the FAQ) -----------------------------------------------------
#: The first topic that matches is given. Those in FAQ_OVER_REFERRAL win over a referral when no misconduct is
#: alleged ("举报了会不会被打击报复" is a question, not an assault); what_scope and how_to do not ("纪委管不管物业
#: 乱收费" is answered with the market regulator).
FAQ_PATTERNS = {
    "anonymous": r"匿名.{0,12}(有用|有结果|会处理|管用|回复|吗|么|\?|？)",
    "how_long": (
        r"(多久|多长时间|几天|什么时候).{0,8}(答复|回复|处理|结果|有消息|受理)|(查到|到了)哪一?步"
        r"|^(?![^\n]*(审批|申请|办证|许可证|执照|手续|办理))[^\n]*进度"
        r"|(还没|没有|一直没)(答复|回复|消息|下文)|\b(progress|status) of (my|our|the) (report|case|complaint)"
        r"|\bany (news|updates?) (on|about) (my|our)"
    ),
    "safety": (
        r"(会不会|会被|怕|担心|会).{0,10}(报复|泄露|知道是我|查到我|打击报复|被抓|坐牢|追责|诬告|打我|麻烦|上门|伤害)"
        r"|(真的|正规|官方的?)(纪委|监委)|官方的?吗|是不是官方|真的假的|(不会|是不是|不是)(骗子|诈骗|骗人)"
    ),
    "what_scope": r"(纪委|监委|你们).{0,4}(管不管|管吗|能管|管得了|受理吗|负责吗)|管哪些|受理范围",
    "how_to": (
        r"(怎么|如何|在哪|去哪|咋).{0,6}(举报|反映|投诉|写信)|需要(带|准备|提供)?(啥|什么)材料|要有证据吗"
        r"|可以写多长|附件|能传|有啥区别|in english|how (do|can) i report"
    ),
    "phone": r"(电话|热线|号码|网址|网站).{0,4}(多少|是什么|在哪|吗)",
}
FAQ_OVER_REFERRAL = ("anonymous", "how_long", "safety", "phone")

# -- objections to the commission's own handling ("对你们的处理结果有异议") ---------------------------------------
#: The reporter contests how this office answered or concluded their report: the objection flow (rules.md §1
#: `reopened`, §10.4 "群众对处理不满意的，退回有关室进一步查处"), never a scope verdict or a referral.
_RESULT = r"(处理结果|处理意见|处理情况|答复|回复|反馈|办理结果|调查结果|核查结果|核实结果|查处结果|调查结论|结论)"
_DISSENT = r"(有?异议|不满意|不服|不认可|不接受|不同意|有意见|不公正?|敷衍|不合理|不认同|不对)"
OBJECTION_PATTERNS = (_RESULT + r"~~12" + _DISSENT, _DISSENT + r"~~12" + _RESULT)
#: A bare "结果" counts only beside OBJECTION_OURS ("我举报的事情你们查了说没问题，我不认可这个结果").
OBJECTION_BARE = (r"(结果|说法)~~12" + _DISSENT, _DISSENT + r"~~12(结果|说法)")
#: It is about this office when it says so; a result of another body ("派出所的处理结果") is not an objection here.
OBJECTION_OURS = r"你们|纪委|监委|纪检|信访室|我(的)?举报|我反映的|举报的(事|问题|结果)|\byour\b"
OBJECTION_ELSEWHERE = (
    r"法院|检察院|公安|派出所|警察|民警|交警|仲裁|政府|镇里|街道|村里|村委|居委|社区|人社|医院|学校|公司|单位|物业"
    r"|保险|法官|判决"
)
