"""Answers: the matching claims and events, what sources disagree on, the best sentences."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bilateral import display
from bilateral.ask.question import Question, read_question
from bilateral.store import KnowledgeBase

OUTCOME_TYPES = {"AGREE", "COOPERATE", "AID"}
OUTCOME_METRICS = {"deal_value", "project_value"}


@dataclass(frozen=True)
class Citation:
    doc: str
    title: str
    published: str | None
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class Statement:
    text: str
    kind: str  # claim, event, conflict, agreement, sentence, none
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Answer:
    question: str
    found: bool
    statements: tuple[Statement, ...]
    understood: dict[str, Any] = field(default_factory=dict)


def _cite(r: dict[str, Any]) -> Citation:
    return Citation(
        r["doc"],
        r.get("title") or r.get("source") or r["doc"],
        r.get("published"),
        r["start"],
        r["end"],
        r["sentence"],
    )


def _in_years(r: dict[str, Any], years: tuple[str, ...], *fields: str) -> bool:
    if not years:
        return True
    return any(str(r.get(f) or "").startswith(y) for f in fields for y in years)


def _claims(kb: KnowledgeBase, q: Question) -> list[Statement]:
    rows = kb.claim_table(metric=q.metric, limit=200)
    rows = [r for r in rows if set(q.countries) <= set(r["countries"])]
    if len(q.countries) >= 2 and any(r["from"] for r in rows):
        # "Chile's investor rank in Peru": the first country named is the one that acts
        rows = [r for r in rows if not r["from"] or r["from"] == q.countries[0]]
    rows = [r for r in rows if _in_years(r, q.years, "period_start", "period_end", "published")]
    out = []
    for r in sorted(rows, key=lambda r: (r["period_end"] or r["published"] or "", r["id"])):
        period = display.period(r["period_start"], r["period_end"]) or "period not stated"
        said = f", said by {r['attributed_to']}" if r["attributed_to"] else ""
        direction = f" ({r['from']} → {r['to']})" if r["from"] and r["to"] else ""
        text = (
            f"{r['metric'].replace('_', ' ')}{direction}: "
            f"{display.value(r['value'], r['unit'], r['approx'])}, {period}{said}."
        )
        out.append(Statement(text, "claim", (_cite(r),)))
    return out + _disagreements(kb, {r["id"] for r in rows})


def _disagreements(kb: KnowledgeBase, ids: set[str]) -> list[Statement]:
    out = []
    for x in kb.conflict_table(include_agreement=True):
        if len(ids & set(x["members"])) < 2:
            continue
        kind = "agreement" if x["verdict"] in ("agree", "rounding") else "conflict"
        lead = "Sources agree" if kind == "agreement" else f"Sources differ ({x['verdict']})"
        cites = tuple(_cite(f) for f in x["facts"])
        out.append(Statement(f"{lead}: {x['explanation']}", kind, cites))
    return out


def _events(kb: KnowledgeBase, q: Question) -> list[Statement]:
    wanted = {s.split(":")[0] for s in q.event_subtypes}
    subtypes = {s.split(":")[1] for s in q.event_subtypes}
    rows = [
        r
        for r in kb.event_table(limit=500)
        if r["type"] in wanted
        and set(q.countries) <= set(r["actors"] + r["targets"])
        and _in_years(r, q.years, "date")
        and (
            not q.people
            or set(q.people) & set(r["people"])
            or r["subtype"] in subtypes - {"state_visit"}
        )
    ]
    exact = [r for r in rows if r["subtype"] in subtypes]
    rows = exact or rows
    if q.wants_outcome:
        return _outcomes(kb, q, rows)
    out = [
        Statement(
            f"{r['type']} {r['subtype'].replace('_', ' ')}: {r['date'] or 'undated'}"
            f"{' (' + r['modality'] + ')' if r['modality'] != 'actual' else ''}.",
            "event",
            (_cite(r),),
        )
        for r in sorted(rows, key=lambda r: (r["date"] or "9999", r["id"]))
    ]
    return out + _disagreements(kb, {r["id"] for r in rows})


def _outcomes(kb: KnowledgeBase, q: Question, visits: list[dict[str, Any]]) -> list[Statement]:
    """What a visit produced: agreements and cooperation reported by the articles of the visit,
    dated with it, and the deals they put a figure on."""
    visits = [v for v in visits if v["type"] == "CONSULT"]
    if not visits:
        return []
    # every report of the same visit, through the clusters reconciliation made
    ids = {v["id"] for v in visits}
    members = {m for c in kb.timeline([]) if ids & set(c["members"]) for m in c["members"]}
    if members - ids:
        visits = [r for r in kb.event_table(type_="CONSULT", limit=2000) if r["id"] in members]
    docs = {v["doc"] for v in visits}
    months = {v["date"][:7] for v in visits if v["date"]}
    out = [
        Statement(
            f"The visit: {visits[0]['type']} {visits[0]['subtype'].replace('_', ' ')}, "
            f"{next(iter(sorted(months)), 'undated')}.",
            "event",
            tuple(_cite(v) for v in visits),
        )
    ]
    for doc in sorted(docs):
        page = kb.document_page(doc)
        paragraphs = (page or {}).get("text", "").split("\n\n")
        lead_end = len("\n\n".join(paragraphs[:2]))  # the title and the first paragraph
        about_visit = any(v["doc"] == doc and v["start"] < lead_end for v in visits)
        for r in kb.event_table(doc=doc):
            # undated outcomes count only in an article that is about the visit
            dated_with = (r["date"] or "")[:7] in months or (not r["date"] and about_visit)
            if r["type"] in OUTCOME_TYPES and dated_with and r["modality"] == "actual":
                out.append(
                    Statement(
                        f"{r['type']} {r['subtype'].replace('_', ' ')}"
                        f"{', ' + r['date'] if r['date'] else ''}.",
                        "event",
                        (_cite(r),),
                    )
                )
        for c in kb.claim_table(doc=doc):
            if c["metric"] in OUTCOME_METRICS and about_visit:
                out.append(
                    Statement(
                        f"{c['metric'].replace('_', ' ')}: "
                        f"{display.value(c['value'], c['unit'], c['approx'])}.",
                        "claim",
                        (_cite(c),),
                    )
                )
    return out


def _sentences(kb: KnowledgeBase, question: str, n: int = 3) -> list[Statement]:
    out = []
    for hit in kb.search(question, limit=n):
        for s in hit["sentences"][:1]:
            cite = Citation(
                hit["doc"], hit["title"], hit["published"], s["start"], s["end"], s["text"]
            )
            out.append(Statement(s["text"], "sentence", (cite,)))
    return out


def answer(kb: KnowledgeBase, question: str) -> Answer:
    people = [(r["name"], tuple(r["aliases"])) for r in kb.entity_table(type_="PERSON", limit=1000)]
    q = read_question(question, people)
    structured: list[Statement] = []
    if q.metric and not (q.event_subtypes and (q.wants_date or q.wants_outcome)):
        structured += _claims(kb, q)
    if q.event_subtypes and (not structured or q.wants_date or q.wants_outcome):
        structured += _events(kb, q)
    supporting = _sentences(kb, question)
    understood = {
        "countries": list(q.countries),
        "years": list(q.years),
        "metric": q.metric,
        "events": list(q.event_subtypes),
        "people": list(q.people),
    }
    if not structured and not supporting:
        return Answer(
            question, False, (Statement("That is not in the knowledge base.", "none"),), understood
        )
    return Answer(
        question, bool(structured) or bool(supporting), tuple(structured + supporting), understood
    )
