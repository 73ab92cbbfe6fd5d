"""Compiled loops of story clustering (numba, issue 20): an article's scores against all its candidate stories in
one pass over the stories' vectors, instead of some eleven numpy calls whose per-call cost was most of the time.

Exact: every sum runs in the order numpy's ``bincount`` ran it (each story's entries in their stored order, which is
the keys' hash order, from 0.0, one addition at a time), the same IEEE operations on the same values, no fastmath
(LLVM may then neither reassociate a sum nor fuse a multiply and an add), so the scores are bit for bit those of
:meth:`wirescope.aggregate.vectors.Frequencies.cosines` and a continued run still decides as one long run.

Compiled on first use and cached on disk (``cache=True``: next to this file, or numba's user cache directory when
the package directory is read-only; ``NUMBA_CACHE_DIR`` points it elsewhere; with neither writable, compiled in each
process): the first calls in a process cost about 0.4 s of CPU with the cache, 8 s without (compiling), and
importing numba and this module another 0.6 s. Only story clustering imports this module, and only for a run of
more than ``stories.COMPILE_AFTER`` articles, so an ingest and a small incremental run never load numba.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from numba import njit


def _compile(func: Callable[..., Any]) -> Any:
    """``njit`` with the compiled code cached on disk; without a writable cache directory (numba refuses ``cache``
    when neither the package's directory nor the user's cache is writable), compiled again in each process."""
    try:
        return njit(cache=True, nogil=True)(func)
    except RuntimeError:
        return njit(nogil=True)(func)


@_compile
def _cosines(nums: np.ndarray, start: np.ndarray, length: np.ndarray, idx: np.ndarray, val: np.ndarray,
             ldf: np.ndarray, top: float, q_idx: np.ndarray, q: np.ndarray, dense: np.ndarray,
             out: np.ndarray) -> None:  # pragma: no cover - compiled (its Python twin: Frequencies.cosines)
    """Cosine (idf = top - ldf on both sides) of one article's query weights with each story of ``nums``, whose
    vector is ``idx``/``val`` from ``start[num]``, ``length[num]`` entries; ``dense`` is zero scratch by key id."""
    for j in range(len(q_idx)):
        dense[q_idx[j]] = q[j]
    for c in range(len(nums)):
        s = start[nums[c]]
        norm2 = 0.0
        dot = 0.0
        for k in range(s, s + length[nums[c]]):
            v = val[k]
            i = idx[k]
            w = v * (top - ldf[i])
            norm2 += w * w
            dot += v * dense[i]
        norm = math.sqrt(norm2)
        out[c] = dot / norm if norm > 0.0 else 0.0
    for j in range(len(q_idx)):
        dense[q_idx[j]] = 0.0


@_compile
def cosines(q_idx: np.ndarray, q: np.ndarray, start: np.ndarray, length: np.ndarray, idx: np.ndarray,
            val: np.ndarray, ldf: np.ndarray, top: float, dense: np.ndarray,
            ) -> np.ndarray:  # pragma: no cover - compiled (its Python twin: Frequencies.cosines)
    """:meth:`~wirescope.aggregate.vectors.Frequencies.cosines` of one article with vectors laid end to end (the
    ``c``-th from ``start[c]``, ``length[c]`` entries): the report rule's recent members."""
    out = np.zeros(len(start))
    nums = np.arange(len(start))
    if len(q_idx):
        _cosines(nums, start, length, idx, val, ldf, top, q_idx, q, dense, out)
    return out


@_compile
def linked(q_idx: np.ndarray, q: np.ndarray, start: np.ndarray, length: np.ndarray, idx: np.ndarray,
           val: np.ndarray, ldf: np.ndarray, top: float, dense: np.ndarray, days: np.ndarray, day: int, limit: int,
           need: float) -> int:  # pragma: no cover - compiled (twin: StoryClusterer._linked in numpy)
    """The report rule over a story's members laid end to end (vectors.MemberPool: the ``c``-th from
    ``start[c]``, ``length[c]`` entries, published on ``days[c]``, an ordinal): -1 when no member is within
    ``limit`` days of ``day``, 1 when the cosine of one that is reaches ``need``, else 0. The cosines of those
    members are :func:`cosines`' (the same loop over the same entries), so the same bits as the numpy path."""
    nums = np.empty(len(days), dtype=np.int64)
    k = 0
    for c in range(len(days)):
        if abs(day - days[c]) <= limit:
            nums[k] = c
            k += 1
    if k == 0:
        return -1
    out = np.zeros(k)
    if len(q_idx):
        _cosines(nums[:k], start, length, idx, val, ldf, top, q_idx, q, dense, out)
    for c in range(k):
        if out[c] >= need:
            return 1
    return 0


