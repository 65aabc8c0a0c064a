"""Tracebacks for the log without exception messages: an operator sees what broke and where, never what a
citizen typed (a ``ValueError`` may quote its input; SECURITY.md: no report content in the logs)."""

from __future__ import annotations

import traceback


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and its causes, innermost first, as Python prints them."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return chain[::-1]


def frames_only(exc: BaseException) -> str:
    """Each exception of the chain as its frames (file, line, function, source) and its class name."""
    lines: list[str] = []
    for i, item in enumerate(_chain(exc)):
        if i:
            lines.append("\nwhich led to:\n")
        lines.append("Traceback (most recent call last; exception messages withheld):\n")
        lines.extend(traceback.format_list(traceback.extract_tb(item.__traceback__)))
        lines.append(f"{type(item).__module__}.{type(item).__qualname__}\n")
    return "".join(lines).rstrip("\n")
