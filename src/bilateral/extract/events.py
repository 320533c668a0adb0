"""Dyadic events in the PLOVER ontology, clause by clause: what happened, between which
countries, when, where, with whom, and whether it happened, is planned or is history."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bilateral import data
from bilateral.extract.periods import DateMention, Interval

FUTURE = re.compile(
    r"\b(?:will|would|shall|(?:is|are) (?:expected|set|scheduled|due|going) to|plans? to|planned|"
    r"(?:is|are) to|upcoming|intends? to|later (?:this|in the) (?:year|month|week)|"
    r"next (?:year|month|week))\b",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|but|whereas|with)\b|\.\s+(?=[A-Z])")
PAIR = re.compile(
    r"\b(?:the two|both) (?:countries|nations|sides|leaders|presidents|states|governments)\b"
    r"|\bbilateral\b",
    re.IGNORECASE,
)
DURING = re.compile(
    r"\b(?:during|following|after|at|on the sidelines of|towards the end of|in the course of)\s+"
    r"(?:the|his|her|their|this)?\s*(?:[\w-]+\s+){0,3}(?:visit|summit|talks|meeting)\b",
    re.IGNORECASE,
)
# Subtypes that name one encounter of leaders: a state visit, its summit and its talks are one
# event within an article.
ENCOUNTER = {"state_visit": 0, "official_visit": 1, "summit": 2, "visit": 3, "meeting": 4}
GENERIC_AGREE = {"agreement_signed", "agreed"}
HISTORY = timedelta(days=548)
# (sentence, its offset, cue start, parties as (start, end, country)) -> (actors, targets)
Decide = Callable[
    [str, int, int, list[tuple[int, int, str]]], tuple[list[str], list[str]] | None
]  # older than eighteen months before the article: background


@dataclass(frozen=True)
class Party:
    """A country mention: a GPE or NORP, or a person or organisation with a country."""

    start: int
    end: int
    code: str


@dataclass(frozen=True)
class Named:
    start: int
    end: int
    local_id: str


@dataclass(frozen=True)
class Draft:
    start: int
    end: int
    cue_start: int
    cue_end: int
    type: str
    subtype: str
    interval: Interval | None
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    people: tuple[str, ...]
    place: str | None
    planned: bool


def _clause(sentence: str, offset: int, start: int, end: int) -> tuple[int, int]:
    c_start, c_end = 0, len(sentence)
    for brk in CLAUSE_BREAK.finditer(sentence):
        if brk.end() + offset <= start:
            c_start = brk.end()
        elif brk.start() + offset >= end:
            c_end = brk.start()
            break
    return c_start + offset, c_end + offset


class EventFinder:
    def __init__(self, decide: Decide | None = None) -> None:
        self.decide = decide
        self.cues = data.event_cues()
        self.patterns = [re.compile(c.pattern, re.IGNORECASE) for c in self.cues]

    def cue_matches(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, cue index) of every cue; a cue is tried only where one of its key
        words occurs, which spares most patterns on most articles."""
        lowered = text.lower()
        found: list[tuple[int, int, int]] = []
        for index, (cue, pattern) in enumerate(zip(self.cues, self.patterns, strict=True)):
            if any(key in lowered for key in cue.keys):
                found.extend((m.start(), m.end(), index) for m in pattern.finditer(text))
        return sorted(found)

    def find(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        body: list[tuple[int, int]],
        quoted: list[tuple[int, int]],
        parties: list[Party],
        people: list[Named],
        places: list[Named],
        dyad: tuple[str, ...],
        dates: list[DateMention],
    ) -> list[Draft]:
        matches = [
            m
            for m in self.cue_matches(text)
            if not any(q_start <= m[0] < q_end for q_start, q_end in quoted)
        ]
        drafts: list[Draft] = []
        if not matches:
            return drafts
        for s_start, s_end in sentences:
            if not any(b_start <= s_start < b_end for b_start, b_end in body):
                continue
            best: dict[str, tuple[int, int, int]] = {}
            for m in matches:
                if s_start <= m[0] < s_end:
                    held = best.get(self.cues[m[2]].type)
                    if held is None or m[2] < held[2]:  # the more specific cue wins
                        best[self.cues[m[2]].type] = m
            for m in best.values():
                drafts.append(
                    self._draft(m, text, s_start, s_end, dates, parties, people, places, dyad)
                )
        return drafts

    def _draft(
        self,
        m: tuple[int, int, int],
        text: str,
        s_start: int,
        s_end: int,
        dates: list[DateMention],
        parties: list[Party],
        people: list[Named],
        places: list[Named],
        dyad: tuple[str, ...],
    ) -> Draft:
        m_start, m_end, order = m
        cue = self.cues[order]
        c_start, c_end = _clause(text[s_start:s_end], s_start, m_start, m_end)
        near = [d for d in dates if c_start <= d.start and d.end <= c_end]
        interval = None
        if near:

            def distance(d: DateMention) -> float:
                return (d.start - m_end) * 0.5 if d.start >= m_end else m_start - d.end

            interval = min(near, key=distance).interval
        here = [p for p in parties if c_start <= p.start and p.end <= c_end]
        if len({p.code for p in here}) < 2:
            here = [p for p in parties if s_start <= p.start and p.end <= s_end]
        if len(dyad) == 2 and PAIR.search(text[c_start:c_end]):
            # "the two leaders signed": the pair the article is about, whoever else is named
            here = [p for p in here if p.code in dyad] or [Party(c_start, c_start, dyad[0])]
        actors = list(dict.fromkeys(p.code for p in here if p.start < m_start))
        targets = list(
            dict.fromkeys(p.code for p in here if p.start >= m_start and p.code not in actors)
        )
        if self.decide and (len(actors) > 1 or len(targets) > 1):
            # word order leaves the sides open: the dependency parse decides
            parties_here = [(p.start, p.end, p.code) for p in here]
            decided = self.decide(text[s_start:s_end], s_start, m_start, parties_here)
            if decided and decided[0]:
                actors = decided[0]
                targets = decided[1] or [c for c in targets + actors if c not in decided[0]][:1]
        if not targets and len(actors) >= 2:
            targets = [actors.pop()]
        if not actors and len(targets) >= 2:
            actors = [targets.pop(0)]
        for code in dyad:  # the pair the article is about fills what the clause leaves open
            if len(actors) + len(targets) >= 2:
                break
            if code not in actors and code not in targets:
                (targets if actors else actors).append(code)
        in_clause = [p for p in people if c_start <= p.start and p.end <= c_end]
        place = next(
            (
                p.local_id
                for p in places
                if c_start <= p.start
                and p.end <= c_end
                and re.search(r"\b(?:in|at|to)\s+(?:the\s+)?$", text[max(0, p.start - 8) : p.start])
            ),
            None,
        )
        return Draft(
            start=s_start,
            end=s_end,
            cue_start=m_start,
            cue_end=m_end,
            type=cue.type,
            subtype=cue.subtype,
            interval=interval,
            actors=tuple(actors),
            targets=tuple(targets),
            people=tuple(dict.fromkeys(p.local_id for p in in_clause)),
            place=place,
            planned=bool(FUTURE.search(text[c_start:m_end])),
        )


