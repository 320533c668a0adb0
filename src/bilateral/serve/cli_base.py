"""What every command module of the CLI shares: the consoles, the --db option, errors as one
line, opening the knowledge base, and the --debug switch."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from bilateral.model import Settings, db_url_from
from bilateral.store import KnowledgeBase, StoreError

out = Console()
err = Console(stderr=True, soft_wrap=True)  # an error line stays one line, whatever the width

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", envvar="BILATERAL_DB", help="Database URL or SQLite path [./bilateral.db]."
    ),
]

DEBUG = {"on": False}  # set by the --debug option before any command runs


def settings_of(db: str | None) -> Settings:
    return Settings(db_url=db_url_from(db))


def fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


def open_kb(db: str | None) -> KnowledgeBase:
    try:
        return KnowledgeBase.open(settings_of(db).db_url)
    except StoreError as exc:
        raise fail(str(exc)) from None


def short(title: str, size: int = 60) -> str:
    title = Path(title).name if "/" in title else title
    return title if len(title) <= size else title[: size - 1] + "…"


def marked(sentence: str, start: int, end: int) -> str:
    """The sentence with the figure in bold, for the terminal."""
    return (
        escape(sentence[:start])
        + "[bold yellow]"
        + escape(sentence[start:end])
        + "[/bold yellow]"
        + escape(sentence[end:])
    )
