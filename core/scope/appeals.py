"""Scope rules, part 2 (rules.md §3.1 A3–A6, JC-69): appeals against a sanction or a commission's decision,
pleas to be cleared, complaints of unlawful measures, and suggestions — the accepted kinds that are not
accusations. Same shorthand as ``core/scope/rules.py``, which re-exports these names.
"""

from __future__ import annotations

# -- appeals (A3–A5, JC-69) and suggestions (A6) -------------------------------------------------------------
#: A3/A4: the citizen (or a close relative) contests a sanction or a commission decision about them.
_SANCTION_SPECIFIC = (
    r"党内警告|严重警告|警告处分|撤销党内职务|留党察看|开除党籍|政务处分|政务警告|政务记过|政务记大过|记大过|诫勉"
    r"|党纪处分|纪律处分|通报批评"
)
# these need a commission or party body named
_SANCTION_GENERIC = (
    r"处分|处理决定|降级|撤职|记过|问责|组织处理|批评教育|谈话提醒|提醒谈话|责令(作出)?(书面)?检查"
    r"|除名|除(了)?(我|他|她)的名"  # striking off a member's name (blind31)
)
_COMMISSION = r"纪委|监委|纪检|监察委|监察局|监察室|支部|党组织|党委"
_SELF = r"我|本人|俺"
CONTEST = (
    r"不服|冤|申诉|复查|复核|不认可|不接受|不公|不对|不实|搞错|算错|错误|错了|太重|过重|重了|不合理|事实不清|证据不足"
    r"|程序不对|程序违法|申辩|重新处理|撤销|异议|复审|有错|有误|unfair|appeal|不认(?!识|得|真|出)"
    # a denial of the facts found: "根本没上桌", "调查时也不听我说", "我没收过钱"
    r"|根本(没|不)|不听我|不让我~2(说|解释|申辩)|冤枉|凭什么|讨个说法|我?(从来)?没(有)?(参与|参加|拿|收|做|去)"
    # the writer's own evidence against the finding: "可我手里有当时上报的记录", "那个项目当时不归我管"
    r"|(手里|手上|我)有~8(记录|证据|证人|证明|收据|票据|签字)|我明明|不归我管|不是我(的|签|管|负责)|别人的名字|别人签的"
    r"|没让我~4(看|申辩|说|解释)|没(有)?送(达|到)|(能|可以|愿意)(给我)?作证|有人作证"
    # the writer's account against it: "可那天是电网检修停电" (blind16)
    r"|(可|但)(是)?(那天|当时|那时|实际上|事实上)"
)
#: A public employee's own dismissal or sanction (开除公职, 政务处分 by the employer or the 监委): an appeal to the
#: commission or the 复审/复核 route (A4), not labour arbitration (LABOR is for private employers).
_DISMISSAL = rf"开除公职|开除(了)?(我的)?公职|({_SELF})~~20被~8开除|开除了?({_SELF})|(开除|辞退|撤职|降级)处分"
_PUBLIC_JOB = (
    r"公职|公务员|参公|事业编|行政编|在编|编制|机关|政务处分|监委|纪委|局里|政府|镇里|乡里|乡镇|干部|派出所|公安|法院"
    r"|检察院|公办"
)
#: Each entry is a tuple of patterns that must all match somewhere in the message.
APPEAL_PATTERNS = (
    (rf"({_SELF})~~30({_SANCTION_SPECIFIC})|({_SANCTION_SPECIFIC})~~20(对我|给我)", CONTEST),
    (rf"({_SELF})~~30({_SANCTION_GENERIC})|({_SANCTION_GENERIC})~~20(对我|给我)", _COMMISSION,
     CONTEST),
    (_DISMISSAL, _PUBLIC_JOB, CONTEST + r"|冤枉|凭什么|想讨个说法"),
    (rf"({_SELF})(的|受的|挨的|背的)~2({_SANCTION_GENERIC})|({_SANCTION_GENERIC})决定(书)?|受(了|过|的)?~6处分|处分~4定性"
     rf"|处分(了)?({_SELF})"
     rf"|({_SANCTION_SPECIFIC})~~12({_SELF})|撤(了|掉|销)?~2({_SELF})?的?党内职务", CONTEST + r"|写错|弄错"),
    (r"\b(i|me|my)\b.{0,40}\b(party warning|serious warning|disciplinary|sanction(ed)?|expelled from the party"
     r"|party probation|demerit)|\b(expelled|dismissed|sanctioned|demoted) me\b"
     rf"|\b(i|me|my)\b.{{0,24}}({_SANCTION_SPECIFIC})",  # "I received a 政务记过 last year" (blind33)
     CONTEST + r"|\bwrong(ly)?\b|\bunjust|\b(a |for )?review\b|\breceipts\b|never (did|took)|\bbut i (was|did|had)\b"),
    (r"\b(i|me|my)\b.{0,40}\b(party warning|serious warning|disciplinary|sanction(ed)?|expelled from the party"
     r"|party probation|demerit)",
     CONTEST + r"|\bwrong(ly)?\b|\bunjust|\b(a |for )?review\b|\breceipts\b|never (did|took)"),
    # a sanction served and its effects not lifted: "处分期满半年了 工资级别还没恢复"
    (r"(处分|sanction|demerit|warning)~~12(期|period)~~12(满|到期|结束|ended|over|expired|finished)",
     r"(没|未|不|not|still|never)~~16(恢复|调回|调整|restored|back|returned|lifted)"),
    # a commission's bulletin naming the writer, the gift explained: "纪委的通报把我名字写进去了，说我收受红包，
    # 那是我结婚的时候亲戚给的" (blind32)
    (r"(通报|决定书|处分决定)~~16我(的)?名字", r"那是~~12(亲戚|结婚|随礼|人情|礼金|份子)|根本(没|不)|冤"),
    # a review decided and the next step asked for: "纪委复核结果出来了 我还是不服 想向上一级申请复查" (blind26)
    (r"(复核|复审|复查)(的)?~2(结果|决定)|(review|re-examination) (result|decision)",
     r"(上一级|上级)~8(复查|复核|复审|申诉)|\b(next|higher) level\b.{0,30}\b(review|appeal)"),
)  # fmt: skip
#: Reason keys for an appeal group, by position in APPEAL_PATTERNS (default scope.reason.appeal).
APPEAL_REASONS = {2: "scope.reason.appeal_dismissal"}
#: 澄清正名: the person reported was wrongly accused and asks to be cleared — an appeal about themselves to the
#: commission (rules.md §4.2 "the wrongly accused is cleared [S]", §7 予以了结, §10.4 "建立澄清保护机制"; R-39 [S]).
#: All patterns of the one group must match: the plea, and that it concerns a report or an inquiry.
CLEARING_PATTERNS = ((
    r"澄清|正名|还我~4清白|恢复~4名誉|洗清|\bclear (my|his|her) name\b",
    r"诬告|诬陷|错告|被(人)?举报|举报(我|他|她)|告(了)?(我|他|她)|查无实据|不实|纪委|监委|组织~6(调查|核查|谈话|函询)"
    r"|\bfalse(ly)? (report|accus)",
),)  # fmt: skip
#: Phrases that name no misconduct of an official, blanked before misconduct acts are looked for; money, favours
#: or shielding in the same text still make it misconduct (rules.md §3.2):
PROCEDURE_PATTERNS = (
    # a legal procedure not followed: "派出所拖着不立案", "办案程序违法" are 涉法涉诉 complaints (POLITICAL_LEGAL:
    # 检察院立案监督, 公安督察), not 不作为 or 违法 by a named official
    r"(一直|迟迟|就是|硬是|总是|还是)?(拖着|拖了~4|压着)?不(给|予|肯|愿意?|帮)?(我|我们)?(立案|出警|抗诉|起诉|批捕)",
    r"(执法|办案|搜查|审讯|询问|扣押|取证)~6(程序违法|程序不对|违反程序|不规范)",
    # the other party of a police matter, not the police: "打人的只罚了两百块", "打我的人现在天天在村里晃"
    r"打(人|我|伤我)的(人|那个人?|那人|一方)?(?=只|才|没|还|现在|天天|被|是|已经|跑)|打(人|架)的?(案子|案件|事)",
    r"说我~4(酒驾|醉驾|赌博|嫖娼|吸毒|打架|闹事|违章)",  # the reporter accused by the police, not the officer's conduct
)
#: A4 (JC-69): unlawful measures against the person investigated or close relatives: property seized beyond the
#: case, measures past the legal limit, coercion or ill-treatment in 留置.
_STAFF = (
    r"(留置|办案人员|专案组|调查组|审查调查|(纪委|监委|纪检|监察委)的?(人|工作人员|同志|干部|调查组)"
    r"|(纪委|监委|纪检|监察委)~8(找我|对我)?~4(谈话|询问|调查|审查))"
)
MEASURE_COMPLAINTS = (
    r"(监委|纪委|纪检|监察委|办案人员|专案组|调查组|留置)~~40(扣押|查封|冻结|扣了|扣走|收走|拿走|解冻|冻了|封了)",
    r"(扣押|查封|冻结)~~30(超出|超范围|不相关|无关|没有关系|没关系|关系没有|关系都没有|不退|解冻|婚前|合法|自己买)",
    # "你们冻结了我银行卡 … 我姐夫的事情跟我没关系 … 我要申请解冻" (blind31): "你们" is the commission
    r"你们~4(冻结|扣押|查封|扣了|扣走|封了|冻了)",
    r"留置~~40(超期|期限|见不到|不让见|请律师|关在哪|没通知|不通知|超过~4(月|天)|(一点|一直|没有?)~2消息|没收到~8通知)",
    _STAFF + r"~~30当着~8(说我|宣布|全单位|大家|同事)",
    # suspended "pending inquiry" past any limit, pay stopped: "停职检查一年多了 一直没有结论 工资也停发了"
    r"停职(检查|审查|反省)~~30(没有?结论|没(个)?说法|还没|至今|超期|(一|半|两|几)年|几个月|工资~4停)",
    _STAFF + r"~~40(不让睡|逼供|诱供|只要我?承认|打(了)?我|打人|耳光|骂|拍桌子|恐吓|吓唬|逼我|体罚|威胁|牵连"
    r"|不(给|让)~4(吃|喝|睡|药|看病|就医|打电话|厕所)|一(谈|问|审)~4(十几|二十|几十|\d+)(多)?(个)?小时|疲劳(审讯|战))",
    # the same in English: "they froze my bank account in my brother's case", "the investigators took the cash
    # from our shop", "under liuzhi they made me stand 20 hours"
    r"\b(froze|frozen|freeze|freezing|seized|confiscated|took)\b.{0,40}\b(my|our|his|her) (\w+'s )?(bank )?(accounts?|"
    r"salary|savings|cards?|cash|money|car|house|flat|shop|phone|computer)\b.{0,80}\b(case|investigat\w*|suspect|"
    r"liuzhi|留置|commission|involved property|alleged (bribe\w*|crime|offen[cs]e))|\b(investigated|questioned|"
    r"held) by (your|the) (office|commission)\b.{0,80}\b(frozen|seized|"
    r"confiscated|kept)\b|\binvestigators? (\w+ ){0,2}(made|"
    r"forced|beat|hit|threatened|didn'?t let|did not let|took|kept|"
    r"seized|froze)\b|\b(under|in|during) (留置|liuzhi)\b.{0,80}\b(stand|sleep|beat|hit|threat\w*|food|lawyer|family)",
)
#: The same measures taken by the police, a procuratorate or a court ("公安扣押的钱一直不退") are 涉法涉诉
#: (POLITICAL_LEGAL), not JC-69: MEASURE_COMPLAINTS count only if no such organ is named without a commission.
MEASURE_ELSEWHERE = r"公安|派出所|警察|民警|交警|刑警|经侦|检察院|检察官|法院|法官|执行局|海关|税务"
MEASURE_OURS = _COMMISSION + r"|留置"
SUGGESTION_PATTERNS = (
    r"^(我)?(有个|一个|几点|提个|提)?(建议|意见|提议)", r"建议", r"提(个|点|些|几点|一点)?(意见|建议)",
    r"希望(纪委|监委|你们|上级|有关部门|领导|组织)~~20(加强|改进|公开|整治|重视|多|管|设|开|出台|支持)",
    r"(能不能|可不可以|是否可以|可否)~~20(公开|公示|改进|设立|开通|写清楚|清楚一点|简化|增加|支持|做个|搞个|设个|弄个)",
    r"(我觉得|我认为|应该|最好|要是能)~~20(公开|公示|列出|公布|透明|制度|改进|监督|规范|完善|曝光)",
    r"(你们|纪委|监委|上级|政府|有关部门)(应该|最好|要|可以)~~6(多|加强|公开|宣传|设|开|改)|多宣传", r"\bsuggest",
    r"(你们|纪委|监委)~~40(自己)?先?带(个)?头",  # "你们纪委下乡调研 村里还是杀鸡宰鸭招待 … 自己先带头啊" (blind34)
    # blind35: "你们查的都是村里的苍蝇 县里的老虎咋没见查", "上回反映的事三个月才回了个电话 … 太慢了吧"
    r"能不能~4(统一|全面|挨个|都)~2(查|检查|排查)|\bare (our|the) (\w+ ){0,2}(checked|inspected)\b|"
    r"举报(电话|热线)~~20(占线|没人接|打不通|无人接听)|(应该|最好|不如)~4(请|找|让|引入)~4第三方|光说不练|只说不做|雷声大雨点小|苍蝇~~20老虎|老虎~~20苍蝇|(反映|举报)的(事|问题)~~30(太慢|才回|敷衍|拖了)",
    r"\bcan you (guys |people |all )?(push|ask|tell|make|get) (them|the \w+) to\b",  # blind39
    r"\byou (guys |people |all )?should (check|look into|investigate|inspect|audit)\b",  # blind40
    # criticism of this office's own work, or a request that it do better (A6): "你们的回复太官腔了",
    # "举报电话老占线 能不能多安排点人接", "宣传片拍得太假了 不如多讲点真实案子"
    r"你们~~24(能不能|能否|可不可以|应该|不如|最好)~~20(多|透明|快|及时|改|安排|公开|加|增|简化|认真)",
    r"你们(纪委|监委|的|那个)?~~16(太|老|总是|一直|根本)~~6(官腔|慢|敷衍|占线|打不通|假|不回|没人回|形式|走过场|复杂|难用|"
    r"麻烦|卡)",
    r"(不如|还不如)多~6(讲|办|查|公开|宣传|回)",
    r"(还)?不如(把)?(这些|这笔|那些|那笔)?(钱|经费|资金)(用|花|拿)(在|来|去)",  # "还不如把钱用在修排水沟上" (blind49)
    # a rule of public work too short or too narrow for the people it serves: "公示期太短了 就三天"
    r"(公示|公开|公告|征求意见|报名)(期|时间|的时间|期限)~4(太|过于|只有|就)~3(短|少|三天|两天|一天)",
    # a body's service criticised and its overhaul asked for: "接待的人态度太差 是不是也该整顿一下"
    r"(态度|作风|服务|接待)~~12(差|不好|恶劣|冷漠)~~20(该|应该|得|要)~4(整顿|整改|管管|治理)",
    r"(作风|态度|风气)~~12(该|应该|得|要)~6(整治|整顿|整改|管管|治理)|管管~6(作风|态度|风气)",
    r"(能不能|可不可以|能否)~~24(贴|公布|发(个)?短信|告诉(一声|一下)|通知(一下)?|每(个)?(季度|月))",
    r"\b(can|could) (the|you|they) (\w+ ){0,3}(post|publish|put up|display|pin up) (\w+ ){0,4}(list|names|accounts|"
    r"figures|results|notice)",
    # blind24: "批评一下 …", "学校的招标能不能请家长代表参加"
    r"^批评(一下|几句)|(能不能|可不可以|能否)~~12(请|让)~6(家长|群众|村民|居民|代表)~4(参加|参与|监督|列席|旁听)",
    # blind18: "求减负", "节前多发点提醒吧"
    r"(要|应该|应当|得|最好)(全程|公开)(录像|录音|公示|记录)|(应该|应当|要|得)~2(告诉|通知|反馈给?|告知)(举报人|群众|当事人)|"
    r"求减负|(该|能不能|希望|建议)~4减负|(多|常)(发|搞|做|开)(点|些)?~4(提醒|宣传|通报|警示)(吧|啊|呀)",
    r"(要|应该|应当|得)(真正)?(落实|做)到位|别光~4(发文件|开会|喊口号|搞形式|下文件)",
    r"(能不能|可不可以|能否)~~8多(拍|讲|宣传|报道|查|公开|去)|希望(能|可以)?~~12(常态化|经常|定期|多)~4(查|检查|暗访|曝光|公开)",
    r"\bplease (make|simplify|shorten|allow|let|consider|add|improve|remove)\b|\byou (should|could) (make|simplify|add|"
    r"improve|publish|do more|show|film|cover|explain)\b",
    r"\bwhy (does |do |is |must )?(anonymous|the|your) (report\w*|form|hotline)",
    r"(没人|没有人|一直没|从来没)~4(回复|答复|回音|下文)~~30(谁还敢|谁还会|有什么用|寒心)|\bsuggestion|"
    r"多(下|去|到)~4少(开会|坐办公室|发文件|填表)|\bwhy (not|"
    r"don'?t you) (put|make|add|set up|have|let|open|publish|use|give|post|list)\b|"
    r"\bhow about (putting|adding|making|setting up|opening|publishing|posting)\b",
    # terse: "匿名查询码太长了 记不住 改改吧", "idea: let people report without a phone number"
    r"(太长|太复杂|太难|太麻烦|看不懂|记不住|不方便|太慢)~~16(改改|简化|改一下|优化|缩短|改短|改进)|^(idea|criticism|feedback)\s*:",
    r"\bmake (the|your) (\w+ ){0,2}(clearer|simpler|shorter|easier|faster)\b",
    r"希望(至少|能|可以)?~~6(告诉|通知|回复|答复|反馈)~~8(进度|结果|情况|一声)",
    r"\bpublic has (a |the )?right to know\b|\b(push|urge|ask|tell) (the )?(\w+ ){0,3}(bureau|department|government|"
    r"officials?|authorit\w+) to (be more|publish|disclose|release|explain)",
    # the integrity work and the public's rating of services: "廉政教育基地门票要四十块", "好差评就是摆设",
    # "你们回访电话能不能别总在上班时间打"
    # this office's own channels: its website, the bot, the hotline ("你们那个网上举报的网站 … 点不明白", "the English
    # on your website", "this bot is better than I expected, but add a preview")
    r"你们(那个|的)?~6(网站|网上举报|机器人|小程序|举报平台|热线|公众号)|\b(your|this) (website|site|bot|app|hotline|"
    r"online form|web ?page)\b",
    r"廉政~6(基地|教育|文化|宣传|展|馆)~~16(收费|门票|要钱|摆设|形式)|好差评|(评价器|评价系统|差评)~~16(摆设|点不了|没用|"
    r"纪委|跟进)|你们的?~4(回访|回电|电话|短信|通知)~~20(能不能|别|不要|老是|总是|总在)",
)  # fmt: skip
