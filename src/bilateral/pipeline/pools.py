"""Where extraction runs: in this process, or in worker processes that each load the model once.

A pool takes a batch of documents and answers with a future of their facts, so the runner can
keep several batches in flight while it writes the finished ones through its single writer.
The Ray pool (pipeline/ray_pool.py) has the same shape.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol, runtime_checkable

from bilateral.model import ArticleEntities, Document
from bilateral.pipeline.garbage import settle_worker

Extract = Callable[[Sequence[Document]], list[ArticleEntities]]


@runtime_checkable
class Pool(Protocol):
    """Runs extraction on batches. `width` is how many batches are worth keeping in flight."""

    width: int

    def submit(self, docs: Sequence[Document]) -> Future[list[ArticleEntities]]: ...

    def close(self) -> None: ...


class InProcess:
    """Extraction in the calling process, one batch at a time: the answer is ready at once."""

    width = 1

    def __init__(self, extract: Extract) -> None:
        self.extract = extract

    def submit(self, docs: Sequence[Document]) -> Future[list[ArticleEntities]]:
        done: Future[list[ArticleEntities]] = Future()
        try:
            done.set_result(self.extract(docs))
        except Exception as exc:  # handed to the runner, which isolates the failing article
            done.set_exception(exc)
        return done

    def close(self) -> None:
        pass


# One extractor per worker process, made by the pool's initializer and used by every task.
_worker_extract: Extract | None = None


def _die_with_parent(parent: int) -> None:
    """A worker whose parent was killed (SIGKILL leaves no chance to shut the pool down) ends
    itself instead of holding its model in memory for ever. The parent's pid is passed in: by
    the time a worker starts, its parent may be gone already."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _start_worker(model: str, batch_size: int, parent: int) -> None:
    global _worker_extract
    _die_with_parent(parent)
    from bilateral.extract import Extractor  # loads spaCy in the worker only

    _worker_extract = Extractor(model, batch_size=batch_size)
    settle_worker()


def _extract_in_worker(docs: list[Document]) -> list[ArticleEntities]:
    if _worker_extract is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("the worker has no extractor")
    return _worker_extract(docs)


class Processes:
    """Extraction in `workers` processes (spawned, so nothing of the parent's state is shared),
    each loading the model once. A worker that dies takes only its batch with it: the pool is
    started again and the runner retries the batch's articles one by one."""

    def __init__(self, model: str, batch_size: int, workers: int) -> None:
        self.model, self.batch_size, self.workers = model, batch_size, workers
        self.width = workers + 1  # every worker busy while the writer stores a batch
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.model, self.batch_size, os.getpid()),
        )

    def submit(self, docs: Sequence[Document]) -> Future[list[ArticleEntities]]:
        try:
            return self._executor.submit(_extract_in_worker, list(docs))
        except BrokenProcessPool:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = self._start()
            return self._executor.submit(_extract_in_worker, list(docs))

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
