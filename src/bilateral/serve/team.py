"""Commands for a shared server: `bilateral token ...` and `bilateral watch ...`."""

from __future__ import annotations

import signal
import sys
import threading
from datetime import UTC, datetime
from typing import Annotated

import typer
from rich.table import Table

from bilateral.ingest import FetchPolicy
from bilateral.model import Settings, db_url_from
from bilateral.pipeline import default_extractor
from bilateral.pipeline.watch import Watcher, parse_interval
from bilateral.serve.api.tokens import digest, new_token
from bilateral.serve.cli_base import DbOption, err, fail, open_kb, out
from bilateral.store import StoreError, TokenError

token_app = typer.Typer(
    no_args_is_help=True, help="Bearer tokens for the API: create, revoke, list."
)


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Option(help="Who or what uses the token (shown in the log).")],
    scope: Annotated[str, typer.Option(help="read, or write (write may also read).")] = "read",
    db: DbOption = None,
) -> None:
    """Make a token and print it once; only its SHA-256 digest is stored."""
    token = new_token()
    with open_kb(db) as kb:
        try:
            kb.create_token(name, scope, digest(token))
        except TokenError as exc:
            raise fail(str(exc)) from None
    err.print(f"token {name!r} ({scope}); shown this once, keep it safe:", highlight=False)
    sys.stdout.write(token + "\n")


@token_app.command("revoke")
def token_revoke(
    name: Annotated[str, typer.Argument(help="The token's name.")], db: DbOption = None
) -> None:
    """End a token's use at once."""
    with open_kb(db) as kb:
        if not kb.revoke_token(name):
            raise fail(f"no live token named {name!r}.", 1)
    out.print(f"revoked the token {name!r}", highlight=False)


@token_app.command("list")
def token_list(db: DbOption = None) -> None:
    """Every token: name, scope, when made and revoked (never the secret)."""
    with open_kb(db) as kb:
        rows = kb.token_list()
    table = Table(show_header=True, header_style="bold")
    for column in ("name", "scope", "created", "revoked"):
        table.add_column(column)
    for r in rows:
        table.add_row(r.name, r.scope, r.created_at, r.revoked_at or "")
    out.print(table)


def watch(
    sources: Annotated[
        list[str],
        typer.Argument(help="Feed URLs, page URLs, feed files, or files listing URLs."),
    ],
    every: Annotated[str, typer.Option(help="Time between polls: 90s, 15m, 2h, 1d.")] = "15m",
    polls: Annotated[
        int | None, typer.Option(help="Stop after this many polls (default: never).", min=1)
    ] = None,
    offline: Annotated[
        bool, typer.Option(help="Fetch no item links: feed items use their own content.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Poll feeds and pages and ingest what is new, one line per poll.

    SIGTERM or Ctrl-C stops it after the batch being written."""
    try:
        interval = parse_interval(every)
    except ValueError as exc:
        raise fail(str(exc)) from None
    settings = Settings(db_url=db_url_from(db))
    stop = threading.Event()

    def on_signal(signum: int, _frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    def log(line: str) -> None:
        sys.stdout.write(f"{datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ} {line}\n")
        sys.stdout.flush()

    policy = FetchPolicy(offline=offline, max_bytes=settings.max_file_bytes)
    with open_kb(db) as kb:
        watcher = Watcher(kb, settings, default_extractor(settings), sources, policy)
        try:
            watcher.run(interval, stop, log, polls)
        except StoreError as exc:
            raise fail(str(exc)) from None
        finally:
            watcher.close()
    if stop.is_set():
        log("stopped; every batch started was written whole.")
