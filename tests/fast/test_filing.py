"""A citizen files reports: the conversation paths, fast (tests/fast/chat.py). What only a real runtime or the
database can show (files over HTTP, a restart on the database, concurrent taps) is in tests/bot/test_filing.py."""

from __future__ import annotations

import hashlib

from bot.dialogs.codec import decode, encode
from tests.factories import FACTS, compound_file, ooxml
from tests.walks import JPEG, finish_anonymous, walk_to_facts, walk_to_identity

from .chat import FastChat

CHAT = 700001


async def test_anonymous_filing_then_status_with_code_and_password(chat: FastChat) -> None:
    h = chat
    await walk_to_facts(h, CHAT, named=False)
    seen = await finish_anonymous(h, CHAT)
    assert "匿名" in seen[-1] and "刘举报" not in seen[-1]  # the review
    seen = await h.tap(CHAT, "内容无误") + await h.tap(CHAT, "确认提交")
    receipt = next(t for t in seen if "查询码" in t)
    code = receipt.split("查询码：")[1].split("\n")[0]
    number = receipt.split("编号：")[1].split("\n")[0]
    # Both password messages were deleted from the chat, and never echoed back.
    assert not [t for t in h.texts(CHAT) if "lao-li-2026!" in t], "the password was echoed by the bot"
    assert len(h.deleted[CHAT]) >= 2

    # Wrong password, then wrong code: the same answer.
    await h.say(CHAT, "/status")
    await h.say(CHAT, code)
    wrong = await h.say(CHAT, "not-the-password")
    await h.say(CHAT, "/status")
    await h.say(CHAT, "ABCDE-FGHJK-MNPQR-STUVW")
    wrong_code = await h.say(CHAT, "lao-li-2026!")
    assert wrong == wrong_code and "不正确" in wrong[0]

    await h.say(CHAT, "/status")
    await h.say(CHAT, code.lower().replace("-", " "))  # codes are forgiving about case and separators
    right = await h.say(CHAT, "lao-li-2026!")
    assert number in right[-1] and "已收到，待受理" in right[-1]
    report = h.fakes.filing.case(number).report
    assert report.reporter is None and not report.named and report.notify_opt_in
    assert report.query_password == "lao-li-2026!"


async def test_out_of_scope_is_referred_and_nothing_is_filed(chat: FastChat) -> None:
    h = chat
    await h.say(CHAT, "/start")
    await h.tap(CHAT, "我已阅读")
    referral = await h.say(CHAT, "我借给同村王某15万，有借条，五年了一分没还，想让他还钱")
    assert "人民法院" in referral[0] and "仍然可以向我们举报" in referral[0]
    ended = await h.tap(CHAT, "结束")
    assert "/start" in ended[0]
    assert len(h.fakes.filing.cases) == 0


async def test_edit_the_facts_from_the_review(chat: FastChat) -> None:
    h = chat
    await walk_to_facts(h, CHAT, named=False)
    await finish_anonymous(h, CHAT)
    prompt = await h.tap(CHAT, "修改主要问题")
    assert "请写清楚主要问题" in prompt[0]
    better = FACTS.replace("约2万元", "约2.4万元，有银行流水截图")
    review = await h.say(CHAT, better)
    assert "约2.4万元" in review[-1] and review[-1].startswith("请核对")
    seen = await h.tap(CHAT, "内容无误") + await h.tap(CHAT, "确认提交")
    number = next(t for t in seen if "编号" in t).split("编号：")[1].split("\n")[0]
    assert h.fakes.filing.case(number).report.facts == better


BAD_TEXTS = {
    "blank": ("   ", "不能为空"),
    "huge": ("举" * 10_000, "太长了"),
    "emoji": ("😀🙏🔥", "不能为空"),
}


