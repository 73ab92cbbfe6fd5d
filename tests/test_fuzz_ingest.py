"""Fuzzing the readers and the ingest loop (issue 15): random bytes and random JSON, JSON Lines, CSV, HTML and WARC
structures, broken or not. Nothing may raise, and every input is accounted for as stored or failed.

Fixed seeds (``derandomize``) keep the default run reproducible and bounded; the longer runs (ten times more
examples) are opt-in, see LONG_RUN."""

from __future__ import annotations

import csv
import gzip
import io
import ipaddress
import json
import os
import socket
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirescope.config import Settings
from wirescope.ingest.sources import read_inputs
from wirescope.nlp.pipeline import Pipeline
from wirescope.records import Article, Failure
from wirescope.runners.local import ingest
from wirescope.store import Store

# The longer runs (ten times the examples) are slow and opt-in:
# `WIRESCOPE_LONG_FUZZ=1 pytest -m slow tests/test_fuzz_*.py`.
LONG_RUN = pytest.mark.skipif(not os.environ.get("WIRESCOPE_LONG_FUZZ"), reason="set WIRESCOPE_LONG_FUZZ=1 for the "
                              "longer fuzz run")
READ_EXAMPLES = 300
INGEST_EXAMPLES = 30
def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, derandomize=True, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))

words = st.sampled_from(["Iran", "said", "the", "talks", "in", "Geneva", "on", "Monday", "[/]", "<b>", "\u201c",
                         "\u00e9t\u00e9", "\u0416", "\x00", "\ufeff", "\n", "\n\n", ",", ".", '"', "{", "]"])
texts = st.one_of(st.text(max_size=300), st.lists(words, max_size=80).map(" ".join))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "title", "date", "url", "source", "author", "body", "x"]), children, max_size=5),
    max_leaves=20,
)
deep_rows = st.integers(1, 5000).map(lambda n: '{"text": ' + "[" * n + "]" * n + "}")
records = st.fixed_dictionaries({"text": texts}, optional={"title": texts, "date": texts, "url": texts,
                                                           "source": json_values, "nested": json_values})


def _mutate(data: bytes, cuts: list[int]) -> bytes:
    """Break a well-formed file: drop a byte, duplicate one, or cut the end, at the given positions."""
    out = bytearray(data)
    for i, cut in enumerate(cuts):
        if not out:
            break
        at = cut % len(out)
        if i % 3 == 0:
            del out[at]
        elif i % 3 == 1:
            out.insert(at, out[at])
        else:
            del out[at:]
    return bytes(out)


def _csv(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["title", "text", "date"])
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8", "surrogatepass")


def _html(title: str, body: list[str]) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in body)
    return (f"<html><head><title>{title}</title></head><body><h1>{title}<script>var x = 1;</script></h1>"
            f"<article>{paras}</article></body></html>").encode("utf-8", "surrogatepass")


def _warc(pages: list[tuple[str, bytes]], gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i, (ctype, payload) in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example/{i}", "response",
                                                      payload=io.BytesIO(payload), http_headers=headers))
    return buf.getvalue()


files = st.one_of(
    st.tuples(st.just("blob.txt"), st.binary(max_size=2000)),
    st.tuples(st.just("blob.json"), st.binary(max_size=500)),
    st.tuples(st.just("rows.jsonl"), st.lists((records | json_values).map(json.dumps) | deep_rows, max_size=6).map(
        lambda rs: "\n".join(rs).encode("utf-8", "surrogatepass"))),
    st.tuples(st.just("doc.json"), json_values.map(lambda v: json.dumps(v).encode("utf-8", "surrogatepass"))),
    st.tuples(st.just("deep.jsonl"), st.integers(1, 5000).map(lambda n: b'{"text": ' + b"[" * n + b"]" * n + b"}")),
    st.tuples(st.just("rows.csv"), st.lists(st.lists(texts, min_size=2, max_size=4), max_size=5).map(_csv)),
    st.tuples(st.just("page.html"), st.tuples(texts, st.lists(texts, max_size=4)).map(lambda tb: _html(*tb))),
    st.tuples(st.just("story.txt.gz"), texts.map(lambda t: gzip.compress(t.encode("utf-8", "surrogatepass")))),
    st.tuples(st.just("crawl.warc.gz"), st.tuples(
        st.lists(st.tuples(st.sampled_from(["text/html", "image/png", "text/plain"]), st.binary(max_size=300)),
                 min_size=1, max_size=3), st.booleans()).map(lambda pg: _warc(pg[0], pg[1]))),
)
broken_files = st.tuples(files, st.lists(st.integers(0, 10_000), max_size=3)).map(
    lambda fc: (fc[0][0], _mutate(fc[0][1], fc[1])))


