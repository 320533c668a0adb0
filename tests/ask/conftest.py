"""The seed and dev corpora ingested once, and a real server over them on loopback."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from bilateral.extract import Extractor
from bilateral.model import Settings
from bilateral.pipeline import Ingestor
from bilateral.serve.api import create_app
from bilateral.store import KnowledgeBase


@pytest.fixture(scope="session")
def ask_url(tmp_path_factory: pytest.TempPathFactory, shared: Path, extractor: Extractor) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('ask') / 'kb.db'}"
    settings = Settings(db_url=url)
    with KnowledgeBase.open(url) as kb:
        report = Ingestor(kb, settings, lambda: extractor).run(
            [shared / "corpus" / "seeds", shared / "corpus" / "dev" / "dev.jsonl"]
        )
        assert report.failed == 0 and report.ingested >= 38
    return url


@pytest.fixture(scope="session")
def ask_kb(ask_url: str) -> Iterator[KnowledgeBase]:
    with KnowledgeBase.open(ask_url) as kb:
        yield kb


@pytest.fixture(scope="session")
def ask_server(ask_url: str) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    config = uvicorn.Config(
        create_app(Settings(db_url=ask_url)), host="127.0.0.1", port=port, log_level="warning"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/documents", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    yield base
    running.should_exit = True
    thread.join(timeout=10)
