"""`wirescope watch`: sources, conditional requests, new and corrected items, folders, failing sources, resume."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from watch_support import STORIES, Site, serve, site_client
from wirescope.config import Settings
from wirescope.errors import InputError
from wirescope.store import Store
from wirescope.watch import Source, Watcher, expand_sources, parse_interval
from wirescope.watch.state import load_items

SETTINGS = Settings(allow_private_addresses=True, respect_robots_txt=False, fetch_host_interval=0.0,
                    fetch_deadline=1.5)


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    from wirescope.nlp.pipeline import Pipeline

    return Pipeline(SETTINGS)


def _articles(store: Store) -> list[tuple[str, str, str]]:
    return store.con.execute("SELECT id, title, text FROM articles ORDER BY title").fetchall()


# -- sources ---------------------------------------------------------------------------------------------------


def test_intervals() -> None:
    assert [parse_interval(t) for t in ("30s", "10m", "2h", "1d", "45", "1.5m")] == [30, 600, 7200, 86400, 45, 90]
    for bad in ("ten minutes", "0s", "5x", ""):
        with pytest.raises(InputError):
            parse_interval(bad)


def test_sources_from_urls_lists_opml_and_folders(tmp_path: Path) -> None:
    listing = tmp_path / "feeds.txt"
    listing.write_text("# my feeds\nhttps://a.example/rss 5m\n\nhttps://b.example/atom\n", encoding="utf-8")
    opml = tmp_path / "subs.opml"
    opml.write_text('<opml version="2.0"><body><outline text="news"><outline xmlUrl="https://c.example/feed" '
                    'every="1h"/><outline xmlUrl="https://a.example/rss"/></outline></body></opml>', encoding="utf-8")
    folder = tmp_path / "drop"
    folder.mkdir()
    found = expand_sources(["https://d.example/feed.xml@30s", str(listing), str(opml), str(folder)], 600)
    assert found == [
        Source("https://d.example/feed.xml", "feed", 30),
        Source("https://a.example/rss", "feed", 300),
        Source("https://b.example/atom", "feed", 600),
        Source("https://c.example/feed", "feed", 3600),
        Source(str(folder.resolve()), "folder", 600),
    ]
    with pytest.raises(InputError, match="nowhere"):
        expand_sources([str(tmp_path / "nowhere")], 600)
    bad = tmp_path / "bad.txt"
    bad.write_text("not a url\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.txt:1"):
        expand_sources([str(bad)], 600)


# -- conditional requests --------------------------------------------------------------------------------------


def test_conditional_requests_get_304() -> None:
    site = Site()
    site.publish("g1", *STORIES[0])
    with serve(site) as base, site_client() as client:
        first = client.get(base + "/feed.xml")
        assert first.status == 200 and first.etag == '"v1"' and not first.not_modified
        again = client.get(base + "/feed.xml", etag=first.etag)
        assert again.not_modified and again.content == b""
        site.publish("g2", *STORIES[1])
        changed = client.get(base + "/feed.xml", etag=first.etag)
        assert changed.status == 200 and changed.etag == '"v2"'


def test_last_modified_alone_makes_requests_conditional(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    site = Site()
    site.publish("g1", *STORIES[0])
    with serve(site) as base, Store(tmp_path / "w.duckdb") as store:
        source = Source(base + "/dated.xml", "feed", 60)
        with Watcher([source], store, SETTINGS, client=site_client(), pipeline=pipeline, aggregate=False) as watcher:
            assert watcher.poll_once()[0].new_items == 1
            assert watcher.status()[0].last_modified == "Tue, 02 Jan 2024 10:01:00 GMT"
            assert watcher.poll_once(everything=True)[0].not_modified
            site.publish("g2", *STORIES[1])
            again = watcher.poll_once(everything=True)[0]
            assert (again.not_modified, again.new_items) == (False, 1)


# -- the watcher ----------------------------------------------------------------------------------------------


def test_new_items_corrections_and_a_restart(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    site = Site()
    site.publish("g1", *STORIES[0])
    site.publish("g2", *STORIES[1])
    with serve(site) as base, Store(tmp_path / "w.duckdb") as store:
        source = Source(base + "/feed.xml", "feed", 60)
        with Watcher([source], store, SETTINGS, client=site_client(), pipeline=pipeline) as watcher:
            (first,) = watcher.poll_once()
            assert (first.new_items, first.new_articles, first.error) == (2, 2, None)
            assert len(_articles(store)) == 2
            assert store.con.execute("SELECT count(*) FROM merged_events").fetchone()[0] > 0  # aggregated
            assert watcher.poll_once() == []  # not due yet
            (same,) = watcher.poll_once(everything=True)
            assert same.not_modified and same.new_items == 0
            assert site.requests[-1] == ("/feed.xml", '"v2"')  # the ETag went back
            # A new item, and a correction of g1 (same guid, new text): one more article, g1's replaced.
            site.publish("g3", *STORIES[2])
            site.publish("g1", STORIES[0][0], STORIES[0][1] + " The death toll rose to three on Tuesday.")
            (third,) = watcher.poll_once(everything=True)
            assert (third.new_items, third.new_articles, third.replaced) == (2, 2, 1)
        rows = _articles(store)
        assert len(rows) == 3 and sum("death toll" in text for _, _, text in rows) == 1
        for table in ("event_mentions", "story_articles"):  # the aggregates forgot the replaced article
            orphans = f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
            assert store.con.execute(orphans).fetchone()[0] == 0, table
        items = load_items(store.con, source.name)
        assert set(items) == {"g1", "g2", "g3"}
        assert {a for i in items.values() for a in i.articles} == {r[0] for r in rows}
        # A restart: the state is in the store; nothing is taken twice, the validators are sent.
        with Watcher([source], store, SETTINGS, client=site_client(), pipeline=pipeline) as again:
            assert again.due() == []
            (after,) = again.poll_once(everything=True)
            assert after.not_modified and len(_articles(store)) == 3


def test_an_item_whose_page_fails_is_tried_a_few_times(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    from wirescope.watch.watcher import MAX_ITEM_ATTEMPTS

    site = Site()
    site.publish("g1", *STORIES[0])
    site.publish("gone", "A page that is not there", "Nothing to read here at all.")
    site.missing.add("gone")
    with serve(site) as base, Store(tmp_path / "w.duckdb") as store:
        source = Source(base + "/feed.xml", "feed", 60)
        with Watcher([source], store, SETTINGS, client=site_client(), pipeline=pipeline, aggregate=False) as watcher:
            first = watcher.poll_once()[0]
            assert (first.new_items, first.new_articles) == (1, 1)
            for _ in range(MAX_ITEM_ATTEMPTS + 2):
                site.version += 1  # a new ETag, so the feed is read again each time
                watcher.poll_once(everything=True)
            tries = sum(1 for path, _ in site.requests if path == "/a/gone.html")
            assert tries == MAX_ITEM_ATTEMPTS
            assert store.con.execute("SELECT count(*) FROM failures WHERE item LIKE '%gone%'").fetchone()[0] == tries
            site.missing.clear()
            site.publish("gone", "A page that is there now", STORIES[2][1])  # a corrected entry: tried again
            last = watcher.poll_once(everything=True)[0]
            assert (last.new_items, last.new_articles) == (1, 1)
            assert watcher.status()[0].total_items == 2


def test_failing_sources_do_not_stop_the_others(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    site = Site(slow_seconds=3.0)
    site.publish("g1", *STORIES[0])
    with serve(site) as base, Store(tmp_path / "w.duckdb") as store:
        names = [f"{base}/{p}" for p in ("broken.xml", "notafeed.xml", "slow.xml", "feed.xml")]
        sources = [Source(n, "feed", 10) for n in names] + [Source(f"http://127.0.0.1:1/{i}", "feed", 10)
                                                              for i in ("down",)]
        with Watcher(sources, store, SETTINGS, client=site_client(), pipeline=pipeline, aggregate=False) as watcher:
            results = {r.source: r for r in watcher.poll_once()}
            assert results[names[3]].new_articles == 1 and results[names[3]].error is None
            assert "HTTP 500" in (results[names[0]].error or "")
            assert "not an RSS or Atom feed" in (results[names[1]].error or "")
            assert "deadline" in (results[names[2]].error or "")
            assert results["http://127.0.0.1:1/down"].error
            status = {s.source: s for s in watcher.status()}
            broken = status[names[0]]
            assert broken.errors == 1 and broken.next_poll is not None and broken.last_poll is not None
            assert broken.next_poll - broken.last_poll == timedelta(seconds=10)
            watcher.poll_once(everything=True)  # a second failure in a row waits twice as long
            broken = {s.source: s for s in watcher.status()}[names[0]]
            assert broken.errors == 2 and broken.next_poll - broken.last_poll == timedelta(seconds=20)  # type: ignore[operator]
            assert {s.source: s for s in watcher.status()}[names[3]].errors == 0


def test_a_busy_source_is_asked_again_no_earlier_than_it_said(tmp_path: Path) -> None:
    site = Site()
    with serve(site) as base, Store(tmp_path / "w.duckdb") as store:
        source = Source(base + "/busy.xml", "feed", 10)
        with Watcher([source], store, SETTINGS, client=site_client(), aggregate=False) as watcher:
            (result,) = watcher.poll_once()
            assert "retry after 300 s" in (result.error or "")
            (state,) = watcher.status()
            assert state.next_poll - state.last_poll == timedelta(seconds=300)  # type: ignore[operator]
        assert [p for p, _ in site.requests] == ["/busy.xml"]  # not hammered within the fetch either


def test_folder_files_are_taken_once_they_stop_changing(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "drop"
    folder.mkdir()
    story = folder / "story.txt"
    story.write_text(STORIES[0][0] + "\n\n" + STORIES[0][1] + "\n", encoding="utf-8")
    (folder / "notes.bin").write_bytes(b"\x00\x01")  # not an input format: ignored
    with Store(tmp_path / "w.duckdb") as store:
        source = Source(str(folder), "folder", 60)
        with Watcher([source], store, SETTINGS, pipeline=pipeline, aggregate=False) as watcher:
            (first,) = watcher.poll_once(everything=True)
            assert first.new_items == 0  # seen once: it may still be being written
            (second,) = watcher.poll_once(everything=True)
            assert (second.new_items, second.new_articles) == (1, 1)
            (third,) = watcher.poll_once(everything=True)
            assert third.new_items == 0  # taken already
            story.write_text(STORIES[1][0] + "\n\n" + STORIES[1][1] + "\n", encoding="utf-8")
            os.utime(story, ns=(story.stat().st_atime_ns, story.stat().st_mtime_ns + 10**9))
            assert watcher.poll_once(everything=True)[0].new_items == 0  # changed: wait for it to settle
            (fifth,) = watcher.poll_once(everything=True)
            assert (fifth.new_items, fifth.new_articles, fifth.replaced) == (1, 1, 1)
        (row,) = _articles(store)
        assert row[1] == STORIES[1][0]


def test_run_follows_a_feed_that_grows(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    import threading

    site = Site()
    site.publish("g1", *STORIES[0])
    polls: list[int] = []
    stop = threading.Event()
    with serve(site) as base, Store(tmp_path / "w.duckdb") as store:
        source = Source(base + "/feed.xml", "feed", 1)
        with Watcher([source], store, SETTINGS, client=site_client(), pipeline=pipeline, aggregate=False) as watcher:

            def on_poll(results: list) -> None:  # type: ignore[type-arg]
                polls.append(sum(r.new_items for r in results))
                if len(polls) == 1:
                    site.publish("g2", *STORIES[1])  # published while the watcher runs
                if sum(polls) >= 2:
                    stop.set()

            thread = threading.Thread(target=watcher.run, args=(stop, on_poll), daemon=True)
            thread.start()
            thread.join(timeout=60)
            stop.set()
            thread.join(timeout=10)
        assert not thread.is_alive() and sum(polls) == 2 and len(_articles(store)) == 2


@pytest.mark.slow
@pytest.mark.parametrize("phase", ["after-fetch", "after-ingest"])
def test_kill_9_loses_and_duplicates_nothing(tmp_path: Path, phase: str) -> None:
    """The watcher is killed with SIGKILL between fetching and committing (after-fetch: nothing stored yet;
    after-ingest: articles committed, the watch state not); a restart ends with each item stored exactly once."""
    import signal
    import subprocess
    import sys
    import time

    site = Site()
    for i, story in enumerate(STORIES):
        site.publish(f"g{i}", *story)
    db, marker = tmp_path / "w.duckdb", tmp_path / "paused"
    with serve(site) as base:
        cmd = [sys.executable, "-m", "wirescope", "watch", base + "/feed.xml", "--once", "--db", str(db),
               "--allow-private-addresses", "--ignore-robots-txt", "--no-aggregate"]
        env = {**os.environ, "WIRESCOPE_WATCH_TEST_PAUSE": f"{phase}:{marker}"}
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 120
            while not marker.exists():
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                assert time.monotonic() < deadline, "the watcher never reached the pause"
                time.sleep(0.1)
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        done = subprocess.run(cmd, env=dict(os.environ), capture_output=True, timeout=180, check=False)
        assert done.returncode == 0, done.stderr.decode()
        again = subprocess.run(cmd, env=dict(os.environ), capture_output=True, timeout=180, check=False)
        assert again.returncode == 0, again.stderr.decode()
    with Store(db) as store:
        rows = _articles(store)
        assert sorted(r[1] for r in rows) == sorted(s[0] for s in STORIES)  # each once
        items = load_items(store.con, base + "/feed.xml")
        assert set(items) == {"g0", "g1", "g2"} and all(len(i.articles) == 1 for i in items.values())


def test_api_status_lists_the_watched_sources(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from wirescope.api.app import create_app

    site = Site()
    site.publish("g1", *STORIES[0])
    db = tmp_path / "w.duckdb"
    with serve(site) as base:
        with Store(db) as store, Watcher([Source(base + "/feed.xml", "feed", 60), Source(base + "/broken.xml", "feed",
                                         60)], store, SETTINGS, client=site_client(), pipeline=pipeline,
                                         aggregate=False) as watcher:
            watcher.poll_once()
        with TestClient(create_app(db)) as client:
            body = client.get("/api/status").json()
    rows = {r["source"]: r for r in body["items"]}
    assert rows[base + "/feed.xml"]["new_items"] == 1 and rows[base + "/feed.xml"]["errors"] == 0
    assert rows[base + "/broken.xml"]["errors"] == 1 and "HTTP 500" in rows[base + "/broken.xml"]["last_error"]
    assert rows[base + "/feed.xml"]["next_poll"] > rows[base + "/feed.xml"]["last_poll"]
    with Store(tmp_path / "empty.duckdb"):
        pass
    with TestClient(create_app(tmp_path / "empty.duckdb")) as client:
        assert client.get("/api/status").json() == {"items": []}


def test_its_own_client_is_renewed_to_read_robots_txt_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wirescope.watch import watcher as module

    (tmp_path / "drop").mkdir()
    with Store(tmp_path / "w.duckdb") as store, Watcher([Source(str(tmp_path / "drop"), "folder", 60)], store,
                                                        SETTINGS, aggregate=False) as watcher:
        first = watcher.client
        watcher.poll_once(everything=True)
        assert watcher.client is first
        monkeypatch.setattr(module, "CLIENT_MAX_AGE", 0.0)
        watcher.poll_once(everything=True)
        assert watcher.client is not first
