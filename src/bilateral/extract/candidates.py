"""Name spans of one document: spaCy's entities, corrected by the knowledge files.

spaCy's small English model makes systematic mistakes on diplomacy news (a demonym typed
PERSON, a title swallowed into an ORG, a country prefixed to a person, "Lee Hsien" cut before
"-loong"). Each rule below fixes one kind of mistake in general terms; none names a case.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from bilateral import data
from bilateral.extract.lexicon import Lexicon
from bilateral.extract.matching import after_none_of, matches_at, whole_words

NAME_LABELS = {
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "NORP",
    "EVENT",
    "PRODUCT",
    "WORK_OF_ART",
    "LAW",
}
_LEADING = re.compile(
    r"^(?:(?:the|The|THE|a|A|an|An|In|At|On|For|During|After|Before|From|With|By|As|And|But|When"
    r"|While|Since|Under|Among|Between|Of|To|This|That|These|Those|Its|His|Her|Their|Our|Both)\s+)+"
)
_BASED = re.compile(r"[A-Z][\w.]*-based\s+")  # "Paris-based X": X is the name
_TRAILING = re.compile(r"(?:['’]s|['’]|[\s,.;:!?\"“”()\-–—])+$")
_TRAILING_LAST = frozenset("s'’,.;:!?\"“”()-–—")  # a character _TRAILING ends in, or a space
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}$")
_ORG_GLUE = re.compile(r"\b(?:of|on|and|for|the|in)\b|&")  # in names of things, not of people
_THING_GOES_ON = re.compile(r"\s+(?:on|for)\s+(?:the\s+)?[A-Z]")
_HYPHEN_TAIL = re.compile(r"^-[a-z]{1,4}\b")
_BROKEN_HEAD = re.compile(r"\b[A-Z][a-z]+-\s+$")
_BRACKET = re.compile(r"[\[\]{}<>()\n]")  # no name holds one
_NO_NAME_BEFORE_HEAD = re.compile(r"[^\w'’&.\s-]")  # see _head_starts
_POSSESSIVE_PREFIX = re.compile(r"^(?P<owner>.+?)['’]s\s+(?P<rest>[A-Z].*)$")


@dataclass
class Candidate:
    start: int
    end: int
    label: str
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    fixed: bool = False  # the label comes from knowledge, not from the statistical tagger
    source: str = "ner"

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]


def trim(c: Candidate, text: str) -> Candidate | None:
    """Without a leading article or trailing possessive and punctuation; None if nothing is left."""
    span = text[c.start : c.end]
    lead = _LEADING.match(span)
    start = c.start + (lead.end() if lead else 0)
    based = _BASED.match(text, start, c.end)
    start = based.end() if based else start
    span = text[start : c.end]
    # what _TRAILING strips ends the span (or stands before a last newline, a space itself):
    # where the last character can end none of it, the search need not run
    last = span[-1:]
    tail = _TRAILING.search(span) if last in _TRAILING_LAST or last.isspace() else None
    end = c.end - (len(tail.group(0)) if tail else 0)
    with_next = text[start : end + 1]
    # the pattern ends in a period, at the end or before a last newline: a test by hand first
    if with_next.endswith((".", ".\n")) and _INITIALS.search(with_next):
        end += 1  # "U.K." keeps its last period

    while start < end and text[start].isspace():
        start += 1
    if end <= start:
        return None
    c.start, c.end = start, end
    return c


def extend(c: Candidate, text: str) -> None:
    """Mend spans cut at a hyphen: "Lee Hsien" + "-loong", "Abdul- " + "Qasim Rahman"."""
    # each pattern holds a hyphen: where none is written, it need not be tried
    tail = _HYPHEN_TAIL.match(text[c.end : c.end + 6]) if text.startswith("-", c.end) else None
    if tail:
        c.end += tail.end()
    before = max(0, c.start - 20)
    hyphen = text.find("-", before, c.start) >= 0
    head = _BROKEN_HEAD.search(text[before : c.start]) if hyphen else None
    if head and c.label in ("PERSON", "ORG"):
        c.start -= len(head.group(0))


_IN_PLACE = re.compile(r"^\s+in\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)")


def _extend_with_place(c: Candidate, text: str, lex: Lexicon) -> None:
    """ "Association of Chileans" + " in Peru": a people's organisation named with its home."""
    if c.label != "ORG" or text[c.start : c.end].split()[-1] not in lex.gazetteer.demonyms:
        return
    follow = _IN_PLACE.match(text[c.end : c.end + 40])
    if follow and follow.group(1) in lex.gazetteer.places:
        c.end += follow.end()


