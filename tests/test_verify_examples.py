"""The example articles through the events stage and the verifier (the default pipeline's confidence): the golden
files record every candidate with its calibrated confidence; the strike is at or above the default read-time
threshold, and Iran's threats and the British and UN appeals are coded candidates, stored with their confidence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wirescope import Settings, article_from_text
from wirescope.config import DEFAULT_MIN_CONFIDENCE, DEFAULT_STAGES

GOLDEN = Path(__file__).parent / "golden"
NAMES = ("000_fe4dd314449b088d", "001_a4da5a4f492f7186")


@pytest.fixture(scope="module")
def pipeline(nlp):  # type: ignore[no-untyped-def]
    from wirescope.nlp.pipeline import Pipeline

    # what the verifier reads (the parse, the entities and the coded events) without the place stages
    return Pipeline(Settings(stages=("entities", "events", "verify")), nlp=nlp)


def _events(pipeline: Any, path: Path) -> list[dict[str, Any]]:
    analysis = pipeline.analyze(article_from_text(path.read_text(encoding="utf-8")))
    return [{"sentence": e.sentence, "code": e.code, "modality": e.modality, "trigger": e.trigger.text,
             "source": e.source.code if e.source else None, "target": e.target.code if e.target else None,
             "confidence": e.confidence} for e in analysis.events]


def test_verify_is_a_default_stage() -> None:
    assert "verify" in DEFAULT_STAGES and DEFAULT_STAGES.index("verify") > DEFAULT_STAGES.index("events")


@pytest.mark.parametrize("name", NAMES)
def test_golden(pipeline, examples, golden, name: str) -> None:  # type: ignore[no-untyped-def]
    path = next(p for p in examples if p.stem == name)
    golden(GOLDEN / f"verified_{name}.json", _events(pipeline, path))


def _kept(pipeline: Any, examples: list[Path]) -> list[dict[str, Any]]:
    events = [e for p in examples if p.stem in NAMES for e in _events(pipeline, p)]
    kept = [e for e in events if e["confidence"] >= DEFAULT_MIN_CONFIDENCE]
    assert len(kept) < len(events)  # the threshold is a filter, not a formality
    return kept


def test_the_strike_is_above_the_threshold(pipeline, examples) -> None:  # type: ignore[no-untyped-def]
    kept = _kept(pipeline, examples)
    # the strike that killed Soleimani, in both articles
    strikes = [e for e in kept if e["code"] == "190" and e["source"] == "USAMIL" and e["target"] == "IRNMIL"
               and e["modality"] == "asserted"]
    assert len(strikes) == 2


def test_the_threats_and_the_appeals_are_coded_candidates(pipeline, examples) -> None:  # type: ignore[no-untyped-def]
    events = [e for p in examples if p.stem in NAMES for e in _events(pipeline, p)]
    assert any(e["code"].startswith("13") and (e["source"] or "").startswith("IRN") for e in events)
    assert any(e["code"].startswith("02") and e["source"] == "GBRGOV" for e in events)
    assert any(e["code"].startswith("02") and e["source"] == "IGOUNO" for e in events)


# Known gap (issue 17; said in the commit that made the verifier a default stage and in session 14's shift for unseen
# news): the coder finds no target for Iran's threats ("vowed severe revenge", "threatening") nor for the UN's appeal,
# and a candidate without the gold's target never matches on the scorer's key, so the verifier, calibrated on that
# key, gives them a low probability. Since the prior shift for news the rules were not written on (-1.5 on the
# log-odds, scripts/train_verifier.py UNSEEN_SHIFT) the British appeal, with its target, is also below 0.3 (about 0.2):
# appeals like it are right on unseen news about that often. Strict: when all pass, the marker must go.
@pytest.mark.xfail(strict=True, reason="the threats and the appeals are below the threshold (see the comment)")
def test_the_threats_and_the_appeals_are_above_the_threshold(pipeline, examples) -> None:  # type: ignore[no-untyped-def]
    kept = _kept(pipeline, examples)
    assert any(e["code"].startswith("02") and e["source"] == "GBRGOV" for e in kept)
    assert any(e["code"].startswith("13") and (e["source"] or "").startswith("IRN") for e in kept)
    assert any(e["code"].startswith("02") and e["source"] == "IGOUNO" for e in kept)
