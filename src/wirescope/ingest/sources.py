"""Read any mix of inputs — files, directories, gzip files, standard input, URLs — into articles and failures.

One bad item never stops the batch: it becomes a ``Failure`` naming the item and the reason.
"""

from __future__ import annotations

import functools
import gzip
import io
import itertools
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from ..errors import InputError
from ..records import Article, Failure
from .decode import decode_bytes
from .feed import parse_feed, read_feed
from .html import read_html
from .http import HttpClient, Response
from .tabular import FieldMapping, read_csv, read_json, read_jsonl
from .text import read_text
from .warc import read_warc

# File extension -> format. ``.gz`` is stripped first.
FORMATS: dict[str, str] = {
    ".txt": "text", ".md": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv",
    ".html": "html", ".htm": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".warc": "warc",
}
# Content types of URLs that are record files or plain text rather than HTML pages.
_CONTENT_TYPES = {
    "application/json": "json", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
    "text/csv": "csv", "text/plain": "text", "text/markdown": "text",
}
STDIN_ITEM = "<stdin>"
_GZIP_MAGIC = b"\x1f\x8b"


def read_inputs(
    inputs: Sequence[str],
    *,
    mapping: FieldMapping | None = None,
    client: HttpClient | None = None,
    max_bytes: int = 20_000_000,
    stdin: BinaryIO | None = None,
    client_factory: Callable[[], HttpClient] | None = None,
) -> Iterator[Article | Failure]:
    """Yield an Article or a Failure for every record found in ``inputs``.

    An input is a file path, a directory (read recursively, files chosen by extension: see ``FORMATS``, each also
    with ``.gz``), ``-`` for standard input (``stdin`` replaces ``sys.stdin.buffer``), or an http(s) URL (a feed when
    it parses as one, else an HTML page). ``client`` does all network access; when None one is made on first need
    (by ``client_factory``, default ``HttpClient(max_bytes=max_bytes)``) and closed at the end. Items over
    ``max_bytes`` are refused before they are read.
    """
    reader = _Reader(mapping or FieldMapping(), client, max_bytes, stdin, client_factory)
    try:
        for is_url, group in itertools.groupby(inputs, key=_is_url):
            if is_url:
                yield from reader.read_urls(list(group))
            else:
                for spec in group:
                    yield from reader.read(spec)
    finally:
        reader.close()


