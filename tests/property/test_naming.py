"""Name normalisers: idempotent, and blind to exactly the differences they claim to ignore."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from bilateral.naming import (
    _caseless,
    _is_tidy,
    _unicode_caseless,
    _unicode_fold,
    ascii_fold,
    fold,
    strip_decoration,
    tidy,
    words,
)

names = st.text(
    alphabet=st.characters(categories=["Lu", "Ll", "Zs", "Pd"], include_characters="'’-"),
    max_size=40,
)


# what a tidy name was once written as: words of no space, one space between, no "- "
TIDY = re.compile(r"(?:[^\s-]|-(?!\s))+(?: (?:[^\s-]|-(?!\s))+)*")


@given(st.text(alphabet="a- \t\n\u00a0\u2003\x1c", max_size=12) | names)
@example("")
@example("a-")
@example("a -b")
def test_a_tidy_name_is_read_as_the_pattern_reads_it(name: str) -> None:
    assert _is_tidy(name) == bool(TIDY.fullmatch(name))


@given(names)
def test_tidy_is_idempotent(name: str) -> None:
    assert tidy(tidy(name)) == tidy(name)


@given(names)
def test_fold_is_idempotent_on_its_own_output(name: str) -> None:
    assert fold(fold(name)) == fold(name)


@given(names)
def test_fold_ignores_case_spacing_and_broken_hyphens(name: str) -> None:
    assert fold(name.upper()) == fold(name.lower()) == fold(" ".join(name.split()))
    assert fold(name.replace("-", "- ")) == fold(name)


@given(names)
def test_words_never_contain_spaces(name: str) -> None:
    assert all(" " not in w and w for w in words(name))


def test_transliteration_variants_share_a_key() -> None:
    assert fold("Abdul Kassim Rahman") == fold("Abdul- Qasim Rahman")
    assert fold("the Jakarta Post's") == fold("Jakarta Post")
    assert fold("Petro-Canada") == fold("Petro Canada")
    assert fold("Lee Hsien-loong") != fold("Kim Jong-un")


def test_strip_decoration() -> None:
    assert strip_decoration("the Lagos Business School") == "Lagos Business School"
    assert strip_decoration("Hong Kong’s") == "Hong Kong"
    assert tidy("Abdul-  Qasim   Rahman") == "Abdul-Qasim Rahman"


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40) | st.text(max_size=40))
@example("O'Neill & Sons")
@example("Æsop Ødegaard")
@example("O`Neill")
def test_ascii_names_fold_and_lose_case_as_unicode_says(name: str) -> None:
    """The ASCII fast paths answer as the Unicode normalisations do, for any text."""
    assert ascii_fold(name) == _unicode_fold(name)
    assert _caseless(name) == _unicode_caseless(name)
