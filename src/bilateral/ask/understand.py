"""What a question asks: its kind, countries (names, demonyms, capitals standing for their
governments), people (the knowledge base's names, aliases and surnames), metric, years,
direction, the events it names, a role for a who question, and the figure of a claim to check.
Capitalised names the knowledge base does not hold are kept, so the answer can refuse rather
than answer about something else. Every word list comes from the knowledge files."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from bilateral import data
from bilateral.model import Understood

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# A figure written in a question: "$10 billion", "550", "5.8 bn", "8th"
FIGURE = re.compile(
    r"(?<![\w.])(?:US)?\$?\s?(\d+(?:[.,]\d+)*)\s*(%|per ?cent|percent|trillion|tn|billion|bn|"
    r"million|mln|m\b|thousand|st\b|nd\b|rd\b|th\b)?",
    re.I,
)
SCALE = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "mln": 1e6}
SCALE |= {"m": 1e6, "thousand": 1e3}
CAPITALISED = re.compile(r"\b[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*")

NameLookup = Callable[[Sequence[str]], list[dict[str, Any]]]


@cache
def _cues(kind: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(c.pattern, re.I if kind != "skip" else 0), c.value)
        for c in data.question_cues()
        if c.kind == kind
    )


@cache
def _kind_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    extra = ("topic", "more", "less", "equal", "skip", "event", "outcome", "rank", "stop")
    return tuple(
        (c.kind, re.compile(c.pattern, re.I)) for c in data.question_cues() if c.kind not in extra
    )


def kind_of(text: str, metric: str | None, events: Sequence[str]) -> str:
    for kind, pattern in _kind_cues():
        if pattern.search(text):
            return kind
    if metric:
        return "how_much"
    return "discuss" if events else "unknown"


@cache
def _country_forms() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every name, alias, demonym and capital of a country (the longest form
    first: "South Korea" before "Korea"), and the country code of each form."""
    gaz = data.gazetteer()
    codes = {f: p.country for f, p in gaz.places.items()}
    for form, code in gaz.demonyms.items():
        codes.setdefault(form, code)
    forms = sorted(codes, key=lambda f: (-len(f), f))
    pattern = re.compile(rf"(?<![\w.])({'|'.join(re.escape(f) for f in forms)})(?:['’]s)?(?!\w)")
    return pattern, codes


@cache
def _lower_forms() -> tuple[re.Pattern[str], dict[str, str]]:
    """The same for a question typed in lower case, without the short forms that are words
    ("us")."""
    _, codes = _country_forms()
    lowered = {f.lower(): c for f, c in codes.items() if len(f) > 3}
    forms = sorted(lowered, key=lambda f: (-len(f), f))
    pattern = re.compile(
        rf"(?<![\w.])({'|'.join(re.escape(f) for f in forms)})(?:['’]s)?(?!\w)", re.I
    )
    return pattern, lowered


