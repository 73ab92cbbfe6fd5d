"""MinHash signatures and an LSH index in numpy, bit for bit what datasketch's ``MinHash(scheme="affine32")`` and
``MinHashLSH`` compute, without importing datasketch: its package imports scipy (for the integrals that choose the
LSH bands), 0.3 s of CPU in every ingesting process (issue 20). ``tests/test_ingest_minhash.py`` compares both with
datasketch, which stays installed for that comparison.

Signature: each shingle's SHA-1 (first 4 bytes, little-endian) is mixed with the MurmurHash3 finalizer, then each
of ``num_perm`` affine maps ``a * h + b`` (mod 2^32, ``a`` odd, from ``RandomState(seed)``) permutes it; a value
keeps the least of every shingle. The LSH index cuts signatures into ``b`` bands of ``r`` values, (b, r) minimising
the equally weighted false-positive and false-negative areas around the threshold; an article is a candidate when
one band is equal.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

_MAX = np.uint32(0xFFFFFFFF)
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The affine maps' ``a`` (odd) and ``b``, as datasketch draws them for the affine32 scheme."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    a.flags.writeable = b.flags.writeable = False  # shared by every caller through the cache
    return a, b


def _fmix(hv: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def signature(shingles: Iterable[bytes], num_perm: int, seed: int) -> np.ndarray:
    """The uint32 MinHash values of a set of byte strings (all 2^32-1 for none)."""
    sha1 = hashlib.sha1
    # the first 4 bytes (little-endian) of each 20-byte digest, read from all digests at once
    hv = np.frombuffer(b"".join([sha1(s).digest() for s in shingles]), dtype="<u4")[::5].astype(np.uint32)
    if not hv.size:
        return np.full(num_perm, _MAX, dtype=np.uint32)
    a, b = permutations(num_perm, seed)
    return (_fmix(hv).reshape(-1, 1) * a + b).min(axis=0)


def jaccard(first: np.ndarray, second: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal values."""
    return float(np.count_nonzero(first == second)) / float(len(first))


@lru_cache(maxsize=16)
def bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(b, r) as datasketch's ``_optimal_param`` chooses them with equal weights. Its integrands are polynomials of
    degree b*r <= num_perm, which Gauss-Legendre with num_perm/2 + 1 nodes integrates exactly (scipy's ``quad``
    gets them to rounding), so the same (b, r) wins."""
    nodes, weights = np.polynomial.legendre.leggauss(num_perm // 2 + 1)
    # nodes mapped onto [0, threshold] and [threshold, 1]
    low = (nodes + 1) * threshold / 2
    high = threshold + (nodes + 1) * (1 - threshold) / 2
    best, opt = float("inf"), (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = float(np.dot(weights, 1 - (1 - low ** float(r)) ** float(b))) * threshold / 2
            fn = float(np.dot(weights, (1 - high ** float(r)) ** float(b))) * (1 - threshold) / 2
            error = fp * 0.5 + fn * 0.5
            if error < best:
                best, opt = error, (b, r)
    return opt


class LshIndex:
    """Ids under the bands of their signatures; ``query`` gives the ids sharing at least one band."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        b, r = bands(threshold, num_perm)
        self._ranges = [(i * r, (i + 1) * r) for i in range(b)]
        self._tables: list[dict[bytes, list[str]]] = [{} for _ in range(b)]

    def insert(self, key: str, values: np.ndarray) -> None:
        for (start, end), table in zip(self._ranges, self._tables, strict=True):
            table.setdefault(values[start:end].tobytes(), []).append(key)

    def query(self, values: np.ndarray) -> set[str]:
        found: set[str] = set()
        for (start, end), table in zip(self._ranges, self._tables, strict=True):
            found.update(table.get(values[start:end].tobytes(), ()))
        return found
