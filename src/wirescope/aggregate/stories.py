"""Incremental story clustering: each new article joins the most similar story or starts a new one.

Similarity of an article to a story (both as sparse vectors, cosine):

* **key terms** — stemmed content words of title and body, sublinear tf (the title counted ``title_weight`` times),
  weighted by an idf whose document frequencies are updated as articles arrive, so no corpus pass is needed;
* **entities** — normalised names of entities, coded actors and places (a separate vector with its own idf);
* combined as ``(1 - entity_weight) * terms + entity_weight * entities`` (terms alone when either side has no
  entities), then multiplied by a **time factor**: 1 within ``window_days`` of the story's date range, decaying
  exponentially with ``decay_days`` beyond it, never below ``min_time_factor`` (follow-up reports months later still
  belong to a story, but need more lexical evidence).

An article joins the best story when the score reaches ``threshold``; otherwise it starts a story. Two drift rules
keep a story to one development: its **dates** (joining may not make a story span more than ``max_span_days`` unless
it stays a chain of reports at most ``max_gap_days`` apart) and its **content** (the article must resemble one of the
story's reports of the last ``max_gap_days`` at least ``member_link`` times as much as the story's summed vector,
which grows broad as a story runs on and would otherwise absorb every report on the region; stories of fewer than
``link_from_size`` articles are exempt). A story's vector
is the sum of its members' unit vectors (idf applied at comparison time), pruned to ``max_story_terms`` terms.
Candidate stories come from an inverted index on the article's strongest terms, holding only the stories an article
of that date could still join (a story whose last report is more than ``max_span_days`` before it has drifted by
the date rule, so it leaves the index): the cost per article does not grow with the number of stories or the years
the store covers.

The clusterer's decisions depend only on the articles seen, in order: an article is scored against all its
candidate stories at once in numpy (:mod:`wirescope.aggregate.vectors`), with norms computed afresh at each
comparison, idf from logarithms computed the same way in every run and sums in a fixed order of keys; ties are
broken by id. So continuing from a saved state (:meth:`StoryClusterer.from_state`, even a partial one holding only
the stories still open) decides as one run over all articles would. (Until migration 022 the norms were cached
with the corpus size they were computed at, and sums were ``math.fsum`` in the interpreter: a third of the cost
of aggregating a store; the vectorised scores differ in the last bits, so 022 marks stored pictures for a rebuild.)
"""

from __future__ import annotations

import dataclasses
import hashlib
import heapq
import math
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import ModuleType
from typing import TYPE_CHECKING

import numpy as np

from ..errors import WirescopeError
from .keyindex import KeyIndex
from .story_records import Assignment, ClusterState, Story, StoryDoc, StorySettings, StoryState
from .story_words import first_sentence, most_common, summary
from .storydates import StoryDates
from .text import decode_counts, entity_key, sublinear, terms, weighted_counts, weighted_stored_counts
from .vectors import (
    EMPTY,
    UNDATED,
    DfFetch,
    Frequencies,
    MemberPool,
    StoredKeys,
    StoryArrays,
    StoryPool,
    VectorColumns,
    stable_order,
    vector_columns,
)

if TYPE_CHECKING:
    from .state import OpenColumns


@dataclass
class _DocVec:
    doc: StoryDoc
    terms: dict[str, float]  # sublinear tf (no idf)
    ents: dict[str, float]
    # Query forms, set just before matching (Frequencies.query: key ids, tf * idf, tf * idf^2 / |tf * idf|).
    q_t: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
    q_e: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
    arrays: StoryArrays | None = None  # a member's terms as arrays, for the report rule (Frequencies.story_arrays)
    light: bool = False  # a member restored from its saved key terms only: enough for the report rule, not to describe


@dataclass
class _Cluster:
    id: str
    members: list[_DocVec] = field(default_factory=list)  # vectors of members loaded in this session
    member_ids: list[str] = field(default_factory=list)  # all members, in the order they joined
    changed: bool = False  # gained members in this session
    # sums of members' unit tf vectors (Frequencies.merge), terms and entities: key ids and weights in hash order
    tv: StoryArrays = EMPTY
    ev: StoryArrays = EMPTY
    first: date | None = None
    last: date | None = None
    chained: bool = True  # no gap of more than max_gap_days between its dated members (as they joined)
    loaded: bool = True  # its members' vectors are in ``members`` (False for a story restored from a state)
    dirty: bool = False  # its saved state changed in this session (members or vectors)
    pool: MemberPool | None = None  # its members' key terms for the compiled report rule (_member_pool)


