"""Not in the knowledge base: said plainly, with what the knowledge base holds nearby (the pairs
of countries it has facts on, the figures it holds for the pair asked about), never pretending
that this answers the question."""

from __future__ import annotations

from bilateral.ask.cite import country, pair
from bilateral.model import Answer, Refusal, Statement, Understood
from bilateral.store import KnowledgeBase

NOT_THERE = "That is not in the knowledge base."
NEARBY = 6  # how many nearby things to name


def no_pair(kb: KnowledgeBase, u: Understood) -> str | None:
    """Why two countries asked about together cannot be answered, when the knowledge base has
    nothing on them together."""
    if len(u.countries) < 2:
        return None
    if kb.holds_pair(u.countries[0], u.countries[1]):
        return None
    return f"The knowledge base holds no facts about {pair(list(u.countries[:2]))}."


def _nearby(kb: KnowledgeBase, u: Understood) -> tuple[str, ...]:
    pairs = kb.pair_counts(u.countries) or kb.pair_counts()
    near = [(n, p) for p, n in pairs.items() if not u.countries or set(p) & set(u.countries)] or [
        (n, p) for p, n in pairs.items()
    ]
    out = [
        f"{pair(list(p))}: {n} facts" for n, p in sorted(near, key=lambda x: (-x[0], x[1]))[:NEARBY]
    ]
    if len(u.countries) >= 2:
        metrics = kb.metrics_between(u.countries[:2])
        if metrics:
            named = ", ".join(
                f"{m.replace('_', ' ')} ({n})" for m, n in sorted(metrics.items()) if m != "other"
            )
            if named:
                out.insert(0, f"figures between {pair(list(u.countries[:2]))}: {named}")
    return tuple(out)


def refuse(kb: KnowledgeBase, question: str, u: Understood, reason: str | None = None) -> Answer:
    if reason is None:
        asked = [*(country(c) for c in u.countries), *u.people]
        figure = u.kind in ("how_much", "change", "verify")
        what = u.metric.replace("_", " ") if u.metric and figure else None
        parts = [p for p in (what, " and ".join(asked) if asked else None) if p]
        reason = (
            f"Nothing in the knowledge base answers this about {' for '.join(parts)}."
            if parts
            else "The question names nothing the knowledge base holds facts about."
        )
    return Answer(
        question,
        u.kind,
        False,
        (Statement(NOT_THERE, "none"),),
        (),
        Refusal(reason, _nearby(kb, u)),
        u,
    )
