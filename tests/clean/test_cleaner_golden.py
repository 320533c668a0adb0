"""The cleaner on pages we wrote: what stays, what goes, and the metadata found."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bilateral.clean import clean_article
from bilateral.ingest import read_sources
from bilateral.model import Document

INPUTS = Path(__file__).resolve().parent.parent / "golden" / "clean" / "inputs"


def _clean(path: Path) -> Document:
    (raw,) = list(read_sources([path], 10_000_000))
    doc = clean_article(raw)  # type: ignore[arg-type]
    assert isinstance(doc, Document), doc
    return doc


@pytest.mark.parametrize("name", sorted(p.name for p in INPUTS.iterdir()))
def test_cleaner(name: str, golden: Callable[[str, object], None]) -> None:
    doc = _clean(INPUTS / name)
    for block in doc.blocks:
        assert doc.text[block.start : block.end].strip() == doc.text[block.start : block.end]
    golden(
        f"clean/{name}",
        {
            "title": doc.title,
            "published": doc.published,
            "authors": list(doc.authors),
            "outlet": doc.outlet,
            "blocks": [[b.kind, doc.text[b.start : b.end]] for b in doc.blocks],
        },
    )


def test_page_furniture_never_survives() -> None:
    doc = _clean(INPUTS / "web_page.txt")
    for furniture in ("Back To Top", "Share this", "Facebook", "Check Also", "Fishing talks"):
        assert furniture not in doc.text
    assert doc.text.count("Researchers from both countries pose") == 1


def test_the_article_text_survives_whole() -> None:
    doc = _clean(INPUTS / "web_page.txt")
    body = (INPUTS / "web_page.txt").read_text(encoding="utf-8").split("\n")
    for line in body:
        if line.startswith(("Chile and New Zealand signed", "The agreement", '"Our scientists')):
            assert line in doc.text


def test_reader_comments_are_not_the_article() -> None:
    doc = _clean(INPUTS / "page.html")
    assert "Great news" not in doc.text and "Copyright" not in doc.text
