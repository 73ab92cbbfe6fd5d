"""The learned candidate generator's experiment (issue 17, recall): out-of-fold figures on the TUNING part.

1. Codes the 33 tuning stories of data/voa2025 with the default pipeline (verifier included, so the rules'
   candidates are what ``wirescope eval events --part tuning`` scores) and, per sentence, enumerates candidate
   keys (source country, target country or None) from the actor mentions the coder resolves there
   (``nlp/propose/mentions.py``), with their features (``nlp/propose/features.py``).
2. Labels each key from the gold: the primary roots of the factual gold events of that sentence with that key
   ("none" when there is none). The check part is never read (asserted).
3. Story-grouped cross-validation (fixed seed): a multinomial logistic regression over the keys' sparse features
   predicts the root or "none"; each tuning story's keys are predicted by a model trained without that story.
4. Scores with the real-news scorer (``eval/realnews.py``): the rules alone; the rules plus the learned proposals
   (a proposal whose key the rules already produce adds nothing), at several thresholds of the learned
   probability, over every rule candidate and over the rule candidates shown at the 0.3 default.

Usage: ``nice -n 5 python scripts/train_proposer.py --evaluate [--cache /tmp/proposer_rows.pkl] [--folds 11]``
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from wirescope.eval.gold_stories import FACTUAL, GoldStory  # noqa: E402
from wirescope.eval.realnews import Candidate, candidates_from, gold_key, score_story  # noqa: E402
from wirescope.eval.realnews_run import read_gold  # noqa: E402

SEED = 0
GOLD = REPO / "data" / "voa2025" / "gold"
SPLIT = REPO / "data" / "voa2025" / "split.json"
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
NONE = "none"


@dataclass
class KeyRow:
    """One candidate key of one sentence: where it is, its features, and its gold roots (empty: none)."""

    story: str
    sentence: int | None  # the gold sentence
    source: str
    target: str | None
    roles: tuple[str | None, str | None]
    features: dict[str, float]
    evidence: str  # the mentions, for reading
    gold_roots: list[str] = field(default_factory=list)


@dataclass
class Coded:
    """One story as coded: the rules' candidates and the learned proposer's keys."""

    rules: list[Candidate]
    keys: list[KeyRow]


# ------------------------------------------------------------------------------------------------ coding


class _Capture:
    """A last pipeline stage that keeps each article's events and candidate keys (the doc is gone afterwards)."""

    name, version, requires, assigns = "capture", "0", ("events",), ()

    def __init__(self, coder: Any) -> None:
        self.coder = coder
        self.seen: dict[str, tuple[Any, list[int], list[Any]]] = {}  # events, sentence starts, KeyFeatures
        self.texts: dict[str, list[str]] = {}  # the pipeline's sentences

    def configure_nlp(self, nlp: Any) -> None:
        pass

    def __call__(self, doc: Any, analysis: Any) -> Any:
        from wirescope.eval.realnews import actor_key, scored_root
        from wirescope.nlp.propose.extract import article_keys

        keys = article_keys(self.coder, doc, analysis.article.published, analysis.events,
                            (actor_key, lambda e: scored_root(e.root_code, e.modality)))
        self.seen[analysis.article.id] = (analysis.events, [s.start for s in analysis.sentences], keys)
        self.texts[analysis.article.id] = [analysis.article.text[s.start : s.end] for s in analysis.sentences]
        return analysis


def run_capture(articles: list[Any]) -> _Capture:
    """The default pipeline (verifier included) over ``articles``, with the capture stage last."""
    from wirescope.nlp.pipeline import Pipeline

    pipeline = Pipeline()
    events_stage = next(s for s in pipeline.stages if s.name == "events")
    capture = _Capture(events_stage.coder)  # type: ignore[attr-defined]
    pipeline.stages.append(capture)  # type: ignore[arg-type]
    for result in pipeline.analyze_many(articles):
        if not hasattr(result, "events"):
            raise SystemExit(f"the pipeline failed: {result}")
    return capture


