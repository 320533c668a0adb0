"""The same question over the same knowledge base gives the same answer, in any process: no
order of a set or of a dictionary leaks into an answer (Python salts string hashes per
process, so two processes with different salts must agree)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.ask.checks import load

SCRIPT = """
import json, sys
from dataclasses import asdict
from bilateral.ask import answer
from bilateral.store import KnowledgeBase
with KnowledgeBase.open(sys.argv[1]) as kb:
    print(json.dumps([asdict(answer(kb, q)) for q in json.loads(sys.stdin.read())]))
"""


def _answers(url: str, questions: list[str], seed: str) -> object:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, url],
        input=json.dumps(questions),
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=300,
    )
    return json.loads(done.stdout)


def test_answers_do_not_depend_on_the_process(ask_url: str) -> None:
    questions = [c["q"] for c in load()]
    assert _answers(ask_url, questions, "1") == _answers(ask_url, questions, "2")
