"""Event detail: the PLOVER mode, whether both sides are named (dyadic), and the sectors of
non-state actors and recipients, and the words of its sentence that link reports across
articles.

Revision ID: 0006
Revises: 0010
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("mode", sa.String(24)))
        batch.add_column(sa.Column("dyadic", sa.Boolean, nullable=False, server_default=sa.true()))
        batch.add_column(sa.Column("actor_sector", sa.String(8)))
        batch.add_column(sa.Column("target_sector", sa.String(8)))
        batch.add_column(
            sa.Column("words", sa.JSON, nullable=False, server_default=sa.text("'[]'"))
        )


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for column in ("words", "target_sector", "actor_sector", "dyadic", "mode"):
            batch.drop_column(column)
