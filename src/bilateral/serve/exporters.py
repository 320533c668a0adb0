"""Writers for the export formats. JSON Lines is the contract; CSV and Parquet are the same
records as tables (documents, entities, mentions, claims, quotes...), one file each."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

FORMATS = ("jsonl", "csv", "parquet")


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for record in records:
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
