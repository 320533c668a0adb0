"""The records the event finder works with: an article's parties and dates, the drafts of
events it finds, and what it asks of a parse and of a sentence classifier."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from bilateral.extract.events.clause import ClauseOf
from bilateral.extract.events.cues import Cue
from bilateral.extract.periods import DateMention, Interval


class Syntax(Protocol):
    """Who acts on whom by the parse of a sentence (extract/agency.py)."""

    def prepare(self, text: str, sentences: Sequence[tuple[int, int]]) -> None: ...

    def sides(
        self,
        text: str,
        start: int,
        end: int,
        cue_start: int,
        parties: Sequence[PartySpan],
        own_subject: bool = False,
    ) -> tuple[list[str], list[str]] | None: ...

    def main_verb(self, text: str, start: int, end: int) -> tuple[int, int] | None: ...

    def objects(self, text: str, start: int, end: int, cue_start: int) -> list[str] | None: ...


PartySpan = tuple[int, int, str]  # start, end, country
# a sentence (start, end), its clauses, and the event words chosen in it
Candidates = tuple[int, int, ClauseOf, list[Cue]]


@dataclass(frozen=True)
class Party:
    """A country mention: a GPE or NORP, or a person or organisation with a country."""

    start: int
    end: int
    code: str


@dataclass(frozen=True)
class Named:
    start: int
    end: int
    local_id: str


@dataclass(frozen=True)
class Draft:
    start: int
    end: int
    cue_start: int
    cue_end: int
    type: str
    subtype: str
    interval: Interval | None
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    people: tuple[str, ...]
    place: str | None
    planned: bool
    mode: str = ""
    condition: str = ""  # "conditional" or "reported" where the clause says so
    dyadic: bool = True
    recalled: bool = False  # background the sentence recalls ("following an inquiry")
    words: tuple[str, ...] = ()
    actor_sector: str | None = None  # PLOVER sector codes of non-state agents: OPP, MIL, GOV...
    target_sector: str | None = None


@dataclass(frozen=True)
class Article:
    """What the finder needs of an article besides its text."""

    sentences: list[tuple[int, int]]
    body: list[tuple[int, int]]
    quoted: list[tuple[int, int]]
    parties: list[Party]
    people: list[Named]
    places: list[Named]
    dyad: tuple[str, ...]
    dates: list[DateMention]
    published: date | None = None
    # the parties named as the patron or maker of a noun ("U.S.-backed rebels"): no actor of
    # the sentence they are named in, whether named or filled in from the article's pair
    patrons: tuple[Party, ...] = ()


# (text, sentences where no cue was found, parties as (start, end, country), sentences with the
# lexicon's events) -> cues of events that a sentence classifier finds there (classifier.py)
Classify = Callable[
    [str, list[tuple[int, int]], list[tuple[int, int, str]], Sequence[tuple[int, int]]], list[Cue]
]
