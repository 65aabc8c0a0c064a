"""Printing for the CLI: JSON for machines, aligned tables (CJK-aware) for people."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo


def as_json(value: Any, tz: ZoneInfo | None = None) -> str:
    """``tz``: times in this zone (the office's), with their offset, as people reading the output expect."""

    def default(o: Any) -> Any:
        if dataclasses.is_dataclass(o) and not isinstance(o, type):
            return dataclasses.asdict(o)
        if isinstance(o, datetime) and tz is not None:
            return o.astimezone(tz).isoformat()
        if isinstance(o, date):
            return o.isoformat()
        return str(o)

    return json.dumps(value, default=default, ensure_ascii=False, indent=2)


def table(rows: Sequence[Sequence[object]], header: Sequence[str]) -> None:
    cells = [[str(c) if c is not None else "-" for c in r] for r in [header, *rows]]
    widths = [max(width(r[i]) for r in cells) for i in range(len(header))]
    for r in cells:
        print("  ".join(c + " " * (w - width(c)) for c, w in zip(r, widths, strict=True)).rstrip())


def width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)  # CJK characters take two columns


# -- database-backed commands -------------------------------------------------------------------------------
