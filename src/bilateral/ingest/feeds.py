"""RSS and Atom feeds (feedparser): each item's link is fetched when online, else the item's
own content or summary is the article; the published date comes from the feed.

A feed that is not well-formed is one failure and yields no item at all, so nothing of it is
stored partly.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass

import feedparser

from bilateral.ingest.fetch import PAGE_TYPES, Fetcher, is_url
from bilateral.ingest.urls import page_article
from bilateral.model import IngestFailure, RawArticle

FEED_SUFFIXES = {".rss", ".atom", ".xml"}

# feedparser's complaints that do not mean the feed is broken
_HARMLESS = ("CharacterEncodingOverride",)


@dataclass(frozen=True)
class FeedItem:
    source: str  # "FEED#N", for failures
    link: str | None
    guid: str | None
    title: str | None
    published: str | None  # ISO date
    authors: tuple[str, ...]
    body: str | None  # the item's content, else its summary (HTML or text)


@dataclass(frozen=True)
class Feed:
    source: str
    title: str | None
    items: tuple[FeedItem, ...]


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


_BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(?:p|div|li|h[1-6]|blockquote|tr|section|article)>")
_TAG = re.compile(r"<[^>]+>")


def as_text(fragment: str) -> str:
    """A feed's HTML fragment (already sanitised by feedparser) as paragraphs of plain text: a
    snippet is too small for the page extractor, which looks for an article inside a page."""
    marked = _BLOCK_END.sub("\n\n", fragment)
    text = html.unescape(_TAG.sub(" ", marked))
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _body(entry: feedparser.FeedParserDict) -> str | None:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    found = _text(best) or _text(entry.get("summary"))
    return _text(as_text(found)) if found else None


def _authors(entry: feedparser.FeedParserDict) -> tuple[str, ...]:
    names = [_text(a.get("name")) for a in entry.get("authors") or []]
    found = tuple(n for n in names if n)
    if found:
        return found
    single = _text(entry.get("author"))
    return (single,) if single else ()


_FEED_ROOT = re.compile(rb"<(?:[A-Za-z0-9_]+:)?(?:rss|feed|RDF)[\s>]")


def looks_like_feed(data: bytes) -> bool:
    """Whether an XML file opens an RSS, Atom or RDF document (a sitemap or a config does not)."""
    return _FEED_ROOT.search(data[:4096]) is not None


def parse_feed(data: bytes, source: str) -> Feed | IngestFailure:
    """The feed's items, or why it cannot be read."""
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    problem = parsed.get("bozo_exception")
    if parsed.get("bozo") and type(problem).__name__ not in _HARMLESS:
        message = str(problem).strip() or type(problem).__name__
        return IngestFailure(source, f"not a well-formed feed ({message}).")
    if not parsed.get("version"):
        return IngestFailure(source, "not an RSS or Atom feed.")
    items = []
    for number, entry in enumerate(parsed.entries, 1):
        items.append(
            FeedItem(
                source=f"{source}#{number}",
                link=link if is_url(link := _text(entry.get("link"))) else None,
                guid=_text(entry.get("id")),
                title=_text(entry.get("title")),
                published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
                authors=_authors(entry),
                body=_body(entry),
            )
        )
    return Feed(source, _text(parsed.feed.get("title")), tuple(items))


def item_article(item: FeedItem, feed: Feed, fetcher: Fetcher | None) -> RawArticle | IngestFailure:
    """The item's linked page when it can be fetched, else the item's own content."""
    why = "it has no link"
    if item.link and fetcher is not None and not fetcher.policy.offline:
        page = fetcher.fetch(item.link, accept=PAGE_TYPES)
        if not isinstance(page, IngestFailure):
            found = page_article(page, item.link)
            if isinstance(found, RawArticle):
                return RawArticle(
                    source=item.link,
                    content=found.content,
                    fmt=found.fmt,
                    external_id=item.guid,
                    url=item.link,
                    title=item.title,
                    published=item.published,
                    outlet=feed.title,
                    authors=item.authors,
                )
            page = found
        why = f"its link {page.reason.rstrip('.')}"
    elif item.link:
        why = "working offline"
    if not item.body:
        return IngestFailure(item.link or item.source, f"{why}, and it has no content or summary.")
    return RawArticle(
        source=item.link or item.source,
        content=item.body,
        fmt="text",
        external_id=item.guid,
        url=item.link,
        title=item.title,
        published=item.published,
        outlet=feed.title,
        authors=item.authors,
    )


def read_feed(
    data: bytes, source: str, fetcher: Fetcher | None
) -> Iterator[RawArticle | IngestFailure]:
    feed = parse_feed(data, source)
    if isinstance(feed, IngestFailure):
        yield feed
        return
    if not feed.items:
        yield IngestFailure(source, "the feed has no items.")
    for item in feed.items:
        yield item_article(item, feed, fetcher)
