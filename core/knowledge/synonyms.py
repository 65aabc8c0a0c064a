"""Colloquial words → the domain's words, both languages. Citizens write "当官的", "整我", "会不会被查到"; the
entries say "公职人员", "打击报复", "追查身份". A text containing a left-hand word gets the right-hand words added
(never replaced: both forms then match), for the entries' phrasings and the question alike, so one table serves
recall both ways. Chinese forms are separated by spaces and matched as substrings; English forms by commas,
matched as whole words or phrases."""

from __future__ import annotations

#: (colloquial forms separated by spaces, domain words added). Typos citizens make count as forms.
ZH: tuple[tuple[str, str], ...] = (
    (
        "工作人员 办事员 科长 处长 局长 所长 站长 主任 镇长 乡长 县长 书记 公家人 当官的 当官 "
        "官员 贪官 公务员 干部 领导 官老爷 狗官",
        "公职人员",
    ),
    (
        "反映问题 揭发他 告状 告他 告了 去告 告发 揭发 检举 控告 举包 举抱 投诉他 反映他 曝光 揭露 举报信",
        "举报",
    ),
    (
        "评了不合格 考核不合格 被针对 被孤立 调到 换岗 停职 不给评优 逼我辞职 打压 整我 "
        "穿小鞋 小鞋 报复 找茬 刁难 排挤 针对我 调岗 降薪 扣我 开除我 辞退我 扣绩效 "
        "给我使绊子",
        "打击报复",
    ),
    (
        "后台 看见我是谁 知道我是谁 能看到我 看到我的 查到我头上 猜到是我 顺藤摸瓜 号码 "
        "手机号 电话号码 定位 查到 查出 查出来 暴露 知道是我 发现是我 找到我 认出 被人知道 "
        "追查 溯源 查得到",
        "追查 身份",
    ),
    (
        "来得及 过期 多少时间 要多久 多久 几天 多少天 多长时间 多长 要等 等多久 什么时候 啥时候 几个月 期限",
        "时限 多久",
    ),
    ("不写名字 不留名 不署名 不留名字 匿明 匿命 隐名 不实名 不报名字 不用名字", "匿名"),
    ("真名 署名 留名字 实名制 真实姓名 写名字", "实名"),
    (
        "银行流水 流水 转账记录 聊天记录 收据 发票 账本 单据 证剧 证具 证椐 凭证 证明 材料 照片 视频 截图",
        "证据",
    ),
    (
        "没有什么证据 没啥证据 证据不多 证据不够 拿不到证据 没法取证 没办法证明 口说无凭 "
        "只是看到 没证据 没有证据 无凭无据 没凭证 没证剧 啥证据都没有 没什么证据 没有材料 "
        "听说的 听别人说",
        "没有证据",
    ),
    (
        "啥程度 什么程度 谁在办 有没有人管 还在查吗 进度 进展 办到哪 到哪一步 怎么样了 咋样了 处理到哪 有没有在办 查询",
        "进度",
    ),
    ("中纪委 中央纪委 国家监委 省纪委 上级纪委 更高一级 北京", "上级"),
    ("村长 村主任 村书记 支书 村支书 村会计 村官 村干部 村委 两委 社区干部", "村干部"),
    ("国有企业 国企 央企 国有公司", "国企"),
    ("私企 民营 私营 私人老板 个体户 私人公司", "私营企业"),
    ("民警 警官 警察 辅警", "警察"),
    ("处分 记过 撤职 留党察看 警告处分 降级", "处分"),
    ("开除公职 开除党籍 被开除 辞退公职", "开除公职"),
    ("不认可 不认同 不服气 不同意结果 有意见 不公正 不满", "不满意 异议"),
    ("收费 交钱 花钱 付费 要钱吗 收钱吗 免费", "收费"),
    ("奖金 奖励 报酬 赏金 给钱不 有钱拿 奖钱", "奖励"),
    ("电报 tg telegram 飞机", "telegram"),
    (
        "烧了 烧房子 放火 拿刀 带刀 砍人 杀了 同归于尽 炸 煤气罐 汽油 人身安全 跟踪我 上门打 "
        "危险 威胁 要杀 弄死 打我 砍我 堵我 救命 要报复我家",
        "危险",
    ),
    (
        "喝药 割腕 活够了 撑不住 不如死了 结束生命 自杀 不想活 轻生 寻死 一死了之 跳楼 活不下去 撑不下去 活着没意思",
        "自杀",
    ),
    ("吃喝 大吃大喝 吃请 宴请 饭局 公款吃喝 请吃饭 高档餐厅", "公款吃喝"),
    (
        "随礼 随份子 过寿 做寿 送烟送酒 摆酒 酒席 婚宴 收份子 份子钱 办酒 大操大办 寿宴 "
        "升学宴 送礼 收礼 礼品 购物卡 礼金 红包",
        "收礼",
    ),
    ("棋牌室 赌局 押注 下注 赌球 博彩 输赢 赌博 赌钱 打麻将 打牌 赌场 赌资", "赌博"),
    ("送米送油 为了当选 当选 选票 投票给他 买票 拉票 贿选 发钱买 买选票 一票", "贿选"),
    ("低保 扶贫 补助 补贴 救济 危房改造 困难补助 惠农", "扶贫款"),
    (
        "招人 录用 直接录 直接进 顶替 内定 走后门 关系户 安排亲戚 塞进 萝卜招聘 领导儿子 领导亲戚",
        "内定",
    ),
    ("公家车 公务用车 警车 开公车 公车 公务车 单位的车 公家的车 单位车", "公车"),
    (
        "工资没发 不发工资 欠工资 讨薪 劳务费 工伤 打工 工资 欠薪 工钱 社保 劳动合同 辞退 加班费",
        "欠薪",
    ),
    (
        "跑路 预付卡 办卡 充值 售后 退货 健身房 理发店 培训机构 物业费 假货 退款 商家 过期 网购 消费者",
        "消费",
    ),
    ("漏水 噪音 扰民 吵架 借钱不还 欠钱不还 家务事 家庭纠纷 邻居 楼上 楼下 隔壁", "邻居"),
    ("闯红灯 电子眼 超速 拖车 扣车 摄像头拍 罚单 扣分 违章 交警 罚款", "交通罚款"),
    ("法院 判决 官司 法官 一审 二审 改判", "法院判决"),
    ("检察院 检察官 不起诉 批捕 抗诉", "检察院"),
    ("占了我家的地 占地 补偿款 修路占地 承包地 房屋拆迁 征地 拆迁 宅基地 土地 强拆", "土地纠纷"),
    ("查询码 查询密码 那个码 编号 密码", "查询码"),
    ("越级 直接找上级 直接往省里", "越级"),
    ("一封信 写封信 信寄 寄过去 寄到 信封 邮局 写信 寄信 邮寄 信件 来信", "写信"),
    ("当面 上门 去纪委 亲自去 现场 来访 接待", "当面"),
    ("打错 弄错了名字 填错了 写漏 改掉 改一下 修改 改错 写错 撤回 更正", "修改"),
    ("草稿 保存 没写完 写一半 写了一半 中途退出", "保存"),
    ("英文 英语 外语 少数民族语言 维语 藏语", "英文"),
    ("帮他 帮我爸 帮我妈 帮家人 代替 代别人 不识字 委托 律师 代理 代写 替我 帮别人", "律师"),
    ("转走 转交 转给 转到", "转交"),
    ("不予受理 不受理 不给受理 驳回", "不予受理"),
    ("重复件 重复的 重复了 合并办理", "重复件"),
    (
        "好几回 七八回 几回了 很多回 好多回 好多年 几年了 五六年 十几年 一次又一次 年年 "
        "好几次 很多次 多次 十几次 无数次 一直举报 反复",
        "多次",
    ),
    (
        "我编的 编的 假的材料 虚构 诬陷 造谣 栽赃 故意乱告 瞎编 诬告 陷害 乱举报 捏造 瞎举报 编造",
        "诬告",
    ),
    ("恢复名誉 还清白 查无实据 背锅 被冤枉 澄清 正名 洗清 还我清白 名声 名誉", "澄清正名"),
    ("错告 搞错 弄错 举报错 不属实", "错告"),
    ("打分 评价 满意度 点评", "评价"),
    ("建议 意见 批评", "建议"),
    ("12345 市民热线 政务热线 便民热线 市长热线", "12345"),
    ("泄密 泄露 透露 走漏 传出去 告诉了对方 通风报信 打电话骂我", "泄露"),
    ("补进 补进去 忘了说 忘记写 还有一件 补充 补上 加上 漏写 追加 补交 补发 再发过来", "补充"),
    ("以后再 过几天 后面再 晚点 之后再 先报上去 先举报", "以后补"),
    ("大小 兆 mb 格式 上传 传不上 附件", "文件"),
    ("偷录 偷拍 录下来 录音 录像 暗访 偷偷录", "录音"),
    ("没收到 没人理 没动静 没消息 没回音 没下文 超时 逾期 石沉大海", "没有答复"),
    ("查无实据 不属实 结论 处理结果 反馈结果", "结果"),
    ("要不要给 要好处 索要 卡着 给点好处 暗示 索贿 吃拿卡要 不给办", "索贿"),
    ("营业执照 办证 审批 窗口 许可证 证件", "办事"),
)

