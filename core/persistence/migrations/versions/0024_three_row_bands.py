"""repeat reports: LSH band keys of 3 rows in 42 bands (were 4 rows in 32), rebuilt from the stored signatures

32 bands of 4 rows missed about one retold report in eight at Jaccard 0.5 (core.similarity). The band keys are a
function of the signature alone, so they are recomputed here; the function is copied, not imported, so that this
step stays what it was when core.similarity changes.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-03
"""
import hashlib

from alembic import op
import sqlalchemy as sa


revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None

_buckets = sa.table('case_buckets', sa.column('bucket', sa.String), sa.column('case_id', sa.Integer))
_sketches = sa.table('case_sketches', sa.column('case_id', sa.Integer), sa.column('signature', sa.LargeBinary))


def _keys(signature: bytes, bands: int, rows: int) -> list[str]:
    width = 4 * rows
    return [hashlib.blake2b(bytes([b]) + signature[b * width:(b + 1) * width], digest_size=8).hexdigest()
            for b in range(bands)]


def _rebuild(bands: int, rows: int) -> None:
    conn = op.get_bind()
    op.execute(_buckets.delete())
    batch: list[dict[str, object]] = []
    for case_id, signature in conn.execute(sa.select(_sketches.c.case_id, _sketches.c.signature)).all():
        batch += [{'bucket': k, 'case_id': case_id} for k in dict.fromkeys(_keys(bytes(signature), bands, rows))]
        if len(batch) >= 10_000:
            conn.execute(_buckets.insert(), batch)
            batch = []
    if batch:
        conn.execute(_buckets.insert(), batch)


def upgrade() -> None:
    _rebuild(42, 3)


def downgrade() -> None:
    _rebuild(32, 4)
