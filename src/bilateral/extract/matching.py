"""Regular expressions made cheaper without changing what they match.

A list of words as one pattern that tries only the words a text can hold. Python's engine
tries the alternatives of "dollars|dlrs|euros|..." one after another at every position it
reaches, and with IGNORECASE it cannot even skip one on its first letter cheaply: a pattern of
a few hundred currency names or titles spends most of its time there. Written as a tree of
shared beginnings ("d(?:ollars?|lrs)|euros?|..."), with a character class up front that turns
away a position whose letter begins no word, it matches exactly what the plain list matches,
in the same order of preference, at a fraction of the cost. Why nothing changes: at one
position, the words that match are all beginnings of the same text, so each is a beginning of
the next; the plain list, sorted longest first, tries them longest first, and so does the
tree, which tries the longer words of a branch before ending it there. Two branches starting
with different letters never both match.

A pattern tried only where a match can begin: when a cheap scan finds every such place, the
pattern need not run over the rest of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

Word = Sequence[str]  # one alternative as atoms: pieces of pattern that each match one letter
# The only letters beyond ASCII that match ASCII ones when case is ignored ("ſ" matches "s",
# the Kelvin sign "k") or that lower-case into two letters ("İ"): a text without them can be
# searched lower-cased, in the same places, for what a pattern ignoring case would find.
ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")  # İ ı ſ and the Kelvin sign
# the names listed before the last one in "by Rwanda and Uganda", "by Iran, Syria or Russia":
# capitalised words, each name followed by a comma, "and" or "or"; a pattern to end a search
# just before the last name, so a name in a list stands where a single one would
LISTED = r"(?:(?:[A-Z][\w.'’-]*\s+){0,3}?[A-Z][\w.'’-]*(?:\s*,\s*|\s+(?:and|or)\s+)(?:the\s+)?)*"


def alternation(words: Iterable[str], ignorecase: bool, guard: bool = True) -> str:
    """The words (deduplicated, the longest first) as one pattern, for a pattern compiled with
    IGNORECASE or without it as `ignorecase` says."""
    ordered = sorted(set(words), key=len, reverse=True)
    return tree([[re.escape(ch) for ch in w] for w in ordered], ignorecase, guard)


def after_none_of(words: Iterable[str], not_after: str) -> str:
    """The words (case as written, the longest first) as one pattern that matches where
    (?<![not_after])(?:w1|w2|...) does, with the same preference, for a pattern compiled
    without IGNORECASE; `not_after` is a class body. Shaped so that the engine tries it only
    where a word's first letter stands: a pattern that opens with a lookbehind (or a word
    boundary) is tried at every position of the text, one that opens with a choice of letters
    only where its quick scan finds one of them. So the lookbehind follows the first letter of
    each branch and looks at two characters: the one before the letter, and the letter itself,
    which any character matches; at the start of the text there is no room for two, and the
    lookbehind holds, as it does there for the plain pattern."""
    ordered = sorted(set(words), key=len, reverse=True)
    if not all(ordered):
        raise ValueError("an empty word has no first letter")
    lead = rf"(?<![{not_after}][\s\S])"
    source, _ = _branch([[re.escape(ch) for ch in w] for w in ordered], False, lead=lead)
    return source


def tree(words: Sequence[Word], ignorecase: bool, guard: bool = True) -> str:
    """Alternatives given as atoms, in the order of preference, where a word that begins
    another comes after it: the same pattern as "|".join of them, shaped as a tree. An atom
    is an escaped character or a piece of pattern of its own ("\\s?\\$").

    With `guard`, a class of the first letters stands before the tree. Leave it out where the
    words begin a pattern that does not ignore case: the engine then finds by itself the
    letters a match can begin with, and skips to them faster than any pattern can."""
    source, _ = _branch([list(w) for w in words], ignorecase, top=guard)
    return source


def _key(atom: str, ignorecase: bool) -> str | None:
    """What two atoms share when they match the same letters; None for an atom that may match
    what another does (a piece of pattern, or a letter whose case Unicode folds oddly)."""
    char = atom[1:] if atom.startswith("\\") else atom
    if len(char) != 1:
        return None
    if ignorecase and not char.isascii() and char.lower() != char.upper():
        return None
    return char.lower() if ignorecase else char


def _branch(
    words: list[list[str]], ignorecase: bool, top: bool = False, lead: str = ""
) -> tuple[str, bool]:
    """(pattern, whether it is one sequence without a "|" of its own) for these alternatives;
    `lead`, a piece of pattern, stands after the first atom of each (all of them not empty)."""
    if len(words) == 1:
        return _led(words[0], lead), True
    ends = [i for i, w in enumerate(words) if not w]
    keys = [_key(w[0], ignorecase) if w else "" for w in words]
    if None in keys or (ends and ends != [len(words) - 1]):
        # not shaped as a tree: the plain list, as written
        return "|".join(_led(w, lead) for w in words), False
    groups: dict[str, list[list[str]]] = {}
    for word, key in zip(words, keys, strict=True):
        if word:
            groups.setdefault(key or "", []).append(word)
    parts = []
    for members in groups.values():
        rest, single = _branch([w[1:] for w in members], ignorecase)
        # under IGNORECASE the first atoms of a group match the same letters: any will do
        parts.append(members[0][0] + lead + (rest if single else f"(?:{rest})"))
    source = "|".join(parts)
    if ends:  # the word that ends here is tried after the longer ones
        return f"(?:{source})?", True
    if top and len(parts) > 1:
        # one class turns away at once a position whose letter begins none of the words
        firsts = "".join(sorted({w[0][1:] if w[0].startswith("\\") else w[0] for w in words}))
        return f"(?=[{re.escape(firsts)}])(?:{source})", True
    return source, len(parts) == 1


def _led(word: list[str], lead: str) -> str:
    return word[0] + lead + "".join(word[1:]) if lead else "".join(word)


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """What pattern.finditer(text) finds, given every place where one of its matches can begin
    (in order; more places do no harm): tried only there, each after the end of the one before,
    as finditer does. For patterns that never match the empty string."""
    resume = 0
    for at in starts:
        if at >= resume and (match := pattern.match(text, at)):
            yield match
            resume = match.end()


@dataclass(frozen=True)
class Anchored:
    """A pattern whose matches all begin with one of a few letters after no character of a
    class: its finditer tries it only at those letters, found by a scan led by a character
    class, which the engine runs in its quick loop that skips from one such letter to the next
    (a pattern led by a lookbehind or a word boundary is tried at every position instead).
    Worth it where those letters are rare (capitals) and the pattern costly to try."""

    pattern: re.Pattern[str]
    starts: re.Pattern[str]

    @classmethod
    def of(cls, pattern: re.Pattern[str], letters: str, not_after: str) -> Anchored:
        """`letters`: every character a match can begin with (a class body); `not_after`: the
        class the character before a match is never in. The lookbehind sits after the letter
        and looks at both: a start of text has nothing before it, as for the pattern."""
        return cls(pattern, re.compile(rf"[{letters}](?<![{not_after}][{letters}])"))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return matches_at(self.pattern, text, (m.start() for m in self.starts.finditer(text)))


_NAME_CHARACTER = re.compile(r"[\w-]")  # what may not stand just before or after a whole word


def whole_words(words: Sequence[str], text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) of what re.finditer finds in `text` for the pattern
    (?<![\\w-])(?:w1|w2|...)(?![\\w-]) of the words, escaped, in the order given (the order of
    preference where several match at one place), without compiling it: the words of one
    article (the surnames it names) would each time make a pattern of their own, whose
    compiling costs more than the search. Why it finds the same: each word is looked for as
    written (str.find, every place it occurs); at a place where no word-like character comes
    before, the first word in the given order that is written there and not followed by one
    is the one the pattern matches; and the search resumes after it, as finditer does. An
    empty word (which matches nowhere in particular) goes to the pattern itself."""
    if not all(words):
        pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, words))})(?![\w-])")
        yield from ((m.start(), m.end(), m.group(0)) for m in pattern.finditer(text))
        return
    places = sorted({at for word in set(words) for at in _occurrences(word, text)})
    resume = 0
    for at in places:
        if at < resume or (at > 0 and _NAME_CHARACTER.match(text, at - 1)):
            continue
        for word in words:
            end = at + len(word)
            if text.startswith(word, at) and not _NAME_CHARACTER.match(text, end):
                yield at, end, word
                resume = end
                break


def _occurrences(word: str, text: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)
