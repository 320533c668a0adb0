"""The tables. Alembic migrations create them; this module describes them for queries.

Facts of later kinds (claims, events, quotes, clusters, conflicts) get tables of their own in
later migrations, each keyed by a content hash and carrying doc_id, start and end like mentions.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
    true,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("source", Text, nullable=False),
    Column("external_id", Text),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("outlet", Text),
    Column("authors", JSON, nullable=False),
    Column("language", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("blocks", JSON, nullable=False),
    Column("duplicate_of", String(40)),
    Column("signature", JSON, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_documents_external_id", "external_id"),
    Index("ix_documents_published", "published"),
)

local_entities = Table(
    "local_entities",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("doc_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("country", String(8)),
    Column("roles", JSON, nullable=False),
    Column("forms", JSON, nullable=False),
    Column("entity_id", String(40)),
    Index("ix_local_entities_doc", "doc_id"),
    Index("ix_local_entities_entity", "entity_id"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("doc_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column(
        "local_entity_id",
        String(40),
        ForeignKey("local_entities.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Index("ix_mentions_local_entity", "local_entity_id"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("country", String(8)),
    Column("roles", JSON, nullable=False),
    Column("aliases", JSON, nullable=False),
    Index("ix_entities_type", "type"),
    Index("ix_entities_country", "country"),
)

state = Table(
    "state",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# Groups whose facts changed since they were last reconciled (migration 0005).
pending_groups = Table(
    "pending_groups",
    metadata,
    Column("group_key", Text, primary_key=True),
)

# Blocking keys of each local entity (migration 0008): resolution redoes only their blocks.
entity_blocks = Table(
    "entity_blocks",
    metadata,
    Column("block", Text, primary_key=True),
    Column(
        "local_id",
        String(40),
        ForeignKey("local_entities.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Index("ix_entity_blocks_local", "local_id"),
)

# LSH bands of each original document (migration 0010): near-duplicate candidates by query.
doc_bands = Table(
    "doc_bands",
    metadata,
    Column("band", Text, primary_key=True),
    Column("doc_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)


def _doc_column() -> Column:  # type: ignore[type-arg]
    return Column(
        "doc_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
    )


claims = Table(
    "claims",
    metadata,
    Column("id", String(40), primary_key=True),
    _doc_column(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("value_start", Integer, nullable=False),
    Column("value_end", Integer, nullable=False),
    Column("metric", String(32), nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", String(16), nullable=False),
    Column("countries", JSON, nullable=False),
    Column("from_country", String(8)),
    Column("to_country", String(8)),
    Column("period_start", String(10)),
    Column("period_end", String(10)),
    Column("approx", String(16)),
    Column("qualifier", String(16)),
    Column("noun", Text),
    Column("speaker_local_id", String(40)),
    Column("source", Text),
    Column("note", Text),
    Column("group_key", Text),
    Index("ix_claims_doc", "doc_id"),
    Index("ix_claims_metric", "metric"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", String(40), primary_key=True),
    _doc_column(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("speaker_local_id", String(40)),
    Column("speaker_text", Text),
    Index("ix_quotes_doc", "doc_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(40), primary_key=True),
    _doc_column(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("cue_start", Integer, nullable=False),
    Column("cue_end", Integer, nullable=False),
    Column("type", String(16), nullable=False),
    Column("subtype", String(40), nullable=False),
    Column("date", String(10)),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("actors", JSON, nullable=False),
    Column("targets", JSON, nullable=False),
    Column("people", JSON, nullable=False),
    Column("place_local_id", String(40)),
    Column("modality", String(16), nullable=False),
    Column("group_key", Text),
    Column("mode", String(24)),
    Column("dyadic", Boolean, nullable=False, server_default=true()),
    Column("actor_sector", String(8)),
    Column("target_sector", String(8)),
    Column("words", JSON, nullable=False, server_default=text("'[]'")),
    Index("ix_events_doc", "doc_id"),
    Index("ix_events_type", "type"),
)

clusters = Table(
    "clusters",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("group_key", Text, nullable=False),
    Column("of", String(8), nullable=False),
    Column("members", JSON, nullable=False),
    Column("summary", Text, nullable=False),
    Column("date", String(10)),
    Column("type", String(16)),
    Column("subtype", String(40)),
    Column("countries", JSON, nullable=False),
    Column("people", JSON, nullable=False),
    Column("place", Text),
    Index("ix_clusters_group_key", "group_key"),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("group_key", Text, nullable=False),
    Column("kind", String(8), nullable=False),
    Column("members", JSON, nullable=False),
    Column("verdict", String(24), nullable=False),
    Column("explanation", Text, nullable=False),
    Index("ix_conflicts_group_key", "group_key"),
)
