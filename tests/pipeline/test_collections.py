"""An ingest has the garbage collector run less often while it runs, and puts its threshold
back when it ends, however it ends."""

from __future__ import annotations

import gc
import multiprocessing
from pathlib import Path

import pytest

from bilateral.model import Settings
from bilateral.pipeline import Ingestor
from bilateral.pipeline.garbage import GC_THRESHOLD
from bilateral.pipeline.runner import Extractor
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


def _settled() -> tuple[int, int]:
    from bilateral.pipeline.garbage import settle_worker

    gc.set_threshold(700, 10, 10)
    settle_worker()
    return gc.get_threshold()[0], gc.get_freeze_count()


def test_a_worker_process_collects_less_often_and_sets_its_start_aside() -> None:
    # in a process of its own, as a pool's worker or a Ray actor is: the setting is process-wide
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        threshold, frozen = pool.apply(_settled)
    assert threshold == GC_THRESHOLD
    assert frozen > 0
