"""Time in working days (rules.md §2): the Chinese working-day calendar (``workdays``), the deadlines placed on it
(``deadlines``) and when to remind whom before they fall due (``reminders``)."""