async def test_bad_text_at_each_step_gets_a_clear_message_and_loses_nothing(chat: FastChat) -> None:
    h = chat
    await walk_to_identity(h, CHAT, "实名举报")
    # name, phone, person unit: each bad input is explained and the same question asked again
    for good, question in (("刘举报", "真实姓名"), ("13800138000", "联系电话")):
        for bad, message in BAD_TEXTS.values():
            seen = await h.say(CHAT, bad)
            if question == "联系电话":
                message = "电话号码格式不对"
            assert message in seen[0] and question in seen[-1], (bad[:10], seen)
        await h.say(CHAT, good)
    await h.tap(CHAT, "跳过")  # ID number
    await h.say(CHAT, "<b>张某</b>")  # markup stays literal text
    for bad, message in BAD_TEXTS.values():
        seen = await h.say(CHAT, bad)
        assert message in seen[0] and "工作单位" in seen[-1]
    await h.say(CHAT, "<a href='tg://user?id=1'>某村</a>村委会")
    await h.tap(CHAT, "跳过")
    for label in ("村（社区）干部", "浙江省/杭州市/临安区", "中共党员", "没有了", "群众纪律"):
        await h.tap(CHAT, label)
    assert "请只写事实" in (await h.say(CHAT, "   "))[-1]
    assert "太长" in (await h.say(CHAT, "举" * 10_000))[0]
    assert "只有表情或符号" in (await h.say(CHAT, "😀🙏🔥"))[0]
    # A vague account is not refused: it is met with specific follow-up questions.
    vague = await h.say(CHAT, "他贪污")
    assert "什么时间" in vague[-1]
    assert "什么地方" in (await h.say(CHAT, "去年春节前后"))[-1]
    assert "多少钱" in (await h.say(CHAT, "村委会办公室"))[-1]
    assert "怎么知道" in (await h.say(CHAT, "大概两万元"))[-1]
    await h.tap(CHAT, "不清楚")
    await h.tap(CHAT, "跳过")
    review = await h.tap(CHAT, "完成")
    assert "1. <b>张某</b>，<a href='tg://user?id=1'>某村</a>村委会" in review[-1]
    assert "他贪污\n+ 去年春节前后\n+ 村委会办公室\n+ 大概两万元" in review[-1]


async def test_language_can_be_switched_mid_dialog(chat: FastChat) -> None:
    h = chat
    await h.say(CHAT, "/start")
    await h.tap(CHAT, "我已阅读")
    await h.say(CHAT, "/lang")
    seen = await h.tap(CHAT, "English")
    assert seen[0] == "Language switched to English." and "what would you like to report" in seen[1]
    assert "Accusation" in (await h.say(CHAT, "The village party secretary took bribes for land permits"))[-1]


async def test_a_region_not_listed_can_be_typed(chat: FastChat) -> None:
    h = chat
    await walk_to_identity(h, CHAT, "匿名举报")
    for answer in ("张某某", "临安区某镇某村村委会", "村党支部书记"):
        await h.say(CHAT, answer)
    await h.tap(CHAT, "村（社区）干部")
    labels = [text for row in h.last_keyboard(CHAT) for text, _ in row]
    assert "其他地区（手动输入）" in labels and not any(label.startswith("button.") for label in labels)
    asked = await h.tap(CHAT, "其他地区")
    assert "政治面貌" not in asked[-1]
    assert "政治面貌" in (await h.say(CHAT, "浙江省/杭州市/西湖区"))[-1]


