"""Candidate stories counted in numpy (issue 20: the counting grew with the stories open at once): the same
candidates, in the same order, as counting in the interpreter and sorting by (-hits, id), for sparse and dense
postings and for story ids of any form."""

from __future__ import annotations

import heapq
import random
from collections import Counter
from datetime import date
from itertools import pairwise

import numpy as np

from wirescope.aggregate import kernels
from wirescope.aggregate.keyindex import KeyIndex
from wirescope.aggregate.stories import StoryClusterer, _DocVec, story_id
from wirescope.aggregate.story_records import StoryDoc, StorySettings


def _reference(clusterer: StoryClusterer, keys: list[int]) -> list[str]:
    """The interpreter's candidates (before numpy): hits per story over the query keys, ties by id."""
    hits: Counter[str] = Counter()
    index = dict(clusterer._index.items())
    for key in keys:
        for num in index.get(key, ()):
            hits[clusterer._names[num]] += 1
    best = heapq.nsmallest(clusterer.settings.max_candidates, hits.items(), key=lambda kv: (-kv[1], kv[0]))
    return [cid for cid, _ in best]


def _keys(rare: int, common: int) -> list[int]:
    """Index codes (keyindex: keys are integer codes), the common ones from COMMON on."""
    return [*range(rare), *range(COMMON, COMMON + common)]


COMMON = 10_000


def _filled(rng: random.Random, ids: list[str], keys: list[int], dense: float) -> StoryClusterer:
    clusterer = StoryClusterer(StorySettings(max_candidates=60))
    for cid in ids:
        num = clusterer._number(cid)
        for key in keys:
            if rng.random() < (dense if key >= COMMON else 0.02):
                clusterer._index.add(key, num)
    return clusterer


def _check(clusterer: StoryClusterer, rng: random.Random, keys: list[int]) -> None:
    """The candidates of random queries in numpy and compiled (kernels.candidates, which a clusterer takes after
    its 2,000th article) are the interpreter's."""
    for _ in range(30):
        query = rng.sample(keys, 25)
        clusterer._query_keys = lambda vec, q=query: clusterer._index.live(q)  # type: ignore
        vec = _DocVec(StoryDoc("x", None, ""), {}, {})
        want = _reference(clusterer, query)
        clusterer._kernels = None
        assert clusterer._candidates(vec) == want
        clusterer._kernels = kernels
        assert clusterer._candidates(vec) == want
        assert not clusterer._scratch.any()  # the counts are left zero
    clusterer._kernels = None


def test_candidates_equal_the_interpreters_sparse_and_dense() -> None:
    rng = random.Random(1)
    keys = _keys(200, 30)
    for n_stories, dense in ((50, 0.3), (3000, 0.9)):  # 3000 stories x 25 keys: counted by bincount
        ids = [story_id(f"a{i}") for i in range(n_stories)]
        _check(_filled(rng, ids, keys, dense), rng, keys)


def _as_arrays(clusterer: StoryClusterer) -> None:
    """The clusterer's index rebuilt as a restored one is (keyindex: holders as slices of one array)."""
    groups = sorted(clusterer._index.items())
    holders = [n for _, nums in groups for n in sorted(nums)]
    bounds = [0]
    for _, nums in groups:
        bounds.append(bounds[-1] + len(nums))
    clusterer._index = KeyIndex.from_groups([k for k, _ in groups], bounds, np.array(holders, dtype=np.int64))


def test_an_index_of_arrays_gives_the_candidates_of_sets_before_and_after_changes() -> None:
    rng = random.Random(3)
    keys = _keys(200, 30)
    ids = [story_id(f"a{i}") for i in range(3000)]
    clusterer = _filled(rng, ids, keys, 0.9)
    before = dict(clusterer._index.items())
    _as_arrays(clusterer)
    assert dict(clusterer._index.items()) == before
    _check(clusterer, rng, keys)
    # stories join keys they do not hold and leave keys (held or not): blocks move, grow and shrink
    for _ in range(500):
        key, num = rng.choice(keys), rng.randrange(len(ids))
        if rng.random() < 0.5:
            if num not in before.get(key, set()):
                clusterer._index.add(key, num)
                before.setdefault(key, set()).add(num)
        else:
            clusterer._index.discard(key, num)
            if key in before:
                before[key].discard(num)
                if not before[key]:
                    del before[key]
    assert dict(clusterer._index.items()) == before
    _check(clusterer, rng, keys)


