"""Benchmark the quotes stage.

1. BBC corpus: time of the foundation pipeline (spaCy + entities stage) and of the quotes stage on the same parsed
   docs, in the same run; prints the quotes stage's share (the issue's budget: at most +20%).
2. PolNeAR dev: extraction time and exact/overlap F1 of wirescope's extractor next to textacy's
   ``direct_quotations`` on the same parsed docs (textacy is optional: ``pip install textacy``; skipped when absent).

Usage: ``python benchmarks/quotes.py [--limit 200] [--data /work/shared/data]``
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def _textacy_attributions(doc: Any, direct_quotations: Any, attribution: Any) -> tuple[Any, ...]:
    out = []
    for triple in direct_quotations(doc):
        speaker = sorted(triple.speaker, key=lambda t: t.i)
        cue = sorted(triple.cue, key=lambda t: t.i)
        out.append(attribution(
            source=((speaker[0].idx, speaker[-1].idx + len(speaker[-1])),) if speaker else (),
            cue=((cue[0].idx, cue[-1].idx + len(cue[-1])),) if cue else (),
            content=((triple.content.start_char, triple.content.end_char),),
        ))
    return tuple(out)


def _f1(res: dict[str, Any]) -> str:
    return " / ".join(f"{100 * res[r]['f1']:.1f}" for r in ("source", "cue", "content"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=200, help="BBC articles to use")
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = ap.parse_args()

    import spacy

    from wirescope import Settings
    from wirescope.eval.quotes import Attribution, QuoteScores, read_polnear, to_attributions
    from wirescope.nlp.pipeline import Pipeline, sentences_of
    from wirescope.nlp.quotes.extract import QuoteExtractor
    from wirescope.nlp.stages.quotes import QuoteStage
    from wirescope.records import Analysis, Article

    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()} "
          f"spacy {spacy.__version__}")
    bbc = args.data / "corpora" / "bbc2225.jsonl"
    texts = []
    with bbc.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= args.limit:
                break
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {bbc.name}, {len(texts)} articles, {words} words")

    pipe = Pipeline(Settings(stages=("entities",)))
    stage = QuoteStage(Settings())
    _ = stage.resolver  # the actor coder's dictionaries load once, outside the timing (as in a long ingest)
    t0 = time.perf_counter()
    docs = list(pipe.nlp.pipe(texts, batch_size=32))
    analyses = []
    for i, doc in enumerate(docs):
        art = Article(id=str(i), text=texts[i])
        a = Analysis(article=art, provenance=pipe.provenance, sentences=sentences_of(doc, art.id))
        for s in pipe.stages:
            a = s(doc, a)
        analyses.append(a)
    foundation = time.perf_counter() - t0
    t1 = time.perf_counter()
    n_quotes = sum(len(stage(doc, a).quotes) for doc, a in zip(docs, analyses, strict=True))
    q_time = time.perf_counter() - t1
    print(f"foundation pipeline (spaCy + entities): {foundation:.2f} s ({len(texts) / foundation:.1f} articles/s)")
    print(f"quotes stage (with speaker resolution and actor codes): {q_time:.2f} s = "
          f"+{100 * q_time / foundation:.1f}% of the foundation time ({n_quotes} quotations)")

    folder = args.data / "quotes" / "polnear" / "dev"
    gold = list(read_polnear(folder))
    nlp = pipe.nlp
    t2 = time.perf_counter()
    pdocs = list(nlp.pipe([g.text for g in gold], batch_size=16))
    parse = time.perf_counter() - t2
    print(f"\nPolNeAR dev: {len(gold)} articles, parsing {parse:.2f} s (same model, shared by both extractors)")
    extractor = QuoteExtractor(attribution=True)
    ours = QuoteScores()
    t3 = time.perf_counter()
    preds = [to_attributions(extractor.extract(d)) for d in pdocs]
    ours_time = time.perf_counter() - t3
    for g, p in zip(gold, preds, strict=True):
        ours.add(g.text, g.attributions, p)
    res = ours.to_json()
    print(f"wirescope: {ours_time:.2f} s; exact F1 source/cue/content {_f1(res['exact'])}; "
          f"overlap {_f1(res['overlap'])}")
    try:
        import textacy
        from textacy.extract.triples import direct_quotations
    except ImportError:
        print("textacy: not installed (pip install textacy) — comparison skipped")
        return
    theirs = QuoteScores()
    failed = 0
    first_error = ""
    t4 = time.perf_counter()
    tpreds = []
    for d in pdocs:
        try:
            tpreds.append(_textacy_attributions(d, direct_quotations, Attribution))
        except Exception as exc:  # textacy raises on unbalanced quote marks; count it and score the article empty
            failed += 1
            tpreds.append(())
            first_error = first_error or f"{type(exc).__name__}: {str(exc)[:90]}"
    t_time = time.perf_counter() - t4
    for g, p in zip(gold, tpreds, strict=True):
        theirs.add(g.text, g.attributions, p)
    tres = theirs.to_json()
    print(f"textacy {textacy.__version__} direct_quotations: {t_time:.2f} s; exact F1 source/cue/content "
          f"{_f1(tres['exact'])}; overlap {_f1(tres['overlap'])}; raised on {failed} of {len(gold)} articles"
          + (f" (e.g. {first_error})" if failed else ""))


if __name__ == "__main__":
    main()
