"""Articles we wrote, cleaned and extracted the way an ingest would."""

from __future__ import annotations

from pathlib import Path

from bilateral.clean import clean_article
from bilateral.extract import Extractor
from bilateral.model import ArticleEntities, Document, Event, RawArticle


def extract_file(
    extractor: Extractor, path: Path, published: str
) -> tuple[Document, ArticleEntities]:
    raw = RawArticle(
        source=path.name, content=path.read_text(encoding="utf-8"), fmt="text", published=published
    )
    doc = clean_article(raw)
    assert isinstance(doc, Document)
    (facts,) = extractor([doc])
    return doc, facts


def extract_text(extractor: Extractor, text: str, published: str | None = None) -> ArticleEntities:
    """The facts of one article whose whole text is `text`."""
    doc = clean_article(RawArticle(source="t.txt", content=text, fmt="text", published=published))
    assert isinstance(doc, Document)
    (facts,) = extractor([doc])
    return facts


def events_of_text(extractor: Extractor, text: str, published: str) -> list[Event]:
    """Its events in the order of their words."""
    return sorted(extract_text(extractor, text, published).events, key=lambda v: v.cue_start)
