"""``qingfeng demo-data``: a province → city → county office with officers and cases in many states.

Everything goes through the real services, with a clock that walks from six weeks ago to now, so the demo
has the same audit trail, deadlines and outbox rows a real office would have (some deadlines overdue).
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import timedelta

from core.actor import Actor
from core.clock import ManualClock
from core.closure import AllegationFinding, ClosureReport
from core.errors import ApprovalRequested
from core.model import (
    Action,
    AppealedDecision,
    AppealOutcome,
    CadreLevel,
    Category,
    Channel,
    Clearing,
    DisposalMethod,
    Finding,
    ReferTo,
    ReportAssessment,
    ReportType,
    Role,
    SuggestionOutcome,
    UnitLevel,
)
from core.reports import AppealedDecisionDetails, NewReport, PersonReported, ReporterIdentity
from core.services.cases import CaseService
from qingfeng.app import App

UNITS = (
    ("ZJ", "浙江省纪委监委", UnitLevel.PROVINCE, "浙江省", None),
    ("HZ", "杭州市纪委监委", UnitLevel.CITY, "浙江省/杭州市", "ZJ"),
    ("LA", "杭州市临安区纪委监委", UnitLevel.COUNTY, "浙江省/杭州市/临安区", "HZ"),
    ("XH", "杭州市西湖区纪委监委", UnitLevel.COUNTY, "浙江省/杭州市/西湖区", "HZ"),
)
OFFICERS = (
    ("王芳", "LA", Role.INTAKE), ("刘伟", "LA", Role.INTAKE), ("李强", "LA", Role.HANDLER),
    ("张敏", "LA", Role.HANDLER), ("陈建国", "LA", Role.SUPERVISOR), ("周立", "HZ", Role.INTAKE),
    ("孙浩", "HZ", Role.HANDLER), ("吴军", "HZ", Role.SUPERVISOR), ("郑洁", "XH", Role.INTAKE),
    ("冯磊", "XH", Role.HANDLER), ("钱红", "XH", Role.SUPERVISOR), ("系统管理员", "HZ", Role.ADMIN),
)  # fmt: skip

LA, XH = "浙江省/杭州市/临安区", "浙江省/杭州市/西湖区"


@dataclass(frozen=True)
class Story:
    report_type: ReportType
    category: Category | None
    person: PersonReported | None  # an appeal or a suggestion accuses nobody (rules.md §10.1)
    facts: str
    refer_to: ReferTo | None = None  # set for matters outside the commission's remit
    appeal: AppealedDecisionDetails | None = None
    subject: str = ""


STORIES = (
    Story(ReportType.ACCUSATION, Category.MASSES,
          PersonReported("临安区太湖源镇某村村委会", LA, "张某林", "村党支部书记", CadreLevel.VILLAGE),
          "2026年3月村里评低保，张某林把两个名额给了他弟弟和弟媳，两家都有小轿车和农家乐。"
          "独居的李大爷因病致贫却被取消。评议会没有开，公示只贴了两天。会计王某也知道此事，每户每月约900元。"),
    Story(ReportType.ACCUSATION, Category.INTEGRITY,
          PersonReported("临安区锦城街道办事处", LA, "赵某", "副主任", CadreLevel.TOWNSHIP_SECTION),
          "2026年7月起，赵某多次在周末驾驶街道公务车（浙A·3K5XX）回於潜镇老家，车停在他家门口，"
          "邻居都看见过。8月16日和23日两个周六都在。加油卡也是单位的。"),
    Story(ReportType.ACCUSATION, Category.INTEGRITY,
          PersonReported("临安区农业农村局", LA, "钱某", "副局长", CadreLevel.TOWNSHIP_SECTION),
          "钱某儿子2026年5月1日在某大酒店办婚宴约50桌，局里下属单位负责人和几家农业合作社老板都去了，"
          "听说礼金少的也有2000元。婚车是合作社老板提供的。"),
    Story(ReportType.ACCUSATION, Category.CORRUPTION_BRIBERY,
          PersonReported("临安区第一人民医院", LA, "孙某", "院长", CadreLevel.INSTITUTION_MANAGER),
          "医院2025年采购两台CT设备，供应商是孙某大学同学的公司，报价比市场高约30%。"
          "设备科的人说采购价里有5%的回扣，合同金额约1200万元。招标只给了三天报名时间。"),
    Story(ReportType.ACCUSATION, Category.CORRUPTION_BRIBERY,
          PersonReported("临安区某镇某村村委会", LA, "周某", "村会计", CadreLevel.VILLAGE),
          "2025年村里收到产业扶贫资金12万元，账上只看到8.8万元用于茶叶基地，3.2万元去向不明。"
          "周某说是'管理费'，但没有任何票据。村民代表去年底要求公开账目被拒绝。"),
    Story(ReportType.ACCUSATION, Category.ABUSE_OF_POWER,
          PersonReported("临安区公安分局某派出所", LA, "吴某", "民警", CadreLevel.STAFF),
          "2026年6月我家被盗去派出所报案，民警吴某说'立案要走关系'，暗示要2000元，"
          "我没给，案子到现在没有消息。当时同去的还有我表哥。"),
    Story(ReportType.ACCUSATION, Category.ABUSE_OF_POWER,
          PersonReported("杭州某水务集团有限公司临安分公司", LA, "郑某", "总经理", CadreLevel.SOE_MANAGER),
          "郑某把2025年管网改造的三个标段都给了他妻弟开的工程公司，该公司成立不到一年、没有相应资质。"
          "总金额约460万元，其他投标公司都是陪标。"),
    Story(ReportType.ACCUSATION, Category.WORK,
          PersonReported("西湖区某街道便民服务中心", XH, "冯某", "窗口工作人员", CadreLevel.STAFF),
          "办理居住证时，冯某多次以材料不全为由让我来回跑了五趟，却从不一次性告知缺什么。"
          "第五次她说'你懂的'，旁边的人塞了两条烟才办下来。时间是2026年8月，上午十点左右。"),
    Story(ReportType.ACCUSATION, Category.MASSES,
          PersonReported("西湖区转塘街道某社区居委会", XH, "褚某", "社区主任", CadreLevel.VILLAGE),
          "社区老旧小区加装电梯补贴，褚某要求每个单元先交3000元'协调费'才给报名，"
          "共收了约14个单元，没有开收据。有居民录了音。"),
    Story(ReportType.ACCUSATION, Category.ABUSE_OF_POWER,
          PersonReported("西湖区住房和城乡建设局", XH, "卫某", "局长", CadreLevel.COUNTY_DIVISION),
          "卫某在2026年区里两个安置房项目招标中，多次打招呼要求评标专家照顾某建设公司，"
          "该公司实际控制人是他的老同学。两个项目合计约2.3亿元。"),
    Story(ReportType.APPEAL, None, None,
          "处分认定我未及时上报防汛隐患，但我在6月12日已经书面报告分管领导，有签收记录。请求复查。",
          appeal=AppealedDecisionDetails("临安区某镇党委", "2026年7月", AppealedDecision.PARTY_SANCTION,
                                         "因'工作失职'给予党内警告处分", "")),
    Story(ReportType.SUGGESTION, None, None,
          "建议村务公开不要只贴在村委会门口，可以同时发在村民微信群并保留一个月，"
          "尤其是低保、补贴和工程款，方便在外打工的村民监督。", subject="村务公开的方式"),
    Story(ReportType.ACCUSATION, Category.OTHER,
          PersonReported("某物业服务有限公司", XH, "", "项目经理", CadreLevel.OTHER),
          "小区物业今年把停车费从每月150元涨到300元，没有开业主大会，我们认为是乱收费。",
          refer_to=ReferTo.MARKET),
    Story(ReportType.ACCUSATION, Category.OTHER,
          PersonReported("临安区人民法院", LA, "", "法官", CadreLevel.STAFF),
          "我和邻居的借款纠纷，一审判我败诉，我认为判决不公，法官偏向对方，要求纪委改判。",
          refer_to=ReferTo.JUDICIAL),
)  # fmt: skip

IN_SCOPE = tuple(s for s in STORIES if s.refer_to is None)
OUT_OF_SCOPE = tuple(s for s in STORIES if s.refer_to is not None)

# The end state of each demo case, in filing order (the story is chosen round-robin).
PLAN = (
    "archived",
    "feedback",
    "archived",
    "concluded",
    "investigation",
    "disposal_talk",
    "disposal_check",
    "not_accepted",
    "not_accepted",
    "parked",
    "assigned",
    "reopened",
    "leader_review",
    "accepted",
    "transferred",
    "assigned",
    "disposal_check",
    "registered",
    "duplicate",
    "accepted",
    "assigned",
    "received",
    "received",
    "disposal_talk",
    "concluded",
    "registered",
    "received",
    "accepted",
    "received",
    "registered",
    "received",
    "received",
    "unconfirmed",  # concluded, the facts not confirmed: the person cleared, the report in good faith (§10.4)
    "followed",  # sent down by the city and taken in by the county: the city follows it to its 报结 (§10.3)
    "assigned_by_higher",  # 交办 by the city with the 交办函's date, extended with the leader's approval (§10.3)
)
#: The plans that need an accusation about someone the county handles (stories of the county, in filing order).
COUNTY_PLANS = ("unconfirmed", "followed", "assigned_by_higher")


APPEAL_REASONS = "经复查，您已于6月12日书面报告隐患，原处分认定的失职情节不成立，改为批评教育。"
SUGGESTION_REPLY = "您的建议已采纳：村务公开将同时在村民微信群发布并保留一个月。感谢您的监督。"


def _feedback(story: Story, named: bool) -> str:
    """What the reporter is told: an appeal's reasons, a suggestion's reply, an accusation's result."""
    return {ReportType.APPEAL: APPEAL_REASONS, ReportType.SUGGESTION: SUGGESTION_REPLY}.get(
        story.report_type, _closure(named).feedback_text
    )


