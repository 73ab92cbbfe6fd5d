"""Train the events verifier (issue 17, item 5) and write src/wirescope/data/verifier/verifier.json.

What it does, reproducibly (fixed seed, deterministic folds: two runs on the same code write the same file; about
six minutes of CPU on 2 cores, a quarter of it spaCy):

1. Codes the 49 real-news gold stories (data/voa2025) with the default stages up to the verifier (the verify stage
   itself left out: its features read the coder's own confidence) and the two MIT-licensed PETRARCH suites
   (../shared/data/events/udpetr_validate_2_02 and petr_unittest, with their own dictionaries), and computes the
   verifier's features of every produced event (``wirescope.nlp.verify.features`` for the event and its parse,
   ``wirescope.nlp.verify.extra`` for the article's actors).
2. Labels each factual candidate: on the gold stories 1 when the real-news scorer's one-to-one matching pairs it
   with a gold event on (sentence, source country, target country, root), 0 when it counts as invented (set-aside
   matches and non-factual candidates are not labels); the candidates are the scorer's (``candidates_from`` with
   the sentence starts): an event repeated in other sentences (``Event.mentions``) is a candidate in each, with
   the event's features; on the suites 1 when its (source, target, code) triple is one the record expects.
3. Chooses the regularisation and the weight of the suite rows by story-grouped cross-validation on the TUNING part
   only (log loss of the calibrated out-of-fold probabilities, averaged over three fold seeds; the most regularised
   point within one standard error over stories of the best: ``verifier_select``, ``--selection``), and the default
   threshold likewise (see ``pick_threshold``); fits a logistic regression on the tuning part and the suites, and
   calibrates it (Platt by default, see ``CALIBRATIONS``) on out-of-fold predictions of the tuning stories
   (story-grouped folds), then adds the prior shift for news the rules were not written on (``UNSEEN_SHIFT``,
   ``--unseen-shift``) to the calibrated log-odds: the tuning part's candidates are right more often than other news'
   because the rules were written on them.
   The check part of the split is never used for the shipped model (``shipped_rows`` asserts it).
4. Prints the tuning part's figures, leave one story out (each tuning story predicted by a verifier trained and
   calibrated without it, on the tuning part and the suites): the threshold table, ECE and precision by band.
5. Prints the issue's figure, out-of-fold predictions pooled over ALL 49 gold stories: each story predicted by a
   verifier trained and calibrated on the 48 others (check-part stories included, as the definition asks; the
   shipped model never sees them), scored with the real-news scorer: ECE, precision by band, and precision /
   recall / F1 with story-bootstrap intervals at the default threshold; the stories the rules were not written on
   (the check part) are marked (``UNTUNED``), so that each fold learns their shift from the other such stories it
   trains on. This is a reported figure: nothing is chosen with it. ``--guardian-labels`` prints the shipped
   model's calibration on a judge's labels of Guardian events (``verifier_judged.py``; their text never trains it).
   ``wirescope eval events --format wirescope-gold data/voa2025/gold --part check`` reports the ECE of the shipped
   model on the check part.
6. ``--stability`` prints how much the procedure's refits move the shipped confidences (each tuning story left out
   in turn: the spread of each candidate's log-odds and how many candidates cross 0.3 and 0.5), on the tuning
   candidates and, with ``--bbc-politics``, on BBC politics 001-299 (``refit_stability``).

PLOVER and CASE 2021 are never read (their licences would bind the shipped file).

Usage: ``.venv/bin/python scripts/train_verifier.py [--cache rows.json] [--out PATH] [--dry-run] [--calibration
platt|isotonic|both] [--without-extra] [--drop PREFIX] [--bbc-politics [--bbc-cache bbc.json] [--bbc-labels
judged.jsonl]] [--unseen-shift D] [--guardian-labels labels.jsonl [--guardian-cache g.json]] [--selection one-se|min]
[--selection-seeds N] [--stability] [--bags K]``
(``--cache`` keeps the coded candidates so that a second run only trains; ``--bbc-cache`` likewise the BBC
features).
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import random
import statistics
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(1, str(REPO / "scripts"))  # verifier_judged

import verifier_aside  # noqa: E402
import verifier_select as vs  # noqa: E402

from wirescope.config import DEFAULT_STAGES, Settings  # noqa: E402
from wirescope.eval.realnews import PRODUCED_FACTUAL, Candidate, calibration_of, score, score_story  # noqa: E402
from wirescope.eval.realnews_run import read_gold  # noqa: E402
from wirescope.nlp.verify.extra import NAMES as EXTRA_NAMES  # noqa: E402
from wirescope.nlp.verify.extra import article_actors, extra_features  # noqa: E402
from wirescope.nlp.verify.features import FEATURES_VERSION, article_view, dictionary_senses, event_features  # noqa: E402
from wirescope.nlp.verify.model import MODEL_FORMAT, Calibration, Verifier  # noqa: E402

SEED = 0
GOLD = REPO / "data" / "voa2025" / "gold"
SPLIT = REPO / "data" / "voa2025" / "split.json"
SUITES = (("udpetr_validate_2_02", "PETR_Validate_records_2_02.xml"), ("petr_unittest", "PETR.UnitTest.records.xml"))
OUT = REPO / "src" / "wirescope" / "data" / "verifier" / "verifier.json"
# The grid is kept small because each point costs a nested cross-validation (the run must fit in minutes). In the
# runs of 2026-12-04 on the tuning part, C=3 was never the best and had a higher log loss than C=1 at each weight;
# suite weight 1.0 (the suites counting as much as real news) had the highest log loss at every C and calibration,
# and 0.3 a higher one than 0.1 at every C (0.488-0.492 against 0.481-0.484 with Platt). With features version 2
# (5 December) C=0.03 was tried and had a higher log loss than C=0.1 at both suite weights (0.504/0.510 against
# 0.502/0.503) under the rule of the lowest loss. Since the one-standard-error rule (session 17) the grid's lowest
# point decides whenever it is within the noise, so session 18 put 0.03 back in: on the coder of 905c1d2 its
# seed-averaged nested log loss is within one standard error of the best (docs/verifier.md, "Choosing C").
GRID_C = (0.03, 0.1, 0.3, 1.0)
GRID_SUITE_WEIGHT = (0.0, 0.1)
# Isotonic calibration follows any monotone shape but, fitted on a few hundred labels, steps where the data are
# thin; Platt's two parameters cannot overfit but assume a sigmoid. On the tuning part Platt had the lower nested
# out-of-fold log loss at all 16 (C, suite weight) pairs of the 2026-12-04 run (0.480-0.498 against 0.496-0.592),
# so it is the default; ``--calibration both`` puts the choice back into the grid.
CALIBRATIONS = {"platt": ("platt",), "isotonic": ("isotonic",), "both": ("isotonic", "platt")}
INNER_FOLDS = 5
# A feature must occur in at least this many training stories to get a weight (``_fit``; ``--min-stories``): a
# word, code or rule seen in one or two VOA stories says more of those stories than of events in other news. On the
# coded rows of 5 December (repeats labelled), leave one story out over all 49 stories: 1 story (every feature, 1195
# weights) pooled ECE 0.045, ROC AUC 0.852; 3 stories (316 weights) 0.040, 0.854; 5 stories (with other features
# tried) lost AUC (0.840).
MIN_STORIES = 3
# The prior shift of the shipped model (``--unseen-shift``), added to the calibrated log-odds: the rules are written on
# the tuning stories, so their candidates there are right more often (58% on the coder of 516194b) than on news the
# rules were not written on (the check part 31%; blind judges: BBC politics 300-417 34% real, Guardian 61-120 21.5%),
# and no out-of-fold prediction within the tuning part sees it (every tuning story had rules written on it). The model
# ranks unseen news nearly as well (ROC AUC 0.72 on the Guardian judge's labels) but at the tuning part's level.
# Stronger regularisation, --min-stories 1/5/8 and leaving out the identity features (lemmas, rule ids, codes, nouns)
# all left the Guardian judge's ECE at 0.26-0.28 (mean confidence 0.47-0.50 against 21.5% real): the gap is in the base
# rate, not in features that memorise. Chosen, not fitted, on the Guardian judge's labels of the events of main a99193f
# on rows 61-120 (data/judged/guardian_061_120.jsonl, 339 events; never trained on): the log loss of "real" is lowest at
# -1.5 on the grid 0, -0.25 ... -2.5 (ECE 0.259 -> 0.046; choosing on one half of the articles and scoring the other, 20
# random halvings: -1.25 to -1.75, held-out ECE 0.076). "real" is looser than the gold's key match, so this is the least
# shift that news like it needs. The out-of-fold figures do not use it: a held-out tuning story keeps the rate its rules
# were tuned to, and the pooled figure learns the shift of the stories the rules were not written on from the other such
# stories of each fold (``UNTUNED``).
UNSEEN_SHIFT = -1.5
# ``--bags K``: ship the average of K regressions fitted on story bootstraps (``_bagged``) instead of one. Measured in
# session 25 on the tuning part (docs/verifier.md, "Session 25"; coder of 1a85789, C 0.03, suite weight 0.1): with 25
# bags a refit with one tuning story left out moves the shipped log-odds by 0.096 (standard deviation over refits, BBC
# politics 001-299 events) instead of 0.115, and a story bootstrap by 0.47 instead of 0.50: the spread is the
# uncertainty of 31 stories, not the fit's; the tuning part's leave-one-story-out ECE rose from 0.050 to 0.096 (pooled
# over all 49 stories 0.067 -> 0.047, inside that figure's noise; AUC 0.800 both). Not as good on calibration where
# choices are made, hardly more stable: the default stays one regression.
BAGS = 1
POISSON_ONE = math.exp(-1.0)


@dataclass
class Row:
    """One produced event: its features, its label (None: not a label) and, for gold stories, its candidate."""

    group: str  # the story (or suite record) it comes from: folds never split a group
    part: str  # "tuning" | "check" | "suite"
    features: dict[str, float]
    label: int | None
    candidate: dict[str, Any] | None = None
    # a candidate of a modality the scorer sets aside: that modality, and 1 when it matches a gold event of a
    # set-aside modality on the key (verifier_aside.py; the model never trains on these rows)
    aside: str | None = None
    aside_match: int | None = None


# --------------------------------------------------------------------------------------------------- data


def read_split(path: Path = SPLIT) -> tuple[list[str], list[str]]:
    split = json.loads(path.read_text(encoding="utf-8"))
    tuning, check = list(split["tuning"]), list(split["check"])
    assert not set(tuning) & set(check), "the split's parts overlap"
    return tuning, check


def shipped_rows(rows: list[Row], check: list[str]) -> list[Row]:
    """The rows the shipped model is trained and calibrated on: the tuning part and the suites, never the check."""
    kept = [r for r in rows if r.part in ("tuning", "suite")]
    assert not {r.group for r in kept} & set(check), "a check-part story would train the shipped model"
    return kept


class _Capture:
    """A last pipeline stage that keeps each article's events and their features (the doc is gone afterwards)."""

    name, version, requires, assigns = "capture", "0", ("events",), ()

    def __init__(self, senses: Any) -> None:
        self.senses = senses
        # article id -> (events, their features, the start offset of each of the pipeline's sentences)
        self.seen: dict[str, tuple[tuple[Any, ...], list[dict[str, float]], list[int]]] = {}

    def configure_nlp(self, nlp: Any) -> None:
        pass

    def __call__(self, doc: Any, analysis: Any) -> Any:
        view = article_view(doc, analysis.events)
        actors = article_actors(analysis.events, analysis.entities)
        feats = [event_features(e, doc, view, self.senses) | extra_features(e, actors) for e in analysis.events]
        self.seen[analysis.article.id] = (analysis.events, feats, [s.start for s in analysis.sentences])
        return analysis


