"""Clean: RawArticle -> Document (article text without the page, metadata, signature)."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlparse

from bilateral.clean.boilerplate import strip_page
from bilateral.clean.html import extract_page
from bilateral.clean.near_duplicates import (
    NearDuplicateIndex,
    band_keys,
    closest,
    signature,
    similarity,
)
from bilateral.clean.paragraphs import split_paragraphs
from bilateral.clean.published import date_from_url, parse_date
from bilateral.clean.runs import Runs
from bilateral.model import Block, Document, IngestFailure, RawArticle, content_id

# The commonest English function words: a text in English has many of them, others almost none.
_STOPWORDS = frozenset(
    "the of and to in a is that for on with as was by at it from said be has are have an".split()
)
_LETTERS = Runs("a-z")


def guess_language(text: str) -> str:
    """ "en" when the text reads as English; "und" (undetermined) otherwise."""
    words = _LETTERS.findall(text[:5000].lower())
    if len(words) < 20:
        return "en"
    share = sum(1 for w in words if w in _STOPWORDS) / len(words)
    return "en" if share >= 0.08 else "und"


def clean_article(raw: RawArticle) -> Document | IngestFailure:
    text, title, published, authors, outlet = raw.content, raw.title, None, raw.authors, raw.outlet
    if raw.fmt == "html":
        page = extract_page(raw.content)
        if page is None:
            return IngestFailure(raw.source, "no article text could be found in the HTML.")
        text, title = page.text, title or page.title
        published, authors, outlet = page.published, authors or page.authors, outlet or page.site
    cleaned = strip_page(split_paragraphs(text, markdown=raw.fmt == "markdown"), title)
    if not any(kind == "body" for kind, _ in cleaned.paragraphs):
        # A telegraphic item ("Qtly div 25 cts vs 25 cts prior"): its short lines are the article.
        cleaned.paragraphs = [("body" if k == "heading" else k, p) for k, p in cleaned.paragraphs]
    if not any(kind == "body" for kind, _ in cleaned.paragraphs):
        return IngestFailure(
            raw.source, "no article text is left once the page around it is removed."
        )
    parts: list[tuple[str, str]] = list(cleaned.paragraphs)
    if cleaned.title and not any(kind == "title" for kind, _ in parts):
        parts.insert(0, ("title", cleaned.title))
    body, blocks, offset = [], [], 0
    for kind, paragraph in parts:
        blocks.append(Block(offset, offset + len(paragraph), kind))
        body.append(paragraph)
        offset += len(paragraph) + 2
    full_text = "\n\n".join(body)
    return Document(
        id=content_id("d", full_text),
        source=raw.source,
        text=full_text,
        blocks=tuple(blocks),
        external_id=raw.external_id,
        url=raw.url,
        title=cleaned.title,
        published=(
            parse_date(raw.published) or published or date_from_url(raw.url) or cleaned.published
        ),
        outlet=outlet or _outlet_from_url(raw.url),
        authors=tuple(authors) or tuple(cleaned.authors),
        language=guess_language(full_text),
        signature=signature(full_text),
    )


def _outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def clean_articles(batch: Sequence[RawArticle]) -> list[Document | IngestFailure]:
    return [clean_article(raw) for raw in batch]


__all__ = [
    "NearDuplicateIndex",
    "band_keys",
    "clean_article",
    "clean_articles",
    "closest",
    "guess_language",
    "similarity",
]
