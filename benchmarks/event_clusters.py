"""Event clustering against the way it was done before (every report against every cluster),
kept in tests/reconcile/oracle_events.py.

    python benchmarks/event_clusters.py [--sizes 1000 2000 4000 8000]
    python benchmarks/event_clusters.py --db kb.db [--db other.db]

Without --db: one made-up event group of each size (tests/reconcile/synthetic_events.py),
clustered by both in this run; it prints CPU seconds (the best of three for the new way, one
run of the old), their ratio, and how each grew since the size before (2.0 is linear, 4.0
quadratic). The results must be identical.

With --db: every event group of a knowledge base, clustered by both: groups, clusters and
conflicts compared, and how many differ; every claim group's conflicts too, against the old
`claim_conflicts` (tests/reconcile/oracle_claims.py). Then `reconcile_all` on two copies of the
file, one with each way of clustering events, and the exported cluster and conflict records
compared whole.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the oracle and the made-up group live beside the tests

from tests.reconcile import oracle_claims, oracle_events  # noqa: E402
from tests.reconcile.synthetic_events import synthetic_group  # noqa: E402

from bilateral.model import Cluster, Conflict, DocInfo  # noqa: E402
from bilateral.reconcile import (  # noqa: E402
    NamedEvent,
    StatedClaim,
    claim_conflicts,
    claim_key,
    event_clusters,
    event_key,
)

Clusterer = Callable[[list[NamedEvent], dict[str, DocInfo]], tuple[list[Cluster], list[Conflict]]]


def _cpu(run: Callable[[], object], times: int) -> float:
    best = float("inf")
    for _ in range(times):
        gc.collect()
        began = time.process_time()
        run()
        best = min(best, time.process_time() - began)
    return best


def timing(sizes: list[int]) -> None:
    print(
        f"{'reports':>8} {'clusters':>9} {'new s':>8} {'grew':>5} {'old s':>8} {'grew':>5} "
        f"{'old/new':>8}"
    )
    before: tuple[float, float] | None = None
    for n in sizes:
        group, docs = synthetic_group(n, seed=13)
        new = event_clusters(group, docs)
        if new != oracle_events.event_clusters(group, docs):
            sys.exit(f"n={n}: the new clustering differs from the old")
        fast = _cpu(partial(event_clusters, group, docs), 3)
        slow = _cpu(partial(oracle_events.event_clusters, group, docs), 1)
        grew = (
            ("", "") if before is None else (f"{fast / before[0]:.1f}", f"{slow / before[1]:.1f}")
        )
        print(
            f"{n:>8} {len(new[0]):>9} {fast:>8.3f} {grew[0]:>5} {slow:>8.3f} {grew[1]:>5} "
            f"{slow / fast:>8.1f}"
        )
        before = (fast, slow)


def _export(db: Path) -> list[str]:
    from bilateral.store import open_kb

    with open_kb(f"sqlite:///{db}") as kb:
        return sorted(
            json.dumps(r, sort_keys=True)
            for r in kb.export_records()
            if r.get("kind") in ("cluster", "conflict")
        )


def _reconciled_with(db: Path, clusterer: Clusterer, scratch: Path) -> list[str]:
    from bilateral.pipeline import runner
    from bilateral.store import open_kb

    scratch.mkdir()
    copy = scratch / db.name
    for suffix in ("", "-wal"):  # a file still in write-ahead mode keeps its last writes beside
        if Path(f"{db}{suffix}").exists():
            shutil.copyfile(f"{db}{suffix}", f"{copy}{suffix}")
    saved = runner.event_clusters
    runner.event_clusters = clusterer
    try:
        with open_kb(f"sqlite:///{copy}") as kb:
            runner.reconcile_all(kb)
    finally:
        runner.event_clusters = saved
    return _export(copy)


def compare(db: Path) -> dict[str, Any]:
    from bilateral.store import open_kb

    with open_kb(f"sqlite:///{db}") as kb:
        rows = kb.events_of(kb.group_keys())
        groups: dict[str, list[NamedEvent]] = {}
        for event, people, place in rows:
            groups.setdefault(event_key(event), []).append(NamedEvent(event, people, place))
        docs = kb.doc_infos({n.event.doc_id for g in groups.values() for n in g})
    figures = {
        "groups": len(groups),
        "events": len(rows),
        "largest": 0,
        "clusters": 0,
        "conflicts": 0,
        "groups differing": 0,
        "new s": 0.0,
        "old s": 0.0,
    }
    for group in groups.values():
        began = time.process_time()
        new = event_clusters(group, docs)
        figures["new s"] += time.process_time() - began
        began = time.process_time()
        old = oracle_events.event_clusters(group, docs)
        figures["old s"] += time.process_time() - began
        figures["largest"] = max(figures["largest"], len(group))
        figures["clusters"] += len(old[0])
        figures["conflicts"] += len(old[1])
        figures["groups differing"] += new != old
    with open_kb(f"sqlite:///{db}") as kb:
        claims: dict[str, list[StatedClaim]] = {}
        for claim, value_text, speaker in kb.claims_of(kb.group_keys()):
            claims.setdefault(claim_key(claim), []).append(StatedClaim(claim, value_text, speaker))
        docs = kb.doc_infos({s.claim.doc_id for g in claims.values() for s in g})
    figures["claim groups"] = len(claims)
    figures["claim conflicts"] = 0
    figures["claim groups differing"] = 0
    for stated in claims.values():
        old_claims = oracle_claims.claim_conflicts(stated, docs)
        figures["claim conflicts"] += len(old_claims)
        figures["claim groups differing"] += claim_conflicts(stated, docs) != old_claims
    with tempfile.TemporaryDirectory() as scratch:
        new_export = _reconciled_with(db, event_clusters, Path(scratch) / "new")
        old_export = _reconciled_with(db, oracle_events.event_clusters, Path(scratch) / "old")
    figures["exported cluster and conflict records"] = len(new_export)
    figures["exported records differing"] = len(set(new_export) ^ set(old_export))
    figures["new s"] = round(figures["new s"], 3)
    figures["old s"] = round(figures["old s"], 3)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    parser.add_argument("--db", type=Path, action="append", default=[])
    args = parser.parse_args()
    if not args.db:
        timing(args.sizes)
        return
    failed = False
    for db in args.db:
        figures = compare(db)
        print(db, json.dumps(figures))
        failed = failed or bool(
            figures["groups differing"] or figures["exported records differing"]
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