def _run(pipeline: Any, articles: list[Any], senses: Any) -> _Capture:
    capture = _Capture(senses)
    pipeline.stages.append(capture)
    for result in pipeline.analyze_many(articles):
        if not hasattr(result, "events"):
            raise SystemExit(f"the pipeline failed: {result}")
    return capture


def gold_rows(tuning: list[str], check: list[str]) -> list[Row]:
    from wirescope.nlp.pipeline import Pipeline
    from wirescope.nlp.resources.petrarch import load_dictionaries

    stories, articles = read_gold(GOLD, "all")
    dicts = load_dictionaries(None)
    # the default stages without the verifier itself: its features read the coder's own confidence, as the verify
    # stage (the last of the default stages) does
    stages = tuple(s for s in DEFAULT_STAGES if s != "verify")
    capture = _run(Pipeline(Settings(stages=stages)), articles, dictionary_senses(dicts.verbs, dicts.patterns))
    rows = []
    for story in stories:
        part = "tuning" if story.story in tuning else "check" if story.story in check else "other"
        rows += story_rows(story, part, *capture.seen[story.article_id])
    return rows


def story_rows(story: Any, part: str, events: Sequence[Any], feats: Sequence[dict[str, float]],
               sentence_starts: Sequence[int]) -> list[Row]:
    """The labelled candidates of one gold story, made as the scorer makes them (``realnews_run``): a candidate
    per mention, so an event repeated in other sentences is labelled in each; every mention of an event has the
    event's features (the verifier scores the event once, and its confidence is each mention's)."""
    from wirescope.eval.realnews import candidates_from, match_set_aside

    cands, cand_feats, modality = [], [], {}
    for e, f in zip(events, feats, strict=True):
        mentions = candidates_from(story, [e], sentence_starts)
        cands += mentions
        cand_feats += [f] * len(mentions)
        modality.update((id(c), e.modality) for c in mentions)
    result = score_story(story, cands)
    label = {id(c): 1 for _, c in result.matched} | {id(c): 0 for c in result.invented}
    aside = {id(c): int(hit) for c, hit in match_set_aside(story, cands)}
    return [Row(story.story, part, f, label.get(id(c)), asdict(c),
                modality[id(c)] if id(c) in aside else None, aside.get(id(c)))
            for c, f in zip(cands, cand_feats, strict=True)]


