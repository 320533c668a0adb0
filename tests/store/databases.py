"""A PostgreSQL database for a store test, emptied of what an earlier test left in it."""

from __future__ import annotations

from sqlalchemy import MetaData, create_engine, text


def empty_database(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        meta = MetaData()
        meta.reflect(conn)
        meta.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
