"""``qingfeng keys …``, ``qingfeng audit`` and ``qingfeng purge``: protecting reporters (rules.md §4.1, R-47).

None of these commands prints identity, facts or file contents: counts, case numbers and who acted only.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import Any

from core.clock import local_time, zone_label
from core.crypto import begin_rotation, finish_rotation, read_key_file, vault_from_key_file
from core.services.keys import KeyReport, KeyService
from qingfeng.app import App
from qingfeng.cli_args import BATCH_MAX, CASE_NUMBER_HELP, RETENTION_DAYS_MAX, bounded
from qingfeng.cli_output import as_json, table

_NEW_KEY = "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"


def add_security_commands(sub: Any) -> None:
    """Register the commands on the main parser's subparsers (called by ``qingfeng.cli.build_parser``)."""
    keys = sub.add_parser("keys", help="encryption keys").add_subparsers(dest="sub", required=True)
    rot = keys.add_parser("rotate", help="new key first, re-encrypt all data and evidence; safe to re-run")
    rot.add_argument(
        "--drop-old",
        action="store_true",
        help="second step: check that everything reads with the newest key alone, then remove the others",
    )
    rot.add_argument("--batch-size", type=bounded(1, BATCH_MAX), default=200, help="rows per transaction")
    rot.set_defaults(handler=cmd_keys_rotate)
    keys.add_parser("check", help="decrypt every stored value and file; print counts").set_defaults(
        handler=cmd_keys_check
    )  # fmt: skip

    au = sub.add_parser(
        "audit", help="a case's audit trail: every step, case view, identity view and evidence download"
    )
    au.add_argument("--case", required=True, metavar="NUMBER", help=CASE_NUMBER_HELP)
    au.add_argument("--json", action="store_true", help="print JSON instead of a table")
    au.set_defaults(handler=cmd_audit)

    pu = sub.add_parser("purge", help="erase identity, content and evidence of cases archived long ago")
    pu.add_argument("--older-than", type=bounded(0, RETENTION_DAYS_MAX), metavar="DAYS",
                    help="default: QINGFENG_RETENTION_DAYS")  # fmt: skip
    pu.add_argument("--dry-run", action="store_true", help="list what would be purged, change nothing")
    pu.set_defaults(handler=cmd_purge)


# -- keys -----------------------------------------------------------------------------------------------------


def _print_rewrite(report: KeyReport) -> None:
    print(
        f"re-encrypted {report.rewritten} of {report.total} database values and "
        f"{report.files_rewritten} of {report.files} evidence files under the newest key"
    )


def _refuse(check: KeyReport) -> int:
    print(
        f"error: {len(check.unreadable)} stored values do not read with the newest key alone yet "
        f"(first: {', '.join(check.unreadable[:5])}); nothing was removed. Run 'qingfeng keys rotate' again.",
        file=sys.stderr,
    )
    return 1


async def cmd_keys_rotate(app: App, args: argparse.Namespace) -> int:
    """Rotate the encryption key. With the key file: the new key is written first (atomically), data re-encrypted
    in batches, then verified with the new key alone; old keys stay until ``--drop-old``, because database backups
    made before the rotation still need them. Keys given in QINGFENG_ENCRYPTION_KEYS cannot be changed from here:
    the operator puts a new key first there, and this command re-encrypts under it. The index key is not rotated
    (see core.services.keys)."""
    service, batch = app.keys, args.batch_size
    print("note: stop the bot while rotating (it loads the keys at start) and start it again afterwards")
    if app.settings.encryption_keys is not None:
        return await _rotate_from_environment(app, service, args.drop_old, batch)
    path = app.settings.resolved_key_file
    if args.drop_old:
        vault = vault_from_key_file(read_key_file(path))
        _print_rewrite(await service.reencrypt(vault, batch))
        check = await service.check(vault.newest_only())
        if not check.ok:
            return _refuse(check)
        removed = finish_rotation(path, drop_old=True)
        print(f"verified: {check.total} database values and {check.files} evidence files read with the newest key")
        print(f"{removed} old keys removed from {path}; backups made before the rotation can no longer be read")
        return 0
    vault, resumed = begin_rotation(path)
    if resumed:
        print(f"resuming the unfinished rotation in {path}")
    else:
        print(f"new key written first to {path} ({vault.key_count} keys, older ones kept)")
    _print_rewrite(await service.reencrypt(vault, batch))
    check = await service.check(vault.newest_only())
    if not check.ok:
        return _refuse(check)
    finish_rotation(path, drop_old=False)
    print(f"verified: {check.total} database values and {check.files} evidence files read with the new key alone")
    print(
        f"{vault.key_count - 1} old keys kept: backups made before now need them. "
        "Back up the key file, then remove them with 'qingfeng keys rotate --drop-old'"
    )
    return 0