def suite_rows(shared: Path) -> list[Row]:
    from wirescope.eval.events import read_petr_xml
    from wirescope.nlp.coding.actors import ActorCoder
    from wirescope.nlp.coding.engine import EventCoder
    from wirescope.nlp.pipeline import Pipeline
    from wirescope.nlp.resources.petrarch import load_dictionaries
    from wirescope.nlp.stages.events import TARGETLESS_ROOTS
    from wirescope.records import Article

    rows = []
    for folder_name, file_name in SUITES:
        folder = shared / folder_name
        records = read_petr_xml(folder / file_name)
        dicts = load_dictionaries(folder)
        pipeline = Pipeline(Settings(stages=("entities", "events"), dictionaries=folder))
        # as `wirescope eval events` codes the suites: their fictional actors only, no bundled supplement
        pipeline.stages[1]._coder = EventCoder(  # type: ignore[attr-defined]
            dicts, ActorCoder(dicts, supplement=False), require_target=True, targetless_roots=TARGETLESS_ROOTS)
        articles = [Article(id=f"{folder_name}:{i}", text=r.text, published=r.date) for i, r in enumerate(records)]
        capture = _run(pipeline, articles, dictionary_senses(dicts.verbs, dicts.patterns))
        for article, record in zip(articles, records, strict=True):
            events, feats, _ = capture.seen[article.id]
            for e, f in zip(events, feats, strict=True):
                if e.modality not in PRODUCED_FACTUAL:
                    continue
                triple = (e.source.code or "" if e.source else "", e.target.code or "" if e.target else "", e.code)
                rows.append(Row(f"{folder_name}:{record.id}", "suite", f, int(triple in record.expected)))
    return rows


# BBC politics (2004-05 British domestic politics) articles 001-299: a transfer check without labels, the
# distribution of the model's confidences on news unlike VOA's. Articles 300-417 are the blind judgement set
# (/work/notes/session8.md): never read, never coded.
BBC = REPO.parent / "shared" / "data" / "corpora" / "bbc2225.jsonl"
BBC_POLITICS_LAST = 299


def _bbc_politics(article_id: str) -> bool:
    category, _, name = article_id.partition("/")
    number = name.split(".")[0]
    return category == "politics" and number.isdigit() and 1 <= int(number) <= BBC_POLITICS_LAST


def _bbc_key(record_id: str, event: Any) -> list[Any]:
    """An event's key in judged-label files (``data/judged/README.md``): article, sentence, trigger, code,
    actor codes, modality."""
    return [record_id, event.sentence, event.trigger.text, event.code, event.source.code if event.source else None,
            event.target.code if event.target else None, event.modality]


def bbc_politics_features(path: Path, cache: Path | None) -> list[dict[str, Any]]:
    """The key and features of every event the coder makes in BBC politics 001-299 (kept in ``cache`` when
    given): ``{"key": [...], "features": {...}}`` each."""
    if cache is not None and cache.exists():
        return list(json.loads(cache.read_text(encoding="utf-8")))
    from wirescope.ingest.tabular import read_jsonl
    from wirescope.nlp.pipeline import Pipeline
    from wirescope.nlp.resources.petrarch import load_dictionaries
    from wirescope.records import Article

    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and _bbc_politics(json.loads(line).get("id", ""))]
    articles = [a for a in read_jsonl("\n".join(lines), str(path)) if isinstance(a, Article)]
    assert len(articles) <= BBC_POLITICS_LAST, "only BBC politics 001-299 may be coded"
    record_ids = {a.id: json.loads(a.raw)["id"] for a in articles}
    dicts = load_dictionaries(None)
    stages = tuple(s for s in DEFAULT_STAGES if s != "verify")
    capture = _run(Pipeline(Settings(stages=stages)), articles, dictionary_senses(dicts.verbs, dicts.patterns))
    out = [{"key": _bbc_key(record_ids[a], e), "features": f}
           for a, (events, fs, _) in capture.seen.items() for e, f in zip(events, fs, strict=True)]
    if cache is not None:
        cache.write_text(json.dumps(out), encoding="utf-8")
    return out


