"""Qingfeng core: the case workflow, deadlines, persistence and services.

Framework-independent by contract (see ``[tool.importlinter]`` in pyproject.toml): nothing here imports a
Telegram library, the bot, or the entry points.
"""
