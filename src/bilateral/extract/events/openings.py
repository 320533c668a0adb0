"""A cue pattern tried only where one of its matches can begin.

Most cue patterns open with a choice of words ("\\b(?:visited|visiting|visit to|...)"), and
Python's engine, which can skip ahead to neither a word boundary nor a letter under IGNORECASE,
tries such a pattern at every position of a paragraph. Read from the pattern's parse, the
words every match opens with (its openings) are found by `str.find` in the lower-cased text,
and the pattern is tried only there. Why it finds what finditer finds: every match begins
with an opening, so the places found hold every place a match begins; tried in order, each
after the end of the match before (a match is never empty: it holds its opening), the first
that matches is the one finditer's search reaches first. The text is searched lower-cased
only where it holds none of `ODD_CASE`'s letters, so that every letter an opening matches
under IGNORECASE is, lower-cased, the opening's letter, in the same place.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

# the parser of the `re` module itself: what a pattern means is what the engine will run
_PARSER: Any = importlib.import_module("re._parser")
_CONSTANTS: Any = importlib.import_module("re._constants")
# what takes no room in the text: a word boundary, a lookahead, a lookbehind
_ZERO_WIDTH = frozenset({_CONSTANTS.AT, _CONSTANTS.ASSERT, _CONSTANTS.ASSERT_NOT})
_REPEATS = frozenset({_CONSTANTS.MAX_REPEAT, _CONSTANTS.MIN_REPEAT})
# an opening this long is rare enough in a text; a shorter one is lengthened by what follows
# it, unless that is a choice of more words than this
LONG_ENOUGH = 4
MOST_WORDS = 32


def openings(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The words, lower-cased and in ASCII, one of which every match of the pattern begins
    with, none beginning another; None where the parse does not tell."""
    try:
        words = _opening(list(_PARSER.parse(pattern.pattern, pattern.flags)))
    except Exception:  # a parse of another version of Python, read otherwise
        return None
    if words is None:
        return None
    lowered = {w.lower() for w in words}
    if not all(w.isascii() for w in lowered):
        return None
    # a word that another begins adds no place: "visit" finds every "visited"
    return tuple(sorted(w for w in lowered if not any(o != w and w.startswith(o) for o in lowered)))


def _opening(items: list[Any]) -> set[str] | None:
    """The words one of which every match of the sequence of parsed items begins with (each
    not empty); None where a match may begin otherwise, or the sequence be empty."""
    at = 0
    while at < len(items) and items[at][0] in _ZERO_WIDTH:
        at += 1
    if at == len(items):
        return None
    op, arg = items[at]
    rest = items[at + 1 :]
    if op is _CONSTANTS.LITERAL:
        word = ""
        while at < len(items) and items[at][0] is _CONSTANTS.LITERAL:
            word += chr(items[at][1])
            at += 1
        return _lengthened({word}, items[at:])
    if op is _CONSTANTS.IN and all(o is _CONSTANTS.LITERAL for o, _ in arg):
        return _lengthened({chr(c) for _, c in arg}, rest)  # "(?:a|b)" parses as "[ab]"
    if op is _CONSTANTS.SUBPATTERN:
        _, add_flags, del_flags, inner = arg
        if add_flags or del_flags:
            return None
        return _opening([*inner, *rest])
    if op is _CONSTANTS.BRANCH:
        found: set[str] = set()
        for alternative in arg[1]:
            words = _opening([*alternative, *rest])
            if words is None:
                return None
            found |= words
        return found
    if op in _REPEATS:
        least, _, inner = arg
        first = _opening(list(inner))  # one time at least: a match begins as the item does
        if first is None or least >= 1:
            return first
        after = _opening(rest)  # none at all: as what follows does
        return None if after is None else first | after
    return None


def tried_at_openings(
    pattern: re.Pattern[str],
    words: Sequence[str],
    text: str,
    lowered: str,
    start: int,
    end: int,
) -> Iterator[re.Match[str]]:
    """What pattern.finditer(text, start, end) finds, the pattern tried only where one of its
    opening `words` stands in `lowered` (text.lower(), of the same length and places: a text
    without `ODD_CASE`'s letters)."""
    places: list[int] = []
    for word in words:
        at = lowered.find(word, start, end)
        while at >= 0:
            places.append(at)
            at = lowered.find(word, at + 1, end)
    if len(words) > 1:
        places.sort()
    resume = start
    for at in places:
        if at >= resume and (match := pattern.match(text, at, end)):
            yield match
            resume = match.end()


def _lengthened(words: set[str], rest: list[Any]) -> set[str]:
    """Words short enough to stand in many places, each with the words what follows begins
    with ("h(?:eld|old)"), unless what follows does not tell, or offers too many."""
    if all(len(w) >= LONG_ENOUGH for w in words):
        return words
    after = _opening(rest)
    if after is None or len(words) * len(after) > MOST_WORDS:
        return words
    return {w + a for w in words for a in after}
