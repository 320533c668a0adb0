"""The write API on a real server on 127.0.0.1 that requires tokens: who may write and read,
what is refused with nothing stored, what is logged, and what OpenAPI says about it."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import schemathesis
import uvicorn
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings

from bilateral.extract import Extractor
from bilateral.model import Settings
from bilateral.serve.api import create_app
from bilateral.serve.api.auth import Access, RateLimiter
from bilateral.serve.api.tokens import digest, new_token
from bilateral.store import KnowledgeBase
from tests.articles import article
from tests.serve.conftest import _free_port
from tests.sites import made_up_page

MAX_BODY = 1024 * 1024


@dataclass
class Team:
    base: str
    db_url: str
    write: str
    read: str
    revoked: str

    def count(self) -> int:
        with KnowledgeBase.open(self.db_url) as kb:
            return kb.counts()["documents"]


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Iterator[Team]:
    url = f"sqlite:///{tmp_path_factory.mktemp('team') / 'kb.db'}"
    tokens = {name: new_token() for name in ("writer", "reader", "former")}
    with KnowledgeBase.open(url) as kb:
        kb.create_token("writer", "write", digest(tokens["writer"]))
        kb.create_token("reader", "read", digest(tokens["reader"]))
        kb.create_token("former", "write", digest(tokens["former"]))
        assert kb.revoke_token("former")
    access = Access(require_token=True, max_body=MAX_BODY, writes_per_minute=10_000)
    app = create_app(Settings(db_url=url), access, make_extractor=lambda: extractor)
    with running(app) as base:
        yield Team(base, url, tokens["writer"], tokens["reader"], tokens["former"])


@contextmanager
def running(app: FastAPI) -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1, on a port the system picks."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{base}/openapi.json", timeout=2)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _post(
    team: Team, body: bytes | str, token: str | None, kind: str = "application/json", **params: str
) -> httpx.Response:
    headers = {"Content-Type": kind}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return httpx.post(
        f"{team.base}/api/articles", content=body, headers=headers, params=params, timeout=120
    )


def _one(i: int) -> str:
    title, *rest = article(i).split("\n\n")
    return json.dumps({"title": title, "text": "\n\n".join(rest), "published": "2024-05-02"})


@pytest.mark.parametrize(
    ("who", "status", "message"),
    [
        (None, 401, "needs a bearer token"),
        ("blt_not-a-real-token", 401, "not valid"),
        ("read", 403, "may only read"),
        ("revoked", 401, "not valid"),
    ],
)
def test_writes_without_a_live_write_token_are_refused_and_store_nothing(
    team: Team, who: str | None, status: int, message: str
) -> None:
    before = team.count()
    token = {"read": team.read, "revoked": team.revoked}.get(who or "", who)
    answer = _post(team, _one(300), token)
    assert answer.status_code == status, answer.text
    assert message in answer.json()["error"]
    if status == 401:
        assert answer.headers["www-authenticate"] == "Bearer"
    assert team.count() == before


def test_a_write_token_stores_an_article_and_the_write_is_logged(
    team: Team, caplog: pytest.LogCaptureFixture
) -> None:
    before = team.count()
    with caplog.at_level(logging.INFO, logger="bilateral.serve.writes"):
        answer = _post(team, _one(301), team.write)
    assert answer.status_code == 201, answer.text
    report = answer.json()
    assert (report["ingested"], report["failed"]) == (1, 0)
    (stored,) = report["articles"]
    assert stored["outcome"] == "ingested" and stored["source"].startswith("api/writer/")
    assert team.count() == before + 1
    logged = [r.getMessage() for r in caplog.records if r.name == "bilateral.serve.writes"]
    assert any("'writer'" in line and stored["id"] in line for line in logged), logged

    again = _post(team, _one(301), team.write)  # the same article: a duplicate, nothing new
    assert again.status_code == 200 and again.json()["duplicates"] == 1
    assert team.count() == before + 1


def test_json_lines_and_raw_html(team: Team) -> None:
    before = team.count()
    lines = "\n".join([_one(302), _one(303)])
    answer = _post(team, lines, team.write, "application/x-ndjson")
    assert answer.status_code == 201 and answer.json()["ingested"] == 2, answer.text
    page = made_up_page(304)
    refused = _post(team, page, team.write, "text/html")
    assert refused.status_code == 422 and "?url=" in refused.json()["error"]
    taken = _post(team, page, team.write, "text/html", url="http://news.test/304")
    assert taken.status_code == 201, taken.text
    assert team.count() == before + 3


@pytest.mark.parametrize(
    ("body", "kind", "status", "message"),
    [
        ('{"title": "x", "text": ', "application/json", 422, "not valid JSON"),
        ("[1, 2]", "application/json", 422, "one article object"),
        ("[" * 100_000, "application/json", 422, "nested too deeply"),
        ("[" * 100_000, "application/x-ndjson", 422, "nested too deeply"),
        ("", "application/json", 422, "empty"),
        ('{"title": "no text here"}', "application/json", 422, 'no "text" or "html"'),
        ("a,b\n1,2", "text/csv", 415, "application/x-ndjson"),
        ('{"text": "<p></p>", "title": ""}', "application/json", 422, "nothing was stored"),
    ],
)
def test_bad_bodies_are_refused_with_a_reason(
    team: Team, body: str, kind: str, status: int, message: str
) -> None:
    before = team.count()
    answer = _post(team, body, team.write, kind)
    assert answer.status_code == status, answer.text
    assert message in answer.json()["error"]
    assert team.count() == before


def test_one_bad_line_stores_none_of_the_body(team: Team) -> None:
    before = team.count()
    lines = "\n".join([_one(305), "{not json", _one(306)])
    answer = _post(team, lines, team.write, "application/x-ndjson")
    assert answer.status_code == 422 and ":2: not valid JSON" in answer.json()["error"]
    assert team.count() == before


def test_a_20_mb_body_is_refused_unread(team: Team) -> None:
    before = team.count()
    huge = json.dumps({"title": "Huge", "text": "word " * (4 * 1024 * 1024)})
    assert len(huge) > 20 * 1024 * 1024
    answer = _post(team, huge, team.write)
    assert answer.status_code == 413 and "over the 1 MB limit" in answer.json()["error"]
    assert team.count() == before


def test_reads_need_a_token_and_the_cache_never_answers_without_one(team: Team) -> None:
    url = f"{team.base}/api/documents"
    read = httpx.get(url, headers={"Authorization": f"Bearer {team.read}"}, timeout=30)
    assert read.status_code == 200
    again = httpx.get(url, headers={"Authorization": f"Bearer {team.read}"}, timeout=30)
    assert again.headers.get("x-bilateral-cache") == "hit"  # kept for token holders...
    for headers in ({}, {"Authorization": f"Bearer {team.revoked}"}):
        refused = httpx.get(url, headers=headers, timeout=30)  # ...never for anyone else
        assert refused.status_code == 401 and "error" in refused.json()
    assert httpx.get(f"{team.base}/", timeout=30).status_code == 401  # the pages too
    assert httpx.get(f"{team.base}/openapi.json", timeout=30).status_code == 200


def test_openapi_documents_the_bearer_scheme(team: Team) -> None:
    schema = httpx.get(f"{team.base}/openapi.json", timeout=30).json()
    assert schema["components"]["securitySchemes"]["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schema["components"]["securitySchemes"]["bearer"]["description"],
    }
    post = schema["paths"]["/api/articles"]["post"]
    assert post["security"] == [{"bearer": []}]
    assert {"application/json", "application/x-ndjson", "text/html"} <= set(
        post["requestBody"]["content"]
    )
    assert schema["paths"]["/api/documents"]["get"]["security"] == [{"bearer": []}]


def test_writes_are_rate_limited_per_token(tmp_path: Path, extractor: Extractor) -> None:
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    tokens = [new_token(), new_token()]
    with KnowledgeBase.open(url) as kb:
        kb.create_token("one", "write", digest(tokens[0]))
        kb.create_token("two", "write", digest(tokens[1]))
    app = create_app(Settings(db_url=url), Access(writes_per_minute=2), lambda: extractor)
    with running(app) as base, httpx.Client(base_url=base, timeout=30) as client:

        def post(token: str) -> int:
            headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
            return client.post("/api/articles", content="{", headers=headers).status_code

        assert [post(tokens[0]) for _ in range(3)] == [422, 422, 429]
        assert post(tokens[1]) == 422  # another token has its own allowance
        headers = {"Authorization": f"Bearer {tokens[0]}"}
        limited = client.post("/api/articles", content="{", headers=headers)
        assert int(limited.headers["retry-after"]) >= 1
        assert "too many requests for the token 'one'" in limited.json()["error"]
        assert client.get("/api/documents").status_code == 200  # reads open without the flag


def test_the_rate_limiter_refills() -> None:
    limiter = RateLimiter(per_minute=60)
    assert all(limiter.wait_for("a") == 0 for _ in range(60))
    assert limiter.wait_for("a") > 0
    limiter.buckets["a"] = (0.0, time.monotonic() - 2)  # two seconds later: two more
    assert limiter.wait_for("a") == 0 and limiter.wait_for("a") == 0


def test_schemathesis_with_a_write_token_finds_no_server_error(team: Team) -> None:
    """Every operation, the write route included, fuzzed with a valid token: no 500."""
    schema = schemathesis.openapi.from_url(f"{team.base}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert any(op.method.upper() == "POST" and op.path == "/api/articles" for op in operations)
    auth = {"Authorization": f"Bearer {team.write}"}
    for operation in operations:
        examples = 30 if operation.method.upper() == "POST" else 8

        @given(case=operation.as_strategy())
        @settings(
            max_examples=examples,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
            derandomize=True,
        )
        def call(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call(base_url=team.base, headers=auth)
            assert response.status_code < 500, (case.path, case.body, response.text[:200])
            assert response.status_code not in (401, 403), response.text[:200]
            if response.status_code >= 400:
                assert "error" in response.json()

        call()
