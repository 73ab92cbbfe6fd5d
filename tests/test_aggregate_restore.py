"""What an incremental run restores (issue 20). The open stories, read as columns and built with a few sorts
(``state.load_open_columns``, ``StoryClusterer.from_columns``): the clusterer ``from_state`` builds from the same
stories row by row (the same vectors in the same hash order, date ranges, members, chain flags, document
frequencies and inverted index). The stored merged events new events could join, as shells (``remerge``): the same
tables as a full run where merges depend on places."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from aggregate_support import BAGHDAD, BAGHDAD_AIRPORT, IRAQ, TEHRAN, event
from test_aggregate_incremental import TABLES, Item, _article, corpus, tables, write
from wirescope.aggregate.build import aggregate_store, doc_from_analysis
from wirescope.aggregate.merge import ACTUAL_MODALITIES, EventMerger
from wirescope.aggregate.state import load_open_columns, load_partial_state
from wirescope.aggregate.stories import StoryClusterer
from wirescope.records import Actor, Analysis, Place
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


def _full_and_runs(tmp_path: Path, items: list[Item], bounds: list[int]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The tables of a full run over ``items``, and of incremental runs of them ending at ``bounds``."""
    with Store(tmp_path / "full.duckdb") as full:
        write(full, items)
        aggregate_store(full.con)
        expected = tables(full.con)
    with Store(tmp_path / "inc.duckdb") as inc:
        for lo, hi in zip([0, *bounds], [*bounds, len(items)], strict=True):
            write(inc, items[lo:hi])
            aggregate_store(inc.con)
        got = tables(inc.con)
    return expected, got


@pytest.mark.parametrize("seed", [1, 8, 21])
def test_merge_shells_decide_as_a_full_restore(tmp_path: Path, seed: int) -> None:
    """An incremental run restores the stored merged events new events could join as shells (key, date, best
    place, mention count, creation order) and only the changed ones in full: its tables equal a full run's on a
    corpus whose merges depend on places, in runs of several sizes."""
    items = _placed(corpus(seed, n=120), seed)
    days = [_article(x).published for x in items]
    expected, got = _full_and_runs(tmp_path, items, [b for b in (30, 55, 80, 100) if days[b] != days[b - 1]])
    assert len(expected["merged_events"]) > 20
    for name in TABLES:
        assert got[name] == expected[name], name


def test_vectors_written_by_key_number_are_the_state(tmp_path: Path) -> None:
    """``state_tables`` writes the stories' vectors as Arrow columns by key number (024_story_key_ids) and
    ``story_df`` numbers every key they hold, once, with its hash: read back through the numbers, the vectors of
    the clusterer's state, for a whole state and for a continued run's changed stories."""
    import pyarrow as pa

    from wirescope.aggregate.state import state_tables
    from wirescope.aggregate.tables import STORY_DF, STORY_VECTORS
    from wirescope.aggregate.vectors import key_hash

    def vectors(tables: dict[object, object]) -> list[tuple[object, ...]]:
        df = pa.table(tables[STORY_DF]).to_pylist()  # type: ignore[arg-type]
        numbered = [r for r in df if r["kind"] in ("t", "e")]
        assert all(r["kid"] is not None and r["hash"] == key_hash(r["key"]) for r in numbered)
        key_of = {r["kid"]: (r["kind"], r["key"]) for r in numbered}
        assert len(key_of) == len(numbered)  # one number per key
        vec = pa.table(tables[STORY_VECTORS]).to_pylist()  # type: ignore[arg-type]
        return sorted((r["story_id"], *key_of[r["kid"]], r["weight"]) for r in vec)

    def expected(state: object) -> list[tuple[object, ...]]:
        stories = state.stories  # type: ignore[attr-defined]
        return sorted([(sid, "t", k, w) for sid, st in stories.items() for k, w in st.terms.items()]
                      + [(sid, "e", k, w) for sid, st in stories.items() for k, w in st.ents.items()])

    docs = [doc_from_analysis(item) for item in corpus(12, n=60) if isinstance(item, Analysis)]
    clusterer = StoryClusterer()
    for doc in docs[:40]:
        clusterer.add(doc)
    whole = vectors(state_tables(clusterer))  # type: ignore[arg-type]
    assert whole == expected(clusterer.state()) and len(whole) > 100
    continued = StoryClusterer.from_state(clusterer.state())
    for doc in docs[40:]:
        continued.add(doc)
    changed = vectors(state_tables(continued, changed_only=True, first_kid=10_000))  # type: ignore[arg-type]
    assert changed == expected(continued.state(changed_only=True))
    assert 0 < len({r[0] for r in changed}) < len(continued)


