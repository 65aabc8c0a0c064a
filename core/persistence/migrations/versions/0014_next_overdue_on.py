"""overdue reminders read by when they are next due: deadlines.next_overdue_on (the day after the due day
until the sweep sends them, then the next working day) and a partial index over the open ones, so a sweep
reads only the deadlines past due that have a reminder to send, not every one ever missed (issue 13)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.add_column(sa.Column('next_overdue_on', sa.Date(), nullable=True))
    # every open deadline past due is read once more by the next sweep, which sets it as it goes
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("UPDATE deadlines SET next_overdue_on = due_date + 1")
    else:
        op.execute("UPDATE deadlines SET next_overdue_on = date(due_date, '+1 day')")
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.alter_column('next_overdue_on', existing_type=sa.Date(), nullable=False)
    op.create_index('ix_deadlines_open_overdue', 'deadlines', ['next_overdue_on', 'id'], unique=False,
                    postgresql_where=sa.text("state = 'open'"), sqlite_where=sa.text("state = 'open'"))
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('ANALYZE deadlines')


def downgrade() -> None:
    op.drop_index('ix_deadlines_open_overdue', table_name='deadlines')
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.drop_column('next_overdue_on')
