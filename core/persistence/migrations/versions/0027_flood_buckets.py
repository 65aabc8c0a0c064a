"""flood_buckets: the per-chat flood limit counted by every instance together (issue 18: several instances)

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


revision = '0027'
down_revision = '0026'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('flood_buckets',
    sa.Column('chat_index', sa.String(length=64), nullable=False),
    sa.Column('tokens', sa.Float(), nullable=False),
    sa.Column('at', sa.Float(), nullable=False),
    sa.Column('warned', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('chat_index', name=op.f('pk_flood_buckets'))
    )
    op.create_index(op.f('ix_flood_buckets_at'), 'flood_buckets', ['at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_flood_buckets_at'), table_name='flood_buckets')
    op.drop_table('flood_buckets')
