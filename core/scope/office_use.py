"""Scope rules, part 3 (rules.md §3.1 A1, A2): the "in office" constructions that stand alone — a position used,
public money gone private, a public service sold or given to kin — misconduct without an official named. Same
shorthand as ``core/scope/rules.py``, which re-exports these names.
"""

from __future__ import annotations

#: "In office" constructions that stand alone: a position was used, public money went private (A1, A2).
OFFICE_USE_PATTERNS = (
    r"利用(职权|职务|权力|身份|手中的?权)", r"仗着?(是|自己)?.{0,6}(干部|领导|书记|镇长|局长|主任|权|关系)", r"以权",
    # a public service given only through connections: "医保报销要找关系才能办" (blind27)
    r"(报销|补贴|低保|审批|办证|证|手续|名额)~~12(要|得|必须)?(找|托|走)(关系|门路|熟人)(才|就)(能|给|肯)?(办|批|报|给)",
    # a public post given to an examiner's kin: "考事业编 … 录的是面试官的外甥" (blind28)
    r"(事业编|公务员|招聘|招考|考编|面试|录取|录用|招录)~~40(录|招|要)(的|了)?(是)?~6(外甥|侄子|侄女|亲戚|小舅子|表弟|表妹|儿子|女儿|"
    r"关系户)",
    r"(考察|学习|调研|培训|出差)~~12(其实|实际上?|就是|名义)~~8(玩|旅游|游玩|度假)",  # 公款旅游
    r"一票\d+|发钱~6(一票|买票|拉票)",  # 贿选
    # steering people to a friend's or relative's business (利益输送)
    r"(私下|暗示|让我|叫我|要我|逼我)~12(找|请|去|用|买|到)~10(朋友|亲戚|熟人|指定|小舅子|老婆|儿子)的?~6(律所|律师|公司|店|厂)",
    r"从~6(项目|专项|扶贫|救灾|办公)?(经费|资金|款)里?(走|出|列支|支出)",  # 违规发放
    r"(转账|转|打|存|汇)(到|进)了?~2(个人|私人|自己|他|她)~4(账户|账上|卡|微信|支付宝|腰包)",
    r"(揣|装进|塞进)(自己|个人|他)?的?(兜|腰包|口袋)", r"(开|用|拿|花|占)~4公家的?",
    r"(款|经费|资金|补偿|补贴|补助|公款)~~12(存|转|打|汇|放)(到|进|在)了?~6(自己|个人|私人|他家|自家)"
    r"的?~4(名下|户头|账户|账上|存折|卡)",
    # a village or unit drawing money in another's (a dead person's) name (冒领)
    r"(村里|村委|村上|组里|社区|镇里|乡里|单位)~~16(用|拿|冒用|以)~6(名字|名义|名下|身份)~~10(领|吃|冒领|套|报)",
    r"\babus\w* (of )?(his|her|their|the)? ?(power|position|office|authority)",
    # public money approved and the work never done: "the fence money was approved in 2020, still no fence" (blind29)
    r"\b(money|funds?|budget) (was |were |had been )?(approved|allocated|granted|paid|given)\b.{0,60}\b(where (did |"
    r"has )?it "
    r"(go|gone|went)\b|still no|"
    r"never (built|done|"
    r"bought|fixed)|nothing (was )?(built|done))|\bwhere (did|has|have) the (money|funds?|budget) (go|gone)\b",
    # a judge (or a prosecutor) who is kin of the other party and sits all the same, or tells them the outcome first
    r"(表哥|表弟|亲戚|小舅子|姐夫|妹夫|舅舅|叔叔|堂哥|连襟|亲家)~2(是|在)~6(法院|法官|庭长|副庭长|院长|检察院|检察官)"
    r"~~30(提前|就知道|打招呼|不回避|没回避|说放心|判)",
    r"\b(judge|prosecutor)\b.{0,30}\b(is|was) (the )?(\w+'s )?(brother|cousin|relative|in-law|brother-in-law|uncle|"
    r"nephew|classmate)\b|\brefused to (step aside|recuse)",
    r"(仲裁员|arbitrator|审判员|检察官)~~60(回避|夫妻|亲戚|老婆|老公|married|brother|cousin)",
    # retaliation by officials for speaking up: "since i wrote about the water project, the township cut my water"
    r"\b(since|after) (i|we) (wrote|posted|reported|complained|spoke|petitioned)\b.{0,80}\b(township|town|county|"
    r"village|bureau|officials?|government|police|secretary)\b.{0,30}\b(cut|fined|closed|revoked|stopped|cancelled|demolished)",
    # favouritism in enforcement and licences (优亲厚友): "他亲戚的店从来不查", "书记小舅子一家独占"
    r"(亲戚|小舅子|儿子|女儿|老婆|女婿|侄子|外甥|弟弟|哥哥|表哥|表弟|堂哥|堂弟|舅舅|叔叔|姐夫|妹夫|熟人)(家)?的?~4(店|厂|公司|"
    r"摊|车)~~10(不查|从来不查|不罚|不管)",
    r"(小舅子|亲戚|儿子|老婆|女婿|侄子|外甥)~~8(一家独占|独占|垄断|全包|包圆)",
    # private bills through the unit: "报销了十几万的私人发票", "保姆的工资都从单位走"
    r"报销~~10(私人|个人|自家|家里)|(私人|个人|自家|家里)的?~6(发票|开销|费用)~~10报(销|了)|(工资|费用|开销|账)~6从"
    r"(单位|公家|村里|局里|公司账)(走|出|报)",
    # a fine or a fee without a receipt: "罚了我家两万多一张票都没开"
    r"(罚|收)~~16(不|没)(给)?开(票|发票|收据)|一张(票|发票|收据)都(没|不)",
    # relief not received but marked as paid: "救济款没发到各家 村里账上却写着发了"
    r"(没(有)?发|没收到|没领到)~~30(账上|账面|表上|名单上)~6(写着|记着|显示)?~4(发了|领了|已发|发过)",
    # asked to be treated before the service is given (吃拿卡要): "说要请吃饭 不请就一直拖着"
    r"(要|让)(我|我们)?请(他|他们)?吃饭|不请~4(就)?~2(拖|不办|卡)",
    # money docked from a subsidy, paid short, gone into a pocket: "粮食直补按人头扣了五十", "每户少发一万多"
    r"(补贴|直补|补助|补偿款|低保|救济|抚恤)~~16(扣|克扣|截留|截走|少发|少给)(了|掉)?|进了~4(谁|他|自己|个人)的?(兜|腰包|口袋)",
    # a grant spent on a show: "上面拨了一万 结果就挂了两条横幅"; a project's millions gone: "几百万花哪去了"
    r"(拨|批|报)了~8(结果|实际|就|只)~4(挂了|发了|买了|做了|搞了)",
    r"(扶贫|项目|工程|产业园|专项|基地|园区|合作社|厂房)~~24(几?[百千十]+万|钱|款|经费|资金)~4(花|用|去)(到)?哪(去|里|儿)?了",
    # relief for a cadre's own: "低保名单上有村支书他亲妈"
    r"(低保|补贴|救助|困难户|贫困户)(的)?(名单|户)~~8(村支书|书记|村长|主任|会计|组长|干部)~4(他|她)?(亲|家|妈|爸|老婆|儿子|女儿)",
    # 虚报 told as it is seen: "报的是五公里 实际修了不到三公里", "账上写的一百万 实际只花了三十万"
    r"(报|写|账上|上报|申报|报上去)的?(是)?~8(实际|其实|实际上)(只|才|就|修了|用了|花了|发了|到了|不到)",
    # public relief given out and taken back or sold, the money unseen (侵占): "扶贫的羊…收回去了…卖了 钱没见着"
    r"(扶贫|救灾|救济|低保|补助|补贴|集体)~~24(收回|拿回|要回|卖了|卖掉)~~24(钱|款)~4(没见|不见|没了|去哪|哪去|不知去向|下落不明)",
    # funds drawn every year for something kept only for show (形式主义, 虚报): "宣传栏就是摆样子 经费倒是年年报"
    r"(摆样子|走过场|做样子|应付检查|糊弄)~~16(经费|钱|款|资金)~6(年年|每年|照样|照报|倒是)",
    # a service window's clerk idling: "办个营业执照跑了八趟 窗口那个女的天天耍手机" (blind34)
    r"(窗口|办事大厅|服务大厅|政务大厅)~~12(玩手机|耍手机|刷抖音|刷视频|刷手机|打游戏|玩游戏|睡觉)|"
    r"(窗口|办事大厅|服务大厅|政务大厅)~~12(脸臭|态度差|爱答不理|不理人|问三句不答一句|不搭理)",  # blind40
    # money "eaten" by someone: "消防栓里头没得水 这个钱到底遭哪个吃了" (blind34)
    r"(钱|款|经费|资金)~6(到底)?(遭|被|让|叫)(哪个|谁|哪些人|哪几个)~2(吃|贪|拿|揣|捞)(了|去了|走了)",
    # money collected to be paid in for people and never paid in, a budget that "went somewhere" (blind33)
    r"(村里|村委|村上|组里|社区|单位|学校)~~8(帮|代)(交|缴|办)~~24(收了|交了|给了)~~24(查不到|没(有)?记录|没交|没缴|没到账)|"
    r"\b(budget|funds?|money|subsid\w*)\b ['\"‘“]?(went|has gone|have gone|had gone) (somewhere|missing|elsewhere)|"
    r"\b(budget|funds?|money) (\w+ ){0,3}(disappeared|vanished|went missing)\b",
    # blind43: "是不是上面有人保他", a counter clerk's "agent" paid for speed, a school bus fund "also gone",
    # "plz check 公路局 repair contracts"
    r"(上面|背后|上头)有人(保|罩|护)着?(他|她|他们)",
    # blind46: official cars outside restaurants at festivals, a road fund never disclosed
    r"(饭店|酒店|饭馆|农家乐|景区|婚宴|酒楼|会所|洗浴)~~16公车|公车~~16(饭店|酒店|饭馆|农家乐|景区|婚宴|酒楼|会所|洗浴)",
    r"(修路|工程|项目|补偿|补助|救济|扶贫|征地|拆迁|集体|村)~2(款|钱|资金|经费|账)~~12(一分|从来|一直|到现在|至今)?~4(没|不|未)(有)?公开",
    # an official's relative making trouble every day: "村委会那保安是书记亲戚 天天挑事" (blind46)
    r"是~4(书记|村长|主任|镇长|所长|局长|支书)~2(的)?(亲戚|小舅子|侄子|外甥|儿子)~~16(挑事|横行|欺负|霸道|没人管|没人敢管)",
    # blind47: a street office that has not mended hydrants for years
    r"(街道|社区|镇里|乡里|村里|居委会|村委会|局里)~~6(一直|几年|多年|好几年|从来)~4(不修|不管|不理|不处理|拖着)",
    # blind45: a township turning a blind eye
    r"(镇里|乡里|村里|县里|局里|政府|部门|领导|干部|所里)~~12睁(一)?只眼闭(一)?只眼",
    # blind44: paid to play mahjong at home, a grant "on the list" never received, who approved a canteen's contract
    r"\bwho (approv\w*|sign\w*|gave|give|award\w*) (the )?(\w+ )?(contract|tender|licen[cs]e|permit)\b",
    r"(天天|整天|成天)~6(打麻将|在家|不上班|钓鱼|玩)~~10(工资|钱|补贴)~2(照领|照拿|照发)",
    r"(补助|补贴|补偿|救济|救灾款)~~20(没到|没收到|没领到|没发)~~20名单上~4(有|是)(我|我家)|名单上~4有(我|我家)~~20(没到|没收到|没领到|没拿到)",
    r"\b(counter|window|desk|clerk|officer|official)\b.{0,60}\b(use|go through|hire|pay) (her|his|"
    r"their) ['\"‘“]?(agent|"
    r"broker|friend|relative|cousin)",
    r"\b(school|village|road|bridge|bus|relief|poverty|project|public|township|county|dam|well|"
    r"water|relocation|compensation|resettlement|demolition)\b[\w ]{0,12}\b(money|"
    r"funds?|budget|subsid\w*) (is |was |has |have )?(been )?(also |all )?(gone|missing|vanished|disappeared|stolen|"
    r"embezzled|pocketed)\b",
    r"\b(please|plz|pls) (check|look into|investigate|audit)\b.{0,40}\b(contracts?|accounts?|books|spending|"
    r"tender\w*)\b",
)  # fmt: skip
