"""Vectorised story scoring: the clusterer's document frequencies in numpy arrays, and the cosines of one article
against all its candidate stories in a few array operations (issue 20: clustering in the interpreter, one sparse
dot product and one norm per candidate story in Python, was most of the cost of aggregating a large store).

Exact and repeatable, so an incremental run decides as one run over all articles would:

* a key's ``ln(df + 1)`` is computed with ``math.log`` when its frequency changes, and an idf is
  ``ln(N + 1) + 1 - ln(df + 1)``: the same value whenever and in whichever run it is computed;
* a story's vector is summed in the order of its keys' 64-bit hashes (:func:`key_hash`), not of the dict it was
  built in, which differs between one long run and a state restored from the store;
* norms are computed afresh at each comparison (no cached norm whose refresh point would depend on the run).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from types import ModuleType

import numpy as np

StoryArrays = tuple[np.ndarray, np.ndarray]  # key ids in hash order, the story's summed weights in the same order
EMPTY: StoryArrays = (np.zeros(0, dtype=np.int64), np.zeros(0))


def key_hash(key: str) -> int:
    """A key's order in a story's sums: a stable 64-bit hash (Python's ``hash`` of a string follows a per-process
    seed)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


def key_hashes(keys: Iterable[str]) -> np.ndarray:
    """:func:`key_hash` of each key, as int64: the digests joined and read as little-endian integers at once (an
    incremental run gives ids to the 126k keys of the open stories' vectors at 200k articles; one Python integer per
    key, then a list made into an array, was a third of the cost of hashing them)."""
    blake2b = hashlib.blake2b
    joined = b"".join([blake2b(k.encode("utf-8"), digest_size=8).digest() for k in keys])
    return np.frombuffer(joined, dtype="<i8").astype(np.int64)


def stable_order(values: np.ndarray) -> np.ndarray:
    """``np.argsort(values, kind="stable")`` of integers, the same permutation (a stable sort of the same values has
    one), made by sorting 16-bit digits from the lowest: numpy sorts integers of 16 bits or fewer by radix, in one
    linear pass, and wider ones by comparisons (an incremental run at 200k articles sorts its 1.5 million restored
    vector entries by key and by story: 0.17 s of CPU each by comparisons, 0.05 s by digits)."""
    values = np.asarray(values)
    if not len(values) or values.dtype.kind not in "iu" or values.min() < 0:
        return np.argsort(values, kind="stable")
    top, shift = int(values.max()), 0
    order: np.ndarray | None = None
    while order is None or top >> shift:
        digits = ((values if order is None else values[order]) >> shift) & 0xFFFF
        step = np.argsort(digits.astype(np.uint16), kind="stable")
        order = step if order is None else order[step]
        shift += 16
    return order


@dataclass(frozen=True)
class StoredKeys:
    """Keys of one kind as ``story_df`` holds them (024_story_key_ids), as columns: each key's stored frequency
    (NaN: none stored), number (``kid``; -1: none yet) and 64-bit hash (:func:`key_hash`; where ``hashed`` is
    False none was stored, and it is computed on registration)."""

    keys: list[str]
    df: np.ndarray
    kid: np.ndarray
    hash: np.ndarray
    hashed: np.ndarray

    def take(self, where: np.ndarray) -> StoredKeys:
        """The keys at positions ``where``."""
        return StoredKeys([self.keys[i] for i in where.tolist()], self.df[where], self.kid[where], self.hash[where],
                          self.hashed[where])


DfFetch = Callable[[Sequence[str]], StoredKeys]  # the stored keys among some keys (those the store lacks left out)


@dataclass(frozen=True)
class VectorColumns:
    """One kind of key of some stories' vectors as columns, one entry per (story, key), in the stories' order and
    each story's key order: what ``story_vectors`` stores, without a Python object per entry (built row by row, the
    rows were most of a full run's write phase: 708,926 at 20k articles)."""

    kind: str  # t: key terms, e: entities
    story: np.ndarray  # the entry's story: its position in ``story_ids``
    key: np.ndarray  # the entry's key id (``Frequencies.names``)
    weight: np.ndarray
    story_ids: list[str]
    names: list[str]
    kid: np.ndarray  # the entry's key number in the store (``Frequencies.kid``), what story_vectors holds


