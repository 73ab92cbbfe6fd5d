"""Give the heap memory a process has freed back to the operating system (glibc's ``malloc_trim``).

A worker's memory peaks while it analyses a piece of articles (spaCy's docs and arrays of a whole batch, the stages'
records); once the piece is done that memory is free, but glibc keeps freed heap pages mapped for reuse, and a heap
fragmented by millions of small Python and spaCy objects keeps most of them: a worker that had parsed one long
article stayed that much larger for the rest of the run, and the peaks of two workers added up. ``malloc_trim``
returns the free pages (it changes no object, so no result). Elsewhere than glibc it does nothing.

A trim is not free: it walks the heap and hands back its free pages, and the next piece faults them in again (the
kernel zeroes each one). Trimmed after every piece of 8 articles, that system time was 2-4% of a worker's CPU
(48-64 Guardian articles in one process: 0.27-0.66 s of system time with the trim, 0.05-0.13 s without), while
most pieces leave a heap that the next piece reuses anyway. ``HeapTrim`` trims only when the process has grown
more than ``slack`` bytes over its resident size after start-up: what one long article leaves behind goes back, the
usual piece's working set stays for the next piece.

``collect_less`` makes Python's cyclic garbage collector run less often in a process that analyses articles. Nearly
every object the analysis makes (spaCy's Token and Span wrappers, the coder's tuples and records) dies by reference
counting within a few lines; the collector's first generation, collected whenever 700 more container objects have
been made than freed, ran about 800 times per 80 Guardian articles, and its older generations (every 10th and
100th run) walked the stages' caches that grow after start-up: 0.9-1.6 s of collection in 15-16 s of CPU for those
articles in one worker-like process. Collected after 10,000, the first generation runs a few times per 80 articles
(the count is of objects made less those freed, and the analysis frees nearly all it makes), at the same peak
memory; cyclic garbage is still collected, later. The collector decides only when memory is reclaimed, never what
an object holds, so no result changes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

# container objects made (less those freed) before the collector's first generation is collected (Python's default:
# 700; ``collect_less``)
YOUNG_GENERATION = 10_000


@functools.cache
def _trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        return libc.malloc_trim if libc is not None else None
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to call
        return None


def release_free_memory() -> None:
    """Return the process's free heap pages to the system, where the C library can."""
    trim = _trim()
    if trim is not None:
        trim(0)


def resident_bytes(statm: Path = Path("/proc/self/statm")) -> int | None:
    """This process's resident memory (RSS) in bytes; None where /proc is missing (not Linux)."""
    try:
        return int(statm.read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


class HeapTrim:
    """Gives the free heap back (``release_free_memory``) when the process has grown more than ``slack`` bytes over
    its resident size when the trim was made (``start``: after the pipeline is loaded); where the resident size is
    unknown, every time it is asked."""

    def __init__(self, slack: int, measure: Callable[[], int | None] = resident_bytes,
                 release: Callable[[], None] = release_free_memory) -> None:
        self.slack, self.measure, self.release = slack, measure, release
        self.baseline: int | None = None
        self.trims = 0

    def start(self) -> None:
        self.baseline = self.measure()

    def __call__(self) -> None:
        now = self.measure()
        if now is None or self.baseline is None or now > self.baseline + self.slack:
            self.release()
            self.trims += 1


def collect_less(young: int = YOUNG_GENERATION) -> None:
    """Collect the garbage collector's first generation after ``young`` container objects instead of Python's 700;
    the older generations keep their ratios (module docstring)."""
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(young, older, oldest)


@contextmanager
def collecting_less(young: int = YOUNG_GENERATION) -> Iterator[None]:
    """``collect_less`` for the time of a block, the caller's thresholds put back after: an ingest run inside a
    user's process (one worker) must not change how that process collects once the run is over."""
    before = gc.get_threshold()
    collect_less(young)
    try:
        yield
    finally:
        gc.set_threshold(*before)
