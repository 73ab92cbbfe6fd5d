"""WARC archives (CommonCrawl CC-NEWS, Heritrix, wget, Browsertrix): each HTML response record is an article.

Records are streamed with warcio, so a 1 GB ``.warc.gz`` is never held in memory. Only ``response`` records are
items: request, metadata and warcinfo records describe the crawl, not pages. A response that is not an HTML page,
has an HTTP error status, is too large or holds no article text becomes a ``Failure`` naming ``path#offset`` (the
record's byte offset, so ``warcio extract PATH OFFSET`` shows it) and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..records import Article, Failure
from .decode import decode_bytes
from .html import read_html

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class WarcPage:
    """One HTTP response from a WARC file, before text extraction."""

    item: str  # path#offset
    url: str | None
    status: int | None
    content_type: str
    charset: str | None
    payload: bytes


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def iter_pages(stream: IO[bytes], name: str, *, max_bytes: int = 20_000_000) -> Iterator[WarcPage | Failure]:
    """The response records of a WARC stream, in file order. ``name`` is used in item names.

    One bad record does not end the archive: a record whose payload cannot be read is a Failure and the next one
    follows; a record whose headers cannot be parsed is a Failure, and on a seekable file reading resumes at the
    next record start (the next gzip member of a ``.warc.gz``, the next ``WARC/1.x`` line of a plain ``.warc``).
    """
    from warcio.archiveiterator import ArchiveIterator

    seekable = _seekable(stream)
    gzipped = _starts_gzipped(stream) if seekable else False
    first, resyncing = True, False
    while True:
        iterator = ArchiveIterator(stream)
        try:
            for record in iterator:
                if first and record.format != "warc":
                    yield Failure(name, "not a WARC file: it does not start with a WARC/1.x record (ARC files, the "
                                  "older crawl format, are not read)")
                    return
                first, resyncing = False, False
                if record.rec_type == "response":
                    yield _page(record, f"{name}#{iterator.offset}", max_bytes)
            return
        except Exception as exc:  # warcio raises several kinds for a broken record; all end the iterator
            bad = iterator.offset
            if first:
                yield Failure(name, f"not a readable WARC file: {_say(exc)} (a truncated download, or not WARC "
                              "data?)")
                return
            if not resyncing:
                more = "skipped to the next record" if seekable else "the rest of the stream cannot be read"
                yield Failure(f"{name}#{bad}", f"unreadable WARC record ({_say(exc)}); {more}")
            resume = _next_record_start(stream, bad + 1, gzipped) if seekable else None
            if resume is None:
                return
            stream.seek(resume)
            resyncing = True  # a false start found by the scan is not reported again


def _page(record: Any, item: str, max_bytes: int) -> WarcPage | Failure:
    """One response record as a page; a payload that cannot be read (bad chunking or compression) is a Failure."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        length = record.rec_headers.get_header("Content-Length")
        if length and length.isdigit() and int(length) > max_bytes:
            return Failure(item, f"record is {int(length):,} bytes, over the {max_bytes:,}-byte limit ({url})")
        payload = record.content_stream().read(max_bytes + 1)
        status: int | None = None
        content_type, charset = "", None
        if record.http_headers is not None:
            code = (record.http_headers.get_statuscode() or "").strip()
            status = int(code) if code.isdigit() else None
            content_type, charset = _content_type(record.http_headers.get_header("Content-Type") or "")
    except Exception as exc:  # one record's broken payload is that record's failure
        return Failure(item, f"unreadable WARC record payload ({_say(exc)}){f' ({url})' if url else ''}")
    return WarcPage(item, url, status, content_type, charset, payload)


def _say(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _seekable(stream: IO[bytes]) -> bool:
    try:
        return stream.seekable()
    except (AttributeError, OSError, ValueError):
        return False


def _starts_gzipped(stream: IO[bytes]) -> bool:
    at = stream.tell()
    head = stream.read(2)
    stream.seek(at)
    return head == b"\x1f\x8b"


def _next_record_start(stream: IO[bytes], start: int, gzipped: bool) -> int | None:
    """The offset of the next possible record start at or after ``start``, or None at the end of the file."""
    marker = b"\x1f\x8b\x08" if gzipped else b"\nWARC/1."
    skip = 0 if gzipped else 1  # a plain record starts after the newline
    block = 1 << 20
    stream.seek(start)
    carry = b""
    base = start
    while True:
        data = stream.read(block)
        if not data:
            return None
        window = carry + data
        found = window.find(marker)
        if found >= 0:
            return base - len(carry) + found + skip
        carry = window[-(len(marker) - 1):]
        base += len(data)


def page_to_article(page: WarcPage, *, max_bytes: int = 20_000_000) -> Article | Failure:
    """The article of one HTML response, or a Failure saying why there is none."""
    where = f" ({page.url})" if page.url else ""
    if page.status is not None and not 200 <= page.status < 300:
        return Failure(page.item, f"HTTP status {page.status}, not a page{where}")
    if page.content_type and not page.content_type.startswith(_HTML_TYPES):
        return Failure(page.item, f"not an HTML page (content type {page.content_type}){where}")
    if len(page.payload) > max_bytes:
        return Failure(page.item, f"page is over the {max_bytes:,}-byte limit{where}")
    try:
        html = decode_bytes(page.payload, page.item, declared=page.charset)
    except InputError as exc:
        return Failure(exc.item, exc.reason)
    return read_html(html, page.item, url=page.url, input_format="warc")


def read_warc(path: str | Path, *, max_bytes: int = 20_000_000) -> Iterator[Article | Failure]:
    """Every article of a WARC file, gzipped or not, as Articles and Failures."""
    name = str(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed in the finally below, after the generator is drained
    except OSError as exc:
        yield Failure(name, f"cannot read: {exc.strerror or exc}")
        return
    try:
        yield from read_warc_stream(fh, name, max_bytes=max_bytes)
    finally:
        fh.close()


def read_warc_stream(stream: IO[bytes], name: str, *, max_bytes: int = 20_000_000) -> Iterator[Article | Failure]:
    """Like ``read_warc`` on an open binary stream (a local file or an object-store stream)."""
    seen = False
    for page in iter_pages(stream, name, max_bytes=max_bytes):
        seen = True
        if isinstance(page, Failure):
            yield page
            continue
        try:
            yield page_to_article(page, max_bytes=max_bytes)
        except Exception as exc:  # an extractor bug on one page must not end the archive; reported, not swallowed
            yield Failure(page.item, f"unexpected error while extracting: {type(exc).__name__}: {exc}")
    if not seen:
        yield Failure(name, "no response records in the WARC file")


def _content_type(header: str) -> tuple[str, str | None]:
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return kind.strip().lower(), charset
