"""Questions answered from the seed corpus, each statement cited to its article and sentence."""

from __future__ import annotations

import sqlite3
import threading

import httpx

from bilateral.ask import answer
from bilateral.store import KnowledgeBase


def _ask(url: str, question: str):  # type: ignore[no-untyped-def]
    with KnowledgeBase.open(url) as kb:
        return answer(kb, question)


def _cited(found) -> None:  # type: ignore[no-untyped-def]
    assert found.found and found.statements
    for s in found.statements:
        assert s.citations, s.text
        for c in s.citations:
            assert c.sentence and c.end > c.start


def test_the_investor_rank_shows_both_values_with_their_articles(server_kb: str) -> None:
    found = _ask(server_kb, "What is Korea's investor rank in Kazakhstan?")
    ranks = [s for s in found.statements if s.kind == "claim"]
    assert sorted(s.text.split(":")[1].split(",")[0].strip() for s in ranks) == ["10th", "8th"]
    assert len({s.citations[0].doc for s in ranks}) == 2
    assert any(d.verdict == "different_time" for d in found.disagreements)
    _cited(found)


def test_the_number_of_companies_with_korean_capital(server_kb: str) -> None:
    found = _ask(server_kb, "How many companies with Korean capital operate in Kazakhstan?")
    counts = [s for s in found.statements if s.kind == "claim"]
    assert counts and all("550" in s.text for s in counts)
    assert any(d.verdict == "agree" for d in found.disagreements)
    _cited(found)


def test_when_the_partnership_was_agreed_shows_the_disagreement(server_kb: str) -> None:
    found = _ask(
        server_kb, "When was the strategic partnership between Kazakhstan and Korea agreed?"
    )
    dates = [s.text for s in found.statements if s.kind == "event"]
    assert any("2009" in d for d in dates) and any("2010" in d for d in dates)
    assert any(d.verdict == "contradiction" for d in found.disagreements)
    _cited(found)


def test_what_the_2021_visit_produced(server_kb: str) -> None:
    found = _ask(server_kb, "What did Tokayev's 2021 visit produce?")
    said = " ".join(s.text for s in found.statements)
    for outcome in ("joint statement", "agreement signed", "mou", "repatriation", "$1.7 bn"):
        assert outcome in said, outcome
    _cited(found)


def test_what_is_not_there_is_said_to_be_not_there(server_kb: str) -> None:
    found = _ask(server_kb, "How many penguins live in Antarctica?")
    assert not found.found and found.statements[0].text == "That is not in the knowledge base."
    assert found.refusal and found.refusal.nearby  # what it does hold, said as such


def test_reads_do_not_wait_for_a_writer(server: str, server_kb: str) -> None:
    """An ingest in another process holds the write lock; the API still answers (SQLite WAL)."""
    path = server_kb.removeprefix("sqlite:///")
    writer = sqlite3.connect(path, timeout=1, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")  # the lock a writing transaction takes
    writer.execute("UPDATE state SET value = value WHERE key = 'version'")
    try:
        answered = []
        reader = threading.Thread(
            target=lambda: answered.append(httpx.get(f"{server}/api/documents?limit=3", timeout=5))
        )
        reader.start()
        reader.join(timeout=5)
        assert answered and answered[0].status_code == 200
    finally:
        writer.rollback()
        writer.close()
