"""Test HTTP servers on loopback: start them on threads, stop them whatever the test does."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer


@contextmanager
def serving(*servers: ThreadingHTTPServer) -> Iterator[None]:
    """Serve each server on a daemon thread while the block runs; shut all down and close them after."""
    threads = [threading.Thread(target=s.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True) for s in servers]
    for t in threads:
        t.start()
    try:
        yield
    finally:
        for s in servers:
            s.shutdown()
            s.server_close()
        for t in threads:
            t.join(timeout=5)
