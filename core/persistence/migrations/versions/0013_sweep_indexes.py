"""set-based reminder sweeps: a partial index over open deadlines (due_date, id), from which the sweep reads
its pages by an index-only scan, and on PostgreSQL statistics on the correlated (state, due_date): closed
deadlines all have past dates, which misleads the planner at a million rows (stack-notes)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-10
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_deadlines_open_due', 'deadlines', ['due_date', 'id'], unique=False,
                    postgresql_where=sa.text("state = 'open'"), sqlite_where=sa.text("state = 'open'"))
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('CREATE STATISTICS IF NOT EXISTS st_deadlines_state_due (dependencies, mcv) '
                   'ON state, due_date FROM deadlines')
        op.execute('ANALYZE deadlines')


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP STATISTICS IF EXISTS st_deadlines_state_due')
    op.drop_index('ix_deadlines_open_due', table_name='deadlines')
