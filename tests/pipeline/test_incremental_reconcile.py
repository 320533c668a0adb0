"""Reconciliation is incremental: ingesting articles one at a time gives the clusters and
conflicts that one ingest of them all gives, and reconciling everything again changes nothing."""

from __future__ import annotations

from pathlib import Path

from bilateral.extract import Extractor
from bilateral.model import Settings
from bilateral.pipeline import Ingestor, reconcile_all
from bilateral.store import KnowledgeBase


def _reconciled(kb: KnowledgeBase) -> tuple[set[tuple[str, ...]], set[tuple[tuple[str, ...], str]]]:
    records = list(kb.export_records())
    clusters = {tuple(r["members"]) for r in records if r["kind"] == "cluster"}
    conflicts = {(tuple(r["members"]), r["verdict"]) for r in records if r["kind"] == "conflict"}
    return clusters, conflicts


def test_one_at_a_time_equals_all_at_once(
    tmp_path: Path, shared: Path, extractor: Extractor
) -> None:
    seeds = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'step.db'}")
    with KnowledgeBase.open(settings.db_url) as step:
        ingestor = Ingestor(step, settings, lambda: extractor)
        for path in seeds:
            report = ingestor.run([path])
            assert report.ingested == 1 and report.groups > 0
        stepwise = _reconciled(step)
        reconcile_all(step)
        assert _reconciled(step) == stepwise
    whole = Settings(db_url=f"sqlite:///{tmp_path / 'whole.db'}")
    with KnowledgeBase.open(whole.db_url) as kb:
        Ingestor(kb, whole, lambda: extractor).run([shared / "corpus" / "seeds"])
        assert _reconciled(kb) == stepwise
    clusters, conflicts = stepwise
    assert any(len(members) == 3 for members in clusters)
    assert any(verdict == "contradiction" for _, verdict in conflicts)
