"""What the terminal shows: messages with numbered buttons, and the messages the front asks to delete removed.

A chat keeps its messages and can delete them; a terminal only appends. So the screen keeps what it printed
this session (in memory, with the message ids the front knows) and, when the front deletes messages — the
report, on the reporter's request, or a password — it forgets them and, on a terminal, clears the screen and
its scrollback and prints what remains: nothing of the report stays in the scrollback this program controls.
"""

from __future__ import annotations

import shutil
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from bot.front import Outgoing
from bot.i18n import Translator
from bot.runtimes.console.files import human_size

CLEAR = "\x1b[H\x1b[2J\x1b[3J"  # home, clear the screen, clear the scrollback (xterm, VTE, iTerm2, Windows Terminal)
LINE_UP_CLEAR = "\x1b[1A\x1b[2K"
PROMPT = "> "


def first_message_id() -> int:
    """Message ids grow like Telegram's, and across sessions too (tenths of a second since 1970, then +1 per
    message), so the front's "delete this report" range — from /start to the receipt — holds only later ids."""
    return time.time_ns() // 100_000_000


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@dataclass
class _Line:
    message_id: int | None  # None: the console's own notes (banner, hints), kept when messages are deleted
    text: str


class Screen:
    """Prints to ``out``; ``tty`` enables clearing and overwriting, which a pipe or a log file cannot do."""

    def __init__(self, out: TextIO, tr: Translator, locale: str, *, tty: bool, save_dir: Path | None = None) -> None:
        self.out, self.tr, self.locale, self.tty, self.save_dir = out, tr, locale, tty, save_dir
        self._next_id = first_message_id()
        self._history: list[_Line] = []
        self._buttons: list[tuple[int, str]] = []  # number - 1 → (message carrying the button, callback data)
        self._fresh = True  # the next message with buttons of a response numbers its buttons from 1
        self._prompted = False
        self.last_text = ""
        self.typing: Callable[[], str] = str  # what has been typed at the prompt so far (shown again after a push)

    def t(self, key: str, **params: Any) -> str:
        return self.tr.t(self.locale, key, **params)

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    # -- writing ----------------------------------------------------------------------------------------------
    def _write(self, text: str) -> None:
        if self._prompted:  # a message arrives while the prompt waits: print it above a fresh prompt
            self.out.write("\r\x1b[2K" if self.tty else "\n")
        self.out.write(text if text.endswith("\n") else text + "\n")
        self.out.flush()
        if self._prompted:
            self._prompted = False
            self.prompt()
            if typed := self.typing():
                self.out.write(typed)
                self.out.flush()

    def _emit(self, message_id: int | None, text: str) -> None:
        self._history.append(_Line(message_id, text))
        self._write(text)

    def note(self, key: str, **params: Any) -> None:
        """One of the console's own sentences (from the catalogue), not a chat message."""
        self._emit(None, self.t(key, **params))

    def prompt(self) -> None:
        self.out.write(PROMPT)
        self.out.flush()
        self._prompted = True

    def typed(self, message_id: int, line: str, *, echoed: bool, secret: bool = False) -> None:
        """The user's line: the terminal echoed it already (kept for a redraw), or it is printed now."""
        prompted, self._prompted = self._prompted, False
        hidden = self.t("console.input_hidden")
        self._history.append(_Line(message_id, PROMPT + (hidden if secret else line)))
        if secret or not echoed:  # after the prompt, on the line that Enter did not end (no echo)
            self.out.write(("" if prompted else PROMPT) + (hidden if secret else line) + "\n")
            self.out.flush()

    def end(self) -> None:
        """Input has ended (Ctrl-D, /quit): no prompt is waiting any more."""
        if self._prompted:
            self.out.write("\n")
            self._prompted = False

    def hide_input(self, message_id: int, line: str, *, echoed: bool) -> None:
        """The front asked to delete the user's message (a password): overwrite it where the terminal echoed it."""
        for item in self._history:
            if item.message_id == message_id:
                item.text = PROMPT + self.t("console.input_hidden")
        if echoed and self.tty:
            columns = max(1, shutil.get_terminal_size().columns)
            rows = max(1, -(-display_width(PROMPT + line) // columns))
            self.out.write(LINE_UP_CLEAR * rows + PROMPT + self.t("console.input_hidden") + "\n")
            self.out.flush()

    def delete(self, ids: tuple[int, ...]) -> int:
        """Forget the messages; on a terminal, clear it with its scrollback and print what remains."""
        gone = set(ids)
        before = len(self._history)
        self._history = [line for line in self._history if line.message_id is None or line.message_id not in gone]
        removed = before - len(self._history)
        self._buttons = [b for b in self._buttons if b[0] not in gone]
        if self.tty:
            self.out.write(CLEAR + "".join(line.text + "\n" for line in self._history))
        self.note("console.deleted", count=removed)
        return removed

    # -- messages and buttons -----------------------------------------------------------------------------------
    def begin_response(self) -> None:
        """The numbers mean the buttons of the latest message that has any: the first message with buttons of
        this response numbers them afresh from 1; a response without buttons (an error, a note, a question
        typed in reply to) leaves the numbers as they are, so "1" still means what the screen last offered.
        A number that names a button of an older step is refused by the dialog as from an earlier message."""
        self._fresh = True

    def show(self, message: Outgoing, *, pushed: bool = False) -> int:
        """Print a message with its buttons numbered; a pushed notification adds its buttons to those shown."""
        message_id = self.new_id()
        lines = ["", ("🔔 " if pushed else "") + message.text] if message.text else [""]
        if message.document is not None:
            lines.insert(1, self._document(*message.document))
        if message.photo is not None:  # a chart: in a terminal, a file like a document
            lines.insert(1, self._document(*message.photo))
        if message.keyboard and self._fresh and not pushed:
            self._buttons, self._fresh = [], False
        for row in message.keyboard:
            cells = []
            for label, data in row:
                self._buttons.append((message_id, data))
                cells.append(f"[{len(self._buttons)}] {label}")
            lines.append("  " + "   ".join(cells))
        self._emit(message_id, "\n".join(lines))
        if not pushed:  # the last message of the dialog: is it asking for a password?
            self.last_text = message.text
        return message_id

    def _document(self, name: str, data: bytes) -> str:
        """Evidence for an officer: named and sized; written to disk only into ``--save-dir``."""
        size = human_size(len(data))
        if self.save_dir is None:
            return self.t("console.document", name=name, size=size)
        self.save_dir.mkdir(parents=True, exist_ok=True)
        target = self.save_dir / Path(name).name
        stem, n = target.stem, 1
        while target.exists():
            n += 1
            target = target.with_name(f"{stem}-{n}{target.suffix}")
        target.write_bytes(data)
        return self.t("console.document_saved", name=name, size=size, path=str(target))

    def button(self, text: str) -> tuple[int, str] | None:
        """A typed number that names a shown button → (message id, callback data); other text is an answer."""
        number = text.strip()
        if number.isascii() and number.isdigit() and 1 <= int(number) <= len(self._buttons):
            return self._buttons[int(number) - 1]
        return None

    @property
    def buttons(self) -> int:
        return len(self._buttons)
