"""Ingest: sources (files, folders, JSON Lines) -> RawArticle, or IngestFailure with a reason."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from bilateral.ingest.files import JSONL_SUFFIXES, SUPPORTED, Item, expand, read_file


def read_sources(paths: Iterable[str | Path], max_bytes: int) -> Iterator[Item]:
    """Every article found under `paths`, in a stable order; problems come out as failures."""
    for found in expand(paths):
        if isinstance(found, Path):
            yield from read_file(found, max_bytes)
        else:
            yield found


def estimate_count(paths: Iterable[str | Path]) -> int:
    """How many articles `paths` hold, for a progress bar: files, plus lines of JSON Lines."""
    total = 0
    for found in expand(paths):
        if isinstance(found, Path) and found.suffix.lower() in JSONL_SUFFIXES:
            try:
                with found.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


__all__ = ["SUPPORTED", "Item", "estimate_count", "read_sources"]
