"""Where an ingest's CPU goes: each spaCy component of bare ``nlp.pipe`` and of wirescope's pipeline, and each stage.

One process, the same texts, alternating rounds (bare, wirescope, bare, ...). Each model component runs over all the
texts before the next one starts (``component.pipe`` over the previous component's docs, the batch size of each
mode: bare ``nlp.pipe``'s 32 and a worker's piece, ``runners/workers.WORKER_PIECE``), so its CPU time is its own; the
docs are those ``nlp.pipe`` gives. The wirescope run parses each title the events stage codes apart from its text in
the text's batch, as the pipeline does (``nlp/title_docs.py``), then runs the stages on every document, each timed.

The table says which part of the model the ingest's time is in, so which of issue 20's routes can reach <= 1.0x:
selective parsing can save at most the parser's share times the share of sentences no stage needs
(``benchmarks/ingest.py --parse needed`` reports that share).

    python benchmarks/components.py [--corpus ../shared/data/corpora/bbc2225.jsonl] [--limit 150] [--rounds 2]
    python benchmarks/components.py --piece 32     # wirescope's model in bare nlp.pipe's batches

The first ``--limit`` articles of the corpus (bbc2225's first 400 are business 001-400).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from common import DEFAULT_DATA, machine_line
from ingest import _articles, bare_nlp


def _components(nlp: Any, texts: list[str], batch_size: int) -> tuple[dict[str, float], list[Any]]:
    """CPU seconds of the tokenizer and of each component over ``texts``, one component after another."""
    spent: dict[str, float] = {}
    cpu = time.process_time()
    docs = [nlp.make_doc(text) for text in texts]
    spent["tokenizer"] = time.process_time() - cpu
    for name, component in nlp.pipeline:
        cpu = time.process_time()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=batch_size))
        else:
            docs = [component(doc) for doc in docs]
        spent[name] = time.process_time() - cpu
    return spent, docs


def _wirescope(pipeline: Any, articles: list[Any], batch_size: int) -> dict[str, float]:
    """CPU seconds of wirescope's model components (titles included) and of each stage."""
    from wirescope.nlp import title_docs
    from wirescope.nlp.pipeline import model_text, sentences_of
    from wirescope.records import Analysis

    texts, owners = [], []
    for n, article in enumerate(articles):
        title = title_docs.to_parse(article)
        if title is not None:
            texts.append(title)
            owners.append(-1 - n)  # the title of article n
        texts.append(model_text(article.text))
        owners.append(n)
    spent, docs = _components(pipeline.nlp, texts, batch_size)
    titles: dict[int, Any] = {}
    stages: dict[str, float] = defaultdict(float)
    for doc, owner in zip(docs, owners, strict=True):
        if owner < 0:
            titles[-1 - owner] = doc
            continue
        article = articles[owner]
        if owner in titles:
            title_docs.attach(doc, titles.pop(owner))
        analysis = Analysis(article=article, provenance=pipeline.provenance, sentences=sentences_of(doc, article.id))
        for stage in pipeline.stages:
            cpu = time.process_time()
            analysis = stage(doc, analysis)
            stages[f"stage {stage.name}"] += time.process_time() - cpu
    return {**spent, **stages}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_DATA / "corpora" / "bbc2225.jsonl")
    parser.add_argument("--limit", type=int, default=150, help="the first N articles")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--piece", type=int, default=None,
                        help="wirescope's batch size (default: a worker's piece, runners/workers.WORKER_PIECE)")
    args = parser.parse_args()

    from wirescope.config import Settings
    from wirescope.nlp.pipeline import Pipeline
    from wirescope.runners.memory import collect_less
    from wirescope.runners.workers import WORKER_PIECE

    print(machine_line())
    articles = [a for a in _articles(args.corpus, args.limit) if a.is_english]
    settings = Settings()
    bare, pipeline = bare_nlp(settings), Pipeline(settings)
    collect_less()  # as in an ingest worker (runners/memory.py)
    piece = args.piece or min(settings.batch_size, WORKER_PIECE)
    # warm: lazily built tables, caches and dictionaries are built outside the timing, as in a long-running worker
    _components(bare, [a.text for a in articles[:8]], 32)
    _wirescope(pipeline, articles[:8], piece)
    rounds: dict[str, list[dict[str, float]]] = {"bare": [], "wirescope": []}
    for _ in range(args.rounds):
        rounds["bare"].append(_components(bare, [a.text for a in articles], 32)[0])
        rounds["wirescope"].append(_wirescope(pipeline, articles, piece))
    _report(args, articles, rounds, piece)


def _report(args: argparse.Namespace, articles: list[Any], rounds: dict[str, list[dict[str, float]]],
            piece: int) -> None:
    median = {mode: {name: statistics.median(r[name] for r in runs) for name in runs[0]}
              for mode, runs in rounds.items()}
    total = {mode: sum(parts.values()) for mode, parts in median.items()}
    print(f"corpus: {args.corpus.name}, {len(articles)} articles; one process; median of {args.rounds} rounds; "
          f"bare batches of 32, wirescope batches of {piece} (a worker's piece)")
    print(f"{'part':34s} {'bare CPU s':>10s} {'share':>6s} {'wirescope CPU s':>16s} {'share':>6s}")
    names = list(dict.fromkeys([*median["bare"], *median["wirescope"]]))
    for name in names:
        b, w = median["bare"].get(name), median["wirescope"].get(name)
        bare_cols = f"{b:10.2f} {100 * b / total['bare']:5.1f}%" if b is not None else f"{'':10s} {'':6s}"
        wire_cols = f"{w:16.2f} {100 * w / total['wirescope']:5.1f}%" if w is not None else ""
        print(f"{name:34s} {bare_cols} {wire_cols}")
    stages = sum(v for k, v in median["wirescope"].items() if k.startswith("stage "))
    model = total["wirescope"] - stages
    print(f"{'total':34s} {total['bare']:10.2f} {'':6s} {total['wirescope']:16.2f}")
    print(f"wirescope: model {model:.2f} s ({model / total['bare']:.2f}x bare's), stages {stages:.2f} s "
          f"(+{100 * stages / total['bare']:.1f}% of bare's total); all {total['wirescope'] / total['bare']:.2f}x "
          "bare's CPU in one process (an ingest adds its parent's reading, deduplication and store writes; bare "
          "nlp.pipe with workers adds sending every Doc back)")


if __name__ == "__main__":
    main()
