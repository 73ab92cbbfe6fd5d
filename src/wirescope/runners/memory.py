"""Give the heap memory a process has freed back to the operating system (glibc's ``malloc_trim``).

A worker's memory peaks while it analyses a piece of articles (spaCy's docs and arrays of a whole batch, the stages'
records); once the piece is done that memory is free, but glibc keeps freed heap pages mapped for reuse, and a heap
fragmented by millions of small Python and spaCy objects keeps most of them: a worker that had parsed one long
article stayed that much larger for the rest of the run, and the peaks of two workers added up. ``malloc_trim``
returns the free pages (it changes no object, so no result). Elsewhere than glibc it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from collections.abc import Callable


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
