"""Benchmark the quotes stage.

1. BBC corpus: time of the foundation pipeline (spaCy + entities stage) and of the quotes stage on the same parsed
   docs, in the same run; prints the quotes stage's share (the issue's budget: at most +20%).
2. PolNeAR dev: extraction time and exact/overlap F1 of wirescope's extractor next to textacy's
   ``direct_quotations`` on the same parsed docs (textacy is optional: ``pip install textacy``; skipped when absent).

Usage: ``python benchmarks/quotes.py [--limit 200] [--data /work/shared/data]``
"""

from __future__ import annotations

import time
from typing import Any

from common import machine_line, read_texts, run_foundation, stage_arguments


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
    args = stage_arguments(__doc__)

    from wirescope import Settings
    from wirescope.eval.quotes import Attribution, QuoteScores, read_polnear, to_attributions
    from wirescope.nlp.quotes.extract import QuoteExtractor
    from wirescope.nlp.stages.quotes import QuoteStage

    print(machine_line())
    texts = read_texts(args.data / "corpora" / "bbc2225.jsonl", args.limit)
    stage = QuoteStage(Settings())
    _ = stage.resolver  # the actor coder's dictionaries load once, outside the timing (as in a long ingest)
    foundation = run_foundation(texts)
    q_time, results = foundation.time_stage(stage)
    n_quotes = sum(len(r.quotes) for r in results)
    print(f"quotes stage (with speaker resolution and actor codes): {q_time:.2f} s = "
          f"+{100 * q_time / foundation.seconds:.1f}% of the foundation time ({n_quotes} quotations)")

    folder = args.data / "quotes" / "polnear" / "dev"
    gold = list(read_polnear(folder))
    nlp = foundation.pipeline.nlp
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
