"""What the knowledge base already holds by where it came from: a watched feed asks before it
fetches an item."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, or_, select

from bilateral.store import schema

_CHUNK = 500  # bound parameters per query, under every database's limit


def known_links(conn: Connection, links: Sequence[str]) -> set[str]:
    """Those of `links` (urls or feed item ids) that a stored document has as url or id."""
    d = schema.documents.c
    found: set[str] = set()
    for i in range(0, len(links), _CHUNK):
        chunk = list(links[i : i + _CHUNK])
        rows = conn.execute(
            select(d.url, d.external_id).where(or_(d.url.in_(chunk), d.external_id.in_(chunk)))
        )
        for url, external_id in rows:
            found |= {url, external_id} & set(chunk)
    return found
