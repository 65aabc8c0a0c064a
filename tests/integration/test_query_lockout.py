"""Guessing query codes or passwords is hopeless: failures per chat and per code lock queries out, growing."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import select

from core.clock import ManualClock
from core.persistence.orm import QueryAttemptRow
from core.secrets_ import verify_password
from core.services.lockout import MEMORY
from core.services.queries import LockedOut
from qingfeng.app import App
from tests.factories import anonymous_report, seed_office

PASSWORD = "correct horse"


async def test_five_wrong_passwords_lock_the_code_even_for_the_right_one(app: App, clock: ManualClock) -> None:
    await seed_office(app)
    code = (await app.filing.file_report(anonymous_report())).query_code or ""
    for chat in range(5):  # five different chats: the code itself is what is protected
        assert await app.queries.status_by_code(code, "guess", chat_id=9000 + chat) is None
    with pytest.raises(LockedOut) as locked:
        await app.queries.status_by_code(code, PASSWORD, chat_id=1)
    assert locked.value.minutes == 15  # rules.md §6 [U]; issue 12: one minute was barely a pause
    clock.advance(timedelta(minutes=15, seconds=1))
    assert (await app.queries.status_by_code(code, PASSWORD, chat_id=1)) is not None  # and success resets it
    assert (await app.queries.status_by_code(code, PASSWORD, chat_id=1)) is not None


async def test_one_chat_trying_many_codes_is_locked_out_growing(app: App, clock: ManualClock) -> None:
    await seed_office(app)
    code = (await app.filing.file_report(anonymous_report())).query_code or ""
    for i in range(5):
        assert await app.queries.status_by_code(f"AAAAA-BBBBB-CCCCC-DDDD{i}", PASSWORD, chat_id=77) is None
    with pytest.raises(LockedOut):
        await app.queries.status_by_code(code, PASSWORD, chat_id=77)  # the right code too, from that chat
    assert await app.queries.status_by_code(code, PASSWORD, chat_id=78) is not None  # other chats are not
    clock.advance(timedelta(minutes=15))
    assert await app.queries.status_by_code("AAAAA-BBBBB-CCCCC-DDDD9", PASSWORD, chat_id=77) is None
    with pytest.raises(LockedOut) as again:
        await app.queries.status_by_code(code, PASSWORD, chat_id=77)
    assert again.value.minutes == 30  # the sixth failure doubles the wait
    clock.advance(timedelta(minutes=30))
    assert await app.queries.status_by_code("AAAAA-BBBBB-CCCCC-DDDD8", PASSWORD, chat_id=77) is None
    with pytest.raises(LockedOut) as third:
        await app.queries.status_by_code(code, PASSWORD, chat_id=77)
    assert third.value.minutes == 60


async def test_forty_guesses_at_once_get_five_password_checks(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    """Forty chats guess one code at the same moment (separate units of work, concurrent on PostgreSQL): the
    attempts are counted atomically, so five passwords are checked, the rest are locked out, none fails."""
    from core.services import queries

    await seed_office(app)
    code = (await app.filing.file_report(anonymous_report())).query_code or ""
    checks = []

    def counting(password: str, stored: str) -> bool:
        checks.append(password)
        return verify_password(password, stored)

    monkeypatch.setattr(queries, "verify_password", counting)
    results = await asyncio.gather(
        *(app.queries.status_by_code(code, f"guess {i}", chat_id=9000 + i) for i in range(40)), return_exceptions=True
    )
    errors = [r for r in results if r is not None and not isinstance(r, LockedOut)]
    assert errors == []
    assert len(checks) == 5 and results.count(None) == 5
    with pytest.raises(LockedOut):
        await app.queries.status_by_code(code, PASSWORD, chat_id=1)
    async with app.ctx.uow() as uow:
        rows = (await uow.session.execute(select(QueryAttemptRow))).scalars().all()
    assert sorted(r.failures for r in rows) == [1] * 5 + [5]  # five chats that were checked, and the code


async def attempt_rows(app: App) -> list[QueryAttemptRow]:
    async with app.ctx.uow() as uow:
        return list((await uow.session.execute(select(QueryAttemptRow))).scalars())


async def test_old_failed_attempts_expire_and_lockouts_still_work(app: App, clock: ManualClock) -> None:
    """Each random guess leaves a row; the daily job forgets rows a week after their last attempt (MEMORY), long
    after any lock ended, and keeps what a lock-out in force needs."""
    from core.services.outbox import OutboxService
    from qingfeng.app import build_scheduler

    await seed_office(app)
    code = (await app.filing.file_report(anonymous_report())).query_code or ""
    for i in range(20):  # random guesses from twenty chats: a code row and a chat row each
        assert await app.queries.status_by_code(f"AAAAA-BBBBB-CCCCC-DD{i:03d}", PASSWORD, chat_id=100 + i) is None
    assert len(await attempt_rows(app)) == 40
    clock.advance(MEMORY + timedelta(minutes=1))
    for _ in range(5):  # now the real code is guessed at, from one chat: locked for 15 minutes
        assert await app.queries.status_by_code(code, "guess", chat_id=200) is None

    jobs = build_scheduler(app, OutboxService(app.ctx, None), name="expiry", record=False)  # type: ignore[arg-type]
    await jobs.forget_dialogs()  # the daily 01:25 job
    assert sorted(r.failures for r in await attempt_rows(app)) == [5, 5]  # the week-old guesses are gone
    with pytest.raises(LockedOut):  # the lock in force is kept
        await app.queries.status_by_code(code, PASSWORD, chat_id=1)
    clock.advance(timedelta(minutes=16))
    assert await app.queries.status_by_code(code, "guess", chat_id=201) is None
    with pytest.raises(LockedOut) as again:
        await app.queries.status_by_code(code, PASSWORD, chat_id=1)
    assert again.value.minutes == 30  # and so is the count it grows with

    clock.advance(MEMORY + timedelta(minutes=1))
    await jobs.forget_dialogs()
    assert await attempt_rows(app) == []
    assert await app.queries.status_by_code(code, PASSWORD, chat_id=1) is not None


async def test_purge_forgets_old_failed_attempts(
    app: App, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.integration.cli_run import run_cli

    await seed_office(app)  # the test clock is months before the real one the CLI runs on
    for i in range(3):
        assert await app.queries.status_by_code(f"AAAAA-BBBBB-CCCCC-DD{i:03d}", PASSWORD, chat_id=100) is None
    code, out, err = await run_cli(app, monkeypatch, capsys, "purge")
    assert code == 0, err
    assert "4 failed status queries older than 7 days forgotten" in out  # three codes and one chat
    assert await attempt_rows(app) == []


async def test_a_lock_can_be_told_without_counting_an_attempt(app: App, clock: ManualClock) -> None:
    """/status says a lock in force before the code and password are typed again (issue 12): asking counts nothing."""
    await seed_office(app)
    code = (await app.filing.file_report(anonymous_report())).query_code or ""
    assert await app.queries.lock_minutes(code, 55) is None and await app.queries.lock_minutes(None, 55) is None
    assert await attempt_rows(app) == []
    for i in range(5):
        assert await app.queries.status_by_code(code, f"guess {i}", chat_id=55) is None
    assert await app.queries.lock_minutes(None, 55) == 15  # the chat
    assert await app.queries.lock_minutes(code, 56) == 15  # the code, from another chat
    assert await app.queries.lock_minutes(None, 56) is None
    assert sorted(r.failures for r in await attempt_rows(app)) == [5, 5]  # nothing counted by asking
    clock.advance(timedelta(minutes=15))
    assert await app.queries.lock_minutes(code, 55) is None
