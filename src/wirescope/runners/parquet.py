"""Parquet output of the Ray engine: one file per table per partition, a completion marker per partition, and the
merge of that output into a DuckDB store.

Layout of an output folder (a local path or an object-store URI such as ``s3://bucket/run``)::

    _manifest.json               format version and the settings fingerprint every partition was made with
    <table>/<partition>.parquet  one file per store table per partition (articles, sentences, mentions, ...)
    _done/<partition>.json       completion marker, written after all of the partition's files
    _runs/<run_id>.json          one per ``ingest --engine ray`` run: settings and counts

Rows are made by the store's own writer (``Store.write`` into an in-memory DuckDB with the bundled migrations), so
every Parquet file has exactly the columns and types of the DuckDB table of the same name. A partition without a
marker is incomplete: a rerun writes it again and ``load`` ignores it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Required, TypedDict

import duckdb
import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from ..__about__ import __version__
from ..config import Settings
from ..errors import ConfigError, StoreError
from ..records import Analysis, Article, Failure, Provenance

if TYPE_CHECKING:
    from ..store import Store

FORMAT_VERSION = 1
MANIFEST = "_manifest.json"


class Manifest(TypedDict):
    """``_manifest.json``: the output format, the settings fingerprint every partition was made with, the settings
    themselves (``Settings.to_json``) and the wirescope version."""

    format: int
    fingerprint: str
    settings: dict[str, object]
    wirescope: str


class Marker(TypedDict, total=False):
    """``_done/<partition>.json``: a partition's completion marker. The writer adds ``partition``, ``rows`` (per
    table) and ``written_at``; the Ray runner gives the rest (the plan's own partition only order, kind, run_id)."""

    partition: Required[str]
    rows: dict[str, int]
    written_at: str
    order: list[int]
    kind: str
    paths: list[str]
    start: int
    stop: int
    run_id: str | None
    counts: dict[str, int]
    seconds: float
    started_at: str
    worker: str
DONE = "_done"
RUNS = "_runs"
# Tables outside the row modules that a partition also carries.
EXTRA_TABLES = ("articles", "failures")


def settings_fingerprint(settings: Settings) -> str:
    """What decides the records of an article: partitions made with another fingerprint must not be mixed."""
    relevant = {k: v for k, v in settings.to_json().items() if k not in ("batch_size", "n_process")}
    blob = json.dumps({"version": __version__, "settings": relevant}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def partition_tables() -> tuple[str, ...]:
    """Every table a partition writes: articles, failures and each table the store's row modules fill."""
    from ..store.tables import analysis_rows

    probe = Analysis(article=Article(id="probe", text="probe"), provenance=Provenance("0", "probe", ()))
    found: list[str] = list(EXTRA_TABLES)
    found += [table for table in analysis_rows(probe) if table not in found]
    return tuple(found)


class Output:
    """An output folder on a local disk or an object store, addressed through a pyarrow filesystem."""

    def __init__(self, out: str | Path) -> None:
        self.uri = str(out)
        if "://" in self.uri:
            try:
                self.fs, self.root = pafs.FileSystem.from_uri(self.uri)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError, OSError) as exc:
                raise ConfigError(
                    f"cannot open output {self.uri}: {exc}; use a local folder or an s3://, gs:// "
                    "or hdfs:// URI that pyarrow supports"
                ) from exc
        else:
            self.fs = pafs.LocalFileSystem()
            self.root = str(Path(self.uri).resolve())
        self.root = self.root.rstrip("/")
        # What workers are given: an absolute path, since a worker's working directory is not the driver's.
        self.location = self.uri if "://" in self.uri else self.root

    def path(self, *parts: str) -> str:
        return "/".join((self.root, *parts))

    def exists(self, *parts: str) -> bool:
        return bool(self.fs.get_file_info(self.path(*parts)).type != pafs.FileType.NotFound)

    def read_json(self, *parts: str) -> Any:
        with self.fs.open_input_stream(self.path(*parts)) as fh:
            return json.loads(fh.read().decode("utf-8"))

    def write_json(self, data: Any, *parts: str) -> None:
        path = self.path(*parts)
        self.fs.create_dir(path.rsplit("/", 1)[0], recursive=True)
        with self.fs.open_output_stream(path) as fh:
            fh.write(json.dumps(data, indent=1, sort_keys=True, default=str).encode("utf-8"))

    # -- manifest and markers ------------------------------------------------------------------------------------

    def check_manifest(self, settings: Settings) -> None:
        """Write the manifest of a new folder; refuse a folder made with other settings or another format."""
        fingerprint = settings_fingerprint(settings)
        # A folder without a complete partition holds nothing to protect (e.g. a first run that failed at start).
        if not self.exists(MANIFEST) or not self.markers():
            self.write_json(
                {
                    "format": FORMAT_VERSION,
                    "fingerprint": fingerprint,
                    "settings": settings.to_json(),
                    "wirescope": __version__,
                },
                MANIFEST,
            )
            return
        manifest = self.read_manifest()
        if manifest.get("fingerprint") != fingerprint:
            raise ConfigError(
                f"{self.uri} holds partitions made with other settings or another wirescope version "
                f"(fingerprint {manifest.get('fingerprint')}, now {fingerprint}); use a new --out folder, "
                "or delete this one to start over"
            )

    def read_manifest(self) -> Manifest:
        if not self.exists(MANIFEST):
            raise StoreError(
                f"{self.uri} is not a wirescope Parquet output (no {MANIFEST}); "
                "make one with `wirescope ingest --engine ray --out DIR`"
            )
        manifest: Manifest = self.read_json(MANIFEST)
        if manifest.get("format") != FORMAT_VERSION:
            raise StoreError(
                f"{self.uri} has output format {manifest.get('format')}, this wirescope reads "
                f"{FORMAT_VERSION}; load it with the wirescope version that wrote it"
            )
        return manifest

    def is_done(self, partition: str) -> bool:
        return self.exists(DONE, f"{partition}.json")

    def markers(self) -> list[Marker]:
        """Completion markers of all complete partitions, in input order."""
        selector = pafs.FileSelector(self.path(DONE), allow_not_found=True)
        found = [info.path for info in self.fs.get_file_info(selector) if info.path.endswith(".json")]
        markers: list[Marker] = []
        for path in found:
            with self.fs.open_input_stream(path) as fh:
                markers.append(json.loads(fh.read().decode("utf-8")))
        markers.sort(key=lambda m: (m.get("order", []), m["partition"]))
        return markers

    def read_table(self, table: str, partition: str) -> pa.Table | None:
        path = self.path(table, f"{partition}.parquet")
        if self.fs.get_file_info(path).type == pafs.FileType.NotFound:
            return None
        return pq.read_table(path, filesystem=self.fs)


@dataclass
class PartitionRows:
    """What one partition holds before it is written."""

    analyses: list[Analysis]
    others: list[tuple[Article, str, str | None, float | None]]  # not-English articles (status, dup-of, similarity)
    signatures: dict[str, bytes]
    failures: list[Failure]


class PartitionWriter:
    """Writes partitions through the store's own writer into an in-memory DuckDB, then out as Parquet.

    One per worker: the in-memory database (with all migrations) is made once and emptied after each partition.
    """

    def __init__(self, out: str | Path) -> None:
        from ..store import Store

        self.output = Output(out)
        self.store = Store(":memory:")
        self.tables = partition_tables()

    def close(self) -> None:
        self.store.close()

    def write(
        self, partition: str, rows: PartitionRows, *, run_id: str | None, marker: dict[str, Any]
    ) -> dict[str, int]:
        """Write every table of a partition, then its completion marker. Returns rows per table."""
        con = self.store.con
        self.store.write(
            rows.analyses, run_id=run_id, signatures=rows.signatures, others=rows.others, failures=rows.failures
        )
        counts: dict[str, int] = {}
        try:
            for table in self.tables:
                data = con.sql(f"SELECT * FROM {table}").to_arrow_table()
                counts[table] = data.num_rows
                directory = self.output.path(table)
                self.output.fs.create_dir(directory, recursive=True)
                pq.write_table(data, f"{directory}/{partition}.parquet", filesystem=self.output.fs)
        finally:
            for table in self.tables:
                con.execute(f"DELETE FROM {table}")
        self.output.write_json(
            {**marker, "partition": partition, "rows": counts, "written_at": datetime.now(UTC).isoformat()},
            DONE,
            f"{partition}.json",
        )
        return counts


@dataclass
class LoadReport:
    partitions: int = 0
    articles: int = 0  # analysed articles added
    duplicates: int = 0  # already in the store or in an earlier partition
    near_duplicates: int = 0
    not_english: int = 0
    failures: int = 0
    runs: int = 0

    def counts(self) -> dict[str, int]:
        return dict(vars(self))


def load(out: str | Path, store: Store, *, near_duplicate_threshold: float = 0.8) -> LoadReport:
    """Merge the complete partitions of ``out`` into ``store``; safe to run again (nothing is added twice).

    Articles are taken in input order with the local engine's rules: an id already stored is a duplicate and is
    skipped; an article whose text nearly repeats a stored one becomes a ``near-duplicate`` without records (the
    Ray workers analysed it; that work is dropped here, where the whole corpus is known).
    """
    from ..ingest.dedup import Deduplicator

    output = Output(out)
    output.read_manifest()
    report = LoadReport()
    dedup = Deduplicator(threshold=near_duplicate_threshold)
    for article_id, signature in store.signatures():
        dedup.load(article_id, signature)
    report.runs = _load_runs(output, store)
    for marker in output.markers():
        _load_partition(output, store, dedup, marker["partition"], report)
        report.partitions += 1
    return report


def _load_runs(output: Output, store: Store) -> int:
    selector = pafs.FileSelector(output.path(RUNS), allow_not_found=True)
    added = 0
    for info in output.fs.get_file_info(selector):
        if not info.path.endswith(".json"):
            continue
        with output.fs.open_input_stream(info.path) as fh:
            run = json.loads(fh.read().decode("utf-8"))
        if store.con.execute("SELECT 1 FROM runs WHERE id = ?", [run["run_id"]]).fetchone():
            continue
        store.con.execute(
            "INSERT INTO runs (id, pipeline_version, model, settings, started_at, finished_at, status, counts) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                run["run_id"],
                run["wirescope"],
                run["settings"].get("model", ""),
                json.dumps(run["settings"]),
                run["started_at"],
                run.get("finished_at"),
                run.get("status", "finished"),
                json.dumps(run["counts"]),
            ],
        )
        added += 1
    return added


