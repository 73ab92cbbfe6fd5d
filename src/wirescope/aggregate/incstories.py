"""The incremental aggregation's story phases (:mod:`wirescope.aggregate.incremental`): the stories still open at the
new articles' dates restored from their saved state, the new articles placed, the changed stories described."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import duckdb

from ..store import aggregate as agg_store
from .incwork import Work, in_order
from .state import df_fetchers, load_open_columns
from .stories import StoryClusterer, article_keys
from .story_records import Story, StoryDoc, StorySettings


def place_article(clusterer: StoryClusterer, a: agg_store.StoredArticle, docs: dict[str, StoryDoc],
                  scores: dict[str, tuple[float, bool]]) -> None:
    from .build import place_article as place

    place(clusterer, a, docs, scores)


class MemberDocs:
    """Story documents of any stored articles, read from the store when first needed."""

    def __init__(self, con: duckdb.DuckDBPyConnection, min_confidence: float) -> None:
        self.con = con
        self.min_confidence = min_confidence

    def __call__(self, ids: Sequence[str]) -> list[StoryDoc]:
        ids = list(ids)
        arts = {a.id: a for a in agg_store.load_articles(self.con, ids=ids)}
        names = agg_store.load_entity_names(self.con, ids)
        places = agg_store.load_places(self.con, ids)
        actors = agg_store.load_actor_names(self.con, ids, self.min_confidence)
        return [StoryDoc(a.id, a.title, a.text, a.published, tuple(names.get(aid, ())), tuple(actors.get(aid, ())),
                         tuple(places.get(aid, ())), a.source, a.terms)
                for aid in ids if (a := arts.get(aid)) is not None]


def open_stories(con: duckdb.DuckDBPyConnection, work: Work, settings: StorySettings,
                 docs: MemberDocs | None = None) -> list[str]:
    """The stored stories the new articles could join or change: those still open at the earliest new date (all,
    when the date rule is off), the stories of new copies' originals, damaged ones, and for an undated new article
    (which may join a story of any date) the stories holding one of its keys (``docs`` reads it)."""
    horizon = max(settings.max_span_days, settings.max_gap_days) if settings.max_gap_days else None
    days = [a.published for a in work.originals if a.published is not None]
    if horizon is None:
        where, params = "true", []
    elif days:
        where, params = "last_date IS NULL OR last_date >= ?", [min(days) - timedelta(days=horizon)]
    else:
        where, params = "false", []
    ids = {r[0] for r in con.execute(f"SELECT id FROM stories WHERE {where}", params).fetchall()}
    undated = [a.id for a in work.originals if a.published is None]
    if undated and horizon is not None:
        ids |= _holding(con, article_keys((docs or MemberDocs(con, 0.0))(undated), settings))
    originals = [a.duplicate_of for a in work.copies]
    ids |= {r[0] for r in con.execute("SELECT story_id FROM story_articles WHERE article_id IN (SELECT unnest(?))",
                                      [originals]).fetchall()}
    return sorted(ids | work.damaged_stories)


def _holding(con: duckdb.DuckDBPyConnection, keys: tuple[set[str], set[str]]) -> set[str]:
    """The stored stories whose vectors hold one of the key terms or entity keys: an undated article's candidates
    come from these (the index holds no others with its keys), so restoring them, not every story, decides the
    same."""
    out: set[str] = set()
    for kind, wanted in zip(("t", "e"), keys, strict=True):
        if wanted:
            out.update(r[0] for r in con.execute(
                "SELECT DISTINCT v.story_id FROM story_vectors v JOIN story_df d ON d.kid = v.kid "
                "WHERE d.kind = ? AND d.key IN (SELECT unnest(?))",
                [kind, sorted(wanted)]).fetchall())
    return out


def cluster_changes(
    con: duckdb.DuckDBPyConnection, work: Work, settings: StorySettings, min_confidence: float,
    lap: Any = lambda name: None,
) -> tuple[StoryClusterer, dict[str, tuple[float, bool]], list[Story], MemberDocs]:
    """Phases 3 and 4: the new articles into the open stories, then the changed stories described (``lap(name)``
    is called after restoring the open stories, placing the articles and describing)."""
    docs = MemberDocs(con, min_confidence)
    cols = load_open_columns(con, open_stories(con, work, settings, docs))
    assert cols is not None  # has_state() was checked
    clusterer = StoryClusterer.from_columns(cols, settings, members=lambda sid: docs(clusterer.member_ids(sid)),
                                            fetch_df=df_fetchers(con))
    restored = {sid: tuple(aid for aid, _, _ in cols.members.get(sid, [])) for sid, *_ in cols.stories}
    _recent_members(con, clusterer, restored, work, docs)
    lap("restore")
    scores: dict[str, tuple[float, bool]] = {}
    fresh = [a for a in work.new if clusterer.story_of(a.id) is None]
    placed: list[agg_store.StoredArticle] = []
    in_order(fresh, placed.append)
    for lo in range(0, len(placed), 2000):  # texts read a chunk at a time: memory stays flat after a large ingest
        chunk = placed[lo:lo + 2000]
        by_id = {d.article_id: d for d in docs([a.id for a in chunk])}
        clusterer.prepare([by_id[a.id] for a in chunk if a.id in by_id and a.status == "analysed"])
        for a in chunk:
            place_article(clusterer, a, by_id, scores)
    lap("cluster")
    changed = sorted(set(clusterer.changed()) | (work.damaged_stories & set(restored)))
    _load_members(clusterer, changed, docs, lambda sid: clusterer.member_ids(sid), con)
    described = clusterer.stories(changed)
    lap("describe")
    return clusterer, scores, described, docs


def _load_members(clusterer: StoryClusterer, stories: Sequence[str], docs: MemberDocs, members: Any,
                  con: duckdb.DuckDBPyConnection | None = None) -> None:
    """Members of some stories read from the store in a few queries (not one round per story); with ``con``,
    their saved key terms (021_story_member_terms) too, so their texts are read but not tokenised again (a
    member placed before that migration is)."""
    wanted = {sid: list(members(sid)) for sid in stories}
    every = [aid for ids in wanted.values() for aid in ids]
    by_id = {d.article_id: d for d in docs(every)}
    terms = {aid: dict(zip(keys, tfs, strict=True)) for aid, keys, tfs in con.execute(
        "SELECT article_id, keys, tfs FROM story_member_terms WHERE article_id IN (SELECT unnest(?))",
        [every]).fetchall()} if con is not None and every else {}
    clusterer.load_members_of({sid: [by_id[a] for a in ids if a in by_id] for sid, ids in wanted.items()}, terms)


def _recent_members(con: duckdb.DuckDBPyConnection, clusterer: StoryClusterer, members: dict[str, tuple[str, ...]],
                    work: Work, docs: MemberDocs) -> None:
    """The members the report rule will compare new articles with, read at once: those of the restored stories,
    published within ``max_gap_days`` before the earliest dated new article (an undated article is exempt from the
    rule; with the rule off, members are read story by story when needed), from their saved key terms. A smaller
    story may grow large enough for the rule during the run: with its terms at hand, its texts are not read then."""
    s = clusterer.settings
    days = [a.published for a in work.originals if a.published is not None]  # an undated one is exempt
    if not days or not s.max_gap_days or not s.member_link:
        return
    floor = min(days) - timedelta(days=s.max_gap_days)
    ids = [aid for m in members.values() for aid in m]
    recent = {r[0] for r in con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?)) AND published >= ?",
                                        [ids, floor]).fetchall()} if ids else set()
    # their saved key terms (021_story_member_terms), else (a store aggregated before it) their texts: those of the
    # large stories at once; a smaller story's, whose saved terms are not all there, when it grows large enough
    saved = {aid: (published, dict(zip(keys, tfs, strict=True))) for aid, published, keys, tfs in con.execute(
        "SELECT c.article_id, a.published, c.keys, c.tfs FROM story_member_terms c JOIN articles a ON a.id = "
        "c.article_id WHERE c.article_id IN (SELECT unnest(?))", [sorted(recent)]).fetchall()} if recent else {}
    large = {sid for sid, m in members.items() if len(m) >= s.link_from_size}
    covered = {sid for sid, m in members.items() if all(a in saved for a in m if a in recent)}
    clusterer.load_member_terms({sid: [(a, *saved[a]) for a in members[sid] if a in saved]
                                 for sid in sorted(large | covered)})
    _load_members(clusterer, sorted(large), docs,
                  lambda sid: [a for a in members[sid] if a in recent and a not in saved])
