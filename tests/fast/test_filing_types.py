"""The appeal's and the suggestion's own questions at filing (rules.md §10.1, issue 15 item 2), fast: an appellant
is asked for the decision appealed and the grounds, a suggester for the subject and the content; neither for a
person reported or a discipline category. The full path to the outcome, on the database: tests/bot/test_appeals.py."""

from __future__ import annotations

from core.model import AppealedDecision, ReportType
from core.reports import AppealedDecisionDetails

from .chat import FastChat

CHAT = 700301
GROUNDS = "处分认定我未及时上报防汛隐患，但我在6月12日已书面报告分管领导，有签收记录。"


async def start(h: FastChat, kind: str, identity: str = "匿名举报") -> list[str]:
    seen = await h.say(CHAT, "/start")
    seen += await h.tap(CHAT, "我已阅读")
    seen += await h.say(CHAT, "我对镇党委给我的处分不服")
    seen += await h.tap(CHAT, kind)
    return seen + await h.tap(CHAT, identity)


async def anonymous_to_review(h: FastChat) -> list[str]:
    seen = await h.tap(CHAT, "完成")  # no evidence
    seen += await h.say(CHAT, "lao-li-2026!")
    seen += await h.say(CHAT, "lao-li-2026!")
    return seen + await h.tap(CHAT, "需要提醒")


async def test_an_appeal_asks_for_the_decision_and_the_grounds_not_for_a_person(chat: FastChat) -> None:
    h = chat
    asked = await start(h, "申诉")
    assert "哪个机关作出的决定" in asked[-1] and "被反映人" not in asked[-1]
    assert "至少" in (await h.say(CHAT, "镇"))[0]  # too short: asked again, nothing lost
    assert "什么时候" in (await h.say(CHAT, "临安区某镇党委"))[-1]
    await h.say(CHAT, "2026年7月")
    kinds = [label for row in h.last_keyboard(CHAT) for label, _ in row]
    assert kinds == ["党纪处分", "政务处分", "监察措施或监察机关的处理", "其他处理决定"]
    await h.tap(CHAT, "监察措施")
    await h.say(CHAT, "对我采取留置措施超过法定期限")
    await h.tap(CHAT, "跳过")  # no document number
    grounds_asked = h.texts(CHAT)[-1]
    assert "哪里不对" in grounds_asked
    await h.say(CHAT, GROUNDS)
    await h.tap(CHAT, "跳过")  # other bodies
    review = await anonymous_to_review(h)
    assert "申诉的决定：" in review[-1] and "监察措施或监察机关的处理" in review[-1]
    assert "文号：（未填写）" in review[-1]
    assert "被反映人" not in review[-1] and "问题类别" not in review[-1]
    labels = [label for row in h.last_keyboard(CHAT) for label, _ in row]
    assert "修改申诉的决定" in labels and "修改申诉理由" in labels and "修改被反映人" not in labels

    # the decision edited from the review: its questions again, then back to the review
    await h.tap(CHAT, "修改申诉的决定")
    await h.say(CHAT, "临安区纪委监委")
    await h.say(CHAT, "2026年8月")
    await h.tap(CHAT, "监察措施")
    await h.say(CHAT, "对我采取留置措施超过法定期限")
    back = await h.say(CHAT, "临监留〔2026〕3号")
    assert "临安区纪委监委，2026年8月" in back[-1] and "临监留〔2026〕3号" in back[-1]
    seen = await h.tap(CHAT, "内容无误") + await h.tap(CHAT, "确认提交")
    assert any("查询码：" in t for t in seen)
    report = h.fakes.filing.cases[0].report
    assert report.report_type is ReportType.APPEAL and report.persons == () and report.category is None
    assert report.facts == GROUNDS
    assert report.appeal == AppealedDecisionDetails(
        "临安区纪委监委", "2026年8月", AppealedDecision.SUPERVISION_MEASURE, "对我采取留置措施超过法定期限",
        "临监留〔2026〕3号")  # fmt: skip


async def test_a_suggestion_names_its_subject_and_a_type_changed_at_the_review_asks_its_own_fields(
    chat: FastChat,
) -> None:
    h = chat
    asked = await start(h, "批评建议", identity="实名举报")
    await h.say(CHAT, "刘建议")
    await h.say(CHAT, "138 0013 8002")
    asked = await h.tap(CHAT, "跳过")  # ID number
    assert "主题" in asked[-1]
    await h.say(CHAT, "村务公开的方式")
    content = await h.say(CHAT, "建议村务公开同时发在村民微信群并保留一个月。")
    assert "证据材料" in content[-1]  # no "other bodies" question for a suggestion
    review = await h.tap(CHAT, "完成")
    assert "主题：村务公开的方式" in review[-1] and "被反映人" not in review[-1]

    # changed to an appeal at the review: the review asks for the decision appealed before offering submit
    await h.tap(CHAT, "修改类型")
    review = await h.tap(CHAT, "申诉")
    labels = [label for row in h.last_keyboard(CHAT) for label, _ in row]
    assert not any("内容无误" in label for label in labels) and labels[0] == "修改申诉的决定"
    assert "还需要写明申诉的是哪个决定" in review[-1]
    await h.tap(CHAT, "修改类型")
    await h.tap(CHAT, "批评建议")
    seen = await h.tap(CHAT, "内容无误") + await h.tap(CHAT, "确认提交")
    assert any("您的意见建议编号" in t for t in seen)
    report = h.fakes.filing.cases[0].report
    assert report.report_type is ReportType.SUGGESTION and report.subject == "村务公开的方式"
    assert report.persons == () and report.category is None and report.appeal is None and report.named
