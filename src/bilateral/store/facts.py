"""Reads of the facts found in articles: claims and quotes, as records and as table rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Text, cast, func, or_, select

from bilateral.store import schema


def speaker_names(conn: Connection, doc_id: str | None = None) -> dict[str, str]:
    """Each article's local entity id -> the canonical name of the entity it became."""
    le, e = schema.local_entities.c, schema.entities.c
    query = select(le.id, e.name).join(schema.entities, e.id == le.entity_id)
    if doc_id is not None:
        query = query.where(le.doc_id == doc_id)
    return {r.id: r.name for r in conn.execute(query)}


def _texts(conn: Connection, doc_ids: set[str] | None = None) -> dict[str, str]:
    d = schema.documents.c
    query = select(d.id, d.text)
    if doc_ids is not None:
        query = query.where(d.id.in_(list(doc_ids)))
    return {r.id: r.text for r in conn.execute(query)}


def _claim_record(r: Any, text: str, names: dict[str, str]) -> dict[str, Any]:
    speaker = names.get(r.speaker_local_id) if r.speaker_local_id else None
    return {
        "kind": "claim",
        "id": r.id,
        "doc": r.doc_id,
        "start": r.start,
        "end": r.end,
        "sentence": text[r.start : r.end],
        "metric": r.metric,
        "countries": list(r.countries),
        "from": r.from_country,
        "to": r.to_country,
        "value": r.value,
        "unit": r.unit,
        "period_start": r.period_start,
        "period_end": r.period_end,
        "approx": r.approx,
        "attributed_to": speaker or r.source,
        "value_start": r.value_start,
        "value_end": r.value_end,
        "value_text": text[r.value_start : r.value_end],
        "qualifier": r.qualifier,
        "noun": r.noun,
        "note": r.note,
    }


def claim_records(conn: Connection) -> Iterator[dict[str, Any]]:
    names, texts = speaker_names(conn), _texts(conn)
    c = schema.claims.c
    for r in conn.execute(select(schema.claims).order_by(c.doc_id, c.value_start, c.id)):
        yield _claim_record(r, texts[r.doc_id], names)


def quote_records(conn: Connection) -> Iterator[dict[str, Any]]:
    names = speaker_names(conn)
    q = schema.quotes.c
    for r in conn.execute(select(schema.quotes).order_by(q.doc_id, q.start)):
        yield {
            "kind": "quote",
            "id": r.id,
            "doc": r.doc_id,
            "start": r.start,
            "end": r.end,
            "speaker": names.get(r.speaker_local_id) if r.speaker_local_id else None,
            "speaker_words": r.speaker_text,
            "text": r.text,
        }


def _names_for(conn: Connection, local_ids: set[str]) -> dict[str, str]:
    le, e = schema.local_entities.c, schema.entities.c
    if not local_ids:
        return {}
    query = select(le.id, e.name).join(schema.entities, e.id == le.entity_id)
    return {r.id: r.name for r in conn.execute(query.where(le.id.in_(list(local_ids))))}


def _local_ids_named(conn: Connection, part: str) -> list[str]:
    """The local entity ids of every entity whose canonical name holds `part`."""
    le, e = schema.local_entities.c, schema.entities.c
    query = (
        select(le.id)
        .join(schema.entities, e.id == le.entity_id)
        .where(func.lower(e.name).contains(part.lower()))
    )
    return [r[0] for r in conn.execute(query)]


