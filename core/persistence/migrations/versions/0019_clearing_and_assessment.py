"""cases.clearing and cases.report_assessment: 澄清 and 错告/诬告 at closure (rules.md §10.4)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa


revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('clearing', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('report_assessment', sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('report_assessment')
        batch_op.drop_column('clearing')
