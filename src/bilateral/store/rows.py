"""Records to table rows and back, for the facts whose columns follow their fields: one place
says which field is stored under which column, and the writes and the reads both use it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from operator import attrgetter, itemgetter
from typing import Any, TypeVar

from bilateral.model import Claim, Event

# field -> column, where the column's name differs from the field's
CLAIM_COLUMNS = {"from_": "from_country", "to": "to_country", "speaker_id": "speaker_local_id"}
EVENT_COLUMNS = {"place": "place_local_id"}

Record = TypeVar("Record", Claim, Event)


def _columns(kind: type[Claim] | type[Event], renames: dict[str, str]) -> tuple[str, ...]:
    return tuple(renames.get(f.name, f.name) for f in fields(kind))


# each kind's fields in order, read at once, and the columns they are stored under
_FIELDS = {
    Claim: attrgetter(*(f.name for f in fields(Claim))),
    Event: attrgetter(*(f.name for f in fields(Event))),
}
_COLUMNS = {Claim: _columns(Claim, CLAIM_COLUMNS), Event: _columns(Event, EVENT_COLUMNS)}


def columns(kind: type[Claim] | type[Event]) -> tuple[str, ...]:
    """The columns `to_values` gives the values of, in its order."""
    return (*_COLUMNS[kind], "group_key")


def to_values(record: Claim | Event, group_key: str | None) -> tuple[Any, ...]:
    values = _FIELDS[type(record)](record)
    return (*(list(v) if isinstance(v, tuple) else v for v in values), group_key)


def from_rows(kind: type[Record], rows: Sequence[Any]) -> list[Record]:
    """Records of rows that all hold the same columns (those of the kind's table, in any
    order): each field is found by position, the positions once for all the rows."""
    if not rows:
        return []
    keys = tuple(rows[0]._fields)
    read = itemgetter(*(keys.index(column) for column in _COLUMNS[kind]))
    out = []
    for row in rows:
        found: list[Any] = [tuple(v) if isinstance(v, list) else v for v in read(row)]
        out.append(kind(*found))
    return out
