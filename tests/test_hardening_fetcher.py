"""The fetcher is bounded and polite (issue 15, item 6): a total deadline per fetch, robots.txt honoured (cached
per host, the ``wirescope`` user agent token, an opt-out), a per-host rate and concurrency limit, and Retry-After
respected. Every server here is this test's own, on 127.0.0.1 (the tests opt in to loopback addresses)."""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from typing import Any

import pytest

from loopback import serving
from wirescope.errors import FetchError
from wirescope.ingest.http import HttpClient

Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Site:
    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[float, str, str]] = field(default_factory=list)  # (time, path, user agent)
    active: int = 0
    peak: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def paths(self) -> list[str]:
        return [p for _, p, _ in self.log]


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes = b"ok", headers: dict[str, str] | None = None,
         *, delay: float = 0.0) -> None:
    if delay:
        time.sleep(delay)
    handler.send_response(status)
    for name, value in {"Content-Type": "text/plain", "Content-Length": str(len(body)), **(headers or {})}.items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site(base="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with state.lock:
                state.log.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
                state.active += 1
                state.peak = max(state.peak, state.active)
            try:
                route = state.routes.get(self.path)
                if route is None:
                    send(self, 404, b"not found")
                else:
                    route(self)
            finally:
                with state.lock:
                    state.active -= 1

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    with serving(httpd):
        yield state


def _client(**kwargs: Any) -> HttpClient:
    options: dict[str, Any] = {"allow_private_addresses": True, "host_interval": 0.0, "timeout": 5.0,
                               "backoff": 0.01, **kwargs}
    return HttpClient(**options)


def test_a_slow_drip_server_cannot_hold_a_fetch_past_its_deadline(site: Site) -> None:
    def drip(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        handler.send_header("Content-Length", "100")
        handler.end_headers()
        try:
            for _ in range(100):  # one byte every 0.3 s: each read is quick, the whole would take 30 s
                handler.wfile.write(b"x")
                handler.wfile.flush()
                time.sleep(0.3)
        except OSError:
            pass

    site.routes["/drip"] = drip
    started = time.monotonic()
    with _client(deadline=1.5, retries=3) as client, pytest.raises(FetchError) as info:
        client.get(site.base + "/drip")
    elapsed = time.monotonic() - started
    assert "deadline" in info.value.reason and elapsed < 3.5, (elapsed, info.value.reason)
    assert site.paths().count("/drip") == 1  # not retried past the deadline


def test_slow_headers_are_bounded_too(site: Site) -> None:
    site.routes["/late"] = lambda h: send(h, 200, delay=3.0)
    started = time.monotonic()
    with _client(deadline=1.0, timeout=10.0) as client, pytest.raises(FetchError, match="deadline"):
        client.get(site.base + "/late")
    assert time.monotonic() - started < 2.5


ROBOTS = b"""# test rules
User-agent: *
Disallow: /everyone-out/

User-agent: wirescope
Disallow: /private/
Allow: /
"""


def test_robots_txt_is_honoured_and_cached_per_host(site: Site) -> None:
    site.routes["/robots.txt"] = lambda h: send(h, 200, ROBOTS)
    for path in ("/public", "/private/doc", "/everyone-out/x", "/go-private"):
        site.routes[path] = lambda h: send(h, 200, b"page")
    site.routes["/go-private"] = lambda h: send(h, 302, b"", {"Location": "/private/moved"})
    with _client() as client:
        assert client.get(site.base + "/public").content == b"page"
        assert client.get(site.base + "/everyone-out/x").content == b"page"  # our own group allows it
        with pytest.raises(FetchError) as info:
            client.get(site.base + "/private/doc")
        assert "disallowed by" in info.value.reason and "robots.txt" in info.value.reason
        assert "--ignore-robots-txt" in info.value.reason
        with pytest.raises(FetchError, match="redirected to"):
            client.get(site.base + "/go-private")  # a redirect hop is checked too
    assert site.paths().count("/robots.txt") == 1  # read once for the host
    assert "/private/doc" not in site.paths() and "/private/moved" not in site.paths()
    assert all(agent.startswith("wirescope/") for _, _, agent in site.log)


def test_robots_txt_opt_out_for_ones_own_feeds(site: Site) -> None:
    site.routes["/robots.txt"] = lambda h: send(h, 200, b"User-agent: *\nDisallow: /\n")
    site.routes["/mine"] = lambda h: send(h, 200, b"page")
    with _client() as client, pytest.raises(FetchError, match=r"robots\.txt"):
        client.get(site.base + "/mine")
    with _client(respect_robots_txt=False) as client:
        assert client.get(site.base + "/mine").content == b"page"
    assert site.paths() == ["/robots.txt", "/mine"]


def test_a_missing_robots_txt_allows_and_a_broken_one_is_retried(site: Site) -> None:
    site.routes["/page"] = lambda h: send(h, 200, b"page")
    with _client() as client:
        assert client.get(site.base + "/page").content == b"page"  # 404 robots.txt: everything allowed
    answers = iter([503, 200])
    site.routes["/robots.txt"] = lambda h: send(h, next(answers), b"User-agent: *\nAllow: /\n")
    with _client(retries=2) as client:
        assert client.get(site.base + "/page").content == b"page"
    assert site.paths()[-3:] == ["/robots.txt", "/robots.txt", "/page"]


def test_requests_to_one_host_are_spaced_and_bounded(site: Site) -> None:
    for i in range(6):
        site.routes[f"/p{i}"] = lambda h: send(h, 200, b"page", delay=0.05)
    with _client(host_interval=0.2, concurrency=4, respect_robots_txt=False) as client:
        results = list(client.get_many([f"{site.base}/p{i}" for i in range(6)]))
    assert all(not isinstance(r, FetchError) for _, r in results)
    starts = sorted(t for t, p, _ in site.log if p.startswith("/p"))
    gaps = [b - a for a, b in pairwise(starts)]
    assert min(gaps) >= 0.18, gaps  # never two starts closer than the interval
    site.log.clear()
    site.peak = 0
    for i in range(6):
        site.routes[f"/s{i}"] = lambda h: send(h, 200, b"page", delay=0.2)
    with _client(host_concurrency=2, concurrency=6, respect_robots_txt=False) as client:
        list(client.get_many([f"{site.base}/s{i}" for i in range(6)]))
    assert site.peak == 2  # six workers, two at a time on the one host


def test_the_defaults_are_polite(site: Site) -> None:
    for i in range(5):
        site.routes[f"/d{i}"] = lambda h: send(h, 200, b"page")
    started = time.monotonic()
    with HttpClient(allow_private_addresses=True, concurrency=8) as client:
        list(client.get_many([f"{site.base}/d{i}" for i in range(5)]))
    # robots.txt and five pages, at most two a second: the audit saw 35 requests to one host in a second
    assert time.monotonic() - started >= 2.4 and site.peak <= 2


def test_retry_after_in_seconds_is_waited_out(site: Site) -> None:
    answers = iter([(503, {"Retry-After": "2"}), (200, {})])

    def flaky(h: BaseHTTPRequestHandler) -> None:
        status, headers = next(answers)
        send(h, status, b"x", headers)

    site.routes["/busy"] = flaky
    delays: list[float] = []
    with _client(sleep=delays.append, respect_robots_txt=False) as client:
        assert client.get(site.base + "/busy").content == b"x"
    assert delays == [2.0]


def test_retry_after_holds_back_the_whole_host(site: Site) -> None:
    answers = iter([(429, {"Retry-After": "1"}), (200, {})])

    def limited(h: BaseHTTPRequestHandler) -> None:
        status, headers = next(answers)
        send(h, status, b"x", headers)

    site.routes["/limited"] = limited
    started = time.monotonic()
    with _client(sleep=lambda _: None, respect_robots_txt=False) as client:  # even without the retry's own wait
        assert client.get(site.base + "/limited").content == b"x"
    times = [t for t, p, _ in site.log if p == "/limited"]
    assert times[1] - times[0] >= 0.95 and time.monotonic() - started >= 0.95


def test_retry_after_as_a_date_and_too_long(site: Site) -> None:
    when = email.utils.formatdate(time.time() + 3, usegmt=True)
    answers = iter([(503, {"Retry-After": when}), (200, {})])

    def dated(h: BaseHTTPRequestHandler) -> None:
        status, headers = next(answers)
        send(h, status, b"x", headers)

    site.routes["/dated"] = dated
    site.routes["/later"] = lambda h: send(h, 503, b"x", {"Retry-After": "3600"})
    delays: list[float] = []
    with _client(sleep=delays.append, respect_robots_txt=False) as client:
        assert client.get(site.base + "/dated").content == b"x"
        assert len(delays) == 1 and 1.0 <= delays[0] <= 3.0
        with pytest.raises(FetchError, match="retry after 3600 s"):
            client.get(site.base + "/later")
    assert site.paths().count("/later") == 1  # not asked again early
