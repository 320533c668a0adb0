"""Loads the knowledge files beside this module. See README.md here for sources and licences."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-3, or a stable code of ours for a historical state
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    capital_aliases: tuple[str, ...]
    ended: str = ""  # ISO date a historical state ceased to exist; empty while it exists


@dataclass(frozen=True)
class Title:
    surface: str
    role: str
    kind: str  # office, honorific or occupation


@dataclass(frozen=True)
class Place:
    """A place known by name: a country (kind "country") or a capital (kind "capital")."""

    name: str  # canonical: the country's common name, or the capital's current name
    country: str
    kind: str


@dataclass(frozen=True)
class Gazetteer:
    """Every written form of a country, capital or demonym, mapped to what it denotes."""

    countries: dict[str, Country]
    places: dict[str, Place]  # surface form -> place
    demonyms: dict[str, str]  # surface form -> country code
    # capital form -> the historical states whose capital it was too, earliest ended first
    former_capitals: dict[str, tuple[Country, ...]] = field(default_factory=dict)

    def country_name(self, code: str) -> str:
        country = self.countries.get(code)
        return country.name if country else code

    def capital_of_then(self, form: str, when: str | None) -> str | None:
        """The historical state whose capital `form` was on an ISO date, partial or whole
        ("Moscow" in 1987: SUN), or None."""
        for state in self.former_capitals.get(form, ()):
            if when and when[: len(state.ended)] < state.ended[: len(when)]:
                return state.code
        return None

    def state_then(self, code: str, when: str | None) -> str | None:
        """The historical state that a country's capital belonged to on an ISO date, where it
        belonged to one: the Kremlin, Russia's, was the Soviet Union's in 1987 (SUN)."""
        capital = self.countries[code].capital if code in self.countries else ""
        return self.capital_of_then(capital, when) if capital else None


def _rows(filename: str) -> Iterator[list[str]]:
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


@cache
def countries() -> tuple[Country, ...]:
    out = []
    for row in _rows("countries.tsv"):
        code, name, aliases, demonyms, capital, capital_aliases, ended = (row + [""] * 7)[:7]
        out.append(
            Country(
                code=code.strip(),
                name=name.strip(),
                aliases=_split(aliases),
                demonyms=_split(demonyms),
                capital=capital.strip(),
                capital_aliases=_split(capital_aliases),
                ended=ended.strip(),
            )
        )
    return tuple(out)


@cache
def gazetteer() -> Gazetteer:
    places: dict[str, Place] = {}
    demonyms: dict[str, str] = {}
    by_code = {c.code: c for c in countries()}
    # Countries first, so a city that shares a country's name ("Singapore") stays the country.
    for c in countries():
        for form in (c.name, *c.aliases):
            places.setdefault(form, Place(c.name, c.code, "country"))
    for c in countries():
        for form in (c.capital, *c.capital_aliases):
            if form:
                places.setdefault(form, Place(c.capital, c.code, "capital"))
        for form in c.demonyms:
            demonyms.setdefault(form, c.code)
    former: dict[str, list[Country]] = {}
    for c in sorted(countries(), key=lambda c: c.ended):
        for form in (c.capital, *c.capital_aliases):
            taken = places.get(form)
            if c.ended and form and taken is not None and taken.country != c.code:
                former.setdefault(form, []).append(c)  # a successor's row came first
    frozen = {k: tuple(v) for k, v in former.items()}
    return Gazetteer(countries=by_code, places=places, demonyms=demonyms, former_capitals=frozen)


@cache
def titles() -> dict[str, Title]:
    return {row[0]: Title(row[0], row[1], row[2]) for row in _rows("titles.tsv")}


@cache
def name_heads() -> dict[str, str]:
    """Last word of a name -> the entity type it gives."""
    return {row[0]: row[1] for row in _rows("name_heads.tsv")}


@cache
def national_institutions() -> tuple[str, ...]:
    """Heads of institutions named after their state: Embassy, Consulate General, Ministry..."""
    return tuple(row[0] for row in _rows("name_heads.tsv") if len(row) > 2 and row[2] == "yes")


@cache
def legal_forms() -> tuple[str, ...]:
    """Heads that give a company's legal form (Ltd, Plc), which a name is also written without."""
    return tuple(row[0] for row in _rows("name_heads.tsv") if len(row) > 2 and row[2] == "legal")


