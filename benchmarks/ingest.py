"""Ingest throughput: the default `wirescope ingest` (read, dedup, spaCy, every stage, store writes) next to bare
`nlp.pipe` of the full default model (the parser on every sentence, plus wirescope's entity rulers).

Both run in fresh subprocesses on the same texts with the same worker count (default: wirescope's default, every
usable core memory permitting), alternating (bare, wirescope, bare, wirescope, ...) so drift on a shared machine
hits both; the best round of each is reported, with the load average at its start. Model loading and worker start
are excluded from both timings. Peak memory is sampled over each run's whole process tree (the subprocess and every
descendant: spaCy's ``n_process`` children, wirescope's worker processes): the peak of the summed RSS, and of the
summed PSS, which counts pages shared after a fork once: the figure to compare, as both trees fork from a process
holding the model (bare spaCy's ``n_process`` children from its parent, wirescope's workers from the fork server that
preloads the pipeline, ``runners/preload.py``). Each process's PSS at that peak is printed too (parent, fork server,
workers, multiprocessing's resource tracker), to show where the memory is.

    python benchmarks/ingest.py --corpus ../shared/data/corpora/bbc2225.jsonl [--limit N] [--rounds 2]
    python benchmarks/ingest.py --corpus ../shared/data/corpora/guardian_sdf_2017_2019.csv
    python benchmarks/ingest.py --corpus ... --parse needed     # wirescope with selective parsing

The share of sentences parsed is printed for the mode measured, and the share the stages declare they need (what
``--parse needed`` parses: ``nlp/parsing.py``), counted once after the timed rounds on the same texts.

Any corpus wirescope reads works (JSON Lines, CSV, ...): the articles are read with wirescope's readers, before
the timing, in both modes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def _articles(corpus: Path, limit: int | None) -> list[Any]:
    from wirescope.ingest.sources import read_inputs
    from wirescope.records import Article

    out = []
    for item in read_inputs([str(corpus)]):
        if isinstance(item, Article):
            out.append(item)
        if limit and len(out) >= limit:
            break
    return out


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (from /proc's children lists)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                todo += [int(c) for c in Path(f"/proc/{p}/task/{task}/children").read_text().split()]
        except OSError:
            continue
    return out


def _memory(pids: list[int]) -> tuple[int, int, dict[int, int]]:
    """Summed (RSS, PSS) in kB of ``pids`` (processes that ended meanwhile count nothing), and each one's PSS."""
    rss = pss = 0
    each: dict[int, int] = {}
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    each[p] = int(line.split()[1])
                    pss += each[p]
        except (OSError, ValueError):
            continue
    return rss, pss, each


def _role(pid: int, root: int) -> str:
    """What a process of a run's tree is: the run's own process, multiprocessing's fork server or resource tracker,
    or a worker (a child of the run or of the fork server)."""
    if pid == root:
        return "parent"
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
        ppid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return "ended"
    if b"resource_tracker" in cmd:
        return "resource tracker"
    if b"forkserver" in cmd and ppid == root:
        return "fork server"
    return "worker"


def tree_cpu() -> float:
    """CPU seconds (user + system) of this process, its waited-for children and its live descendants: a measure
    of the work done that a busy shared machine distorts less than wall time."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = own.ru_utime + own.ru_stime + reaped.ru_utime + reaped.ru_stime
    tick = os.sysconf("SC_CLK_TCK")
    for pid in _tree(os.getpid())[1:]:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


class TreeMemory:
    """Samples the summed memory of a process tree every ``interval`` seconds and keeps the peaks."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid, self.interval = pid, interval
        self.peak_rss = self.peak_pss = 0
        self.at_peak: list[tuple[str, int]] = []  # each process's role and PSS (kB) when the summed PSS peaked
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            rss, pss, each = _memory(_tree(self.pid))
            self.peak_rss = max(self.peak_rss, rss)
            if pss > self.peak_pss:  # roles read now: the processes may be gone when the run is reported
                self.peak_pss, self.at_peak = pss, [(_role(p, self.pid), kb) for p, kb in each.items()]
            self._stop.wait(self.interval)

    def roles_at_peak(self) -> list[tuple[str, float]]:
        """(role, PSS in MB) of each process at the summed-PSS peak, the run's own process first."""
        order = ("parent", "fork server", "worker", "resource tracker", "ended")
        return sorted(((role, kb / 1024) for role, kb in self.at_peak), key=lambda r: (order.index(r[0]), -r[1]))

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def bare_nlp(settings: Any) -> Any:
    """The full default model as spaCy ships it, with the entity rulers wirescope's stages add (the parser on every
    sentence; no sentence recogniser, paragraph boundaries or parse selection)."""
    from wirescope.nlp.pipeline import load_model
    from wirescope.nlp.stages import build_stage

    nlp = load_model(settings.model)
    for name in settings.stages:
        build_stage(name, settings).configure_nlp(nlp)
    return nlp


