"""The learned proposer's candidate keys (``nlp/propose``): actor mentions from the coder's own look-up, keys in
both orders and without a target, and the pair features (unit-test dictionaries in fixtures)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from wirescope.eval.realnews import actor_key
from wirescope.nlp.coding.actors import ActorCoder
from wirescope.nlp.coding.engine import EventCoder
from wirescope.nlp.propose.extract import article_keys, rule_keys
from wirescope.nlp.propose.features import key_features, sentence_view
from wirescope.nlp.propose.mentions import ActorMention, pairs_by_key, sentence_mentions
from wirescope.nlp.resources.petrarch import load_folder

DICTS = Path(__file__).parent / "fixtures" / "events" / "dicts"
SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    d = load_folder(DICTS)
    return EventCoder(d, ActorCoder(d, supplement=False), require_target=True, targetless_roots=("13",))


def _m(head: int, country: str) -> ActorMention:
    return ActorMention(head, head + 1, head, country, country, None)


def test_keys_in_both_orders_and_without_a_target() -> None:
    keys = pairs_by_key([_m(0, "ARN"), _m(3, "MOR"), _m(5, "ARN")])
    assert set(keys) == {("ARN", None), ("MOR", None), ("ARN", "MOR"), ("MOR", "ARN"), ("ARN", "ARN")}
    assert len(keys[("ARN", None)]) == 2
    # a mention is never paired with itself, and two mentions of one country are a pair (rivals of one code)
    assert [(a.head, b.head) for a, b in keys[("ARN", "ARN")] if b] == [(0, 5), (5, 0)]


def test_no_key_without_two_mentions_of_a_pair() -> None:
    assert set(pairs_by_key([_m(2, "ROH")])) == {("ROH", None)}
    assert pairs_by_key([]) == {}


def test_mentions_are_the_coders_actors_per_sentence(nlp: Any, coder: EventCoder) -> None:
    doc = nlp("Arnor condemned Mordor on Tuesday. The weather was fine.")
    found = sentence_mentions(coder, doc, None, actor_key)
    assert len(found) == 2
    assert [m.country for m in found[0]] == ["ARN", "MOR"]
    assert found[1] == []


def test_pair_features_follow_the_parse(nlp: Any, coder: EventCoder) -> None:
    doc = nlp("Arnor condemned Mordor on Tuesday.")
    sent = next(iter(doc.sents))
    a, b = sentence_mentions(coder, doc, None, actor_key)[0]
    view = sentence_view(sent, 0, lambda tok: frozenset({"11"}) if tok.lemma_ == "condemn" else frozenset(),
                         {("ARN", "MOR"): frozenset({"11"})})
    ab = key_features(view, [(a, b)], view_roots := lambda tok: frozenset({"11"}) if tok.lemma_ == "condemn"
                      else frozenset())
    assert {"lca=condemn", "lca_root=11", "order=st", "key_rule_root=11", "s_dep=nsubj", "t_dep=dobj"} <= set(ab)
    ba = key_features(view, [(b, a)], view_roots)
    assert "order=ts" in ba and "key_rule_root=11" not in ba  # the rules' event is ARN -> MOR, not MOR -> ARN
    alone = key_features(view, [(a, None)], view_roots)
    assert "t_none" in alone and not any(f.startswith("lca=") for f in alone)


def test_article_keys_carry_the_rules_events(nlp: Any, coder: EventCoder) -> None:
    from wirescope.nlp.stages.events import EventStage

    doc = nlp("Arnor condemned Mordor. Rohan met Gondor.")
    stage = EventStage()
    stage._coder = coder  # the unit-test dictionaries
    from wirescope.records import Analysis, Article, Provenance, Sentence

    article = Article(id="a", text=doc.text)
    sents = tuple(Sentence("a", n, s.start_char, s.end_char) for n, s in enumerate(doc.sents))
    events = stage(doc, Analysis(article=article, provenance=Provenance("t", "m", ("events",)), sentences=sents)).events
    assert rule_keys(events, actor_key, lambda e: e.root_code)[0] == {("ARN", "MOR"): frozenset({"11"})}
    keys = article_keys(coder, doc, None, events, (actor_key, lambda e: e.root_code))
    by = {(k.sentence, k.key): k.features for k in keys}
    assert "key_rule_root=11" in by[(0, ("ARN", "MOR"))]
    assert (1, ("ROH", "GON")) in by and (1, ("GON", "ROH")) in by
    assert not any(f.startswith("key_rule_root") for f in by[(1, ("GON", "ROH"))])


def test_folds_are_fixed_and_split_by_story() -> None:
    sys.path.insert(0, str(SCRIPTS))
    import train_proposer as tp

    stories = [f"s{i}" for i in range(23)]
    one, two = tp.folds_of(stories, 5), tp.folds_of(list(reversed(stories)), 5)
    assert one == two and set(one) == set(stories)
    assert sorted(set(one.values())) == [0, 1, 2, 3, 4]
    assert tp.folds_of(stories, 5, seed=1) != one
