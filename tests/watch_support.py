"""A loopback news site for the watch tests: a feed whose items change over time (with ETag and Last-Modified),
a broken feed, a feed that is not a feed, and a slow feed. Nothing here connects anywhere but 127.0.0.1."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

from wirescope.ingest.http import HttpClient

PAGE = """<html><head><title>{title}</title><meta property="og:site_name" content="Loopback News"></head>
<body><article><h1>{title}</h1><p>{body}</p></article></body></html>"""


@dataclass
class Site:
    """What the server publishes; tests change it between polls."""

    items: list[tuple[str, str, str]] = field(default_factory=list)  # guid, title, body
    version: int = 0  # bumped on every change; the ETag
    slow_seconds: float = 3.0
    missing: set[str] = field(default_factory=set)  # guids whose page answers 404
    requests: list[tuple[str, str | None]] = field(default_factory=list)  # path, If-None-Match
    lock: threading.Lock = field(default_factory=threading.Lock)

    def publish(self, guid: str, title: str, body: str) -> None:
        with self.lock:
            self.items = [i for i in self.items if i[0] != guid] + [(guid, title, body)]
            self.version += 1

    def feed(self, base: str) -> str:
        entries = "".join(
            f"<item><guid isPermaLink=\"false\">{g}</guid><title>{escape(t)}</title><link>{base}/a/{g}.html</link>"
            f"<description>{escape(b)}</description><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item>"
            for g, t, b in self.items
        )
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback News</title>'
                f"<link>{base}/</link>{entries}</channel></rss>")


class _Server(ThreadingHTTPServer):
    site: Site


class Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        site = self.server.site
        with site.lock:
            site.requests.append((self.path, self.headers.get("If-None-Match")))
        if self.path.startswith("/a/"):
            self._page(self.path[3:].removesuffix(".html"))
            return
        route = {"/feed.xml": self._feed, "/dated.xml": self._dated, "/busy.xml": self._busy,
                 "/broken.xml": self._broken, "/notafeed.xml": self._not_a_feed, "/slow.xml": self._slow}
        route.get(self.path, self._missing)()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def _feed(self) -> None:
        site = self.server.site
        etag = f'"v{site.version}"'
        if self.headers.get("If-None-Match") == etag:
            self._send(304, b"", "application/rss+xml", etag=etag)
        else:
            self._send(200, site.feed(self.base).encode(), "application/rss+xml", etag=etag)

    def _dated(self) -> None:  # validators by date only, no ETag
        site = self.server.site
        stamp = f"Tue, 02 Jan 2024 10:{site.version:02d}:00 GMT"
        if self.headers.get("If-Modified-Since") == stamp:
            self._send(304, b"", "application/rss+xml", last_modified=stamp)
        else:
            self._send(200, site.feed(self.base).encode(), "application/rss+xml", last_modified=stamp)

    def _page(self, guid: str) -> None:
        site = self.server.site
        found = [i for i in site.items if i[0] == guid]
        if not found or guid in site.missing:
            self._send(404, b"gone", "text/plain")
        else:
            _, title, body = found[0]
            self._send(200, PAGE.format(title=title, body=body).encode(), "text/html; charset=utf-8")

    def _busy(self) -> None:
        self.send_response(429)
        self.send_header("Retry-After", "300")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _broken(self) -> None:
        self._send(500, b"oops", "text/plain")

    def _not_a_feed(self) -> None:
        self._send(200, b"<html><body>hello</body></html>", "text/html")

    def _slow(self) -> None:
        site = self.server.site
        time.sleep(site.slow_seconds)
        self._send(200, site.feed(self.base).encode(), "application/rss+xml")

    def _missing(self) -> None:
        self._send(404, b"no", "text/plain")

    def _send(
        self, status: int, body: bytes, ctype: str, etag: str | None = None, last_modified: str | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        if last_modified:
            self.send_header("Last-Modified", last_modified)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the slow feed's client gave up
            self.wfile.write(body)


@contextmanager
def serve(site: Site) -> Iterator[str]:
    server = _Server(("127.0.0.1", 0), Handler)
    server.site = site
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


STORIES = [
    ("Protesters clash with police in Baghdad",
     "Protesters clashed with police in Baghdad on Monday, officials said. Security forces fired tear gas at "
     "demonstrators near Tahrir Square. The interior ministry said twelve people were arrested."),
    ("Army attacks rebels near Mosul",
     "The Iraqi army attacked rebels near Mosul on Tuesday, the defence ministry said. Soldiers seized weapons "
     "and ammunition in the raid. Local officials said the fighting lasted several hours."),
    ("Ministers meet in Amman",
     "Jordanian and Iraqi ministers met in Amman on Wednesday to discuss trade. The foreign minister said both "
     "governments would sign an agreement on electricity next month. Talks will continue in Baghdad."),
]


def site_client() -> HttpClient:
    """A fetcher for the loopback test sites: private addresses allowed, no robots.txt, no pauses, short deadline."""
    return HttpClient(allow_private_addresses=True, respect_robots_txt=False, host_interval=0.0, deadline=1.5,
                      retries=1, backoff=0.05)
