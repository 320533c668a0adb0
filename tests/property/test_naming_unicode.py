"""Name keys under every Unicode case mapping that changes a string's length."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bilateral.naming import fold

# Every character whose upper, lower or folded case is not one character of its own, or whose
# folded case differs from its lower case ("ẞ", "ß", "ﬁ", "İ", "ŉ", final sigma ...).
UNEVEN = [
    chr(cp)
    for cp in range(sys.maxunicode + 1)
    if unicodedata.category(chr(cp))[0] in "LM"
    and (
        len(chr(cp).upper()) != 1
        or len(chr(cp).lower()) != 1
        or chr(cp).casefold() != chr(cp).lower()
    )
]


def test_there_are_such_characters() -> None:
    assert {"ß", "ẞ", "ﬁ", "İ"} <= set(UNEVEN)


@pytest.mark.parametrize("context", ["", "A", "a", "s", "Ss", "Al "])
def test_every_uneven_character_folds_alike_in_any_case(context: str) -> None:
    for c in UNEVEN:
        for text in (context + c, c + context):
            assert fold(text.upper()) == fold(text.lower()) == fold(text), (hex(ord(c)), text)


@given(st.text(alphabet=st.sampled_from([*UNEVEN, "a", "S", " ", "-"]), max_size=12))
@example("Aẞ")  # drawn once by a random run: "a" for the upper case, "as" for the lower
def test_strings_of_uneven_characters_fold_alike(name: str) -> None:
    assert fold(name.upper()) == fold(name.lower())
