"""Long articles never stop a batch (issue 15, item 2): up to ``max_chars_whole`` analysed whole, up to
``max_chars`` in paragraph-aligned sections with offsets kept, above that one failure row; any exception from the
model or a stage is a failure row for that article only; a run is always closed. Limits are lowered here so the
tests stay fast; one slow test runs the full-size defaults."""

from __future__ import annotations

import csv
import json
import resource
import time
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

import api_support
from wirescope.api import create_app
from wirescope.config import Settings
from wirescope.ingest.build import build_article
from wirescope.nlp.pipeline import Pipeline, load_model
from wirescope.nlp.sections import split_sections
from wirescope.records import Analysis, Article, Failure
from wirescope.runners.local import ingest
from wirescope.store import Store

LIMITS = Settings(stages=("entities",), max_chars_whole=2_000, max_chars=20_000)
PARAGRAPH = ("Iranian officials met envoys from Oman in Muscat on Monday to discuss the release of detained sailors, "
             "and Javad Zarif said talks would continue in Geneva next week.")
GOOD = [
    "Talks resume in Geneva\n\nIran and the United States resumed talks in Geneva on Monday, officials said.",
    "Strike near Baghdad\n\nA drone strike hit a convoy near Baghdad International Airport on Friday.",
]


def long_text(chars: int, title: str = "A very long report") -> str:
    parts = [title]
    while sum(len(p) + 2 for p in parts) < chars:
        parts.append(f"{PARAGRAPH} (Paragraph {len(parts)}.)")
    return "\n\n".join(parts)


LONG = long_text(7_000)  # over max_chars_whole: sectioned
TOO_LONG = long_text(25_000, "An endless report")  # over max_chars: one failure row


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(LIMITS)


def _stored(store: Store) -> dict[str, tuple[str, str]]:
    return {r[0]: (r[1], r[2]) for r in store.con.execute("SELECT input, status, text FROM articles").fetchall()}


def _check_run(store: Store, run_id: str) -> None:
    (status,) = store.con.execute("SELECT status FROM runs WHERE id = ?", [run_id]).fetchone()  # type: ignore[misc]
    assert status == "finished"
    assert store.con.execute("SELECT count(*) FROM runs WHERE status = 'running'").fetchone() == (0,)


def _check_sectioned(store: Store, text: str) -> None:
    (aid,) = store.con.execute("SELECT id FROM articles WHERE text = ?", [text]).fetchone()  # type: ignore[misc]
    mentions = store.con.execute("SELECT start_char, end_char, text FROM mentions WHERE article_id = ?",
                                 [aid]).fetchall()
    sentences = store.con.execute("SELECT start_char, end_char FROM sentences WHERE article_id = ? ORDER BY 1",
                                  [aid]).fetchall()
    assert len(mentions) > 30 and all(text[s:e] == t for s, e, t in mentions)  # offsets point into the whole text
    assert any(t == "Javad Zarif" and s > 5_000 for s, _, t in mentions)  # found in a later section too
    assert len(sentences) > 40 and sentences[-1][1] == len(text)