@dataclass(frozen=True)
class KnownPerson:
    name: str
    country: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]  # CAMEO sector:start/end


@cache
def people() -> tuple[KnownPerson, ...]:
    """People with the country they served and their dated roles (built from PETRARCH2)."""
    return tuple(
        KnownPerson(row[0], row[1], _split(row[2]), _split(row[3]) if len(row) > 3 else ())
        for row in _rows("people.tsv")
    )


@cache
def bodies() -> tuple[tuple[str, str, str], ...]:
    """(name, country, sectors) of the bodies of states (built from PETRARCH2): "Kremlin"."""
    return tuple((row[0], row[1], row[2]) for row in _rows("bodies.tsv"))


@cache
def agents() -> dict[str, str]:
    """A noun for a person -> its CAMEO sector (built from PETRARCH2)."""
    return {row[0]: row[1] for row in _rows("agents.tsv")}


@cache
def regions() -> dict[str, tuple[str, str]]:
    """Every written form of a region or territory -> (its name, its entity type)."""
    out: dict[str, tuple[str, str]] = {}
    for row in _rows("regions.tsv"):
        for form in (row[0], *_split(row[2] if len(row) > 2 else "")):
            out[form] = (row[0], row[1])
    return out


@cache
def descriptors() -> dict[str, str]:
    """A common noun before a name -> the entity type of the name ("company" -> ORG)."""
    return {row[0]: row[1] for row in _rows("descriptors.tsv")}


@dataclass(frozen=True)
class Currency:
    code: str
    symbols: tuple[str, ...]
    names: tuple[str, ...]


@cache
def currencies() -> tuple[Currency, ...]:
    return tuple(
        Currency(row[0], _split(row[1]), _split(row[2] if len(row) > 2 else ""))
        for row in _rows("currencies.tsv")
    )


@cache
def dollar_domains() -> dict[str, str]:
    """Country-code top-level domain -> the currency a bare "$" means in an outlet there."""
    return {row[0].lower(): row[1] for row in _rows("dollar_domains.tsv")}


@cache
def quantities() -> dict[str, str]:
    """Words of a physical quantity after a number ("metric tonnes") -> the unit recorded."""
    return {row[0].lower(): row[1] for row in _rows("quantities.tsv")}


@cache
def scales() -> dict[str, tuple[float, bool]]:
    """Scale word -> (multiplier, may be glued to the digits)."""
    return {row[0]: (float(row[1]), row[2] == "yes") for row in _rows("scales.tsv")}


@cache
def hedges() -> dict[str, str]:
    """Words before a figure -> the contract's approx word (over, about, nearly, up to)."""
    return {row[0]: row[1] for row in _rows("hedges.tsv")}


@dataclass(frozen=True)
class MetricWord:
    metric: str
    kind: str  # cue, noun, rank, cumulative, flow
    phrase: str


@cache
def metric_words() -> tuple[MetricWord, ...]:
    return tuple(MetricWord(row[0], row[1], row[2]) for row in _rows("metrics.tsv"))


@dataclass(frozen=True)
class EventCue:
    type: str  # a PLOVER category
    subtype: str
    pattern: str  # a case-insensitive regular expression without capturing groups
    keys: tuple[str, ...]  # lower-case words of which one must be in a text for a match
    once: bool  # two countries do this once: differing dates are a contradiction
    mode: str = ""  # the PLOVER mode, where the cue says it
    paired: bool = False  # a general word: an event only where two countries are named
    in_clause: bool = False  # ... named in the cue's own clause


@cache
def event_cues() -> tuple[EventCue, ...]:
    return tuple(
        EventCue(
            row[0],
            row[1],
            row[2],
            _split(row[3]),
            row[4] == "yes",
            _cell(row, 5),
            _cell(row, 6) in ("pair", "clause"),
            _cell(row, 6) == "clause",
        )
        for row in _rows("events.tsv")
    )


@dataclass(frozen=True)
class QuestionCue:
    kind: str  # a question kind, or topic, more, less, equal, skip
    pattern: str  # a case-insensitive regular expression without capturing groups
    value: str = ""  # for kind "event": the PLOVER types the words ask about, "|"-separated


@cache
def question_cues() -> tuple[QuestionCue, ...]:
    """The words that tell what a question asks for (see questions.tsv)."""
    return tuple(
        QuestionCue(row[0], row[1], row[2].strip() if len(row) > 2 else "")
        for row in _rows("questions.tsv")
    )


