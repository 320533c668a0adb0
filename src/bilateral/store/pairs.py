"""Pairs of countries in a knowledge base of many: which two countries each article is about, and
which facts belong to which pair.

An article is about the two countries its place names and nationality words (GPE and NORP
mentions with a country) name most often; ties go to the country named first. A fact belongs to
a pair when its countries hold both, or when it is in an article of the pair and names no
country outside it. A cluster belongs to the pairs of its member events and of its countries; a
conflict to the pairs of the facts it compares. Everything is computed from the stored facts at
read time (no schema change), in one pass, so the pairs page and every filtered list agree."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from sqlalchemy import Connection, func, select

from bilateral.store import schema

Pair = tuple[str, str]
DISPUTES = ("contradiction", "different_definition", "different_time", "different_period")


def pair_key(codes: Iterable[str]) -> Pair | None:
    """The canonical pair of two ISO3 codes (alphabetical), or None unless there are two."""
    found = sorted({c.strip().upper() for c in codes if c and c.strip()})
    return (found[0], found[1]) if len(found) == 2 else None


def parse_pair(text: str | None) -> Pair | None:
    """'KAZ-KOR', 'kor-kaz' or 'KAZ,KOR' -> ('KAZ', 'KOR'); anything else -> None."""
    if not text:
        return None
    return pair_key(text.replace(",", "-").split("-"))


@dataclass
class Membership:
    """Per pair, the ids of its articles and of the facts that belong to it."""

    docs: dict[Pair, set[str]] = field(default_factory=lambda: defaultdict(set))
    claims: dict[Pair, set[str]] = field(default_factory=lambda: defaultdict(set))
    events: dict[Pair, set[str]] = field(default_factory=lambda: defaultdict(set))
    clusters: dict[Pair, set[str]] = field(default_factory=lambda: defaultdict(set))
    conflicts: dict[Pair, set[str]] = field(default_factory=lambda: defaultdict(set))
    quotes: dict[Pair, set[str]] = field(default_factory=lambda: defaultdict(set))


def document_pairs(conn: Connection) -> dict[str, Pair]:
    """Each article's pair: the two countries its GPE and NORP mentions name most often."""
    le, m = schema.local_entities.c, schema.mentions.c
    rows = conn.execute(
        select(m.doc_id, le.country, func.count(), func.min(m.start))
        .join(schema.local_entities, le.id == m.local_entity_id)
        .where(le.type.in_(("GPE", "NORP")), le.country.is_not(None))
        .group_by(m.doc_id, le.country)
    )
    named: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for doc_id, country, count, first in rows:
        named[doc_id].append((-int(count), int(first), str(country)))
    out = {}
    for doc_id, counted in named.items():
        pair = pair_key(c for _, _, c in sorted(counted)[:2])
        if pair:
            out[doc_id] = pair
    return out


def _pairs_of(countries: Iterable[str], doc_pair: Pair | None) -> set[Pair]:
    codes = {c for c in countries if c}
    found = {p for p in (pair_key(two) for two in combinations(sorted(codes), 2)) if p}
    if doc_pair and codes <= set(doc_pair):
        found.add(doc_pair)
    return found


def membership(conn: Connection) -> Membership:
    """Which articles, claims, events, clusters, conflicts and quotes belong to which pair."""
    of_doc = document_pairs(conn)
    out = Membership()
    for doc_id, pair in of_doc.items():
        out.docs[pair].add(doc_id)
    c = schema.claims.c
    fact_pairs: dict[str, set[Pair]] = {}
    for r in conn.execute(select(c.id, c.doc_id, c.countries)):
        fact_pairs[r.id] = _pairs_of(r.countries, of_doc.get(r.doc_id))
        for pair in fact_pairs[r.id]:
            out.claims[pair].add(r.id)
    v = schema.events.c
    for e in conn.execute(select(v.id, v.doc_id, v.actors, v.targets)):
        fact_pairs[e.id] = _pairs_of([*e.actors, *e.targets], of_doc.get(e.doc_id))
        for pair in fact_pairs[e.id]:
            out.events[pair].add(e.id)
    k = schema.clusters.c
    for k_row in conn.execute(select(k.id, k.members, k.countries)):
        pairs = _pairs_of(k_row.countries, None)
        for member in k_row.members:
            pairs |= fact_pairs.get(member, set())
        for pair in pairs:
            out.clusters[pair].add(k_row.id)
    x = schema.conflicts.c
    for x_row in conn.execute(select(x.id, x.members)):
        for pair in {p for member in x_row.members for p in fact_pairs.get(member, set())}:
            out.conflicts[pair].add(x_row.id)
    q = schema.quotes.c
    for q_row in conn.execute(select(q.id, q.doc_id)):
        if q_row.doc_id in of_doc:
            out.quotes[of_doc[q_row.doc_id]].add(q_row.id)
    return out


def pair_table(conn: Connection, found: Membership | None = None) -> list[dict[str, Any]]:
    """Every pair some article is about, with its counts and its articles per month; the pair
    with most articles first."""
    found = found or membership(conn)
    d, x = schema.documents.c, schema.conflicts.c
    docs = {r.id: r for r in conn.execute(select(d.id, d.published, d.duplicate_of))}
    disputed = {r.id for r in conn.execute(select(x.id).where(x.verdict.in_(DISPUTES)))}
    rows: list[dict[str, Any]] = []
    for pair, doc_ids in found.docs.items():
        originals = [docs[i] for i in doc_ids if i in docs and not docs[i].duplicate_of]
        months = Counter(r.published[:7] for r in originals if r.published)
        dates = sorted(r.published for r in originals if r.published)
        rows.append(
            {
                "pair": f"{pair[0]}-{pair[1]}",
                "countries": list(pair),
                "articles": len(originals),
                "events": len(found.clusters.get(pair, ())),
                "figures": len(found.claims.get(pair, ())),
                "disputes": len(found.conflicts.get(pair, set()) & disputed),
                "quotes": len(found.quotes.get(pair, ())),
                "first": dates[0] if dates else None,
                "last": dates[-1] if dates else None,
                "activity": [{"month": m, "articles": n} for m, n in sorted(months.items())],
            }
        )
    rows.sort(key=lambda r: (-r["articles"], -r["figures"], r["pair"]))
    return rows