def confidence_shares(model: Verifier, feats: list[dict[str, float]]) -> str:
    """How the model's confidences of ``feats`` spread over the bands (the share at 0.7 or more last)."""
    probs = [model.probability(f) for f in feats]
    bands = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 1.01))
    shares = [sum(1 for p in probs if lo <= p < hi) / len(probs) for lo, hi in bands] if probs else [0.0] * 4
    return f"{len(probs)} events; share per band 0-0.3 / 0.3-0.5 / 0.5-0.7 / 0.7-1.0: " + \
        " / ".join(f"{x:.2f}" for x in shares)


def judged_calibration(model: Verifier, coded: list[dict[str, Any]], label_files: list[Path],
                       threshold: float) -> str:
    """The model's calibration on BBC politics 001-299 events judged by hand ("real": an act of the coded root
    between the coded countries, roughly the right modality; files of ``{"key": [...], "real": bool}`` lines, kept
    outside the repository). A reported transfer figure: nothing is fitted to it."""
    real = {tuple(d["key"]): int(bool(d["real"])) for f in label_files
            for d in map(json.loads, f.read_text(encoding="utf-8").splitlines()) if d.get("real") is not None}
    # as the real-news scorer: only events the coder says happened (asserted, reported, threatened)
    pairs = [(model.probability(c["features"]), real[tuple(c["key"])]) for c in coded
             if tuple(c["key"]) in real and c["key"][6] in PRODUCED_FACTUAL]
    if not pairs:
        return "no coded event has a judgement"
    shown = [ok for p, ok in pairs if p >= threshold]
    found = calibration_of(pairs)
    return (f"{len(pairs)} factual events of {len(coded)} judged; real {sum(ok for _, ok in pairs) / len(pairs):.3f}; "
            f"at >= {threshold}: {len(shown)} shown, real {sum(shown) / max(len(shown), 1):.3f}; "
            f"ECE {found['ece']}; bands {json.dumps(found['bands'])}")


# --------------------------------------------------------------------------------------------------- model


def _attested(rows: list[Row], min_groups: int) -> set[str]:
    """The feature names that occur in at least ``min_groups`` groups of ``rows``: gold stories, and each suite as
    one group (a feature of three sentences of one synthetic suite is not "seen in three stories"; review 8 #13)."""
    seen: dict[str, set[str]] = {}
    for r in rows:
        group = r.group.split(":", 1)[0] if r.part == "suite" else r.group  # suite rows: "<suite>:<record>"
        for name in r.features:
            seen.setdefault(name, set()).add(group)
    return {name for name, groups in seen.items() if len(groups) >= min_groups}


