"""The words and records of attribution: who a speaker is, and the patterns that find one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilateral import data
from bilateral.extract.matching import alternation
from bilateral.extract.roles import ROLE_NOUNS

PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person", "ant", "ent", "ee")
NOBODY = "nobody"  # Speaker.text of an unnamed source: "an official said", "they said"
# The end of a sentence after a quote: not the period of "Sen." or "U.S." before a name.
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z][a-z])[.!?](?:\s|$)|[“\"]")


@dataclass(frozen=True)
class Person:
    local_id: str
    name: str
    roles: tuple[str, ...]
    country: str | None


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    person: Person


@dataclass(frozen=True)
class Speaker:
    local_id: str | None  # a person or organisation of the article; None for a named source
    text: str  # the words that named the speaker; NOBODY for an unnamed one

    @property
    def named(self) -> bool:
        return self.text != NOBODY


@cache
def patterns() -> tuple[
    re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]
]:
    """Built once: the speech verbs, "according to", role nouns, pronouns and person nouns."""
    words = data.speech()
    verbs = alternation([w for w, k in words.items() if k == "verb"], ignorecase=True)
    # nouns that stand for a person: ours, and the agent nouns of PETRARCH2 that name one
    person_nouns = frozenset({w for w, k in words.items() if k == "person"}) | {
        w for w in data.agents() if w.endswith(PERSON_ENDINGS)
    }
    roles = alternation(ROLE_NOUNS, ignorecase=True)
    return (
        re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE),
        re.compile(r"\baccording to\s+(?P<who>[^,.;:“”\"]{2,80})", re.IGNORECASE),
        re.compile(rf"\b(?:the\s+)?(?:(?P<dem>[A-Z][a-z]+)\s+)?(?P<role>{roles})\b", re.IGNORECASE),
        re.compile(r"\b(?:he|she)\b", re.IGNORECASE),
        person_nouns,
    )


# a person named after a preposition is its object, not a clause's subject
_AFTER_PREPOSITION = re.compile(
    r"(?:^|(?P<before>\S+)\s+)(?:of|with|to|by|from|for|and|between|on|at|in)\s+"
    r"(?:[A-Z][\w.]*\s+){0,2}$"
)


def named_as_subject(text: str, start: int) -> bool:
    """Whether a person named at `start` is not the object of a preposition ("and" inside a
    capitalised name such as "Trade and Industry Secretary X" is no preposition)."""
    found = _AFTER_PREPOSITION.search(text[max(0, start - 40) : start])
    return not found or bool(found.group("before") and found.group("before")[:1].isupper())


def introduced_unnamed(text: str, noun: str, before: int, person_ends: set[int]) -> int:
    """Where the article last brought in an unnamed "a/an/one ... <noun>" before `before`, or
    -1; not an indefinite that describes the person just named ("Ana Ruiz, a Bergen
    Liberal,"), whose name ends at one of `person_ends`."""
    unnamed = re.compile(rf"\b(?:a|an|one)\s+(?:[\w-]+\s+){{0,3}}{re.escape(noun)}\b", re.I)

    def appositive(at: int) -> bool:
        comma = text.rfind(",", max(0, at - 3), at)
        return comma >= 0 and comma in person_ends

    return max(
        (m.start() for m in unnamed.finditer(text, 0, before) if not appositive(m.start())),
        default=-1,
    )
