"""Events and quotes on articles we wrote: every PLOVER category the lexicon claims, the three
modalities, and quotes under each way of naming a speaker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bilateral import data
from bilateral.extract import Extractor
from bilateral.model import ArticleEntities, Document
from tests.extract.written import extract_file

INPUTS = Path(__file__).resolve().parent.parent / "golden" / "events" / "inputs"
PUBLISHED = "2024-03-14"  # a Thursday


def _facts(extractor: Extractor, name: str) -> tuple[Document, ArticleEntities]:
    return extract_file(extractor, INPUTS / name, PUBLISHED)


def _events(doc: Document, facts: ArticleEntities) -> list[dict[str, object]]:
    names = {e.id: e.name for e in facts.entities}
    return [
        {
            "cue": doc.text[v.cue_start : v.cue_end],
            "type": v.type,
            "subtype": v.subtype,
            "date": v.date,
            "actors": list(v.actors),
            "targets": list(v.targets),
            "people": [names[p] for p in v.people],
            "place": names.get(v.place or ""),
            "modality": v.modality,
        }
        for v in facts.events
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in INPUTS.iterdir()))
def test_events_and_quotes(
    name: str, extractor: Extractor, golden: Callable[[str, object], None]
) -> None:
    doc, facts = _facts(extractor, name)
    names = {e.id: e.name for e in facts.entities}
    golden(
        f"events/{name}",
        {
            "events": _events(doc, facts),
            "quotes": [
                {"speaker": names.get(q.speaker_id or ""), "text": q.text} for q in facts.quotes
            ],
        },
    )


def test_every_category_of_the_lexicon_is_found(extractor: Extractor) -> None:
    doc, facts = _facts(extractor, "plover.txt")
    found = {e["type"] for e in _events(doc, facts)}
    assert found == {cue.type for cue in data.event_cues()}


def test_the_three_modalities(extractor: Extractor) -> None:
    doc, facts = _facts(extractor, "plover.txt")
    by_cue = {e["cue"]: e for e in _events(doc, facts)}
    assert by_cue["state visit"]["modality"] == "actual"
    assert by_cue["state visit"]["date"] == "2024-03-11"  # "on Monday" before a Thursday
    assert by_cue["recognised Togo's independence"]["modality"] == "historical"
    assert by_cue["recognised Togo's independence"]["date"] == "1960"
    planned = [e for e in by_cue.values() if e["modality"] == "planned"]
    assert [e["type"] for e in planned] == ["CONSULT"]


def test_each_way_of_naming_a_speaker(extractor: Extractor) -> None:
    _, facts = _facts(extractor, "quotes.txt")
    names = {e.id: e.name for e in facts.entities}
    said = [(q.text.split()[0], names.get(q.speaker_id or "")) for q in facts.quotes]
    assert said == [
        ("Water", "Ana Cecilia Gervasi"),  # "..., Gervasi said"
        ("We", "Rogelio Mayta"),  # "Mayta told reporters: ..."
        ("The", "Ana Cecilia Gervasi"),  # "the minister added"
        ("Its", "Ana Cecilia Gervasi"),  # the second half of a split quote
        ("the", "Rogelio Mayta"),  # "According to Mayta, ..."
        ("This", "Rogelio Mayta"),  # "he said"
        ("We", None),  # "a farmer from Puno": nobody the article names
        ("Nobody", None),  # a banner: no speaker
    ]


def test_the_parse_decides_who_acts_when_word_order_cannot(extractor: Extractor) -> None:
    doc, facts = _facts(extractor, "plover.txt")
    rejected = next(e for e in _events(doc, facts) if e["type"] == "REJECT")
    # "Togo accused Ghanaian traders ..., and Ghana rejected the accusation": three countries
    # stand before "rejected"; the subject of the verb is Ghana.
    assert (rejected["actors"], rejected["targets"]) == (["GHA"], ["TGO"])
