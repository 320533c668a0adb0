"""How much / how many, how a figure changed, and is it true that: answered from the claims.

The claims of the metric between the countries asked about, in the direction asked when the
claims say one, for the years asked; as a series over time, each value with its source, and
what reconciliation found where sources differ. A claim to check is supported by a figure that
agrees with it, contradicted when the figures of its period all disagree, and not found when
the knowledge base has no figure of that kind.
"""

from __future__ import annotations

import math
import re
from typing import Any

from bilateral import data, display
from bilateral.ask.cite import cite, disagreements, in_years, pair
from bilateral.ask.events import content_words
from bilateral.ask.understand import stem
from bilateral.model import Answer, Statement, Understood
from bilateral.store import KnowledgeBase

TOLERANCE = 0.05  # a figure within 5% of another states the same amount
HEDGED = 0.15  # ... within 15% when one of them is hedged ("about", "nearly")


def _cue_words(metric: str) -> list[str]:
    """The cue words of a metric, without their inflection ("invested" -> "invest")."""
    return sorted(
        {
            stem(w.phrase.lower())
            for w in data.metric_words()
            if w.metric == metric and w.kind == "cue"
        }
    )


def _family(metric: str) -> list[str]:
    """A metric and its kin: an investment is a total or a flow, the question may not say."""
    head = metric.split("_")[0]
    known = {w.metric for w in data.metric_words()}
    return [metric, *sorted(m for m in known if m != metric and m.split("_")[0] == head)]


def _unnamed(kb: KnowledgeBase, question: str, u: Understood) -> list[dict[str, Any]]:
    """A figure of no metric the knowledge files know ("the duties on soybeans"): the figures
    between the countries whose sentences hold the words of the question."""
    if not u.countries:
        return []
    words = content_words(question, u)
    if not words:
        return []
    rows = [
        r
        for r in kb.claims_between(u.countries)
        if sum(1 for w in words if re.search(rf"\b{re.escape(w[:5])}", r["sentence"].lower()))
        >= min(2, len(words))
    ]
    if u.years:
        rows = [r for r in rows if in_years(r, u.years, "period_start", "period_end", "published")]
    return sorted(rows, key=lambda r: (r["period_end"] or r["period_start"] or "", r["id"]))


def claims_for(kb: KnowledgeBase, question: str, u: Understood) -> list[dict[str, Any]]:
    """The claims that answer a figure question, oldest period first."""
    if not u.metric:
        return _unnamed(kb, question, u)
    rows = [r for m in _family(u.metric) for r in kb.claims_between(u.countries, m)]
    if u.countries:
        # figures extraction left without a metric, whose sentences name the metric asked
        cues = _cue_words(u.metric)
        rows += [
            r
            for r in kb.claims_between(u.countries, "other")
            if r["unit"] not in ("percent", "rank", "count")
            and any(re.search(rf"\b{re.escape(c)}", r["sentence"].lower()) for c in cues)
        ]
    if u.from_ and u.to:
        # "Korea's investment in Kazakhstan": where a claim says who acts, it must be the first
        rows = [
            r
            for r in rows
            if not r["from"]
            or (r["from"] == u.from_ and r["to"] in (u.to, None))
            or (u.metric not in _DIRECTED and {r["from"], r["to"]} == {u.from_, u.to})
        ]
    if u.years and u.kind != "change":
        rows = [r for r in rows if in_years(r, u.years, "period_start", "period_end", "published")]
    if rows and not _about(kb, question, u, rows):
        return []
    return sorted(rows, key=lambda r: (r["period_end"] or r["period_start"] or "", r["id"]))


def _about(kb: KnowledgeBase, question: str, u: Understood, rows: list[dict[str, Any]]) -> bool:
    """Whether the articles of these figures speak of what the question names besides the
    metric ("wheat exports" are not answered by figures of articles that never say wheat)."""
    cues = set(_cue_words(u.metric)) if u.metric else set()
    words = [w for w in content_words(question, u) if stem(w) not in cues]
    if not words:
        return True
    texts = kb.document_texts(sorted({r["doc"] for r in rows}))
    return any(
        re.search(rf"\b{re.escape(w[:5])}", info["text"].lower())
        for info in texts.values()
        for w in words
    )


_DIRECTED = {"exports", "imports", "investment_total", "investment_flow", "rank"}


def claim_statement(r: dict[str, Any]) -> Statement:
    period = display.period(r["period_start"], r["period_end"]) or None
    said = f", said by {r['attributed_to']}" if r["attributed_to"] else ""
    direction = (
        f" ({pair([r['from'], r['to']])})"
        if r["from"] and r["to"]
        else f" ({pair(r['countries'])})"
    )
    value = display.value(r["value"], r["unit"], r["approx"])
    metric = r["metric"].replace("_", " ")
    if r["metric"] == "other" and r.get("noun"):
        metric = f"figure ({r['noun']})"
    return Statement(
        text=f"{metric}{direction}: {value}, {period or 'period not stated'}{said}.",
        kind="claim",
        citations=(cite(r),),
        value=r["value"],
        unit=r["unit"],
        period=period,
        said_by=r["attributed_to"],
    )