def vector_columns(kind: str, story_ids: list[str], vectors: Sequence[StoryArrays], names: list[str],
                   kids: np.ndarray) -> VectorColumns:
    """The stories' arrays (one per story of ``story_ids``) as columns; ``kids``: the store's number of each key id
    (every key of the vectors numbered: :meth:`Frequencies.number`)."""
    sizes = [len(v[0]) for v in vectors]
    story = np.repeat(np.arange(len(story_ids), dtype=np.int32), sizes)
    key, weight = ((np.concatenate([v[0] for v in vectors]), np.concatenate([v[1] for v in vectors])) if vectors
                   else EMPTY)
    kid = kids[key]
    if len(kid) and int(kid.min()) < 0:
        raise ValueError("a story's key has no number in the store (Frequencies.number was not called)")
    return VectorColumns(kind, story, key, weight, story_ids, names, kid)


class Frequencies:
    """(Weighted) document frequencies of one kind of key, updated one document at a time; idf = ln((N + 1) /
    (df + 1)) + 1. With ``fetch``, the frequencies of keys not yet known are read on demand (:meth:`ensure`), so a
    saved state loads only its keys. Keys have ids (in the order first seen: ids differ between runs, results do
    not) into arrays of their frequency, ``ln(df + 1)``, hash and number in the store (``kid``: what ``story_vectors``
    holds, 024_story_key_ids; -1 until the key is read from the store or numbered to be written)."""

    def __init__(self, fetch: DfFetch | None = None) -> None:
        self.n = 0
        self.fetch = fetch
        self.ids: dict[str, int] = {}
        self.names: list[str] = []
        self.df = np.zeros(1024)
        self.ldf = np.zeros(1024)  # ln(df + 1), by math.log
        self.hash = np.zeros(1024, dtype=np.int64)
        self.kid = np.full(1024, -1, dtype=np.int64)
        self.dense = np.zeros(1024)  # scratch: an article's query weights by key id, zero between uses
        self.pos = np.full(1024, -1, dtype=np.int64)  # scratch: a story's positions by key id, -1 between uses
        self.known: set[str] = set()
        self.touched: set[str] = set()  # keys whose frequency changed in this session

    def index(self, keys: Iterable[str]) -> np.ndarray:
        """Ids of ``keys`` (in their order), new keys given an id with frequency 0."""
        ids = self.ids
        keys = list(keys)
        try:  # the common case: every key seen before
            return np.fromiter(map(ids.__getitem__, keys), dtype=np.int64, count=len(keys))
        except KeyError:
            pass
        new = [k for k in dict.fromkeys(keys) if k not in ids]
        if new:
            start = len(self.names)
            self._grow(start + len(new))
            for i, k in enumerate(new, start):
                ids[k] = i
            self.names.extend(new)
            self.hash[start:start + len(new)] = key_hashes(new)
        return np.fromiter(map(ids.__getitem__, keys), dtype=np.int64, count=len(keys))

    def _grow(self, size: int) -> None:
        if size <= len(self.df):
            return
        cap = max(size, 2 * len(self.df))
        for name in ("df", "ldf", "hash", "kid", "dense", "pos"):
            old = getattr(self, name)
            grown = np.full(cap, -1 if name in ("pos", "kid") else 0, dtype=old.dtype)
            grown[: len(old)] = old
            setattr(self, name, grown)

    def set(self, values: Mapping[str, float]) -> None:
        """Known frequencies (a saved state's, or read from the store)."""
        if values:
            idx = self.index(values)
            vals = [float(v) for v in values.values()]
            self.df[idx] = vals
            self.ldf[idx] = [math.log(v + 1.0) for v in vals]
        self.known.update(values)

    def register(self, stored: StoredKeys) -> np.ndarray:
        """Ids of the stored keys (distinct), with their frequencies (NaN: none stored, so 0), numbers and hashes
        (copied: a key stored without one is hashed here), all known from now on: a saved state's keys read as
        columns (:meth:`set` and :meth:`ensure` of each, at once)."""
        keys, ids = stored.keys, self.ids
        fresh: Sequence[int] = range(len(keys)) if not ids else [i for i, k in enumerate(keys) if k not in ids]
        if fresh:
            start, new = len(self.names), keys if len(fresh) == len(keys) else [keys[i] for i in fresh]
            self._grow(start + len(new))
            ids.update(zip(new, range(start, start + len(new)), strict=True))
            self.names.extend(new)
            at = np.asarray(fresh, dtype=np.int64)
            hashes = stored.hash[at].astype(np.int64)
            unhashed = np.flatnonzero(~stored.hashed[at])
            if len(unhashed):
                hashes[unhashed] = key_hashes([new[i] for i in unhashed.tolist()])
            self.hash[start:start + len(new)] = hashes
        idx = np.fromiter(map(ids.__getitem__, keys), dtype=np.int64, count=len(keys))
        has = ~np.isnan(stored.df)
        vals = stored.df[has]
        self.df[idx[has]] = vals
        self.ldf[idx[has]] = list(map(math.log, (vals + 1.0).tolist()))
        numbered = stored.kid >= 0
        self.kid[idx[numbered]] = stored.kid[numbered]
        self.known.update(keys)
        return idx

    def ensure(self, keys: Iterable[str]) -> None:
        if self.fetch is None:
            return
        missing = [k for k in keys if k not in self.known]
        if missing:
            self.register(self.fetch(missing))
            self.known.update(missing)

    def number(self, idx: np.ndarray, first: int) -> int:
        """Give the keys ``idx`` that have no number in the store one, from ``first`` in the order of their ids (the
        order they were first seen); returns the next free number."""
        ids = np.unique(np.asarray(idx, dtype=np.int64))
        new = ids[self.kid[ids] < 0]
        self.kid[new] = np.arange(first, first + len(new), dtype=np.int64)
        return first + len(new)

    def stored(self, idx: np.ndarray) -> StoredKeys:
        """The keys ``idx`` as ``story_df`` rows hold them (their frequencies, numbers and hashes)."""
        names = self.names
        return StoredKeys([names[i] for i in idx.tolist()], self.df[idx], self.kid[idx], self.hash[idx],
                          np.ones(len(idx), dtype=bool))

    def chosen(self, keys: Iterable[str] | None = None) -> np.ndarray:
        """Ids of ``keys`` (None: of every key) that have a frequency (what :meth:`items` gives), in id order."""
        n = len(self.names)
        if keys is None:
            idx = np.arange(n, dtype=np.int64)
        else:
            ids = self.ids
            idx = np.sort(np.fromiter((ids[k] for k in keys if k in ids), dtype=np.int64))
        return idx[self.df[idx] != 0.0]

    def add(self, tf: Mapping[str, float], compiled: ModuleType | None = None) -> np.ndarray:
        # Weighted: a document adds its sublinear tf (>= 1) to each of its keys, not 1, so a term a document repeats
        # counts as more common. This is what the thresholds were chosen with (counting 1 per document measured
        # B3 F1 0.876 instead of 0.905 on the Giveme5W1H dev gold); the saved state keeps the sums as DOUBLE
        # (020_story_meta), so a continued run adds to exactly the same values.
        # Returns the keys' ids, which the article's query form and its story's merge take instead of looking
        # them up again. ``compiled``: the kernels module, whose add_frequencies makes the same additions and
        # logarithms in one loop (a list of ``math.log`` values and its conversion were most of this call).
        self.n += 1
        if not tf:
            return np.zeros(0, dtype=np.int64)
        idx = self.index(tf)
        if compiled is not None:
            compiled.add_frequencies(self.df, self.ldf, idx, np.fromiter(tf.values(), dtype=np.float64,
                                                                          count=len(tf)))
        else:
            df = self.df[idx] + np.fromiter(tf.values(), dtype=np.float64, count=len(tf))
            self.df[idx] = df
            self.ldf[idx] = list(map(math.log, (df + 1.0).tolist()))  # the same additions, math.log in C's loop
        self.touched.update(tf)
        return idx

    def get(self, key: str) -> float:
        i = self.ids.get(key)
        return 0.0 if i is None else float(self.df[i])

    def items(self, keys: Iterable[str] | None = None) -> dict[str, float]:
        """Frequencies of ``keys`` (None: of every key) that documents gave or the store held."""
        ids, df = self.ids, self.df
        chosen = self.ids.keys() if keys is None else keys
        return {k: float(df[ids[k]]) for k in chosen if k in ids and df[ids[k]] != 0.0}

    def top(self) -> float:
        """ln(N + 1) + 1: an idf is this minus ln(df + 1)."""
        return math.log(self.n + 1) + 1.0

    def idf(self, key: str) -> float:
        i = self.ids.get(key)
        return self.top() - (0.0 if i is None else float(self.ldf[i]))

    def idfs(self, keys: Iterable[str]) -> list[float]:
        """:meth:`idf` of each of ``keys`` (the same values: ``top() - ln(df + 1)``, 0 for a key never seen), at
        once and without giving unseen keys an id."""
        ids = self.ids
        idx = np.fromiter(map(ids.get, keys, repeat(-1)), dtype=np.int64)  # the lookups in C
        return (self.top() - np.where(idx >= 0, self.ldf[idx], 0.0)).tolist()

    def idf_of(self, idx: np.ndarray) -> np.ndarray:
        return self.top() - self.ldf[idx]

    def story_arrays(self, vec: Mapping[str, float]) -> StoryArrays:
        """A story's vector as arrays in hash order (what :meth:`cosines` sums)."""
        idx = self.index(vec)
        vals = np.fromiter(vec.values(), dtype=np.float64, count=len(vec))
        order = np.argsort(self.hash[idx], kind="stable")
        return idx[order], vals[order]

    def query(self, vec: Mapping[str, float], idx: np.ndarray | None = None,
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """An article's keys, ``tf * idf`` and query weights ``tf * idf^2 / |tf * idf|`` (a cosine with a story is
        then the story's weights times these, summed, over the story's norm). ``idx``: the keys' ids, if known."""
        if idx is None:
            idx = self.index(vec)
        idf = self.idf_of(idx)
        w = np.fromiter(vec.values(), dtype=np.float64, count=len(vec)) * idf
        norm = math.sqrt(math.fsum((w * w).tolist()))
        q = w * idf / norm if norm else np.zeros(len(w))
        return idx, w, q

    def cosines(self, q_idx: np.ndarray, q: np.ndarray, stories: Sequence[StoryArrays],
                compiled: ModuleType | None = None) -> np.ndarray:
        """Cosine (idf applied on both sides) of one article's query weights with each story, norms computed now.
        ``compiled``: the kernels module, whose cosines sums in the same order (the same bits) in one loop."""
        m = len(stories)
        if not m or not len(q_idx):
            return np.zeros(m)
        lens = [len(s[0]) for s in stories]
        idx = np.concatenate([s[0] for s in stories])
        vals = np.concatenate([s[1] for s in stories])
        if compiled is not None:
            length = np.array(lens, dtype=np.int64)
            start = np.zeros(m, dtype=np.int64)
            np.cumsum(length[:-1], out=start[1:])
            return compiled.cosines(q_idx, q, start, length, idx, vals, self.ldf, self.top(), self.dense)
        seg = np.repeat(np.arange(m), lens)
        w = vals * self.idf_of(idx)
        norms = np.sqrt(np.bincount(seg, w * w, minlength=m))
        dense = self.dense
        dense[q_idx] = q
        dots = np.bincount(seg, vals * dense[idx], minlength=m)
        dense[q_idx] = 0.0
        out = np.zeros(m)
        np.divide(dots, norms, out=out, where=norms > 0)
        return out

    def vector(self, arrays: StoryArrays) -> dict[str, float]:
        """A story's arrays as a dict of keys (in hash order)."""
        names = self.names
        return {names[i]: v for i, v in zip(arrays[0].tolist(), arrays[1].tolist(), strict=True)}

    def keys(self, arrays: StoryArrays) -> list[str]:
        names = self.names
        return [names[i] for i in arrays[0].tolist()]

    def merge(self, arrays: StoryArrays, vec: Mapping[str, float], limit: int = 0, ids: np.ndarray | None = None,
              compiled: ModuleType | None = None) -> tuple[StoryArrays, np.ndarray, np.ndarray]:
        """A story's vector plus a document's unit vector (``vec`` normalised), pruned to its ``limit`` largest
        weights (ties by key name; 0: no limit). Returns the new arrays, the ids of keys the story gained and of keys
        it held before and lost to the pruning. ``ids``: the ids of ``vec``'s keys, if known. ``compiled``: the
        kernels module, whose merge_story gives the same arrays (tests/test_aggregate_kernels.py) in one call."""
        if compiled is not None:
            return self._merge_compiled(compiled, arrays, vec, limit, ids)
        none = np.zeros(0, dtype=np.int64)
        idx, vals = arrays
        a_idx = self.index(vec) if ids is None else ids
        a = np.fromiter(vec.values(), dtype=np.float64, count=len(vec))
        norm = math.sqrt(sum((a * a).tolist()))
        if norm == 0.0:
            return arrays, none, none
        a = a / norm  # the norm summed in order, as text.l2_normalise does
        pos = self.pos
        pos[idx] = np.arange(len(idx))
        at = pos[a_idx]
        pos[idx] = -1
        held = at >= 0
        vals = vals.copy()
        vals[at[held]] += a[held]  # each key once: the same sums as adding member by member
        gained = a_idx[~held]
        n_old = len(idx)
        idx = np.concatenate([idx, gained])
        vals = np.concatenate([vals, a[~held]])
        lost = none
        if limit and len(idx) > limit:
            keep = self._strongest(idx, vals, limit)
            lost = idx[:n_old][~keep[:n_old]]
            gained = gained[keep[n_old:]]
            idx, vals = idx[keep], vals[keep]
        order = np.argsort(self.hash[idx], kind="stable")
        return (idx[order], vals[order]), gained, lost

    def _merge_compiled(self, kernels: ModuleType, arrays: StoryArrays, vec: Mapping[str, float], limit: int,
                        ids: np.ndarray | None) -> tuple[StoryArrays, np.ndarray, np.ndarray]:
        """:meth:`merge` by kernels.merge_story; a cut among tied weights is made here, by key name."""
        if not vec:  # norm 0: the story as it was (without a call's cost)
            none = np.zeros(0, dtype=np.int64)
            return arrays, none, none
        a_idx = self.index(vec) if ids is None else ids
        a = np.fromiter(vec.values(), dtype=np.float64, count=len(vec))
        status, idx, vals, gained, lost, n_old = kernels.merge_story(arrays[0], arrays[1], a_idx, a, self.pos,
                                                                    self.hash, limit)
        if status == 1:
            return arrays, gained, lost
        if status == 2:
            keep = self._strongest(idx, vals, limit, kernels)
            idx, vals, gained, lost = kernels.take_sorted(idx, vals, keep, n_old, self.hash)
        return (idx, vals), gained, lost

    def _strongest(self, idx: np.ndarray, vals: np.ndarray, limit: int,
                   compiled: ModuleType | None = None) -> np.ndarray:
        """A mask of the ``limit`` largest of ``vals``, ties by key (as ``sorted`` by (-weight, key) would keep):
        the weights above the ``limit``-th largest, then the tied ones by key. ``compiled``: the kernels module,
        whose above_and_tied finds the same weights and ties in one call."""
        keep = np.zeros(len(vals), dtype=bool)
        if len(vals) <= limit:
            keep[:] = True
            return keep
        if compiled is not None:
            keep, tied, need = compiled.above_and_tied(vals, limit)
        else:
            kth = np.partition(vals, len(vals) - limit)[len(vals) - limit]
            keep = vals > kth
            tied = np.flatnonzero(vals == kth)
            need = limit - int(keep.sum())
        if need < len(tied):  # the first tied keys by name (names are unique: sorted by name alone, as strings)
            names = self.names
            tied_names = [names[k] for k in idx[tied].tolist()]
            tied = tied[sorted(range(len(tied_names)), key=tied_names.__getitem__)[:need]]
        keep[tied] = True
        return keep

    def prune(self, vec: dict[str, float], limit: int) -> dict[str, float]:
        """The ``limit`` largest weights of ``vec`` (ties by key), in the order of ``vec``: what :meth:`_strongest`
        keeps, worked out on the dict itself. A member keeps its 40 strongest of some 150 terms, most of them tied
        (a term seen once has weight 1): numpy's partition and an array of ids cost more than sorting the floats."""
        if len(vec) <= limit:
            return vec
        vals = sorted(vec.values(), reverse=True)
        kth = vals[limit - 1]  # the limit-th largest weight
        need = limit - vals.index(kth)  # of the keys tied at it (the first index of kth: the weights above it)
        tied = [k for k, v in vec.items() if v == kth]
        if need < len(tied):  # the first tied keys by name
            chosen = set(sorted(tied)[:need])
            return {k: v for k, v in vec.items() if v > kth or (v == kth and k in chosen)}
        return {k: v for k, v in vec.items() if v >= kth}


class StoryPool:
    """Every numbered story's vector of one kind (key ids and weights in hash order) in two flat arrays, found by
    ``start[num]`` and ``length[num]``: what the compiled scoring (:mod:`wirescope.aggregate.kernels`) reads, with
    no per-story Python object. A story's new vector is appended (its old entries become garbage, compacted away
    when they outnumber the live ones)."""

    __slots__ = ("garbage", "idx", "length", "start", "used", "val")

    def __init__(self) -> None:
        self.idx = np.zeros(4096, dtype=np.int64)
        self.val = np.zeros(4096)
        self.start = np.zeros(1024, dtype=np.int64)
        self.length = np.zeros(1024, dtype=np.int64)
        self.used = 0  # entries written (live and garbage)
        self.garbage = 0

    def put(self, num: int, arrays: StoryArrays) -> None:
        """Story ``num``'s vector is now ``arrays``."""
        if num >= len(self.start):
            old = len(self.start)
            cap = max(num + 1, 2 * old)
            self.start = np.concatenate([self.start, np.zeros(cap - old, dtype=np.int64)])
            self.length = np.concatenate([self.length, np.zeros(cap - old, dtype=np.int64)])
        n = len(arrays[0])
        self.garbage += int(self.length[num])
        self.length[num] = 0
        if self.garbage > 65536 and self.garbage > self.used - self.garbage:
            self._compact()
        if self.used + n > len(self.idx):
            cap = max(self.used + n, 2 * len(self.idx))
            self.idx = np.concatenate([self.idx[: self.used], np.zeros(cap - self.used, dtype=np.int64)])
            self.val = np.concatenate([self.val[: self.used], np.zeros(cap - self.used)])
        self.idx[self.used:self.used + n] = arrays[0]
        self.val[self.used:self.used + n] = arrays[1]
        self.start[num] = self.used
        self.length[num] = n
        self.used += n

    def load(self, idx: np.ndarray, val: np.ndarray, nums: np.ndarray, starts: np.ndarray, lengths: np.ndarray,
             ) -> None:
        """Stories ``nums`` at once (an empty pool): their vectors are ``idx``/``val`` from ``starts``, ``lengths``
        (a restored state's sorted columns; the entries of other kinds between them count as garbage)."""
        top = int(nums.max()) + 1 if len(nums) else 0
        if top > len(self.start):
            self.start = np.zeros(max(top, 2 * len(self.start)), dtype=np.int64)
            self.length = np.zeros(len(self.start), dtype=np.int64)
        self.idx = np.array(idx, dtype=np.int64)
        self.val = np.array(val, dtype=np.float64)
        self.start[nums] = starts
        self.length[nums] = lengths
        self.used = len(self.idx)
        self.garbage = self.used - int(lengths.sum())

    def _compact(self) -> None:
        """Copy the live entries of every story into new arrays, in number order."""
        live = np.flatnonzero(self.length)
        lengths = self.length[live]
        total = int(lengths.sum())
        starts = np.zeros(len(live), dtype=np.int64)
        np.cumsum(lengths[:-1], out=starts[1:])
        # each live entry's position in the old arrays: its story's old start plus its offset in the story
        src = np.repeat(self.start[live] - starts, lengths) + np.arange(total)
        self.idx = np.concatenate([self.idx[src], np.zeros(total, dtype=np.int64)])
        self.val = np.concatenate([self.val[src], np.zeros(total)])
        self.start[live] = starts
        self.used, self.garbage = total, 0


UNDATED = -(2**40)  # the day of an undated member in a MemberPool: no article is within any limit of it


class MemberPool:
    """A story's members' key terms (:meth:`Frequencies.story_arrays` of each) laid end to end with their days,
    extended as members join: what the compiled report rule (kernels.linked) reads in one call, instead of a list
    of recent members, their arrays and the concatenation made again for every article the rule tests (whose cost
    was some forty times the cosines'). ``source`` is the members list it was built from (a story whose members
    were reloaded gets a new list, and a new pool)."""

    __slots__ = ("count", "days", "idx", "length", "source", "start", "val")

    def __init__(self, source: Sequence[object]) -> None:
        self.source = source
        self.count = 0
        self.idx = np.zeros(0, dtype=np.int64)
        self.val = np.zeros(0)
        self.start = np.zeros(0, dtype=np.int64)
        self.length = np.zeros(0, dtype=np.int64)
        self.days = np.zeros(0, dtype=np.int64)

    def extend(self, arrays: Sequence[StoryArrays], days: Sequence[int]) -> None:
        """Members ``arrays`` (published on ``days``, ordinals or :data:`UNDATED`) after the pooled ones."""
        if not arrays:
            return
        lengths = np.array([len(a[0]) for a in arrays], dtype=np.int64)
        starts = np.empty(len(arrays), dtype=np.int64)
        starts[0] = len(self.idx)
        np.cumsum(lengths[:-1], out=starts[1:])
        starts[1:] += len(self.idx)
        self.idx = np.concatenate([self.idx, *(a[0] for a in arrays)])
        self.val = np.concatenate([self.val, *(a[1] for a in arrays)])
        self.start = np.concatenate([self.start, starts])
        self.length = np.concatenate([self.length, lengths])
        self.days = np.concatenate([self.days, np.array(days, dtype=np.int64)])
        self.count += len(arrays)
