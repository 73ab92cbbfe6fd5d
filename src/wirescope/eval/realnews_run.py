"""Running the real-news evaluation: read the gold folder and its split, code the stories, score them."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import EvalError
from ..records import Article, Event
from .gold_stories import GoldStory, check_frozen, read_hashes, read_story, story_texts
from .realnews import Candidate, RealNewsReport, candidates_from, gold_as_candidates, listing, score

PARTS = ("tuning", "check", "all")


class CodedArticle(NamedTuple):
    """One article as coded: its events, and the start offset of each of the pipeline's sentences (so that an
    event's repeated mentions, sentence indexes of the pipeline, can be placed in the gold's sentences; empty when
    the coder has no sentences, and then repeats are not scored)."""

    events: Sequence[Event]
    sentence_starts: Sequence[int] = ()


# Codes a list of articles; returns each article as coded (same order).
EventCoder = Callable[[Sequence[Article]], list[CodedArticle]]


def _layout(gold_dir: Path, stories: Path | None, split: Path | None) -> tuple[Path, Path]:
    base = gold_dir.parent
    return stories or base / "voa_2025_dev.jsonl", split or base / "split.json"


def read_gold(gold_dir: Path, part: str = "all", *, stories_file: Path | None = None,
              split_file: Path | None = None) -> tuple[list[GoldStory], list[Article]]:
    """The gold stories of one part of the split and their articles (as ``ingest`` reads them)."""
    if part not in PARTS:
        raise EvalError(f"unknown part {part!r}; choose one of {', '.join(PARTS)}")
    if not gold_dir.is_dir():
        raise EvalError(f"{gold_dir} is not a folder of gold files")
    stories_path, split_path = _layout(gold_dir, stories_file, split_file)
    try:
        split = json.loads(split_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(f"{split_path}: cannot read the split: {exc}") from exc
    texts = story_texts(stories_path)
    files = sorted(gold_dir.glob("*.json"))
    problems = check_frozen(files, read_hashes(gold_dir / "HASHES"))
    if problems:
        raise EvalError("\n".join(problems))
    wanted = set(split["tuning"]) | set(split["check"]) if part == "all" else set(split[part])
    gold = [s for s in (read_story(f, texts) for f in files) if s.story in wanted]
    articles = _articles(stories_path, {s.article_id for s in gold})
    return gold, articles


def _articles(stories_path: Path, ids: set[str]) -> list[Article]:
    from ..ingest.tabular import read_jsonl

    content = stories_path.read_text(encoding="utf-8")
    return [a for a in read_jsonl(content, str(stories_path)) if isinstance(a, Article) and a.id in ids]


def pipeline_coder(settings: Any = None) -> EventCoder:
    """The coder as users get it: the full default pipeline."""
    from ..nlp.pipeline import Pipeline
    from ..records import Analysis

    pipeline = Pipeline(settings)

    def run(articles: Sequence[Article]) -> list[CodedArticle]:
        by_id: dict[str, CodedArticle] = {}
        for result in pipeline.analyze_many(articles):
            if not isinstance(result, Analysis):
                raise EvalError(f"the pipeline failed on a gold story: {result}")
            by_id[result.article.id] = CodedArticle(result.events, [s.start for s in result.sentences])
        return [by_id[a.id] for a in articles]

    return run


def evaluate_gold(gold_dir: Path, coder: EventCoder, part: str = "check", *, verbose: bool = False,
                  stories_file: Path | None = None, split_file: Path | None = None,
                  min_confidence: float = 0.0) -> RealNewsReport:
    """Score the coder on one part of the gold. Only events with a confidence of at least ``min_confidence`` count
    as produced (the others are as if the coder had not made them), as a reader filtering at that threshold sees
    the coder's output."""
    if not 0.0 <= min_confidence <= 1.0:
        raise EvalError(f"min_confidence must be in [0, 1], got {min_confidence}")
    gold, articles = read_gold(gold_dir, part, stories_file=stories_file, split_file=split_file)
    start = time.perf_counter()
    coded = dict(zip((a.id for a in articles), coder(articles), strict=True))
    elapsed = time.perf_counter() - start
    cands: dict[str, Sequence[Candidate]] = {}
    for s in gold:
        got = coded.get(s.article_id, CodedArticle(()))
        shown = [e for e in got.events if e.confidence >= min_confidence]
        cands[s.story] = candidates_from(s, shown, got.sentence_starts)
    out: RealNewsReport = {"part": part, **score(gold, cands), "seconds": round(elapsed, 2), "file": str(gold_dir)}
    if min_confidence > 0:
        out["min_confidence"] = min_confidence
    if verbose:
        out["listing"] = listing(gold, cands, {a.id: a.text for a in articles})
    return out


def agreement(gold_dir: Path, second_dir: Path) -> RealNewsReport:
    """The second annotator's stories scored against the first annotator's, with the scorer's matching."""
    stories_path, _ = _layout(gold_dir, None, None)
    texts = story_texts(stories_path)
    second = [read_story(f, texts) for f in sorted(second_dir.glob("*.json"))]
    first = {s.story: s for s in (read_story(gold_dir / f"{x.story}.json", texts) for x in second)}
    return score([first[s.story] for s in second], {s.story: gold_as_candidates(s) for s in second})
