"""Reading sources: every problem is a failure naming the file and the reason; the rest goes on."""

from __future__ import annotations

import json
from pathlib import Path

from bilateral.ingest import estimate_count, read_sources
from bilateral.model import IngestFailure, RawArticle

LIMIT = 20 * 1024 * 1024


def _read(*paths: Path) -> list[RawArticle | IngestFailure]:
    return list(read_sources(paths, LIMIT))


def test_text_markdown_and_html_files_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Plain words.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Heading\n\nWords.", encoding="utf-8")
    (tmp_path / "c.html").write_text("<html><body><p>Words.</p></body></html>", encoding="utf-8")
    items = _read(tmp_path)
    assert [(Path(i.source).name, i.fmt) for i in items if isinstance(i, RawArticle)] == [
        ("a.txt", "text"),
        ("b.md", "markdown"),
        ("c.html", "html"),
    ]


def test_folders_are_read_recursively_and_skip_hidden_and_unknown_files(tmp_path: Path) -> None:
    (tmp_path / "deep" / "deeper").mkdir(parents=True)
    (tmp_path / "deep" / "deeper" / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    items = _read(tmp_path)
    assert [Path(i.source).name for i in items] == ["x.txt"]


def test_a_named_file_of_an_unknown_type_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff")
    (failure,) = _read(path)
    assert isinstance(failure, IngestFailure)
    assert failure.source == str(path) and "not a supported type" in failure.reason


def test_missing_path(tmp_path: Path) -> None:
    (failure,) = _read(tmp_path / "nowhere.txt")
    assert isinstance(failure, IngestFailure) and "no such file" in failure.reason


def test_binary_empty_undecodable_and_huge_files_fail_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00binary\x00data")
    (tmp_path / "empty.txt").write_bytes(b"   \n\n")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 in K\xf6ln".encode("latin-1"))
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.write(b"word " * (50 * 1024 * 1024 // 5))  # 50 MB
    (tmp_path / "good.txt").write_text("Good text.", encoding="utf-8")
    reasons = {
        Path(i.source).name: i.reason for i in _read(tmp_path) if isinstance(i, IngestFailure)
    }
    assert "binary" in reasons["binary.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "not valid utf-8" in reasons["latin1.txt"]
    assert "50.0 MB" in reasons["huge.txt"] and "limit" in reasons["huge.txt"]
    assert "good.txt" not in reasons


def test_html_declaring_its_charset_is_decoded_with_it(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Привет</p></body></html>'
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("windows-1251"))
    (raw,) = _read(path)
    assert isinstance(raw, RawArticle) and "Привет" in raw.content


def test_json_lines_records_and_their_failures(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(
            {
                "id": "a1",
                "url": "https://example.org/2021/08/25/x",
                "title": "T",
                "published": "2021-08-25",
                "outlet": "Example",
                "text": "Body.",
            }
        ),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "a2", "title": "no body"}),
        "",
        json.dumps({"id": "a3", "html": "<p>Hello</p>", "authors": ["A One", "B Two"]}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = _read(path)
    good = [i for i in items if isinstance(i, RawArticle)]
    bad = [i for i in items if isinstance(i, IngestFailure)]
    assert [(g.external_id, g.fmt) for g in good] == [("a1", "text"), ("a3", "html")]
    assert good[0].outlet == "Example" and good[0].published == "2021-08-25"
    assert good[1].authors == ("A One", "B Two")
    assert [(b.source.rsplit(":", 1)[1], b.reason.split(" (")[0]) for b in bad] == [
        ("2", "not valid JSON"),
        ("3", "a JSON Lines record must be an object."),
        ("4", 'the record has no "text" or "html" to read.'),
    ]
    assert estimate_count([path]) == 5
