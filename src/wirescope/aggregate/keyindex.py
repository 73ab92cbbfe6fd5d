"""The story clusterer's inverted index: key (term or entity key) -> numbers of the open stories holding it.

Each article placed changes the index: its story gains some sixty keys and its pruning drops some forty, and a
story that closes (the date rule) leaves its four hundred keys at once. Kept as one Python set per key, those changes
were a third of the time of placing an article (issue 20, profiled at the 200k store's density: a dict lookup, a set
operation and a count per key; placing an article took 1.16 ms of CPU with them, 0.99 ms with these arrays). So the
index is arrays: each key's holders are a block of one pool array (``start``, ``held``: its length, ``cap``: its
room), a story joins a key by writing its number after the block's last and leaves it by moving the block's last
number into its place; a full block moves to the pool's end with twice the room, and the pool is packed when it has
no room left. The changes of one story run over all its keys at once: in numpy (:meth:`KeyIndex.add_all`,
:meth:`KeyIndex.discard_all`), or, once the clusterer has loaded its compiled loops, in one compiled call each
(``kernels.index_add``, ``kernels.index_discard``): the same blocks either way (tests/test_aggregate_candidates.py).

The order of a key's holders changes as stories leave it; nothing depends on it: the candidates are counted from
:meth:`KeyIndex.gather`'s holders and ordered by count and id. A story holds a key at most once: a story joins only
keys it did not hold (the keys its vector gained, or all of its keys when it opens), which the clusterer guarantees.

Keys are integer codes (the clusterer's: a term's id times two, an entity key's id times two plus one), not strings:
whether a key is held by some story is a count in an array by code (:attr:`KeyIndex.held`), read for all of an
article's keys at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from types import ModuleType

import numpy as np

_NONE = np.zeros(0, dtype=np.int64)
_MIN_ROOM = 4  # a key's first block holds this many stories


def _positions(starts: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """The pool positions of blocks (``starts``, ``lens``), block after block."""
    total = int(lens.sum())
    if not total:
        return _NONE
    ends = np.cumsum(lens)
    return np.repeat(starts - (ends - lens), lens) + np.arange(total, dtype=np.int64)


class KeyIndex:
    """key code -> numbers of the stories holding it: ``held[code]`` of them (0 for a key no story holds; 32 bits:
    a few bytes per key id, as the key ids grow with the distinct words a store ever held), at
    ``pool[start[code]:start[code] + held[code]]``. ``kernels``: the compiled loops, set by the clusterer once it
    has loaded them (the numpy twins are used until then)."""

    __slots__ = ("_cap", "_held", "_mark", "_pool", "_start", "kernels")

    def __init__(self) -> None:
        self._start = np.zeros(1024, dtype=np.int64)
        self._held = np.zeros(1024, dtype=np.int32)
        self._cap = np.zeros(1024, dtype=np.int64)
        self._pool = np.zeros(4096, dtype=np.int64)
        self._mark = np.zeros(1, dtype=np.int64)  # the pool's first free position (an array: the compiled add moves it)
        self.kernels: ModuleType | None = None

    @classmethod
    def from_groups(cls, keys: Sequence[int], bounds: Sequence[int], holders: np.ndarray) -> KeyIndex:
        """An index of ``keys`` whose holders are ``holders[bounds[k]:bounds[k + 1]]`` (each slice non-empty)."""
        self = cls()
        if not len(keys):
            return self
        codes = np.asarray(keys, dtype=np.int64)
        edges = np.asarray(bounds, dtype=np.int64)
        self._grow(int(codes.max()))
        total = int(edges[-1])
        self._pool = np.zeros(max(2 * total, 4096), dtype=np.int64)
        self._pool[:total] = holders[:total]
        self._start[codes] = edges[:-1]
        self._held[codes] = np.diff(edges)
        self._cap[codes] = np.diff(edges)
        self._mark[0] = total
        return self

    def __len__(self) -> int:
        """The number of keys some story holds."""
        return int(np.count_nonzero(self._held))

    def _grow(self, code: int) -> None:
        """Room in the arrays by code for ``code``."""
        size = len(self._held)
        if code < size:
            return
        cap = max(code + 1, 2 * size)
        for name in ("_start", "_held", "_cap"):
            old = getattr(self, name)
            grown = np.zeros(cap, dtype=old.dtype)
            grown[:size] = old
            setattr(self, name, grown)

    @property
    def held(self) -> np.ndarray:
        """Each code's number of holders (0 for a key no story holds; codes past its end have none)."""
        return self._held

    def live(self, keys: Iterable[int]) -> list[int]:
        """The ``keys`` some story holds, in their order."""
        held, size = self._held, len(self._held)
        return [k for k in keys if k < size and held[k] > 0]

    def live_mask(self, codes: np.ndarray) -> np.ndarray:
        """Whether some story holds each of ``codes``, from the counts."""
        if not len(codes):
            return np.zeros(0, dtype=bool)
        self._grow(int(codes.max()))
        return self._held[codes] > 0

    def gather(self, keys: Sequence[int] | np.ndarray) -> np.ndarray:
        """The holders of ``keys`` (keys some story holds), concatenated: a story holding several keys appears once
        per key."""
        codes = np.asarray(keys, dtype=np.int64)
        if self.kernels is not None:
            return self.kernels.index_gather(codes, self._start, self._held, self._pool)
        return self._pool[_positions(self._start[codes], self._held[codes].astype(np.int64))]

    def add(self, key: int, num: int) -> None:
        """Story ``num`` joins the holders of ``key``, which it does not hold."""
        self.add_all([key], num)

    def add_all(self, keys: Sequence[int] | np.ndarray, num: int) -> None:
        """:meth:`add` of each of ``keys`` (distinct, none held by the story): the keys a story gained, or all of
        its keys when it opens."""
        codes = np.asarray(keys, dtype=np.int64)
        if not len(codes):
            return
        self._grow(int(codes.max()))
        if self.kernels is not None:
            done = 0
            while (done := self.kernels.index_add(codes, done, num, self._start, self._held, self._cap, self._pool,
                                                  self._mark)) < len(codes):
                self._pack(self._room(codes[done:]))  # the pool is full: packed (and grown), then the rest
            return
        full = codes[self._held[codes] >= self._cap[codes]]
        if len(full) and self._mark[0] + self._room(full) > len(self._pool):
            self._pack(self._room(codes))  # packing empties the room of keys no story holds: their blocks move too
            full = codes[self._held[codes] >= self._cap[codes]]
        if len(full):
            self._move(full)
        at = self._start[codes] + self._held[codes]
        self._pool[at] = num
        self._held[codes] += 1

    def _room(self, codes: np.ndarray) -> int:
        """The pool positions the blocks of ``codes`` need at most if each moves once (twice its room)."""
        return int(np.maximum(2 * self._cap[codes], _MIN_ROOM).sum())

    def _move(self, codes: np.ndarray) -> None:
        """The full blocks of ``codes`` (distinct) to the pool's end, each with twice its room (the pool has room:
        :meth:`add_all`)."""
        need = np.maximum(2 * self._cap[codes], _MIN_ROOM)
        top = int(self._mark[0])
        starts = top + np.cumsum(need) - need
        lens = self._held[codes].astype(np.int64)
        self._pool[_positions(starts, lens)] = self._pool[_positions(self._start[codes], lens)]
        self._start[codes] = starts
        self._cap[codes] = need
        self._mark[0] = top + int(need.sum())

    def _pack(self, extra: int) -> None:
        """The blocks written again one after the other (an empty block gives its room back), in a pool with room
        for ``extra`` more positions and as many again: moved blocks' waste is dropped."""
        self._cap[self._held == 0] = 0
        codes = np.flatnonzero(self._cap)
        caps = self._cap[codes]
        used = int(caps.sum())
        pool = np.zeros(max(2 * (used + extra), 4096), dtype=np.int64)
        starts = np.cumsum(caps) - caps
        lens = self._held[codes].astype(np.int64)
        pool[_positions(starts, lens)] = self._pool[_positions(self._start[codes], lens)]
        self._start[codes] = starts
        self._pool = pool
        self._mark[0] = used

    def discard(self, key: int, num: int) -> None:
        """Take story ``num`` out of the key's holders (nothing if it does not hold it)."""
        self.discard_all([key], num)

    def discard_all(self, keys: Sequence[int] | np.ndarray, num: int) -> None:
        """:meth:`discard` of each of ``keys`` (distinct): a story leaves the keys its pruning dropped, or every key
        it holds when it closes. The story's place in a block is taken by the block's last holder."""
        codes = np.asarray(keys, dtype=np.int64)
        if not len(codes):
            return
        self._grow(int(codes.max()))
        if self.kernels is not None:
            self.kernels.index_discard(codes, num, self._start, self._held, self._pool)
            return
        lens = self._held[codes].astype(np.int64)
        pos = _positions(self._start[codes], lens)
        found = self._pool[pos] == num
        where = pos[found]
        owner = codes[np.repeat(np.arange(len(codes)), lens)[found]]
        self._pool[where] = self._pool[self._start[owner] + self._held[owner] - 1]
        self._held[owner] -= 1

    def items(self) -> Iterator[tuple[int, set[int]]]:
        """Every key some story holds and its holders as a set (for tests and inspection)."""
        for key in np.flatnonzero(self._held).tolist():
            lo = int(self._start[key])
            yield key, set(self._pool[lo:lo + int(self._held[key])].tolist())