def _unconfirmed(named: bool) -> ClosureReport:
    """A conclusion that did not confirm the facts: what the office records, and what the reporter is told."""
    return ClosureReport(
        findings=(AllegationFinding("反映的主要问题", Finding.UNTRUE, ("评议记录", "收入核查表", "走访笔录")),),
        violation="无",
        action_taken="对被反映人予以澄清",
        collective_discussion=True,
        feedback_text="经核查，您反映的问题未能查实。感谢您对我们工作的支持。" if named else "",
        summary="不属实，予以澄清",
        clearing=Clearing.CLEARED,
        assessment=ReportAssessment.GOOD_FAITH,
    )


def _closure(named: bool) -> ClosureReport:
    return ClosureReport(
        findings=(AllegationFinding("反映的主要问题", Finding.PARTLY_TRUE, ("谈话笔录", "账目凭证")),),
        violation="《中国共产党纪律处分条例》相关条款",
        action_taken="谈话提醒，责令整改并退还违规款项",
        collective_discussion=True,
        feedback_text="经核查，您反映的问题部分属实，已对相关人员谈话提醒并责令整改。" if named else "",
        summary="部分属实，谈话提醒",
    )


async def load_demo(app: App) -> int:
    if any(u.code == "HZ" for u in await app.officers.list_units()):
        print("demo data is already loaded")
        return 0
    for code, name, level, region, parent in UNITS:
        await app.officers.add_unit(code, name, level, region, parent)
    staff: dict[tuple[str, Role], Actor] = {}
    for name, unit, role in OFFICERS:
        view = await app.officers.add_officer(name, unit, [role])
        staff.setdefault((unit, role), await app.officers.actor_for_officer(view.id))

    real_clock = app.ctx.clock
    now = real_clock.now()
    clock = ManualClock(now - timedelta(days=len(PLAN) + 10))
    app.ctx.clock = clock
    filed: list[str] = []
    try:
        for i, plan in enumerate(PLAN):
            pool = OUT_OF_SCOPE if plan == "not_accepted" else IN_SCOPE
            if plan in COUNTY_PLANS:
                pool = tuple(s for s in IN_SCOPE if s.person and s.person.region == LA and s.category)
            story = pool[i % len(pool)]
            named = i % 3 != 2 or plan in ("feedback", "reopened", "leader_review", "unconfirmed")
            assigned = plan == "assigned_by_higher"
            clock.set(now - timedelta(days=len(PLAN) + 8 - i, hours=3))
            receipt = await app.filing.file_report(
                NewReport(
                    report_type=story.report_type,
                    category=story.category,
                    facts=story.facts,
                    persons=(story.person,) if story.person else (),
                    appeal=story.appeal,
                    subject=story.subject,
                    reporter=ReporterIdentity(f"举报人{i + 1:02d}", f"1380013{i:04d}") if named else None,
                    chat_id=None,
                    query_password=None if named else "demo-password",
                    notify_opt_in=False,
                    channel=Channel.ASSIGNED_BY_HIGHER if assigned else Channel.TELEGRAM,
                    due_on=(now + timedelta(days=45)).date() if assigned else None,  # the 交办函's date
                )
            )
            filed.append(receipt.number)
            await _walk(app, clock, staff, receipt.unit_code, receipt.number, plan, named, story, filed)
    finally:
        app.ctx.clock = real_clock
    print(f"demo data loaded: {len(UNITS)} units, {len(OFFICERS)} officers, {len(filed)} cases")
    return 0


