"""The state keys and the version counter, set by upserts built once per database kind; the
pending groups, inserted without reading them first; what entity resolution read, used again
only while nothing was written since; and the near-duplicate candidates of many band keys:
on SQLite, and on PostgreSQL when BILATERAL_TEST_PG names a server."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import delete, text

from bilateral.model import ArticleEntities, Block, Document, Entity, LocalEntity, Mention
from bilateral.reconcile import block_keys, entity_of_key
from bilateral.store import KnowledgeBase, schema
from bilateral.store.writes import ENTITIES_STALE, VERSION, _set_state, mark_pending
from tests.store.databases import empty_database

PG = os.environ.get("BILATERAL_TEST_PG")


@pytest.fixture(params=["sqlite", "postgresql"])
def kb(request: pytest.FixtureRequest, tmp_path: Path) -> KnowledgeBase:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path}/kb.db"
    elif PG:
        url = PG
        empty_database(url)
    else:
        pytest.skip("BILATERAL_TEST_PG names no PostgreSQL server")
    opened = KnowledgeBase.open(url)
    request.addfinalizer(opened.close)
    return opened


def test_every_state_write_counts_the_version_up(kb: KnowledgeBase) -> None:
    start = int(kb.version())
    with kb.engine.begin() as conn:
        _set_state(conn, ENTITIES_STALE, "1")
    assert kb.entities_stale() and kb.version() == str(start + 1)
    with kb.engine.begin() as conn:
        _set_state(conn, ENTITIES_STALE, "0")
    assert not kb.entities_stale() and kb.version() == str(start + 2)
    with kb.engine.begin() as conn:
        _set_state(conn, VERSION, "9")  # counted as a number, not as text
        _set_state(conn, "reconciled", "3")
    assert kb.version() == "10"
    with kb.engine.begin() as conn:
        conn.execute(delete(schema.state).where(schema.state.c.key == VERSION))
        _set_state(conn, "reconciled", "4")
    assert kb.version() == "1"
    with kb.engine.connect() as conn:
        values = {k: v for k, v in conn.execute(text("SELECT key, value FROM state"))}
    assert values["reconciled"] == "4" and values[ENTITIES_STALE] == "0"


def test_pending_groups_are_marked_once(kb: KnowledgeBase) -> None:
    with kb.engine.begin() as conn:
        mark_pending(conn, ["b", "a"])
    with kb.engine.begin() as conn:
        mark_pending(conn, ["a", "c", "c"])
        mark_pending(conn, [])
    assert kb.pending_groups() == ["a", "b", "c"]


def _peru(n: int) -> tuple[Document, ArticleEntities]:
    text = "Chile and Peru met in Lima."
    doc = Document(
        id=f"d{n}",
        source=f"{n}.txt",
        text=text,
        blocks=(Block(0, len(text), "body"),),
        signature=(n, 2, 3),
    )
    local = LocalEntity(f"l{n}", doc.id, "GPE", "Peru", "PER", (), ("Peru",))
    return doc, ArticleEntities(
        doc.id, (local,), (Mention(doc.id, 10, 14, "Peru", "GPE", local.id),)
    )


def _resolve(kb: KnowledgeBase) -> tuple[list[str], list[Entity]]:
    found, keyed = kb.to_resolve()
    assert not found  # no people
    entities = [entity_of_key(key, tallies, ids) for key, (tallies, ids) in keyed.items()]
    return [i for _, ids in keyed.values() for i in ids], entities


def _pointed(kb: KnowledgeBase) -> dict[str, str | None]:
    with kb.engine.connect() as conn:
        return {i: e for i, e in conn.execute(text("SELECT id, entity_id FROM local_entities"))}


def test_what_to_resolve_read_is_read_again_after_a_write(kb: KnowledgeBase) -> None:
    """replace_entities_of uses the canonical entities to_resolve saw only while nothing was
    written since: here every member is unlinked in between, and all are linked again."""
    for n in (1, 2):
        doc, found = _peru(n)
        blocks = {e.id: block_keys(e) for e in found.entities}
        kb.write_batch([doc], [found], entity_blocks=blocks)
        local_ids, entities = _resolve(kb)
        kb.replace_entities_of(local_ids, entities)
        assert set(_pointed(kb).values()) == {entities[0].id}
    doc, found = _peru(3)
    kb.write_batch([doc], [found], entity_blocks={"l3": block_keys(found.entities[0])})
    local_ids, entities = _resolve(kb)  # sees l1 and l2 linked, l3 not yet
    assert sorted(local_ids) == ["l1", "l2", "l3"]
    kb.replace_entities([])  # a write in between: every member unlinked
    assert set(_pointed(kb).values()) == {None}
    kb.replace_entities_of(local_ids, entities)
    assert _pointed(kb) == {i: entities[0].id for i in ("l1", "l2", "l3")}
    assert not kb.entities_stale()


def test_band_candidates_are_the_originals_holding_a_band(kb: KnowledgeBase) -> None:
    """Asked for some five hundred band keys at once (one JSON parameter on SQLite)."""
    (one, found_one), (two, found_two), (three, found_three) = _peru(1), _peru(2), _peru(3)
    copy = replace(two, duplicate_of=one.id)
    kb.write_batch(
        [one, copy], [found_one, found_two], doc_bands={one.id: ("b1", "b2"), copy.id: ("b1",)}
    )
    kb.write_batch([three], [found_three], doc_bands={three.id: ("b2", "b3")})
    keys = [f"x{i}" for i in range(500)] + ["b2", "b1", "b3", "b2"]
    assert kb.near_duplicate_candidates_by_band(keys) == {
        "b1": {"d1": (1, 2, 3)},
        "b2": {"d1": (1, 2, 3), "d3": (3, 2, 3)},
        "b3": {"d3": (3, 2, 3)},
    }
    assert kb.near_duplicate_candidates_by_band(["x"]) == {}
    assert kb.near_duplicate_candidates_by_band([]) == {}
