"""Analysis in worker processes: spaCy *and* the stages run in each worker, on all usable cores by default.

spaCy's own ``n_process`` parses in child processes but hands every doc back to the parent, which then runs the
stages (events, quotes, places, verify) alone: on two cores the parent was the bottleneck (issue 20). Here each
worker process holds a whole ``Pipeline`` (model, dictionaries, gazetteer) and returns finished ``Analysis``
records; the parent only reads, deduplicates and writes the store. Each article is analysed by the same code
whichever worker gets it, and results come back in input order, so the store is the same for any worker count.

``default_workers`` is the number of cores this process may use (``os.sched_getaffinity``), capped by the memory
available for one pipeline per worker (``WORKER_BYTES``).

Where the platform has it, the workers are forked from multiprocessing's fork server, which loads the pipeline once
before forking them (``runners/preload.py``): the workers share its pages instead of each loading a copy. Elsewhere
(and when the fork server cannot load it) each worker is spawned and loads its own.
"""

from __future__ import annotations

import gc
import math
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Settings
from ..errors import PipelineError, WirescopeError
from ..records import Analysis, Article, Failure
from . import preload
from .memory import HeapTrim, collect_less

if TYPE_CHECKING:
    from ..nlp.pipeline import Pipeline

# Memory one worker needs: the default model with every stage peaked near 800 MB in one process (issue 20's
# measurement); 1 GB leaves room for a long article.
WORKER_BYTES = 1 << 30
# the largest piece of articles a worker analyses at once: a worker's memory peaks with its piece (the docs and
# records of all its articles are alive together), and the two workers' peaks add up (issue 20)
WORKER_PIECE = 8
# the smallest piece of articles sent to a worker at the end of the input (``piece_sizes``)
TAIL_PIECE = 4
# how far a worker may grow over its size after start-up before it gives its free heap back (``memory.HeapTrim``):
# a piece of 8 long Guardian articles left 130-230 MB of heap behind, one of 8 BBC articles under 120 MB; one with
# a very long article more (420 MB), which is what the trim is for
TRIM_SLACK = 256 << 20

