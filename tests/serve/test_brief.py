"""Many pairs and briefings over the seeds plus the dev corpus, through the live API and the
command line: every pair listed, lists cut to a pair, and briefings that state only what their
cited sentences say."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from bilateral.model import Settings
from bilateral.pipeline import Ingestor
from bilateral.serve.cli import app
from bilateral.store import KnowledgeBase

runner = CliRunner()
QUOTED = re.compile(r"“([^”]+)”")


def _get(server: str, path: str, **params: Any) -> Any:
    response = httpx.get(f"{server}{path}", params=params, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


def test_every_dev_pair_is_listed_with_its_counts(pairs_server: str, dev_pairs: set[str]) -> None:
    rows = {r["pair"]: r for r in _get(pairs_server, "/api/pairs")["pairs"]}
    assert dev_pairs <= set(rows), dev_pairs - set(rows)
    assert "KAZ-KOR" in rows  # the seed corpus's pair, beside the dev pairs
    for code in dev_pairs:
        row = rows[code]
        assert row["articles"] >= 1 and row["activity"], code
        assert sum(a["articles"] for a in row["activity"]) <= row["articles"]
        documents = _get(pairs_server, "/api/documents", pair=code, limit=500)
        assert documents["total"] >= row["articles"]  # near-duplicates are listed, not counted


def test_lists_cut_to_a_pair_hold_only_its_facts(pairs_server: str, dev_pairs: set[str]) -> None:
    code = max(dev_pairs, key=lambda c: _get(pairs_server, "/api/documents", pair=c)["total"])
    a, b = code.split("-")
    docs = {d["id"] for d in _get(pairs_server, "/api/documents", pair=code, limit=500)["items"]}
    claims = _get(pairs_server, "/api/claims", pair=code, limit=500)["items"]
    events = _get(pairs_server, "/api/events", pair=code, limit=500)["items"]
    assert claims and events
    for c in claims:
        assert {a, b} <= set(c["countries"]) or (
            c["doc"] in docs and set(c["countries"]) <= {a, b}
        ), c
    for e in events:
        named = set(e["actors"] + e["targets"])
        assert {a, b} <= named or (e["doc"] in docs and named <= {a, b}), e
    everything = _get(pairs_server, "/api/claims", limit=500)["items"]
    assert len(everything) > len(claims)  # the other pairs' figures are left out
    quotes = _get(pairs_server, "/api/quotes", pair=code, limit=500)["items"]
    assert quotes and all(q["doc"] in docs for q in quotes)
    entities = _get(pairs_server, "/api/entities", pair=code, type="PERSON", limit=5)["items"]
    assert entities and all(e["type"] == "PERSON" for e in entities)
    overview = _get(pairs_server, "/api/overview", pair=code)
    assert overview["pair"] == [a, b]
    bad = httpx.get(f"{pairs_server}/api/claims", params={"pair": "JAPAN-USA"})
    assert bad.status_code == 422 and "pair" in bad.json()["error"]


@cache
def _text(server: str, doc: str) -> str:
    text: str = _get(server, f"/api/documents/{doc}")["text"]
    return text


def test_briefing_states_only_what_its_citations_say(
    pairs_server: str, dev_pairs: set[str]
) -> None:
    """Each statement of each dev pair's briefing has a citation whose sentence, read from the
    article's text at the cited offsets, holds the figure or the name the statement states."""
    checked = 0
    for code in sorted(dev_pairs):
        brief = _get(pairs_server, f"/api/brief/{code}")
        numbers = {s["number"]: s["doc"] for s in brief["sources"]}
        for s in brief["statements"]:
            assert s["key"] and s["key"] in s["text"], s
            assert s["citations"], s
            sentences = []
            for c in s["citations"]:
                assert numbers[c["number"]] == c["doc"]  # the sources list names the article
                sentence = _text(pairs_server, c["doc"])[c["start"] : c["end"]]
                assert sentence == c["sentence"]
                sentences.append(sentence)
            assert any(s["key"] in sentence for sentence in sentences), (code, s)
            for words in QUOTED.findall(s["text"]):  # words quoted as the articles' own
                assert any(words in sentence for sentence in sentences), (code, words, s)
            checked += 1
        cited = {c["doc"] for s in brief["statements"] for c in s["citations"]}
        assert cited == set(numbers.values()), code  # every source is cited, none is missing
    assert checked >= 50


def test_briefing_sections_and_period(pairs_server: str, dev_pairs: set[str]) -> None:
    rows = {r["pair"]: r for r in _get(pairs_server, "/api/pairs")["pairs"]}
    code = max(dev_pairs, key=lambda c: rows[c]["articles"])
    brief = _get(pairs_server, f"/api/brief/{code}")
    assert brief["summary"] and brief["timeline"] and brief["people"] and brief["quotes"]
    assert brief["figures"], "the pair with most articles has figures"
    summary = {s["text"] for s in brief["summary"]}
    assert summary <= {s["text"] for s in brief["statements"][len(brief["summary"]) :]}
    first, last = rows[code]["first"], rows[code]["last"]
    later = _get(pairs_server, f"/api/brief/{code}", since=last)
    assert later["counts"]["articles"] < brief["counts"]["articles"] or first == last
    for s in later["timeline"]:
        assert s["when"] and s["when"] >= last[: len(s["when"])]
    gone = httpx.get(f"{pairs_server}/api/brief/nonsense")
    assert gone.status_code == 404 and "pair" in gone.json()["error"]