@_compile
def date_rule(nums: np.ndarray, first: np.ndarray, last: np.ndarray, dated: np.ndarray, chained: np.ndarray,
              day: int, max_span: int, max_gap: int, window: int, decay: float, min_factor: float,
              ) -> tuple[np.ndarray, np.ndarray]:  # pragma: no cover - compiled (twin: StoryDates in numpy)
    """The stories of ``nums`` an article of ``day`` (an ordinal) may join by the date rule, in their order, and
    their time factors: StoryDates.open_to and StoryDates.factors in one loop (``math.exp`` is the C library's, as
    CPython's is; ``max(min_factor, f)`` keeps ``min_factor`` unless ``f`` is larger, as Python's ``max`` does)."""
    m = len(nums)
    kept = np.empty(m, dtype=np.int64)
    factors = np.empty(m)
    k = 0
    for c in range(m):
        n = nums[c]
        gap = max(max(first[n] - day, day - last[n]), 0)
        if max_gap and dated[n]:
            span = max(last[n], day) - min(first[n], day)
            if span > max_span and (gap > max_gap or not chained[n]):
                continue
        f = 1.0
        if dated[n] and gap > window:
            f = math.exp(-(gap - window) / decay)
            if not f > min_factor:
                f = min_factor
        kept[k] = n
        factors[k] = f
        k += 1
    return kept[:k], factors[:k]


@_compile
def add_frequencies(df: np.ndarray, ldf: np.ndarray, idx: np.ndarray,
                    tf: np.ndarray) -> None:  # pragma: no cover - compiled (twin: Frequencies.add in numpy)
    """A document's weights ``tf`` added to the frequencies of its keys ``idx`` (distinct), and each key's
    ``ln(df + 1)`` recomputed: ``math.log`` here calls the C library's ``log``, as CPython's ``math.log`` does (the
    same bits, tests/test_aggregate_kernels.py; numpy's ``log`` is its own and differs in the last bit)."""
    for j in range(len(idx)):
        i = idx[j]
        d = df[i] + tf[j]
        df[i] = d
        ldf[i] = math.log(d + 1.0)


@_compile
def story_scores(nums: np.ndarray, factors: np.ndarray,
                 t_start: np.ndarray, t_len: np.ndarray, t_idx: np.ndarray, t_val: np.ndarray, t_ldf: np.ndarray,
                 t_top: float, t_qidx: np.ndarray, t_q: np.ndarray, t_dense: np.ndarray,
                 e_start: np.ndarray, e_len: np.ndarray, e_idx: np.ndarray, e_val: np.ndarray, e_ldf: np.ndarray,
                 e_top: float, e_qidx: np.ndarray, e_q: np.ndarray, e_dense: np.ndarray,
                 entities: bool, w_terms: float, w_ents: float,
                 ) -> tuple[np.ndarray, np.ndarray]:  # pragma: no cover - compiled (twin: StoryClusterer._scores)
    """Scores of one article against the stories ``nums`` and the cosines of their key terms: ``w_terms *
    cos(terms) + w_ents * cos(entities)`` for a story holding entities when ``entities`` (the article has some and
    they are weighted), else ``cos(terms)``; times each story's time factor."""
    m = len(nums)
    cos_t = np.zeros(m)
    score = np.zeros(m)
    if m == 0:
        return score, cos_t
    if len(t_qidx):
        _cosines(nums, t_start, t_len, t_idx, t_val, t_ldf, t_top, t_qidx, t_q, t_dense, cos_t)
    if entities:
        cos_e = np.zeros(m)
        if len(e_qidx):
            _cosines(nums, e_start, e_len, e_idx, e_val, e_ldf, e_top, e_qidx, e_q, e_dense, cos_e)
        for c in range(m):
            both = w_terms * cos_t[c] + w_ents * cos_e[c] if e_len[nums[c]] > 0 else cos_t[c]
            score[c] = both * factors[c]
    else:
        for c in range(m):
            score[c] = cos_t[c] * factors[c]
    return score, cos_t


