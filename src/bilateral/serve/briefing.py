"""Briefings served and printed: the data of the /brief/A-B page and the /pairs page, the same
page as a standalone HTML file (our stylesheet inlined) and as a PDF printed by Debian's chromium
from that HTML (page numbers in the page margins, the sources listed at the end)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bilateral.brief import Briefing, build_briefing, country_name
from bilateral.brief.chart import month_bars
from bilateral.store import KnowledgeBase
from bilateral.store.pairs import Pair, parse_pair

CHROMIUM = os.environ.get("BILATERAL_CHROMIUM", "/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
)


class BriefingError(Exception):
    """A briefing that cannot be made; the message is one sentence for the user."""


def pair_or_fail(text: str) -> Pair:
    pair = parse_pair(text)
    if pair is None:
        raise BriefingError(f"{text!r} is not a pair of countries: write two ISO3 codes, A-B.")
    return pair


def pairs_view(kb: KnowledgeBase) -> dict[str, Any]:
    rows = kb.pairs()
    busiest = max((a["articles"] for r in rows for a in r["activity"]), default=1)
    for r in rows:
        r["names"] = [country_name(c) for c in r["countries"]]
        r["bars"] = month_bars(r["activity"], busiest)
    return {"pairs": rows}


def brief_view(
    kb: KnowledgeBase, pair: Pair, since: str | None = None, until: str | None = None
) -> dict[str, Any]:
    """The briefing as JSON-ready data; `statements` lists every statement in reading order."""
    return view_of(build_briefing(kb, pair, since, until))


def view_of(b: Briefing) -> dict[str, Any]:
    data = asdict(b)
    data["code"] = "-".join(b.pair)
    data["statements"] = [asdict(s) for s in b.statements()]
    return data


def render_html(data: dict[str, Any], standalone: bool = False, base_url: str = "") -> str:
    """The briefing page; standalone: our stylesheet inlined and links made absolute by
    `base_url`, for a file or a PDF."""
    from bilateral.serve.web import STATIC, templates

    css = (STATIC / "style.css").read_text(encoding="utf-8") if standalone else ""
    return templates.get_template("brief.html").render(
        data=data,
        path=f"/brief/{data['code']}",
        query="",
        standalone=standalone,
        css=css,
        base=base_url.rstrip("/"),
        pairs=[],
        pair=data["code"],
    )


def html_to_pdf(html: str, out: Path, timeout: float = 120.0) -> None:
    """Print the HTML to `out` with headless chromium (a fresh profile, nothing fetched)."""
    if not Path(CHROMIUM).exists() and shutil.which(CHROMIUM) is None:
        raise BriefingError(f"{CHROMIUM} is missing: install Debian's chromium to print PDF.")
    with tempfile.TemporaryDirectory(prefix="bilateral-pdf-") as work:
        page = Path(work) / "briefing.html"
        page.write_text(html, encoding="utf-8")
        target = out.resolve()
        command = [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={Path(work) / 'profile'}",
            f"--print-to-pdf={target}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise BriefingError(f"chromium took more than {timeout:.0f} s to print.") from None
        if done.returncode != 0 or not target.exists() or target.stat().st_size == 0:
            raise BriefingError(f"chromium could not print the PDF (exit {done.returncode}).")
