"""A real server on loopback over a knowledge base of the seed corpus plus a hostile article."""

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

HOSTILE = (
    "Chile and Peru sign a <script>window.__pwned = true; alert(1)</script> fisheries pact\n\n"
    "Chile and Peru signed an agreement on fisheries in Lima on Monday, officials said. "
    'The text <img src=x onerror="window.__pwned=true"> was shown in the draft.\n\n'
    "Trade between Chile and Peru reached $4.1 billion in 2022, the ministry said."
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server_kb(tmp_path_factory: pytest.TempPathFactory, shared: Path, extractor: Extractor) -> str:
    folder = tmp_path_factory.mktemp("server")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    url = f"sqlite:///{folder / 'kb.db'}"
    settings = Settings(db_url=url)
    with KnowledgeBase.open(url) as kb:
        Ingestor(kb, settings, lambda: extractor).run(
            [shared / "corpus" / "seeds", folder / "hostile.txt"]
        )
    return url


@pytest.fixture(scope="session")
def server(server_kb: str) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(
        create_app(Settings(db_url=server_kb)), host="127.0.0.1", port=port, log_level="warning"
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
