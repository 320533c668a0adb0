"""Countries inside hyphenated words: "U.S.-made", "Saudi-led", "Sino-Soviet", "Franco-German".

The tokenizer keeps a word such as "U.S.-made" or "Sino-U.S." whole, and the tagger calls
"Sino-Soviet" one nationality of no country, so the gazetteer alone loses them. Each part of a
hyphenated word that names a country (its name, abbreviation or demonym) is a mention of that
country, spanning the part's own characters, typed as the gazetteer types the form (GPE for a
name, NORP for a demonym). A combining form (data/combining_forms.tsv: "Sino", "Franco") is a
mention only in front of a hyphen and a part that names a country ("Sino-Soviet", "Anglo-French",
"Sino-U.S."): "Indo-Pacific" is a region, "Anglo-Saxon" a people, "Franco" alone a surname.

Names of several words reach across the word's edges ("South Korea-Japan", "U.S.-North Korea"):
up to three capitalised words on either side are tried with the parts next to them, the longest
form first, and a capital or a region written with a hyphen ("Porto-Novo", "Asia-Pacific") is
one part that names no country here (the other rules take it).

A compound whose participle makes the country a patron or maker of the noun ("U.S.-backed
rebels", "Chinese-built ship": data/event_grammar.tsv, `patron`) keeps the country as a
mention of the article, but the country is no side of the noun's events (`patron_of`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilateral import data
from bilateral.extract.candidates import Candidate
from bilateral.extract.lexicon import Lexicon
from bilateral.extract.matching import LISTED, matches_at

_COMPOUND = re.compile(r"(?<![\w.-])[^\W_][\w.]*(?:-[\w.]+)+")
_HYPHEN = re.compile(r"-[\w.]")  # what each hyphenated word holds
_WORD_CHARACTER = re.compile(r"[\w.-]")  # what a hyphenated word is made of
_CAPITALISED = re.compile(r"[A-Z][\w.]*")
_REACH = 3  # capitalised words tried on either side of the hyphenated word
_REPLACEABLE = ("GPE", "NORP", "LOC")
_WORD_REST = re.compile(r"[\w.-]*")


@dataclass(frozen=True)
class _Unit:
    start: int
    end: int
    hyphen: bool  # a part of the hyphenated word itself, not a word beside it


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    label: str  # GPE, NORP, FORM (a combining form), or "" for a part that names no country
    code: str | None


@cache
def _patrons() -> frozenset[str]:
    return frozenset(data.event_grammar().get("patron", ()))


@cache
def _auxiliaries() -> frozenset[str]:
    return frozenset(data.event_grammar().get("passive_auxiliary", ()))


# the words before a country: a participle, "by" and perhaps "the", and the word before the
# participle (an adverb of the participle skipped: "were heavily backed by"); the country may
# follow others in a list ("backed by Rwanda and Uganda")
_BY = re.compile(
    r"(?:(?P<before>[\w'’]+)[\s,]+(?:[a-z]+ly\s+)?)?(?P<word>[A-Za-z]+)\s+by\s+(?:the\s+)?"
    + LISTED
    + "$"
)
# where a sentence begins: the start of the text, or sentence-final punctuation (perhaps
# closing a quotation) and space, or a line break
_OPENS = re.compile(r"(?:\A|[.!?][\"'”’)]*\s+|\n\s*)\Z")


@cache
def _relative() -> re.Pattern[str]:
    """A relative pronoun, and at most two lower-case words, right before a passive auxiliary:
    "who are [backed by]", "which has long been [funded by]": the clause describes the noun
    before the pronoun."""
    pronouns = "|".join(data.event_grammar().get("relative_pronoun", ()))
    return re.compile(rf"\b(?i:{pronouns})\s+(?:[a-z]+\s+){{0,2}}\Z")


def _units(text: str, match: re.Match[str]) -> list[_Unit]:
    """The parts of the word, with up to three capitalised words on either side."""
    parts, offset = [], match.start()
    for piece in match.group(0).split("-"):
        if piece:
            end = offset + len(piece)
            if end == match.end() and piece.endswith(".") and piece.count(".") == 1:
                end -= 1  # a sentence's full stop: "made in the U.S.-Japan."
            parts.append(_Unit(offset, end, True))
        offset += len(piece) + 1
    before = [
        _Unit(m.start(), m.end(), False)
        for m in _CAPITALISED.finditer(text, max(0, match.start() - 60), match.start())
    ]
    before = _adjacent(text, before[::-1], match.start(), backwards=True)[::-1]
    after = [
        _Unit(m.start(), m.end(), False)
        for m in _CAPITALISED.finditer(text, match.end(), match.end() + 60)
    ]
    return before + parts + _adjacent(text, after, match.end(), backwards=False)


def _adjacent(text: str, words: list[_Unit], edge: int, backwards: bool) -> list[_Unit]:
    """The words that follow one another from `edge` with a single space between."""
    out: list[_Unit] = []
    for w in words[:_REACH]:
        gap = text[w.end : edge] if backwards else text[edge : w.start]
        if gap != " ":
            break
        out.append(w)
        edge = w.start if backwards else w.end
    return out


def _name(form: str, lex: Lexicon) -> tuple[str, str | None] | None:
    """What the form names: a country (GPE), a people (NORP), or another place ("")."""
    place = lex.gazetteer.places.get(form)
    if place is not None:
        return ("GPE", place.country) if place.kind == "country" else ("", None)
    if form in lex.gazetteer.demonyms:
        return "NORP", lex.gazetteer.demonyms[form]
    if form in data.regions():
        return "", None
    return None


def _read(text: str, units: list[_Unit], lex: Lexicon) -> list[_Found]:
    """The longest names among the units, left to right, each holding a part of the word."""
    found: list[_Found] = []
    i = 0
    while i < len(units):
        for j in range(len(units), i, -1):
            if not any(u.hyphen for u in units[i:j]):
                continue
            start, end = units[i].start, units[j - 1].end
            named = _name(text[start:end], lex)
            if named is None and j == i + 1 and units[i].hyphen:
                code = data.combining_forms().get(text[start:end])
                named = ("FORM", code) if code else None
            if named is not None:
                found.append(_Found(start, end, *named))
                i = j
                break
        else:
            found.append(_Found(units[i].start, units[i].end, "", None))
            i += 1
    return found


def _counting(found: list[_Found], text: str) -> list[bool]:
    """Which parts name a country here. A name or demonym before a hyphen ("U.S.-made"), or
    after a hyphen and a part that counts ("Japanese-U.S."); not after any other word
    ("anti-U.S.", whose country the other rules judge). A combining form only in front of a
    hyphen and a part naming a country, or a chain of forms ending in one ("Sino-Soviet")."""
    n = len(found)

    def joined(k: int) -> bool:  # part k and part k + 1 are one hyphen apart
        return k + 1 < n and text[found[k].end : found[k + 1].start] == "-"

    def country(k: int) -> bool:
        return found[k].code is not None and found[k].label != "FORM"

    form = [False] * n
    for k in range(n - 1, -1, -1):
        if found[k].label == "FORM" and joined(k):
            form[k] = country(k + 1) or form[k + 1]
    counts = list(form)
    for k in range(n):
        if country(k):
            counts[k] = joined(k) or (k > 0 and joined(k - 1) and counts[k - 1])
    return counts


def _countries(found: list[_Found], text: str) -> list[Candidate]:
    """A candidate for each part that names a country."""
    return [
        Candidate(f.start, f.end, "GPE" if f.label == "GPE" else "NORP", f.code, fixed=True)
        for f, counts in zip(found, _counting(found, text), strict=True)
        if counts
    ]


def in_compounds(cands: list[Candidate], text: str, lex: Lexicon) -> list[Candidate]:
    """The countries each hyphenated word names, in place of what the other rules made of the
    word: a nationality of no country ("Sino-Soviet"), one part only ("German" of
    "Franco-German") or nothing ("U.S.-made"). A name the word is only part of ("U.S.-China
    Business Council"), a name knowledge typed otherwise, and a name the tagger gave a word
    that is not all countries ("Iran-contra", an affair) keep the word as it is."""
    if "-" not in text:
        return cands
    out = list(cands)
    for match in matches_at(_COMPOUND, text, _word_starts(text)):
        found = _read(text, _units(text, match), lex)
        countries = _countries(found, text)
        if not countries:
            continue
        only = all(f.code is not None for f in found if match.start() <= f.start < match.end())
        start = min(countries[0].start, match.start())
        end = max(countries[-1].end, match.end())
        overlapping = [c for c in out if c.start < end and c.end > start]
        if any(_kept(c, start, end, only) for c in overlapping):
            continue
        # what overlaps a country part gives way to it ("Sino-Soviet", typed a nationality of
        # no country); the other parts keep what they were ("Kurdish" of "Iraqi-Kurdish")
        for n in countries:
            same = [i for i, c in enumerate(out) if c.start < n.end and n.start < c.end]
            if [(out[i].start, out[i].end, out[i].label, out[i].country) for i in same] == [
                (n.start, n.end, n.label, n.country)
            ]:
                continue  # already so ("U.S.-Japan")
            at = same[0] if same else None
            out = [c for i, c in enumerate(out) if i not in same]
            if at is None:
                at = next((i for i, c in enumerate(out) if c.start > n.start), len(out))
            out.insert(min(at, len(out)), n)
    return out


def _word_starts(text: str) -> list[int]:
    """Every place a hyphenated word can begin, in order: the start of the run of word
    characters, periods and hyphens around each hyphen followed by a letter (a hyphenated word
    fills such a run from its start, since no such character may stand before it). With these
    the pattern finds what its finditer would (matching.matches_at), tried at a few places
    instead of at every position of the text, which costs it most where no word is hyphenated."""
    starts = set()
    for hyphen in _HYPHEN.finditer(text):
        at = hyphen.start()
        while at > 0 and _WORD_CHARACTER.match(text, at - 1):
            at -= 1
        starts.add(at)
    return sorted(starts)


def _kept(c: Candidate, start: int, end: int, only_countries: bool) -> bool:
    """Whether a name that overlaps the word keeps it: it runs beyond the word, knowledge typed
    it otherwise, or the tagger named a word that is not all countries otherwise."""
    if c.start < start or c.end > end:
        return True
    if c.label in _REPLACEABLE:
        return False
    return c.fixed or not only_countries


def patron_of(text: str, end: int) -> bool:
    """A country part ending at `end` of a hyphenated word whose last part makes the country
    a patron or maker of the noun it describes: "U.S.-backed", "Chinese-built"."""
    if text[end : end + 1] != "-":
        return False
    word = _WORD_REST.match(text, end)
    last = word.group(0).rstrip("-.").rsplit("-", 1)[-1] if word else ""
    return last.lower() in _patrons()


def patron_by(text: str, start: int) -> bool:
    """A country named at `start` after a `patron` participle and "by", in a phrase that
    describes a noun: the patron or maker of what the noun names ("rebels backed by Rwanda
    attacked", "cars, built by Japan, ..."), also where the phrase opens the sentence ("Backed
    by Rwanda, the rebels attacked") or is a relative clause ("the rebels, who are backed by
    Rwanda, attacked"); not after a passive auxiliary in the clause itself ("the rebels were
    backed by Rwanda"), where the country acts."""
    at = max(0, start - 80)
    found = _BY.search(text[at:start])
    if found is None or found.group("word").lower() not in _patrons():
        return False
    before = (found.group("before") or "").lower()
    if not before:  # nothing the participle continues: it opens the sentence, or not
        word = at + found.start("word")
        return _OPENS.search(text[max(0, word - 8) : word]) is not None
    if before not in _auxiliaries():
        return True
    auxiliary = at + found.start("before")
    return _relative().search(text[max(0, auxiliary - 40) : auxiliary]) is not None
