"""Web archives written here with warcio: HTML responses only, with the record's target URI and
date; a truncated or foreign file is one failure and yields nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from bilateral.ingest import read_sources
from bilateral.model import IngestFailure, RawArticle
from tests.sites import made_up_page

LIMIT = 20 * 1024 * 1024


def _response(
    writer: WARCWriter,
    uri: str,
    body: bytes,
    kind: str,
    status: str = "200 OK",
    date: str = "2023-06-14T07:30:00Z",
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)


def write_warc(path: Path, gz: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
    _response(writer, "http://news.test/a", made_up_page(21).encode(), "text/html; charset=utf-8")
    _response(writer, "http://news.test/b.pdf", b"%PDF-1.7", "application/pdf")
    _response(writer, "http://news.test/missing", b"<p>no</p>", "text/html", "404 Not Found")
    _response(
        writer,
        "http://news.test/c",
        made_up_page(22).encode("latin-1"),
        "text/html; charset=iso-8859-1",
        date="2023-07-01T12:00:00Z",
    )
    request = writer.create_warc_record(
        "http://news.test/a",
        "request",
        payload=io.BytesIO(b"GET /a HTTP/1.1\r\nHost: news.test\r\n\r\n"),
    )
    writer.write_record(request)
    data = buffer.getvalue()
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_articles_with_uri_and_date(tmp_path: Path, name: str) -> None:
    write_warc(tmp_path / name, gz=name.endswith(".gz"))
    items = list(read_sources([tmp_path], LIMIT))  # found in a folder too
    assert all(isinstance(i, RawArticle) for i in items), items
    assert [(i.url, i.published) for i in items] == [  # type: ignore[union-attr]
        ("http://news.test/a", "2023-06-14"),
        ("http://news.test/c", "2023-07-01"),
    ]
    first = items[0]
    assert isinstance(first, RawArticle) and first.fmt == "html" and "Officials of" in first.content
    assert first.source == f"{tmp_path / name}#http://news.test/a"


@pytest.mark.parametrize(
    ("name", "cut"), [("cut.warc", 600), ("cut.warc", 297), ("cut.warc.gz", 40)]
)
def test_a_truncated_archive_is_one_failure_and_nothing_else(
    tmp_path: Path, name: str, cut: int
) -> None:
    path = tmp_path / name
    data = write_warc(path, gz=name.endswith(".gz"))
    path.write_bytes(data[:-cut])
    (failure,) = read_sources([path], LIMIT)
    assert isinstance(failure, IngestFailure) and failure.source == str(path)
    assert failure.reason.startswith("the archive is truncated")
    assert "NoneType" not in failure.reason
    assert failure.reason.endswith("nothing of it is ingested.")


def test_a_file_that_is_not_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("These are notes, not an archive of the web.", encoding="utf-8")
    (failure,) = read_sources([path], LIMIT)
    assert isinstance(failure, IngestFailure) and "not a WARC file" in failure.reason
