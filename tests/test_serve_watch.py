"""`wirescope serve --watch` end to end (issue 18, the first "Done when" point): a loopback site publishes a feed that
grows while the server watches it with a broken and a slow feed beside it; each new item's events appear through
the API within one interval + 30 s while the API keeps answering; a watchlist's webhook (a loopback receiver) gets
one notification per new matching merged event, with its evidence; the Atom feed parses with feedparser and
validates against the RFC 4287 schema; a server killed with SIGKILL between fetch and commit loses and duplicates
nothing at its restart, and notifies nothing twice."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import feedparser
import httpx
import pytest
from lxml import etree

from loopback import serving
from notify_support import ATOM_RNG, Receiver
from serve_support import TOKEN, Server, running
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


def _status(server: Server) -> dict[str, dict[str, Any]]:
    return {r["source"]: r for r in server.get("/api/status")["items"]}


def _watch_everything(server: Server, hook: str) -> None:
    """A watchlist that every merged event matches (confidence >= 0), pushed to ``hook``."""
    response = httpx.post(server.base + "/api/watchlists", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30,
                          json={"name": "all-events", "min_confidence": 0, "webhook": hook, "max_per_hour": 1000})
    assert response.status_code == 201, response.text


def _notified(server: Server, receiver: Receiver, article_url: str) -> list[dict[str, Any]]:
    """The watchlist's notifications whose evidence cites ``article_url``, once each has reached the webhook."""
    notes = [n for n in server.get("/api/notifications", watchlist="all-events", limit=200)["items"]
             if any(e["url"] == article_url for e in n["evidence"])]
    pushed = {p.body["notification"]["id"] for p in receiver.at("/hook") if p.body["type"] == "notification.created"}
    return notes if notes and all(n["id"] in pushed for n in notes) else []


def _check_pushes(receiver: Receiver, notes: list[dict[str, Any]]) -> None:
    """One created notification per merged event, each with its evidence: sentence, outlet, link, confidence."""
    created = [p for p in receiver.at("/hook") if p.body["type"] == "notification.created"]
    ids = [p.body["notification"]["id"] for p in created]
    assert len(ids) == len(set(ids)), "a merged event was notified twice"
    subjects = [p.body["notification"]["subject"] for p in created]
    assert len(subjects) == len(set(subjects))
    for post in created:
        assert post.headers["idempotency-key"] == post.body["id"]
        evidence = post.body["notification"]["evidence"]
        assert evidence and all(e["sentence"] and e["url"] and e["outlet"] and e["confidence"] is not None
                                for e in evidence)
    assert {n["id"] for n in notes} <= set(ids)


def _check_atom(server: Server, notes: list[dict[str, Any]]) -> None:
    body = httpx.get(server.base + "/api/alerts.atom", timeout=30).content
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) >= len(notes) and all(e.get("id") and e.get("updated") for e in feed.entries)
    schema = etree.RelaxNG(etree.parse(str(ATOM_RNG)))
    document = etree.fromstring(body)
    assert schema.validate(document), schema.error_log


@pytest.mark.slow
def test_serve_watch_follows_a_growing_feed_and_survives_kill_9(tmp_path: Path) -> None:
    site = Site(slow_seconds=4.0)
    site.publish("g0", *STORIES[0])
    db, marker, log = tmp_path / "live.duckdb", tmp_path / "paused", tmp_path / "server.log"
    receiver = Receiver()
    with serve(site) as base, serving(receiver):
        feed = base + "/feed.xml"
        args = ["--db", str(db), "--watch", "--every", f"{EVERY:g}s", "--allow-private-addresses",
                "--ignore-robots-txt", "--token", TOKEN, feed, base + "/broken.xml", base + "/slow.xml"]
        started = time.monotonic()
        with running(args, log) as server:
            _appears(server, STORIES[0][0], started, timeout=120)  # (the first waits for the model to load)
            _watch_everything(server, receiver.base + "/hook")  # g0 is the backlog: not notified
            published = time.monotonic()
            site.publish("g1", *STORIES[1])
            worst = _slowest_answer(server, 3.0)  # the item is fetched and analysed meanwhile
            _, took = _appears(server, STORIES[1][0], published)
            assert took <= WITHIN
            assert worst < 5.0, f"the API took {worst:.1f} s to answer while an article was analysed"
            # (the item's state is saved just after its articles: the status may lag the events for a moment)
            server.wait_for("the feed's status", lambda: _status(server)[feed]["total_items"] == 2, 10)
            status = _status(server)
            assert status[feed]["errors"] == 0
            assert status[base + "/broken.xml"]["errors"] >= 1 and "500" in status[base + "/broken.xml"]["last_error"]
            server.wait_for("the slow feed's poll", lambda: _status(server)[base + "/slow.xml"]["last_poll"], 30)
            merged = server.wait_for("merged events", lambda: server.get("/api/merged-events",
                                                                         min_confidence=0)["items"], 30)
            assert merged
            notes = server.wait_for("the webhook's notifications of g1", lambda: _notified(
                server, receiver, f"{base}/a/g1.html"), 30)
            _check_pushes(receiver, notes)
            assert not _notified(server, receiver, f"{base}/a/g0.html")  # the backlog
            _check_atom(server, notes)
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
            notes = server.wait_for("the webhook's notifications of g2", lambda: _notified(
                server, receiver, f"{base}/a/g2.html"), 30)
            _check_pushes(receiver, notes)
    with Store(db, read_only=True) as store:
        titles = sorted(r[0] for r in store.con.execute("SELECT title FROM articles").fetchall())
        items = load_items(store.con, feed)
    assert titles == sorted(s[0] for s in STORIES)
    assert set(items) == {"g0", "g1", "g2"} and all(len(i.articles) == 1 for i in items.values())
