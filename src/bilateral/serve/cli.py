"""The command line: each command parses, calls the library, prints. No SQL, no domain logic."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, replace
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from bilateral.ask import answer
from bilateral.ingest import FetchPolicy, estimate_count, fetching
from bilateral.model import Citation, Settings
from bilateral.pipeline import ReconcileError, reconcile_all
from bilateral.pipeline import ingest as run_ingest
from bilateral.pipeline.ray_pool import RayUnavailable
from bilateral.serve.brief_cli import brief as brief_command
from bilateral.serve.cli_base import DEBUG, DbOption, err, fail, open_kb, out, settings_of, short
from bilateral.serve.cli_facts import claims, conflicts, entities, events, quotes, timeline
from bilateral.serve.exporters import FORMATS, write_jsonl, write_plover, write_tables
from bilateral.serve.team import token_app, watch
from bilateral.store import KnowledgeBase, StoreError

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


@app.callback()
def _options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback behind an error.")
    ] = False,
) -> None:
    """News about the relations between two countries, turned into a cited knowledge base."""
    DEBUG["on"] = debug


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (recursive), JSON Lines, RSS/Atom feeds, WARC files, URLs."
        ),
    ],
    db: DbOption = None,
    batch_size: Annotated[
        int, typer.Option(help="Articles per transaction and per spaCy batch.", min=1)
    ] = Settings.batch_size,
    report_path: Annotated[
        Path | None,
        typer.Option("--report", help="Also write the summary counts to this JSON file."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(help="Extraction processes [the machine's cores].", min=1),
    ] = None,
    ray: Annotated[
        str | None,
        typer.Option(
            "--ray",
            help="Extract on Ray actors: 'auto' (a running cluster, else a local one) or an "
            "address; needs pip install 'bilateral[ray]'.",
        ),
    ] = None,
    offline: Annotated[
        bool, typer.Option(help="Fetch nothing: feed items use their own content or summary.")
    ] = False,
) -> None:
    """Ingest articles; re-ingesting the same articles changes nothing."""
    settings = replace(
        settings_of(db),
        batch_size=batch_size,
        workers=workers or os.cpu_count() or 1,
        ray_address=ray,
    )
    policy = FetchPolicy(offline=offline, max_bytes=settings.max_file_bytes)
    total = estimate_count(paths)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True, disable=total < 2) as progress:
        task = progress.add_task("ingesting", total=total)

        def on_item(source: str, outcome: str) -> None:
            progress.advance(task)

        try:
            with fetching(policy):
                report = run_ingest(paths, settings, on_item=on_item)
        except (StoreError, ReconcileError, RayUnavailable) as exc:
            raise fail(str(exc)) from None
        except KeyboardInterrupt:
            raise fail(
                "interrupted; every batch finished before the interruption is stored.", 130
            ) from None
    for failure in report.failures:
        err.print(
            f"[red]error:[/red] {escape(failure.source)}: {escape(failure.reason)}", highlight=False
        )
        if DEBUG["on"] and failure.detail:
            err.print(escape(failure.detail), highlight=False)
    summary = Table(title="ingest", show_header=True)
    for column in ("ingested", "near-duplicates", "duplicates", "failed"):
        summary.add_column(column, justify="right")
    summary.add_row(
        str(report.ingested),
        str(report.near_duplicates),
        str(report.duplicates),
        str(report.failed),
    )
    out.print(summary)
    if report_path is not None:
        counts = {
            "ingested": report.ingested,
            "near_duplicates": report.near_duplicates,
            "duplicates": report.duplicates,
            "failed": report.failed,
            "groups": report.groups,
        }
        report_path.write_text(json.dumps(counts, indent=1) + "\n", encoding="utf-8")
    if report.failed:
        raise typer.Exit(1)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question in plain English.")],
    db: DbOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the answer record, as /api/ask returns it.")
    ] = False,
) -> None:
    """Answer a question from the knowledge base, citing every statement; exit 1 when it is not
    in the knowledge base."""
    with open_kb(db) as kb:
        found = answer(kb, question)
    if as_json:
        out.print_json(json.dumps(asdict(found), ensure_ascii=False))
    elif found.refusal:
        out.print(f"[bold]Not in the knowledge base.[/bold] {escape(found.refusal.reason)}")
        if found.refusal.nearby:
            out.print("[dim]What it holds nearby (this does not answer the question):[/dim]")
            for near in found.refusal.nearby:
                out.print(f"  [dim]- {escape(near)}[/dim]", highlight=False)
    else:
        out.print(f"[dim]({found.kind.replace('_', ' ')})[/dim]")
        for s in found.statements:
            out.print(f"• {escape(s.text)}", highlight=False)
            _print_citations(s.citations)
        if found.disagreements:
            out.print("[bold]Where the sources differ[/bold]")
            for d in found.disagreements:
                out.print(f"• {d.verdict.replace('_', ' ')}: {escape(d.explanation)}")
                _print_citations(d.citations)
    if not found.found:
        raise typer.Exit(1)


def _print_citations(citations: tuple[Citation, ...]) -> None:
    for c in citations:
        out.print(
            f"    [dim]{escape(c.title)} ({c.published or 'undated'}), "
            f"{c.doc}:{c.start}-{c.end}: “{escape(short(c.sentence, 160))}”[/dim]",
            highlight=False,
        )


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    db: DbOption = None,
    require_token: Annotated[
        bool, typer.Option(help="Reads need a token too (writes always do).")
    ] = False,
    max_body_mb: Annotated[float, typer.Option(help="Largest POST body, in MB.", min=0.001)] = 10.0,
    writes_per_minute: Annotated[int, typer.Option(help="Writes per token.", min=1)] = 30,
    reads_per_minute: Annotated[
        int, typer.Option(help="Reads per token (with --require-token).", min=1)
    ] = 600,
) -> None:
    """The HTTP API (/api, OpenAPI at /docs) and the web UI (/) over the knowledge base."""
    import logging

    import uvicorn

    from bilateral.serve.api import create_app
    from bilateral.serve.api.auth import Access

    access = Access(
        require_token=require_token,
        max_body=int(max_body_mb * 1024 * 1024),
        writes_per_minute=writes_per_minute,
        reads_per_minute=reads_per_minute,
    )
    logging.basicConfig(format="%(asctime)s %(name)s %(message)s", level=logging.WARNING)
    logging.getLogger("bilateral.serve").setLevel(logging.INFO)  # every write, every refusal
    try:
        application = create_app(settings_of(db), access)
    except StoreError as exc:
        raise fail(str(exc)) from None
    out.print(f"Serving the knowledge base at [bold]http://{host}:{port}/[/bold] (Ctrl-C stops)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def reconcile(db: DbOption = None) -> None:
    """Reconcile every group again (entities, event clusters, conflicts)."""
    with open_kb(db) as kb:
        groups = reconcile_all(kb)
    out.print(f"reconciled {groups} groups")


@app.command()
def export(
    format_: Annotated[
        str, typer.Option("--format", help="jsonl, csv, parquet, or plover (events only).")
    ] = "jsonl",
    out_path: Annotated[
        Path | None, typer.Option("--out", help="A file for jsonl; a folder for csv and parquet.")
    ] = None,
    db: DbOption = None,
) -> None:
    """The whole knowledge base in the export contract's records."""
    if format_ not in FORMATS:
        raise fail(f"unknown format {format_!r}; choose one of {', '.join(FORMATS)}.")
    if format_ not in ("jsonl", "plover") and out_path is None:
        raise fail(f"--format {format_} writes one file per table: give a folder with --out.")
    try:
        with KnowledgeBase.open(settings_of(db).db_url) as kb:
            records = kb.export_records()
            if format_ in ("jsonl", "plover"):
                write = write_jsonl if format_ == "jsonl" else write_plover
                if out_path is None:
                    write(records, sys.stdout)
                else:
                    with out_path.open("w", encoding="utf-8") as handle:
                        n = write(records, handle)
                    err.print(f"wrote {n} records to {out_path}")
            else:
                for path in write_tables(records, out_path, format_):  # type: ignore[arg-type]
                    err.print(f"wrote {path}")
    except StoreError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"cannot write the export: {exc.strerror or exc}.") from None


for command in (entities, claims, events, quotes, timeline, conflicts):
    app.command()(command)
app.add_typer(token_app, name="token")
app.command()(watch)
app.command(name="brief")(brief_command)


def main() -> None:
    try:
        app(standalone_mode=True)
    except Exception as exc:  # an error nobody foresaw: one sentence, the traceback on --debug
        if DEBUG["on"]:
            raise
        err.print(
            f"[red]error:[/red] {escape(type(exc).__name__)}: {escape(str(exc))} "
            "(run again with --debug for the traceback).",
            highlight=False,
        )
        sys.exit(2)
