"""The two runtimes as the benchmark drives them: updates fed straight into aiogram's Dispatcher
(``feed_update``) or python-telegram-bot's Application (``process_update``), each with its Bot answered in
process by ``fake_session.FakeApi``; for each, the project's handlers or a bare echo handler."""

from __future__ import annotations

from typing import Any, Protocol

from aiogram import Bot, Dispatcher, Router
from aiogram.types import Message
from aiogram.types import Update as AiogramUpdate
from telegram import Update as PtbUpdate
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters

from bot.deps import BotDeps
from bot.runtimes.aiogram.dispatcher import build_dispatcher
from bot.runtimes.ptb.application import build_application

# isort: split
from fake_request import FakeRequest  # bench/ is on sys.path as a script
from fake_session import TOKEN, FakeApi, FakeSession

RUNTIMES = ("aiogram", "ptb")


class Driver(Protocol):
    api: FakeApi

    async def start(self) -> None: ...

    async def feed(self, update: dict[str, Any]) -> None: ...

    async def close(self) -> None: ...


class AiogramDriver:
    def __init__(self, dp: Dispatcher) -> None:
        self.api, self.dp = FakeApi(), dp
        self.bot = Bot(TOKEN, session=FakeSession(self.api))

    async def start(self) -> None:
        pass

    async def feed(self, update: dict[str, Any]) -> None:
        await self.dp.feed_update(self.bot, AiogramUpdate.model_validate(update, context={"bot": self.bot}))

    async def close(self) -> None:
        await self.bot.session.close()


class PtbDriver:
    def __init__(self, app: Application[Any, Any, Any, Any, Any, Any], api: FakeApi) -> None:
        self.api, self.app = api, app

    async def start(self) -> None:
        await self.app.initialize()  # getMe, as on start

    async def feed(self, update: dict[str, Any]) -> None:
        await self.app.process_update(PtbUpdate.de_json(update, self.app.bot))

    async def close(self) -> None:
        await self.app.shutdown()


def echo_driver(runtime: str) -> Driver:
    """One unfiltered message handler answering the text: what any update costs the library itself."""
    if runtime == "aiogram":
        router = Router(name="echo")

        @router.message()
        async def echo(message: Message) -> None:
            await message.answer(message.text or "")

        dp = Dispatcher()
        dp.include_router(router)
        return AiogramDriver(dp)

    async def ptb_echo(update: PtbUpdate, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(update.message.text or "")

    api = FakeApi()
    app = ApplicationBuilder().token(TOKEN).request(FakeRequest(api)).get_updates_request(FakeRequest(api))
    built = app.job_queue(None).build()
    built.add_handler(MessageHandler(filters.ALL, ptb_echo))
    return PtbDriver(built, api)


def filing_driver(runtime: str, deps: BotDeps) -> Driver:
    """The project's runtime as ``qingfeng run`` builds it, on the same deps."""
    if runtime == "aiogram":
        return AiogramDriver(build_dispatcher(deps))
    api = FakeApi()
    app = build_application(deps, TOKEN, "https://api.telegram.org", request=FakeRequest(api))
    return PtbDriver(app, api)
