"""The commands that list what the knowledge base holds: entities, figures, events, quotes,
the timeline of a pair and the conflicts between sources."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from bilateral import display as formatting
from bilateral.serve.cli_base import DbOption, err, fail, marked, open_kb, out, settings_of, short
from bilateral.store import KnowledgeBase, StoreError


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
        with KnowledgeBase.open(settings_of(db).db_url) as kb:
            rows = kb.entity_table(type_=type_, country=country, doc=doc, limit=limit)
    except StoreError as exc:
        raise fail(str(exc)) from None
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
    with open_kb(db) as kb:
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
            escape(f"{short(r['title'] or r['source'])} ({r['published'] or 'undated'})"),
            marked(r["sentence"], start, start + len(r["value_text"])),
        )
    out.print(table)
    if not rows:
        err.print("No claims match.")


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
    with open_kb(db) as kb:
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
            escape(f"{short(r['title'] or r['source'])} ({r['published'] or 'undated'})"),
            marked(r["sentence"], start, start + len(r["cue"]))
            if start >= 0
            else escape(r["sentence"]),
        )
    out.print(table)
    if not rows:
        err.print("No events match.")


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
    with open_kb(db) as kb:
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
                escape(short(f["title"] or f["doc"])),
                f["published"] or "undated",
                period,
                escape(said),
            )
        out.print(table)
    if not rows:
        err.print("No conflicts match.")


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
    with open_kb(db) as kb:
        rows = kb.timeline(countries or kb.dyad(), since=since, limit=limit)
    table = Table(show_header=True, header_style="bold", show_lines=True)
    table.add_column("date", max_width=12)
    table.add_column("event", ratio=2)
    table.add_column("sources", ratio=2)
    for r in rows:
        sources = "\n".join(
            escape(f"{short(s['title'] or s['doc'], 50)} ({s['published'] or 'undated'})")
            for s in r["sources"]
        )
        during = f"\n[dim]during {escape(r['during']['summary'])}[/dim]" if r["during"] else ""
        table.add_row(r["date"] or "undated", escape(r["summary"]) + during, sources)
    out.print(table)
    if not rows:
        err.print("No events between these countries.")


def quotes(
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    doc: Annotated[str | None, typer.Option(help="Only quotes of this document id.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
    db: DbOption = None,
) -> None:
    """Quotations with their resolved speakers."""
    with open_kb(db) as kb:
        rows = kb.quote_table(speaker=speaker, doc=doc, limit=limit)
    table = Table(show_header=True, header_style="bold", show_lines=True)
    table.add_column("speaker", max_width=22)
    table.add_column("quote", ratio=3, min_width=30)
    table.add_column("article", max_width=30)
    for r in rows:
        table.add_row(
            r["speaker"] or "(not said)",
            escape(r["text"]),
            escape(f"{short(r['title'] or r['doc'])} ({r['published'] or 'undated'})"),
        )
    out.print(table)
    if not rows:
        err.print("No quotes match.")
