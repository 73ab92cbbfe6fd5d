"""The verifier's model selection rule (``scripts/train_verifier.py``, ``choose``): pure functions, no scikit-learn.

Each grid point (C, suite weight, calibration) is scored by the nested story-grouped out-of-fold log loss of the
tuning stories, averaged over several fold seeds (``SELECTION_SEEDS``), and the rule is the one-standard-error rule:
the most regularised point (the lowest C) whose loss is within one standard error, over stories, of the lowest.

Why, on the tuning part's evidence alone (coder of main 3e4599e: 33 stories, 354 candidates; the grid C 0.1 / 0.3 /
1.0 by suite weight 0 / 0.1, Platt; the figures are recorded in docs/verifier.md, "Choosing C"):

- the nested log loss of ONE grid point moves by 0.03-0.05 from one fold seed to another (C 1.0, suite weight 0.1:
  0.515-0.557 over seeds 0-4), far more than the 0.002 by which session 16's single-seed run preferred C 1.0 to 0.3;
- the differences between points are small against their own noise: story by story, every point but (C 1.0, suite
  weight 0) is within one standard error of the best (C 0.3: +0.0006 +- 0.0051; C 0.1: +0.0037 +- 0.0090);
- resampling the 33 stories (500 bootstrap draws) shows how often each rule would choose the same C: the lowest loss
  of seed 0 (session 16's rule) chooses C 1.0 in 59% of the draws (0.3 in 19%, 0.1 in 21%), the lowest of the loss
  averaged over five seeds C 1.0 in 52%; the one-standard-error rule (paired) chooses C 0.1 in 76% of the draws with
  five seeds or three (67% with seed 0 alone), and C 0.1 at every one of the five seeds taken alone.

So the rule is the most stable of the three, and of the points the data cannot tell apart it takes the most
regularised one, the one expected to carry best to news the rules were not written on (smaller weights on words and
rules of the tuning stories). The suite weight is not regularisation: between equal C it is the lower loss (it
flips between 0 and 0.1 from seed to seed; both are within the noise). C 0.03 was within one standard error too
(+0.0059 +- 0.0141); session 18 extended the grid to it (coder of 905c1d2: +0.0017 +- 0.0104 against the best, C 0.3
/ suite weight 0.1), so the rule now takes C 0.03.

``calibrated_ece`` gives the noise floor of the ECE itself: what a perfectly calibrated confidence would show on the
same number of candidates (session 18: about 0.046 on the 457 candidates of the 49 gold stories, 5-95% 0.03-0.066).
"""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

# Fold seeds whose nested losses are averaged: over the same 500 bootstrap draws three seeds choose C 0.1 as often as
# five (76%; one seed 67%), at 18 nested cross-validations instead of 30 (the run stays within about 10 minutes).
SELECTION_SEEDS = (0, 1, 2)


@dataclass(frozen=True, slots=True)
class Scored:
    """One grid point's seed-averaged nested loss: the mean over rows, its standard error over stories."""

    point: tuple[float, float, str]  # (C, suite weight, calibration)
    loss: float
    se: float
    shares: tuple[float, ...] = ()  # each story's share of ``loss`` (sorted by story), for paired differences


def row_loss(p: float, y: int) -> float:
    return -math.log(min(max(p if y else 1 - p, 1e-6), 1.0))


def story_sums(pairs: Sequence[tuple[str, float, int]]) -> dict[str, tuple[float, int]]:
    """(story, probability, label) triples -> per story (sum of log losses, number of rows)."""
    out: dict[str, tuple[float, int]] = {}
    for story, p, y in pairs:
        s, n = out.get(story, (0.0, 0))
        out[story] = (s + row_loss(p, y), n + 1)
    return out


