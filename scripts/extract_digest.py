"""What the extractor makes of a fixed set of articles, as one line of JSON per article and a
digest of all of them: a change meant only to make extraction faster must leave the digest
unchanged. It also prints the extractor's processor time, split by stage, against a bare
`nlp.pipe` over the same texts in the same run.

    python scripts/extract_digest.py [--reuters 600] [--out facts.jsonl] [--compare old.jsonl]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import time
from pathlib import Path

from bilateral.clean import clean_article
from bilateral.extract import Extractor
from bilateral.extract.nlp import one_blas_thread
from bilateral.ingest import read_sources
from bilateral.model import Document, Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
SOURCES = [
    SHARED / "seeds",
    SHARED / "dev" / "dev.jsonl",
    SHARED / "reuters21578" / "reuters21578.jsonl",
]


def documents(reuters: int) -> list[Document]:
    out: list[Document] = []
    for source in SOURCES:
        taken = 0
        for raw in read_sources([source], 10**8):
            if source.name.startswith("reuters") and taken >= reuters:
                break
            doc = clean_article(raw)
            if isinstance(doc, Document):
                out.append(doc)
                taken += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reuters", type=int, default=600)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--compare", type=Path, default=None)
    args = parser.parse_args()
    docs = documents(args.reuters)
    settings = Settings()
    extractor = Extractor(settings.spacy_model, batch_size=settings.batch_size)
    extractor([docs[0]])  # every lazily loaded model, before the clock starts
    texts = [d.text for d in docs]
    start = time.process_time()
    with one_blas_thread():  # as the extractor runs its models
        for _ in extractor.nlp.pipe(texts, batch_size=settings.batch_size):
            pass
    bare = time.process_time() - start
    start = time.process_time()
    lines = []
    for i in range(0, len(docs), settings.batch_size):
        for facts in extractor(docs[i : i + settings.batch_size]):
            record = dataclasses.asdict(facts)
            lines.append(json.dumps(record, sort_keys=True, ensure_ascii=False))
    ours = time.process_time() - start
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]
    print(f"{len(docs)} articles; digest {digest}")
    print(f"processor time: bare nlp.pipe {bare:.1f} s, extractor {ours:.1f} s", end="")
    print(f", ratio {bare / ours:.3f}")
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.compare:
        old = args.compare.read_text(encoding="utf-8").splitlines()
        differ = [i for i, (a, b) in enumerate(zip(old, lines, strict=False)) if a != b]
        print(f"{len(differ)} of {len(lines)} articles differ from {args.compare}")
        for i in differ[:5]:
            print(f"  {docs[i].source}: {docs[i].id}")


if __name__ == "__main__":
    main()
