"""The vectorised story scores (aggregate/vectors.py): the cosines of the interpreter's formula, the same bits
whatever order a story's vector was built in (a long run and a restored state build it differently), and the
same merge and prune as adding members one by one."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from wirescope.aggregate.text import sublinear, weighted_counts
from wirescope.aggregate.vectors import EMPTY, Frequencies, StoredKeys, key_hash, key_hashes, stable_order


def _freqs(rng: random.Random, keys: list[str]) -> Frequencies:
    freq = Frequencies()
    for _ in range(50):
        freq.add({k: 1.0 + math.log(rng.randint(1, 4)) for k in rng.sample(keys, 20)})
    return freq


def _cosine(freq: Frequencies, doc: dict[str, float], story: dict[str, float]) -> float:
    """The plain formula: tf-idf cosine of a document and a story (idf on both sides)."""
    d = {k: v * freq.idf(k) for k, v in doc.items()}
    s = {k: v * freq.idf(k) for k, v in story.items()}
    dot = sum(d[k] * s[k] for k in d.keys() & s.keys())
    return dot / math.sqrt(sum(v * v for v in d.values())) / math.sqrt(sum(v * v for v in s.values()))


def test_cosines_are_the_formula() -> None:
    rng = random.Random(3)
    keys = [f"k{i}" for i in range(60)]
    freq = _freqs(rng, keys)
    doc = {k: 1.0 + rng.random() for k in rng.sample(keys, 15)}
    stories = [{k: rng.random() for k in rng.sample(keys, rng.randint(1, 40))} for _ in range(8)]
    q_idx, _, q = freq.query(doc)
    got = freq.cosines(q_idx, q, [freq.story_arrays(s) for s in stories])
    assert np.allclose(got, [_cosine(freq, doc, s) for s in stories], rtol=1e-12, atol=0)
    assert freq.cosines(q_idx, q, [EMPTY]).tolist() == [0.0]  # an empty story scores 0


def test_scores_do_not_depend_on_the_order_a_story_was_built_in() -> None:
    rng = random.Random(5)
    keys = [f"term{i}" for i in range(200)]
    freq = _freqs(rng, keys)
    story = {k: rng.random() for k in rng.sample(keys, 150)}
    shuffled = dict(rng.sample(list(story.items()), len(story)))
    doc = {k: 1.0 for k in rng.sample(keys, 30)}
    q_idx, _, q = freq.query(doc)
    a = freq.cosines(q_idx, q, [freq.story_arrays(story)])
    b = freq.cosines(q_idx, q, [freq.story_arrays(shuffled)])
    assert a.tobytes() == b.tobytes()  # bit for bit, not only close


def test_merge_adds_unit_vectors_and_prunes_by_weight_then_key() -> None:
    freq = Frequencies()
    arrays, gained, lost = freq.merge(EMPTY, {"a": 3.0, "b": 4.0})
    assert freq.vector(arrays) == {"a": 0.6, "b": 0.8} and sorted(freq.names[i] for i in gained) == ["a", "b"]
    arrays, gained, lost = freq.merge(arrays, {"b": 1.0, "c": 1.0, "d": 1.0}, limit=3)
    weights = freq.vector(arrays)
    kept_tie = "c"  # c and d tie: the first by key stays, as sorting by (-weight, key) keeps
    assert weights["b"] == 0.8 + 1 / math.sqrt(3) and set(weights) == {"a", "b", kept_tie}
    assert [freq.names[i] for i in gained] == [kept_tie] and lost.tolist() == []
    arrays, gained, lost = freq.merge(arrays, {"e": 5.0}, limit=3)
    assert [freq.names[i] for i in lost] == [kept_tie]  # the weakest key held before leaves
    assert freq.merge(arrays, {})[0] is arrays  # a document without keys changes nothing


def test_prune_keeps_the_strongest_then_the_tied_keys_by_name() -> None:
    rng = random.Random(11)
    freq = Frequencies()
    for trial in range(200):
        # few distinct weights, so the limit falls inside a tie (as sublinear tf weights do)
        vec = {f"k{rng.randrange(10_000)}": float(rng.choice((1.0, 1.5, 2.0))) for _ in range(rng.randint(1, 90))}
        limit = rng.randint(1, 60)
        want = dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:limit])
        got = freq.prune(vec, limit) if len(vec) > limit else vec
        assert got == want, trial


def test_idfs_at_once_are_the_idfs_one_by_one() -> None:
    """Describing a story picks its central member by cosines summed in the interpreter: the idfs it reads at once
    must be bit for bit those idf() gives, and a key never seen gets the top idf without an id."""
    rng = random.Random(5)
    freq = Frequencies()
    keys = [f"k{i}" for i in range(5000)]
    for _ in range(3000):
        freq.add({k: 1.0 + math.log(rng.randint(1, 9)) for k in rng.sample(keys, 40)})
    probe = [*rng.sample(keys, 3000), "never", "seen"]
    assert freq.idfs(probe) == [freq.idf(k) for k in probe]
    assert "never" not in freq.ids and freq.idfs([]) == []


def test_counts_and_sublinear_tf_are_the_sums_and_logs_of_each_token() -> None:
    """An article's tf is counted by shortcuts (fields of whole weights counted as one repeated list; 1 + log of a
    count looked up once computed): the same keys in the same order and the same bits as adding each token's weight
    field by field and taking 1 + math.log of each sum."""
    rng = random.Random(3)
    words = [f"w{i}" for i in range(300)]
    for trial in range(300):
        parts = [(rng.choices(words, k=rng.randint(0, 40)), rng.choice((1.0, 2.0, 3.0, 2.5, 0.5, 12.0, 1)))
                 for _ in range(rng.randint(1, 3))]
        want: dict[str, float] = {}
        for tokens, weight in parts:
            for tok in tokens:
                want[tok] = want.get(tok, 0.0) + weight
        got = weighted_counts(parts)
        assert list(got) == list(want) and got == want, trial
        tf = sublinear(got)
        assert list(tf) == list(want), trial
        assert [v.hex() for v in tf.values()] == [(1.0 + math.log(c)).hex() for c in want.values()], trial
    assert sublinear({"a": 2.0, "b": 0.0, "c": -1.0}) == {"a": 1.0 + math.log(2.0)}  # no tf for no occurrence


def test_key_hashes_are_each_keys_hash() -> None:
    """The batched hashes (new keys given ids at once) are key_hash's, sign and byte order included."""
    rng = random.Random(3)
    drawn = ("".join(rng.choices("abcxyz:é", k=rng.randint(1, 12))) for _ in range(500))
    keys = ["", "e:x", "a:ünïcode", "p:北京", *drawn]
    hashes = key_hashes(keys)
    assert hashes.dtype == np.int64
    assert hashes.tolist() == [key_hash(k) for k in keys]
    assert (hashes < 0).any() and (hashes > 0).any()
    assert len(key_hashes([])) == 0
    freq = Frequencies()
    ids = freq.index(keys[3:])
    assert freq.hash[ids].tolist() == [key_hash(k) for k in keys[3:]]