def test_joining_and_leaving_keys_at_once_equals_one_by_one_in_numpy_and_compiled() -> None:
    """KeyIndex.add_all / discard_all (what a story placed in a run does with the keys it gained and lost) leave
    the index holding what sets of holders would, in numpy and compiled (kernels.index_add / index_discard, which a
    clusterer takes after its 2,000th article): on a restored index's blocks, blocks moved to the pool's end as they
    fill, pools packed when full, keys no story holds; and gather gives each key's holders."""
    rng = random.Random(5)
    keys = list(range(120))
    groups = [(k, sorted(rng.sample(range(400), rng.randint(1, 30)))) for k in keys[:80]]
    bounds = [0]
    for _, nums in groups:
        bounds.append(bounds[-1] + len(nums))
    holders = np.array([n for _, nums in groups for n in nums], dtype=np.int64)
    model = {k: set(nums) for k, nums in groups}
    indexes = [KeyIndex.from_groups([k for k, _ in groups], bounds, holders.copy()) for _ in range(4)]
    indexes[1].kernels = kernels
    indexes[2].kernels = kernels
    single = KeyIndex.from_groups([k for k, _ in groups], bounds, holders.copy())
    for step in range(600):
        num = rng.randrange(420)
        for index in indexes[2:]:  # pools left full: each move packs them first
            index._pool = index._pool[: int(index._mark[0])].copy()
        if rng.random() < 0.5:
            chosen = [k for k in rng.sample(keys, rng.randint(0, 40)) if num not in model.get(k, set())]
            for index in indexes:
                index.add_all(np.array(chosen, dtype=np.int64), num)
            for key in chosen:
                single.add(key, num)
                model.setdefault(key, set()).add(num)
        else:
            chosen = rng.sample(keys, rng.randint(0, 40))
            for index in indexes:
                index.discard_all(np.array(chosen, dtype=np.int64), num)
            for key in chosen:
                single.discard(key, num)
                model.get(key, set()).discard(num)
        want = {k: v for k, v in model.items() if v}
        for index in (*indexes, single):
            assert dict(index.items()) == want, step
            _sound(index)
        query = [k for k in rng.sample(keys, 25) if k in want]
        for index in (*indexes, single):
            assert Counter(index.gather(query).tolist()) == Counter(n for k in query for n in want[k])
    assert single.live(keys) == [k for k in keys if k in want]
    assert single.live_mask(np.array(keys)).tolist() == [k in want for k in keys]
    assert len(single) == len(want)


def _sound(index: KeyIndex) -> None:
    """Each key's block within its room, each room within the pool's used part, no two rooms overlapping."""
    held, cap, start = index._held.astype(np.int64), index._cap, index._start
    assert (held <= cap).all()
    rooms = sorted((int(start[k]), int(start[k] + cap[k])) for k in np.flatnonzero(cap).tolist())
    assert all(lo >= 0 and hi <= int(index._mark[0]) <= len(index._pool) for lo, hi in rooms)
    assert all(a[1] <= b[0] for a, b in pairwise(rooms))


def test_a_key_emptied_then_joined_as_the_pool_is_packed() -> None:
    """Packing gives an emptied key's room back: a story joining it in the same call gets a new block."""
    for compiled in (None, kernels):
        index = KeyIndex.from_groups([1, 2], [0, 2, 3], np.array([10, 11, 12], dtype=np.int64))
        index.kernels = compiled
        index.discard(2, 12)  # key 2 emptied, its room kept
        index._pool = index._pool[: int(index._mark[0])].copy()  # no room left
        index.add_all(np.array([1, 2], dtype=np.int64), 13)  # key 1's block is full: it moves, the pool packed first
        _sound(index)
        assert dict(index.items()) == {1: {10, 11, 13}, 2: {13}}