async def _walk(
    app: App,
    clock: ManualClock,
    staff: dict[tuple[str, Role], Actor],
    unit: str,
    number: str,
    plan: str,
    named: bool,
    story: Story,
    filed: list[str],
) -> None:
    """Take one case from ``received`` to the state ``plan`` names, an hour or so per step."""
    c = app.cases
    intake, handler = staff[(unit, Role.INTAKE)], staff[(unit, Role.HANDLER)]
    leader = staff[(unit, Role.SUPERVISOR)]  # approves the steps the rules give a leader (rules.md §10.2)
    steps = ["register", "accept", "assign", "dispose", "conclude", "feedback", "archive"]
    stop = {
        "received": 0,
        "registered": 1,
        "accepted": 2,
        "assigned": 3,
        "disposal_talk": 4,
        "disposal_check": 4,
        "parked": 4,
        "investigation": 4,
        "concluded": 5,
        "feedback": 6,
        "reopened": 6,
        "leader_review": 6,
        "archived": 7,
        "unconfirmed": 5,
        "assigned_by_higher": 3,
    }
    if plan == "followed":
        await _followed(c, clock, staff, number)
        return
    if plan in ("not_accepted", "duplicate", "transferred"):
        clock.advance(timedelta(hours=2))
        await c.register(number, intake)
        clock.advance(timedelta(hours=20))
        if plan == "not_accepted":
            await c.refer(number, intake, story.refer_to, "属于其他机关职责范围", approved_by=leader)
        elif plan == "duplicate":
            await c.mark_duplicate(number, intake, filed[0], "与此前反映的问题相同")
        else:
            await c.transfer(number, intake, "HZ", "涉及市管干部线索，按规定报送市纪委监委", approved_by=leader)
        return
    method = {
        "disposal_talk": DisposalMethod.TALK_OR_LETTER,
        "parked": DisposalMethod.PARK,
        "investigation": DisposalMethod.INVESTIGATE,
    }.get(plan, DisposalMethod.PRELIMINARY_CHECK)
    for step in steps[: stop[plan]]:
        clock.advance(timedelta(hours=26))
        if step == "register":
            await c.register(number, intake)
        elif step == "accept":
            await c.accept(number, intake)
        elif step == "assign":
            await c.assign(number, intake, handler.officer_id or 0)
        elif step == "dispose" and story.report_type is ReportType.ACCUSATION:
            await c.dispose(number, handler, method, "经集体研究", approved_by=leader)
        elif step == "conclude" and story.report_type is ReportType.APPEAL:  # its own path (rules.md §10.1)
            await c.decide_appeal(number, handler, AppealOutcome.CHANGED, APPEAL_REASONS, approved_by=leader)
        elif step == "conclude" and story.report_type is ReportType.SUGGESTION:
            await c.answer_suggestion(number, handler, SuggestionOutcome.ADOPTED, SUGGESTION_REPLY,
                                      approved_by=leader)  # fmt: skip
        elif step == "conclude":
            report = _unconfirmed(named) if plan == "unconfirmed" else _closure(named)
            await c.conclude(number, handler, report, approved_by=leader)
        elif step == "feedback" and named:
            await c.give_feedback(number, handler, _feedback(story, named))
        elif step == "archive":
            await c.archive(number, intake, approved_by=leader)
    if plan == "assigned":  # the handler's proposal waits in the leader's inbox (issue 15)
        clock.advance(timedelta(hours=3))
        with suppress(ApprovalRequested):
            if story.report_type is ReportType.APPEAL:
                await c.decide_appeal(number, handler, AppealOutcome.UPHELD, "原处分事实清楚、依据充分，建议维持")
            elif story.report_type is ReportType.SUGGESTION:
                await c.answer_suggestion(number, handler, SuggestionOutcome.PARTLY_ADOPTED, SUGGESTION_REPLY)
            else:
                await c.dispose(number, handler, DisposalMethod.PRELIMINARY_CHECK, "线索具体，建议初步核实")
    if plan == "assigned_by_higher":  # the handler asks for more time; the leader approves (§10.3 申请延长)
        clock.advance(timedelta(hours=5))
        await c.extend(number, handler, "需调取相关账目，已与交办机关沟通", (clock.now() + timedelta(days=75)).date(),
                       approved_by=leader)  # fmt: skip
    if plan == "reopened":  # the objection goes to a leader, who sends the case back (rules.md §10.4)
        clock.advance(timedelta(hours=30))
        await c.object(number, Actor.citizen(), "对处理结果有异议：问题并未整改，补助款仍在发放。")
        clock.advance(timedelta(hours=20))
        await c.send_back(number, staff[(unit, Role.SUPERVISOR)], "请核实补助款是否仍在发放，重新提出处理意见。")
    if plan == "leader_review":  # a 不满意 waiting for the leader's decision
        clock.advance(timedelta(hours=30))
        await c.perform(number, Action.RATE_DISSATISFIED, Actor.citizen())


async def _followed(c: CaseService, clock: ManualClock, staff: dict[tuple[str, Role], Actor], number: str) -> None:
    """Sent up by the county, sent back down by the city and taken in there: the city follows it (§10.3)."""
    la, hz = staff[("LA", Role.INTAKE)], staff[("HZ", Role.INTAKE)]
    for step in range(4):
        clock.advance(timedelta(hours=6))
        if step == 0:
            await c.register(number, la)
            await c.transfer(number, la, "HZ", "涉及市管干部线索", approved_by=staff[("LA", Role.SUPERVISOR)])
        elif step == 1:
            await c.receive_transfer(number, hz)
        elif step == 2:
            await c.transfer(number, hz, "LA", "经研究，交临安区纪委监委办理并报结果",
                             approved_by=staff[("HZ", Role.SUPERVISOR)])  # fmt: skip
        else:
            await c.receive_transfer(number, la)
            await c.accept(number, la)
