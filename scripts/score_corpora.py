"""Ingest the seed and dev corpora into fresh knowledge bases, export them, and score each with
../shared/eval/score.py. Prints one table with both, so a change is always judged on both.

    python scripts/score_corpora.py [--corpus seeds|dev] [--json OUT] [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bilateral.extract import Extractor
from bilateral.model import Settings
from bilateral.pipeline import Ingestor
from bilateral.serve.exporters import write_jsonl
from bilateral.store import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = {
    "seeds": (SHARED / "corpus" / "seeds", SHARED / "eval" / "gold" / "seeds"),
    "dev": (SHARED / "corpus" / "dev" / "dev.jsonl", SHARED / "eval" / "gold" / "dev"),
}
FACETS = ["entities", "claims", "events", "quotes"]


def score(name: str, extractor: Extractor, workdir: Path, show_errors: bool) -> dict:  # type: ignore[type-arg]
    corpus, gold = CORPORA[name]
    settings = Settings(db_url=f"sqlite:///{workdir / (name + '.db')}")
    export = workdir / f"{name}.jsonl"
    with KnowledgeBase.open(settings.db_url) as kb:
        Ingestor(kb, settings, lambda: extractor).run([corpus])
        with export.open("w", encoding="utf-8") as handle:
            write_jsonl(kb.export_records(), handle)
    command = [sys.executable, str(SHARED / "eval" / "score.py"), str(export), str(gold)]
    if show_errors:
        subprocess.run([*command, "--show-errors"], check=True)
    result = subprocess.run([*command, "--json"], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    names = args.corpus or ["seeds", "dev"]
    extractor = Extractor(Settings().spacy_model)
    reports = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            reports[name] = score(name, extractor, Path(tmp), args.show_errors)
    print(f"{'facet':<20}" + "".join(f"{n:>10}" for n in names))
    for facet in FACETS:
        for mode in ("lenient", "strict"):
            key = f"{facet}/{mode}"
            print(f"{key:<20}" + "".join(f"{reports[n][key]['f1']:>10.3f}" for n in names))
    for n in names:
        c = reports[n]["conflicts"]
        print(f"{n}: conflicts {c}; provenance {reports[n]['provenance']}")
    if args.json:
        args.json.write_text(json.dumps(reports, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
