"""Corrections that need the words around a name, or the other names of the same article."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import Counter, defaultdict

from bilateral import data
from bilateral.extract.candidates import Candidate
from bilateral.extract.country_names import countries_inside, country_mention
from bilateral.extract.lexicon import Lexicon
from bilateral.extract.matching import whole_words
from bilateral.naming import fold

_LIST_GLUE = re.compile(r"^\s*(?:,|,?\s+and|,?\s+or|&)\s*$")
_AND = re.compile(r"^\s*(?:,?\s+and|&)\s*$")
_NAME_PART = re.compile(r"[A-Z][\w'’-]{2,}")  # a word of a full name that may stand alone
_SUCH_AS = re.compile(r"\b(?P<kind>[A-Za-z]+)\s+(?:such as|including|like)\s+$")


def _singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


_LOCATIVE = re.compile(r"\b(?:in|near|outside|to|from)\s+$")
_OPEN_QUOTE = re.compile(r"[\"“‘']\s*$")
_CLOSE_QUOTE = re.compile(r"^\s*[\"”’']")
_PRIORITY = {"region": 4, "institution": 0, "ner": 1, "title": 2, "head": 3, "gazetteer": 4}
# When the tagger's votes tie, the kinds of names it confuses most are settled in this order.
_TIE_ORDER = {t: i for i, t in enumerate(("GPE", "ORG", "FAC", "LOC", "PERSON", "NORP"))}


def merge(
    candidates: list[Candidate], text: str = "", lex: Lexicon | None = None
) -> list[Candidate]:
    """One span per stretch of text: institutions first, then spaCy, then the other rules;
    among equals, the longer span."""
    ordered = sorted(candidates, key=lambda c: (_PRIORITY[c.source], -(c.end - c.start), c.start))
    taken: list[Candidate] = []
    spans: list[tuple[int, int]] = []  # those of `taken`, sorted: none overlaps another
    for c in ordered:
        # of the spans that begin before c ends, the last ends latest: c is free of all of
        # them when it is free of that one
        before = bisect_left(spans, (c.end,))
        if before == 0 or spans[before - 1][1] <= c.start:
            taken.append(c)
            insort(spans, (c.start, c.end))
    _trust_titles(taken, [c for c in candidates if c.source == "title"], text, lex)
    taken = _whole_names(taken, [c for c in candidates if c.source == "head"])
    # A title or a whole name can stretch a span over its neighbour's: one span per stretch.
    kept: list[Candidate] = []
    for c in sorted(taken, key=lambda c: (c.start, -(c.end - c.start))):
        if not kept or c.start >= kept[-1].end:
            kept.append(c)
    return kept


def _whole_names(taken: list[Candidate], headed: list[Candidate]) -> list[Candidate]:
    """A name ending in a word that says what it is ("Acme and Sons Ltd") wins over the
    pieces the tagger cut it into ("Acme", "Sons Ltd"), when it only joins them."""
    for h in sorted(headed, key=lambda c: c.start - c.end):
        inside = [t for t in taken if t.start < h.end and t.end > h.start]
        # a candidate equal to h has h's span, so it is inside (where h's span holds a letter):
        # the test for one looks there, instead of comparing h with every name taken
        if h in (inside if h.start < h.end else taken):
            continue
        if inside and all(
            h.start <= t.start
            and t.end <= h.end
            and t.source in ("ner", "title")
            and t.label != "PERSON"
            for t in inside
        ):
            # whatever equals a name inside has its span and is inside too: known by identity
            gone = {id(t) for t in inside}
            taken = [t for t in taken if id(t) not in gone] + [h]
    return taken


def _trust_titles(
    taken: list[Candidate], titled: list[Candidate], text: str, lex: Lexicon | None
) -> None:
    """A name announced by a title ("footballer Nwankwo Kanu") keeps the type the title gives,
    and starts where the title ends, even where spaCy's span says otherwise ("Nigeria Carlos
    Garcete" after "Ambassador to"); spaCy's span may still run further ("Lula da Silva")."""
    for t in titled:
        for c in taken:
            if c is t or c.fixed or c.end <= t.start or c.start >= t.end:
                continue
            if c.label == "PERSON" and c.start < t.start and lex is not None:
                # "Minister of Foreign Affairs Bui Thanh Son": the title's scope ate the first
                # words of a name the tagger saw whole; only a place or title is cut off
                lead = text[c.start : t.start].split()
                if not any(w in lex.gazetteer.places or w in lex.titles for w in lead):
                    c.end = max(c.end, t.end)
                    c.fixed = True
                    c.roles.extend(r for r in t.roles if r not in c.roles)
                    continue
            c.start, c.end = t.start, max(c.end, t.end)
            c.label, c.fixed = t.label, True
            c.country = c.country or t.country
            c.roles.extend(r for r in t.roles if r not in c.roles)


