"""The story clusterer's inverted index: key (term or entity key) -> numbers of the open stories holding it.

An incremental run restores every story still open at the new articles' dates: at 200k articles, 3,639 stories
whose vectors hold 125k distinct keys in 1.5 million entries. Built as one Python set per key, the index was the
largest part of that restore (issue 20), while a run of 1,000 new articles reads the holders of a small share of
the keys and changes fewer. So a restored index is kept as arrays (the holders of all keys, grouped by key: one
slice per key) and a key's set is made only when a story joins or leaves it (:meth:`KeyIndex.add`,
:meth:`KeyIndex.discard`). Reading the holders of some keys (:meth:`KeyIndex.gather`) concatenates their slices and
sets: the candidates are counted from that, in any order, so the decisions are those of the all-sets index.

Keys are integer codes (the clusterer's: a term's id times two, an entity key's id times two plus one), not strings:
whether a key is held by some story is then a count in an array by code (:meth:`KeyIndex.live_mask`), read for all
of an article's keys at once, instead of some 170 lookups in a dict of a hundred thousand strings per article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, pairwise

import numpy as np

_NONE = np.zeros(0, dtype=np.int64)
_SetOrSlice = set[int] | tuple[int, int]


class KeyIndex:
    """key code -> numbers of the stories holding it: a set once changed, else a slice ``(start, end)`` of the
    restored holders array. An entry is a set or a non-empty slice, so ``entries.get`` is true exactly for a key
    some story holds (an emptied set stays until a story leaves through :meth:`discard` with ``drop``); ``held``
    counts each code's holders (0 for a key no story holds; 32 bits: a few bytes per key id, as the key ids grow
    with the distinct words a store ever held)."""

    __slots__ = ("_entries", "_held", "_holders")

    def __init__(self) -> None:
        self._entries: dict[int, _SetOrSlice] = {}
        self._holders = _NONE
        self._held = np.zeros(1024, dtype=np.int32)

    @classmethod
    def from_groups(cls, keys: Sequence[int], bounds: Sequence[int], holders: np.ndarray) -> KeyIndex:
        """An index of ``keys`` whose holders are ``holders[bounds[k]:bounds[k + 1]]`` (each slice non-empty)."""
        self = cls()
        self._holders = np.ascontiguousarray(holders, dtype=np.int64)
        self._entries = dict(zip(keys, pairwise(bounds), strict=True))
        if len(keys):
            codes = np.asarray(keys, dtype=np.int64)
            self._grow(int(codes.max()))
            self._held[codes] = np.diff(np.asarray(bounds, dtype=np.int64))
        return self

    def __len__(self) -> int:
        return len(self._entries)

    def _grow(self, code: int) -> None:
        if code >= len(self._held):
            grown = np.zeros(max(code + 1, 2 * len(self._held)), dtype=np.int32)
            grown[: len(self._held)] = self._held
            self._held = grown

    def live(self, keys: Iterable[int]) -> list[int]:
        """The ``keys`` some story holds, in their order."""
        return list(filter(self._entries.get, keys))  # in C: an empty set is false, a slice never empty

    @property
    def held(self) -> np.ndarray:
        """Each code's number of holders (0 for a key no story holds; codes past its end have none)."""
        return self._held

    def live_mask(self, codes: np.ndarray) -> np.ndarray:
        """Whether some story holds each of ``codes`` (:meth:`live` as a mask, from the counts)."""
        if not len(codes):
            return np.zeros(0, dtype=bool)
        self._grow(int(codes.max()))
        return self._held[codes] > 0

    def gather(self, keys: Iterable[int]) -> np.ndarray:
        """The holders of ``keys``, concatenated (a story holding several keys appears once per key)."""
        parts: list[np.ndarray] = []
        sets: list[set[int]] = []
        entries, holders = self._entries, self._holders
        for key in keys:
            entry = entries[key]
            if isinstance(entry, tuple):
                parts.append(holders[entry[0]:entry[1]])
            else:
                sets.append(entry)
        if sets:
            total = sum(map(len, sets))
            parts.append(np.fromiter(chain.from_iterable(sets), dtype=np.int64, count=total))
        if not parts:
            return _NONE
        return parts[0] if len(parts) == 1 else np.concatenate(parts)

    def add(self, key: int, num: int) -> None:
        self.add_all((key,), num)

    def add_all(self, keys: Iterable[int], num: int) -> None:
        """:meth:`add` of each key: a story joins the holders of the keys it gained (some fifty per article placed,
        so the loop is kept in one call)."""
        entries = self._entries
        for key in keys:
            entry = entries.get(key)
            if entry is None:
                held: set[int] = {num}
                entries[key] = held
            else:
                held = entry if isinstance(entry, set) else self._made(key, entry)
                held.add(num)
            if key >= len(self._held):
                self._grow(key)
            self._held[key] = len(held)

    def _made(self, key: int, entry: tuple[int, int]) -> set[int]:
        """The key's slice made into its set, on the key's first change."""
        made = self._entries[key] = set(self._holders[entry[0]:entry[1]].tolist())
        return made

    def discard_all(self, keys: Iterable[int], num: int, *, drop: bool = False) -> None:
        """:meth:`discard` of each key: a story leaves the keys its pruning dropped (without ``drop``) or every key
        it holds when it closes (with ``drop``)."""
        entries, counts = self._entries, self._held
        for key in keys:
            entry = entries.get(key)
            if entry is None:
                continue
            held = entry if isinstance(entry, set) else self._made(key, entry)
            held.discard(num)
            counts[key] = len(held)
            if drop and not held:
                del entries[key]

    def discard(self, key: int, num: int, *, drop: bool = False) -> None:
        """Take story ``num`` out of the key's holders; with ``drop``, a key left without holders goes."""
        self.discard_all((key,), num, drop=drop)

    def items(self) -> Iterator[tuple[int, set[int]]]:
        """Every key and its holders as a set (for tests and inspection; nothing is made into sets)."""
        for key, entry in self._entries.items():
            if isinstance(entry, set):
                yield key, entry
            else:
                yield key, set(self._holders[entry[0]:entry[1]].tolist())
