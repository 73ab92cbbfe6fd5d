"""Partitions: the unit of work of the Ray engine, independent of Ray so it can be tested and reused.

A partition is a block of input records with a stable id: a range of lines of a JSON Lines file, a range of rows of
a Parquet file, one WARC file, one CSV/JSON/feed file, or a group of single-article files (text, HTML). The id is a
hash of what the partition reads, so a rerun over the same inputs finds the same partitions and skips those whose
completion marker exists. Records are read with the same ingest functions as the local engine, so articles get the
same ids, texts and input names (``path:line``).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pyarrow.fs as pafs

from ..errors import InputError
from ..ingest.sources import FORMATS
from ..ingest.tabular import FieldMapping
from ..ingest.warc import is_warc
from ..records import Analysis, Article, Failure
from .local import process_batch
from .parquet import PartitionRows

if TYPE_CHECKING:
    from ..nlp.pipeline import Pipeline

DEFAULT_PARTITION_SIZE = 200  # records per partition: small enough to spread a file over workers and to resume
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class Partition:
    """A block of input. ``kind``: lines (JSON Lines, 1-based line range), rows (Parquet, 0-based row range),
    warc (a whole WARC file), files (whole files read by the local engine's reader)."""

    id: str
    kind: str
    paths: tuple[str, ...]
    start: int = 0
    stop: int = 0
    order: tuple[int, ...] = ()  # input index, file index, start: the order in which `load` merges

    def to_row(self) -> dict[str, Any]:
        return {**asdict(self), "paths": list(self.paths), "order": list(self.order)}

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Partition:
        return cls(
            id=str(row["id"]),
            kind=str(row["kind"]),
            paths=tuple(str(p) for p in row["paths"]),
            start=int(row["start"]),
            stop=int(row["stop"]),
            order=tuple(int(o) for o in row["order"]),
        )


def _make(kind: str, paths: Sequence[str], start: int, stop: int, order: tuple[int, ...]) -> Partition:
    key = json.dumps([kind, list(paths), start, stop])
    return Partition(hashlib.sha256(key.encode()).hexdigest()[:20], kind, tuple(paths), start, stop, order)


# -- planning ------------------------------------------------------------------------------------------------------


def format_of(name: str) -> str | None:
    """The input format of a file name: the local engine's formats plus parquet and warc."""
    lowered = name.lower()
    if is_warc(lowered):
        return "warc"
    if lowered.endswith(".parquet"):
        return "parquet"
    suffixes = Path(lowered).suffixes
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return FORMATS.get(suffixes[-1]) if suffixes else None


def _filesystem(spec: str) -> tuple[pafs.FileSystem, str, bool]:
    """(filesystem, path, is_remote) of an input path or object-store URI."""
    if "://" in spec:
        fs, path = pafs.FileSystem.from_uri(spec)
        return fs, path, True
    return pafs.LocalFileSystem(), spec, False


def _expand(spec: str) -> tuple[list[str], Failure | None]:
    """The files of one input spec, named as the local engine names them."""
    if spec.startswith(("http://", "https://")):
        return [spec], None
    if spec == "-":
        return [], Failure(spec, "the Ray engine cannot read standard input; write it to a file first")
    fs, path, remote = _filesystem(spec)
    info = fs.get_file_info(path)
    if info.type == pafs.FileType.NotFound:
        return [], Failure(spec, "no such file or directory")
    if info.type != pafs.FileType.Directory:
        return [spec], None
    if remote:
        scheme = spec.split("://", 1)[0]
        infos = fs.get_file_info(pafs.FileSelector(path, recursive=True))
        files = sorted(f"{scheme}://{i.path}" for i in infos if i.type == pafs.FileType.File)
        files = [f for f in files if format_of(f) and not any(p.startswith(".") for p in f[len(spec) :].split("/"))]
    else:
        root = Path(spec)
        files = []
        for file in sorted(root.rglob("*")):
            rel = file.relative_to(root)
            if any(part.startswith(".") for part in rel.parts) or not file.is_file() or not format_of(file.name):
                continue
            files.append(str(file))
    if not files:
        return [], Failure(
            spec,
            f"no readable files in the directory (looked for {' '.join(sorted(FORMATS))} .parquet .warc, also gzipped)",
        )
    return files, None


def plan_partitions(
    inputs: Sequence[str], *, partition_size: int = DEFAULT_PARTITION_SIZE
) -> tuple[list[Partition], list[Failure]]:
    """Split inputs into partitions, in input order. Inputs that cannot be read at all come back as failures.

    Consecutive single-article files (text, HTML) are grouped ``partition_size`` to a partition, also across
    inputs, so ``ingest --engine ray data/*.txt`` does not make a partition per file.
    """
    partitions: list[Partition] = []
    failures: list[Failure] = []
    group: list[str] = []
    group_order: tuple[int, ...] = ()

    def flush() -> None:
        nonlocal group
        if group:
            partitions.append(_make("files", group, 0, 0, group_order))
            group = []

    for index, spec in enumerate(inputs):
        files, failure = _expand(spec)
        if failure is not None:
            failures.append(failure)
        for number, file in enumerate(files):
            fmt = format_of(file)
            order = (index, number)
            if fmt in ("text", "html"):
                if not group:
                    group_order = order
                group.append(file)
                if len(group) >= partition_size:
                    flush()
                continue
            flush()
            try:
                if fmt == "jsonl":
                    count = _count_lines(file)
                    partitions.extend(
                        _make("lines", [file], lo, min(lo + partition_size, count + 1), (*order, lo))
                        for lo in range(1, count + 1, partition_size)
                    )
                elif fmt == "parquet":
                    count = _count_rows(file)
                    partitions.extend(
                        _make("rows", [file], lo, min(lo + partition_size, count), (*order, lo))
                        for lo in range(0, count, partition_size)
                    )
                elif fmt == "warc":
                    partitions.append(_make("warc", [file], 0, 0, order))
                else:
                    partitions.append(_make("files", [file], 0, 0, order))
            except OSError as exc:
                failures.append(Failure(file, f"cannot read: {exc}"))
    flush()
    return _tapered(partitions), failures


TAIL_PARTITIONS = 2  # range partitions at the end of a plan that are split finer
TAIL_PIECES = 4


def _tapered(partitions: list[Partition]) -> list[Partition]:
    """The plan's last range partitions split into quarters. Workers take partitions in plan order, so the run ends
    with these: small ones keep one worker from finishing a whole partition alone while the others wait."""
    if not partitions or partitions[-1].kind not in ("lines", "rows"):
        return partitions
    cut = len(partitions)
    while cut > 0 and len(partitions) - cut < TAIL_PARTITIONS and partitions[cut - 1].kind == partitions[-1].kind \
            and partitions[cut - 1].paths == partitions[-1].paths:
        cut -= 1
    out = partitions[:cut]
    for p in partitions[cut:]:
        step = -(-(p.stop - p.start) // TAIL_PIECES)  # ceiling: four pieces of about the same size
        out.extend(_make(p.kind, p.paths, lo, min(lo + step, p.stop), (*p.order[:-1], lo))
                   for lo in range(p.start, p.stop, step))
    return out


def _open(path: str) -> IO[bytes]:
    """A binary stream of a local or object-store file, decompressed when it is gzipped."""
    fs, real, remote = _filesystem(path)
    # pyarrow's streams do not iterate by line; a buffered reader on top does. The caller closes the stream.
    stream = io.BufferedReader(fs.open_input_file(real)) if remote else open(real, "rb")  # noqa: SIM115
    if stream.peek(2)[:2] == _GZIP_MAGIC:
        return gzip.GzipFile(fileobj=stream)  # type: ignore[return-value]
    return stream


def _count_lines(path: str) -> int:
    count, last = 0, b"\n"
    with _open(path) as fh:
        while chunk := fh.read(1 << 24):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def _count_rows(path: str) -> int:
    import pyarrow.parquet as pq

    fs, real, _ = _filesystem(path)
    with fs.open_input_file(real) as fh:
        return int(pq.ParquetFile(fh).metadata.num_rows)


# -- reading -------------------------------------------------------------------------------------------------------


def read_partition(
    part: Partition, *, mapping: FieldMapping | None = None, max_bytes: int = 20_000_000
) -> Iterator[Article | Failure]:
    """The records of a partition, read with the local engine's ingest functions."""
    mapping = mapping or FieldMapping()
    if part.kind == "lines":
        yield from _read_lines(part, mapping)
    elif part.kind == "rows":
        yield from _read_rows(part, mapping)
    elif part.kind == "warc":
        from ..ingest.warc import read_warc_stream

        try:
            with _open(part.paths[0]) as fh:
                yield from read_warc_stream(fh, part.paths[0], max_bytes=max_bytes)
        except OSError as exc:
            yield Failure(part.paths[0], f"cannot read: {exc}")
    elif part.kind == "files":
        yield from _read_files(part.paths, mapping, max_bytes)
    else:
        raise ValueError(f"unknown partition kind {part.kind!r}")


def _read_lines(part: Partition, mapping: FieldMapping) -> Iterator[Article | Failure]:
    from ..ingest.decode import decode_bytes
    from ..ingest.tabular import read_jsonl

    path = part.paths[0]
    lines: list[bytes] = []
    try:
        with _open(path) as fh:
            for number, line in enumerate(fh, start=1):
                if number >= part.stop:
                    break
                if number >= part.start:
                    lines.append(line)
    except OSError as exc:
        yield Failure(f"{path}:{part.start}", f"cannot read: {exc}")
        return
    data = b"".join(lines)
    if not data.strip():
        return
    try:
        text = decode_bytes(data, f"{path}:{part.start}")
    except InputError as exc:
        yield Failure(exc.item, exc.reason)
        return
    # Blank lines ahead of the range keep read_jsonl's numbering equal to the line numbers in the whole file.
    yield from read_jsonl("\n" * (part.start - 1) + text, path, mapping)


def _read_rows(part: Partition, mapping: FieldMapping) -> Iterator[Article | Failure]:
    import pyarrow.parquet as pq

    from ..ingest.tabular import record_to_article

    path = part.paths[0]
    fs, real, _ = _filesystem(path)
    row = 0
    with fs.open_input_file(real) as fh:
        for batch in pq.ParquetFile(fh).iter_batches(batch_size=1024):
            if row >= part.stop:
                break
            end = row + batch.num_rows
            if end > part.start:
                lo, hi = max(part.start - row, 0), min(part.stop - row, batch.num_rows)
                for offset, record in enumerate(batch.slice(lo, hi - lo).to_pylist()):
                    item = f"{path}:{row + lo + offset + 1}"
                    raw = json.dumps(record, ensure_ascii=False, default=str)
                    yield record_to_article(record, item=item, raw=raw, input_format="parquet", mapping=mapping)
            row = end


def _read_files(paths: Sequence[str], mapping: FieldMapping, max_bytes: int) -> Iterator[Article | Failure]:
    from ..ingest.sources import read_inputs

    for path in paths:
        if "://" in path and not path.startswith(("http://", "https://")):
            yield from _read_remote(path, mapping, max_bytes)
        else:
            yield from read_inputs([path], mapping=mapping, max_bytes=max_bytes)


def _read_remote(path: str, mapping: FieldMapping, max_bytes: int) -> Iterator[Article | Failure]:
    """An object-store file of a single-record or record-file format, read with the ingest format readers."""
    from ..ingest.decode import decode_bytes
    from ..ingest.html import read_html
    from ..ingest.tabular import read_csv, read_json, read_jsonl
    from ..ingest.text import read_text

    try:
        with _open(path) as fh:
            data = fh.read(max_bytes + 1)
        if len(data) > max_bytes:
            yield Failure(path, f"over the {max_bytes:,}-byte limit (split it, or raise max_bytes)")
            return
        text = decode_bytes(data, path)
    except InputError as exc:
        yield Failure(exc.item, exc.reason)
        return
    except OSError as exc:
        yield Failure(path, f"cannot read: {exc}")
        return
    fmt = format_of(path)
    if fmt == "text":
        yield read_text(text, path)
    elif fmt == "html":
        yield read_html(text, path)
    elif fmt == "csv":
        yield from read_csv(text, path, mapping)
    elif fmt == "json":
        yield from read_json(text, path, mapping)
    elif fmt == "jsonl":
        yield from read_jsonl(text, path, mapping)
    else:
        yield Failure(
            path, f"the Ray engine reads no {fmt or 'unknown'} files from object stores; copy them to a shared disk"
        )


# -- processing ----------------------------------------------------------------------------------------------------


@dataclass
class PartitionResult:
    rows: PartitionRows
    counts: dict[str, int] = field(default_factory=dict)


def process_partition(
    pipeline: Pipeline,
    part: Partition,
    *,
    mapping: FieldMapping | None = None,
    max_bytes: int = 20_000_000,
    batch_size: int = 32,
) -> PartitionResult:
    """Read and analyse one partition with the local engine's batch function.

    Exact duplicates inside the partition are dropped here; duplicates across partitions and near-duplicates are
    decided by ``load``, which sees the whole corpus in input order. Each article carries its MinHash signature.
    """
    from ..ingest.dedup import Deduplicator

    signer = Deduplicator()
    seen: set[str] = set()
    fresh: list[Article] = []
    rows = PartitionRows(analyses=[], others=[], signatures={}, failures=[])
    counts = {"read": 0, "new": 0, "duplicates": 0, "not_english": 0, "failed": 0, "words": 0}
    for item in read_partition(part, mapping=mapping, max_bytes=max_bytes):
        counts["read"] += 1
        if isinstance(item, Failure):
            rows.failures.append(item)
            continue
        if item.id in seen:
            counts["duplicates"] += 1
            continue
        seen.add(item.id)
        rows.signatures[item.id] = signer.signature(item.text)
        if not item.is_english:
            counts["not_english"] += 1
            rows.others.append((item, "not-english", None, None))
        else:
            fresh.append(item)
    for start in range(0, len(fresh), batch_size):
        for result in process_batch(pipeline, fresh[start : start + batch_size]):
            if isinstance(result, Analysis):
                rows.analyses.append(result)
                counts["words"] += len(result.article.text.split())
            else:
                rows.failures.append(result)
    counts["new"] = len(rows.analyses)
    counts["failed"] = len(rows.failures)
    return PartitionResult(rows, counts)