def _write_inputs(folder: Path, kind: str) -> None:
    texts = [GOOD[0], LONG, TOO_LONG, GOOD[1]]
    if kind == "files":
        for i, text in enumerate(texts):
            (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    elif kind == "jsonl":
        (folder / "rows.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    else:
        with (folder / "rows.csv").open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["title", "text"])
            writer.writerows([(f"Story {i}", t) for i, t in enumerate(texts)])


@pytest.mark.parametrize("kind", ["files", "jsonl", "csv"])
def test_a_long_article_among_good_ones(tmp_path: Path, pipeline: Pipeline, kind: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _write_inputs(folder, kind)
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest([str(folder)], store, LIMITS, pipeline=pipeline)
        assert (report.read, report.new, report.failed) == (4, 3, 1)
        [failure] = report.failures
        assert "25," in failure.reason and "over the 20,000-character limit" in failure.reason
        assert failure.stage == "analyze"
        assert {status for status, _ in _stored(store).values()} == {"analysed"}
        _check_sectioned(store, LONG)
        _check_run(store, report.run_id)
        rows = store.con.execute("SELECT item, stage FROM failures WHERE run_id = ?", [report.run_id]).fetchall()
        assert rows == [(failure.item, "analyze")]
        again = ingest([str(folder)], store, LIMITS, pipeline=pipeline)  # a rerun is clean: nothing new, no crash
        assert (again.new, again.duplicates, again.failed) == (0, 3, 1)
        _check_run(store, again.run_id)


def test_a_long_article_through_the_api(tmp_path: Path) -> None:
    path = api_support.write_store(tmp_path / "api.duckdb", aggregate=False)
    texts = [{"text": GOOD[0]}, {"text": LONG}, {"text": TOO_LONG}, {"text": GOOD[1]}]
    with TestClient(create_app(path, token="s3cret-token", settings=LIMITS)) as c:
        r = c.post("/api/ingest", json={"texts": texts}, headers={"Authorization": "Bearer s3cret-token"})
        assert r.status_code == 200, r.text
        body = r.json()
        assert len(body["stored"]) == 3 and body["counts"]["failed"] == 1
        assert body["failed"][0]["item"] == "texts[2]" and "character limit" in body["failed"][0]["reason"]
    with Store(path, read_only=True) as store:
        _check_sectioned(store, LONG)
        assert store.con.execute("SELECT count(*) FROM runs WHERE status <> 'finished'").fetchone() == (0,)


def _article(text: str, item: str) -> Article:
    built = build_article(text, item=item, input_format="text", raw=text, headline_from_text=True)
    assert isinstance(built, Article)
    return built


@Language.component("test_explodes_on_marker")
def _explodes(doc):  # type: ignore[no-untyped-def]
    if "EXPLODE" in doc.text:
        raise RuntimeError("the model broke on this text")
    return doc


def test_a_model_error_fails_only_its_article() -> None:
    nlp = load_model(LIMITS.model)
    nlp.add_pipe("test_explodes_on_marker", first=True)
    pipe = Pipeline(LIMITS, nlp=nlp)
    articles = [_article(GOOD[0], "a"), _article("Bad one\n\nThis text will EXPLODE the model, officials said.", "b"),
                _article(GOOD[1], "c"), _article(LONG + "\n\nEXPLODE", "d"), _article(TOO_LONG, "e")]
    results = list(pipe.analyze_many(articles, batch_size=8))
    assert [type(r).__name__ for r in results] == ["Analysis", "Failure", "Analysis", "Failure", "Failure"]
    failures = [r for r in results if isinstance(r, Failure)]
    assert [f.item for f in failures] == ["b", "d", "e"]
    assert "RuntimeError: the model broke" in failures[0].reason and "RuntimeError" in failures[1].reason


def test_an_error_of_the_input_itself_is_not_swallowed(pipeline: Pipeline) -> None:
    def broken() -> Iterator[Article]:
        yield _article(GOOD[0], "a")
        raise OSError("the disk went away")

    results: list[Analysis | Failure] = []
    with pytest.raises(OSError, match="disk went away"):
        results.extend(pipeline.analyze_many(broken()))
    assert [type(r).__name__ for r in results] == ["Analysis"]


def test_a_crash_mid_run_still_closes_the_run(tmp_path: Path, pipeline: Pipeline) -> None:
    from wirescope.runners.local import ingest_articles

    def crashing() -> Iterator[Article]:
        yield _article(GOOD[0], "a")
        raise OSError("the disk went away")

    with Store(tmp_path / "c.duckdb") as store:
        with pytest.raises(OSError):
            ingest_articles(crashing(), store, LIMITS, pipeline=pipeline)
        assert store.con.execute("SELECT status FROM runs").fetchall() == [("failed",)]


def _spans(record: object) -> Iterator[tuple[object, int, int, str]]:
    """Every (record, start, end, text) inside an analysis, however deep."""
    from dataclasses import fields, is_dataclass

    if isinstance(record, tuple):
        for item in record:
            yield from _spans(item)
    elif is_dataclass(record) and not isinstance(record, type):
        names = {f.name for f in fields(record)}
        if {"start", "end", "text"} <= names:
            yield record, record.start, record.end, record.text  # type: ignore[attr-defined]
        for f in fields(record):
            if f.name != "article":
                yield from _spans(getattr(record, f.name))


def test_sectioned_records_point_into_the_whole_text() -> None:
    full = Pipeline(Settings(max_chars_whole=3_000, max_chars=50_000))
    text = long_text(12_000).replace("Muscat", "Baghdad")
    article = _article(text, "long")
    analysis = full.analyze(article)
    assert analysis.article == article and any("sections" in n for n in analysis.notes)
    found = list(_spans((analysis.entities, analysis.events, analysis.quotes, analysis.places, analysis.times)))
    assert len(found) > 100
    for record, start, end, said in found:
        assert text[start:end] == said, record
    sentences = analysis.sentences
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert all(a.end <= b.start for a, b in pairwise(sentences))
    for event in analysis.events:  # sentence indexes are the article's, not the section's
        sentence = sentences[event.sentence]
        assert sentence.start <= event.trigger.start < sentence.end
        assert all(0 <= m < len(sentences) for m in event.mentions)
    for entity in analysis.entities:
        assert len({m.start for m in entity.mentions}) == len(entity.mentions)
    zarif = [e for e in analysis.entities if e.name == "Javad Zarif"]
    assert len(zarif) == 1 and len(zarif[0].mentions) > 40  # one entity across the sections


def test_sections_are_paragraph_aligned_and_cover_the_text() -> None:
    text = long_text(9_000)
    spans = split_sections(text, 2_000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(spans))
    assert all(0 < e - s <= 2_000 for s, e in spans)
    assert all(text[e - 2 : e] == "\n\n" for _, e in spans[:-1])  # cut after a paragraph break
    assert split_sections("x" * 5_000, 2_000) == [(0, 2_000), (2_000, 4_000), (4_000, 5_000)]  # no break: hard cut


@pytest.mark.slow
def test_full_size_limits(tmp_path: Path) -> None:
    """The defaults: a 1,000,000-character article (over spaCy's own max_length) is analysed in sections within
    bounded time and memory; a 5,000,001-character one is one failure row; the good article is stored."""
    settings = Settings()
    big = long_text(1_000_000)
    huge = long_text(5_000_001, "Too big")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "rows.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in (GOOD[0], big, huge)),
                                       encoding="utf-8")
    started = time.perf_counter()
    with Store(tmp_path / "s.duckdb") as store:
        report = ingest([str(folder)], store, settings)
        assert (report.new, report.failed) == (2, 1) and "5,000,000-character limit" in report.failures[0].reason
        _check_run(store, report.run_id)
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"1M-character article: {elapsed:.0f} s, peak RSS {peak_mb:.0f} MB")
    assert elapsed < 600 and peak_mb < 3_000
