"""Who reported what: "N reports from M outlets, K independent" for merged events, and the outlet and address of
the original next to events, quotations and stories in the API."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import api_support
from aggregate_support import analysis, event
from wirescope.aggregate.merge import ArticleMeta, EventMerger, merge_events
from wirescope.api import create_app
from wirescope.ingest.credits import wire_named

DAY = date(2020, 1, 3)


def meta(aid: str, outlet: str, wires: tuple[str, ...] = (), dup: str | None = None) -> ArticleMeta:
    return ArticleMeta(aid, DAY, outlet, f"https://{outlet}/{aid}", dup, 1000, wires)


def strike(aid: str, confidence: float = 0.8):  # type: ignore[no-untyped-def]
    return [event(aid, "190", "USAMIL", "IRNMIL", confidence=confidence)]


def test_wire_copies_count_as_one_independent_origin() -> None:
    merger = EventMerger()
    merger.add_article(meta("own", "bbc.co.uk"), strike("own"))
    merger.add_article(meta("ap1", "startribune.com", ("AP",)), strike("ap1"))
    merger.add_article(meta("ap2", "seattletimes.com", ("AP",)), strike("ap2"))
    merger.add_article(meta("apself", "The Associated Press"), strike("apself"))  # the wire's own report
    merger.add_article(meta("rt", "news.example.org", ("Reuters", "AP")), strike("rt", 0.5))  # first credit wins
    merger.add_duplicate(meta("copy", "bbc.com"), "own")  # near-duplicate text of the BBC's report
    merger.add_duplicate(meta("apcopy", "local.example", ()), "ap1")  # a copy of a wire copy
    (e,) = merger.events()
    assert e.num_articles == 7
    assert e.num_outlets == 7  # every copy was published by an outlet of its own
    assert e.num_independent == 3  # the BBC, AP and Reuters
    origins = {m.article_id: m.origin for m in e.mentions}
    assert origins == {"own": "bbc.co.uk", "copy": "bbc.co.uk", "ap1": "wire:ap", "ap2": "wire:ap",
                       "apself": "wire:ap", "apcopy": "wire:ap", "rt": "wire:reuters"}
    assert {m.article_id: m.outlet for m in e.mentions}["copy"] == "bbc.com"
    # copies do not corroborate: one best confidence per origin
    assert e.confidence == pytest.approx(1 - (1 - 0.8) * (1 - 0.8) * (1 - 0.5))


def test_without_wires_every_outlet_is_independent() -> None:
    (e,) = merge_events([(meta(f"a{i}", f"outlet{i}.example"), strike(f"a{i}")) for i in range(3)])
    assert (e.num_articles, e.num_outlets, e.num_independent, e.num_sources) == (3, 3, 3, 3)
    same = merge_events([(meta("a", "x.example"), strike("a")), (meta("b", "x.example"), strike("b"))])[0]
    assert (same.num_articles, same.num_outlets, same.num_independent) == (2, 1, 1)


def test_a_copy_crediting_a_wire_counts_for_the_wire() -> None:
    merger = EventMerger()
    merger.add_article(meta("own", "bbc.co.uk"), strike("own"))
    merger.add_duplicate(meta("dup", "agg.example", ("AFP",)), "own")
    (e,) = merger.events()
    assert e.num_independent == 2 and {m.origin for m in e.mentions} == {"bbc.co.uk", "wire:afp"}


@pytest.mark.parametrize(("outlet", "wire"), [
    ("Reuters", "Reuters"), ("The Associated Press", "AP"), (" Agence  France-Presse ", "AFP"),
    ("reuters.com", None), ("BBC News", None), (None, None), ("", None),
])
def test_wire_named(outlet: str | None, wire: str | None) -> None:
    assert wire_named(outlet) == wire


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    own = replace(analysis("own", "US forces struck Baghdad.", tuple(strike("own")), title="Strike", source="BBC News"),
                  article=replace(analysis("own", "US forces struck Baghdad.").article, title="Strike",
                                  source="BBC News", url="https://www.bbc.co.uk/news/1"))
    other = analysis("other", "The US military struck targets near Baghdad.", tuple(strike("other", 0.6)),
                     source="cnn.com")
    path = api_support.write_store(tmp_path_factory.mktemp("origins") / "s.duckdb",
                                   [*api_support.sample(), own, other])
    return TestClient(create_app(Path(path)))


def test_merged_events_in_the_api_count_reports_outlets_and_origins(client: TestClient) -> None:
    rows = client.get("/api/merged-events", params={"limit": 500}).json()["items"]
    details = [client.get(f"/api/merged-events/{r['id']}").json() for r in rows]
    (detail,) = [d for d in details if {"own", "other"} <= {m["article_id"] for m in d["mentions"]}]
    assert detail["num_outlets"] == len({m["outlet"].lower() for m in detail["mentions"]}) >= 2
    assert detail["num_independent"] == len({m["origin"] for m in detail["mentions"]}) >= 2
    assert {m["outlet"] for m in detail["mentions"]} >= {"BBC News", "cnn.com"}
    listed = next(r for r in rows if r["id"] == detail["id"])
    assert (listed["num_outlets"], listed["num_independent"]) == (detail["num_outlets"], detail["num_independent"])


def test_events_quotes_and_stories_carry_outlet_and_link(client: TestClient) -> None:
    events = client.get("/api/events", params={"article_id": "own"}).json()["items"]
    assert events and events[0]["article_source"] == "BBC News"
    assert events[0]["article_url"] == "https://www.bbc.co.uk/news/1"
    quotes = client.get("/api/quotes", params={"limit": 5}).json()["items"]
    assert quotes and all({"article_source", "article_url", "article_title"} <= q.keys() for q in quotes)
    story_id = client.get("/api/stories").json()["items"][0]["id"]
    story = client.get(f"/api/stories/{story_id}").json()
    assert all({"article_source", "article_url"} <= e.keys() for e in story["events"])
    assert all({"article_source", "article_url"} <= q.keys() for q in story["quotes"])


FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


@pytest.mark.parametrize(("url", "feed_title", "outlet"), [
    (None, None, "The Daily Ledger"),  # no address: the page's own site name (og:site_name)
    ("https://www.dailyledger.example/world/1", None, "dailyledger.example"),  # the domain before the site name
    ("https://www.dailyledger.example/world/1", "Ledger World Feed", "Ledger World Feed"),  # the input's own
])
def test_the_outlet_of_a_page(url: str | None, feed_title: str | None, outlet: str) -> None:
    from wirescope.ingest.html import read_html
    from wirescope.ingest.outlet import with_outlet
    from wirescope.records import Article

    page = read_html((FIXTURES / "article.html").read_text(encoding="utf-8"), "page.html", url=url,
                     fallback_source=feed_title)
    assert isinstance(page, Article)
    assert with_outlet(page).source == outlet


def test_a_store_counts_wire_credits_as_one_origin(tmp_path: Path) -> None:
    from wirescope.store import Store

    copies = []
    for i, outlet in enumerate(("startribune.com", "seattletimes.com")):
        a = analysis(f"ap{i}", f"WASHINGTON (AP) — US forces struck Baghdad, report {i}.", tuple(strike(f"ap{i}")),
                     source=outlet)
        copies.append(replace(a, article=replace(a.article, wires=("AP",))))
    api_support.write_store(tmp_path / "s.duckdb", copies)
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        row = store.con.execute("SELECT num_articles, num_outlets, num_independent FROM merged_events").fetchall()
    assert row == [(2, 2, 1)]
