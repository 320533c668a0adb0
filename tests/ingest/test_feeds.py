"""RSS and Atom feeds, as files and as URLs served on 127.0.0.1: item links fetched when
online, the item's content or summary otherwise, dates from the feed; a malformed feed is one
failure and nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bilateral.ingest import FetchPolicy, fetching, read_sources
from bilateral.ingest.feeds import as_text
from bilateral.model import IngestFailure, RawArticle
from bilateral.pipeline import Ingestor
from bilateral.store import KnowledgeBase
from tests.articles import article
from tests.sites import Reply, Site, made_up_page, rss, serving

LIMIT = 20 * 1024 * 1024
POLICY = FetchPolicy(timeout=0.5, deadline=2.0)

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour Notes</title><id>urn:test:feed</id><updated>2024-03-02T10:00:00Z</updated>
  <entry>
    <title>Ferry timetable agreed</title><id>urn:test:item:1</id>
    <updated>2024-03-02T10:00:00Z</updated><published>2024-03-01T08:30:00Z</published>
    <author><name>Ines Varga</name></author>
    <content type="html">&lt;p&gt;The two port authorities agreed a winter ferry timetable
    on Friday after talks that lasted most of the week.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def _read(*sources: str | Path, policy: FetchPolicy = POLICY) -> list[RawArticle | IngestFailure]:
    with fetching(policy):
        return list(read_sources(sources, LIMIT))


def test_an_atom_file_offline_gives_its_content_authors_and_published_date(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.atom"
    path.write_bytes(ATOM)
    (item,) = _read(path, policy=FetchPolicy(offline=True))
    assert isinstance(item, RawArticle)
    assert item.published == "2024-03-01" and item.title == "Ferry timetable agreed"
    assert item.authors == ("Ines Varga",) and item.outlet == "Harbour Notes"
    assert item.external_id == "urn:test:item:1" and "winter ferry timetable" in item.content


@pytest.fixture
def site() -> Iterator[Site]:
    web = Site()
    web.page("/a.html", made_up_page(11))
    web.routes["/gone.html"] = Reply(b"gone", "text/plain", 410)
    items = [
        {
            "title": "First",
            "link": "/a.html",
            "guid": "item-a",
            "pubDate": "Tue, 05 Mar 2024 09:00:00 GMT",
            "description": "A short summary of the first item.",
        },
        {
            "title": "Second",
            "link": "/gone.html",
            "guid": "item-b",
            "pubDate": "Wed, 06 Mar 2024 09:00:00 GMT",
            "description": "Only a summary: the ministers of two neighbouring states met.",
        },
        {"title": "Third", "guid": "item-c", "pubDate": "Thu, 07 Mar 2024 09:00:00 GMT"},
    ]
    with serving(web):
        for item in items:
            if "link" in item:
                item["link"] = web.url(item["link"])
        web.routes["/feed.xml"] = Reply(rss("Border Wire", items), "application/rss+xml")
        yield web


def test_a_feed_url_fetches_each_link_and_falls_back_to_the_summary(site: Site) -> None:
    first, second, third = _read(site.url("/feed.xml"))
    assert isinstance(first, RawArticle) and "Officials of" in first.content
    assert first.url == site.url("/a.html") and first.published == "2024-03-05"
    assert first.outlet == "Border Wire" and first.external_id == "item-a"
    assert isinstance(second, RawArticle) and "neighbouring states" in second.content
    assert second.published == "2024-03-06"
    assert isinstance(third, IngestFailure)
    assert third.reason == "it has no link, and it has no content or summary."
    assert site.hits[("GET", "/gone.html")] == 1


def test_a_feed_file_fetches_links_too(site: Site, tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_bytes(site.routes["/feed.xml"].body)  # type: ignore[union-attr]
    items = _read(path)
    assert [type(i).__name__ for i in items] == ["RawArticle", "RawArticle", "IngestFailure"]
    assert site.hits[("GET", "/a.html")] == 1


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item>',
            "not a well-formed feed (<unknown>:1:",
        ),
        (b"<html><body><p>Not a feed at all.</p></body></html>", "not an RSS or Atom feed"),
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
            "no items",
        ),
    ],
)
def test_a_malformed_feed_is_one_failure_and_nothing_else(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(data)
    (failure,) = _read(path, policy=FetchPolicy(offline=True))
    assert isinstance(failure, IngestFailure) and failure.source == str(path)
    assert reason in failure.reason


def test_feed_snippets_become_paragraphs_of_text() -> None:
    fragment = "<p>First line of the item.</p><p>Second &amp; last<br/>line.</p><script></script>"
    assert as_text(fragment) == "First line of the item.\n\nSecond & last\n\nline."


def test_an_offline_feed_file_is_ingested_with_the_feeds_dates(
    tmp_path: Path, ingestor: Ingestor, kb: KnowledgeBase
) -> None:
    items = [
        {
            "title": f"Item {i}",
            "link": f"http://127.0.0.1:9/item/{i}",  # never asked: offline
            "guid": f"guid-{i}",
            "pubDate": f"Fri, 1{i} May 2024 06:00:00 GMT",
            "description": "".join(f"<p>{p}</p>" for p in article(500 + i).split("\n\n")[1:]),
        }
        for i in range(2)
    ]
    path = tmp_path / "desk.rss"
    path.write_bytes(rss("Desk", items))
    with fetching(FetchPolicy(offline=True)):
        report = ingestor.run([path])
    assert (report.ingested, report.failed) == (2, 0), report.failures
    documents = kb.document_list(10, 0)["items"]
    assert sorted((d["published"], d["title"]) for d in documents) == [
        ("2024-05-10", "Item 0"),
        ("2024-05-11", "Item 1"),
    ]
    assert kb.known_links(["guid-0", "http://127.0.0.1:9/item/1", "other"]) == {
        "guid-0",
        "http://127.0.0.1:9/item/1",
    }


def test_in_a_folder_other_xml_is_passed_over_but_a_broken_feed_is_not(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_bytes(
        b'<?xml version="1.0"?><urlset><url><loc>http://127.0.0.1/</loc></url></urlset>'
    )
    (tmp_path / "notes.atom").write_bytes(ATOM)
    (tmp_path / "cut.xml").write_bytes(ATOM[:200])
    items = _read(tmp_path, policy=FetchPolicy(offline=True))
    assert [(Path(i.source).name, type(i).__name__) for i in items] == [
        ("cut.xml", "IngestFailure"),
        ("notes.atom#1", "RawArticle"),  # an item without a link is named by its place
    ]
    named = _read(tmp_path / "sitemap.xml", policy=FetchPolicy(offline=True))
    assert [i.reason for i in named] == ["not an RSS or Atom feed."]  # type: ignore[union-attr]