_pipeline: Pipeline | None = None  # a worker process's own pipeline
_error: WirescopeError | None = None  # or why it could not be built
_trim = HeapTrim(TRIM_SLACK)  # a worker's free heap, given back when it has grown (memory.py)


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, which a container or taskset narrows)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def available_memory(meminfo: Path = Path("/proc/meminfo")) -> int | None:
    """Bytes of memory available for new processes (Linux ``MemAvailable``); None when unknown."""
    try:
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def default_workers(cores: int | None = None, memory: int | None = -1) -> int:
    """Worker processes for an ingest: every usable core, no more than the available memory holds pipelines."""
    cores = usable_cores() if cores is None else cores
    memory = available_memory() if memory == -1 else memory
    if memory is None:
        return max(1, cores)
    return max(1, min(cores, memory // WORKER_BYTES))


# How often a worker checks that the process owning its pool still runs (``_exit_without``)
OWNER_CHECK_SECONDS = 1.0


class WorkerPool:
    """The ``analyze_many`` of a ``Pipeline``, run by ``workers`` processes that each hold a whole pipeline.

    ``submit`` starts a batch and returns at once (the caller can write the previous batch meanwhile); ``collect``
    gives its results in input order. A worker that dies fails the run with a ``PipelineError``.
    """

    def __init__(self, settings: Settings, workers: int) -> None:
        if workers < 1:
            raise PipelineError(f"workers must be at least 1, got {workers}")
        self.settings = replace(settings, n_process=1)  # a worker parses in its own process, no children
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start the workers and wait until each has loaded its pipeline."""
        pool = self._executor()
        ready = [pool.submit(_ready_after, 0.2) for _ in range(self.workers)]
        try:
            for future in ready:
                error = future.result()
                if error is not None:  # the worker's own error (a bad stage name, a missing model), said as is
                    self.close()
                    raise error
        except BrokenProcessPool as exc:
            self.close(wait=False)
            raise PipelineError(f"the worker processes could not start (model {self.settings.model}): "
                                f"{exc}") from exc

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # a worker inherits none of the parent's threads or open store: it is forked from the fork server
                # (a fresh interpreter that holds the preloaded pipeline), or spawned
                self._pool = ProcessPoolExecutor(
                    max_workers=self.workers, mp_context=_context(self.settings),
                    initializer=_start_worker, initargs=(self.settings, os.getpid()),
                )
            return self._pool

    def submit(self, articles: Sequence[Article], *, last: bool = False) -> list[Future[list[Analysis | Failure]]]:
        """Send ``articles`` to the workers in contiguous pieces (each at most a spaCy batch). ``last``: nothing
        follows them, so the pieces shrink towards the end (``piece_sizes``)."""
        if not articles:
            return []
        pool = self._executor()
        futures, start = [], 0
        piece = min(self.settings.batch_size, WORKER_PIECE)
        for size in piece_sizes(len(articles), piece, self.workers, last=last):
            futures.append(pool.submit(_analyze, list(articles[start:start + size])))
            start += size
        return futures

    def collect(self, futures: list[Future[list[Analysis | Failure]]], count: int) -> list[Analysis | Failure]:
        return [result for piece in self._wait(futures, count) for result in piece]

    def analyze_many(self, articles: Iterable[Article], **_: object) -> Iterator[Analysis | Failure]:
        batch = list(articles)
        return iter(self.collect(self.submit(batch), len(batch)))

    def _wait(self, futures: list[Future[list[Analysis | Failure]]], count: int) -> list[list[Analysis | Failure]]:
        try:
            return [future.result() for future in futures]
        except BrokenProcessPool as exc:
            self.close(wait=False)
            raise PipelineError(f"a worker process died (out of memory, killed, or its model failed to load) with "
                                f"{count} articles in flight; what was committed is kept, rerun to resume (fewer "
                                f"--n-process if memory is short)") from exc

    def close(self, *, wait: bool = True) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def piece_sizes(count: int, batch: int, workers: int, *, last: bool = False) -> list[int]:
    """How ``count`` articles are cut into the pieces the workers take from their queue, in order.

    Each piece is at most a spaCy batch and at most an even share per worker. For the input's last articles
    (``last``) the pieces shrink as the queue empties (each half of what is left per worker, down to
    ``TAIL_PIECE``): the workers take pieces in turn, so with equal pieces one worker could still be parsing a whole
    batch of long articles while the others had nothing left (on the Guardian corpus, batches of 32 articles of
    ~1,000 words: several seconds with one core idle at the end of the run). Which worker analyses an article
    does not change its analysis."""
    if count <= 0:
        return []
    size = max(1, min(batch, math.ceil(count / workers)))
    if not last:
        return [size] * (count // size) + ([count % size] if count % size else [])
    out, left = [], count
    while left:
        piece = min(left, max(min(TAIL_PIECE, size), min(size, math.ceil(left / (2 * workers)))))
        out.append(piece)
        left -= piece
    return out


def _context(settings: Settings) -> BaseContext:
    """The fork server's context with the pipeline of ``settings`` preloaded in the server (``runners/preload.py``)
    where the platform has one, else spawn. The server starts here, once per parent process: a later pool with
    other settings gets workers that load their own pipeline."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([preload.__name__])
    os.environ[preload.PIPELINE_ENV] = preload.encode(settings)  # read (and removed) by the server at its start
    # one BLAS thread in each worker (unless the user chose): the model's matrix products run in numpy's BLAS
    # (``pipeline.load_analysis_model``), and the workers already take every core, so a BLAS thread pool in each
    # would only compete with them; read by the library when the server imports numpy
    blas = _BLAS_THREADS not in os.environ
    if blas:
        os.environ[_BLAS_THREADS] = "1"
    try:
        forkserver.ensure_running()
    finally:
        os.environ.pop(preload.PIPELINE_ENV, None)
        if blas:
            os.environ.pop(_BLAS_THREADS, None)
    return context


_BLAS_THREADS = "OPENBLAS_NUM_THREADS"


def _start_worker(settings: Settings, owner: int) -> None:
    global _pipeline, _error
    from .startup import open_pipeline

    threading.Thread(target=_exit_without, args=(owner,), name="wirescope-owner-watch", daemon=True).start()
    # Ctrl-C reaches the whole process group: the parent stops the run (keeping what is committed) and shuts the
    # pool down; a worker printing its own KeyboardInterrupt traceback would only hide the parent's message
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _pipeline = preload.shared_pipeline(settings)
        if _pipeline is None:
            _pipeline = open_pipeline(settings)
            # the pipeline lives as long as the worker: its objects need no more garbage collection (a full
            # collection walked all of them, about 0.5 s each time one ran), as in the fork server's (preload.py)
            gc.collect()
            gc.freeze()
    except WirescopeError as exc:  # kept for the parent: an initializer's exception would only break the pool
        _error = exc
    collect_less()  # the analysis's objects die young: fewer collections, the same results (memory.py)
    _trim.start()


def _exit_without(owner: int, every: float = OWNER_CHECK_SECONDS) -> None:
    """End this worker once the process that owns the pool is gone. A pool shut down normally stops its workers
    itself; but when its owner is killed (``kill -9``, the out-of-memory killer) nothing tells them: they wait on a
    task queue whose pipe they hold both ends of, and they keep the fork server alive by holding its liveness pipe,
    so the whole tree (hundreds of MB) would stay behind until reboot."""
    while _alive(owner):
        time.sleep(every)
    os._exit(1)


def _alive(pid: int, proc: Path = Path("/proc")) -> bool:
    """Whether process ``pid`` still runs (a killed owner not yet reaped by its own parent, a zombie, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process took the number: ours is gone
        return False
    try:
        stat = (proc / str(pid) / "stat").read_text()
    except OSError:  # no /proc (macOS): kill(0) is all there is
        return True
    return stat.rsplit(")", 1)[-1].split()[:1] != ["Z"]


def _ready_after(seconds: float) -> WirescopeError | None:
    time.sleep(seconds)  # holds this worker a moment so that each worker gets one of the start's tasks
    return _error


def _analyze(articles: list[Article]) -> list[Analysis | Failure]:
    if _pipeline is None:
        raise _error or PipelineError("the worker has no pipeline")
    try:
        return list(_pipeline.analyze_many(articles))
    finally:
        _trim()  # the piece's docs are freed: their pages go back when the worker has grown (memory.py)
