"""People the knowledge files know (data/people.tsv, from PETRARCH2's actors to 2015): a name
the tagger typed as an organisation or a place is a person, and a person an article names
without a country gets the one the person served."""

from __future__ import annotations

import re
from functools import cache

from bilateral import data
from bilateral.extract.candidates import Candidate
from bilateral.naming import ascii_fold, words

_RETYPED = ("ORG", "GPE", "LOC", "FAC")
_NOT_LETTER = re.compile(r"[^a-z0-9]+")


def _key(name: str) -> str:
    # lighter than naming.fold, whose cache the thirty thousand names would only flush
    return _NOT_LETTER.sub("", ascii_fold(name).lower())


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
    return index().get(_key(name))


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
