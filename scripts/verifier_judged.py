"""A verifier's calibration on Guardian events judged blind (``scripts/train_verifier.py --guardian-labels``).

The Guardian corpus (guardian_sdf_2017_2019.csv) is copyrighted news on which the coder's rules were not all
written: a judge's labels of the coder's events there ("real": an act of the coded root between the coded
countries with roughly the right modality; "fully_right": also the roles, modality and spans) say whether the
verifier's confidence holds on news unlike the VOA stories it is trained on. Its text never trains the shipped
model (the model file ships); the labels only check a model and choose among a few options.

The articles are coded as the judge saw them (``data/judged/README.md``): each text cut after the last
sentence end before 2,500 characters, no title, the CSV's date; an event's key is (article, sentence, trigger,
code, source code, target code, modality), so labels of one coder version match the events another makes alike.
"""

from __future__ import annotations

import csv
import json
import random
from collections import defaultdict
from pathlib import Path
from typing import Any

from wirescope.eval.realnews import calibration_of

GUARDIAN = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora" / "guardian_sdf_2017_2019.csv"
BBC = GUARDIAN.parent / "bbc2225.jsonl"
STORIES = GUARDIAN.parents[1] / "stories" / "giveme5w1h_news_cluster_dev.jsonl"
CUT = 2500
BANDS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 1.01))


def cut(text: str, n: int = CUT) -> str:
    """``text`` up to the last sentence end (". " or ".\\n") before ``n`` characters (all of it when shorter)."""
    if len(text) <= n:
        return text
    k = max(text.rfind(". ", 0, n), text.rfind(".\n", 0, n))
    return text[: k + 1] if k > 0 else text[:n]


def read_labels(files: list[Path]) -> dict[str, dict[str, Any]]:
    """Judged labels by key (a JSON dump of the key list), the last label of a key winning."""
    out: dict[str, dict[str, Any]] = {}
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out[json.dumps(d["key"])] = d
    return out


def guardian_articles(rows: set[int], path: Path = GUARDIAN) -> list[tuple[str, Any]]:
    """(record id, Article) of the Guardian rows ``rows`` (0-based CSV rows, as ``guardian/061``), cut."""
    from wirescope import article_from_text

    csv.field_size_limit(10**9)
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            if i in rows:
                text, date = cut(r["text"]), (r["date"] or "")[:10] or None
                try:
                    article = article_from_text(text, title=None, published=date)
                except ValueError:  # an unreadable date: as the judge's extractor, without it
                    article = article_from_text(text, title=None)
                out.append((f"guardian/{i:03d}", article))
    return out


def judged_rows(labels: dict[str, dict[str, Any]]) -> set[int]:
    """The Guardian rows the labels name (``guardian/NNN`` keys only)."""
    return {int(json.loads(k)[0].split("/")[1]) for k in labels if json.loads(k)[0].startswith("guardian/")}


def judged_figures(probs: list[float], keys: list[list[Any]], labels: dict[str, dict[str, Any]]) -> str:
    """ECE and right-per-band of the judged events among ``keys`` (with confidences ``probs``), for "real" and
    "fully_right", every modality counted (as the judge's sheets list every event)."""
    pairs = [(p, labels[json.dumps(k)]) for p, k in zip(probs, keys, strict=True) if json.dumps(k) in labels]
    if not pairs:
        return "no coded event has a judgement"
    parts = [f"{len(pairs)} of {len(keys)} events judged, mean confidence {sum(p for p, _ in pairs) / len(pairs):.3f}"]
    for name in ("real", "fully_right"):
        ys = [(p, int(bool(d[name]))) for p, d in pairs]
        bands = []
        for lo, hi in BANDS:
            inside = [y for p, y in ys if lo <= p < hi]
            bands.append(f"{lo}-{min(hi, 1.0)} {sum(inside)} of {len(inside)}")
        shown = [y for p, y in ys if p >= 0.3]
        parts.append(f"{name}: {sum(y for _, y in ys)} ({sum(y for _, y in ys) / len(ys):.3f}), ECE "
                     f"{calibration_of(ys)['ece']}, at >= 0.3 {sum(shown)} of {len(shown)}; " + ", ".join(bands))
    return "; ".join(parts)


def bbc_articles(ids: set[str], path: Path = BBC) -> list[tuple[str, Any]]:
    """(record id, Article) of the BBC records ``ids`` (``business/401.txt``), with their titles."""
    from wirescope import article_from_text

    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and (rec := json.loads(line))["id"] in ids:
            out.append((rec["id"], article_from_text(rec["text"], title=rec["title"])))
    return out


def spanned(record_ids: set[str]) -> set[str]:
    """The BBC records from the lowest to the highest number of each category in ``record_ids``: an article in
    which the judged coder made no event has no label, but a later coder's events there must count (as unjudged)."""
    out = set()
    for category in {r.split("/")[0] for r in record_ids}:
        numbers = [int(r.split("/")[1].split(".")[0]) for r in record_ids if r.startswith(category + "/")]
        out |= {f"{category}/{n:03d}.txt" for n in range(min(numbers), max(numbers) + 1)}
    return out


def story_articles(path: Path = STORIES, per_story: int = 3, seed: int = 18) -> list[tuple[str, Any]]:
    """(record id ``g5/`` + 12 hex digits of its dId, Article) of the story-cluster set as its judge and reader saw
    it: up to ``per_story`` articles of each gold story (a fixed shuffle), each cut as ``cut`` does, with its title
    and date; texts under 200 characters are left out. Many outlets and topics of 2016-18, unlike the sets the
    rules were written on."""
    from wirescope import article_from_text

    by_story: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            by_story[rec["event_id"]].append(rec)
    rng = random.Random(seed)
    out = []
    for story in sorted(by_story):
        recs = sorted(by_story[story], key=lambda r: r["dId"])
        rng.shuffle(recs)
        for rec in recs[:per_story]:
            text = cut(rec["text"] or "")
            if len(text) < 200:
                continue
            date = (rec.get("date_publish") or "")[:10] or None
            try:
                article = article_from_text(text, title=rec["title"], published=date)
            except ValueError:  # an unreadable date: without it
                article = article_from_text(text, title=rec["title"])
            out.append((f"g5/{rec['dId'][:12]}", article))
    return out


def judged_articles(labels: dict[str, dict[str, Any]]) -> list[tuple[str, Any]]:
    """(record id, Article) of every article the labels span, coded as the judge saw them: the Guardian rows from
    the lowest to the highest one named (cut), the BBC records of each category likewise (with their titles), the
    whole story-cluster set when a ``g5/`` record is named."""
    ids = {json.loads(k)[0] for k in labels}
    rows = judged_rows(labels)
    records = guardian_articles(set(range(min(rows), max(rows) + 1))) if rows else []
    if any(i.startswith("g5/") for i in ids):
        records += story_articles()
    return records + bbc_articles(spanned({i for i in ids if not i.startswith(("guardian/", "g5/"))}))
