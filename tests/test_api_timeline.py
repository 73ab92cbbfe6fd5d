"""GET /api/timeline (issue 19): a story's timeline page by page, item for item the library's
(``aggregate.queries.story_timeline``: the window, the background folded apart, the undated items), and an actor's or
a dyad's timeline (``aggregate.queries.timeline``), in the rows `wirescope timeline --json` prints."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api_support import sample, write_store
from wirescope.aggregate.queries import story_timeline, timeline
from wirescope.api import create_app
from wirescope.api.timeline import item_row
from wirescope.store import Store

STRIKE = "a1strike0000001"


def _historical(analysis: Any) -> Any:
    """The strike article with the 1979 embassy siege it recalls, flagged historical (background of its story)."""
    old = replace(analysis.events[0], code="1724", root_code="17", base_code="172", date="1979-11-04",
                  date_source="time-expression", timing="historical", date_note="'1979' ... background")
    return replace(analysis, events=(*analysis.events, old))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The sample store with every section filled: the strike story has items inside its window, the recalled
    siege outside it, and (its date removed here) one undated merged event."""
    db = write_store(tmp_path_factory.mktemp("timeline") / "t.duckdb",
                     [_historical(a) if a.article.id == STRIKE else a for a in sample()])
    with Store(db) as s:
        found = s.con.execute("SELECT story_id FROM story_articles WHERE article_id = ?", [STRIKE]).fetchone()
        assert found is not None
        sid = str(found[0])
        last = [i.event for i in story_timeline(s.con, sid).items if i.event is not None][-1]
        s.con.execute("UPDATE merged_events SET date = NULL WHERE id = ?", [last.id])
    return db, sid


@pytest.fixture(scope="module")
def client(store: tuple[Path, str]) -> Any:
    with TestClient(create_app(store[0])) as c:
        yield c


def _rows(items: Any, section: str) -> list[dict[str, Any]]:
    return [json.loads(json.dumps(item_row(i, section))) for i in items]


@pytest.mark.parametrize("limit", [1, 2, 100])
def test_story_pages_are_the_librarys(store: tuple[Path, str], client: TestClient, limit: int) -> None:
    db, sid = store
    with Store(db, read_only=True) as s:
        whole = story_timeline(s.con, sid, limit=1000)
        assert whole.items and whole.background and whole.undated  # every section is tested
        pages, cursor, offset = [], None, 0
        while True:
            answer = client.get("/api/timeline", params={"story": sid[:8], "limit": limit,
                                                          **({"cursor": cursor} if cursor else {})})
            assert answer.status_code == 200, answer.text
            body = answer.json()
            expected = story_timeline(s.con, sid, offset=offset, limit=limit)
            assert body["story_id"] == sid and body["total"] == expected.total and body["offset"] == offset
            assert body["window"] == [d.isoformat() for d in whole.window]  # type: ignore[union-attr]
            assert body["items"] == _rows(expected.items, "window")
            first = offset == 0
            assert body["background"] == (_rows(whole.background, "background") if first else [])
            assert body["undated"] == (_rows(whole.undated, "undated") if first else [])
            pages.append(body)
            cursor = body["next_cursor"]
            offset += len(body["items"])
            if cursor is None:
                break
    assert [i for p in pages for i in p["items"]] == _rows(whole.items, "window")
    assert len(pages) == -(-whole.total // limit)
    # the same page asked by offset (as the command line asks it)
    again = client.get("/api/timeline", params={"story": sid, "limit": limit, "offset": limit}).json()
    assert again["items"] == (pages[1]["items"] if len(pages) > 1 else [])


def test_actor_and_dyad_timelines_are_the_librarys(store: tuple[Path, str], client: TestClient) -> None:
    with Store(store[0], read_only=True) as s:
        cases: list[tuple[dict[str, str], dict[str, Any]]] = [
            ({"actor": "IRN"}, {"actor": "IRN"}),
            ({"dyad": "USA,IRN"}, {"dyad": ("USA", "IRN")}),
            ({"actor": "USA", "since": "2020-01-04"}, {"actor": "USA", "since": date(2020, 1, 4)}),
        ]
        for params, kwargs in cases:
            expected = _rows(timeline(s.con, **kwargs), "window")
            assert expected or "since" in params, params
            body = client.get("/api/timeline", params={**params, "limit": 1000}).json()
            assert body["items"] == expected and body["total"] == len(expected), params
            assert body["story_id"] is None and body["background"] == [] and body["undated"] == []
    assert any(i["kind"] == "quote" for i in client.get("/api/timeline", params={"actor": "IRN"}).json()["items"])


@pytest.mark.parametrize(("params", "status", "code"), [
    ({}, 400, "bad_timeline"),
    ({"story": "s", "actor": "IRN"}, 400, "bad_timeline"),
    ({"story": "s", "since": "2020-01-01"}, 400, "bad_timeline"),
    ({"story": "no-such-story"}, 404, "not_found"),
    ({"actor": "IRN", "cursor": "bm90LWEtY3Vyc29y"}, 400, "bad_cursor"),
    ({"actor": "IRN", "cursor": "WyJ4Il0"}, 400, "bad_cursor"),  # ["x"]: a list, but not an offset
])
def test_bad_requests_say_what_is_wrong(client: TestClient, params: dict[str, str], status: int, code: str) -> None:
    answer = client.get("/api/timeline", params=params)
    assert answer.status_code == status and answer.json()["code"] == code, answer.text


def test_a_page_is_at_most_a_thousand_items(client: TestClient) -> None:
    assert client.get("/api/timeline", params={"actor": "IRN", "limit": 1001}).status_code in (400, 422)
    assert client.get("/api/timeline", params={"actor": "IRN", "offset": -1}).status_code in (400, 422)


def test_a_store_not_aggregated_yet_has_quotations_only(tmp_path: Path) -> None:
    db = write_store(tmp_path / "raw.duckdb", sample(), aggregate=False)
    with TestClient(create_app(db)) as c:
        items = c.get("/api/timeline", params={"actor": "IRN"}).json()["items"]
        assert items and {i["kind"] for i in items} == {"quote"}
        with Store(db, read_only=True) as s:
            assert items == _rows(timeline(s.con, actor="IRN"), "window")
        assert c.get("/api/timeline", params={"story": "s"}).json()["code"] == "not_found"
