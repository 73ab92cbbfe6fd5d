"""Give freed memory back to the system between batches (glibc's ``malloc_trim``).

An analysed batch allocates a few hundred MB of short-lived memory (spaCy's docs and arrays, the stages' records)
mixed with small long-lived objects; glibc keeps most of what is freed in its heap, so a worker process stayed at
the high-water mark of its largest batch for the rest of the run. ``release`` returns the free pages (the heap's
top and, since glibc 2.8, whole free pages inside it): a no-op where the C library has no ``malloc_trim``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from functools import cache


@cache
def _trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc (macOS, musl without it, Windows)
        return None
    return trim


def release() -> None:
    """Return the heap's free pages to the system (glibc), else nothing."""
    trim = _trim()
    if trim is not None:
        trim(0)
