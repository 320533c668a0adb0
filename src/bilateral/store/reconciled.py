"""Reads for reconciliation (facts of given groups, as records) and of what it produced
(clusters and conflicts, as records and as the rows of the timeline and conflict views)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Text, cast, func, select

from bilateral.model import Claim, DocInfo, Event
from bilateral.store import schema
from bilateral.store.facts import (
    _claim_record,
    _event_record,
    _local_names_for,
    _names_for,
    _texts,
)
from bilateral.store.rows import from_rows


def doc_infos(conn: Connection, ids: Collection[str] | None = None) -> dict[str, DocInfo]:
    """Every document, or those named and the originals they nearly duplicate."""
    d = schema.documents.c
    query = select(d.id, d.title, d.published, d.duplicate_of, d.source)
    if ids is None:
        rows = list(conn.execute(query))
    else:
        rows = [
            r for chunk in _chunks(sorted(ids)) for r in conn.execute(query.where(d.id.in_(chunk)))
        ]
        originals = {r.duplicate_of for r in rows if r.duplicate_of} - set(ids)
        rows += [
            r
            for chunk in _chunks(sorted(originals))
            for r in conn.execute(query.where(d.id.in_(chunk)))
        ]
    return {r.id: DocInfo(r.id, r.title, r.published, r.duplicate_of, r.source) for r in rows}


def group_keys(conn: Connection) -> list[str]:
    c, v = schema.claims.c, schema.events.c
    keys = {r[0] for r in conn.execute(select(c.group_key).distinct()) if r[0]}
    keys |= {r[0] for r in conn.execute(select(v.group_key).distinct()) if r[0]}
    return sorted(keys)


def _chunks(keys: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(keys), 500):
        yield list(keys[start : start + 500])


def claims_of(conn: Connection, keys: Sequence[str]) -> list[tuple[Claim, str, str | None]]:
    """Claims of the given groups, with the words of each figure and who stated it."""
    rows = [
        r
        for chunk in _chunks(keys)
        for r in conn.execute(select(schema.claims).where(schema.claims.c.group_key.in_(chunk)))
    ]
    names, _ = _names_of(conn, {r.speaker_local_id for r in rows if r.speaker_local_id})
    texts = _texts(conn, {r.doc_id for r in rows})
    out = []
    for r, claim in zip(rows, from_rows(Claim, rows), strict=True):
        speaker = names.get(r.speaker_local_id) if r.speaker_local_id else r.source
        out.append((claim, texts[r.doc_id][r.value_start : r.value_end], speaker))
    return out


def events_of(
    conn: Connection, keys: Sequence[str]
) -> list[tuple[Event, tuple[str, ...], str | None]]:
    """Events of the given groups, with the canonical names of their people and place."""
    rows = [
        r
        for chunk in _chunks(keys)
        for r in conn.execute(select(schema.events).where(schema.events.c.group_key.in_(chunk)))
    ]
    wanted = {p for r in rows for p in r.people} | {r.place_local_id for r in rows}
    names, local = _names_of(conn, {w for w in wanted if w})
    out = []
    for r, event in zip(rows, from_rows(Event, rows), strict=True):
        people = tuple(names.get(p) or local.get(p, p) for p in r.people)
        place = (
            (names.get(r.place_local_id) or local.get(r.place_local_id))
            if r.place_local_id
            else None
        )
        out.append((event, people, place))
    return out


def _names_of(conn: Connection, local_ids: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """For these local entities only: the canonical names they became, and their own names."""
    le, e = schema.local_entities.c, schema.entities.c
    canonical: dict[str, str] = {}
    own: dict[str, str] = {}
    for chunk in _chunks(sorted(local_ids)):
        query = (
            select(le.id, le.name, e.name.label("canonical"))
            .outerjoin(schema.entities, e.id == le.entity_id)
            .where(le.id.in_(chunk))
        )
        for r in conn.execute(query):
            own[r.id] = r.name
            if r.canonical is not None:
                canonical[r.id] = r.canonical
    return canonical, own


def _cluster_record(r: Any) -> dict[str, Any]:
    return {
        "kind": "cluster",
        "id": r.id,
        "of": r.of,
        "members": list(r.members),
        "summary": r.summary,
        "date": r.date,
        "type": r.type,
        "subtype": r.subtype,
        "countries": list(r.countries),
        "people": list(r.people),
        "place": r.place,
    }


def cluster_records(conn: Connection) -> Iterator[dict[str, Any]]:
    k = schema.clusters.c
    for r in conn.execute(select(schema.clusters).order_by(k.date, k.id)):
        yield _cluster_record(r)


def conflict_records(conn: Connection) -> Iterator[dict[str, Any]]:
    x = schema.conflicts.c
    for r in conn.execute(select(schema.conflicts).order_by(x.group_key, x.id)):
        yield {
            "kind": "conflict",
            "id": r.id,
            "of": r.kind,
            "members": list(r.members),
            "verdict": r.verdict,
            "explanation": r.explanation,
        }


def _facts_by_id(conn: Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    """The claim and event records with these ids, reading only their articles' texts."""
    if not ids:
        return {}
    claims = list(conn.execute(select(schema.claims).where(schema.claims.c.id.in_(list(ids)))))
    events = list(conn.execute(select(schema.events).where(schema.events.c.id.in_(list(ids)))))
    texts = _texts(conn, {r.doc_id for r in claims + events})
    locals_ = {r.speaker_local_id for r in claims if r.speaker_local_id}
    locals_ |= {p for r in events for p in r.people} | {
        r.place_local_id for r in events if r.place_local_id
    }
    names, local = _names_for(conn, locals_), _local_names_for(conn, locals_)
    found = {r.id: _claim_record(r, texts[r.doc_id], names) for r in claims}
    found |= {r.id: _event_record(r, texts[r.doc_id], names, local) for r in events}
    return found


