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
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..nlp.timex.normalize import normalize

FIELDS = ("value", "value_end", "granularity", "kind")


def read_time_gold(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise EvalError(f"time gold file {path} not found")
    out: list[dict[str, Any]] = []
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
        out.append({"text": text, "reference": ref, "expected": record["expected"], "line": lineno})
    if not out:
        raise EvalError(f"{path} holds no records")
    return out


def evaluate_time(path: Path) -> dict[str, Any]:
    records = read_time_gold(path)
    hits = {f: 0 for f in FIELDS}
    totals = {f: 0 for f in FIELDS}
    exact = none_total = none_ok = 0
    errors: list[dict[str, Any]] = []
    for r in records:
        got = normalize(r["text"], r["reference"])
        expected = r["expected"]
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
            errors.append({"line": r["line"], "text": r["text"], "expected": expected,
                           "got": None if got is None else {f: getattr(got, f) for f in FIELDS}})
    n = len(records)
    result: dict[str, Any] = {"file": str(path), "expressions": n, "exact": round(exact / n, 4)}
    for f in FIELDS:
        result[f"{f}_accuracy"] = round(hits[f] / totals[f], 4) if totals[f] else None
    result["not_a_time_accuracy"] = round(none_ok / none_total, 4) if none_total else None
    result["errors"] = errors
    return result
