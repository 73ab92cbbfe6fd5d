"""The command line against a store that `wirescope serve` holds: through the server's API, over loopback.

A server that writes (``--token`` or ``--watch``) holds its DuckDB file so that no other process may open it, not
even to read. It therefore leaves a *server file* beside the store (``STORE.server.json``: host, port, pid, whether
the write endpoints are on; never the token; mode 0600) and removes it on exit. A command that cannot open the store
looks for that file; when its pid is alive, listings are read from the API's GET endpoints, `ingest` posts to
``POST /api/ingest`` and `aggregate` to ``POST /api/aggregate`` with the token (``--token`` or ``WIRESCOPE_TOKEN``).
A server file whose process is gone (a server killed with SIGKILL) is ignored.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from ..records import Article, Failure
from .common import fail

PAGE = 1000  # rows per listing request (the API's largest page)
POST_ITEMS = 200  # texts per POST /api/ingest (the server takes up to 500)
POST_BYTES = 8_000_000  # bytes of text per post (the server's default body limit is 32 MiB)
TIMEOUT = 600.0  # seconds: an ingest of a large batch or a rebuild of the aggregates takes minutes


def server_file(db: Path) -> Path:
    return db.with_name(db.name + ".server.json")


@dataclass(frozen=True, slots=True)
class ServerInfo:
    """What a server file says: where the server listens, its process, whether it takes writes."""

    host: str
    port: int
    pid: int
    writes: bool = False

    @property
    def base_url(self) -> str:
        host = self.host.strip("[]")
        if host in ("0.0.0.0", ""):  # listening everywhere: loopback reaches it
            host = "127.0.0.1"
        elif host == "::":
            host = "::1"
        return f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"

    def describe(self) -> str:
        return f"`wirescope serve` on {self.base_url.removeprefix('http://')} (pid {self.pid})"


def write_server_file(db: Path, host: str, port: int, *, writes: bool) -> Path:
    """Announce this process as the server of ``db`` (readable by its owner only)."""
    path = server_file(db)
    data = json.dumps({"host": host, "port": port, "pid": os.getpid(), "writes": writes})
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(data + "\n")
    return path


def remove_server_file(db: Path) -> None:
    """Remove the server file if it is this process's (a later server may have replaced it)."""
    path = server_file(db)
    found = _read(path)
    if found is not None and found.pid == os.getpid():
        with contextlib.suppress(OSError):
            path.unlink()


def find_server(db: Path) -> ServerInfo | None:
    """The live server of ``db``, or None (no server file, an unreadable one, or one whose process is gone)."""
    found = _read(server_file(db))
    return found if found is not None and _alive(found.pid) else None


