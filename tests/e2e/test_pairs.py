"""Many pairs and briefings in a real browser over the seeds plus the dev corpus: the pairs page
lists every dev pair, the picker switches pair, a briefing renders with its chart, and every
citation link of the briefing lands inside its sentence. The briefing is printed to PDF by
chromium and its pages turned into PNG files (artifacts/briefing/) to be looked at."""

from __future__ import annotations

import shutil
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page
from typer.testing import CliRunner

from bilateral.serve.cli import app

BRIEFING = Path(__file__).resolve().parents[2] / "artifacts" / "briefing"
# the offset of an element's start within the article's text, or -1 if it is not in the article
OFFSET = """(id) => {
  const article = document.querySelector('.article');
  const el = document.getElementById(id);
  if (!article || !el || !article.contains(el)) return -1;
  const range = document.createRange();
  range.setStart(article, 0);
  range.setEnd(el, 0);
  return range.toString().length;
}"""


def _open(browser: Browser, url: str) -> Page:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url, wait_until="load")
    return page


def _brief(server: str, code: str) -> dict[str, Any]:
    data: dict[str, Any] = httpx.get(f"{server}/api/brief/{code}", timeout=60).json()
    return data


def _charted(server: str, dev_pairs: set[str]) -> str:
    """The dev pair whose briefing charts the most dated figures."""

    def points(code: str) -> int:
        return sum(len(f["chart"]["points"]) for f in _brief(server, code)["figures"])

    return max(sorted(dev_pairs), key=points)


def test_the_pairs_page_lists_every_dev_pair(
    browser: Browser, pairs_server: str, dev_pairs: set[str], shots: Path
) -> None:
    page = _open(browser, pairs_server + "/pairs")
    listed = set(
        page.locator("tr[data-pair]").evaluate_all("rows => rows.map(r => r.dataset.pair)")
    )
    assert dev_pairs <= listed, dev_pairs - listed
    for code in dev_pairs:
        row = page.locator(f"tr[data-pair='{code}']")
        assert row.locator("svg.bars rect").count() >= 1, code
        assert row.get_by_role("link", name="Briefing").get_attribute("href") == f"/brief/{code}"
    page.screenshot(path=str(shots / "pairs.png"), full_page=True)
    page.close()


def test_the_picker_switches_pair(browser: Browser, pairs_server: str, dev_pairs: set[str]) -> None:
    page = _open(browser, pairs_server + "/")
    for code in sorted(dev_pairs)[:3]:
        page.locator("form.picker select").select_option(code)
        page.locator("form.picker button").click()
        page.wait_for_url(f"**/?pair={code}")
        assert page.locator("h1").inner_text() == code.replace("-", " – ")
        assert page.locator("form.picker select").input_value() == code
    page.get_by_role("link", name="Timeline").first.click()
    page.wait_for_url(f"**/timeline?pair={code}")
    assert page.locator("form.picker select").input_value() == code
    page.locator("form.picker select").select_option(sorted(dev_pairs)[0])
    page.locator("form.picker button").click()
    page.wait_for_url(f"**/timeline?pair={sorted(dev_pairs)[0]}")
    page.get_by_role("link", name="Briefing").first.click()  # the briefing of the pair shown
    page.wait_for_url(f"**/brief/{sorted(dev_pairs)[0]}")
    page.locator("form.picker select").select_option(code)
    page.locator("form.picker button").click()
    page.wait_for_url(f"**/brief/{code}")
    assert page.locator("h1").inner_text().startswith("Briefing: ")
    page.close()


def test_a_briefing_renders_with_its_chart_and_every_link_lands_on_its_sentence(
    browser: Browser, pairs_server: str, dev_pairs: set[str], shots: Path
) -> None:
    code = _charted(pairs_server, dev_pairs)
    data = _brief(pairs_server, code)
    cited = {
        (c["doc"], c["anchor"]): (c["start"], c["end"])
        for s in data["statements"]
        for c in s["citations"]
    }
    page = _open(browser, f"{pairs_server}/brief/{code}")
    assert page.locator("h1").inner_text().startswith("Briefing: ")
    assert page.locator("svg.chart circle.point").count() >= 1
    statements = page.locator(".statement")
    assert statements.count() == len(data["statements"])
    hrefs = page.locator("a.cite-link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    hrefs += page.locator("svg.chart a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    page.screenshot(path=str(shots / "briefing.png"), full_page=True)
    assert hrefs
    by_doc: dict[str, set[str]] = defaultdict(set)
    for href in hrefs:
        path, anchor = href.split("#", 1)
        doc = path.removeprefix("/documents/")
        assert (doc, anchor) in cited, href
        by_doc[doc].add(anchor)
    for doc, anchors in by_doc.items():
        page.goto(f"{pairs_server}/documents/{doc}", wait_until="load")
        for anchor in anchors:
            start, end = cited[(doc, anchor)]
            at = page.evaluate(OFFSET, anchor)
            assert start <= at <= end, (doc, anchor, at, start, end)
    page.goto(f"{pairs_server}{hrefs[0]}", wait_until="load")  # a link followed as a user would
    assert page.locator(f"[id='{hrefs[0].split('#', 1)[1]}']").count() == 1
    page.close()


def test_the_briefing_prints_to_pdf_with_page_numbers(
    pairs_kb: str, pairs_server: str, dev_pairs: set[str]
) -> None:
    for tool in ("pdftoppm", "pdftotext"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: `make test` installs Debian's poppler-utils")
    code = _charted(pairs_server, dev_pairs)
    BRIEFING.mkdir(parents=True, exist_ok=True)
    for old in BRIEFING.glob("*"):
        old.unlink()
    pdf = BRIEFING / f"brief-{code}.pdf"
    a, b = code.split("-")
    args = ["brief", a, b, "--format", "pdf", "--out", str(pdf), "--db", pairs_kb]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.output
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout
    words = text.decode("utf-8")
    pages = words.count("Page ")
    assert pages >= 1 and f"Page 1 of {pages}" in words
    brief = _brief(pairs_server, code)
    assert "Sources" in words and brief["sources"][-1]["doc"] in words.replace("\n", " ")
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(BRIEFING / "page")], check=True)
    images = sorted(BRIEFING.glob("page-*.png"))
    assert len(images) == pages
