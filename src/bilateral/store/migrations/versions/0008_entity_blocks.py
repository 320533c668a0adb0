"""Blocking keys of local entities, so entity resolution redoes only what new articles touch.

Revision ID: 0008
Revises: 0005
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_blocks",
        sa.Column("block", sa.Text, primary_key=True),
        sa.Column(
            "local_id",
            sa.String(40),
            sa.ForeignKey("local_entities.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_index("ix_entity_blocks_local", "entity_blocks", ["local_id"])
    # Keys are computed in Python: a knowledge base from before this migration gets them on
    # its next ingest, which resolves every entity once.
    op.execute(
        "INSERT INTO state (key, value) SELECT 'entity_blocks_missing', '1' "
        "WHERE EXISTS (SELECT 1 FROM local_entities)"
    )


def downgrade() -> None:
    op.drop_index("ix_entity_blocks_local", "entity_blocks")
    op.drop_table("entity_blocks")
