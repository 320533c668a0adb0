"""Claim groups and their conflicts: figures of the same metric, countries and direction from
different articles, compared pair by pair."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bilateral import display
from bilateral.model import Claim, Conflict, DocInfo, content_id
from bilateral.reconcile.judge import judge

SKIPPED = {"other"}  # a figure of unknown meaning is compared with nothing
MAX_GROUP = 60  # beyond this many claims in one group, each is compared with its neighbours in time


@dataclass(frozen=True)
class StatedClaim:
    """A claim with the words of its figure and the canonical name of who stated it."""

    claim: Claim
    value_text: str
    speaker: str | None


def claim_key(c: Claim) -> str:
    return "|".join([c.metric, c.unit, "-".join(sorted(c.countries)), c.from_ or "", c.to or ""])


def _describe(s: StatedClaim, docs: dict[str, DocInfo]) -> str:
    c, doc = s.claim, docs[s.claim.doc_id]
    parts = [doc.published or "undated"]
    period = display.period(c.period_start, c.period_end)
    if period:
        parts.append(f"for {period}")
    if c.noun:
        parts.append(f"'{c.noun}'")
    if s.speaker:
        parts.append(f"said by {s.speaker}")
    return (
        f"{display.value(c.value, c.unit, c.approx)} in \u201c{doc.name}\u201d ({', '.join(parts)})"
    )


def _related(a: str, b: str, docs: dict[str, DocInfo]) -> bool:
    """The same article, or copies of one another: not independent sources."""
    root_a = docs[a].duplicate_of or a
    root_b = docs[b].duplicate_of or b
    return root_a == root_b


def claim_conflicts(group: Sequence[StatedClaim], docs: dict[str, DocInfo]) -> list[Conflict]:
    """Every pair of claims of one group (one key) from independent articles, judged."""
    if not group or group[0].claim.metric in SKIPPED:
        return []
    ordered = sorted(group, key=lambda s: (docs[s.claim.doc_id].published or "", s.claim.id))
    out = []
    for i, a in enumerate(ordered):
        window = ordered[i + 1 :] if len(ordered) <= MAX_GROUP else ordered[i + 1 : i + 11]
        for b in window:
            if _related(a.claim.doc_id, b.claim.doc_id, docs):
                continue
            verdict = judge(a.claim, a.value_text, b.claim, b.value_text, docs)
            members = tuple(sorted((a.claim.id, b.claim.id)))
            out.append(
                Conflict(
                    id=content_id("x", *members),
                    key=claim_key(a.claim),
                    kind="claim",
                    members=members,
                    verdict=verdict.verdict,
                    explanation=(
                        f"{_describe(a, docs)} against {_describe(b, docs)}: {verdict.reason}."
                    ),
                )
            )
    return out