def _split_compound(c: Candidate, text: str, lex: Lexicon) -> list[Candidate] | None:
    """ "Chile-Peru" or "Chilean-Peruvian": the countries it names, not one entity."""
    span = text[c.start : c.end]
    glue = "-" if "-" in span else "/"
    if glue not in span:
        return None  # "U.S./Japan" is two countries too
    pieces, out, offset = span.split(glue), [], c.start
    for piece in pieces:
        place = lex.gazetteer.places.get(piece)
        demonym = lex.gazetteer.demonyms.get(piece)
        if place is None and demonym is None:
            return None
        if place is not None:
            out.append(Candidate(offset, offset + len(piece), "GPE", place.country, fixed=True))
        offset += len(piece) + 1
    return out


_CAPITALISED_AFTER_ABBREVIATION = re.compile(
    r"\b[a-z]+\s+(?:[A-Z]\.){2,}\s+(?:From|And|To|In|The|Is|Was|Will|Would|Has|Had|Of|For|On|At|By"
    r"|With|As|That|Which|Where|Who|Should|Could|Can|May|Must|Did|Does|Are|Were|Rose|Fell)\b"
)


@lru_cache(maxsize=4)
def _capitalises_after_abbreviations(text: str) -> bool:
    """Wire copy that capitalises whatever word follows "U.S.", even in mid-sentence ("the
    U.S. From ..."): in such an article a capital after an abbreviation says nothing."""
    return _CAPITALISED_AFTER_ABBREVIATION.search(text) is not None


def _common_words(words: str, text: str) -> bool:
    """Every word is written in lower case somewhere in the article: common words."""
    return all(next(whole_words([w.lower()], text), None) for w in words.split())


def _strip_prefix(c: Candidate, text: str, lex: Lexicon) -> Candidate | None:
    """A country, a demonym or a title glued to the front of a name becomes its attribute."""
    while True:
        span = text[c.start : c.end]
        # the pattern holds a possessive: where none is written it need not be tried
        possessive = _POSSESSIVE_PREFIX.match(span) if "'s" in span or "’s" in span else None
        if possessive and lex.country_of(possessive.group("owner")):
            c.country = c.country or lex.country_of(possessive.group("owner"))
            c.start += possessive.start("rest")
            continue
        rest_words = possessive.group("rest").split() if possessive else []
        if len(rest_words) >= 2 and lex.heads.get(rest_words[0]) == "ORG" and c.label != "PERSON":
            c.start += possessive.start("rest")  # type: ignore[union-attr]
            continue  # "the minister's Ministry of Trade": the owner is no part of the name
        first, _, rest = span.partition(" ")
        if not rest:
            return c
        if lex.country_of(first) and rest[:1].isupper():
            titled = any(lex.titles.get(" ".join(rest.split()[:n])) for n in (1, 2, 3))
            if first.endswith(".") and (
                _common_words(rest, text)
                or (
                    _capitalises_after_abbreviations(text)
                    and not any(w in lex.heads for w in rest.split())
                )
            ):
                c.end, c.label, c.fixed = c.start + len(first), "GPE", True
                c.country = lex.country_of(first)
                return c  # "U.S. Sanctions": capitalised only after the abbreviation's period
            if c.label != "PERSON" and not titled:
                if c.label in ("ORG", "FAC"):
                    c.country = c.country or lex.country_of(first)
                return c  # "Chilean Embassy", "Arabian Peninsula": the word belongs to the name
            if first in lex.gazetteer.demonyms:  # "Chilean Ana ..."; a country name before a
                c.country = c.country or lex.country_of(first)  # person ends the phrase before
            c.start += len(first) + 1
            continue
        words = span.split(" ")
        for size in (3, 2, 1) if words[0] in lex.title_first_words else ():  # else none opens it
            head = " ".join(words[:size])
            title = lex.titles.get(head)
            if title is not None and len(words) > size:
                if _ORG_GLUE.search(" ".join(words[size:])):
                    return c  # "General Agreement on Tariffs": a title word opens a name
                if title.kind != "honorific":
                    c.roles.append(title.role)
                c.label, c.fixed = "PERSON", True
                if title.kind == "regnal":
                    return c  # "Pope Francis" is the name
                c.start += len(head) + 1
                break
        else:
            return c
        if c.start >= c.end:
            return None


