"""Conversation flows as framework-independent code: steps with a prompt, buttons, validation and a next
step. The same flows run on aiogram, python-telegram-bot and a console; adapters only translate events and
render :class:`~bot.dialogs.engine.Reply` objects."""