@pytest.mark.parametrize("top", [0, 1, 300, 65_535, 65_536, 126_187, 3_691 * 126_187, 2**40])
def test_stable_order_is_numpys_stable_argsort(top: int) -> None:
    """The digit-by-digit sort gives the permutation of a stable sort (ties in their order), for keys of one to
    three 16-bit digits, with many ties and none."""
    rng = np.random.default_rng(top)
    for n in (0, 1, 7, 5000):
        values = rng.integers(0, top + 1, n, dtype=np.int64)
        assert np.array_equal(stable_order(values), np.argsort(values, kind="stable"))
    assert np.array_equal(stable_order(np.array([3, -1, 3, 0])), [1, 3, 0, 2])  # negative: numpy's own sort


def test_stored_keys_registered_with_their_numbers_and_hashes() -> None:
    """Keys read from story_df keep their stored number and copy their stored hash (one stored without a hash, as
    migration 024 leaves it, is hashed); keys new to the store are numbered in the order they were first seen, after
    the store's last number; a key fetched on demand comes with its number too."""
    store = {"iran": (3.0, 7, key_hash("iran")), "strike": (1.5, 2, None), "oil": (2.0, 11, key_hash("oil"))}

    def fetch(keys: object) -> StoredKeys:
        found = [k for k in keys if k in store]  # type: ignore[attr-defined]
        return StoredKeys(found, np.array([store[k][0] for k in found]), np.array([store[k][1] for k in found]),
                          np.array([store[k][2] or 0 for k in found]),
                          np.array([store[k][2] is not None for k in found]))

    freq = Frequencies(fetch)
    idx = freq.register(fetch(["iran", "strike"]))
    assert freq.kid[idx].tolist() == [7, 2]
    assert freq.hash[idx].tolist() == [key_hash("iran"), key_hash("strike")]
    assert freq.df[idx].tolist() == [3.0, 1.5]
    freq.ensure(["oil", "tanker", "iran"])  # oil from the store, tanker new to it
    freq.add({"tanker": 1.0, "oil": 1.0, "gulf": 2.0})
    assert freq.kid[freq.index(["oil"])].tolist() == [11]
    new = freq.index(["tanker", "gulf"])
    assert freq.kid[new].tolist() == [-1, -1]
    assert freq.number(freq.index(["gulf", "oil", "tanker"]), 12) == 14
    assert freq.kid[new].tolist() == [12, 13]  # first seen: tanker, then gulf
    rows = freq.stored(freq.chosen(freq.touched))
    assert sorted(zip(rows.keys, rows.kid.tolist(), rows.df.tolist(), strict=True)) == [
        ("gulf", 13, 2.0), ("oil", 11, 3.0), ("tanker", 12, 1.0)]
    assert rows.hash.tolist() == [key_hash(k) for k in rows.keys]
