"""What every request meets before any route runs, and the cost limit of every query.

``RequestGuard`` is plain ASGI wrapped around the whole application, so it acts before FastAPI reads a body
(FastAPI reads the body before it runs a route's dependencies, so a token dependency alone would check the token
only after a 200 MB upload had been read):

1. the Host header must be one of the allowed names (a DNS-rebinding page in a browser sends its own host name);
2. a protected route (``POST /api/ingest``) without the right bearer token is answered 401 before the body is read;
3. a declared ``Content-Length`` over the limit is answered 413 before a byte of the body is read;
4. the body is read up to the limit and no further (chunked uploads included): one byte over is a 413.

``TimedDatabase`` interrupts a request's queries after ``query_timeout`` seconds (a 503 that says so), so no
filter combination can hold the store for long.
"""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import Awaitable, Callable, Iterator, MutableMapping, Sequence
from contextlib import contextmanager
from typing import Any

import duckdb

from .db import Database
from .errors import ApiError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Large enough for a client to hand the server articles in chunks (500 texts of 60,000 characters, or one text at
# the 5,000,000-character analysis limit with room for JSON escapes), small enough that a stranger's upload
# cannot cost the server much: it is refused after at most this many bytes.
DEFAULT_MAX_BODY = 32 * 1024 * 1024
DEFAULT_QUERY_TIMEOUT = 30.0
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")


class RequestGuard:
    """ASGI middleware: Host allow-list, body-size limit, bearer token checked before the body (module docstring).

    ``allowed_hosts`` None accepts any Host header (the app embedded behind another server); ``protected`` maps
    ``(method, path)`` to the token that route needs.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body: int = DEFAULT_MAX_BODY,
        allowed_hosts: Sequence[str] | None = None,
        protected: dict[tuple[str, str], str] | None = None,
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = None if allowed_hosts is None else {h.lower() for h in allowed_hosts}
        self.protected = protected or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _reply(send, *refusal)
            return
        body, more = await self._read_body(receive)
        if more:
            await _reply(send, 413, "too_large", f"the request body is over the {self.max_body:,}-byte limit; "
                         "send the articles in smaller chunks")
            return
        await self.app(scope, _replay(body, receive), send)

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str, str] | None:
        if self.allowed_hosts is not None:
            host = _host_name(headers.get("host", ""))
            if host not in self.allowed_hosts and "*" not in self.allowed_hosts:
                return 400, "bad_host", (
                    f"the Host header {headers.get('host', '')[:100]!r} is not one this server answers to; "
                    "start it with --allowed-host NAME to add one")
        token = self.protected.get((scope.get("method", ""), scope.get("path", "")))
        if token is not None:
            given = headers.get("authorization", "").removeprefix("Bearer ").strip()
            if not given or not hmac.compare_digest(given.encode(), token.encode()):
                return 401, "unauthorized", (f"{scope.get('method')} {scope.get('path')} needs the header "
                                             "'Authorization: Bearer <token>' with the token the server was "
                                             "started with (--token)")
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                return 400, "bad_request", "the Content-Length header is not a number"
            if int(declared) > self.max_body:
                return 413, "too_large", (f"the request body of {int(declared):,} bytes is over the "
                                          f"{self.max_body:,}-byte limit; send the articles in smaller chunks")
        return None

    async def _read_body(self, receive: Receive) -> tuple[list[Message], bool]:
        """The body's messages, read up to the limit; the flag says the body goes on past it (not read further)."""
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                return messages, False
            size += len(message.get("body", b""))
            if size > self.max_body:
                return messages, True
            if not message.get("more_body", False):
                return messages, False


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay


async def _reply(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"code": code, "message": message}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close")]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _host_name(header: str) -> str:
    """The host of a Host header without its port: ``[::1]:8000`` -> ``[::1]``, ``Example.org:80`` ->
    ``example.org``."""
    header = header.strip().lower()
    if header.startswith("["):
        end = header.find("]")
        return header[: end + 1] if end > 0 else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class TimedDatabase(Database):
    """A ``Database`` whose request cursors are interrupted after ``query_timeout`` seconds (None: no limit)."""

    def __init__(self, *args: Any, query_timeout: float | None = DEFAULT_QUERY_TIMEOUT, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.query_timeout = query_timeout

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with super().cursor() as cur:
            if not self.query_timeout:
                yield cur
                return
            fired = threading.Event()

            def interrupt() -> None:
                fired.set()
                cur.interrupt()

            timer = threading.Timer(self.query_timeout, interrupt)
            timer.daemon = True
            timer.start()
            try:
                yield cur
            except duckdb.Error as exc:
                if fired.is_set():
                    message = (f"the query ran longer than the server's limit of {self.query_timeout:g} s; "
                               "narrow the filters or page with a smaller limit")
                    raise ApiError(503, "query_timeout", message) from exc
                raise
            finally:
                timer.cancel()
