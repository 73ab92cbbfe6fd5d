"""Pieces the stage benchmarks share: the machine line, the corpus slice and a timed foundation run.

A stage's cost is measured on the foundation's parsed docs in the same run, so drift on a shared machine hits the
reference and the stage alike.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
DEFAULT_DATA = REPO.parent / "shared" / "data"


def stage_arguments(doc: str | None, *, rounds: bool = False,
                    extra: Callable[[argparse.ArgumentParser], None] | None = None) -> argparse.Namespace:
    """``--limit`` (BBC articles) and ``--data`` (the shared data folder), the options every stage benchmark takes;
    with ``rounds``, ``--rounds`` too (a benchmark that alternates its measured runs and reports the median);
    ``extra(parser)`` adds a benchmark's own options."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="BBC articles to use")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (../shared/data)")
    if rounds:
        parser.add_argument("--rounds", type=int, default=3,
                            help="alternating rounds (reference, then the stage); the median share is the result")
    if extra:
        extra(parser)
    return parser.parse_args()


def machine_line() -> str:
    import spacy

    return (f"machine: {platform.machine()} {os.cpu_count()} cpus, load {os.getloadavg()[0]:.1f} · "
            f"python {platform.python_version()} · spacy {spacy.__version__}")


def read_texts(corpus: Path, limit: int | None) -> list[str]:
    """The ``text`` field of the first ``limit`` records of a JSON Lines corpus."""
    texts: list[str] = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if limit and len(texts) >= limit:
                break
    print(f"corpus: {corpus.name}, {len(texts)} articles, {sum(len(t.split()) for t in texts)} words")
    return texts


def settle_as_worker() -> None:
    """Collect the garbage as an ingest worker does once its pipeline is loaded (runners/workers.py): what is loaded
    so far (model, dictionaries, the verifier) is frozen out of later collections and the young generation is
    collected less often. With Python's defaults a full collection walks the coder's dictionaries (about 0.2 s each)
    and falls on whichever stage happens to trigger it, which the ingest never pays."""
    import gc

    from wirescope.runners.memory import collect_less

    gc.collect()
    gc.freeze()
    collect_less()


@dataclass
class Foundation:
    pipeline: Any
    docs: list[Any]
    analyses: list[Any]
    seconds: float

    def time_stage(self, stage: Callable[[Any, Any], Any]) -> tuple[float, list[Any]]:
        """Run ``stage(doc, analysis)`` over the foundation's output; (seconds, results)."""
        start = time.perf_counter()
        results = [stage(doc, a) for doc, a in zip(self.docs, self.analyses, strict=True)]
        return time.perf_counter() - start, results


def run_foundation(texts: list[str], *, published: date | None = None,
                   configure: Callable[[Any], None] | None = None, as_worker: bool = False) -> Foundation:
    """spaCy + the entities stage over ``texts``, timed. ``configure(nlp)`` adds components first; ``as_worker``
    collects the garbage as an ingest worker does once its pipeline is loaded (``settle_as_worker``)."""
    from wirescope import Settings
    from wirescope.nlp.pipeline import Pipeline, sentences_of
    from wirescope.records import Analysis, Article

    pipe = Pipeline(Settings(stages=("entities",)))
    if configure:
        configure(pipe.nlp)
    if as_worker:
        settle_as_worker()
    start = time.perf_counter()
    docs = list(pipe.nlp.pipe(texts, batch_size=32))
    analyses = []
    for i, doc in enumerate(docs):
        article = Article(id=str(i), text=texts[i], published=published)
        analysis = Analysis(article=article, provenance=pipe.provenance, sentences=sentences_of(doc, article.id))
        for stage in pipe.stages:
            analysis = stage(doc, analysis)
        analyses.append(analysis)
    seconds = time.perf_counter() - start
    print(f"foundation pipeline (spaCy + entities): {seconds:.2f} s ({len(texts) / seconds:.1f} articles/s)")
    return Foundation(pipe, docs, analyses, seconds)
