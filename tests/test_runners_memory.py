"""Issue 20, memory: freed heap pages go back to the system between batches (runners/memory.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from wirescope.runners import memory


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS line")


@pytest.mark.skipif(not sys.platform.startswith("linux") or memory._trim() is None, reason="needs glibc on Linux")
def test_release_gives_freed_heap_pages_back() -> None:
    # many small blocks (heap, not mmap) with a survivor at the end, so the heap's top cannot simply shrink
    blocks = [bytearray(4000) for _ in range(40_000)]  # ~160 MB
    survivor = bytearray(4000)
    for block in blocks:
        block[0] = 1  # touch: resident
    del blocks
    before = _rss_kb()
    memory.release()
    after = _rss_kb()
    assert survivor is not None
    assert before - after > 100_000, (before, after)  # at least ~100 MB of the ~160 MB freed went back


def test_release_is_harmless_without_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    memory._trim.cache_clear()
    monkeypatch.setattr(memory.ctypes, "CDLL", lambda *_: (_ for _ in ()).throw(OSError("no libc")))
    try:
        memory.release()  # no C library with malloc_trim: nothing happens, nothing raised
        assert memory._trim() is None
    finally:
        memory._trim.cache_clear()