def _between(text: str, left: Candidate, right: Candidate) -> str:
    return text[left.end : right.start]


def titled_names(cands: list[Candidate], text: str, lex: Lexicon) -> None:
    """A name right after an office title is a person: "President Bola Tinubu"."""
    for c in cands:
        if c.label == "PERSON" or c.fixed:
            continue
        before = text[max(0, c.start - 60) : c.start]
        match = lex.title_before.search(before) if lex.writes_a_title(before) else None
        if match and lex.title(match.group("title")).kind == "office":
            c.label = "PERSON"


def enumerations(cands: list[Candidate], text: str, descriptors: dict[str, str]) -> None:
    """In "Petrobras, Embraer, Vale and others" the names share the majority's type, and
    in "companies such as A, B and C" the type the noun before them announces."""
    runs: list[list[Candidate]] = []
    for c in cands:
        if runs and _LIST_GLUE.match(_between(text, runs[-1][-1], c)):
            runs[-1].append(c)
        else:
            runs.append([c])
    for run in runs:
        if len(run) < 2:
            continue  # a name alone is no list: nothing to share, whatever announces it
        announced = _SUCH_AS.search(text[max(0, run[0].start - 40) : run[0].start])
        kind = descriptors.get(_singular(announced.group("kind"))) if announced else None
        if kind and len(run) >= 2:
            for c in run:
                if not c.fixed:
                    c.label = kind
            continue
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
    """A one-word "person" after "in" or joined by "and" to a place is a place: "in Arequipa",
    "in Cusco and Puno". A word of a full name of the article stays a person."""
    name_words = {
        w for c in cands if c.label == "PERSON" for w in text[c.start : c.end].split()[1:] or ()
    } | {
        w
        for c in cands
        if c.label == "PERSON" and " " in text[c.start : c.end]
        for w in text[c.start : c.end].split()
    }
    for i, c in enumerate(cands):
        if c.label != "PERSON" or c.fixed or " " in text[c.start : c.end]:
            continue
        if text[c.start : c.end] in name_words:
            continue
        if _LOCATIVE.search(text[max(0, c.start - 10) : c.start]):
            c.label = "GPE"
            continue
        neighbours = [cands[j] for j in (i - 1, i + 1) if 0 <= j < len(cands)]
        for n in neighbours:
            left, right = (n, c) if n.start < c.start else (c, n)
            if n.label == "GPE" and _AND.match(_between(text, left, right)):
                c.label = "GPE"


def surnames(cands: list[Candidate], text: str, lex: Lexicon) -> list[Candidate]:
    """Once an article names "Carlos Garcete", a later "Garcete" is him, whatever spaCy made of
    it (a place, an organisation) or whether it saw it at all."""
    people = [c for c in cands if c.label == "PERSON" and " " in text[c.start : c.end]]
    parts = {
        w
        for c in people
        for w in _NAME_PART.findall(text[c.start : c.end])
        if w not in lex.gazetteer.places and w not in lex.gazetteer.demonyms and w not in lex.titles
    }
    for c in cands:
        if not c.fixed and text[c.start : c.end] in parts:
            c.label, c.fixed = "PERSON", True
    if not parts:
        return cands
    found = list(cands)
    for start, end, _ in whole_words(sorted(parts), text):
        if all(end <= c.start or start >= c.end for c in cands):
            found.append(Candidate(start, end, "PERSON", fixed=True, source="title"))
    return sorted(found, key=lambda c: c.start)


