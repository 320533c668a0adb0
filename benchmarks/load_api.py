"""Load test of the API's list endpoints on loopback, bounded in count and time.

    python benchmarks/load_api.py [--articles 2000] [--requests 400] [--concurrency 50] [--db PATH]

Builds a knowledge base of the first Reuters-21578 articles (or uses --db), starts `bilateral
serve` in its own process on 127.0.0.1, and loads each list endpoint with 50 requests in flight
at once over a few pages and filters. The load comes from wrk (Debian's package: a C client that
leaves the two cores to the server), for a fixed few seconds per endpoint; without wrk, from an
httpx client in this process, for a fixed number of requests. Prints p50, p95 and the slowest
latency per endpoint; the target is p95 under 100 ms. Only this machine's loopback is addressed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578" / "reuters21578.jsonl"
TARGET_P95_MS = 100.0
DEADLINE_S = 300
ENDPOINTS = {
    "documents": [{"limit": 50, "offset": o} for o in (0, 50, 100)],
    "entities": [{"limit": 50}, {"limit": 50, "type": "PERSON"}, {"limit": 50, "type": "ORG"}],
    "claims": [
        {"limit": 50},
        {"limit": 50, "offset": 50},
        {"limit": 50, "metric": "trade_turnover"},
    ],
    "events": [{"limit": 50}, {"limit": 50, "offset": 50}, {"limit": 50, "type": "AGREE"}],
    "quotes": [{"limit": 50}, {"limit": 50, "offset": 50}],
    "clusters": [{"limit": 50}, {"limit": 50, "offset": 50}],
    "conflicts": [{"limit": 50}, {"limit": 50, "verdict": "contradiction"}],
}


def build(db: Path, articles: int) -> None:
    from bilateral.extract import Extractor
    from bilateral.model import Settings
    from bilateral.pipeline import Ingestor
    from bilateral.store import KnowledgeBase

    subset = db.parent / "articles.jsonl"
    with CORPUS.open(encoding="utf-8") as source, subset.open("w", encoding="utf-8") as out:
        for n, line in enumerate(source):
            if n >= articles:
                break
            out.write(line)
    settings = Settings(db_url=f"sqlite:///{db}")
    with KnowledgeBase.open(settings.db_url) as kb:
        extractor = Extractor(settings.spacy_model)
        Ingestor(kb, settings, lambda: extractor).run([subset])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def summarise(timings: dict[str, list[float]]) -> dict[str, dict[str, float]]:
    report = {}
    for name, ms in timings.items():
        ordered = sorted(ms)
        report[name] = {
            "requests": len(ms),
            "p50_ms": round(statistics.median(ordered), 1),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
            "max_ms": round(ordered[-1], 1),
        }
    return report


async def hammer(base: str, requests: int, concurrency: int) -> dict[str, list[float]]:
    gate = asyncio.Semaphore(concurrency)
    timings: dict[str, list[float]] = {name: [] for name in ENDPOINTS}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=10, limits=limits) as client:

        async def one(name: str, params: dict[str, object]) -> None:
            async with gate:
                start = time.perf_counter()
                response = await client.get(f"/api/{name}", params=params)
                timings[name].append((time.perf_counter() - start) * 1000)
                response.raise_for_status()

        jobs = [
            one(name, variants[i % len(variants)])
            for name, variants in ENDPOINTS.items()
            for i in range(requests)
        ]
        await asyncio.wait_for(asyncio.gather(*jobs), timeout=DEADLINE_S)
    return timings


WRK_SECONDS = 4
WRK_SCRIPT = Path(__file__).resolve().parent / "wrk_report.lua"


def with_wrk(base: str, concurrency: int) -> dict[str, dict[str, float]]:
    """Each endpoint's variants in turn, each for a few seconds with `concurrency` connections."""
    report: dict[str, dict[str, float]] = {}
    for name, variants in ENDPOINTS.items():
        runs = []
        for params in variants:
            query = "&".join(f"{k}={v}" for k, v in params.items())
            url = f"{base}/api/{name}?{query}"
            done = subprocess.run(
                [
                    "wrk",
                    "-t2",
                    f"-c{concurrency}",
                    f"-d{WRK_SECONDS}s",
                    "--timeout",
                    "10s",
                    "-s",
                    str(WRK_SCRIPT),
                    url,
                ],
                capture_output=True,
                text=True,
                timeout=WRK_SECONDS + 60,
                check=True,
            )
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        report[name] = {
            "requests": sum(r["requests"] for r in runs),
            "errors": sum(r["errors"] for r in runs),
            "p50_ms": round(max(r["p50_ms"] for r in runs), 1),
            "p95_ms": round(max(r["p95_ms"] for r in runs), 1),
            "max_ms": round(max(r["max_ms"] for r in runs), 1),
        }
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=400, help="per endpoint")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "kb.db"
        if not db.exists():
            print(
                f"building a knowledge base of {args.articles} Reuters articles ...",
                file=sys.stderr,
            )
            build(db, args.articles)
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bilateral.serve",
                "serve",
                "--db",
                str(db),
                "--port",
                str(port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(f"{base}/api/documents", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            if shutil.which("wrk"):
                client, report = "wrk", with_wrk(base, args.concurrency)
            else:
                client, report = (
                    "httpx",
                    summarise(asyncio.run(hammer(base, args.requests, args.concurrency))),
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(
        json.dumps(
            {"client": client, "concurrency": args.concurrency, "endpoints": report}, indent=1
        )
    )
    worst = max(r["p95_ms"] for r in report.values())
    ok = worst < TARGET_P95_MS
    print(
        f"\nworst p95 {worst:.1f} ms at {args.concurrency} in flight "
        f"(target < {TARGET_P95_MS:.0f} ms): {'OK' if ok else 'BELOW TARGET'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