def refine(c: Candidate, text: str, lex: Lexicon) -> list[Candidate]:
    trimmed = trim(c, text)
    if trimmed is None:
        return []
    c = trimmed
    span = text[c.start : c.end]
    if " (" in span:  # "World Health Organisation (WHO": the name ends before its acronym
        c.end = c.start + span.index(" (")
        span = text[c.start : c.end]
    if _BRACKET.search(span) or not any(map(str.isupper, span)):  # no generator step per letter
        return []
    shouted = span.isupper() and len(span) > 3  # a dateline: "ASTANA –"
    # "USSR", "DPRK" are written so; a shouted dateline ("ASTANA –") is the place's name too
    place = lex.gazetteer.places.get(span) or (
        lex.gazetteer.places.get(span.title()) if shouted else None
    )
    if place is not None:
        return [Candidate(c.start, c.end, "GPE", place.country, fixed=True)]
    if shouted and c.label == "PERSON":
        return []
    region = data.regions().get(span)
    if region is not None:  # "Nagorno Karabakh", which the tagger may call a person
        return [Candidate(c.start, c.end, region[1], fixed=True, source=c.source)]
    demonym = lex.gazetteer.demonyms.get(span)
    if demonym is not None:
        return [Candidate(c.start, c.end, "NORP", demonym, fixed=True)]
    parts = _split_compound(c, text, lex)
    if parts is not None:
        return parts
    stripped = _strip_prefix(c, text, lex)
    if stripped is None:
        return []
    c = stripped
    extend(c, text)
    _extend_with_place(c, text, lex)
    span = text[c.start : c.end]
    words = span.split()
    if not words or words[-1][:1].islower() or words[-1][:1].isdigit():
        return []  # "the Chilean party": a description, not a name
    if lex.heads.get(words[-1]) == "AWARD" or (
        len(words) > 2 and lex.heads.get(words[0]) == "AWARD" and words[1] == "of"
    ):
        return []  # "Order of Friendship", "Peace Prize": an award, no person or place
    if c.label == "PERSON" and len(words) >= 3 and lex.country_of(words[-1]):
        c.end = c.start + len(span) - len(words[-1]) - 1  # "Ana Ruiz Chile": a caption's country
        c.country = c.country or lex.country_of(words[-1])
        words = words[:-1]
    head = lex.heads.get(words[-1])
    if len(words) == 1 and (head or lex.titles.get(span)):
        return []  # "Embassy", "Minister": a common noun on its own
    if text.endswith(lex.title_tails.get(words[-1], ()), 0, c.end):  # any of them
        return []  # "State" in "Head of State"
    if head and not (c.label in ("GPE", "LOC") and head in ("GPE", "LOC")):
        c.label, c.fixed = head, True
    return [c]


def from_spacy(doc: Doc, text: str, lex: Lexicon) -> list[Candidate]:
    # `text` is passed in: Doc.text rebuilds the string from every token on each access.
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS:
            c = Candidate(ent.start_char, ent.end_char, ent.label_)
            out.extend(refine(c, text, lex))
    return out


def from_gazetteer(doc: Doc, text: str, lex: Lexicon) -> list[Candidate]:
    """Countries, capitals and demonyms written anywhere, whether spaCy saw them or not."""
    out = []
    place_id = doc.vocab.strings["PLACE"]
    for match_id, start, end in lex.matcher(doc):
        # the span's characters from its tokens, read in `text` (the Doc's own text)
        last = doc[end - 1]
        start_char, end_char = doc[start].idx, last.idx + len(last)
        form = text[start_char:end_char]
        if match_id == place_id:
            place = lex.gazetteer.places[form]
            out.append(Candidate(start_char, end_char, "GPE", place.country, fixed=True))
        else:
            code = lex.gazetteer.demonyms[form]
            out.append(Candidate(start_char, end_char, "NORP", code, fixed=True))
    return out


def from_name_heads(text: str, lex: Lexicon) -> list[Candidate]:
    """Capitalised names ending in a word that says what they are: "Zuma Rock Monument"."""
    out = []
    for match in matches_at(lex.head_pattern.pattern, text, _head_starts(text, lex)):
        c = Candidate(match.start(1), match.end(1), lex.heads[match.group("head")], source="head")
        out.extend(refine(c, text, lex))
    return out


