"""Numeric claims and quotes, each with its document and character offsets.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _doc() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        "doc_id", sa.String(40), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.String(40), primary_key=True),
        _doc(),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("value_start", sa.Integer, nullable=False),
        sa.Column("value_end", sa.Integer, nullable=False),
        sa.Column("metric", sa.String(32), nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("unit", sa.String(16), nullable=False),
        sa.Column("countries", sa.JSON, nullable=False),
        sa.Column("from_country", sa.String(8)),
        sa.Column("to_country", sa.String(8)),
        sa.Column("period_start", sa.String(10)),
        sa.Column("period_end", sa.String(10)),
        sa.Column("approx", sa.String(16)),
        sa.Column("qualifier", sa.String(16)),
        sa.Column("noun", sa.Text),
        sa.Column("speaker_local_id", sa.String(40)),
        sa.Column("source", sa.Text),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_claims_doc", "claims", ["doc_id"])
    op.create_index("ix_claims_metric", "claims", ["metric"])
    op.create_table(
        "quotes",
        sa.Column("id", sa.String(40), primary_key=True),
        _doc(),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("speaker_local_id", sa.String(40)),
        sa.Column("speaker_text", sa.Text),
    )
    op.create_index("ix_quotes_doc", "quotes", ["doc_id"])


def downgrade() -> None:
    op.drop_table("quotes")
    op.drop_table("claims")
