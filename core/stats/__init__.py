"""信访分析 (issue 17; rules.md §10.5): the office's figures for a period and a unit, computed in SQL.

:func:`core.stats.service.compute_figures` is the one entry point; it returns :class:`core.stats.figures.Figures`,
plain typed data (tables of locale keys and numbers) that the CLI prints, writes as CSV or XLSX, and that charts,
the bot's ``/stats`` and a monthly push can read the same way. Every table states its definition once
(``Table.definition``); docs/stats.md lists them.
"""
