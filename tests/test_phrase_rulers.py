"""The stages' entity rulers matched as phrases (``nlp/rulers.py``) find the entities spaCy's own ruler finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirescope.config import Settings
from wirescope.nlp import rulers
from wirescope.nlp.pipeline import load_model, model_text
from wirescope.nlp.stages.entities import RULER_NAME, EntityStage

pytest.importorskip("spacy")

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora"
TEXTS = [
    "The IRGC and the Quds force struck. Revolutionary Guards Corps units and the Islamic Revolutionary Guard Corps "
    "met Hezbollah, Hizbollah and Kataib Hezbollah near Baghdad, where the PMF and the irgc (not an acronym) were.",
    "Popular Mobilization Forces fighters of al-Hashd al-Shaabi said the Iranian revolutionary guard had left.",
    "",
]


def _ents(doc):  # type: ignore[no-untyped-def]
    return [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]


def _corpus_texts(limit: int) -> list[str]:
    texts = []
    path = DATA / "bbc2225.jsonl"
    if path.exists():
        with path.open(encoding="utf-8") as f:
            for line, _ in zip(f, range(limit), strict=False):
                texts.append(json.loads(line).get("text", ""))
    return texts


@pytest.fixture(scope="module")
def pair():  # type: ignore[no-untyped-def]
    settings = Settings()
    stock = load_model(settings.model)
    EntityStage(settings).configure_nlp(stock)
    fast = load_model(settings.model)
    EntityStage(settings).configure_nlp(fast)
    assert rulers.add_to(fast) == [RULER_NAME]
    return stock, fast


def test_same_entities_as_spacys_ruler(pair) -> None:  # type: ignore[no-untyped-def]
    stock, fast = pair
    assert isinstance(fast.get_pipe(RULER_NAME), rulers.PhraseRuler)
    assert fast.pipe_names == stock.pipe_names
    texts = TEXTS + [model_text(t) for t in _corpus_texts(60)]
    found = 0
    for a, b in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        assert _ents(b) == _ents(a), a.text[:80]
        found += sum(1 for e in b.ents if e.ent_id_)
    assert found >= 8  # the ruler's own entities are among them
    first = fast(TEXTS[0])
    assert [e.text for e in first.ents if e.ent_id_][:2] == ["IRGC", "Quds force"]
    assert "irgc" not in [e.text for e in first.ents]  # an acronym matches in capitals only
    assert fast.get_pipe(RULER_NAME).patterns == stock.get_pipe(RULER_NAME).patterns


def test_other_token_patterns_keep_spacys_ruler() -> None:
    assert rulers.phrase_attr([{"LOWER": "quds"}, {"LOWER": "force"}]) == ("LOWER", ["quds", "force"])
    assert rulers.phrase_attr([{"ORTH": "IRGC"}]) == ("ORTH", ["IRGC"])
    assert rulers.phrase_attr([{"LOWER": "Quds"}]) is None  # matches nothing in a Matcher
    assert rulers.phrase_attr([{"LOWER": "quds"}, {"ORTH": "Force"}]) is None  # two attributes
    assert rulers.phrase_attr([{"LOWER": "quds", "POS": "PROPN"}]) is None
    assert rulers.phrase_attr([{"LOWER": {"IN": ["quds", "qods"]}}]) is None
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": [{"LOWER": "quds"}, {"IS_TITLE": True}]}])  # type: ignore[attr-defined]
    assert rulers.add_to(nlp) == []
    assert type(nlp.get_pipe("entity_ruler")).__name__ == "EntityRuler"


def test_a_token_pattern_added_later_still_matches(pair) -> None:  # type: ignore[no-untyped-def]
    _, fast = pair
    ruler = fast.get_pipe(RULER_NAME)
    before = fast("The Zorblat Brigade and the Quds force met.")
    assert "Zorblat Brigade" not in [e.text for e in before.ents if e.ent_id_]
    ruler.add_patterns([{"label": "ORG", "id": "TESTREB", "pattern": [{"LOWER": "zorblat"}, {"IS_TITLE": True}]}])
    after = fast("The Zorblat Brigade and the Quds force met.")
    found = [e.text for e in after.ents if e.ent_id_]
    assert "Zorblat Brigade" in found and "Quds force" in found
