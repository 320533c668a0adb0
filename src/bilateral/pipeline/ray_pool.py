"""Extraction on Ray actors: the one module that imports Ray (`pip install bilateral[ray]`).

Each actor holds one `Extractor`, loaded in its `__init__` and used in its `__call__`, the same
class the local runner uses; batches go to the actors in turn and come back as futures, and the
driver stays the single writer of the store (SQLite locally, PostgreSQL for a cluster).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from concurrent.futures import Future
from typing import Any

from bilateral.model import ArticleEntities, Document
from bilateral.pipeline.garbage import settle_worker


class RayUnavailable(RuntimeError):
    """Ray is not installed, or no runtime could be reached or started; said in a sentence."""


class _ExtractorActor:
    def __init__(self, model: str, batch_size: int) -> None:
        from bilateral.extract import Extractor

        self.extract = Extractor(model, batch_size=batch_size)
        settle_worker()

    def __call__(self, docs: list[Document]) -> list[ArticleEntities]:
        return self.extract(docs)


def _connect(ray: Any, address: str, cpus: int | None) -> None:
    if ray.is_initialized():
        return
    quiet = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
    if address != "auto":
        ray.init(address=address, **quiet)
        return
    try:  # a cluster already running here (or named by RAY_ADDRESS) ...
        ray.init(address="auto", **quiet)
    except (ConnectionError, RuntimeError):  # ... else a local runtime of our own
        ray.init(num_cpus=cpus, **quiet)


class RayActors:
    """A pool of Ray actors, one per CPU the cluster offers unless told otherwise."""

    def __init__(
        self, model: str, batch_size: int, address: str, actors: int | None = None
    ) -> None:
        try:
            import ray
        except ImportError as exc:
            raise RayUnavailable(
                "Ray is not installed: pip install 'bilateral[ray]' to use --ray."
            ) from exc
        try:
            _connect(ray, address, actors or os.cpu_count())
        except Exception as exc:
            raise RayUnavailable(f"cannot reach or start Ray at {address!r}: {exc}.") from exc
        self._ray = ray
        offered: dict[str, float] = ray.cluster_resources()  # type: ignore[no-untyped-call]
        count = actors or max(1, int(offered.get("CPU", 1)))
        remote: Any = ray.remote(num_cpus=1)(_ExtractorActor)
        self._actors: list[Any] = [remote.remote(model, batch_size) for _ in range(count)]
        self._next = 0
        self.width = count + 1

    def submit(self, docs: Sequence[Document]) -> Future[list[ArticleEntities]]:
        actor = self._actors[self._next % len(self._actors)]
        self._next += 1
        future: Future[list[ArticleEntities]] = actor.__call__.remote(list(docs)).future()
        return future

    def close(self) -> None:
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