async def test_editing_the_persons_then_back_keeps_them_and_submit_works(chat: FastChat) -> None:
    """Issue 12 item 1: starting an edit does not destroy what it edits; /back returns to an intact review."""
    h = chat
    await walk_to_facts(h, CHAT)
    await h.say(CHAT, FACTS)
    await h.tap(CHAT, "跳过")
    review = (await h.tap(CHAT, "完成"))[-1]
    assert "1. 张某某" in review
    asked = await h.tap(CHAT, "修改被反映人")
    assert "姓名" in asked[-1]
    back = await h.say(CHAT, "/back")
    assert back[-1].startswith("请核对") and "1. 张某某，临安区某镇某村村委会" in back[-1]
    seen = await h.tap(CHAT, "内容无误") + await h.tap(CHAT, "确认提交")
    number = next(t for t in seen if "编号：" in t).split("编号：")[1].split("\n")[0]
    assert [p.name for p in h.fakes.filing.case(number).report.persons] == ["张某某"]
    # an edit carried through replaces the persons: the new list, not the old one plus the new
    await walk_to_facts(h, CHAT + 1)
    await h.say(CHAT + 1, FACTS)
    await h.tap(CHAT + 1, "跳过")
    await h.tap(CHAT + 1, "完成")
    await h.tap(CHAT + 1, "修改被反映人")
    for text in ("李某", "临安区某镇人民政府", "副镇长"):
        await h.say(CHAT + 1, text)
    for label in ("乡科级", "浙江省/杭州市/临安区", "中共党员"):
        await h.tap(CHAT + 1, label)
    review = (await h.tap(CHAT + 1, "没有了"))[-1]
    persons = review.split("被反映人：")[1].split("问题类别")[0]
    assert "1. 李某" in persons and "张某某" not in persons and "2." not in persons


async def test_a_review_missing_required_data_offers_no_submit(chat: FastChat) -> None:
    """Issue 12 item 1: a review the filing service would refuse (here: no person, as the previous version left
    a dialog after an edit of the persons was abandoned) points at what is missing and offers no submit."""
    h = chat
    await walk_to_facts(h, CHAT, named=False)
    await finish_anonymous(h, CHAT)
    store = h.fakes.store
    saved = await store.load(CHAT)
    c = decode(saved.payload) if saved is not None else None
    assert saved is not None and c is not None and c.step == "review"
    c.answers["persons"] = []  # what 修改被反映人 then /back left behind
    await store.save(CHAT, encode(c), saved.version)
    h.restart()  # nothing of the dialog in memory
    shown = await h.say(CHAT, "/start")
    labels = [label for row in h.last_keyboard(CHAT) for label, _ in row]
    assert not any("内容无误" in label for label in labels), labels
    assert "被反映人" in shown[-1] and "至少" in shown[-1]
    assert any("被反映人" in label for label in labels)
    # a submit tap from the earlier review message is refused with the reason, nothing is filed
    refused = await h.tap_data(CHAT, "s:review:submit")
    assert "被反映人" in refused[0] and len(h.fakes.filing.cases) == 0
    assert "确认提交" not in " ".join(label for row in h.last_keyboard(CHAT) for label, _ in row)
    # the fix: enter the person, then the review offers submit and filing works
    await h.tap(CHAT, "被反映人")
    await h.tap(CHAT, "跳过")
    await h.say(CHAT, "某镇政府")
    await h.tap(CHAT, "跳过")
    for label in ("不清楚", "浙江省/杭州市/临安区", "不清楚", "没有了"):
        await h.tap(CHAT, label)
    seen = await h.tap(CHAT, "内容无误") + await h.tap(CHAT, "确认提交")
    assert any("查询码：" in t for t in seen) and len(h.fakes.filing.cases) == 1


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def test_spreadsheets_are_accepted_and_one_file_can_be_removed(chat: FastChat) -> None:
    """Issue 12 item 7: xlsx, xls and csv (UTF-8 and GBK) are accepted, content-checked (a csv with a formula is
    refused); one file of several can be removed, and a remove button of a file already removed says so."""
    h = chat
    xlsx = ooxml("xl/workbook.xml", "xl/worksheets/sheet1.xml")
    xls = compound_file("Workbook")
    csv = "村民小组,姓名,金额（元）\n一组,赵某,580\n".encode("gbk")
    await walk_to_facts(h, CHAT, named=False)
    await h.say(CHAT, FACTS)
    await h.tap(CHAT, "跳过")
    assert "已收到第 1 个文件" in (await h.document(CHAT, xlsx, "低保名单.xlsx", XLSX_MIME))[0]
    assert "已收到第 2 个文件" in (await h.document(CHAT, xls, "台账.xls", "application/vnd.ms-excel"))[0]
    assert "已收到第 3 个文件" in (await h.document(CHAT, csv, "账目.csv", "text/csv"))[0]
    formula = await h.document(CHAT, b'a,b\n1,=HYPERLINK("http://x")\n', "x.csv", "text/csv")
    assert "公式" in formula[0] and "您之前的内容都还在" in formula[0]
    assert "已收到第 4 个文件" in (await h.photo(CHAT, JPEG))[0]
    choose = await h.tap(CHAT, "删除其中一个")
    labels = [label for row in h.last_keyboard(CHAT) for label, _ in row]
    assert "删除哪一个" in choose[-1] and sum("低保名单.xlsx" in x or "台账.xls" in x for x in labels) == 2
    stale = h.button(CHAT, "台账.xls")
    removed = await h.tap(CHAT, "台账.xls")
    assert "已删除「台账.xls」" in removed[0] and "已收到 3 个" in removed[-1]
    again = await h.tap_data(CHAT, stale)
    assert "已经删除" in again[0] and "已收到 3 个" in again[-1]
    seen = await h.tap(CHAT, "完成")
    for text in ("sheet-pass-1", "sheet-pass-1"):
        seen += await h.say(CHAT, text)
    review = (await h.tap(CHAT, "需要提醒"))[-1]
    assert "低保名单.xlsx" in review and "账目.csv" in review and "台账.xls" not in review
    seen = await h.tap(CHAT, "内容无误") + await h.tap(CHAT, "确认提交")
    number = next(t for t in seen if "编号：" in t).split("编号：")[1].split("\n")[0]
    staged = h.fakes.filing.case(number).report.staged
    assert [e.sha256 for e in staged] == [hashlib.sha256(d).hexdigest() for d in (xlsx, csv, JPEG)]
    assert len(h.fakes.filing.staged) == 3  # the removed file is gone from the store too