def run_bare(corpus: Path, limit: int | None, settings_json: str) -> dict[str, Any]:
    from wirescope.config import Settings

    settings = Settings(**json.loads(settings_json))
    nlp = bare_nlp(settings)
    texts = [a.text for a in _articles(corpus, limit)]
    cpu, start = tree_cpu(), time.perf_counter()
    sentences = 0
    for doc in nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.n_process):
        sentences += sum(1 for _ in doc.sents)
    elapsed = time.perf_counter() - start
    return {"articles": len(texts), "words": sum(len(t.split()) for t in texts), "seconds": elapsed,
            "cpu": tree_cpu() - cpu, "sentences": sentences, "pipes": nlp.pipe_names}


def run_wirescope(corpus: Path, limit: int | None, settings_json: str) -> dict[str, Any]:
    from wirescope.config import Settings
    from wirescope.runners.local import ingest_articles
    from wirescope.runners.startup import open_pipeline
    from wirescope.runners.workers import WorkerPool
    from wirescope.store import Store

    settings = Settings(**json.loads(settings_json))
    articles = _articles(corpus, limit)
    # the engine the default ingest builds (runners/local.py), started before the timing as bare spaCy's model is
    engine: Any
    if settings.n_process > 1:
        engine = WorkerPool(settings, settings.n_process)
        engine.start()
    else:
        engine = open_pipeline(settings)
    try:
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
            cpu, start = tree_cpu(), time.perf_counter()
            report = ingest_articles(iter(articles), store, settings, pipeline=engine)
            elapsed = time.perf_counter() - start
            cpu = tree_cpu() - cpu
    finally:
        close = getattr(engine, "close", None)
        if close is not None:
            close()
    return {"articles": report.new, "words": report.words, "seconds": elapsed, "cpu": cpu,
            "pipes": getattr(engine, "nlp", None) and engine.nlp.pipe_names, "duplicates": report.duplicates,
            "near_duplicates": report.near_duplicates, "failed": report.failed}


def run_share(corpus: Path, limit: int | None, settings_json: str) -> dict[str, Any]:
    """Sentences the stages declare they need a parse of (``parse="needed"``), over the same texts; untimed."""
    from dataclasses import replace

    from wirescope.config import Settings
    from wirescope.nlp.parsing import parsed_sentences
    from wirescope.nlp.pipeline import Pipeline, model_text

    settings = replace(Settings(**json.loads(settings_json)), parse="needed", n_process=1)
    pipeline = Pipeline(settings)
    texts = [model_text(a.text) for a in _articles(corpus, limit) if a.is_english]
    total = parsed = 0
    for doc in pipeline.nlp.pipe(texts, batch_size=settings.batch_size):
        chosen = parsed_sentences(doc)
        for sent in doc.sents:
            if sent.text.strip():
                total += 1
                parsed += chosen is None or sent.start in chosen
    return {"sentences": total, "parsed": parsed, "mode": pipeline.parse_mode}


def _child(mode: str, args: argparse.Namespace, settings_json: str) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--corpus", str(args.corpus), "--mode", mode, "--settings", settings_json]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(cmd, stdout=out, text=True)
        with TreeMemory(proc.pid) as memory:
            code = proc.wait()
        if code != 0:
            raise SystemExit(f"the {mode} run failed (exit status {code})")
        out.seek(0)
        result = dict(json.loads(out.read().strip().splitlines()[-1]))
    result.update(peak_rss_mb=memory.peak_rss / 1024, peak_pss_mb=memory.peak_pss / 1024, load=load,
                  pss_by_process=memory.roles_at_peak())
    return result