def _head_starts(text: str, lex: Lexicon) -> list[int]:
    """The capitals where a name ending in a head can begin, in order: those with a head
    written after them before the first character no such name holds ahead of its head (a
    comma, a quotation mark, a figure's sign). The head pattern, tried only there, finds what
    its search over every capital finds (matching.matches_at), in a third of the tries.

    Why none is missed: a name read from a capital at `at` has its head at some later place,
    and in between only the letters, figures, apostrophes, hyphens, ampersands, periods and
    spaces of capitalised words and of "and"; so the head begins before or at that first other
    character. Every place a head is written lies inside one of the heads the search for them
    finds (one it skips begins inside the one found before it); so the first found that ends
    beyond `at` + 1 begins before or at that character too."""
    heads = [m.span() for m in lex.head_word.finditer(text)]
    if not heads:
        return []
    ends = [end for _, end in heads]
    starts, after = [], -1  # `after`: the first such character at or after the last capital
    for capital in lex.head_pattern.starts.finditer(text):
        at = capital.start()
        first = bisect_left(ends, at + 2)
        if first == len(ends):
            break  # no head ends after this capital, nor after any later one
        if after < at:  # looked for again only past it; beyond the last head, the text's end
            found = _NO_NAME_BEFORE_HEAD.search(text, at, ends[-1])  # stands for them all
            after = found.start() if found else len(text)
        if heads[first][0] <= after:
            starts.append(at)
    return starts


def _plain_name(name: str, lex: Lexicon) -> bool:
    """Capitalised words that can be a name: not a place, a demonym, a title or a name head,
    nor the end of an institution's name ("National Assembly Park" after "Speaker of the X")."""
    words = name.split()
    return not (
        name in lex.gazetteer.places
        or name in lex.gazetteer.demonyms
        or words[-1] in lex.titles
        or words[0] in lex.gazetteer.demonyms
        or any(w in lex.heads for w in words)
    )


def from_titles_and_descriptors(text: str, lex: Lexicon) -> list[Candidate]:
    """Names spaCy missed but the words before them announce: "boxer Gennady Golovkin",
    "the Nigerian writer Chimamanda Adichie", "the Brazilian company WEG Equipamentos"."""
    out = []
    # each pattern opens with a word of its list: tried only where one scan finds either's
    starts = [m.start() for m in lex.name_announcer.finditer(text)]
    for match in matches_at(lex.titled_name, text, starts):
        title = lex.titles[match.group("title")]
        if title.kind == "occupation" and match.group("title")[0].isupper():
            continue  # "Writer" at the start of a sentence is no occupation
        if _THING_GOES_ON.match(text, match.end("name")):
            continue  # "General Agreement on Tariffs": the title word opens the name of a thing
        if _plain_name(match.group("name"), lex):
            c = Candidate(
                match.start("name"), match.end("name"), "PERSON", fixed=True, source="title"
            )
            out.extend(refine(c, text, lex))
    for match in matches_at(lex.described_name, text, starts):
        if _plain_name(match.group("name"), lex):
            label = lex.descriptors[match.group("descriptor")]
            c = Candidate(match.start("name"), match.end("name"), label, source="title")
            out.extend(refine(c, text, lex))
    return out


def from_institutions(text: str, lex: Lexicon) -> list[Candidate]:
    """Institutions named after their state: "Embassy of Brazil in Abuja", "Nigerian Embassy"."""
    out: list[Candidate] = []
    if not lex.institution_head.search(text):  # one scan, not one per head
        return out  # most articles name no embassy: skip the long pattern
    for match in lex.institution.finditer(text):
        country = lex.country_of(match.group("owner")) or lex.country_of(match.group("of"))
        if country is None:
            continue
        owner = match.group("owner") or ""
        # "China's Ministry of Commerce" is the Ministry of Commerce, of China
        start = match.start("head") if owner.endswith(("'s", "’s")) else match.start()
        out.append(Candidate(start, match.end(), "ORG", country, fixed=True, source="institution"))
    return out


@lru_cache(maxsize=1)
def region_pattern() -> re.Pattern[str]:
    forms = after_none_of(data.regions(), not_after=r"\w-")
    return re.compile(rf"(?:{forms})(?![\w-])")


def from_regions(text: str) -> list[Candidate]:
    """World regions and territories ("Indo-Pacific", "Nagorno Karabakh") from the knowledge
    file: the tagger calls them people or misses them."""
    regions = data.regions()
    return [
        Candidate(m.start(), m.end(), regions[m.group(0)][1], fixed=True, source="region")
        for m in region_pattern().finditer(text)
    ]
