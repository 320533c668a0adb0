"""A word list as a tree of shared beginnings matches exactly what the plain list matches: the
same spans and groups, in every context the extractor's patterns put it in, with and without
IGNORECASE. A pattern tried only where its matches can begin finds what finditer finds."""

from __future__ import annotations

import re
import sys

from hypothesis import example, given
from hypothesis import strategies as st

from bilateral.extract.matching import (
    ODD_CASE,
    Anchored,
    after_none_of,
    alternation,
    matches_at,
    tree,
    whole_words,
)

# few letters, so that words share beginnings and texts hold them; case variants and the
# letters whose case Unicode folds oddly ("ſ" matches "s" under IGNORECASE) included
LETTERS = "abAB sſ$.-İı"
words = st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=5), min_size=1, max_size=12)
texts = st.text(alphabet=LETTERS + "xX1", max_size=60)
# where the patterns put a word list: alone, between word boundaries, before an optional
# tail, captured, inside a search that must reach the end
CONTEXTS = [
    "{}",
    r"\b(?:{})\b",
    r"(?:{})(?:a|\s)?",
    r"(?P<w>{})\s*(?:b|$)",
    r"(?:{})(?!\w)",
]


def plain(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


def found(pattern: str, flags: int, text: str) -> list[tuple[tuple[int, int], dict[str, str]]]:
    return [(m.span(), m.groupdict()) for m in re.finditer(pattern, text, flags)]


@given(words, texts)
@example(["ab", "a", "Ab", "abb"], "Abb ab a")
@example(["s", "ſa", "S"], "ſa sa Sa")
@example(["ſabb", "sab", "ſa"], "sab")  # "ſ" and "s" in one branch, or "ſa" wins over "sab"
def test_the_tree_matches_what_the_list_matches(forms: list[str], text: str) -> None:
    for ignorecase in (False, True):
        flags = re.IGNORECASE if ignorecase else 0
        for context in CONTEXTS:
            old = context.format(plain(forms))
            new = context.format(alternation(forms, ignorecase))
            assert found(new, flags, text) == found(old, flags, text), (context, ignorecase)


@given(words, texts)
def test_pieces_of_pattern_keep_their_place(forms: list[str], text: str) -> None:
    """An atom that is a piece of pattern ("\\s?\\$" for "$") may match what a letter does:
    the tree keeps the plain order wherever one stands."""
    ordered = sorted(set(forms), key=len, reverse=True)
    atoms = [[r"\s?\$" if ch == "$" else re.escape(ch) for ch in f] for f in ordered]
    old = "|".join("".join(a) for a in atoms)
    for flags in (0, re.IGNORECASE):
        assert found(tree(atoms, bool(flags)), flags, text) == found(old, flags, text)


@given(words, texts)
@example(["a", "ab", "b"], "ab")
def test_an_order_other_than_longest_first_is_kept(forms: list[str], text: str) -> None:
    """Where a word comes before a longer one it begins ("seven|seventeen"), the shorter is
    tried first, as in the plain list."""
    atoms = [[re.escape(ch) for ch in f] for f in forms]
    old = "|".join(re.escape(f) for f in forms)
    for flags in (0, re.IGNORECASE):
        assert found(tree(atoms, bool(flags)), flags, text) == found(old, flags, text)


def test_a_word_that_begins_another_comes_after_it() -> None:
    assert alternation(["Sep", "Sept", "September"], ignorecase=False) == "Sep(?:t(?:ember)?)?"
    assert re.fullmatch(alternation(["dollar", "dollars", "dlrs"], True), "DOLLARS", re.I)


@given(words, texts)
@example(["ab", "b"], "abab b")
def test_tried_where_matches_can_begin_it_finds_what_finditer_finds(
    forms: list[str], text: str
) -> None:
    pattern = re.compile(rf"(?:{plain(forms)})\w*", re.IGNORECASE)
    everywhere = range(len(text) + 1)
    # each place a word begins: more places than the matches begin at, in order
    begins = sorted(
        {m.start() for f in set(forms) for m in re.finditer(f"(?=(?i:{re.escape(f)}))", text)}
    )
    expected = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in matches_at(pattern, text, everywhere)] == expected
    assert [m.span() for m in matches_at(pattern, text, begins)] == expected


def test_odd_case_holds_every_letter_whose_case_folds_onto_ascii() -> None:
    """A text without ODD_CASE's letters reads the same lower-cased: no other letter matches
    an ASCII one under IGNORECASE, lower-cases into two letters, or becomes an ASCII letter."""
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        if ODD_CASE.match(char) or 0xD800 <= code <= 0xDFFF:
            continue
        lowered = char.lower()
        assert not ascii_letter.match(char), hex(code)
        assert len(lowered) == 1 and not lowered.isascii(), hex(code)


@given(words, texts)
def test_a_pattern_anchored_at_its_initials_finds_what_it_finds_everywhere(
    forms: list[str], text: str
) -> None:
    pattern = re.compile(rf"(?<![\w-])(?:{plain(forms)})")
    letters = re.escape("".join({f[0] for f in forms}))
    anchored = Anchored.of(pattern, letters, r"\w-")
    assert [m.span() for m in anchored.finditer(text)] == [m.span() for m in pattern.finditer(text)]


# names of an article: capitals, and the apostrophes that may end a word inside a name
NAME_LETTERS = "aAb '’-_é"
names = st.lists(st.text(alphabet=NAME_LETTERS, min_size=1, max_size=5), min_size=1, max_size=8)


@given(names, st.text(alphabet=NAME_LETTERS + "x.", max_size=60))
@example(["ab", "a"], "ab a-ab a'b ab'")
@example(["a", "a'b"], "a'b")  # a word that begins another, where both may end
def test_whole_words_finds_what_the_pattern_finds(forms: list[str], text: str) -> None:
    """In any order of preference, as finditer finds them with the pattern of the words."""
    for ordered in (sorted(set(forms)), sorted(set(forms), key=len, reverse=True), forms):
        pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, ordered))})(?![\w-])")
        expected = [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]
        assert list(whole_words(ordered, text)) == expected


def test_an_empty_word_is_left_to_the_pattern() -> None:
    assert [m[:2] for m in whole_words(["a", ""], "a  b ")] == [(0, 1), (2, 2), (5, 5)]


@given(words, texts)
@example(["ab", "b"], "ab-b b")
def test_the_lookbehind_after_the_first_letter_finds_what_it_finds_before(
    forms: list[str], text: str
) -> None:
    """The words tried only where their first letters stand: the same matches, in every
    context the extractor's patterns put them in."""
    for not_after, context in ((r"\w-", "(?:{})(?![\\w-])"), (r"\w", "(?P<w>{})\\s*(?:b|$)")):
        old = re.compile(context.format(rf"(?<![{not_after}])(?:{plain(forms)})"))
        new = re.compile(context.format(after_none_of(forms, not_after)))
        assert found(new.pattern, 0, text) == found(old.pattern, 0, text)
