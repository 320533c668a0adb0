"""An ingest has the garbage collector run less often while it runs, and puts its threshold
back when it ends, however it ends."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from bilateral.model import Settings
from bilateral.pipeline import Ingestor
from bilateral.pipeline.runner import GC_THRESHOLD, Extractor
from bilateral.store import KnowledgeBase


def _no_extractor() -> Extractor:
    raise RuntimeError("no extractor here")


def test_the_threshold_is_raised_while_an_ingest_runs_and_put_back(
    kb: KnowledgeBase, settings: Settings, tmp_path: Path
) -> None:
    before = gc.get_threshold()
    gc.set_threshold(700, 9, 8)
    seen: list[tuple[int, ...]] = []
    try:
        ingestor = Ingestor(kb, settings, _no_extractor, lambda *_: seen.append(gc.get_threshold()))
        assert ingestor.run([tmp_path / "missing.txt"]).failed == 1
        assert seen == [(GC_THRESHOLD, 9, 8)]
        assert gc.get_threshold() == (700, 9, 8)
        (tmp_path / "a.txt").write_text("Chile and Peru met in Lima on Tuesday.", encoding="utf-8")
        with pytest.raises(RuntimeError):
            ingestor.run([tmp_path / "a.txt"])
        assert gc.get_threshold() == (700, 9, 8)
    finally:
        gc.set_threshold(*before)
