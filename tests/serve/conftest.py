"""A real server on loopback over a knowledge base of the seed corpus plus a hostile article."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import Counter
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
    yield from _serve(server_kb)


def _serve(db_url: str) -> Iterator[str]:
    """A live server on an ephemeral loopback port over the knowledge base at db_url."""
    port = _free_port()
    config = uvicorn.Config(
        create_app(Settings(db_url=db_url)), host="127.0.0.1", port=port, log_level="warning"
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


@pytest.fixture(scope="session")
def pairs_kb(tmp_path_factory: pytest.TempPathFactory, shared: Path, extractor: Extractor) -> str:
    """A knowledge base of many pairs: the seed corpus and the dev corpus."""
    url = f"sqlite:///{tmp_path_factory.mktemp('pairs') / 'kb.db'}"
    with KnowledgeBase.open(url) as kb:
        report = Ingestor(kb, Settings(db_url=url), lambda: extractor).run(
            [shared / "corpus" / "seeds", shared / "corpus" / "dev" / "dev.jsonl"]
        )
        assert report.failed == 0
    return url


@pytest.fixture(scope="session")
def pairs_server(pairs_kb: str) -> Iterator[str]:
    yield from _serve(pairs_kb)


@pytest.fixture(scope="session")
def dev_pairs(shared: Path) -> set[str]:
    """The pairs of the dev corpus as its gold annotations tell them: for each article, the two
    countries its annotated events (actor and target) and two-country figures name most."""
    found = set()
    for path in sorted((shared / "eval" / "gold" / "dev").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(gold, dict) or "events" not in gold:
            continue
        named: Counter[str] = Counter()
        for e in gold["events"]:
            named.update(
                "-".join(sorted((a, t))) for a in e["actors"] for t in e["targets"] if a != t
            )
        for c in gold["claims"]:
            if len(set(c["countries"])) == 2:
                named["-".join(sorted(set(c["countries"])))] += 1
        if named:
            found.add(named.most_common(1)[0][0])
    assert found, "the dev gold annotations name no pair"
    return found
