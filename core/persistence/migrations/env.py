"""Alembic environment: runs on the connection handed in by core.persistence.migrate (async-safe)."""

from alembic import context

from core.persistence.orm import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through 'qingfeng db upgrade' (core.persistence.migrate)")


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """APScheduler keeps its own job table beside ours; migrations leave it alone."""
    return not (type_ == "table" and name == "apscheduler_jobs")


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_object=include_object,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
