"""Killed at random moments, again and again, then resumed: the knowledge base converges to
exactly what one uninterrupted run gives, every record kind by count and id (issue 9)."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

KILLS = 10
ARTICLES = 120  # Reuters articles, the one that once broke a run among them
BATCH = "4"


def _cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "bilateral.serve", *args, "--db", str(db)]


def _scalar(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # not migrated yet
        return 0


def _documents(db: Path) -> int:
    return _scalar(db, "SELECT count(*) FROM documents")


def _pending(db: Path) -> int:
    return _scalar(db, "SELECT count(*) FROM pending_groups")


def _export(db: Path) -> dict[str, list[str]]:
    done = subprocess.run(
        _cli(db, "export"), capture_output=True, text=True, timeout=300, check=True
    )
    by_kind: dict[str, list[str]] = {}
    for line in done.stdout.splitlines():
        record = json.loads(line)
        by_kind.setdefault(record["kind"], []).append(record["id"])
    return {kind: sorted(ids) for kind, ids in by_kind.items()}


@pytest.mark.slow
def test_ten_kills_at_random_moments_converge_to_a_clean_run(shared: Path, tmp_path: Path) -> None:
    source = shared / "corpus" / "reuters21578" / "reuters21578.jsonl"
    with source.open(encoding="utf-8") as handle:
        lines = [next(handle) for _ in range(2300)][2200 - ARTICLES // 2 : 2200 + ARTICLES // 2]
    corpus = tmp_path / "reuters.jsonl"
    corpus.write_text("".join(lines), encoding="utf-8")

    clean = tmp_path / "clean.db"
    subprocess.run(
        _cli(clean, "ingest", str(corpus), "--batch-size", BATCH),
        capture_output=True,
        timeout=600,
        check=True,
    )
    expected = _export(clean)

    killed = tmp_path / "killed.db"
    total = len(expected["document"])
    rng = random.Random(20261127)  # the moments vary from kill to kill, not from run to run
    kills = stored = 0
    pending_seen = False
    deadline = time.monotonic() + 900
    while kills < KILLS and time.monotonic() < deadline:
        # A moment tied to progress, not to the clock, so that a slow machine still kills
        # mid-ingest: after one to three more batches, a little into the next one.
        target = min(total, stored + rng.randint(1, 3) * int(BATCH))
        proc = subprocess.Popen(
            _cli(killed, "ingest", str(corpus), "--batch-size", BATCH),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while proc.poll() is None and _documents(killed) < target:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.5))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
        stored = _documents(killed)
        pending_seen |= _pending(killed) > 0
    assert kills == KILLS, "every kill should land while the ingest runs"
    assert pending_seen, "some kill should leave groups waiting to be reconciled"
    subprocess.run(
        _cli(killed, "ingest", str(corpus), "--batch-size", BATCH),
        capture_output=True,
        timeout=600,
        check=True,
    )
    got = _export(killed)
    assert Counter({k: len(v) for k, v in got.items()}) == Counter(
        {k: len(v) for k, v in expected.items()}
    )
    for kind in expected:
        assert got[kind] == expected[kind], kind
    assert {"document", "entity", "claim", "event", "cluster"} <= set(expected)
