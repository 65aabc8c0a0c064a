"""dialog state and submission keys

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('dialogs',
    sa.Column('chat_index', sa.String(length=64), nullable=False),
    sa.Column('state_enc', sa.LargeBinary(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('chat_index', name=op.f('pk_dialogs'))
    )
    with op.batch_alter_table('dialogs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dialogs_updated_at'), ['updated_at'], unique=False)

    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('submission_key', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_cases_submission_key'), ['submission_key'])



def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_cases_submission_key'), type_='unique')
        batch_op.drop_column('submission_key')

    with op.batch_alter_table('dialogs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dialogs_updated_at'))

    op.drop_table('dialogs')
