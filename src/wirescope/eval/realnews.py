"""Scoring the event coder against the real-news gold (``docs/events-gold.md``, section 5).

Produced events are matched to gold events one-to-one, sentence by sentence, on (source country, target country,
root): a produced event belongs to the gold sentence that holds its trigger; its root must be one of the gold
event's acceptable roots. "With roles" adds each actor's role to the key. Only factual events are compared: gold
events coded ``hypothetical`` or ``negated``, and produced events the coder marks so, are set aside (a produced
factual event matching a set-aside gold event counts neither way).

Intervals are 95% story-bootstrap intervals: the stories are resampled with replacement (fixed seed), because
events of one story are not independent draws. Calibration is the expected calibration error over ten equal-width
confidence bins, on the same match key.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, NotRequired, TypedDict

from .gold_stories import FACTUAL, GoldActor, GoldEvent, GoldStory

ActorKey = str | None
# Produced modalities that claim an act happened. A "threatened" event is the coder's way of saying an act was
# announced for the future: what happened is the announcement (see ``scored_root``).
PRODUCED_FACTUAL = frozenset({"asserted", "reported", "threatened"})
BANDS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A produced event as the real-news scorer sees it."""

    story: str
    sentence: int | None  # the gold sentence holding the trigger
    source: ActorKey
    target: ActorKey
    source_role: str | None
    target_role: str | None
    root: str
    confidence: float
    factual: bool
    description: str = ""  # for --verbose listings


@dataclass(frozen=True, slots=True)
class StoryResult:
    story: str
    matched: tuple[tuple[GoldEvent, Candidate], ...]
    missed: tuple[GoldEvent, ...]
    invented: tuple[Candidate, ...]
    set_aside: int


def gold_key(actor: GoldActor | None) -> tuple[ActorKey, str | None]:
    if actor is None:
        return None, None
    return actor.country, actor.role


def _fits(gold: GoldEvent, cand: Candidate, roles: bool) -> bool:
    (sc, sr), (tc, tr) = gold_key(gold.source), gold_key(gold.target)
    if cand.sentence != gold.sentence or cand.root not in gold.roots or (cand.source, cand.target) != (sc, tc):
        return False
    return not roles or (cand.source_role, cand.target_role) == (sr, tr)


def _match(golds: Sequence[GoldEvent], cands: Sequence[Candidate], roles: bool) -> dict[int, int]:
    """A maximum one-to-one matching (candidate index -> gold index), by augmenting paths."""
    fits = [[g for g, gold in enumerate(golds) if _fits(gold, c, roles)] for c in cands]
    owner: dict[int, int] = {}

    def augment(c: int, seen: set[int]) -> bool:
        for g in fits[c]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = c
                return True
        return False

    for c in range(len(cands)):
        augment(c, set())
    return {c: g for g, c in owner.items()}


def score_story(story: GoldStory, cands: Sequence[Candidate], roles: bool = False) -> StoryResult:
    factual = [e for e in story.events if e.modality in FACTUAL]
    aside = [e for e in story.events if e.modality not in FACTUAL]
    scored = [c for c in cands if c.factual]
    pairs = _match(factual, scored, roles)
    rest = [c for i, c in enumerate(scored) if i not in pairs]
    aside_pairs = _match(aside, rest, roles)
    invented = tuple(c for i, c in enumerate(rest) if i not in aside_pairs)
    hit = set(pairs.values())
    return StoryResult(
        story.story,
        tuple((factual[g], scored[c]) for c, g in sorted(pairs.items())),
        tuple(e for g, e in enumerate(factual) if g not in hit),
        invented,
        len(aside_pairs),
    )


def match_set_aside(story: GoldStory, cands: Sequence[Candidate]) -> list[tuple[Candidate, bool]]:
    """The non-factual candidates (the coder's hypothetical and negated events), each with whether the scorer's
    one-to-one matching pairs it with a gold event of a set-aside modality on the key. For the scorer they are
    neither right nor wrong; the verifier's confidence for them is the rate measured this way
    (``scripts/train_verifier.py``, ``Verifier.set_aside``)."""
    aside = [e for e in story.events if e.modality not in FACTUAL]
    rest = [c for c in cands if not c.factual]
    pairs = _match(aside, rest, False)
    return [(c, i in pairs) for i, c in enumerate(rest)]


def _prf(results: Sequence[StoryResult]) -> tuple[float, float, float]:
    tp = sum(len(r.matched) for r in results)
    fp = sum(len(r.invented) for r in results)
    fn = sum(len(r.missed) for r in results)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _bootstrap(results: Sequence[StoryResult], stat: Callable[[Sequence[StoryResult]], float],
               rounds: int = 1000, seed: int = 0) -> tuple[float, float]:
    rng = random.Random(seed)
    values = sorted(stat([rng.choice(results) for _ in results]) for _ in range(rounds))
    return round(values[int(0.025 * rounds)], 3), round(values[int(0.975 * rounds) - 1], 3)


