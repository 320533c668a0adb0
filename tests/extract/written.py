"""Articles we wrote, cleaned and extracted the way an ingest would."""

from __future__ import annotations

from pathlib import Path

from bilateral.clean import clean_article
from bilateral.extract import Extractor
from bilateral.model import ArticleEntities, Document, RawArticle


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
