"""The local engine: read inputs, skip duplicates, analyse, write to the store, one committed chunk at a time.

``process_batch`` is the engine-independent unit of work (the Ray runner calls the same function); ``ingest``
adds reading, deduplication and the store around it. Each chunk is one store transaction, so an interrupted run
keeps every committed chunk and a rerun skips what is already stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from ..config import Settings
from ..records import Analysis, Article, Failure
from .memory import collecting_less

if TYPE_CHECKING:
    from ..ingest.dedup import Deduplicator
    from ..ingest.http import HttpClient
    from ..ingest.tabular import FieldMapping
    from ..nlp.pipeline import Pipeline
    from ..store import Store
    from .workers import WorkerPool

log = logging.getLogger("wirescope.ingest")


def process_batch(pipeline: Pipeline, articles: Sequence[Article]) -> list[Analysis | Failure]:
    """Analyse a batch of articles. Pure apart from the pipeline's model: safe to run in any worker."""
    return list(pipeline.analyze_many(articles))


@dataclass
class IngestReport:
    """What an ingest run did. ``read`` counts every input item, failed ones included."""

    run_id: str = ""
    read: int = 0
    new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    not_english: int = 0
    failed: int = 0
    words: int = 0
    failures: list[Failure] = field(default_factory=list)
    interrupted: bool = False
    # articles that name no outlet (see ingest/outlet.py), and the first few of their items for the warning
    no_outlet: int = 0
    no_outlet_items: list[str] = field(default_factory=list)
    # the start-up stage under way (loading the model, building the gazetteer index ...), None once articles flow
    stage: str | None = None

    def counts(self) -> dict[str, int]:
        return {
            "read": self.read,
            "new": self.new,
            "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates,
            "not_english": self.not_english,
            "failed": self.failed,
        }


ProgressCallback = Callable[[IngestReport], None]


def _chunks(items: Iterable[Article | Failure], size: int,
            edge: int | None = None) -> Iterator[tuple[list[Article | Failure], bool]]:
    """Chunks of ``size`` items, each with whether it is the last (the next one is read before it is given).

    With ``edge`` (fewer than ``size``), the first chunk holds ``edge`` items and the last is given in chunks of
    ``edge``. The worker pool analyses a chunk while the previous one is written, but nothing overlaps the reading
    of the first chunk (the workers wait for it) or the writing of the last (they have finished): with chunks of
    128 Guardian articles that was about 0.3 s of reading and deduplication before the first analysis and 0.5-0.9 s
    of store writes after the last, 2-4% of the ingest's time with a core idle."""
    edge = min(edge or size, size)
    it = iter(items)
    chunk = list(islice(it, edge))
    while chunk:
        following = list(islice(it, size))
        if following:
            yield chunk, False
            chunk = following
            continue
        for start in range(0, len(chunk), edge):
            yield chunk[start:start + edge], start + edge >= len(chunk)
        return


