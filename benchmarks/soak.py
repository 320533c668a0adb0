"""A soak run: the whole Reuters-21578 corpus in one `bilateral ingest`, which must end normally
with every article counted once: ingested (near-duplicates included) + exact duplicates + failed
= the lines of the file. Prints each failure, the time, articles per second and peak memory.

    python benchmarks/soak.py [--corpus PATH] [--db PATH] [--workers N]

The ingest runs as the command a user types, in a child process; its peak memory is that
process tree's. Exits 1 when the counts do not add up or the command did not end normally.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578" / "reuters21578.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--db", type=Path, help="keep the knowledge base here (default: a temp)")
    parser.add_argument("--workers", type=int, help="extraction processes [the cores]")
    args = parser.parse_args()
    with args.corpus.open(encoding="utf-8") as handle:
        lines = sum(1 for line in handle if line.strip())
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "soak.db"
        report = Path(tmp) / "report.json"
        command = [
            sys.executable, "-m", "bilateral.serve", "ingest", str(args.corpus),
            "--db", str(db), "--report", str(report),
            *(["--workers", str(args.workers)] if args.workers else []),
        ]  # fmt: skip
        print(f"soak: {lines} articles from {args.corpus}", flush=True)
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        failures = [line for line in done.stderr.splitlines() if line.startswith("error:")]
        for line in failures:
            print(line)
        if not report.exists():
            print(f"soak: the ingest ended with status {done.returncode} and wrote no report:")
            print(done.stderr[-3000:])
            return 1
        counts = json.loads(report.read_text(encoding="utf-8"))
    total = counts["ingested"] + counts["duplicates"] + counts["failed"]
    print(
        f"soak: ingested {counts['ingested']} (near-duplicates {counts['near_duplicates']}), "
        f"duplicates {counts['duplicates']}, failed {counts['failed']}: {total} of {lines}"
    )
    print(
        f"soak: {seconds:.0f} s, {lines / seconds:.1f} articles/s, peak memory {peak_mb:.0f} MB, "
        f"exit status {done.returncode}"
    )
    ok = total == lines and done.returncode in (0, 1) and len(failures) == counts["failed"]
    print("soak: " + ("every article accounted for" if ok else "COUNTS DO NOT ADD UP"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
