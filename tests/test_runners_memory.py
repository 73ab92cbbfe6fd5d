"""Issue 20: a worker gives its free heap back only when it has grown (runners/memory.py)."""

from __future__ import annotations

import gc
import os
from pathlib import Path

from wirescope.runners.memory import YOUNG_GENERATION, HeapTrim, collect_less, collecting_less, resident_bytes


def test_the_heap_is_trimmed_only_past_the_slack() -> None:
    sizes = iter([100, 150, 199, 201, 120])  # baseline, then the size after each piece
    released: list[int] = []
    trim = HeapTrim(100, measure=lambda: next(sizes), release=lambda: released.append(1))
    trim.start()
    for _ in range(4):
        trim()
    assert trim.trims == 1 and len(released) == 1  # only at 201 > 100 + 100


def test_an_unknown_size_trims_every_time() -> None:
    released: list[int] = []
    trim = HeapTrim(100, measure=lambda: None, release=lambda: released.append(1))
    trim.start()
    trim()
    trim()
    assert len(released) == 2  # as before HeapTrim: where the size cannot be read, every piece is trimmed


def test_resident_bytes_reads_statm(tmp_path: Path) -> None:
    statm = tmp_path / "statm"
    statm.write_text("5000 1200 300 10 0 900 0\n")
    assert resident_bytes(statm) == 1200 * os.sysconf("SC_PAGE_SIZE")
    assert resident_bytes(tmp_path / "missing") is None
    assert (resident_bytes() or 0) > 0  # this process, on Linux


def test_collect_less_sets_the_first_generation_only() -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 7, 9)
        collect_less()
        assert gc.get_threshold() == (YOUNG_GENERATION, 7, 9)  # the older generations keep their ratios
        assert gc.isenabled()
    finally:
        gc.set_threshold(*before)


def test_collecting_less_puts_the_thresholds_back() -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 7, 9)
        with collecting_less():
            assert gc.get_threshold() == (YOUNG_GENERATION, 7, 9)
        assert gc.get_threshold() == (700, 7, 9)  # a library call leaves its caller's process as it found it
    finally:
        gc.set_threshold(*before)
