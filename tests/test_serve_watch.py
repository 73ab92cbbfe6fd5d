"""`wirescope serve --watch` end to end (issue 18, the first "Done when" point, the watcher's side): a loopback site
publishes a feed that grows while the server watches it with a broken and a slow feed beside it; each new item's
events appear through the API within one interval + 30 s while the API keeps answering; a server killed with
SIGKILL between fetch and commit loses and duplicates nothing at its restart."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from serve_support import Server, running
from watch_support import STORIES, Site, serve
from wirescope.store import Store
from wirescope.watch.state import load_items

EVERY = 2.0
WITHIN = EVERY + 30.0  # the acceptance bound: one interval + 30 s from publication to events in the API


def _article(server: Server, title: str) -> str | None:
    rows = server.get("/api/articles", limit=100)["items"]
    found = [r["id"] for r in rows if r["title"] == title]
    assert len(found) <= 1, f"{title!r} stored twice: {found}"
    return found[0] if found else None


def _events(server: Server, article_id: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = server.get("/api/events", article_id=article_id, min_confidence=0)["items"]
    return items


def _appears(server: Server, title: str, since: float, timeout: float = WITHIN) -> tuple[str, float]:
    """Wait for the article titled ``title`` and its events in the API; its id and the seconds it took."""

    def check() -> str | None:
        article = _article(server, title)
        return article if article and _events(server, article) else None

    article = server.wait_for(f"the events of {title!r} in the API", check, timeout=timeout)
    return article, time.monotonic() - since


def _slowest_answer(server: Server, seconds: float) -> float:
    """The slowest of the dashboard's requests answered over ``seconds`` s (while the watcher works)."""
    worst, end = 0.0, time.monotonic() + seconds
    while time.monotonic() < end:
        for path in ("/api/stats", "/api/events?limit=50&min_confidence=0", "/api/status"):
            started = time.monotonic()
            assert httpx.get(server.base + path, timeout=30).status_code == 200
            worst = max(worst, time.monotonic() - started)
        time.sleep(0.05)
    return worst


@pytest.mark.slow
def test_serve_watch_follows_a_growing_feed_and_survives_kill_9(tmp_path: Path) -> None:
    site = Site(slow_seconds=4.0)
    site.publish("g0", *STORIES[0])
    db, marker, log = tmp_path / "live.duckdb", tmp_path / "paused", tmp_path / "server.log"
    with serve(site) as base:
        feed = base + "/feed.xml"
        args = ["--db", str(db), "--watch", "--every", f"{EVERY:g}s", "--allow-private-addresses",
                "--ignore-robots-txt", feed, base + "/broken.xml", base + "/slow.xml"]
        started = time.monotonic()
        with running(args, log) as server:
            _appears(server, STORIES[0][0], started, timeout=120)  # (the first waits for the model to load)
            published = time.monotonic()
            site.publish("g1", *STORIES[1])
            worst = _slowest_answer(server, 3.0)  # the item is fetched and analysed meanwhile
            _, took = _appears(server, STORIES[1][0], published)
            assert took <= WITHIN
            assert worst < 5.0, f"the API took {worst:.1f} s to answer while an article was analysed"
            status = {r["source"]: r for r in server.get("/api/status")["items"]}
            assert status[feed]["errors"] == 0 and status[feed]["total_items"] == 2
            assert status[base + "/broken.xml"]["errors"] >= 1 and "500" in status[base + "/broken.xml"]["last_error"]
            server.wait_for("the slow feed's poll", lambda: server.get("/api/status")["items"] and {
                r["source"]: r for r in server.get("/api/status")["items"]}[base + "/slow.xml"]["last_poll"], 30)
            merged = server.wait_for("merged events", lambda: server.get("/api/merged-events",
                                                                         min_confidence=0)["items"], 30)
            assert merged
        assert not (tmp_path / "live.duckdb.server.json").exists()  # removed at a clean stop

        # Killed between fetch and commit: nothing of g2 is stored, and the restart stores it once.
        site.publish("g2", *STORIES[2])
        with running(args, log, env={"WIRESCOPE_WATCH_TEST_PAUSE": f"after-fetch:{marker}"}) as server:
            server.wait_for("the watcher's pause between fetch and commit", marker.exists, timeout=60)
            server.kill()
        with Store(db, read_only=True) as store:
            titles = [r[0] for r in store.con.execute("SELECT title FROM articles").fetchall()]
        assert STORIES[2][0] not in titles and len(titles) == 2
        assert (tmp_path / "live.duckdb.server.json").exists()  # left by the killed server: stale, ignored below
        published = time.monotonic()
        with running(args, log) as server:
            _, took = _appears(server, STORIES[2][0], published)
            assert all(_article(server, s[0]) for s in STORIES)  # (each at most once: _article checks)
    with Store(db, read_only=True) as store:
        titles = sorted(r[0] for r in store.con.execute("SELECT title FROM articles").fetchall())
        items = load_items(store.con, feed)
    assert titles == sorted(s[0] for s in STORIES)
    assert set(items) == {"g0", "g1", "g2"} and all(len(i.articles) == 1 for i in items.values())