async def _rotate_from_environment(app: App, service: KeyService, drop_old: bool, batch: int) -> int:
    vault = app.vault
    if vault.key_count == 1:
        print("keys come from QINGFENG_ENCRYPTION_KEYS, which this command cannot change; nothing was changed")
        print(f"1. make a new key ({_NEW_KEY})")
        print("2. set QINGFENG_ENCRYPTION_KEYS=<new key>,<current key> (newest first, keep the current one)")
        print("3. run 'qingfeng keys rotate' again: it re-encrypts everything under the first key")
        print("4. then remove the old key from QINGFENG_ENCRYPTION_KEYS and run 'qingfeng keys check'")
        return 0
    _print_rewrite(await service.reencrypt(vault, batch))
    check = await service.check(vault.newest_only())
    if not check.ok:
        return _refuse(check)
    print(f"verified: {check.total} database values and {check.files} evidence files read with the first key alone")
    if drop_old:
        print("this command cannot change the environment: remove the other keys from QINGFENG_ENCRYPTION_KEYS")
    else:
        print("the other keys in QINGFENG_ENCRYPTION_KEYS may be removed once no backup made before now needs them")
    return 0


async def cmd_keys_check(app: App, args: argparse.Namespace) -> int:
    service = app.keys
    check = await service.check(app.vault)
    table([*sorted(check.values.items()), ("evidence files", check.files)], ("column", "values"))
    if not check.ok:
        failed = ", ".join(check.unreadable[:10])
        print(f"error: {len(check.unreadable)} values do not decrypt: {failed}", file=sys.stderr)
        return 1
    print(f"all {check.total} database values and {check.files} evidence files decrypt with the configured keys")
    if app.vault.key_count > 1:
        newest = await service.check(app.vault.newest_only())
        print(f"{len(newest.unreadable)} still need an older key ({app.vault.key_count} keys configured)")
    return 0


# -- audit and purge ------------------------------------------------------------------------------------------


async def cmd_audit(app: App, args: argparse.Namespace) -> int:
    """Every recorded step of a case with who acted; notes are left out (they may quote the report)."""
    trail = await app.audit.trail(await app.queries.resolve(args.case))
    tz = app.ctx.tz  # the office's zone (QINGFENG_TIMEZONE), as on the card
    entries = [dataclasses.replace(e, at=e.at.astimezone(tz)) for e in trail.entries]
    if args.json:
        print(as_json(dataclasses.replace(trail, entries=entries), tz))
        return 0
    zone = zone_label(tz, entries[-1].at if entries else None)
    print(f"{trail.number} ({trail.state}): {len(entries)} recorded steps, times in {tz.key} ({zone})")
    table(
        [
            (f"{e.at:%Y-%m-%d %H:%M}", e.actor, e.officer_name, ",".join(e.roles) or None, e.unit, e.action,
             _states(e.from_state, e.to_state), e.rule, e.detail or None)
            for e in entries
        ],
        ("time", "actor", "officer", "roles", "unit", "action", "state", "rule", "detail"),
    )  # fmt: skip
    print(f"identity views: {trail.identity_views}; evidence downloads: {trail.evidence_views}; "
          f"case views: {trail.case_views}")  # fmt: skip
    if trail.purged_at:
        print(f"purged {local_time(trail.purged_at, tz)} (retention)")
    return 0


def _states(source: str | None, target: str | None) -> str | None:
    return f"{source} -> {target}" if source and target and source != target else target or source


async def cmd_purge(app: App, args: argparse.Namespace) -> int:
    """Retention (core.services.retention): archived cases older than the period keep statistics only."""
    from bot.dialogs.codec import staged_files
    from core.actor import Actor
    from core.services.lockout import MEMORY

    days = app.settings.retention_days if args.older_than is None else args.older_than
    report = await app.retention.purge(Actor.system("cli"), days, dry_run=args.dry_run)
    cutoff = local_time(report.cutoff, app.ctx.tz)
    if report.dry_run:
        print(f"dry run: {len(report.numbers)} cases archived before {cutoff} would be purged "
              f"({report.evidence_files} evidence files); nothing was changed")  # fmt: skip
    else:
        print(f"{len(report.numbers)} cases archived before {cutoff} purged; {report.evidence_files} evidence files "
              "deleted")  # fmt: skip
    for number in report.numbers:
        print(f"  {number}")
    if not report.dry_run:
        print(f"{report.urgent_notes} urgent messages older than the period erased")
    if not report.dry_run:  # unfinished dialogs too (the scheduler does this daily)
        dialogs, files = await app.dialogs.forget_stale(app.settings.dialog_retention_days, staged_files)
        print(f"{dialogs} unfinished dialogs older than {app.settings.dialog_retention_days} days forgotten "
              f"({files} staged files deleted)")  # fmt: skip
        attempts = await app.lockout.forget_old()
        print(f"{attempts} failed status queries older than {MEMORY.days} days forgotten")
    return 0
