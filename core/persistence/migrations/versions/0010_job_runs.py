"""job runs (the scheduler's heartbeat); APScheduler's persistent job table is no longer used

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-10
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('job_runs',
    sa.Column('job', sa.String(length=32), nullable=False),
    sa.Column('every', sa.String(length=40), nullable=False),
    sa.Column('last_run_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_ok_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('running_since', sa.DateTime(timezone=True), nullable=True),
    sa.Column('next_run_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('late_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('error', sa.String(length=80), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('job', name=op.f('pk_job_runs'))
    )
    # The jobs live in memory now, rebuilt at every start; the old job table (pickled jobs) is left over.
    op.execute('DROP TABLE IF EXISTS apscheduler_jobs')


def downgrade() -> None:
    # apscheduler_jobs is not recreated: the older version's job store creates it itself at start.
    op.drop_table('job_runs')