def ingest(
    inputs: Sequence[str],
    store: Store,
    settings: Settings | None = None,
    *,
    mapping: FieldMapping | None = None,
    client: HttpClient | None = None,
    pipeline: Pipeline | None = None,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Ingest inputs (paths, directories, URLs, "-") into the store and return the counts.

    Reads the inputs (``read_inputs``) and hands what it finds to ``ingest_articles``. URLs are fetched with
    ``client``, or with a client made from ``settings`` (address policy, robots.txt, rate limits) when None.
    """
    from ..ingest.http import HttpClient
    from ..ingest.sources import read_inputs

    settings = settings or Settings()
    items = read_inputs(
        inputs, mapping=mapping, client=client, max_bytes=settings.max_bytes,
        client_factory=lambda: HttpClient.from_settings(settings),
    )
    return ingest_articles(items, store, settings, pipeline=pipeline, progress=progress)


def ingest_articles(
    articles: Iterable[Article | Failure],
    store: Store,
    settings: Settings | None = None,
    *,
    pipeline: Pipeline | None = None,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Store already-built articles: skip duplicates, analyse, write, one committed chunk at a time.

    ``articles`` may hold ``Failure`` records too (items a reader could not turn into articles): they are counted and
    stored in the failures table. One article that cannot be analysed is one failure row; the run is always closed
    (``finished``, ``interrupted`` on Ctrl-C, ``failed`` when an unexpected error ends it, which is re-raised).

    Without ``pipeline``, ``settings.n_process`` > 1 analyses in that many worker processes, each running spaCy
    and the stages (``runners/workers.py``) while this process writes the previous chunk; 1 analyses here. The
    start-up stages (model, dictionaries, gazetteer) are reported through ``progress`` (``report.stage``).
    """
    from ..nlp.resources import startup

    settings = settings or Settings()
    report = IngestReport()

    def said(label: str | None) -> None:
        report.stage = label
        if progress:
            progress(report)

    with startup.listening(said) if progress else nullcontext():
        engine = pipeline or _default_engine(settings)
    # the stages run in this process when it opened its own pipeline: fewer collections for the run, the same
    # results (memory.py), and the caller's thresholds back after it
    fewer = collecting_less() if engine is not pipeline and settings.n_process <= 1 else nullcontext()
    try:
        with fewer:
            return _run(articles, store, settings, engine, report, progress)
    finally:
        if engine is not pipeline:
            close = getattr(engine, "close", None)
            if close is not None:
                close()


def _default_engine(settings: Settings) -> Pipeline | WorkerPool:
    from ..nlp.resources import startup
    from .startup import open_pipeline
    from .workers import WorkerPool

    if settings.n_process <= 1:
        return open_pipeline(settings)
    if "places" in settings.stages and settings.gazetteer is None:
        from ..nlp.resources.gazetteer import ensure_default_index

        ensure_default_index()  # here, once, visibly; not in every worker at once
    pool = WorkerPool(settings, settings.n_process)
    with startup.stage(f"starting {settings.n_process} worker processes (each loads the spaCy model "
                       f"{settings.model}, the dictionaries and the gazetteer)"):
        pool.start()
    return pool


def _run(articles: Iterable[Article | Failure], store: Store, settings: Settings, engine: Pipeline | WorkerPool,
         report: IngestReport, progress: ProgressCallback | None) -> IngestReport:
    from ..ingest.dedup import Deduplicator
    from .workers import WorkerPool

    dedup = Deduplicator(threshold=settings.near_duplicate_threshold)
    for article_id, signature in store.signatures():
        dedup.load(article_id, signature)
    report.run_id = store.begin_run(settings)
    report.stage = None
    status = "failed"
    pending: _Chunk | None = None
    try:
        # the pool starts on a first batch and ends with one (``_chunks``); a single process writes whole chunks
        edge = settings.batch_size if isinstance(engine, WorkerPool) else None
        for items, last in _chunks(articles, settings.batch_size * 4, edge):
            chunk = _prepare(items, store, dedup, report)
            if isinstance(engine, WorkerPool):
                # the workers analyse this chunk while the previous one is written
                chunk.futures = engine.submit(chunk.fresh, last=last)
                if pending is not None:
                    _finish(pending, engine.collect(pending.futures, len(pending.fresh)), store, report, progress)
                pending = chunk
            else:
                _finish(chunk, process_batch(engine, chunk.fresh), store, report, progress)
        if pending is not None:
            assert isinstance(engine, WorkerPool)
            _finish(pending, engine.collect(pending.futures, len(pending.fresh)), store, report, progress)
        status = "finished"
        _warn_no_outlet(report)
    except KeyboardInterrupt:
        report.interrupted = True
        status = "interrupted"
        raise
    finally:
        # Never leave a run 'running': a crash, a Ctrl-C or a store error still closes it with its counts.
        _close_run(store, report, status)
    return report


def _warn_no_outlet(report: IngestReport) -> None:
    if report.no_outlet:
        shown = ", ".join(report.no_outlet_items) + (", ..." if report.no_outlet > len(report.no_outlet_items) else "")
        log.warning("%d %s no outlet (no source or publisher field, site name or URL): %s; for JSON or CSV input "
                    "map its outlet field with --fields source=NAME, or give the articles their URL",
                    report.no_outlet, "article names" if report.no_outlet == 1 else "articles name", shown)


def _close_run(store: Store, report: IngestReport, status: str) -> None:
    try:
        store.finish_run(report.run_id, report.counts(), status=status)
    except Exception:
        if status == "finished":
            raise
        # The error that ended the run is already propagating; a store that cannot even close the run must not
        # hide it (the next run marks a run left 'running' as interrupted).


@dataclass
class _Chunk:
    """One chunk of input after deduplication, waiting for its analyses."""

    failures: list[Failure]
    fresh: list[Article]
    others: list[tuple[Article, str, str | None, float | None]]
    signatures: dict[str, bytes]
    futures: list[Future[list[Analysis | Failure]]] = field(default_factory=list)


def _prepare(chunk: list[Article | Failure], store: Store, dedup: Deduplicator, report: IngestReport) -> _Chunk:
    from ..ingest.outlet import with_outlet

    failures = [item for item in chunk if isinstance(item, Failure)]
    articles = [with_outlet(item) for item in chunk if isinstance(item, Article)]
    report.read += len(chunk)
    known = store.known_ids([a.id for a in articles])
    out = _Chunk(failures=failures, fresh=[], others=[], signatures={})
    for article in articles:
        verdict = dedup.check(article)
        if article.id in known or verdict.kind == "exact":
            report.duplicates += 1
            continue
        out.signatures[article.id] = dedup.add(article.id, article.text)
        if verdict.kind == "near":
            report.near_duplicates += 1
            out.others.append((article, "near-duplicate", verdict.original_id, verdict.similarity))
        elif not article.is_english:
            report.not_english += 1
            out.others.append((article, "not-english", None, None))
        else:
            out.fresh.append(article)
        if not article.source:
            report.no_outlet += 1
            if len(report.no_outlet_items) < 3:
                report.no_outlet_items.append(article.input or article.id)
    return out


def _finish(chunk: _Chunk, results: Iterable[Analysis | Failure], store: Store, report: IngestReport,
            progress: ProgressCallback | None) -> None:
    failures = list(chunk.failures)
    analyses: list[Analysis] = []
    for result in results:
        if isinstance(result, Failure):
            failures.append(result)
        else:
            analyses.append(result)
            report.words += len(result.article.text.split())
    report.new += len(analyses)
    report.failed += len(failures)
    report.failures.extend(failures)
    store.write(analyses, run_id=report.run_id, signatures=chunk.signatures, others=chunk.others, failures=failures)
    if progress:
        progress(report)