def code_stories(stories: list[GoldStory], articles: list[Any]) -> dict[str, Coded]:
    capture = run_capture(articles)
    out = {}
    for story in stories:
        events, starts, keys = capture.seen[story.article_id]
        rows = [KeyRow(story.story, story.sentence_of(start), key[0], key[1], roles, feats, evidence)
                for start, _n, key, (roles, pair), feats in keys
                for evidence in [f"{pair[0].code} -> {pair[1].code if pair[1] else None}"]]
        out[story.story] = Coded(candidates_from(story, events, starts), label(story, rows))
    return out


def label(story: GoldStory, rows: list[KeyRow]) -> list[KeyRow]:
    """Each key's gold roots: the primary roots of the story's factual gold events with its sentence and key."""
    by_key: dict[tuple[int, str | None, str | None], list[str]] = {}
    for e in story.events:
        if e.modality in FACTUAL:
            k = (e.sentence, gold_key(e.source)[0], gold_key(e.target)[0])
            by_key.setdefault(k, []).append(e.roots[0])
    for r in rows:
        if r.sentence is not None:
            r.gold_roots = sorted(set(by_key.get((r.sentence, r.source, r.target), ())))
    return rows


def tuning_only(cache: Path | None) -> dict[str, Coded]:
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    stories, articles = read_gold(GOLD, "tuning")
    assert not {s.story for s in stories} & set(split["check"]), "a check-part story reached the proposer"
    if cache is not None and cache.is_file():
        coded: dict[str, Coded] = pickle.loads(cache.read_bytes())
    else:
        coded = code_stories(stories, articles)
        if cache is not None:
            cache.write_bytes(pickle.dumps(coded))
    assert set(coded) <= set(split["tuning"]), "a non-tuning story in the cache"
    return coded


# ------------------------------------------------------------------------------------------------ learning


def folds_of(stories: Sequence[str], k: int, seed: int = SEED) -> dict[str, int]:
    """Story -> fold: the stories shuffled with a fixed seed and dealt round-robin."""
    order = sorted(stories)
    random.Random(seed).shuffle(order)
    return {s: i % k for i, s in enumerate(order)}


def training_pairs(rows: Sequence[KeyRow]) -> tuple[list[dict[str, float]], list[str]]:
    """One training row per (key, gold root); a key without a gold event is one "none" row."""
    xs, ys = [], []
    for r in rows:
        for root in r.gold_roots or [NONE]:
            xs.append(r.features)
            ys.append(root)
    return xs, ys


def fit(rows: Sequence[KeyRow], c: float) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    xs, ys = training_pairs(rows)
    model = make_pipeline(DictVectorizer(), LogisticRegression(C=c, max_iter=3000, random_state=SEED))
    model.fit(xs, ys)
    return model


def residual(rows: Sequence[KeyRow]) -> list[KeyRow]:
    """The keys the rules made no event with (any root): what a proposer is for."""
    return [r for r in rows if not any(f.startswith("key_rule_root=") for f in r.features)]


def fit_two_stage(rows: Sequence[KeyRow], c: float) -> Any:
    """P(some gold event with this key) times P(root | an event), each a logistic regression."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    event = make_pipeline(DictVectorizer(), LogisticRegression(C=c, max_iter=3000, random_state=SEED))
    event.fit([r.features for r in rows], [int(bool(r.gold_roots)) for r in rows])
    xs, ys = training_pairs([r for r in rows if r.gold_roots])
    root = make_pipeline(DictVectorizer(), LogisticRegression(C=c, max_iter=3000, random_state=SEED))
    root.fit(xs, ys)
    return event, root


def predict(model: Any, rows: Sequence[KeyRow]) -> list[dict[str, float]]:
    if isinstance(model, Pairwise):
        return model.predict(rows)
    feats = [r.features for r in rows]
    if isinstance(model, tuple):
        event, root = model
        p_event = event.predict_proba(feats)[:, 1]
        return [{cl: float(pe * p) for cl, p in zip(root.classes_, probs, strict=True)}
                for pe, probs in zip(p_event, root.predict_proba(feats), strict=True)]
    return [{cl: float(p) for cl, p in zip(model.classes_, probs, strict=True) if cl != NONE}
            for probs in model.predict_proba(feats)]


_ROOT_SOURCES = ("lca_root", "s_gov_root", "verb_root")


def root_candidates(row: KeyRow) -> dict[str, set[str]]:
    """Root -> where the dictionaries offer it for this key: the word joining the two mentions (``lca``), the
    source's governing verb (``s_gov``), any verb of the sentence (``verb``)."""
    out: dict[str, set[str]] = {}
    for f in row.features:
        name, _, value = f.partition("=")
        if name in _ROOT_SOURCES:
            out.setdefault(value, set()).add(name[: -len("_root")])
    return out


