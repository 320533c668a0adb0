"""The answer to a question: what kind of question it was, the statements that answer it (each
cited to its article and sentence), where the sources disagree, or why it cannot be answered.

The library, `/api/ask` and the ask page's JSON twin all return this record (as a dict through
`dataclasses.asdict`), so the three never differ.
"""

from __future__ import annotations

from dataclasses import dataclass

# The kinds of question ask tells apart.
KINDS = ("how_much", "when", "discuss", "who", "where", "change", "verify", "unknown")


@dataclass(frozen=True)
class Citation:
    """The sentence a statement rests on: `text[start:end]` of the article `doc`."""

    doc: str
    title: str
    published: str | None
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class Statement:
    """One thing the knowledge base says in answer, with what it rests on.

    kind: claim (a figure), event, person, place, change (between two figures), verdict (of a
    claim checked), or none (the refusal). The typed fields carry what the text says, so a
    program need not parse the sentence: value and unit of a figure, its period, an event's
    date, a person's or a place's name, who said it.
    """

    text: str
    kind: str
    citations: tuple[Citation, ...] = ()
    value: float | None = None
    unit: str | None = None
    period: str | None = None
    date: str | None = None
    name: str | None = None
    said_by: str | None = None
    occasion: str | None = None  # the cluster (visit, summit) an event belongs to


@dataclass(frozen=True)
class Disagreement:
    """Facts of different articles that differ (or agree), with the reconciler's verdict."""

    verdict: str  # contradiction, different_period, different_time, different_definition,
    # rounding, agree
    explanation: str
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Refusal:
    """Why a question is not answered, and what the knowledge base holds nearby."""

    reason: str
    nearby: tuple[str, ...] = ()


@dataclass(frozen=True)
class Understood:
    """What the question was read as asking about."""

    kind: str
    countries: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    metric: str | None = None
    years: tuple[str, ...] = ()
    from_: str | None = None
    to: str | None = None
    events: tuple[str, ...] = ()  # TYPE:subtype the question names
    role: str | None = None  # "Ambassador", "President" for a who question
    role_words: tuple[str, ...] = ()  # what the question adds to the role: "Treasury"
    value: float | None = None  # the figure a "is it true that" question states
    comparison: str | None = None  # more, less or equal, for that figure
    unknown_names: tuple[str, ...] = ()  # capitalised names the knowledge base does not hold


@dataclass(frozen=True)
class Answer:
    question: str
    kind: str
    found: bool
    statements: tuple[Statement, ...]
    disagreements: tuple[Disagreement, ...] = ()
    refusal: Refusal | None = None
    understood: Understood | None = None
