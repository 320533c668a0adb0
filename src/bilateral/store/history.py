"""Entities over time: the roles a person is given in each article, dated by the article, and who
held the same role before or after them when the attested dates say so; the people of a set of
articles with the words that name them, for a who's who."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, select

from bilateral.store import schema
from bilateral.store.pages import doc_infos_name

_END = re.compile(r"[.!?][\"'”’)]*(?=\s|$)|\n")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence holding text[start:end] (a line break or a full stop ends it)."""
    before = 0
    for m in _END.finditer(text, 0, start):
        before = m.end()
    after = _END.search(text, end)
    stop = after.end() if after else len(text)
    while before < start and text[before].isspace():
        before += 1
    return before, stop


def _attestations(conn: Connection, entity_ids: set[str] | None) -> list[Any]:
    """(entity, role, article, date) for every role an article gives an entity."""
    le, d = schema.local_entities.c, schema.documents.c
    query = select(le.entity_id, le.roles, le.doc_id, d.published).join(
        schema.documents, d.id == le.doc_id
    )
    if entity_ids is not None:
        query = query.where(le.entity_id.in_(list(entity_ids)))
    return [r for r in conn.execute(query) if r.entity_id and r.roles]


def role_spans(conn: Connection, entity_ids: set[str] | None = None) -> dict[str, dict[str, Any]]:
    """entity id -> role -> {"first", "last", "docs"}: the dates an article gives it the role."""
    spans: dict[str, dict[str, Any]] = defaultdict(dict)
    for r in _attestations(conn, entity_ids):
        for role in r.roles:
            span = spans[r.entity_id].setdefault(role, {"first": None, "last": None, "docs": []})
            span["docs"].append(r.doc_id)
            if r.published:
                span["first"] = min(span["first"] or r.published, r.published)
                span["last"] = max(span["last"] or r.published, r.published)
    return spans


def _neighbours(
    entity_id: str, role: str, span: dict[str, Any], everyone: dict[str, dict[str, Any]]
) -> tuple[str | None, str | None]:
    """Who held `role` last before the entity was first attested in it, and first after it was
    last attested; only dated, non-overlapping attestations count."""
    if not span["first"]:
        return None, None
    before: tuple[str, str] | None = None
    after: tuple[str, str] | None = None
    for other, roles in everyone.items():
        theirs = roles.get(role)
        if other == entity_id or not theirs or not theirs["first"]:
            continue
        if theirs["last"] < span["first"] and (before is None or theirs["last"] > before[0]):
            before = (theirs["last"], other)
        if theirs["first"] > span["last"] and (after is None or theirs["first"] < after[0]):
            after = (theirs["first"], other)
    return (before[1] if before else None), (after[1] if after else None)


def entity_history(conn: Connection, entity_id: str) -> dict[str, Any]:
    """The entity's roles with their attested dates and its predecessors and successors in
    each, and the articles that mention it, in date order."""
    own = role_spans(conn, {entity_id}).get(entity_id, {})
    everyone = role_spans(conn) if own else {}
    e = schema.entities.c
    names = {r.id: r.name for r in conn.execute(select(e.id, e.name))} if own else {}
    roles = []
    for role, span in sorted(own.items(), key=lambda kv: (kv[1]["first"] or "9999", kv[0])):
        before, after = _neighbours(entity_id, role, span, everyone)
        roles.append(
            {
                "role": role,
                "first": span["first"],
                "last": span["last"],
                "articles": len(set(span["docs"])),
                "preceded_by": {"id": before, "name": names.get(before)} if before else None,
                "followed_by": {"id": after, "name": names.get(after)} if after else None,
            }
        )
    le, d = schema.local_entities.c, schema.documents.c
    rows = conn.execute(
        select(d.id, d.title, d.published, d.outlet, d.source)
        .join(schema.local_entities, le.doc_id == d.id)
        .where(le.entity_id == entity_id)
        .distinct()
    )
    articles = sorted(
        (
            {"doc": r.id, "title": doc_infos_name(r), "published": r.published, "outlet": r.outlet}
            for r in rows
        ),
        key=lambda a: (a["published"] or "", a["doc"]),
    )
    return {"roles": roles, "articles": articles}


def people_of(conn: Connection, doc_ids: set[str], limit: int = 12) -> list[dict[str, Any]]:
    """The people of these articles, most articles first, each with the roles the articles give
    them (dated) and the first mention of the name, with its sentence, to cite."""
    if not doc_ids:
        return []
    le, m, e, d = (
        schema.local_entities.c,
        schema.mentions.c,
        schema.entities.c,
        schema.documents.c,
    )
    rows = conn.execute(
        select(le.entity_id, le.doc_id, le.roles, e.name, e.country, m.start, m.end, m.text)
        .join(schema.entities, e.id == le.entity_id)
        .join(schema.mentions, m.local_entity_id == le.id)
        .where(le.doc_id.in_(list(doc_ids)), e.type == "PERSON")
        .order_by(m.doc_id, m.start)
    )
    found: dict[str, dict[str, Any]] = {}
    for r in rows:
        person = found.setdefault(
            r.entity_id,
            {
                "id": r.entity_id,
                "name": r.name,
                "country": r.country,
                "docs": set(),
                "mentions": [],
                "roles": set(),
            },
        )
        person["docs"].add(r.doc_id)
        person["roles"] |= set(r.roles)
        person["mentions"].append((r.doc_id, r.start, r.end, r.text))
    ranked = sorted(found.values(), key=lambda p: (-len(p["docs"]), -len(p["mentions"]), p["name"]))
    chosen = ranked[:limit]
    docs = {
        r.id: r
        for r in conn.execute(
            select(d.id, d.text, d.published).where(
                d.id.in_({x[0] for p in chosen for x in p["mentions"]})
            )
        )
    }
    spans = role_spans(conn, {p["id"] for p in chosen})
    out = []
    for p in chosen:
        # cite the mention that names the person most fully (the canonical name if it is written)
        doc_id, start, end, words = max(
            p["mentions"], key=lambda x: (x[3] == p["name"], len(x[3]), -(x[1]))
        )
        body = docs[doc_id].text
        s_start, s_end = sentence_around(body, start, end)
        roles = [
            {"role": role, "first": span["first"], "last": span["last"]}
            for role, span in sorted(spans.get(p["id"], {}).items())
            if role in p["roles"]
        ]
        out.append(
            {
                "id": p["id"],
                "name": p["name"],
                "country": p["country"],
                "articles": len(p["docs"]),
                "mentions": len(p["mentions"]),
                "roles": roles,
                "cite": {
                    "doc": doc_id,
                    "start": start,
                    "end": end,
                    "words": words,
                    "sentence": body[s_start:s_end],
                    "sentence_start": s_start,
                    "sentence_end": s_end,
                    "published": docs[doc_id].published,
                },
            }
        )
    return out
