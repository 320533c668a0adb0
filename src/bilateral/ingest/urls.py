"""Web pages and URLs: a fetched response becomes a RawArticle; `bilateral ingest https://...`
reads a page, or every item of a feed when the URL serves one."""

from __future__ import annotations

from collections.abc import Iterator

from bilateral.ingest.fetch import FEED_TYPES, Fetched, Fetcher
from bilateral.ingest.files import decode
from bilateral.model import IngestFailure, RawArticle


def decode_body(body: bytes, charset: str | None, source: str, html: bool) -> str | IngestFailure:
    """The charset the server declared, else the one the page declares, else UTF-8."""
    if not charset:
        return decode(body, source, html=html)
    try:
        return body.decode("utf-8-sig" if charset in ("utf-8", "utf8") else charset)
    except LookupError:
        return IngestFailure(source, f"the server declares an unknown charset {charset!r}.")
    except UnicodeDecodeError as exc:
        return IngestFailure(source, f"not valid {charset} text (byte at {exc.start}).")


def page_article(page: Fetched, source: str) -> RawArticle | IngestFailure:
    if not page.body.strip():
        return IngestFailure(source, "the page is empty.")
    html = page.content_type != "text/plain"
    text = decode_body(page.body, page.charset, source, html)
    if isinstance(text, IngestFailure):
        return text
    return RawArticle(source=source, content=text, fmt="html" if html else "text", url=source)


def read_url(url: str, fetcher: Fetcher) -> Iterator[RawArticle | IngestFailure]:
    """A page as one article; a feed as its items (each link fetched in turn)."""
    from bilateral.ingest.feeds import read_feed  # feeds use pages: imported when needed

    page = fetcher.fetch(url)
    if isinstance(page, IngestFailure):
        yield page
    elif page.content_type in FEED_TYPES:
        yield from read_feed(page.body, url, fetcher)
    else:
        yield page_article(page, url)
