"""When, where, and what two sides discussed, agreed or signed: answered from the events.

The events between the countries (or involving the people) asked about, of the kinds the
question names; each with every source's date, grouped by occasion (the month it happened in),
the topics their sentences name, and what reconciliation found where sources differ on a date.
A question that names something particular ("a free trade agreement") is answered only by
events whose sentences speak of it: anything else would answer another question.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from bilateral import data
from bilateral.ask.cite import cite, disagreements, in_years, pair
from bilateral.ask.understand import countries_in
from bilateral.model import Answer, Statement, Understood
from bilateral.store import KnowledgeBase

# What a question that names no kind of event is about, by the kind of question.
DEFAULT_TYPES = {
    "discuss": ("CONSULT", "AGREE", "COOPERATE"),
    "when": ("CONSULT", "AGREE", "COOPERATE"),
    "where": ("CONSULT",),
    "who": ("CONSULT", "AGREE"),
    "verify": ("CONSULT", "AGREE", "COOPERATE"),
}


@cache
def _patterns(kind: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(c.pattern, re.I) for c in data.question_cues() if c.kind == kind)


def content_words(text: str, u: Understood) -> list[str]:
    """The words of a question that say what in particular it is about: not question words,
    not names, not the words that name a kind of event."""
    _, spans = countries_in(text)
    for cue in data.event_cues():
        if "[^" not in cue.pattern:  # a fixed phrase ("memoranda of understanding")
            spans += [(m.start(), m.end()) for m in re.finditer(cue.pattern, text, re.I)]
    for name in (*u.people, *u.unknown_names):
        for part in name.split():
            spans += [(m.start(), m.end()) for m in re.finditer(re.escape(part), text)]
    words = []
    for m in re.finditer(r"[A-Za-z][\w-]*", text):
        if any(s <= m.start() < e for s, e in spans) or m.group(0)[0].isupper():
            continue  # names are matched as names, not as words
        w = m.group(0).lower()
        if len(w) < 3 or any(p.fullmatch(w) for p in _patterns("stop")):
            continue
        if any(p.search(w) for kind in ("event", "say", "outcome") for p in _patterns(kind)):
            continue  # the words that ask for a kind of event, or for what was said
        if any(re.search(c.pattern, w, re.I) for c in data.event_cues()):
            continue
        words.append(w)
    return words


def speaks_of(sentence: str, words: list[str], needed: int | None = None) -> bool:
    """The sentence holds `needed` of the words (by their first five letters); by default at
    least half of them."""
    lowered = sentence.lower()
    hits = sum(1 for w in set(words) if re.search(rf"\b{re.escape(w[:5])}", lowered))
    return hits >= (needed or max(1, (len(set(words)) + 1) // 2))


def events_for(
    kb: KnowledgeBase, question: str, u: Understood, particular: bool
) -> list[dict[str, Any]]:
    """The events that answer the question; with `particular`, only those whose sentences hold
    what the question names besides the kind of event."""
    named = [e for e in u.events if not e.endswith(":")]
    types = sorted({e.split(":")[0] for e in u.events} or set(DEFAULT_TYPES.get(u.kind, ())))
    if u.countries:
        rows = kb.events_between(u.countries, types)
    elif u.people:
        surnames = list(dict.fromkeys(p.split()[-1] for p in u.people))
        rows = kb.events_with_people(surnames, types)
    elif named and content_words(question, u):
        # no one named: only the kind of event named, and what in particular the words say
        rows = kb.events_between((), types, [e.split(":")[1] for e in named])
    else:
        return []  # no one named, nothing in particular: any event would answer
    if u.people:
        with_all = [r for r in rows if all(_among(p, r["people"]) for p in u.people)]
        with_any = [r for r in rows if any(_among(p, r["people"]) for p in u.people)]
        if len({p.split()[-1] for p in u.people}) > 1:
            with_any = []  # "what did A and B discuss": events with both, or none
        rows = with_all or with_any or ([] if not u.countries else rows)
        by_people = bool(with_all or with_any)
    else:
        by_people = False
    if u.years:
        rows = [r for r in rows if in_years(r, u.years, "date_start", "date_end", "date")] or [
            r for r in rows if not r["date"] and in_years(r, u.years, "published", "published")
        ]
    subtypes = [r for r in rows if any(_same_kind(r, e) for e in named)]
    rows = subtypes or rows
    once = {f"{c.type}:{c.subtype}" for c in data.event_cues() if c.once}
    if subtypes and (by_people or all(f"{r['type']}:{r['subtype']}" in once for r in subtypes)):
        # what two countries do once (recognise each other, become strategic partners) is
        # named by its kind alone; so is an event of a kind named with its people ("the
        # summit of A and B")
        particular = False
    if particular:
        words = content_words(question, u)
        if words:
            # events of the people named need only one of the words, others half of them
            needed = 1 if by_people else None
            rows = [r for r in rows if speaks_of(r["sentence"], words, needed)]
    return sorted(rows, key=lambda r: (r["date"] or "9999", r["doc"], r["start"]))


def _among(person: str, people: list[str]) -> bool:
    """A person is among an event's people by name or by surname (two entities the question
    names by one surname are one person to it)."""
    return person in people or any(person.split()[-1] == p.split()[-1] for p in people)


def _same_kind(r: dict[str, Any], named: str) -> bool:
    """An event of the kind a question names: "visit" is also a state or an official visit."""
    type_, subtype = named.split(":")
    return bool(r["type"] == type_ and (r["subtype"] == subtype or subtype in r["subtype"]))


def _label(r: dict[str, Any]) -> str:
    return f"{r['type']} {r['subtype'].replace('_', ' ')}"


def _occasions(kb: KnowledgeBase, rows: list[dict[str, Any]]) -> dict[str, str]:
    """Event id -> the summary of the cluster it was reconciled into."""
    out = {}
    for c in kb.clusters_holding({r["id"] for r in rows}):
        for m in c["members"]:
            out[m] = c["summary"]
    return out


def when(kb: KnowledgeBase, question: str, u: Understood) -> Answer | None:
    rows = events_for(kb, question, u, particular=True)
    if not rows:
        return None
    occasions = _occasions(kb, rows)
    statements = []
    dates = sorted({r["date"] for r in rows if r["date"]})
    if len(dates) > 1 and len({occasions.get(r["id"]) for r in rows}) == 1:
        statements.append(
            Statement(
                f"The sources give different dates: {', '.join(dates)}.",
                "event",
                tuple(cite(r) for r in rows if r["date"]),
                date=dates[0],
            )
        )
    for r in rows:
        modality = "" if r["modality"] == "actual" else f" ({r['modality']})"
        statements.append(
            Statement(
                f"{_label(r)} ({pair(sorted(set(r['actors'] + r['targets'])))}): "
                f"{r['date'] or 'date not stated'}{modality}.",
                "event",
                (cite(r),),
                date=r["date"],
                occasion=occasions.get(r["id"]),
            )
        )
    return Answer(
        question,
        u.kind,
        True,
        tuple(statements),
        disagreements(kb, {r["id"] for r in rows}),
        understood=u,
    )


def where(kb: KnowledgeBase, question: str, u: Understood) -> Answer | None:
    rows = [r for r in events_for(kb, question, u, particular=True) if r["place"]]
    if not rows:
        return None
    statements = tuple(
        Statement(
            f"{_label(r)}: in {r['place']}, {r['date'] or 'date not stated'}.",
            "place",
            (cite(r),),
            date=r["date"],
            name=r["place"],
        )
        for r in rows
    )
    return Answer(question, u.kind, True, statements, understood=u)


def verify_event(kb: KnowledgeBase, question: str, u: Understood) -> Answer | None:
    """ "Is it true that A and B signed ...": supported by an event that speaks of it."""
    if not u.events:
        return None  # a statement of no event and no figure: nothing to check it against
    rows = events_for(kb, question, u, particular=True)
    if not rows:
        return None
    lead = Statement(
        "Supported: the knowledge base holds events that report it.",
        "verdict",
        tuple(cite(r) for r in rows),
        name="supported",
    )
    found = when(kb, question, u)
    rest = found.statements if found else ()
    return Answer(question, u.kind, True, (lead, *rest), understood=u)
