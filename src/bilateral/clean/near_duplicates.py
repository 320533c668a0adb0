"""Near-duplicate articles (the same wire story on two sites): MinHash with banded LSH."""

from __future__ import annotations

import zlib
from collections import defaultdict
from itertools import accumulate

import numpy as np

from bilateral.clean.runs import Runs

PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
SHINGLE = 5
_PRIME = np.uint64(4294967311)  # the first prime above 2**32
_rng = np.random.RandomState(20210817)  # fixed: signatures must be the same in every run
_A = _rng.randint(1, 2**31 - 1, size=PERMUTATIONS, dtype=np.int64).astype(np.uint64)
_B = _rng.randint(0, 2**31 - 1, size=PERMUTATIONS, dtype=np.int64).astype(np.uint64)
_WORDS = Runs(r"\w")


def signature(text: str) -> tuple[int, ...]:
    """MinHash of the text's shingles (SHINGLE words joined by a space, hashed by CRC-32)."""
    words = _WORDS.findall(text.lower())
    if not words:
        return ()
    # every shingle is a slice of the words joined once: hashed in place, never built
    spaced = " ".join(words)
    joined = spaced.encode()
    sizes = map(len, words) if len(joined) == len(spaced) else (len(w.encode()) for w in words)
    ends = list(accumulate(map((1).__add__, sizes)))  # where each word ends, plus its space
    if len(words) < SHINGLE:
        hashes = [zlib.crc32(joined)]
    else:
        hashes = [
            zlib.crc32(joined[start : end - 1])
            for start, end in zip([0, *ends], ends[SHINGLE - 1 :], strict=False)
        ]
    # A repeated shingle hashes alike and cannot change a minimum, so none is dropped.
    # a*x + b stays below 2**63 since a < 2**31 and x < 2**32: no overflow in uint64.
    # one array for every permutation of every shingle, added to and reduced in place
    mixed = np.array(hashes, dtype=np.uint64)[:, None] * _A[None, :]
    mixed += _B[None, :]
    mixed %= _PRIME
    return tuple(mixed.min(axis=0).tolist())


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def band_keys(sig: tuple[int, ...]) -> tuple[str, ...]:
    """The LSH bands of a signature as strings: two texts that share one are candidates."""
    if len(sig) != PERMUTATIONS:
        return ()
    values = list(map(str, sig))
    return tuple(
        f"{band}:" + ",".join(values[band * ROWS : (band + 1) * ROWS]) for band in range(BANDS)
    )


def closest(
    sig: tuple[int, ...], candidates: dict[str, tuple[int, ...]], threshold: float
) -> str | None:
    """The most similar candidate at or above the threshold; among equals the smallest id, so
    the answer does not depend on the order candidates were found in."""
    scored = [(similarity(sig, other), doc_id) for doc_id, other in candidates.items()]
    best = [(-score, doc_id) for score, doc_id in scored if score >= threshold]
    return min(best)[1] if best else None


class NearDuplicateIndex:
    """Documents seen so far, searchable by signature; the first copy is the original."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._buckets: dict[tuple[int, tuple[int, ...]], list[str]] = defaultdict(list)
        self._signatures: dict[str, tuple[int, ...]] = {}

    def add(self, doc_id: str, sig: tuple[int, ...]) -> None:
        if len(sig) != PERMUTATIONS or doc_id in self._signatures:
            return
        self._signatures[doc_id] = sig
        for band in range(BANDS):
            self._buckets[(band, sig[band * ROWS : (band + 1) * ROWS])].append(doc_id)

    def original_of(self, doc_id: str, sig: tuple[int, ...]) -> str | None:
        """The id of an earlier document this one nearly duplicates, if any."""
        if len(sig) != PERMUTATIONS:
            return None
        return closest(sig, self.candidates(doc_id, sig), self.threshold)

    def candidates(self, doc_id: str, sig: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
        """Documents of the index sharing a band with this signature, and their signatures."""
        found: dict[str, tuple[int, ...]] = {}
        for band in range(BANDS):
            for other in self._buckets.get((band, sig[band * ROWS : (band + 1) * ROWS]), ()):
                if other != doc_id:
                    found[other] = self._signatures[other]
        return found
