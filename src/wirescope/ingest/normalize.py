"""Text normalisation, stable article ids and publication-date markers.

``normalize_text`` is idempotent, so the stored text can be normalised again without moving any character offset.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date, datetime

from dateutil import parser as date_parser

# Characters that carry no text: C0/C1 controls (except \n and \t, handled apart) and invisible zero-width marks.
# ZWNJ/ZWJ (U+200C/U+200D) are kept on purpose: they change spelling in Persian, Arabic and Indic scripts.
_ZERO_WIDTH = "\u200b\u2060\ufeff\u180e"
_LINE_BREAKS = "\r\n|\r|\x0b|\x0c|\x85|\u2028|\u2029"
_DROP = re.compile("[" + "".join(chr(c) for c in range(0x20) if chr(c) not in "\n\t\r\x0b\x0c") + "\x7f"
                   + "".join(chr(c) for c in range(0x80, 0xA0) if c != 0x85) + _ZERO_WIDTH + "]")
_BREAK = re.compile(_LINE_BREAKS)
_BLANK_RUN = re.compile(r"\n{3,}")

# ` date 2020-01-03 ` at the very start of a text (the shape of examples/001_*.txt).
_MARKER = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?:[ \t]+|\n+|\Z)", re.IGNORECASE)
# A leading `Date: ...` line.
_DATE_LINE = re.compile(r"\A\s*date[ \t]*:[ \t]*([^\n]*)(?:\n+|\Z)", re.IGNORECASE)

DATE_FOUND_BY = ("marker", "date-line", "unknown")


def normalize_text(raw: str) -> str:
    """Normalise article text: NFC, LF line ends, no trailing spaces, at most one blank line in a row, no control or
    zero-width characters (except newline and tab), no leading/trailing whitespace. Curly quotes are kept."""
    text = _DROP.sub("", raw)
    text = _BREAK.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip()


def collapse_for_id(text: str) -> str:
    """The form of a text that its id hashes: normalised, case-folded, whitespace collapsed to single spaces."""
    return " ".join(normalize_text(text).casefold().split())


def article_id(text: str) -> str:
    """A stable id for an article: the first 16 hex digits of the SHA-256 of its case-folded, whitespace-collapsed
    normalised text. Two texts that differ only in case or whitespace get the same id."""
    return hashlib.sha256(collapse_for_id(text).encode("utf-8")).hexdigest()[:16]


def parse_date_strict(value: str) -> date | None:
    """Parse a date written in any common format; None unless year, month and day are all present and valid.

    dateutil fills missing parts from a default, so the value is parsed against two different defaults: a part that
    comes out different was not in the text and the value is rejected rather than guessed.
    """
    value = value.strip()
    if not value or len(value) > 100 or not any(ch.isdigit() for ch in value):
        return None
    results: list[date] = []
    for default in (datetime(1904, 1, 1), datetime(1908, 2, 2)):
        try:
            parsed = date_parser.parse(value, default=default, fuzzy=False)
        except (ValueError, OverflowError, TypeError):
            return None
        results.append(parsed.date())
    return results[0] if results[0] == results[1] else None


def split_date_marker(text: str) -> tuple[date | None, str, str]:
    """Find a publication date written at the start of a text.

    Returns ``(date, how, rest)``: ``how`` is ``"marker"`` for a leading `` date 2020-01-03 `` marker (the headline
    may follow on the same line), ``"date-line"`` for a leading ``Date: ...`` line, ``"unknown"`` otherwise. ``rest``
    is the text without the marker or line (and without the whitespace that followed it). A marker or line whose date
    cannot be read is left in the text, with ``(None, "unknown", text)``: nothing is removed that was not understood.
    """
    match = _MARKER.match(text)
    if match:
        try:
            found: date | None = date.fromisoformat(_iso(match.group(1)))
        except ValueError:
            found = None
        if found is not None:
            return found, "marker", text[match.end():].lstrip()
        return None, "unknown", text
    match = _DATE_LINE.match(text)
    if match:
        found = parse_date_strict(match.group(1))
        if found is not None:
            return found, "date-line", text[match.end():].lstrip()
    return None, "unknown", text


def _iso(value: str) -> str:
    year, month, day = value.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"