def _fit(rows: list[Row], c: float, suite_weight: float, min_stories: int = MIN_STORIES,
         draws: Mapping[str, int] | None = None) -> Any:
    """A logistic regression (with its vectoriser) on the labelled rows; a feature seen in fewer than
    ``min_stories`` of their stories gets no weight (a rare word or rule says more of the story than of the
    event, and would not carry to other news). ``draws``: how many times a bootstrap drew each gold story (its rows
    weighted so; a story not named is not in ``rows``)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [r for r in rows if r.label is not None and (r.part != "suite" or suite_weight > 0)]
    vec = DictVectorizer()
    kept = _attested(rows, min_stories)
    x = vec.fit_transform([{k: v for k, v in r.features.items() if k in kept} for r in rows])
    # a story drawn twice by a bootstrap (``_bagged``) counts twice: the weight of each of its rows
    weights = [suite_weight if r.part == "suite" else float((draws or {}).get(r.group, 1)) for r in rows]
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    model.fit(x, [r.label for r in rows], sample_weight=weights)
    return vec, model


def _predict(fitted: Any, rows: list[Row]) -> list[float]:
    vec, model = fitted
    if not rows:
        return []
    return [float(p) for p in model.predict_proba(vec.transform([r.features for r in rows]))[:, 1]]


def _folds(groups: list[str], k: int, seed: int = SEED) -> list[list[str]]:
    """``k`` folds of groups, shuffled with ``seed`` (deterministic)."""
    order = sorted(set(groups))
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(min(k, len(order)))]


def _isotonic(raw: list[float], labels: list[int]) -> Calibration:
    from sklearn.isotonic import IsotonicRegression

    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(raw, labels)
    return Calibration("isotonic", tuple(round(float(v), 6) for v in iso.X_thresholds_),
                       tuple(round(float(v), 6) for v in iso.y_thresholds_))


def _platt(raw: list[float], labels: list[int]) -> Calibration:
    """``p = sigmoid(a * logit(raw) + b)``, fitted by (nearly unregularised) logistic regression on the logit, as
    ``Calibration`` computes it."""
    import math

    from sklearn.linear_model import LogisticRegression

    z = [[math.log(min(max(p, 1e-6), 1 - 1e-6) / (1 - min(max(p, 1e-6), 1 - 1e-6)))] for p in raw]
    lr = LogisticRegression(C=1e4, max_iter=2000, random_state=SEED).fit(z, labels)
    return Calibration("platt", a=round(float(lr.coef_[0][0]), 6), b=round(float(lr.intercept_[0]), 6))


def _calibrate(raw: list[float], labels: list[int], method: str) -> Calibration:
    return _isotonic(raw, labels) if method == "isotonic" else _platt(raw, labels)


def _oof_raw(rows: list[Row], c: float, suite_weight: float, k: int = INNER_FOLDS,
             min_stories: int = MIN_STORIES, seed: int = SEED) -> dict[int, float]:
    """Out-of-fold raw probabilities of the gold-story rows of ``rows`` (story-grouped folds; suite rows always
    train)."""
    gold = [r for r in rows if r.part != "suite"]
    out: dict[int, float] = {}
    for held in _folds([r.group for r in gold], k, seed):
        held_set = set(held)
        fitted = _fit([r for r in rows if r.group not in held_set], c, suite_weight, min_stories)
        test = [r for r in gold if r.group in held_set]
        out.update(zip((id(r) for r in test), _predict(fitted, test), strict=True))
    return out


def train(rows: list[Row], c: float, suite_weight: float, method: str = "isotonic",
          min_stories: int = MIN_STORIES, seed: int = SEED, bags: int = 1) -> Verifier:
    """A calibrated verifier: the regression on all ``rows``, calibration (``method``) on its out-of-fold raw
    predictions for the gold-story rows; with ``bags`` > 1 the average of that many regressions on story
    bootstraps, calibrated on its out-of-bag predictions (``_bagged``)."""
    if bags > 1:
        return _bagged(rows, c, suite_weight, method, min_stories, seed, bags)
    raw = _oof_raw(rows, c, suite_weight, min_stories=min_stories, seed=seed)
    labelled = [r for r in rows if r.part != "suite" and r.label is not None]
    calibration = _calibrate([raw[id(r)] for r in labelled], [r.label for r in labelled], method)  # type: ignore[misc]
    vec, model = _fit(rows, c, suite_weight, min_stories)
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
               if abs(w) >= 1e-5}
    return Verifier(round(float(model.intercept_[0]), 5), weights, calibration, 0.5)


def _draws(key: str) -> int:
    """How many times a story is drawn into one bootstrap: Poisson(1) (the bootstrap of a large sample, story by
    story), from a generator seeded by ``key`` (the seed, the bootstrap and the story's id), so that a story's draws
    do not depend on which other stories there are: a refit with a story more, less or coded otherwise keeps every
    other story's draws, and the bag moves only by what changed."""
    rng = random.Random(key)
    n, product = 0, rng.random()
    while product > POISSON_ONE:  # Knuth: the number of uniform draws whose product stays above exp(-1)
        n += 1
        product *= rng.random()
    return n


def _bagged(rows: list[Row], c: float, suite_weight: float, method: str, min_stories: int, seed: int,
            bags: int) -> Verifier:
    """The average of ``bags`` logistic regressions, each fitted on a bootstrap of the gold stories (``_draws``;
    the suite rows whole), calibrated (``method``) on the out-of-bag predictions:
    each gold row's log-odds averaged over the regressions whose bootstrap did not draw its story. A linear model's
    average is one linear model (the mean bias and the mean weights; a weight a regression did not give counts 0),
    so the model file and the cost of scoring are those of one regression. Measured in session 25 (docs/verifier.md,
    "Session 25"): a refit with one story left out moves its log-odds a sixth less than one regression's, mostly
    through a steadier calibration slope, but its tuning ECE was twice as high: not the default."""
    gold = [r for r in rows if r.part != "suite"]
    stories = sorted({r.group for r in gold})
    bias, weights = 0.0, dict[str, float]()
    out_of_bag: dict[int, list[float]] = {}
    for k in range(bags):
        draws = {s: n for s in stories if (n := _draws(f"{seed}:{k}:{s}"))}
        vec, model = _fit([r for r in rows if r.part == "suite" or r.group in draws], c, suite_weight, min_stories,
                          draws)
        bias += float(model.intercept_[0]) / bags
        for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True):
            weights[name] = weights.get(name, 0.0) + float(w) / bags
        held = [r for r in gold if r.group not in draws and r.label is not None]
        if held:
            scores = model.decision_function(vec.transform([r.features for r in held]))
            for r, z in zip(held, scores, strict=True):
                out_of_bag.setdefault(id(r), []).append(float(z))
    labelled = [r for r in gold if id(r) in out_of_bag]
    raw = [1 / (1 + math.exp(-statistics.fmean(out_of_bag[id(r)]))) for r in labelled]
    calibration = _calibrate(raw, [r.label for r in labelled], method)  # type: ignore[misc]
    return Verifier(round(bias, 5), {k: round(w, 5) for k, w in weights.items() if abs(w) >= 1e-5}, calibration,
                    0.5)


def _log_loss(ps: list[float], ys: list[int]) -> float:
    import math

    return -sum(math.log(min(max(p if y else 1 - p, 1e-6), 1.0)) for p, y in zip(ps, ys, strict=True)) / len(ys)


def choose(rows: list[Row], methods: tuple[str, ...] = ("platt",), min_stories: int = MIN_STORIES,
           seeds: Sequence[int] = vs.SELECTION_SEEDS, rule: str = "one-se") -> tuple[float, float, str, list[str]]:
    """The (C, suite weight, calibration) chosen on the tuning stories' nested out-of-fold log loss (each tuning
    story predicted by a verifier trained and calibrated without it), averaged over the fold ``seeds``: by the
    one-standard-error rule (``verifier_select``), or the lowest loss (``rule`` "min")."""
    report, points = [], []
    for method in methods:
        for c in GRID_C:
            for w in GRID_SUITE_WEIGHT:
                per_seed = []
                for seed in seeds:
                    probs = nested_oof(rows, c, w, k=INNER_FOLDS, method=method, min_stories=min_stories, seed=seed)
                    per_seed.append(vs.story_sums([(r.group, probs[id(r)], r.label) for r in rows
                                                   if r.part == "tuning" and r.label is not None]))
                point = vs.scored((c, w, method), per_seed)
                points.append(point)
                by_seed = " ".join(f"{sum(a for a, _ in d.values()) / sum(n for _, n in d.values()):.4f}"
                                   for d in per_seed)
                report.append(f"  {method:<8} C={c:<5} suite weight={w:<4} tuning-part nested out-of-fold log loss "
                              f"{point.loss:.4f} (standard error over stories {point.se:.4f}; seeds {by_seed})")
    best = min(points, key=lambda p: p.loss)
    report += [f"  against the best (C={best.point[0]}, suite weight={best.point[1]}): C={p.point[0]}, suite weight="
               f"{p.point[1]}: {p.loss - best.loss:+.4f} (standard error of the difference {vs.paired_se(p, best):.4f})"
               for p in points if p is not best]
    chosen = vs.one_se(points) if rule == "one-se" else best
    return chosen.point[0], chosen.point[1], chosen.point[2], report


