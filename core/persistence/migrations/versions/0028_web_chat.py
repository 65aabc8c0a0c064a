"""web_sessions, web_messages: the web chat's sessions and what each chat shows (issue 19)

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


revision = '0028'
down_revision = '0027'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('web_sessions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('token_index', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_web_sessions')),
    sa.UniqueConstraint('token_index', name=op.f('uq_web_sessions_token_index')),
    sqlite_autoincrement=True
    )
    op.create_index(op.f('ix_web_sessions_seen_at'), 'web_sessions', ['seen_at'], unique=False)
    op.create_table('web_messages',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('mine', sa.Boolean(), nullable=False),
    sa.Column('body_enc', sa.LargeBinary(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['web_sessions.id'], name=op.f('fk_web_messages_session_id_web_sessions'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_web_messages')),
    sa.UniqueConstraint('session_id', 'seq', name=op.f('uq_web_messages_session_id'))
    )


def downgrade() -> None:
    op.drop_table('web_messages')
    op.drop_index(op.f('ix_web_sessions_seen_at'), table_name='web_sessions')
    op.drop_table('web_sessions')
