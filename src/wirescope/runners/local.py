"""The local engine: read inputs, skip duplicates, analyse, write to the store, one committed chunk at a time.

``process_batch`` is the engine-independent unit of work (the Ray runner calls the same function); ``ingest``
adds reading, deduplication and the store around it. Each chunk is one store transaction, so an interrupted run
keeps every committed chunk and a rerun skips what is already stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from ..config import Settings
from ..records import Analysis, Article, Failure

if TYPE_CHECKING:
    from ..ingest.dedup import Deduplicator
    from ..ingest.http import HttpClient
    from ..ingest.tabular import FieldMapping
    from ..nlp.pipeline import Pipeline
    from ..store import Store

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


def _chunks(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


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
    """
    from ..ingest.dedup import Deduplicator
    from ..nlp.pipeline import Pipeline

    settings = settings or Settings()
    pipeline = pipeline or Pipeline(settings)
    dedup = Deduplicator(threshold=settings.near_duplicate_threshold)
    for article_id, signature in store.signatures():
        dedup.load(article_id, signature)
    report = IngestReport(run_id=store.begin_run(settings))
    status = "failed"
    try:
        for chunk in _chunks(articles, settings.batch_size * 4):
            _ingest_chunk(chunk, store, pipeline, dedup, report)
            if progress:
                progress(report)
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


def _ingest_chunk(
    chunk: list[Article | Failure], store: Store, pipeline: Pipeline, dedup: Deduplicator, report: IngestReport
) -> None:
    from ..ingest.outlet import with_outlet

    failures = [item for item in chunk if isinstance(item, Failure)]
    articles = [with_outlet(item) for item in chunk if isinstance(item, Article)]
    report.read += len(chunk)
    known = store.known_ids([a.id for a in articles])
    fresh: list[Article] = []
    others: list[tuple[Article, str, str | None, float | None]] = []
    signatures: dict[str, bytes] = {}
    for article in articles:
        verdict = dedup.check(article)
        if article.id in known or verdict.kind == "exact":
            report.duplicates += 1
            continue
        signatures[article.id] = dedup.add(article.id, article.text)
        if verdict.kind == "near":
            report.near_duplicates += 1
            others.append((article, "near-duplicate", verdict.original_id, verdict.similarity))
        elif not article.is_english:
            report.not_english += 1
            others.append((article, "not-english", None, None))
        else:
            fresh.append(article)
        if not article.source:
            report.no_outlet += 1
            if len(report.no_outlet_items) < 3:
                report.no_outlet_items.append(article.input or article.id)
    analyses: list[Analysis] = []
    for result in process_batch(pipeline, fresh):
        if isinstance(result, Failure):
            failures.append(result)
        else:
            analyses.append(result)
            report.words += len(result.article.text.split())
    report.new += len(analyses)
    report.failed += len(failures)
    report.failures.extend(failures)
    store.write(analyses, run_id=report.run_id, signatures=signatures, others=others, failures=failures)
