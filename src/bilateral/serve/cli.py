"""The command line: each command parses, calls the library, prints. No SQL, no domain logic."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, replace
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from bilateral import display as formatting
from bilateral.ask import answer
from bilateral.ingest import FetchPolicy, estimate_count, fetching
from bilateral.model import Citation, Settings, db_url_from
from bilateral.pipeline import ReconcileError, reconcile_all
from bilateral.pipeline import ingest as run_ingest
from bilateral.pipeline.ray_pool import RayUnavailable
from bilateral.serve.brief_cli import brief as brief_command
from bilateral.serve.exporters import FORMATS, write_jsonl, write_plover, write_tables
from bilateral.serve.team import token_app, watch
from bilateral.store import KnowledgeBase, StoreError

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
out = Console()
err = Console(stderr=True, soft_wrap=True)  # an error line stays one line, whatever the width

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", envvar="BILATERAL_DB", help="Database URL or SQLite path [./bilateral.db]."
    ),
]


_DEBUG = {"on": False}


@app.callback()
def _options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback behind an error.")
    ] = False,
) -> None:
    """News about the relations between two countries, turned into a cited knowledge base."""
    _DEBUG["on"] = debug


def _settings(db: str | None) -> Settings:
    return Settings(db_url=db_url_from(db))


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


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
        _settings(db),
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
            raise _fail(str(exc)) from None
        except KeyboardInterrupt:
            raise _fail(
                "interrupted; every batch finished before the interruption is stored.", 130
            ) from None
    for failure in report.failures:
        err.print(
            f"[red]error:[/red] {escape(failure.source)}: {escape(failure.reason)}", highlight=False
        )
        if _DEBUG["on"] and failure.detail:
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
def entities(
    type_: Annotated[
        str | None, typer.Option("--type", help="PERSON, ORG, GPE, LOC, FAC, NORP...")
    ] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-3 code, e.g. KAZ.")] = None,
    doc: Annotated[str | None, typer.Option(help="Only entities of this document id.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
    db: DbOption = None,
) -> None:
    """A table of canonical entities, most mentioned first."""
    try:
        with KnowledgeBase.open(_settings(db).db_url) as kb:
            rows = kb.entity_table(type_=type_, country=country, doc=doc, limit=limit)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    table = Table(show_header=True, header_style="bold")
    for column in ("name", "type", "country", "roles", "mentions", "articles"):
        table.add_column(column, justify="right" if column in ("mentions", "articles") else "left")
    for r in rows:
        table.add_row(
            r["name"],
            r["type"],
            r["country"] or "",
            "; ".join(r["roles"]),
            str(r["mentions"]),
            str(r["articles"]),
        )
    out.print(table)
    if not rows:
        err.print("No entities match; ingest some articles first (`bilateral ingest PATH`).")


def _open(db: str | None) -> KnowledgeBase:
    try:
        return KnowledgeBase.open(_settings(db).db_url)
    except StoreError as exc:
        raise _fail(str(exc)) from None


def _short(title: str, size: int = 60) -> str:
    title = Path(title).name if "/" in title else title
    return title if len(title) <= size else title[: size - 1] + "…"


def _marked(sentence: str, start: int, end: int) -> str:
    """The sentence with the figure in bold, for the terminal."""
    return (
        escape(sentence[:start])
        + "[bold yellow]"
        + escape(sentence[start:end])
        + "[/bold yellow]"
        + escape(sentence[end:])
    )


@app.command()
def claims(
    metric: Annotated[
        str | None, typer.Option(help="trade_turnover, investment_total, ...")
    ] = None,
    country: Annotated[
        str | None, typer.Option(help="Claims involving this country (ISO3).")
    ] = None,
    from_: Annotated[
        str | None, typer.Option("--from", help="Direction: from this country.")
    ] = None,
    to: Annotated[str | None, typer.Option(help="Direction: to this country.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Periods ending on or after (ISO date).")
    ] = None,
    doc: Annotated[str | None, typer.Option(help="Only claims of this document id.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
    db: DbOption = None,
) -> None:
    """Figures found in the articles, with period, direction, hedge and who said them."""
    with _open(db) as kb:
        rows = kb.claim_table(
            metric=metric, country=country, from_=from_, to=to, since=since, doc=doc, limit=limit
        )
    table = Table(show_header=True, header_style="bold", show_lines=True)
    for column in ("metric", "value", "period", "direction", "said by", "article"):
        table.add_column(column, max_width=22, overflow="fold")
    table.add_column("sentence", ratio=3, min_width=30)
    for r in rows:
        direction = (
            f"{r['from']} → {r['to']}" if r["from"] or r["to"] else " / ".join(r["countries"])
        )
        start = r["value_start"] - r["start"]
        table.add_row(
            r["metric"] + (f" ({r['noun']})" if r["metric"] == "other" and r["noun"] else ""),
            formatting.value(r["value"], r["unit"], r["approx"])
            + (" (record)" if r["qualifier"] == "record" else ""),
            formatting.period(r["period_start"], r["period_end"]),
            direction,
            r["attributed_to"] or "",
            escape(f"{_short(r['title'] or r['source'])} ({r['published'] or 'undated'})"),
            _marked(r["sentence"], start, start + len(r["value_text"])),
        )
    out.print(table)
    if not rows:
        err.print("No claims match.")


@app.command()
def events(
    type_: Annotated[
        str | None, typer.Option("--type", help="A PLOVER type: AGREE, CONSULT...")
    ] = None,
    country: Annotated[str | None, typer.Option(help="Events with this country (ISO3).")] = None,
    since: Annotated[str | None, typer.Option(help="Events dated on or after (ISO date).")] = None,
    person: Annotated[str | None, typer.Option(help="Part of a participant's name.")] = None,
    modality: Annotated[
        str | None, typer.Option(help="actual, planned, conditional, reported or historical.")
    ] = None,
    doc: Annotated[str | None, typer.Option(help="Only events of this document id.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
    db: DbOption = None,
) -> None:
    """Events between countries: date, type, actor → target, people, place, and the sentence."""
    with _open(db) as kb:
        rows = kb.event_table(
            type_=type_,
            country=country,
            since=since,
            person=person,
            modality=modality,
            doc=doc,
            limit=limit,
        )
    table = Table(show_header=True, header_style="bold", show_lines=True)
    for column in ("date", "event", "actor → target", "people", "place", "article"):
        table.add_column(column, max_width=22, overflow="fold")
    table.add_column("sentence", ratio=3, min_width=30)
    for r in rows:
        start = r["sentence"].find(r["cue"])
        table.add_row(
            (r["date"] or "undated") + ("" if r["modality"] == "actual" else f" ({r['modality']})"),
            f"{r['type']} {r['subtype']}",
            f"{', '.join(r['actors'])} → {', '.join(r['targets'])}",
            escape("; ".join(r["people"])),
            escape(r["place"] or ""),
            escape(f"{_short(r['title'] or r['source'])} ({r['published'] or 'undated'})"),
            _marked(r["sentence"], start, start + len(r["cue"]))
            if start >= 0
            else escape(r["sentence"]),
        )
    out.print(table)
    if not rows:
        err.print("No events match.")


@app.command()
def conflicts(
    metric: Annotated[str | None, typer.Option(help="Only conflicts over this metric.")] = None,
    verdict: Annotated[
        str | None, typer.Option(help="contradiction, different_period, ...")
    ] = None,
    agreements: Annotated[bool, typer.Option(help="Also show sources that agree.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many conflicts.")] = 50,
    db: DbOption = None,
) -> None:
    """Where sources disagree: the values side by side, the verdict and why."""
    with _open(db) as kb:
        rows = kb.conflict_table(
            metric=metric, verdict=verdict, include_agreement=agreements, limit=limit
        )
    for r in rows:
        table = Table(
            title=f"[bold]{r['verdict']}[/bold]",
            show_header=True,
            title_justify="left",
            caption=escape(r["explanation"]),
            caption_justify="left",
        )
        for column in ("value", "article", "published", "period", "said by"):
            table.add_column(column, overflow="fold")
        for f in r["facts"]:
            if f["kind"] == "claim":
                value = formatting.value(f["value"], f["unit"], f["approx"])
                period = formatting.period(f["period_start"], f["period_end"])
                said = f["attributed_to"] or ""
            else:
                value, period, said = f"{f['type']} {f['subtype']}", f["date"] or "", ""
            table.add_row(
                value,
                escape(_short(f["title"] or f["doc"])),
                f["published"] or "undated",
                period,
                escape(said),
            )
        out.print(table)
    if not rows:
        err.print("No conflicts match.")


@app.command()
def timeline(
    countries: Annotated[
        list[str] | None,
        typer.Argument(help="ISO3 codes (KAZ KOR); the pair the articles are most about if none."),
    ] = None,
    since: Annotated[str | None, typer.Option(help="Events dated on or after (ISO date).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many events.")] = 200,
    db: DbOption = None,
) -> None:
    """One line per event between the countries, however many articles report it."""
    with _open(db) as kb:
        rows = kb.timeline(countries or kb.dyad(), since=since, limit=limit)
    table = Table(show_header=True, header_style="bold", show_lines=True)
    table.add_column("date", max_width=12)
    table.add_column("event", ratio=2)
    table.add_column("sources", ratio=2)
    for r in rows:
        sources = "\n".join(
            escape(f"{_short(s['title'] or s['doc'], 50)} ({s['published'] or 'undated'})")
            for s in r["sources"]
        )
        during = f"\n[dim]during {escape(r['during']['summary'])}[/dim]" if r["during"] else ""
        table.add_row(r["date"] or "undated", escape(r["summary"]) + during, sources)
    out.print(table)
    if not rows:
        err.print("No events between these countries.")


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
    with _open(db) as kb:
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
            f"{c.doc}:{c.start}-{c.end}: “{escape(_short(c.sentence, 160))}”[/dim]",
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
        application = create_app(_settings(db), access)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    out.print(f"Serving the knowledge base at [bold]http://{host}:{port}/[/bold] (Ctrl-C stops)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def reconcile(db: DbOption = None) -> None:
    """Reconcile every group again (entities, event clusters, conflicts)."""
    with _open(db) as kb:
        groups = reconcile_all(kb)
    out.print(f"reconciled {groups} groups")


@app.command()
def quotes(
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    doc: Annotated[str | None, typer.Option(help="Only quotes of this document id.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
    db: DbOption = None,
) -> None:
    """Quotations with their resolved speakers."""
    with _open(db) as kb:
        rows = kb.quote_table(speaker=speaker, doc=doc, limit=limit)
    table = Table(show_header=True, header_style="bold", show_lines=True)
    table.add_column("speaker", max_width=22)
    table.add_column("quote", ratio=3, min_width=30)
    table.add_column("article", max_width=30)
    for r in rows:
        table.add_row(
            r["speaker"] or "(not said)",
            escape(r["text"]),
            escape(f"{_short(r['title'] or r['doc'])} ({r['published'] or 'undated'})"),
        )
    out.print(table)
    if not rows:
        err.print("No quotes match.")


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
        raise _fail(f"unknown format {format_!r}; choose one of {', '.join(FORMATS)}.")
    if format_ not in ("jsonl", "plover") and out_path is None:
        raise _fail(f"--format {format_} writes one file per table: give a folder with --out.")
    try:
        with KnowledgeBase.open(_settings(db).db_url) as kb:
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
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"cannot write the export: {exc.strerror or exc}.") from None


app.add_typer(token_app, name="token")
app.command()(watch)
app.command(name="brief")(brief_command)


def main() -> None:
    try:
        app(standalone_mode=True)
    except Exception as exc:  # an error nobody foresaw: one sentence, the traceback on --debug
        if _DEBUG["on"]:
            raise
        err.print(
            f"[red]error:[/red] {escape(type(exc).__name__)}: {escape(str(exc))} "
            "(run again with --debug for the traceback).",
            highlight=False,
        )
        sys.exit(2)