def nested_oof(rows: list[Row], c: float, suite_weight: float, k: int | None = None,
               method: str = "isotonic", min_stories: int = MIN_STORIES, seed: int = SEED,
               bags: int = 1) -> dict[int, float]:
    """Calibrated out-of-fold probabilities of every gold-story row of ``rows``: each group predicted by a verifier
    trained and calibrated (inner folds, or out of bag with ``bags`` > 1) without it; ``k`` None is leave one story
    out."""
    gold = [r for r in rows if r.part != "suite"]
    groups = [r.group for r in gold]
    folds = _folds(groups, k, seed) if k else [[g] for g in sorted(set(groups))]
    out: dict[int, float] = {}
    for held in folds:
        held_set = set(held)
        verifier = train([r for r in rows if r.group not in held_set], c, suite_weight, method, min_stories, seed,
                         bags)
        for r in gold:
            if r.group in held_set:
                out[id(r)] = verifier.probability(r.features)
    return out


# --------------------------------------------------------------------------------------------------- figures


@functools.cache
def _gold() -> tuple[Any, ...]:
    return tuple(read_gold(GOLD, "all")[0])


def _scored(rows: list[Row], probs: dict[int, float], stories: list[str], threshold: float = 0.0) -> dict[str, Any]:
    """The real-news scorer's figures for ``stories``, each candidate's confidence replaced by ``probs``, counting
    only the candidates at or above ``threshold`` as produced."""
    gold = _gold()
    wanted = [s for s in gold if s.story in set(stories)]
    cands: dict[str, list[Candidate]] = {s.story: [] for s in wanted}
    for r in rows:
        if r.group in cands and r.candidate is not None and probs[id(r)] >= threshold:
            cands[r.group].append(Candidate(**{**r.candidate, "confidence": probs[id(r)]}))
    by_story: dict[str, Sequence[Candidate]] = dict(cands)
    return dict(score(wanted, by_story))


def figures(rows: list[Row], probs: dict[int, float], stories: list[str], threshold: float) -> dict[str, Any]:
    """Precision, recall, F1 (with intervals) and calibration for all candidates and at ``threshold``."""
    keys = ("precision", "precision_95", "recall", "recall_95", "f1", "f1_95", "produced_events")
    every, above = _scored(rows, probs, stories), _scored(rows, probs, stories, threshold)
    return {"all": {k: every[k] for k in keys} | {"ece": every["confidence"]["ece"],
                                                   "ece_95": every["confidence"].get("ece_95"),
                                                   "bands": every["confidence"]["bands"]},
            f">={threshold}": {k: above[k] for k in keys}}


THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


def pick_threshold(rows: list[Row], probs: dict[int, float], stories: list[str]) -> tuple[float, list[str]]:
    """The default threshold, from the tuning part's out-of-fold probabilities: F0.5 (precision weighted twice as
    much as recall: a kept event feeds alerts and the escalation index) at each of ``THRESHOLDS``; the highest
    threshold whose F0.5 is within 5% of the best. The curve is flat over a wide range (recall is small at every
    threshold), and within that range the more precise choice is the better default."""
    scores, report = [], []
    for t in THRESHOLDS:
        s = _scored(rows, probs, stories, t)
        p, r = s["precision"], s["recall"]
        f = 1.25 * p * r / (0.25 * p + r) if p + r else 0.0
        scores.append((t, f))
        report.append(f"  >= {t:<4}: {s['produced_events']:>3} events, precision {p:.3f}, recall {r:.3f}, "
                      f"F0.5 {f:.3f}")
    best = max(f for _, f in scores)
    return max(t for t, f in scores if f >= 0.95 * best), report


def _auc(rows: list[Row], probs: dict[int, float]) -> float:
    from sklearn.metrics import roc_auc_score

    scored = [r for r in rows if r.part != "suite" and r.label is not None and id(r) in probs]
    return round(float(roc_auc_score([r.label for r in scored], [probs[id(r)] for r in scored])), 3)


# --------------------------------------------------------------------------------------------------- main


def collect(cache: Path | None, shared: Path) -> list[Row]:
    if cache is not None and cache.exists():
        return [Row(**r) for r in json.loads(cache.read_text(encoding="utf-8"))]
    tuning, check = read_split()
    rows = gold_rows(tuning, check) + suite_rows(shared)
    if cache is not None:
        cache.write_text(json.dumps([asdict(r) for r in rows]), encoding="utf-8")
    return rows


def _kept(features: dict[str, float], args: argparse.Namespace) -> dict[str, float]:
    """``features`` without those the options leave out (``--without-extra``, ``--drop``)."""
    drop = tuple(args.drop)
    return {k: v for k, v in features.items()
            if not (args.without_extra and k in EXTRA_NAMES) and not (drop and k.startswith(drop))}


# In the pooled out-of-fold figure, the rows of gold stories the rules were not written on (the check part) carry
# this feature, so that each fold learns their prior shift from the other such stories it trains on, as the shipped
# model's UNSEEN_SHIFT is chosen on news the rules were not written on; the shipped model never sees it.
UNTUNED = "story=rules-not-written-on-it"


def mark_untuned(rows: list[Row], tuned: set[str]) -> list[Row]:
    """Copies of ``rows``, those of gold stories not in ``tuned`` with the ``UNTUNED`` feature (suite rows as
    they are: they never train the pooled folds' gold model at suite weight 0, and are no story of real news)."""
    return [Row(r.group, r.part, r.features if r.part == "suite" or r.group in tuned else r.features | {UNTUNED: 1.0},
                r.label, r.candidate) for r in rows]


