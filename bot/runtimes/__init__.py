"""The chat runtimes, side by side and the same shape: the library's updates → :class:`~bot.front.Incoming`, the
:class:`~bot.front.Response` → the library's calls (through ``bot/client.py`` in the library's dialect), and a
notifier for the outbox. Each package alone imports its library (import-linter contracts); ``qingfeng.runner``
imports only the one in use."""
