"""The near-duplicate index in the database: each original document's LSH bands, so a run
asks for the candidates of a new article instead of loading every signature.

Revision ID: 0010
Revises: 0007
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "doc_bands",
        sa.Column("band", sa.Text, primary_key=True),
        sa.Column(
            "doc_id",
            sa.String(40),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    # Bands are computed in Python from the stored signatures, by the next ingest.
    op.execute(
        "INSERT INTO state (key, value) SELECT 'doc_bands_missing', '1' "
        "WHERE EXISTS (SELECT 1 FROM documents)"
    )


def downgrade() -> None:
    op.drop_table("doc_bands")
