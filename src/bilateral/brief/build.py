"""A briefing on a pair of countries assembled from the knowledge base's facts: key figures with
a chart of each metric, the timeline of clustered events, disputes with their verdicts, who's
who, notable quotes, and a summary paragraph whose every clause is one of those cited facts.
Sources are numbered in the order a reader meets them, the summary first."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from bilateral import data, display
from bilateral.brief.chart import time_chart
from bilateral.brief.records import (
    Briefing,
    Citation,
    Dispute,
    Figure,
    Person,
    Source,
    Statement,
)
from bilateral.store import KnowledgeBase

DISPUTED = ("contradiction", "different_definition", "different_time", "different_period")


@cache
def _country_names() -> dict[str, str]:
    return {c.code: c.name for c in data.countries()}


def country_name(code: str) -> str:
    return _country_names().get(code, code)


def label(metric: str) -> str:
    return metric.replace("_", " ")


class _Sources:
    """Numbers the articles as they are cited (renumbered in reading order at the end)."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def cite(self, doc: str, anchor: str, start: int, end: int, sentence: str) -> Citation:
        number = self.numbers.setdefault(doc, len(self.numbers) + 1)
        return Citation(doc, anchor, start, end, sentence, number)


def _within(when: str | None, since: str | None, until: str | None) -> bool:
    if not since and not until:
        return True
    if not when:
        return False
    return (not since or when[: len(since)] >= since) and (not until or when[: len(until)] <= until)


def _claim_when(c: dict[str, Any]) -> str | None:
    when: str | None = c["period_end"] or c["period_start"] or c.get("published")
    return when


def _period(c: dict[str, Any]) -> str:
    return display.period(c["period_start"], c["period_end"])


def _claim_text(c: dict[str, Any]) -> str:
    period = display.period(c["period_start"], c["period_end"])
    words = f"{label(c['metric'])} “{c['value_text']}”"
    if c["from"] and c["to"]:
        words += f" from {country_name(c['from'])} to {country_name(c['to'])}"
    words += f" for {period}" if period else ""
    if c["attributed_to"]:
        words += f", according to {c['attributed_to']}"
    return words


def _event_key(e: dict[str, Any]) -> str:
    """The words of the event's sentence a statement of it rests on: a person or the place it
    names as written there, otherwise the words that signal the event."""
    for name in [*e["people"], e["place"] or ""]:
        if name and name in e["sentence"]:
            return str(name)
    return str(e["cue"])