def _cell(row: list[str], index: int) -> str:
    return row[index].strip() if len(row) > index else ""


@dataclass(frozen=True)
class EventVerb:
    """A written form of a CAMEO verb with the PLOVER category it signals by itself."""

    form: str
    verb: str  # its base form
    block: str  # the CAMEO verb block it belongs to, the key of its phrases
    cameo: str
    type: str
    mode: str
    also: tuple[str, ...] = ()  # the other blocks it is listed in: their phrases hold for it too

    @property
    def blocks(self) -> tuple[str, ...]:
        """Every block whose phrases the form takes, its own (which gave its category) first."""
        return (self.block, *self.also)


@dataclass(frozen=True)
class EventPhrase:
    """A CAMEO verb pattern: the verb with words before or after it, and the category then."""

    block: str
    before: tuple[tuple[str, ...], ...]  # each word as its alternatives
    after: tuple[tuple[str, ...], ...]
    cameo: str
    type: str
    mode: str


@cache
def event_verbs() -> dict[str, EventVerb]:
    """Written form -> verb (built from PETRARCH2's CAMEO dictionary, see README.md)."""
    return {
        row[0]: EventVerb(
            row[0], row[1], row[2], row[3], row[4], _cell(row, 5), _split(_cell(row, 6))
        )
        for row in _rows("event_verbs.tsv")
    }


@cache
def event_nouns() -> dict[str, str]:
    """Noun that names the act of a CAMEO verb -> the verb ("refusal" -> "refuse")."""
    return {row[0]: row[1] for row in _rows("event_nouns.tsv")}


def _words(cell: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.split("|")) for w in cell.split())


@cache
def event_phrases() -> dict[str, tuple[EventPhrase, ...]]:
    """Verb block -> its phrases, the longest first."""
    out: dict[str, list[EventPhrase]] = {}
    for row in _rows("event_phrases.tsv"):
        phrase = EventPhrase(row[0], _words(row[1]), _words(row[2]), row[3], row[4], _cell(row, 5))
        out.setdefault(row[0], []).append(phrase)
    return {
        k: tuple(sorted(v, key=lambda p: -(len(p.before) + len(p.after)))) for k, v in out.items()
    }


@cache
def event_agents() -> dict[str, tuple[str, ...]]:
    """Agent noun (protesters, police, ministry) -> its sector codes (built from PETRARCH2)."""
    return {row[0]: _split(row[1]) for row in _rows("event_agents.tsv")}


@cache
def event_grammar() -> dict[str, tuple[str, ...]]:
    """Kind (negation, conditional, reported, ambiguous_verb, embedding...) -> its words."""
    out: dict[str, list[str]] = {}
    for row in _rows("event_grammar.tsv"):
        out.setdefault(row[0], []).extend(_split(row[1]))
    return {k: tuple(v) for k, v in out.items()}


@cache
def combining_forms() -> dict[str, str]:
    """Combining form of a country's name ("Sino", "Franco") -> the country's code."""
    return {row[0].strip(): row[1].strip() for row in _rows("combining_forms.tsv")}


@cache
def speech() -> dict[str, str]:
    """Words of attribution -> verb, source or pronoun."""
    return {row[0]: row[1] for row in _rows("speech.tsv")}


@cache
def months() -> dict[str, int]:
    """Lower-case month name or abbreviation -> its number."""
    return {name: int(row[0]) for row in _rows("months.tsv") for name in _split(row[1])}


@cache
def boilerplate() -> dict[str, str]:
    return {row[0]: row[1] for row in _rows("boilerplate.tsv")}


__all__ = [
    "Country",
    "Currency",
    "EventCue",
    "EventPhrase",
    "EventVerb",
    "Gazetteer",
    "MetricWord",
    "Place",
    "QuestionCue",
    "Title",
    "boilerplate",
    "combining_forms",
    "countries",
    "currencies",
    "descriptors",
    "dollar_domains",
    "event_agents",
    "event_cues",
    "event_grammar",
    "event_nouns",
    "event_phrases",
    "event_verbs",
    "gazetteer",
    "hedges",
    "metric_words",
    "months",
    "name_heads",
    "national_institutions",
    "quantities",
    "question_cues",
    "scales",
    "speech",
    "titles",
]
