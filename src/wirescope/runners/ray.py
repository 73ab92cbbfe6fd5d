"""The Ray engine: the local engine's batch function on a Ray cluster, with Parquet partitions as output.

Ray Data streams the planned partitions (blocks of input: line ranges of JSON Lines files, row ranges of Parquet
files, WARC files, groups of text/HTML files) to an actor pool. Each actor loads the pipeline (spaCy model,
dictionaries, gazetteer) once, then for every partition reads its records with the ingest functions, runs
``runners.local.process_batch`` and writes one Parquet file per store table plus a completion marker. A rerun plans
the same partitions and skips those with a marker, so an interrupted run resumes where it stopped.

``wirescope load OUT --db PATH`` (``runners.parquet.load``) merges the output into DuckDB. Ray is an optional extra:
``pip install 'wirescope[ray]'``.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from ..__about__ import __version__
from ..config import Settings
from ..errors import ConfigError, WirescopeError
from ..ingest.tabular import FieldMapping
from ..records import Failure
from .parquet import RUNS, Output, PartitionRows, PartitionWriter
from .partitions import DEFAULT_PARTITION_SIZE, Partition, plan_partitions

INSTALL_HINT = "pip install 'wirescope[ray]'"


def import_ray() -> ModuleType:
    """The ``ray`` module, or a ConfigError saying how to install it."""
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise ConfigError(
            f"the Ray engine needs Ray, which is not installed ({exc}); install it with "
            f"{INSTALL_HINT}, or use --engine local"
        ) from None
    return ray


@dataclass
class RayIngestReport:
    """What a Ray run did. Article counts cover the partitions processed in this run, not skipped ones."""

    run_id: str
    out: str
    partitions: int = 0  # planned
    skipped: int = 0  # already complete from an earlier run
    processed: int = 0
    read: int = 0
    new: int = 0
    duplicates: int = 0
    not_english: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        keys = ("partitions", "skipped", "processed", "read", "new", "duplicates", "not_english", "failed", "words")
        return {k: getattr(self, k) for k in keys}

    def add(self, row: dict[str, Any]) -> None:
        self.processed += 1
        for key in ("read", "new", "duplicates", "not_english", "failed", "words"):
            setattr(self, key, getattr(self, key) + int(row[key]))
        self.failures.extend(
            Failure(i, r, s)
            for i, r, s in zip(row["failure_items"], row["failure_reasons"], row["failure_stages"], strict=True)
        )


class PartitionWorker:
    """A Ray actor: loads the pipeline once, then reads, analyses and writes one partition per call."""

    def __init__(self, settings: Settings, out: str, run_id: str, mapping: FieldMapping | None = None) -> None:
        from dataclasses import replace

        from ..nlp.pipeline import Pipeline

        # One process per actor: parallelism comes from the pool, not from spaCy's own worker processes.
        self.settings = replace(settings, n_process=1)
        self.pipeline = Pipeline(self.settings)
        self.writer = PartitionWriter(out)
        self.run_id = run_id
        self.mapping = mapping
        self.worker = f"{socket.gethostname()}:{os.getpid()}"

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        from .partitions import process_partition

        out: dict[str, list[Any]] = {
            k: []
            for k in (
                "partition",
                "read",
                "new",
                "duplicates",
                "not_english",
                "failed",
                "words",
                "seconds",
                "failure_items",
                "failure_reasons",
                "failure_stages",
            )
        }
        for row in _rows(batch):
            part = Partition.from_row(row)
            started_at = datetime.now(UTC).isoformat()
            started = time.perf_counter()
            result = process_partition(
                self.pipeline,
                part,
                mapping=self.mapping,
                max_bytes=self.settings.max_bytes,
                batch_size=self.settings.batch_size,
            )
            # Seconds spent reading and analysing: what sizing a cluster needs (articles/s per worker).
            marker = {
                "order": list(part.order),
                "kind": part.kind,
                "paths": list(part.paths),
                "start": part.start,
                "stop": part.stop,
                "run_id": self.run_id,
                "counts": result.counts,
                "seconds": round(time.perf_counter() - started, 3),
                "started_at": started_at,
                "worker": self.worker,
            }
            self.writer.write(part.id, result.rows, run_id=self.run_id, marker=marker)
            out["partition"].append(part.id)
            for key in ("read", "new", "duplicates", "not_english", "failed", "words"):
                out[key].append(result.counts[key])
            out["seconds"].append(time.perf_counter() - started)
            out["failure_items"].append([f.item for f in result.rows.failures])
            out["failure_reasons"].append([f.reason for f in result.rows.failures])
            out["failure_stages"].append([f.stage for f in result.rows.failures])
        return out


def _rows(batch: dict[str, Any]) -> list[dict[str, Any]]:
    keys = list(batch)
    n = len(batch[keys[0]]) if keys else 0
    return [{k: _plain(batch[k][i]) for k in keys} for i in range(n)]


def _plain(value: Any) -> Any:
    # Ray hands columns over as numpy arrays; list columns arrive as arrays of arrays.
    return value.tolist() if hasattr(value, "tolist") else value


ProgressCallback = Callable[[RayIngestReport], None]


def run_ray_ingest(
    inputs: Sequence[str],
    settings: Settings,
    *,
    address: str | None = None,
    workers: int = 2,
    out: str | Path,
    mapping: FieldMapping | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    progress: ProgressCallback | None = None,
) -> RayIngestReport:
    """Analyse ``inputs`` on Ray with ``workers`` actors and write Parquet partitions to ``out``.

    ``address``: None starts a local Ray instance with ``workers`` CPUs (unless Ray is already initialised);
    ``auto`` joins the cluster this machine belongs to; ``ray://HOST:PORT`` connects a Ray client. Partitions with a
    completion marker in ``out`` are skipped, so rerunning the same command resumes an interrupted run.
    """
    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, got {workers}")
    if partition_size < 1:
        raise ConfigError(f"partition size must be at least 1, got {partition_size}")
    ray = import_ray()
    output = Output(out)
    output.check_manifest(settings)
    report = RayIngestReport(run_id=uuid.uuid4().hex[:16], out=output.uri)
    started_at = datetime.now(UTC).replace(tzinfo=None)
    started = time.perf_counter()
    partitions, plan_failures = plan_partitions(inputs, partition_size=partition_size)
    report.partitions = len(partitions)
    todo = [p for p in partitions if not output.is_done(p.id)]
    report.skipped = len(partitions) - len(todo)
    if plan_failures:
        _write_plan_failures(output, plan_failures, report)
    if todo:
        own_instance = not ray.is_initialized()
        if own_instance:
            _init(ray, address, workers)
        try:
            _run(ray, todo, settings, output.location, report, workers=workers, mapping=mapping, progress=progress)
        finally:
            if own_instance:
                ray.shutdown()
    report.seconds = time.perf_counter() - started
    output.write_json(
        {
            "run_id": report.run_id,
            "wirescope": __version__,
            "settings": settings.to_json(),
            "started_at": started_at.isoformat(),
            "finished_at": datetime.now(UTC).replace(tzinfo=None).isoformat(),
            "status": "finished",
            "counts": report.counts(),
            "inputs": list(inputs),
            "workers": workers,
        },
        RUNS,
        f"{report.run_id}.json",
    )
    return report


def _init(ray: ModuleType, address: str | None, workers: int) -> None:
    if address:
        ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False)
    else:
        ray.init(num_cpus=workers, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)


def _run(
    ray: ModuleType,
    todo: list[Partition],
    settings: Settings,
    out: str,
    report: RayIngestReport,
    *,
    workers: int,
    mapping: FieldMapping | None,
    progress: ProgressCallback | None,
) -> None:
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    # The partitions are made on the driver, so the dataset's only tasks are the actors': no read task competes
    # with them for CPUs, and N workers on N CPUs cannot deadlock.
    ds = ray.data.from_items([p.to_row() for p in todo], override_num_blocks=len(todo))
    results = ds.map_batches(
        PartitionWorker,
        fn_constructor_kwargs={"settings": settings, "out": out, "run_id": report.run_id, "mapping": mapping},
        batch_size=1,
        batch_format="numpy",
        # No idle actor loading a model; one partition in flight per actor, so a free actor takes the next partition
        # instead of leaving it queued behind a busy one (the run's tail stays balanced).
        compute=ray.data.ActorPoolStrategy(size=min(workers, len(todo)), max_tasks_in_flight_per_actor=1),
        num_cpus=1,
    )
    try:
        for row in results.iter_rows():
            report.add({k: _plain(v) for k, v in row.items()})
            if progress:
                progress(report)
    except ray.exceptions.RayError as exc:
        # Ray's message holds the remote traceback; its last line names the error raised in the worker.
        lines = [line for line in str(exc).strip().splitlines() if line.strip()]
        raise WirescopeError(
            f"the Ray run stopped after {report.processed} of {len(todo)} partitions: "
            f"{lines[-1] if lines else type(exc).__name__}. Complete partitions are kept; fix the cause and rerun "
            "the same command to resume"
        ) from exc


def _write_plan_failures(output: Output, failures: list[Failure], report: RayIngestReport) -> None:
    """Inputs that could not be planned (missing paths, empty folders) are kept as a failures-only partition."""
    import hashlib

    key = "\n".join(f"{f.item}\t{f.reason}" for f in failures)
    partition = "plan-" + hashlib.sha256(key.encode()).hexdigest()[:16]
    writer = PartitionWriter(output.location)
    try:
        rows = PartitionRows(analyses=[], others=[], signatures={}, failures=failures)
        writer.write(
            partition, rows, run_id=report.run_id, marker={"order": [-1], "kind": "plan", "run_id": report.run_id}
        )
    finally:
        writer.close()
    report.failed += len(failures)
    report.read += len(failures)
    report.failures.extend(failures)
