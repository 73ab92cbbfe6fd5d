"""HttpClient, HTML pages and RSS/Atom feeds against a real HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from loopback import serving
from wirescope.errors import FetchError
from wirescope.ingest.html import read_html
from wirescope.ingest.http import USER_AGENT, HttpClient
from wirescope.ingest.sources import read_inputs
from wirescope.records import Article, Failure

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
Route = tuple[int, str, bytes]


@dataclass
class Server:
    base: str
    routes: dict[str, Route | Callable[[], Route]] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    agents: list[str] = field(default_factory=list)
    active: int = 0
    peak: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


@pytest.fixture
def server() -> Iterator[Server]:
    state = Server(base="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with state.lock:
                state.hits[self.path] = state.hits.get(self.path, 0) + 1
                state.agents.append(self.headers.get("User-Agent", ""))
                state.active += 1
                state.peak = max(state.peak, state.active)
            try:
                route = state.routes.get(self.path)
                status, ctype, body = route() if callable(route) else route or (404, "text/plain", b"not found")
                if self.path.startswith("/slow/"):
                    time.sleep(0.15)
            finally:
                # counted out before the response is sent, so the client cannot start its next request first
                with state.lock:
                    state.active -= 1
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    with serving(httpd):
        yield state


def _fixture(name: str, base: str = "") -> bytes:
    return (FIXTURES / name).read_text(encoding="utf-8").replace("{base}", base).encode("utf-8")


def _html(name: str) -> Route:
    return (200, "text/html; charset=utf-8", _fixture(name))


# The test servers listen on loopback, which the fetcher refuses by default: these tests opt in explicitly, and
# lift the per-host rate limit that would otherwise space their requests to the one local host.
LOCAL: dict[str, object] = {"allow_private_addresses": True, "host_interval": 0.0, "host_concurrency": 8}


def _client(**kwargs: object) -> HttpClient:
    return HttpClient(**{"backoff": 0.01, "timeout": 5.0, **LOCAL, **kwargs})  # type: ignore[arg-type]


class TestHttpClient:
    def test_get_sends_an_honest_user_agent(self, server: Server) -> None:
        server.routes["/a"] = (200, "text/plain; charset=utf-8", b"hello")
        with _client() as client:
            resp = client.get(server.base + "/a")
        assert resp.content == b"hello" and resp.status == 200 and resp.content_type == "text/plain"
        assert server.agents and set(server.agents) == {USER_AGENT}  # robots.txt is asked for with it too
        assert USER_AGENT.startswith("wirescope/") and "+https://github.com/wirescope" in USER_AGENT

    def test_retries_5xx_and_429_with_backoff_then_succeeds(self, server: Server) -> None:
        answers = iter([(503, "text/plain", b"busy"), (429, "text/plain", b"slow down"),
                        (200, "text/plain", b"finally")])
        server.routes["/flaky"] = lambda: next(answers)
        delays: list[float] = []
        with _client(backoff=0.5, retries=3, sleep=delays.append) as client:
            assert client.get(server.base + "/flaky").content == b"finally"
        assert server.hits["/flaky"] == 3
        assert delays == [0.5, 1.0]  # exponential

    def test_gives_up_after_retries(self, server: Server) -> None:
        server.routes["/down"] = (500, "text/plain", b"broken")
        with _client(retries=2, sleep=lambda _: None) as client, pytest.raises(FetchError) as info:
            client.get(server.base + "/down")
        assert server.hits["/down"] == 3
        assert info.value.item == server.base + "/down" and "HTTP 500" in info.value.reason
        assert "3 attempts" in info.value.reason

    def test_404_is_not_retried(self, server: Server) -> None:
        with _client() as client, pytest.raises(FetchError, match="HTTP 404"):
            client.get(server.base + "/nothing")
        assert server.hits["/nothing"] == 1

    def test_size_cap(self, server: Server) -> None:
        server.routes["/big"] = (200, "text/html", b"x" * 5000)
        with _client(max_bytes=1000) as client, pytest.raises(FetchError, match="over the 1,000-byte limit"):
            client.get(server.base + "/big")

    def test_connection_refused_is_retried_then_reported(self) -> None:
        import socket

        with socket.socket() as sock:  # a port nobody listens on
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        delays: list[float] = []
        with _client(retries=2, backoff=0.1, sleep=delays.append) as client, pytest.raises(FetchError) as info:
            client.get(f"http://127.0.0.1:{port}/")
        assert "ConnectError" in info.value.reason and delays == [0.1, 0.2]

    def test_bounded_concurrency_and_order(self, server: Server) -> None:
        for i in range(8):
            server.routes[f"/slow/{i}"] = (200, "text/plain", str(i).encode())
        urls = [f"{server.base}/slow/{i}" for i in range(8)] + [server.base + "/missing"]
        with _client(concurrency=3) as client:
            results = list(client.get_many(urls))
        assert [u for u, _ in results] == urls
        assert [r.content for _, r in results[:8] if not isinstance(r, FetchError)] == [str(i).encode()
                                                                                       for i in range(8)]
        assert isinstance(results[8][1], FetchError)
        assert 1 < server.peak <= 3

    def test_transport_injection(self) -> None:
        seen: list[str] = []

        def handler(request: httpx.Request) -> httpx.Response:
            seen.append(str(request.url))
            return httpx.Response(200, content=b"<p>mock</p>", headers={"content-type": "text/html"})

        with HttpClient(transport=httpx.MockTransport(handler)) as client:
            assert client.get("https://news.example/x").content == b"<p>mock</p>"
        assert seen == ["https://news.example/robots.txt", "https://news.example/x"]  # robots.txt first

    def test_refuses_other_schemes(self) -> None:
        with _client() as client, pytest.raises(FetchError, match="not an http"):
            client.get("file:///etc/passwd")

    def test_invalid_url_is_a_fetch_error(self) -> None:
        with _client() as client:
            [(_url, result)] = list(client.get_many(["http://[::1"]))
        assert isinstance(result, FetchError) and "invalid URL" in result.reason


class TestHtml:
    def test_article_page(self) -> None:
        html = _fixture("article.html").decode()
        article = read_html(html, "page.html")
        assert isinstance(article, Article)
        assert article.title == "Ceasefire talks resume in Geneva after three-month pause"
        assert (article.published, article.published_source) == (date(2021, 3, 14), "html")
        assert article.author == "Maria Okafor" and article.source == "The Daily Ledger"
        assert "unarmed observers" in article.text and "All rights reserved" not in article.text
        assert "Business" not in article.text  # navigation is not article text
        assert article.language == "en" and article.raw == html and article.input_format == "html"

    def test_page_without_date_has_unknown_date(self) -> None:
        article = read_html(_fixture("article_nodate.html").decode(), "p.html")
        assert isinstance(article, Article)
        assert article.published is None and article.published_source == "unknown"

    def test_no_article(self) -> None:
        failure = read_html(_fixture("no_article.html").decode(), "login.html")
        assert isinstance(failure, Failure) and failure.item == "login.html"
        assert "no article text" in failure.reason


class TestFeeds:
    def _serve_pages(self, server: Server) -> None:
        server.routes["/world/ceasefire.html"] = _html("article.html")
        server.routes["/business/port-strike.html"] = _html("article_nodate.html")
        server.routes["/login.html"] = _html("no_article.html")
        server.routes["/feed.rss"] = (200, "application/rss+xml", _fixture("feed_rss.xml", server.base))
        server.routes["/atom.xml"] = (200, "application/atom+xml", _fixture("feed_atom.xml", server.base))

    def _check_rss_results(self, server: Server, results: list[Article | Failure]) -> None:
        articles = [r for r in results if isinstance(r, Article)]
        failures = {r.item: r.reason for r in results if isinstance(r, Failure)}
        by_url = {a.input: a for a in articles}
        ceasefire = by_url[server.base + "/world/ceasefire.html"]
        assert ceasefire.input_format == "feed" and ceasefire.url == server.base + "/world/ceasefire.html"
        assert ceasefire.title == "Ceasefire talks resume in Geneva after three-month pause"  # the page's own
        assert (ceasefire.published, ceasefire.published_source) == (date(2021, 3, 14), "html")
        port = by_url[server.base + "/business/port-strike.html"]
        assert (port.published, port.published_source) == (date(2021, 3, 16), "feed")  # page lacks a date
        assert port.source == "Daily Ledger World"  # the feed's title when the page names no site
        assert set(failures) == {server.base + "/login.html", server.base + "/gone.html"}
        assert "no article text" in failures[server.base + "/login.html"]
        assert "HTTP 404" in failures[server.base + "/gone.html"]

    def test_rss_from_a_url(self, server: Server) -> None:
        self._serve_pages(server)
        with _client() as client:
            results = list(read_inputs([server.base + "/feed.rss"], client=client))
        self._check_rss_results(server, results)

    def test_rss_from_a_file_pages_fetched_with_the_client(self, server: Server, tmp_path: Path) -> None:
        self._serve_pages(server)
        path = tmp_path / "world.rss"
        path.write_bytes(_fixture("feed_rss.xml", server.base))
        with _client() as client:
            results = list(read_inputs([str(path)], client=client))
        self._check_rss_results(server, results)
        assert server.hits.get("/feed.rss") is None

    def test_gzipped_atom_file(self, server: Server, tmp_path: Path) -> None:
        self._serve_pages(server)
        path = tmp_path / "business.atom.gz"
        path.write_bytes(gzip.compress(_fixture("feed_atom.xml", server.base)))
        with _client() as client:
            [article] = list(read_inputs([str(path)], client=client))
        assert isinstance(article, Article) and article.title == "Port workers end strike"
        assert article.published == date(2021, 3, 16) and article.source == "Ledger Business"

    def test_html_url_and_a_dead_url(self, server: Server) -> None:
        self._serve_pages(server)
        with _client() as client:
            results = list(read_inputs([server.base + "/world/ceasefire.html", server.base + "/nope"],
                                       client=client))
        assert isinstance(results[0], Article) and results[0].input_format == "html"
        assert results[0].url == server.base + "/world/ceasefire.html"
        assert isinstance(results[1], Failure) and "HTTP 404" in results[1].reason


def test_url_to_json_lines_and_plain_text(server: Server) -> None:
    body = "Officials said on Friday that the talks would resume next week in Geneva after a pause of several months."
    server.routes["/export"] = (200, "application/x-ndjson", (json.dumps({"text": body}) + "\n").encode())
    server.routes["/story.txt"] = (200, "text/plain; charset=utf-8", f"Date: 2021-03-14\nHeadline\n\n{body}".encode())
    with _client() as client:
        results = list(read_inputs([server.base + "/export", server.base + "/story.txt"], client=client))
    assert [type(r).__name__ for r in results] == ["Article", "Article"]
    first, second = results
    assert isinstance(first, Article) and first.input == server.base + "/export:1" and first.text == body
    assert isinstance(second, Article) and second.title == "Headline" and second.published == date(2021, 3, 14)


def test_many_url_inputs_are_fetched_concurrently_and_read_in_order(server: Server) -> None:
    urls = []
    for i in range(6):
        server.routes[f"/slow/{i}.html"] = _html("article.html" if i % 2 else "article_nodate.html")
        urls.append(f"{server.base}/slow/{i}.html")
    with _client(concurrency=3) as client:
        results = list(read_inputs(urls, client=client))
    assert [r.input for r in results if isinstance(r, Article)] == urls
    assert 1 < server.peak <= 3


def test_feed_without_items_or_links(tmp_path: Path) -> None:
    empty = tmp_path / "empty.rss"
    empty.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>',
                     encoding="utf-8")
    relative = tmp_path / "relative.rss"
    relative.write_text('<rss version="2.0"><channel><title>R</title><item><title>Local story</title>'
                        "<link>/story.html</link></item></channel></rss>", encoding="utf-8")
    with _client() as client:
        results = list(read_inputs([str(empty), str(relative)], client=client))
    assert [(r.item, "has no items" in r.reason or "no http(s) link" in r.reason)
            for r in results if isinstance(r, Failure)] == [(str(empty), True), (str(relative), True)]
    assert len(results) == 2
