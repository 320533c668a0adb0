"""What word order says of an event's parties: a subject just before the event word, an
agent after "by", a clause that names both sides, a country acting on itself."""

from __future__ import annotations

import re

from bilateral.extract.events.clause import ClauseOf
from bilateral.extract.events.cues import Cue
from bilateral.extract.events.records import Article, Party, PartySpan
from bilateral.extract.matching import LISTED

PAIR = re.compile(
    r"\b(?:the two|both) (?:countries|nations|sides|leaders|presidents|states|governments)\b"
    r"|\bbilateral\b",
    re.IGNORECASE,
)
SUBJECT_GAP = re.compile(
    r"^(?:\s+(?:has|have|had|was|were|is|are|will|would|also|then|later|again|has been|[a-z]+ly))"
    r"{0,3}\s+$"
)
AGENT_BY = re.compile(r"\bby\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
AGENT_AFTER = re.compile(r"^\s+by\s+(?:the\s+)?$")
SUBJECT_REACH, AGENT_REACH = 40, 12  # the most characters between a party and its verb
# the same, the agent perhaps listed after others ("backed by Rwanda and Uganda")
AGENT_LISTED = re.compile(r"\s+by\s+(?:the\s+)?" + LISTED + r"\Z")


OBJECT_GAP = re.compile(r"^\s+(?:[\w'’.-]+\s+){0,3}$")


def spans(a: Article, start: int, end: int) -> list[PartySpan]:
    """The parties named in text[start:end], as the parse takes them."""
    return [(p.start, p.end, p.code) for p in a.parties if start <= p.start < end]


def internal(text: str, c: Cue, start: int, end: int, parties: list[Party]) -> bool:
    """A country acting on itself: its subject and its object are of one country ("Japanese
    officials asked Japanese chip-makers to", "the minister met President X" of his own state)."""
    before = [p for p in parties if start <= p.start and p.end <= c.start]
    after = [p for p in parties if c.start <= p.start and p.end <= c.end] + [
        p
        for p in parties
        if c.end <= p.start <= end and OBJECT_GAP.match(text[c.end : p.start] + " ")
    ]
    if not before or not after:
        return False
    return before[-1].code == after[0].code and len({p.code for p in before + after}) == 1


def two_in_clause(text: str, c: Cue, clause_of: ClauseOf, a: Article) -> bool:
    """Whether the clause of a meeting names both sides: two countries, "the two countries", or
    a country and a person of no known country (a foreign counterpart named by name)."""
    start, end = clause_of(c)
    inside = [p for p in a.parties if start <= p.start and p.end <= end]
    codes = {p.code for p in inside}
    if len(codes) >= 2 or PAIR.search(text[start:end]):
        return True
    known = {(p.start, p.end) for p in inside}
    strangers = [
        n for n in a.people if start <= n.start and n.end <= end and (n.start, n.end) not in known
    ]
    return bool(codes) and bool(strangers)


def named_actor(text: str, c: Cue, clause_of: ClauseOf, parties: list[Party]) -> bool:
    """A general cue needs its actor named: a party before it in its clause, "the two
    countries", or an agent after a passive ("was imposed by China")."""
    start, _ = clause_of(c)
    if any(start <= p.start and p.end <= c.end for p in parties):
        return True
    if PAIR.search(text[start : c.start]):
        return True
    return any(
        p.start >= c.end
        and p.start - c.end <= 40
        and re.search(r"\bby\s+(?:the\s+)?$", text[c.end : p.start])
        for p in parties
    )


def has_sides(text: str, start: int, end: int, parties: list[Party]) -> bool:
    """A dictionary verb names an event only with a party as its subject just before it ("China
    quietly expelled") or as its agent just after it ("was expelled by China"), and a party of
    another country after it in the same sentence."""
    # the last party that stands so (most are far from the verb: turned away by their places)
    for agent in reversed(parties):
        if 0 <= start - agent.end <= SUBJECT_REACH and SUBJECT_GAP.match(text[agent.end : start]):
            break
        if 0 <= agent.start - end <= AGENT_REACH and AGENT_AFTER.match(text[end : agent.start]):
            break
    else:
        return False
    stop = text.find(".", end)
    stop = len(text) if stop < 0 else stop
    return any(end <= p.start < stop and p.code != agent.code for p in parties)
