"""Entity extraction on texts we wrote about other countries: every correction rule in use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bilateral.clean import clean_article
from bilateral.extract import Extractor
from bilateral.model import Document, RawArticle

INPUTS = Path(__file__).resolve().parent.parent / "golden" / "entities" / "inputs"


def _extract(extractor: Extractor, name: str) -> tuple[Document, list[dict[str, object]]]:
    raw = RawArticle(source=name, content=(INPUTS / name).read_text(encoding="utf-8"), fmt="text")
    doc = clean_article(raw)
    assert isinstance(doc, Document)
    (found,) = extractor([doc])
    for m in found.mentions:
        assert doc.text[m.start : m.end] == m.text
    rows = [
        {
            "type": e.type,
            "name": e.name,
            "country": e.country,
            "roles": list(e.roles),
            "forms": sorted(e.forms),
        }
        for e in sorted(found.entities, key=lambda e: (e.type, e.name))
    ]
    return doc, rows


@pytest.mark.parametrize("name", sorted(p.name for p in INPUTS.iterdir()))
def test_entities(name: str, extractor: Extractor, golden: Callable[[str, object], None]) -> None:
    _, rows = _extract(extractor, name)
    golden(f"entities/{name}", rows)


def test_people_get_countries_and_roles_from_their_titles(extractor: Extractor) -> None:
    _, rows = _extract(extractor, "summit.txt")
    people = {r["name"]: r for r in rows if r["type"] == "PERSON"}
    assert people["Bola Tinubu"]["country"] == "NGA"
    assert people["Bola Tinubu"]["roles"] == ["President of Nigeria"]
    assert people["Carlos Garcete"]["roles"] == ["Ambassador of Brazil to Nigeria"]
    assert "Garcete" in people["Carlos Garcete"]["forms"]


def test_institutions_and_demonyms_are_not_people(extractor: Extractor) -> None:
    _, rows = _extract(extractor, "summit.txt")
    people = {r["name"] for r in rows if r["type"] == "PERSON"}
    assert not people & {"Nigerian", "Brazilian", "State", "Embassy"}
    orgs = {r["name"]: r for r in rows if r["type"] == "ORG"}
    assert orgs["Embassy of Brazil in Abuja"]["country"] == "BRA"
