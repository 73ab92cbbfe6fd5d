"""Search-index maintenance (``wirescope index``: postings clustered by term), the BM25 query against a plain
Python reference, and the API's result cache (the whole-store map) being dropped after an ingest."""

from __future__ import annotations

import json
import math
import random
import threading
from collections import Counter
from datetime import date
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import api_support  # tests/ is on sys.path under pytest (rootdir-relative imports)
from wirescope.api import create_app
from wirescope.api.db import Database
from wirescope.api.ingest import IngestRequest, IngestResult
from wirescope.cli.main import build_app
from wirescope.errors import StoreError
from wirescope.records import Analysis, Article, Provenance
from wirescope.store import Store
from wirescope.store.search import BM25_B, BM25_K1, cluster, index_stats, search, tokens

PROV = Provenance("test", "none", ())
VOCAB = ["ceasefire", "talks", "strike", "drone", "envoy", "border", "troops", "oil", "summit", "tanker", "port"]


def analysis(aid: str, text: str, title: str | None = None) -> Analysis:
    return Analysis(Article(aid, text, title=title, published=date(2020, 1, 1)), PROV)


def corpus(n: int, seed: int = 3) -> list[Analysis]:
    rng = random.Random(seed)
    # Skewed word choice, so queries mix common and rare words and document lengths vary.
    return [
        analysis(
            f"d{i:03d}", " ".join(rng.choice(VOCAB[: rng.randint(2, len(VOCAB))]) for _ in range(rng.randint(3, 40)))
        )
        for i in range(n)
    ]


def reference_bm25(docs: list[Analysis], query: str) -> list[tuple[str, float]]:
    """BM25 over every document holding all query terms, written out plainly."""
    bags = {d.article.id: Counter(tokens(f"{d.article.title or ''}\n{d.article.text}")) for d in docs}
    n = len(bags)
    avgdl = sum(sum(b.values()) for b in bags.values()) / n
    terms = sorted(set(tokens(query)))
    df = {t: sum(1 for b in bags.values() if t in b) for t in terms}
    out = []
    for aid, bag in bags.items():
        if not all(t in bag for t in terms):
            continue
        dl = sum(bag.values())
        score = sum(
            math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
            * bag[t]
            * (BM25_K1 + 1)
            / (bag[t] + BM25_K1 * (1 - BM25_B + BM25_B * dl / avgdl))
            for t in terms
        )
        out.append((aid, score))
    return sorted(out, key=lambda r: (-r[1], r[0]))


QUERIES = ["ceasefire", "port", "talks strike", "oil tanker port", "summit envoy border", "strike nosuchword"]


def ranked(con: duckdb.DuckDBPyConnection, query: str) -> list[tuple[str, float]]:
    return [(r.id, r.score) for r in search(con, query, limit=1000)]


def same_ranking(got: list[tuple[str, float]], want: list[tuple[str, float]]) -> bool:
    """Same articles with the same scores, best first. Equal scores may differ in the last bit (a sum's order is
    not fixed), so ties are compared on rounded scores, then article id."""

    def order(rows: list[tuple[str, float]]) -> list[str]:
        return [a for a, _ in sorted(rows, key=lambda r: (-round(r[1], 9), r[0]))]

    scores = [s for _, s in got]
    return (
        order(got) == order(want)
        and scores == sorted(scores, reverse=True)
        and all(
            math.isclose(g, w, rel_tol=1e-9) for g, w in zip(sorted(scores), sorted(s for _, s in want), strict=False)
        )
        and len(got) == len(want)
    )


def test_search_matches_the_reference_before_and_after_clustering(tmp_path: Path) -> None:
    docs = corpus(120)
    with Store(tmp_path / "s.duckdb") as store:
        store.write(docs, run_id=None)
        before = {q: ranked(store.con, q) for q in QUERIES}
        for q in QUERIES:
            assert same_ranking(before[q], reference_bm25(docs, q)), q
        assert before["strike nosuchword"] == [] and len(before["ceasefire"]) > 10
        postings = store.con.execute("SELECT count(*) FROM article_terms").fetchone()
        stats = cluster(store.con)
        assert stats.postings == postings[0] and stats.documents == 120  # type: ignore[index]
        assert stats.terms == len(VOCAB)
        hashes = [r[0] for r in store.con.execute("SELECT term_hash FROM article_terms ORDER BY rowid").fetchall()]
        assert hashes == sorted(hashes)
        for q in QUERIES:
            assert same_ranking(ranked(store.con, q), before[q]), q
        nulls = store.con.execute(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'article_terms' AND is_nullable = 'YES'"
        ).fetchone()
        assert nulls == (0,)  # the rebuilt table keeps the migration's NOT NULL constraints


