"""Ingest: sources (files, folders, JSON Lines) -> RawArticle, or IngestFailure with a reason."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from bilateral.ingest.files import SUPPORTED, Item, expand, read_file


def read_sources(paths: Iterable[str | Path], max_bytes: int) -> Iterator[Item]:
    """Every article found under `paths`, in a stable order; problems come out as failures."""
    for found in expand(paths):
        if isinstance(found, Path):
            yield from read_file(found, max_bytes)
        else:
            yield found


__all__ = ["SUPPORTED", "Item", "read_sources"]