def test_brief_command(pairs_kb: str, tmp_path: Path) -> None:
    db = pairs_kb.removeprefix("sqlite:///")
    md = runner.invoke(app, ["brief", "KOR", "KAZ", "--db", db])
    assert md.exit_code == 0, md.output
    assert md.stdout.startswith("# Briefing: Kazakhstan and South Korea")
    assert "## Sources" in md.stdout and "/documents/" in md.stdout
    out = tmp_path / "b.html"
    nowhere = {"BILATERAL_DB": str(tmp_path / "none.db")}
    html = runner.invoke(app, ["brief", "KAZ", "KOR", "--format", "html"], env=nowhere)
    assert html.exit_code == 2 and "does not exist" in html.output
    html = runner.invoke(
        app, ["brief", "KAZ", "KOR", "--format", "html", "--out", str(out), "--db", db]
    )
    assert html.exit_code == 0, html.output
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page and "Page " in page and 'rel="stylesheet"' not in page
    empty = runner.invoke(app, ["brief", "CHL", "ARG", "--db", db])
    assert (
        empty.exit_code == 0 and "Nothing in the knowledge base about ARG and CHL" in empty.output
    )
    assert "## Sources" in empty.stdout and "[1]" not in empty.stdout
    for args, words in (
        (["KAZ", "KAZ"], "not two countries"),
        (["KAZ", "KOR", "--format", "doc"], "unknown format"),
        (["KAZ", "KOR", "--format", "pdf"], "--out"),
        (["KAZ", "KOR", "--since", "May"], "not a date"),
    ):
        failed = runner.invoke(app, ["brief", *args, "--db", db])
        assert failed.exit_code == 2 and words in failed.output, failed.output
        assert "Traceback" not in failed.output


SUCCESSION = [
    (
        "2019-06-02",
        "Chilean President Mateo Varela met Peruvian officials in Lima on Sunday to discuss "
        "fisheries, and Chile and Peru agreed to meet again.",
    ),
    (
        "2019-09-14",
        "Chilean President Mateo Varela said Chile would buy more fish from Peru this year.",
    ),
    (
        "2022-03-20",
        "Chilean President Lucia Montes received Peru's trade minister in Santiago on Sunday "
        "and said trade between Chile and Peru would grow.",
    ),
]


def test_an_entity_over_time_and_who_followed_whom(
    tmp_path: Path, settings: Settings, ingestor: Ingestor, kb: KnowledgeBase
) -> None:
    lines = [
        json.dumps({"id": f"s{i}", "published": day, "title": "Chile and Peru", "text": text})
        for i, (day, text) in enumerate(SUCCESSION)
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert ingestor.run([tmp_path / "in.jsonl"]).ingested == 3
    people = {e["name"]: e for e in kb.entity_table(type_="PERSON")}
    first, second = people["Mateo Varela"], people["Lucia Montes"]
    before = kb.entity_history(first["id"])
    role = next(r for r in before["roles"] if "Chile" in r["role"])
    assert (role["first"], role["last"], role["articles"]) == ("2019-06-02", "2019-09-14", 2)
    assert role["followed_by"] == {"id": second["id"], "name": "Lucia Montes"}
    assert role["preceded_by"] is None
    after = kb.entity_history(second["id"])
    theirs = next(r for r in after["roles"] if r["role"] == role["role"])
    assert theirs["preceded_by"] == {"id": first["id"], "name": "Mateo Varela"}
    assert [a["published"] for a in before["articles"]] == ["2019-06-02", "2019-09-14"]


@pytest.mark.parametrize("code", ["KAZ-KOR", "KOR-KAZ"])
def test_the_pair_is_read_in_either_order(pairs_server: str, code: str) -> None:
    brief = _get(pairs_server, f"/api/brief/{code}")
    assert brief["pair"] == ["KAZ", "KOR"] and brief["code"] == "KAZ-KOR"


PAGES = ["/", "/timeline", "/figures", "/entities", "/documents", "/conflicts", "/search?q=trade"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_takes_a_pair_and_keeps_it(pairs_server: str, path: str) -> None:
    rows = _get(pairs_server, "/api/pairs")["pairs"]
    code = next(r["pair"] for r in rows if r["pair"] != "KAZ-KOR")
    joiner = "&" if "?" in path else "?"
    page = httpx.get(f"{pairs_server}{path}{joiner}pair={code}", timeout=60)
    assert page.status_code == 200
    assert f'<option value="{code}" selected>' in page.text  # the picker shows the pair
    assert f'href="/timeline?pair={code}"' in page.text  # and the links keep it
    twin = path.replace("?", ".json?", 1) if "?" in path else f"{path.rstrip('/') or '/index'}.json"
    data = httpx.get(f"{pairs_server}{twin}", params={"pair": code}, timeout=60).json()
    if path in ("/", "/timeline", "/figures"):
        assert data["pair"] == code.split("-")  # the page is about the pair asked for
    if path == "/documents":
        assert data["total"] == len(
            _get(pairs_server, "/api/documents", pair=code, limit=500)["items"]
        )