def root_features(row: KeyRow, root: str, where: set[str]) -> dict[str, float]:
    """The key's features, plus the root and where it comes from, crossed with a few of them: one binary model
    for every root learns what "the word that joins the two actors gives this root" is worth."""
    feats = dict(row.features)
    feats[f"r={root}"] = 1.0
    for w in where:
        feats[f"from={w}"] = 1.0
        feats[f"r={root}|from={w}"] = 1.0
    for f in row.features:
        if f.startswith(("lca=", "s_gov=", "t_none", "s_dep=", "t_dep=", "s_role=", "t_role=")):
            feats[f"r={root}|{f}"] = 1.0
    return feats


class Pairwise:
    """P(this root is a gold event's with this key), over the roots the dictionaries offer the key."""

    def __init__(self, rows: Sequence[KeyRow], c: float) -> None:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline

        xs, ys = [], []
        for r in rows:
            for root, where in root_candidates(r).items():
                xs.append(root_features(r, root, where))
                ys.append(int(root in r.gold_roots))
        self.model = make_pipeline(DictVectorizer(), LogisticRegression(C=c, max_iter=3000, random_state=SEED))
        self.model.fit(xs, ys)

    def predict(self, rows: Sequence[KeyRow]) -> list[dict[str, float]]:
        out: list[dict[str, float]] = []
        for r in rows:
            cands = root_candidates(r)
            if not cands:
                out.append({})
                continue
            probs = self.model.predict_proba([root_features(r, root, w) for root, w in cands.items()])[:, 1]
            out.append({root: float(p) for root, p in zip(cands, probs, strict=True)})
        return out


def out_of_fold(coded: dict[str, Coded], k: int, c: float, *, only_residual: bool = False,
                two_stage: bool = False, pairwise: bool = False) -> dict[int, dict[str, float]]:
    """id(row) -> root -> probability, each story's rows predicted by a model trained without its fold."""
    fold = folds_of(list(coded), k)
    pick = residual if only_residual else list
    out: dict[int, dict[str, float]] = {}
    for f in range(k):
        train = pick([r for s, co in coded.items() if fold[s] != f for r in co.keys])
        test = pick([r for s, co in coded.items() if fold[s] == f for r in co.keys])
        if not test:
            continue
        model = Pairwise(train, c) if pairwise else fit_two_stage(train, c) if two_stage else fit(train, c)
        out.update((id(r), p) for r, p in zip(test, predict(model, test), strict=True))
    return out


# ------------------------------------------------------------------------------------------------ scoring


def proposals(co: Coded, probs: dict[int, dict[str, float]], threshold: float) -> list[Candidate]:
    """The learned candidates of one story at a threshold, less the keys the rules already produce."""
    made = {(c.sentence, c.source, c.target, c.root) for c in co.rules}
    out = []
    for r in co.keys:
        for root, p in probs.get(id(r), {}).items():
            if p >= threshold and (r.sentence, r.source, r.target, root) not in made:
                out.append(Candidate(r.story, r.sentence, r.source, r.target, r.roles[0], r.roles[1], root, p,
                                     True, f"propose {root} {r.evidence}"))
    return out


def figures(stories: Sequence[GoldStory], cands: dict[str, list[Candidate]]) -> dict[str, float]:
    tp = fp = fn = 0
    for s in stories:
        res = score_story(s, cands.get(s.story, []))
        tp, fp, fn = tp + len(res.matched), fp + len(res.invented), fn + len(res.missed)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
            "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0}


