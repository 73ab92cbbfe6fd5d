"""Ingest throughput: `wirescope ingest` (read, dedup, spaCy, stages, store writes) next to bare `nlp.pipe`.

Both run in fresh subprocesses on the same texts with the same model, components and worker count, alternating
(bare, wirescope, bare, wirescope, ...) so drift on a shared machine hits both; the best round of each is reported.
Model loading is excluded from both timings; peak RSS is each subprocess's own maximum.

    python benchmarks/ingest.py --corpus ../shared/data/corpora/bbc2225.jsonl [--limit N] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _texts(corpus: Path, limit: int | None) -> list[dict[str, str]]:
    rows = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_bare(corpus: Path, limit: int | None, settings_json: str) -> dict[str, float]:
    from wirescope.config import Settings
    from wirescope.ingest.normalize import normalize_text
    from wirescope.nlp.pipeline import Pipeline

    settings = Settings(**json.loads(settings_json))
    nlp = Pipeline(settings).nlp  # the same components as wirescope (entity ruler included)
    texts = [normalize_text(r.get("text", "")) for r in _texts(corpus, limit)]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.n_process):
        pass
    elapsed = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    return {"articles": len(texts), "words": words, "seconds": elapsed, "peak_rss_mb": _peak_rss_mb()}


def run_wirescope(corpus: Path, limit: int | None, settings_json: str) -> dict[str, float]:
    from wirescope.config import Settings
    from wirescope.nlp.pipeline import Pipeline
    from wirescope.runners.local import ingest
    from wirescope.store import Store

    settings = Settings(**json.loads(settings_json))
    pipeline = Pipeline(settings)
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "corpus.jsonl"
        with subset.open("w", encoding="utf-8") as fh:
            for row in _texts(corpus, limit):
                fh.write(json.dumps(row) + "\n")
        with Store(Path(tmp) / "bench.duckdb") as store:
            start = time.perf_counter()
            report = ingest([str(subset)], store, settings, pipeline=pipeline)
            elapsed = time.perf_counter() - start
    return {"articles": report.new, "words": report.words, "seconds": elapsed, "peak_rss_mb": _peak_rss_mb(),
            "duplicates": report.duplicates, "near_duplicates": report.near_duplicates, "failed": report.failed}


def _child(mode: str, args: argparse.Namespace, settings_json: str) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--corpus", str(args.corpus), "--mode", mode, "--settings", settings_json]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True, help="JSON Lines with a text field, e.g. "
                        "../shared/data/corpora/bbc2225.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--stages", default=None, help="comma-separated stages (default: the default stages)")
    parser.add_argument("--mode", choices=["bare", "wirescope"], help=argparse.SUPPRESS)
    parser.add_argument("--settings", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.corpus.exists():
        parser.error(f"corpus {args.corpus} not found (the shared data folder is ../shared/data)")
    if args.mode:
        runner = run_bare if args.mode == "bare" else run_wirescope
        print(json.dumps(runner(args.corpus, args.limit, args.settings)))
        return

    from wirescope import __version__
    from wirescope.config import DEFAULT_STAGES, Settings

    stages = tuple(args.stages.split(",")) if args.stages else DEFAULT_STAGES
    settings = Settings(stages=stages, n_process=args.n_process, batch_size=args.batch_size)
    settings_json = json.dumps({"stages": list(stages), "n_process": args.n_process, "batch_size": args.batch_size,
                                "model": settings.model})
    results: dict[str, list[dict[str, float]]] = {"bare": [], "wirescope": []}
    for _ in range(args.rounds):
        for mode in ("bare", "wirescope"):
            results[mode].append(_child(mode, args, settings_json))
    import spacy

    print(f"machine: {platform.machine()} {os.cpu_count()} cpus · python {platform.python_version()} · "
          f"spaCy {spacy.__version__} · wirescope {__version__} · model {settings.model}")
    print(f"corpus: {args.corpus} ({results['bare'][0]['articles']:.0f} articles, "
          f"{results['bare'][0]['words']:.0f} words) · stages {','.join(stages)} · n_process {args.n_process} · "
          f"batch {args.batch_size} · best of {args.rounds} rounds")
    best = {mode: min(runs, key=lambda r: r["seconds"]) for mode, runs in results.items()}
    for mode, label in (("bare", "bare nlp.pipe"), ("wirescope", "wirescope ingest")):
        r = best[mode]
        print(f"{label:18s} {r['articles'] / r['seconds']:8.1f} articles/s {r['words'] / r['seconds']:10.0f} words/s "
              f"{r['seconds']:8.2f} s  peak RSS {r['peak_rss_mb']:.0f} MB")
    ratio = best["wirescope"]["seconds"] / best["bare"]["seconds"]
    print(f"wirescope ingest takes {ratio:.2f}x the time of bare spaCy ({(ratio - 1) * 100:+.1f}%; target <= +15%)")


if __name__ == "__main__":
    main()
