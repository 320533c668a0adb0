"""The cheap test put before a dear one never changes an answer: a verb phrase turned away by
its first word is one that would not have held, checked against the plain reading it stands in
front of, on words drawn at random."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.data import EventPhrase
from bilateral.extract.events.phrases import in_order, matching

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
