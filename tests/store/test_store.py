"""The store: migrations, a batch written whole, contract-shaped records, WAL and FTS5."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from bilateral.model import ArticleEntities, Block, Document, Entity, LocalEntity, Mention
from bilateral.store import KnowledgeBase, StoreError

CONTRACT_DOCUMENT = {
    "kind",
    "id",
    "source",
    "external_id",
    "title",
    "published",
    "outlet",
    "authors",
    "language",
    "text",
    "duplicate_of",
}
CONTRACT_ENTITY = {"kind", "id", "name", "type", "country", "roles", "aliases", "mentions"}


def _doc() -> tuple[Document, ArticleEntities]:
    text = "Chile and Peru met in Lima."
    doc = Document(
        id="d1",
        source="a.txt",
        text=text,
        blocks=(Block(0, len(text), "body"),),
        published="2021-08-17",
        signature=(1, 2, 3),
    )
    local = LocalEntity("l1", "d1", "GPE", "Peru", "PER", (), ("Peru",))
    mention = Mention("d1", 10, 14, "Peru", "GPE", "l1")
    return doc, ArticleEntities("d1", (local,), (mention,))


def test_a_batch_round_trips_into_contract_records(kb: KnowledgeBase) -> None:
    doc, found = _doc()
    kb.write_batch([doc], [found])
    assert kb.entities_stale()
    kb.replace_entities([Entity("e1", "Peru", "GPE", "PER", (), (), ("l1",))])
    assert not kb.entities_stale()
    records = list(kb.export_records())
    document, entity = records
    assert set(document) >= CONTRACT_DOCUMENT and set(entity) >= CONTRACT_ENTITY
    (m,) = entity["mentions"]
    assert document["text"][m["start"] : m["end"]] == m["text"] == "Peru"
    assert kb.entity_table(country="per")[0]["articles"] == 1


def test_facts_that_break_an_invariant_are_refused_in_a_sentence(kb: KnowledgeBase) -> None:
    doc, found = _doc()
    twice = ArticleEntities("d1", found.entities, (found.mentions[0], found.mentions[0]))
    with pytest.raises(StoreError, match=r"d1 break an invariant: mention span \(10, 14\)"):
        kb.write_batch([doc], [twice])
    outside = ArticleEntities("d1", found.entities, (Mention("d1", 20, 99, "Lima", "GPE", "l1"),))
    with pytest.raises(StoreError, match="outside"):
        kb.write_batch([doc], [outside])
    assert kb.counts()["documents"] == 0


def test_a_failed_batch_leaves_nothing_behind(kb: KnowledgeBase) -> None:
    doc, found = _doc()
    kb.write_batch([doc], [found])
    other = replace(doc, id="d2", source="b.txt")
    again = ArticleEntities("d2", (replace(found.entities[0], id="l2", doc_id="d2"),), ())
    with pytest.raises(IntegrityError):  # d2 is written first, then d1 violates the key
        kb.write_batch([other, doc], [again, found])
    assert kb.counts()["documents"] == 1
    assert kb.known_document_ids(["d2"]) == set()


def test_sqlite_runs_in_wal_mode_with_full_text_search(kb: KnowledgeBase, tmp_path: Path) -> None:
    doc, found = _doc()
    kb.write_batch([doc], [found])
    with sqlite3.connect(tmp_path / "kb.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        hits = conn.execute("SELECT doc_id FROM documents_fts WHERE documents_fts MATCH 'lima'")
        assert [h[0] for h in hits] == ["d1"]


def test_opening_twice_migrates_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    with KnowledgeBase.open(url):
        pass
    with KnowledgeBase.open(url) as again:
        assert again.counts()["documents"] == 0


def test_an_impossible_location_is_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        KnowledgeBase.open(f"sqlite:///{tmp_path / 'missing' / 'kb.db'}")
