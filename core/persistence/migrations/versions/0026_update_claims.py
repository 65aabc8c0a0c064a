"""update_claims: a Telegram update handled by one instance of the bot only (issue 18: several instances)

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('update_claims',
    sa.Column('update_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('holder', sa.String(length=100), nullable=False),
    sa.Column('taken_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('update_id', name=op.f('pk_update_claims'))
    )
    op.create_index(op.f('ix_update_claims_taken_at'), 'update_claims', ['taken_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_update_claims_taken_at'), table_name='update_claims')
    op.drop_table('update_claims')
