"""Reads behind the pages and the API: one article with its facts, one entity with its
mentions, full-text search, and the overview of a country pair. Lists are filtered and cut into
pages in SQL, and only the texts a page needs are read."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from sqlalchemy import Connection, Text, cast, func, or_, select, text

from bilateral.store import schema
from bilateral.store.facts import _claim_record, _event_record, _local_names, speaker_names
from bilateral.store.reconciled import conflict_records, doc_infos


def document_list(conn: Connection, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    d = schema.documents.c
    total = conn.execute(select(func.count()).select_from(schema.documents)).scalar() or 0
    rows = conn.execute(
        select(d.id, d.title, d.published, d.outlet, d.source, d.duplicate_of)
        .order_by(d.published.desc(), d.id)
        .limit(limit)
        .offset(offset)
    )
    items = [dict(r._mapping) | {"name": doc_infos_name(r)} for r in rows]
    return {"items": items, "total": int(total), "limit": limit, "offset": offset}


def doc_infos_name(r: Any) -> str:
    return r.title or str(r.source).replace("\\\\", "/").rsplit("/", 1)[-1]


def document_page(conn: Connection, doc_id: str) -> dict[str, Any] | None:
    """An article with every fact found in it, offsets into its text."""
    d = conn.execute(select(schema.documents).where(schema.documents.c.id == doc_id)).first()
    if d is None:
        return None
    le, m = schema.local_entities.c, schema.mentions.c
    rows = conn.execute(
        select(m.start, m.end, m.text, m.type, le.entity_id, le.name)
        .join(schema.local_entities, le.id == m.local_entity_id)
        .where(m.doc_id == doc_id)
        .order_by(m.start)
    )
    names = speaker_names(conn, doc_id)
    local = _local_names(conn, doc_id)
    mentions = [
        {
            "start": r.start,
            "end": r.end,
            "text": r.text,
            "type": r.type,
            "entity": r.entity_id,
            "name": r.name,
        }
        for r in rows
    ]
    claims = [
        _claim_record(r, d.text, names)
        for r in conn.execute(select(schema.claims).where(schema.claims.c.doc_id == doc_id))
    ]
    events = [
        _event_record(r, d.text, names, local)
        for r in conn.execute(select(schema.events).where(schema.events.c.doc_id == doc_id))
    ]
    quotes = [
        {
            "id": r.id,
            "start": r.start,
            "end": r.end,
            "text": r.text,
            "speaker": names.get(r.speaker_local_id) if r.speaker_local_id else None,
        }
        for r in conn.execute(select(schema.quotes).where(schema.quotes.c.doc_id == doc_id))
    ]
    return {
        "id": d.id,
        "title": d.title,
        "name": doc_infos_name(d),
        "source": d.source,
        "external_id": d.external_id,
        "url": d.url,
        "published": d.published,
        "outlet": d.outlet,
        "authors": list(d.authors),
        "duplicate_of": d.duplicate_of,
        "text": d.text,
        "mentions": mentions,
        "claims": sorted(claims, key=lambda c: c["value_start"]),
        "events": sorted(events, key=lambda e: e["start"]),
        "quotes": sorted(quotes, key=lambda q: q["start"]),
    }


def entity_page(conn: Connection, entity_id: str) -> dict[str, Any] | None:
    """An entity with its mentions (with their articles), and the events, quotes and claims it
    takes part in."""
    e = conn.execute(select(schema.entities).where(schema.entities.c.id == entity_id)).first()
    if e is None:
        return None
    le, m, d = schema.local_entities.c, schema.mentions.c, schema.documents.c
    local_ids = [r[0] for r in conn.execute(select(le.id).where(le.entity_id == entity_id))]
    rows = conn.execute(
        select(m.doc_id, m.start, m.end, m.text, d.title, d.published, d.source)
        .join(schema.documents, d.id == m.doc_id)
        .where(m.local_entity_id.in_(local_ids))
        .order_by(d.published, m.doc_id, m.start)
    )
    mentions = [
        {
            "doc": r.doc_id,
            "start": r.start,
            "end": r.end,
            "text": r.text,
            "title": doc_infos_name(r),
            "published": r.published,
        }
        for r in rows
    ]
    docs = sorted({x["doc"] for x in mentions})
    texts = {r.id: r.text for r in conn.execute(select(d.id, d.text).where(d.id.in_(docs)))}
    names = speaker_names(conn)
    local = _local_names(conn)
    events = [
        _event_record(r, texts[r.doc_id], names, local)
        for r in conn.execute(select(schema.events).where(schema.events.c.doc_id.in_(docs)))
        if set(r.people) & set(local_ids) or r.place_local_id in local_ids
    ]
    q = schema.quotes.c
    quotes = [
        {"id": r.id, "doc": r.doc_id, "text": r.text}
        for r in conn.execute(select(schema.quotes).where(q.speaker_local_id.in_(local_ids)))
    ]
    c = schema.claims.c
    claims = [
        _claim_record(r, texts[r.doc_id], names)
        for r in conn.execute(select(schema.claims).where(c.speaker_local_id.in_(local_ids)))
    ]
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "country": e.country,
        "roles": list(e.roles),
        "aliases": list(e.aliases),
        "mentions": mentions,
        "articles": len(docs),
        "events": events,
        "quotes": quotes,
        "claims": claims,
    }


_WORD = re.compile(r"\w+", re.UNICODE)
# Words that say nothing about what is sought: a search for them would find every article.
_STOP = frozenset(
    "a an and are as at be been between by did do does for from had has have how in is it its "
    "many much of on or s that the their there these this to was were what when where which who "
    "why will with".split()
)
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?](?=\s|$)|$)", re.MULTILINE)


def search(conn: Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Articles that match the words of `query`, best first (BM25 over SQLite FTS5; a plain
    word match elsewhere), each with the sentences that hold the words."""
    words = [w for w in _WORD.findall(query.lower()) if len(w) > 1 and w not in _STOP][:12]
    if not words:
        return []
    d = schema.documents.c
    if conn.dialect.name == "sqlite":
        match = " OR ".join(f'"{w}"' for w in words)
        ranked = conn.execute(
            text(
                "SELECT doc_id, bm25(documents_fts) AS score FROM documents_fts "
                "WHERE documents_fts MATCH :q ORDER BY score LIMIT :n"
            ),
            {"q": match, "n": limit},
        ).all()
        ids = [r.doc_id for r in ranked]
    else:
        condition = or_(*[func.lower(d.text).contains(w) for w in words])
        ids = [r[0] for r in conn.execute(select(d.id).where(condition).limit(limit))]
    if not ids:
        return []
    rows = {r.id: r for r in conn.execute(select(schema.documents).where(d.id.in_(ids)))}
    out = []
    for doc_id in ids:
        r = rows[doc_id]
        sentences = best_sentences(r.text, words, 3)
        if sentences:
            out.append(
                {
                    "doc": doc_id,
                    "title": doc_infos_name(r),
                    "published": r.published,
                    "sentences": sentences,
                }
            )
    return out


