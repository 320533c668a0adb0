"""The lists of the pages and the API cut to one pair of countries (see pairs.py for what
belongs to a pair): the same rows as the unscoped reads, filtered by the pair's ids, then paged."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, select

from bilateral.store import facts, queries, reconciled, schema
from bilateral.store.facts import _names_for
from bilateral.store.pages import doc_infos_name
from bilateral.store.pairs import Membership, Pair, membership


def scope(conn: Connection, pair: Pair) -> dict[str, set[str]]:
    """The ids of the pair's articles and facts, by kind."""
    found: Membership = membership(conn)
    return {
        "docs": set(found.docs.get(pair, ())),
        "claims": set(found.claims.get(pair, ())),
        "events": set(found.events.get(pair, ())),
        "clusters": set(found.clusters.get(pair, ())),
        "conflicts": set(found.conflicts.get(pair, ())),
        "quotes": set(found.quotes.get(pair, ())),
    }


def _page(rows: list[dict[str, Any]], limit: int | None, offset: int) -> list[dict[str, Any]]:
    return rows[offset : offset + limit] if limit else rows[offset:]


def document_list(conn: Connection, pair: Pair, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    ids = sorted(scope(conn, pair)["docs"])
    d = schema.documents.c
    rows = conn.execute(
        select(d.id, d.title, d.published, d.outlet, d.source, d.duplicate_of)
        .where(d.id.in_(ids))
        .order_by(d.published.desc(), d.id)
        .limit(limit)
        .offset(offset)
    )
    items = [dict(r._mapping) | {"name": doc_infos_name(r)} for r in rows]
    return {"items": items, "total": len(ids), "limit": limit, "offset": offset}


def entity_table(
    conn: Connection, pair: Pair, limit: int | None = None, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    """Entities mentioned in the pair's articles, most mentioned first."""
    docs = scope(conn, pair)["docs"]
    le = schema.local_entities.c
    ids = {
        r[0] for r in conn.execute(select(le.entity_id).where(le.doc_id.in_(list(docs)))) if r[0]
    }
    rows = [r for r in queries.entity_table(conn, **filters) if r["id"] in ids]
    return _page(rows, limit, offset)


def claim_table(
    conn: Connection, pair: Pair, limit: int | None = None, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    ids = scope(conn, pair)["claims"]
    return _page([r for r in facts.claim_table(conn, **filters) if r["id"] in ids], limit, offset)


def event_table(
    conn: Connection, pair: Pair, limit: int | None = None, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    ids = scope(conn, pair)["events"]
    return _page([r for r in facts.event_table(conn, **filters) if r["id"] in ids], limit, offset)


def quote_table(
    conn: Connection, pair: Pair, limit: int | None = None, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    ids = scope(conn, pair)["quotes"]
    return _page([r for r in facts.quote_table(conn, **filters) if r["id"] in ids], limit, offset)


def conflict_table(
    conn: Connection, pair: Pair, limit: int | None = None, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    ids = scope(conn, pair)["conflicts"]
    rows = reconciled.conflict_table(conn, **filters)
    return _page([r for r in rows if r["id"] in ids], limit, offset)


def timeline(
    conn: Connection, pair: Pair, limit: int | None = None, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    """The pair's clustered events in date order, with their sources."""
    ids = scope(conn, pair)["clusters"]
    rows = reconciled.timeline(conn, [], **filters)
    return _page([r for r in rows if r["id"] in ids], limit, offset)


def quotes_by_ids(conn: Connection, ids: set[str]) -> list[dict[str, Any]]:
    """Quotes with their offsets, speaker and article, in article order."""
    if not ids:
        return []
    q, d = schema.quotes.c, schema.documents.c
    rows = list(
        conn.execute(
            select(schema.quotes, d.title, d.published, d.source.label("doc_source"))
            .join(schema.documents, d.id == q.doc_id)
            .where(q.id.in_(list(ids)))
            .order_by(func.coalesce(d.published, ""), q.doc_id, q.start)
        )
    )
    names = _names_for(conn, {r.speaker_local_id for r in rows if r.speaker_local_id})
    return [
        {
            "id": r.id,
            "doc": r.doc_id,
            "start": r.start,
            "end": r.end,
            "text": r.text,
            "speaker": names.get(r.speaker_local_id) if r.speaker_local_id else None,
            "title": r.title or str(r.doc_source).rsplit("/", 1)[-1],
            "published": r.published,
        }
        for r in rows
    ]


def document_infos(conn: Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Title, outlet, date, URL and source of each article, for a list of sources."""
    d = schema.documents.c
    rows = conn.execute(
        select(d.id, d.title, d.published, d.outlet, d.url, d.source).where(d.id.in_(list(ids)))
    )
    return {r.id: dict(r._mapping) | {"name": doc_infos_name(r)} for r in rows}
