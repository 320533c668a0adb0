"""A small web site the tests start on 127.0.0.1 (an ephemeral port): pages, feeds, robots.txt,
a slow endpoint and a broken one. Nothing the tests fetch leaves the machine."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering: a slow endpoint
    broken: bool = False  # promise a body, send part of it, hang up


Route = Reply | Callable[[BaseHTTPRequestHandler], Reply]


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[tuple[str, str]] = Counter()  # (method, path)
        self.agents: set[str] = set()
        self.server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, html: str, **options: object) -> None:
        self.routes[path] = Reply(html.encode("utf-8"), **options)  # type: ignore[arg-type]

    def handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, with_body: bool) -> None:
                path = self.path.split("?", 1)[0]
                site.hits[(self.command, path)] += 1
                site.agents.add(self.headers.get("User-Agent", ""))
                route = site.routes.get(path)
                if route is None:
                    reply = Reply(b"not here", "text/plain", 404)
                elif callable(route):
                    reply = route(self)
                else:
                    reply = route
                if reply.delay:
                    time.sleep(reply.delay)
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                length = len(reply.body) * (2 if reply.broken else 1)
                self.send_header("Content-Length", str(length))
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                if with_body:
                    self.wfile.write(reply.body)
                if reply.broken:
                    self.wfile.flush()
                    self.close_connection = True

            def do_GET(self) -> None:
                self._answer(True)

            def do_HEAD(self) -> None:
                self._answer(False)

            def log_message(self, *args: object) -> None:
                pass

        return Handler


@contextmanager
def serving(site: Site) -> Iterator[Site]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), site.handler())
    server.daemon_threads = True
    site.server = server
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def article_html(title: str, paragraphs: list[str], published: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title>{meta}</head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
        "<footer>All rights reserved.</footer></body></html>"
    )


def rss(title: str, items: list[dict[str, str]]) -> bytes:
    entries = "".join(
        "<item>"
        + "".join(f"<{k}>{v}</{k}>" for k, v in item.items() if k != "content")
        + (
            f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>"
            if "content" in item
            else ""
        )
        + "</item>"
        for item in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{title}</title><link>http://127.0.0.1/</link>"
        f"<description>Test feed</description>{entries}</channel></rss>"
    ).encode()


def made_up_page(i: int, published: str | None = None) -> str:
    """A page around one of tests.articles' made-up articles."""
    from tests.articles import article

    title, *paragraphs = article(i).split("\n\n")
    return article_html(title, paragraphs, published)
