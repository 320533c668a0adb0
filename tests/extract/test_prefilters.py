"""The cheap tests put before dear ones never change an answer: a verb phrase turned away by its
first word is one that would not have held, and a party passed over for being out of a verb's
reach is one that could be neither its subject nor its agent. Each is checked against the
plain reading it stands in front of, on words and positions drawn at random."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.data import EventPhrase
from bilateral.extract.events.order import AGENT_AFTER, SUBJECT_GAP, has_sides
from bilateral.extract.events.phrases import in_order, matching
from bilateral.extract.events.records import Party

WORDS = ["to", "of", "troops", "aid"]
PREPOSITIONS = frozenset({"to", "of", "on"})

alternatives = st.lists(st.sampled_from(WORDS), min_size=1, max_size=2).map(tuple)
wanted = st.lists(alternatives, max_size=2).map(tuple)
phrase = st.builds(
    EventPhrase,
    block=st.sampled_from(["a", "b"]),
    before=wanted,
    after=wanted,
    cameo=st.just("000"),
    type=st.sampled_from(["AID", "MOBILIZE", "-"]),
    mode=st.sampled_from(["", "x"]),
)
words = st.lists(st.sampled_from(WORDS), max_size=6)
optional = st.sampled_from([None, PREPOSITIONS])


def plain_matching(
    phrases: Mapping[str, Sequence[EventPhrase]],
    blocks: Sequence[str],
    before: list[str],
    after: list[str],
    only: frozenset[str] | None,
    particles: frozenset[str] | None,
) -> tuple[str, str] | None:
    """`matching` as it read before its first-word test."""
    for block in blocks:
        for p in phrases.get(block, ()):
            if only is not None and all(set(w) <= only for w in (*p.before, *p.after)):
                continue
            found = after
            if particles is not None and p.after and all(set(w) <= particles for w in p.after):
                found = after[: len(p.after)]
            if in_order(p.after, found) and in_order(p.before, before):
                return p.type, p.mode
    return None


@settings(max_examples=400)
@given(
    st.lists(phrase, max_size=8),
    st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3),
    words,
    words,
    optional,
    optional,
)
def test_a_phrase_turned_away_by_its_first_word_would_not_have_held(
    listed: list[EventPhrase],
    blocks: list[str],
    before: list[str],
    after: list[str],
    only: frozenset[str] | None,
    particles: frozenset[str] | None,
) -> None:
    phrases: dict[str, list[EventPhrase]] = {}
    for p in listed:
        phrases.setdefault(p.block, []).append(p)
    assert matching(phrases, blocks, before, after, only, particles) == plain_matching(
        phrases, blocks, before, after, only, particles
    )


def plain_has_sides(text: str, start: int, end: int, parties: list[Party]) -> bool:
    """`has_sides` as it read before its test of reach."""

    def before(p: Party) -> bool:
        near = p.end <= start and start - p.end <= 40
        return near and bool(SUBJECT_GAP.match(text[p.end : start]))

    def after(p: Party) -> bool:
        near = p.start >= end and p.start - end <= 12
        return near and bool(AGENT_AFTER.match(text[end : p.start]))

    agent = next((p for p in reversed(parties) if before(p) or after(p)), None)
    if agent is None:
        return False
    stop = text.find(".", end)
    stop = len(text) if stop < 0 else stop
    return any(end <= p.start < stop and p.code != agent.code for p in parties)


# a verb amid short words and spaces, an agent's "by" often right after it; parties just
# before the verb, just after it, or anywhere, so that some fall within its reach and some
# just out of it
pieces = st.lists(st.sampled_from(["a ", "was ", "also ", "the ", ". ", "  "]), max_size=12)
right = st.sampled_from([" by ", " by the ", " to ", " "])
placed = st.tuples(
    st.sampled_from(["before", "after", "anywhere"]),
    st.integers(0, 45),
    st.integers(1, 6),
    st.sampled_from("XYZ"),
)


@settings(max_examples=400)
@given(pieces.map("".join), right, pieces.map("".join), st.lists(placed, max_size=6))
def test_a_party_out_of_reach_could_be_neither_subject_nor_agent(
    left: str, by: str, rest: str, drawn: list[tuple[str, int, int, str]]
) -> None:
    text = f"{left}sent{by}{rest}"
    start, end = len(left), len(left) + len("sent")
    parties = []
    for where, gap, n, code in drawn:
        at = {"before": start - gap - n, "after": end + gap % 15, "anywhere": gap}[where]
        if at >= 0:
            parties.append(Party(at, at + n, code))
    assert has_sides(text, start, end, parties) == plain_has_sides(text, start, end, parties)
