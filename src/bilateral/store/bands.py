"""The near-duplicate index kept in the database: LSH bands of every original document."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import Connection, Select, bindparam, delete, func, select

from bilateral.store import schema
from bilateral.store.bulk import insert_rows
from bilateral.store.database import json_text

BANDS_MISSING = "doc_bands_missing"


def write_bands(conn: Connection, bands: Mapping[str, Sequence[str]]) -> None:
    rows = [(b, doc_id) for doc_id, keys in bands.items() for b in set(keys)]
    insert_rows(conn, schema.doc_bands, ("band", "doc_id"), rows)


def bands_missing(conn: Connection) -> bool:
    st = schema.state.c
    return conn.execute(select(st.value).where(st.key == BANDS_MISSING)).scalar() == "1"


def backfill_bands(conn: Connection, bands: Mapping[str, Sequence[str]]) -> None:
    conn.execute(delete(schema.doc_bands))
    write_bands(conn, bands)
    conn.execute(delete(schema.state).where(schema.state.c.key == BANDS_MISSING))


def candidates_by_band(
    conn: Connection, keys: Sequence[str]
) -> dict[str, dict[str, tuple[int, ...]]]:
    """For each of these band keys, the original documents that hold it, with their signatures:
    the candidates of a whole batch of articles in one query."""
    out: dict[str, dict[str, tuple[int, ...]]] = {}
    if not keys:
        return out
    b, d = schema.doc_bands.c, schema.documents.c
    wanted = sorted(set(keys))
    query = (
        select(b.band, d.id, d.signature)
        .join(schema.documents, d.id == b.doc_id)
        .where(b.band.in_(_listed(wanted) if conn.dialect.name == "sqlite" else wanted))
        .where(d.duplicate_of.is_(None))
    )
    for r in conn.execute(query):
        out.setdefault(r.band, {})[r.id] = tuple(r.signature)
    return out


def _listed(values: list[str]) -> Select[tuple[str]]:
    """The values as the rows of one JSON parameter (SQLite's json_each): a batch sends some
    five hundred band keys, which as one parameter each SQLAlchemy would expand into the
    statement at every call. Only the set matters here: rows come in any order."""
    listed = func.json_each(bindparam("listed", json_text(values))).table_valued("value")
    return select(listed.c.value)
