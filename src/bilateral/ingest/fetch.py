"""Fetching web pages and feeds politely: httpx with timeouts, a size limit, a bounded number
of redirects (each hop checked against robots.txt), the content type checked, and a
User-Agent that names bilateral. A problem becomes an IngestFailure naming the URL and why.

What to fetch with is a FetchPolicy, set by the caller for the time of an ingest with
`fetching(policy)`; the sources below read it, so the pipeline passes only paths.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from email.message import Message
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from bilateral.model import IngestFailure

AGENT_TOKEN = "bilateral"  # the name a robots.txt addresses us by
USER_AGENT = (
    f"{AGENT_TOKEN}/0.1 (a knowledge base of news on bilateral relations; respects robots.txt)"
)
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
ROBOTS_BYTES = 512 * 1024
ROBOTS_SECONDS = 24 * 3600  # RFC 9309: a robots.txt is kept at most a day (a watch runs longer)


@dataclass(frozen=True)
class FetchPolicy:
    """How the network is used. offline: nothing is fetched (URLs fail, feeds use summaries)."""

    offline: bool = False
    timeout: float = 15.0  # seconds to connect, and between two reads
    deadline: float = 60.0  # seconds for a whole response, so a trickling server cannot hold us
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    respect_robots: bool = True


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str  # the media type alone, lower case
    charset: str | None
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


_policy: ContextVar[FetchPolicy | None] = ContextVar("bilateral_fetch_policy", default=None)


def current_policy() -> FetchPolicy:
    return _policy.get() or FetchPolicy()


@contextmanager
def fetching(policy: FetchPolicy) -> Iterator[None]:
    """Sources read in this block (in this thread or task) are fetched under `policy`."""
    token = _policy.set(policy)
    try:
        yield
    finally:
        _policy.reset(token)


def is_url(value: object) -> bool:
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def media_type(header: str | None) -> tuple[str, str | None]:
    """("text/html", "utf-8") from "text/html; charset=UTF-8"."""
    if not header:
        return "", None
    message = Message()
    message["content-type"] = header
    charset = message.get_param("charset")
    return message.get_content_type().lower(), str(charset).lower() if charset else None


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def describe(exc: Exception, policy: FetchPolicy) -> str:
    """An httpx error as the end of a sentence."""
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out (no answer within {policy.timeout:g} s)."
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect ({exc or 'connection refused'})."
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the server broke the connection ({exc})."
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return f"not a URL that can be fetched ({exc})."
    return f"could not be fetched ({exc or type(exc).__name__})."


class _TooBig(Exception):
    pass


class _TooSlow(Exception):
    pass


class Fetcher:
    """One HTTP client and the robots.txt files it has read; use it as a context manager."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or current_policy()
        self._client: httpx.Client | None = None
        self._robots: dict[str, tuple[float, RobotFileParser | IngestFailure]] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def client(self) -> httpx.Client:
        if self._client is None:  # made on first use: reading files needs none
            self._client = httpx.Client(
                timeout=httpx.Timeout(self.policy.timeout),
                follow_redirects=False,
                headers={"User-Agent": self.policy.user_agent},
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    # robots.txt (RFC 9309): 4xx means no rules; 5xx or unreachable means keep out
    def _rules(self, url: str) -> RobotFileParser | IngestFailure:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        kept = self._robots.get(origin)
        if kept is None or time.monotonic() - kept[0] > ROBOTS_SECONDS:
            robots_url = f"{origin}/robots.txt"
            parser = RobotFileParser(robots_url)
            found: RobotFileParser | IngestFailure = parser
            try:
                response = self._get(robots_url, {}, ROBOTS_BYTES)
                status, body = response[0], response[2]
                if status >= 500:
                    found = IngestFailure(
                        url, f"its robots.txt answered {status}, so the site is left alone."
                    )
                elif 400 <= status < 500:
                    parser.parse([])
                elif 300 <= status < 400:
                    parser.parse([])  # not followed: treated as no rules
                else:
                    parser.parse(body.decode("utf-8", errors="replace").splitlines())
            except httpx.HTTPError as exc:
                found = IngestFailure(url, f"its robots.txt {describe(exc, self.policy)}")
            except _TooSlow:
                found = IngestFailure(url, "its robots.txt timed out.")
            except _TooBig:
                parser.parse([])  # a robots.txt that large is not a real one
            self._robots[origin] = (time.monotonic(), found)
        return self._robots[origin][1]

    def allowed(self, url: str) -> IngestFailure | None:
        if not self.policy.respect_robots:
            return None
        rules = self._rules(url)
        if isinstance(rules, IngestFailure):
            return rules
        if not rules.can_fetch(AGENT_TOKEN, url):
            return IngestFailure(url, "its robots.txt does not allow bilateral to fetch it.")
        return None

    def _get(
        self, url: str, headers: dict[str, str], limit: int
    ) -> tuple[int, httpx.Headers, bytes]:
        """One request, the body read up to `limit` bytes and within the deadline."""
        started = time.monotonic()
        with self.client.stream("GET", url, headers=headers) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise _TooBig(int(declared))
            chunks, total = [], 0
            for chunk in response.iter_bytes():
                total += len(chunk)
                if total > limit:
                    raise _TooBig(total)
                if time.monotonic() - started > self.policy.deadline:
                    raise _TooSlow()
                chunks.append(chunk)
            return response.status_code, response.headers, b"".join(chunks)

    def fetch(
        self,
        url: str,
        accept: tuple[str, ...] = PAGE_TYPES + FEED_TYPES,
        headers: dict[str, str] | None = None,
    ) -> Fetched | IngestFailure:
        """The response to `url` after at most max_redirects redirects, or why there is none.
        A 304 (not modified) is returned as it is, with an empty body."""
        if self.policy.offline:
            return IngestFailure(url, "not fetched: working offline.")
        if not is_url(url):
            return IngestFailure(url, "not an http or https URL.")
        current = url
        for _ in range(self.policy.max_redirects + 1):
            if not is_url(current):
                return IngestFailure(url, f"redirected to {current!r}, which is not http(s).")
            refused = self.allowed(current)
            if refused is not None:
                return IngestFailure(url, refused.reason)
            try:
                status, got, body = self._get(current, headers or {}, self.policy.max_bytes)
            except _TooBig as exc:
                return IngestFailure(
                    url,
                    f"the response is {_size(int(exc.args[0]))} or more, over the "
                    f"{_size(self.policy.max_bytes)} limit.",
                )
            except _TooSlow:
                return IngestFailure(
                    url, f"timed out (the response took over {self.policy.deadline:g} s)."
                )
            except httpx.HTTPError as exc:
                return IngestFailure(url, describe(exc, self.policy))
            if status in (301, 302, 303, 307, 308):
                location = got.get("location")
                if not location:
                    return IngestFailure(url, f"answered {status} without saying where to go.")
                current = urljoin(current, location)
                continue
            if status == 304:
                return Fetched(url, current, status, "", None, b"", dict(got))
            if status >= 400:
                return IngestFailure(url, f"the server answered {status} {_reason(status)}.")
            kind, charset = media_type(got.get("content-type"))
            if kind not in accept:
                return IngestFailure(
                    url,
                    f"the server sent {kind or 'no content type'}, not "
                    f"{'a web page' if set(accept) <= set(PAGE_TYPES) else 'a web page or feed'}.",
                )
            return Fetched(url, current, status, kind, charset, body, dict(got))
        return IngestFailure(url, f"more than {self.policy.max_redirects} redirects.")


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "(an unknown status)"
