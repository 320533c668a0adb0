"""The knowledge files turned into matchers: built once per extractor, used on every document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from bilateral import data
from bilateral.extract.matching import ODD_CASE, Anchored, alternation

_POSSESSIVE_END = re.compile(r"['’]s$")
_LEADING_THE = re.compile(r"^the\s+")


def _alternation(forms: list[str], ignorecase: bool = False) -> str:
    """The forms as one pattern (a tree of shared beginnings, see matching.py), shaped for
    a pattern compiled with IGNORECASE or without it."""
    return alternation(forms, ignorecase)


def _tails(phrases: list[str]) -> dict[str, tuple[str, ...]]:
    tails: dict[str, list[str]] = {}
    for phrase in phrases:
        tails.setdefault(phrase.split()[-1], []).append(phrase)
    return {k: tuple(v) for k, v in tails.items()}


@dataclass
class Lexicon:
    gazetteer: data.Gazetteer
    titles: dict[str, data.Title]
    heads: dict[str, str]
    matcher: PhraseMatcher
    title_before: re.Pattern[str]  # a title chain that ends just before a name
    title_word: re.Pattern[str]  # any title at all: a cheap test before the chain patterns
    lower_title_word: re.Pattern[str]  # its titles of ASCII letters, lower-cased: a quicker test
    other_title_word: re.Pattern[str] | None  # the others, ignoring case (see writes_a_title)
    # the same, where it can find a title in ASCII text: an accented title whose letters beyond
    # ASCII are all odd ones (matching.ODD_CASE, the only ones that match an ASCII letter)
    ascii_other_title_word: re.Pattern[str] | None
    title_after: re.Pattern[str]  # ", Brazil's ambassador to Nigeria," just after a name
    head_pattern: Anchored  # capitalised words ending in a name head: "Zuma Rock Monument"
    head_word: re.Pattern[str]  # a head of head_pattern on its own, wherever it is written
    institution: re.Pattern[str]  # "Embassy of Brazil in Abuja", "Nigerian Embassy"
    scope: re.Pattern[str]  # one " of X" / " to X" of a title chain
    appositive_facility: re.Pattern[str]  # ", the presidential palace"
    titled_name: re.Pattern[str]  # "boxer Gennady Golovkin", "Minister of X of Y Aleksey Tsoi"
    described_name: re.Pattern[str]  # "the Brazilian company WEG Equipamentos"
    # where a word that opens titled_name or described_name begins: one scan finds the places
    # both are tried at, instead of one scan of the text each
    name_announcer: re.Pattern[str]
    descriptors: dict[str, str]
    title_tails: dict[str, tuple[str, ...]]  # last word -> the titles of several words it ends
    title_first_words: frozenset[str]  # the first word of each title, split at spaces
    institution_head: re.Pattern[str]  # any head of institution, wherever it is written

    @classmethod
    def build(cls, nlp: Language) -> Lexicon:
        gaz = data.gazetteer()
        titles = data.titles()
        matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        matcher.add("PLACE", [nlp.make_doc(form) for form in gaz.places])
        matcher.add("NORP", [nlp.make_doc(form) for form in gaz.demonyms])
        country_forms = [f for f, p in gaz.places.items() if p.kind == "country"]
        places = _alternation(country_forms)
        demonyms = _alternation(list(gaz.demonyms))
        title_forms = _alternation(list(titles))
        lower_titles = _alternation([t.lower() for t in titles if t[0].isupper()], True)
        # wire copy writes offices in any case before a name: "Deputy prime minister Kim Su"
        offices = _alternation([t for t, v in titles.items() if v.kind == "office"], True)

        def owner_and_scope(ignorecase: bool) -> tuple[str, str]:
            """A title's owner ("Brazil's", "Brazilian") and one of its scopes (" to Nigeria"),
            for a pattern that ignores case or one that does not."""
            country = _alternation(country_forms, ignorecase)
            demonym = _alternation(list(gaz.demonyms), ignorecase)
            owner = rf"(?P<owner>(?:{country})['’]s|{demonym}|{country})"
            proper = r"[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*"
            scope = rf"(?:\s+(?P<prep>of|to|for|in)\s+(?:the\s+)?(?P<target>{country}|{proper}))"
            return owner, scope

        owner, scope = owner_and_scope(ignorecase=False)
        any_case_owner, any_case_scope = owner_and_scope(ignorecase=True)
        any_case_titles = _alternation(list(titles), True)
        facility_words = _alternation(
            [h.lower() for h, t in data.name_heads().items() if t == "FAC"]
        )
        title_before = re.compile(
            rf"(?:\b{owner}\s+)?\b(?P<title>{title_forms}|(?i:{offices}))(?P<scopes>(?:{scope})*)\s*$"
        )
        title_after = re.compile(
            rf"^,\s+(?:the\s+|an?\s+)?(?:{any_case_owner}\s+)?"
            rf"(?P<title>{lower_titles}|{any_case_titles})(?P<scopes>(?:{any_case_scope})*)\s*[,.;]",
            re.IGNORECASE,
        )
        heads = data.name_heads()
        legal_words = _alternation(list(data.legal_forms()))
        complement = r"[A-Z][\w'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w'’-]*){0,4}"
        head_forms = [h for h in heads if h[:1].isupper() and not h.endswith(".")]
        head_words = _alternation(head_forms)
        all_places = _alternation(list(gaz.places))
        national = _alternation(list(data.national_institutions()))
        institution = re.compile(
            rf"(?<![\w-])(?:(?P<owner>{demonyms}|(?:{places})['’]s)\s+)?(?P<head>{national})"
            rf"(?:\s+(?:of|for|on)\s+(?!(?:the\s+)?(?:{places})\b)"  # "Ministry of Commerce"
            rf"(?P<field>[A-Z][\w'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w'’-]*){{0,4}}))?"
            rf"(?:\s+of\s+(?:the\s+)?(?P<of>{places}))?(?:\s+in\s+(?P<city>{all_places}))?\b"
        )
        name = r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
        person_titles = _alternation([t for t, v in titles.items() if v.kind != "honorific"])
        descriptors = data.descriptors()
        titled_name = re.compile(rf"\b(?P<title>{person_titles})(?P<scopes>(?:{scope})*)\s+{name}")
        described_name = re.compile(
            rf"\b(?P<descriptor>{_alternation(list(descriptors))})(?:\s+of)?\s+{name}"
        )
        # a lookahead, so that every place is found, those inside another's word as well
        announcers = [t for t, v in titles.items() if v.kind != "honorific"] + list(descriptors)
        name_announcer = re.compile(rf"\b(?={_alternation(announcers)})")
        head_pattern = re.compile(
            rf"(?<![\w.-])((?:[A-Z][\w'’-]*\s+(?:and|&)\s+(?=(?:[A-Z][\w'’&-]*\.?\s+){{1,3}}"
            rf"(?:{legal_words})\b))?"  # "Acme and Sons Ltd": "and" only before a legal form
            # a word ending in a period inside a name is short ("Co.", "U.S."): "Canada. The" is two
            rf"(?:(?:[A-Z]\.){{2,}}\s+|[A-Z][\w'’&-]{{0,2}}\.\s+|[A-Z][\w'’&-]*\s+){{1,5}}"
            rf"(?P<head>{head_words})"
            rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{complement})?)(?![\w-])"  # "Bank of X"
        )
        title_word = re.compile(rf"\b(?:{any_case_titles})(?!\w)", re.IGNORECASE)
        ascii_titles = [t for t in titles if t.isascii()]
        other_titles = [t for t in titles if not t.isascii()]
        other_title_word = (
            re.compile(rf"\b(?:{_alternation(other_titles, True)})(?!\w)", re.IGNORECASE)
            if other_titles
            else None
        )
        in_ascii = any(all(c.isascii() or ODD_CASE.match(c) for c in t) for t in other_titles)
        return cls(
            gazetteer=gaz,
            title_word=title_word,
            lower_title_word=re.compile(
                rf"\b(?:{_alternation([t.lower() for t in ascii_titles])})(?!\w)"
            ),
            other_title_word=other_title_word,
            ascii_other_title_word=other_title_word if in_ascii else None,
            titles={**titles, **{t.lower(): v for t, v in titles.items()}},
            heads=heads,
            matcher=matcher,
            title_before=title_before,
            title_after=title_after,
            head_pattern=Anchored.of(head_pattern, "A-Z", r"\w.-"),  # each begins with a capital
            head_word=re.compile(alternation(head_forms, ignorecase=False, guard=False)),
            institution=institution,
            scope=re.compile(scope),
            titled_name=titled_name,
            described_name=described_name,
            name_announcer=name_announcer,
            descriptors=descriptors,
            title_tails=_tails([t for t in titles if " " in t]),
            title_first_words=frozenset(
                t.split(" ")[0] for t in (*titles, *map(str.lower, titles))
            ),
            institution_head=re.compile(alternation(data.national_institutions(), False, False)),
            appositive_facility=re.compile(
                rf"^,\s+(?:the|a)\s+(?:[a-z]+\s+){{0,3}}(?:{facility_words})\b"
            ),
        )

    def writes_a_title(self, window: str) -> bool:
        """Whether title_word finds a title in the window (a cheap test before the chains).
        The titles written in ASCII are looked for lower-cased, in the window lower-cased, by
        a pattern that minds case, quicker than one that ignores it; the others (a letter
        with an accent) by a pattern of their own that ignores case, and so is the window
        where it holds one of the letters whose case folds oddly. The same answer: a title is
        found in the window when one of them is. An ASCII letter of a pattern that ignores
        case matches a letter exactly when the letter lower-cases into it, except for those
        odd letters (matching.ODD_CASE); a letter lower-cases into one letter, and a word
        character into one (no character changes being one or not). A window in ASCII (most
        are) holds no odd letter, and no letter an accented title's own ones match, except
        where they are odd letters too: tested by isascii() rather than by two searches."""
        if window.isascii():
            other = self.ascii_other_title_word
            return self.lower_title_word.search(window.lower()) is not None or (
                other is not None and other.search(window) is not None
            )
        if ODD_CASE.search(window):
            return self.title_word.search(window) is not None
        if self.lower_title_word.search(window.lower()):
            return True
        return self.other_title_word is not None and bool(self.other_title_word.search(window))

    def title(self, surface: str) -> data.Title:
        """The title a matched surface names, in whatever case it was written."""
        return self.titles.get(surface) or self.titles[surface.lower()]

    def country_of(self, form: str | None) -> str | None:
        """The country a country name, its possessive or a demonym denotes."""
        if not form:
            return None
        form = form.strip()
        # each pattern needs its words written: tried only where they are
        if form.endswith(("'s", "’s")):
            form = _POSSESSIVE_END.sub("", form)
        if form.startswith("the"):
            form = _LEADING_THE.sub("", form)
        place = self.gazetteer.places.get(form)
        if place and place.kind == "country":
            return place.country
        return self.gazetteer.demonyms.get(form)
