"""Which earlier reports share enough words with a new one to be taken for the same happening,
found without comparing it with every one of them.

Two reports are linked by their words when they share at least SHARED_WORDS of them and that
many make at least SHARED_SHARE of all the words of both. Such a pair shares at least
`needed(|x|)` words, counted from either side, so (with all words put in one order, rarest
first) the rarest word they share lies among the first |x| - needed(|x|) + 1 words of each.
Only those first words of a report are indexed and looked up; the common words of a pair
("talks", "trade") are left out of both, and every report found is checked in full."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Generic, TypeVar

Owner = TypeVar("Owner", bound=Hashable)

SHARED_WORDS = 4
SHARED_SHARE = 0.2


def words_match(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    shared = len(mine & theirs)
    union = len(mine) + len(theirs) - shared
    return shared >= SHARED_WORDS and shared / max(1, union) >= SHARED_SHARE


def needed(size: int) -> int:
    """A lower bound of the words a report of this many shares with any report it matches: the
    share is of the union, which is at least this report (rounded down to stay a bound)."""
    return max(SHARED_WORDS, int(SHARED_SHARE * size))


class WordIndex(Generic[Owner]):
    """Reports by the rarest of their words, each with its owner (the cluster it is in): `add`
    them, then ask which owners hold a report whose words match a new one."""

    def __init__(self, frequency: Mapping[str, int]) -> None:
        self._frequency = frequency  # fixed while the index lives: it orders every report
        self._postings: dict[str, list[int]] = {}
        self._words: list[frozenset[str]] = []
        self._owners: list[Owner] = []

    def _prefix(self, words: frozenset[str]) -> list[str]:
        ordered = sorted(words, key=lambda w: (self._frequency.get(w, 0), w))
        return ordered[: max(0, len(ordered) - needed(len(ordered)) + 1)]

    def add(self, words: frozenset[str], owner: Owner) -> None:
        number = len(self._words)
        self._words.append(words)
        self._owners.append(owner)
        for word in self._prefix(words):
            self._postings.setdefault(word, []).append(number)

    def owners_matching(self, words: frozenset[str]) -> set[Owner]:
        """The owners of the reports whose words match these (an owner found is not asked
        again)."""
        found: set[Owner] = set()
        seen: set[int] = set()
        for word in self._prefix(words):
            for number in self._postings.get(word, ()):
                if number in seen or self._owners[number] in found:
                    continue
                seen.add(number)
                if words_match(words, self._words[number]):
                    found.add(self._owners[number])
        return found
