"""What someone said: their quotes, and the figures stated on their word, about what the
question names besides them."""

from __future__ import annotations

import re
from functools import cache

from bilateral import data, display
from bilateral.ask.cite import cite, in_years
from bilateral.ask.events import content_words, speaks_of
from bilateral.model import Answer, Statement, Understood
from bilateral.store import KnowledgeBase


@cache
def _say() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(c.pattern, re.I) for c in data.question_cues() if c.kind == "say")


def asks_what_was_said(question: str, u: Understood) -> bool:
    return bool(u.people) and any(p.search(question) for p in _say())


def said(kb: KnowledgeBase, question: str, u: Understood) -> Answer | None:
    words = content_words(question, u)
    quotes = kb.quotes_of(u.people)
    claims = (
        [
            c
            for country in u.countries[:1] or [None]
            for c in kb.claims_between([country] if country else [])
            if c["attributed_to"] in u.people
        ]
        if u.countries
        else []
    )
    if words:
        quotes = [q for q in quotes if speaks_of(q["sentence"], words, 1)]
        claims = [c for c in claims if speaks_of(c["sentence"], words, 1)]
    if u.years:
        quotes = [q for q in quotes if in_years(q, u.years, "published", "published")]
    statements = [
        Statement(f"{q['speaker']}: “{q['sentence']}”", "quote", (cite(q),), name=q["speaker"])
        for q in quotes
    ] + [
        Statement(
            f"{c['attributed_to']}: {c['metric'].replace('_', ' ')} "
            f"{display.value(c['value'], c['unit'], c['approx'])}.",
            "claim",
            (cite(c),),
            value=c["value"],
            unit=c["unit"],
            said_by=c["attributed_to"],
        )
        for c in claims
    ]
    if not statements:
        return None
    return Answer(question, u.kind, True, tuple(statements), understood=u)
