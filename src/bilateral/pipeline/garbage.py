"""How often Python's cyclic garbage collector runs while bilateral works.

An ingest allocates many objects that live long (documents, facts, rows, and in a worker the
model and its lexicons), which the default threshold (700 allocations) would have the
collector scan again and again. Scanning the youngest generation every GC_THRESHOLD
allocations instead made our own work about a seventh cheaper (1.50 -> 1.30 CPU s per 400
Reuters articles), while the models' own pass hardly changed (about 1%).
"""

from __future__ import annotations

import gc
import threading

GC_THRESHOLD = 10_000  # allocations between two collections of the youngest generation


def _raise_threshold(saved: tuple[int, int, int]) -> None:
    first, *older = saved
    gc.set_threshold(max(first, GC_THRESHOLD), *older)


class FewerCollections:
    """While any ingest runs, the collector runs less often. The threshold found before the
    first of the runs at hand is put back when the last of them ends, however it ends: a
    program using bilateral as a library keeps its own setting outside our calls."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0
        self._saved = gc.get_threshold()

    def __enter__(self) -> None:
        with self._lock:
            if self._running == 0:
                self._saved = gc.get_threshold()
                _raise_threshold(self._saved)
            self._running += 1

    def __exit__(self, *_: object) -> None:
        with self._lock:
            self._running -= 1
            if self._running == 0:
                gc.set_threshold(*self._saved)


def settle_worker() -> None:
    """A process whose only work is extraction (a pool's worker, a Ray actor) sets its model
    and lexicons, made once, aside from every later collection, and collects less often for
    good: the process is ours alone, so the setting is too."""
    gc.collect()
    gc.freeze()
    _raise_threshold(gc.get_threshold())
