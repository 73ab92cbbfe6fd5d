"""What an incremental run restores (issue 20). The open stories, read as columns and built with a few sorts
(``state.load_open_columns``, ``StoryClusterer.from_columns``): the clusterer ``from_state`` builds from the same
stories row by row (the same vectors in the same hash order, date ranges, members, chain flags, document
frequencies and inverted index). The stored merged events new events could join, as shells (``remerge``): the same
tables as a full run where merges depend on places."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from aggregate_support import BAGHDAD, BAGHDAD_AIRPORT, IRAQ, TEHRAN
from test_aggregate_incremental import TABLES, Item, _article, corpus, tables, write
from wirescope.aggregate.build import aggregate_store, doc_from_analysis
from wirescope.aggregate.state import load_open_columns, load_partial_state
from wirescope.aggregate.stories import StoryClusterer
from wirescope.records import Analysis, Place
from wirescope.store import Store


def _picture(cl: StoryClusterer) -> dict[str, object]:
    tdf, edf = cl._tdf, cl._edf
    clusters = {
        sid: (tdf.keys(c.tv), c.tv[1].tolist(), edf.keys(c.ev), c.ev[1].tolist(), c.first, c.last, c.chained,
              tuple(c.member_ids), c.loaded)
        for sid, c in cl._clusters.items()}
    index = {cl._key_name(key): sorted(cl._names[n] for n in nums) for key, nums in cl._index.items() if nums}
    live = {cl._key_name(key) for key in np.flatnonzero(cl._index._held).tolist()}
    assert live == set(index)  # the counts by code: exactly the keys some story holds
    df = ({k: (tdf.get(k), tdf.idf(k)) for k in tdf.ids}, {k: (edf.get(k), edf.idf(k)) for k in edf.ids})
    heap = sorted(cl._open)
    # the pooled vectors the compiled scores read (by story number): each story's own arrays
    pools = {sid: [(tdf if pool is cl._tpool else edf).keys((pool.idx[lo:lo + n], pool.val[lo:lo + n]))
                   + pool.val[lo:lo + n].tolist()
                   for pool in (cl._tpool, cl._epool)
                   for lo, n in [(int(pool.start[cl._num[sid]]), int(pool.length[cl._num[sid]]))]]
             for sid in cl._clusters}
    return {"clusters": clusters, "index": index, "df": df, "n": (tdf.n, edf.n), "heap": heap,
            "by_article": dict(cl._by_article), "known": (tdf.known >= set(tdf.ids), edf.known >= set(edf.ids)),
            "pools": pools}


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


def _placed(items: list[Item], seed: int) -> list[Item]:
    """The corpus with places on most events: resolved points far apart (Baghdad, Tehran), near (Baghdad airport),
    a country, an unresolved one, at different confidences, so merges depend on the merged events' best places."""
    rng = random.Random(seed)
    unresolved = Place(0, 4, "Here", None, None, None, None, None, None, None, None, 0.3)
    choices = [None, BAGHDAD, TEHRAN, IRAQ, BAGHDAD_AIRPORT, unresolved, replace(TEHRAN, confidence=0.95)]
    out: list[Item] = []
    for x in items:
        if isinstance(x, Analysis):
            x = replace(x, events=tuple(replace(e, place=rng.choice(choices)) for e in x.events))
        out.append(x)
    return out


@pytest.mark.parametrize("seed", [1, 8, 21])
def test_merge_shells_decide_as_a_full_restore(tmp_path: Path, seed: int) -> None:
    """An incremental run restores the stored merged events new events could join as shells (key, date, best
    place, mention count, creation order) and only the changed ones in full: its tables equal a full run's on a
    corpus whose merges depend on places, in runs of several sizes."""
    items = _placed(corpus(seed, n=120), seed)
    with Store(tmp_path / "full.duckdb") as full:
        write(full, items)
        aggregate_store(full.con)
        expected = tables(full.con)
    days = [_article(x).published for x in items]
    bounds = [b for b in (30, 55, 80, 100) if days[b] != days[b - 1]]
    with Store(tmp_path / "inc.duckdb") as inc:
        for lo, hi in zip([0, *bounds], [*bounds, len(items)], strict=True):
            write(inc, items[lo:hi])
            aggregate_store(inc.con)
        got = tables(inc.con)
    assert len(expected["merged_events"]) > 20
    for name in TABLES:
        assert got[name] == expected[name], name


def test_vectors_written_as_columns_are_the_state_rows(tmp_path: Path) -> None:
    """``state_tables`` writes the stories' vectors as Arrow columns: the same rows, in the same order, as
    ``state_rows`` of the clusterer's state, for a whole state and for a continued run's changed stories."""
    import pyarrow as pa

    from wirescope.aggregate.state import state_rows, state_tables, vector_table
    from wirescope.aggregate.tables import STORY_VECTORS

    def rows(columns: dict[str, object]) -> list[tuple[object, ...]]:
        table = pa.table({c: columns[c] for c in STORY_VECTORS.names})
        return list(zip(*(table.column(c).to_pylist() for c in STORY_VECTORS.names), strict=True))

    docs = [doc_from_analysis(item) for item in corpus(12, n=60) if isinstance(item, Analysis)]
    clusterer = StoryClusterer()
    for doc in docs[:40]:
        clusterer.add(doc)
    whole = state_tables(clusterer)
    assert rows(whole[STORY_VECTORS]) == state_rows(clusterer.state())[STORY_VECTORS]  # type: ignore[arg-type]
    assert len(rows(whole[STORY_VECTORS])) > 100
    continued = StoryClusterer.from_state(clusterer.state())
    for doc in docs[40:]:
        continued.add(doc)
    changed = rows(vector_table(continued.vector_columns(changed_only=True)))
    assert changed == state_rows(continued.state(changed_only=True))[STORY_VECTORS]
    assert 0 < len({r[0] for r in changed}) < len(continued)
