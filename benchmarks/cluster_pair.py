"""Benchmark: story clustering of this tree against another revision's, in one process (not a test: run by hand).

Both clusterers are fed the same articles one by one, alternating which goes first, and the CPU time of each
``add()`` after the first ``--skip`` is summed (CPU, not wall time: the machine is shared); every decision (story,
score to the bit, new or not) is compared. The articles are those of ``benchmarks/aggregate.py``'s generator at a
density (``--density``: the corpus size whose plan is used, 202,000 for the 200k store's density) from ``--start``.
The other revision's ``src/wirescope`` is extracted with ``git archive`` under the package name ``wsbase``; its
numba kernels are compiled at that path on first use, so the script warms both trees before timing. A tree whose
``StoryDoc`` has ``terms`` is given the term counts the store writer keeps (made before timing, as at ingest) unless
``--tokenise``.

    .venv/bin/python benchmarks/cluster_pair.py --base main --articles 20000 --skip 3000
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))


def extract(rev: str, into: Path) -> None:
    """``rev``'s ``src/wirescope`` as the package ``wsbase`` under ``into``."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "src/wirescope"], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    (into / "src" / "wirescope").rename(into / "wsbase")


def docs(density: int, start: int, n: int) -> list[Any]:
    from aggregate import Corpus

    from wirescope.aggregate.build import doc_from_analysis

    corpus = Corpus(density, density * 5, 300)
    return [doc_from_analysis(a) for a in corpus.analyses(start, start + n)]


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--base", default="main", help="the revision to compare with (git rev)")
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--skip", type=int, default=3_000, help="articles placed before timing starts")
    ap.add_argument("--density", type=int, default=202_000)
    ap.add_argument("--start", type=int, default=140_000)
    ap.add_argument("--tokenise", action="store_true",
                    help="give neither tree the term counts stored at ingest (023_article_terms): both tokenise")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        extract(args.base, Path(tmp))
        sys.path.insert(0, tmp)
        articles = docs(args.density, args.start, args.articles)
        base = importlib.import_module("wsbase.aggregate.stories")
        new = importlib.import_module("wirescope.aggregate.stories")
        inputs = {base: articles, new: articles}
        for module in (base, new):
            if "terms" in {f.name for f in dataclasses.fields(module.StoryDoc)} and not args.tokenise:
                inputs[module] = with_terms(module, articles)  # made at ingest, as the store writer does
        for module in (base, new):  # warm: the kernels compiled (or loaded from their cache) before timing
            warm = module.StoryClusterer()
            for doc in inputs[module][: module.COMPILE_AFTER + 500]:
                warm.add(doc)
        compare(base.StoryClusterer(), new.StoryClusterer(), (inputs[base], inputs[new]), args.skip)


def with_terms(stories: Any, articles: list[Any]) -> list[Any]:
    """The articles with their term counts as the store writer keeps them (023_article_terms), made by that
    tree's ``ingest.terms`` (outside the timing: the ingest's cost)."""
    package = stories.__name__.split(".")[0]
    encode = importlib.import_module(f"{package}.ingest.terms").encode_counts
    return [dataclasses.replace(d, terms=encode(d.title, d.text)) for d in articles]


def compare(a: Any, b: Any, articles: tuple[list[Any], list[Any]], skip: int) -> None:
    cpu = {id(a): 0.0, id(b): 0.0}
    differ = 0
    for i, docs_ab in enumerate(zip(*articles, strict=True)):
        got = {}
        for c, doc in ((a, docs_ab[0]), (b, docs_ab[1])) if i % 2 else ((b, docs_ab[1]), (a, docs_ab[0])):
            t = time.process_time()
            got[id(c)] = c.add(doc)
            if i >= skip:
                cpu[id(c)] += time.process_time() - t
        ra, rb = got[id(a)], got[id(b)]
        differ += (ra.story_id, ra.score.hex(), ra.new_story) != (rb.story_id, rb.score.hex(), rb.new_story)
        if (i + 1) % 5000 == 0 and i >= skip:
            report(i + 1 - skip, cpu[id(a)], cpu[id(b)], differ, f"{i + 1} articles")
    report(len(articles[0]) - skip, cpu[id(a)], cpu[id(b)], differ, f"final, stories {len(a)} / {len(b)}")


def report(m: int, ta: float, tb: float, differ: int, label: str) -> None:
    print(f"{label}: base {ta / m * 1e3:.3f} -> this tree {tb / m * 1e3:.3f} ms of CPU per article over {m} "
          f"({(tb - ta) / ta * 100:+.1f}%); differing decisions {differ}", flush=True)


if __name__ == "__main__":
    main()
