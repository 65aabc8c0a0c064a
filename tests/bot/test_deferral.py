"""An update whose chat another instance holds too long (issue 18): nothing is done with it; in webhook mode it is
answered 503, its claim given back, and handled when Telegram posts it again; polling has no second delivery,
so there the update fails like any other (the runtime's error handler tells the user)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.deferral import defer, deferrable
from bot.front import ChatFront, Incoming, Response
from bot.i18n import Translator
from bot.webhook import SECRET_HEADER, Webhook, application
from core.services.chat_locks import ChatBusy
from core.services.update_claims import LocalClaims
from qingfeng.app import App, bot_deps

CHAT = 5_300_001


class Busy:
    """Chat locks whose chat is always held elsewhere."""

    alone = True

    @contextlib.asynccontextmanager
    async def hold(self, chat_id: int) -> AsyncIterator[None]:
        raise ChatBusy("held elsewhere")
        yield  # pragma: no cover

    async def close(self) -> None:
        return None


async def test_the_front_puts_off_an_update_whose_chat_is_held_elsewhere(app: App) -> None:
    deps = bot_deps(app, Translator.load())
    deps.runner.locks = Busy()  # type: ignore[assignment]
    front, sent = ChatFront(deps), []

    async def send(response: Response) -> None:
        sent.append(response)

    with deferrable() as put_off:  # webhook mode
        await front.serve(Incoming(CHAT, CHAT, "zh-hans", 1, "/start"), None, send)
    assert put_off.deferred and sent == []  # nothing answered, nothing done
    with pytest.raises(ChatBusy):  # polling: the runtime's error handler tells the user
        await front.serve(Incoming(CHAT, CHAT, "zh-hans", 1, "/start"), None, send)
    assert sent == []


async def test_the_web_front_answers_503_and_handles_it_when_posted_again() -> None:
    fed: list[int] = []

    async def feed(update: dict[str, Any]) -> None:
        if not fed:
            fed.append(0)
            assert defer()  # the first time its chat is held elsewhere
            return
        fed.append(update["update_id"])

    claims = LocalClaims()
    hook = Webhook("https://bot.example.org/tg", "127.0.0.1:0", "s3cret", claims=claims)
    async with TestClient(TestServer(application(hook, feed, {}))) as client:
        post = lambda: client.post("/tg", json={"update_id": 41}, headers={SECRET_HEADER: "s3cret"})  # noqa: E731
        assert (await post()).status == 503  # put off: Telegram posts it again later
        assert (await post()).status == 200  # posted again: handled
        assert (await post()).status == 200  # and not twice
    assert fed == [0, 41]