def _read(path: Path) -> ServerInfo | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ServerInfo(str(data["host"]), int(data["port"]), int(data["pid"]), bool(data.get("writes")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


class Remote:
    """A small client of the server's API; every problem is a one-line error that says what to do."""

    def __init__(self, info: ServerInfo, token: str | None = None) -> None:
        self.info = info
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.client = httpx.Client(base_url=info.base_url, headers=headers, timeout=TIMEOUT, trust_env=False)

    def __enter__(self) -> Remote:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    def get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        return self._answer(lambda: self.client.get(path, params=_params(params)), path)

    def post(self, path: str, body: dict[str, Any]) -> Any:
        return self._answer(lambda: self.client.post(path, json=body), path)

    def rows(self, path: str, params: dict[str, Any] | None = None, limit: int | None = None, *,
             keep: Callable[[dict[str, Any]], bool] | None = None) -> list[dict[str, Any]]:
        """The rows of a listing endpoint, following its pages up to ``limit`` rows (None: all); with ``keep``,
        only the rows it accepts count (a filter the API lacks, applied here page by page)."""
        return list(self._pages(path, params or {}, limit, keep))

    def _pages(self, path: str, params: dict[str, Any], limit: int | None,
               keep: Callable[[dict[str, Any]], bool] | None = None) -> Iterator[dict[str, Any]]:
        cursor: str | None = None
        left = limit
        while left is None or left > 0:
            size = PAGE if keep is not None else min(PAGE, left or PAGE)
            page = self.get(path, {**params, "limit": size, "cursor": cursor})
            items = page.get("items", [])
            kept = [r for r in items if keep(r)] if keep is not None else items
            if left is not None:
                kept = kept[:left]
                left -= len(kept)
            yield from kept
            cursor = page.get("next_cursor")
            if not cursor or not items:
                return

    def _answer(self, send: Any, path: str) -> Any:
        try:
            response = send()
        except httpx.TransportError as exc:
            fail(f"the store is held by {self.info.describe()}, which cannot be reached ({exc}); wait for it to "
                 "start or stop it")
        if response.status_code >= 400:
            try:
                message = response.json().get("message") or response.text
            except ValueError:
                message = response.text
            fail(f"{self.info.describe()} answered {response.status_code} to {path}: {str(message)[:500]}")
        return response.json()


def _params(params: dict[str, Any] | None) -> dict[str, Any]:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in (params or {}).items() if v is not None}


def held_message(info: ServerInfo, what: str) -> str:
    """Why a command cannot open a store a server holds, and what to do."""
    if what in ("ingest", "aggregate") and not info.writes:
        return (f"the store is held by {info.describe()}, which takes no writes (started without --token); "
                f"restart it with --token to {what} through it, or stop it")
    if what == "watch":
        return (f"the store is held by {info.describe()}; follow the sources inside the server instead "
                "(`wirescope serve --watch SOURCES...`), or stop it")
    if what in ("ingest", "aggregate"):
        return (f"the store is held by {info.describe()}; pass --token (or set WIRESCOPE_TOKEN) with the server's "
                f"token to {what} through it, or stop the server")
    return (f"the store is held by {info.describe()}; `wirescope {what}` reads the store directly: stop the server, "
            f"or use the API ({info.base_url}/api/docs; listings download whole with ?format=jsonl, csv or parquet)")


@dataclass
class RemoteIngest:
    """What an ingest through a server did: the server's counts summed over the posts, and every failure (read
    here or reported by the server)."""

    counts: dict[str, int]
    failures: list[tuple[str, str]]


def ingest_through(remote: Remote, articles: Iterable[Article | Failure]) -> RemoteIngest:
    """Post articles read here (files, folders and URLs are read by the command line, never by the server) to
    ``POST /api/ingest`` in batches under the server's item and body limits."""
    total = RemoteIngest(dict.fromkeys(("read", "new", "duplicates", "near_duplicates", "not_english", "failed"), 0),
                         [])
    for batch in _batches(articles, total):
        answer = remote.post("/api/ingest", {"texts": [_posted(a) for a in batch]})
        for key, value in answer.get("counts", {}).items():
            total.counts[key] = total.counts.get(key, 0) + int(value)
        names = {f"texts[{i}]": a.input or a.id for i, a in enumerate(batch)}
        total.failures.extend((names.get(f["item"], f["item"]), f["reason"]) for f in answer.get("failed", []))
    return total


def _batches(articles: Iterable[Article | Failure], total: RemoteIngest) -> Iterator[list[Article]]:
    batch: list[Article] = []
    size = 0
    for item in articles:
        if isinstance(item, Failure):  # could not be read here: counted as the server counts its failures
            total.counts["read"] += 1
            total.counts["failed"] += 1
            total.failures.append((item.item, item.reason))
            continue
        length = len(item.text.encode()) + 1000
        if batch and (len(batch) >= POST_ITEMS or size + length > POST_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += length
    if batch:
        yield batch


def _posted(article: Article) -> dict[str, Any]:
    return {"text": article.text, "title": article.title, "url": article.url, "source": article.source,
            "published": article.published.isoformat() if article.published else None}
