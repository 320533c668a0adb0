"""The state keys and the version counter, set by upserts built once per database kind, and
the pending groups, inserted without reading them first: on SQLite, and on PostgreSQL when
BILATERAL_TEST_PG names a server."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import MetaData, create_engine, delete, text

from bilateral.store import KnowledgeBase, schema
from bilateral.store.writes import ENTITIES_STALE, VERSION, _set_state, mark_pending

PG = os.environ.get("BILATERAL_TEST_PG")


def _empty(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        meta = MetaData()
        meta.reflect(conn)
        meta.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def kb(request: pytest.FixtureRequest, tmp_path: Path) -> KnowledgeBase:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path}/kb.db"
    elif PG:
        url = PG
        _empty(url)
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
