"""Reading answers from a terminal whole: pastes of several lines, and lines longer than the terminal allows.

In its usual (canonical) mode a terminal hands over one line per Enter and silently cuts a line at 4096
bytes — about 1,300 Chinese characters — while an account may be 4,000; and every line break of a pasted
account would send a separate answer (the second paragraph answering the next question). So on a terminal the
console reads keys itself (non-canonical mode) and asks for bracketed paste (``ESC[?2004h``): the terminal
wraps a paste in ``ESC[200~`` … ``ESC[201~``, line breaks inside are part of the answer, and only Enter sends
it. The editing is deliberately small: typing, Backspace, Ctrl-U (the current line), Ctrl-D on an empty line
(end); Ctrl-C still interrupts. Without a terminal (a pipe, a file) lines are read as they are.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import unicodedata
from collections.abc import Callable

PASTE_ON, PASTE_OFF = "\x1b[?2004h", "\x1b[?2004l"
PASTE_START, PASTE_END = "200~", "201~"
MAX_CHARS = 200_000  # far above any answer (the front refuses over 16,384): only a runaway paste is cut, and
# the front then says the message was too long — it is never passed on cut without a word


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


class LineEditor:
    """Keys in, lines out: a state machine over decoded characters (no I/O, so it is tested directly).

    ``echo`` writes what the terminal should show; ``submit`` receives each finished line (None: end of input).
    """

    def __init__(self, echo: Callable[[str], None], submit: Callable[[str | None], None]) -> None:
        self._echo, self._submit = echo, submit
        self.echo_on = True
        self.buffer: list[str] = []
        self._pasting = False
        self._escape = ""  # an escape sequence being read: "\x1b", "\x1b[", "\x1b[20"…
        self._after_cr = False  # a pasted CR LF is one line break

    def pending(self) -> str:
        return "".join(self.buffer)

    def _show(self, text: str) -> None:
        if self.echo_on:
            self._echo(text)

    def feed(self, chars: str) -> None:
        for ch in chars:
            self._key(ch)

    def _key(self, ch: str) -> None:
        if self._escape:
            self._sequence(ch)
            return
        after_cr, self._after_cr = self._after_cr, ch == "\r"
        if ch == "\x1b":
            self._escape = ch
        elif ch in "\r\n":
            if self._pasting:
                if not (ch == "\n" and after_cr):
                    self._add("\n", "\n")
            elif not (ch == "\n" and after_cr):  # Enter: the answer is complete
                self._show("\n")  # the terminal (ONLCR) returns the carriage too
                line, self.buffer = self.pending(), []
                self._submit(line)
        elif ch in "\x7f\x08":
            if self.buffer:
                gone = self.buffer.pop()
                if gone != "\n":
                    self._show("\b \b" * _width(gone))
        elif ch == "\x15":  # Ctrl-U: the line being typed
            while self.buffer and self.buffer[-1] != "\n":
                self._show("\b \b" * _width(self.buffer.pop()))
        elif ch == "\x04":
            if not self.buffer and not self._pasting:
                self._submit(None)
        elif ch == "\t" or ch >= " ":
            self._add(ch, ch)

    def _add(self, ch: str, shown: str) -> None:
        if len(self.buffer) < MAX_CHARS:
            self.buffer.append(ch)
            self._show(shown)

    def _sequence(self, ch: str) -> None:
        """CSI sequences (arrows, function keys, the paste markers) and ESC-prefixed keys: only the markers act."""
        self._escape += ch
        seq = self._escape
        if seq == "\x1b[" or seq == "\x1bO":
            return
        if seq.startswith("\x1b[") and not ("@" <= ch <= "~"):
            return  # parameters and intermediates until the final byte
        if seq.startswith("\x1bO") and len(seq) < 3:
            return
        self._escape = ""
        if seq == "\x1b[" + PASTE_START:
            self._pasting = True
        elif seq == "\x1b[" + PASTE_END:
            self._pasting = False


class RawTerminal:
    """The terminal in non-canonical mode with bracketed paste for as long as the console runs; restored after."""

    def __init__(self, fd: int, out_fd: int) -> None:
        import termios

        self.fd, self.out_fd = fd, out_fd
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        try:
            self._saved = termios.tcgetattr(fd)
            attrs = termios.tcgetattr(fd)
            attrs[0] &= ~termios.ICRNL  # Enter arrives as CR, pasted line breaks as CR or LF: both handled
            attrs[3] &= ~(termios.ICANON | termios.ECHO | termios.IEXTEN)
            attrs[6][termios.VMIN], attrs[6][termios.VTIME] = 1, 0
            termios.tcsetattr(fd, termios.TCSADRAIN, attrs)
        except termios.error as exc:  # not OSError: the caller falls back to reading lines
            raise OSError(*exc.args) from exc
        self.write(PASTE_ON)

    def write(self, text: str) -> None:
        with contextlib.suppress(OSError):
            os.write(self.out_fd, text.encode("utf-8", "replace"))

    def read(self) -> str | None:
        """Blocks for the next keys; None at end of input (the terminal has gone)."""
        data = os.read(self.fd, 65536)
        return self._decoder.decode(data) if data else None

    def restore(self) -> None:
        import termios

        self.write(PASTE_OFF)
        with contextlib.suppress(OSError, termios.error):
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)
