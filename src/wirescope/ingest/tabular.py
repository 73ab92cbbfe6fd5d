"""Record files: JSON Lines, JSON arrays (or one JSON object) and CSV, with common field names or a mapping.

Each malformed row becomes a ``Failure`` naming ``path:line`` and the reason; the other rows go on.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from typing import Any

from ..errors import ConfigError
from ..records import Article, Failure
from .build import build_article
from .normalize import parse_date_strict

TOO_DEEP = "malformed JSON: nested too deeply to read (a record is an object of fields, not a deep structure)"

# Field names tried in order when the mapping does not name one (NewsAPI, news-please, Giveme5W1H, our corpora).
CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "text_markdown", "maintext", "article", "full_text"),
    "title": ("title", "headline"),
    "date": ("date", "published", "date_publish", "publishedAt", "published_at", "pubDate", "pub_date"),
    "url": ("url", "link"),
    "source": ("source", "source_domain", "publisher", "site_name", "sitename"),
    "author": ("author", "authors", "byline"),
}


@dataclass(frozen=True, slots=True)
class FieldMapping:
    """Which record field holds each article attribute; None means "try the common names". A dotted name reaches
    into nested objects (``source.name``)."""

    text: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None

    @classmethod
    def parse(cls, spec: str | None) -> FieldMapping:
        """Parse a CLI string such as ``text=body,date=pubDate``. Raises ConfigError for unknown keys."""
        if not spec or not spec.strip():
            return cls()
        valid = [f.name for f in fields(cls)]
        values: dict[str, str] = {}
        for part in spec.split(","):
            if not part.strip():
                continue
            key, sep, value = part.partition("=")
            key, value = key.strip(), value.strip()
            if not sep or not value:
                raise ConfigError(f"field mapping {part.strip()!r} is not KEY=FIELD; example: text=body,date=pubDate")
            if key not in valid:
                raise ConfigError(f"unknown field mapping key {key!r}; valid keys: {', '.join(valid)}")
            values[key] = value
        return cls(**values)

    def names(self, attribute: str) -> tuple[str, ...]:
        override: str | None = getattr(self, attribute)
        return (override,) if override else CANDIDATES[attribute]


def read_jsonl(
    text: str, path: str, mapping: FieldMapping | None = None, *, first_line: int = 1
) -> Iterator[Article | Failure]:
    """Articles from JSON Lines; blank lines are skipped. A row that cannot be read (malformed, nested too deeply,
    not an object, no text) is one Failure naming ``path:line``; the rows after it go on."""
    mapping = mapping or FieldMapping()
    seen = first_line > 1
    for number, line in enumerate(text.splitlines(), start=first_line):
        if not line.strip():
            continue
        seen = True
        item = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(item, f"malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        except RecursionError:
            yield Failure(item, TOO_DEEP)
            continue
        yield guarded_record(record, item=item, raw=line, input_format="jsonl", mapping=mapping)
    if not seen:
        yield Failure(path, "no records: the JSON Lines file has only blank lines")


def read_json(text: str, path: str, mapping: FieldMapping | None = None) -> Iterator[Article | Failure]:
    """Articles from a JSON array of objects or a single object. A file of several JSON values one per line is read
    as JSON Lines. Elements are named ``path:line`` by the line they start on."""
    mapping = mapping or FieldMapping()
    decoder = json.JSONDecoder()
    start = _skip_ws(text, 0)
    if start >= len(text):
        yield Failure(path, "no records: the JSON file is empty")
        return
    if text[start] != "[":
        try:
            record, end = decoder.raw_decode(text, start)
        except json.JSONDecodeError as exc:
            yield Failure(f"{path}:{exc.lineno}", f"malformed JSON: {exc.msg} at column {exc.colno}")
            return
        except RecursionError:
            yield Failure(f"{path}:{_line(text, start)}", TOO_DEEP)
            end = skip_json_value(text, start)
            if _skip_ws(text, end) < len(text):  # more values follow: JSON Lines with a .json name
                yield from read_jsonl(text[end:], path, mapping, first_line=_line(text, end))
            return
        if _skip_ws(text, end) < len(text):
            yield from read_jsonl(text, path, mapping)  # several values: JSON Lines with a .json name
            return
        yield guarded_record(record, item=f"{path}:{_line(text, start)}", raw=text[start:end].strip(),
                             input_format="json", mapping=mapping)
        return
    pos = _skip_ws(text, start + 1)
    if pos < len(text) and text[pos] == "]":
        yield Failure(path, "no records: the JSON array is empty")
        return
    while pos < len(text):
        try:
            record, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            yield Failure(f"{path}:{exc.lineno}", f"malformed JSON: {exc.msg} at column {exc.colno}; "
                          "the rest of the array was not read")
            return
        except RecursionError:
            # One element nested too deeply: it fails alone; its end is found without recursion and the array goes on.
            yield Failure(f"{path}:{_line(text, pos)}", TOO_DEEP)
            end = skip_json_value(text, pos)
        else:
            yield guarded_record(record, item=f"{path}:{_line(text, pos)}", raw=text[pos:end],
                                 input_format="json", mapping=mapping)
        pos = _skip_ws(text, end)
        if pos < len(text) and text[pos] == ",":
            pos = _skip_ws(text, pos + 1)
        elif pos < len(text) and text[pos] == "]":
            return
        else:
            yield Failure(f"{path}:{_line(text, pos)}", "malformed JSON: expected ',' or ']' after an array element; "
                          "the rest of the array was not read")
            return
    yield Failure(f"{path}:{_line(text, len(text))}", "malformed JSON: the array is not closed with ']'")


def read_csv(text: str, path: str, mapping: FieldMapping | None = None) -> Iterator[Article | Failure]:
    """Articles from CSV with a header row (delimiter chosen among , ; tab |). A row whose field count differs from
    the header's is a Failure naming the line it starts on."""
    mapping = mapping or FieldMapping()
    # Article texts overflow csv's default 128 KiB field limit; the size of the whole item is capped elsewhere.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        yield Failure(path, "no records: the CSV file has no header row")
        return
    header = [h.strip() for h in header]
    start_line = reader.line_num + 1
    seen = False
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Failure(f"{path}:{start_line}", f"malformed CSV row: {exc}")
            start_line = reader.line_num + 1
            continue
        item = f"{path}:{start_line}"
        start_line = reader.line_num + 1
        if not row or not any(cell.strip() for cell in row):
            continue
        seen = True
        if len(row) != len(header):
            yield Failure(item, f"malformed CSV row: {len(row)} fields, the header has {len(header)} "
                          "(an unquoted delimiter or an unclosed quote?)")
            continue
        record = dict(zip(header, row, strict=True))
        yield guarded_record(record, item=item, raw=json.dumps(record, ensure_ascii=False),
                             input_format="csv", mapping=mapping)
    if not seen:
        yield Failure(path, "no records: the CSV file has a header but no rows")


