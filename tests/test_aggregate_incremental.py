"""Incremental aggregation equals a full recompute, and rewrites only what changed (issue 20, item 4).

Property: a random corpus (stories over four months, events between countries, near-duplicate copies, events on
both sides of the confidence threshold) is stored in batches split at random points of its publication order,
aggregated after each batch; its aggregate tables equal those of one full aggregation of the whole corpus. Only the
descriptions of stories that did not change may differ (they keep the idf of their last change), so titles,
summaries and key terms are left out of the comparison.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from aggregate_support import analysis, event
from wirescope.aggregate import stories
from wirescope.aggregate.build import AggregateSettings, aggregate_store
from wirescope.records import Analysis, Article, Entity, Mention
from wirescope.store import Store

COUNTRIES = ["USA", "IRN", "IRQ", "ISR", "RUS", "CHN"]
CODES = ["190", "195", "042", "057", "138", "130", "183"]
WORDS = [f"w{i}" for i in range(300)]

# Columns compared, per table: everything an incremental run computes, not the idf-ranked descriptions.
TABLES = {
    "merged_events": "*",
    "event_mentions": "*",
    "stories": "id, size, first_date, last_date, top_entities, top_actors, top_places, sources",
    "story_articles": "*",
    "escalation": "*",
    "alerts": "*",
    # by key, not by key number: numbers are given in the order keys are first written, which differs between
    # runs (024_story_key_ids)
    "story_vectors": "v.story_id, d.kind, d.key, v.weight",
    "story_df": "kind, key, df, hash",
    "story_meta": "*",
}
SOURCES = {"story_vectors": "story_vectors v JOIN story_df d ON d.kid = v.kid"}


Item = Analysis | tuple[Article, str]  # an analysed article, or a near-duplicate copy and its original's id


@pytest.fixture(autouse=True, scope="module")
def _compiled_after_30_articles() -> Iterator[None]:
    """A clusterer takes the compiled scores from its 30th article (kernels; by default from the 2,000th): the full
    runs here switch part of the way and small batches never do, as a full run of a large store and a run of a
    thousand new articles do. The two give the same bits (test_aggregate_kernels), so the tables must agree."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stories, "COMPILE_AFTER", 30)
        yield


def corpus(seed: int, n: int = 70, *, early_copies: bool = False) -> list[Item]:
    """Articles and near-duplicate copies (published the same day as their original or days later), in publication
    order; with ``early_copies`` half of the copies have an id that sorts before their original's, so that on its
    day a copy can come first (the same articles otherwise)."""
    rng = random.Random(seed)
    stories = []
    for s in range(10):
        topic = rng.sample(WORDS, 12)
        start = date(2020, 1, 1) + timedelta(days=rng.randrange(100))
        pair = rng.sample(COUNTRIES, 2)
        stories.append((s, topic, start, pair))
    items: list[Item] = []
    for i in range(n):
        s, topic, start, pair = rng.choice(stories)
        day = start + timedelta(days=rng.choice((0, 0, 1, 2, 5, 9, 20)))
        words = rng.choices(topic, k=25) + rng.choices(WORDS, k=25)
        aid = f"a{i:03d}"
        evs = tuple(
            event(aid, rng.choice(CODES), pair[0] + "GOV", rng.choice((pair[1], rng.choice(COUNTRIES))) + "MIL",
                  day=(day - timedelta(days=rng.choice((0, 0, 1)))).isoformat(), sentence=j, start=10 * j,
                  confidence=rng.choice((0.2, 0.5, 0.8, 0.95)), mentions=(j + 1,) if rng.random() < 0.2 else ())
            for j in range(rng.randrange(4))
        )
        a = analysis(aid, " ".join(words) + ".", evs, title=" ".join(rng.choices(topic, k=4)), published=day,
                     source=f"outlet{rng.randrange(6)}")
        names = sorted({f"Name{rng.choice(topic)}" for _ in range(3)})
        ents = tuple(Entity(f"ent:{nm}", nm, "ORG", (Mention(aid, 0, 0, 1, nm, "ORG"),)) for nm in names)
        a = Analysis(article=a.article, provenance=a.provenance, entities=ents, events=evs)
        items.append(a)
        if rng.random() < 0.2:
            cid = f"{'_c' if early_copies and i % 2 else 'c'}{i:03d}"
            items.append((Article(id=cid, text=a.article.text + " Copied.", title=a.article.title,
                                  published=day + timedelta(days=rng.choice((0, 0, 3))), source="reposter"), aid))
    items.sort(key=lambda x: (_article(x).published, _article(x).id))
    return items


