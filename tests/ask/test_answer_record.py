"""One answer record everywhere: the library, /api/ask and the ask page's JSON twin return the
same thing; the page and the CLI show it, the refusal included."""

from __future__ import annotations

import json
from dataclasses import asdict

import httpx
import pytest
from typer.testing import CliRunner

from bilateral.ask import answer
from bilateral.serve.cli import app
from bilateral.store import KnowledgeBase

QUESTIONS = [
    "When did Kazakhstan and South Korea become strategic partners?",
    "How many companies with Korean capital are active in Kazakhstan?",
    "What did Erdogan and Aliyev discuss?",
    "How much does Germany export to Japan?",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_library_api_and_page_twin_agree(
    question: str, ask_kb: KnowledgeBase, ask_server: str
) -> None:
    library = json.loads(json.dumps(asdict(answer(ask_kb, question))))
    api = httpx.get(f"{ask_server}/api/ask", params={"q": question}, timeout=30).json()
    twin = httpx.get(f"{ask_server}/ask.json", params={"q": question}, timeout=30).json()
    assert api["answer"] == library == twin["answer"]
    assert set(library) == {
        "question",
        "kind",
        "found",
        "statements",
        "disagreements",
        "refusal",
        "understood",
    }


def test_every_statement_is_cited_to_its_sentence(ask_kb: KnowledgeBase) -> None:
    for question in QUESTIONS[:3]:
        found = answer(ask_kb, question)
        assert found.found and found.statements
        for s in found.statements:
            assert s.citations, s.text
            for c in s.citations:
                page = ask_kb.document_page(c.doc)
                assert page and page["text"][c.start : c.end] == c.sentence


def test_the_page_shows_answers_disagreements_and_refusals(ask_server: str) -> None:
    html = httpx.get(f"{ask_server}/ask", params={"q": QUESTIONS[0]}, timeout=30).text
    assert "Where the sources differ" in html and "contradiction" in html and "2009" in html
    refused = httpx.get(f"{ask_server}/ask", params={"q": QUESTIONS[3]}, timeout=30).text
    assert "Not in the knowledge base." in refused and "does not answer the question" in refused


def test_the_cli_prints_the_answer_or_the_refusal(ask_url: str) -> None:
    runner = CliRunner()
    said = runner.invoke(app, ["ask", QUESTIONS[0], "--db", ask_url])
    assert said.exit_code == 0 and "2009" in said.output and "contradiction" in said.output
    refused = runner.invoke(app, ["ask", QUESTIONS[3], "--db", ask_url])
    assert refused.exit_code == 1 and "Not in the knowledge base." in refused.output
    record = runner.invoke(app, ["ask", QUESTIONS[1], "--db", ask_url, "--json"])
    assert json.loads(record.output)["kind"] == "how_much"
