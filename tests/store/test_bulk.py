"""Bulk writes straight to SQLite's driver store what SQLAlchemy's executemany stores."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, insert, update

from bilateral.store import KnowledgeBase, schema
from bilateral.store.bulk import insert_rows, update_rows
from bilateral.store.database import json_text

DOCUMENT = {
    "id": "d1",
    "source": "s",
    "authors": ["Ama Mensah"],
    "language": "en",
    "text": "t",
    "blocks": [{"start": 0, "end": 1, "kind": "body"}],
    "signature": [1, 2],
    "ingested_at": datetime(2024, 5, 1, 12, 30, tzinfo=UTC),
}
# not the table's order of columns
LOCAL = ("doc_id", "id", "type", "name", "forms", "roles", "country", "entity_id")
LOCALS = [
    ("d1", "l1", "PERSON", "Ama Mensah", ["Mensah"], ["minister"], "GHA", None),
    ("d1", "l2", "GPE", "Côte d’Ivoire", [], [], None, None),
]


def _by_sqlalchemy(conn: Connection) -> None:
    conn.execute(insert(schema.documents), [DOCUMENT])
    conn.execute(insert(schema.local_entities), [dict(zip(LOCAL, r, strict=True)) for r in LOCALS])
    le = schema.local_entities
    conn.execute(update(le).where(le.c.id == "l1").values(entity_id="e1"))


def _in_bulk(conn: Connection) -> None:
    insert_rows(conn, schema.documents, tuple(DOCUMENT), [tuple(DOCUMENT.values())])
    insert_rows(conn, schema.local_entities, LOCAL, LOCALS)
    update_rows(conn, schema.local_entities, "id", ("entity_id",), [("l1", "e1")])


def test_rows_go_in_as_sqlalchemy_puts_them(tmp_path: Path) -> None:
    """JSON, dates, and columns in another order than the table's, on SQLite."""
    stored = []
    for name, write in (("sqlalchemy", _by_sqlalchemy), ("bulk", _in_bulk)):
        with KnowledgeBase.open(f"sqlite:///{tmp_path}/{name}.db") as kb:
            with kb.engine.begin() as conn:
                write(conn)
            with kb.engine.connect() as conn:
                stored.append(
                    [
                        list(conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY rowid"))
                        for table in ("documents", "local_entities")
                    ]
                )
    assert stored[0] == stored[1]
    assert [r[-1] for r in stored[1][1]] == ["e1", None]


@pytest.mark.parametrize(
    "value",
    [
        [],
        ["a"],
        ["Côte d’Ivoire", 'say "no"', "back\\slash", "\n\t", "😀"],
        [1, 2],
        [{"a": 1}],
        {},
        ["a", 1],
        ["a", None],
        [["a"]],
        ["a", 1.5],
    ],
)
def test_json_text_is_what_json_dumps_writes(value: Any) -> None:
    assert json_text(value) == json.dumps(value)
