"""The fake Bot API server, exercised over real HTTP by aiogram, python-telegram-bot and a bare aiohttp client."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError, TelegramRetryAfter
from aiogram.filters import CommandStart
from aiogram.types import (
    BotCommand,
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    Message,
)
from telegram import InlineKeyboardButton as PtbButton
from telegram import InlineKeyboardMarkup as PtbKeyboard
from telegram import Update
from telegram.ext import ApplicationBuilder, CallbackQueryHandler, CommandHandler, ContextTypes, MessageHandler, filters

from .fake_telegram import BOT_ID, FakeTelegram

TOKEN = "123456:TEST"
ALICE = 1001


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server


def make_bot(tg: FakeTelegram) -> Bot:
    return Bot(token=TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(tg.api_root)))


def keyboard(*rows: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    buttons = [[InlineKeyboardButton(text=t, callback_data=d) for t, d in row] for row in rows]
    return InlineKeyboardMarkup(inline_keyboard=buttons)


@asynccontextmanager
async def aiogram_polling(tg: FakeTelegram, router: Router) -> AsyncIterator[Bot]:
    bot = make_bot(tg)
    dp = Dispatcher()
    dp.include_router(router)
    task = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=1))
    await tg.wait_for(lambda t: t.calls_to("getMe"), what="aiogram called getMe")
    try:
        yield bot
    finally:
        await dp.stop_polling()
        await task
        await bot.session.close()


async def raw(session: aiohttp.ClientSession, tg: FakeTelegram, method: str, **params: Any) -> tuple[int, Any]:
    async with session.post(f"{tg.api_root}/bot{TOKEN}/{method}", json=params) as response:
        return response.status, await response.json()


# ---------------------------------------------------------------- aiogram


async def test_aiogram_echo_keyboard_and_callbacks(tg: FakeTelegram) -> None:
    router = Router()

    @router.message(CommandStart())
    async def start(message: Message) -> None:
        await message.answer("<b>欢迎</b>使用清风", parse_mode="HTML", reply_markup=keyboard([("我要举报", "report")]))

    @router.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(f"你说：{message.text}")

    @router.callback_query(F.data == "report")
    async def report(callback: CallbackQuery) -> None:
        await callback.answer("已受理")
        assert isinstance(callback.message, Message)
        await callback.message.edit_text("请描述问题", reply_markup=keyboard([("取消", "cancel")]))

    async with aiogram_polling(tg, router):
        update = tg.user_sends(ALICE, "/start")
        assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
        [welcome] = await tg.wait_sent(ALICE, 1)
        assert welcome["text"] == "欢迎使用清风"
        assert welcome["entities"] == [{"type": "bold", "offset": 0, "length": 2}]
        assert welcome["from"]["id"] == BOT_ID
        assert welcome["message_id"] == update["message"]["message_id"] + 1  # one sequence per private chat
        assert tg.last_keyboard(ALICE) == [[("我要举报", "report")]]

        tg.user_sends(ALICE, "你好")
        await tg.wait_sent(ALICE, 2)
        assert tg.texts(ALICE) == ["欢迎使用清风", "你说：你好"]

        query_id = tg.user_taps(ALICE, "report", message_id=welcome["message_id"])
        await tg.wait_for(lambda t: t.calls_to("editMessageText"))
        assert (tg.callback_answer(query_id) or {}).get("text") == "已受理"
        assert tg.texts(ALICE)[0] == "请描述问题"
        assert tg.sent(ALICE)[0]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "cancel"
        with pytest.raises(AssertionError, match="no button"):
            tg.user_taps(ALICE, "not-on-the-keyboard")
        await tg.wait_idle()
    assert all(c.ok for c in tg.calls), tg.dump()


async def test_aiogram_downloads_a_users_photo_and_sends_media(tg: FakeTelegram) -> None:
    router = Router()
    received: list[bytes] = []
    photo_bytes = b"\x89PNG\r\n\x1a\n" + os.urandom(5000)

    @router.message(F.photo)
    async def photo(message: Message, bot: Bot) -> None:
        assert message.photo is not None
        data = await bot.download(message.photo[-1].file_id)
        assert data is not None
        received.append(data.read())
        await message.answer_photo(BufferedInputFile(received[-1], "again.png"), caption=message.caption)

    async with aiogram_polling(tg, router) as bot:
        tg.user_sends_photo(ALICE, photo_bytes, caption="现场照片")
        [echoed] = await tg.wait_sent(ALICE, 1)
        assert received == [photo_bytes]
        assert echoed["caption"] == "现场照片"
        upload = tg.calls_to("sendPhoto")[-1].file("photo")
        assert upload is not None and upload.data == photo_bytes and upload.filename == "again.png"
        # the bot's own upload got a file_id that can be fetched again
        again = await bot.download(echoed["photo"][-1]["file_id"])
        assert again is not None and again.read() == photo_bytes

        first = InputMediaPhoto(media=BufferedInputFile(b"a" * 10, "a.jpg"), caption="一")
        album: list[Any] = [first, InputMediaPhoto(media=BufferedInputFile(b"b" * 20, "b.jpg"))]
        messages = await bot.send_media_group(ALICE, album)
        assert [m.photo[-1].file_size for m in messages if m.photo] == [10, 20]
        assert messages[0].media_group_id == messages[1].media_group_id is not None
        copied = await bot.copy_message(ALICE, ALICE, messages[0].message_id)
        assert (tg.message(ALICE, copied.message_id) or {}).get("caption") == "一"
        assert await bot.delete_message(ALICE, copied.message_id)
        assert tg.deleted(ALICE) == [copied.message_id]
        assert tg.downloads == [f"photos/file_{n}.jpg" for n in (1, 2)]


async def test_aiogram_sees_telegram_errors(tg: FakeTelegram) -> None:
    bot = make_bot(tg)
    try:
        tg.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
        with pytest.raises(TelegramRetryAfter) as too_many:
            await bot.send_message(ALICE, "hi")
        assert too_many.value.retry_after == 1

        tg.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user", chat_id=2002)
        await bot.send_message(ALICE, "other chats are unaffected")
        with pytest.raises(TelegramForbiddenError, match="blocked"):
            await bot.send_message(2002, "hi")
        await bot.send_message(2002, "only the next call failed")

        tg.fail_next("sendMessage", 400, "Bad Request: chat not found", times=2)
        for _ in range(2):
            with pytest.raises(TelegramBadRequest, match="chat not found"):
                await bot.send_message(3003, "hi")
        with pytest.raises(TelegramBadRequest, match="Unsupported start tag"):
            await bot.send_message(ALICE, "a < b", parse_mode="HTML")
        with pytest.raises(TelegramBadRequest, match="message is too long"):
            await bot.send_message(ALICE, "长" * 4097)
        with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
            await bot.send_message(ALICE, "x", reply_markup=keyboard([("按钮", "举" * 22)]))  # 66 bytes

        sent = await bot.send_message(ALICE, "same", reply_markup=keyboard([("a", "a")]))
        with pytest.raises(TelegramBadRequest, match="message is not modified"):
            await bot.edit_message_text(
                "same", chat_id=ALICE, message_id=sent.message_id, reply_markup=sent.reply_markup
            )
        await bot.edit_message_text("same", chat_id=ALICE, message_id=sent.message_id)  # drops the keyboard
        assert tg.last_keyboard(ALICE) == []

        tg.user_sends_document(ALICE, b"%PDF", "big.pdf", "application/pdf", file_size=21 * 1024 * 1024)
        file_id = tg.pending_updates[-1]["message"]["document"]["file_id"]
        with pytest.raises(TelegramBadRequest, match="file is too big"):
            await bot.get_file(file_id)

        me = await bot.get_me()
        assert (me.id, me.username, me.first_name) == (BOT_ID, "qingfeng_test_bot", "清风")
        assert (await bot.get_chat(ALICE)).type == "private"
    finally:
        await bot.session.close()
    codes = [c.response.get("error_code") for c in tg.calls_to("sendMessage")]
    assert codes == [429, None, 403, None, 400, 400, 400, 400, 400, None]


async def test_every_listed_method_parses_in_aiogram(tg: FakeTelegram) -> None:
    bot = make_bot(tg)
    try:
        assert await bot.delete_webhook()
        assert (await bot.get_webhook_info()).pending_update_count == 0
        await bot.set_my_commands([BotCommand(command="start", description="开始")], language_code="zh")
        assert [c.command for c in await bot.get_my_commands(language_code="zh")] == ["start"]
        assert tg.commands("zh") == [{"command": "start", "description": "开始"}] and tg.commands() == []
        assert await bot.delete_my_commands(language_code="zh") and not await bot.get_my_commands(language_code="zh")
        assert await bot.send_chat_action(ALICE, "typing")

        voice = tg.user_sends_voice(ALICE, b"OggS voice", duration=7)["message"]["voice"]
        video = tg.user_sends_video(ALICE, b"mp4 video", caption="录像")["message"]
        assert (voice["duration"], voice["mime_type"], video["caption"]) == (7, "audio/ogg", "录像")
        file = await bot.get_file(voice["file_id"])
        assert file.file_size == 10 and file.file_path is not None
        assert (await bot.download_file(file.file_path)).read() == b"OggS voice"  # type: ignore[union-attr]

        upload = BufferedInputFile(b"data", "证据.pdf")
        document = await bot.send_document(ALICE, upload, caption="<i>附件</i>", parse_mode="HTML")
        assert document.document and document.document.file_name == "证据.pdf"
        assert document.caption_entities and document.caption_entities[0].type == "italic"
        assert (await bot.send_voice(ALICE, BufferedInputFile(b"v", "v.ogg"))).voice is not None
        assert (await bot.send_audio(ALICE, BufferedInputFile(b"a", "a.mp3"))).audio is not None
        assert (await bot.send_video(ALICE, video["video"]["file_id"])).video is not None  # by file_id

        sent = await bot.send_message(ALICE, "选择", reply_markup=keyboard([("甲", "a"), ("乙", "b")]))
        edited = await bot.edit_message_reply_markup(
            chat_id=ALICE, message_id=sent.message_id, reply_markup=keyboard([("丙", "c")])
        )
        assert isinstance(edited, Message) and edited.edit_date is not None
        assert tg.last_keyboard(ALICE) == [[("丙", "c")]]
        query_id = tg.user_taps(ALICE, "c")
        assert await bot.answer_callback_query(query_id, text="好的", show_alert=True)
        with pytest.raises(TelegramBadRequest, match="query is too old"):
            await bot.answer_callback_query(query_id)
        assert tg.callback_answer(query_id) == {"callback_query_id": query_id, "text": "好的", "show_alert": True}
        assert await bot.delete_messages(ALICE, [sent.message_id, document.message_id, 999])
        with pytest.raises(TelegramBadRequest, match="message to delete not found"):
            await bot.delete_message(ALICE, sent.message_id)
        assert tg.deleted(ALICE) == [sent.message_id, document.message_id]
        assert tg.last_keyboard(ALICE) == []  # the last live message has no keyboard
        assert await bot.delete_webhook(drop_pending_updates=True) and not tg.pending_updates
        assert await bot.log_out() and await bot.close()
    finally:
        await bot.session.close()
    assert [c.method for c in tg.calls if not c.ok] == ["answerCallbackQuery", "deleteMessage"], tg.dump()


async def test_rate_limit_emulation(tg: FakeTelegram) -> None:
    tg.enforce_rate_limits(per_chat_per_second=1, global_per_second=3)
    bot = make_bot(tg)
    try:
        outcomes: list[str | int] = []
        for i in range(5):
            try:
                await bot.send_message(ALICE, f"第{i}条")
                outcomes.append("ok")
            except TelegramRetryAfter as e:
                outcomes.append(e.retry_after)
        assert outcomes == ["ok", 1, 1, 1, 1]
        for chat in (2, 3):  # the global window has room for two more within the same second
            await bot.send_message(chat, "x")
        with pytest.raises(TelegramRetryAfter):
            await bot.send_message(4, "x")
        await bot.send_chat_action(ALICE, "typing")  # not counted
    finally:
        await bot.session.close()
    accepted = [c.at for c in tg.calls_to("sendMessage") if c.ok]
    assert len(accepted) == 3 and accepted[-1] - accepted[0] < 1.0
    tg.disable_rate_limits()


# ---------------------------------------------------------------- python-telegram-bot


async def test_ptb_start_echo_and_download(tg: FakeTelegram) -> None:
    root = tg.api_root
    app = ApplicationBuilder().token(TOKEN).base_url(f"{root}/bot").base_file_url(f"{root}/file/bot").build()
    downloaded: list[bytes] = []

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        button = PtbButton("我要举报", callback_data="report")
        await update.message.reply_text("欢迎", reply_markup=PtbKeyboard([[button]]))

    async def tapped(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.callback_query is not None
        await update.callback_query.answer("已受理")
        await update.callback_query.edit_message_text("请描述问题")

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None and update.message.text is not None
        await update.message.reply_text(update.message.text)

    async def document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None and update.message.document is not None
        file = await update.message.document.get_file()
        downloaded.append(bytes(await file.download_as_bytearray()))
        await update.message.reply_text(f"收到 {file.file_size} 字节")

    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(tapped))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_handler(MessageHandler(filters.Document.ALL, document))
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=1)
    try:
        tg.user_sends(ALICE, "/start")
        tg.user_sends(ALICE, "举报材料在此")
        tg.user_sends_document(ALICE, b"report body", "report.txt", "text/plain")
        await tg.wait_sent(ALICE, 3)
        assert tg.texts(ALICE) == ["欢迎", "举报材料在此", "收到 11 字节"]
        assert downloaded == [b"report body"]
        replies = [c.params for c in tg.calls_to("sendMessage")]
        assert all(p["chat_id"] == ALICE for p in replies)
        query_id = tg.user_taps(ALICE, "report", message_id=tg.sent(ALICE)[0]["message_id"])
        await tg.wait_for(lambda t: t.calls_to("editMessageText"))
        assert (tg.callback_answer(query_id) or {}).get("text") == "已受理"
        assert tg.texts(ALICE)[0] == "请描述问题" and tg.sent(ALICE)[0].get("reply_markup") is None
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
    methods = {c.method for c in tg.calls}
    assert {"getMe", "deleteWebhook", "getUpdates", "sendMessage", "getFile"} <= methods
    assert not tg.pending_updates  # PTB confirmed the offset at shutdown


# ---------------------------------------------------------------- the server itself


async def test_transports_and_unknown_methods(tg: FakeTelegram) -> None:
    base = f"{tg.api_root}/bot{TOKEN}"
    markup = '{"inline_keyboard": [[{"text": "好", "callback_data": "ok"}]]}'
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{base}/sendMessage", params={"chat_id": "7", "text": "[1] query"}) as r:
            assert r.status == 200 and (await r.json())["result"]["text"] == "[1] query"
        async with session.post(f"{base}/sendMessage", data={"chat_id": "7", "text": "form", "reply_markup": markup}):
            pass
        assert await raw(session, tg, "sendMessage", chat_id=7, text="json") == (200, tg.calls[-1].response)
        form = aiohttp.FormData()
        form.add_field("chat_id", "7")
        form.add_field("caption", "{not json}")
        form.add_field("document", b"%PDF-1.4", filename="a.pdf", content_type="application/pdf")
        async with session.post(f"{base}/sendDocument", data=form) as r:
            document = (await r.json())["result"]["document"]
        status, body = await raw(session, tg, "frobnicate")
        assert (status, body) == (404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"})
        status, body = await raw(session, tg, "answerCallbackQuery", callback_query_id="nope")
        assert status == 400 and "query is too old" in body["description"]
    calls = tg.calls
    assert calls[1].params["reply_markup"]["inline_keyboard"][0][0]["text"] == "好"
    assert calls[1].params["chat_id"] == 7 and calls[1].chat_id == 7
    assert calls[3].params["caption"] == "{not json}"
    assert calls[3].files["document"].data == b"%PDF-1.4" and calls[3].files["document"].filename == "a.pdf"
    assert document["file_name"] == "a.pdf" and document["mime_type"] == "application/pdf"
    assert [m["message_id"] for m in tg.sent(7)] == [1, 2, 3, 4]
    assert calls[0].at <= calls[1].at <= calls[-1].at


async def test_long_polling_offsets_and_limits(tg: FakeTelegram) -> None:
    async with aiohttp.ClientSession() as session:
        loop = asyncio.get_running_loop()
        started = loop.time()
        assert await raw(session, tg, "getUpdates", timeout=0.3) == (200, {"ok": True, "result": []})
        assert loop.time() - started >= 0.25

        started = loop.time()
        waiting = asyncio.create_task(raw(session, tg, "getUpdates", timeout=5))
        await asyncio.sleep(0.1)
        first = tg.user_sends(ALICE, "一")
        _, body = await waiting
        assert loop.time() - started < 1 and [u["update_id"] for u in body["result"]] == [first["update_id"]]

        for text in "二三四":
            tg.user_sends(ALICE, text)
        _, body = await raw(session, tg, "getUpdates", offset=first["update_id"] + 1, limit=2)
        assert [u["message"]["text"] for u in body["result"]] == ["二", "三"]
        _, body = await raw(session, tg, "getUpdates", offset=body["result"][-1]["update_id"] + 1, timeout=1)
        assert [u["message"]["text"] for u in body["result"]] == ["四"]
    assert len(tg.pending_updates) == 1


async def test_wait_for_reports_recent_calls(tg: FakeTelegram) -> None:
    async with aiohttp.ClientSession() as session:
        await raw(session, tg, "sendMessage", chat_id=5, text="<i>hi", parse_mode="HTML")
    with pytest.raises(AssertionError, match=r"(?s)1 message\(s\) sent to chat 5.*Can't find end tag"):
        await tg.wait_sent(5, 1, timeout=0.05)
    with pytest.raises(AssertionError, match="no bot message"):
        tg.user_taps(5, "x")