@pytest.fixture(autouse=True)
def only_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        if self.family == socket.AF_UNIX:  # local IPC (the worker pool's fork server), not the network
            return real_connect(self, address)
        host = address[0] if isinstance(address, tuple) else address
        if not ipaddress.ip_address(host).is_loopback:
            raise AssertionError(f"a fuzz input made the test contact {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


def _write(folder: Path, batch: list[tuple[str, bytes]]) -> list[Path]:
    paths = []
    for i, (name, data) in enumerate(batch):
        path = folder / f"{i:02d}_{name}"
        path.write_bytes(data)
        paths.append(path)
    return paths


def _check_read(paths: list[Path]) -> list[Article | Failure]:
    results = list(read_inputs([str(p) for p in paths], max_bytes=200_000))
    assert all(isinstance(r, Article | Failure) for r in results)
    for path in paths:  # every input file is accounted for: at least one article or failure names it
        named = [r for r in results if (r.input if isinstance(r, Article) else r.item).startswith(str(path))]
        assert named, path
        lines = _jsonl_lines(path)
        if lines is not None:  # JSON Lines: every row on its own, a bad one never takes the others with it
            assert len(named) == lines, (path, len(named), lines)
    return results


def _jsonl_lines(path: Path) -> int | None:
    if path.suffix != ".jsonl":
        return None
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\x00" in text or text.startswith("\ufeff"):
        return None
    count = sum(1 for line in text.splitlines() if line.strip())
    return count or None


def _fuzz_read(tmp: Path, batch: list[tuple[str, bytes]]) -> None:
    folder = tmp / f"r{abs(hash(str(batch))) % 10**12}"
    folder.mkdir()
    _check_read(_write(folder, batch))


@fuzz(READ_EXAMPLES)
@given(batch=st.lists(files | broken_files, min_size=1, max_size=4))
def test_readers_never_raise_and_account_for_every_file(tmp_path_factory: pytest.TempPathFactory,
                                                       batch: list[tuple[str, bytes]]) -> None:
    _fuzz_read(tmp_path_factory.mktemp("fuzz"), batch)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings(max_chars_whole=2_000, max_chars=8_000))


def _fuzz_ingest(tmp: Path, pipeline: Pipeline, batch: list[tuple[str, bytes]]) -> None:
    paths = _write(tmp, batch)
    expected = len(_check_read(paths))
    with Store(tmp / "s.duckdb") as store:
        report = ingest([str(p) for p in paths], store, pipeline.settings, pipeline=pipeline)
        counts = report.counts()
        assert counts["read"] == expected
        assert counts["read"] == sum(counts[k] for k in ("new", "duplicates", "near_duplicates", "not_english",
                                                         "failed"))
        stored = store.con.execute("SELECT count(*) FROM articles WHERE run_id = ?", [report.run_id]).fetchone()
        assert stored == (counts["new"] + counts["near_duplicates"] + counts["not_english"],)
        failures = store.con.execute("SELECT count(*) FROM failures WHERE run_id = ?", [report.run_id]).fetchone()
        assert failures == (counts["failed"],)
        assert store.con.execute("SELECT status FROM runs").fetchall() == [("finished",)]


@fuzz(INGEST_EXAMPLES)
@given(batch=st.lists(files | broken_files, min_size=1, max_size=4))
def test_ingest_stores_or_fails_every_item(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline,
                                           batch: list[tuple[str, bytes]]) -> None:
    _fuzz_ingest(tmp_path_factory.mktemp("ingest"), pipeline, batch)


@pytest.mark.slow
@LONG_RUN
@fuzz(READ_EXAMPLES * 10)
@given(batch=st.lists(files | broken_files, min_size=1, max_size=6))
def test_readers_longer_run(tmp_path_factory: pytest.TempPathFactory, batch: list[tuple[str, bytes]]) -> None:
    _fuzz_read(tmp_path_factory.mktemp("fuzz"), batch)


@pytest.mark.slow
@LONG_RUN
@fuzz(INGEST_EXAMPLES * 10)
@given(batch=st.lists(files | broken_files, min_size=1, max_size=6))
def test_ingest_longer_run(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline,
                           batch: list[tuple[str, bytes]]) -> None:
    _fuzz_ingest(tmp_path_factory.mktemp("ingest"), pipeline, batch)
