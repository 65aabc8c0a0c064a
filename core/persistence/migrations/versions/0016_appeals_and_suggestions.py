"""appeals and suggestions: particulars, outcome; category only for accusations

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('particulars_enc', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('outcome', sa.String(length=16), nullable=True))
        batch_op.alter_column('category',
               existing_type=sa.VARCHAR(length=24),
               nullable=True)



def downgrade() -> None:
    op.execute("UPDATE cases SET category = 'other' WHERE category IS NULL")
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.alter_column('category',
               existing_type=sa.VARCHAR(length=24),
               nullable=False)
        batch_op.drop_column('outcome')
        batch_op.drop_column('particulars_enc')

