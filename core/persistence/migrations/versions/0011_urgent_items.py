"""urgent messages as items officers handle: state, answer route, re-pushes, events

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-10
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('urgent_notes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('chat_enc', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('locale', sa.String(length=8), server_default='zh-CN', nullable=False))
        batch_op.add_column(sa.Column('handled_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('closed_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('pushed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('pushes', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('escalated_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_urgent_notes_closed_at'), ['closed_at'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_urgent_notes_closed_by_id_officers'), 'officers',
                                    ['closed_by_id'], ['id'])
    op.create_table('urgent_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('note_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=40), nullable=False),
    sa.Column('officer_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('text_enc', sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(['note_id'], ['urgent_notes.id'], name=op.f('fk_urgent_events_note_id_urgent_notes'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['officer_id'], ['officers.id'], name=op.f('fk_urgent_events_officer_id_officers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_urgent_events'))
    )
    with op.batch_alter_table('urgent_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_urgent_events_note_id'), ['note_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('urgent_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_urgent_events_note_id'))
    op.drop_table('urgent_events')
    with op.batch_alter_table('urgent_notes', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_urgent_notes_closed_by_id_officers'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_urgent_notes_closed_at'))
        batch_op.drop_column('escalated_at')
        batch_op.drop_column('pushes')
        batch_op.drop_column('pushed_at')
        batch_op.drop_column('closed_by_id')
        batch_op.drop_column('closed_at')
        batch_op.drop_column('handled_at')
        batch_op.drop_column('locale')
        batch_op.drop_column('chat_enc')