def described_facilities(cands: list[Candidate], text: str, lex: Lexicon) -> None:
    """ "Planalto, the presidential palace": the description says it is a facility."""
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
        if len(group) == 1:
            continue  # a name written once keeps its type and country: nothing to vote on
        fixed = [c.label for c in group if c.fixed]
        votes: dict[str, int] = {}  # as Counter counts them, without building one for a few
        for vote in fixed or [c.label for c in group]:
            votes[vote] = votes.get(vote, 0) + 1
        label = min(votes, key=lambda t: (-votes[t], _TIE_ORDER.get(t, 99)))
        country = next((c.country for c in group if c.country), None)
        for c in group:
            c.label = label
            c.country = c.country or country


def _shouting(text: str, c: Candidate, lines: dict[tuple[int, int], bool]) -> bool:
    """Inside a line written all in capitals: a headline, where the tagger guesses wildly.
    `lines` keeps what was found of each stretch, which the names of a line share."""
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.end)
    key = (line_start, line_end)
    if key not in lines:
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        lines[key] = not any(ch.islower() for ch in line) and sum(ch.isalpha() for ch in line) > 12
    return lines[key]


def _known_country(c: Candidate) -> bool:
    return c.fixed and c.label in ("GPE", "NORP")


def headlines(cands: list[Candidate], text: str, lex: Lexicon) -> list[Candidate]:
    """A name in an all-capitals headline ("URGING JAPAN", "NEARS") is kept only when the
    article writes it in ordinary case too, and then takes that mention's type; a known place
    stays, and so do the countries inside a name dropped ("KEY U.S. TAX WRITERS")."""
    lines: dict[tuple[int, int], bool] = {}
    shouted = [c for c in cands if _shouting(text, c, lines)]
    if not shouted:
        return list(cands)  # no name in a headline of capitals: nothing to weigh
    loud = {id(c) for c in shouted}
    # the names written in ordinary case, by their folded form; folding each costs, so only
    # where a shouted name will look one up
    written = (
        {fold(text[c.start : c.end]): c for c in cands if id(c) not in loud}
        if not all(_known_country(c) for c in shouted)
        else {}
    )
    out = []
    for c in cands:
        if id(c) not in loud:
            out.append(c)
            continue
        if _known_country(c):
            out.append(c)
            continue
        same = written.get(fold(text[c.start : c.end]))
        if same is not None:
            c.label, c.fixed = same.label, same.fixed
            c.country = c.country or same.country
            out.append(c)
        else:
            out.extend(countries_inside(c, text, lex))
    return out


def short_forms(cands: list[Candidate], text: str) -> list[Candidate]:
    """Once an article names "Acme and Sons Ltd", a later "Acme and Sons" is that company too,
    whatever pieces the tagger cut it into."""
    legal = set(data.legal_forms())
    shorts = {}
    for c in cands:
        words = text[c.start : c.end].split()
        if c.label == "ORG" and len(words) >= 3 and words[-1] in legal:
            shorts[" ".join(words[:-1]).rstrip(".,")] = c
    if not shorts:
        return cands
    found = list(cands)
    for start, end, short in whole_words(sorted(shorts, key=len, reverse=True), text):
        inside = [c for c in found if c.start < end and c.end > start]
        if any(c.end > end or c.label in ("PERSON", "GPE", "NORP") for c in inside):
            continue  # the full name itself, or a name that only starts the same way
        found = [c for c in found if c not in inside]
        found.append(Candidate(start, end, "ORG", shorts[short].country, fixed=True, source="head"))
    return sorted(found, key=lambda c: c.start)


def portfolios(cands: list[Candidate], text: str, lex: Lexicon) -> list[Candidate]:
    """ "Turkey's Trade Minister X", "the Trade and Industry Secretary X": a name the tagger
    found just before an office title is the title's portfolio, not an organisation."""
    out = []
    for c in cands:
        words = text[c.start : c.end].split()
        if c.fixed or c.label in ("PERSON", "GPE", "NORP") or words[-1] in lex.heads:
            out.append(c)
            continue
        after = re.match(r"\s+", text[c.end : c.end + 2])
        title = lex.title_word.match(text, c.end + (after.end() if after else 0))
        if after and title and lex.title(title.group(0)).kind == "office":
            country = country_mention(c, text, lex)  # "U.S. Treasury Secretary": the U.S. stays
            if country is not None:
                out.append(country)
            continue
        out.append(c)
    return out