def test_writes_after_clustering_replace_an_articles_postings(tmp_path: Path) -> None:
    docs = corpus(60)
    with Store(tmp_path / "s.duckdb") as store:
        store.write(docs, run_id=None)
        cluster(store.con)
        changed = [*docs[1:], analysis("d000", "a quarantine of the harbour, quarantine lifted")]
        for _ in range(2):  # the second write must change nothing: replacing is idempotent
            store.write([changed[-1]], run_id=None)
            assert [a for a, _ in ranked(store.con, "quarantine")] == ["d000"]
            for q in [*QUERIES, "quarantine harbour"]:
                assert same_ranking(ranked(store.con, q), reference_bm25(changed, q)), q
        assert index_stats(store.con).documents == 60
        cluster(store.con)  # clustering again folds the appended postings in
        for q in [*QUERIES, "quarantine harbour"]:
            assert same_ranking(ranked(store.con, q), reference_bm25(changed, q)), q


def test_cluster_needs_a_search_index(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "bare.duckdb"))
    con.execute("CREATE TABLE articles (id VARCHAR)")
    with pytest.raises(StoreError, match="no search index"):
        cluster(con)
    con.close()
    with Store(tmp_path / "empty.duckdb") as store:  # an empty index is fine
        assert cluster(store.con).postings == 0 and search(store.con, "anything") == []


def test_index_command(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write(corpus(30), run_id=None)
    runner = CliRunner()
    result = runner.invoke(build_app(), ["index", "--db", str(path), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["documents"] == 30 and out["terms"] == len(VOCAB) and out["postings"] > 30
    with TestClient(create_app(path)) as client:  # the API serves the clustered store
        items = client.get("/api/search", params={"q": "oil tanker"}).json()["items"]
        assert [i["id"] for i in items] == [a for a, _ in reference_bm25(corpus(30), "oil tanker")][: len(items)]
    missing = runner.invoke(build_app(), ["index", "--db", str(tmp_path / "nope.duckdb")])
    assert missing.exit_code == 2 and "no wirescope database" in missing.output


def test_database_cache_is_per_store_state(tmp_path: Path) -> None:
    path = api_support.write_store(tmp_path / "c.duckdb", aggregate=False)
    db = Database(path)
    calls: list[int] = []

    def compute() -> list[int]:
        calls.append(1)
        return [len(calls)]

    assert db.cached("k", compute) == [1] and db.cached("k", compute) == [1] and len(calls) == 1
    assert db.cached("other", compute) == [2]
    db.refresh()
    assert db.cached("k", compute) == [3]

    def racing() -> list[int]:  # an ingest finishing while the result is computed: the result is not kept
        db.refresh()
        return compute()

    db.refresh()
    assert db.cached("k", racing) == [4] and db.cached("k", compute) == [5]
    # a result ``keep`` refuses (too large to hold) is returned, not cached
    assert db.cached("big", compute, keep=lambda v: v[0] < 0) == [6] and db.cached("big", compute) == [7]
    db.close()


class DeletingIngester:
    """Stands in for the pipeline: the 'ingest' removes every event, so a stale cached map would show."""

    def __init__(self) -> None:
        self.lock = threading.Lock()

    def __call__(self, request: IngestRequest, store: Store) -> IngestResult:
        with self.lock:
            store.con.execute("DELETE FROM events")
        return IngestResult(received=len(request.texts), stored=[], failed=[])


def test_map_is_recomputed_after_an_ingest(tmp_path: Path) -> None:
    path = api_support.write_store(tmp_path / "m.duckdb", aggregate=False)
    with TestClient(create_app(path, token="s3cret-token", ingester=DeletingIngester())) as c:
        first = c.get("/api/map").json()
        assert first["points"] and c.get("/api/map").json() == first
        assert c.get("/api/map", params={"quad_class": 1}).json()["points"] == []  # a filter set has a key of its own
        r = c.post("/api/ingest", json={"texts": [{"text": "x"}]}, headers={"Authorization": "Bearer s3cret-token"})
        assert r.status_code == 200, r.text
        assert c.get("/api/map").json()["points"] == []


def test_cached_term_hashes_are_the_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer's cached hashes equal term_hash, for terms seen before, new ones and after the cache is emptied."""
    from wirescope.store import search

    monkeypatch.setattr(search, "_HASH_CACHE", 3)
    monkeypatch.setattr(search, "_HASH_OF", {})
    for terms in (["iran", "talks", "iran"], ["talks", "geneva", "2,400", "ministers"], ["iran", "éire", "a"], []):
        assert search.term_hashes(terms) == [search.term_hash(t) for t in terms]
    assert len(search._HASH_OF) <= 4  # emptied when it grew past the limit
