"""Restoring the open stories for an incremental run (issue 20): read as columns and built with a few sorts
(``state.load_open_columns``, ``StoryClusterer.from_columns``), the clusterer is the one ``from_state`` builds from
the same stories row by row: the same vectors (in the same hash order), date ranges, members, chain flags,
document frequencies and inverted index."""

from __future__ import annotations

from pathlib import Path

from test_aggregate_incremental import corpus, write
from wirescope.aggregate.build import aggregate_store
from wirescope.aggregate.state import load_open_columns, load_partial_state
from wirescope.aggregate.stories import StoryClusterer
from wirescope.store import Store


def _picture(cl: StoryClusterer) -> dict[str, object]:
    tdf, edf = cl._tdf, cl._edf
    clusters = {
        sid: (tdf.keys(c.tv), c.tv[1].tolist(), edf.keys(c.ev), c.ev[1].tolist(), c.first, c.last, c.chained,
              tuple(c.member_ids), c.loaded)
        for sid, c in cl._clusters.items()}
    index = {key: sorted(cl._names[n] for n in nums) for key, nums in cl._index.items() if nums}
    df = ({k: (tdf.get(k), tdf.idf(k)) for k in tdf.ids}, {k: (edf.get(k), edf.idf(k)) for k in edf.ids})
    heap = sorted(cl._open)
    return {"clusters": clusters, "index": index, "df": df, "n": (tdf.n, edf.n), "heap": heap,
            "by_article": dict(cl._by_article), "known": (tdf.known >= set(tdf.ids), edf.known >= set(edf.ids))}


def test_columns_restore_the_same_clusterer(tmp_path: Path) -> None:
    items = corpus(11, n=90)
    with Store(tmp_path / "s.duckdb") as store:
        write(store, items)
        aggregate_store(store.con)
        ids = [r[0] for r in store.con.execute("SELECT id FROM stories ORDER BY id").fetchall()]
        assert len(ids) >= 4
        for chosen in (ids, ids[::2], []):  # every story, some of them, none
            state = load_partial_state(store.con, chosen)
            cols = load_open_columns(store.con, chosen)
            assert state is not None and cols is not None
            old = _picture(StoryClusterer.from_state(state))
            new = _picture(StoryClusterer.from_columns(cols))
            # frequencies: from_state knows only the keys of the chosen stories' vectors too
            assert new == old
        assert not store.con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary").fetchone()[0]
