"""Persistence: ORM tables, the unit of work (the only place that commits), engine and migrations."""