def main() -> None:
    from wirescope.runners.workers import default_workers

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True, help="a corpus wirescope reads (JSON Lines, CSV, ...)"
                        ", e.g. ../shared/data/corpora/bbc2225.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--n-process", type=int, default=default_workers(),
                        help="worker processes for both (default: wirescope ingest's default)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--stages", default=None, help="comma-separated stages (default: the default stages)")
    parser.add_argument("--parse", choices=["all", "needed"], default=None,
                        help="wirescope's parse setting (default: wirescope's default); bare spaCy always parses all")
    parser.add_argument("--mode", choices=["bare", "wirescope", "share"], help=argparse.SUPPRESS)
    parser.add_argument("--settings", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.corpus.exists():
        parser.error(f"corpus {args.corpus} not found (the shared data folder is ../shared/data)")
    if args.mode:
        runner = {"bare": run_bare, "wirescope": run_wirescope, "share": run_share}[args.mode]
        print(json.dumps(runner(args.corpus, args.limit, args.settings)))
        return
    report(args)


def report(args: argparse.Namespace) -> None:
    from wirescope import __version__
    from wirescope.config import DEFAULT_STAGES, Settings

    stages = tuple(args.stages.split(",")) if args.stages else DEFAULT_STAGES
    settings = Settings(stages=stages, n_process=args.n_process, batch_size=args.batch_size,
                        parse=args.parse or Settings().parse)
    settings_json = json.dumps({"stages": list(stages), "n_process": args.n_process, "batch_size": args.batch_size,
                                "model": settings.model, "parse": settings.parse})
    results: dict[str, list[dict[str, Any]]] = {"bare": [], "wirescope": []}
    for _ in range(args.rounds):
        for mode in ("bare", "wirescope"):
            results[mode].append(_child(mode, args, settings_json))
    share = _child("share", args, settings_json)
    import spacy

    bare0 = results["bare"][0]
    print(f"machine: {platform.machine()} {os.cpu_count()} cpus · python {platform.python_version()} · "
          f"spaCy {spacy.__version__} · wirescope {__version__} · model {settings.model}")
    print(f"corpus: {args.corpus} ({bare0['articles']:.0f} articles, {bare0['words']:.0f} words, "
          f"{bare0['sentences']} sentences by the parser) · stages {','.join(stages)} · {args.n_process} worker "
          f"processes each · batch {args.batch_size} · best of {args.rounds} rounds")
    print(f"bare components: {', '.join(bare0['pipes'])}")
    needed = share["parsed"] / max(1, share["sentences"])
    measured = 1.0 if settings.parse == "all" else needed
    print(f"wirescope parse={settings.parse}: {measured:.1%} of sentences parsed; the stages declare a need for "
          f"{share['parsed']} of {share['sentences']} sentences of the sentence recogniser ({needed:.1%}, what "
          "parse=needed parses)")
    for mode, label in (("bare", "bare nlp.pipe"), ("wirescope", "wirescope ingest")):
        for i, r in enumerate(results[mode]):
            print(f"  round {i + 1} {label:17s} {r['seconds']:7.2f} s  CPU {r['cpu']:7.2f} s  "
                  f"tree peak RSS {r['peak_rss_mb']:6.0f} MB  "
                  f"PSS {r['peak_pss_mb']:6.0f} MB  load {r['load']:.2f}")
    # where the memory is: each process's PSS when its run's summed PSS peaked (the round with the larger peak)
    for mode, label in (("bare", "bare nlp.pipe"), ("wirescope", "wirescope ingest")):
        top = max(results[mode], key=lambda r: r["peak_pss_mb"])
        parts = ", ".join(f"{role} {mb:.0f}" for role, mb in top["pss_by_process"])
        print(f"  {label:17s} PSS at its peak by process (MB): {parts}")
    best = {mode: min(runs, key=lambda r: r["seconds"]) for mode, runs in results.items()}
    for mode, label in (("bare", "bare nlp.pipe"), ("wirescope", "wirescope ingest")):
        r = best[mode]
        print(f"{label:18s} {r['articles'] / r['seconds']:8.1f} articles/s {r['words'] / r['seconds']:10.0f} words/s "
              f"{r['seconds']:8.2f} s  peak RSS {r['peak_rss_mb']:.0f} MB (PSS {r['peak_pss_mb']:.0f} MB)")
    ratio = best["wirescope"]["seconds"] / best["bare"]["seconds"]
    mem = max(r["peak_rss_mb"] for r in results["wirescope"]) / max(r["peak_rss_mb"] for r in results["bare"])
    pss = max(r["peak_pss_mb"] for r in results["wirescope"]) / max(r["peak_pss_mb"] for r in results["bare"])
    cpu = min(r["cpu"] for r in results["wirescope"]) / min(r["cpu"] for r in results["bare"])
    # PSS is the memory to compare: both trees share pages between processes (bare spaCy's children fork from a
    # parent holding the model, wirescope's workers from a fork server holding the pipeline), which RSS counts again
    # in every process that maps them
    print(f"wirescope ingest takes {ratio:.2f}x the time of bare spaCy (target <= 1.0x), {cpu:.2f}x its CPU time "
          f"(least of the rounds, each summed over the process tree) and {pss:.2f}x its peak memory in PSS (shared "
          f"pages counted once; target <= 1.3x; {mem:.2f}x in RSS, which counts them in every process)")


if __name__ == "__main__":
    main()
