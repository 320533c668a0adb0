"""Reads that answering a question needs: names that match the words of a question, the facts
between given countries, the clusters and conflicts those facts belong to, people by role, and
what the knowledge base holds at all (for saying what is known nearby). Each reads only the rows
and texts it returns, so an answer stays fast on a large knowledge base."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Text, cast, func, or_, select

from bilateral.store import schema
from bilateral.store.facts import (
    _claim_record,
    _event_record,
    _local_names_for,
    _names_for,
    _texts,
)
from bilateral.store.reconciled import _cluster_record


def _json_has(column: Any, code: str) -> Any:
    return cast(column, Text).contains(f'"{code}"')


def names_matching(conn: Connection, words: Sequence[str]) -> list[dict[str, Any]]:
    """Canonical entities whose name or an alias holds one of `words` (case-insensitive)."""
    if not words:
        return []
    e = schema.entities.c
    conditions = []
    for w in words:
        conditions.append(func.lower(e.name).contains(w.lower()))
        conditions.append(func.lower(cast(e.aliases, Text)).contains(w.lower()))
    rows = conn.execute(
        select(e.id, e.name, e.type, e.country, e.roles, e.aliases)
        .where(or_(*conditions))
        .order_by(e.name, e.id)
    )
    return [dict(r._mapping) for r in rows]


def _infos(conn: Connection, doc_ids: set[str]) -> dict[str, tuple[str, str | None]]:
    """Each article's name (title, else file name) and date."""
    if not doc_ids:
        return {}
    d = schema.documents.c
    rows = conn.execute(
        select(d.id, d.title, d.source, d.published).where(d.id.in_(sorted(doc_ids)))
    )
    return {
        r.id: (r.title or str(r.source).replace("\\", "/").rsplit("/", 1)[-1], r.published)
        for r in rows
    }


