"""Watching a feed served on 127.0.0.1: only new items are fetched and ingested, an unchanged
feed costs a 304, a failing source is backed off, and SIGTERM stops between batches."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from bilateral.extract import Extractor
from bilateral.ingest import FetchPolicy
from bilateral.model import Settings
from bilateral.pipeline.watch import Watcher, parse_interval
from bilateral.store import KnowledgeBase
from tests.articles import article
from tests.sites import Reply, Site, made_up_page, rss, serving

POLICY = FetchPolicy(timeout=1.0, deadline=5.0)


class GrowingFeed:
    """A feed whose items can be added to; answers 304 to the ETag of its current version."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.items: list[dict[str, str]] = []

    def add(self, i: int) -> None:
        self.site.page(f"/story/{i}.html", made_up_page(100 + i))
        self.items.append(
            {
                "title": f"Story {i}",
                "link": self.site.url(f"/story/{i}.html"),
                "guid": f"story-{i}",
                "pubDate": f"Mon, 0{i} Apr 2024 08:00:00 GMT",
                "description": "A summary.",
            }
        )

    def __call__(self, request: BaseHTTPRequestHandler) -> Reply:
        etag = f'"v{len(self.items)}"'
        if request.headers.get("If-None-Match") == etag:
            return Reply(b"", status=304, headers={"ETag": etag})
        return Reply(rss("Growing", self.items), "application/rss+xml", headers={"ETag": etag})


@pytest.fixture
def site() -> Iterator[Site]:
    web = Site()
    with serving(web):
        yield web


def test_only_items_added_between_polls_are_fetched_and_ingested(
    site: Site, kb: KnowledgeBase, settings: Settings, extractor: Extractor
) -> None:
    feed = GrowingFeed(site)
    site.routes["/feed.xml"] = feed
    feed.add(1)
    feed.add(2)
    watcher = Watcher(kb, settings, lambda: extractor, [site.url("/feed.xml")], POLICY)

    first = watcher.poll()
    assert (first.new, first.ingested, first.failures) == (2, 2, []), first.line()

    unchanged = watcher.poll()  # same ETag: a 304, no item fetched
    assert (unchanged.new, unchanged.ingested, unchanged.unchanged) == (0, 0, 1)

    feed.add(3)
    third = watcher.poll()
    assert (third.new, third.ingested, third.failures) == (1, 1, []), third.line()
    assert third.line().startswith("poll 3: 1 sources, 1 new, 1 ingested")
    for i in (1, 2, 3):
        assert site.hits[("GET", f"/story/{i}.html")] == 1, "a known item is never fetched again"
    assert site.hits[("GET", "/feed.xml")] == 3
    assert kb.counts()["documents"] == 3
    watcher.close()

    # a new watcher (a restart) knows the items from the knowledge base: nothing fetched
    again = Watcher(kb, settings, lambda: extractor, [site.url("/feed.xml")], POLICY)
    report = again.poll()
    assert (report.new, report.ingested) == (0, 0)
    assert sum(n for (method, path), n in site.hits.items() if path.startswith("/story")) == 3
    again.close()


def test_a_failing_source_is_backed_off_and_reported_in_the_poll_line(
    site: Site, kb: KnowledgeBase, settings: Settings, extractor: Extractor, tmp_path: Path
) -> None:
    site.routes["/down.xml"] = Reply(b"", "text/plain", 503)
    listing = tmp_path / "sources.txt"
    listing.write_text(f"# watched\n{site.url('/down.xml')}\nnot a url\n", encoding="utf-8")
    watcher = Watcher(kb, settings, lambda: extractor, [str(listing)], POLICY)
    watcher.every = 60.0
    first = watcher.poll()
    line = first.line()
    assert f"{site.url('/down.xml')}: the server answered 503 Service Unavailable." in line
    assert "'not a url' is not a URL." in line and "\n" not in line
    second = watcher.poll()
    assert second.waiting == 1 and "(1 backing off)" in second.line()
    assert site.hits[("GET", "/down.xml")] == 1
    watcher.close()


def test_intervals() -> None:
    assert [parse_interval(t) for t in ("90", "30s", "15m", "2h", "1d")] == [
        90,
        30,
        900,
        7200,
        86400,
    ]
    with pytest.raises(ValueError, match="not an interval"):
        parse_interval("soon")


def test_sigterm_stops_the_watch_cleanly(site: Site, tmp_path: Path) -> None:
    items = [
        {
            "title": f"Item {i}",
            "guid": f"item-{i}",
            "description": article(200 + i).replace("\n\n", " "),
        }
        for i in range(3)
    ]
    site.routes["/feed.xml"] = Reply(rss("Offline", items), "application/rss+xml")
    db = tmp_path / "kb.db"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bilateral.serve",
            "watch",
            site.url("/feed.xml"),
            "--every",
            "1h",
            "--db",
            str(db),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()  # the first poll's line: then it waits an hour
    timer = threading.Timer(120, proc.kill)
    timer.start()
    proc.send_signal(signal.SIGTERM)
    rest, errors = proc.communicate(timeout=60)
    timer.cancel()
    assert "poll 1: 1 sources, 3 new, 3 ingested" in first, (first, errors)
    assert proc.returncode == 0, errors
    assert "stopped" in rest
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3


def test_an_item_that_failed_is_tried_again_without_backing_off_the_feed(
    site: Site, kb: KnowledgeBase, settings: Settings, extractor: Extractor
) -> None:
    feed = GrowingFeed(site)
    site.routes["/feed.xml"] = feed
    feed.add(1)
    del feed.items[0]["description"]  # no summary to fall back on
    site.routes["/story/1.html"] = Reply(b"busy", "text/plain", 503)
    watcher = Watcher(kb, settings, lambda: extractor, [site.url("/feed.xml")], POLICY)
    first = watcher.poll()
    assert (first.new, first.ingested, len(first.failures)) == (1, 0, 1)
    assert "503 Service Unavailable" in first.failures[0].reason
    site.page("/story/1.html", made_up_page(101))
    second = watcher.poll()  # not a 304, not backed off: the item is asked for again
    assert (second.waiting, second.new, second.ingested) == (0, 1, 1), second.line()
    watcher.close()


def test_a_stop_during_a_batch_lets_that_batch_finish_and_starts_no_other(
    site: Site, tmp_path: Path, extractor: Extractor
) -> None:
    feed = GrowingFeed(site)
    site.routes["/feed.xml"] = feed
    for i in range(1, 6):
        feed.add(i)
    stop = threading.Event()

    def stopping(docs):  # type: ignore[no-untyped-def]
        stop.set()  # as SIGTERM would, while the first batch is being extracted
        return extractor(docs)

    settings = Settings(db_url=f"sqlite:///{tmp_path / 'kb.db'}", batch_size=2)
    with KnowledgeBase.open(settings.db_url) as kb:
        watcher = Watcher(kb, settings, lambda: stopping, [site.url("/feed.xml")], POLICY)
        report = watcher.poll(stop)
        assert report.stopped and (report.new, report.ingested) == (5, 2), report.line()
        assert kb.counts()["documents"] == 2
        stop.clear()
        watcher.close()
        again = Watcher(kb, settings, lambda: extractor, [site.url("/feed.xml")], POLICY)
        rest = again.poll()
        assert (rest.new, rest.ingested) == (3, 3), rest.line()  # nothing was lost
        again.close()
