"""Every read of the store, shared by the CLI, the export and (later) the API and web pages."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Select, func, select

from bilateral.model import LocalEntity
from bilateral.store import schema
from bilateral.store.writes import ENTITIES_STALE


def known_document_ids(conn: Connection, ids: Sequence[str]) -> set[str]:
    if not ids:
        return set()
    rows = conn.execute(select(schema.documents.c.id).where(schema.documents.c.id.in_(list(ids))))
    return {r[0] for r in rows}


def signatures(conn: Connection) -> list[tuple[str, str | None, tuple[int, ...]]]:
    d = schema.documents.c
    rows = conn.execute(select(d.id, d.duplicate_of, d.signature).order_by(d.ingested_at, d.id))
    return [(r.id, r.duplicate_of, tuple(r.signature or ())) for r in rows]


def entities_stale(conn: Connection) -> bool:
    value = conn.execute(
        select(schema.state.c.value).where(schema.state.c.key == ENTITIES_STALE)
    ).scalar()
    return value == "1"


def pending_groups(conn: Connection) -> list[str]:
    found = conn.execute(select(schema.pending_groups.c.group_key))
    return sorted(found.scalars())


def version(conn: Connection) -> str:
    value = conn.execute(
        select(schema.state.c.value).where(schema.state.c.key == "version")
    ).scalar()
    return str(value or "0")


def local_entities(conn: Connection) -> list[tuple[LocalEntity, int]]:
    """Every article's entities with how often each is mentioned, in a stable order."""
    le, m = schema.local_entities.c, schema.mentions.c
    counts: dict[str, int] = {
        row[0]: int(row[1])
        for row in conn.execute(select(m.local_entity_id, func.count()).group_by(m.local_entity_id))
    }
    rows = conn.execute(select(schema.local_entities).order_by(le.doc_id, le.id))
    return [(local_entity(r), counts.get(r.id, 0)) for r in rows]


def local_entity(r: Any) -> LocalEntity:
    """A row of local_entities as its record."""
    return LocalEntity(
        id=r.id,
        doc_id=r.doc_id,
        type=r.type,
        name=r.name,
        country=r.country,
        roles=tuple(r.roles),
        forms=tuple(r.forms),
    )


def entity_counts(type_: str | None = None, country: str | None = None) -> Select[Any]:
    """Canonical entities with their mention and article counts, most mentioned first."""
    e, le, m = schema.entities.c, schema.local_entities.c, schema.mentions.c
    query = (
        select(
            e.id,
            e.name,
            e.type,
            e.country,
            e.roles,
            e.aliases,
            func.count(m.start).label("mentions"),
            func.count(func.distinct(le.doc_id)).label("articles"),
        )
        .join(schema.local_entities, le.entity_id == e.id)
        .join(schema.mentions, m.local_entity_id == le.id)
        .group_by(e.id)  # the key (PostgreSQL cannot group by JSON columns)
        .order_by(func.count(m.start).desc(), e.name)
    )
    if type_:
        query = query.where(e.type == type_.upper())
    if country:
        query = query.where(e.country == country.upper())
    return query


def entity_table(
    conn: Connection,
    type_: str | None = None,
    country: str | None = None,
    doc: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """One row per canonical entity, with its mention and article counts, most mentioned first."""
    e, le = schema.entities.c, schema.local_entities.c
    query = entity_counts(type_, country)
    if doc:
        query = query.where(e.id.in_(select(le.entity_id).where(le.doc_id == doc)))
    if limit:
        query = query.limit(limit)
    return [dict(r._mapping) for r in conn.execute(query)]


def document_records(conn: Connection) -> Iterator[dict[str, Any]]:
    d = schema.documents.c
    for r in conn.execute(select(schema.documents).order_by(d.ingested_at, d.id)):
        yield {
            "kind": "document",
            "id": r.id,
            "source": r.source,
            "external_id": r.external_id,
            "url": r.url,
            "title": r.title,
            "published": r.published,
            "outlet": r.outlet,
            "authors": list(r.authors),
            "language": r.language,
            "text": r.text,
            "duplicate_of": r.duplicate_of,
        }


def entity_records(conn: Connection) -> Iterator[dict[str, Any]]:
    e, le, m = schema.entities.c, schema.local_entities.c, schema.mentions.c
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    rows = conn.execute(
        select(le.entity_id, m.doc_id, m.start, m.end, m.text)
        .join(schema.local_entities, m.local_entity_id == le.id)
        .order_by(m.doc_id, m.start)
    )
    for r in rows:
        found[r.entity_id].append({"doc": r.doc_id, "start": r.start, "end": r.end, "text": r.text})
    for r in conn.execute(select(schema.entities).order_by(e.type, e.name, e.id)):
        yield {
            "kind": "entity",
            "id": r.id,
            "name": r.name,
            "type": r.type,
            "country": r.country,
            "roles": list(r.roles),
            "aliases": list(r.aliases),
            "mentions": found.get(r.id, []),
        }


def counts(conn: Connection) -> dict[str, int]:
    def n(table: Any) -> int:
        return int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)

    return {
        "documents": n(schema.documents),
        "duplicates": int(
            conn.execute(
                select(func.count()).where(schema.documents.c.duplicate_of.is_not(None))
            ).scalar()
            or 0
        ),
        "entities": n(schema.entities),
        "mentions": n(schema.mentions),
        "claims": n(schema.claims),
        "quotes": n(schema.quotes),
        "events": n(schema.events),
        "clusters": n(schema.clusters),
        "conflicts": n(schema.conflicts),
    }