def judged_features(label_files: list[Path], cache: Path | None) -> list[dict[str, Any]]:
    """The set (the label file's stem), key and features of every event the coder makes on the articles each label
    file spans, coded as the judge saw them (``verifier_judged.judged_articles``; kept in ``cache`` when given).
    Only features and keys leave the coder: no text."""
    import verifier_judged as vj

    if cache is not None and cache.exists():
        return list(json.loads(cache.read_text(encoding="utf-8")))
    from wirescope.nlp.pipeline import Pipeline
    from wirescope.nlp.resources.petrarch import load_dictionaries

    dicts = load_dictionaries(None)
    stages = tuple(s for s in DEFAULT_STAGES if s != "verify")
    coded = []
    for f in label_files:
        records = vj.judged_articles(vj.read_labels([f]))
        capture = _run(Pipeline(Settings(stages=stages)), [a for _, a in records],
                       dictionary_senses(dicts.verbs, dicts.patterns))
        coded += [{"set": f.stem, "key": _bbc_key(rid, e), "features": fs} for rid, a in records
                  for e, fs in zip(capture.seen[a.id][0], capture.seen[a.id][1], strict=True)]
    if cache is not None:
        cache.write_text(json.dumps(coded), encoding="utf-8")
    return coded


def guardian_check(model: Verifier, labels: list[Path], cache: Path | None, args: argparse.Namespace) -> str:
    """The model's calibration on the judged events of ``labels`` (``verifier_judged``), coded as judged."""
    import verifier_judged as vj

    coded = judged_features(labels, cache)
    probs = [model.probability(_kept(c["features"], args)) for c in coded]
    return vj.judged_figures(probs, [c["key"] for c in coded], vj.read_labels(labels))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="JSON file of coded candidates to reuse (made when absent)")
    parser.add_argument("--out", type=Path, default=OUT, help="the model file to write")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data", help="the shared data folder")
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write no model file")
    parser.add_argument("--calibration", choices=sorted(CALIBRATIONS), default="platt",
                        help="calibration method, or 'both' to choose it on the tuning part like C")
    parser.add_argument("--without-extra", action="store_true",
                        help="leave out the article-level features (nlp/verify/extra.py), to measure what they add")
    parser.add_argument("--drop", action="append", default=[], metavar="PREFIX",
                        help="leave out the features whose names start with PREFIX (repeatable), to measure what "
                             "they add; e.g. --drop gov_class= --drop speaker=")
    parser.add_argument("--bbc-politics", action="store_true",
                        help="also print how the model's confidences spread on BBC politics 001-299 (no labels)")
    parser.add_argument("--bbc-cache", type=Path, help="JSON file of the BBC politics features to reuse")
    parser.add_argument("--bbc-labels", type=Path, action="append", default=[], metavar="FILE",
                        help="with --bbc-politics: judged labels of those events (JSON Lines of key and real), to "
                             "print the model's calibration on them (repeatable)")
    parser.add_argument("--selection", choices=("one-se", "min"), default="one-se",
                        help="how the grid point is chosen from the seed-averaged nested log loss: the most "
                             "regularised within one standard error over stories of the best (default), or the "
                             "lowest (scripts/verifier_select.py)")
    parser.add_argument("--selection-seeds", type=int, default=len(vs.SELECTION_SEEDS), metavar="N",
                        help="average the nested log loss over fold seeds 0..N-1")
    parser.add_argument("--min-stories", type=int, default=MIN_STORIES,
                        help="give a weight only to features seen in at least this many training stories")
    parser.add_argument("--unseen-shift", type=float, default=UNSEEN_SHIFT,
                        help="prior shift added to the shipped model's calibrated log-odds for news the rules were "
                             "not written on (see UNSEEN_SHIFT); 0 for none")
    parser.add_argument("--guardian-labels", type=Path, action="append", default=[], metavar="FILE",
                        help="a judge's labels of Guardian events (JSON Lines of key, real, fully_right; "
                             "scripts/verifier_judged.py): print the model's calibration on them (repeatable)")
    parser.add_argument("--guardian-cache", type=Path, help="JSON file of the judged Guardian features to reuse")
    parser.add_argument("--stability", action="store_true",
                        help="also print how much refits with one tuning story left out move the shipped "
                             "confidences (on BBC politics 001-299 too with --bbc-politics)")
    parser.add_argument("--bags", type=int, default=BAGS, metavar="K",
                        help="ship the average of K regressions fitted on story bootstraps, calibrated out of bag "
                             "(see BAGS); 1 (the default) for one regression calibrated on its out-of-fold "
                             "predictions")
    return parser


def main() -> None:
    from threadpoolctl import threadpool_limits  # scikit-learn's own dependency

    args = _parser().parse_args()
    # one thread per fit: the problems are small, and the threads of BLAS spent 4 times the CPU of one in the
    # thousands of fits of a run (session 25, a shared 2-core machine)
    threadpool_limits(1)
    least = args.min_stories  # passed down, not set on the module (review 8 #13)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress shows in a log file
    rows = collect(args.cache, args.data / "events")
    for r in rows:
        r.features = _kept(r.features, args)
    tuning, check = read_split()
    train_rows = shipped_rows(rows, check)
    counts = {p: (sum(1 for r in rows if r.part == p and r.label is not None),
                  sum(1 for r in rows if r.part == p and r.label == 1)) for p in ("tuning", "check", "suite")}
    print("labelled candidates (rows, positives):", counts)
    c, w, method, report = choose(train_rows, CALIBRATIONS[args.calibration], least,
                                  tuple(range(args.selection_seeds)), args.selection)
    print(f"model selection on the tuning part ({args.selection}, {args.selection_seeds} fold seeds):", *report,
          f"chosen: C={c}, suite weight={w}, calibration {method}", sep="\n")
    oof = functools.partial(nested_oof, c=c, suite_weight=w, method=method, min_stories=least, bags=args.bags)
    tuning_oof = oof(train_rows)
    threshold, lines = pick_threshold(train_rows, tuning_oof, tuning)
    print("thresholds on the tuning part (leave one story out):", *lines, f"default threshold: {threshold}", sep="\n")
    on_tuning = figures(train_rows, tuning_oof, tuning, threshold)
    print("tuning part, leave one story out:", json.dumps(on_tuning))
    # the shipped model is written before the pooled figure is computed, which takes a third of the time
    verifier = train(train_rows, c, w, method, least, bags=args.bags)
    shift = args.unseen_shift
    # the threshold chosen on the tuning part keeps the same candidates on the shifted scale
    unseen_threshold = round(Calibration("none").shifted(shift)(threshold), 3)
    set_aside, aside_lines = verifier_aside.rates(rows, shift)
    print("modalities the scorer sets aside (their events' probability):", *aside_lines, sep="\n")
    model = Verifier(verifier.bias, verifier.weights, verifier.calibration.shifted(shift), unseen_threshold,
                     _model_meta(train_rows, counts, args, c, w, method), set_aside=set_aside)
    if not args.dry_run:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out} ({len(model.weights)} weights, format {MODEL_FORMAT}, features {FEATURES_VERSION})")
    _print_other_news(model, args)
    if args.stability:
        print("refit stability, each tuning story left out in turn (shipped scale):", json.dumps(refit_stability(
            train_rows, lambda rs: train(rs, c, w, method, least, bags=args.bags), shift,
            [e["features"] for e in bbc_politics_features(BBC, args.bbc_cache)] if args.bbc_politics else [])))
    assert not any(UNTUNED in r.features for r in train_rows)
    _print_pooled(rows, oof, tuning, check, threshold, tuning_ece=on_tuning["all"]["ece"])


