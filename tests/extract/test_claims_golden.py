"""Claims and quotes on articles we wrote: every value form, period, direction and speaker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bilateral.extract import Extractor
from bilateral.model import ArticleEntities, Document
from tests.extract.written import extract_file

INPUTS = Path(__file__).resolve().parent.parent / "golden" / "claims" / "inputs"
PUBLISHED = "2023-10-12"


def _facts(extractor: Extractor, name: str) -> tuple[Document, ArticleEntities]:
    return extract_file(extractor, INPUTS / name, PUBLISHED)


def _claims(doc: Document, facts: ArticleEntities) -> list[dict[str, object]]:
    names = {e.id: e.name for e in facts.entities}
    return [
        {
            "text": doc.text[c.value_start : c.value_end],
            "metric": c.metric,
            "value": c.value,
            "unit": c.unit,
            "period": [c.period_start, c.period_end],
            "countries": list(c.countries),
            "from": c.from_,
            "to": c.to,
            "approx": c.approx,
            "qualifier": c.qualifier,
            "speaker": names.get(c.speaker_id or "") or c.source,
            "note": c.note,
        }
        for c in facts.claims
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in INPUTS.iterdir()))
def test_claims(name: str, extractor: Extractor, golden: Callable[[str, object], None]) -> None:
    doc, facts = _facts(extractor, name)
    for c in facts.claims:
        assert c.start <= c.value_start < c.value_end <= c.end
    names = {e.id: e.name for e in facts.entities}
    golden(
        f"claims/{name}",
        {
            "claims": _claims(doc, facts),
            "quotes": [
                {"speaker": names.get(q.speaker_id or ""), "text": q.text} for q in facts.quotes
            ],
        },
    )


def test_the_issue_value_forms(extractor: Extractor) -> None:
    doc, facts = _facts(extractor, "trade_figures.txt")
    by_text = {c["text"]: c for c in _claims(doc, facts)}
    turnover = by_text["$1.9 billion"]
    assert (turnover["metric"], turnover["value"], turnover["period"]) == (
        "trade_turnover",
        1.9e9,
        ["2023-01-01", "2023-09-30"],
    )
    assert turnover["speaker"] == "Rosa Pinto"  # "the Chilean ambassador", named later
    assert by_text["$150 million"]["period"] == ["2017-01-01", "2017-12-31"]
    assert by_text["$420 million"]["period"] == ["2021-01-01", "2021-12-31"]
    assert (by_text["$420 million"]["from"], by_text["$420 million"]["to"]) == ("VNM", "CHL")
    assert by_text["sixth"]["value"] == 6 and by_text["sixth"]["from"] == "CHL"
    invest = by_text["US$2 billion"]
    assert (invest["metric"], invest["approx"], invest["period"][0]) == (
        "investment_total",
        "over",
        "1995-01-01",
    )
    assert by_text["740"]["metric"] == "companies_count"
    assert by_text["one of the top 10"]["value"] == 10
    assert by_text["$4.2 billion won"]["unit"] == "USD" and by_text["$4.2 billion won"]["note"]
    assert by_text["80 billion dong"]["unit"] == "VND"
    change = by_text["two-fold"]
    assert (change["metric"], change["value"], change["unit"], change["qualifier"]) == (
        "trade_turnover",
        2.0,
        "times",
        "change",
    )
