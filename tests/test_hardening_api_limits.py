"""Request limits of the API (issue 15, item 4): the token is checked before the body is read, every body is
limited (413), pages are bounded, and a query that runs too long is interrupted.

The large-body tests run a real uvicorn server on loopback and count, on a raw socket, how many bytes the client
could push before the answer came: with small socket buffers on both sides, that is what the server read plus a
few kilobytes in flight."""

from __future__ import annotations

import select
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

import api_support
from wirescope.api import create_app
from wirescope.api.errors import ApiError
from wirescope.api.guards import TimedDatabase
from wirescope.api.ingest import IngestRequest, IngestResult
from wirescope.store import Store

TOKEN = "s3cret-token"
LIMIT = 1_000_000
BUFFER = 16_384  # socket buffers (the kernel doubles them); what is in flight when the answer comes
SLACK = 8 * BUFFER + 65_536


class CountingIngester:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, request: IngestRequest, store: Store) -> IngestResult:
        self.calls += 1
        return IngestResult(received=len(request.texts), stored=[], failed=[])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, CountingIngester]]:
    path = api_support.write_store(tmp_path_factory.mktemp("limits") / "s.duckdb", aggregate=False)
    ingester = CountingIngester()
    app = create_app(path, token=TOKEN, ingester=ingester, max_body_bytes=LIMIT)
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, BUFFER)  # inherited by accepted connections
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    try:
        yield sock.getsockname()[1], ingester
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _push(port: int, head: bytes, total: int) -> tuple[int, bytes]:
    """Send ``head`` then up to ``total`` body bytes, stopping when the server answers or closes; returns the body
    bytes sent and the answer."""
    conn = socket.create_connection(("127.0.0.1", port))
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, BUFFER)
    conn.sendall(head)
    payload = b"x" * 8192
    # Chunked framing when no length is declared: the bytes sent are counted, framing included.
    chunk = payload if b"Content-Length" in head else b"%x\r\n%s\r\n" % (len(payload), payload)
    sent = 0
    answer = b""
    conn.settimeout(2)
    try:
        while sent < total:
            if select.select([conn], [], [], 0)[0]:
                break  # the server has answered (or closed)
            try:
                conn.sendall(chunk)  # whole chunks, so the chunked framing stays valid
            except (TimeoutError, BrokenPipeError, ConnectionResetError):
                break  # the server stopped reading
            sent += len(chunk)
        conn.settimeout(5)
        try:
            while b"\r\n\r\n" not in answer:
                data = conn.recv(65536)
                if not data:
                    break
                answer += data
        except (TimeoutError, ConnectionResetError):
            pass
    finally:
        conn.close()
    return sent, answer


def _head(port: int, length: int | None, token: str | None) -> bytes:
    lines = [b"POST /api/ingest HTTP/1.1", f"Host: 127.0.0.1:{port}".encode(), b"Content-Type: application/json"]
    lines.append(f"Content-Length: {length}".encode() if length is not None else b"Transfer-Encoding: chunked")
    if token:
        lines.append(f"Authorization: Bearer {token}".encode())
    return b"\r\n".join(lines) + b"\r\n\r\n"


def test_an_unauthenticated_large_body_is_refused_before_it_is_read(served: tuple[int, CountingIngester]) -> None:
    port, ingester = served
    for length in (200_000_000, None):  # declared, and chunked
        sent, answer = _push(port, _head(port, length, None), 200_000_000)
        assert answer.startswith(b"HTTP/1.1 401"), answer[:200]
        assert sent <= SLACK, f"the client pushed {sent:,} bytes before the 401"
        sent, answer = _push(port, _head(port, length, "wrong-token"), 200_000_000)
        assert answer.startswith(b"HTTP/1.1 401") and sent <= SLACK, (sent, answer[:200])
    assert ingester.calls == 0


def test_an_authenticated_body_over_the_limit_is_refused_after_at_most_the_limit(
    served: tuple[int, CountingIngester],
) -> None:
    port, ingester = served
    sent, answer = _push(port, _head(port, 200_000_000, TOKEN), 200_000_000)  # declared: refused at once
    assert answer.startswith(b"HTTP/1.1 413") and sent <= SLACK, (sent, answer[:200])
    sent, answer = _push(port, _head(port, None, TOKEN), 200_000_000)  # chunked: counted as it comes
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert LIMIT <= sent <= LIMIT + SLACK, f"the client pushed {sent:,} bytes before the 413"
    assert ingester.calls == 0


def test_a_body_within_the_limit_is_served(served: tuple[int, CountingIngester]) -> None:
    import httpx

    port, ingester = served
    texts = [{"text": "Iran and Oman held talks in Muscat on Monday, officials said. " * 100} for _ in range(100)]
    r = httpx.post(f"http://127.0.0.1:{port}/api/ingest", json={"texts": texts},
                   headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
    assert r.status_code == 200 and r.json()["received"] == 100 and ingester.calls == 1


def test_every_endpoint_has_the_body_limit(tmp_path: Path) -> None:
    path = api_support.write_store(tmp_path / "s.duckdb", aggregate=False)
    with TestClient(create_app(path, max_body_bytes=1_000)) as c:
        for method, url in (("GET", "/api/stats"), ("POST", "/api/articles"), ("POST", "/api/nothing-here")):
            r = c.request(method, url, content=b"x" * 5_000)
            assert r.status_code == 413 and r.json()["code"] == "too_large", (method, url)
        assert c.get("/api/stats").status_code == 200


def test_page_size_is_bounded(tmp_path: Path) -> None:
    path = api_support.write_store(tmp_path / "s.duckdb", aggregate=False)
    with TestClient(create_app(path)) as c:
        assert c.get("/api/articles", params={"limit": 10_001}).status_code == 422
        assert c.get("/api/articles", params={"limit": 10_000}).status_code == 200


def test_a_query_that_runs_too_long_is_interrupted(tmp_path: Path) -> None:
    path = api_support.write_store(tmp_path / "s.duckdb", aggregate=False)
    db = TimedDatabase(path, query_timeout=0.3)
    try:
        started = time.monotonic()
        with pytest.raises(ApiError) as info, db.cursor() as cur:
            cur.execute("SELECT count(*) FROM range(100000000000) a").fetchall()
        assert info.value.status == 503 and info.value.code == "query_timeout"
        assert time.monotonic() - started < 5
        with db.cursor() as cur:  # the next request is not affected
            assert cur.execute("SELECT count(*) FROM articles").fetchone() == (4,)
    finally:
        db.close()
    app = create_app(path, query_timeout=12.5)
    assert isinstance(app.state.db, TimedDatabase) and app.state.db.query_timeout == 12.5
