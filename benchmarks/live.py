"""Following news live: articles arriving in a feed while dashboards query the server.

A loopback news site publishes N articles (default 200, BBC politics texts from ../shared/data/corpora) in an RSS
feed, at a steady rate (default one every 2 s; a rate above what the machine analyses measures the backlog), while
`wirescope serve --watch --every 2s` follows that feed (the watcher inside the server, analysis in its worker
process) and C clients (default 20) query the dashboard's endpoints as open dashboards do
(the change counter they poll, stats, events, merged events, stories, alerts, articles, entities, the map).

Reported, from one run:

- **publication to visible event**: from the moment an item enters the feed to the moment the API shows its article
  with its events (events are committed with their article, in one transaction), p50/p95/max over the articles
  that have an event the dashboard shows (the default confidence threshold); an open dashboard sees it at its next
  poll of /api/changes, up to 3 s later;
- **API latency during ingest next to idle**: p50/p95 of the clients' requests while the articles arrive and are
  analysed, and p50/p95 of the same clients against the same server before the first article (after a warm-up
  article, so the model load is outside both); target: during-ingest p95 <= 3x idle p95.

    python benchmarks/live.py [--articles 200] [--clients 20] [--rate 0.5] [--idle 30] [--every 2s]
                              [--data ../shared/data] [--out bench-output/live]

The benchmark talks only to the two servers it starts on 127.0.0.1 (the feed and `wirescope serve`). It is heavy: run
it once, with a smaller --articles while developing. The store is made fresh in --out each run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape as html_escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import httpx

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
OUTLETS = ("Loopback Herald", "Loopback Times", "Loopback Post", "Loopback Wire", "Loopback Daily")
# What an open dashboard asks for (the overview, the events table, the merged view, the map, and the change counter
# it polls); each client picks one at random after each answer.
ENDPOINTS = (
    "/api/changes", "/api/changes", "/api/stats", "/api/events?limit=100", "/api/merged-events?limit=100",
    "/api/stories?limit=200", "/api/alerts?limit=10", "/api/articles?limit=10", "/api/entities?limit=12",
    "/api/map",
)


# -- the loopback news site ---------------------------------------------------------------------------------------


@dataclass
class Site:
    items: list[tuple[str, str, str, str]] = field(default_factory=list)  # guid, title, body, outlet
    published_at: dict[str, float] = field(default_factory=dict)  # guid -> monotonic time it entered the feed
    version: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def publish(self, guid: str, title: str, body: str, outlet: str) -> None:
        with self.lock:
            self.items.append((guid, title, body, outlet))
            self.published_at[guid] = time.monotonic()
            self.version += 1

    def feed(self, base: str) -> bytes:
        with self.lock:
            items = list(self.items)
        stamp = formatdate(usegmt=True)
        entries = "".join(
            f'<item><guid isPermaLink="false">{g}</guid><title>{escape(t)}</title><link>{base}/a/{g}.html</link>'
            f"<pubDate>{stamp}</pubDate></item>" for g, t, _, _ in reversed(items))
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback news</title><link>{base}/</link>'
                f"{entries}</channel></rss>").encode()

    def page(self, guid: str) -> bytes | None:
        with self.lock:
            found = [i for i in self.items if i[0] == guid]
        if not found:
            return None
        _, title, body, outlet = found[0]
        paragraphs = "".join(f"<p>{html_escape(p)}</p>" for p in body.split("\n") if p.strip())
        return (f'<html><head><title>{html_escape(title)}</title><meta property="og:site_name" '
                f'content="{html_escape(outlet)}"></head><body><article><h1>{html_escape(title)}</h1>{paragraphs}'
                "</article></body></html>").encode()


class _Handler(BaseHTTPRequestHandler):
    server: Any

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        site: Site = self.server.site
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/feed.xml":
            etag = f'"v{site.version}"'
            if self.headers.get("If-None-Match") == etag:
                self._send(304, b"", etag)
            else:
                self._send(200, site.feed(base), etag, "application/rss+xml")
            return
        body = site.page(self.path.removeprefix("/a/").removesuffix(".html")) if self.path.startswith("/a/") else None
        self._send(200, body, None, "text/html; charset=utf-8") if body else self._send(404, b"no", None)

    def _send(self, status: int, body: bytes, etag: str | None, ctype: str = "text/plain") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


@contextlib.contextmanager
def news_site(site: Site) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.site = site  # type: ignore[attr-defined]
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


# -- the wirescope server -----------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def wirescope_serve(db: Path, feed: str, every: str, log: Path) -> Iterator[str]:
    port = _free_port()
    cli = str(Path(sys.executable).with_name("wirescope"))
    args = [cli, "serve", "--db", str(db), "--port", str(port), "--watch", "--every", every,
            "--allow-private-addresses", "--ignore-robots-txt", feed]
    with log.open("wb") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"wirescope serve exited ({proc.returncode}); see {log}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise SystemExit(f"wirescope serve did not answer within 180 s; see {log}")
            time.sleep(0.25)
        yield base
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# -- clients and the visibility monitor ---------------------------------------------------------------------------


class Clients:
    """``n`` threads, each an open dashboard asking for one endpoint after another; latencies by phase."""

    def __init__(self, base: str, n: int, think: float) -> None:
        self.base, self.n, self.think = base, n, think
        self.phase: str | None = None
        self.latencies: dict[str, list[tuple[str, float]]] = {}
        self.errors: dict[str, int] = {}
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(n)]

    def start(self) -> None:
        for t in self._threads:
            t.start()

    def stop(self) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(timeout=60)

    def _run(self, i: int) -> None:
        rng = random.Random(i)
        with httpx.Client(base_url=self.base, timeout=60) as client:
            while not self._stop.is_set():
                path = rng.choice(ENDPOINTS)
                phase = self.phase
                started = time.perf_counter()
                try:
                    ok = client.get(path).status_code == 200
                except httpx.HTTPError:
                    ok = False
                took = time.perf_counter() - started
                if phase is not None and phase == self.phase:  # a request that straddles two phases counts in none
                    with self._lock:
                        if ok:
                            self.latencies.setdefault(phase, []).append((path, took))
                        else:
                            self.errors[phase] = self.errors.get(phase, 0) + 1
                self._stop.wait(rng.uniform(0, 2 * self.think))


def watch_visibility(base: str, site: Site, expected: set[str], timeout: float) -> dict[str, tuple[float, bool]]:
    """guid -> (seconds from publication to its article in the API, whether it has an event the dashboard shows),
    for the ``expected`` items, polled through /api/changes as a dashboard does (but every 0.25 s)."""
    seen: dict[str, tuple[float, bool]] = {}
    version = None
    deadline = time.monotonic() + timeout
    with httpx.Client(base_url=base, timeout=60) as client:
        while set(seen) < expected and time.monotonic() < deadline:
            changes = client.get("/api/changes").json()
            now = time.monotonic()
            if changes["version"] != version:
                version = changes["version"]
                for row in client.get("/api/articles", params={"limit": 10_000}).json()["items"]:
                    guid = (row.get("url") or "").rsplit("/", 1)[-1].removesuffix(".html")
                    if guid in expected and guid not in seen:
                        events = client.get("/api/events", params={"article_id": row["id"], "limit": 1}).json()
                        seen[guid] = (now - site.published_at[guid], bool(events["items"]))
            time.sleep(0.25)
    return seen


# -- the run ------------------------------------------------------------------------------------------------------


def read_articles(data: Path, n: int) -> list[tuple[str, str]]:
    corpus = data / "corpora" / "bbc2225.jsonl"
    if not corpus.is_file():
        raise SystemExit(f"{corpus} is missing: the benchmark publishes BBC politics texts from ../shared/data")
    out: list[tuple[str, str]] = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record.get("category") == "politics":
                out.append((record["title"], record["text"]))
            if len(out) >= n:
                break
    if len(out) < n:
        raise SystemExit(f"{corpus} has only {len(out)} politics articles; ask for fewer with --articles")
    return out


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def summary(latencies: list[tuple[str, float]]) -> dict[str, Any]:
    values = [t for _, t in latencies]
    by_path: dict[str, list[float]] = {}
    for path, t in latencies:
        by_path.setdefault(path, []).append(t)
    return {
        "requests": len(values), "p50_ms": 1000 * pct(values, 0.5), "p95_ms": 1000 * pct(values, 0.95),
        "by_endpoint_p95_ms": {p: round(1000 * pct(v, 0.95), 1) for p, v in sorted(by_path.items())},
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    texts = read_articles(args.data, args.articles + 1)
    args.out.mkdir(parents=True, exist_ok=True)
    db = args.out / "live.duckdb"
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    site = Site()
    with news_site(site) as site_base, wirescope_serve(db, site_base + "/feed.xml", args.every,
                                                      args.out / "serve.log") as base:
        # Warm-up: the worker loads the model at the first poll; one article outside every measurement.
        site.publish("w0", *texts[0], OUTLETS[0])
        warm = watch_visibility(base, site, {"w0"}, timeout=300)
        if "w0" not in warm:
            raise SystemExit(f"the warm-up article did not appear within 300 s; see {args.out / 'serve.log'}")
        clients = Clients(base, args.clients, args.think)
        clients.start()
        clients.phase = "idle"
        time.sleep(args.idle)
        clients.phase = "ingest"
        guids = [f"a{i:04d}" for i in range(args.articles)]
        started = time.monotonic()

        def publish() -> None:
            for i, guid in enumerate(guids):
                site.publish(guid, *texts[i + 1], OUTLETS[i % len(OUTLETS)])
                time.sleep(1.0 / args.rate)

        publisher = threading.Thread(target=publish, daemon=True)
        publisher.start()
        seen = watch_visibility(base, site, set(guids), timeout=args.timeout)
        ingest_seconds = time.monotonic() - started
        clients.phase = None
        clients.stop()
        publisher.join(timeout=5)
        merged = httpx.get(base + "/api/merged-events", params={"limit": 1}, timeout=60).json()
    with_events = [t for t, has in seen.values() if has]
    idle, ingest = summary(clients.latencies.get("idle", [])), summary(clients.latencies.get("ingest", []))
    return {
        "machine": f"{platform.machine()} {os.cpu_count()} cpus, load {os.getloadavg()[0]:.1f} at the end, "
                   f"python {platform.python_version()}",
        "settings": {"articles": args.articles, "clients": args.clients, "rate_per_s": args.rate,
                     "every": args.every, "idle_s": args.idle, "think_s": args.think},
        "visible": {"articles": len(seen), "missing": len(guids) - len(seen), "with_events": len(with_events),
                    "all_articles_p50_s": pct([t for t, _ in seen.values()], 0.5),
                    "event_p50_s": pct(with_events, 0.5), "event_p95_s": pct(with_events, 0.95),
                    "event_max_s": max(with_events, default=float("nan")),
                    "ingest_seconds": ingest_seconds, "articles_per_s": len(seen) / ingest_seconds},
        "api": {"idle": idle, "ingest": ingest, "ratio_p95": ingest["p95_ms"] / idle["p95_ms"],
                "errors": clients.errors},
        "merged_events_first_page": len(merged.get("items", [])),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="articles published during the run")
    parser.add_argument("--clients", type=int, default=20, help="concurrent dashboard clients")
    parser.add_argument("--rate", type=float, default=0.5,
                        help="articles published per second (0.5: one every 2 s, 200 in under 7 minutes)")
    parser.add_argument("--every", default="2s", help="the watcher's poll interval")
    parser.add_argument("--idle", type=float, default=30.0, help="seconds of idle measurement before publishing")
    parser.add_argument("--think", type=float, default=0.25, help="mean seconds a client waits between requests")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds to wait for every article")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (../shared/data)")
    parser.add_argument("--out", type=Path, default=REPO / "bench-output" / "live", help="store, log and results")
    args = parser.parse_args()
    result = run(args)
    (args.out / "live.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    v, api = result["visible"], result["api"]
    print(f"machine: {result['machine']}")
    print(f"settings: {result['settings']}")
    print(f"articles visible: {v['articles']} of {args.articles} ({v['missing']} missing), {v['with_events']} with a "
          f"shown event; {v['articles_per_s']:.2f} articles/s over {v['ingest_seconds']:.0f} s")
    print(f"publication -> visible event (API): p50 {v['event_p50_s']:.1f} s, p95 {v['event_p95_s']:.1f} s, "
          f"max {v['event_max_s']:.1f} s (an open dashboard polls every 3 s on top)")
    for phase in ("idle", "ingest"):
        s = api[phase]
        print(f"API {phase:>6}: {s['requests']} requests, p50 {s['p50_ms']:.0f} ms, p95 {s['p95_ms']:.0f} ms "
              f"(by endpoint p95: {s['by_endpoint_p95_ms']})")
    verdict = "met" if api["ratio_p95"] <= 3 else "NOT met"
    print(f"during-ingest p95 / idle p95 = {api['ratio_p95']:.2f} (target <= 3: {verdict}); errors {api['errors']}")
    print(f"results in {args.out / 'live.json'}, the server's log in {args.out / 'serve.log'}")


if __name__ == "__main__":
    main()