def best_sentences(body: str, words: list[str], n: int) -> list[dict[str, Any]]:
    """The sentences of an article that hold most of the words, with their offsets."""
    found = []
    needed = max(1, (len(set(words)) + 1) // 2)  # half the words, at least one
    for m in _SENTENCE.finditer(body):
        lowered = m.group(0).lower()
        hits = sum(1 for w in set(words) if re.search(rf"\b{re.escape(w)}\b", lowered))
        if hits >= needed:
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            found.append((hits, start, m.end()))
    found.sort(key=lambda h: (-h[0], h[1]))
    return [{"start": s, "end": e, "text": body[s:e], "hits": h} for h, s, e in found[:n]]


def dyad(conn: Connection) -> list[str]:
    """The two countries the knowledge base is most about."""
    e, le, m = schema.entities.c, schema.local_entities.c, schema.mentions.c
    rows = conn.execute(
        select(e.country, func.count())
        .join(schema.local_entities, le.entity_id == e.id)
        .join(schema.mentions, m.local_entity_id == le.id)
        .where(e.type == "GPE", e.country.is_not(None))
        .group_by(e.country)
        .order_by(func.count().desc())
        .limit(2)
    )
    return [r[0] for r in rows]


def key_figures(conn: Connection, pair: list[str]) -> list[dict[str, Any]]:
    """Per metric involving the pair: the latest figure, its source, and any dispute of it."""
    c = schema.claims.c
    query = select(schema.claims).where(c.metric != "other")
    for code in pair:
        query = query.where(cast(c.countries, Text).contains(f'"{code}"'))
    rows = list(conn.execute(query))
    if not rows:
        return []
    docs = doc_infos(conn)
    disputed: Counter[str] = Counter()
    for x in conflict_records(conn):
        if x["verdict"] in ("contradiction", "different_definition"):
            for member in x["members"]:
                disputed[member] += 1
    latest: dict[str, Any] = {}
    for r in rows:
        when = r.period_end or r.period_start or docs[r.doc_id].published or ""
        best = latest.get(r.metric)
        if best is None or when > best[0]:
            latest[r.metric] = (when, r)
    texts = {
        r.id: r.text
        for r in conn.execute(
            select(schema.documents.c.id, schema.documents.c.text).where(
                schema.documents.c.id.in_({r.doc_id for _, r in latest.values()})
            )
        )
    }
    names = speaker_names(conn)
    out = []
    for metric, (_, r) in sorted(latest.items()):
        record = _claim_record(r, texts[r.doc_id], names)
        record["title"] = docs[r.doc_id].name
        record["published"] = docs[r.doc_id].published
        record["disputed"] = disputed[r.id]
        record["reports"] = sum(1 for x in rows if x.metric == metric)
        out.append(record)
    return out


def people_who_matter(conn: Connection, pair: list[str], limit: int = 12) -> list[dict[str, Any]]:
    e, le, m = schema.entities.c, schema.local_entities.c, schema.mentions.c
    rows = conn.execute(
        select(
            e.id,
            e.name,
            e.country,
            e.roles,
            func.count(m.start).label("mentions"),
            func.count(func.distinct(le.doc_id)).label("articles"),
        )
        .join(schema.local_entities, le.entity_id == e.id)
        .join(schema.mentions, m.local_entity_id == le.id)
        .where(e.type == "PERSON", e.country.in_(pair))
        .group_by(e.id)  # the key: every other column of the entity follows from it
        .order_by(func.count(func.distinct(le.doc_id)).desc(), func.count(m.start).desc())
        .limit(limit)
    )
    return [dict(r._mapping) for r in rows]
