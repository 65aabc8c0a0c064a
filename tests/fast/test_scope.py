"""The scope check, fast: accept, refer, unclear then clarified, questions outside a dialog (tests/fast/chat.py).
The urgent path, which pushes to officers through the outbox, runs end to end in tests/bot/test_scope.py."""

from __future__ import annotations

from .chat import FastChat

CHAT = 910001


async def begin(h: FastChat) -> None:
    await h.say(CHAT, "/start")
    await h.tap(CHAT, "我已阅读")


async def test_accept_goes_on_to_the_form(chat: FastChat) -> None:
    await begin(chat)
    seen = await chat.say(CHAT, "派出所民警说不给两千块钱就不给立案")
    assert "属于受理范围" in seen[0] and "请选择类型" in seen[-1]


async def test_refer_names_the_body_and_how_and_allows_filing_anyway(chat: FastChat) -> None:
    h = chat
    await begin(h)
    seen = await h.say(CHAT, "我家条件差，为什么没评上低保？")
    assert "有关政府部门" in seen[0] and "12345" in seen[0] and "仍然可以向我们举报" in seen[0]
    assert [label for row in h.last_keyboard(CHAT) for label, _ in row] == ["我仍然要提交", "结束"]
    insisted = await h.tap(CHAT, "我仍然要提交")
    assert "请选择类型" in insisted[-1]  # the citizen may still file
    await h.say(CHAT, "/cancel")
    assert len(h.fakes.filing.cases) == 0


async def test_unclear_then_clarified_with_two_questions(chat: FastChat) -> None:
    h = chat
    await begin(h)
    first = await h.say(CHAT, "他们欺负人")
    assert "涉及的是谁" in first[-1]
    second = await h.tap(CHAT, "党员、干部或公职人员")
    assert "行使职权" in second[-1]
    decided = await h.tap(CHAT, "怎样行使职权")
    assert "请选择类型" in decided[-1]
    # the other answer: a private dispute with an official is referred (mediation)
    await h.say(CHAT, "/cancel")
    await begin(h)
    await h.tap(CHAT, "不知道怎么说")
    await h.tap(CHAT, "党员、干部或公职人员")
    referred = await h.tap(CHAT, "私人之间的纠纷")
    assert "人民调解" in referred[0]


async def test_questions_outside_a_dialog_are_answered(chat: FastChat) -> None:
    h = chat
    referral = await h.say(CHAT, "纪委管不管物业乱收费？")  # asked: the answer names the body, once
    assert "市场监管部门" in referral[0] and "12315" in referral[0] and len(referral) == 2
    assert "我要举报" in [label for row in h.last_keyboard(CHAT) for label, _ in row]
    answer = await h.say(CHAT, "匿名举报会被查到吗")  # issue 16: it began "会。" — a worried reader stopped there
    assert not answer[0].startswith(("会", "不会")) and "Telegram 平台" in answer[0]
    assert "依据：《信访工作条例》" in answer[0]
    menu = await h.say(CHAT, "/faq")
    assert "常见问题" in menu[0]
    await h.tap(CHAT, "期限与答复")
    how_long = await h.tap(CHAT, "多久能知道受理没有")
    assert "15个工作日" in how_long[0]
    danger = await h.say(CHAT, "活着没意思，不想活了")
    assert "12356" in danger[0]
    assert [c[0] for c in h.fakes.calls.of("urgent.raise_alert")] == ["活着没意思，不想活了"]  # officers are told


async def test_who_is_it_about_is_answered_by_who_not_by_yes_or_no(chat: FastChat) -> None:
    """Issue 12 item 6: the buttons under "这件事涉及的是谁？" name people, they do not say yes or no."""
    h = chat
    await begin(h)
    await h.tap(CHAT, "不知道怎么说")
    labels = [label for row in h.last_keyboard(CHAT) for label, _ in row]
    assert "涉及的是谁" in h.texts(CHAT)[-1] and len(labels) == 3
    assert not any(label.startswith(("是", "不是", "否")) for label in labels), labels
    assert any("党员、干部或公职人员" in label for label in labels)
    assert any("私人" in label or "普通群众" in label for label in labels)
    await h.say(CHAT, "/lang")
    await h.tap(CHAT, "English")
    english = [label for row in h.last_keyboard(CHAT) for label, _ in row]
    assert not any(label.lower().startswith(("yes", "no,", "no ")) for label in english), english


async def test_a_question_for_the_sentence_is_answered_and_the_sentence_asked_again(chat: FastChat) -> None:
    """ "How long until I hear back?" typed where the sentence is asked was taken as the description and the
    citizen asked who it was about (issue 16): a question only is answered (here: candidates to tap), the sentence
    asked again; a report with a question in passing still goes on."""
    h = chat
    await begin(h)
    seen = await h.say(CHAT, "How long until I hear back?")
    assert seen[0].startswith("Did you mean") and "用一两句话" in seen[-1]  # the header in the candidates' language
    offered = next(s.keyboard for s in reversed(h.sent[CHAT]) if s.text.startswith("Did you mean"))
    assert [row[0][0].endswith("?") for row in offered] == [True, True, True, False]  # and "都不是"
    tapped = await h.tap_data(CHAT, offered[0][0][1])
    assert "依据" in tapped[0] and "用一两句话" in tapped[-1]  # the answer, and still the sentence to write
    answered = await h.say(CHAT, "多久能有答复？")
    assert "15个工作日" in answered[0] and "用一两句话" in answered[-1]
    decided = await h.say(CHAT, "村支书把低保名额给了自己的亲戚，纪委管吗")
    assert "属于受理范围" in decided[0] and "请选择类型" in decided[-1]