def _figures(claims: list[dict[str, Any]], sources: _Sources) -> list[Figure]:
    by_metric: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        if c["metric"] != "other":
            by_metric.setdefault(c["metric"], []).append(c)
    out = []
    for metric, rows in sorted(by_metric.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        rows.sort(key=lambda c: (_claim_when(c) or "", c["id"]))
        statements = [
            Statement(
                _claim_text(c),
                c["value_text"],
                (sources.cite(c["doc"], c["id"], c["start"], c["end"], c["sentence"]),),
                _claim_when(c),
            )
            for c in rows
        ]
        points = [
            {
                "when": _claim_when(c),
                "value": c["value"],
                "unit": c["unit"],
                "label": f"{c['value_text']} ({_claim_when(c)}): {c['sentence']}",
                "href": f"/documents/{c['doc']}#{c['id']}",
            }
            for c in rows
        ]
        out.append(Figure(metric, label(metric), statements[-1], statements, time_chart(points)))
    return out


def _timeline(clusters: list[dict[str, Any]], sources: _Sources) -> list[Statement]:
    out = []
    for k in clusters:
        reports = [s for s in k["sources"] if s.get("sentence")]
        if not reports:
            continue
        key = k["_key"]
        text = k["summary"] if key in k["summary"] else f"{k['summary']}: “{key}”"
        citations = tuple(
            sources.cite(s["doc"], s["event"], s["start"], s["end"], s["sentence"]) for s in reports
        )
        out.append(Statement(text, key, citations, k["date"]))
    return out


def _side(f: dict[str, Any]) -> tuple[str, str, str | None]:
    """A compared fact as (its words in the statement, the key they rest on, its date)."""
    where = f["title"] or f["doc"]
    where = where if len(where) <= 48 else where[:47].rstrip() + "…"
    if f["kind"] == "claim":
        key, when = f["value_text"], _claim_when(f)
        said = ", ".join(x for x in (where, _period(f)) if x)
    else:  # an event that happens once, dated differently by different articles
        key, when = _event_key(f), f["date"]
        said = f"{where}, dated {f['date'] or 'undated'}"
    return f"“{key}” ({said})", key, when


def _disputes(
    conflicts: list[dict[str, Any]], sources: _Sources, since: str | None, until: str | None
) -> list[Dispute]:
    out = []
    # contradictions first, then different definitions, then differences of time and period
    order = {verdict: rank for rank, verdict in enumerate(DISPUTED)}
    for x in sorted(conflicts, key=lambda x: order.get(x["verdict"], len(order))):
        sides = [_side(f) for f in x["facts"]]
        if x["verdict"] not in order or len(sides) < 2:
            continue
        if not any(_within(when, since, until) for _, _, when in sides):
            continue
        first = x["facts"][0]
        what = label(first["metric"]) if first["kind"] == "claim" else first["subtype"]
        words = " vs ".join(said for said, _, _ in sides)
        text = f"{what.replace('_', ' ')}: {words}, {x['verdict'].replace('_', ' ')}"
        citations = tuple(
            sources.cite(f["doc"], f["id"], f["start"], f["end"], f["sentence"]) for f in x["facts"]
        )
        out.append(Dispute(x["verdict"], x["explanation"], Statement(text, sides[0][1], citations)))
    return out


def _people(people: list[dict[str, Any]], sources: _Sources) -> list[Person]:
    out = []
    for p in people:
        cite = p["cite"]
        roles = "; ".join(
            r["role"]
            + (f" ({display.period(r['first'], r['last']) or r['first']})" if r["first"] else "")
            for r in p["roles"]
        )
        text = f"{cite['words']}" + (f": {roles}" if roles else "")
        anchor = f"m{cite['start']}"
        start, end = cite["sentence_start"], cite["sentence_end"]
        citation = sources.cite(cite["doc"], anchor, start, end, cite["sentence"])
        statement = Statement(text, cite["words"], (citation,), cite["published"])
        out.append(Person(p["id"], p["name"], p["country"], p["roles"], p["articles"], statement))
    return out


def _quotes(quotes: list[dict[str, Any]], sources: _Sources, limit: int) -> list[Statement]:
    said = [q for q in quotes if q["speaker"] and len(q["text"]) >= 40]
    said.sort(key=lambda q: (-len(q["text"]), q["id"]))
    chosen = sorted(said[:limit], key=lambda q: (q["published"] or "", q["doc"], q["start"]))
    return [
        Statement(
            f"{q['speaker']}: “{q['text']}”",
            q["text"],
            (sources.cite(q["doc"], q["id"], q["start"], q["end"], q["text"]),),
            q["published"],
        )
        for q in chosen
    ]


def _summary(b: Briefing) -> list[Statement]:
    """The briefing's own statements, chosen: the events most reported, the figures most
    reported, the gravest disputes, the person in most articles. Clauses, never new words."""
    reported = sorted(b.timeline, key=lambda s: (-len(s.citations), s.when or ""))
    out = reported[:3]
    out += [f.latest for f in b.figures[:3]]
    out += [d.statement for d in b.disputes[:2]]
    out += [p.statement for p in b.people[:1]]
    return out


def _renumber(b: Briefing, sources: _Sources) -> None:
    """Number the sources in reading order: the first cited in the summary is [1]."""
    order: dict[str, int] = {}
    for s in b.statements():
        for c in s.citations:
            order.setdefault(c.doc, len(order) + 1)
    sources.numbers = order
    done: dict[int, Statement] = {}

    def again(s: Statement) -> Statement:
        if id(s) not in done:
            cited = tuple(replace(c, number=order[c.doc]) for c in s.citations)
            done[id(s)] = replace(s, citations=cited)
        return done[id(s)]

    b.summary = [again(s) for s in b.summary]
    for f in b.figures:
        f.latest, f.statements = again(f.latest), [again(s) for s in f.statements]
    b.timeline = [again(s) for s in b.timeline]
    for d in b.disputes:
        d.statement = again(d.statement)
    for p in b.people:
        p.statement = again(p.statement)
    b.quotes = [again(s) for s in b.quotes]


def build_briefing(
    kb: KnowledgeBase,
    pair: tuple[str, str],
    since: str | None = None,
    until: str | None = None,
    quotes: int = 8,
    people: int = 12,
) -> Briefing:
    """The briefing on `pair` for facts dated from `since` to `until` (ISO dates or prefixes)."""
    scope = kb.pair_scope(pair)
    docs = {
        d: info
        for d, info in kb.document_infos(scope["docs"]).items()
        if _within(info["published"], since, until)
    }
    claims = [c for c in kb.in_pair("claims", pair) if _within(_claim_when(c), since, until)]
    clusters = [k for k in kb.in_pair("timeline", pair) if _within(k["date"], since, until)]
    events = {e["id"]: e for e in kb.in_pair("events", pair)}
    # a cluster of the pair may hold reports naming a third country: read those too
    for doc in sorted(
        {s["doc"] for k in clusters for s in k["sources"] if s["event"] not in events}
    ):
        events |= {e["id"]: e for e in kb.event_table(doc=doc)}
    for k in clusters:
        for s in k["sources"]:
            e = events.get(s["event"])
            s["start"], s["end"] = (e["start"], e["end"]) if e else (0, 0)
        k["sources"] = [s for s in k["sources"] if s["event"] in events]
        first = next((events[s["event"]] for s in k["sources"]), None)
        k["_key"] = _event_key(first) if first else ""
    clusters = [k for k in clusters if k["sources"] and k["_key"]]
    conflicts = kb.in_pair("conflicts", pair)
    said = [q for q in kb.quotes_by_ids(scope["quotes"]) if q["doc"] in docs]
    sources = _Sources()
    b = Briefing(
        pair=list(pair),
        names=[country_name(c) for c in pair],
        since=since,
        until=until,
        counts={
            "articles": len(docs),
            "figures": len(claims),
            "events": len(clusters),
            "quotes": len(said),
        },
    )
    b.figures = _figures(claims, sources)
    b.timeline = _timeline(clusters, sources)
    b.disputes = _disputes(conflicts, sources, since, until)
    b.people = _people(kb.people_of(set(docs), people), sources)
    b.quotes = _quotes(said, sources, quotes)
    b.summary = _summary(b)
    _renumber(b, sources)
    infos = kb.document_infos(set(sources.numbers))
    b.sources = [
        Source(
            number,
            doc,
            infos[doc]["name"],
            infos[doc]["published"],
            infos[doc]["outlet"],
            infos[doc]["url"],
        )
        for doc, number in sorted(sources.numbers.items(), key=lambda kv: kv[1])
        if doc in infos
    ]
    return b
