"""Why the coder coded what it coded: per event the sentence, the parse path from the trigger to each actor, the
rules that fired and the dictionary entries used (``wirescope analyze --explain``); and how often each rule fires on
a corpus (``wirescope rules --stats``)."""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .rules import PHASES, rule, rule_ids

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...records import Analysis, Article, Event
    from ..pipeline import Pipeline
    from ..stages.events import EventStage


@dataclass(frozen=True, slots=True)
class Explanation:
    """How one event was coded."""

    event: Event
    paths: tuple[str, ...]  # "source: killed <nsubj US", "target: killed >dobj commander"
    rules: tuple[tuple[str, str], ...]  # (rule id, phase) or (mark, its stage) for a mark no coder rule made
    entries: tuple[tuple[str, str], ...]  # (entry id, entry text or "")

    def lines(self) -> list[str]:
        e = self.event
        src = e.source.code if e.source else "-"
        tgt = e.target.code if e.target else "-"
        out = [f"{e.code} {src} -> {tgt} {e.modality} conf {e.confidence}  trigger {e.trigger.text!r}",
               f"  sentence {e.sentence}: {e.sentence_text}"]
        out += [f"  parse    {p}" for p in self.paths]
        out += [f"  rule     {rid}  ({phase})" if phase in PHASES else f"  {phase:<8} {rid}"
                for rid, phase in self.rules]
        out += [f"  entry    {eid}  {text}" for eid, text in self.entries]
        return out


def events_stage(pipeline: Pipeline) -> EventStage:
    from ...errors import ConfigError

    stage = next((s for s in pipeline.stages if s.name == "events"), None)
    if stage is None:
        raise ConfigError("the pipeline has no events stage; add 'events' to --stages")
    return stage  # type: ignore[return-value]


def explain(pipeline: Pipeline, analysis: Analysis) -> list[Explanation]:
    """An explanation of every event of an analysis made by ``pipeline`` (the parse is made again, as the
    pipeline made it for a text analysed in one piece)."""
    stage = events_stage(pipeline)
    return explain_events(pipeline.nlp(analysis.article.text), analysis.events, stage.coder.entry_texts)


def explain_events(doc: Doc, events: Sequence[Event], entry_texts: Mapping[str, str]) -> list[Explanation]:
    """Explanations of ``events`` coded from ``doc``; ``entry_texts`` gives the text of a dictionary entry id."""
    out = []
    for e in events:
        trigger = _token(doc, e.trigger.start, e.trigger.end)
        paths = []
        for role, actor in (("source", e.source), ("target", e.target)):
            head = _token(doc, actor.start, actor.end) if actor is not None else None
            if trigger is not None and head is not None:
                paths.append(f"{role}: {parse_path(trigger, head)}")
        rules = tuple((rid, trace_phase(rid)) for rid in e.trace)
        entries = tuple((k, entry_texts.get(k, "")) for k in e.dictionary_entries)
        out.append(Explanation(e, tuple(paths), rules, entries))
    return out


def trace_phase(trace_id: str) -> str:
    """The phase of a coder rule, or for a mark a later stage left in the trace (the verifier's
    ``verify.calibrated``) the mark's own prefix ("verify"): the trace records what changed an event, and not every
    change is the coder's, so an id outside the registry is shown under its stage, not taken for a misspelt rule."""
    if trace_id in _coder_rules():
        return rule(trace_id).phase
    return trace_id.split(".", 1)[0]


@functools.cache
def _coder_rules() -> frozenset[str]:
    return frozenset(rule_ids())


def _token(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def parse_path(a: Token, b: Token) -> str:
    """The dependency path from ``a`` to ``b``: up ("<nsubj") to their lowest common ancestor, then down (">dobj"):
    "killed >prep in >pobj strike >compound US"."""
    up = [a, *a.ancestors]
    down = [b, *b.ancestors]
    common = next((t for t in up if t in down), None)
    if common is None:
        return f"{a.text} ... {b.text} (not in one sentence)"
    steps = [a.text]
    for t in up[: up.index(common)]:
        steps.append(f"<{t.dep_} {t.head.text}")
    for t in reversed(down[: down.index(common)]):
        steps.append(f">{t.dep_} {t.text}")
    return " ".join(steps)


def rule_stats(pipeline: Pipeline, articles: Iterable[Article]) -> tuple[Counter[str], int, int]:
    """(firings by rule id, articles analysed, articles failed) of the pipeline's event coder over ``articles``."""
    from ...records import Failure

    coder = events_stage(pipeline).coder
    start = Counter(coder.firings)
    done = failed = 0
    for result in pipeline.analyze_many(articles):
        if isinstance(result, Failure):
            failed += 1
        else:
            done += 1
    return coder.firings - start, done, failed


def read_ids(path: Path, part: str | None = None) -> frozenset[str]:
    """The article ids listed in ``path``: a text file of one id a line, a JSON list, or a JSON object of named
    lists (a split file such as ``data/voa2025/split.json``), of which ``part`` names the list to take."""
    from ...errors import ConfigError

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the ids: {exc}") from exc
    if not text.lstrip().startswith(("[", "{")):
        return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ConfigError(f"{path}: not valid JSON: {exc}") from exc
    if isinstance(data, dict):
        if part not in data or not isinstance(data[part], list):
            lists = ", ".join(k for k, v in data.items() if isinstance(v, list))
            raise ConfigError(f"{path} holds named lists of ids; pass --part with one of {lists}")
        data = data[part]
    return frozenset(str(x) for x in data)


def selected(articles: Iterable[Article], ids: frozenset[str]) -> Iterator[Article]:
    """The articles whose id, or the ``id`` field of the input record they were read from, is in ``ids`` (a split
    names stories by their record's id, not by wirescope's id, a hash of the text)."""
    for a in articles:
        if a.id in ids or _record_id(a.raw) in ids:
            yield a


def _record_id(raw: str) -> str | None:
    try:
        record = json.loads(raw)
    except ValueError:
        return None
    return str(record["id"]) if isinstance(record, dict) and "id" in record else None


def stats_rows(counts: Counter[str], ids: Sequence[str]) -> list[dict[str, str | int]]:
    """One row per rule in registration order, with how often it fired (0 included)."""
    return [{"rule": rid, "phase": rule(rid).phase, "fired": counts.get(rid, 0)} for rid in ids]
