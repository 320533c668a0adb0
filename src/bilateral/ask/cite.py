"""Citations and disagreements: the records of the store made into the answer's parts."""

from __future__ import annotations

import re
from typing import Any

from bilateral import data
from bilateral.model import Citation, Disagreement
from bilateral.store import KnowledgeBase

_SENTENCE_END = re.compile(r"[.!?][”\"’)]?(?=\s)|\n")


def cite(r: dict[str, Any]) -> Citation:
    """A claim's or an event's sentence, as a citation."""
    return Citation(
        doc=r["doc"],
        title=r.get("title") or r["doc"],
        published=r.get("published"),
        start=r["start"],
        end=r["end"],
        sentence=r["sentence"],
    )


def cite_mention(doc: dict[str, Any]) -> Citation:
    """The sentence around a mention (`start`, `end` into `text`) of an attested person."""
    text: str = doc["text"]
    start, end = doc["start"], doc["end"]
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right_match = _SENTENCE_END.search(text, end)
    right = right_match.end() if right_match else len(text)
    while left < start and text[left].isspace():
        left += 1
    right = min(right, left + 600)
    return Citation(doc["doc"], doc["title"], doc["published"], left, right, text[left:right])


def disagreements(
    kb: KnowledgeBase, ids: set[str], found: list[dict[str, Any]] | None = None
) -> tuple[Disagreement, ...]:
    """What reconciliation found where these facts differ (or agree), with every side cited
    (`found`: the conflicts among them, when already read)."""
    out = []
    for x in kb.conflicts_among(ids) if found is None else found:
        out.append(
            Disagreement(
                verdict=x["verdict"],
                explanation=x["explanation"],
                citations=tuple(
                    Citation(
                        f["doc"], f["title"], f["published"], f["start"], f["end"], f["sentence"]
                    )
                    for f in x["facts"]
                ),
            )
        )
    # contradictions first: they are what a reader must see
    order = ("contradiction", "different_definition", "different_time", "different_period")
    return tuple(sorted(out, key=lambda d: order.index(d.verdict) if d.verdict in order else 9))


def country(code: str) -> str:
    return data.gazetteer().country_name(code)


def pair(codes: tuple[str, ...] | list[str]) -> str:
    return "–".join(country(c) for c in codes)


def in_years(
    r: dict[str, Any], years: tuple[str, ...], start: str, end: str, fallback: str | None = None
) -> bool:
    """A fact of one of `years`: its interval (`start`..`end`, either alone standing for both)
    overlaps one; without an interval, its `fallback` date is in one."""
    if not years:
        return True
    first, last = r.get(start), r.get(end)
    if not first and not last:
        first = last = r.get(fallback) if fallback else None
    if not first and not last:
        return False
    low, high = str(first or last)[:4], str(last or first)[:4]
    return any(low <= y <= high for y in years)