def conflict_table(
    conn: Connection,
    metric: str | None = None,
    verdict: str | None = None,
    include_agreement: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Conflicts with their members side by side (value, article, date, period, speaker)."""
    x = schema.conflicts.c
    query = select(schema.conflicts)
    if verdict:
        query = query.where(x.verdict == verdict)
    elif not include_agreement:
        query = query.where(x.verdict.not_in(("agree", "rounding")))
    if metric:
        query = query.where(x.group_key.startswith(f"{metric}|"))
    query = query.order_by(x.group_key, x.id).offset(offset)
    if limit:
        query = query.limit(limit)
    rows = list(conn.execute(query))
    facts = _facts_by_id(conn, {m for r in rows for m in r.members})
    docs = doc_infos(conn)
    out = []
    for r in rows:
        members = [dict(facts[m]) for m in r.members if m in facts]
        for m in members:
            doc = docs.get(m["doc"])
            m["title"], m["published"] = (doc.name, doc.published) if doc else (None, None)
        out.append(
            {
                "kind": "conflict",
                "id": r.id,
                "of": r.kind,
                "members": list(r.members),
                "verdict": r.verdict,
                "explanation": r.explanation,
                "facts": members,
            }
        )
    return out


_DURING = re.compile(
    r"\b(?:during|following|after|on the sidelines of|in the course of|towards the end of)\b"
    r"[^.;]{0,60}\b(?:visit|summit|talks|meeting)\b",
    re.IGNORECASE,
)


def _link_to_visits(
    clusters: list[dict[str, Any]], visits: list[dict[str, Any]], events: dict[str, dict[str, Any]]
) -> None:
    """An agreement or a cooperation reported by the same articles as a visit, and dated with it
    (or undated), happened during it: the row says so, and the visit lists what it produced."""

    def docs(c: dict[str, Any]) -> set[str]:
        return {events[m]["doc"] for m in c["members"] if m in events}

    for c in clusters:
        c["during"], c["produced"] = None, []
    for c in clusters:
        if c["type"] not in ("AGREE", "COOPERATE", "AID"):
            continue
        reports = [events[m] for m in c["members"] if m in events]
        dates = {e["date"][:7] for e in reports if e["date"]}
        said_during = any(_DURING.search(e["sentence"]) for e in reports)
        for v in (v for v in visits if v["date"]):
            # dated in the visit's month, or undated but said to be "during the visit"
            when = dates == {v["date"][:7]} if dates else said_during
            if when and docs(c) & docs(v):
                c["during"] = {"id": v["id"], "summary": v["summary"]}
                break
    by_id = {c["id"]: c for c in clusters}
    for c in clusters:
        if c["during"] and c["during"]["id"] in by_id:
            by_id[c["during"]["id"]]["produced"].append({"id": c["id"], "summary": c["summary"]})


def timeline(
    conn: Connection,
    countries: Sequence[str],
    since: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """One row per clustered event between the countries, in date order, with its sources."""
    k = schema.clusters.c
    query = select(schema.clusters)
    for code in countries:
        query = query.where(cast(k.countries, Text).contains(f'"{code.upper()}"'))
    if since:
        query = query.where(func.coalesce(k.date, "") >= since)
    query = query.order_by(func.coalesce(k.date, "9999"), k.id).offset(offset)
    if limit:
        query = query.limit(limit)
    clusters = [_cluster_record(r) for r in conn.execute(query)]
    visits = [
        _cluster_record(r) for r in conn.execute(select(schema.clusters).where(k.type == "CONSULT"))
    ]
    events = _facts_by_id(conn, {m for c in clusters + visits for m in c["members"]})
    _link_to_visits(clusters, visits, events)
    docs = doc_infos(conn)
    for cluster in clusters:
        sources = []
        for member in cluster["members"]:
            event = events.get(member)
            if event:
                doc = docs.get(event["doc"])
                sources.append(
                    {
                        "event": member,
                        "doc": event["doc"],
                        "sentence": event["sentence"],
                        "title": doc.name if doc else None,
                        "published": doc.published if doc else None,
                        "modality": event["modality"],
                    }
                )
        cluster["sources"] = sources
    return clusters
