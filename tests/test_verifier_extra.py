"""The verifier's article-level features (nlp/verify/extra.py) and their version check in the model file."""

from __future__ import annotations

import json

import pytest

from wirescope.errors import ConfigError
from wirescope.nlp.verify.extra import EXTRA_VERSION, NAMES, article_actors, extra_features
from wirescope.nlp.verify.model import DEFAULT_MODEL, parse_verifier
from wirescope.records import Actor, Entity, Event, Mention, Span


def _actor(code: str, entity_id: str | None = None) -> Actor:
    return Actor(0, 3, code, code=code, country=code[:3], entity_id=entity_id)


def _event(sentence: int, src: str, tgt: str | None, root: str = "19", src_entity: str | None = None) -> Event:
    return Event("a", sentence, root + "0", root, root + "0", 4, -10.0, Span(0, 3, "hit"),
                 _actor(src, src_entity), _actor(tgt) if tgt else None)


def _entity(eid: str, n: int) -> Entity:
    return Entity(eid, eid, "PERSON", tuple(Mention("a", 0, i, i + 1, "x", "PERSON") for i in range(n)))


def test_article_actors_and_features() -> None:
    events = [
        _event(0, "USAMIL", "IRNMIL", src_entity="e1"),  # headline: the US and Iran
        _event(3, "USAGOV", "IRNGOV"),  # the same dyad again, in the body
        _event(5, "IRNGOV", "USAGOV", root="13"),
        _event(9, "FRAGOV", "DEUGOV", root="04"),  # a passing mention of two other countries
    ]
    view = article_actors(events, [_entity("e1", 4)])
    assert view.top in ("IRN", "USA") and view.lead == {"USA", "IRN"} and view.events == 4
    strike = extra_features(events[0], view)
    assert strike["src_salience"] == 3 / 4 and strike["dyad_elsewhere"] == 1.0 and strike["src_in_lead"] == 1.0
    assert strike["src_mentions"] == 4 / 10 and strike["art_events"] == 4 / 30
    aside = extra_features(events[3], view)
    assert aside["src_salience"] == 1 / 4 and aside["dyad_elsewhere"] == 0.0
    assert "src_in_lead" not in aside and "src_top_country" not in aside and "src_mentions" not in aside
    # the actor code's own share (USAMIL once, USAGOV twice), the two most named countries, the act retold
    assert strike["src_code_share"] == 1 / 4 and extra_features(events[1], view)["src_code_share"] == 2 / 4
    assert view.top2 == {"USA", "IRN"} and strike["dyad_top2"] == 1.0 and "off_topic" not in strike
    assert aside["off_topic"] == 1.0 and "dyad_top2" not in aside
    assert strike["root_elsewhere"] == 1.0 and aside["root_elsewhere"] == 0.0
    # every name this module makes is in NAMES (the training script's ablation drops exactly these)
    made = set(strike) | set(aside) | set(extra_features(events[2], view))
    assert made <= NAMES and {"tgt_salience", "tgt_in_lead"} <= made


def test_events_without_countries_or_targets() -> None:
    lone = Event("a", 0, "010", "01", "010", 1, 0.0, Span(0, 3, "say"), Actor(0, 3, "he"), None)
    view = article_actors([lone])
    assert view.top is None and not view.countries
    assert extra_features(lone, view) == {"art_events": 1 / 30, "root_elsewhere": 0.0}
    assert article_actors([]).events == 0


def test_the_model_file_names_the_extra_version() -> None:
    raw = json.loads(DEFAULT_MODEL.read_text(encoding="utf-8"))
    assert str(raw.get("extra_version", EXTRA_VERSION)) == EXTRA_VERSION
    with pytest.raises(ConfigError, match="article-level features version"):
        parse_verifier({**raw, "extra_version": "0"})
    old = {k: v for k, v in raw.items() if k != "extra_version"}
    assert parse_verifier(old).weights == parse_verifier(raw).weights  # a model from before extra.py still loads
