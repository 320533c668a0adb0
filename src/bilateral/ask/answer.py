"""A question answered: understood, handed to the answerer of its kind, or refused."""

from __future__ import annotations

from collections.abc import Callable

from bilateral.ask import events, figures, occasions, people, quotes
from bilateral.ask.refusal import no_pair, refuse
from bilateral.ask.understand import understand
from bilateral.model import Answer, Understood
from bilateral.store import KnowledgeBase

Answerer = Callable[[KnowledgeBase, str, Understood], Answer | None]


def _verify(kb: KnowledgeBase, question: str, u: Understood) -> Answer | None:
    if u.value is not None:
        return figures.verify(kb, question, u)  # a figure to check is checked against figures
    return events.verify_event(kb, question, u)


def _unknown(kb: KnowledgeBase, question: str, u: Understood) -> Answer | None:
    return None


ANSWERERS: dict[str, Answerer] = {
    "how_much": figures.how_much,
    "change": figures.change,
    "verify": _verify,
    "when": events.when,
    "where": events.where,
    "discuss": occasions.discuss,
    "who": people.who,
    "unknown": _unknown,
}


def answer(kb: KnowledgeBase, question: str) -> Answer:
    """The answer to `question` from `kb`: statements with citations, or a refusal."""
    u = understand(question.strip(), kb.names_matching)
    if u.unknown_names:
        names = ", ".join(f"“{n}”" for n in u.unknown_names)
        return refuse(kb, question, u, f"The knowledge base holds nothing on {names}.")
    reason = no_pair(kb, u)
    if reason:
        return refuse(kb, question, u, reason)
    if u.kind == "discuss" and quotes.asks_what_was_said(question, u):
        # "what did X say (about Y)": their words; without a Y, also the occasions they spoke at
        found = quotes.said(kb, question, u)
        if found is None and not events.content_words(question, u):
            found = occasions.discuss(kb, question, u)
        return found or refuse(kb, question, u)
    found = ANSWERERS[u.kind](kb, question, u)
    if found is None or not found.statements:
        return refuse(kb, question, u)
    return found
