"""What every stored article's facts must satisfy, and how extraction output is brought to it.

The store holds these invariants (its keys reject a repeated span or id); the runner passes
every article's facts through `normalise` before writing, so a slip of one extraction rule
costs a fact, never a run:

- every span lies inside the document's text, `start < end`, and a mention's and a quote's
  `text` is exactly `text[start:end]`;
- one mention per span of a document, one record per id of each kind;
- every reference points at something stored: a mention at a local entity of its article, a
  quote's or claim's speaker, an event's people and place at local entities.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

from bilateral.model.records import ArticleEntities, Claim, Event, Mention, Quote

T = TypeVar("T")


@dataclass(frozen=True)
class Normalised:
    facts: ArticleEntities
    dropped: tuple[str, ...]  # one short line per fact left out, and why

    @property
    def changed(self) -> bool:
        return bool(self.dropped)


def _inside(start: int, end: int, size: int) -> bool:
    return 0 <= start < end <= size


def _unique(
    items: Iterable[T], key: Callable[[T], object], what: str, dropped: list[str]
) -> list[T]:
    seen: set[object] = set()
    kept: list[T] = []
    for item in items:
        k = key(item)
        if k in seen:
            dropped.append(f"{what} {k!r} repeated")
            continue
        seen.add(k)
        kept.append(item)
    return kept


def normalise(text: str, facts: ArticleEntities) -> Normalised:
    """The facts of one article with whatever breaks an invariant left out (or, for a
    dangling reference, cleared)."""
    dropped: list[str] = []
    size = len(text)
    entities = _unique(facts.entities, lambda e: e.id, "entity", dropped)
    local = {e.id for e in entities}

    def mention_ok(m: Mention) -> bool:
        ok = (
            m.doc_id == facts.doc_id
            and _inside(m.start, m.end, size)
            and text[m.start : m.end] == m.text
            and m.local_entity_id in local
        )
        if not ok:
            dropped.append(f"mention {m.start}-{m.end} outside its text or entity")
        return ok

    mentions = _unique(
        sorted((m for m in facts.mentions if mention_ok(m)), key=lambda m: (m.start, m.end)),
        lambda m: (m.start, m.end),
        "mention span",
        dropped,
    )

    def speaker(ref: str | None) -> str | None:
        return ref if ref is None or ref in local else None

    def quote_ok(q: Quote) -> bool:
        ok = _inside(q.start, q.end, size) and text[q.start : q.end] == q.text
        if not ok:
            dropped.append(f"quote {q.start}-{q.end} outside its text")
        return ok

    # A record is copied only where a reference is cleared: most are kept as they came.
    quotes = [
        q if speaker(q.speaker_id) == q.speaker_id else replace(q, speaker_id=None)
        for q in _unique((q for q in facts.quotes if quote_ok(q)), lambda q: q.id, "quote", dropped)
    ]

    def claim_ok(c: Claim) -> bool:
        ok = _inside(c.start, c.end, size) and _inside(c.value_start, c.value_end, size)
        if not ok:
            dropped.append(f"claim {c.start}-{c.end} outside its text")
        return ok

    claims = [
        c if speaker(c.speaker_id) == c.speaker_id else replace(c, speaker_id=None)
        for c in _unique((c for c in facts.claims if claim_ok(c)), lambda c: c.id, "claim", dropped)
    ]

    def event_ok(v: Event) -> bool:
        ok = _inside(v.start, v.end, size) and _inside(v.cue_start, v.cue_end, size)
        if not ok:
            dropped.append(f"event {v.start}-{v.end} outside its text")
        return ok

    events = [
        v
        if speaker(v.place) == v.place and all(p in local for p in v.people)
        else replace(v, people=tuple(p for p in v.people if p in local), place=speaker(v.place))
        for v in _unique((v for v in facts.events if event_ok(v)), lambda v: v.id, "event", dropped)
    ]
    result = ArticleEntities(
        facts.doc_id,
        tuple(entities),
        tuple(mentions),
        tuple(claims),
        tuple(quotes),
        tuple(events),
    )
    return Normalised(result, tuple(dropped))
