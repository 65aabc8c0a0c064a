"""the scope warning a reporter was shown and filed anyway

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scope_refer_to', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('scope_reason', sa.String(length=64), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('scope_reason')
        batch_op.drop_column('scope_refer_to')
