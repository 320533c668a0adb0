"""Opening a database: engine, SQLite pragmas, migrations to the latest schema."""

from __future__ import annotations

import json
from json.encoder import encode_basestring_ascii
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url


class StoreError(RuntimeError):
    """The database cannot be opened or used; the message says why in a sentence."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers never block on the writer, so the API stays responsive during an ingest.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def json_text(value: Any) -> str:
    """What json.dumps writes, found without building an encoder for a list of strings (what
    most JSON columns hold): each string quoted by the very function json.dumps uses."""
    if type(value) is list:
        try:  # the quoting function refuses anything but a string: then json.dumps does it
            return "[" + ", ".join(map(encode_basestring_ascii, value)) + "]"
        except TypeError:
            pass
    return json.dumps(value)


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).expanduser().resolve().parent
        if not folder.is_dir():
            raise StoreError(f"The folder for the database does not exist: {folder}.")
    options: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        # the API reads from a thread pool; each connection is used by one thread at a time
        options["connect_args"] = {"check_same_thread": False}
    try:
        engine = create_engine(url, future=True, json_serializer=json_text, **options)
    except Exception as exc:  # a bad URL or a missing driver, said in a sentence
        raise StoreError(f"Cannot open the database {url!r}: {exc}.") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def migrate(engine: Engine) -> None:
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
