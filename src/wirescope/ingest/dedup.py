"""Exact and near-duplicate detection with MinHash LSH (``minhash``: datasketch's affine32 MinHash and LSH in numpy).

Exact: the article id (hash of the normalised text) was seen before. Near: an earlier article's estimated Jaccard
similarity over word 5-shingles is at least the threshold — a syndicated copy with another headline or a few words
edited. Signatures serialise to bytes so the store can keep them and a later run can reload them.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..records import Article
from .minhash import LshIndex, jaccard, signature

_WORD = re.compile(r"\w+")
# Signature bytes: magic, format version, num_perm, seed, shingle size; then num_perm little-endian uint32 values.
_MAGIC = b"WSMH"
_VERSION = 1
_HEADER = struct.Struct("<4sBIIB")
_SEED = 1
# LSH bands are tuned for a threshold a little under ours, so pairs just above it are rarely missed; every candidate
# is then checked against the real threshold.
_LSH_SLACK = 0.1


@dataclass(frozen=True, slots=True)
class DedupResult:
    """``kind`` is "new", "exact" or "near"; for duplicates ``original_id`` is the earlier article's id."""

    kind: str
    original_id: str | None = None
    similarity: float | None = None

    @property
    def is_duplicate(self) -> bool:
        return self.kind != "new"


class Deduplicator:
    """Remembers the articles added to it and tells whether a new one repeats one of them.

    Typical use: ``result = dedup.check(article)``; when ``result.kind == "new"``, ``sig = dedup.add(article.id,
    article.text)`` and store ``sig``; on the next run ``dedup.load(article_id, sig)`` for each stored article.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128, shingle: int = 5) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ConfigError(f"near-duplicate threshold must be in (0, 1], got {threshold}")
        if not 16 <= num_perm <= 1024:
            raise ConfigError(f"num_perm must be between 16 and 1024, got {num_perm}")
        if not 1 <= shingle <= 20:
            raise ConfigError(f"shingle size must be between 1 and 20 words, got {shingle}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self._lsh = LshIndex(max(0.05, threshold - _LSH_SLACK), num_perm)
        self._ids: set[str] = set()
        self._hashes: dict[str, Any] = {}
        self._links: dict[str, str] = {}  # near-duplicate id -> its original's id
        self._pending: tuple[str, str] | None = None  # (article id, original id) of the last "near" check
        self._last: tuple[str, Any] | None = None  # check() then add() on the same text hashes it once

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._ids

    def check(self, article: Article) -> DedupResult:
        """Compare an article with everything added so far. Does not add it.

        A near-duplicate's ``original_id`` is always an original, never another near-duplicate: when the closest
        match is itself a copy (it was added right after ``check`` called it "near", or loaded with ``original_id``),
        the copy's original is named, with the similarity to the closest match.
        """
        self._pending = None
        if article.id in self._ids:
            return DedupResult("exact", article.id, 1.0)
        mh = self._minhash(article.text)
        if mh is None:
            return DedupResult("new")
        scored = [(jaccard(mh, self._hashes[c]), c) for c in self._lsh.query(mh)]
        matches = [(sim, c) for sim, c in scored if sim >= self.threshold]
        if not matches:
            return DedupResult("new")
        # Originals first, then the most similar; ids break ties so the answer does not depend on set order.
        sim, best = min(matches, key=lambda m: (m[1] in self._links, -m[0], m[1]))
        original = self._links.get(best, best)
        self._pending = (article.id, original)
        return DedupResult("near", original, round(sim, 4))

    def add(self, article_id: str, text: str, *, original_id: str | None = None) -> bytes:
        """Remember an article; returns its signature bytes (for the store). Adding an id again does nothing.

        ``original_id`` marks the article as a copy of that original; it defaults to the original that the last
        ``check`` of this article found, so ``check`` then ``add`` keeps links one level deep.
        """
        if original_id is None and self._pending is not None and self._pending[0] == article_id:
            original_id = self._pending[1]
        self._pending = None
        mh = self._minhash(text)
        signature = self._serialize(mh)
        self._insert(article_id, mh, original_id)
        return signature

    def signature(self, text: str) -> bytes:
        """The serialised MinHash of a text (empty-text signatures are valid and never match anything)."""
        return self._serialize(self._minhash(text))

    def load(self, article_id: str, signature: bytes, *, original_id: str | None = None) -> None:
        """Remember an article from stored signature bytes (``original_id`` when it is a near-duplicate). Raises
        ConfigError when the bytes were made with other parameters (num_perm, shingle size) or are not a signature."""
        self._insert(article_id, self._deserialize(signature), original_id)

    def _insert(self, article_id: str, mh: Any, original_id: str | None) -> None:
        if article_id in self._ids:
            return
        self._ids.add(article_id)
        if original_id is not None and original_id != article_id:
            self._links[article_id] = self._links.get(original_id, original_id)
        if mh is not None:  # an article without words can only be an exact duplicate
            self._hashes[article_id] = mh
            self._lsh.insert(article_id, mh)

    def _shingles(self, text: str) -> list[bytes]:
        words = _WORD.findall(text.casefold())
        if not words:
            return []
        k = min(self.shingle, len(words))
        # each run of k words joined by spaces, as UTF-8 (the words encoded once, not once per shingle); the shifted
        # copies are shorter, so zip stops at the last full run
        encoded = [w.encode("utf-8") for w in words]
        return list({b" ".join(run) for run in zip(*(encoded[j:] for j in range(k)), strict=False)})

    def _minhash(self, text: str) -> Any:
        if self._last is not None and self._last[0] == text:
            return self._last[1]
        shingles = self._shingles(text)
        mh = signature(shingles, self.num_perm, _SEED) if shingles else None
        self._last = (text, mh)
        return mh

    def _serialize(self, mh: Any) -> bytes:
        header = _HEADER.pack(_MAGIC, _VERSION, self.num_perm, _SEED, self.shingle)
        if mh is None:
            return header
        return header + np.asarray(mh, dtype="<u4").tobytes()

    def _deserialize(self, data: bytes) -> Any:
        if len(data) < _HEADER.size:
            raise ConfigError(f"not a wirescope MinHash signature ({len(data)} bytes)")
        magic, version, num_perm, seed, shingle = _HEADER.unpack_from(data)
        if magic != _MAGIC or version != _VERSION:
            raise ConfigError("not a wirescope MinHash signature (bad header); rebuild the signatures")
        if (num_perm, seed, shingle) != (self.num_perm, _SEED, self.shingle):
            raise ConfigError(
                f"signature made with num_perm={num_perm}, shingle={shingle}; this deduplicator uses "
                f"num_perm={self.num_perm}, shingle={self.shingle}; rebuild the signatures or use the same settings"
            )
        body = data[_HEADER.size:]
        if not body:
            return None
        if len(body) != 4 * num_perm:
            raise ConfigError(f"truncated MinHash signature: {len(body)} bytes of hash values, expected {4 * num_perm}")
        return np.frombuffer(body, dtype="<u4").astype(np.uint32)
