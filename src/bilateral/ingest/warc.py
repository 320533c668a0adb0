"""Web archives (WARC and WARC.gz, read with warcio): each HTML response is an article, with
the record's target URI as its url and the record's date as its published date.

An archive is read to its end before any article is given out: a truncated or corrupt archive
is one failure and yields nothing, so nothing of it is stored partly.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from bilateral.ingest.fetch import media_type
from bilateral.ingest.urls import decode_body
from bilateral.model import IngestFailure, RawArticle

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _record_article(
    record: object, source: str, max_bytes: int
) -> RawArticle | IngestFailure | None:
    """The article of one record, a failure, or None for a record that is not an HTML page."""
    rec_type = record.rec_type  # type: ignore[attr-defined]
    if rec_type not in ("response", "resource"):
        return None
    headers = record.rec_headers  # type: ignore[attr-defined]
    uri = headers.get_header("WARC-Target-URI") or ""
    where = f"{source}#{uri}" if uri else source
    http = record.http_headers  # type: ignore[attr-defined]
    if rec_type == "response":
        if http is None:
            return None
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        kind, charset = media_type(http.get_header("Content-Type"))
    else:
        kind, charset = media_type(headers.get_header("Content-Type"))
    if kind not in HTML_TYPES:
        return None
    stream = record.content_stream()  # type: ignore[attr-defined]
    body = stream.read(max_bytes + 1)
    if len(body) > max_bytes:
        return IngestFailure(where, f"the page is over the {max_bytes // 1024 // 1024} MB limit.")
    text = decode_body(body, charset, where, html=True)
    if isinstance(text, IngestFailure):
        return text
    date = headers.get_header("WARC-Date") or ""
    return RawArticle(
        source=where,
        content=text,
        fmt="html",
        url=uri or None,
        published=date[:10] or None,
    )


def _check_whole(path: Path) -> str | None:
    """Why the archive cannot be read to its end, or None when it can."""
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as whole:  # every member to its end-of-stream marker
                while whole.read(1 << 20):
                    pass
        count = 0
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle, check_digests="raise"):
                count += 1
                if not str(record.format).startswith("warc"):
                    return "not a WARC file"
                if record.rec_type is None or record.length is None:
                    return "the archive is truncated (a record header is incomplete)"
                stream = record.raw_stream
                while stream.read(1 << 16):
                    pass
                missing = getattr(stream, "limit", 0)
                if missing > 0:  # the record promised more bytes than the file holds
                    return f"the archive is truncated ({missing} bytes of a record are missing)"
        if not count:
            return "not a WARC file (no record found)"
    except ArchiveLoadFailed as exc:
        return f"not a readable WARC file ({' '.join(str(exc).split()).rstrip('.')})"
    except EOFError:
        return "the archive is truncated (its compressed data ends early)"
    except Exception:  # warcio trips over some cut or corrupt headers with errors of its own
        return "the archive is truncated or corrupt (a record header cannot be read)"
    return None


def read_warc(path: Path, max_bytes: int) -> Iterator[RawArticle | IngestFailure]:
    source = str(path)
    problem = _check_whole(path)
    if problem:
        yield IngestFailure(source, f"{problem}; nothing of it is ingested.")
        return
    found = 0
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            article = _record_article(record, source, max_bytes)
            if article is not None:
                found += 1
                yield article
    if not found:
        yield IngestFailure(source, "the archive holds no HTML page.")
