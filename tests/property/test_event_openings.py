"""A cue pattern tried only where one of its openings stands finds what it finds run over the
whole paragraph: for every pattern of data/events.tsv, on texts made of its own words and on
the sentences of the event test sets (not the held-out one, which only measures); and for
patterns drawn at random, in the shapes the data may yet take. The cue finder finds the same
cues with the openings as without them."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bilateral.extract.events.cues import CueFinder
from bilateral.extract.events.openings import openings, tried_at_openings

TESTS = Path(__file__).resolve().parent.parent
SENTENCES = [
    TESTS / "extract" / "data" / "event_categories.tsv",
    TESTS / "extract" / "data" / "event_roles_dev.tsv",
]
# what stands between words: spaces, the ends of clauses and of paragraphs, a possessive
GLUE = [" ", " ", " ", "  ", ", ", ". ", "; ", "\n\n", "-", "'s ", "’ ", " é "]


@cache
def finder() -> CueFinder:
    return CueFinder()


@cache
def vocabulary() -> tuple[str, ...]:
    """The words of the cue patterns, and a few of every text."""
    words = {w for p in finder().patterns for w in re.findall(r"[A-Za-z]+", p.pattern)}
    return tuple(sorted(words | {"the", "of", "to", "China", "Japan", "said", "a", "42.5"}))


def spans(found: object) -> list[tuple[int, int]]:
    return [m.span() for m in found]  # type: ignore[attr-defined]


def written(words: list[str], glue: list[str], case: list[int]) -> str:
    out = []
    for word, between, how in zip(words, glue, case, strict=False):
        out.append((word, word.capitalize(), word.upper())[how % 3] + between)
    return "".join(out)


def same_runs(pattern: re.Pattern[str], text: str, start: int, end: int) -> None:
    words = openings(pattern)
    assert words is not None, pattern.pattern
    fast = tried_at_openings(pattern, words, text, text.lower(), start, end)
    assert spans(fast) == spans(pattern.finditer(text, start, end)), pattern.pattern


def test_every_cue_pattern_has_openings() -> None:
    assert all(w is not None for w in finder().openings)


@settings(max_examples=400, deadline=None)
@given(
    st.data(),
    st.lists(st.integers(0, 10**6), min_size=1, max_size=40),
    st.lists(st.sampled_from(GLUE), min_size=40, max_size=40),
    st.lists(st.integers(0, 2), min_size=40, max_size=40),
)
def test_a_cue_pattern_finds_the_same_on_its_own_words(
    data: st.DataObject, picks: list[int], glue: list[str], case: list[int]
) -> None:
    patterns = finder().patterns
    pattern = patterns[data.draw(st.integers(0, len(patterns) - 1))]
    # most words from the pattern's own source, so that its matches are many
    own = re.findall(r"[A-Za-z]+", pattern.pattern)
    pool = vocabulary()
    words = [own[p % len(own)] if p % 4 else pool[p % len(pool)] for p in picks]
    text = written(words, glue, case)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    same_runs(pattern, text, 0, len(text))
    same_runs(pattern, text, start, end)


def test_every_cue_pattern_finds_the_same_in_the_test_sentences() -> None:
    sentences = []
    for path in SENTENCES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                sentences.append(line.split("\t")[-1])
    text = "\n\n".join(sentences)
    for pattern in finder().patterns:
        same_runs(pattern, text, 0, len(text))
        same_runs(pattern, text, 1000, len(text) // 2)


# patterns drawn at random: what may stand before the first letter (word boundaries,
# lookarounds), words to open with (in choices, sequences, optional and repeated parts), then
# anything, as the cue patterns are written
ZERO_WIDTH = ["", r"\b", r"(?<!a )", r"(?<![\w-])", r"(?=b)", r"(?!a)", r"\b(?<!b)"]
ATOMS = ["a", "b", "ab", "ba", "a b", "B", r"\b", r"(?<!a )", r"(?=b)", r"(?!a)"]
ATOMS += [r"\w", r"\w+", r"[^.;]{0,3}", r"\s", r"\.", " ", "[ab]", "(?:the )?", "$"]


def shapes(atoms: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.recursive(
        atoms,
        lambda inner: st.one_of(
            st.lists(inner, min_size=1, max_size=3).map("".join),
            st.lists(inner, min_size=1, max_size=3).map(lambda xs: "(?:" + "|".join(xs) + ")"),
            st.tuples(inner, inner).map(lambda xs: f"(?:{xs[0]})?{xs[1]}"),
            inner.map(lambda x: f"(?:{x})+"),
            inner.map(lambda x: f"(?:{x}){{1,2}}"),
            inner.map(lambda x: f"({x})"),
        ),
        max_leaves=6,
    )


opening_words = shapes(st.sampled_from(["a", "b", "ab", "ba", "a b", "bb", "A", "é"]))
tails = st.one_of(st.just(""), shapes(st.sampled_from(ATOMS)))
patterns = st.tuples(st.sampled_from(ZERO_WIDTH), opening_words, tails).map("".join)
texts = st.text(alphabet="abAB .;\n-é’", max_size=40)


@settings(max_examples=1000, deadline=None)
@given(patterns, texts, st.data())
@example(r"\b(?:ab|a b)(?:the )?b", "ab b a b b", None)
@example(r"(?:a)?b", "ab b", None)
def test_a_random_pattern_finds_the_same(
    source: str, text: str, data: st.DataObject | None
) -> None:
    start, end = 0, len(text)
    if data is not None:
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
    for flags in (re.IGNORECASE, 0):
        pattern = re.compile(source, flags)
        words = openings(pattern)
        if words is None:  # every match opens with a word, in ASCII only where it has none
            assert not source.isascii(), source
            continue
        fast = tried_at_openings(pattern, words, text, text.lower(), start, end)
        assert spans(fast) == spans(pattern.finditer(text, start, end)), (source, words)


def test_a_pattern_that_may_open_with_anything_has_no_openings() -> None:
    for source in [r"\w+ talks", r"(?:talks)?", r"(?:a|\b)\w", r"(?:a)*\w", r"[a-c]d", r"\b"]:
        assert openings(re.compile(source)) is None, source


def test_a_choice_of_words_opens_with_each() -> None:
    assert openings(re.compile(r"\b(?:visited|visit to|to visit)\b", re.I)) == (
        "to visit",
        "visit to",
        "visited",
    )
    assert openings(re.compile(r"\b(?:held|hold)s? talks", re.I)) == (
        "held talks",
        "helds",
        "hold talks",
        "holds",
    )
    assert openings(re.compile(r"(?:aircraft )?carriers?", re.I)) == ("aircraft ", "carrier")


def test_the_finder_finds_the_same_cues_without_openings() -> None:
    plain = CueFinder()
    plain.openings = [None] * len(plain.openings)
    for path in SENTENCES:
        lines = path.read_text(encoding="utf-8").splitlines()
        rows = [line.split("\t")[-1] for line in lines if line and not line.startswith("#")]
        for at in range(0, len(rows), 8):
            text = "\n\n".join(rows[at : at + 8])
            assert finder().find(text) == plain.find(text)
            odd = text.replace("s", "ſ", 1)  # a letter whose case folds oddly: the plain path
            assert finder().find(odd) == plain.find(odd)