def countries_in(text: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """The countries named, in order, with their spans; and every span that names a place."""
    lower = text[1:] == text[1:].lower()
    pattern, codes = _lower_forms() if lower else _country_forms()
    found = [
        (m.start(), m.end(), codes[m.group(1).lower() if lower else m.group(1)])
        for m in pattern.finditer(text)
    ]
    return found, [(s, e) for s, e, _ in found]


def metric_of(text: str) -> str | None:
    lowered = text.lower()
    ranks = [w.phrase for w in data.metric_words() if w.kind == "rank"]
    if re.search(r"\b(?:rank|ranks|ranked|ranking|position|largest|biggest)\b", lowered) and any(
        re.search(rf"\b{re.escape(p)}", lowered) for p in ranks
    ):
        return "rank"
    best: tuple[int, str] | None = None
    stems = {stem(w) for w in re.findall(r"[\w-]+", lowered)}
    for w in data.metric_words():
        if w.kind not in ("cue", "noun") or w.phrase in ("trade", "deal", "people", "ethnic"):
            continue
        said = re.search(rf"\b{re.escape(w.phrase.lower())}\b", lowered) or (
            " " not in w.phrase and stem(w.phrase.lower()) in stems
        )
        if said and (best is None or len(w.phrase) > best[0]):
            best = (len(w.phrase), w.metric)
    if best is None and re.search(r"\b(?:trade|trading)\b", lowered):
        return "trade_turnover"
    if best is None and re.search(r"\bdeals?\b", lowered) and re.search(r"\bworth\b", lowered):
        return "deal_value"
    if best is None and re.search(r"\bhow many\b[^?]*\b(?:people|ethnic)\b", lowered):
        return "population"
    return best[1] if best else None


def stem(word: str) -> str:
    """A word without its inflection: "invested", "investments" and "invest" are one."""
    for suffix in ("ments", "ment", "ing", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _names_subtype(lowered: str, subtype: str) -> bool:
    """Every word of a subtype's name is in the question, at least its first seven letters:
    "strategic partners" names the strategic partnership."""
    words = [w for w in subtype.split("_") if len(w) > 3]
    return bool(words) and all(re.search(rf"\b{re.escape(w[:7])}", lowered) for w in words)


def events_named(text: str) -> tuple[str, ...]:
    """TYPE:subtype of the event cues a question names, then TYPE: for the types its verbs and
    nouns ask about."""
    found: list[str] = []
    lowered = text.lower()
    for cue in data.event_cues():
        # the specific before the general (events.tsv lists them so): "the roundtable where
        # they discussed" names a roundtable, not any meeting
        named = re.search(cue.pattern, text, re.I) or _names_subtype(lowered, cue.subtype)
        if named and not any(f.startswith(f"{cue.type}:") for f in found):
            found.append(f"{cue.type}:{cue.subtype}")
    for pattern, types in _cues("event"):
        if pattern.search(text):
            found += [f"{t}:" for t in types.split("|")]
    for pattern, kinds in _cues("outcome"):
        if pattern.search(text):
            found += [f"{t}:" for t in kinds.split("|") if t.isupper()]
    return tuple(dict.fromkeys(found))


def _figure(text: str) -> tuple[float | None, str | None]:
    """The figure a claim to check states, and how it compares (more, less, equal)."""
    for m in FIGURE.finditer(text):
        if YEAR.fullmatch(m.group(1)) and not m.group(2) and "$" not in m.group(0):
            continue
        value = float(m.group(1).replace(",", ""))
        scale = (m.group(2) or "").lower().replace(" ", "")
        value *= SCALE.get(scale, 1.0)
        before = text[: m.start()]
        for comparison in ("more", "less", "equal"):
            if any(p.search(before[-30:]) for p, _ in _cues(comparison)):
                return value, comparison
        return value, "equal"
    return None, None


def _rank(text: str) -> float | None:
    """The rank a claim to check states: "the second-largest investor" is 2."""
    for pattern, rank in _cues("rank"):
        if pattern.search(text):
            return float(rank)
    return None


def _role(text: str) -> tuple[str | None, tuple[str, ...]]:
    """The role a who question asks about, and the capitalised words it puts before the title
    ("Treasury Secretary"), which the role must hold too."""
    best = None
    for surface, title in data.titles().items():
        if title.kind not in ("office", "occupation") or len(surface) < 4:
            continue
        m = re.search(rf"\b{re.escape(surface)}\b", text, re.I)
        if m and (best is None or len(surface) > len(best[0])):
            best = (surface, title.role, m.start())
    if best is None:
        return None, ()
    before = re.search(r"((?:[A-Z][a-z]+\s+)+)$", text[: best[2]])
    words = before.group(1).split() if before else []
    _, places = countries_in(" ".join(words))
    skip = [p for p, _ in _cues("skip")]
    kept = [w for w in words if not any(p.fullmatch(w) for p in skip)]
    kept = [w for w in kept if not countries_in(w)[0]] if places else kept
    return best[1], tuple(kept)


def _runs(text: str, covered: list[tuple[int, int]]) -> list[list[str]]:
    """The runs of capitalised words of a question that may be names: not question words,
    titles, months, or the places already found."""
    skip = [p for p, _ in _cues("skip")]
    titles = {t.lower() for t in data.titles()}
    months = set(data.months())
    runs = []
    for m in CAPITALISED.finditer(text):
        words = []
        for w in re.finditer(r"\S+", m.group(0)):
            at = m.start() + w.start()
            if any(s <= at < e for s, e in covered):
                continue
            word = w.group(0).strip("'’.").removesuffix("’s").removesuffix("'s")
            if (
                word
                and not any(p.fullmatch(word) for p in skip)
                and word.lower() not in titles
                and word.lower() not in months
            ):
                words.append(word)
        if words:
            runs.append(words)
    return runs


def _hits(text: str, found: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(the longest form of each entity written in the question, its name, its type)"""
    hits = []
    for entity in found:
        forms = {entity["name"], *entity["aliases"]}
        forms |= {w for w in entity["name"].split() if len(w) > 3}
        hit = [f for f in sorted(forms) if re.search(rf"\b{re.escape(f)}(?:['’]s)?\b", text)]
        if hit:
            hits.append((max(hit, key=len), entity["name"], entity["type"]))
    return hits


def _people(
    text: str, lookup: NameLookup, covered: list[tuple[int, int]]
) -> tuple[list[str], list[str]]:
    """The knowledge base's persons a question names, and the capitalised names it does not
    hold. Each run of capitalised words is looked up whole first, then word by word."""
    runs = _runs(text, covered)
    hits = _hits(text, lookup([" ".join(run) for run in runs]) if runs else [])
    known = {w for form, _, _ in hits for w in form.split()}
    rest = sorted({w for run in runs if not set(run) & known for w in run if len(w) > 2})
    if rest:
        hits += _hits(text, lookup(rest))
    known = {w for form, _, _ in hits for w in form.split()}
    named: list[str] = []
    for form, name, type_ in sorted(hits, key=lambda h: -len(h[0])):
        # a surname inside a longer name found ("Hong" in "Hong Beom-do") is that name's
        inside = any(form != other and form in other for other, _, _ in hits)
        if type_ == "PERSON" and not inside and name not in named:
            named.append(name)
    unknown = [" ".join(run) for run in runs if not any(w in known for w in run)]
    return named, unknown


def understand(text: str, lookup: NameLookup) -> Understood:
    """`lookup` gives the knowledge base's entities whose names hold any of some words."""
    found, covered = countries_in(text)
    codes = list(dict.fromkeys(code for _, _, code in found))
    # titles and metric words are not names: "Trade Minister", "Direct Investment"
    people, unknown = _people(text, lookup, covered)
    metric = metric_of(text)
    events = events_named(text)
    kind = kind_of(text, metric, events)
    from_, to = _direction(text, found)
    value, comparison = _figure(text) if kind == "verify" else (None, None)
    if kind == "verify" and metric == "rank":
        value, comparison = _rank(text), "equal"
    role, role_words = _role(text) if kind == "who" else (None, ())
    return Understood(
        kind=kind,
        countries=tuple(codes),
        people=tuple(people),
        metric=metric,
        years=tuple(dict.fromkeys(YEAR.findall(text))),
        from_=from_,
        to=to,
        events=events,
        role=role,
        role_words=role_words,
        value=value,
        comparison=comparison,
        unknown_names=tuple(unknown),
    )


def _direction(text: str, found: list[tuple[int, int, str]]) -> tuple[str | None, str | None]:
    """ "from A to B", "A's ... in B", "A ... to/into B": the first acts, the second receives."""
    if len(found) < 2:
        return None, None
    (s1, e1, a), (s2, _e2, b) = found[0], found[1]
    if a == b:
        return None, None
    between = text[e1:s2]
    before = text[max(0, s1 - 6) : s1].lower()
    if (
        "from" in before
        or re.search(r"['’]s\b", text[s1:e1])
        or re.search(r"\b(?:in|into|to)\s*$", between)
    ):
        if re.search(r"\b(?:and|or)\s*$", between.strip() + " ") and "from" not in before:
            return None, None
        return a, b
    return None, None
