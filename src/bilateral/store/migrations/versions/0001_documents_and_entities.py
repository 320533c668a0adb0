"""Documents, their entity mentions, and canonical entities.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("external_id", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("outlet", sa.Text),
        sa.Column("authors", sa.JSON, nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("blocks", sa.JSON, nullable=False),
        sa.Column("duplicate_of", sa.String(40)),
        sa.Column("signature", sa.JSON, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_documents_external_id", "documents", ["external_id"])
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_table(
        "local_entities",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column(
            "doc_id",
            sa.String(40),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("roles", sa.JSON, nullable=False),
        sa.Column("forms", sa.JSON, nullable=False),
        sa.Column("entity_id", sa.String(40)),
    )
    op.create_index("ix_local_entities_doc", "local_entities", ["doc_id"])
    op.create_index("ix_local_entities_entity", "local_entities", ["entity_id"])
    op.create_table(
        "mentions",
        sa.Column(
            "doc_id",
            sa.String(40),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("start", sa.Integer, primary_key=True),
        sa.Column("end", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column(
            "local_entity_id",
            sa.String(40),
            sa.ForeignKey("local_entities.id", ondelete="CASCADE"),
            nullable=False,
        ),
    )
    op.create_index("ix_mentions_local_entity", "mentions", ["local_entity_id"])
    op.create_table(
        "entities",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("roles", sa.JSON, nullable=False),
        sa.Column("aliases", sa.JSON, nullable=False),
    )
    op.create_index("ix_entities_type", "entities", ["type"])
    op.create_index("ix_entities_country", "entities", ["country"])
    op.create_table(
        "state",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        # Full-text search over articles; PostgreSQL gets its own index in a later migration.
        op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, title, text)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for table in ("state", "entities", "mentions", "local_entities", "documents"):
        op.drop_table(table)
