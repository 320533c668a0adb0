"""What a briefing is made of. Every statement rests on the words of its article: `key` is the
figure or the name it states, as the cited sentence writes it, and the statement's text holds
it; nothing is said that no cited fact says."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Citation:
    """A sentence of an article: `anchor` is the id of the fact's marked words on the article
    page, `number` the article's place in the briefing's list of sources."""

    doc: str
    anchor: str
    start: int
    end: int
    sentence: str
    number: int


@dataclass(frozen=True)
class Statement:
    text: str
    key: str
    citations: tuple[Citation, ...]
    when: str | None = None


@dataclass(frozen=True)
class Source:
    number: int
    doc: str
    title: str
    published: str | None
    outlet: str | None
    url: str | None


@dataclass
class Figure:
    """One metric: its latest figure, every figure in date order, a chart of them over time."""

    metric: str
    label: str
    latest: Statement
    statements: list[Statement]
    chart: dict[str, Any]


@dataclass
class Dispute:
    verdict: str
    explanation: str
    statement: Statement


@dataclass
class Person:
    id: str
    name: str
    country: str | None
    roles: list[dict[str, Any]]
    articles: int
    statement: Statement


@dataclass
class Briefing:
    pair: list[str]
    names: list[str]
    since: str | None
    until: str | None
    counts: dict[str, int]
    summary: list[Statement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    timeline: list[Statement] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    quotes: list[Statement] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    def statements(self) -> list[Statement]:
        """Every statement of the briefing, in reading order."""
        return [
            *self.summary,
            *(s for f in self.figures for s in f.statements),
            *self.timeline,
            *(d.statement for d in self.disputes),
            *(p.statement for p in self.people),
            *self.quotes,
        ]
