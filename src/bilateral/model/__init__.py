"""Records shared by every stage. No I/O, no third-party imports."""

from bilateral.model.answers import Answer, Citation, Disagreement, Refusal, Statement, Understood
from bilateral.model.ids import content_id
from bilateral.model.records import (
    ENTITY_TYPES,
    ArticleEntities,
    Block,
    Claim,
    Cluster,
    Conflict,
    DocInfo,
    Document,
    Entity,
    Event,
    IngestFailure,
    LocalEntity,
    Mention,
    Quote,
    RawArticle,
    Tally,
)
from bilateral.model.settings import DEFAULT_DB_URL, DEFAULT_MODEL, Settings, db_url_from

__all__ = [
    "DEFAULT_DB_URL",
    "DEFAULT_MODEL",
    "ENTITY_TYPES",
    "Answer",
    "ArticleEntities",
    "Block",
    "Citation",
    "Claim",
    "Cluster",
    "Conflict",
    "Disagreement",
    "DocInfo",
    "Document",
    "Entity",
    "Event",
    "IngestFailure",
    "LocalEntity",
    "Mention",
    "Quote",
    "RawArticle",
    "Refusal",
    "Settings",
    "Statement",
    "Tally",
    "Understood",
    "content_id",
    "db_url_from",
]
