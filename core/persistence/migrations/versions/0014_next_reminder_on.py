"""reminders read by when they are next due: deadlines.next_reminder_on (empty until the next sweep works it
out, then moved on as each reminder is sent) and a partial index over the open ones, so a sweep reads only
the deadlines with a reminder to send, not every one open or ever missed (issue 13)

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
        batch_op.add_column(sa.Column('next_reminder_on', sa.Date(), nullable=True))
    op.create_index('ix_deadlines_open_next', 'deadlines', ['next_reminder_on', 'id'], unique=False,
                    postgresql_where=sa.text("state = 'open'"), sqlite_where=sa.text("state = 'open'"))


def downgrade() -> None:
    op.drop_index('ix_deadlines_open_next', table_name='deadlines')
    with op.batch_alter_table('deadlines', schema=None) as batch_op:
        batch_op.drop_column('next_reminder_on')