def _with_docs(conn: Connection, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    docs = _infos(conn, {r["doc"] for r in records})
    for r in records:
        r["title"], r["published"] = docs.get(r["doc"], (r["doc"], None))
    return records


def claims_between(
    conn: Connection, countries: Sequence[str], metric: str | None = None
) -> list[dict[str, Any]]:
    """Claims that name every one of `countries` (of `metric` when given), with their articles."""
    c = schema.claims.c
    query = select(schema.claims)
    if metric:
        query = query.where(c.metric == metric)
    for code in countries:
        query = query.where(_json_has(c.countries, code))
    rows = list(conn.execute(query.order_by(c.doc_id, c.value_start)))
    texts = _texts(conn, {r.doc_id for r in rows})
    names = _names_for(conn, {r.speaker_local_id for r in rows if r.speaker_local_id})
    return _with_docs(conn, [_claim_record(r, texts[r.doc_id], names) for r in rows])


def events_between(
    conn: Connection,
    countries: Sequence[str],
    types: Sequence[str] = (),
    subtypes: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Events whose actors or targets hold every one of `countries` (of `types` when given,
    and of a subtype that holds one of `subtypes`: "visit" is also a state visit)."""
    v = schema.events.c
    query = select(schema.events)
    if types:
        query = query.where(v.type.in_(list(types)))
    if subtypes:
        query = query.where(or_(*[v.subtype.contains(s) for s in subtypes]))
    for code in countries:
        query = query.where(or_(_json_has(v.actors, code), _json_has(v.targets, code)))
    rows = list(conn.execute(query.order_by(v.doc_id, v.cue_start)))
    texts = _texts(conn, {r.doc_id for r in rows})
    wanted = {p for r in rows for p in r.people} | {
        r.place_local_id for r in rows if r.place_local_id
    }
    names, local = _names_for(conn, wanted), _local_names_for(conn, wanted)
    return _with_docs(conn, [_event_record(r, texts[r.doc_id], names, local) for r in rows])


def events_with_people(
    conn: Connection, surnames: Sequence[str], types: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """Events with a person of each of these surnames among their people (of `types`)."""
    le, e, v = schema.local_entities.c, schema.entities.c, schema.events.c
    query = select(schema.events)
    if types:
        query = query.where(v.type.in_(list(types)))
    for surname in surnames:
        ids = [
            r[0]
            for r in conn.execute(
                select(le.id)
                .join(schema.entities, e.id == le.entity_id)
                .where(e.type == "PERSON", func.lower(e.name).contains(surname.lower()))
                .order_by(le.id)
            )
        ]
        if not ids:
            return []
        query = query.where(or_(*[cast(v.people, Text).contains(f'"{i}"') for i in ids[:300]]))
    rows = list(conn.execute(query.order_by(v.doc_id, v.cue_start)))
    texts = _texts(conn, {r.doc_id for r in rows})
    wanted = {p for r in rows for p in r.people} | {
        r.place_local_id for r in rows if r.place_local_id
    }
    names, local = _names_for(conn, wanted), _local_names_for(conn, wanted)
    return _with_docs(conn, [_event_record(r, texts[r.doc_id], names, local) for r in rows])


def clusters_holding(conn: Connection, event_ids: set[str]) -> list[dict[str, Any]]:
    """The event clusters with any of these events among their members."""
    if not event_ids:
        return []
    v, k = schema.events.c, schema.clusters.c
    keys = {
        r[0] for r in conn.execute(select(v.group_key).where(v.id.in_(list(event_ids)))) if r[0]
    }
    if not keys:
        return []
    rows = conn.execute(select(schema.clusters).where(k.group_key.in_(sorted(keys))))
    return [c for c in (_cluster_record(r) for r in rows) if event_ids & set(c["members"])]


def conflicts_among(conn: Connection, fact_ids: set[str]) -> list[dict[str, Any]]:
    """Conflicts (and agreements) with at least two members among these claims or events,
    each with its members' sentences."""
    if not fact_ids:
        return []
    c, v, x = schema.claims.c, schema.events.c, schema.conflicts.c
    ids = list(fact_ids)
    keys = {r[0] for r in conn.execute(select(c.group_key).where(c.id.in_(ids))) if r[0]}
    keys |= {r[0] for r in conn.execute(select(v.group_key).where(v.id.in_(ids))) if r[0]}
    if not keys:
        return []
    rows = [
        r
        for r in conn.execute(select(schema.conflicts).where(x.group_key.in_(sorted(keys))))
        if len(fact_ids & set(r.members)) >= 2
    ]
    members = {m for r in rows for m in r.members}
    claims = list(conn.execute(select(schema.claims).where(c.id.in_(list(members)))))
    events = list(conn.execute(select(schema.events).where(v.id.in_(list(members)))))
    texts = _texts(conn, {r.doc_id for r in claims + events})
    facts = {
        r.id: {
            "doc": r.doc_id,
            "start": r.start,
            "end": r.end,
            "sentence": texts[r.doc_id][r.start : r.end],
        }
        for r in claims + events
    }
    _with_docs(conn, list(facts.values()))
    return [
        {
            "id": r.id,
            "verdict": r.verdict,
            "explanation": r.explanation,
            "members": list(r.members),
            "facts": [facts[m] for m in r.members if m in facts],
        }
        for r in sorted(rows, key=lambda r: r.id)
    ]


def people_by_role(
    conn: Connection, role: str, country: str | None = None, names: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """Persons whose roles hold `role` (and who are of `country`, or whose role names it), with
    every article that mentions them: its date, and the sentence of the first mention."""
    e, le, m = schema.entities.c, schema.local_entities.c, schema.mentions.c
    query = select(e.id, e.name, e.country, e.roles).where(e.type == "PERSON")
    if role:
        query = query.where(func.lower(cast(e.roles, Text)).contains(role.lower()))
    if names:
        query = query.where(e.name.in_(list(names)))
    people = [dict(r._mapping) for r in conn.execute(query.order_by(e.name, e.id))]
    if country:
        people = [
            p for p in people if p["country"] == country or any(country in r for r in p["roles"])
        ]
    if not people:
        return []
    by_entity = {p["id"]: p for p in people}
    rows = conn.execute(
        select(
            le.entity_id, m.doc_id, func.min(m.start).label("start"), func.min(m.end).label("end")
        )
        .join(schema.local_entities, le.id == m.local_entity_id)
        .where(le.entity_id.in_(list(by_entity)))
        .group_by(le.entity_id, m.doc_id)
    )
    seen = [(r.entity_id, r.doc_id, r.start, r.end) for r in rows]
    texts = _texts(conn, {s[1] for s in seen})
    docs = _infos(conn, {s[1] for s in seen})
    for p in people:
        p["attested"] = []
    for entity, doc, start, end in sorted(seen, key=lambda s: (s[1], s[2])):
        title, published = docs.get(doc, (doc, None))
        by_entity[entity]["attested"].append(
            {
                "doc": doc,
                "title": title,
                "published": published,
                "start": start,
                "end": end,
                "text": texts[doc],
            }
        )
    return people


def pairs(conn: Connection, countries: Sequence[str] = ()) -> Counter[tuple[str, str]]:
    """The pairs of countries the knowledge base holds facts about (clusters and claims), with
    how many; only those with one of `countries` when given."""
    found: Counter[tuple[str, str]] = Counter()
    for column in (schema.clusters.c.countries, schema.claims.c.countries):
        as_text = cast(column, Text)
        query = select(as_text, func.count()).group_by(as_text)
        if countries:
            query = query.where(or_(*[_json_has(column, c) for c in countries]))
        for text_, n in conn.execute(query):
            codes = sorted(set(json.loads(text_)))
            if len(codes) == 2:
                found[(codes[0], codes[1])] += int(n)
    return found


def holds_pair(conn: Connection, a: str, b: str) -> bool:
    """Whether any cluster or claim names both countries."""
    for column in (schema.clusters.c.countries, schema.claims.c.countries):
        query = select(func.count()).select_from(
            select(column).where(_json_has(column, a), _json_has(column, b)).limit(1).subquery()
        )
        if conn.execute(query).scalar():
            return True
    return False


def metrics_between(conn: Connection, countries: Sequence[str]) -> Counter[str]:
    """The metrics of the claims that name every one of `countries`."""
    c = schema.claims.c
    query = select(c.metric)
    for code in countries:
        query = query.where(_json_has(c.countries, code))
    return Counter(r[0] for r in conn.execute(query))


def document_texts(conn: Connection, doc_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The text, name and date of each of these articles."""
    if not doc_ids:
        return {}
    d = schema.documents.c
    rows = conn.execute(
        select(d.id, d.text, d.title, d.published, d.source).where(d.id.in_(list(doc_ids)))
    )
    return {
        r.id: {
            "text": r.text,
            "title": r.title or str(r.source).replace("\\", "/").rsplit("/", 1)[-1],
            "published": r.published,
        }
        for r in rows
    }


def quotes_of(conn: Connection, names: Sequence[str]) -> list[dict[str, Any]]:
    """The quotes these persons (canonical names) are the speakers of, with their offsets."""
    if not names:
        return []
    le, e, q = schema.local_entities.c, schema.entities.c, schema.quotes.c
    speakers = {
        r.id: r.name
        for r in conn.execute(
            select(le.id, e.name)
            .join(schema.entities, e.id == le.entity_id)
            .where(e.name.in_(list(names)))
        )
    }
    if not speakers:
        return []
    rows = list(
        conn.execute(
            select(schema.quotes)
            .where(q.speaker_local_id.in_(sorted(speakers)))
            .order_by(q.doc_id, q.start)
        )
    )
    return _with_docs(
        conn,
        [
            {
                "id": r.id,
                "doc": r.doc_id,
                "start": r.start,
                "end": r.end,
                "sentence": r.text,
                "speaker": speakers[r.speaker_local_id],
            }
            for r in rows
        ],
    )
