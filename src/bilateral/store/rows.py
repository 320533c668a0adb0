"""Records to table rows and back, for the facts whose columns follow their fields: one place
says which field is stored under which column, and the writes and the reads both use it."""

from __future__ import annotations

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


# for a kind and the columns of a result: a getter of the kind's fields, in order, from a row
_READERS: dict[tuple[type, tuple[str, ...]], itemgetter[Any]] = {}


def from_row(kind: type[Record], row: Any) -> Record:
    keys = tuple(row._fields)
    read = _READERS.get((kind, keys))
    if read is None:
        read = _READERS[(kind, keys)] = itemgetter(*(keys.index(c) for c in _COLUMNS[kind]))
    found: list[Any] = [tuple(v) if isinstance(v, list) else v for v in read(row)]
    return kind(*found)
