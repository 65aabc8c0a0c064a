"""bench/scale.py's figures as a table, and the issue's targets beside them (information: never the exit code)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

PROBE_LIMIT_MS = 200
SWEEP_OPS = ("first", "steady", "steady_due", "digests", "next_day", "next_day_digests")


def _cell(op: dict[str, Any] | None, key: str, fmt: str = "{}") -> str:
    if not op:
        return "-"
    if "failed" in op and key not in op:
        return "FAILED"
    value = op.get(key)
    return "-" if value is None else fmt.format(value)


def worst_probe(size: dict[str, Any]) -> float | None:
    waits = [size[op]["probe_worst_ms"] for op in SWEEP_OPS if size.get(op, {}).get("probe_worst_ms") is not None]
    return max(waits) if waits else None


def targets(r: dict[str, Any]) -> list[dict[str, Any]]:
    """Each of the issue's "done when" figures found in this run: what, the figure, met (None: not applicable)."""
    out: list[dict[str, Any]] = []
    sqlite = r["database"] == "sqlite"

    def add(what: str, figure: str, met: bool | None) -> None:
        out.append({"target": what, "figure": figure, "met": met})

    for n, size in r.get("sweep", {}).items():
        first = size.get("first", {})
        label = f"{int(n):,} cases"
        if int(n) >= 1_000_000 and not sqlite:
            add(
                f"{label}: the sweep completes",
                first.get("failed") or f"{first.get('seconds')} s",
                "failed" not in first,
            )
        if 100_000 <= int(n) < 1_000_000 and first:  # the "first sweep of 16 k reminders"
            figure = first.get("failed") or f"{first.get('seconds')} s, {first.get('queued'):,} reminders"
            add(f"{label}: first sweep < 5 s", figure, "failed" not in first and first.get("seconds", 99) < 5)
        due = size.get("steady_due", {})
        if due.get("newly_due") == 400:
            figure = due.get("failed") or f"{due.get('seconds')} s"
            add(f"{label}: steady sweep with 400 due < 0.5 s", figure, "failed" not in due and due["seconds"] < 0.5)
        worst = worst_probe(size)
        if worst is not None:
            add(f"{label}: probe during any sweep or digest < {PROBE_LIMIT_MS} ms (SQLite)", f"{worst:g} ms",
                worst < PROBE_LIMIT_MS if sqlite else None)  # fmt: skip
    o = r.get("outbox")
    if o and o.get("messages"):
        share = o.get("many_chats_share_of_30") or 0
        add(f"outbox: the {o['chats']}-chat part at >= 90 % of 30 msg/s", f"{share:.0%}", share >= 0.9)
        limit = o["optimum_at_limiter_margins_s"] * 1.1
        add("outbox: all delivered within 10 % of the optimum",
            f"{o['seconds']} s (optimum {o['optimum_at_limiter_margins_s']} s)",
            o["messages"] == o["expected"] and o["seconds"] <= limit)  # fmt: skip
        add("outbox: 0 x 429", str(o["http_429"]), o["http_429"] == 0)
        gap = o.get("min_chat_gap_s")
        add("outbox: per-chat gap >= 1 s", f"{gap} s", gap is None or gap >= 1.0)
        add("outbox: no duplicate", str(o["duplicates"]), o["duplicates"] == 0)
        if o.get("probe_worst_ms") is not None:
            add(f"outbox: probe during the burst < {PROBE_LIMIT_MS} ms (SQLite)", f"{o['probe_worst_ms']:g} ms",
                o["probe_worst_ms"] < PROBE_LIMIT_MS if sqlite else None)  # fmt: skip
    gate = r.get("floodgate", {}).get("50000")
    if gate:
        add("flood gate <= 5 us per update at 50 k chats", f"{gate['us_per_update']} us", gate["us_per_update"] <= 5)
    rss = r.get("rss", {})
    if rss.get("dialogs_mb") is not None:
        add(f"RSS with {rss['dialogs']:,} open dialogs <= 300 MB", f"{rss['dialogs_mb']} MB", rss["dialogs_mb"] <= 300)
    s = r.get("startup", {})
    if s.get("ratio") is not None:
        add("start-up to first poll <= 1.2 x bare aiogram import", f"{s['ratio']} x", s["ratio"] <= 1.2)
    return out


