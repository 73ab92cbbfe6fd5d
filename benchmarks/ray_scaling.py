"""Ray engine scaling: articles/s of `ingest --engine ray` with 1 and 2 local Ray workers next to the local engine,
on the same corpus slice in the same run.

    python benchmarks/ray_scaling.py --corpus ../shared/data/corpora/bbc2225.jsonl [--limit 400] [--workers 1,2]

Each configuration runs in a fresh subprocess (the local engine) or a fresh local Ray instance with as many CPUs
as workers. Wall time covers everything a user waits for after the engine starts: model loading in every worker,
reading, analysis and writing (a DuckDB store for the local engine, Parquet partitions for Ray), so a run with two
workers also pays two model loads. Ray's own start-up (``ray.init``) is reported apart. The per-worker rate comes
from the time workers spent inside partitions: the figure to size a cluster with.

Targets: >= 1.8x from 1 to 2 workers on a 2-core machine; Ray with 1 worker at most 15% slower than the local engine.
On a machine shared with other jobs the figures drift; the load average before and after is printed with them.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wirescope.config import Settings

FULL_STAGES = "entities,times,places,events,quotes,locate"


def _slice(corpus: Path, limit: int, dest: Path) -> int:
    count = 0
    with corpus.open(encoding="utf-8") as src, dest.open("w", encoding="utf-8") as out:
        for line in src:
            if not line.strip():
                continue
            out.write(line)
            count += 1
            if count >= limit:
                break
    return count


def _settings(stages: str) -> Settings:
    from wirescope.config import Settings

    return Settings(stages=tuple(s for s in stages.split(",") if s))


def run_local(path: str, stages: str, db: str) -> dict[str, float]:
    """In a subprocess: the local engine end to end, model loading included."""
    from wirescope.runners.local import ingest
    from wirescope.store import Store

    started = time.perf_counter()
    with Store(db) as store:
        report = ingest([path], store, _settings(stages))
    return {"articles": report.new, "seconds": time.perf_counter() - started}


def run_ray(path: str, stages: str, out: str, workers: int, partition_size: int) -> dict[str, float]:
    import ray

    from wirescope.runners.ray import run_ray_ingest

    started = time.perf_counter()
    ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
    init = time.perf_counter() - started
    try:
        started = time.perf_counter()
        report = run_ray_ingest([path], _settings(stages), workers=workers, out=out, partition_size=partition_size)
        seconds = time.perf_counter() - started
    finally:
        ray.shutdown()
    busy = _busy_seconds(out)
    return {
        "articles": report.new,
        "seconds": seconds,
        "ray_init": init,
        "partitions": report.processed,
        "worker_rate": report.new / busy if busy else 0.0,
    }


def _busy_seconds(out: str) -> float:
    """Seconds workers spent inside partitions, from the completion markers' write times and counts."""
    from wirescope.runners.parquet import Output

    markers = Output(out).markers()
    return sum(float(m.get("seconds", 0.0)) for m in markers)


def _subprocess(kind: str, *args: str) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", kind, *args]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} run failed:\n{done.stderr[-3000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _versions() -> str:
    import importlib.metadata as md

    names = ("wirescope", "spacy", "ray", "duckdb", "pyarrow")
    found = []
    for name in names:
        try:
            found.append(f"{name} {md.version(name)}")
        except md.PackageNotFoundError:
            found.append(f"{name} -")
    return ", ".join(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path("../shared/data/corpora/bbc2225.jsonl"))
    parser.add_argument("--limit", type=int, default=400, help="articles from the start of the corpus")
    parser.add_argument("--workers", default="1,2", help="comma-separated Ray worker counts")
    parser.add_argument("--partition-size", type=int, default=25)
    parser.add_argument("--stages", default=FULL_STAGES)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "local":
            result = run_local(rest[0], rest[1], rest[2])
        else:
            result = run_ray(rest[0], rest[1], rest[2], int(rest[3]), int(rest[4]))
        print(json.dumps(result))
        return
    if not args.corpus.is_file():
        raise SystemExit(
            f"corpus {args.corpus} not found; pass --corpus PATH (e.g. ../shared/data/corpora/bbc2225.jsonl)"
        )
    workers = [int(w) for w in args.workers.split(",") if w.strip()]
    tmp = Path(tempfile.mkdtemp(prefix="ray_scaling_"))
    try:
        sliced = tmp / "corpus.jsonl"
        n = _slice(args.corpus, args.limit, sliced)
        load_before = os.getloadavg()
        results: dict[str, dict[str, float]] = {}
        results["local"] = _subprocess("local", str(sliced), args.stages, str(tmp / "local.duckdb"))
        for w in workers:
            results[f"ray-{w}"] = _subprocess(
                "ray", str(sliced), args.stages, str(tmp / f"out-{w}"), str(w), str(args.partition_size)
            )
        load_after = os.getloadavg()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    rates = {k: v["articles"] / v["seconds"] for k, v in results.items()}
    summary: dict[str, object] = {
        "machine": f"{platform.platform()}, {os.cpu_count()} CPUs, load {load_before[0]:.1f} -> {load_after[0]:.1f}",
        "versions": _versions(),
        "corpus": f"{args.corpus.name}, first {n} articles",
        "stages": args.stages,
        "results": results,
        "articles_per_s": rates,
    }
    if "ray-1" in rates and "ray-2" in rates:
        summary["scaling_1_to_2"] = rates["ray-2"] / rates["ray-1"]
    if "ray-1" in rates:
        summary["overhead_vs_local"] = results["ray-1"]["seconds"] / results["local"]["seconds"] - 1
    if args.json:
        print(json.dumps(summary, indent=1))
        return
    print(f"machine : {summary['machine']}")
    print(f"versions: {summary['versions']}")
    print(f"corpus  : {summary['corpus']}; stages {args.stages}; partition size {args.partition_size}")
    print(f"{'engine':<8} {'articles':>8} {'seconds':>8} {'articles/s':>10} {'per worker/s':>12} {'ray.init s':>10}")
    for name, r in results.items():
        per_worker = r.get("worker_rate", rates[name])
        init = f"{r['ray_init']:.1f}" if "ray_init" in r else "-"
        print(
            f"{name:<8} {int(r['articles']):>8} {r['seconds']:>8.1f} {rates[name]:>10.2f} {per_worker:>12.2f} "
            f"{init:>10}"
        )
    scaling, overhead = summary.get("scaling_1_to_2"), summary.get("overhead_vs_local")
    if isinstance(scaling, float):
        print(f"scaling 1 -> 2 workers: {scaling:.2f}x (target >= 1.8x)")
    if isinstance(overhead, float):
        print(f"Ray 1 worker vs local engine: {overhead:+.1%} wall time (target <= +15%)")


if __name__ == "__main__":
    main()