#: (forms separated by commas, matched as whole words or phrases; domain words added).
EN: tuple[tuple[str, str], ...] = (
    (
        "officer,officers,cadre,cadres,civil servant,bureaucrat,government employee,politician",
        "official",
    ),
    ("tell on,whistleblow,denounce,expose,complain about,blow the whistle", "report"),
    (
        "worse position,moved me,pushed out,threatened my job,cut my bonus,retaliate,"
        "retaliation,revenge,punish me,punishing me,payback,harass,harassing,bully,fired me,"
        "demoted,demote,transferred me,pay cut,making my life hard,get back at me",
        "retaliation",
    ),
    (
        "the one who,who complained,trace me,figure out,figured out,it was me,see my number,"
        "see my phone,who i am,trace,traced,track,find out,know it's me,know its me,"
        "know it was me,identify,identified,figure out who,know who reported",
        "trace identity",
    ),
    (
        "too late,still time,time limit,take until,how long,how many days,when will,how soon,how much time,deadline",
        "time long",
    ),
    (
        "anonymous,anonymously,without my name,without giving my name,no name,nameless,without name",
        "anonymous",
    ),
    ("real name,named,my own name", "named"),
    (
        "bank statement,receipts,recording,chat history,witness,proof,evidence,documents,photos,screenshots",
        "evidence",
    ),
    ("no proof,no evidence,hearsay,only heard,people told me", "without evidence"),
    (
        "what's going on,whats going on,what is happening,any news,status,progress,update,where is my",
        "progress",
    ),
    (
        "pay him,pay her,must pay,pay them,to get my license,cash,speed up,grease,"
        "red envelope,wants money,asked for money,demanded money,bribe,bribes,kickback,"
        "kickbacks,backhander,under the table",
        "bribe",
    ),
    (
        "money for reporting,get money,any reward,get paid,prize,tip,reward,bounty,"
        "paid for reporting,money for whistleblowers,any money",
        "reward",
    ),
    (
        "knife,gun,weapon,burn,set fire,attack,attacked,waiting for me,follow me,following me,"
        "kill,hurt me,threaten,threatening,threatened,danger,unsafe,beat me,outside my house",
        "danger",
    ),
    (
        "keep living,no reason to live,end it all,want to die,give up on life,suicide,"
        "end my life,ending my life,kill myself,don't want to live,dont want to live,"
        "hurt myself",
        "suicide",
    ),
    ("poker,cards for money,bets,gamble,gambles,gambling,casino,betting,mahjong", "gambling"),
    ("vote buying,buying votes,buy votes,paying for votes,election", "vote buying"),
    ("government car,official car,public car,state car,work car", "public car"),
    (
        "expensive gifts,wedding,feasts,red envelopes,expensive dinners,banquet,banquets,"
        "dinners,feast,lavish meals,gifts,gift",
        "gifts banquets",
    ),
    ("poor families,aid,benefits,pension,relief,subsidy,poverty,welfare,allowance", "poverty relief"),
    (
        "his daughter,gave a job,without exam,job to,nepotism,hired his,his relatives,"
        "his nephew,his son,connections,without any exam",
        "nepotism hiring",
    ),
    ("state owned,state-owned,soe,soes", "state-owned"),
    ("private company,private firm,private business", "private company"),
    ("police,policeman,cop,cops", "police"),
    (
        "didnt pay us,didn't pay us,not paid,pay us,overtime,fired,salary,wages,unpaid,employer",
        "wages labour",
    ),
    ("next door,wall,noise,noisy,owes me money,neighbour,neighbor,neighbours,neighbors", "neighbour"),
    ("ticket,traffic,fine,speeding", "traffic"),
    ("court,judge,judgement,judgment,verdict,lawsuit", "court"),
    ("prosecutor,prosecutors,procuratorate,prosecute", "procuratorate"),
    ("land,demolition,eviction", "land"),
    ("gym,prepaid card,product,store,refunds,customer,fake,refund,shop,consumer", "consumer"),
    ("telegram,tg", "telegram"),
    ("duplicate,duplicated", "duplicate"),
    ("typo,wrong date,mistake in,edit,change,correct,fix", "edit"),
    ("save,draft,finish later,continue later,finish it later", "draft"),
    (
        "for my father,for my mother,for my parents,someone else,cannot read,can't read,lawyer,attorney,on behalf",
        "lawyer",
    ),
    ("write a letter,send a letter,posting,post,mail,letter", "letter"),
    ("in person,visit,walk in", "visit"),
    ("code,password", "code"),
    ("appeal,appealing", "appeal"),
    (
        "challenge,wrong result,result is wrong,object,objection,dissatisfied,not satisfied,"
        "unhappy with the result,disagree with the result",
        "objection",
    ),
    (
        "beijing,ccdi,straight to,directly to,central commission,higher level,skip,province,provincial",
        "higher",
    ),
    ("cost,costs,fee,fees,pay anything,free", "cost"),
    (
        "lies on purpose,lied,fake complaint,false report,fabricated,invented,"
        "false accusation,falsely accused,made up,framed,slander",
        "false accusation",
    ),
    (
        "i'm clean,im clean,restore my name,innocent,found nothing,clear my name,cleared,reputation",
        "clear name",
    ),
)
