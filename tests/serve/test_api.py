"""The API over a real server on loopback: shapes, filters, paging, errors as JSON."""

from __future__ import annotations

import httpx
import pytest

LISTS = ["documents", "entities", "claims", "events", "quotes", "clusters", "conflicts"]


@pytest.mark.parametrize("name", LISTS)
def test_list_endpoints_page(server: str, name: str) -> None:
    first = httpx.get(f"{server}/api/{name}", params={"limit": 2}).json()
    assert len(first["items"]) <= 2 and first["limit"] == 2
    second = httpx.get(f"{server}/api/{name}", params={"limit": 2, "offset": 2}).json()
    ids = lambda page: [i.get("id") for i in page["items"]]  # noqa: E731
    assert not set(ids(first)) & set(ids(second)) or not ids(second)


def test_filters(server: str) -> None:
    claims = httpx.get(
        f"{server}/api/claims", params={"metric": "trade_turnover", "limit": 50}
    ).json()
    assert claims["items"] and {c["metric"] for c in claims["items"]} == {"trade_turnover"}
    events = httpx.get(f"{server}/api/events", params={"type": "AGREE", "country": "KOR"}).json()
    assert events["items"] and all(e["type"] == "AGREE" for e in events["items"])
    assert all("KOR" in e["actors"] + e["targets"] for e in events["items"])
    people = httpx.get(f"{server}/api/entities", params={"type": "PERSON", "country": "KAZ"}).json()
    assert all(p["type"] == "PERSON" and p["country"] == "KAZ" for p in people["items"])


def test_one_document_and_one_entity(server: str) -> None:
    doc = httpx.get(f"{server}/api/documents", params={"limit": 1}).json()["items"][0]
    page = httpx.get(f"{server}/api/documents/{doc['id']}").json()
    for m in page["mentions"]:
        assert page["text"][m["start"] : m["end"]] == m["text"]
    entity = page["mentions"][0]["entity"]
    assert httpx.get(f"{server}/api/entities/{entity}").json()["mentions"]


def test_errors_are_json_with_a_message(server: str) -> None:
    missing = httpx.get(f"{server}/api/documents/d0000000000000000")
    assert missing.status_code == 404 and "no document" in missing.json()["error"]
    invalid = httpx.get(f"{server}/api/claims", params={"limit": 0})
    assert invalid.status_code == 422 and "limit" in invalid.json()["error"]
    bad_country = httpx.get(f"{server}/api/events", params={"country": "K0R"})
    assert bad_country.status_code == 422


def test_search_and_ask(server: str) -> None:
    hits = httpx.get(f"{server}/api/search", params={"q": "strategic partnership"}).json()
    assert hits["results"] and hits["results"][0]["sentences"]
    answer = httpx.get(
        f"{server}/api/ask", params={"q": "When was the strategic partnership agreed?"}
    ).json()
    kinds = [s["kind"] for s in answer["answer"]["statements"]]
    assert "event" in kinds
    assert "contradiction" in [d["verdict"] for d in answer["answer"]["disagreements"]]
    assert all(s["citations"] for s in answer["answer"]["statements"] if s["kind"] != "none")


def test_every_page_has_a_json_twin(server: str) -> None:
    doc = httpx.get(f"{server}/api/documents", params={"limit": 1}).json()["items"][0]["id"]
    for page in (
        "/",
        "/timeline",
        "/figures",
        "/entities",
        "/documents",
        "/conflicts",
        f"/documents/{doc}",
        "/search?q=Seoul",
        "/ask?q=trade",
    ):
        html = httpx.get(f"{server}{page}")
        assert html.status_code == 200 and "text/html" in html.headers["content-type"]
        path, _, query = page.partition("?")
        twin = httpx.get(
            f"{server}{'/index' if path == '/' else path}.json" + (f"?{query}" if query else "")
        )
        assert twin.status_code == 200 and twin.headers["content-type"].startswith(
            "application/json"
        )


def test_article_text_is_escaped(server: str) -> None:
    docs = httpx.get(f"{server}/api/documents", params={"limit": 50}).json()["items"]
    hostile = next(d for d in docs if "hostile" in (d["source"] or ""))
    html = httpx.get(f"{server}/documents/{hostile['id']}").text
    assert "<script>window.__pwned" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html


def test_the_visit_and_what_it_produced_are_distinct_and_linked(server: str) -> None:
    rows = httpx.get(f"{server}/api/clusters", params={"countries": "KAZ,KOR", "limit": 200}).json()
    visit = next(
        c for c in rows["items"] if c["subtype"] == "state_visit" and len(c["members"]) >= 3
    )
    produced = {p["id"] for p in visit["produced"]}
    agreements = [c for c in rows["items"] if c["type"] == "AGREE" and c["id"] in produced]
    assert len(agreements) >= 2 and all(c["during"]["id"] == visit["id"] for c in agreements)
