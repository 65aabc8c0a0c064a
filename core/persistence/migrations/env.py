"""Alembic environment: runs on the connection handed in by core.persistence.migrate (async-safe)."""

from alembic import context

from core.persistence.orm import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through 'qingfeng db upgrade' (core.persistence.migrate)")


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
