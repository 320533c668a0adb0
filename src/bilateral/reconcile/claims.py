"""Claim groups and their conflicts: figures of the same metric, countries and direction from
different articles, compared pair by pair: every pair in a group of up to MAX_GROUP figures,
each figure with its ten neighbours in time in a larger one, so a group costs a sort and a
number of comparisons that grows with its size, not its square.

Two figures are compared only when they measure the same thing for the same countries: the same
metric (a surplus and a deficit are one balance seen from either side), the same countries (a
figure that names none is compared with nothing), the same direction, and money with money.
Amounts in two currencies are compared only at a rate an article itself gives, by stating one
figure in both ("3.7 billion sterling (5.8 billion dlrs)"); without one they are not compared."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bilateral import display
from bilateral.model import Claim, Conflict, DocInfo, content_id
from bilateral.reconcile.judge import BALANCES, Verdict, judge, judge_balance, judge_converted

SKIPPED = {"other"}  # a figure of unknown meaning is compared with nothing
NOT_MONEY = {"percent", "count", "rank", "times"}
MAX_GROUP = 60  # beyond this many claims in one group, each is compared with its neighbours in time


@dataclass(frozen=True)
class StatedClaim:
    """A claim with the words of its figure and the canonical name of who stated it."""

    claim: Claim
    value_text: str
    speaker: str | None


def _is_money(unit: str) -> bool:
    """An ISO 4217 code, as opposed to percent, count, rank, times or a physical unit."""
    return len(unit) == 3 and unit.isalpha() and unit.isupper()


def claim_key(c: Claim) -> str:
    """The group a claim is compared within. A surplus and a deficit share the group of their
    pair (named after the surplus); an overall balance ("Korea's surplus") is not a balance with
    one partner; money of any currency shares one group; a figure without a country is alone."""
    unit = "money" if _is_money(c.unit) else c.unit
    if not c.countries:
        return "|".join([c.metric, unit, "", "alone", c.id])
    if c.metric in BALANCES:
        pair = "-".join(sorted(x for x in (c.from_, c.to) if x)) or "-".join(sorted(c.countries))
        if not c.to and c.noun and " with " in c.noun:  # with a partner that is no country
            partner = c.noun.split(" with ", 1)[1]
            return "|".join([BALANCES[0], unit, pair, "with", partner])
        return "|".join([BALANCES[0], unit, pair, "balance" if c.to else "overall", ""])
    if unit not in ("money", *NOT_MONEY):  # tonnes of what
        if not c.noun:
            return "|".join([c.metric, unit, "", "alone", c.id])
        return "|".join(
            [c.metric, unit, "-".join(sorted(c.countries)), c.from_ or "", c.to or "", c.noun]
        )
    return "|".join([c.metric, unit, "-".join(sorted(c.countries)), c.from_ or "", c.to or ""])


def rates(group: Sequence[StatedClaim]) -> dict[tuple[str, str], float]:
    """Exchange rates the articles give by stating one figure in two currencies in a sentence:
    (from, to) -> how many of `to` one `from` is worth. Each money figure meets only the figures
    of its own sentence, in the group's order, so the first pair to give a rate is the one the
    comparison of every figure with every other would have found first."""
    out: dict[tuple[str, str], float] = {}
    claims = [s.claim for s in group if _is_money(s.claim.unit)]
    sentences: dict[tuple[str, int], list[Claim]] = {}
    for c in claims:
        sentences.setdefault((c.doc_id, c.start), []).append(c)
    for a in claims:
        for b in sentences[(a.doc_id, a.start)]:
            if a.unit != b.unit and a.value:
                out.setdefault((a.unit, b.unit), b.value / a.value)
    return out


def _verdict(
    a: StatedClaim, b: StatedClaim, known: dict[tuple[str, str], float], docs: dict[str, DocInfo]
) -> Verdict | None:
    x, y = a.claim, b.claim
    if x.metric in BALANCES:
        return judge_balance(x, a.value_text, y, b.value_text, docs)
    if x.unit != y.unit:
        rate = known.get((y.unit, x.unit))
        if rate is None:
            return None  # different currencies are never compared raw
        return judge_converted(x, y, rate, docs)
    return judge(x, a.value_text, y, b.value_text, docs)


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


def _also_stated(c: Claim, other: Claim, claims: list[Claim]) -> bool:
    """Whether the other claim's article also gives this claim's figure, in another claim."""
    return other.value != c.value and any(
        x.id != other.id and x.unit == c.unit and abs(x.value - c.value) <= 1e-9 * abs(c.value)
        for x in claims
    )


def claim_conflicts(group: Sequence[StatedClaim], docs: dict[str, DocInfo]) -> list[Conflict]:
    """Every pair of claims of one group (one key) from independent articles, judged."""
    if not group or group[0].claim.metric in SKIPPED:
        return []
    ordered = sorted(group, key=lambda s: (docs[s.claim.doc_id].published or "", s.claim.id))
    known = rates(group)
    stated: dict[str, list[Claim]] = {}
    for s in group:
        stated.setdefault(s.claim.doc_id, []).append(s.claim)
    out = []
    for i, a in enumerate(ordered):
        window = ordered[i + 1 :] if len(ordered) <= MAX_GROUP else ordered[i + 1 : i + 11]
        for b in window:
            if _related(a.claim.doc_id, b.claim.doc_id, docs):
                continue
            if _also_stated(a.claim, b.claim, stated[b.claim.doc_id]) or _also_stated(
                b.claim, a.claim, stated[a.claim.doc_id]
            ):
                continue  # each article gives the other's figure too: two figures, no dispute
            verdict = _verdict(a, b, known, docs)
            if verdict is None:
                continue
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