def _article(item: Item) -> Article:
    return item.article if isinstance(item, Analysis) else item[0]


def write(store: Store, items: list[Item]) -> None:
    copies = [(x[0], "near-duplicate", x[1], 0.95) for x in items if not isinstance(x, Analysis)]
    store.write([x for x in items if isinstance(x, Analysis)], run_id=None, others=copies)


def tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[Any, ...]]]:
    def row(values: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(tuple(v) if isinstance(v, list) else v for v in values)

    return {name: sorted((row(r) for r in con.execute(f"SELECT {cols} FROM {SOURCES.get(name, name)}").fetchall()),
                         key=repr)
            for name, cols in TABLES.items()}


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), cuts=st.lists(st.floats(0.05, 0.95), min_size=1, max_size=3))
@example(seed=1, cuts=[0.3, 0.6])  # 6 copies sorting before their original on its day, a run ending at article 55
def test_incremental_equals_full(tmp_path_factory: pytest.TempPathFactory, seed: int, cuts: list[float]) -> None:
    items = corpus(seed, early_copies=True)
    tmp = tmp_path_factory.mktemp("inc")
    with Store(tmp / "full.duckdb") as full:
        write(full, items)
        aggregate_store(full.con)
        expected = tables(full.con)
    # batches split in publication order, never between two articles of one day (a batch is no earlier than the
    # stored articles)
    days = [_article(x).published for x in items]
    bounds = sorted({int(c * len(items)) for c in cuts})
    bounds = [b for b in bounds if 0 < b < len(items) and days[b] != days[b - 1]]
    with Store(tmp / "inc.duckdb") as inc:
        reports = []
        for lo, hi in zip([0, *bounds], [*bounds, len(items)], strict=True):
            write(inc, items[lo:hi])
            reports.append(aggregate_store(inc.con))
        got = tables(inc.con)
    assert [r.incremental for r in reports] == [False] + [True] * len(bounds)
    for name in TABLES:
        assert got[name] == expected[name], name


def test_incremental_rewrites_only_what_changed(tmp_path: Path) -> None:
    items = corpus(3, n=80)
    last_day = _article(items[-1]).published
    assert last_day is not None
    old = [x for x in items if (_article(x).published or last_day) < last_day - timedelta(days=30)]
    with Store(tmp_path / "s.duckdb") as store:
        write(store, old)
        aggregate_store(store.con)
        before = tables(store.con)
        late = last_day + timedelta(days=1)
        new = analysis("zz1", "w1 w2 w3 w4 w5 w6 w7 w8 w9 brand new words here.",
                       (event("zz1", "190", "USAGOV", "IRNMIL", day=late.isoformat(), confidence=0.9),),
                       title="w1 w2 w3", published=late, source="outlet1")
        store.write([new], run_id=None)
        report = aggregate_store(store.con)
        after = tables(store.con)
    assert report.incremental and report.new_articles == 1
    # the new merged event, its mention, a new story and its member: everything else kept as it was
    assert len(after["merged_events"]) == len(before["merged_events"]) + 1
    assert set(before["merged_events"]) <= set(after["merged_events"])
    assert set(before["event_mentions"]) <= set(after["event_mentions"])
    assert set(before["story_articles"]) <= set(after["story_articles"])
    kept = set(before["stories"]) & set(after["stories"])
    assert len(kept) >= len(before["stories"]) - 1
    assert set(before["story_vectors"]) - set(after["story_vectors"]) <= {
        r for r in before["story_vectors"] if r[0] not in {s[0] for s in kept}}
    # a month later than the rest: no stored escalation day is within its trailing window
    assert set(before["escalation"]) <= set(after["escalation"])


