"""What a question asks about, read with the knowledge files and the knowledge base's names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bilateral import data

# Words of a question that ask for a ranking, a count, or what an event led to.
RANK_WORDS = re.compile(r"\b(?:rank|ranks|ranked|ranking|position|largest|biggest)\b", re.I)
OUTCOME_WORDS = re.compile(
    r"\b(?:produce|produced|result|results|outcome|outcomes|yield|yielded|achieve|achieved"
    r"|bring|brought|come of)\b",
    re.I,
)
WHEN_WORDS = re.compile(r"\bwhen\b|\bwhat year\b|\bdate\b", re.I)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True)
class Question:
    text: str
    countries: tuple[str, ...]
    years: tuple[str, ...]
    metric: str | None
    event_subtypes: tuple[str, ...]  # (type:subtype) the question names
    people: tuple[str, ...]  # canonical names of the knowledge base
    wants_outcome: bool
    wants_date: bool


def _countries(text: str) -> tuple[str, ...]:
    """Countries a question names, by name or demonym, in the order it names them."""
    gaz = data.gazetteer()
    forms = [(f, p.country) for f, p in gaz.places.items() if p.kind == "country"]
    forms += list(gaz.demonyms.items())
    found = [
        (m.start(), code)
        for form, code in forms
        for m in re.finditer(rf"\b{re.escape(form)}(?:['’]s)?\b", text)
    ]
    return tuple(dict.fromkeys(code for _, code in sorted(found)))


def _metric(text: str) -> str | None:
    if RANK_WORDS.search(text) and re.search(r"\binvest|\bpartner", text, re.I):
        return "rank"
    best: tuple[int, str] | None = None
    for w in data.metric_words():
        if w.kind not in ("cue", "noun") or w.phrase in ("trade", "deal", "people"):
            continue
        said = re.search(rf"\b{re.escape(w.phrase)}\b", text, re.I)
        if said and (best is None or len(w.phrase) > best[0]):
            best = (len(w.phrase), w.metric)
    if best is None and re.search(r"\btrade\b", text, re.I):
        return "trade_turnover"
    return best[1] if best else None


def _events(text: str) -> tuple[str, ...]:
    found = []
    for cue in data.event_cues():
        if re.search(cue.pattern, text, re.I) or cue.subtype.replace("_", " ") in text.lower():
            found.append(f"{cue.type}:{cue.subtype}")
    # a question asks "when the partnership was agreed": the noun names the event
    if re.search(r"\bstrategic partnership\b", text, re.I):
        found.append("AGREE:strategic_partnership")
    if re.search(r"\bvisit", text, re.I):
        found.append("CONSULT:state_visit")
    return tuple(dict.fromkeys(found))


def read_question(text: str, people: list[tuple[str, tuple[str, ...]]]) -> Question:
    """`people` holds the knowledge base's persons: canonical name and aliases."""
    named = []
    for name, aliases in people:
        forms = {name, *aliases, *(w for w in name.split() if len(w) > 3)}
        if any(re.search(rf"\b{re.escape(f)}(?:['’]s)?\b", text) for f in forms if len(f) > 3):
            named.append(name)
    metric = _metric(text)
    events = _events(text)
    return Question(
        text=text,
        countries=_countries(text),
        years=tuple(YEAR.findall(text)),
        metric=metric,
        event_subtypes=events,
        people=tuple(named),
        wants_outcome=bool(OUTCOME_WORDS.search(text)),
        wants_date=bool(WHEN_WORDS.search(text)),
    )
