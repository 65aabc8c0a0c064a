"""A reporter's 不满意 and objection, fast (rules.md §10.4): the rating says it went to a leader, a result a leader
confirmed is not objected to again (004 (十一)), and the leaders' push carries the two decisions. The whole path
(push, decision, reply, deadlines, database) runs end to end in tests/bot/test_review.py."""

from __future__ import annotations

from bot.callbacks import Act, Objection, OpenCase, Rate
from bot.front import notification_keyboard
from bot.i18n import Translator
from core.model import Action, CaseState, Satisfaction
from tests.factories import named_report

from .chat import FastChat

CHAT = 741001


async def _with_feedback(h: FastChat) -> str:
    number = (await h.fakes.filing.file_report(named_report(chat_id=CHAT))).number
    h.fakes.filing.case(number).feedback = "经核查，部分属实，已责令整改。"
    await h.say(CHAT, "/help")
    return number


async def test_a_dissatisfied_rating_is_said_to_go_to_a_leader_and_a_good_one_is_thanked(chat: FastChat) -> None:
    h = chat
    number = await _with_feedback(h)
    told = await h.tap_data(CHAT, Rate(number, Satisfaction.DISSATISFIED).pack())
    assert "谢谢您的评价：不满意" in told[0] and "转领导审核" in told[0] and number in told[0]
    assert h.fakes.filing.case(number).state is CaseState.LEADER_REVIEW
    h.fakes.filing.case(number).confirmed = True  # a leader confirmed the result: a new rating is only counted
    again = await h.tap_data(CHAT, Rate(number, Satisfaction.SATISFIED).pack())
    assert again == ["谢谢您的评价：满意。"]


async def test_an_objection_to_a_confirmed_result_is_refused_before_it_is_written(chat: FastChat) -> None:
    h = chat
    number = await _with_feedback(h)
    h.fakes.filing.case(number).confirmed = True
    refused = await h.tap_data(CHAT, Objection(number).pack())
    assert len(refused) == 1 and "对已审核认定办结的信访事项不再受理" in refused[0] and number in refused[0]
    await h.say(CHAT, "整改没有落实，低保金至今没有退回。")  # no objection dialog was started
    assert h.fakes.filing.case(number).objections == []


async def test_an_objection_confirmed_meanwhile_is_refused_politely_and_nothing_is_kept(chat: FastChat) -> None:
    h = chat
    number = await _with_feedback(h)
    asked = await h.tap_data(CHAT, Objection(number).pack())
    assert "异议" in asked[-1]
    await h.say(CHAT, "整改没有落实，低保金至今没有退回。")
    await h.tap(CHAT, "完成")
    h.fakes.filing.case(number).confirmed = True  # the leader confirmed another challenge meanwhile
    done = await h.tap(CHAT, "确认提交")
    assert "不再受理" in done[0] and "异议已记录" not in done[0]
    assert h.fakes.filing.case(number).objections == []


async def test_before_confirmation_the_objection_goes_to_the_leader(chat: FastChat) -> None:
    h = chat
    number = await _with_feedback(h)
    await h.tap_data(CHAT, Objection(number).pack())
    await h.say(CHAT, "整改没有落实，低保金至今没有退回。")
    await h.tap(CHAT, "完成")
    filed = await h.tap(CHAT, "确认提交")
    assert "异议已记录" in filed[0] and "领导" in filed[0]
    assert h.fakes.filing.case(number).state is CaseState.LEADER_REVIEW


def test_the_leaders_push_offers_the_two_decisions_and_the_case(translator: Translator) -> None:
    number = "XF-2026-000007"
    for template in ("notify.officer.review_dissatisfied", "notify.officer.review_objection"):
        rows = notification_keyboard(translator, "zh-CN", template, {"number": number, "report_type": "accusation"})
        assert rows == (
            (("退回重新办理", Act(number, Action.SEND_BACK).pack()),
             ("维持结果并答复", Act(number, Action.CONFIRM_RESULT).pack())),
            (("查看案件", OpenCase(number).pack()),),
        )  # fmt: skip
        text = translator.notification("en", template, {"number": number, "report_type": "appeal", "text": "x"})
        assert number in text and "appeal" in text.lower()