def _rows(sizes: list[str], sweep: dict[str, Any]) -> list[str]:
    rows: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        ("build s", lambda z: _cell(z.get("build"), "seconds")),
        ("rows inserted", lambda z: _cell(z.get("build"), "rows", "{:,}")),
        ("open deadlines in the window", lambda z: _cell(z.get("build"), "open_in_window", "{:,}")),
        ("first sweep s", lambda z: _cell(z.get("first"), "seconds")),
        ("  reminders queued", lambda z: _cell(z.get("first"), "queued", "{:,}")),
        ("  statements per reminder", lambda z: _cell(z.get("first"), "statements_per_reminder")),
        ("  probe worst ms", lambda z: _cell(z.get("first"), "probe_worst_ms")),
        ("steady sweep s (nothing new)", lambda z: _cell(z.get("steady"), "seconds")),
        ("  probe worst ms", lambda z: _cell(z.get("steady"), "probe_worst_ms")),
        ("steady sweep s (newly due)", lambda z: _cell(z.get("steady_due"), "seconds")),
        ("  newly due", lambda z: _cell(z.get("steady_due"), "newly_due")),
        ("  probe worst ms", lambda z: _cell(z.get("steady_due"), "probe_worst_ms")),
        ("digests s", lambda z: _cell(z.get("digests"), "seconds")),
        ("  probe worst ms", lambda z: _cell(z.get("digests"), "probe_worst_ms")),
        ("next day: sweep s", lambda z: _cell(z.get("next_day"), "seconds")),
        ("  reminders queued", lambda z: _cell(z.get("next_day"), "queued", "{:,}")),
        ("  probe worst ms", lambda z: _cell(z.get("next_day"), "probe_worst_ms")),
        ("next day: digests s", lambda z: _cell(z.get("next_day_digests"), "seconds")),
        ("peak RSS MB (bench process)", lambda z: str(z.get("peak_rss_mb", "-"))),
    ]
    lines = [f"  {'cases':34}" + "".join(f"{int(n):>13,}" for n in sizes)]
    lines += [f"  {label:34}" + "".join(f"{cell(sweep[n]):>13}" for n in sizes) for label, cell in rows]
    for n in sizes:
        for op in ("build", *SWEEP_OPS):
            if "failed" in sweep[n].get(op, {}):
                seconds = sweep[n][op].get("seconds")
                after = f" after {seconds} s" if seconds is not None else ""
                lines.append(f"  {int(n):,} cases, {op}: failed{after}: {sweep[n][op]['failed']}")
    return lines


def table(r: dict[str, Any]) -> str:
    lines = [f"database: {r['database_shown']}"]
    if r.get("sweep"):
        lines += ["", "Reminder sweep and digests (injected clock: 09:00 on a working day)"]
        lines += _rows(list(r["sweep"]), r["sweep"])
    o = r.get("outbox")
    if o:
        lines += ["", f"Outbox: {o['chats']} notifications to {o['chats']} chats + {o['one_chat']} to one chat "
                  "(fake Bot API enforcing 30/s and 1/s per chat, real time)"]  # fmt: skip
        if o.get("messages") is not None:
            lines += [
                f"  delivered {o['messages']} of {o['expected']} in {o['seconds']} s: {o['msg_per_s']} msg/s overall",
                f"  the {o['chats']}-chat part: {o['many_chats_msg_per_s']} msg/s in {o['many_chats_seconds']} s = "
                f"{o['many_chats_share_of_30']:.0%} of 30/s",
                f"  optimum: {o['optimum_s']} s at Telegram's limits, {o['optimum_at_limiter_margins_s']} s at the "
                f"limiter's ({o['limiter']['per_second']:g}/s, {o['limiter']['per_chat_interval_s']:g} s per chat); "
                f"{o['over_optimum']:+.0%} over the latter",
                f"  429s {o['http_429']}, other errors {o['other_errors']}, min per-chat gap {o['min_chat_gap_s']} s, "
                f"duplicates {o['duplicates']}, job runs {o['job_runs']}",
                f"  probe worst {o.get('probe_worst_ms')} ms (p50 {o.get('probe_p50_ms')} ms, "
                f"{o.get('probes')} probes)",
            ]  # fmt: skip
        if "failed" in o:
            lines.append(f"  failed: {o['failed']}")
    if r.get("floodgate"):
        lines += ["", "Flood gate (Floodgate.admit, chats taking turns, each every 4 s): us per update"]
        lines += [f"  {int(n):>7,} chats  {g['us_per_update']:>10} us  (warm-up round {g['warm_up_s']} s)"
                  for n, g in r["floodgate"].items()]  # fmt: skip
    rss = r.get("rss")
    if rss:
        lines += ["", "RSS of the aiogram runtime (subprocess)"]
        if "failed" in rss:
            lines.append(f"  failed: {rss['failed']}")
        else:
            lines.append(f"  idle {rss['idle_mb']} MB; with {rss['dialogs']:,} open dialogs {rss['dialogs_mb']} MB "
                         f"(peak {rss['peak_mb']} MB; {rss['updates']:,} updates in {rss['seconds']} s)")  # fmt: skip
    s = r.get("startup")
    if s:
        lines += ["", f"Start-up (median of {s.get('runs', '?')})"]
        if "failed" in s:
            lines.append(f"  failed: {s['failed']}")
        else:
            lines.append(f"  qingfeng run to first getUpdates {s['first_poll_s']} s; python -c 'import aiogram' "
                         f"{s['import_aiogram_s']} s; ratio {s['ratio']}x")  # fmt: skip
    lines += ["", "Targets (issue 13; information only)"]
    for t in r["targets"]:
        verdict = {True: "met", False: "NOT met", None: "n/a"}[t["met"]]
        lines.append(f"  {verdict:8} {t['target']}: {t['figure']}")
    if r["not_done"]:
        lines += ["", "Not done (exit 1):", *(f"  {p}" for p in r["not_done"])]
    lines.append(f"\ntotal {r['seconds']} s")
    return "\n".join(lines)