class _Reader:
    def __init__(
        self,
        mapping: FieldMapping,
        client: HttpClient | None,
        max_bytes: int,
        stdin: BinaryIO | None,
        client_factory: Callable[[], HttpClient] | None = None,
    ):
        self.mapping = mapping
        self.max_bytes = max_bytes
        self._client = client
        self._own_client = False
        self._stdin = stdin
        self._client_factory = client_factory

    def client(self) -> HttpClient:
        if self._client is None:
            factory = self._client_factory or (lambda: HttpClient(max_bytes=self.max_bytes))
            self._client = factory()
            self._own_client = True
        return self._client

    def close(self) -> None:
        if self._own_client and self._client is not None:
            self._client.close()

    def read(self, spec: str) -> Iterator[Article | Failure]:
        if spec == "-":
            yield from self._guarded(STDIN_ITEM, lambda: self._read_stdin())
        else:
            yield from self._read_path(Path(spec), spec)

    def read_urls(self, urls: list[str]) -> Iterator[Article | Failure]:
        # Consecutive URLs are fetched together, with the client's bounded concurrency, and read in input order.
        for url, result in self.client().get_many(urls):
            if isinstance(result, InputError):
                yield Failure(result.item, result.reason)
            else:
                yield from self._guarded(url, functools.partial(self._read_response, url, result))

    def _guarded(self, item: str, produce: Callable[[], Iterator[Article | Failure]]) -> Iterator[Article | Failure]:
        # A bug or an unexpected library error on one item must not end the batch; it is reported like bad input.
        try:
            yield from produce()
        except InputError as exc:
            yield Failure(exc.item, exc.reason)
        except Exception as exc:  # reported as a Failure naming the item, never swallowed
            yield Failure(item, f"unexpected error while reading: {type(exc).__name__}: {exc}")

    def _read_path(self, path: Path, spec: str) -> Iterator[Article | Failure]:
        if path.is_dir():
            found = False
            for file in sorted(path.rglob("*")):
                rel = file.relative_to(path)
                if any(part.startswith(".") for part in rel.parts) or not file.is_file():
                    continue
                if _format_of(file) is None:
                    continue
                found = True
                yield from self._guarded(str(file), functools.partial(self._read_file, file))
            if not found:
                yield Failure(spec, "no readable files in the directory (looked for "
                              f"{' '.join(sorted(FORMATS))}, also gzipped)")
        elif path.exists():
            yield from self._guarded(spec, lambda: self._read_file(path))
        else:
            yield Failure(spec, "no such file or directory")

    def _read_file(self, path: Path) -> Iterator[Article | Failure]:
        item = str(path)
        if _format_of(path) == "warc":
            # Archives are streamed record by record; the size cap applies to each page, not the file.
            yield from read_warc(path, max_bytes=self.max_bytes)
            return
        try:
            size = path.stat().st_size
        except OSError as exc:
            yield Failure(item, f"cannot read: {exc.strerror or exc}")
            return
        if size == 0:
            yield Failure(item, "empty file (0 bytes)")
            return
        if size > self.max_bytes:
            yield Failure(item, f"file is {size:,} bytes, over the {self.max_bytes:,}-byte limit "
                          "(split it, or raise max_bytes)")
            return
        try:
            with path.open("rb") as fh:
                data = fh.read(self.max_bytes + 1)
        except OSError as exc:
            yield Failure(item, f"cannot read: {exc.strerror or exc}")
            return
        yield from self._read_bytes(data, item, _format_of(path))

    def _read_stdin(self) -> Iterator[Article | Failure]:
        stream = self._stdin if self._stdin is not None else sys.stdin.buffer
        data = stream.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            yield Failure(STDIN_ITEM, f"standard input is over the {self.max_bytes:,}-byte limit (raise max_bytes)")
            return
        if not data:
            yield Failure(STDIN_ITEM, "empty input (0 bytes)")
            return
        yield from self._read_bytes(data, STDIN_ITEM, None)

    def _read_bytes(self, data: bytes, item: str, fmt: str | None) -> Iterator[Article | Failure]:
        if data.startswith(_GZIP_MAGIC):
            data = _gunzip(data, item, self.max_bytes)
            if not data:
                yield Failure(item, "empty file (0 bytes after decompression)")
                return
        text = decode_bytes(data, item)
        yield from self._dispatch(text, item, fmt or _sniff(text))

    def _read_response(self, url: str, resp: Response) -> Iterator[Article | Failure]:
        data = resp.content
        if data.startswith(_GZIP_MAGIC):
            data = _gunzip(data, url, self.max_bytes)
        text = decode_bytes(data, url, declared=resp.charset)
        feed = parse_feed(text, base_url=resp.final_url) if _may_be_feed(text, resp.content_type) else None
        if feed is not None:
            yield from read_feed(feed, url, self.client())
            return
        fmt = _CONTENT_TYPES.get(resp.content_type) or _format_of(Path(urlsplit(resp.final_url).path))
        if fmt in ("text", "json", "jsonl", "csv"):
            yield from self._dispatch(text, url, fmt)
        else:
            yield read_html(text, url, url=resp.final_url)

    def _dispatch(self, text: str, item: str, fmt: str) -> Iterator[Article | Failure]:
        if fmt == "text":
            yield read_text(text, item)
        elif fmt == "jsonl":
            yield from read_jsonl(text, item, self.mapping)
        elif fmt == "json":
            yield from read_json(text, item, self.mapping)
        elif fmt == "csv":
            yield from read_csv(text, item, self.mapping)
        elif fmt == "html":
            yield read_html(text, item)
        elif fmt == "feed":
            feed = parse_feed(text)
            if feed is None:
                yield Failure(item, "not an RSS or Atom feed (feedparser found no feed); if it is an HTML page, "
                              "give it an .html name")
            else:
                yield from read_feed(feed, item, self.client())
        else:  # pragma: no cover - _format_of and _sniff only return known formats
            raise AssertionError(fmt)


def _is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def _format_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return FORMATS.get(suffixes[-1]) if suffixes else None


def _sniff(text: str) -> str:
    """The format of data with no telling name (standard input, unknown extensions)."""
    head = text.lstrip()[:2048]
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        return "json"  # read_json falls back to JSON Lines when there are several values
    lowered = head.lower()
    if lowered.startswith("<"):
        if "<rss" in lowered or "<feed" in lowered or "<rdf:rdf" in lowered:
            return "feed"
        return "html"
    return "text"


def _may_be_feed(text: str, content_type: str) -> bool:
    if any(t in content_type for t in ("rss", "atom", "xml")):
        return True
    lowered = text.lstrip()[:2048].lower()
    return lowered.startswith("<?xml") or "<rss" in lowered or "<feed" in lowered


def _gunzip(data: bytes, item: str, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(item, f"not a valid gzip file: {exc}") from None
    if len(out) > max_bytes:
        raise InputError(item, f"decompresses to over the {max_bytes:,}-byte limit (raise max_bytes)")
    return out
