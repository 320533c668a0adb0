"""Records to table rows and back, for the facts whose columns follow their fields: one place
says which field is stored under which column, and the writes and the reads both use it."""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

from bilateral.model import Claim, Event

# field -> column, where the column's name differs from the field's
CLAIM_COLUMNS = {"from_": "from_country", "to": "to_country", "speaker_id": "speaker_local_id"}
EVENT_COLUMNS = {"place": "place_local_id"}

Record = TypeVar("Record", Claim, Event)


def to_row(record: Claim | Event, group_key: str | None) -> dict[str, Any]:
    renames = CLAIM_COLUMNS if isinstance(record, Claim) else EVENT_COLUMNS
    row: dict[str, Any] = {}
    for f in fields(record):
        value = getattr(record, f.name)
        row[renames.get(f.name, f.name)] = list(value) if isinstance(value, tuple) else value
    row["group_key"] = group_key
    return row


def from_row(kind: type[Record], row: Any) -> Record:
    renames = CLAIM_COLUMNS if kind is Claim else EVENT_COLUMNS
    values: dict[str, Any] = {}
    for f in fields(kind):
        value = getattr(row, renames.get(f.name, f.name))
        values[f.name] = tuple(value) if isinstance(value, list) else value
    return kind(**values)
