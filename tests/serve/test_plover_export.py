"""`bilateral export --format plover`: the events in PLOVER's named fields, one per line, each
pointing back at the sentence it was coded from."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bilateral.serve.cli import app
from bilateral.serve.exporters import plover_event
from tests.articles import write_articles

runner = CliRunner()
CATEGORIES = set(
    "AGREE CONSULT SUPPORT COOPERATE AID REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
    "MOBILIZE COERCE ASSAULT RETREAT CONCEDE".split()
)


def test_plover_lines_carry_the_required_fields_and_their_sentence(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    env = {"BILATERAL_DB": str(tmp_path / "kb.db")}
    assert runner.invoke(app, ["ingest", str(tmp_path / "in")], env=env).exit_code == 0
    contract = [
        json.loads(line) for line in runner.invoke(app, ["export"], env=env).stdout.splitlines()
    ]
    texts = {r["id"]: r["text"] for r in contract if r["kind"] == "document"}
    out = tmp_path / "events.plover.jsonl"
    done = runner.invoke(app, ["export", "--format", "plover", "--out", str(out)], env=env)
    assert done.exit_code == 0, done.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    # the contract holds the relation's events; PLOVER also those inside one country
    assert len(lines) >= sum(1 for r in contract if r["kind"] == "event") > 0
    for rec in lines:
        assert rec["id"] and rec["event"] and set(rec["event"]) <= CATEGORIES
        assert rec["actor"] and all(len(a["code"]) == 3 for a in rec["actor"])
        info = rec["text_info"]
        text = texts[info["doc"]]
        assert text[info["start"] : info["end"]] == rec["text"]
        assert text[info["cue_start"] : info["cue_end"]] == rec["event_text"][0]
        assert rec["date"] is None or len(rec["date"]) == 10  # YYYY-MM-DD, as PLOVER asks


def test_modality_becomes_a_plover_context_and_a_sector_rides_on_the_actor() -> None:
    event = {
        "id": "v1",
        "doc": "d1",
        "type": "PROTEST",
        "subtype": "demonstration",
        "mode": "demo",
        "modality": "planned",
        "actors": ["MLI"],
        "targets": ["FRA"],
        "actor_sector": "OPP",
        "date": "2024-03",
        "date_start": "2024-03-01",
        "date_end": "2024-03-31",
    }
    rec = plover_event(event, {"title": "A title", "published": "2024-03-14"})
    assert rec["event"] == ["PROTEST"] and rec["mode"] == ["demo"]
    assert rec["context"] == ["future"]
    assert rec["actor"] == [{"code": "MLI", "sector": ["OPP"]}]
    assert rec["recipient"] == [{"code": "FRA"}]
    assert (rec["date"], rec["enddate"], rec["date_text"]) == (
        "2024-03-01",
        "2024-03-31",
        "2024-03",
    )
    assert rec["cite_info"]["published"] == "2024-03-14"


def test_an_event_inside_one_country_is_in_plover_but_not_among_the_relations_events(
    tmp_path: Path,
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Talks in Nairobi\n\nKenya and Uganda held talks in Nairobi on Monday. Kenyan police "
        "arrested Kenyan protesters outside the venue.\n",
        encoding="utf-8",
    )
    env = {"BILATERAL_DB": str(tmp_path / "kb.db")}
    assert runner.invoke(app, ["ingest", str(tmp_path / "in")], env=env).exit_code == 0
    contract = [
        json.loads(line) for line in runner.invoke(app, ["export"], env=env).stdout.splitlines()
    ]
    plover = [
        json.loads(line)
        for line in runner.invoke(
            app, ["export", "--format", "plover"], env=env
        ).stdout.splitlines()
    ]
    assert {(r["event"][0], r["dyadic"]) for r in plover} == {
        ("CONSULT", True),
        ("COERCE", False),
    }
    coerce = next(r for r in plover if r["event"] == ["COERCE"])
    assert [a["code"] for a in coerce["actor"]] == [a["code"] for a in coerce["recipient"]]
    assert [r["type"] for r in contract if r["kind"] == "event"] == ["CONSULT"]
    events = {r["id"] for r in contract if r["kind"] == "event"}
    clusters = [r for r in contract if r["kind"] == "cluster" and r["of"] == "event"]
    assert all(set(c["members"]) <= events for c in clusters)
