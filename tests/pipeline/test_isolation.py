"""One article's failure is that article's: the rest of its batch is stored, the run goes on,
and the failure is one line naming the article and the reason."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from bilateral.extract import Extractor
from bilateral.model import ArticleEntities, Block, Document, Settings
from bilateral.pipeline import Ingestor
from bilateral.store import KnowledgeBase
from tests.articles import article, write_articles

CONSULATE = "Officials of the Peruvian Consulate General met traders in Osaka on Monday."


class Breaking:
    """The real extractor, made to raise on articles holding a marker word: an injected fault,
    since no known article breaks the extractor any more."""

    def __init__(self, real: Extractor, marker: str) -> None:
        self.real, self.marker = real, marker

    def __call__(self, docs: Sequence[Document]) -> list[ArticleEntities]:
        for d in docs:
            if self.marker in d.text:
                raise ValueError(f"cannot read {self.marker}")
        return self.real(docs)


def test_a_multi_word_name_head_is_found_not_crashed_on(
    ingestor: Ingestor, kb: KnowledgeBase, tmp_path: Path
) -> None:
    (tmp_path / "line.txt").write_text(CONSULATE, encoding="utf-8")
    report = ingestor.run([tmp_path / "line.txt"])
    assert report.failed == 0 and report.ingested == 1
    orgs = kb.entity_table(type_="ORG")
    assert [(e["name"], e["country"]) for e in orgs] == [("Peruvian Consulate General", "PER")]


def test_a_title_stretching_over_a_name_leaves_one_mention(extractor: Extractor) -> None:
    text = (
        "Tariffs could become more harmful, Canadian Department of Energy Deputy "
        "Administrator Helen Marsh said.\n\nMarsh said her visit ends tomorrow."
    )
    doc = Document("d", "a.txt", text, (Block(0, len(text), "body"),))
    (found,) = extractor([doc])  # the extractor itself, before the runner normalises
    spans = [(m.start, m.end) for m in found.mentions]
    assert len(spans) == len(set(spans)) and spans


def test_an_article_that_breaks_extraction_fails_alone(
    extractor: Extractor, kb: KnowledgeBase, settings: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 6)
    lines = [{"id": "poisoned-7", "text": article(7) + "\n\nZanzibarite appears here."}]
    (folder / "more.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    report = Ingestor(kb, settings, lambda: Breaking(extractor, "Zanzibarite")).run([folder])
    assert report.ingested == 6 and report.failed == 1
    (failure,) = report.failures
    assert failure.source.endswith("more.jsonl:1 (poisoned-7)")
    assert failure.reason == "could not be extracted: ValueError: cannot read Zanzibarite."
    assert "Traceback" in (failure.detail or "")
    assert kb.counts()["documents"] == 6


def test_an_article_the_database_refuses_fails_alone(
    extractor: Extractor, settings: Settings, tmp_path: Path
) -> None:
    db = tmp_path / "kb.db"
    with KnowledgeBase.open(f"sqlite:///{db}"):
        pass
    with sqlite3.connect(db) as conn:  # a real refusal from the database, for one article
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.text LIKE '%Quokkaland%' "
            "BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END"
        )
    folder = tmp_path / "in"
    paths = write_articles(folder, 5)
    paths[2].write_text(article(2) + "\n\nQuokkaland is named here.", encoding="utf-8")
    with KnowledgeBase.open(f"sqlite:///{db}") as kb:
        report = Ingestor(kb, settings, lambda: extractor).run([folder])
        assert report.ingested == 4 and report.failed == 1
        assert report.failures[0].source == str(paths[2])
        assert report.failures[0].reason.startswith("could not be stored: IntegrityError")
        assert kb.counts()["documents"] == 4
        assert kb.pending_groups() == []


def test_the_cli_names_the_failure_in_one_line_and_exits_1(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(CONSULATE, encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x1", "text": article(3)}) + "\n{not json\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "bilateral.serve", "ingest", str(good), str(bad)],
        capture_output=True,
        text=True,
        timeout=300,
        env={"BILATERAL_DB": str(tmp_path / "kb.db"), "PATH": "/usr/bin:/bin", "COLUMNS": "200"},
    )
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {bad}:2: not valid JSON (Expecting property name enclosed in "
        "double quotes at column 2)."
    ]
    assert "Traceback" not in done.stderr
