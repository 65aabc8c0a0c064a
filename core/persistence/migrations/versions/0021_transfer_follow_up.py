"""the sender's follow-up of a case transferred down: followed_by_id, follow_up (rules.md §10.3)

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('followed_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('follow_up', sa.String(length=12), nullable=True))
        batch_op.create_index(batch_op.f('ix_cases_followed_by_id'), ['followed_by_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_cases_followed_by_id_units'), 'units', ['followed_by_id'], ['id'])
    # A case still waiting at its receiver is followed by the unit that holds it (the sender); its 报结 is owed
    # while the transfer_result deadline is open, recorded once it was met.
    op.execute(
        "UPDATE cases SET followed_by_id = unit_id, follow_up = CASE WHEN EXISTS ("
        "SELECT 1 FROM deadlines d WHERE d.case_id = cases.id AND d.kind = 'transfer_result' AND d.state = 'open'"
        ") THEN 'awaiting' ELSE 'reported' END "
        "WHERE state = 'transferred_down' AND EXISTS ("
        "SELECT 1 FROM deadlines d WHERE d.case_id = cases.id AND d.kind = 'transfer_result')"
    )


def downgrade() -> None:
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_cases_followed_by_id_units'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_cases_followed_by_id'))
        batch_op.drop_column('follow_up')
        batch_op.drop_column('followed_by_id')
