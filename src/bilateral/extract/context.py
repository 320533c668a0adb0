"""Corrections that need the words around a name, or the other names of the same article."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from bilateral.extract.candidates import Candidate
from bilateral.extract.lexicon import Lexicon

_LIST_GLUE = re.compile(r"^\s*(?:,|,?\s+and|,?\s+or|&)\s*$")
_LOCATIVE = re.compile(r"\b(?:in|near|outside|to|from)\s+$")
_OPEN_QUOTE = re.compile(r"[\"“‘']\s*$")
_CLOSE_QUOTE = re.compile(r"^\s*[\"”’']")
_PRIORITY = {"institution": 0, "ner": 1, "title": 2, "head": 3, "gazetteer": 4}
# When the tagger's votes tie, the kinds of names it confuses most are settled in this order.
_TIE_ORDER = {t: i for i, t in enumerate(("GPE", "ORG", "FAC", "LOC", "PERSON", "NORP"))}


def merge(candidates: list[Candidate]) -> list[Candidate]:
    """One span per stretch of text: institutions first, then spaCy, then the other rules;
    among equals, the longer span."""
    ordered = sorted(candidates, key=lambda c: (_PRIORITY[c.source], -(c.end - c.start), c.start))
    taken: list[Candidate] = []
    for c in ordered:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _between(text: str, left: Candidate, right: Candidate) -> str:
    return text[left.end : right.start]


def titled_names(cands: list[Candidate], text: str, lex: Lexicon) -> None:
    """A name right after an office title is a person: "President Kassym-Jomart Tokayev"."""
    for c in cands:
        if c.label == "PERSON" or c.fixed:
            continue
        before = text[max(0, c.start - 60) : c.start]
        match = lex.title_before.search(before)
        if match and lex.titles[match.group("title")].kind == "office":
            c.label = "PERSON"


def enumerations(cands: list[Candidate], text: str) -> None:
    """In "Samsung, Hyundai, Lotte, Posco and others" the names share the majority's type."""
    runs: list[list[Candidate]] = []
    for c in cands:
        if runs and _LIST_GLUE.match(_between(text, runs[-1][-1], c)):
            runs[-1].append(c)
        else:
            runs.append([c])
    for run in runs:
        if len(run) < 3:
            continue
        votes = Counter(c.label for c in run if c.fixed or c.source != "ner") or Counter(
            c.label for c in run
        )
        ranked = votes.most_common(2)
        label, count = ranked[0]
        if len(ranked) == 1 or count > ranked[1][1]:
            for c in run:
                if not c.fixed:
                    c.label = label


def places_by_position(cands: list[Candidate], text: str) -> None:
    """A one-word "person" after "in" or coordinated with a place is a place: "in Kyzylorda",
    "in Almaty and Kostanai"."""
    for i, c in enumerate(cands):
        if c.label != "PERSON" or c.fixed or " " in text[c.start : c.end]:
            continue
        if _LOCATIVE.search(text[max(0, c.start - 10) : c.start]):
            c.label = "GPE"
            continue
        neighbours = [cands[j] for j in (i - 1, i + 1) if 0 <= j < len(cands)]
        for n in neighbours:
            left, right = (n, c) if n.start < c.start else (c, n)
            if n.label == "GPE" and _LIST_GLUE.match(_between(text, left, right)):
                c.label = "GPE"


def described_facilities(cands: list[Candidate], text: str, lex: Lexicon) -> None:
    """ "Cheongwadae, the presidential palace": the description says it is a facility."""
    for c in cands:
        free = not c.fixed and c.label in ("ORG", "GPE", "PERSON", "LOC")
        if free and lex.appositive_facility.match(text[c.end : c.end + 60]):
            c.label = "FAC"


def quoted_titles(cands: list[Candidate], text: str) -> list[Candidate]:
    """A "person" inside quotation marks is the name of a work or programme ("Fresh Wind")."""
    out = []
    for c in cands:
        quoted = _OPEN_QUOTE.search(text[max(0, c.start - 2) : c.start]) and _CLOSE_QUOTE.match(
            text[c.end : c.end + 2]
        )
        if quoted and c.label in ("PERSON", "WORK_OF_ART") and not c.fixed:
            c.label, c.fixed = "WORK_OF_ART", True
        out.append(c)
    return out


def vote_by_surface(cands: list[Candidate], text: str) -> None:
    """The same words in one article name the same kind of thing: the majority type wins, and a
    type fixed by knowledge beats any number of guesses."""
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        groups[text[c.start : c.end]].append(c)
    for group in groups.values():
        fixed = [c.label for c in group if c.fixed]
        votes = Counter(fixed or [c.label for c in group])
        label = min(votes, key=lambda t: (-votes[t], _TIE_ORDER.get(t, 99)))
        country = next((c.country for c in group if c.country), None)
        for c in group:
            c.label = label
            c.country = c.country or country
