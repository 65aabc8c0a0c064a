"""``qingfeng run``: the bot polling the configured Bot API root (with aiogram or python-telegram-bot), with the
scheduler in the same loop.

Only the runtime in use is imported (each costs seconds: aiogram ~2.5 s, python-telegram-bot ~0.3 s), and
jieba's dictionary loads once polling has begun (issue 13): the chosen runtime's ``run`` module
(``bot/runtimes/<name>/run.py``) is imported by name when chosen; ``tests/bot/test_startup.py`` pins what a start
imports. The objects come from the bootstrap (``qingfeng.app``); the runtime gets them and its jobs' factory.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import text

from bot.deps import BotDeps
from bot.i18n import Translator
from bot.runtimes import Jobs
from bot.serving import ListenFailed, WebhookRefused, stop_signals
from bot.tokens import well_formed
from core.knowledge.ready import knowledge
from core.persistence.migrate import schema_current
from core.ports import Notifier
from core.scope import classifier
from core.services.operations import readings
from core.settings import Settings
from qingfeng.app import App, bot_deps, build_app, build_outbox, build_scheduler
from qingfeng.cli_setup import office_units, setup_defaults
from qingfeng.cli_setup import setup as run_setup

if TYPE_CHECKING:
    from bot.webhook import Webhook
    from qingfeng.scheduler import JobScheduler

log = logging.getLogger(__name__)
RUNTIMES = {"aiogram": "bot.runtimes.aiogram.run", "ptb": "bot.runtimes.ptb.run"}  # imported when chosen


async def run_bot(settings: Settings, runtime: str | None = None, *, setup: bool = False, web: bool = False) -> int:
    """Poll with aiogram or python-telegram-bot (``runtime``, else the setting); 2 when there is no usable token
    or no office. With ``setup`` (``make run``) and a terminal, an office missing is set up first, interactively;
    with ``web``, the web chat is served beside the bot (qingfeng/web.py)."""
    translator = Translator.load(settings.default_locale)
    token = settings.bot_token.get_secret_value() if settings.bot_token else ""
    if not token:
        print(translator.t(settings.default_locale, "run.no_token"), file=sys.stderr)
        return 2
    if not well_formed(token):  # told before anything else, whichever runtime
        print(translator.t(settings.default_locale, "run.bad_token"), file=sys.stderr)
        return 2
    app = await build_app(settings)
    try:
        if not await _office_ready(app, translator, setup=setup):
            return 2
        name = "ptb" if (runtime or settings.runtime) == "ptb" else "aiogram"
        try:
            if await _serve(app, name, token, translator, web):
                return 0
        except WebhookRefused as exc:  # webhook mode: a URL the Bot API will not post to
            print(translator.t(settings.default_locale, "run.webhook_refused", reason=str(exc)), file=sys.stderr)
            return 2
        except ListenFailed as exc:  # the webhook's address, or the web chat's
            text = translator.t(settings.default_locale, exc.message, address=exc.address, reason=exc.reason)
            print(text, file=sys.stderr)
            return 2
    finally:
        await app.close()
    print(translator.t(settings.default_locale, "run.bad_token"), file=sys.stderr)
    return 2


async def _office_ready(app: App, translator: Translator, *, setup: bool) -> bool:
    """Whether a unit is set up; without one, every report would wait unrouted with nobody told (issue 12)."""
    if await office_units(app):
        return True
    if setup and sys.stdin.isatty():
        args = setup_defaults()
        if await run_setup(app, args, translator) == 0 and await office_units(app):
            return True
    print(translator.t(app.settings.default_locale, "run.no_office"), file=sys.stderr)
    return False


async def _serve(app: App, runtime: str, token: str, translator: Translator, web: bool = False) -> bool:
    """The chosen runtime (imported only now), with the bootstrap's deps and scheduler (and the web chat beside
    them, its chats' notifications written to their pages). False: a refused token."""
    deps = bot_deps(app, translator)
    if not web:
        return await _serve_with(app, runtime, token, deps, None)
    from bot.runtimes.web.client import Routed
    from qingfeng.web import web_serving

    with stop_signals():  # a signal while the page starts is a clean stop too
        async with web_serving(app, deps) as page:
            return await _serve_with(app, runtime, token, deps, lambda notifier: Routed(notifier, page))


