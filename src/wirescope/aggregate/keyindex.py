"""The story clusterer's inverted index: key (term or entity key) -> numbers of the open stories holding it.

An incremental run restores every story still open at the new articles' dates: at 200k articles, 3,639 stories
whose vectors hold 125k distinct keys in 1.5 million entries. Built as one Python set per key, the index was the
largest part of that restore (issue 20), while a run of 1,000 new articles reads the holders of a small share of
the keys and changes fewer. So a restored index is kept as arrays (the holders of all keys, grouped by key: one
slice per key) and a key's set is made only when a story joins or leaves it (:meth:`KeyIndex.add`,
:meth:`KeyIndex.discard`). Reading the holders of some keys (:meth:`KeyIndex.gather`) concatenates their slices and
sets: the candidates are counted from that, in any order, so the decisions are those of the all-sets index.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, pairwise

import numpy as np

_NONE = np.zeros(0, dtype=np.int64)


class KeyIndex:
    """key -> numbers of the stories holding it: a set once changed, else a slice ``(start, end)`` of the
    restored holders array. An entry is a set or a non-empty slice, so ``entries.get`` is true exactly for a key
    some story holds (an emptied set stays until a story leaves through :meth:`discard` with ``drop``)."""

    __slots__ = ("_entries", "_holders")

    def __init__(self) -> None:
        self._entries: dict[str, set[int] | tuple[int, int]] = {}
        self._holders = _NONE

    @classmethod
    def from_groups(cls, keys: Sequence[str], bounds: Sequence[int], holders: np.ndarray) -> KeyIndex:
        """An index of ``keys`` whose holders are ``holders[bounds[k]:bounds[k + 1]]`` (each slice non-empty)."""
        self = cls()
        self._holders = np.ascontiguousarray(holders, dtype=np.int64)
        self._entries = dict(zip(keys, pairwise(bounds), strict=True))
        return self

    def __len__(self) -> int:
        return len(self._entries)

    def live(self, keys: Iterable[str]) -> list[str]:
        """The ``keys`` some story holds, in their order."""
        return list(filter(self._entries.get, keys))  # in C: an empty set is false, a slice never empty

    def gather(self, keys: Iterable[str]) -> np.ndarray:
        """The holders of ``keys``, concatenated (a story holding several keys appears once per key)."""
        parts: list[np.ndarray] = []
        sets: list[set[int]] = []
        entries, holders = self._entries, self._holders
        for key in keys:
            entry = entries[key]
            if entry.__class__ is tuple:
                parts.append(holders[entry[0]:entry[1]])
            else:
                sets.append(entry)  # type: ignore[arg-type]
        if sets:
            total = sum(map(len, sets))
            parts.append(np.fromiter(chain.from_iterable(sets), dtype=np.int64, count=total))
        if not parts:
            return _NONE
        return parts[0] if len(parts) == 1 else np.concatenate(parts)

    def _set(self, key: str) -> set[int] | None:
        """The key's holders as a set (made from its slice on first change), or None."""
        entry = self._entries.get(key)
        if entry is None or entry.__class__ is set:
            return entry
        lo, hi = entry
        made = self._entries[key] = set(self._holders[lo:hi].tolist())
        return made

    def add(self, key: str, num: int) -> None:
        held = self._set(key)
        if held is None:
            self._entries[key] = {num}
        else:
            held.add(num)

    def add_all(self, keys: Iterable[str], num: int) -> None:
        """:meth:`add` of each key: a story joins the holders of the keys it gained (some fifty per article placed,
        so the loop is kept in one call)."""
        entries = self._entries
        for key in keys:
            entry = entries.get(key)
            if entry is None:
                entries[key] = {num}
            elif entry.__class__ is set:
                entry.add(num)
            else:
                self._set(key).add(num)  # type: ignore[union-attr]

    def discard_all(self, keys: Iterable[str], num: int) -> None:
        """:meth:`discard` of each key (without ``drop``): a story leaves the keys its pruning dropped."""
        entries = self._entries
        for key in keys:
            entry = entries.get(key)
            if entry is None:
                continue
            if entry.__class__ is set:
                entry.discard(num)
            else:
                self._set(key).discard(num)  # type: ignore[union-attr]

    def discard(self, key: str, num: int, *, drop: bool = False) -> None:
        """Take story ``num`` out of the key's holders; with ``drop``, a key left without holders goes."""
        held = self._set(key)
        if held is None:
            return
        held.discard(num)
        if drop and not held:
            del self._entries[key]

    def items(self) -> Iterator[tuple[str, set[int]]]:
        """Every key and its holders as a set (for tests and inspection; nothing is made into sets)."""
        for key, entry in self._entries.items():
            if entry.__class__ is set:
                yield key, entry
            else:
                lo, hi = entry
                yield key, set(self._holders[lo:hi].tolist())
