"""The command line as a user runs it: exit codes, tables, exports, errors as sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from bilateral.serve.cli import app
from tests.articles import write_articles

runner = CliRunner()


def test_ingest_entities_and_export(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    env = {"BILATERAL_DB": str(tmp_path / "kb.db")}
    result = runner.invoke(app, ["ingest", str(tmp_path / "in")], env=env)
    assert result.exit_code == 0, result.output
    assert "ingested" in result.output

    table = runner.invoke(app, ["entities", "--type", "PERSON"], env=env)
    assert table.exit_code == 0 and "Amina Diallo" in table.output

    exported = runner.invoke(app, ["export", "--format", "jsonl"], env=env)
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    kinds = {r["kind"] for r in records}
    assert {"document", "entity", "event"} <= kinds  # the made-up articles report meetings
    for command in (["claims"], ["events", "--type", "CONSULT"], ["quotes"]):
        shown = runner.invoke(app, command, env=env)
        assert shown.exit_code == 0, shown.output
    assert "CONSULT" in runner.invoke(app, ["events"], env=env).output

    for fmt in ("csv", "parquet"):
        out = tmp_path / fmt
        done = runner.invoke(app, ["export", "--format", fmt, "--out", str(out)], env=env)
        assert done.exit_code == 0, done.output
        written = {p.name for p in out.iterdir()}
        expected = {f"{table}.{fmt}" for table in ("documents", "entities", "mentions", "events")}
        assert expected <= written
    assert pq.read_table(tmp_path / "parquet" / "documents.parquet").num_rows == 3


def test_a_failure_makes_the_exit_status_non_zero(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 1)
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01\x02")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "kb.db")])
    assert result.exit_code == 1
    assert "bad.txt: a binary file, not text." in result.output


def test_errors_are_sentences_not_tracebacks(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "xml", "--db", str(tmp_path / "kb.db")])
    assert result.exit_code == 2 and "unknown format 'xml'" in result.output
    assert "Traceback" not in result.output
    missing = runner.invoke(app, ["entities", "--db", str(tmp_path / "no" / "where.db")])
    assert missing.exit_code == 2 and "does not exist" in missing.output
