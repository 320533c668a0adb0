"""The local runner: sources -> clean -> deduplicate -> extract -> store, a batch at a time,
then entities reconciled across the whole knowledge base."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path

from bilateral.clean import NearDuplicateIndex, band_keys, clean_article, closest
from bilateral.ingest import read_sources
from bilateral.model import ArticleEntities, Document, IngestFailure, RawArticle, Settings
from bilateral.model.invariants import normalise
from bilateral.pipeline.garbage import FewerCollections
from bilateral.pipeline.isolation import each_alone, isolated
from bilateral.pipeline.pools import InProcess, Pool
from bilateral.reconcile import (
    NamedEvent,
    StatedClaim,
    block_keys,
    claim_conflicts,
    claim_key,
    entity_of_key,
    event_clusters,
    event_key,
    resolve_entities,
)
from bilateral.store import KnowledgeBase

Extractor = Callable[[Sequence[Document]], list[ArticleEntities]]


_FEWER_COLLECTIONS = FewerCollections()


@dataclass
class IngestReport:
    ingested: int = 0
    duplicates: int = 0  # exact: already stored, or seen earlier in the same run
    near_duplicates: int = 0  # stored, with duplicate_of pointing at the first copy
    failures: list[IngestFailure] = field(default_factory=list)
    groups: int = 0  # claim and event groups reconciled again

    @property
    def failed(self) -> int:
        return len(self.failures)


def _safe_clean(raw: RawArticle) -> Document | IngestFailure:
    try:
        return clean_article(raw)
    except Exception as exc:  # one broken page must not stop the batch
        return IngestFailure(raw.source, f"could not be cleaned: {exc}.")


def _batches(
    items: Iterable[Document | IngestFailure], size: int
) -> Iterator[list[Document | IngestFailure]]:
    batch: list[Document | IngestFailure] = []
    for item in items:
        batch.append(item)
        if sum(isinstance(i, Document) for i in batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Ingestor:
    """Ingests into one knowledge base. The extractor (a plain callable, or a pool of worker
    processes or Ray actors) is created on first need only, so a re-ingest of known articles
    never loads a model. Extraction of a few batches runs ahead of the writer, which stores
    them in the order they were read: the result does not depend on the pool."""

    def __init__(
        self,
        kb: KnowledgeBase,
        settings: Settings,
        make_extractor: Callable[[], Extractor | Pool],
        on_item: Callable[[str, str], None] | None = None,
    ) -> None:
        self.kb = kb
        self.settings = settings
        self._make_extractor = make_extractor
        self._pool: Pool | None = None
        self._on_item = on_item or (lambda source, outcome: None)
        # Originals stored before this run are found in the database by their bands; those of
        # this run, until they are stored, in memory.
        self._index = NearDuplicateIndex(settings.near_duplicate_threshold)
        if kb.doc_bands_missing():  # a knowledge base from before the bands: index it once
            kb.backfill_doc_bands(
                {i: band_keys(sig) for i, dup, sig in kb.signatures() if dup is None}
            )

    @property
    def pool(self) -> Pool:
        if self._pool is None:
            made = self._make_extractor()
            self._pool = made if isinstance(made, Pool) else InProcess(made)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def run(self, paths: Iterable[str | Path]) -> IngestReport:
        with _FEWER_COLLECTIONS:
            return self._run(paths)

    def _run(self, paths: Iterable[str | Path]) -> IngestReport:
        report = IngestReport()
        cleaned = (
            item if isinstance(item, IngestFailure) else _safe_clean(item)
            for item in read_sources(paths, self.settings.max_file_bytes)
        )
        flight: deque[tuple[list[Document], Future[list[ArticleEntities]]]] = deque()
        claimed: set[str] = set()  # ids read in this run and not yet stored or failed
        try:
            for batch in _batches(cleaned, self.settings.batch_size):
                fresh = self._admit(batch, report, claimed)
                if fresh:
                    flight.append((fresh, self.pool.submit(fresh)))
                while flight and len(flight) >= self.pool.width:
                    self._complete(*flight.popleft(), report)
            while flight:
                self._complete(*flight.popleft(), report)
        finally:
            for _, future in flight:
                future.cancel()
        self.finish(report)
        return report

    def finish(self, report: IngestReport) -> None:
        """What stored batches left to do, this run's or a killed run's: entities resolved
        across the knowledge base, and every pending group reconciled."""
        resolve_new_entities(self.kb)
        report.groups += reconcile_pending(self.kb)

    def _admit(
        self, batch: list[Document | IngestFailure], report: IngestReport, claimed: set[str]
    ) -> list[Document]:
        """The batch's articles that are new: failures are said, duplicates counted."""
        docs = [d for d in batch if isinstance(d, Document)]
        known = self.kb.known_document_ids([d.id for d in docs])
        fresh: list[Document] = []
        for item in batch:
            if isinstance(item, IngestFailure):
                self._fail(item, report)
            elif item.id in known or item.id in claimed:
                report.duplicates += 1
                self._on_item(item.source, "duplicate")
            else:
                claimed.add(item.id)
                fresh.append(item)
        return fresh

    def _complete(
        self,
        fresh: list[Document],
        future: Future[list[ArticleEntities]],
        report: IngestReport,
    ) -> None:
        """Stores an extracted batch in one transaction, with the groups it touches marked
        pending. An article that fails to extract or store is a failure; the rest goes on."""
        try:
            extracted = list(zip(fresh, future.result(), strict=True))
            failures: list[IngestFailure] = []
        except Exception as exc:
            extracted, failures = each_alone(
                lambda ds: self.pool.submit(ds).result(), fresh, "extracted", exc
            )
        for f in failures:
            self._fail(f, report)
        facts = {doc.id: normalise(doc.text, found).facts for doc, found in extracted}
        keys = {doc.id: band_keys(doc.signature) for doc, _ in extracted}
        # the stored originals sharing a band with any article of the batch, in one query
        stored_by_band = self.kb.near_duplicate_candidates_by_band(
            [k for ks in keys.values() for k in ks]
        )
        marked = [
            self._mark_near_duplicate(doc, keys[doc.id], stored_by_band, report)
            for doc, _ in extracted
        ]
        stored, failures = isolated(lambda ds: self._write(ds, facts, keys), marked, "stored")
        for f in failures:
            self._fail(f, report)
        for doc, _ in stored:
            report.ingested += 1
            self._on_item(doc.source, "near-duplicate" if doc.duplicate_of else "ingested")

    def _write(
        self,
        docs: Sequence[Document],
        facts: dict[str, ArticleEntities],
        bands: dict[str, tuple[str, ...]],
    ) -> list[None]:
        """Stores the documents with their facts; `bands` holds each one's band keys."""
        extracted = [facts[d.id] for d in docs]
        keys = {c.id: claim_key(c) for a in extracted for c in a.claims}
        keys |= {v.id: event_key(v) for a in extracted for v in a.events}
        blocks = {e.id: block_keys(e) for a in extracted for e in a.entities}
        originals = {d.id: bands[d.id] for d in docs if d.duplicate_of is None}
        self.kb.write_batch(docs, extracted, keys, blocks, originals)
        return [None] * len(docs)

    def _fail(self, failure: IngestFailure, report: IngestReport) -> None:
        report.failures.append(failure)
        self._on_item(failure.source, "failed")

    def _mark_near_duplicate(
        self,
        doc: Document,
        keys: Sequence[str],
        stored_by_band: dict[str, dict[str, tuple[int, ...]]],
        report: IngestReport,
    ) -> Document:
        """Points a near-duplicate at the first copy; only originals are indexed, so the
        copy found is always a root."""
        found = self._index.candidates(doc.id, doc.signature)
        for key in keys:
            found |= stored_by_band.get(key, {})
        found.pop(doc.id, None)
        original = closest(doc.signature, found, self.settings.near_duplicate_threshold)
        if original is None:
            self._index.add(doc.id, doc.signature)
            return doc
        report.near_duplicates += 1
        return replace(doc, duplicate_of=original)