def _dense(items: list[Item], seed: int) -> list[Item]:
    """The placed corpus in 12 days between a few actors (so a run's events join the merged events of the runs
    before), with what a merged event's summary chooses by count, confidence and order varied: codes of one root,
    modalities of one group (asserted, reported), actors of one country under two codes and two names, texts of
    different lengths, with and without an entity id, and half the copies sorting before their original on its day
    (restored after every other article)."""
    rng = random.Random(seed)

    def side(a: Actor | None) -> Actor | None:
        if a is None or a.code is None:
            return a
        return replace(a, text=rng.choice((a.text, a.text + " forces", "the " + a.text, a.text + " men")),
                       name=rng.choice((None, a.code.lower())), entity_id=rng.choice((None, None, f"ent:{a.code}")))

    placed = _placed(items, seed)
    out: list[Item] = []
    day_of = [date(2020, 1, 1) + timedelta(days=k * 12 // len(placed)) for k in range(len(placed))]
    days = {x.article.id: day for x, day in zip(placed, day_of, strict=True) if isinstance(x, Analysis)}
    for x, day in zip(placed, day_of, strict=True):
        if isinstance(x, Analysis):
            evs = [event(e.article_id, rng.choice(("190", "193", "195", "042")), rng.choice(("IRQGOV", "IRQMIL")),
                         rng.choice(("USAMIL", "USAGOV", "IRN")),
                         day=(day - timedelta(days=rng.choice((0, 0, 1)))).isoformat(), sentence=e.sentence,
                         start=e.trigger.start, confidence=e.confidence, modality=rng.choice(ACTUAL_MODALITIES),
                         place=e.place, mentions=e.mentions) for e in x.events]
            x = replace(x, article=replace(x.article, published=day),
                        events=tuple(replace(e, source=side(e.source), target=side(e.target)) for e in evs))
        else:
            copy, original = x
            x = (replace(copy, id=rng.choice((copy.id, "_" + copy.id)), published=days[original]), original)
        out.append(x)
    out.sort(key=lambda x: (_article(x).published, _article(x).id))
    return out


@pytest.mark.parametrize(("seed", "early"), [(3, False), (14, False), (3, True)])
def test_grown_merged_events_summarised_from_their_stored_part(tmp_path: Path, seed: int, early: bool,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A stored merged event that only gains reports is summarised from what its stored events and mentions fold
    to and the new events (``grown.StoredPart``; its stored mentions stay, the new ones are added): the same tables
    as a full run, where the code, modality, actors and place are chosen by counts, confidences and order, and
    copies come before their originals; some merged events are summarised so (or the test would see none)."""
    resumed: list[str] = []
    resume = EventMerger.resume

    def counted(self: EventMerger, event_id: str, day: date | None, part: object) -> None:
        resumed.append(event_id)
        resume(self, event_id, day, part)

    monkeypatch.setattr(EventMerger, "resume", counted)
    items = _dense(corpus(seed, n=160, early_copies=early), seed)  # early: 3 in 4 copies sort before their original
    days = [_article(x).published for x in items]
    # runs end where a day ends (fed in publication order), near these sizes
    expected, got = _full_and_runs(tmp_path, items, sorted(
        {next(i for i in range(b, len(items)) if days[i] != days[i - 1]) for b in (30, 55, 80, 100)}))
    assert len(resumed) >= 10
    # every table: a copy sorting before its original is placed right after it in both (with 3 in 4 copies so, and
    # placed at the end of each run, a later article of seed 3 joined another merged event than in the full run)
    for name in TABLES:
        assert got[name] == expected[name], name
