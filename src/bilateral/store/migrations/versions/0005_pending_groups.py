"""Groups touched by a stored batch and not yet reconciled: written with the batch, removed in
the transaction that reconciles them, so a killed run leaves them for the next one.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("pending_groups", sa.Column("group_key", sa.Text, primary_key=True))
    # A knowledge base from before this migration may hold groups a killed run never
    # reconciled: reconcile every group once.
    op.execute(
        "INSERT INTO pending_groups (group_key) SELECT DISTINCT group_key FROM claims "
        "WHERE group_key IS NOT NULL UNION SELECT DISTINCT group_key FROM events "
        "WHERE group_key IS NOT NULL"
    )


def downgrade() -> None:
    op.drop_table("pending_groups")
