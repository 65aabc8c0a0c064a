"""The web chat's HTTP front (issue 19): a page, its two static files, and a small JSON API that feeds the shared
:class:`~bot.front.ChatFront` exactly as the Telegram runtimes do.

- ``GET /``: the page, with a cookie for a browser that has none (HttpOnly, SameSite=Strict, Secure unless the
  operator serves plain HTTP on purpose). The session is begun in SQL by its first message, not here.
- ``GET /api/history``: the chat so far; ``GET /api/updates?after=N``: what came after message N, held up to
  :data:`LONG_POLL` seconds until something does (notifications arrive this way).
- ``POST /api/send`` (``{"text"}`` or ``{"callback", "message_id", "label"}``), ``POST /api/upload`` (one file,
  multipart), ``POST /api/forget``: each refused with 403 without the page's anti-forgery header.

Every answer carries a strict Content-Security-Policy (no inline script, nothing from elsewhere), ``no-store`` and
``nosniff``. Bodies and addresses are never logged; a failure is logged by its type.
"""

from __future__ import annotations

import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import BodyPartReader, web

from bot.client import Blocked, carry_out, downloader
from bot.dialogs.engine import Media
from bot.floodgate import Floodgate, Verdict
from bot.front import INCOMING_TEXT_MAX, ChatFront, Incoming, Outgoing, Response
from bot.i18n import LOCALES, normalise_locale
from bot.runtimes.web.client import Wakeups, WebClient
from bot.runtimes.web.limits import Polls, SessionStarts, TooLarge, Uploads, WebLimits, gate_key, read_capped
from bot.runtimes.web.page import page
from core.evidence.metadata import without_metadata
from core.reports import EVIDENCE_MAX_BYTES
from core.services.chat_locks import ChatBusy
from core.services.web_chats import WEB_SESSION_LIFE, WebChats, WebSession
from core.tracebacks import frames_only

log = logging.getLogger(__name__)

