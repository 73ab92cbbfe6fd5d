"""Term counts stored at ingest (023_article_terms): story clustering reads them instead of tokenising the text, and
must get exactly the vectors tokenising gives (same counts, same key order), or tokenise when they are missing or
were made by another tokeniser."""

from __future__ import annotations

from pathlib import Path

import pytest

from aggregate_support import analysis
from wirescope.aggregate import build
from wirescope.aggregate.build import AggregateSettings, Docs
from wirescope.aggregate.stories import StoryClusterer
from wirescope.aggregate.story_records import StoryDoc, StorySettings
from wirescope.aggregate.text import terms, weighted_counts, weighted_stored_counts
from wirescope.ingest import terms as ingest_terms
from wirescope.ingest.terms import decode_counts, encode_counts
from wirescope.store import Store
from wirescope.store import aggregate as agg_store

TEXTS = [
    ("Iran's allies vow revenge", "Iran's allies vowed revenge on Monday after the U.S. strike near Baghdad's airport "
     "killed 10 people. The Pentagon said 2,400 troops would stay; Iran’s foreign minister called it 'an act of "
     "war'. Allies, allies and more allies — co-operation ended."),
    (None, "Finance ministers met in Brussels to discuss the budget deficit. The ministers' talks ran late."),
    ("", "Économie: la croissance ralentit à 0,3 % selon l'Insee. Die Bundesregierung berät über den Haushalt."),
    ("The", "the a an of"),  # nothing but stopwords: no terms at all
    ("Talks talks TALKS", ""),  # a title alone, repeated in three cases
]


@pytest.mark.parametrize("weight", [3.0, 1.0, 2, 8.0, 9.0, 1.5, 0.0])
@pytest.mark.parametrize(("title", "text"), TEXTS)
def test_stored_counts_weigh_as_the_tokens_do(title: str | None, text: str, weight: float) -> None:
    stored = decode_counts(encode_counts(title, text))
    assert stored is not None
    want = weighted_counts([(terms(title or ""), weight), (terms(text), 1.0)])
    got = weighted_stored_counts([(stored[0], weight), (stored[1], 1.0)])
    # the same keys in the same order (an article's keys are summed and cut in that order), the same values and types
    assert list(got.items()) == list(want.items())
    assert [type(v) for v in got.values()] == [type(v) for v in want.values()]


def test_a_clusterer_vectorises_stored_counts_as_it_tokenises() -> None:
    clusterer = StoryClusterer(StorySettings(doc_terms=5))  # the cut to the strongest terms reads the same counts
    for i, (title, text) in enumerate(TEXTS):
        plain = StoryDoc(f"a{i}", title, text)
        counted = StoryDoc(f"a{i}", title, text, terms=encode_counts(title, text))
        a, b = clusterer._vectorise(plain), clusterer._vectorise(counted)
        assert list(a.terms.items()) == list(b.terms.items()) and a.ents == b.ents


def test_counts_of_another_tokeniser_are_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    encoded = encode_counts("Budget talks", "Ministers discuss the budget.")
    assert decode_counts(encoded) == ({"budget": 1, "talk": 1}, {"minister": 1, "discuss": 1, "budget": 1})
    assert decode_counts(None) is None and decode_counts("") is None
    monkeypatch.setattr(ingest_terms, "terms_tag", lambda: "another")
    assert decode_counts(encoded) is None
    # the clusterer then tokenises the text: what a story scores comes from the text, not from the stale counts
    stale = StoryDoc("a", "Budget talks", "Ministers discuss the budget.", terms=encoded.replace("budget", "stale"))
    assert "stale" not in StoryClusterer()._vectorise(stale).terms


def test_the_tag_follows_the_stopwords(monkeypatch: pytest.MonkeyPatch) -> None:
    before = ingest_terms.terms_tag()
    ingest_terms.terms_tag.cache_clear()
    monkeypatch.setattr(ingest_terms, "stopwords", lambda: frozenset({"the"}))
    try:
        assert ingest_terms.terms_tag() != before
    finally:
        ingest_terms.terms_tag.cache_clear()


def test_the_writer_stores_counts_and_clustering_reads_them(tmp_path: Path) -> None:
    title, text = TEXTS[0]
    with Store(tmp_path / "s.duckdb") as store:
        store.write([analysis("s1", text, (), title=title)], run_id=None)
        (stored,) = store.con.execute("SELECT terms FROM articles WHERE id = 's1'").fetchone() or (None,)
        assert stored == encode_counts(title, text)
        loaded = build.load(store.con)
        (doc,) = Docs(store.con, loaded)(["s1"])
        assert doc.terms == stored and doc.text == text
        assert agg_store.load_articles(store.con, ids=["s1"])[0].terms == stored  # what an incremental run reads
        # a store written before the migration (no counts) clusters the same
        with_counts = build.cluster(loaded, Docs(store.con, loaded), AggregateSettings().stories)
        store.con.execute("UPDATE articles SET terms = NULL")
        without = build.cluster(build.load(store.con), Docs(store.con, build.load(store.con)),
                                AggregateSettings().stories)
        assert with_counts.clusterer.state() == without.clusterer.state()
