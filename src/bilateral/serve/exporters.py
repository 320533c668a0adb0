"""Writers for the export formats. JSON Lines is the contract; CSV and Parquet are the same
records as tables (documents, entities, mentions, claims, quotes...), one file each; PLOVER is
the events alone in the PLOVER data format, one JSON object a line."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

FORMATS = ("jsonl", "csv", "parquet", "plover")
# PLOVER's auxiliary modes for what did not (yet) simply happen
PLOVER_CONTEXT = {
    "planned": "future",
    "conditional": "hypothetical",
    "historical": "historical",
    "reported": "reported",
}


def domestic(event: dict[str, Any]) -> bool:
    """An event inside one country, with no foreign party: kept in the knowledge base and in
    the PLOVER export (with `dyadic: false`), but not among the relation's events."""
    return not event.get("dyadic", True) and len({*event["actors"], *event["targets"]}) <= 1


def relation_records(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The export contract's records: events between countries, and the clusters of them."""
    inside: set[str] = set()
    for record in records:
        if record["kind"] == "event" and domestic(record):
            inside.add(record["id"])
            continue
        if record["kind"] == "cluster" and inside and set(record["members"]) <= inside:
            continue
        yield record


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for record in relation_records(records):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def as_tables(records: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {"documents": [], "entities": [], "mentions": []}
    for record in records:
        kind = record["kind"]
        if kind != "entity":
            tables.setdefault(f"{kind}s", []).append(
                {k: v for k, v in record.items() if k != "kind"}
            )
        else:
            row = {k: v for k, v in record.items() if k not in ("kind", "mentions")}
            tables["entities"].append(row)
            for m in record["mentions"]:
                tables["mentions"].append({"entity": record["id"], **m})
    return tables


def _flat(value: Any) -> Any:
    return "|".join(map(str, value)) if isinstance(value, list) else value


def write_tables(records: Iterable[dict[str, Any]], folder: Path, fmt: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in as_tables(records).items():
        path = folder / f"{name}.{fmt}"
        if fmt == "csv":
            with path.open("w", newline="", encoding="utf-8") as handle:
                if rows:
                    writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
                    writer.writeheader()
                    writer.writerows({k: _flat(v) for k, v in row.items()} for row in rows)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pylist(rows), path)
        written.append(path)
    return written


def plover_event(event: dict[str, Any], doc: dict[str, Any] | None) -> dict[str, Any]:
    """One event in PLOVER's named fields (the PLOVER manual, "Data Fields"): event type,
    mode, actor, recipient, date, location, source sentence and offsets; bilateral's own detail
    (the partial date, people, modality) in added fields, as the format allows."""

    def entities(codes: list[str], sector: str | None) -> list[dict[str, Any]]:
        return [{"code": c, **({"sector": [sector]} if sector else {})} for c in codes]

    modality = event.get("modality") or "actual"
    doc = doc or {}
    return {
        "id": event["id"],
        "has_event": True,
        "date": event.get("date_start"),
        "enddate": event.get("date_end"),
        "date_text": event.get("date"),
        "actor": entities(event.get("actors") or [], event.get("actor_sector")),
        "recipient": entities(event.get("targets") or [], event.get("target_sector")),
        "event": [event["type"]],
        "mode": [event["mode"]] if event.get("mode") else [],
        "context": [PLOVER_CONTEXT[modality]] if modality in PLOVER_CONTEXT else [],
        "event_loc": {"name": event["place"]} if event.get("place") else None,
        "event_text": [event.get("cue")] if event.get("cue") else [],
        "text": event.get("sentence"),
        "text_info": {
            "doc": event.get("doc"),
            "start": event.get("start"),
            "end": event.get("end"),
            "cue_start": event.get("cue_start"),
            "cue_end": event.get("cue_end"),
        },
        "cite_info": {
            "title": doc.get("title"),
            "url": doc.get("url"),
            "source": doc.get("source"),
            "outlet": doc.get("outlet"),
            "published": doc.get("published"),
        },
        "coder": "bilateral",
        "subtype": event.get("subtype"),
        "people": event.get("people") or [],
        "modality": modality,
        "dyadic": event.get("dyadic", True),
    }


def write_plover(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """The events of an export as PLOVER JSON Lines; returns how many were written."""
    docs: dict[str, dict[str, Any]] = {}
    n = 0
    for record in records:
        if record["kind"] == "document":
            docs[record["id"]] = record
        elif record["kind"] == "event":
            out.write(json.dumps(plover_event(record, docs.get(record["doc"])), ensure_ascii=False))
            out.write("\n")
            n += 1
    return n
