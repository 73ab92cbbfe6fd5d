"""The compiled story scores (aggregate/kernels.py) against their numpy twin (Frequencies.cosines and the score
formula of the clusterer before they were compiled): the same bits, not merely close, since a continued run must
decide as one long run and a stored picture was clustered with the numpy sums; and the pool of story vectors the
kernel reads (StoryPool: appends, compaction, a restored state's columns) giving back each story's arrays."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

import numpy as np
import pytest

from wirescope.aggregate import kernels, stories
from wirescope.aggregate.kernels import story_scores
from wirescope.aggregate.stories import cluster_docs
from wirescope.aggregate.story_records import StoryDoc
from wirescope.aggregate.vectors import EMPTY, UNDATED, Frequencies, MemberPool, StoryArrays, StoryPool


def _freqs(rng: random.Random, keys: list[str]) -> Frequencies:
    freq = Frequencies()
    for _ in range(80):
        freq.add({k: 1.0 + math.log(rng.randint(1, 4)) for k in rng.sample(keys, 20)})
    return freq


def _story(rng: random.Random, freq: Frequencies, keys: list[str], most: int) -> StoryArrays:
    if rng.random() < 0.1:
        return EMPTY
    return freq.story_arrays({k: rng.random() * 3 for k in rng.sample(keys, rng.randint(1, most))})


def _pool(stories: list[StoryArrays]) -> StoryPool:
    pool = StoryPool()
    for num, arrays in enumerate(stories):
        pool.put(num, arrays)
    return pool


def _numpy_scores(tf: Frequencies, ef: Frequencies, q_t: tuple, q_e: tuple, tv: list[StoryArrays],
                  ev: list[StoryArrays], factors: np.ndarray, entities: bool) -> tuple[np.ndarray, np.ndarray]:
    """The scores as the clusterer computed them in numpy (Frequencies.cosines, np.where)."""
    cos_t = tf.cosines(q_t[0], q_t[2], tv)
    score = cos_t
    if entities:
        cos_e = ef.cosines(q_e[0], q_e[2], ev)
        both = np.array([len(v[0]) > 0 for v in ev], dtype=bool)
        score = np.where(both, (1.0 - 0.4) * cos_t + 0.4 * cos_e, cos_t)
    return score * factors, cos_t


def test_compiled_scores_are_the_numpy_scores_bit_for_bit() -> None:
    rng = random.Random(7)
    t_keys, e_keys = [f"t{i}" for i in range(400)], [f"e:{i}" for i in range(60)]
    for _ in range(30):
        tf, ef = _freqs(rng, t_keys), _freqs(rng, e_keys)
        m = rng.randint(0, 40)
        tv = [_story(rng, tf, t_keys, 300) for _ in range(m)]
        ev = [_story(rng, ef, e_keys, 20) for _ in range(m)]
        tpool, epool = _pool(tv), _pool(ev)
        q_t = tf.query({k: 1.0 + rng.random() for k in rng.sample(t_keys, 120)})
        q_e = ef.query({k: 1.0 + rng.random() for k in rng.sample(e_keys, rng.randint(0, 12))})
        nums = np.array(rng.sample(range(m), m), dtype=np.int64)  # candidates in any order
        factors = np.array([rng.choice([1.0, 0.5, math.exp(-rng.random())]) for _ in range(m)])
        entities = len(q_e[0]) > 0
        score, cos_t = story_scores(nums, factors,
                                    tpool.start, tpool.length, tpool.idx, tpool.val, tf.ldf, tf.top(), q_t[0], q_t[2],
                                    tf.dense, epool.start, epool.length, epool.idx, epool.val, ef.ldf, ef.top(),
                                    q_e[0], q_e[2], ef.dense, entities, 1.0 - 0.4, 0.4)
        want_s, want_c = _numpy_scores(tf, ef, q_t, q_e, [tv[n] for n in nums], [ev[n] for n in nums], factors,
                                       entities)
        assert cos_t.tobytes() == want_c.tobytes()
        assert score.tobytes() == want_s.tobytes()
        assert not tf.dense.any() and not ef.dense.any()  # the scratch is left zero


def test_pool_gives_back_each_story_after_rewrites_and_compaction() -> None:
    rng = random.Random(11)
    pool = StoryPool()
    want: dict[int, StoryArrays] = {}
    for _ in range(3000):  # enough rewrites to compact several times
        num = rng.randint(0, 1500)
        n = rng.randint(0, 400)
        arrays = (np.array(rng.sample(range(10**6), n), dtype=np.int64), np.array([rng.random() for _ in range(n)]))
        pool.put(num, arrays)
        want[num] = arrays
    assert pool.garbage < pool.used
    for num, (idx, val) in want.items():
        lo, n = int(pool.start[num]), int(pool.length[num])
        assert pool.idx[lo:lo + n].tolist() == idx.tolist()
        assert pool.val[lo:lo + n].tolist() == val.tolist()


def test_pool_load_takes_a_restored_states_columns() -> None:
    ids = np.arange(10, dtype=np.int64)
    vals = np.arange(10, dtype=np.float64) / 10
    pool = StoryPool()
    pool.load(ids, vals, np.array([4, 2]), np.array([0, 6]), np.array([5, 3]))
    assert pool.idx[pool.start[4]:pool.start[4] + pool.length[4]].tolist() == [0, 1, 2, 3, 4]
    assert pool.val[pool.start[2]:pool.start[2] + pool.length[2]].tolist() == [0.6, 0.7, 0.8]
    assert pool.length[0] == 0 and pool.garbage == 2
    pool.put(2, (np.array([99]), np.array([1.5])))  # a rewrite after a load appends
    assert pool.idx[pool.start[2]] == 99 and pool.garbage == 5


def _docs(seed: int, n: int) -> list[StoryDoc]:
    """Articles on 30 topics over half a year, with entities, in publication order: many joins, most articles with
    several candidate stories."""
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(2000)]
    topics = [(rng.sample(words, 30), date(2021, 1, 1) + timedelta(days=rng.randrange(150)),
               [f"Name{i}x{k}" for k in range(4)]) for i in range(30)]
    docs = []
    for i in range(n):
        topic, start, names = rng.choice(topics)
        day = start + timedelta(days=rng.choice((0, 1, 3, 8, 20, 45, 90)))
        text = " ".join(rng.choices(topic, k=40) + rng.choices(words, k=60)) + "."
        ents = tuple(rng.sample(names, rng.randint(0, 3)))
        docs.append(StoryDoc(f"a{i:04d}", " ".join(rng.choices(topic, k=5)), text, day, ents))
    docs.sort(key=lambda d: (d.published, d.article_id))
    return docs


@pytest.mark.parametrize("after", [0, 250])
def test_clusterer_decides_the_same_with_compiled_scores(monkeypatch: pytest.MonkeyPatch, after: int) -> None:
    """The whole clustering with the numpy scores, the compiled ones from the first article, and a switch to the
    compiled ones part of the way: the same stories, the same scores to the bit."""
    docs = _docs(5, 700)
    monkeypatch.setattr(stories, "COMPILE_AFTER", 10**9)
    numpy_run, _ = cluster_docs(docs)
    monkeypatch.setattr(stories, "COMPILE_AFTER", after)
    compiled_run, _ = cluster_docs(docs)
    assert 40 < len({a.story_id for a in numpy_run}) < 400  # joins and new stories both
    assert [(a.article_id, a.story_id, a.score.hex(), a.new_story) for a in compiled_run] == [
        (a.article_id, a.story_id, a.score.hex(), a.new_story) for a in numpy_run]


def test_compiled_merge_is_the_numpy_merge() -> None:
    """Frequencies.merge with and without kernels.merge_story: the same arrays, gained and lost keys, including
    cuts among tied weights (chosen by key name outside the kernel) and documents whose norm is 0."""
    rng = random.Random(13)
    keys = [f"k{i:03d}" for i in range(700)]
    freq = _freqs(rng, keys)
    statuses = set()
    for _ in range(300):
        story = freq.story_arrays({k: rng.choice([0.5, 1.0, 1.5, rng.random()]) for k in rng.sample(keys, 300)})
        doc = {k: rng.choice([0.0, 1.0, 2.0] if rng.random() < 0.05 else [1.0, 1.0, 2.0, 1.0 + rng.random()])
               for k in rng.sample(keys, rng.randint(0, 200))}
        limit = rng.choice([0, 10, 150, 300, 400])
        want = freq.merge(story, doc, limit)
        got = freq.merge(story, doc, limit, compiled=kernels)
        for w, g in zip((*want[0], want[1], want[2]), (*got[0], got[1], got[2]), strict=True):
            assert g.dtype == w.dtype and g.tobytes() == w.tobytes()
        total = len(set(doc) | set(freq.keys(story)))
        statuses.add("cut" if limit and total > limit else "whole")
    for doc in ({}, {"k001": 0.0, "k002": 0.0}):  # norm 0: the story as it was
        got = freq.merge(story, doc, 10, compiled=kernels)
        assert got[0] is story and not len(got[1]) and not len(got[2])
    assert statuses == {"cut", "whole"}
    assert not (freq.pos >= 0).any()  # the scratch is left at -1


def test_compiled_frequencies_are_the_numpy_frequencies_bit_for_bit() -> None:
    """Frequencies.add with and without kernels.add_frequencies: the same weighted sums and the same ln(df + 1)
    (numba's math.log is the C library's, as CPython's is; numpy's np.log would differ in the last bit), over
    documents of new and known keys, sublinear weights and weights with long fractions."""
    rng = random.Random(17)
    keys = [f"k{i:04d}" for i in range(3000)]
    plain, compiled = Frequencies(), Frequencies()
    for _ in range(400):
        tf = {k: rng.choice([1.0, 1.0 + math.log(rng.randint(2, 9)), rng.random() * 50])
              for k in rng.sample(keys, rng.randint(0, 300))}
        assert plain.add(tf).tobytes() == compiled.add(tf, kernels).tobytes()
    size = len(plain.names)
    assert size > 2000 and plain.n == compiled.n and plain.touched == compiled.touched
    assert plain.df[:size].tobytes() == compiled.df[:size].tobytes()
    assert plain.ldf[:size].tobytes() == compiled.ldf[:size].tobytes()
    assert compiled.ldf[:size].tobytes() == np.array([math.log(d + 1.0) for d in compiled.df[:size]]).tobytes()


def test_compiled_cosines_are_the_numpy_cosines_bit_for_bit() -> None:
    """Frequencies.cosines (the report rule's members) with and without kernels.cosines: the same bits, for
    empty vectors, empty queries and members of any length."""
    rng = random.Random(19)
    keys = [f"t{i}" for i in range(500)]
    for _ in range(60):
        freq = _freqs(rng, keys)
        members = [_story(rng, freq, keys, 60) for _ in range(rng.randint(0, 12))]
        q = freq.query({k: 1.0 + rng.random() for k in rng.sample(keys, rng.choice([0, 5, 150]))})
        want = freq.cosines(q[0], q[2], members)
        got = freq.cosines(q[0], q[2], members, kernels)
        assert got.tobytes() == want.tobytes()
        assert not freq.dense.any()


def test_compiled_report_rule_is_the_numpy_rule() -> None:
    """kernels.linked over a MemberPool extended in steps against the numpy rule (the cosines of the members
    within the limit, compared with the need): the same answer, -1 when no member is recent; the cosines of the
    recent members are those of Frequencies.cosines bit for bit, so a need equal to one of them is met alike."""
    rng = random.Random(23)
    keys = [f"t{i}" for i in range(400)]
    answers = set()
    for _ in range(80):
        freq = _freqs(rng, keys)
        members = [_story(rng, freq, keys, 40) for _ in range(rng.randint(0, 14))]
        days = [UNDATED if rng.random() < 0.1 else 737000 + rng.randrange(60) for _ in members]
        pool = MemberPool([])
        cut = rng.randint(0, len(members))
        pool.extend(members[:cut], days[:cut])
        pool.extend(members[cut:], days[cut:])
        q = freq.query({k: 1.0 + rng.random() for k in rng.sample(keys, rng.choice([0, 5, 150]))})
        day, limit = 737000 + rng.randrange(60), rng.choice([3, 14])
        recent = [m for m, d in zip(members, days, strict=True) if abs(day - d) <= limit]
        cos = freq.cosines(q[0], q[2], recent)
        for need in (0.05, 0.3, *cos[:1].tolist()):
            want = -1 if not recent else int(bool((cos >= need).any()))
            got = kernels.linked(q[0], q[2], pool.start, pool.length, pool.idx, pool.val, freq.ldf, freq.top(),
                                 freq.dense, pool.days, day, limit, need)
            assert got == want
            answers.add(want)
        assert not freq.dense.any()
    assert answers == {-1, 0, 1}
