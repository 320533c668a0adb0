"""People and bodies of states the knowledge files know (data/people.tsv and data/bodies.tsv,
from PETRARCH2's actors to 2015): a name the tagger typed as an organisation or a place is a
person, a person an article names without a country gets the one the person served, and an
organisation named without its country ("the Kremlin", "the Knesset") gets its state's."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from bilateral import data
from bilateral.extract.candidates import Candidate
from bilateral.naming import ascii_fold, words

_RETYPED = ("ORG", "GPE", "LOC", "FAC")
_NOT_LETTER = re.compile(r"[^a-z0-9]+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _key(name: str) -> str:
    # lighter than naming.fold, whose cache the thirty thousand names would only flush
    return _NOT_LETTER.sub("", ascii_fold(name).lower())


@lru_cache(maxsize=16384)
def _written_key(name: str) -> str:
    """The key of a name an article writes: the same names come back article after article,
    where the index's thirty thousand are keyed once each."""
    return _key(name)


@cache
def index() -> dict[str, data.KnownPerson]:
    found: dict[str, data.KnownPerson] = {}
    taken: set[str] = set()
    for person in data.people():
        for form in (person.name, *person.aliases):
            if len(form.split()) < 2:
                continue
            key = _key(form)
            if key in taken:
                continue
            if key in found and found[key].country != person.country:
                del found[key]  # two people of two countries: it says nothing
                taken.add(key)
                continue
            found[key] = person
    return found


def known_person(name: str) -> data.KnownPerson | None:
    """The known person a full name (two words or more) names."""
    if len(words(name)) < 2:
        return None
    return index().get(_written_key(name))


def retype(cands: list[Candidate], text: str) -> None:
    """A name the tagger guessed to be an organisation or a place, but that is a known
    person's full name, is that person."""
    for c in cands:
        if c.fixed or c.label not in _RETYPED:
            continue
        person = known_person(text[c.start : c.end])
        if person is not None:
            c.label, c.fixed = "PERSON", True
            c.country = c.country or person.country


@cache
def body_index() -> dict[str, str]:
    """The folded name of a state's body -> its country."""
    return {_key(name): country for name, country, _ in data.bodies()}


def place_bodies(cands: list[Candidate], text: str, when: str | None = None) -> None:
    """An organisation without a country that is a known body of a state is that state's: at
    once where its name is one word ("Kremlin", "Knesset"), and where it is longer or an
    acronym only if the article names that state too ("Federal Reserve", "NSC"). In an article
    written (`when`) before a historical state ceased, a body of the state that holds its
    capital now was that state's: the Kremlin of 1987 is the Soviet Union's."""
    named = {c.country for c in cands if c.label in ("GPE", "NORP") and c.country}
    for c in cands:
        if c.country is not None or c.label not in _RETYPED:
            continue
        name = _LEADING_THE.sub("", text[c.start : c.end])
        country = body_index().get(_written_key(name))
        if country is None:
            continue
        # a body of a state whose capital then belonged to a historical state was that one's
        then = data.gazetteer().state_then(country, when) or country
        # an acronym ("NSC") may stand for anything else too, a company's ticker among them
        if (len(words(name)) > 1 or name.isupper()) and not {country, then} & named:
            continue
        c.country = then