def how_much(kb: KnowledgeBase, question: str, u: Understood) -> Answer | None:
    rows = claims_for(kb, question, u)
    if not rows:
        return None
    ids = {r["id"] for r in rows}
    found = kb.conflicts_among(ids)
    statements = [claim_statement(r) for r in rows] + _rivals(rows, found)
    return Answer(
        question,
        u.kind,
        True,
        tuple(statements),
        disagreements(kb, ids, found),
        understood=u,
    )


def _rivals(rows: list[dict[str, Any]], found: list[dict[str, Any]]) -> list[Statement]:
    """The values sources give for one period side by side, with the reconciler's verdict."""
    by_period: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        period = display.period(r["period_start"], r["period_end"])
        if period:
            by_period.setdefault(f"{r['metric']}|{period}", []).append(r)
    out = []
    for key, group in sorted(by_period.items()):
        if len({(r["value"], r["unit"]) for r in group}) < 2:
            continue
        ids = {r["id"] for r in group}
        verdicts = sorted({x["verdict"] for x in found if set(x["members"]) <= ids})
        sides = " against ".join(
            f"{display.value(r['value'], r['unit'], r['approx'])} ({r['title']})" for r in group
        )
        verdict = f" ({', '.join(v.replace('_', ' ') for v in verdicts)})" if verdicts else ""
        out.append(
            Statement(
                f"{key.split('|')[1]}: the sources differ{verdict}: {sides}.",
                "rivals",
                tuple(cite(r) for r in group),
                period=key.split("|")[1],
                name=verdicts[0] if verdicts else None,
            )
        )
    return out


def _outlying(r: dict[str, Any], rows: list[dict[str, Any]]) -> bool:
    """A value more than a hundred times off the median of its series."""
    values = sorted(x["value"] for x in rows if x["unit"] == r["unit"] and x["value"] > 0)
    if not values or r["value"] <= 0:
        return False
    median = values[len(values) // 2]
    return bool(abs(math.log10(r["value"] / median)) > 2)


def _full_period(r: dict[str, Any], year: str) -> bool:
    return bool(r["period_start"] == f"{year}-01-01" and r["period_end"] == f"{year}-12-31")


def change(kb: KnowledgeBase, question: str, u: Understood) -> Answer | None:
    """A figure at the first year asked and at the last, and the change between them."""
    rows = claims_for(kb, question, u)
    if len(u.years) < 2 or not rows:
        return how_much(kb, question, u) if rows else None
    first, last = min(u.years), max(u.years)
    ends = []
    for year in (first, last):
        of_year = [r for r in rows if in_years(r, (year,), "period_start", "period_end")]
        of_year = [r for r in of_year if (r["period_end"] or "")[:4] == year] or of_year
        if not of_year:
            return None
        # a figure for the whole year before one for part of it, and one of the order of
        # magnitude of the series before an outlier (most likely a figure misread)
        ends.append(
            sorted(
                of_year,
                key=lambda r: (_outlying(r, rows), not _full_period(r, year), r["id"]),
            )
        )
    kept = [r for group in ends for r in group]
    a, b = ends[0][0], ends[1][0]
    statements = [claim_statement(r) for r in kept]
    if a["unit"] == b["unit"] and a["value"]:
        delta = b["value"] - a["value"]
        share = delta / a["value"] * 100
        sign = "+" if delta >= 0 else "−"
        amount = display.value(abs(delta), a["unit"])
        statements.append(
            Statement(
                text=(
                    f"From {display.value(a['value'], a['unit'], a['approx'])} in {first} to "
                    f"{display.value(b['value'], b['unit'], b['approx'])} in {last}: "
                    f"{sign}{amount} ({sign}{abs(share):.1f}%)."
                ),
                kind="change",
                citations=(cite(a), cite(b)),
                value=delta,
                unit=a["unit"],
                period=f"{first}–{last}",
            )
        )
    return Answer(
        question,
        u.kind,
        True,
        tuple(statements),
        disagreements(kb, {r["id"] for r in kept}),
        understood=u,
    )


def _agrees(r: dict[str, Any], value: float, comparison: str | None) -> bool:
    if comparison == "more":
        return bool(r["value"] > value or (r["approx"] == "over" and r["value"] >= value))
    if comparison == "less":
        return bool(r["value"] < value)
    tolerance = HEDGED if r["approx"] else TOLERANCE
    return bool(abs(r["value"] - value) <= tolerance * max(abs(value), 1e-9))


def verify(kb: KnowledgeBase, question: str, u: Understood) -> Answer | None:
    """A claim checked against the figures of the knowledge base."""
    if u.value is None:
        return None
    rows = [
        r for r in claims_for(kb, question, u) if r["unit"] not in ("percent",) or "%" in question
    ]
    if not rows:
        return None
    supporting = [r for r in rows if _agrees(r, u.value, u.comparison)]
    verdict = "supported" if supporting else "contradicted"
    basis = supporting or rows
    lead = (
        "Supported: the knowledge base holds a figure that agrees."
        if supporting
        else "Contradicted: every figure of this kind in the knowledge base disagrees."
    )
    statements = (
        Statement(lead, "verdict", tuple(cite(r) for r in basis), name=verdict),
        *(claim_statement(r) for r in rows),
    )
    return Answer(
        question, u.kind, True, statements, disagreements(kb, {r["id"] for r in rows}), None, u
    )