def _compatible(a: Interval | None, b: Interval | None) -> bool:
    if a is None or b is None or None in (a.start, a.end, b.start, b.end):
        return True
    return a.start <= b.end and b.start <= a.end  # type: ignore[operator]


def _precise(a: Interval | None, b: Interval | None) -> Interval | None:
    spans = [i for i in (a, b) if i and i.start and i.end]
    if not spans:
        return a or b
    return min(spans, key=lambda i: i.end - i.start)  # type: ignore[operator]


def _merge(into: Draft, other: Draft) -> Draft:
    subtype = into.subtype
    if into.subtype in ENCOUNTER and other.subtype in ENCOUNTER:
        subtype = min(into.subtype, other.subtype, key=lambda s: ENCOUNTER[s])
    elif into.subtype in GENERIC_AGREE and other.subtype not in GENERIC_AGREE:
        subtype = other.subtype
    return replace(
        into,
        subtype=subtype,
        interval=_precise(into.interval, other.interval),
        actors=into.actors or other.actors,
        targets=into.targets or other.targets,
        people=tuple(dict.fromkeys(into.people + other.people)),
        place=into.place or other.place,
        planned=into.planned and other.planned,
    )


def consolidate(drafts: list[Draft], text: str, sentences: list[tuple[int, int]]) -> list[Draft]:
    """One event per happening within an article: the mentions of one encounter merge, a
    generic "documents were signed" joins the memoranda named in the next sentences, and an
    undated agreement signed "during the visit" takes the visit's date."""
    index = {s: i for i, s in enumerate(sentences)}
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda d: d.cue_start):
        home = None
        for i, kept in enumerate(out):
            if kept.type != d.type or kept.planned != d.planned:
                continue
            same_kind = kept.subtype == d.subtype or (
                kept.subtype in ENCOUNTER and d.subtype in ENCOUNTER
            )
            near = abs(index.get((kept.start, kept.end), 0) - index.get((d.start, d.end), 0)) <= 2
            generic = (kept.subtype in GENERIC_AGREE) != (d.subtype in GENERIC_AGREE) and near
            if (same_kind or generic) and _compatible(kept.interval, d.interval):
                home = i
                break
        if home is None:
            out.append(d)
        else:
            out[home] = _merge(out[home], d)
    encounter = next((d for d in out if d.subtype in ENCOUNTER and d.interval), None)
    if encounter:
        out = [
            replace(d, interval=encounter.interval)
            if d.interval is None and d is not encounter and DURING.search(text[d.start : d.end])
            else d
            for d in out
        ]
    return out


def modality(d: Draft, reference: date | None) -> str:
    if d.planned:
        return "planned"
    if reference and d.interval and d.interval.end and d.interval.end < reference - HISTORY:
        return "historical"
    return "actual"
