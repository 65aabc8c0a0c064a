"""The terminal chat: the real dialogs through :mod:`bot.front`, typed and read in a terminal.

Anyone can file a report, work the officer inbox and watch reminders without a Telegram account. Like every
runtime it only turns input into :class:`~bot.front.Incoming` and carries out the
:class:`~bot.front.Response`; it imports no chat framework (an import-linter contract keeps it so).
"""
