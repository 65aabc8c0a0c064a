"""/start, /help and the fallback: render locale texts, nothing else."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandStart
from aiogram.types import Message

from bot.deps import BotDeps


def make_router(deps: BotDeps) -> Router:
    router = Router(name="common")
    t = deps.translator.t

    def locale(message: Message) -> str:
        return deps.locale_for(message.from_user.language_code if message.from_user else None)

    @router.message(CommandStart())
    async def start(message: Message) -> None:
        loc = locale(message)
        await message.answer(t(loc, "start.welcome"))
        await message.answer(t(loc, "start.notice"))
        await message.answer(t(loc, "start.next_steps"))

    @router.message(Command("help"))
    async def help_(message: Message) -> None:
        await message.answer(t(locale(message), "help.text"))

    @router.message()
    async def fallback(message: Message) -> None:
        await message.answer(t(locale(message), "fallback.unknown"))

    return router
