"""Whether an answer is right, by the checks of a question in questions.jsonl.

Checks are robust to extraction improving: a value that must appear (within a tolerance), a
date, a name, words of the answer, an article cited, the verdict of a claim checked, or
`refused: true` for a question the knowledge base cannot answer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bilateral.model import Answer

QUESTIONS = Path(__file__).resolve().parent / "questions.jsonl"


def load() -> list[dict[str, Any]]:
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def problems(case: dict[str, Any], found: Answer, sources: dict[str, set[str]]) -> list[str]:
    """What is wrong with `found` as an answer to `case` (empty: right). `sources` maps each
    article id to the names it is known by (file name, external id)."""
    if case.get("refused"):
        return [] if not found.found and found.refusal else ["answered what is not known"]
    if not found.found:
        reason = found.refusal.reason if found.refusal else ""
        return [f"refused: {reason}"]
    wrong = []
    if case.get("kind") and found.kind != case["kind"]:
        wrong.append(f"kind {found.kind}, expected {case['kind']}")
    said = " ".join(s.text for s in found.statements).lower()
    tolerance = case.get("tolerance", 0.05)
    values = [s.value for s in found.statements if s.value is not None]
    for v in case.get("values", []):
        if not any(abs(x - v) <= tolerance * abs(v) for x in values):
            wrong.append(f"value {v} missing from {values}")
    dates = [s.date or "" for s in found.statements]
    for d in case.get("dates", []):
        if not any(x.startswith(d) for x in dates) and d not in said:
            wrong.append(f"date {d} missing")
    for name in case.get("names", []):
        if name.lower() not in said:
            wrong.append(f"{name!r} missing")
    if case.get("any_names") and not any(n.lower() in said for n in case["any_names"]):
        wrong.append(f"none of {case['any_names']}")
    cited = {
        name for s in found.statements for c in s.citations for name in sources.get(c.doc, set())
    }
    for source in case.get("cites", []):
        if source not in cited:
            wrong.append(f"{source} not cited")
    if case.get("verdict"):
        verdicts = {s.name for s in found.statements if s.kind == "verdict"}
        if case["verdict"] not in verdicts:
            wrong.append(f"verdict {verdicts}, expected {case['verdict']}")
    if case.get("disagreement"):
        seen = {d.verdict for d in found.disagreements}
        if case["disagreement"] not in seen:
            wrong.append(f"disagreement {case['disagreement']} not shown ({seen})")
    return wrong