def reconcile_groups(kb: KnowledgeBase, keys: Sequence[str]) -> int:
    """Clusters and conflicts of the given groups, computed again from all their facts and
    stored in place of the old ones. Other groups are not read."""
    if not keys:
        return 0
    claims: dict[str, list[StatedClaim]] = {}
    for claim, value_text, speaker in kb.claims_of(keys):
        claims.setdefault(claim_key(claim), []).append(StatedClaim(claim, value_text, speaker))
    events: dict[str, list[NamedEvent]] = {}
    for event, people, place in kb.events_of(keys):
        events.setdefault(event_key(event), []).append(NamedEvent(event, people, place))
    docs = kb.doc_infos(
        {s.claim.doc_id for g in claims.values() for s in g}
        | {n.event.doc_id for g in events.values() for n in g}
    )
    clusters, conflicts = [], []
    for group in claims.values():
        conflicts += claim_conflicts(group, docs)
    for named in events.values():
        found, disagreements = event_clusters(named, docs)
        clusters += found
        conflicts += disagreements
    kb.replace_reconciled(keys, clusters, conflicts)
    return len(keys)


def resolve_new_entities(kb: KnowledgeBase) -> None:
    """Canonical entities for the local entities stored since the last resolution. Only their
    blocks are resolved again, with the canonical entities those blocks hold, so the cost
    follows what is new rather than the size of the knowledge base, and the result is what
    resolving everything would give. People are resolved from their blocks' members, since
    their linking compares names; anything else is grouped by its identity key alone, so its
    entity is made from the sums the database returns for that key. Only the entities and
    members that come out different are written."""
    if kb.entity_blocks_missing():  # a knowledge base from before blocking: everything, once
        kb.backfill_entity_blocks({e.id: block_keys(e) for e in kb.all_local_entities()})
        kb.replace_entities(resolve_entities(kb.local_entities()))
        return
    if not kb.entities_stale():
        return
    # people, resolved with their blocks; everything else: an identity key each, summed in
    # the database
    found, keyed = kb.to_resolve()
    entities = resolve_entities(found)
    entities += [entity_of_key(key, tallies, ids) for key, (tallies, ids) in keyed.items()]
    local_ids = [e.id for e, _ in found] + [i for _, ids in keyed.values() for i in ids]
    kb.replace_entities_of(local_ids, entities)


