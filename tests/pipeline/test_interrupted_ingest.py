"""An ingest killed mid-way loses nothing it had stored and leaves no half-written batch;
the next ingest completes it without duplicates."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.articles import write_articles

BATCH = 2


def _count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db, timeout=30) as conn:
        try:
            return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        except sqlite3.OperationalError:  # not migrated yet
            return 0


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "bilateral.serve", *args]


def test_kill_mid_ingest_then_resume(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", tmp_path / "kb.db"
    write_articles(folder, 40)
    proc = subprocess.Popen(
        _cli("ingest", str(folder), "--db", str(db), "--batch-size", str(BATCH)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while _count(db, "documents") < 2 * BATCH and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    stored = _count(db, "documents")
    assert 2 * BATCH <= stored < 40, "the ingest should have been killed part-way"
    assert stored % BATCH == 0, "a batch is stored whole or not at all"
    with sqlite3.connect(db) as conn:
        orphans = conn.execute(
            "SELECT count(*) FROM mentions m LEFT JOIN documents d ON d.id = m.doc_id "
            "WHERE d.id IS NULL"
        ).fetchone()[0]
        without_entities = conn.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM local_entities l WHERE l.doc_id = d.id)"
        ).fetchone()[0]
    assert orphans == 0 and without_entities == 0

    done = subprocess.run(
        _cli("ingest", str(folder), "--db", str(db)), capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert _count(db, "documents") == 40
    assert _count(db, "entities") > 0