def _dialect(text: str) -> type[csv.Dialect]:
    # The delimiter is the candidate most frequent in the header line (headers rarely quote delimiters; csv.Sniffer
    # is misled by commas inside long quoted article texts). Strict mode makes an unclosed quote an error.
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t|", key=lambda c: (header.count(c), c == ","))

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter
    Dialect.strict = True
    return Dialect


def guarded_record(
    record: Any, *, item: str, raw: str, input_format: str, mapping: FieldMapping
) -> Article | Failure:
    """``record_to_article``, with any error on this one record turned into its Failure: the file goes on."""
    try:
        return record_to_article(record, item=item, raw=raw, input_format=input_format, mapping=mapping)
    except RecursionError:
        return Failure(item, TOO_DEEP)
    except Exception as exc:  # reported as this row's failure, never swallowed, never the file's end
        return Failure(item, f"unexpected error while reading the record: {type(exc).__name__}: {exc}")


def skip_json_value(text: str, pos: int) -> int:
    """The end of the JSON value starting at ``pos``, found by counting brackets outside strings (no recursion, so
    any depth works); the end of the text when the value is not closed."""
    depth = 0
    i = pos
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
            if depth <= 0:
                return i + 1
        elif depth == 0 and ch in ",\n":
            return i
        i += 1
    return n


def record_to_article(
    record: Any, *, item: str, raw: str, input_format: str, mapping: FieldMapping
) -> Article | Failure:
    """One article from a decoded record (a JSON object or a CSV row)."""
    if not isinstance(record, Mapping):
        return Failure(item, f"expected a JSON object, got {type(record).__name__}")
    text = _field(record, mapping, "text")
    if not text:
        tried = ", ".join(mapping.names("text"))
        return Failure(item, f"no article text: none of the fields {tried} holds text; name the field with a "
                       "mapping such as text=FIELD")
    date_value = _field(record, mapping, "date")
    published = parse_date_strict(date_value) if date_value else None
    return build_article(
        text,
        item=item,
        input_format=input_format,
        raw=raw,
        title=_field(record, mapping, "title"),
        published=published,
        published_source="metadata" if published else "unknown",
        source=_field(record, mapping, "source"),
        url=_field(record, mapping, "url"),
        author=_field(record, mapping, "author"),
    )


def _field(record: Mapping[str, Any], mapping: FieldMapping, attribute: str) -> str | None:
    for name in mapping.names(attribute):
        value = _lookup(record, name)
        text = _as_text(value)
        if text:
            return text
    return None


def _lookup(record: Mapping[str, Any], name: str) -> Any:
    if name in record:
        return record[name]
    if "." in name:
        value: Any = record
        for part in name.split("."):
            if not isinstance(value, Mapping) or part not in value:
                return None
            value = value[part]
        return value
    folded = name.casefold()
    for key, value in record.items():
        if isinstance(key, str) and key.casefold() == folded:
            return value
    return None


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, Mapping):  # e.g. NewsAPI's "source": {"id": ..., "name": ...}
        return _as_text(value.get("name") or value.get("title"))
    if isinstance(value, list):  # e.g. "authors": ["A", "B"]
        parts = [t for t in (_as_text(v) for v in value) if t]
        return ", ".join(parts) or None
    return None


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1
