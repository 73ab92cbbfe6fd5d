"""read_inputs over files, directories, gzip, standard input, and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from wirescope.ingest.sources import read_inputs
from wirescope.ingest.tabular import FieldMapping
from wirescope.records import Article, Failure

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
BODY = "Officials said on Friday that the talks would resume next week in Geneva after a pause of several months."


def _split(results: list[Article | Failure]) -> tuple[list[Article], list[Failure]]:
    return [r for r in results if isinstance(r, Article)], [r for r in results if isinstance(r, Failure)]


def _read(*inputs: str, **kwargs: object) -> tuple[list[Article], list[Failure]]:
    return _split(list(read_inputs(list(inputs), **kwargs)))  # type: ignore[arg-type]


def test_directory_recursion_by_extension(tmp_path: Path, examples: list[Path]) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    shutil.copy(examples[0], tmp_path / "one.txt")
    shutil.copy(examples[1], nested / "two.md")
    shutil.copy(FIXTURES / "article.html", nested / "page.htm")
    (tmp_path / "a" / "rows.ndjson").write_text(json.dumps({"text": BODY}) + "\n", encoding="utf-8")
    (tmp_path / "a" / "notes.pdf").write_bytes(b"%PDF-1.4 not read")  # unknown extension: skipped
    hidden = tmp_path / ".git"
    hidden.mkdir()
    (hidden / "x.txt").write_text("a hidden file is not an article", encoding="utf-8")
    articles, failures = _read(str(tmp_path))
    assert failures == []
    assert sorted(Path(a.input).name for a in articles) == ["one.txt", "page.htm", "rows.ndjson:1", "two.md"]
    assert {a.input_format for a in articles} == {"text", "html", "jsonl"}


def test_gzip_files(tmp_path: Path, examples: list[Path]) -> None:
    raw = examples[1].read_bytes()
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(raw))
    lines = (json.dumps({"text": BODY}) + "\n").encode()
    (tmp_path / "rows.jsonl.gz").write_bytes(gzip.compress(lines))
    articles, failures = _read(str(tmp_path / "story.txt.gz"), str(tmp_path / "rows.jsonl.gz"))
    assert failures == []
    assert articles[0].published is not None and articles[0].published_source == "marker"
    assert articles[0].raw == raw.decode("utf-8")
    assert articles[1].input.endswith("rows.jsonl.gz:1")


def test_stdin_seam(examples: list[Path]) -> None:
    articles, failures = _read("-", stdin=io.BytesIO(examples[1].read_bytes()))
    assert failures == [] and len(articles) == 1
    assert articles[0].input == "<stdin>" and articles[0].published_source == "marker"
    jsonl = (json.dumps({"text": BODY}) + "\n" + json.dumps({"text": BODY + " More."}) + "\n").encode()
    articles, _ = _read("-", stdin=io.BytesIO(jsonl))
    assert [a.input for a in articles] == ["<stdin>:1", "<stdin>:2"]


def test_mapping_is_passed_to_record_files(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text(f'story,when\n"{BODY}",2020-01-03\n', encoding="utf-8")
    articles, failures = _read(str(path), mapping=FieldMapping.parse("text=story,date=when"))
    assert failures == [] and articles[0].text == BODY and str(articles[0].published) == "2020-01-03"


def test_every_bad_input_is_a_named_failure_and_the_batch_goes_on(tmp_path: Path, examples: list[Path]) -> None:
    good = tmp_path / "good.txt"
    shutil.copy(examples[0], good)
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    undecodable = tmp_path / "garbage.txt"
    undecodable.write_bytes(bytes(range(128, 256)) * 40)
    bad_jsonl = tmp_path / "rows.jsonl"
    bad_jsonl.write_text(json.dumps({"text": BODY}) + "\n{not json\n", encoding="utf-8")
    bad_csv = tmp_path / "rows.csv"
    bad_csv.write_text(f'title,text\nOK,"{BODY}"\nBroken,has,too,many,fields\n', encoding="utf-8")
    no_article = tmp_path / "login.html"
    shutil.copy(FIXTURES / "no_article.html", no_article)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:  # a sparse 50 MB file: refused by its size before any byte is read
        fh.truncate(50 * 1024 * 1024)
    bad_gzip = tmp_path / "broken.txt.gz"
    bad_gzip.write_bytes(b"\x1f\x8b\x08\x00garbage")
    missing = tmp_path / "missing.txt"

    inputs = [binary, empty, undecodable, bad_jsonl, bad_csv, no_article, huge, bad_gzip, missing, good]
    articles, failures = _read(*(str(p) for p in inputs))
    reasons = {f.item: f.reason for f in failures}
    assert reasons.keys() == {
        str(binary), str(empty), str(undecodable), f"{bad_jsonl}:2", f"{bad_csv}:3", str(no_article), str(huge),
        str(bad_gzip), str(missing),
    }
    assert "binary data" in reasons[str(binary)]
    assert "empty file" in reasons[str(empty)]
    assert "undecodable bytes" in reasons[str(undecodable)]
    assert "malformed JSON" in reasons[f"{bad_jsonl}:2"]
    assert "malformed CSV row" in reasons[f"{bad_csv}:3"]
    assert "no article text" in reasons[str(no_article)]
    assert "52,428,800 bytes, over the 20,000,000-byte limit" in reasons[str(huge)]
    assert "not a valid gzip file" in reasons[str(bad_gzip)]
    assert reasons[str(missing)] == "no such file or directory"
    # the good items around the bad ones were all read
    assert sorted(a.input for a in articles) == sorted([str(good), f"{bad_jsonl}:1", f"{bad_csv}:2"])


def test_max_bytes_is_configurable(tmp_path: Path, examples: list[Path]) -> None:
    path = tmp_path / "a.txt"
    shutil.copy(examples[0], path)
    _, failures = _read(str(path), max_bytes=100)
    assert len(failures) == 1 and "over the 100-byte limit" in failures[0].reason
    big = tmp_path / "bomb.txt.gz"
    big.write_bytes(gzip.compress(b"a " * 10_000))
    _, failures = _read(str(big), max_bytes=5_000)
    assert len(failures) == 1 and "decompresses to over" in failures[0].reason


def test_empty_directory_and_unreadable_feed(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    notfeed = tmp_path / "page.xml"
    notfeed.write_text("<html><body><p>hello</p></body></html>", encoding="utf-8")
    _, failures = _read(str(tmp_path / "empty"), str(notfeed))
    assert [f.item for f in failures] == [str(tmp_path / "empty"), str(notfeed)]
    assert "no readable files" in failures[0].reason and "not an RSS or Atom feed" in failures[1].reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without read permission")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("some text", encoding="utf-8")
    path.chmod(0)
    _, failures = _read(str(path))
    assert len(failures) == 1 and "cannot read" in failures[0].reason
