"""Many rows through one statement: the writes of a batch and of entity resolution.

On SQLite the statement is compiled once per table and columns, and its rows go to the
driver's executemany as tuples, each value through its column type's bind processor (JSON,
dates) as SQLAlchemy applies it: the same rows, without a dictionary built and processed per
row. Other databases keep SQLAlchemy's executemany, which batches rows into multi-row
statements there (insertmanyvalues on PostgreSQL).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.dml import UpdateBase

Row = tuple[Any, ...]
_Processor = Callable[[Any], Any]
# the SQL; for each of its parameters, where it is in a row and its bind processor, if any
_Plan = tuple[str, tuple[int, ...], tuple[_Processor | None, ...]]
_plans: weakref.WeakKeyDictionary[Dialect, dict[tuple[Any, ...], _Plan]] = (
    weakref.WeakKeyDictionary()
)


def insert_rows(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    rows: list[Row],
    skip_existing: bool = False,
) -> None:
    """INSERT a row of `table` per tuple of `rows`, whose values follow `columns`; with
    `skip_existing`, a row whose primary key is already there is left out (and the stored one
    kept)."""
    if not rows:
        return
    statement = _inserting(conn.dialect.name, table, skip_existing)
    if conn.dialect.name != "sqlite":
        conn.execute(statement, [dict(zip(columns, row, strict=True)) for row in rows])
        return
    key = ("insert", table, tuple(columns), skip_existing)
    _execute(conn, _plan(conn.dialect, key, statement, columns, columns), rows)


def dialect_insert(dialect: str) -> Any:
    """The INSERT of this database kind, the one that knows ON CONFLICT (SQLite or
    PostgreSQL)."""
    return sqlite_insert if dialect == "sqlite" else postgresql_insert


def _inserting(dialect: str, table: Table, skip_existing: bool) -> UpdateBase:
    if not skip_existing:
        return insert(table)
    skipping: UpdateBase = dialect_insert(dialect)(table).on_conflict_do_nothing(
        index_elements=list(table.primary_key)
    )
    return skipping


def update_rows(
    conn: Connection, table: Table, key: str, columns: Sequence[str], rows: list[Row]
) -> None:
    """UPDATE `columns` of the row of `table` whose `key` column holds a tuple's first value to
    the tuple's other values."""
    if not rows:
        return
    names = ["where_" + key, *("set_" + c for c in columns)]
    statement = (
        update(table)
        .where(table.c[key] == bindparam(names[0]))
        .values({c: bindparam(n) for c, n in zip(columns, names[1:], strict=True)})
    )
    if conn.dialect.name != "sqlite":
        conn.execute(statement, [dict(zip(names, row, strict=True)) for row in rows])
        return
    plan = _plan(conn.dialect, ("update", table, key, tuple(columns)), statement, names, None)
    _execute(conn, plan, rows)


def _plan(
    dialect: Dialect,
    key: tuple[Any, ...],
    statement: UpdateBase,
    names: Sequence[str],
    column_keys: Sequence[str] | None,
) -> _Plan:
    plans = _plans.setdefault(dialect, {})
    if key not in plans:
        compiled = statement.compile(
            dialect=dialect, column_keys=None if column_keys is None else list(column_keys)
        )
        order = compiled.positiontup or []
        plans[key] = (
            compiled.string,
            tuple(list(names).index(n) for n in order),
            tuple(
                compiled.binds[n].type.dialect_impl(dialect).bind_processor(dialect) for n in order
            ),
        )
    return plans[key]


def _execute(conn: Connection, plan: _Plan, rows: list[Row]) -> None:
    sql, order, processors = plan
    if order != tuple(range(len(rows[0]))) or any(processors):
        # column by column: put in the statement's order, each through its processor
        given = list(zip(*rows, strict=True))
        columns = [given[i] for i in order]
        for at, process in enumerate(processors):
            if process is not None:
                columns[at] = tuple(map(process, columns[at]))
        rows = list(zip(*columns, strict=True))
    conn.exec_driver_sql(sql, rows)