def scored(point: tuple[float, float, str], per_seed: Sequence[Mapping[str, tuple[float, int]]]) -> Scored:
    """The seed-averaged loss of ``point`` over its rows and its standard error over stories: each story's share
    of the mean (its loss sum averaged over seeds, times the number of stories over the number of rows) is one
    observation, so the mean of the shares is the loss and their standard error is the loss's, stories being the
    unit that is sampled (rows of one story are not independent)."""
    stories = sorted(per_seed[0])
    total_rows = sum(per_seed[0][s][1] for s in stories)
    sums = {s: statistics.fmean(seed[s][0] for seed in per_seed) for s in stories}
    shares = [sums[s] * len(stories) / total_rows for s in stories]
    se = statistics.stdev(shares) / math.sqrt(len(shares)) if len(shares) > 1 else 0.0
    return Scored(point, statistics.fmean(shares), se, tuple(shares))


def paired_se(a: Scored, b: Scored) -> float:
    """The standard error over stories of the difference of two points' losses (story by story)."""
    diffs = [x - y for x, y in zip(a.shares, b.shares, strict=True)]
    return statistics.stdev(diffs) / math.sqrt(len(diffs)) if len(diffs) > 1 else 0.0


def one_se(points: Sequence[Scored]) -> Scored:
    """The most regularised point (lowest C; then the lower loss) whose loss exceeds the best point's by at most
    one standard error of that difference over stories (paired: both points score the same stories). The
    unpaired error of one point (Breiman et al. 1984; Hastie et al. 2009, 7.10) is dominated by how much harder
    one story is than another (0.052 on the tuning part, against paired errors of 0.005-0.014), the same for
    every point, so it would take every point of the grid and let the grid's lowest C decide."""
    best = min(points, key=lambda s: s.loss)
    within = [s for s in points if s.loss <= best.loss + paired_se(s, best) + 1e-12]
    return min(within, key=lambda s: (s.point[0], s.loss))


def calibrated_ece(confidences: Sequence[float], ece: Callable[[Sequence[tuple[float, int]]], float],
                   draws: int = 1000, seed: int = 0) -> tuple[float, float, float]:
    """The ECE that a perfectly calibrated confidence shows on as many candidates with these confidences: each
    label drawn right with the probability its confidence states (``draws`` times); the mean and the 5% and 95%
    points. The binned ECE is positive even then (each bin's hits scatter around its confidences), and on a few
    hundred candidates this floor is of the size of issue 17's bound: it tells how far a measured ECE is from the
    noise of the sample, not from the bound."""
    rng = random.Random(seed)
    found = sorted(ece([(p, int(rng.random() < p)) for p in confidences]) for _ in range(draws))
    return statistics.fmean(found), found[int(0.05 * draws)], found[min(int(0.95 * draws), draws - 1)]


def refit_spread(reference: Sequence[float], refits: Sequence[Sequence[float]],
                 thresholds: Sequence[float] = (0.3, 0.5)) -> dict[str, object]:
    """How much refits of a verifier move the same candidates' confidences (``train_verifier.py --stability``):
    ``reference`` is each candidate's confidence from the model on all the data, each of ``refits`` the same
    candidates' from a model refitted on perturbed data (a story left out). The mean and the 90% point of each
    candidate's standard deviation of log-odds over the refits, and for each threshold the mean and largest number
    of candidates a refit puts on the other side of it than the reference, and how many cross it in some refit."""
    def logit(p: float) -> float:
        p = min(max(p, 1e-6), 1 - 1e-6)
        return math.log(p / (1 - p))

    spread = sorted(statistics.pstdev([logit(r[i]) for r in refits]) for i in range(len(reference)))
    out: dict[str, object] = {"candidates": len(reference), "refits": len(refits),
                              "logit_sd_mean": round(statistics.fmean(spread), 3) if spread else 0.0,
                              "logit_sd_p90": round(spread[int(0.9 * len(spread))], 3) if spread else 0.0}
    for t in thresholds:
        moved = [[(r[i] >= t) != (reference[i] >= t) for i in range(len(reference))] for r in refits]
        out[f"at {t}"] = {"shown": sum(p >= t for p in reference),
                          "crossing_per_refit": round(statistics.fmean(sum(m) for m in moved), 1) if moved else 0.0,
                          "crossing_max": max((sum(m) for m in moved), default=0),
                          "crossing_ever": sum(any(m[i] for m in moved) for i in range(len(reference)))}
    return out
