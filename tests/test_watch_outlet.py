"""Who reported what: every stored article keeps its outlet (the input's, else its URL's host); ingest warns about
articles that name none."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import pytest

import wirescope
from wirescope.ingest.outlet import url_outlet, with_outlet
from wirescope.records import Article
from wirescope.store import Store

TEXT = "Protesters clashed with police in Baghdad on Monday, officials said. Twelve people were arrested."


@pytest.mark.parametrize(("url", "outlet"), [
    ("https://www.Reuters.com/world/x", "reuters.com"),
    ("http://news.example.org:8080/a?b=c", "news.example.org"),
    ("http://[::1]/a", "::1"),
    ("not a url", None),
    ("", None),
    (None, None),
])
def test_url_outlet(url: str | None, outlet: str | None) -> None:
    assert url_outlet(url) == outlet


def test_the_input_outlet_wins_over_the_url() -> None:
    article = Article("a", TEXT, source="BBC News", url="https://www.bbc.co.uk/news/1")
    assert with_outlet(article) is article
    assert with_outlet(Article("a", TEXT, source="  ", url="https://www.bbc.co.uk/news/1")).source == "bbc.co.uk"
    assert with_outlet(Article("a", TEXT)).source is None


def test_ingest_keeps_outlet_and_url_and_warns_when_none(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    named = wirescope.article_from_text(TEXT, published="2024-01-02", source="Loopback News")
    by_url = wirescope.article_from_text(TEXT.replace("Monday", "Tuesday"), published="2024-01-03")
    by_url = replace(by_url, url="https://www.example.org/story/2", input="feed:2")
    nameless = wirescope.article_from_text(TEXT.replace("Monday", "Friday").replace("Twelve", "Nine"),
                                           published="2024-01-05")
    with Store(tmp_path / "s.duckdb") as store, caplog.at_level(logging.WARNING, logger="wirescope.ingest"):
        report = wirescope.ingest_articles([named, by_url, nameless], store)
        rows = dict(store.con.execute("SELECT id, source FROM articles").fetchall())
        urls = dict(store.con.execute("SELECT id, url FROM articles").fetchall())
    assert report.new == 3 and report.no_outlet == 1
    assert rows[named.id] == "Loopback News" and rows[nameless.id] is None
    assert rows[by_url.id] == "example.org" and urls[by_url.id] == "https://www.example.org/story/2"
    assert "1 article names no outlet" in caplog.text and "--fields source=" in caplog.text
