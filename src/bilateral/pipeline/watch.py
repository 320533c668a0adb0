"""Watching feeds and pages: poll every so often, ingest what is new, back off on errors.

A source is a feed URL, a page URL, a feed file (.rss .atom .xml), or a file listing URLs one a
line (# starts a comment); files are read again at every poll, so a list can be edited while it
is watched. What is known costs nothing: a feed is asked for with the validators of its last
answer (ETag, Last-Modified), so an unchanged feed is a 304; an item whose link or id a stored
article has is not fetched; a page URL already stored is not fetched again. New articles are
ingested a batch at a time, and a stop request is honoured between batches, so a stop never
leaves a batch half-written.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bilateral.ingest import (
    FeedItem,
    Fetcher,
    FetchPolicy,
    fetching,
    holding,
    is_url,
    item_article,
    page_article,
    parse_feed,
)
from bilateral.ingest.feeds import FEED_SUFFIXES, Feed
from bilateral.ingest.fetch import FEED_TYPES
from bilateral.model import IngestFailure, RawArticle, Settings
from bilateral.pipeline.pools import Pool
from bilateral.pipeline.runner import Extractor, Ingestor
from bilateral.store import KnowledgeBase

MAX_BACKOFF = 64  # a failing source waits at most this many intervals
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in "90", "30s", "15m", "2h" or "1d"; ValueError with a sentence otherwise."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"{text!r} is not an interval such as 90s, 15m, 2h or 1d.")
    return float(match.group(1)) * _UNITS[match.group(2) or "s"]


@dataclass
class PollReport:
    number: int = 0
    targets: int = 0
    waiting: int = 0  # backing off after an error
    unchanged: int = 0  # feeds that answered 304 or whose items were all known
    new: int = 0  # items and pages not seen before
    ingested: int = 0
    duplicates: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    stopped: bool = False

    def line(self) -> str:
        text = (
            f"poll {self.number}: {self.targets} sources"
            + (f" ({self.waiting} backing off)" if self.waiting else "")
            + f", {self.new} new, {self.ingested} ingested, {self.duplicates} duplicates, "
            f"{len(self.failures)} failed"
        )
        if self.failures:
            text += "; " + "; ".join(f"{f.source}: {f.reason}" for f in self.failures)
        return text + ("; stopped" if self.stopped else "")


@dataclass
class _State:
    validators: dict[str, str] = field(default_factory=dict)  # ETag / Last-Modified
    errors: int = 0
    due: float = 0.0
    is_feed: bool = False


class Watcher:
    """Polls sources into one knowledge base; keep one across polls (it keeps the extractor,
    the feeds' validators and what it has seen)."""

    def __init__(
        self,
        kb: KnowledgeBase,
        settings: Settings,
        make_extractor: Callable[[], Extractor | Pool],
        sources: list[str],
        policy: FetchPolicy | None = None,
    ) -> None:
        self.kb = kb
        self.settings = settings
        self.sources = sources
        self.policy = policy or FetchPolicy(max_bytes=settings.max_file_bytes)
        self._make_extractor = make_extractor
        self._extractor: Extractor | Pool | None = None
        self.fetcher = Fetcher(self.policy)
        self.state: dict[str, _State] = {}
        self.seen: set[str] = set()  # links and ids handled in this run, stored or not
        self.polls = 0
        self.every = 900.0

    def close(self) -> None:
        self.fetcher.close()

    def extractor(self) -> Extractor | Pool:
        """Loaded on the first new article, then kept for every later poll."""
        if self._extractor is None:
            self._extractor = self._make_extractor()
        return self._extractor

    def _targets(self, report: PollReport) -> Iterator[str]:
        for source in self.sources:
            if is_url(source):
                yield source
                continue
            path = Path(source)
            if path.suffix.lower() in FEED_SUFFIXES:
                yield source
                continue
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                report.failures.append(IngestFailure(source, f"cannot be read ({exc})."))
                continue
            for line in lines:
                url = line.split("#", 1)[0].strip()
                if is_url(url):
                    yield url
                elif url:
                    report.failures.append(IngestFailure(source, f"{url!r} is not a URL."))

    def poll(self, stop: threading.Event | None = None) -> PollReport:
        """One pass over every source that is due; returns what it did."""
        self.polls += 1
        report = PollReport(number=self.polls)
        now = time.monotonic()
        for target in dict.fromkeys(self._targets(report)):
            if stop is not None and stop.is_set():
                report.stopped = True
                break
            report.targets += 1
            state = self.state.setdefault(target, _State())
            if state.due > now:
                report.waiting += 1
                continue
            failed_before = len(report.failures)
            articles, item_failures = self._poll_target(target, state, report)
            fetch_failed = len(report.failures) > failed_before
            report.failures += item_failures  # tried again at the next poll, no back-off
            self._ingest(articles, report, stop)
            if fetch_failed:  # the source itself failed: wait longer before asking again
                state.errors += 1
                state.due = now + self.every * min(2 ** (state.errors - 1), MAX_BACKOFF)
            else:
                state.errors, state.due = 0, 0.0
        return report

    def _poll_target(
        self, target: str, state: _State, report: PollReport
    ) -> tuple[list[RawArticle], list[IngestFailure]]:
        """The new articles of one source, and the items of it that failed. A failure of the
        source itself (unreachable, not a feed) goes into the report."""
        if not is_url(target):
            try:
                data = Path(target).read_bytes()
            except OSError as exc:
                report.failures.append(IngestFailure(target, f"cannot be read ({exc.strerror})."))
                return [], []
            return self._feed_items(parse_feed(data, target), report)
        if not state.is_feed and target in self.seen | self.kb.known_links([target]):
            self.seen.add(target)
            return [], []  # a page stored before is not fetched again
        headers = {}
        if "etag" in state.validators:
            headers["If-None-Match"] = state.validators["etag"]
        if "last-modified" in state.validators:
            headers["If-Modified-Since"] = state.validators["last-modified"]
        got = self.fetcher.fetch(target, headers=headers)
        if isinstance(got, IngestFailure):
            report.failures.append(got)
            return [], []
        if got.status == 304:
            report.unchanged += 1
            return [], []
        if got.content_type in FEED_TYPES:
            state.is_feed = True
            articles, failed = self._feed_items(parse_feed(got.body, target), report)
            # an item that failed must be seen again: no validators, so no 304 next time
            state.validators = {
                k: got.headers[k]
                for k in ("etag", "last-modified")
                if got.headers.get(k) and not failed
            }
            return articles, failed
        report.new += 1
        page = page_article(got, target)
        if isinstance(page, IngestFailure):
            report.failures.append(page)
            return [], []
        return [page], []

    def _feed_items(
        self, feed: Feed | IngestFailure, report: PollReport
    ) -> tuple[list[RawArticle], list[IngestFailure]]:
        if isinstance(feed, IngestFailure):
            report.failures.append(feed)
            return [], []
        keys = [k for item in feed.items for k in (item.link, item.guid) if k]
        known = self.seen | self.kb.known_links(keys)
        fresh: list[FeedItem] = [
            item
            for item in feed.items
            if not ({item.link, item.guid} - {None}) & known and (item.link or item.guid)
        ]
        if not fresh:
            report.unchanged += 1
        report.new += len(fresh)
        articles, failed = [], []
        for item in fresh:
            found = item_article(item, feed, self.fetcher)
            if isinstance(found, IngestFailure):
                failed.append(found)
            else:
                articles.append(found)
        return articles, failed

    def _ingest(
        self, articles: list[RawArticle], report: PollReport, stop: threading.Event | None
    ) -> None:
        if not articles:
            return
        size = self.settings.batch_size
        # a new ingestor each time: it reads the near-duplicate index again, so articles that
        # others wrote since (the write API, another watch) are known to it
        ingestor = Ingestor(self.kb, self.settings, self.extractor)
        for start in range(0, len(articles), size):
            if stop is not None and stop.is_set():
                report.stopped = True
                return
            chunk = articles[start : start + size]
            with fetching(self.policy), holding(chunk) as key:
                done = ingestor.run([key])
            report.ingested += done.ingested
            report.duplicates += done.duplicates
            report.failures += done.failures
            for article in chunk:
                self.seen |= {k for k in (article.url, article.external_id) if k}

    def run(
        self,
        every: float,
        stop: threading.Event,
        log: Callable[[str], None],
        polls: int | None = None,
    ) -> None:
        """Poll every `every` seconds until `stop` is set (or `polls` polls are done)."""
        self.every = every
        while not stop.is_set():
            log(self.poll(stop).line())
            if polls is not None and self.polls >= polls:
                return
            stop.wait(every)
