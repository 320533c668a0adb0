"""The web UI in a real browser: every page renders for the seed corpus, links lead where they
say, the chart's points link to their sentences, and article text is never run as code.
Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

from pathlib import Path

import httpx
from playwright.sync_api import Browser, Page


def _open(browser: Browser, url: str) -> Page:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url, wait_until="load")
    return page


def test_every_page_renders_and_is_photographed(browser: Browser, server: str, shots: Path) -> None:
    person = httpx.get(f"{server}/api/entities", params={"type": "PERSON", "limit": 1}).json()[
        "items"
    ][0]
    doc = httpx.get(f"{server}/api/claims", params={"limit": 1}).json()["items"][0]["doc"]
    pages = {
        "overview": ("/", "KAZ"),
        "timeline": ("/timeline", "Timeline"),
        "figures": ("/figures?metric=trade_turnover", "trade turnover"),
        "entities": ("/entities", "Entities"),
        "entity": (f"/entities/{person['id']}", person["name"]),
        "article": (f"/documents/{doc}", ""),
        "conflicts": ("/conflicts", "Where sources differ"),
        "search": ("/search?q=strategic+partnership", "Search"),
        "ask": ("/ask?q=What+is+Korea%27s+investor+rank+in+Kazakhstan%3F", "Ask"),
    }
    for name, (path, heading) in pages.items():
        page = _open(browser, server + path)
        assert heading in page.locator("h1").inner_text(), name
        page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
        page.close()
    assert len(list(shots.glob("*.png"))) >= len(pages)


def test_links_between_pages(browser: Browser, server: str) -> None:
    page = _open(browser, server + "/")
    page.get_by_role("link", name="Timeline").first.click()
    page.wait_for_url("**/timeline")
    page.locator("ul.sources a").first.click()
    page.wait_for_url("**/documents/**")
    assert page.locator(".article").is_visible()
    page.locator("a.mention").first.click()
    page.wait_for_url("**/entities/**")
    assert page.locator("h1").inner_text()
    page.close()


def test_the_chart_links_each_point_to_its_sentence(browser: Browser, server: str) -> None:
    page = _open(browser, server + "/figures?metric=trade_turnover")
    points = page.locator("svg.chart circle.point")
    assert points.count() >= 1
    href = page.locator("svg.chart a").first.get_attribute("href")
    assert href and href.startswith("/documents/") and "#c" in href
    page.goto(server + href)
    fragment = href.split("#", 1)[1]
    assert page.locator(f"mark#{fragment}").count() == 1
    page.close()


def test_article_text_never_runs(browser: Browser, server: str) -> None:
    docs = httpx.get(f"{server}/api/documents", params={"limit": 50}).json()["items"]
    hostile = next(d for d in docs if "hostile" in (d["source"] or ""))
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/documents/{hostile['id']}", wait_until="load")
    assert page.evaluate("() => window.__pwned === undefined")
    assert not dialogs
    assert "<script>" in page.locator(".article").inner_text()
    page.close()
