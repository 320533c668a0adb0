"""Pipeline: the stages in order, run locally (a Ray runner can wrap the same stage objects)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from bilateral.model import Settings
from bilateral.pipeline.pools import InProcess, Pool, Processes
from bilateral.pipeline.runner import (
    Extractor,
    Ingestor,
    IngestReport,
    ReconcileError,
    reconcile_all,
    reconcile_groups,
)
from bilateral.store import KnowledgeBase


def default_extractor(settings: Settings) -> Callable[[], Extractor | Pool]:
    """What the settings ask for: Ray actors, worker processes, or this process."""

    def make() -> Extractor | Pool:
        if settings.ray_address:
            from bilateral.pipeline.ray_pool import RayActors  # imports Ray: only when asked

            return RayActors(settings.spacy_model, settings.batch_size, settings.ray_address)
        if settings.workers > 1:
            return Processes(settings.spacy_model, settings.batch_size, settings.workers)
        from bilateral.extract import Extractor  # loads spaCy: only when there is work

        return Extractor(settings.spacy_model, batch_size=settings.batch_size)

    return make


def ingest(
    paths: Iterable[str | Path],
    settings: Settings,
    kb: KnowledgeBase | None = None,
    on_item: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Ingest files, folders and JSON Lines into the knowledge base at settings.db_url."""
    own = kb is None
    base = kb or KnowledgeBase.open(settings.db_url)
    try:
        ingestor = Ingestor(base, settings, default_extractor(settings), on_item)
        try:
            return ingestor.run(paths)
        finally:
            ingestor.close()  # worker processes or actors made for this ingest end with it
    finally:
        if own:
            base.close()


__all__ = [
    "InProcess",
    "IngestReport",
    "Ingestor",
    "Pool",
    "Processes",
    "ReconcileError",
    "default_extractor",
    "ingest",
    "reconcile_all",
    "reconcile_groups",
]
