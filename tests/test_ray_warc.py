"""WARC input: HTML responses become articles; other records are skipped or reported, never lost silently."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from wirescope.records import Article, Failure
from wirescope.runners.partitions import plan_partitions, read_partition

pytest.importorskip("warcio")

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirescope.ingest.html import read_html
from wirescope.ingest.warc import read_warc

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def _response(writer: WARCWriter, url: str, status: str, content_type: str, payload: bytes) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers))


def _warc(path: Path, *, gzip: bool) -> Path:
    article = (FIXTURES / "article.html").read_bytes()
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        request = StatusAndHeaders("GET /news/1 HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/news/1", "request", payload=io.BytesIO(b""), http_headers=request
            )
        )
        _response(writer, "https://example.org/news/1", "200 OK", "text/html; charset=utf-8", article)
        _response(writer, "https://example.org/gone", "404 Not Found", "text/html", b"<html>gone</html>")
        _response(writer, "https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n")
        _response(writer, "https://example.org/", "200 OK", "text/html", (FIXTURES / "no_article.html").read_bytes())
    return path


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_records(tmp_path: Path, gzip: bool) -> None:
    path = _warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), gzip=gzip)
    items = list(read_warc(path))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(articles) == 1 and len(failures) == 3  # request and warcinfo records are not items
    article = articles[0]
    expected = read_html(
        (FIXTURES / "article.html").read_text(encoding="utf-8"),
        article.input,
        url="https://example.org/news/1",
        input_format="warc",
    )
    assert article == expected  # the same extraction as an HTML file, with the record's URL
    assert article.input.startswith(f"{path}#") and article.url == "https://example.org/news/1"
    reasons = " | ".join(f.reason for f in failures)
    assert "HTTP status 404" in reasons and "image/png" in reasons and "no article text" in reasons
    assert all(f.item.startswith(f"{path}#") for f in failures)


def test_warc_partition_and_bad_archive(tmp_path: Path) -> None:
    path = _warc(tmp_path / "crawl.warc.gz", gzip=True)
    (tmp_path / "broken.warc").write_bytes(b"this is not a WARC file at all\r\n\r\n")
    partitions, failures = plan_partitions([str(tmp_path)])
    assert failures == [] and [p.kind for p in partitions] == ["warc", "warc"]
    by_file = {p.paths[0]: list(read_partition(p)) for p in partitions}
    assert sum(isinstance(i, Article) for i in by_file[str(path)]) == 1
    broken = by_file[str(tmp_path / "broken.warc")]
    assert len(broken) == 1 and isinstance(broken[0], Failure) and "not a WARC file" in broken[0].reason


def test_local_engine_reads_warc_files_in_directories(tmp_path: Path) -> None:
    from wirescope.ingest.sources import read_inputs

    (tmp_path / "crawl").mkdir()
    _warc(tmp_path / "crawl" / "a.warc.gz", gzip=True)
    items = list(read_inputs([str(tmp_path / "crawl")], max_bytes=1_000_000))
    assert sum(isinstance(i, Article) for i in items) == 1
    assert sum(isinstance(i, Failure) for i in items) == 3
