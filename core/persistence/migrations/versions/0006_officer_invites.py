"""officer invites

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('officers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('invite_index', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('invite_expires_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_officers_invite_index'), ['invite_index'])



def downgrade() -> None:
    with op.batch_alter_table('officers', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_officers_invite_index'), type_='unique')
        batch_op.drop_column('invite_expires_at')
        batch_op.drop_column('invite_index')

