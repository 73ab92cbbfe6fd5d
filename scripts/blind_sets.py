"""Sheets for blind readers of the coder's output, and the score of a reader's main events.

The blind sets are news the rules were never written on (``data/judged/README.md``): BBC politics 300-417 and
business 401-510, Guardian rows 61-160, and the story-cluster set (``verifier_judged.story_articles``). A judge
labels every coded event without seeing its confidence or the code version; a reader annotates the main events of
the leads before any output is shown. This script writes what each of them sees:

- ``sheet SET OUT [--labels FILE ...]``: codes SET with the default pipeline and writes ``OUT/events.jsonl`` (every
  event's key with its confidence: for scoring, never shown to a judge) and ``OUT/sheet.md`` (the articles with
  numbered sentences, the title as [-1], and the events no label file covers yet, without confidence);
- ``reader OUT``: the story-cluster articles with numbered sentences and no events (``OUT/reader_sheet.md``);
- ``leads EVENTS GOLD``: how many of a reader's main events (one JSON line each: ``article``, ``sentences``,
  ``root``, ``source_country``, ``target_country``) an ``events.jsonl`` finds, at confidence 0, 0.3 and 0.5.

Label files are scored by ``judged_check.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import verifier_judged as vj

SETS: dict[str, Callable[[], list[tuple[str, Any]]]] = {
    "bbc-politics": lambda: vj.bbc_articles({f"politics/{n:03d}.txt" for n in range(300, 418)}),
    "bbc-business": lambda: vj.bbc_articles({f"business/{n:03d}.txt" for n in range(401, 511)}),
    "guardian-61": lambda: vj.guardian_articles(set(range(61, 121))),
    "guardian-121": lambda: vj.guardian_articles(set(range(121, 161))),
    "stories": vj.story_articles,
}


def event_key(record_id: str, event: Any) -> list[Any]:
    """The key a judge's label is matched by (``data/judged/README.md``)."""
    return [record_id, event.sentence, event.trigger.text, event.code, event.source.code if event.source else None,
            event.target.code if event.target else None, event.modality]


def numbered(analysis: Any) -> list[str]:
    """The article's title as [-1] and its sentences as [i], one line each."""
    text = analysis.article.text
    lines = [f"[-1] TITLE: {analysis.article.title}"] if analysis.article.title else []
    return lines + [f"[{s.index}] {text[s.start:s.end].strip()}" for s in sorted(analysis.sentences,
                                                                                key=lambda s: s.index)]


def describe(event: Any, key: list[Any]) -> str:
    """One event as a judge sees it: no confidence."""
    def side(actor: Any) -> str:
        return f"{actor.text!r} ({actor.code})" if actor else "none"
    return (f"- KEY {json.dumps(key)}\n  sentence {event.sentence}; trigger {event.trigger.text!r}; CAMEO "
            f"{event.code}; source {side(event.source)}; target {side(event.target)}; modality {event.modality}")


def analysed(name: str) -> list[tuple[str, Any]]:
    from wirescope import Pipeline

    records = SETS[name]()
    return [(rid, a) for (rid, _), a in zip(records, Pipeline().analyze_many([a for _, a in records]), strict=True)]


def write_sheet(name: str, out: Path, label_files: list[Path]) -> str:
    labels = vj.read_labels(label_files)
    scored, sheet, unjudged = [], [], 0
    for rid, analysis in analysed(name):
        rows = []
        for event in analysis.events:
            key = event_key(rid, event)
            scored.append(json.dumps({"key": key, "confidence": event.confidence}))
            if json.dumps(key) not in labels:
                rows.append(describe(event, key))
        if rows:
            sheet += [f"\n## {rid}\n", *numbered(analysis), "\nEVENTS:", *rows]
            unjudged += len(rows)
    out.mkdir(parents=True, exist_ok=True)
    (out / "events.jsonl").write_text("".join(line + "\n" for line in scored), encoding="utf-8")
    (out / "sheet.md").write_text("\n".join(sheet) + "\n", encoding="utf-8")
    return f"{name}: {len(scored)} events, {unjudged} without a label -> {out}"


def write_reader_sheet(out: Path) -> str:
    lines = []
    for rid, analysis in analysed("stories"):
        lines += [f"\n## {rid}   (published {analysis.article.published})", *numbered(analysis)]
    out.mkdir(parents=True, exist_ok=True)
    (out / "reader_sheet.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f"reader sheet -> {out}"


def leads_found(events: list[dict[str, Any]], gold: list[dict[str, Any]], threshold: float) -> tuple[int, int]:
    """(main events found with root and both countries, found with the root only) at ``threshold``."""
    def country(code: str | None) -> str | None:
        return code[:3] if code else None

    full = root = 0
    for g in gold:
        near = [e["key"] for e in events if e["key"][0] == g["article"] and e["key"][1] in g["sentences"]
                and e["confidence"] >= threshold and e["key"][3][:2] == g["root"]]
        root += bool(near)
        full += any(country(k[4]) == country(g.get("source_country")) and
                    country(k[5]) == country(g.get("target_country")) for k in near)
    return full, root


def score_leads(events_file: Path, gold_file: Path) -> str:
    def rows(path: Path) -> list[dict[str, Any]]:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    events, gold = rows(events_file), rows(gold_file)
    parts = []
    for t in (0.0, 0.3, 0.5):
        full, root = leads_found(events, gold, t)
        parts.append(f">= {t}: {full} of {len(gold)} (root only {root})")
    return "; ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("sheet")
    p.add_argument("set", choices=sorted(SETS))
    p.add_argument("out", type=Path)
    p.add_argument("--labels", type=Path, nargs="*", default=[])
    sub.add_parser("reader").add_argument("out", type=Path)
    p = sub.add_parser("leads")
    p.add_argument("events", type=Path)
    p.add_argument("gold", type=Path)
    args = parser.parse_args()
    if args.command == "sheet":
        print(write_sheet(args.set, args.out, args.labels))
    elif args.command == "reader":
        print(write_reader_sheet(args.out))
    else:
        print(score_leads(args.events, args.gold))


if __name__ == "__main__":
    sys.exit(main())
