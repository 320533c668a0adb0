"""`bilateral brief A B`: the briefing on a pair as Markdown, HTML or PDF (registered on the
command line in cli.py)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from bilateral.brief import build_briefing, to_markdown
from bilateral.model import db_url_from
from bilateral.serve.briefing import BriefingError, html_to_pdf, render_html, view_of
from bilateral.serve.cli_base import err, fail
from bilateral.store import KnowledgeBase, StoreError
from bilateral.store.pairs import parse_pair

FORMATS = ("md", "html", "pdf")
_DAY = re.compile(r"^\d{4}(-\d{2}){0,2}$")


def brief(
    a: Annotated[str, typer.Argument(help="ISO3 code of one country (KAZ).")],
    b: Annotated[str, typer.Argument(help="ISO3 code of the other (KOR).")],
    since: Annotated[str | None, typer.Option(help="Facts dated on or after (ISO date).")] = None,
    until: Annotated[str | None, typer.Option(help="Facts dated on or before (ISO date).")] = None,
    format_: Annotated[str, typer.Option("--format", help="md, html or pdf.")] = "md",
    out_path: Annotated[
        Path | None, typer.Option("--out", help="The file to write (stdout for md and html).")
    ] = None,
    base_url: Annotated[
        str, typer.Option(help="Where `bilateral serve` runs: citation links point there.")
    ] = "http://127.0.0.1:8000",
    db: Annotated[
        str | None,
        typer.Option(
            "--db", envvar="BILATERAL_DB", help="Database URL or SQLite path [./bilateral.db]."
        ),
    ] = None,
) -> None:
    """A briefing on two countries: summary, key figures with charts, timeline, disputes, who's
    who, quotes; every statement cited, the sources listed at the end."""
    if format_ not in FORMATS:
        raise fail(f"unknown format {format_!r}; choose one of {', '.join(FORMATS)}.")
    if format_ == "pdf" and out_path is None:
        raise fail("--format pdf writes a file: give it with --out.")
    for name, day in (("--since", since), ("--until", until)):
        if day and not _DAY.match(day):
            raise fail(f"{name} {day!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD.")
    pair = parse_pair(f"{a}-{b}")
    if pair is None or len(a) != 3 or len(b) != 3:
        raise fail(f"{a} and {b} are not two countries: give two different ISO3 codes.")
    url = db_url_from(db)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        raise fail(f"the database {url.removeprefix('sqlite:///')} does not exist.")
    try:
        with KnowledgeBase.open(url) as kb:
            briefing = build_briefing(kb, pair, since, until)
    except StoreError as exc:
        raise fail(str(exc)) from None
    if not briefing.sources:
        err.print(f"Nothing in the knowledge base about {pair[0]} and {pair[1]} for this period.")
    if format_ == "md":
        text = to_markdown(briefing, base_url.rstrip("/"))
    else:
        text = render_html(view_of(briefing), standalone=True, base_url=base_url)
    try:
        if format_ == "pdf" and out_path is not None:
            html_to_pdf(text, out_path)
        elif out_path is None:
            sys.stdout.write(text)
            return
        else:
            out_path.write_text(text, encoding="utf-8")
    except BriefingError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"cannot write {out_path}: {exc.strerror or exc}.") from None
    err.print(f"wrote {out_path}")