async def _serve_with(app: App, runtime: str, token: str, deps: BotDeps,
                      routed: Callable[[Notifier], Notifier] | None) -> bool:  # fmt: skip
    serve = importlib.import_module(RUNTIMES[runtime]).serve
    log.info("bot API %s, database %s", app.settings.telegram_api, app.engine.url.render_as_string())
    warming: set[asyncio.Task[object]] = set()  # the warm-up task, held while it runs (the loop keeps weak refs)

    def warm_up() -> None:
        """jieba's dictionary (~1 s, 12 MB) loads in a thread once polling has begun: not before the first poll,
        and, most of the time, not in a citizen's first message either (one arriving meanwhile waits for it)."""
        task = asyncio.get_running_loop().create_task(asyncio.to_thread(_build_checks))
        warming.add(task)
        task.add_done_callback(lambda done: _warmed(warming, done))

    schedulers: list[JobScheduler] = []  # the one the runtime starts: /metrics says whether it leads

    def jobs_for(notifier: Notifier) -> Jobs:
        outbox = build_outbox(app, routed(notifier), web=True) if routed else build_outbox(app, notifier)
        schedulers.append(build_scheduler(app, outbox))
        return schedulers[-1]

    hook = webhook_of(app, token, lambda: bool(schedulers) and schedulers[-1].leading)
    if hook is not None:
        log.info("webhook mode: %s", hook.url)
    ok: bool = await serve(deps, token, app.settings.telegram_api, jobs_for, warm_up, hook)
    return ok


def webhook_of(app: App, token: str, leading: Callable[[], bool]) -> Webhook | None:
    """Webhook mode when a webhook URL is set (``--webhook`` or QINGFENG_WEBHOOK_URL), with the bootstrap's
    readiness checks: the database answers, and stands at this code's migrations."""
    settings = app.settings
    if not settings.webhook_url:
        return None
    from bot.webhook import Webhook, derived_secret  # aiohttp's server: imported in webhook mode only
    from core.services.update_claims import SharedClaims

    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else derived_secret(token)

    async def database() -> bool:
        async with app.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        return True

    async def migrations() -> bool:
        return await schema_current(app.engine)

    async def read() -> dict[str, float]:
        now = await readings(app.ctx)
        return {"outbox_backlog": now.outbox_backlog, "outbox_oldest_seconds": now.outbox_oldest_seconds,
                "reminders_sent_total": now.reminders_sent, "deadlines_overdue": now.deadlines_overdue,
                "scheduler_leader": 1.0 if leading() else 0.0}  # fmt: skip

    checks = {"database": database, "migrations": migrations}
    # several instances may share this database (PostgreSQL): which updates are handled is recorded there too
    claims = None if app.chat_locks.alone else SharedClaims(app.ctx)
    return Webhook(settings.webhook_url, settings.listen, secret, checks, read, claims)


def _build_checks() -> None:
    """The scope classifier, then the knowledge base's search (issue 16): both cut text with jieba."""
    classifier()
    knowledge()


def _warmed(warming: set[asyncio.Task[object]], task: asyncio.Task[object]) -> None:
    warming.discard(task)
    if task.cancelled():
        return
    if task.exception() is not None:
        log.error("the scope classifier or the knowledge base did not load: %r", task.exception())
    settle_heap()  # all is built now: the runtime polls, the dictionary is loaded (or failed)


def settle_heap() -> None:
    """Leave what start-up built out of Python's full collections, which walk every object alive: the ~265 k of
    the imports and the app made each one stall every chat for ~150 ms (issue 13, bench/scale.py). Called once
    the dictionary is loaded, after the first poll (not before: it costs as much as one such collection);
    garbage is collected first, so nothing dead is kept."""
    gc.collect()
    gc.freeze()