@pytest.mark.parametrize("chunk", [7, 25])
def test_streamed_rebuild_equals_full(tmp_path: Path, chunk: int) -> None:
    """A rebuild as incremental runs of ``chunk`` articles from an empty picture (memory bounded by the chunk, not the
    store) gives the tables of the in-memory rebuild."""
    with Store(tmp_path / "s.duckdb") as store:
        write(store, corpus(11, early_copies=True))
        aggregate_store(store.con, rebuild=True)
        expected = tables(store.con)
        report = aggregate_store(store.con, AggregateSettings(chunk=chunk), rebuild=True, streamed=True)
        got = tables(store.con)
    # chunks split days: a copy sorting before its original can fall in the chunk before it (it waits, counted once)
    assert not report.incremental and report.new_articles == len(corpus(11))
    for name in TABLES:
        assert got[name] == expected[name], name


def test_a_large_rebuild_is_streamed_and_duckdbs_memory_limit_put_back(tmp_path: Path) -> None:
    """A rebuild of more than ``stream_above`` articles streams by itself (in memory, a million articles would need
    about 37 GB): the tables of the in-memory rebuild; DuckDB's memory limit is capped during the run only."""
    with Store(tmp_path / "s.duckdb") as store:
        write(store, corpus(11))
        limit = store.con.execute("SELECT current_setting('memory_limit')").fetchone()
        kept = aggregate_store(store.con, AggregateSettings(stream_above=0), rebuild=True)
        expected = tables(store.con)
        report = aggregate_store(store.con, AggregateSettings(chunk=9, stream_above=len(corpus(11)) - 1), rebuild=True)
        got = tables(store.con)
        assert store.con.execute("SELECT current_setting('memory_limit')").fetchone() == limit
    assert report.streamed and not kept.streamed and not report.incremental
    for name in TABLES:
        assert got[name] == expected[name], name


