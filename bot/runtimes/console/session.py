"""One terminal chat: typed lines → :class:`~bot.front.Incoming` → the shared front → printed on the screen.

A number that names a shown button taps it; ``/file PATH`` or a pasted path attaches a file; anything else is
a text answer or a command (``/start``, ``/inbox``… go to the front as typed). ``/quit`` or Ctrl-D ends it.
Notifications reach the same screen through :class:`ConsoleNotifier`.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import logging
import sys
import threading
from typing import TextIO

from bot.dialogs.runner import Downloader
from bot.front import ChatFront, Incoming, Outgoing, Response, notification_keyboard
from bot.i18n import LOCALES, Translator
from bot.runtimes.console.files import attachment_path, media_for, read_file
from bot.runtimes.console.lineedit import LineEditor, RawTerminal
from bot.runtimes.console.screen import Screen
from core.pacing import Pacer
from core.ports import Delivery, DeliveryResult, OutgoingMessage
from core.tracebacks import frames_only

log = logging.getLogger(__name__)

QUIT = ("/quit", "/exit")
# The prompts whose answer is a password (the steps with ``secret=True`` and the status password). The front
# says that an answer was secret only once it is given (``delete_incoming``); knowing the prompt lets a
# terminal read the answer without echo. A prompt missing here still has its answer overwritten afterwards.
SECRET_PROMPTS = ("filing.password", "filing.password_repeat", "status.ask_code", "status.ask_password")
NOT_HERE_RETRY_SECONDS = 3600.0


class LineReader:
    """Answers read in a daemon thread: the event loop (scheduler, notifications) never blocks, and a pending
    read never holds up exit. On a terminal the keys are read by :class:`LineEditor` (pastes whole, no line
    limit; see :mod:`bot.runtimes.console.lineedit`), whose echo can be switched off for a password; elsewhere,
    lines."""

    def __init__(self, stream: TextIO | None = None, out: TextIO | None = None) -> None:
        self.stream = stream or sys.stdin
        self.tty = self.stream.isatty()
        self._queue: asyncio.Queue[str | None] = asyncio.Queue()
        self._loop = asyncio.get_running_loop()
        self._raw: RawTerminal | None = None
        self.editor: LineEditor | None = None
        if self.tty:
            with contextlib.suppress(ImportError, OSError, ValueError):
                fd = self.stream.fileno()
                out_stream = out or sys.stdout
                out_fd = out_stream.fileno() if out_stream.isatty() else fd  # echo goes to the terminal
                self._raw = RawTerminal(fd, out_fd)
                self.editor = LineEditor(self._raw.write, self._put)
                atexit.register(self._raw.restore)  # however the program ends, the terminal is given back
        target = self._read_keys if self._raw is not None else self._read_lines
        threading.Thread(target=target, name="console-input", daemon=True).start()

    def _put(self, line: str | None) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is closed: the chat has ended
            self._loop.call_soon_threadsafe(self._queue.put_nowait, line)

    def _read_lines(self) -> None:
        while True:
            try:
                line = self.stream.readline()
            except (OSError, ValueError, UnicodeDecodeError):
                line = ""
            self._put(line.rstrip("\r\n") if line else None)
            if not line:
                return

    def _read_keys(self) -> None:
        assert self._raw is not None and self.editor is not None
        while True:
            try:
                keys = self._raw.read()
            except OSError:
                keys = None
            if keys is None:
                self._put(None)
                return
            self.editor.feed(keys)

    async def get(self) -> str | None:
        """The next answer (several lines when pasted), without the Enter; None at end of input (Ctrl-D)."""
        return await self._queue.get()

    def pending(self) -> str:
        """What has been typed of the next answer (shown again when a message interrupts the typing)."""
        return self.editor.pending() if self.editor is not None and self.editor.echo_on else ""

    def echo(self, on: bool) -> bool:
        """Switch echo; False when it cannot be (not a terminal, no termios on this system)."""
        if self.editor is not None:
            self.editor.echo_on = on
            return True
        if not self.tty:
            return False
        try:
            import termios

            fd = self.stream.fileno()
            attrs = termios.tcgetattr(fd)
            attrs[3] = attrs[3] | termios.ECHO if on else attrs[3] & ~termios.ECHO
            termios.tcsetattr(fd, termios.TCSADRAIN, attrs)
        except (ImportError, OSError, ValueError):
            return False
        return True

    def close(self) -> None:
        """Give the terminal back as it was (canonical mode, echo, no bracketed paste)."""
        if self._raw is not None:
            self._raw.restore()
            atexit.unregister(self._raw.restore)
            self._raw = None


class ConsoleNotifier:
    """The notification port for this terminal's chat: prints the notification, with its buttons numbered.

    It is only handed this chat's messages (the outbox of ``qingfeng chat`` selects them), so messages for other
    chats stay in the outbox, untouched, for the real bot. Should one arrive anyway it is not printed and not
    marked undeliverable: RETRY, an hour later.
    """

    def __init__(self, screen: Screen, tr: Translator, chat_id: int) -> None:
        self.screen, self.tr, self.chat_id = screen, tr, chat_id
        self.pacer = Pacer()  # a screen has no rate limit

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult:
        if message.chat_id != self.chat_id:
            return DeliveryResult(Delivery.RETRY, NOT_HERE_RETRY_SECONDS, "not this terminal's chat")
        text = self.tr.notification(message.locale, message.template, message.params)
        keyboard = notification_keyboard(self.tr, message.locale, message.template, message.params)
        self.screen.show(Outgoing(text, keyboard), pushed=True)
        return DeliveryResult(Delivery.SENT)


class ConsoleChat:
    """The loop: read a line, turn it into an update for the front, carry out the response."""

    def __init__(
        self, front: ChatFront, screen: Screen, reader: LineReader, chat_id: int, language: str | None = None
    ) -> None:
        self.front, self.screen, self.reader = front, screen, reader
        self.chat_id, self.language = chat_id, language
        self._secrets = {front.deps.translator.t(loc, key) for loc in LOCALES for key in SECRET_PROMPTS}

    async def run(self) -> None:
        while True:
            secret = self.screen.last_text in self._secrets and self.reader.echo(False)
            self.screen.prompt()
            try:
                line = await self.reader.get()
            finally:
                if secret:
                    self.reader.echo(True)
            if line is None or line.strip() in QUIT:
                if line is not None:
                    self.screen.typed(self.screen.new_id(), line, echoed=self.reader.tty)
                self.screen.end()
                return
            await self.line(line, echoed=self.reader.tty and not secret, secret=secret)

    async def resume(self) -> None:
        """A report begun in an earlier session: shown where it stopped, as /start shows it, before anything is
        typed (a number typed now would otherwise answer a step whose buttons are no longer on the screen)."""
        if not await self.front.deps.runner.unfinished(self.chat_id):
            return
        incoming = Incoming(self.chat_id, self.chat_id, self.language, self.screen.new_id(), text="/start")
        response = await self.front.handle(incoming)
        self.screen.begin_response()
        for message in response.messages:
            self.screen.show(message)

    async def line(self, line: str, *, echoed: bool = False, secret: bool = False) -> None:
        """Handle one typed line; ``echoed``: the terminal showed it already; ``secret``: never show it."""
        if not line.strip():
            self.screen.typed(self.screen.new_id(), line, echoed=echoed)
            return
        message_id = self.screen.new_id()
        self.screen.typed(message_id, line, echoed=echoed, secret=secret)
        download: Downloader | None = None
        path = None if secret else attachment_path(line)
        if path is not None:
            if not path.is_file():
                self.screen.note("console.file_missing", path=str(path))
                return
            media = media_for(path)  # not announced as attached: the dialog says whether it took the file
            incoming = Incoming(self.chat_id, self.chat_id, self.language, message_id, media=media)
            download = read_file
        elif (tap := None if secret else self.screen.button(line)) is not None:
            incoming = Incoming(self.chat_id, self.chat_id, self.language, tap[0], callback=tap[1])
        else:
            incoming = Incoming(self.chat_id, self.chat_id, self.language, message_id, text=line)
        try:
            response = await self.front.handle(incoming, download)
        except Exception as exc:  # what the error router does for Telegram: say so, log the type only
            log.error("console update failed: %s\n%s", type(exc).__name__, frames_only(exc))
            response = Response([Outgoing(self.front.error_text(self.language))])
        self.carry_out(response, message_id, line, echoed=echoed)
        if response.after_send is not None:  # shown on the terminal: delivered
            await response.after_send(True)

    def carry_out(self, response: Response, message_id: int, line: str, *, echoed: bool) -> None:
        """Delete first (the password, the report), then print the messages in order."""
        if response.delete_incoming:
            self.screen.hide_input(message_id, line, echoed=echoed)
        if response.delete_ids:
            self.screen.delete(response.delete_ids)
        self.screen.begin_response()
        for message in response.messages:
            self.screen.show(message)
