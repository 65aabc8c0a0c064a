"""Webhooks in the simulated Telegram (issue 18): ``setWebhook`` makes it POST each queued update to the bot's URL
with the secret header, one at a time and in order, and deliver it again after a failed answer (no answer, or not
2xx) as Telegram does; ``getUpdates`` is refused while a webhook is set; ``deleteWebhook`` stops the posting."""

from __future__ import annotations

import asyncio
import contextlib
import copy
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from .fake_telegram_methods import BotApiMethods
from .fake_telegram_payloads import ApiError

RETRY_AFTER = 0.05  # seconds before an update is posted again (Telegram waits longer, and longer each time)
POST_TIMEOUT = 30.0


@dataclass
class Post:
    """One delivery attempt: which update, and the status the bot answered (0: no answer)."""

    update_id: int
    status: int


class WebhookDelivery(BotApiMethods):
    def __init__(self) -> None:
        super().__init__()
        self.webhook: dict[str, Any] | None = None  # the last setWebhook's parameters
        self.https_only = False  # as Telegram: refuse http URLs (the tests' bots listen on http)
        self.posts: list[Post] = []
        self.parallel = 1  # updates posted at once (Telegram's max_connections): 1 posts them one by one, in order
        self._poster: asyncio.Task[None] | None = None

    def _api_setwebhook(self, p: dict[str, Any], f: Any) -> Any:
        url = str(p.get("url") or "")
        parts = urlsplit(url)
        if not url:
            return self._api_deletewebhook(p, f)
        if parts.scheme != "https" and (self.https_only or parts.scheme != "http"):
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook = dict(p)
        if self._poster is None or self._poster.done():
            self._poster = asyncio.get_running_loop().create_task(self._post_updates())
        self._updates_changed.set()
        return True

    def _api_deletewebhook(self, p: dict[str, Any], f: Any) -> Any:
        self.webhook = None
        if self._poster is not None:
            self._poster.cancel()
            self._poster = None
        if p.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _api_getwebhookinfo(self, p: dict[str, Any], f: Any) -> Any:
        url = self.webhook["url"] if self.webhook else ""
        return {"url": url, "has_custom_certificate": False, "pending_update_count": len(self._updates)}

    async def _api_getupdates(self, p: dict[str, Any], f: Any) -> Any:
        if self.webhook is not None:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook "
                                "to delete the webhook first")  # fmt: skip
        return await super()._api_getupdates(p, f)

    async def stop_posting(self) -> None:
        if self._poster is not None:
            self._poster.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poster
            self._poster = None

    async def _post_updates(self) -> None:
        """Post the oldest queued update until the bot answers 2xx, then the next; with ``parallel`` above 1, up to
        that many at once, each retried on its own (one chat's updates may then reach two instances at once)."""
        timeout = aiohttp.ClientTimeout(total=POST_TIMEOUT)
        in_hand: dict[int, asyncio.Task[None]] = {}
        async with aiohttp.ClientSession(timeout=timeout) as http:
            try:
                while self.webhook is not None and not self._closing:
                    waiting = [u for u in self._updates if u["update_id"] not in in_hand]
                    if not waiting or len(in_hand) >= self.parallel:
                        self._updates_changed.clear()
                        await self._updates_changed.wait()
                        continue
                    update = copy.deepcopy(waiting[0])
                    task = asyncio.create_task(self._deliver(http, update))
                    in_hand[update["update_id"]] = task
                    task.add_done_callback(lambda _, n=update["update_id"]: self._delivered_one(in_hand, n))
                    if self.parallel == 1:
                        await task
            finally:
                for task in in_hand.values():
                    task.cancel()

    def _delivered_one(self, in_hand: dict[int, asyncio.Task[None]], update_id: int) -> None:
        in_hand.pop(update_id, None)
        self._updates_changed.set()

    async def _deliver(self, http: aiohttp.ClientSession, update: dict[str, Any]) -> None:
        while self.webhook is not None and not self._closing:
            status = await self._post(http, update)
            self.posts.append(Post(update["update_id"], status))
            if 200 <= status < 300:
                self._updates[:] = [u for u in self._updates if u["update_id"] != update["update_id"]]
                self.delivered.add(update["update_id"])
                return
            await asyncio.sleep(RETRY_AFTER)

    async def _post(self, http: aiohttp.ClientSession, update: dict[str, Any]) -> int:
        assert self.webhook is not None
        headers = {}
        if secret := self.webhook.get("secret_token"):
            headers["X-Telegram-Bot-Api-Secret-Token"] = str(secret)
        try:
            async with http.post(self.webhook["url"], json=update, headers=headers) as answer:
                return answer.status
        except (aiohttp.ClientError, TimeoutError):
            return 0