COOKIE = "qf_session"
CSRF_HEADER = "X-CSRF-Token"
COOKIE_MAX_AGE = int(WEB_SESSION_LIFE.total_seconds())  # browsers cap cookies at 400 days; pruned after that
JSON_MAX = 64 * 1024  # a typed answer is at most a few KB
UPLOAD_MAX = EVIDENCE_MAX_BYTES + 64 * 1024  # one file and the multipart framing
LONG_POLL = 25.0  # seconds an updates request is held when nothing is new
POLL_EVERY = 2.0  # seconds between looks at the database meanwhile (news written by another process)
LABEL_MAX = 200
ID_MAX = 2**31 - 1  # message numbers are INTEGER columns
STATIC = Path(__file__).resolve().parent / "static"
STATIC_TYPES = {"chat.js": "text/javascript", "chat.css": "text/css"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")  # fmt: skip
# a page that only reloads itself: a browser sends a SameSite=Strict cookie on that same-site load, not on the
# arrival from another site's link, which must not look like a browser without a session
RELOAD = '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0"><title>…</title>'
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
PASSWORD_PROMPTS = ("filing.password", "filing.password_repeat", "status.ask_password")  # typed unseen
# answers shown as dots in the chat and never stored (the dialog deletes them too: issue 6, the chat is a
# credential); the query code is typed in the open (a long code typed blind is mistyped), but not kept either
MASKED_PROMPTS = (*PASSWORD_PROMPTS, "status.ask_code", "filing.reporter_name", "filing.reporter_phone",
                  "filing.reporter_id")  # fmt: skip


def _secure(response: web.StreamResponse) -> web.StreamResponse:
    """Every answer's headers: the Content-Security-Policy (the page's own files only, no inline script), no
    sniffing, no referrer, no framing, nothing cached unless said otherwise."""
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers.setdefault("Cache-Control", "no-store")
    return response


def _number(text: str | None) -> int | None:
    """A message number from a query: 0 ≤ n < 2**31, else None."""
    try:
        value = int(text or "0")
    except ValueError:
        return None
    return value if 0 <= value <= ID_MAX else None


class WebChannel:
    """The web front over the shared chat front and the sessions' store."""

    def __init__(self, front: ChatFront, chats: WebChats, limits: WebLimits | None = None,
                 wakeups: Wakeups | None = None) -> None:  # fmt: skip
        self.front, self.chats = front, chats
        self.limits = limits or WebLimits()
        self.wakeups = wakeups or Wakeups()
        self.tr = front.deps.translator
        self.starts = SessionStarts(self.limits.sessions_per_ip_hour)
        self.polls, self.uploads = Polls(self.limits.polls_per_session), Uploads(self.limits.uploads_at_once)
        per_minute = self.limits.posts_per_ip_minute
        self.by_address = Floodgate(per_minute / 4, per_minute / 60)
        self.secret_texts = frozenset(self.tr.t(loc, key) for loc in LOCALES for key in PASSWORD_PROMPTS)
        self.masked_texts = frozenset(self.tr.t(loc, key) for loc in LOCALES for key in MASKED_PROMPTS)

    def client(self, files: dict[str, bytes] | None = None) -> WebClient:
        return WebClient(self.chats, self.wakeups, self.secret_texts, self.masked_texts, files)

    # -- the application ------------------------------------------------------------------------------------
    def application(self) -> web.Application:
        app = web.Application(client_max_size=UPLOAD_MAX, middlewares=[self._headers])
        app.router.add_get("/", self.index)
        app.router.add_get("/static/{name}", self.static)
        app.router.add_get("/api/history", self.history)
        app.router.add_get("/api/updates", self.updates)
        app.router.add_post("/api/send", self.send)
        app.router.add_post("/api/upload", self.upload)
        app.router.add_post("/api/forget", self.forget)
        app.router.add_get("/healthz", self.healthz)
        return app

    @web.middleware
    async def _headers(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as exc:  # a 404 or 405 of the router: the same headers, raised as aiohttp wants
            _secure(exc)
            raise
        except Exception as exc:  # the type and frames to the log, never a body or an address
            log.error("web request failed: %s\n%s", type(exc).__name__, frames_only(exc))
            response = self._refused(request, 500, "web.failed")
        return _secure(response)

    async def healthz(self, _: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    # -- who is asking ------------------------------------------------------------------------------------------
    def address(self, request: web.Request) -> str:
        if self.limits.trust_proxy and (forwarded := request.headers.get("X-Forwarded-For")):
            return forwarded.split(",")[-1].strip()
        return request.remote or ""

    async def session(self, request: web.Request) -> WebSession | None:
        return await self.chats.find(request.cookies.get(COOKIE, ""))

    async def writer(self, request: web.Request) -> tuple[WebSession, str] | web.Response:
        """The session of a state-changing request — begun now if this is the browser's first message — or the
        answer refusing it: no cookie (401), no or a wrong anti-forgery header (403), too many requests or new
        sessions from the address (429)."""
        token = request.cookies.get(COOKIE, "")
        if not token or len(token) > 100:
            return self._refused(request, 401, "web.session_gone")
        if not hmac.compare_digest(request.headers.get(CSRF_HEADER, "").encode(), self.chats.csrf(token).encode()):
            return self._refused(request, 403, "web.forbidden")
        address = self.address(request)
        if self.by_address.admit(gate_key(address)) is not Verdict.PASS:
            return self._refused(request, 429, "error.flood")
        session = await self.chats.find(token)
        if session is None:
            if not self.starts.admit(address):
                return self._refused(request, 429, "web.too_many_sessions")
            session = await self.chats.open(token, self._locale(request))
        return session, token

    def _refused(self, request: web.Request, status: int, key: str, locale: str | None = None) -> web.Response:
        locale = locale or self._locale(request)
        return web.json_response({"error": self.tr.t(locale, key)}, status=status)

    def _locale(self, request: web.Request, session: WebSession | None = None) -> str:
        asked = request.query.get("lang") or request.headers.get("X-Page-Language")
        if asked:
            return normalise_locale(asked, self.tr.default)
        if session is not None:
            return session.locale
        return normalise_locale(request.headers.get("Accept-Language", "").split(",")[0].strip(), self.tr.default)

    # -- the page ---------------------------------------------------------------------------------------------
    async def index(self, request: web.Request) -> web.Response:
        token = request.cookies.get(COOKIE, "")
        if not token and request.headers.get("Sec-Fetch-Site") == "cross-site":  # maybe a cookie not sent: see RELOAD
            return web.Response(text=RELOAD, content_type="text/html", charset="utf-8")
        session = await self.chats.find(token) if token else None
        locale = self._locale(request, session)
        if session is not None and locale != session.locale:
            session = await self.chats.set_locale(session, locale)
        new = not token or len(token) > 100
        token = self.chats.new_token() if new else token
        response = web.Response(text=page(self.tr, locale, self.chats.csrf(token)), content_type="text/html",
                                charset="utf-8")  # fmt: skip
        if new:
            response.set_cookie(COOKIE, token, max_age=COOKIE_MAX_AGE, path="/", httponly=True,
                                secure=self.limits.secure_cookie, samesite="Strict")  # fmt: skip
        return response

    async def static(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in STATIC_TYPES:
            raise web.HTTPNotFound()
        return web.Response(body=(STATIC / name).read_bytes(), content_type=STATIC_TYPES[name], charset="utf-8",
                            headers={"Cache-Control": "no-cache"})  # fmt: skip

    # -- reading the chat -------------------------------------------------------------------------------------
    async def history(self, request: web.Request) -> web.Response:
        if not request.cookies.get(COOKIE):
            return self._refused(request, 401, "web.session_gone")
        after = _number(request.query.get("after"))
        if after is None:
            return self._refused(request, 400, "web.bad_request")
        session = await self.session(request)  # none yet: a page whose browser has not written anything
        return web.json_response({"messages": await self._messages(session.chat_id, after) if session else []})

    async def updates(self, request: web.Request) -> web.Response:
        session = await self.session(request)
        if session is None:
            return self._refused(request, 401, "web.session_gone")
        after = _number(request.query.get("after"))
        if after is None:
            return self._refused(request, 400, "web.bad_request", session.locale)
        with self.polls.hold(session.chat_id) as may_wait:
            deadline = time.monotonic() + (LONG_POLL if may_wait else 0)
            while True:
                messages = await self._messages(session.chat_id, after)
                left = deadline - time.monotonic()
                if messages or left <= 0:
                    return web.json_response({"messages": messages})
                await self.wakeups.wait(session.chat_id, min(POLL_EVERY, left))

    async def _messages(self, chat_id: int, after: int) -> list[dict[str, Any]]:
        return [{"id": m.id, "mine": m.mine, **m.body} for m in await self.chats.since(chat_id, after)]

    # -- writing to it ----------------------------------------------------------------------------------------
    async def send(self, request: web.Request) -> web.Response:
        found = await self.writer(request)
        if isinstance(found, web.Response):
            return found
        session, _ = found
        try:
            body = json.loads(await read_capped(request, JSON_MAX))
        except TooLarge:
            return self._refused(request, 413, "error.too_long", session.locale)
        except (ValueError, UnicodeDecodeError, RecursionError):
            body = None
        if not isinstance(body, dict):
            return self._refused(request, 400, "web.bad_request", session.locale)
        chat, text, callback = session.chat_id, body.get("text"), body.get("callback")
        if isinstance(text, str) and text.strip():
            if body.get("quiet") is True and text == "/start":  # the page's own start: no bubble for it
                mine = await self.chats.latest(chat) + 1  # the report begins with the first reply
            else:  # a password or an identity is never written, not even until the dialog deletes it
                masked = body.get("masked") is True or await self.chats.newest_asks_masked(chat)
                shown = {"text": "••••••", "hidden": True} if masked else {"text": text[:INCOMING_TEXT_MAX]}
                mine = await self.chats.add(chat, shown, mine=True) or 0
            incoming = Incoming(chat, None, session.locale, mine, text=text)  # no user: never an officer's
        elif isinstance(callback, str) and type(body.get("message_id")) is int and _number(str(body["message_id"])):
            label = body.get("label")
            if isinstance(label, str) and label.strip():
                await self.chats.add(chat, {"text": label[:LABEL_MAX], "tap": True}, mine=True)
            incoming = Incoming(chat, None, session.locale, int(body["message_id"]), callback=callback[:LABEL_MAX])
        else:
            return self._refused(request, 400, "web.bad_request", session.locale)
        return await self._handle(session, incoming, self.client())

    async def upload(self, request: web.Request) -> web.Response:
        found = await self.writer(request)
        if isinstance(found, web.Response):
            return found
        session, _ = found
        if request.content_length is not None and request.content_length > UPLOAD_MAX:
            return self._too_large(session)  # refused before a byte of the body is read
        async with self.uploads.slot() as free:
            if not free:  # the process holds enough files in memory already: the page says to send it again
                return web.json_response({"error": self.tr.t(session.locale, "web.busy")}, status=503)
            try:
                reader = await request.multipart()
                part = await reader.next()
            except (ValueError, AssertionError):  # not multipart, or broken
                return self._refused(request, 400, "web.bad_request", session.locale)
            if not isinstance(part, BodyPartReader) or not part.filename:
                return self._refused(request, 400, "web.bad_request", session.locale)
            chunks, size = [], 0
            while chunk := await part.read_chunk(64 * 1024):
                chunks.append(chunk)
                size += len(chunk)
                if size > EVIDENCE_MAX_BYTES:
                    return self._too_large(session)  # the rest is never read
            data = without_metadata(b"".join(chunks))  # where and with what a photo was taken: not kept
            name, mime = part.filename[:LABEL_MAX], part.headers.get("Content-Type", "application/octet-stream")
            kind = "photo" if mime in ("image/jpeg", "image/png") else "document"
            chat = session.chat_id
            mine = await self.chats.add(chat, {"text": "📎 " + name, "file": True}, mine=True) or 0
            media = Media(kind, "upload", name, mime[:100], len(data))
            incoming = Incoming(chat, None, session.locale, mine, media=media)
            return await self._handle(session, incoming, self.client({"upload": data}))

    def _too_large(self, session: WebSession) -> web.Response:
        mb = EVIDENCE_MAX_BYTES // (1024 * 1024)
        return web.json_response({"error": self.tr.t(session.locale, "web.too_large", mb=mb)}, status=413)

    async def _handle(self, session: WebSession, incoming: Incoming, client: WebClient) -> web.Response:
        """The update through the shared front (flood gate, the chat's lock, the dialogs), its replies written to
        the chat; the page is told what was deleted and reads what is new itself."""
        chat = session.chat_id

        async def send(response: Response) -> None:
            await carry_out(client, chat, response, incoming.message_id)

        try:
            await self.front.serve(incoming, downloader(client), send)
        except ChatBusy:
            return web.json_response({"error": self.tr.t(session.locale, "web.busy")}, status=503)
        except Blocked:  # the browser was forgotten meanwhile (another tab)
            return web.json_response({"error": self.tr.t(session.locale, "web.session_gone")}, status=401)
        except Exception as exc:  # the type and frames to the log, never the text; a polite word to the page
            log.error("web update failed: %s\n%s", type(exc).__name__, frames_only(exc))
            try:
                await client.send(chat, Outgoing(self.front.error_text(session.locale)))
            except Blocked:
                return web.json_response({"error": self.tr.t(session.locale, "web.session_gone")}, status=401)
        return web.json_response({"deleted": client.deleted})

    async def forget(self, request: web.Request) -> web.Response:
        """Forget this browser: the session, its chat and its dialog's saved state; the cookie cleared. Under the
        chat's lock, so an update in hand cannot save the dialog again afterwards."""
        found = await self.writer(request)
        if isinstance(found, web.Response):
            return found
        session, _ = found
        runner = self.front.deps.runner
        async with runner.locks.hold(session.chat_id):
            await runner.services.store.delete(session.chat_id)
            await self.chats.forget(session)
        response = web.json_response({"forgotten": True})
        response.del_cookie(COOKIE, path="/")
        return response