class StoryClusterer:
    """Single-pass clustering over a stream of articles; feed them in publication order."""

    def __init__(
        self,
        settings: StorySettings | None = None,
        *,
        members: Callable[[str], Sequence[StoryDoc]] | None = None,
        fetch_df: tuple[DfFetch, DfFetch] | None = None,
    ) -> None:
        """``members(story_id)`` gives the member documents of a story restored from a state, read when a decision
        needs them; ``fetch_df`` (terms, entities) reads the frequencies of keys a partial state does not hold."""
        self.settings = settings or StorySettings()
        self._tdf = Frequencies(fetch_df[0] if fetch_df else None)
        self._edf = Frequencies(fetch_df[1] if fetch_df else None)
        self._members = members
        self._prepared: dict[str, _DocVec] = {}  # vectors of documents about to be added (prepare)
        self._clusters: dict[str, _Cluster] = {}
        # term or entity (by code: _codes) -> numbers of the open clusters holding it (numbers, not ids:
        # candidates are counted in numpy); a cluster's number is its position in ``_names``, ``_rank`` its id's
        # order as a number
        self._index = KeyIndex()
        self._num: dict[str, int] = {}
        self._names: list[str] = []
        self._rank = np.zeros(1024, dtype=np.int64)
        self._ranked = True  # every id is 's' + 15 hex digits (story_id), so ids order as their numbers do
        self._dates = StoryDates(self.settings)  # each numbered story's dates, for the date rule and time factor
        # each numbered story's vectors of terms and entities, flat, for the compiled scores (kernels.story_scores,
        # imported once COMPILE_AFTER articles were placed, not with this module, so that what only reads
        # StorySettings, such as an ingest, never loads numba: see _scores)
        self._tpool, self._epool = StoryPool(), StoryPool()
        self._kernels: ModuleType | None = None
        self._scratch = np.zeros(0, dtype=np.int64)  # zero counts by story number, for kernels.candidates
        self._placed = 0
        self._by_article: dict[str, str] = {}
        # Stories leave the index once no later article can join them (the date rule): a heap of (last date, id),
        # the closed ones with their last date, and the earliest last date an open story may have.
        self._open: list[tuple[date, str]] = []
        self._closed: dict[str, date] = {}
        self._floor: date | None = None

    # -- public -----------------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._clusters)

    @property
    def documents(self) -> int:
        """The number of documents the frequencies count (the saved state's kind n)."""
        return self._tdf.n

    def story_of(self, article_id: str) -> str | None:
        return self._by_article.get(article_id)

    def add(self, doc: StoryDoc) -> Assignment:
        """Place one article: join the most similar story or start one. Re-adding a known article is a no-op."""
        known = self._by_article.get(doc.article_id)
        if known is not None:
            return Assignment(doc.article_id, known, 1.0, False)
        vec = self._prepared.pop(doc.article_id, None) or self._vectorise(doc)
        self._placed += 1
        self._tdf.ensure(vec.terms)
        self._edf.ensure(vec.ents)
        kernels = self._compiled()
        vec.q_t = self._tdf.query(vec.terms, self._tdf.add(vec.terms, kernels))
        vec.q_e = self._edf.query(vec.ents, self._edf.add(vec.ents, kernels))
        self._close_until(doc.published)
        best_id, best = None, 0.0
        nums, factors = self._dates.rule(self._candidate_nums(vec), doc.published, kernels)
        names, threshold = self._names, self.settings.threshold
        scores, cos_t = self._scores(vec, nums, factors)
        for n, score, cos in zip(nums.tolist(), scores, cos_t, strict=True):
            if score > best and score >= threshold and not self._linked(vec, self._clusters[names[n]], cos):
                continue
            if score > best:
                best_id, best = names[n], score
        if best_id is not None and best >= self.settings.threshold:
            self._attach(self._clusters[best_id], vec)
            return Assignment(doc.article_id, best_id, best, False)
        cid = story_id(doc.article_id)
        self._clusters[cid] = _Cluster(cid)
        self._attach(self._clusters[cid], vec)
        return Assignment(doc.article_id, cid, best, True)

    def prepare(self, docs: Sequence[StoryDoc]) -> None:
        """Vectorise documents about to be added, and read the stored frequencies of all their keys at once (with a
        partial state, one read per batch instead of one per article)."""
        vecs = [self._vectorise(doc) for doc in docs]
        self._tdf.ensure({k for v in vecs for k in v.terms})
        self._edf.ensure({k for v in vecs for k in v.ents})
        self._prepared.update((v.doc.article_id, v) for v in vecs)

    def seed(self, story: str, docs: Sequence[StoryDoc]) -> None:
        """Restore a stored story (its id and members) without re-deciding, so later articles can join it."""
        cluster = self._clusters.setdefault(story, _Cluster(story))
        for doc in docs:
            if doc.article_id in self._by_article:
                continue
            vec = self._vectorise(doc)
            self._tdf.ensure(vec.terms)
            self._edf.ensure(vec.ents)
            self._tdf.add(vec.terms)
            self._edf.add(vec.ents)
            self._attach(cluster, vec)

    def state(self, *, changed_only: bool = False, vectors: bool = True) -> ClusterState:
        """What :meth:`from_state` needs to continue clustering later without the articles' texts; with
        ``changed_only``, only the stories and frequencies that changed in this session (what to save). Without
        ``vectors``, the stories' vectors are left empty: the writer takes them as :meth:`vector_columns`."""
        chosen = [c for c in self._clusters.values() if c.dirty or not changed_only]
        tdf, edf = self._tdf, self._edf
        return ClusterState(
            n=tdf.n,
            term_df=tdf.items(tdf.touched if changed_only else None),
            ent_df=edf.items(edf.touched if changed_only else None),
            stories={
                c.id: StoryState(tdf.vector(c.tv) if vectors else {}, edf.vector(c.ev) if vectors else {}, c.first,
                                 c.last, tuple(c.member_ids), c.chained)
                for c in chosen
            },
        )

    def vector_columns(self, *, changed_only: bool = False) -> tuple[VectorColumns, VectorColumns]:
        """The vectors of :meth:`state`'s stories as columns, key terms then entities, with their keys' numbers in
        the store (call :meth:`stored_keys` first: it numbers the keys the store lacks)."""
        chosen = [c for c in self._clusters.values() if c.dirty or not changed_only]
        ids = [c.id for c in chosen]
        return (vector_columns("t", ids, [c.tv for c in chosen], self._tdf.names, self._tdf.kid),
                vector_columns("e", ids, [c.ev for c in chosen], self._edf.names, self._edf.kid))

    def stored_keys(self, *, changed_only: bool = False, first_kid: int = 0) -> tuple[StoredKeys, StoredKeys]:
        """The keys ``story_df`` is to hold after this session, key terms then entities: those whose frequency
        changed in it (without ``changed_only``: every key with a frequency) and any key of :meth:`vector_columns`'
        stories the store has no number for, numbered from ``first_kid`` where the store has none (without
        ``changed_only`` all of them: a whole state is written afresh)."""
        chosen = [c for c in self._clusters.values() if c.dirty or not changed_only]
        out = []
        for freq, vectors in ((self._tdf, [c.tv[0] for c in chosen]), (self._edf, [c.ev[0] for c in chosen])):
            held = np.concatenate([EMPTY[0], *vectors])
            if changed_only:
                extra = held[freq.kid[held] < 0]
            else:
                freq.kid[:] = -1
                extra = held[freq.df[held] == 0.0]  # none in practice: a story's keys are chosen for their frequency
            idx = np.union1d(freq.chosen(freq.touched if changed_only else None), extra)
            first_kid = freq.number(idx, first_kid)
            out.append(freq.stored(idx))
        return out[0], out[1]

    def chain_flags(self, *, changed_only: bool = False) -> list[tuple[str, bool]]:
        """(story id, chained) of :meth:`state`'s stories: the rows of ``story_meta``."""
        return [(c.id, c.chained) for c in self._clusters.values() if c.dirty or not changed_only]

    @classmethod
    def from_state(
        cls,
        state: ClusterState,
        settings: StorySettings | None = None,
        *,
        members: Callable[[str], Sequence[StoryDoc]] | None = None,
        fetch_df: tuple[DfFetch, DfFetch] | None = None,
    ) -> StoryClusterer:
        """A clusterer that continues from a saved state; stories loaded this way are not ``changed``. Without
        ``members``, a restored story's members are unknown to the report rule until :meth:`load_members`."""
        self = cls(settings, members=members, fetch_df=fetch_df)
        self._tdf.n = self._edf.n = state.n
        self._tdf.set(state.term_df)
        self._edf.set(state.ent_df)
        self._tdf.ensure({k for st in state.stories.values() for k in st.terms})  # keys a partial state lacks
        self._edf.ensure({k for st in state.stories.values() for k in st.ents})
        for sid, st in state.stories.items():
            cluster = _Cluster(
                sid,
                member_ids=list(st.member_ids),
                tv=self._tdf.story_arrays(st.terms),
                ev=self._edf.story_arrays(st.ents),
                first=st.first,
                last=st.last,
                chained=st.chained,
                loaded=False,
            )
            self._clusters[sid] = cluster
            self._open_cluster(cluster)
            num = self._number(sid)
            self._dates.set(num, st.first, st.last, st.chained)
            self._tpool.put(num, cluster.tv)
            self._epool.put(num, cluster.ev)
            for aid in st.member_ids:
                self._by_article[aid] = sid
        return self

    @classmethod
    def from_columns(
        cls,
        cols: OpenColumns,
        settings: StorySettings | None = None,
        *,
        members: Callable[[str], Sequence[StoryDoc]] | None = None,
        fetch_df: tuple[DfFetch, DfFetch] | None = None,
    ) -> StoryClusterer:
        """:meth:`from_state` of a state read as columns (:func:`state.load_open_columns`): the same clusterer,
        built with a few sorts instead of a dict, an array and index entries per story and key."""
        self = cls(settings, members=members, fetch_df=fetch_df)
        self._tdf.n = self._edf.n = cols.n
        ent = cols.entity
        fid = np.zeros(len(ent), dtype=np.int64)  # key position -> its id in its Frequencies
        for freq, mask in ((self._tdf, ~ent), (self._edf, ent)):
            where = np.flatnonzero(mask)
            fid[where] = freq.register(cols.keys.take(where))
        row_ent = ent[cols.key]
        row_id = fid[cols.key]
        # by story, terms first, each in hash order: each key ranked once by (entity, hash), then one sort of the rows
        # by story and rank (a three-key lexsort of the 1.5 million rows of 200k articles' open stories took 0.25 s
        # of CPU, this 0.04 s; the same order, as no two keys of a story share a rank)
        key_hash = np.empty(len(fid), dtype=np.int64)
        key_hash[~ent] = self._tdf.hash[fid[~ent]]
        key_hash[ent] = self._edf.hash[fid[ent]]
        rank = np.empty(len(fid), dtype=np.int64)
        rank[np.lexsort((key_hash, ent))] = np.arange(len(fid))
        order = stable_order(cols.story.astype(np.int64) * max(len(fid), 1) + rank[cols.key])
        sorted_story = cols.story[order]
        ids, weights = row_id[order], cols.weight[order]
        n = len(cols.stories)
        starts = np.searchsorted(sorted_story, np.arange(n + 1))
        ents_at = starts[:-1] + np.bincount(cols.story, minlength=n)[:n] - np.bincount(
            cols.story[row_ent], minlength=n)[:n]
        nums = np.zeros(n, dtype=np.int64)
        for k, (sid, first, last, chained) in enumerate(cols.stories):
            lo, mid, hi = int(starts[k]), int(ents_at[k]), int(starts[k + 1])
            cluster = _Cluster(sid, member_ids=[aid for aid, _, _ in cols.members.get(sid, [])],
                               tv=(ids[lo:mid], weights[lo:mid]), ev=(ids[mid:hi], weights[mid:hi]),
                               first=first, last=last, chained=chained, loaded=False)
            self._clusters[sid] = cluster
            nums[k] = self._number(sid)
            self._dates.set(int(nums[k]), first, last, chained)
            if last is not None and self._horizon() is not None:
                heapq.heappush(self._open, (last, sid))
            for aid in cluster.member_ids:
                self._by_article[aid] = sid
        # the vectors for the compiled scores: the sorted columns themselves, terms then entities of each story
        self._tpool.load(ids, weights, nums, starts[:-1], ents_at - starts[:-1])
        self._epool.load(ids, weights, nums, ents_at, starts[1:] - ents_at)
        # the index: each key's stories at once, as arrays (the sets _open_cluster would make are made only for
        # the keys a story joins or leaves in this run: keyindex)
        if len(cols.key):
            by_key = stable_order(cols.key)
            keys, holders = cols.key[by_key], nums[cols.story[by_key]]
            bounds = np.concatenate([[0], np.flatnonzero(np.diff(keys)) + 1, [len(keys)]])
            codes = 2 * fid + ent  # each key position's code (_codes)
            self._index = KeyIndex.from_groups(codes[keys[bounds[:-1]]].tolist(), bounds.tolist(), holders)
        return self

    def member_ids(self, story: str) -> tuple[str, ...]:
        return tuple(self._clusters[story].member_ids)

    def changed(self) -> list[str]:
        """Ids of stories that gained members since this clusterer was created."""
        return [c.id for c in self._clusters.values() if c.changed]

    def load_members(self, story: str, docs: Sequence[StoryDoc]) -> None:
        """Give a restored story its members' texts back (for its title, summary and the report rule) without
        changing its vectors; members are kept in the order they joined."""
        self.load_members_of({story: docs})

    def load_members_of(self, docs: dict[str, Sequence[StoryDoc]],
                        terms: Mapping[str, dict[str, float]] | None = None) -> None:
        """:meth:`load_members` for several stories, reading the stored frequencies of their terms at once. A
        story given only its recent members (those the report rule compares with) counts as loaded. ``terms``: the
        members' saved key terms (:meth:`member_terms`, by article id), taken instead of tokenising their texts
        again: a member keeps only its strongest terms, which depend on its text alone, so they are the same."""
        saved = terms or {}
        vecs: dict[str, list[_DocVec]] = {}
        for story, members in docs.items():
            have = {m.doc.article_id for m in self._clusters[story].members if not m.light}
            vecs[story] = [_DocVec(_lead(d), saved[d.article_id], {}) if d.article_id in saved else self._member(d)
                           for d in members if d.article_id not in have]
        self._tdf.ensure({k for vs in vecs.values() for v in vs for k in v.terms})
        for story, vs in vecs.items():
            cluster = self._clusters[story]
            have_vec = {m.doc.article_id: m for m in cluster.members}
            have_vec.update((v.doc.article_id, v) for v in vs)
            cluster.members = [have_vec[aid] for aid in cluster.member_ids if aid in have_vec]
            cluster.loaded = True

    def _member(self, doc: StoryDoc) -> _DocVec:
        """What a story keeps of a member: the lead of its text and its strongest terms."""
        return _DocVec(_lead(doc), self._top(self._vectorise(doc).terms), {})

    def load_member_terms(self, terms: dict[str, Sequence[tuple[str, date | None, dict[str, float]]]]) -> None:
        """Give restored stories members known only by their saved key terms (article id, publication date, terms
        as :meth:`member_terms` gave them): what the report rule compares with, without the texts. A story given
        them counts as loaded; describing it needs :meth:`load_members_of`, which replaces them."""
        for story, members in terms.items():
            cluster = self._clusters[story]
            have = {m.doc.article_id: m for m in cluster.members}
            for aid, published, vec in members:
                have.setdefault(aid, _DocVec(StoryDoc(aid, None, "", published), vec, {}, light=True))
            cluster.members = [have[aid] for aid in cluster.member_ids if aid in have]
            cluster.loaded = True

    def member_terms(self, ids: Iterable[str] | None = None) -> list[tuple[str, list[str], list[float]]]:
        """(article id, key terms, their tf) of the members placed or loaded in this session (of ``ids``, or all),
        in the order the report rule sums them: what :meth:`load_member_terms` restores."""
        wanted = None if ids is None else set(ids)
        return [(m.doc.article_id, list(m.terms), list(m.terms.values()))
                for c in self._clusters.values() for m in c.members
                if not m.light and (wanted is None or m.doc.article_id in wanted)]

    def stories(self, ids: Iterable[str] | None = None) -> list[Story]:
        """Descriptions of all stories (or of ``ids``), largest first."""
        chosen = self._clusters.values() if ids is None else [self._clusters[i] for i in ids]
        out = [self._describe(c) for c in chosen]
        out.sort(key=lambda s: (-s.size, s.first_date or date.min, s.id))
        return out

    def similarity(self, vec: _DocVec, cluster: _Cluster) -> float:
        """The score of a vectorised article (its query form set) against one story."""
        return self._scores(vec, np.array([self._number(cluster.id)], dtype=np.int64))[0][0]

    def _scores(self, vec: _DocVec, nums: np.ndarray, factors: np.ndarray | None = None,
                ) -> tuple[list[float], list[float]]:
        """Scores of an article against stories (``nums``: their numbers), and the cosines of their key terms, all
        at once: ``(1 - entity_weight) * cos(terms) + entity_weight * cos(entities)`` (terms alone when either side
        has no entities), times the time factor. Norms are computed now, with today's idf (nothing cached).

        Two implementations give the same bits (tests/test_aggregate_kernels.py): numpy over the candidates'
        arrays, and one compiled pass over the stories' pooled vectors (kernels.story_scores, about four times
        faster), its sums in the order numpy's ``bincount`` made them. Loading numba and the cached kernels costs
        about 1 s of CPU per process, more than a run of a thousand articles saves, so the compiled one is taken
        and the merges into a story (kernels.merge_story) from the article after the COMPILE_AFTER-th a clusterer
        places."""
        s = self.settings
        if not len(nums):
            return [], []
        assert vec.q_t is not None and vec.q_e is not None
        if factors is None:
            factors = self._dates.factors(nums, vec.doc.published)
        entities = bool(vec.ents) and s.entity_weight > 0
        kernels = self._compiled()
        if kernels is None:
            return self._numpy_scores(vec, nums, factors, entities)
        t, e, tp, ep = self._tdf, self._edf, self._tpool, self._epool
        score, cos_t = kernels.story_scores(
            nums, factors,
            tp.start, tp.length, tp.idx, tp.val, t.ldf, t.top(), vec.q_t[0], vec.q_t[2], t.dense,
            ep.start, ep.length, ep.idx, ep.val, e.ldf, e.top(), vec.q_e[0], vec.q_e[2], e.dense,
            entities, 1.0 - s.entity_weight, s.entity_weight)
        return score.tolist(), cos_t.tolist()

    def _compiled(self) -> ModuleType | None:
        """The kernels module once this clusterer takes the compiled loops (:meth:`_scores`), else None."""
        if self._kernels is None and self._placed > COMPILE_AFTER:
            from . import kernels
            self._kernels = self._index.kernels = kernels
        return self._kernels

    def _numpy_scores(self, vec: _DocVec, nums: np.ndarray, factors: np.ndarray, entities: bool,
                      ) -> tuple[list[float], list[float]]:
        """:meth:`_scores` in numpy, over the candidates' arrays."""
        assert vec.q_t is not None and vec.q_e is not None
        s, names = self.settings, self._names
        clusters = [self._clusters[names[n]] for n in nums.tolist()]
        cos_t = self._tdf.cosines(vec.q_t[0], vec.q_t[2], [c.tv for c in clusters])
        score = cos_t
        if entities:
            cos_e = self._edf.cosines(vec.q_e[0], vec.q_e[2], [c.ev for c in clusters])
            both = np.fromiter((len(c.ev[0]) > 0 for c in clusters), dtype=bool, count=len(clusters))
            score = np.where(both, (1.0 - s.entity_weight) * cos_t + s.entity_weight * cos_e, cos_t)
        return (score * factors).tolist(), cos_t.tolist()

    # -- internals --------------------------------------------------------------------------------------------

    def _vectorise(self, doc: StoryDoc) -> _DocVec:
        s = self.settings
        stored = decode_counts(doc.terms)
        if stored is not None:
            counts = weighted_stored_counts([(stored[0], s.title_weight), (stored[1], 1.0)])
        else:
            counts = weighted_counts([(terms(doc.title or ""), s.title_weight), (terms(doc.text), 1.0)])
        # counted in C, in the order first seen: entities (those with a key), actors, places
        ents = Counter(["e:" + key for key in map(entity_key, doc.entities) if key])
        ents.update(["a:" + key for key in map(entity_key, doc.actors)])
        ents.update(["p:" + key for key in map(entity_key, doc.places)])
        tf = sublinear(counts)
        if s.doc_terms and len(tf) > s.doc_terms:
            # Keep the article's most distinctive terms: long articles otherwise dilute the cosine with asides.
            ranked = sorted(tf.items(), key=lambda kv: kv[1] * self._tdf.idf(kv[0]), reverse=True)
            tf = dict(ranked[: s.doc_terms])
        return _DocVec(doc, tf, sublinear(ents))

    def _cosine(self, doc: dict[str, float], story: dict[str, float], story_norm: float, df: Frequencies) -> float:
        if not doc or story_norm == 0.0:
            return 0.0
        dot = 0.0
        dnorm = 0.0
        # the idfs of all the keys at once (Frequencies.idfs: the values idf() gives one by one); the sums stay in
        # the keys' order, in the interpreter, so the central member is the same
        for (key, tf), idf in zip(doc.items(), df.idfs(doc), strict=True):
            w = tf * idf
            dnorm += w * w
            sv = story.get(key)
            if sv is not None:
                dot += w * sv * idf
        if dnorm == 0.0:
            return 0.0
        return dot / (math.sqrt(dnorm) * story_norm)

    def _linked(self, vec: _DocVec, cluster: _Cluster, cos_t: float) -> bool:
        """Like one of the story's recent members (within ``max_gap_days``), not only its sum: a story that has
        drifted through many reports has a broad vector that any report on the region resembles."""
        # compared like for like: key terms against key terms (the story's score also counts named entities)
        need = self.settings.member_link * cos_t
        day = vec.doc.published
        if not need or day is None:
            return True
        if not cluster.loaded and self._members is not None and len(cluster.member_ids) >= self.settings.link_from_size:
            self.load_members(cluster.id, self._members(cluster.id))
        if len(cluster.member_ids) < self.settings.link_from_size:
            return True  # a small story is still one development
        limit = self.settings.max_gap_days or 10**6
        assert vec.q_t is not None
        kernels = self._compiled()
        if kernels is not None:
            t, pool = self._tdf, self._member_pool(cluster)
            found = kernels.linked(vec.q_t[0], vec.q_t[2], pool.start, pool.length, pool.idx, pool.val, t.ldf,
                                   t.top(), t.dense, pool.days, day.toordinal(), limit, need)
            return found != 0  # -1: no recent member (a restored story lacks its members' vectors)
        recent = [m for m in cluster.members if m.doc.published is not None
                  and abs((day - m.doc.published).days) <= limit]
        if not recent:
            return True  # a restored story lacks its members' vectors
        arrays = [self._member_arrays(m) for m in recent]
        return bool((self._tdf.cosines(vec.q_t[0], vec.q_t[2], arrays) >= need).any())

    def _member_pool(self, cluster: _Cluster) -> MemberPool:
        """The story's members' arrays and days pooled for kernels.linked: extended with the members that joined
        since, made afresh when the members were reloaded (a new list)."""
        pool = cluster.pool
        if pool is None or pool.source is not cluster.members:
            pool = cluster.pool = MemberPool(cluster.members)
        new = cluster.members[pool.count:]
        if new:
            self._tdf.ensure({k for m in new for k in m.terms})  # one read of a partial state's missing keys
            pool.extend([self._member_arrays(m) for m in new],
                        [UNDATED if m.doc.published is None else m.doc.published.toordinal() for m in new])
        return pool

    def _top(self, vec: dict[str, float]) -> dict[str, float]:
        """A member's strongest terms (ties by key), what it keeps after joining."""
        return vec if len(vec) <= _MEMBER_TERMS else self._tdf.prune(vec, _MEMBER_TERMS)

    def _member_arrays(self, member: _DocVec) -> StoryArrays:
        """A member's key terms as arrays (its tf: the idf is applied at each comparison), made once."""
        if member.arrays is None:
            self._tdf.ensure(member.terms)
            member.arrays = self._tdf.story_arrays(member.terms)
        return member.arrays

    def _query_keys(self, vec: _DocVec) -> list[int]:
        """The codes of the article's strongest ``query_terms`` keys (by tf * idf, ties by key name, larger first)
        among those some open story holds: the rarest terms of an article are often its own, which would find
        nothing. The keys sorted by (weight, name) before: the same set (the order does not matter to the
        candidates), as the weights above the ``query_terms``-th largest and, of those tied at it, the largest
        names."""
        assert vec.q_t is not None and vec.q_e is not None
        n = self.settings.query_terms
        if self._kernels is not None:  # compiled: the same keys in one call, unless the cut needs key names
            found, ties = self._kernels.query_keys(vec.q_t[0], vec.q_t[1], vec.q_e[0], vec.q_e[1], self._index.held,
                                                   n)
            if not ties:
                return found.tolist()
        codes = np.concatenate([2 * vec.q_t[0], 2 * vec.q_e[0] + 1])
        weights = np.concatenate([vec.q_t[1], vec.q_e[1]])
        live = self._index.live_mask(codes)
        codes, weights = codes[live], weights[live]
        if len(codes) <= n:
            return codes.tolist()
        kth = np.partition(weights, len(weights) - n)[len(weights) - n]  # the n-th largest weight
        keep = weights > kth
        tied = np.flatnonzero(weights == kth)
        need = n - int(keep.sum())
        if need < len(tied):  # the tied keys with the largest names
            names = [self._key_name(c) for c in codes[tied].tolist()]
            tied = np.array([i for _, i in sorted(zip(names, tied.tolist(), strict=True), reverse=True)[:need]],
                            dtype=np.int64)
        keep[tied] = True
        return codes[keep].tolist()

    def _key_name(self, code: int) -> str:
        """The term or entity key of an index code (:meth:`_codes`)."""
        return (self._edf if code & 1 else self._tdf).names[code >> 1]

    def _codes(self, cluster: _Cluster) -> np.ndarray:
        """The index codes of a story's keys: a term's id times two, an entity key's id times two plus one (ids
        of two Frequencies, one index)."""
        return np.concatenate([2 * cluster.tv[0], 2 * cluster.ev[0] + 1])

    def _candidates(self, vec: _DocVec) -> list[str]:
        """The ids of the article's candidate stories (:meth:`_candidate_nums`), in their order."""
        names = self._names
        return [names[n] for n in self._candidate_nums(vec).tolist()]

    def _candidate_nums(self, vec: _DocVec) -> np.ndarray:
        """The numbers of the ``max_candidates`` open stories holding most of the article's query keys, ties by
        id. Counted in numpy: a key common to the news of the last two months is held by most open stories, so the
        counting is the one part of placing an article whose cost grows with the stories open at once."""
        nums = self._index.gather(self._query_keys(vec))
        total = len(nums)
        if not total:
            return nums
        if self._kernels is not None and self._ranked:  # compiled: the same choice (test_aggregate_candidates)
            if len(self._scratch) < len(self._rank):
                self._scratch = np.zeros(len(self._rank), dtype=np.int64)
            return self._kernels.candidates(nums, self._rank, self.settings.max_candidates, self._scratch)
        if total > _DENSE_COUNT:  # many stories: count by number (linear), not by sorting
            counts = np.bincount(nums)
            hit = np.flatnonzero(counts)
            counts = counts[hit]
        else:
            hit, counts = np.unique(nums, return_counts=True)
        m = self.settings.max_candidates
        names = self._names
        if not self._ranked:  # ids of other forms (seeded stories): ordered as strings
            best = heapq.nsmallest(m, zip(hit.tolist(), counts.tolist(), strict=True),
                                   key=lambda hc: (-hc[1], names[hc[0]]))
            return np.array([h for h, _ in best], dtype=np.int64)
        if len(hit) > m:  # the m-th largest count, then the ones above it and the tied ones, before sorting
            kth = np.partition(counts, len(counts) - m)[len(counts) - m]
            keep = counts >= kth
            hit, counts = hit[keep], counts[keep]
        order = np.lexsort((self._rank[hit], -counts))[:m]
        return hit[order]

    def _number(self, cid: str) -> int:
        """The cluster's number in the index (given on first use)."""
        num = self._num.get(cid)
        if num is None:
            num = self._num[cid] = len(self._names)
            self._names.append(cid)
            if num >= len(self._rank):
                self._rank = np.concatenate([self._rank, np.zeros(len(self._rank), dtype=np.int64)])
            if self._ranked and len(cid) == 16 and cid[0] == "s" and _HEX.issuperset(cid[1:]):
                self._rank[num] = int(cid[1:], 16)
            else:
                self._ranked = False
        return num

    def _horizon(self) -> int | None:
        """Days after its last report when no article can join a story any more (the date rule), or None."""
        s = self.settings
        return max(s.max_span_days, s.max_gap_days) if s.max_gap_days else None

    def _open_cluster(self, cluster: _Cluster) -> None:
        """Put a story into the index (and the heap of open stories, when dated)."""
        self._closed.pop(cluster.id, None)
        self._index.add_all(self._codes(cluster), self._number(cluster.id))
        if cluster.last is not None and self._horizon() is not None:
            heapq.heappush(self._open, (cluster.last, cluster.id))

    def _close_until(self, day: date | None) -> None:
        """Keep in the index only the stories an article of ``day`` could join: a story whose last report is more
        than the horizon before it has drifted (its span would exceed max_span_days, its gap max_gap_days).
        An undated article may join any story: every closed story is reopened."""
        horizon = self._horizon()
        if horizon is None:
            return
        floor = None if day is None else day - timedelta(days=horizon)
        if self._closed and (floor is None or (self._floor is not None and floor < self._floor)):
            for cid in [c for c, last in self._closed.items() if floor is None or last >= floor]:
                self._open_cluster(self._clusters[cid])
        self._floor = floor
        if floor is None:
            return
        while self._open and self._open[0][0] < floor:
            last, cid = heapq.heappop(self._open)
            cluster = self._clusters[cid]
            if cluster.last != last or cid in self._closed:
                continue  # a stale entry: the story grew since (its newer entry is in the heap)
            self._closed[cid] = last
            self._index.discard_all(self._codes(cluster), self._number(cid))

    def _attach(self, cluster: _Cluster, vec: _DocVec) -> None:
        # Members keep only the lead of their text and their strongest terms (enough to pick the most central
        # member for the title): memory stays bounded on large corpora.
        if cluster.id in self._closed:  # a stored story seeded again (a near-duplicate of its member): reopen it
            self._open_cluster(cluster)
        cluster.members.append(_DocVec(_lead(vec.doc), self._top(vec.terms), {}))
        cluster.member_ids.append(vec.doc.article_id)
        cluster.changed = cluster.dirty = True
        self._by_article[vec.doc.article_id] = cluster.id
        # the article's key ids, known when it was scored (a seeded one has none yet)
        t_ids, e_ids = (vec.q_t[0], vec.q_e[0]) if vec.q_t is not None and vec.q_e is not None else (None, None)
        kernels = self._compiled()
        cluster.tv, gained, lost = self._tdf.merge(cluster.tv, vec.terms, self.settings.max_story_terms, t_ids,
                                                   kernels)
        cluster.ev, gained_e, _ = self._edf.merge(cluster.ev, vec.ents, 0, e_ids, kernels)
        num = self._number(cluster.id)
        # held before and pruned now: they leave the index; new to the story and kept: they join it (by code)
        self._index.discard_all(2 * lost, num)
        self._index.add_all(np.concatenate([2 * gained, 2 * gained_e + 1]), num)
        day = vec.doc.published
        if day is not None and cluster.first is not None and cluster.last is not None:
            gap = max((cluster.first - day).days, (day - cluster.last).days, 0)
            cluster.chained = cluster.chained and gap <= self.settings.max_gap_days
        if day is not None:
            grew = cluster.last is None or day > cluster.last
            cluster.first = day if cluster.first is None else min(cluster.first, day)
            cluster.last = day if cluster.last is None else max(cluster.last, day)
            if grew and self._horizon() is not None:
                heapq.heappush(self._open, (cluster.last, cluster.id))
        self._dates.set(num, cluster.first, cluster.last, cluster.chained)
        self._tpool.put(num, cluster.tv)
        self._epool.put(num, cluster.ev)

    def _describe(self, cluster: _Cluster) -> Story:
        if not cluster.members or any(m.light for m in cluster.members):
            raise WirescopeError(f"story {cluster.id} was restored without its articles; call load_members first")
        # the norm at this corpus size, not cached: describing must not change what later decisions compare with
        names = self._tdf.keys(cluster.tv)
        weighted = cluster.tv[1] * self._tdf.idf_of(cluster.tv[0])
        weights = weighted.tolist()
        centre = dict(zip(names, weights, strict=True))
        norm = math.sqrt(math.fsum((weighted * weighted).tolist()))  # the same products; fsum is exactly rounded
        story_terms = dict(zip(names, cluster.tv[1].tolist(), strict=True))
        # members by id: their order differs between one long run and runs continued from a saved state
        members = sorted(cluster.members, key=lambda m: m.doc.article_id)
        central = max(members, key=lambda m: self._cosine(m.terms, story_terms, norm, self._tdf))
        title = central.doc.title or first_sentence(central.doc.text)
        # (-weight, term) pairs compared as the pairs themselves, not by a key function called per term
        top_terms = tuple(k for _, k in heapq.nsmallest(10, zip(map(operator.neg, weights), names, strict=True)))
        ent_names: Counter[str] = Counter()
        actors: Counter[str] = Counter()
        places: Counter[str] = Counter()
        for m in members:
            # Sorted, so names with equal counts rank the same in every process (set order follows the hash seed).
            ent_names.update(sorted(set(m.doc.entities)))
            actors.update(sorted(set(m.doc.actors)))
            places.update(sorted(set(m.doc.places)))
        sources = sorted({m.doc.source for m in cluster.members if m.doc.source})
        return Story(
            id=cluster.id,
            title=title.strip(),
            summary=summary([m.doc.text for m in members], centre, self.settings.summary_sentences),
            article_ids=tuple(cluster.member_ids),
            first_date=cluster.first,
            last_date=cluster.last,
            top_terms=top_terms,
            top_entities=most_common(ent_names, 10),
            top_actors=most_common(actors, 10),
            top_places=most_common(places, 10),
            sources=tuple(sources),
        )

