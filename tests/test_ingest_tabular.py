"""JSON Lines, JSON arrays and CSV: common field names, mapping overrides, malformed rows."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from wirescope.errors import ConfigError
from wirescope.ingest.tabular import FieldMapping, read_csv, read_json, read_jsonl
from wirescope.records import Article, Failure

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
BODY = "Officials said on Friday that the talks would resume next week in Geneva after a pause of several months."
BODY2 = "Heavy rain closed several mountain roads on Monday, and rescue teams evacuated two villages, officials said."


def _articles(results: list[Article | Failure]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def _failures(results: list[Article | Failure]) -> list[Failure]:
    return [r for r in results if isinstance(r, Failure)]


class TestFieldMapping:
    def test_parse(self) -> None:
        assert FieldMapping.parse("text=body, date=pubDate") == FieldMapping(text="body", date="pubDate")
        assert FieldMapping.parse("") == FieldMapping()

    @pytest.mark.parametrize("spec", ["txt=body", "text", "text=", "=body"])
    def test_parse_errors(self, spec: str) -> None:
        with pytest.raises(ConfigError):
            FieldMapping.parse(spec)


class TestJsonLines:
    def test_common_names_and_metadata(self) -> None:
        line = json.dumps({"text_markdown": BODY, "headline": "Talks resume", "publishedAt": "2020-01-03T10:00:00Z",
                           "link": "https://news.example/a", "source": {"id": "ap", "name": "AP"},
                           "authors": ["A. Writer", "B. Writer"]})
        [article] = list(read_jsonl(line + "\n", "f.jsonl"))
        assert isinstance(article, Article)
        assert article.text == BODY and article.title == "Talks resume"
        assert (article.published, article.published_source) == (date(2020, 1, 3), "metadata")
        assert article.url == "https://news.example/a" and article.source == "AP"
        assert article.author == "A. Writer, B. Writer"
        assert article.input == "f.jsonl:1" and article.input_format == "jsonl" and article.raw == line

    def test_malformed_lines_are_failures_and_the_rest_go_on(self) -> None:
        lines = [
            json.dumps({"text": BODY}),
            '{"text": "unterminated',
            "",
            "[1, 2]",
            json.dumps({"title": "no text field"}),
            json.dumps({"text": BODY2, "date": "not a date"}),
        ]
        results = list(read_jsonl("\n".join(lines), "f.jsonl"))
        assert [a.input for a in _articles(results)] == ["f.jsonl:1", "f.jsonl:6"]
        failures = {f.item: f.reason for f in _failures(results)}
        assert set(failures) == {"f.jsonl:2", "f.jsonl:4", "f.jsonl:5"}
        assert "malformed JSON" in failures["f.jsonl:2"]
        assert "expected a JSON object" in failures["f.jsonl:4"]
        assert "no article text" in failures["f.jsonl:5"]
        assert _articles(results)[1].published is None  # an unreadable date is unknown, not guessed

    def test_mapping_override(self) -> None:
        record = {"story": BODY, "when": "3 January 2020", "text": "decoy text that must not be used here at all",
                  "outlet": "Wire"}
        mapping = FieldMapping.parse("text=story,date=when,source=outlet")
        [article] = list(read_jsonl(json.dumps(record), "f.jsonl", mapping))
        assert isinstance(article, Article)
        assert article.text == BODY and article.published == date(2020, 1, 3) and article.source == "Wire"

    def test_override_to_missing_field_is_a_failure(self) -> None:
        [failure] = list(read_jsonl(json.dumps({"text": BODY}), "f.jsonl", FieldMapping(text="body")))
        assert isinstance(failure, Failure) and "body" in failure.reason

    def test_dotted_field(self) -> None:
        record = {"content": {"main": BODY}, "meta": {"published": "2021-03-14"}}
        mapping = FieldMapping.parse("text=content.main,date=meta.published")
        [article] = list(read_jsonl(json.dumps(record), "f.jsonl", mapping))
        assert isinstance(article, Article) and article.text == BODY and article.published == date(2021, 3, 14)


class TestJsonArray:
    def test_array_elements_named_by_line(self) -> None:
        text = "[\n  " + json.dumps({"text": BODY}) + ",\n  42,\n  " + json.dumps({"body": BODY2}) + "\n]\n"
        results = list(read_json(text, "a.json"))
        assert [a.input for a in _articles(results)] == ["a.json:2", "a.json:4"]
        assert [(f.item, "expected a JSON object" in f.reason) for f in _failures(results)] == [("a.json:3", True)]
        assert json.loads(_articles(results)[0].raw) == {"text": BODY}

    def test_malformed_element_stops_with_a_failure_after_good_ones(self) -> None:
        text = "[\n" + json.dumps({"text": BODY}) + ",\n{\"text\": oops}\n]"
        results = list(read_json(text, "a.json"))
        assert len(_articles(results)) == 1
        [failure] = _failures(results)
        assert failure.item == "a.json:3" and "malformed JSON" in failure.reason

    def test_single_object_and_json_lines_named_json(self) -> None:
        [one] = list(read_json(json.dumps({"text": BODY}), "o.json"))
        assert isinstance(one, Article) and one.input_format == "json"
        two = list(read_json(json.dumps({"text": BODY}) + "\n" + json.dumps({"text": BODY2}), "l.json"))
        assert len(_articles(two)) == 2

    @pytest.mark.parametrize("text", ["", "[]", "[\n", "{"])
    def test_empty_or_broken_documents(self, text: str) -> None:
        results = list(read_json(text, "e.json"))
        assert results and all(isinstance(r, Failure) for r in results)


class TestCsv:
    def test_fixture_with_mapping_and_a_broken_row(self) -> None:
        text = (FIXTURES / "records.csv").read_text(encoding="utf-8")
        mapping = FieldMapping.parse("text=body,title=headline,date=pubDate,url=link,source=publisher")
        results = list(read_csv(text, "records.csv", mapping))
        articles = _articles(results)
        assert [a.input for a in articles] == ["records.csv:2", "records.csv:4"]  # a row starts where its quote opens
        assert articles[0].title == "Flooding closes mountain roads"
        assert (articles[0].published, articles[0].published_source) == (date(2022, 5, 2), "metadata")
        assert articles[0].source == "Valley Herald" and articles[0].url == "https://news.example/floods"
        assert json.loads(articles[0].raw)["headline"] == "Flooding closes mountain roads"  # the row as JSON
        assert "\n" in articles[1].text and articles[1].published is None
        [failure] = _failures(results)
        assert failure.item == "records.csv:3" and "8 fields, the header has 6" in failure.reason

    def test_semicolon_delimiter_and_unclosed_quote(self) -> None:
        text = f'title;text\nFirst;"{BODY}"\nSecond;"{BODY2}\n'
        results = list(read_csv(text, "s.csv"))
        assert [a.title for a in _articles(results)] == ["First"]
        [failure] = _failures(results)
        assert failure.item == "s.csv:3" and "malformed CSV row" in failure.reason

    def test_long_field_over_default_csv_limit(self) -> None:
        long_text = (BODY + " ") * 2000  # ~210 KB, over csv's 128 KiB default field limit
        results = list(read_csv(f'text\n"{long_text}"\n', "big.csv"))
        assert len(_articles(results)) == 1

    def test_header_only(self) -> None:
        [failure] = list(read_csv("text,title\n", "h.csv"))
        assert isinstance(failure, Failure) and "no rows" in failure.reason
