"""Webhook mode (issue 18): Telegram POSTs each update to this process behind a reverse proxy, instead of the
process polling. One aiohttp application for every runtime — the runtime only says how an update is fed to it —
with the probes an operator and a load balancer need on the same address:

- ``POST <path>``: refused with 403 unless Telegram's ``X-Telegram-Bot-Api-Secret-Token`` header carries the
  secret given to ``setWebhook`` (nothing is read or processed then); a body over :data:`MAX_BODY` is refused with
  413 by aiohttp, one that is not a JSON object with 400. The update is handled before the answer: 200 when it was,
  500 when handling raised, so that Telegram delivers it again (it retries unanswered and failed deliveries); an
  update delivered again is handled once (200 once done, 503 while another instance has it in hand).
- ``GET /healthz``: 200 while the process serves.
- ``GET /readyz``: 200 when every readiness check passes (the bootstrap's: database answers, migrations current;
  the runtime's: the Bot API answers), else 503; the body names each check.
- ``GET /metrics``: Prometheus metrics (bot/metrics.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

from bot.deferral import deferrable
from bot.metrics import Metrics, Read
from bot.runtimes import Jobs
from bot.serving import ListenFailed, stop_signals
from core.services.update_claims import Claim, LocalClaims, UpdateClaims
from core.settings import listen_address
from core.tracebacks import frames_only

log = logging.getLogger(__name__)

SHUTDOWN_SECONDS = 20.0  # on SIGTERM, requests in hand get this long (then the jobs' stop, within systemd's 90 s)
MAX_BODY = 1024 * 1024  # an update is a few KB; a document's content never comes in the update itself
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

Feed = Callable[[dict[str, Any]], Awaitable[None]]
Check = Callable[[], Awaitable[bool]]


def derived_secret(token: str) -> str:
    """The default secret: a keyed hash of the bot token, so all instances of one bot agree on it (Telegram allows
    1–256 characters of A–Z, a–z, 0–9, _ and -)."""
    return hmac.new(token.encode(), b"qingfeng webhook secret", hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Webhook:
    """Where Telegram posts (``url``, https in production), where this process listens, and the secret."""

    url: str
    listen: str
    secret: str = field(repr=False)
    checks: Mapping[str, Check] = field(default_factory=dict)  # the bootstrap's readiness checks
    read: Read | None = None  # the bootstrap's figures of the office for /metrics (bot/metrics.py OFFICE)
    claims: UpdateClaims | None = None  # shared by the instances (the bootstrap's); None: this process's memory

    @property
    def path(self) -> str:
        return urlsplit(self.url).path or "/"


def application(hook: Webhook, feed: Feed, checks: Mapping[str, Check]) -> web.Application:
    """The web front: the webhook path and the probes. ``checks`` are the runtime's, added to the hook's."""
    every = {**hook.checks, **checks}
    secret = hook.secret.encode()
    metrics = Metrics(hook.read)
    claims = hook.claims or LocalClaims()

    async def update(request: web.Request) -> web.Response:
        if not hmac.compare_digest(request.headers.get(SECRET_HEADER, "").encode(), secret):
            return web.Response(status=403)
        try:
            body = await request.json(loads=json.loads)
        except (ValueError, UnicodeDecodeError):
            return web.Response(status=400)
        if not isinstance(body, dict) or not isinstance(body.get("update_id"), int):
            return web.Response(status=400)
        update_id = body["update_id"]
        # Telegram posts an update again when its answer is late or failed, maybe to another instance: handled
        # once (core/services/update_claims.py); one in hand elsewhere is asked for again later
        try:
            claim = await claims.claim(update_id)
        except Exception as exc:  # the database is away: Telegram delivers it again
            log.error("update %s not claimed (%s); Telegram will deliver it again", update_id, type(exc).__name__)
            return web.Response(status=503)
        if claim is not Claim.MINE:
            metrics.repeated()
            return web.Response(status=200 if claim is Claim.DONE else 503)
        kind, started = Metrics.kind(body), time.perf_counter()
        try:
            with deferrable() as put_off:
                await feed(body)
        except Exception as exc:  # Telegram delivers it again; the log has the class and traceback, never the text
            await _finish(claims, update_id, ok=False)
            metrics.handled(kind, time.perf_counter() - started, ok=False)
            log.error("update %s not handled (%s); Telegram will deliver it again\n%s", update_id,
                      type(exc).__name__, frames_only(exc))  # fmt: skip
            return web.Response(status=500)
        if put_off.deferred:  # its chat was held elsewhere too long: nothing done, Telegram posts it again later
            await _finish(claims, update_id, ok=False)
            return web.Response(status=503)
        await _finish(claims, update_id, ok=True)
        metrics.handled(kind, time.perf_counter() - started, ok=True)
        return web.Response(status=200)

    async def exposition(_: web.Request) -> web.Response:
        return web.Response(body=await metrics.exposition(), content_type="text/plain", charset="utf-8",
                            headers={"X-Content-Type-Options": "nosniff"})  # fmt: skip

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def readyz(_: web.Request) -> web.Response:
        results = await asyncio.gather(*(_passes(check) for check in every.values()))
        named = dict(zip(every, results, strict=True))
        return web.json_response({"ready": all(results), "checks": named}, status=200 if all(results) else 503)

    app = web.Application(client_max_size=MAX_BODY)
    app.router.add_post(hook.path, update)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", exposition)
    return app


async def _finish(claims: UpdateClaims, update_id: int, *, ok: bool) -> None:
    """Say how it went; if even that fails, the claim goes stale and the update may be handled again then — the
    answer the user has is not taken back."""
    try:
        await claims.finished(update_id, ok)
    except Exception as exc:
        log.error("update %s: its claim not finished (%s)", update_id, type(exc).__name__)


async def _passes(check: Check) -> bool:
    try:
        return bool(await asyncio.wait_for(check(), timeout=5))
    except Exception:  # a probe that fails to answer is a probe that failed
        return False


@contextlib.asynccontextmanager
async def listening(hook: Webhook, feed: Feed, checks: Mapping[str, Check]) -> AsyncIterator[None]:
    """Bind the listen address (ListenFailed if it cannot be), serve inside the block, then stop taking requests
    and let those in hand finish. The runtime calls setWebhook inside: Telegram posts only once someone listens."""
    runner = web.AppRunner(application(hook, feed, checks), handle_signals=False, access_log=None,
                           shutdown_timeout=SHUTDOWN_SECONDS)  # fmt: skip
    await runner.setup()
    host, port = listen_address(hook.listen)
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except OSError as exc:  # the port is taken, or the address is not this machine's
        await runner.cleanup()
        raise ListenFailed(f"{host}:{port}", os.strerror(exc.errno) if exc.errno else str(exc)) from None
    log.info("webhook listening on %s:%s for %s", host, port, hook.path)
    try:
        yield
    finally:
        await runner.cleanup()


@dataclass(frozen=True)
class Library:
    """What a runtime's library does around the web front: answer as the bot (``feed``, ``bot_api``), register
    the webhook (raising WebhookRefused when refused), begin (menus, the library started) and end."""

    feed: Feed
    bot_api: Check
    set_webhook: Callable[[], Awaitable[None]]
    begin: Callable[[], Awaitable[None]]
    end: Callable[[], Awaitable[None]]


async def serve(hook: Webhook, library: Library, jobs: Jobs, warm_up: Callable[[], object]) -> None:
    """Both runtimes' webhook mode: listen, set the webhook, begin, warm up and start the jobs, then serve until a
    signal; then no more requests, those in hand finish, the jobs stop while the bot can still send, and the
    library ends (if it began)."""
    began = False
    try:
        with stop_signals() as stop:  # a signal during the start is a clean stop too
            async with listening(hook, library.feed, {"bot_api": library.bot_api}):
                await library.set_webhook()
                await library.begin()
                began = True
                warm_up()
                jobs.start()
                await stop.wait()
    finally:
        await jobs.stop()
        if began:
            await library.end()
