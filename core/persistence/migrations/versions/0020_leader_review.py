"""a reporter's challenge (不满意, 异议) reviewed by a leader: what was challenged, when the result was confirmed

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa


revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('challenge', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True))



def downgrade() -> None:
    # a case waiting for a leader's decision goes back to where the reporter's challenge found it
    op.execute("UPDATE cases SET state = 'feedback_given' WHERE state = 'leader_review'")
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('confirmed_at')
        batch_op.drop_column('challenge')
