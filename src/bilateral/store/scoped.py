"""The lists of the pages and the API cut to one pair of countries (see pairs.py for what
belongs to a pair): the same rows as the unscoped reads, filtered by the pair's ids, then paged."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Connection, func, select

from bilateral.store import facts, queries, reconciled, schema
from bilateral.store.facts import _names_for
from bilateral.store.pages import doc_infos_name
from bilateral.store.pairs import Membership, Pair


def scope(found: Membership, pair: Pair) -> dict[str, set[str]]:
    """The ids of the pair's articles and facts, by kind."""
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


def _docs_of(conn: Connection, table: Any, ids: set[str], doc: str | None) -> list[str]:
    """The articles that hold these facts (only `doc` if one is asked for)."""
    found = {
        r[0]
        for chunk in _chunks(sorted(ids))
        for r in conn.execute(select(table.c.doc_id).where(table.c.id.in_(chunk)).distinct())
    }
    return sorted(found & {doc} if doc else found)


def _by_article(
    conn: Connection,
    table: Any,
    lister: Callable[..., list[dict[str, Any]]],
    ids: set[str],
    doc: str | None,
    filters: dict[str, Any],
) -> list[dict[str, Any]]:
    """The rows of the unscoped table `lister`, article by article, kept to these ids."""
    return [
        r
        for d in _docs_of(conn, table, ids, doc)
        for r in lister(conn, doc=d, **filters)
        if r["id"] in ids
    ]


def _chunks(ids: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def document_list(
    conn: Connection, ids: set[str], limit: int = 50, offset: int = 0
) -> dict[str, Any]:
    d = schema.documents.c
    rows = conn.execute(
        select(d.id, d.title, d.published, d.outlet, d.source, d.duplicate_of)
        .where(d.id.in_(sorted(ids)))
        .order_by(d.published.desc(), d.id)
        .limit(limit)
        .offset(offset)
    )
    items = [dict(r._mapping) | {"name": doc_infos_name(r)} for r in rows]
    return {"items": items, "total": len(ids), "limit": limit, "offset": offset}


def entity_table(
    conn: Connection,
    doc_ids: set[str],
    type_: str | None = None,
    country: str | None = None,
    doc: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Entities mentioned in these articles, with their counts over the whole knowledge base,
    most mentioned first (the rows of the unscoped entity table)."""
    e, le = schema.entities.c, schema.local_entities.c
    wanted = select(le.entity_id).where(le.doc_id.in_(sorted(doc_ids)))
    if doc:
        wanted = wanted.where(le.doc_id == doc)
    query = queries.entity_counts(type_, country).where(e.id.in_(wanted)).offset(offset)
    if limit:
        query = query.limit(limit)
    return [dict(r._mapping) for r in conn.execute(query)]


def claim_table(
    conn: Connection,
    ids: set[str],
    doc: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    **filters: Any,
) -> list[dict[str, Any]]:
    """The claims with these ids, filtered like the unscoped table; latest period first."""
    rows = _by_article(conn, schema.claims, facts.claim_table, ids, doc, filters)
    rows.sort(key=lambda r: r["id"])
    rows.sort(
        key=lambda r: r["period_end"] or r["period_start"] or r["published"] or "", reverse=True
    )
    return _page(rows, limit, offset)


def event_table(
    conn: Connection,
    ids: set[str],
    doc: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    **filters: Any,
) -> list[dict[str, Any]]:
    """The events with these ids, filtered like the unscoped table; in date order."""
    rows = _by_article(conn, schema.events, facts.event_table, ids, doc, filters)
    rows.sort(key=lambda r: r["date"] or "")  # stable: each article's own order is kept
    return _page(rows, limit, offset)


def quote_table(
    conn: Connection,
    ids: set[str],
    doc: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    **filters: Any,
) -> list[dict[str, Any]]:
    rows = _by_article(conn, schema.quotes, facts.quote_table, ids, doc, filters)
    rows.sort(key=lambda r: r["published"] or "")  # stable: each article's own order is kept
    return _page(rows, limit, offset)


def conflict_table(
    conn: Connection, ids: set[str], limit: int | None = None, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    rows = reconciled.conflict_table(conn, **filters)
    return _page([r for r in rows if r["id"] in ids], limit, offset)


def timeline(
    conn: Connection, ids: set[str], limit: int | None = None, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    """The clusters with these ids in date order, with their sources."""
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
