"""Extraction in worker processes and on Ray actors gives exactly what one process gives."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bilateral.model import Settings
from bilateral.pipeline import Processes, ingest
from bilateral.store import KnowledgeBase

SAMPLE = 24  # dev articles: several pairs, figures, events and quotes


def _corpus(shared: Path, tmp_path: Path) -> Path:
    lines = (shared / "corpus" / "dev" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "sample.jsonl"
    path.write_text("\n".join(lines[:SAMPLE]) + "\n", encoding="utf-8")
    return path


def _export(settings: Settings, corpus: Path) -> list[str]:
    with KnowledgeBase.open(settings.db_url) as kb:
        report = ingest([corpus], settings, kb)
        assert report.failed == 0 and report.ingested == SAMPLE
        return sorted(json.dumps(r, sort_keys=True) for r in kb.export_records())


@pytest.fixture(scope="module")
def corpus(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(shared, tmp_path_factory.mktemp("corpus"))  # one path: sources match


@pytest.fixture(scope="module")
def one_process(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    tmp = tmp_path_factory.mktemp("one")
    settings = Settings(db_url=f"sqlite:///{tmp / 'kb.db'}", batch_size=4)
    return _export(settings, corpus)


@pytest.mark.slow
def test_two_worker_processes_give_the_same_knowledge_base(
    corpus: Path, tmp_path: Path, one_process: list[str]
) -> None:
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'kb.db'}", batch_size=4, workers=2)
    assert _export(settings, corpus) == one_process


@pytest.mark.slow
def test_a_worker_pool_answers_in_batches_with_futures() -> None:
    from bilateral.model import Block, Document

    docs = [
        Document(f"d{i}", f"{i}.txt", text, (Block(0, len(text), "body"),))
        for i, text in enumerate(["Chile and Peru met in Lima.", "Kenya thanked Tanzania."])
    ]
    pool = Processes(Settings().spacy_model, 8, workers=2)
    try:
        first, second = pool.submit(docs[:1]), pool.submit(docs[1:])
        assert [a.doc_id for a in first.result(timeout=300) + second.result(timeout=300)] == [
            "d0",
            "d1",
        ]
    finally:
        pool.close()


@pytest.mark.slow
def test_ray_actors_give_the_same_knowledge_base(
    corpus: Path, tmp_path: Path, one_process: list[str]
) -> None:
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install bilateral[ray])")
    try:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    except Exception as exc:  # pragma: no cover - a machine where Ray cannot start
        pytest.skip(f"a local Ray runtime cannot start here: {exc}")
    try:
        settings = Settings(
            db_url=f"sqlite:///{tmp_path / 'kb.db'}", batch_size=4, ray_address="auto"
        )
        assert _export(settings, corpus) == one_process
    finally:
        ray.shutdown()


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_of_a_killed_ingest_end_too(shared: Path, tmp_path: Path) -> None:
    source = shared / "corpus" / "reuters21578" / "reuters21578.jsonl"
    with source.open(encoding="utf-8") as handle:
        lines = [next(handle) for _ in range(1000)]
    corpus = tmp_path / "long.jsonl"
    corpus.write_text("".join(lines), encoding="utf-8")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bilateral.serve",
            "ingest",
            str(corpus),
            "--workers",
            "2",
            "--db",
            str(tmp_path / "kb.db"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers = {c for c in _children(proc.pid) if "spawn_main" in _cmdline(c)}
        time.sleep(0.1)
    assert len(workers) >= 2, "the ingest should have started its workers"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.2)
    assert not [w for w in workers if Path(f"/proc/{w}").exists()], "orphaned workers live on"


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")
    except OSError:
        return ""
