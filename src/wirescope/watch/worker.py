"""Analysis in a worker process: what lets a server analyse articles without slowing down the requests it answers.

spaCy and the analysis stages are CPU-bound Python; run in a thread of the server they would hold the interpreter
lock for seconds at a time and every request would wait. ``WorkerPipeline`` has the ``Pipeline`` interface that
``ingest_articles`` uses (``analyze_many``) but sends each batch to one child process (started on first use with
the ``spawn`` method, so it inherits none of the server's threads or open files) that holds the model, and gets
the analyses back. The server process stays the only writer: it commits what the worker returns.

A worker that dies (killed, out of memory) fails the batch it had (the watcher retries it at the next poll) and is
started again at the next batch; a worker whose parent died exits by itself within a second or so.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace

from ..config import Settings
from ..errors import InputError, WirescopeError
from ..nlp.pipeline import Pipeline
from ..records import Analysis, Article, Failure

log = logging.getLogger("wirescope.worker")
_pipeline: Pipeline | None = None  # the worker process's own pipeline


class WorkerError(WirescopeError):
    """The analysis worker process died while it had a batch."""


class WorkerPipeline(Pipeline):
    """A ``Pipeline`` whose analysis runs in a child process (module docstring). Thread-safe: batches from several
    threads queue for the one worker."""

    def __init__(self, settings: Settings | None = None) -> None:  # no model here: it lives in the worker
        self.settings = settings or Settings()
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker, initargs=(self.settings, os.getpid()),
                )
            return self._pool

    def analyze_many(
        self, articles: Iterable[Article], *, batch_size: int | None = None, n_process: int | None = None
    ) -> Iterator[Analysis | Failure]:
        batch = list(articles)
        if not batch:
            return iter(())
        pool = self._executor()
        try:
            results = pool.submit(_analyze, batch).result()
        except BrokenProcessPool as exc:
            with self._lock:
                if self._pool is pool:
                    self._pool = None  # the next batch starts a new worker
            pool.shutdown(wait=False, cancel_futures=True)
            raise WorkerError(f"the analysis worker process died (or could not load its model) while it had "
                              f"{len(batch)} articles; they are tried again at the next poll") from exc
        return iter(results)

    def analyze(self, article: Article) -> Analysis:
        result = next(self.analyze_many([article]))
        if isinstance(result, Failure):
            raise InputError(result.item, result.reason)
        return result

    def warm_up(self) -> None:
        """Start the worker and load its model now rather than at the first batch."""
        self._executor().submit(_ready).result()

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)  # (wait: an abandoned pool's exit hook fails noisily)


def _start_worker(settings: Settings, parent: int) -> None:
    global _pipeline
    threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="wirescope-orphan-check").start()
    # one process: the server's analysis shares the machine with the requests it answers (issue 20: ``serve --watch``
    # keeps one worker whatever the ingest default is)
    _pipeline = Pipeline(replace(settings, n_process=1))


def _exit_with(parent: int) -> None:
    """End this worker when its server is gone (a server killed with SIGKILL cannot tell it to)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def _ready() -> bool:
    return _pipeline is not None


def _analyze(articles: list[Article]) -> list[Analysis | Failure]:
    assert _pipeline is not None, "the worker's initializer builds the pipeline"
    return list(_pipeline.analyze_many(articles))
