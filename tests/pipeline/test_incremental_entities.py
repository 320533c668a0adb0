"""Entity resolution is incremental: articles ingested one at a time, each run resolving only
the blocks its new entities fall in, give the canonical entities one full resolution gives."""

from __future__ import annotations

import json
from pathlib import Path

from bilateral.extract import Extractor
from bilateral.model import Settings
from bilateral.pipeline import Ingestor, reconcile_all
from bilateral.store import KnowledgeBase


def _entities(kb: KnowledgeBase) -> list[str]:
    return sorted(
        json.dumps(r, sort_keys=True) for r in kb.export_records() if r["kind"] == "entity"
    )


def test_one_article_at_a_time_equals_a_full_resolution(
    tmp_path: Path, shared: Path, extractor: Extractor
) -> None:
    lines = (shared / "corpus" / "dev" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    paths = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    for i, line in enumerate(lines):
        path = tmp_path / f"dev-{i:02d}.jsonl"
        path.write_text(line + "\n", encoding="utf-8")
        paths.append(path)
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'kb.db'}")
    with KnowledgeBase.open(settings.db_url) as kb:
        ingestor = Ingestor(kb, settings, lambda: extractor)
        for path in paths:
            ingestor.run([path])
        assert not kb.entities_stale()
        stepwise = _entities(kb)
        reconcile_all(kb)  # every entity resolved again from all local entities
        assert _entities(kb) == stepwise
    assert len(stepwise) > 250
