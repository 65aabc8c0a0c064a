"""A citizen files reports through the real aiogram runtime over HTTP; the database shows the result."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select

from bot.dialogs.codec import decode, encode
from core.persistence.orm import CaseRow, EvidenceRow
from core.services.dialog_store import DialogStore
from qingfeng.app import App
from tests.factories import FACTS, compound_file, ooxml

from .conftest import BotHarness

CHAT = 700001
SCOPE_SENTENCE = "村支书把低保名额给了自己的亲戚"
JPEG = b"\xff\xd8\xff\xe0" + b"photo-of-the-ledger" * 100
PDF = b"%PDF-1.7\n" + b"minutes of the village meeting" * 50


async def walk_to_identity(h: BotHarness, chat: int, choice: str, begin: bool = True) -> list[str]:
    """From /start (or the notice already shown) through the scope sentence and the type to the identity
    choice, tapping ``choice`` (实名举报 / 匿名举报)."""
    seen = await h.say(chat, "/start") if begin else []
    seen += await h.tap(chat, "我已阅读")
    seen += await h.say(chat, SCOPE_SENTENCE)
    seen += await h.tap(chat, "检举控告")
    return seen + await h.tap(chat, choice)


async def walk_to_facts(h: BotHarness, chat: int, named: bool = True, begin: bool = True) -> list[str]:
    """From /start (or, without ``begin``, from the notice already shown) to the facts question."""
    seen = await walk_to_identity(h, chat, "实名举报" if named else "匿名举报", begin)
    if named:
        seen += await h.say(chat, "刘举报")
        seen += await h.say(chat, "138 0013 8000")
        seen += await h.tap(chat, "跳过")
    seen += await h.say(chat, "张某某")
    seen += await h.say(chat, "临安区某镇某村村委会")
    seen += await h.say(chat, "村党支部书记")
    seen += await h.tap(chat, "村（社区）干部")
    seen += await h.tap(chat, "浙江省/杭州市/临安区")
    seen += await h.tap(chat, "中共党员")
    seen += await h.tap(chat, "没有了")
    seen += await h.tap(chat, "群众纪律")
    return seen


async def case_count(app: App) -> int:
    async with app.ctx.uow() as uow:
        return int((await uow.session.execute(select(func.count()).select_from(CaseRow))).scalar_one())


async def test_named_filing_with_a_photo_and_a_pdf(harness: BotHarness, app: App) -> None:
    h = harness
    seen = await walk_to_facts(h, CHAT)
    seen += await h.say(CHAT, FACTS)
    seen += await h.tap(CHAT, "跳过")  # other bodies
    seen += await h.photo(CHAT, JPEG)
    seen += await h.document(CHAT, PDF, "会议记录.pdf", "application/pdf")
    seen += await h.tap(CHAT, "完成")
    seen += await h.tap(CHAT, "内容无误")
    seen += await h.tap(CHAT, "确认提交")
    print("\n".join(h.transcript))
    assert "已提交" in seen[-2]
    number = seen[-2].split("编号：")[1].split("\n")[0]
    detail = await app.queries.case_detail(number)
    assert detail.summary.named and detail.facts == FACTS
    assert [e.sha256 for e in detail.evidence] == [hashlib.sha256(JPEG).hexdigest(), hashlib.sha256(PDF).hexdigest()]
    async with app.ctx.uow() as uow:
        keys = (await uow.session.execute(select(EvidenceRow.storage_key).order_by(EvidenceRow.id))).scalars().all()
    for key, data in zip(keys, (JPEG, PDF), strict=True):
        raw = (app.settings.evidence_dir / f"{key}.bin").read_bytes()
        assert data not in raw and await app.ctx.evidence.get(key) == data


async def finish_anonymous(h: BotHarness, chat: int, facts: str = FACTS, password: str = "lao-li-2026!") -> list[str]:
    seen = await h.say(chat, facts)
    seen += await h.tap(chat, "跳过")  # other bodies
    seen += await h.tap(chat, "完成")  # no evidence
    seen += await h.say(chat, password)
    seen += await h.say(chat, password)
    seen += await h.tap(chat, "需要提醒")
    return seen


async def test_anonymous_filing_then_status_with_code_and_password(harness: BotHarness, app: App) -> None:
    h, tg = harness, harness.tg
    await walk_to_facts(h, CHAT, named=False)
    seen = await finish_anonymous(h, CHAT)
    assert "匿名" in seen[-1] and "刘举报" not in seen[-1]  # the review
    seen = await h.tap(CHAT, "内容无误") + await h.tap(CHAT, "确认提交")
    receipt = next(t for t in seen if "查询码" in t)
    code = receipt.split("查询码：")[1].split("\n")[0]
    number = receipt.split("编号：")[1].split("\n")[0]
    # Both password messages were deleted from the chat, and never echoed back.
    user_msgs = [m for m in tg.sent(CHAT) if "lao-li-2026!" in (m.get("text") or "")]
    assert not user_msgs, "the password was echoed by the bot"
    assert len(tg.deleted(CHAT)) >= 2

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
    async with app.ctx.uow() as uow:
        case = (await uow.session.execute(select(CaseRow).where(CaseRow.number == number))).scalar_one()
        assert case.reporter_enc is None and not case.named and case.notify_opt_in
        assert case.password_hash and "lao-li" not in case.password_hash


async def test_out_of_scope_is_referred_and_nothing_is_filed(harness: BotHarness, app: App) -> None:
    h = harness
    await h.say(CHAT, "/start")
    await h.tap(CHAT, "我已阅读")
    referral = await h.say(CHAT, "我借给同村王某15万，有借条，五年了一分没还，想让他还钱")
    assert "人民法院" in referral[0] and "仍然可以向我们举报" in referral[0]
    ended = await h.tap(CHAT, "结束")
    assert "/start" in ended[0]
    assert await case_count(app) == 0


async def test_edit_the_facts_from_the_review(harness: BotHarness, app: App) -> None:
    h = harness
    await walk_to_facts(h, CHAT, named=False)
    await finish_anonymous(h, CHAT)
    prompt = await h.tap(CHAT, "修改主要问题")
    assert "请写清楚主要问题" in prompt[0]
    better = FACTS.replace("约2万元", "约2.4万元，有银行流水截图")
    review = await h.say(CHAT, better)
    assert "约2.4万元" in review[-1] and review[-1].startswith("请核对")
    seen = await h.tap(CHAT, "内容无误") + await h.tap(CHAT, "确认提交")
    number = next(t for t in seen if "编号" in t).split("编号：")[1].split("\n")[0]
    assert (await app.queries.case_detail(number)).facts == better


async def test_a_restart_between_two_steps_loses_nothing(harness: BotHarness, app: App) -> None:
    h = harness
    await walk_to_identity(h, CHAT, "实名举报")
    await h.say(CHAT, "刘举报")
    await h.restart()  # the process dies and comes back: nothing of the dialog is in memory
    assert "联系电话" in (await h.say(CHAT, "/start"))[-1]  # resumed where it was, with a note
    seen = await h.say(CHAT, "13800138000")
    assert "身份证号" in seen[-1]
    await h.tap(CHAT, "跳过")
    for text in ("张某某", "临安区某镇某村村委会", "村党支部书记"):
        await h.say(CHAT, text)
    await h.restart()
    for label in ("村（社区）干部", "浙江省/杭州市/临安区", "中共党员", "没有了", "群众纪律"):
        await h.tap(CHAT, label)
    await h.say(CHAT, FACTS)
    await h.tap(CHAT, "跳过")
    await h.tap(CHAT, "完成")
    seen = await h.tap(CHAT, "内容无误") + await h.tap(CHAT, "确认提交")
    number = next(t for t in seen if "编号" in t).split("编号：")[1].split("\n")[0]
    detail = await app.queries.case_detail(number)
    assert detail.persons[0].name == "张某某" and detail.summary.named


async def test_two_taps_on_submit_file_exactly_one_case(harness: BotHarness, app: App) -> None:
    h, tg = harness, harness.tg
    await walk_to_facts(h, CHAT, named=False)
    await finish_anonymous(h, CHAT)
    await h.tap(CHAT, "内容无误")
    data = h.button(CHAT, "确认提交")
    before = len(tg.texts(CHAT))
    tg.user_taps(CHAT, data)
    tg.user_taps(CHAT, data)  # the impatient second tap, before the bot answered the first
    await h.settle()
    seen = tg.texts(CHAT)[before:]
    assert await case_count(app) == 1
    assert sum("查询码：" in t for t in seen) == 1
    assert any("已经提交" in t for t in seen)


async def test_oversized_and_wrong_files_are_refused_and_the_dialog_goes_on(harness: BotHarness, app: App) -> None:
    h = harness
    await walk_to_facts(h, CHAT, named=False)
    await h.say(CHAT, FACTS)
    await h.tap(CHAT, "跳过")
    big = await h.video(CHAT, b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64, file_size=60 * 1024 * 1024)
    assert "超过 20 MB" in big[0]
    exe = await h.document(CHAT, b"MZ\x90\x00" + b"\x00" * 100, "tool.exe", "application/x-msdownload")
    assert "文件类型不能接收" in exe[0]
    disguised = await h.document(CHAT, b"MZ\x90\x00" + b"\x00" * 100, "合同.pdf", "application/pdf")
    assert "内容与它的文件类型不符" in disguised[0]
    ok = await h.photo(CHAT, JPEG)
    assert "已收到第 1 个文件" in ok[0]
    assert h.tg.downloads and all("file" in p for p in h.tg.downloads)
    assert len(h.tg.downloads) == 2  # the 60 MB video was refused without downloading it
    seen = await h.tap(CHAT, "完成")
    assert "查询密码" in seen[-1]


BAD_TEXTS = {
    "blank": ("   ", "不能为空"),
    "huge": ("举" * 10_000, "太长了"),
    "emoji": ("😀🙏🔥", "不能为空"),
}


async def test_bad_text_at_each_step_gets_a_clear_message_and_loses_nothing(harness: BotHarness, app: App) -> None:
    h = harness
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
    assert all("parse_mode" not in c.params for c in h.tg.calls_to("sendMessage"))


async def test_two_citizens_file_at_the_same_time(harness: BotHarness, app: App) -> None:
    import asyncio

    h = harness

    async def citizen(chat: int, facts: str) -> str:
        await walk_to_facts(h, chat, named=False)
        await finish_anonymous(h, chat, facts=facts, password=f"lantern-by-the-river-{chat}")
        seen = await h.tap(chat, "内容无误") + await h.tap(chat, "确认提交")
        return next(t for t in seen if "编号" in t).split("编号：")[1].split("\n")[0]

    other_facts = FACTS.replace("低保", "危房改造补助")
    a, b = await asyncio.gather(citizen(CHAT, FACTS), citizen(CHAT + 1, other_facts))
    assert a != b
    assert (await app.queries.case_detail(a)).facts == FACTS
    assert (await app.queries.case_detail(b)).facts == other_facts
    assert (await app.queries.status_by_code("x" * 20, "lantern-by-the-river-700001")) is None


async def test_language_can_be_switched_mid_dialog(harness: BotHarness) -> None:
    h = harness
    await h.say(CHAT, "/start")
    await h.tap(CHAT, "我已阅读")
    await h.say(CHAT, "/lang")
    seen = await h.tap(CHAT, "English")
    assert seen[0] == "Language switched to English." and "what would you like to report" in seen[1]
    assert "Accusation" in (await h.say(CHAT, "The village party secretary took bribes for land permits"))[-1]


async def test_a_region_not_listed_can_be_typed(harness: BotHarness, app: App) -> None:
    h = harness
    await walk_to_identity(h, CHAT, "匿名举报")
    for answer in ("张某某", "临安区某镇某村村委会", "村党支部书记"):
        await h.say(CHAT, answer)
    await h.tap(CHAT, "村（社区）干部")
    labels = [text for row in h.tg.last_keyboard(CHAT) for text, _ in row]
    assert "其他地区（手动输入）" in labels and not any(label.startswith("button.") for label in labels)
    asked = await h.tap(CHAT, "其他地区")
    assert "政治面貌" not in asked[-1]
    assert "政治面貌" in (await h.say(CHAT, "浙江省/杭州市/西湖区"))[-1]


async def test_editing_the_persons_then_back_keeps_them_and_submit_works(harness: BotHarness, app: App) -> None:
    """Issue 12 item 1: starting an edit does not destroy what it edits; /back returns to an intact review."""
    h = harness
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
    detail = await app.queries.case_detail(number)
    assert [p.name for p in detail.persons] == ["张某某"]
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


async def test_a_review_missing_required_data_offers_no_submit(harness: BotHarness, app: App) -> None:
    """Issue 12 item 1: a review the filing service would refuse (here: no person, as the previous version left
    a dialog after an edit of the persons was abandoned) points at what is missing and offers no submit."""
    h = harness
    await walk_to_facts(h, CHAT, named=False)
    await finish_anonymous(h, CHAT)
    store = DialogStore(app.ctx)
    saved = await store.load(CHAT)
    c = decode(saved.payload) if saved is not None else None
    assert saved is not None and c is not None and c.step == "review"
    c.answers["persons"] = []  # what 修改被反映人 then /back left behind
    await store.save(CHAT, encode(c), saved.version)
    await h.restart()  # nothing of the dialog in memory
    shown = await h.say(CHAT, "/start")
    labels = [label for row in h.tg.last_keyboard(CHAT) for label, _ in row]
    assert not any("内容无误" in label for label in labels), labels
    assert "被反映人" in shown[-1] and "至少" in shown[-1]
    assert any("被反映人" in label for label in labels)
    # a submit tap from the earlier review message is refused with the reason, nothing is filed
    refused = await h.tap_data(CHAT, "s:review:submit")
    assert "被反映人" in refused[0] and await case_count(app) == 0
    assert "确认提交" not in " ".join(label for row in h.tg.last_keyboard(CHAT) for label, _ in row)
    # the fix: enter the person, then the review offers submit and filing works
    await h.tap(CHAT, "被反映人")
    await h.tap(CHAT, "跳过")
    await h.say(CHAT, "某镇政府")
    await h.tap(CHAT, "跳过")
    for label in ("不清楚", "浙江省/杭州市/临安区", "不清楚", "没有了"):
        await h.tap(CHAT, label)
    seen = await h.tap(CHAT, "内容无误") + await h.tap(CHAT, "确认提交")
    assert any("查询码：" in t for t in seen) and await case_count(app) == 1


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def test_spreadsheets_are_accepted_and_one_file_can_be_removed(harness: BotHarness, app: App) -> None:
    """Issue 12 item 7: xlsx, xls and csv (UTF-8 and GBK) are accepted, content-checked (a csv with a formula is
    refused); one file of several can be removed, and a remove button of a file already removed says so."""
    h = harness
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
    labels = [label for row in h.tg.last_keyboard(CHAT) for label, _ in row]
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
    detail = await app.queries.case_detail(number)
    assert [e.sha256 for e in detail.evidence] == [hashlib.sha256(d).hexdigest() for d in (xlsx, csv, JPEG)]
    assert len(app.ctx.evidence.stored_keys()) == 3  # the removed file is gone from the store too


async def test_faq_during_the_review_and_buttons_of_older_messages(harness: BotHarness, app: App) -> None:
    """Issue 12 item 10: /faq during the review shows the questions with a way back, and the review comes back
    after an answer; buttons of older messages do what they said while it still holds, else are refused with
    where the citizen is — never a silent "use the buttons"."""
    h = harness
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
    labels = [label for row in h.tg.last_keyboard(CHAT) for label, _ in row]
    assert any("返回" in label for label in labels)
    answered = await h.tap(CHAT, "多久有答复")
    assert "15 个工作日" in answered[0] and answered[-1] == review  # the review again, where the citizen was
    await h.say(CHAT, "/faq")
    assert (await h.tap(CHAT, "返回"))[-1] == review
    wrong = await h.tap_data(CHAT, "s:category:no-such-category")
    assert "较早" in wrong[0] and wrong[-1] == review
    confirm = await h.tap_data(CHAT, submit)  # the first review message's submit still does what it said
    assert "提交前请确认" in confirm[-1]
    seen = await h.tap(CHAT, "确认提交")
    assert any("查询码：" in t for t in seen)
