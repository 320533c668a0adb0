"""HTML pages: the article's text and metadata, with trafilatura doing the extraction."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import trafilatura

from bilateral.clean.published import parse_date

_META_DATE = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|"""
    r"""datePublished|pubdate|publishdate|publish-date|date|dc\.date|DC\.date\.issued|"""
    r"""sailthru\.date|parsely-pub-date)["'][^>]*>""",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"""content\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    published: str | None
    authors: tuple[str, ...]
    site: str | None


def published_in_meta(html: str) -> str | None:
    """The publication date the page declares for itself (meta tags, then JSON-LD)."""
    for tag in _META_DATE.finditer(html):
        content = _CONTENT.search(tag.group(0))
        found = parse_date(content.group(1)) if content else None
        if found:
            return found
    for match in _JSONLD_DATE.finditer(html):
        found = parse_date(match.group(1))
        if found:
            return found
    return None


def extract_page(html: str) -> Page | None:
    """None when the page holds no article text trafilatura can find."""
    try:
        result = trafilatura.bare_extraction(
            html,
            include_comments=False,  # reader comments are not the article
            include_tables=False,
            with_metadata=True,
        )
    except (ValueError, TypeError, json.JSONDecodeError):
        return None
    if result is None:
        return None
    result = result if isinstance(result, dict) else result.as_dict()
    if not (result.get("text") or "").strip():
        return None
    author = result.get("author") or ""
    authors = tuple(a.strip() for a in re.split(r";|,|\band\b", author) if a.strip())
    date = published_in_meta(html) or parse_date(result.get("date"))
    if date and date == result.get("filedate"):
        date = None  # trafilatura's fallback is the day of extraction, never a publication date
    return Page(
        text=result["text"],
        title=(result.get("title") or None),
        published=date,
        authors=authors,
        site=result.get("sitename") or None,
    )