def test_cli_streamed_rebuild_equals_full(tmp_path: Path) -> None:
    """`wirescope aggregate --rebuild --streamed CHUNK` is the library's streamed rebuild: the same tables."""
    from typer.testing import CliRunner

    from wirescope.cli.main import build_app

    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        write(store, corpus(5))
        aggregate_store(store.con, rebuild=True)
        expected = tables(store.con)
    result = CliRunner().invoke(build_app(), ["aggregate", "--db", str(db), "--rebuild", "--streamed", "9", "--json"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        got = tables(store.con)
    for name in TABLES:
        assert got[name] == expected[name], name
    bad = CliRunner().invoke(build_app(), ["aggregate", "--db", str(db), "--streamed", "0"])
    assert bad.exit_code == 2


def test_other_settings_rebuild_instead_of_mixing(tmp_path: Path) -> None:
    """An update under other merge settings than the saved picture's would apply them only to what it touches: the
    run rebuilds instead, and gives the tables of a rebuild with those settings."""
    from wirescope.aggregate.merge import MergeSettings

    items = corpus(4)
    other = AggregateSettings(merge=MergeSettings(code_level="base", date_window_days=5))
    with Store(tmp_path / "a.duckdb") as store:
        write(store, items)
        aggregate_store(store.con, other, rebuild=True)
        expected = tables(store.con)
    with Store(tmp_path / "b.duckdb") as store:
        write(store, items[: len(items) // 2])
        aggregate_store(store.con)
        write(store, items[len(items) // 2:])
        report = aggregate_store(store.con, other)
        got = tables(store.con)
        assert aggregate_store(store.con, other).incremental  # the same settings again: an update
    assert not report.incremental
    for name in TABLES:
        assert got[name] == expected[name], name


def test_deleted_articles_rebuild_their_stories(tmp_path: Path) -> None:
    """A story that lost members would keep their terms in its vector: the next run rebuilds, with the tables of a
    rebuild of the remaining articles."""
    items = corpus(2)
    with Store(tmp_path / "s.duckdb") as store:
        write(store, items)
        aggregate_store(store.con)
        gone = [_article(x).id for x in items if isinstance(x, Analysis)][3:8]
        assert store.delete_articles(gone) == len(gone)
        report = aggregate_store(store.con)
        got = tables(store.con)
        aggregate_store(store.con, rebuild=True)
        expected = tables(store.con)
    assert not report.incremental
    for name in TABLES:
        assert got[name] == expected[name], name



def test_undated_article_restores_only_stories_holding_its_keys(tmp_path: Path) -> None:
    """An undated article may join a story of any date (the date rule exempts it): the update restores the stories
    holding one of its keys, not every story, and still gives a full run's tables. The article repeats an old,
    closed story's words, so restoring only the open stories would start a new story instead."""
    from wirescope.aggregate.incremental import MemberDocs, find_work, open_stories
    from wirescope.aggregate.story_records import StorySettings

    rng = random.Random(5)
    items: list[Item] = []
    for k in range(5):  # five stories 70 days apart, each with words and actors of its own
        topic = WORDS[30 * k:30 * (k + 1)]
        for j in range(6):
            day = date(2020, 1, 1) + timedelta(days=70 * k + j)
            aid = f"a{k}{j}"
            evs = (event(aid, "190", COUNTRIES[k] + "GOV", COUNTRIES[k + 1] + "MIL", day=day.isoformat(),
                         confidence=0.9),)
            items.append(analysis(aid, " ".join(rng.choices(topic, k=40)) + ".", evs,
                                  title=" ".join(rng.choices(topic, k=4)), published=day, source=f"outlet{j}"))
    late = date(2020, 1, 1) + timedelta(days=70 * 4 + 7)
    fresh = [analysis("zz8", " ".join(rng.choices(WORDS[120:150], k=40)) + ".", (), title="w120 w121",
                      published=late, source="outlet1"),
             analysis("zz9", " ".join(rng.choices(WORDS[:30], k=40)) + ".", (), title="w1 w2 w3 w4", published=None,
                      source="outlet2")]
    with Store(tmp_path / "full.duckdb") as full:
        write(full, [*items, *fresh])
        aggregate_store(full.con)
        expected = tables(full.con)
        story_of = dict(full.con.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    assert story_of["zz9"] == story_of["a00"]  # the undated article joins the first, closed story in a full run
    with Store(tmp_path / "inc.duckdb") as inc:
        write(inc, items)
        aggregate_store(inc.con)
        write(inc, fresh)
        restored = open_stories(inc.con, find_work(inc.con, 0.3), StorySettings(), MemberDocs(inc.con, 0.3))
        assert sorted(restored) == sorted({story_of["a00"], story_of["a40"]})  # not the three others
        report = aggregate_store(inc.con)
        got = tables(inc.con)
    assert report.incremental
    for name in TABLES:
        assert got[name] == expected[name], name


def test_an_old_open_story_sharing_one_entity_is_not_missed(tmp_path: Path) -> None:
    """The stories an incremental run restores must include every candidate of the new articles: here a new article
    shares nothing with the stored stories but one entity, held by an old open story that nothing else touches (no
    new event, copy or other article). A full run puts it into that story; so must the update (a restore of the
    stories holding one of its key terms only, or of those a new event or copy touches, starts a new story and
    fails here)."""
    rng = random.Random(7)
    items: list[Item] = []
    for k in range(3):  # three stories of the same days (all open at the new date), words of their own
        topic = WORDS[30 * k:30 * (k + 1)]
        for j in range(6):
            aid = f"a{k}{j}"
            a = analysis(aid, " ".join(rng.choices(topic, k=40)) + ".", (), title=" ".join(rng.choices(topic, k=4)),
                         published=date(2020, 3, 1) + timedelta(days=j), source=f"outlet{j}")
            ents = (Entity("ent:Zephyr", "Zephyr", "ORG", (Mention(aid, 0, 0, 1, "Zephyr", "ORG"),)),) if k == 0 else ()
            items.append(Analysis(article=a.article, provenance=a.provenance, entities=ents, events=()))
    items.sort(key=lambda x: (_article(x).published, _article(x).id))
    new = analysis("zz1", " ".join(rng.choices(WORDS[200:240], k=40)) + ".", (), title="w200 w201 w202",
                   published=date(2020, 3, 8), source="outlet1")
    new = Analysis(article=new.article, provenance=new.provenance, events=(),
                   entities=(Entity("ent:Zephyr", "Zephyr", "ORG", (Mention("zz1", 0, 0, 1, "Zephyr", "ORG"),)),))
    with Store(tmp_path / "full.duckdb") as full:
        write(full, [*items, new])
        aggregate_store(full.con)
        expected = tables(full.con)
        story_of = dict(full.con.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    assert story_of["zz1"] == story_of["a00"]  # joins the story of the shared entity in a full run
    assert len({story_of[f"a{k}0"] for k in range(3)}) == 3
    with Store(tmp_path / "inc.duckdb") as inc:
        write(inc, items)
        aggregate_store(inc.con)
        write(inc, [new])
        report = aggregate_store(inc.con)
        got = tables(inc.con)
    assert report.incremental and report.new_stories == 0
    for name in TABLES:
        assert got[name] == expected[name], name


def _day_boundary(items: list[Item]) -> int:
    """About the middle of the corpus, moved forward to the first article of a new day (a run never splits a day)."""
    half = len(items) // 2
    while _article(items[half]).published == _article(items[half - 1]).published:
        half += 1
    return half


@contextmanager
def _grown_in_two(path: Path, items: list[Item], half: int, *, forget: bool) -> Iterator[Store]:
    """A store aggregated on the first ``half`` articles, then grown by the rest in an incremental run; with
    ``forget``, the members' saved key terms are deleted in between (a store aggregated before migration 021)."""
    with Store(path) as inc:
        write(inc, items[:half])
        aggregate_store(inc.con)
        if forget:
            inc.con.execute("DELETE FROM story_member_terms")
        write(inc, items[half:])
        assert aggregate_store(inc.con).incremental
        yield inc


def test_member_terms_saved_for_every_member_and_texts_as_fallback(tmp_path: Path) -> None:
    """Every placed article's key terms are saved (021_story_member_terms) for the report rule of later runs; a
    store without them (aggregated before the migration) reads the members' texts instead: the same tables."""
    items = corpus(6, n=90)
    half = _day_boundary(items)
    with Store(tmp_path / "full.duckdb") as full:
        write(full, items)
        aggregate_store(full.con)
        expected = tables(full.con)
        placed = full.con.execute("SELECT count(*) FROM story_articles").fetchone()
        saved = full.con.execute("SELECT count(*), count(DISTINCT article_id) FROM story_member_terms").fetchone()
        assert placed is not None and saved == (placed[0], placed[0])
    for forget in (False, True):
        with _grown_in_two(tmp_path / f"inc{forget}.duckdb", items, half, forget=forget) as inc:
            got = tables(inc.con)
        for name in TABLES:
            assert got[name] == expected[name], (forget, name)


@pytest.mark.slow
def test_changed_stories_described_from_saved_member_terms(tmp_path: Path) -> None:
    """An incremental run describes the changed stories from their members' saved key terms (their texts are read,
    not tokenised again): the same titles, summaries and key terms as from the texts (a store without the saved
    terms)."""
    items = corpus(8, n=120)
    half = _day_boundary(items)
    described = {}
    for forget in (False, True):
        with _grown_in_two(tmp_path / f"desc{forget}.duckdb", items, half, forget=forget) as inc:
            described[forget] = inc.con.execute(
                "SELECT id, title, summary, top_terms, size FROM stories ORDER BY id").fetchall()
    assert described[False] == described[True]
    assert any(size > 1 for *_, size in described[False])  # stories with several members were described


def test_migration_022_makes_the_next_run_a_rebuild(tmp_path: Path) -> None:
    """A picture saved before the vectorised scores (022_vectorised_stories) is not continued by them: the migration
    drops the cached norms and the saved settings, so the next run rebuilds, to the tables of a full run."""
    from wirescope.store.store import migrations

    sql = next(text for version, _, text in migrations() if version == 22)
    items = corpus(5)
    with Store(tmp_path / "s.duckdb") as store:
        write(store, items)
        aggregate_store(store.con)
        expected = tables(store.con)
        columns = [r[0] for r in store.con.execute("DESCRIBE story_meta").fetchall()]
        assert columns == ["story_id", "chained"]  # the norms are no state any more
        store.con.execute("DELETE FROM story_df WHERE kind = 's'")  # what 022 does to a saved picture
        assert "DELETE FROM story_df WHERE kind = 's'" in sql
        report = aggregate_store(store.con)
        assert not report.incremental
        assert tables(store.con) == expected


def _varied_events(aid: str, rng: random.Random, day: date) -> tuple[Any, ...]:
    """Events whose actors are known by country and code, by code alone, by entity id or by name only (a key from
    the name is lowercased: 'Hamas' and 'HAMAS' share it), or missing, some undated, of every modality group."""
    from dataclasses import replace

    from wirescope.records import Actor

    def side() -> Actor | None:
        name = rng.choice(("Hamas", "HAMAS", "Wagner", "İstanbul Council"))
        return rng.choice((
            Actor(0, 3, "x", code="USAGOV", country="USA"), Actor(0, 3, "x", code="IGOUNO", country=""),
            Actor(0, 3, "x", name=name, entity_id=rng.choice((None, "", "ent:1"))), Actor(0, 3, name), None))

    out = []
    for j in range(3):
        ev = event(aid, rng.choice(("190", "195", "042")), "USAGOV", "IRNMIL", sentence=j, start=10 * j,
                   day=rng.choice((None, (day - timedelta(days=rng.randrange(4))).isoformat())),
                   modality=rng.choice(("asserted", "reported", "threatened")))
        out.append(replace(ev, source=side(), target=side()))
    return tuple(out)


@pytest.mark.parametrize("level", [("country", "root", 2), ("code", "base", 1), ("entity", "code", 0)])
def test_candidate_groups_are_those_the_key_check_keeps(tmp_path: Path, level: tuple[str, str, int]) -> None:
    """The stored merged events read for a run's new events (filtered in SQL before the records are built) are
    exactly those of all stored merged events whose key and date a new event shares (the check in Python)."""
    from wirescope.aggregate import incremental
    from wirescope.aggregate.build import article_meta
    from wirescope.aggregate.merge import EventMerger, MergeSettings, event_date

    rng = random.Random(7)
    merge = MergeSettings(actor_level=level[0], code_level=level[1], date_window_days=level[2])
    arts = [analysis(f"a{i:03d}", f"text {i}.", _varied_events(f"a{i:03d}", rng, date(2020, 1, 1 + i // 4)),
                     published=date(2020, 1, 1 + i // 4)) for i in range(60)]
    with Store(tmp_path / "s.duckdb") as store:
        store.write(arts[:40], run_id=None)
        aggregate_store(store.con, AggregateSettings(merge=merge, min_confidence=0.0), rebuild=True)
        store.write(arts[40:], run_id=None)
        work = incremental.find_work(store.con, 0.0)
        merger = EventMerger(merge)
        got = incremental.candidate_groups(store.con, merger, work)
        metas = {a.article.id: a for a in arts}
        wanted = {(merger.key(ev), event_date(ev, article_meta(metas[aid]))) for aid, evs in work.pending.items()
                  for ev in evs}
        expected = {m.id for m in incremental.stored_merged(store.con, "true", [])
                    if any(k == merger.key(m) and (d is None) == (m.date is None)  # type: ignore[arg-type]
                           and (d is None or abs((d - m.date).days) <= merge.date_window_days) for k, d in wanted)}
    assert expected and set(got) == expected
