"""repeat reports (issue 17, item 5): fact sketches, LSH buckets, matches found at filing, links, persons' unit index

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('case_buckets',
    sa.Column('bucket', sa.String(length=16), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_buckets_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('bucket', 'case_id', name=op.f('pk_case_buckets'))
    )
    with op.batch_alter_table('case_buckets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_buckets_case_id'), ['case_id'], unique=False)

    op.create_table('case_links',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('other_id', sa.Integer(), nullable=False),
    sa.Column('linked_by', sa.Integer(), nullable=True),
    sa.Column('linked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_links_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['linked_by'], ['officers.id'], name=op.f('fk_case_links_linked_by_officers')),
    sa.ForeignKeyConstraint(['other_id'], ['cases.id'], name=op.f('fk_case_links_other_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('case_id', 'other_id', name=op.f('pk_case_links'))
    )
    with op.batch_alter_table('case_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_links_other_id'), ['other_id'], unique=False)

    op.create_table('case_matches',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('other_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=16), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_matches_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['other_id'], ['cases.id'], name=op.f('fk_case_matches_other_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('case_id', 'other_id', 'reason', name=op.f('pk_case_matches'))
    )
    with op.batch_alter_table('case_matches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_matches_other_id'), ['other_id'], unique=False)

    op.create_table('case_sketches',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_sketches_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('case_id', name=op.f('pk_case_sketches'))
    )
    with op.batch_alter_table('reported_persons', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unit_index', sa.String(length=64), nullable=True))
        # the name's rows in case order, from the index alone: replaces the index on the name alone
        batch_op.create_index('ix_reported_persons_name_case', ['name_index', 'case_id'], unique=False)
        batch_op.drop_index('ix_reported_persons_name_index')



def downgrade() -> None:
    with op.batch_alter_table('reported_persons', schema=None) as batch_op:
        batch_op.create_index('ix_reported_persons_name_index', ['name_index'], unique=False)
        batch_op.drop_index('ix_reported_persons_name_case')
        batch_op.drop_column('unit_index')

    op.drop_table('case_sketches')
    with op.batch_alter_table('case_matches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_matches_other_id'))

    op.drop_table('case_matches')
    with op.batch_alter_table('case_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_links_other_id'))

    op.drop_table('case_links')
    with op.batch_alter_table('case_buckets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_buckets_case_id'))

    op.drop_table('case_buckets')