def _lead(doc: StoryDoc) -> StoryDoc:
    """The document with the lead of its text, what a member keeps. Built field by field: ``dataclasses.replace``
    cost some ten microseconds per placed article (tests/test_aggregate_stories.py: every field is kept)."""
    if len(doc.text) <= _LEAD_CHARS:
        return doc
    return StoryDoc(doc.article_id, doc.title, doc.text[:_LEAD_CHARS], doc.published, doc.entities, doc.actors,
                    doc.places, doc.source, doc.terms)


def story_id(first_article_id: str) -> str:
    """Stable story id: derived from the article that started the story."""
    return "s" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:15]


_LEAD_CHARS = 1500
# articles a clusterer places with the numpy scores before it loads the compiled ones (the same bits; loading numba
# costs more than a thousand articles save: _scores); tests set it to 0 or a large number to take either
COMPILE_AFTER = 2000
_HEX = frozenset("0123456789abcdef")
_DENSE_COUNT = 4096  # story numbers to count at once above which bincount is faster than a sort
_MEMBER_TERMS = 40
def article_keys(docs: Iterable[StoryDoc], settings: StorySettings | None = None) -> tuple[set[str], set[str]]:
    """Every key term and entity key the documents' vectors can hold (all their terms: a superset of what
    ``doc_terms`` keeps): the stories an article can be compared with share one of them."""
    vectorise = StoryClusterer(dataclasses.replace(settings or StorySettings(), doc_terms=0))._vectorise
    term_keys: set[str] = set()
    ent_keys: set[str] = set()
    for doc in docs:
        vec = vectorise(doc)
        term_keys.update(vec.terms)
        ent_keys.update(vec.ents)
    return term_keys, ent_keys


def cluster_docs(
    docs: Iterable[StoryDoc], settings: StorySettings | None = None
) -> tuple[list[Assignment], list[Story]]:
    """Cluster a batch in publication order (undated articles last, in input order)."""
    ordered = sorted(enumerate(docs), key=lambda x: (x[1].published is None, x[1].published or date.min, x[0]))
    clusterer = StoryClusterer(settings)
    assignments = [clusterer.add(doc) for _, doc in ordered]
    return assignments, clusterer.stories()