@_compile
def _take_sorted(idx: np.ndarray, vals: np.ndarray, keep: np.ndarray, n_old: int, hashes: np.ndarray,
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:  # pragma: no cover - compiled
    """The kept entries in the order of their keys' hashes (stable), the kept keys of ``idx[n_old:]`` (gained) and
    the dropped keys of ``idx[:n_old]`` (lost)."""
    kept = np.flatnonzero(keep)
    order = kept[np.argsort(hashes[idx[kept]], kind="mergesort")]
    gained = idx[n_old:][keep[n_old:]]
    lost = idx[:n_old][~keep[:n_old]]
    return idx[order], vals[order], gained, lost


@_compile
def _cut_at(vals: np.ndarray, limit: int) -> tuple[float, int, int]:  # pragma: no cover - compiled
    """For a cut of ``vals`` to its ``limit`` largest (``limit`` < len): the ``limit``-th largest weight, how many
    weights are above it and how many are tied at it (the cut is by value alone when ``limit - above >= tied``)."""
    kth = np.sort(vals)[len(vals) - limit]
    above = 0
    tied = 0
    for k in range(len(vals)):
        if vals[k] > kth:
            above += 1
        elif vals[k] == kth:
            tied += 1
    return kth, above, tied


@_compile
def merge_story(idx: np.ndarray, vals: np.ndarray, a_idx: np.ndarray, a: np.ndarray, pos: np.ndarray,
                hashes: np.ndarray, limit: int,
                ) -> tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]:  # pragma: no cover
    """A story's vector (``idx``, ``vals`` in hash order) plus a document's unit vector (keys ``a_idx``, weights
    ``a``, normalised here by the norm summed in order), pruned to its ``limit`` largest weights (0: no limit):
    Frequencies.merge compiled. Returns (status, ids, weights, gained, lost, n_old): status 0, the result; 1, the
    document's norm is 0 (nothing changes); 2, the pruning's cut falls among tied weights, which are chosen by key
    name: ids and weights are then the unpruned sums, ``n_old`` entries of them the story's, for the caller to prune
    (``pos`` is zero-based scratch by key id, -1 between uses)."""
    none = np.zeros(0, dtype=np.int64)
    norm2 = 0.0
    for j in range(len(a)):
        norm2 += a[j] * a[j]
    norm = math.sqrt(norm2)
    n_old = len(idx)
    if norm == 0.0:
        return 1, idx, vals, none, none, n_old
    out_idx = np.empty(n_old + len(a), dtype=np.int64)
    out_val = np.empty(n_old + len(a))
    for k in range(n_old):
        pos[idx[k]] = k
        out_idx[k] = idx[k]
        out_val[k] = vals[k]
    m = n_old
    for j in range(len(a)):
        u = a[j] / norm
        at = pos[a_idx[j]]
        if at >= 0:
            out_val[at] += u  # each key once: the same sums as adding member by member
        else:
            out_idx[m] = a_idx[j]
            out_val[m] = u
            m += 1
    for k in range(n_old):
        pos[idx[k]] = -1
    out_idx, out_val = out_idx[:m], out_val[:m]
    keep = np.ones(m, dtype=np.bool_)
    if limit and m > limit:
        kth, above, tied = _cut_at(out_val, limit)
        if limit - above < tied:
            return 2, out_idx, out_val, none, none, n_old
        for k in range(m):
            keep[k] = out_val[k] >= kth
    new_idx, new_val, gained, lost = _take_sorted(out_idx, out_val, keep, n_old, hashes)
    return 0, new_idx, new_val, gained, lost, n_old


@_compile
def above_and_tied(vals: np.ndarray, limit: int,
                   ) -> tuple[np.ndarray, np.ndarray, int]:  # pragma: no cover - compiled (twin: _strongest)
    """For a cut of ``vals`` to its ``limit`` largest: a mask of the weights above the ``limit``-th largest, the
    positions of those tied at it, and how many of the tied the cut keeps (the caller chooses them by key name)."""
    kth = np.sort(vals)[len(vals) - limit]
    keep = vals > kth
    tied = np.flatnonzero(vals == kth)
    return keep, tied, limit - int(keep.sum())


