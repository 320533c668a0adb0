"""Runs of a class's characters read by translate and split where the text is ASCII: what the
pattern finds, for any text."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bilateral.clean.runs import Runs

_CLASSES = [r"\w", r"\w'’-", "a-z"]
_ASCII = st.text(alphabet=st.characters(max_codepoint=127), max_size=60)


@pytest.mark.parametrize("chars", _CLASSES)
@given(text=_ASCII | st.text(max_size=60))
@example(text="Don't  re-read\x1c\x1fthe_text\t(42)\u00a0x")
@example(text="a\x0bb\x0cc\rd\ne\x85f")
def test_runs_are_what_the_pattern_finds(chars: str, text: str) -> None:
    runs = Runs(chars)
    assert runs.findall(text) == runs.pattern.findall(text)
    assert runs.findall(text.lower()) == runs.pattern.findall(text.lower())


def test_a_class_with_a_space_is_refused() -> None:
    with pytest.raises(ValueError):
        Runs(r"\w\s")
