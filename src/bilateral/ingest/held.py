"""Articles already in memory (a request body, a watched feed's new items), handed to the
pipeline as a source key: the pipeline takes paths, and `held:KEY` is one."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from bilateral.model import IngestFailure, RawArticle

PREFIX = "held:"

_held: dict[str, list[RawArticle | IngestFailure]] = {}
_lock = threading.Lock()


def is_held(source: object) -> bool:
    return isinstance(source, str) and source.startswith(PREFIX)


@contextmanager
def holding(items: Iterable[RawArticle | IngestFailure]) -> Iterator[str]:
    """A key that reads as `items` while the block runs; forgotten after it."""
    key = f"{PREFIX}{uuid.uuid4().hex}"
    with _lock:
        _held[key] = list(items)
    try:
        yield key
    finally:
        with _lock:
            _held.pop(key, None)


def held_items(key: str) -> list[RawArticle | IngestFailure]:
    with _lock:
        found = _held.get(key)
    if found is None:
        return [IngestFailure(key, "nothing is held under this key.")]
    return list(found)
