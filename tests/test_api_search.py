"""The full-text index kept by the writer (wirescope.store.search) and its BM25 ranking."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from wirescope.api import create_app
from wirescope.records import Analysis, Article, Provenance
from wirescope.store import Store
from wirescope.store.search import rows, term_hash, tokens

PROV = Provenance("test", "none", ())


def analysis(aid: str, text: str, title: str | None = None) -> Analysis:
    return Analysis(Article(aid, text, title=title, published=date(2020, 1, 1)), PROV)


def test_tokens_drop_stop_words_and_single_letters() -> None:
    assert tokens("The U.S. strike, in Baghdad: 3 killed; I said it") == ["strike", "baghdad", "3", "killed"]
    assert tokens("Zarif ZARIF zarif's") == ["zarif", "zarif", "zarif"]  # case-folded; the possessive 's dropped


def test_term_hash_is_stable_across_processes_and_versions() -> None:
    # A stored index depends on these values: changing the hash function needs a migration.
    assert term_hash("iran") == 3181775393026810381
    assert -(2**63) <= term_hash("a" * 1000) < 2**63


@given(st.text(max_size=200), st.one_of(st.none(), st.text(max_size=50)))
def test_rows_count_every_token_once(text: str, title: str | None) -> None:
    out = rows(analysis("x", text, title))
    terms = tokens(f"{title or ''}\n{text}")
    assert out["search_docs"] == [("x", len(terms))]
    assert sum(tf for _, _, tf in out["article_terms"]) == len(terms)
    assert len({h for _, h, _ in out["article_terms"]}) == len(out["article_terms"])


def test_ranking_and_paging(tmp_path: Path) -> None:
    docs = [
        analysis(f"d{i:02d}", f"report {i} " + "ceasefire talks " * (i % 4) + "filler words here " * i)
        for i in range(1, 25)
    ]
    with Store(tmp_path / "s.duckdb") as store:
        store.write(docs, run_id=None)
    with TestClient(create_app(tmp_path / "s.duckdb")) as client:
        first = client.get("/api/search", params={"q": "ceasefire talks", "limit": 5}).json()
        scores = [h["score"] for h in first["items"]]
        assert scores == sorted(scores, reverse=True)
        # short documents with three mentions beat long ones with one
        assert first["items"][0]["id"] == "d03"
        seen = [h["id"] for h in first["items"]]
        cursor = first["next_cursor"]
        while cursor:
            page = client.get("/api/search", params={"q": "ceasefire talks", "limit": 5, "cursor": cursor}).json()
            seen += [h["id"] for h in page["items"]]
            cursor = page["next_cursor"]
        expected = {d.article.id for d in docs if "ceasefire" in d.article.text}
        assert sorted(seen) == sorted(expected) and len(seen) == len(expected)