def test_candidates_of_story_ids_of_another_form_order_as_strings() -> None:
    rng = random.Random(2)
    keys = _keys(100, 10)
    ids = [f"story-{i}" for i in range(400)] + [story_id(f"a{i}") for i in range(100)]
    clusterer = _filled(rng, ids, keys, 0.8)
    assert not clusterer._ranked
    _check(clusterer, rng, keys)


def test_clustering_places_the_same_with_many_open_stories() -> None:
    """End to end: stories sharing common words (every open story holds them) and their own topic words."""
    rng = random.Random(4)
    common = [f"common{i}" for i in range(40)]
    topics = [[f"topic{s}x{i}" for i in range(8)] for s in range(150)]
    docs = []
    for i in range(900):
        s = rng.randrange(150)
        words = rng.sample(common, 20) + rng.choices(topics[s], k=10)
        docs.append(StoryDoc(f"a{i:04d}", " ".join(rng.sample(topics[s], 3)), " ".join(words),
                             date(2020, 1, 1 + i // 60)))
    clusterer = StoryClusterer()
    placed = [clusterer.add(d) for d in docs]
    assert len({p.story_id for p in placed}) < 300  # articles do join stories
    assert all(not p.new_story or p.score < clusterer.settings.threshold for p in placed)


def _sorted_query_keys(clusterer: StoryClusterer, vec: _DocVec) -> tuple[set[str], bool]:
    """The query keys as chosen before keys had codes: the live keys sorted by (weight, name), largest first; and
    whether the cut fell among tied weights (names decided)."""
    assert vec.q_t is not None and vec.q_e is not None
    held = {clusterer._key_name(code) for code, nums in clusterer._index.items() if nums}
    keys = [k for k in (*vec.terms, *vec.ents) if k in held]
    weights = dict(zip(vec.terms, vec.q_t[1].tolist(), strict=True))
    weights.update(zip(vec.ents, vec.q_e[1].tolist(), strict=True))
    scored = sorted(((weights[k], k) for k in keys), reverse=True)
    n = clusterer.settings.query_terms
    return {k for _, k in scored[:n]}, len(scored) > n and scored[n - 1][0] == scored[n][0]


def test_query_keys_by_code_are_the_keys_sorted_by_weight_and_name() -> None:
    """_query_keys (the weights above the cut and, of those tied at it, the largest names) chooses the keys that
    sorting the live keys by (weight, name) chose: articles of few words, so most weights tie at the cut (a word seen
    once in a term shared by as many articles), and many entity keys beside the terms."""
    rng = random.Random(8)
    words = [f"w{i}" for i in range(300)]
    clusterer = StoryClusterer()
    ties = 0
    paths = [0, 0]
    for i in range(600):
        text = " ".join(rng.sample(words, rng.randint(5, 60)))
        doc = StoryDoc(f"a{i:04d}", None, text, date(2020, 1, 1 + i // 40),
                       tuple(f"Name{rng.randrange(30)}" for _ in range(rng.randint(0, 6))))
        vec = clusterer._vectorise(doc)
        clusterer._tdf.ensure(vec.terms)
        vec.q_t = clusterer._tdf.query(vec.terms)
        vec.q_e = clusterer._edf.query(vec.ents)
        chosen = clusterer._query_keys(vec)
        names = {clusterer._key_name(c) for c in chosen}
        want, tied = _sorted_query_keys(clusterer, vec)
        assert len(names) == len(chosen) and names == want
        ties += tied
        # compiled (kernels.query_keys, the interpreter's path when the cut needs names): the same codes, in order
        clusterer._kernels = kernels
        assert clusterer._query_keys(vec) == chosen
        paths[kernels.query_keys(vec.q_t[0], vec.q_t[1], vec.q_e[0], vec.q_e[1], clusterer._index.held, 25)[1]] += 1
        clusterer._kernels = None
        clusterer.add(doc)
    assert ties > 100  # cuts among tied weights were made
    assert min(paths) > 50  # both: the compiled choice, and cuts among tied weights left to the interpreter