async def test_faq_during_the_review_and_buttons_of_older_messages(chat: FastChat) -> None:
    """Issue 12 item 10: /faq during the review shows the questions with a way back, and the review comes back
    after an answer; buttons of older messages do what they said while it still holds, else are refused with
    where the citizen is — never a silent "use the buttons"."""
    h = chat
    await walk_to_facts(h, CHAT, named=False)
    await h.say(CHAT, "他贪污")  # vague: follow-up questions, each with its own "don't know"
    when_skip = h.button(CHAT, "不清楚")
    await h.say(CHAT, "去年春节前后")  # now "where?"
    stale = await h.tap_data(CHAT, when_skip)  # "don't know" of the *when* question
    assert "较早" in stale[0] and "什么地方" in stale[-1]  # refused, the current question asked again
    forged = await h.tap_data(CHAT, "s:facts_more:__skip:nonsense")
    assert "较早" in forged[0]
    await h.tap(CHAT, "不清楚")  # where
    await h.tap(CHAT, "不清楚")  # amount
    await h.tap(CHAT, "不清楚")  # how known
    await h.tap(CHAT, "跳过")
    await h.tap(CHAT, "完成")
    await h.say(CHAT, "faq-pass-1")
    await h.say(CHAT, "faq-pass-1")
    review = (await h.tap(CHAT, "需要提醒"))[-1]
    submit = h.button(CHAT, "内容无误")
    menu = await h.say(CHAT, "/faq")
    assert len(menu) == 1 and "常见问题" in menu[0]  # the menu alone, the review not renumbered under it
    labels = [label for row in h.last_keyboard(CHAT) for label, _ in row]
    assert any("返回" in label for label in labels)
    await h.tap(CHAT, "期限与答复")  # a subject: its questions
    answered = await h.tap(CHAT, "多久能知道受理没有")
    assert "15个工作日" in answered[0] and answered[-1] == review  # the review again, where the citizen was
    await h.say(CHAT, "/faq")
    assert (await h.tap(CHAT, "返回"))[-1] == review
    wrong = await h.tap_data(CHAT, "s:category:no-such-category")
    assert "较早" in wrong[0] and wrong[-1] == review
    confirm = await h.tap_data(CHAT, submit)  # the first review message's submit still does what it said
    assert "提交前请确认" in confirm[-1]
    seen = await h.tap(CHAT, "确认提交")
    assert any("查询码：" in t for t in seen)
