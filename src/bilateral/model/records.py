"""The typed records that flow through the stages. Frozen dataclasses only: no I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT")


@dataclass(frozen=True)
class RawArticle:
    """An article as read from its source, before any cleaning."""

    source: str  # path or URL as given, with ":LINE" for a JSON Lines record
    content: str  # decoded text or HTML
    fmt: str  # "text", "markdown" or "html"
    external_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class IngestFailure:
    """Something that could not be read, cleaned, extracted or stored, and why, in a sentence.
    `detail` keeps the traceback of an unexpected error, shown only when asked for (--debug)."""

    source: str
    reason: str
    detail: str | None = None


@dataclass(frozen=True)
class Block:
    """A paragraph of the cleaned text. kind: title, heading, body or caption."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Document:
    """A cleaned article: `text` is what every offset points into."""

    id: str
    source: str
    text: str
    blocks: tuple[Block, ...]
    external_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    language: str = "en"
    duplicate_of: str | None = None
    signature: tuple[int, ...] = ()  # MinHash of the text, for near-duplicate search


@dataclass(frozen=True)
class Mention:
    """Where a named thing is written: `text == document.text[start:end]`."""

    doc_id: str
    start: int
    end: int
    text: str
    type: str
    local_entity_id: str


@dataclass(frozen=True)
class LocalEntity:
    """One named thing as one article speaks of it (its mentions resolved within the article)."""

    id: str
    doc_id: str
    type: str
    name: str
    country: str | None = None
    roles: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()


# Local entities summed up for their canonical entity: a name, type, country and forms, with
# the weight of the members that share them (their mentions, each at least one).
Tally = tuple[str, str, str | None, tuple[str, ...], int]


@dataclass(frozen=True)
class Entity:
    """A canonical entity across the whole knowledge base."""

    id: str
    name: str
    type: str
    country: str | None = None
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = field(default=())  # the LocalEntity ids it gathers


@dataclass(frozen=True)
class Claim:
    """A figure as one article states it, in base units, with what it measures and for when."""

    id: str
    doc_id: str
    start: int  # the sentence
    end: int
    value_start: int  # the figure itself
    value_end: int
    metric: str
    value: float
    unit: str
    countries: tuple[str, ...] = ()
    from_: str | None = None
    to: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    approx: str | None = None
    qualifier: str | None = None  # "record", "change"
    noun: str | None = None  # what an "other" figure counts or measures
    speaker_id: str | None = None  # a LocalEntity of the same article
    source: str | None = None  # a named source that is not a person ("Chilean customs data")
    note: str | None = None


@dataclass(frozen=True)
class Quote:
    """Words in quotation marks and who said them (None when the article does not say)."""

    id: str
    doc_id: str
    start: int
    end: int
    text: str
    speaker_id: str | None = None
    speaker_text: str | None = None


@dataclass(frozen=True)
class Event:
    """A dyadic event in the PLOVER ontology as one article reports it."""

    id: str
    doc_id: str
    start: int  # the sentence
    end: int
    cue_start: int  # the words that signal the event
    cue_end: int
    type: str
    subtype: str
    date: str | None = None  # ISO 8601, partial as precise as the text: 2021, 2021-08, 2021-08-17
    date_start: str | None = None
    date_end: str | None = None
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    people: tuple[str, ...] = ()  # LocalEntity ids of the same article
    place: str | None = None  # a LocalEntity id
    modality: str = "actual"  # actual, planned, conditional, reported or historical
    mode: str | None = None  # the PLOVER mode where the words say it: visit, disapprove, troops
    dyadic: bool = True  # False: the article names only one side, the other is its pair's
    actor_sector: str | None = None  # PLOVER sector of a non-state actor: OPP, MIL, COP, BUS...
    target_sector: str | None = None
    words: tuple[str, ...] = ()  # content words and figures of its sentence: links reports


@dataclass(frozen=True)
class DocInfo:
    """What reconciliation needs to know of an article besides its facts."""

    id: str
    title: str | None
    published: str | None
    duplicate_of: str | None = None
    source: str | None = None

    @property
    def name(self) -> str:
        """How to name the article to a person: its title, else its file."""
        if self.title:
            return self.title
        return (self.source or self.id).replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Cluster:
    """The per-article events (or claims) that report one real-world happening (or figure)."""

    id: str
    key: str  # the group it was reconciled in: type and countries
    of: str  # "event" or "claim"
    members: tuple[str, ...]
    summary: str
    date: str | None = None
    type: str | None = None
    subtype: str | None = None
    countries: tuple[str, ...] = ()
    people: tuple[str, ...] = ()  # canonical names
    place: str | None = None


@dataclass(frozen=True)
class Conflict:
    """Facts of different articles that differ, with a verdict and why."""

    id: str
    key: str
    kind: str  # "claim" or "event"
    members: tuple[str, ...]
    verdict: str  # contradiction, different_period, different_time, different_definition,
    # rounding or agree
    explanation: str


@dataclass(frozen=True)
class ArticleEntities:
    """What extraction makes of one document."""

    doc_id: str
    entities: tuple[LocalEntity, ...]
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