class Scores(TypedDict):
    """Precision, recall and F1, with their 95% bootstrap intervals (over stories) when there are stories."""

    precision: float
    recall: float
    f1: float
    precision_95: NotRequired[tuple[float, float]]
    recall_95: NotRequired[tuple[float, float]]
    f1_95: NotRequired[tuple[float, float]]


class MainRecall(TypedDict):
    main_events: int
    main_recall: float


class RootScore(TypedDict):
    """One CAMEO root: gold and produced events, the matched ones, and the recall (None without gold events)."""

    gold: int
    produced: int
    matched: int
    recall: float | None


class Band(TypedDict):
    events: int
    precision: float | None


class Calibration(TypedDict):
    """Precision by confidence band ("0.3-0.5" -> band) and the expected calibration error (with its 95% bootstrap
    interval over stories when it comes from stories)."""

    bands: dict[str, Band]
    ece: float
    ece_95: NotRequired[tuple[float, float]]


class RealNewsReport(Scores, MainRecall):
    """The real-news evaluation, the JSON document ``wirescope eval events --format wirescope-gold --json`` prints
    (``evaluate_gold`` adds the part, the time, the file and, on request, the listing)."""

    stories: int
    gold_events: int
    produced_events: int
    set_aside: int
    with_roles: Scores
    confidence: Calibration
    roots: dict[str, RootScore]
    part: NotRequired[str]
    seconds: NotRequired[float]
    file: NotRequired[str]
    min_confidence: NotRequired[float]
    listing: NotRequired[list[str]]


def _with_interval(results: Sequence[StoryResult]) -> Scores:
    p, r, f = _prf(results)
    out: Scores = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}
    if results:
        out["precision_95"] = _bootstrap(results, partial(_prf_part, 0))
        out["recall_95"] = _bootstrap(results, partial(_prf_part, 1))
        out["f1_95"] = _bootstrap(results, partial(_prf_part, 2))
    return out


def _prf_part(i: int, results: Sequence[StoryResult]) -> float:
    return _prf(results)[i]


def _main_recall(results: Sequence[StoryResult]) -> MainRecall:
    found = sum(1 for r in results for g, _ in r.matched if g.main)
    missed = sum(1 for r in results for g in r.missed if g.main)
    return {"main_events": found + missed, "main_recall": round(found / (found + missed), 3) if found + missed else 0.0}


def _per_root(results: Sequence[StoryResult]) -> dict[str, RootScore]:
    gold, produced, hits = Counter[str](), Counter[str](), Counter[str]()
    for r in results:
        for g, c in r.matched:
            gold[g.roots[0]] += 1
            produced[c.root] += 1
            hits[g.roots[0]] += 1
        for g in r.missed:
            gold[g.roots[0]] += 1
        for c in r.invented:
            produced[c.root] += 1
    return {root: {"gold": gold[root], "produced": produced[root], "matched": hits[root],
                   "recall": round(hits[root] / gold[root], 3) if gold[root] else None}
            for root in sorted(set(gold) | set(produced))}


def calibration(results: Sequence[StoryResult]) -> Calibration:
    """Precision by confidence band and the expected calibration error (ten equal-width bins), with the ECE's 95%
    interval from resampling stories, as for precision and recall: on a few hundred candidates in some fifty stories
    an ECE moves by a few points with the sample, and a figure compared with a bound should say by how much."""
    found = calibration_of(_scored_pairs(results))
    if results:
        found["ece_95"] = _bootstrap(results, _ece)
    return found


def _scored_pairs(results: Sequence[StoryResult]) -> list[tuple[float, int]]:
    return ([(c.confidence, 1) for r in results for _, c in r.matched]
            + [(c.confidence, 0) for r in results for c in r.invented])


def _ece(results: Sequence[StoryResult]) -> float:
    return _ece_of(_scored_pairs(results))


def _ece_of(scored: Sequence[tuple[float, int]]) -> float:
    """Expected calibration error over ten equal-width bins, in one pass (the bootstrap computes it a thousand
    times): each bin's |right - sum of confidences| over all pairs."""
    n, conf_sum, hit_sum = [0] * 10, [0.0] * 10, [0] * 10
    for conf, ok in scored:
        b = min(int(conf * 10), 9)
        b -= conf < b / 10  # conf * 10 can round up to the next bin's edge (0.8999999999999999 -> 9.0)
        n[b] += 1
        conf_sum[b] += conf
        hit_sum[b] += ok
    total = sum(n)
    return sum(abs(hit_sum[b] - conf_sum[b]) / total for b in range(10) if n[b]) if total else 0.0


def calibration_of(scored: Sequence[tuple[float, int]]) -> Calibration:
    """Precision by confidence band and the ECE of (confidence, right or not) pairs (also used on judged events of
    other news, ``scripts/train_verifier.py --bbc-labels``)."""
    bands: dict[str, Band] = {}
    for lo, hi in BANDS:
        hits = [ok for conf, ok in scored if lo <= conf < hi]
        bands[f"{lo:.1f}-{min(hi, 1.0):.1f}"] = {
            "events": len(hits), "precision": round(sum(hits) / len(hits), 3) if hits else None}
    return {"bands": bands, "ece": round(_ece_of(scored), 3)}


