"""Ingest: sources (files, folders, JSON Lines, feeds, web archives, URLs, articles held in
memory) -> RawArticle, or IngestFailure with a reason."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from bilateral.ingest.feeds import FeedItem, item_article, looks_like_feed, parse_feed, read_feed
from bilateral.ingest.fetch import (
    USER_AGENT,
    Fetched,
    Fetcher,
    FetchPolicy,
    current_policy,
    fetching,
    is_url,
)
from bilateral.ingest.files import (
    FEED_SUFFIXES,
    JSONL_SUFFIXES,
    SUPPORTED,
    Item,
    expand,
    read_bytes,
    read_file,
    read_jsonl,
)
from bilateral.ingest.held import held_items, holding, is_held
from bilateral.ingest.urls import page_article, read_url
from bilateral.ingest.warc import is_warc, read_warc


def _read_path(path: Path, max_bytes: int, fetcher: Fetcher, in_folder: bool) -> Iterator[Item]:
    if is_warc(path):
        yield from read_warc(path, max_bytes)
    elif path.suffix.lower() in FEED_SUFFIXES:
        data = read_bytes(path, max_bytes)
        if not isinstance(data, bytes):
            yield data
        elif in_folder and path.suffix.lower() == ".xml" and not looks_like_feed(data):
            return  # some other XML file in a folder is passed over, like a stray image
        else:
            yield from read_feed(data, str(path), fetcher)
    else:
        yield from read_file(path, max_bytes)


def read_sources(paths: Iterable[str | Path], max_bytes: int) -> Iterator[Item]:
    """Every article found under `paths`, in a stable order; problems come out as failures.
    URLs and feed items are fetched under the current FetchPolicy (see `fetching`)."""
    with Fetcher(current_policy()) as fetcher:
        for raw in paths:
            if is_held(raw):
                yield from held_items(str(raw))
            elif is_url(raw):
                yield from read_url(str(raw), fetcher)
            else:
                in_folder = Path(raw).is_dir()
                for found in expand([raw]):
                    if isinstance(found, Path):
                        yield from _read_path(found, max_bytes, fetcher, in_folder)
                    else:
                        yield found


def estimate_count(paths: Iterable[str | Path]) -> int:
    """How many articles `paths` hold, for a progress bar: files, plus lines of JSON Lines."""
    total = 0
    for raw in paths:
        if is_held(raw):
            total += len(held_items(str(raw)))
            continue
        if is_url(raw):
            total += 1
            continue
        for found in expand([raw]):
            if isinstance(found, Path) and found.suffix.lower() in JSONL_SUFFIXES:
                try:
                    with found.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


__all__ = [
    "SUPPORTED",
    "USER_AGENT",
    "FeedItem",
    "FetchPolicy",
    "Fetched",
    "Fetcher",
    "Item",
    "estimate_count",
    "fetching",
    "holding",
    "is_url",
    "item_article",
    "page_article",
    "parse_feed",
    "read_jsonl",
    "read_sources",
]
