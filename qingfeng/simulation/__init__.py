"""A year of a county commission's work, simulated through the real services and the scheduler's own jobs
(issue 20): ``bench/office_year.py`` runs it and prints what happened to every duty; a quarter of it runs in the
test suite and checks that no duty is missed unseen (tests/integration/test_office_year.py).

- :mod:`.office` — the units and the twenty officers, each with a pace, leave and working days;
- :mod:`.arrivals` — the year's reports, drawn from a seed: types, channels, named or not, what becomes of each;
- :mod:`.staff` — the officers at work: each step of a case taken through the services the bot calls;
- :mod:`.clockwork` — the simulated time: the events in order and the scheduler's jobs at their times;
- :mod:`.duties` — what became of every duty, read back from the database and the notifications sent;
- :mod:`.report` — the figures as text and as JSON.
"""
