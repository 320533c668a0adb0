"""Read articles from files and folders. A problem becomes an IngestFailure, not an exception."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from bilateral.model import IngestFailure, RawArticle

TEXT_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}  # read by ingest.feeds
WARC_SUFFIXES = (".warc", ".warc.gz")  # read by ingest.warc
SUPPORTED = sorted(
    {*TEXT_SUFFIXES, *HTML_SUFFIXES, *JSONL_SUFFIXES, *FEED_SUFFIXES, *WARC_SUFFIXES}
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)

Item = RawArticle | IngestFailure


def supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED or path.name.lower().endswith(WARC_SUFFIXES)


def expand(paths: Iterable[str | Path]) -> Iterator[Path | IngestFailure]:
    """Files named directly, and the supported files below each folder, in a stable order.

    A file named directly with an unsupported suffix is a failure; inside a folder it is passed
    over, so a folder with a stray image in it still ingests.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and supported(child):
                    yield child
        elif path.is_file():
            if supported(path):
                yield path
            else:
                yield IngestFailure(
                    str(path),
                    f"{path.suffix or 'no suffix'} is not a supported type "
                    f"({', '.join(SUPPORTED)}).",
                )
        else:
            yield IngestFailure(str(path), "no such file or folder.")


def _size_text(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def read_bytes(path: Path, max_bytes: int) -> bytes | IngestFailure:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return IngestFailure(
                str(path),
                f"the file is {_size_text(size)}, over the {_size_text(max_bytes)} limit.",
            )
        data = path.read_bytes()
    except OSError as exc:
        return IngestFailure(str(path), f"could not be read: {exc.strerror or exc}.")
    if not data.strip():
        return IngestFailure(str(path), "the file is empty.")
    if b"\x00" in data[:8192]:
        return IngestFailure(str(path), "a binary file, not text.")
    return data


def decode(data: bytes, source: str, html: bool) -> str | IngestFailure:
    """UTF-8 (with or without a byte-order mark), or the charset an HTML page declares."""
    encoding = "utf-8-sig"
    if html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            encoding = declared.group(1).decode("ascii").lower()
            if encoding in ("utf-8", "utf8"):
                encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except LookupError:
        return IngestFailure(source, f"the page declares an unknown charset {encoding!r}.")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        return IngestFailure(
            source, f"not valid {encoding.replace('-sig', '')} text (byte 0x{bad} at {exc.start})."
        )


def read_file(path: Path, max_bytes: int) -> Iterator[Item]:
    suffix = path.suffix.lower()
    data = read_bytes(path, max_bytes)
    if isinstance(data, IngestFailure):
        yield data
        return
    text = decode(data, str(path), html=suffix in HTML_SUFFIXES)
    if isinstance(text, IngestFailure):
        yield text
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(text, str(path))
    elif suffix in HTML_SUFFIXES:
        yield RawArticle(source=str(path), content=text, fmt="html")
    else:
        yield RawArticle(source=str(path), content=text, fmt=TEXT_SUFFIXES[suffix])


def _optional_str(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    return str(value).strip() or None


def _authors(record: dict[str, object]) -> tuple[str, ...]:
    value = record.get("authors", record.get("author"))
    if isinstance(value, str):
        return tuple(a.strip() for a in re.split(r",| and ", value) if a.strip())
    if isinstance(value, list):
        return tuple(str(a).strip() for a in value if str(a).strip())
    return ()


def read_jsonl(text: str, source: str) -> Iterator[Item]:
    """One article a line: {"id","url","title","published","outlet","text"|"html"}."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestFailure(where, f"not valid JSON ({exc.msg} at column {exc.colno}).")
            continue
        except RecursionError:
            yield IngestFailure(where, "not valid JSON (nested too deeply).")
            continue
        if not isinstance(record, dict):
            yield IngestFailure(where, "a JSON Lines record must be an object.")
            continue
        body, fmt = record.get("text"), "text"
        if not (isinstance(body, str) and body.strip()):
            body, fmt = record.get("html"), "html"
        if not (isinstance(body, str) and body.strip()):
            yield IngestFailure(where, 'the record has no "text" or "html" to read.')
            continue
        yield RawArticle(
            source=where,
            content=body,
            fmt=fmt,
            external_id=_optional_str(record, "id"),
            url=_optional_str(record, "url"),
            title=_optional_str(record, "title"),
            published=_optional_str(record, "published"),
            outlet=_optional_str(record, "outlet"),
            authors=_authors(record),
        )
