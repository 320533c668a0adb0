"""Store: the only package that speaks SQL. SQLAlchemy Core over SQLite (WAL) or PostgreSQL."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Any

from sqlalchemy import Engine

from bilateral.model import (
    ArticleEntities,
    Claim,
    Cluster,
    Conflict,
    DocInfo,
    Document,
    Entity,
    Event,
    LocalEntity,
    Tally,
)
from bilateral.store import (
    ask_queries,
    bands,
    facts,
    history,
    pages,
    pairs,
    queries,
    reconciled,
    scoped,
    seen,
    tokens,
    writes,
)
from bilateral.store import entity_blocks as entity_blocks_
from bilateral.store.database import StoreError, make_engine, migrate
from bilateral.store.pairs import Membership, Pair
from bilateral.store.tokens import TokenError, TokenInfo


class KnowledgeBase:
    """A knowledge base in a database: open it, write batches, read what every interface needs."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._pairs_cache: tuple[str, Membership] | None = None
        self._held: tuple[str, dict[str, str | None]] | None = None  # see to_resolve

    @classmethod
    def open(cls, url: str) -> KnowledgeBase:
        engine = make_engine(url)
        try:
            migrate(engine)
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"Cannot prepare the database {url!r}: {exc}.") from exc
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # writes: each one transaction
    def write_batch(
        self,
        docs: Sequence[Document],
        extracted: Sequence[ArticleEntities],
        group_keys: dict[str, str] | None = None,
        entity_blocks: dict[str, tuple[str, ...]] | None = None,
        doc_bands: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        with self.engine.begin() as conn:
            writes.write_batch(conn, docs, extracted, group_keys)
            entity_blocks_.write_blocks(conn, entity_blocks or {})
            bands.write_bands(conn, doc_bands or {})

    # the near-duplicate index
    def near_duplicate_candidates_by_band(
        self, keys: Sequence[str]
    ) -> dict[str, dict[str, tuple[int, ...]]]:
        with self.engine.connect() as conn:
            return bands.candidates_by_band(conn, keys)

    def doc_bands_missing(self) -> bool:
        with self.engine.connect() as conn:
            return bands.bands_missing(conn)

    def backfill_doc_bands(self, doc_bands: dict[str, tuple[str, ...]]) -> None:
        with self.engine.begin() as conn:
            bands.backfill_bands(conn, doc_bands)

    # incremental entity resolution
    def entity_blocks_missing(self) -> bool:
        with self.engine.connect() as conn:
            return entity_blocks_.blocks_missing(conn)

    def all_local_entities(self) -> list[LocalEntity]:
        with self.engine.connect() as conn:
            return entity_blocks_.all_locals(conn)

    def backfill_entity_blocks(self, blocks: dict[str, tuple[str, ...]]) -> None:
        with self.engine.begin() as conn:
            entity_blocks_.backfill_blocks(conn, blocks)

    def to_resolve(
        self,
    ) -> tuple[list[tuple[LocalEntity, int]], dict[str, tuple[list[Tally], list[str]]]]:
        """What resolution makes again: the local entities of the new people's blocks and of
        their entities (`locals_to_resolve`), and the identity keys of the new others with
        their sums and members (`key_tallies`). Their canonical entities now are kept for
        `replace_entities_of`, which uses them if nothing was written in between."""
        held: dict[str, str | None] = {}
        with self.engine.connect() as conn:
            version = queries.version(conn)  # first: a write after it makes `held` unused
            found = entity_blocks_.locals_to_resolve(conn, held)
            keyed = entity_blocks_.key_tallies(conn, held)
        self._held = (version, held)
        return found, keyed

    def replace_entities_of(self, local_ids: Sequence[str], entities: Sequence[Entity]) -> None:
        """Only these local entities' canonical entities are replaced, in one transaction."""
        read, self._held = self._held, None
        with self.engine.begin() as conn:
            known = read[1] if read is not None and read[0] == queries.version(conn) else None
            entity_blocks_.replace_entities_of(conn, local_ids, entities, known)
            writes.mark_entities_fresh(conn)

    def replace_reconciled(
        self, keys: Sequence[str], clusters: Sequence[Cluster], conflicts: Sequence[Conflict]
    ) -> None:
        with self.engine.begin() as conn:
            writes.replace_reconciled(conn, keys, clusters, conflicts)

    # reads for reconciliation
    def doc_infos(self, ids: Collection[str] | None = None) -> dict[str, DocInfo]:
        with self.engine.connect() as conn:
            return reconciled.doc_infos(conn, ids)

    def group_keys(self) -> list[str]:
        with self.engine.connect() as conn:
            return reconciled.group_keys(conn)

    def claims_of(self, keys: Sequence[str]) -> list[tuple[Claim, str, str | None]]:
        with self.engine.connect() as conn:
            return reconciled.claims_of(conn, keys)

    def events_of(self, keys: Sequence[str]) -> list[tuple[Event, tuple[str, ...], str | None]]:
        with self.engine.connect() as conn:
            return reconciled.events_of(conn, keys)

    def conflict_table(self, **filters: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return reconciled.conflict_table(conn, **filters)

    def timeline(self, countries: Sequence[str], **filters: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return reconciled.timeline(conn, countries, **filters)

    def replace_entities(self, entities: Sequence[Entity]) -> None:
        with self.engine.begin() as conn:
            writes.replace_entities(conn, entities)

    # reads
    def known_document_ids(self, ids: Sequence[str]) -> set[str]:
        with self.engine.connect() as conn:
            return queries.known_document_ids(conn, ids)

    def signatures(self) -> list[tuple[str, str | None, tuple[int, ...]]]:
        with self.engine.connect() as conn:
            return queries.signatures(conn)

    def pending_groups(self) -> list[str]:
        """Groups whose facts changed since they were last reconciled."""
        with self.engine.connect() as conn:
            return queries.pending_groups(conn)

    def version(self) -> str:
        """Changes whenever anything is written: what was read before may be stale."""
        with self.engine.connect() as conn:
            return queries.version(conn)

    def entities_stale(self) -> bool:
        with self.engine.connect() as conn:
            return queries.entities_stale(conn)

    def local_entities(self) -> list[tuple[LocalEntity, int]]:
        with self.engine.connect() as conn:
            return queries.local_entities(conn)

    def entity_table(self, **filters: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return queries.entity_table(conn, **filters)

    def claim_table(self, **filters: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return facts.claim_table(conn, **filters)

    def event_table(self, **filters: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return facts.event_table(conn, **filters)

    def quote_table(self, **filters: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return facts.quote_table(conn, **filters)

    def document_list(self, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        with self.engine.connect() as conn:
            return pages.document_list(conn, limit, offset)

    def document_page(self, doc_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            return pages.document_page(conn, doc_id)

    def entity_page(self, entity_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            return pages.entity_page(conn, entity_id)

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return pages.search(conn, query, limit)

    def dyad(self) -> list[str]:
        with self.engine.connect() as conn:
            return pages.dyad(conn)

    def key_figures(self, pair: list[str]) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return pages.key_figures(conn, pair)

    def people_who_matter(self, pair: list[str], limit: int = 12) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return pages.people_who_matter(conn, pair, limit)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return queries.counts(conn)

    # where articles came from, and who may write (bearer tokens, stored as digests)
    def known_links(self, links: Sequence[str]) -> set[str]:
        with self.engine.connect() as conn:
            return seen.known_links(conn, links)

    def create_token(self, name: str, scope: str, digest: str) -> None:
        with self.engine.begin() as conn:
            tokens.create(conn, name, scope, digest)

    def revoke_token(self, name: str) -> bool:
        with self.engine.begin() as conn:
            return tokens.revoke(conn, name)

    def find_token(self, digest: str) -> TokenInfo | None:
        with self.engine.connect() as conn:
            return tokens.find(conn, digest)

    def token_list(self) -> list[TokenInfo]:
        with self.engine.connect() as conn:
            return tokens.listed(conn)

    # reads for answering questions (bilateral.ask)
    def names_matching(self, words: Sequence[str]) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return ask_queries.names_matching(conn, words)

    def claims_between(
        self, countries: Sequence[str], metric: str | None = None
    ) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return ask_queries.claims_between(conn, countries, metric)

    def events_between(
        self, countries: Sequence[str], types: Sequence[str] = (), subtypes: Sequence[str] = ()
    ) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return ask_queries.events_between(conn, countries, types, subtypes)

    def events_with_people(
        self, surnames: Sequence[str], types: Sequence[str] = ()
    ) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return ask_queries.events_with_people(conn, surnames, types)

    def clusters_holding(self, event_ids: set[str]) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return ask_queries.clusters_holding(conn, event_ids)

    def conflicts_among(self, fact_ids: set[str]) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return ask_queries.conflicts_among(conn, fact_ids)

    def people_by_role(
        self, role: str, country: str | None = None, names: Sequence[str] = ()
    ) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return ask_queries.people_by_role(conn, role, country, names)

    def pair_counts(self, countries: Sequence[str] = ()) -> dict[tuple[str, str], int]:
        """Country pairs with how many facts name both, those with `countries` only."""
        with self.engine.connect() as conn:
            return dict(ask_queries.pairs(conn, countries))

    def holds_pair(self, a: str, b: str) -> bool:
        with self.engine.connect() as conn:
            return ask_queries.holds_pair(conn, a, b)

    def metrics_between(self, countries: Sequence[str]) -> dict[str, int]:
        with self.engine.connect() as conn:
            return dict(ask_queries.metrics_between(conn, countries))

    def quotes_of(self, names: Sequence[str]) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return ask_queries.quotes_of(conn, names)

    def document_texts(self, doc_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        with self.engine.connect() as conn:
            return ask_queries.document_texts(conn, doc_ids)

    # many pairs: what each article is about, the lists cut to one pair, entities over time
    def pairs(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return pairs.pair_table(conn, self._membership(conn))

    def _membership(self, conn: Any) -> Membership:
        """Which facts belong to which pair, computed again only after a write."""
        version = queries.version(conn)
        cached = self._pairs_cache
        if cached is None or cached[0] != version:
            cached = (version, pairs.membership(conn))
            self._pairs_cache = cached
        return cached[1]

    def pair_scope(self, pair: Pair) -> dict[str, set[str]]:
        with self.engine.connect() as conn:
            return scoped.scope(self._membership(conn), pair)

    def in_pair(self, kind: str, pair: Pair, **filters: Any) -> Any:
        """One list of `kind` (documents, entities, claims, events, quotes, conflicts,
        timeline) cut to the pair, with the unscoped list's filters, limit and offset."""
        reads = {
            "documents": (scoped.document_list, "docs"),
            "entities": (scoped.entity_table, "docs"),
            "claims": (scoped.claim_table, "claims"),
            "events": (scoped.event_table, "events"),
            "quotes": (scoped.quote_table, "quotes"),
            "conflicts": (scoped.conflict_table, "conflicts"),
            "timeline": (scoped.timeline, "clusters"),
        }
        read, key = reads[kind]
        with self.engine.connect() as conn:
            ids = scoped.scope(self._membership(conn), pair)[key]
            return read(conn, ids, **filters)  # type: ignore[operator]

    def quotes_by_ids(self, ids: set[str]) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return scoped.quotes_by_ids(conn, ids)

    def document_infos(self, ids: set[str]) -> dict[str, dict[str, Any]]:
        with self.engine.connect() as conn:
            return scoped.document_infos(conn, ids)

    def people_of(self, doc_ids: set[str], limit: int = 12) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return history.people_of(conn, doc_ids, limit)

    def entity_history(self, entity_id: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            return history.entity_history(conn, entity_id)

    def export_records(self) -> Iterator[dict[str, Any]]:
        """The whole knowledge base as the export contract's records, documents first."""
        with self.engine.connect() as conn:
            yield from queries.document_records(conn)
            yield from queries.entity_records(conn)
            yield from facts.claim_records(conn)
            yield from facts.quote_records(conn)
            yield from facts.event_records(conn)
            yield from reconciled.cluster_records(conn)
            yield from reconciled.conflict_records(conn)


def open_kb(url: str) -> KnowledgeBase:
    return KnowledgeBase.open(url)


__all__ = ["KnowledgeBase", "StoreError", "TokenError", "TokenInfo", "open_kb"]