class ReconcileError(RuntimeError):
    """Groups whose facts could not be reconciled; they stay pending for the next run."""

    def __init__(self, keys: list[str]) -> None:
        super().__init__(
            f"{len(keys)} group(s) could not be reconciled and stay pending, the first "
            f"{keys[0]!r}; every article is stored, and the next run tries them again."
        )
        self.keys = keys


def reconcile_pending(kb: KnowledgeBase, chunk: int = 500) -> int:
    """Every group marked pending, a chunk per transaction: a kill loses at most one chunk's
    work, which stays pending for the next run."""
    done, broken = 0, set()
    pending = kb.pending_groups()  # read once; each chunk is cleared as it is reconciled
    for start in range(0, len(pending), chunk):
        keys = pending[start : start + chunk]
        try:
            done += reconcile_groups(kb, keys)
        except Exception:  # find the group that cannot be reconciled; it stays pending
            for key in keys:
                try:
                    done += reconcile_groups(kb, [key])
                except Exception:
                    broken.add(key)
    if broken:
        raise ReconcileError(sorted(broken))
    return done


def reconcile_all(kb: KnowledgeBase) -> int:
    """Every entity and every group again: after an upgrade, or to check that incremental
    runs agree."""
    resolve_new_entities(kb)  # keys first, for a knowledge base from before blocking
    kb.replace_entities(resolve_entities(kb.local_entities()))
    return reconcile_groups(kb, kb.group_keys())
