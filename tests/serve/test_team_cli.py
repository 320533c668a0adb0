"""`bilateral token ...`, `bilateral ingest URL` and `bilateral watch` as a user runs them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from bilateral.serve.cli import app
from tests.sites import Reply, Site, made_up_page, serving

runner = CliRunner()


def test_a_token_is_printed_once_and_only_its_digest_is_stored(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    made = runner.invoke(
        app, ["token", "create", "--name", "desk", "--scope", "write", "--db", str(db)]
    )
    assert made.exit_code == 0, made.output
    token = made.stdout.strip().splitlines()[-1]
    assert token.startswith("blt_") and len(token) > 40
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT name, scope, digest FROM tokens").fetchall()
    assert [(n, s) for n, s, _ in rows] == [("desk", "write")]
    assert token not in repr(rows) and len(rows[0][2]) == 64

    twice = runner.invoke(app, ["token", "create", "--name", "desk", "--db", str(db)])
    assert twice.exit_code == 2 and "exists; revoke it first" in twice.output
    wrong = runner.invoke(
        app, ["token", "create", "--name", "x", "--scope", "admin", "--db", str(db)]
    )
    assert wrong.exit_code == 2 and "unknown scope 'admin'" in wrong.output

    listed = runner.invoke(app, ["token", "list", "--db", str(db)])
    assert "desk" in listed.output and token not in listed.output
    revoked = runner.invoke(app, ["token", "revoke", "desk", "--db", str(db)])
    assert revoked.exit_code == 0 and "revoked" in revoked.output
    gone = runner.invoke(app, ["token", "revoke", "desk", "--db", str(db)])
    assert gone.exit_code == 1 and "no live token named 'desk'" in gone.output
    assert "Traceback" not in gone.output


def test_ingest_a_url_and_report_a_bad_one_in_a_line(tmp_path: Path) -> None:
    site = Site()
    site.page("/story.html", made_up_page(400))
    site.routes["/paper.pdf"] = Reply(b"%PDF-1.7", "application/pdf")
    with serving(site):
        result = runner.invoke(
            app,
            [
                "ingest",
                site.url("/story.html"),
                site.url("/paper.pdf"),
                "--db",
                str(tmp_path / "kb.db"),
            ],
        )
    assert result.exit_code == 1, result.output
    assert (
        f"{site.url('/paper.pdf')}: the server sent application/pdf, not a web page or feed."
        in result.output
    )
    with sqlite3.connect(tmp_path / "kb.db") as conn:
        (url,) = conn.execute("SELECT url FROM documents").fetchone()
    assert url == site.url("/story.html")


def test_watch_refuses_a_bad_interval(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["watch", "feed.xml", "--every", "often", "--db", str(tmp_path / "kb.db")]
    )
    assert result.exit_code == 2 and "not an interval" in result.output
