"""CASE 2021 (task 2) snippets as an external check of the event coder.

Each snippet carries one ACLED-style event type. ``data/eval/case2021_cameo.tsv`` maps every type with a fair CAMEO
counterpart to at most three acceptable roots, and marks disasters, crime and "other" as types that should yield no
political event; the mapping was fixed before anything was measured. A snippet is coded as given (no punctuation
added). Figures: over the typed snippets, the share with a compatible root, with no event at all, and with only
incompatible events; over the disaster/crime/other snippets, the share left without an event. CASE has no licence:
it is used for scoring only, never for tuning or training.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, NotRequired, TypedDict

from ..errors import EvalError

# Codes a list of texts; returns the CAMEO roots of each text's events (as the real-news scorer scores them).
RootCoder = Callable[[Sequence[str]], list[Sequence[str]]]


@dataclass(frozen=True, slots=True)
class CaseType:
    name: str
    kind: str  # typed | none
    roots: tuple[str, ...]


def case_mapping() -> dict[str, CaseType]:
    text = resources.files("wirescope").joinpath("data/eval/case2021_cameo.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind, roots, _why = line.split("\t")
        out[name] = CaseType(name, kind, tuple(r for r in roots.split(",") if r))
    return out


def read_case_tsv(path: Path) -> list[tuple[str, str, str]]:
    """(id, snippet, type) rows of a CASE 2021 task 2 file."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as exc:
        raise EvalError(f"{path}: cannot read: {exc}") from exc
    if not rows or rows[0][:3] != ["id", "EventSnippet", "SubType"]:
        raise EvalError(f"{path}: expected the header id, EventSnippet, SubType")
    bad = [i + 2 for i, r in enumerate(rows[1:]) if len(r) != 3]
    if bad:
        raise EvalError(f"{path}: rows {bad[:5]} do not have three tab-separated fields")
    return [(r[0], r[1], r[2]) for r in rows[1:]]


class CaseTypeScore(TypedDict):
    """One CASE event type: its snippets and how many of them got a compatible root."""

    snippets: int
    compatible: int


class CaseReport(TypedDict):
    """The CASE 2021 report, the JSON document ``wirescope eval case --json`` prints (shares are fractions)."""

    typed_snippets: int
    compatible: float
    no_event: float
    only_incompatible: float
    other_snippets: int
    other_no_event: float
    unscored_snippets: int
    types: dict[str, CaseTypeScore]
    file: NotRequired[str]


def score_case(rows: Sequence[tuple[str, str, str]], roots: Sequence[Sequence[str]]) -> CaseReport:
    mapping = case_mapping()
    typed, none_kind = Counter[str](), Counter[str]()
    per_type: dict[str, Counter[str]] = {}
    for (_, _, name), found in zip(rows, roots, strict=True):
        kind = mapping.get(name)
        if kind is None:
            continue
        if kind.kind == "none":
            none_kind["snippets"] += 1
            none_kind["no_event"] += not found
            continue
        outcome = "compatible" if set(found) & set(kind.roots) else ("no_event" if not found else "incompatible")
        typed["snippets"] += 1
        typed[outcome] += 1
        per_type.setdefault(name, Counter[str]())[outcome] += 1
    share = lambda c, k: round(c[k] / c["snippets"], 3) if c["snippets"] else 0.0  # noqa: E731
    return {
        "typed_snippets": typed["snippets"],
        "compatible": share(typed, "compatible"),
        "no_event": share(typed, "no_event"),
        "only_incompatible": share(typed, "incompatible"),
        "other_snippets": none_kind["snippets"],
        "other_no_event": share(none_kind, "no_event"),
        "unscored_snippets": sum(1 for r in rows if r[2] not in mapping),
        "types": {n: {"snippets": sum(c.values()), "compatible": c["compatible"]} for n, c in sorted(per_type.items())},
    }


def evaluate_case(path: Path, coder: RootCoder) -> CaseReport:
    rows = read_case_tsv(path)
    return {**score_case(rows, coder([r[1] for r in rows])), "file": str(path)}


def pipeline_root_coder(settings: Any = None, *, min_confidence: float = 0.0) -> RootCoder:
    """The full default pipeline on each snippet, as given, as one article; with ``min_confidence``, only the events
    a reader filtering at that confidence sees count (the shipped default: ``config.DEFAULT_MIN_CONFIDENCE``)."""
    from ..nlp.pipeline import Pipeline
    from ..records import Analysis, Article
    from .realnews import PRODUCED_FACTUAL, scored_root

    pipeline = Pipeline(settings)

    def run(texts: Sequence[str]) -> list[Sequence[str]]:
        articles = [Article(id=f"case{i}", text=t, input=f"snippet {i}") for i, t in enumerate(texts)]
        out: list[Sequence[str]] = []
        for result in pipeline.analyze_many(articles):
            events = result.events if isinstance(result, Analysis) else ()
            out.append([scored_root(e.root_code, e.modality) for e in events
                        if e.modality in PRODUCED_FACTUAL and e.confidence >= min_confidence])
        return out

    return run
