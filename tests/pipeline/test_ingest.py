"""Ingest end to end: bad input is reported and skipped, re-ingest changes nothing,
near-duplicates point at the first copy."""

from __future__ import annotations

import json
from pathlib import Path

from bilateral.model import Settings
from bilateral.pipeline import Ingestor
from bilateral.store import KnowledgeBase
from tests.articles import article, write_articles


def _bad_inputs(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (folder / "empty.md").write_text("", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("R\xe9sum\xe9 des n\xe9gociations".encode("latin-1"))
    with (folder / "huge.txt").open("wb") as handle:
        handle.write(b"news " * (50 * 1024 * 1024 // 5))
    (folder / "broken.html").write_text("<html><body><div><script>var x = 1;", encoding="utf-8")
    lines = [json.dumps({"id": "ok-1", "text": article(100)}), "{broken", json.dumps({"id": "x"})]
    (folder / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")


def test_bad_input_is_reported_and_the_rest_goes_on(
    ingestor: Ingestor, kb: KnowledgeBase, tmp_path: Path
) -> None:
    write_articles(tmp_path / "in", 3)
    _bad_inputs(tmp_path / "in")
    report = ingestor.run([tmp_path / "in"])
    assert report.ingested == 4  # three files and one JSON Lines record
    reasons = {Path(f.source).name: f.reason for f in report.failures}
    assert set(reasons) == {
        "binary.txt",
        "empty.md",
        "latin1.txt",
        "huge.txt",
        "broken.html",
        "feed.jsonl:2",
        "feed.jsonl:3",
    }
    assert all(reason.endswith(".") for reason in reasons.values())
    assert kb.counts()["documents"] == 4


def test_reingest_is_idempotent(ingestor: Ingestor, kb: KnowledgeBase, tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 5)
    first = ingestor.run([tmp_path / "in"])
    before = kb.counts()
    entities_before = kb.entity_table(limit=1000)
    again = ingestor.run([tmp_path / "in"])
    assert (first.ingested, again.ingested, again.duplicates) == (5, 0, 5)
    assert kb.counts() == before
    assert kb.entity_table(limit=1000) == entities_before
    records = list(kb.export_records())
    assert len({r["id"] for r in records}) == len(records)


def test_a_copy_on_another_site_is_a_near_duplicate(
    ingestor: Ingestor, kb: KnowledgeBase, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 2)
    copy = "By Wire Staff\n\n" + article(0).replace("on Tuesday", "on Tuesday morning")
    (folder / "zz_copy.txt").write_text(copy, encoding="utf-8")
    report = ingestor.run([folder])
    assert (report.ingested, report.near_duplicates) == (3, 1)
    docs = {Path(r["source"]).name: r for r in kb.export_records() if r["kind"] == "document"}
    assert docs["zz_copy.txt"]["duplicate_of"] == docs["article_000.txt"]["id"]
    assert docs["article_001.txt"]["duplicate_of"] is None


def test_a_second_knowledge_base_does_not_see_the_first(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    write_articles(tmp_path / "in", 2)
    for name in ("one", "two"):
        settings = Settings(db_url=f"sqlite:///{tmp_path / name}.db")
        with KnowledgeBase.open(settings.db_url) as base:
            report = Ingestor(base, settings, lambda: extractor).run([tmp_path / "in"])
            assert report.ingested == 2
