"""The dashboard updates by itself, and shows who reported what, in real headless Chromium.

A loopback server (with an ingest token) serves a store of hand-built records; while the dashboard is open, an
article is posted to ``POST /api/ingest``. Its event must appear in the open page without a reload, marked new, with
its outlet and a link to the original, and the header must count it ("1 new") next to "updated N s ago".
"""

from __future__ import annotations

import hashlib
import json
import urllib.request
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

import api_support
from aggregate_support import analysis, event
from web_sizes import browser, need_browser, new_page, open_view, serve_app, shot  # noqa: F401 (browser: a fixture)
from wirescope.aggregate.build import aggregate_store
from wirescope.api import create_app
from wirescope.api.ingest import IngestRequest, IngestResult
from wirescope.store import Store

pytestmark = pytest.mark.browser
need_browser()  # skips the module without Chromium, Playwright or the built assets
TOKEN = "live-test-token"
WAIT_MS = 20_000  # a few polls (every 3 s) and a redraw, on a loaded machine


def hand_ingester(request: IngestRequest, store: Store) -> IngestResult:
    """Stores each posted text as an article with one coded event (a strike by the source country of its title),
    then aggregates, as the watcher does: what reaches the dashboard is what the server wrote, without the model."""
    stored = []
    for item in request.texts:
        aid = "live" + hashlib.sha1(item.text.encode()).hexdigest()[:12]
        base = analysis(aid, item.text, (event(aid, "190", "RUSMIL", "UKRMIL", day="2020-01-05"),),
                        title=item.title, source=item.source)
        base = replace(base, article=replace(base.article, url=item.url))
        store.write([base], run_id=None)
        stored.append(aid)
    aggregate_store(store.con)
    return IngestResult(received=len(request.texts), stored=stored, counts={"new": len(stored)}, failed=[])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = api_support.write_store(tmp_path_factory.mktemp("web-live") / "store.duckdb")
    yield from serve_app(create_app(Path(db), token=TOKEN, ingester=hand_ingester))


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]  # noqa: F811 (the fixture from web_sizes)
    pg = new_page(browser, (1280, 900))
    pg.loads = 0  # a reload would count again
    pg.on("load", lambda _: setattr(pg, "loads", pg.loads + 1))
    yield pg
    pg.context.close()


def post(base: str, text: str, title: str, source: str, url: str) -> dict[str, object]:
    body = json.dumps({"texts": [{"text": text, "title": title, "source": source, "url": url,
                                  "published": "2020-01-05"}]}).encode()
    req = urllib.request.Request(f"{base}/api/ingest", data=body, method="POST", headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as res:  # the server this test started, on loopback
        answer: dict[str, object] = json.load(res)
    return answer


def test_a_new_event_appears_in_the_open_dashboard_without_a_reload(page, server: str) -> None:  # type: ignore[no-untyped-def]
    open_view(page, server, "/events", "events")
    page.wait_for_selector(".live .updated", timeout=WAIT_MS)
    before = page.locator("tr.event").count()
    page.evaluate("window.__notReloaded = true")
    loads = page.loads

    stored = post(server, "Russian forces struck a depot near Kharkiv on Sunday, officials said.",
                  "Strike near Kharkiv", "Loopback Wire", "https://loopback.example/kharkiv-strike")["stored"]
    assert isinstance(stored, list) and len(stored) == 1
    row = page.locator(f'tr.event.new[data-article="{stored[0]}"]')
    row.wait_for(timeout=WAIT_MS)

    assert page.evaluate("window.__notReloaded === true") and page.loads == loads
    assert page.locator("tr.event").count() == before + 1
    assert page.locator("tbody tr.event").first.get_attribute("data-article") == stored[0]  # on top
    original = row.locator("a.original")
    assert original.inner_text() == "Loopback Wire"
    assert original.get_attribute("href") == "https://loopback.example/kharkiv-strike"
    badge = page.locator(".live button.new-items")
    badge.wait_for(timeout=WAIT_MS)
    assert int(badge.get_attribute("data-new") or 0) >= 1
    assert "1 event" in (badge.get_attribute("title") or "")
    assert page.locator(".live .updated").inner_text().startswith("updated ")
    shot(page, "live-events")
    badge.click()  # marks them seen
    assert page.locator(".live button.new-items").count() == 0
    assert page.errors == []


def test_the_overview_counts_and_merged_events_follow_the_store(page, server: str) -> None:  # type: ignore[no-untyped-def]
    open_view(page, server, "/", "overview")
    events = int(page.inner_text('[data-count="events"] .num').replace(",", ""))
    post(server, "Russian artillery shelled Kharkiv again on Sunday evening, the governor said.",
         "Kharkiv shelled again", "Other Outlet", "https://other.example/kharkiv")
    page.wait_for_function(
        f"document.querySelector('[data-count=\"events\"] .num').textContent === '{events + 1}'", timeout=WAIT_MS)
    assert page.evaluate("document.body.dataset.view") == "overview"

    # Who reported what: the merged strike has reports from two outlets, each with a link to the original.
    page.evaluate("location.hash = '#/merged?actor=RUS'")
    page.wait_for_function("document.body.dataset.view === 'merged'", timeout=WAIT_MS)
    item = page.locator("li.merged-event", has=page.locator('.reports[data-reports="2"]')).first
    assert item.locator(".reports").inner_text() == "2 reports from 2 outlets, 2 independent"
    item.locator("button.link").click()
    page.wait_for_selector("li.merged-event ol.mentions li a.original", timeout=WAIT_MS)
    outlets = set(item.locator("ol.mentions a.original").all_inner_texts())
    assert outlets == {"Loopback Wire", "Other Outlet"}
    shot(page, "live-merged")
    assert page.errors == []
