"""Fetching URLs from a site the test starts on 127.0.0.1: timeouts, size limit, redirects,
content types, robots.txt and the User-Agent; each failure names the URL and the reason."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bilateral.ingest import USER_AGENT, FetchPolicy, fetching, read_sources
from bilateral.model import IngestFailure, RawArticle
from tests.sites import Reply, Site, made_up_page, serving

POLICY = FetchPolicy(timeout=0.5, deadline=2.0, max_bytes=64 * 1024, max_redirects=3)


@pytest.fixture
def site() -> Iterator[Site]:
    web = Site()
    web.routes["/robots.txt"] = Reply(
        b"User-agent: bilateral\nDisallow: /private/\n\nUser-agent: *\nAllow: /\n", "text/plain"
    )
    web.page("/news/one.html", made_up_page(1))
    web.page("/private/secret.html", made_up_page(2))
    web.routes["/slow.html"] = Reply(made_up_page(3).encode(), delay=2.0)
    web.routes["/broken.html"] = Reply(made_up_page(4).encode(), broken=True)
    web.routes["/error.html"] = Reply(b"oops", "text/plain", 500)
    web.routes["/report.pdf"] = Reply(b"%PDF-1.7 binary", "application/pdf")
    web.routes["/huge.html"] = Reply(b"<p>" + b"word " * 40_000 + b"</p>")
    web.routes["/moved"] = Reply(b"", status=301, headers={"Location": "/news/one.html"})
    web.routes["/loop"] = Reply(b"", status=302, headers={"Location": "/loop"})
    with serving(web):
        yield web


def _read(*urls: str) -> list[RawArticle | IngestFailure]:
    with fetching(POLICY):
        return list(read_sources(urls, 20 * 1024 * 1024))


def test_a_page_is_fetched_with_a_user_agent_naming_bilateral(site: Site) -> None:
    (page,) = _read(site.url("/news/one.html"))
    assert isinstance(page, RawArticle), page
    assert page.fmt == "html" and page.url == site.url("/news/one.html")
    assert "Officials of" in page.content
    assert site.agents == {USER_AGENT} and USER_AGENT.startswith("bilateral/")
    assert site.hits[("GET", "/robots.txt")] == 1


def test_each_failure_is_one_sentence_naming_the_url(site: Site) -> None:
    paths = [
        "/private/secret.html",
        "/slow.html",
        "/broken.html",
        "/error.html",
        "/report.pdf",
        "/huge.html",
        "/loop",
        "/missing.html",
    ]
    found = _read(*(site.url(p) for p in paths))
    assert all(isinstance(f, IngestFailure) for f in found), found
    reasons = {f.source.removeprefix(site.base): f.reason for f in found}
    assert "robots.txt does not allow" in reasons["/private/secret.html"]
    assert "timed out" in reasons["/slow.html"]
    assert "broke the connection" in reasons["/broken.html"]
    assert reasons["/error.html"] == "the server answered 500 Internal Server Error."
    assert "application/pdf, not a web page" in reasons["/report.pdf"]
    assert "over the 65536 bytes limit" in reasons["/huge.html"]
    assert reasons["/loop"] == "more than 3 redirects."
    assert "404" in reasons["/missing.html"]
    for reason in reasons.values():
        assert "\n" not in reason and reason.endswith(".")
    assert site.hits[("GET", "/private/secret.html")] == 0  # refused before asking


def test_redirects_are_followed_and_the_url_kept_as_given(site: Site) -> None:
    (page,) = _read(site.url("/moved"))
    assert isinstance(page, RawArticle) and page.url == site.url("/moved")
    assert site.hits[("GET", "/news/one.html")] == 1


def test_a_site_whose_robots_txt_fails_is_left_alone() -> None:
    web = Site()
    web.routes["/robots.txt"] = Reply(b"down", "text/plain", 503)
    web.page("/a.html", made_up_page(5))
    with serving(web):
        (failure,) = _read(web.url("/a.html"))
    assert isinstance(failure, IngestFailure) and "robots.txt answered 503" in failure.reason
    assert web.hits[("GET", "/a.html")] == 0


def test_a_missing_robots_txt_allows_everything_and_offline_fetches_nothing() -> None:
    web = Site()
    web.page("/a.html", made_up_page(6))
    with serving(web):
        (page,) = _read(web.url("/a.html"))
        assert isinstance(page, RawArticle)
        with fetching(FetchPolicy(offline=True)):
            (failure,) = list(read_sources([web.url("/a.html")], 1024))
    assert isinstance(failure, IngestFailure) and "offline" in failure.reason
    assert web.hits[("GET", "/a.html")] == 1


def test_a_closed_port_is_a_connection_failure() -> None:
    web = Site()
    with serving(web):
        closed = web.base
    (failure,) = _read(closed + "/a.html")
    assert isinstance(failure, IngestFailure) and "could not connect" in failure.reason
