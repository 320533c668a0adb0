"""The question file answered over the seeds and the dev corpus: at least 90% right, and never
an answer where the knowledge base does not hold one."""

from __future__ import annotations

from pathlib import PurePath

from bilateral.ask import answer
from bilateral.store import KnowledgeBase
from tests.ask.checks import load, problems


def _sources(kb: KnowledgeBase) -> dict[str, set[str]]:
    out = {}
    for d in kb.document_list(limit=1000)["items"]:
        names = {PurePath(d["source"].rsplit(":", 1)[0]).name}
        page = kb.document_page(d["id"]) or {}
        if page.get("external_id"):
            names.add(page["external_id"])
        out[d["id"]] = names
    return out


def test_the_question_file_is_our_own_and_large_enough() -> None:
    cases = load()
    assert len(cases) >= 40
    assert sum(1 for c in cases if c.get("refused")) >= 8
    assert len({c["q"] for c in cases}) == len(cases)
    assert all(
        c.get("refused")
        or any(k in c for k in ("values", "dates", "names", "any_names", "cites", "verdict"))
        for c in cases
    )


def test_questions_are_answered_right_and_refused_where_unknown(ask_kb: KnowledgeBase) -> None:
    sources = _sources(ask_kb)
    cases = load()
    failures = {}
    for case in cases:
        found = answer(ask_kb, case["q"])
        wrong = problems(case, found, sources)
        if wrong:
            failures[case["q"]] = wrong
    refused_wrongly = [q for q, w in failures.items() if "answered what is not known" in w]
    assert not refused_wrongly, refused_wrongly
    right = len(cases) - len(failures)
    report = "\n".join(f"{q}: {'; '.join(w)}" for q, w in failures.items())
    assert right / len(cases) >= 0.9, f"{right}/{len(cases)} right\n{report}"
