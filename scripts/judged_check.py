"""The shipped pipeline's confidence against a blind judge's labels (``data/judged/``): does it mean what it says?

Usage: ``.venv/bin/python scripts/judged_check.py data/judged/guardian_121_160.jsonl [more label files]``

Each label file is checked on its own: the articles its keys name are coded by the default pipeline (verifier
included) as the judge saw them (Guardian rows cut as ``verifier_judged.cut`` does, no title, the CSV's date; BBC
records of ``bbc2225.jsonl`` with their title), and the events are matched to the labels by key. The articles are
every record from the lowest to the highest one the labels name, so those in which the judged coder made no event
count too. Printed per file: how many coded events were judged, the share "real" and "fully_right", the ECE of each
and the right-per-band (``verifier_judged.judged_figures``). Events a later coder makes that the judge never saw are
counted as unjudged, not guessed. Nothing is chosen with these figures: the verifier's unseen-news shift was chosen
on ``guardian_061_120.jsonl`` only (``train_verifier.UNSEEN_SHIFT``), so the other files are a check of it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import verifier_judged as vj


def check(labels_file: Path) -> str:
    """The judged figures of the default pipeline's events on the articles ``labels_file`` names."""
    from wirescope import Pipeline

    labels = vj.read_labels([labels_file])
    records = vj.judged_articles(labels)
    if not records:
        return "no article of these labels was found"
    keys, probs = [], []
    for (rid, _), analysis in zip(records, Pipeline().analyze_many([a for _, a in records]), strict=True):
        for e in analysis.events:
            keys.append([rid, e.sentence, e.trigger.text, e.code, e.source.code if e.source else None,
                         e.target.code if e.target else None, e.modality])
            probs.append(e.confidence)
    return f"{len(records)} articles; " + vj.judged_figures(probs, keys, labels)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", type=Path, nargs="+", help="judged label files (data/judged/*.jsonl)")
    args = parser.parse_args()
    for f in args.labels:
        print(f"{f}: {check(f)}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