def table(stories: Sequence[GoldStory], coded: dict[str, Coded], probs: dict[int, dict[str, float]],
          rules_min: float) -> list[dict[str, Any]]:
    """Rules alone, then rules + proposals at each threshold; ``added_precision`` is over the added candidates."""
    rules = {s: [c for c in co.rules if c.confidence >= rules_min] for s, co in coded.items()}
    base = figures(stories, rules)
    out: list[dict[str, Any]] = [{"what": f"rules >= {rules_min}", **base}]
    for t in THRESHOLDS:
        added = {s: proposals(co, probs, t) for s, co in coded.items()}
        union = figures(stories, {s: rules[s] + added[s] for s in coded})
        n = sum(len(a) for a in added.values())
        gain = union["tp"] - base["tp"]
        out.append({"what": f"rules >= {rules_min} + learned >= {t}", **union, "added": n,
                    "added_precision": round(gain / n, 3) if n else None})
    return out


# ------------------------------------------------------------------------------------------------ other news


def other_news(corpus: Path, limit: int) -> list[Any]:
    """Articles of other news to look at: BBC politics 001-299 only (300-417 are the blind judgement set, never
    coded here), or the first rows of the Guardian CSV."""
    import csv

    from wirescope.records import Article

    if corpus.suffix == ".jsonl":
        rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
        rows = [r for r in rows if r["id"].startswith("politics/") and int(r["id"][9:12]) <= 299]
        return [Article(id=r["id"], text=r["text"], title=r.get("title")) for r in rows[:limit]]
    csv.field_size_limit(10**8)
    with corpus.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))[:limit]
    return [Article(id=f"guardian:{r['']}", text=r["text"]) for r in rows]


def apply_to(coded: dict[str, Coded], corpus: Path, limit: int, c: float, threshold: float) -> list[dict[str, Any]]:
    """A model trained on every tuning key the rules left empty proposes on other news; the proposals at
    ``threshold`` with their sentences, for reading (nothing here trains on other news)."""
    model = fit(residual([r for co in coded.values() for r in co.keys]), c)
    articles = other_news(corpus, limit)
    capture = run_capture(articles)
    out = []
    for a in articles:
        _events, _starts, keys = capture.seen[a.id]
        rows = [KeyRow(a.id, n, key[0], key[1], roles, feats, f"{pair[0].code} -> {pair[1].code if pair[1] else None}")
                for _start, n, key, (roles, pair), feats in keys]
        rows = residual(rows)
        for r, probs in zip(rows, predict(model, rows) if rows else [], strict=True):
            out += [{"article": a.id, "sentence": r.sentence, "root": root, "p": round(p, 3), "key": r.evidence,
                     "text": capture.texts[a.id][r.sentence or 0].strip()}
                    for root, p in probs.items() if p >= threshold]
    print(f"{len(articles)} articles, {len(out)} proposals at >= {threshold}", file=sys.stderr)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--evaluate", action="store_true", help="out-of-fold figures on the tuning part")
    ap.add_argument("--cache", type=Path, help="keep the coded stories (a second run only trains)")
    ap.add_argument("--folds", type=int, default=11)
    ap.add_argument("--c", type=float, default=0.3, help="inverse regularisation of the logistic regression")
    ap.add_argument("--residual", action="store_true", help="learn and propose only keys the rules left empty")
    ap.add_argument("--pairwise", action="store_true", help="one binary model over (key, offered root)")
    ap.add_argument("--two-stage", action="store_true", help="P(event) x P(root | event) instead of one model")
    ap.add_argument("--apply", type=Path, help="propose on other news (BBC jsonl: politics 001-299; Guardian csv)")
    ap.add_argument("--limit", type=int, default=30)
    ap.add_argument("--threshold", type=float, default=0.3)
    args = ap.parse_args(argv)
    coded = tuning_only(args.cache)
    if args.apply:
        for p in apply_to(coded, args.apply, args.limit, args.c, args.threshold):
            print(json.dumps(p, ensure_ascii=False))
        return 0
    stories, _ = read_gold(GOLD, "tuning")
    probs = out_of_fold(coded, args.folds, args.c, only_residual=args.residual,
                        two_stage=args.two_stage, pairwise=args.pairwise)
    report = {"folds": args.folds, "c": args.c, "residual": args.residual, "two_stage": args.two_stage,
              "pairwise": args.pairwise, "keys": sum(len(co.keys) for co in coded.values()),
              "every": table(stories, coded, probs, 0.0), "shown": table(stories, coded, probs, 0.3)}
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
