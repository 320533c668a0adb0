"""The same knowledge base on a real PostgreSQL server: migrations, idempotent ingest, an export
identical to SQLite's, and every read the interfaces use. .ci/run starts the server and sets
BILATERAL_TEST_PG; without it there is no server to test against and the test says so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bilateral.ask import answer
from bilateral.extract import Extractor
from bilateral.model import Settings
from bilateral.pipeline import Ingestor
from bilateral.store import KnowledgeBase
from tests.store.databases import empty_database

URL = os.environ.get("BILATERAL_TEST_PG")
pytestmark = pytest.mark.skipif(not URL, reason="BILATERAL_TEST_PG names no PostgreSQL server")


def _comparable(kb: KnowledgeBase) -> list[tuple[str, str]]:
    return sorted((r["kind"], r["id"]) for r in kb.export_records())


def test_postgres_holds_the_same_knowledge_base(
    shared: Path, extractor: Extractor, seed_kb: KnowledgeBase
) -> None:
    assert URL
    empty_database(URL)
    settings = Settings(db_url=URL)
    with KnowledgeBase.open(URL) as kb:
        ingestor = Ingestor(kb, settings, lambda: extractor)
        assert ingestor.run([shared / "corpus" / "seeds"]).ingested == 5
        assert ingestor.run([shared / "corpus" / "seeds"]).duplicates == 5
        assert _comparable(kb) == _comparable(seed_kb)
        assert kb.entity_table(type_="PERSON", limit=5)
        assert kb.claim_table(metric="trade_turnover", country="KAZ")
        assert kb.event_table(type_="AGREE", person="Tokayev")
        assert kb.timeline(kb.dyad())
        assert kb.conflict_table(verdict="contradiction")
        assert kb.search("strategic partnership")
        said = answer(kb, "When was the strategic partnership agreed?")
        assert any(d.verdict == "contradiction" for d in said.disagreements)
