"""Benchmark the places and times stages and the gazetteer.

1. BBC corpus: time of the foundation pipeline (spaCy + entities stage) and of the times + places stages on the same
   parsed docs, in the same run; prints their share (the issue's budget: at most +20%). BBC articles carry no date, so
   a fixed publication date is given to exercise the relative-date rules.
2. Gazetteer: time to open the cached index and resolve a first name, and the resident memory afterwards, measured in
   a fresh process (the issue's budget: <= 2 s and <= 400 MB), next to the bare interpreter's memory.

Usage: ``python benchmarks/places_time.py [--limit 200] [--data /work/shared/data]``
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from common import REPO, machine_line, read_texts, run_foundation, stage_arguments

_PROBE = """
import resource, sys, time
sys.path.insert(0, {src!r})
def rss():
    with open('/proc/self/status') as fh:
        for line in fh:
            if line.startswith('VmRSS:'):
                return int(line.split()[1]) / 1024
base = rss()
t0 = time.perf_counter()
from wirescope.nlp.resources.gazetteer import Gazetteer
from wirescope.nlp.geo.resolve import Resolver, Toponym
g = Gazetteer()
r = Resolver(g).resolve([Toponym(0, 7, 'Lebanon', 'GPE'), Toponym(8, 14, 'Baghdad', 'GPE')])
t1 = time.perf_counter()
print(f'{{t1 - t0:.3f}} {{base:.1f}} {{rss():.1f}} {{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}}')
"""


def main() -> None:
    args = stage_arguments(__doc__)

    from wirescope import Settings
    from wirescope.nlp.resources.gazetteer import load_gazetteer
    from wirescope.nlp.stages.places import PlaceStage
    from wirescope.nlp.stages.times import TimeStage

    print(machine_line())
    load_gazetteer(None)  # make sure the index exists before anything is timed (first use builds it)
    probe = subprocess.run([sys.executable, "-c", _PROBE.format(src=str(REPO / "src"))], capture_output=True,
                           text=True, check=True)
    seconds, base, rss, peak = probe.stdout.split()
    print(f"gazetteer: open + first resolution {float(seconds):.2f} s; resident {float(rss):.0f} MB "
          f"(bare interpreter {float(base):.0f} MB, peak {float(peak):.0f} MB)")

    texts = read_texts(args.data / "corpora" / "bbc2225.jsonl", args.limit)
    times, places = TimeStage(Settings()), PlaceStage(Settings())
    _ = places.resolver
    # BBC articles carry no date: a fixed one exercises the relative-date rules. The holiday ruler runs inside
    # spaCy, so it is part of the foundation time.
    foundation = run_foundation(texts, published=date(2005, 3, 4), configure=times.configure_nlp)
    added, results = foundation.time_stage(lambda doc, a: places(doc, times(doc, a)))
    n_places = sum(len(r.places) for r in results)
    n_times = sum(len(r.times) for r in results)
    print(f"times + places stages: {added:.2f} s -> +{100 * added / foundation.seconds:.1f}% "
          f"({n_places} places, {n_times} time expressions)")

if __name__ == "__main__":
    main()
