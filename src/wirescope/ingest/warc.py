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
from typing import IO

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
    """The response records of a WARC stream, in file order. ``name`` is used in item names."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    iterator = ArchiveIterator(stream)
    first = True
    try:
        for record in iterator:
            if first and record.format != "warc":
                yield Failure(
                    name,
                    "not a WARC file: it does not start with a WARC/1.x record (ARC files, the "
                    "older crawl format, are not read)",
                )
                return
            first = False
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            length = record.rec_headers.get_header("Content-Length")
            too_big = bool(length and length.isdigit() and int(length) > max_bytes)
            # The payload is read before the offset is asked for: warcio's offset lookup consumes the record.
            payload = b"" if too_big else record.content_stream().read(max_bytes + 1)
            status: int | None = None
            content_type, charset = "", None
            if record.http_headers is not None:
                code = (record.http_headers.get_statuscode() or "").strip()
                status = int(code) if code.isdigit() else None
                content_type, charset = _content_type(record.http_headers.get_header("Content-Type") or "")
            item = f"{name}#{iterator.get_record_offset()}"
            if too_big:
                yield Failure(item, f"record is {int(length):,} bytes, over the {max_bytes:,}-byte limit ({url})")
                continue
            yield WarcPage(item, url, status, content_type, charset, payload)
    except ArchiveLoadFailed as exc:
        yield Failure(name, f"not a readable WARC file: {exc} (a truncated download, or not WARC data?)")


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
