"""Per-record guards (issue 15, item 5): a bad row, element, record or page is one failure and the file goes on."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirescope.ingest import feed as feed_module
from wirescope.ingest.sources import read_inputs
from wirescope.ingest.tabular import read_csv, read_json, read_jsonl, skip_json_value
from wirescope.records import Article, Failure

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
BODY = "Officials said on Friday that the talks would resume next week in Geneva after a pause of several months."
DEEP = "[" * 200_000 + "]" * 200_000


def _kinds(results: list[Article | Failure]) -> list[str]:
    return [type(r).__name__ for r in results]


def test_a_deeply_nested_json_lines_row_is_one_failure(tmp_path: Path) -> None:
    rows = [json.dumps({"text": BODY + " One."}), '{"text": ' + DEEP + "}", json.dumps({"text": BODY + " Three."}),
            '{"text": "x", "nested": ' + "[" * 5000 + "]" * 5000 + "}", json.dumps({"text": BODY + " Five."})]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    results = list(read_inputs([str(path)]))
    assert _kinds(results) == ["Article", "Failure", "Article", "Failure", "Article"]
    assert results[1].item == f"{path}:2" and "nested too deeply" in results[1].reason  # type: ignore[union-attr]
    assert results[4].input == f"{path}:5"  # type: ignore[union-attr]


def test_a_deeply_nested_array_element_is_one_failure() -> None:
    good = json.dumps({"text": BODY})
    text = "[\n" + good + ",\n" + '{"text": ' + DEEP + "},\n" + good.replace("Friday", "Monday") + "\n]"
    results = list(read_json(text, "a.json"))
    assert _kinds(results) == ["Article", "Failure", "Article"] and results[1].item == "a.json:3"  # type: ignore[union-attr]
    single = list(read_json('{"text": ' + DEEP + "}\n" + good + "\n", "b.json"))
    assert _kinds(single) == ["Failure", "Article"]


def test_a_record_that_breaks_the_reader_is_one_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    from wirescope.ingest import tabular

    real = tabular.build_article

    def flaky(text: str, **kwargs: object) -> object:
        if "boom" in text:
            raise ValueError("boom")
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tabular, "build_article", flaky)
    lines = "\n".join(json.dumps({"text": t}) for t in (BODY, "boom " + BODY, BODY + " Again.")) + "\n"
    assert _kinds(list(read_jsonl(lines, "r.jsonl"))) == ["Article", "Failure", "Article"]
    csv_text = "text\n" + "\n".join(f'"{t}"' for t in (BODY, "boom " + BODY, BODY + " Again.")) + "\n"
    assert _kinds(list(read_csv(csv_text, "r.csv"))) == ["Article", "Failure", "Article"]


def test_skip_json_value() -> None:
    text = '{"a": "x}\\"]", "b": [1, {"c": 2}]}, 5'
    assert text[: skip_json_value(text, 0)] == '{"a": "x}\\"]", "b": [1, {"c": 2}]}'
    assert skip_json_value("[[[", 0) == 3


def _response(writer: WARCWriter, url: str, payload: bytes, extra: list[tuple[str, str]] | None = None) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), *(extra or [])],
                               protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers))


def _record_bytes(url: str, payload: bytes, *, gz: bool, extra: list[tuple[str, str]] | None = None) -> bytes:
    buf = io.BytesIO()
    _response(WARCWriter(buf, gzip=gz), url, payload, extra)
    return buf.getvalue()


@pytest.mark.parametrize("gz", [True, False])
def test_one_bad_warc_record_does_not_end_the_archive(tmp_path: Path, gz: bool) -> None:
    page = (FIXTURES / "article.html").read_bytes()
    other = page.replace(b"Geneva", b"Vienna")
    third = page.replace(b"Geneva", b"Oslo")
    first = _record_bytes("https://example.org/1", page, gz=gz)
    if gz:
        broken = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999\r\n\r\n")[:-8] + b"garbage"
    else:
        broken = b"NOT A WARC RECORD\r\nsome: junk\r\n\r\n<html>cut</html>\r\n\r\n"
    bad_payload = _record_bytes("https://example.org/bad", b"this is not gzip data at all",
                                gz=gz, extra=[("Content-Encoding", "gzip")])
    second = _record_bytes("https://example.org/2", other, gz=gz)
    data = first + broken + second + bad_payload + _record_bytes("https://example.org/3", third, gz=gz)
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data)
    results = list(read_inputs([str(path)]))
    articles = [r for r in results if isinstance(r, Article)]
    failures = [r for r in results if isinstance(r, Failure)]
    assert [a.url for a in articles] == ["https://example.org/1", "https://example.org/2", "https://example.org/3"]
    assert len(failures) == 2, failures
    assert failures[0].item == f"{path}#{len(first)}" and "unreadable WARC record" in failures[0].reason
    assert failures[1].item == f"{path}#{len(first + broken + second)}"  # a payload that is no page: that record


def test_a_page_the_extractor_chokes_on_fails_alone_in_a_feed(monkeypatch: pytest.MonkeyPatch) -> None:
    import httpx

    from wirescope.ingest.http import HttpClient

    page = (FIXTURES / "article.html").read_bytes()
    rss = ('<rss version="2.0"><channel><title>F</title>' + "".join(
        f"<item><title>{i}</title><link>https://news.example/{i}</link></item>" for i in range(3)
    ) + "</channel></rss>").encode()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/feed.rss":
            return httpx.Response(200, content=rss, headers={"content-type": "application/rss+xml"})
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, content=page.replace(b"Geneva", request.url.path.encode()),
                              headers={"content-type": "text/html"})

    real = feed_module.read_html

    def choking(html: str, item: str, **kwargs: object) -> object:
        if item.endswith("/1"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(html, item, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(feed_module, "read_html", choking)
    with HttpClient(transport=httpx.MockTransport(handler), host_interval=0) as client:
        results = list(read_inputs(["https://news.example/feed.rss"], client=client))
    assert _kinds(results) == ["Article", "Failure", "Article"]
    assert "RecursionError" in results[1].reason  # type: ignore[union-attr]
