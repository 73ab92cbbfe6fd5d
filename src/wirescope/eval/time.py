"""Time normalisation evaluation on a JSON Lines gold file of our own design.

Each line: ``{"text": "<the time expression as NER would span it>", "reference": "YYYY-MM-DD" | null,
"expected": {"value": ..., "value_end": ..., "granularity": ..., "kind": ...} | null, "note": "..."}``.
``reference`` is the publication date (null: the article has none); ``expected`` null means the text is not a time
expression (an age). Fields missing from ``expected`` are not scored.

Metrics: ``expressions``; ``exact`` share of lines whose every expected field matches; per-field accuracies
``value_accuracy``, ``value_end_accuracy``, ``granularity_accuracy``, ``kind_accuracy`` (over lines that give the
field); ``not_a_time_accuracy`` on lines expecting null.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypedDict

from ..errors import EvalError
from ..nlp.timex.normalize import normalize

FIELDS = ("value", "value_end", "granularity", "kind")


# What a gold line expects of the normalised value (value, value_end, granularity, kind; a missing field is not
# scored), and what the normaliser gave, as in the report's errors.
Fields = dict[str, str | None]


@dataclass(frozen=True, slots=True)
class TimeGold:
    """One line of the time gold: the expression, the publication date, the expected fields (None: not a time
    expression) and the line number."""

    text: str
    reference: date | None
    expected: Fields | None
    line: int


class TimeError(TypedDict):
    """A gold line the normaliser got wrong."""

    line: int
    text: str
    expected: Fields | None
    got: Fields | None


class TimeReport(TypedDict):
    """The time report, the JSON document ``wirescope eval time --json`` prints (see the module doc string)."""

    file: str
    expressions: int
    exact: float
    value_accuracy: float | None
    value_end_accuracy: float | None
    granularity_accuracy: float | None
    kind_accuracy: float | None
    not_a_time_accuracy: float | None
    errors: list[TimeError]


def read_time_gold(path: Path) -> list[TimeGold]:
    if not path.is_file():
        raise EvalError(f"time gold file {path} not found")
    out: list[TimeGold] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            ref = date.fromisoformat(record["reference"]) if record.get("reference") else None
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise EvalError(f"{path}:{lineno}: not a time gold record ({exc}); expected JSON with text, reference, "
                            f"expected") from None
        if "expected" not in record:
            raise EvalError(f"{path}:{lineno}: missing 'expected' (use null for 'not a time expression')")
        out.append(TimeGold(text, ref, record["expected"], lineno))
    if not out:
        raise EvalError(f"{path} holds no records")
    return out


def evaluate_time(path: Path) -> TimeReport:
    records = read_time_gold(path)
    hits = {f: 0 for f in FIELDS}
    totals = {f: 0 for f in FIELDS}
    exact = none_total = none_ok = 0
    errors: list[TimeError] = []
    for r in records:
        got = normalize(r.text, r.reference)
        expected = r.expected
        if expected is None:
            none_total += 1
            ok = got is None
            none_ok += ok
        else:
            ok = got is not None
            for f in FIELDS:
                if f in expected:
                    totals[f] += 1
                    match = got is not None and getattr(got, f) == expected[f]
                    hits[f] += match
                    ok = ok and match
        exact += ok
        if not ok:
            errors.append({"line": r.line, "text": r.text, "expected": expected,
                           "got": None if got is None else {f: getattr(got, f) for f in FIELDS}})
    n = len(records)
    accuracy = {f: round(hits[f] / totals[f], 4) if totals[f] else None for f in FIELDS}
    return {
        "file": str(path), "expressions": n, "exact": round(exact / n, 4),
        "value_accuracy": accuracy["value"], "value_end_accuracy": accuracy["value_end"],
        "granularity_accuracy": accuracy["granularity"], "kind_accuracy": accuracy["kind"],
        "not_a_time_accuracy": round(none_ok / none_total, 4) if none_total else None,
        "errors": errors,
    }