def refit_stability(rows: list[Row], fit: Callable[[list[Row]], Verifier], shift: float,
                    others: list[dict[str, float]]) -> dict[str, Any]:
    """How much the training procedure ``fit`` moves the shipped confidences when one tuning story is left out
    (``verifier_select.refit_spread``), on the labelled tuning candidates and on ``others`` (events of other news,
    no labels: BBC politics 001-299 with ``--bbc-politics``): a change of the coder moves a few stories' candidates,
    and the confidences of unchanged candidates should not move more than that. Reported only."""
    def shipped(v: Verifier) -> Verifier:
        return Verifier(v.bias, v.weights, v.calibration.shifted(shift), v.threshold)

    reference = shipped(fit(rows))
    stories = sorted({r.group for r in rows if r.part == "tuning" and r.label is not None})
    refits = [shipped(fit([r for r in rows if r.group != s])) for s in stories]
    sets = {"tuning candidates": [r.features for r in rows if r.part == "tuning" and r.label is not None]}
    if others:
        sets["other news"] = others
    return {name: vs.refit_spread([reference.probability(f) for f in feats],
                                  [[v.probability(f) for f in feats] for v in refits])
            for name, feats in sets.items()}


def _model_meta(train_rows: list[Row], counts: dict[str, tuple[int, int]], args: argparse.Namespace, c: float,
                w: float, method: str) -> dict[str, Any]:
    """What the shipped model was trained on and how it was chosen (the model file's meta); the check part's
    counts are left out, since it never trains the shipped model."""
    import sklearn

    return {"trained_on": {"gold_stories": sorted({r.group for r in train_rows if r.part == "tuning"}),
                           "rows": {p: n for p, (n, _) in counts.items() if p != "check"},
                           "positives": {p: k for p, (_, k) in counts.items() if p != "check"},
                           "suites": [s for s, _ in SUITES]},
            "C": c, "suite_weight": w, "calibration": method, "bags": args.bags, "seed": SEED,
            "selection": args.selection,
            "selection_seeds": args.selection_seeds, "sklearn": sklearn.__version__,
            "label": "matches a gold event on (sentence, source country, target country, root)",
            "unseen_shift": args.unseen_shift}


def _print_other_news(model: Verifier, args: argparse.Namespace) -> None:
    """The shipped model on news outside the gold, as asked: its confidences on BBC politics 001-299 (with the
    judged labels given, its calibration on them), and its calibration on judged Guardian events."""
    if args.bbc_politics:
        coded = [c | {"features": _kept(c["features"], args)} for c in bbc_politics_features(BBC, args.bbc_cache)]
        print("BBC politics 001-299, the model's confidences:",
              confidence_shares(model, [c["features"] for c in coded]))
        if args.bbc_labels:
            print("BBC politics 001-299, judged events:",
                  judged_calibration(model, coded, args.bbc_labels, model.threshold))
    if args.guardian_labels:
        print("Guardian, judged blind:", guardian_check(model, args.guardian_labels, args.guardian_cache, args))


def _print_pooled(rows: list[Row], oof: Callable[[list[Row]], dict[int, float]], tuning: list[str],
                  check: list[str], threshold: float, *, tuning_ece: float) -> None:
    """The issue's figure: out-of-fold predictions pooled over ALL gold stories (the check part's marked UNTUNED),
    with the ECE a perfectly calibrated confidence would show on them, and the ranking against the coder's own
    confidence. Reported only: nothing is chosen with it."""
    pooled_rows = mark_untuned(rows, set(tuning))
    everything = oof(pooled_rows)
    pooled = figures(pooled_rows, everything, tuning + check, threshold)
    print("ALL gold stories, leave one story out (each story predicted without it; the stories the rules were not "
          f"written on marked {UNTUNED}):", json.dumps(pooled))
    print(f"out-of-fold ECE: tuning stories {tuning_ece} ({len(tuning)} stories); pooled over all "
          f"{len(tuning) + len(check)} gold stories {pooled['all']['ece']} (95% over stories "
          f"{pooled['all']['ece_95']}; issue 17: at most 0.05)")
    floor = vs.calibrated_ece([everything[id(r)] for r in pooled_rows if r.part != "suite" and r.label is not None],
                              lambda pairs: calibration_of(pairs)["ece"], seed=SEED)
    print("the ECE a perfectly calibrated confidence would show on as many candidates with the same confidences "
          f"(labels drawn from them, 1000 draws): mean {floor[0]:.3f}, 5-95% {floor[1]:.3f}-{floor[2]:.3f}")
    print("ranking (ROC AUC) of the same candidates: verifier", _auc(pooled_rows, everything),
          "· the coder's rule-based confidence", _auc(rows, {id(r): r.features.get("conf", 0.0) for r in rows}))


if __name__ == "__main__":
    main()
