"""Ingest the first N Reuters articles into a fresh knowledge base and count the claim
comparisons reconciliation made: all of them, those whose two figures share no country, and
those called contradictions.

    python scripts/claim_comparisons.py [--limit 2000] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
from pathlib import Path

from bilateral.extract import Extractor
from bilateral.model import Settings
from bilateral.pipeline import Ingestor
from bilateral.serve.exporters import write_jsonl
from bilateral.store import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "corpus" / "reuters21578" / "reuters21578.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=REUTERS)
    parser.add_argument("--show", action="store_true", help="print each contradiction")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        first = Path(tmp) / "first.jsonl"
        with args.corpus.open(encoding="utf-8") as src, first.open("w", encoding="utf-8") as out:
            out.writelines(itertools.islice(src, args.limit))
        settings = Settings(db_url=f"sqlite:///{Path(tmp) / 'kb.db'}")
        export = Path(tmp) / "kb.jsonl"
        with KnowledgeBase.open(settings.db_url) as kb:
            extractor = Extractor(settings.spacy_model)
            Ingestor(kb, settings, lambda: extractor).run([first])
            with export.open("w", encoding="utf-8") as handle:
                write_jsonl(kb.export_records(), handle)
        records = [json.loads(line) for line in export.open(encoding="utf-8")]
    claims = {r["id"]: r for r in records if r.get("kind") == "claim"}
    compared = [
        r
        for r in records
        if r.get("kind") == "conflict" and all(m in claims for m in r.get("members", []))
    ]
    apart = [
        r
        for r in compared
        if not set.intersection(*(set(claims[m].get("countries") or []) for m in r["members"]))
    ]
    contradictions = [r for r in compared if r.get("verdict") == "contradiction"]
    print(
        f"{args.limit} articles, {len(claims)} claims: {len(compared)} claim comparisons, "
        f"{len(apart)} without a shared country, {len(contradictions)} contradictions "
        f"({sum(r in apart for r in contradictions)} of them without a shared country)"
    )
    for r in contradictions if args.show else ():
        print(f"  {r.get('key', '')}: {r.get('explanation', '')}")


if __name__ == "__main__":
    main()