def score(stories: Sequence[GoldStory], candidates: dict[str, Sequence[Candidate]]) -> RealNewsReport:
    """Every figure of the real-news evaluation for a set of gold stories and the coder's candidates."""
    plain = [score_story(s, candidates.get(s.story, ())) for s in stories]
    roles = [score_story(s, candidates.get(s.story, ()), roles=True) for s in stories]
    return {
        "stories": len(stories),
        "gold_events": sum(len(r.matched) + len(r.missed) for r in plain),
        "produced_events": sum(len(r.matched) + len(r.invented) for r in plain),
        "set_aside": sum(r.set_aside for r in plain),
        **_with_interval(plain),
        "with_roles": _with_interval(roles),
        **_main_recall(plain),
        "confidence": calibration(plain),
        "roots": _per_root(plain),
    }


def listing(stories: Sequence[GoldStory], candidates: dict[str, Sequence[Candidate]],
            texts: dict[str, str]) -> list[str]:
    """Misses and inventions with their sentences, story by story (``--verbose``)."""
    lines = []
    for story in stories:
        result = score_story(story, candidates.get(story.story, ()))
        text = texts.get(story.article_id, "")
        for g in result.missed:
            a, b = story.sentences[g.sentence]
            main = " MAIN" if g.main else ""  # a main event of the story (the gold marks them), as main_recall counts
            lines.append(f"{story.story} [{g.sentence}] MISSED{main} {g.code} {gold_key(g.source)[0]} -> "
                         f"{gold_key(g.target)[0]} {g.trigger!r}: {text[a:b]}")
        for c in result.invented:
            lines.append(f"{story.story} [{c.sentence}] INVENTED {c.root} {c.source} -> {c.target} "
                         f"(conf {c.confidence:.2f}) {c.description}")
    return lines


def gold_as_candidates(story: GoldStory) -> list[Candidate]:
    """A second annotator's events as candidates, to measure agreement with the scorer's own matching."""
    out = []
    for e in story.events:
        (sc, sr), (tc, tr) = gold_key(e.source), gold_key(e.target)
        out.append(Candidate(story.story, e.sentence, sc, tc, sr, tr, e.roots[0], 1.0, e.modality in FACTUAL,
                             f"{e.trigger!r}"))
    return out


def scored_root(root: str, modality: str) -> str:
    """The CAMEO root a produced event is scored as. An announced future act is the announcement: a threat (13)
    when the act is conflictual (roots 10-20), an expressed intent to cooperate (03) when it is not."""
    if modality != "threatened":
        return root
    return "13" if root >= "10" else "03"


def actor_key(actor: Any) -> tuple[ActorKey, str | None]:
    """The (country, role) key of a coded actor (``records.Actor``): its ISO3 country; ``IGO`` for any
    international organisation; a CAMEO region code as given; None when the coder found no country."""
    if actor is None:
        return None, None
    from .gold_stories import NON_ISO

    roles = tuple(actor.roles)
    role = roles[0] if roles else None
    if actor.country:
        return actor.country, role
    code = (actor.code or "").upper()
    if code.startswith("IGO") or "IGO" in roles:
        return "IGO", "IGO"
    if code[:3] in NON_ISO:
        return code[:3], roles[1] if len(roles) > 1 else None
    return None, role


def candidates_from(story: GoldStory, events: Sequence[Any], sentence_starts: Sequence[int] = ()) -> list[Candidate]:
    """The coder's events (``records.Event``) of one story, placed in the gold's sentences.

    With ``sentence_starts`` (the start offset of each of the pipeline's sentences), an event also counts once in
    each other sentence its ``mentions`` list: the events stage keeps a triple repeated in an article as one event
    with the sentences that repeat it, while the gold codes every repeat in its own sentence (docs/events-gold.md,
    "One event per act"); each such mention is a claim of the system, scored like the event itself."""
    out = []
    for e in events:
        (sc, sr), (tc, tr) = actor_key(e.source), actor_key(e.target)
        root = scored_root(e.root_code, e.modality)
        factual = e.modality in PRODUCED_FACTUAL
        what = f"{e.code} {e.modality} {e.trigger.text!r}: {e.sentence_text}"
        # an event of the title given apart from the text (sentence -1, offsets into the title) is in no sentence
        # of the gold, which codes the text only: it can match nothing
        own = story.sentence_of(e.trigger.start) if e.sentence >= 0 else None
        out.append(Candidate(story.story, own, sc, tc, sr, tr, root, float(e.confidence), factual, what))
        for m in sorted(set(e.mentions) - {e.sentence}):
            if 0 <= m < len(sentence_starts) and (where := story.sentence_of(sentence_starts[m])) != own:
                out.append(Candidate(story.story, where, sc, tc, sr, tr, root, float(e.confidence), factual,
                                     f"(repeated in sentence {m}) {what}"))
    return out
