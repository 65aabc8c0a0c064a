"""approval requests

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa


revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('approvals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('params_enc', sa.LargeBinary(), nullable=False),
    sa.Column('requested_by', sa.Integer(), nullable=False),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('decided_by', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reason_enc', sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_approvals_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by'], ['officers.id'], name=op.f('fk_approvals_decided_by_officers')),
    sa.ForeignKeyConstraint(['requested_by'], ['officers.id'], name=op.f('fk_approvals_requested_by_officers')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_approvals_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_approvals'))
    )
    with op.batch_alter_table('approvals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_approvals_case_id'), ['case_id'], unique=False)
        batch_op.create_index('ix_approvals_state_unit', ['state', 'unit_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('approvals', schema=None) as batch_op:
        batch_op.drop_index('ix_approvals_state_unit')
        batch_op.drop_index(batch_op.f('ix_approvals_case_id'))

    op.drop_table('approvals')
