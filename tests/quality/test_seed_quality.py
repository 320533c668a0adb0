"""The quality gate: the seed corpus exported and scored against the gold annotations."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bilateral.serve.exporters import write_jsonl
from bilateral.store import KnowledgeBase

BASELINE = json.loads((Path(__file__).parent / "baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(seed_kb: KnowledgeBase, shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    export = tmp_path_factory.mktemp("export") / "kb.jsonl"
    with export.open("w", encoding="utf-8") as handle:
        write_jsonl(seed_kb.export_records(), handle)
    scored = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score.py"),
            str(export),
            str(shared / "eval" / "gold" / "seeds"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(scored.stdout)  # type: ignore[no-any-return]


@pytest.mark.quality
@pytest.mark.parametrize("facet", [k for k in BASELINE if "/" in k])
def test_score_is_at_or_above_its_floor(report: dict, facet: str) -> None:  # type: ignore[type-arg]
    assert report[facet]["f1"] >= BASELINE[facet]["f1"], (facet, report[facet])


@pytest.mark.quality
def test_every_span_points_at_its_words(report: dict) -> None:  # type: ignore[type-arg]
    assert report["provenance"]["spans_broken"] <= BASELINE["provenance"]["spans_broken_max"]
    assert report["provenance"]["spans_checked"] > 0


@pytest.mark.quality
def test_every_gold_document_is_matched(report: dict) -> None:  # type: ignore[type-arg]
    assert report["documents"]["matched"] >= BASELINE["documents"]["matched_min"]


@pytest.mark.quality
def test_cross_source_cases(report: dict) -> None:  # type: ignore[type-arg]
    floor = BASELINE["conflicts"]
    assert report["conflicts"]["recall"] >= floor["recall_min"], report["conflicts"]
    assert report["conflicts"]["false_alarms"] <= floor["false_alarms_max"], report["conflicts"]
