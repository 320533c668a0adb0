"""Bearer tokens: only the SHA-256 digest of each secret is stored, never the secret itself.
A name has at most one live token; revoking keeps the row (for the log) and ends its use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Integer,
    String,
    Table,
    insert,
    select,
    update,
)

from bilateral.store.schema import metadata

SCOPES = ("read", "write")

tokens = Table(
    "tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False, index=True),
    Column("scope", String(8), nullable=False),
    Column("digest", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)


@dataclass(frozen=True)
class TokenInfo:
    name: str
    scope: str
    created_at: str
    revoked_at: str | None


class TokenError(ValueError):
    """A token cannot be created or revoked; the message says why in a sentence."""


def _info(row: Any) -> TokenInfo:
    return TokenInfo(
        row.name,
        row.scope,
        row.created_at.isoformat(timespec="seconds"),
        row.revoked_at.isoformat(timespec="seconds") if row.revoked_at else None,
    )


def create(conn: Connection, name: str, scope: str, digest: str) -> None:
    if scope not in SCOPES:
        raise TokenError(f"unknown scope {scope!r}; choose read or write.")
    if not name or len(name) > 64:
        raise TokenError("a token name has 1 to 64 characters.")
    live = conn.execute(
        select(tokens.c.id).where(tokens.c.name == name, tokens.c.revoked_at.is_(None))
    ).first()
    if live is not None:
        raise TokenError(f"a token named {name!r} exists; revoke it first.")
    conn.execute(
        insert(tokens).values(name=name, scope=scope, digest=digest, created_at=datetime.now(UTC))
    )


def revoke(conn: Connection, name: str) -> bool:
    """True when a live token of that name was revoked."""
    done = conn.execute(
        update(tokens)
        .where(tokens.c.name == name, tokens.c.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
    return bool(done.rowcount)


def find(conn: Connection, digest: str) -> TokenInfo | None:
    """The live token with this digest, or None (unknown or revoked)."""
    row = conn.execute(
        select(tokens).where(tokens.c.digest == digest, tokens.c.revoked_at.is_(None))
    ).first()
    return _info(row) if row is not None else None


def listed(conn: Connection) -> list[TokenInfo]:
    rows = conn.execute(select(tokens).order_by(tokens.c.created_at, tokens.c.id))
    return [_info(r) for r in rows]
