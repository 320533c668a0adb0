"""Countries named where the other rules would lose them: at the start of an organisation's
name ("the U.K. Government", "RoK National Assembly"), and by a capital that belonged to
another state when the article was written ("Moscow" in 1987 is the Soviet Union's).

An organisation whose name opens with a country's name or abbreviation keeps its whole name
(the analyst's "U.S. Chamber of Commerce"), carries that country, and the opening words are
also a mention of the country, nested inside the organisation's: the article names the United
States, and its figures and events have that party. A company (a name ending in a legal form,
"U.S. Steel Corp") carries the country but is no mention of it: "Japan Tobacco Inc" is a
company, not Japan. Demonyms ("American Express") are no country's name and open nothing.
"""

from __future__ import annotations

import re

from bilateral import data
from bilateral.extract.candidates import Candidate
from bilateral.extract.lexicon import Lexicon

_WORD = re.compile(r"\S+")
_LONGEST_FORM = 6  # words of the longest country form tried at the start of a name


def leading_country(span: str, lex: Lexicon) -> tuple[int, str] | None:
    """The length and code of the country form that opens a longer name, as written: "U.K."
    in "U.K. Government", "United States" in "United States Chamber of Commerce". The longest
    place that opens it decides: "Mexico City Airport" opens with a city, not with Mexico."""
    words = span.split(" ")
    for size in range(min(_LONGEST_FORM, len(words) - 1), 0, -1):
        head = " ".join(words[:size])
        place = lex.gazetteer.places.get(head)
        if place is None and head not in data.regions():
            continue
        if place is not None and place.kind == "country" and words[size][:1].isupper():
            return len(head), place.country
        return None
    return None


def country_mention(c: Candidate, text: str, lex: Lexicon) -> Candidate | None:
    """The country that opens the name of `c`, as a mention of its own."""
    found = leading_country(text[c.start : c.end], lex)
    if found is None:
        return None
    size, code = found
    return Candidate(c.start, c.start + size, "GPE", code, fixed=True, source="gazetteer")


def countries_inside(c: Candidate, text: str, lex: Lexicon) -> list[Candidate]:
    """The countries written, as the gazetteer has them, anywhere inside the span of `c`: what
    a headline's dropped name ("KEY U.S. TAX WRITERS") still says."""
    out: list[Candidate] = []
    words = [(m.start(), m.end()) for m in _WORD.finditer(text[c.start : c.end])]
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + _LONGEST_FORM), i, -1):
            start, end = c.start + words[i][0], c.start + words[j - 1][1]
            place = lex.gazetteer.places.get(text[start:end])
            if place is not None and place.kind == "country":
                out.append(Candidate(start, end, "GPE", place.country, fixed=True))
                i = j - 1
                break
        i += 1
    return out


def in_organisations(cands: list[Candidate], text: str, lex: Lexicon) -> list[Candidate]:
    """Each organisation whose name opens with a country carries it, and, unless it is a
    company, the country's name is a mention too (nested in the organisation's span)."""
    legal = {form.rstrip(".") for form in data.legal_forms()}
    out: list[Candidate] = []
    for c in cands:
        out.append(c)
        if c.label != "ORG":
            continue
        nested = country_mention(c, text, lex)
        if nested is None:
            continue
        c.country = c.country or nested.country
        if text[c.start : c.end].split()[-1].rstrip(".") not in legal:
            out.append(nested)
    return out


def in_their_time(cands: list[Candidate], text: str, lex: Lexicon, published: str | None) -> None:
    """A capital written before the state it then belonged to ceased to exist is that
    state's: "Moscow" in an article of 1987 is the Soviet Union (SUN), not Russia."""
    if not published or not lex.gazetteer.former_capitals:
        return
    for c in cands:
        if c.label != "GPE":
            continue
        then = lex.gazetteer.capital_of_then(text[c.start : c.end], published)
        if then is not None:
            c.country = then
