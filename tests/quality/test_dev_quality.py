"""The dev quality gate: the dev corpus (34 articles on 9 other pairs, never shaped on the seed
pair) exported and scored against its gold, with floors pinned in dev_baseline.json."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilateral.extract import Extractor
from bilateral.model import Settings
from bilateral.pipeline import Ingestor
from bilateral.serve.exporters import write_jsonl
from bilateral.store import KnowledgeBase

FLOORS = json.loads((Path(__file__).parent / "dev_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dev_kb(
    tmp_path_factory: pytest.TempPathFactory, shared: Path, extractor: Extractor
) -> Iterator[KnowledgeBase]:
    path = tmp_path_factory.mktemp("dev") / "kb.db"
    settings = Settings(db_url=f"sqlite:///{path}")
    with KnowledgeBase.open(settings.db_url) as base:
        report = Ingestor(base, settings, lambda: extractor).run(
            [shared / "corpus" / "dev" / "dev.jsonl"]
        )
        assert report.failed == 0 and report.ingested == 34
        yield base


@pytest.fixture(scope="module")
def report(dev_kb: KnowledgeBase, shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    export = tmp_path_factory.mktemp("dev-export") / "kb.jsonl"
    with export.open("w", encoding="utf-8") as handle:
        write_jsonl(dev_kb.export_records(), handle)
    gold = shared / "eval" / "gold" / "dev"
    scored = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(export), str(gold), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(scored.stdout)  # type: ignore[no-any-return]


@pytest.mark.quality
@pytest.mark.parametrize("facet", [k for k in FLOORS if "/" in k])
def test_dev_score_is_at_or_above_its_floor(report: dict, facet: str) -> None:  # type: ignore[type-arg]
    assert report[facet]["f1"] >= FLOORS[facet]["f1"], (facet, report[facet])


@pytest.mark.quality
def test_dev_spans_point_at_their_words(report: dict) -> None:  # type: ignore[type-arg]
    assert report["provenance"]["spans_broken"] == 0
    assert report["documents"]["matched"] == 34


@pytest.mark.quality
def test_dev_cross_source_cases(report: dict) -> None:  # type: ignore[type-arg]
    floor = FLOORS["conflicts"]
    assert report["conflicts"]["found"] >= floor["found_min"], report["conflicts"]
    assert report["conflicts"]["false_alarms"] <= floor["false_alarms_max"], report["conflicts"]
