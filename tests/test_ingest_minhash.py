"""wirescope's numpy MinHash and LSH bands against datasketch's (affine32 scheme), which they replace on the ingest
path: the same signatures (so stored signatures stay valid) and the same bands (so the same candidates)."""

from __future__ import annotations

import random
import subprocess
import sys

import numpy as np
import pytest

from wirescope.ingest.dedup import _LSH_SLACK, Deduplicator
from wirescope.ingest.minhash import LshIndex, bands, jaccard, signature

datasketch = pytest.importorskip("datasketch")


def _shingle_sets() -> list[list[bytes]]:
    rng = random.Random(20)
    words = [f"w{i}é" for i in range(400)]
    sets = [[b"one"], [b""], [w.encode() for w in words]]
    for size in (2, 17, 300, 3000):
        sets.append([" ".join(rng.choices(words, k=5)).encode() for _ in range(size)])
    return sets


@pytest.mark.parametrize("num_perm", [16, 128, 257])
@pytest.mark.parametrize("seed", [1, 7])
def test_signatures_are_datasketchs(num_perm: int, seed: int) -> None:
    for shingles in _shingle_sets():
        theirs = datasketch.MinHash(num_perm=num_perm, seed=seed, scheme="affine32")
        theirs.update_batch(shingles)
        ours = signature(shingles, num_perm, seed)
        assert ours.dtype == np.uint32
        assert ours.tobytes() == np.asarray(theirs.hashvalues, dtype=np.uint32).tobytes()


def test_empty_signature_and_jaccard_are_datasketchs() -> None:
    empty = datasketch.MinHash(num_perm=64, seed=1, scheme="affine32")
    assert signature([], 64, 1).tobytes() == np.asarray(empty.hashvalues, dtype=np.uint32).tobytes()
    a, b = (signature(s, 64, 1) for s in _shingle_sets()[4:6])
    ma, mb = (datasketch.MinHash(num_perm=64, seed=1, scheme="affine32", hashvalues=v) for v in (a, b))
    assert jaccard(a, b) == ma.jaccard(mb)
    assert jaccard(a, a) == 1.0


@pytest.mark.parametrize("num_perm", [16, 128, 256])
def test_bands_are_datasketchs(num_perm: int) -> None:
    from datasketch.lsh import _optimal_param

    # every threshold a user can set to two decimals, as the deduplicator lowers it for the index
    for i in range(5, 101, 5 if num_perm > 128 else 1):
        lowered = max(0.05, i / 100 - _LSH_SLACK)
        assert bands(lowered, num_perm) == _optimal_param(lowered, num_perm, 0.5, 0.5), (lowered, num_perm)


def test_index_candidates_are_datasketchs() -> None:
    rng = random.Random(3)
    words = [f"w{i}" for i in range(60)]
    base = [" ".join(rng.choices(words, k=5)).encode() for _ in range(200)]
    # variants sharing a falling share of the base's shingles
    sets = [base[: 200 - k] + [f"x{k} {j}".encode() for j in range(k)] for k in range(0, 200, 8)]
    theirs = datasketch.MinHashLSH(threshold=0.7, num_perm=128)
    ours = LshIndex(0.7, 128)
    for i, shingles in enumerate(sets):
        values = signature(shingles, 128, 1)
        ours.insert(str(i), values)
        theirs.insert(str(i), datasketch.MinHash(num_perm=128, seed=1, scheme="affine32", hashvalues=values),
                      check_duplication=False)
    probes = [signature(s, 128, 1) for s in sets[::3]]
    for values in probes:
        expected = set(theirs.query(datasketch.MinHash(num_perm=128, seed=1, scheme="affine32", hashvalues=values)))
        assert ours.query(values) == expected
    assert any(1 < len(ours.query(v)) < len(sets) for v in probes), "probes should find some but not all"


def test_deduplicating_imports_neither_datasketch_nor_scipy() -> None:
    script = (
        "import sys\nfrom wirescope.ingest.dedup import Deduplicator\nd = Deduplicator()\n"
        "d.add('a', 'Ann met Bob in Paris on Monday.')\n"
        "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
    assert len(Deduplicator()) == 0
