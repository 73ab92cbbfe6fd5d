"""The verifier's probability for events of a modality the real-news scorer sets aside (hypothetical, negated).

The scorer counts such an event neither right nor wrong, so the model, trained on factual candidates, has never
seen a label for one, and its probability for them is an extrapolation: on readable news in session 27 they were
shown at a mean 0.44 and nearly nine in ten of those shown were wrong (a demand, plan or condition shown as the act).
Their probability is instead one number per modality: the rate at which the tuning part's candidates of that
modality match a gold event of a set-aside modality on the scorer's key (sentence, source country, target country,
root; ``realnews.match_set_aside``), smoothed (one match and one miss added: a few dozen candidates) and moved by
the same prior shift as the model's calibrated log-odds (the rules were written on the tuning part, so its rates
overstate other news'). The check part's rate is printed beside it and chooses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wirescope.nlp.verify.model import SET_ASIDE_MODALITIES, Calibration


def rates(rows: Sequence[Any], shift: float) -> tuple[dict[str, float], list[str]]:
    """(modality -> shipped probability, report lines) from the gold rows (``train_verifier.Row``: ``part``,
    ``aside``, ``aside_match``)."""
    out, lines = {}, []
    for modality in SET_ASIDE_MODALITIES:
        counts = {}
        for part in ("tuning", "check"):
            hits = [r.aside_match for r in rows if r.part == part and r.aside == modality]
            counts[part] = (sum(hits), len(hits))
        k, n = counts["tuning"]
        smoothed = (k + 1) / (n + 2)
        # the model's own prior shift on the log-odds (as the training script moves its threshold)
        out[modality] = round(Calibration("none").shifted(shift)(smoothed), 3)
        ck, cn = counts["check"]
        lines.append(f"  {modality}: tuning {k} of {n} candidates match a set-aside gold event (smoothed "
                     f"{smoothed:.3f}, shifted {out[modality]}); check part {ck} of {cn} (reported only)")
    return out, lines