@_compile
def take_sorted(idx: np.ndarray, vals: np.ndarray, keep: np.ndarray, n_old: int, hashes: np.ndarray,
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:  # pragma: no cover - compiled
    """:func:`_take_sorted` for the caller that pruned tied weights itself (merge_story's status 2)."""
    return _take_sorted(idx, vals, keep, n_old, hashes)


@_compile
def query_keys(t_ids: np.ndarray, t_w: np.ndarray, e_ids: np.ndarray, e_w: np.ndarray, held: np.ndarray, n: int,
               ) -> tuple[np.ndarray, int]:  # pragma: no cover - compiled (twin: StoryClusterer._query_keys)
    """The index codes (a term's id times two, an entity key's times two plus one) of an article's ``n`` strongest
    keys some story holds (``held``: holders by code; a code past its end has none), in the article's order (terms,
    then entities): the weights above the ``n``-th largest and all of those tied at it. Status 1 when the cut
    falls among tied weights, which the caller chooses by key name (the codes are then unset)."""
    m = len(t_ids) + len(e_ids)
    codes = np.empty(m, dtype=np.int64)
    weights = np.empty(m)
    k = 0
    for j in range(m):
        code = 2 * t_ids[j] if j < len(t_ids) else 2 * e_ids[j - len(t_ids)] + 1
        if code < len(held) and held[code] > 0:
            codes[k] = code
            weights[k] = t_w[j] if j < len(t_ids) else e_w[j - len(t_ids)]
            k += 1
    if k <= n:
        return codes[:k], 0
    kth, above, tied = _cut_at(weights[:k], n)
    if n - above < tied:
        return codes[:0], 1
    out = np.empty(above + tied, dtype=np.int64)
    c = 0
    for j in range(k):
        if weights[j] >= kth:
            out[c] = codes[j]
            c += 1
    return out, 0


@_compile
def candidates(nums: np.ndarray, rank: np.ndarray, m: int, scratch: np.ndarray,
               ) -> np.ndarray:  # pragma: no cover - compiled (twin: StoryClusterer._candidate_nums in numpy)
    """The ``m`` numbers of ``nums`` (story numbers, one per query key a story holds) held most often, ties by
    ``rank`` (the story id's order), then by number: what counting by ``unique`` or ``bincount`` and a ``lexsort``
    of (rank, -count) choose. ``scratch``: zero counts by number, left zero."""
    hits = np.empty(len(nums), dtype=np.int64)
    k = 0
    for x in nums:
        if scratch[x] == 0:
            hits[k] = x
            k += 1
        scratch[x] += 1
    hits = np.sort(hits[:k])
    counts = np.empty(k, dtype=np.int64)
    for j in range(k):
        counts[j] = scratch[hits[j]]
        scratch[hits[j]] = 0
    # by rank, then (stable) by descending count: the order of lexsort((rank, -count)), ties by number
    by_rank = np.argsort(rank[hits], kind="mergesort")
    order = by_rank[np.argsort(-counts[by_rank], kind="mergesort")]
    return hits[order[:m]]


@_compile
def index_gather(codes: np.ndarray, start: np.ndarray, held: np.ndarray, pool: np.ndarray,
                 ) -> np.ndarray:  # pragma: no cover - compiled (twin: KeyIndex.gather in numpy)
    """The holders of the keys ``codes`` in the index's pool (keyindex.KeyIndex), block after block."""
    total = 0
    for code in codes:
        total += held[code]
    out = np.empty(total, dtype=np.int64)
    k = 0
    for code in codes:
        lo = start[code]
        for j in range(lo, lo + held[code]):
            out[k] = pool[j]
            k += 1
    return out


@_compile
def index_add(codes: np.ndarray, done: int, num: int, start: np.ndarray, held: np.ndarray, cap: np.ndarray,
              pool: np.ndarray, mark: np.ndarray) -> int:  # pragma: no cover - compiled (twin: KeyIndex.add_all)
    """Story ``num`` joins the keys ``codes[done:]``: written after each block's last holder, a full block first
    moved to the pool's end (``mark[0]``) with twice its room. Returns how many of ``codes`` are done: fewer than
    all when the pool has no room left for a block to move (the caller packs it and goes on)."""
    for i in range(done, len(codes)):
        code = codes[i]
        n = held[code]
        if n >= cap[code]:
            room = max(2 * cap[code], 4)  # keyindex._MIN_ROOM
            top = mark[0]
            if top + room > len(pool):
                return i
            lo = start[code]
            for j in range(n):
                pool[top + j] = pool[lo + j]
            start[code] = top
            cap[code] = room
            mark[0] = top + room
        pool[start[code] + n] = num
        held[code] = n + 1
    return len(codes)


@_compile
def index_discard(codes: np.ndarray, num: int, start: np.ndarray, held: np.ndarray,
                  pool: np.ndarray) -> None:  # pragma: no cover - compiled (twin: KeyIndex.discard_all)
    """Story ``num`` leaves the keys ``codes`` it holds: its place in each block taken by the block's last holder."""
    for code in codes:
        lo = start[code]
        last = lo + held[code] - 1
        for j in range(lo, last + 1):
            if pool[j] == num:
                pool[j] = pool[last]
                held[code] -= 1
                break