def claim_table(
    conn: Connection,
    metric: str | None = None,
    country: str | None = None,
    from_: str | None = None,
    to: str | None = None,
    since: str | None = None,
    doc: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Claims with their article's title and date, filtered; latest period first."""
    c, d = schema.claims.c, schema.documents.c
    when = func.coalesce(c.period_end, c.period_start, d.published, "")
    query = select(schema.claims, d.title, d.published, d.source.label("doc_source")).join(
        schema.documents, d.id == c.doc_id
    )
    if metric:
        query = query.where(c.metric == metric)
    if country:
        query = query.where(cast(c.countries, Text).contains(f'"{country.upper()}"'))
    if from_:
        query = query.where(c.from_country == from_.upper())
    if to:
        query = query.where(c.to_country == to.upper())
    if since:
        query = query.where(when >= since)
    if doc:
        query = query.where(c.doc_id == doc)
    query = query.order_by(when.desc(), c.id).offset(offset)
    if limit:
        query = query.limit(limit)
    rows = list(conn.execute(query))
    texts = _texts(conn, {r.doc_id for r in rows})
    names = _names_for(conn, {r.speaker_local_id for r in rows if r.speaker_local_id})
    return [
        {
            **_claim_record(r, texts[r.doc_id], names),
            "title": r.title,
            "published": r.published,
            "source": r.doc_source,
        }
        for r in rows
    ]


def quote_table(
    conn: Connection,
    speaker: str | None = None,
    doc: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    q, d = schema.quotes.c, schema.documents.c
    query = select(schema.quotes, d.title, d.published).join(schema.documents, d.id == q.doc_id)
    if doc:
        query = query.where(q.doc_id == doc)
    if speaker:
        ids = _local_ids_named(conn, speaker)
        query = query.where(
            or_(q.speaker_local_id.in_(ids), func.lower(q.speaker_text).contains(speaker.lower()))
        )
    query = query.order_by(d.published, q.doc_id, q.start).offset(offset)
    if limit:
        query = query.limit(limit)
    rows = list(conn.execute(query))
    names = _names_for(conn, {r.speaker_local_id for r in rows if r.speaker_local_id})
    return [
        {
            "id": r.id,
            "doc": r.doc_id,
            "speaker": names.get(r.speaker_local_id) if r.speaker_local_id else None,
            "text": r.text,
            "title": r.title,
            "published": r.published,
        }
        for r in rows
    ]


def _event_record(
    r: Any, text: str, names: dict[str, str], local: dict[str, str]
) -> dict[str, Any]:
    place = r.place_local_id
    return {
        "kind": "event",
        "id": r.id,
        "doc": r.doc_id,
        "start": r.start,
        "end": r.end,
        "sentence": text[r.start : r.end],
        "type": r.type,
        "subtype": r.subtype,
        "date": r.date,
        "date_start": r.date_start,
        "date_end": r.date_end,
        "actors": list(r.actors),
        "targets": list(r.targets),
        "people": [names.get(p) or local.get(p, p) for p in r.people],
        "place": (names.get(place) or local.get(place)) if place else None,
        "modality": r.modality,
        "cue": text[r.cue_start : r.cue_end],
        "cue_start": r.cue_start,
        "cue_end": r.cue_end,
        "mode": r.mode,
        "dyadic": r.dyadic,
        "actor_sector": r.actor_sector,
        "target_sector": r.target_sector,
    }


def _local_names(conn: Connection, doc_id: str | None = None) -> dict[str, str]:
    le = schema.local_entities.c
    query = select(le.id, le.name)
    if doc_id is not None:
        query = query.where(le.doc_id == doc_id)
    return {r.id: r.name for r in conn.execute(query)}


def event_records(conn: Connection) -> Iterator[dict[str, Any]]:
    names, local, texts = speaker_names(conn), _local_names(conn), _texts(conn)
    v = schema.events.c
    for r in conn.execute(select(schema.events).order_by(v.doc_id, v.cue_start, v.id)):
        yield _event_record(r, texts[r.doc_id], names, local)


def event_table(
    conn: Connection,
    type_: str | None = None,
    country: str | None = None,
    since: str | None = None,
    person: str | None = None,
    doc: str | None = None,
    modality: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Events with their article's title and date, filtered; in date order."""
    v, d = schema.events.c, schema.documents.c
    query = select(schema.events, d.title, d.published, d.source.label("doc_source")).join(
        schema.documents, d.id == v.doc_id
    )
    if type_:
        query = query.where(v.type == type_.upper())
    if doc:
        query = query.where(v.doc_id == doc)
    if modality:
        query = query.where(v.modality == modality)
    if country:
        code = f'"{country.upper()}"'
        query = query.where(
            or_(cast(v.actors, Text).contains(code), cast(v.targets, Text).contains(code))
        )
    if since:
        query = query.where(func.coalesce(v.date_end, v.date, "") >= since)
    if person:
        ids = _local_ids_named(conn, person)
        if not ids:
            return []
        query = query.where(or_(*[cast(v.people, Text).contains(f'"{i}"') for i in ids[:200]]))
    query = query.order_by(func.coalesce(v.date, ""), v.doc_id, v.cue_start).offset(offset)
    if limit:
        query = query.limit(limit)
    rows = list(conn.execute(query))
    texts = _texts(conn, {r.doc_id for r in rows})
    wanted = {p for r in rows for p in r.people} | {
        r.place_local_id for r in rows if r.place_local_id
    }
    names = _names_for(conn, wanted)
    local = _local_names_for(conn, wanted)
    return [
        {
            **_event_record(r, texts[r.doc_id], names, local),
            "title": r.title,
            "published": r.published,
            "source": r.doc_source,
        }
        for r in rows
    ]


def _local_names_for(conn: Connection, local_ids: set[str]) -> dict[str, str]:
    le = schema.local_entities.c
    if not local_ids:
        return {}
    return {
        r.id: r.name for r in conn.execute(select(le.id, le.name).where(le.id.in_(list(local_ids))))
    }