def _load_partition(output: Output, store: Store, dedup: Any, partition: str, report: LoadReport) -> None:
    articles = output.read_table("articles", partition)
    decisions: list[tuple[str, str, str | None, float | None]] = []
    if articles is not None and articles.num_rows:
        cols = articles.select(["id", "text", "status", "minhash"]).to_pylist()
        known = store.known_ids([c["id"] for c in cols])
        for c in cols:
            verdict = dedup.check(Article(id=c["id"], text=c["text"]))
            if c["id"] in known or verdict.kind == "exact":
                report.duplicates += 1
                continue
            if c["minhash"] is not None:
                # As the local engine's `add` after `check`: a near-duplicate stays linked to its original.
                original = verdict.original_id if verdict.kind == "near" else None
                dedup.load(c["id"], bytes(c["minhash"]), original_id=original)
            if verdict.kind == "near":
                decisions.append((c["id"], "near-duplicate", verdict.original_id, verdict.similarity))
                report.near_duplicates += 1
            else:
                decisions.append((c["id"], c["status"], None, None))
                report.articles += c["status"] == "analysed"
                report.not_english += c["status"] == "not-english"
    con = store.con
    con.execute("BEGIN")
    try:
        if decisions:
            decided = pa.table(
                {
                    "id": [d[0] for d in decisions],
                    "status": [d[1] for d in decisions],
                    "duplicate_of": pa.array([d[2] for d in decisions], pa.string()),
                    "similarity": pa.array([d[3] for d in decisions], pa.float64()),
                }
            )
            con.register("_decided", decided)
            con.register("_articles", articles)
            # A near-duplicate is stored like the local engine stores it: no pipeline version, no records.
            con.execute(
                "INSERT INTO articles BY NAME SELECT a.* REPLACE (d.status AS status, d.duplicate_of AS duplicate_of, "
                "d.similarity AS similarity, CASE WHEN d.status = 'analysed' THEN a.pipeline_version END AS "
                "pipeline_version, CASE WHEN d.status = 'analysed' THEN a.model END AS model) "
                "FROM _articles a JOIN _decided d ON a.id = d.id"
            )
            for table in partition_tables():
                if table in EXTRA_TABLES:
                    continue
                data = output.read_table(table, partition)
                if data is None or not data.num_rows:
                    continue
                con.register("_rows", data)
                con.execute(
                    f"INSERT INTO {table} BY NAME SELECT * FROM _rows WHERE article_id IN "
                    "(SELECT id FROM _decided WHERE status = 'analysed')"
                )
                con.unregister("_rows")
        failures = output.read_table("failures", partition)
        if failures is not None and failures.num_rows:
            con.register("_failures", failures)
            # Reloading must not repeat a failure: the rows carry the run id and the time they were written.
            con.execute("INSERT INTO failures BY NAME (SELECT * FROM _failures EXCEPT ALL SELECT * FROM failures)")
            report.failures += failures.num_rows
        con.execute("COMMIT")
    except Exception as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"loading partition {partition} of {output.uri} into {store.path} failed: {exc}") from exc
    finally:
        for name in ("_decided", "_articles", "_failures"):
            with contextlib.suppress(duckdb.Error):  # a view that was never registered
                con.unregister(name)


def iter_table(out: str | Path, table: str) -> Iterator[pa.Table]:
    """The rows of one table across all complete partitions, partition by partition (for direct analysis)."""
    output = Output(out)
    for marker in output.markers():
        data = output.read_table(table, marker["partition"])
        if data is not None:
            yield data


def complete_files(out: str | Path, table: str) -> Sequence[str]:
    """Paths of one table's Parquet files in complete partitions (for DuckDB ``read_parquet`` or Ray Data)."""
    output = Output(out)
    return [output.path(table, f"{m['partition']}.parquet") for m in output.markers()]
