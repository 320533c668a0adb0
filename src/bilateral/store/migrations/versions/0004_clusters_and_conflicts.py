"""Cross-article reconciliation: a group key on claims and events, clusters and conflicts.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("claims", "events"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("group_key", sa.Text))
        op.create_index(f"ix_{table}_group_key", table, ["group_key"])
    op.create_table(
        "clusters",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("group_key", sa.Text, nullable=False),
        sa.Column("of", sa.String(8), nullable=False),
        sa.Column("members", sa.JSON, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("type", sa.String(16)),
        sa.Column("subtype", sa.String(40)),
        sa.Column("countries", sa.JSON, nullable=False),
        sa.Column("people", sa.JSON, nullable=False),
        sa.Column("place", sa.Text),
    )
    op.create_index("ix_clusters_group_key", "clusters", ["group_key"])
    op.create_table(
        "conflicts",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("group_key", sa.Text, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("members", sa.JSON, nullable=False),
        sa.Column("verdict", sa.String(24), nullable=False),
        sa.Column("explanation", sa.Text, nullable=False),
    )
    op.create_index("ix_conflicts_group_key", "conflicts", ["group_key"])


def downgrade() -> None:
    op.drop_table("conflicts")
    op.drop_table("clusters")
    for table in ("events", "claims"):
        op.drop_index(f"ix_{table}_group_key", table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("group_key")
