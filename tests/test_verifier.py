"""The events verifier: features on a hand-built parse, the bundled model file, calibration, the verify stage, the
training script's split and the real-news evaluation's confidence threshold."""

from __future__ import annotations

import importlib.util
import itertools
import json
import random
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from wirescope.config import Settings
from wirescope.errors import ConfigError, EvalError
from wirescope.nlp.stages import build_stage
from wirescope.nlp.stages.verify import SET_ASIDE_MARK, TRACE_MARK, VerifyStage
from wirescope.nlp.verify.features import article_view, dictionary_senses, event_features, in_quotation
from wirescope.nlp.verify.model import DEFAULT_MODEL, Calibration, load_verifier, parse_verifier
from wirescope.records import Actor, Analysis, Article, Event, Provenance, Span

REPO = Path(__file__).resolve().parents[1]
SPLIT = REPO / "data" / "voa2025" / "split.json"

# Two sentences: 'Iran attacked Israel .' and '“ We will respond , ” he said .'
WORDS = ["Iran", "attacked", "Israel", ".", "“", "We", "will", "respond", ",", "”", "he", "said", "."]
SPACES = [True, True, False, True, False, True, True, False, False, True, True, False, False]
HEADS = [1, 1, 1, 1, 11, 7, 7, 11, 11, 11, 11, 11, 11]
DEPS = ["nsubj", "ROOT", "dobj", "punct", "punct", "nsubj", "aux", "ccomp", "punct", "punct", "nsubj", "ROOT",
        "punct"]
POS = ["PROPN", "VERB", "PROPN", "PUNCT", "PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT"]
TAGS = ["NNP", "VBD", "NNP", ".", "``", "PRP", "MD", "VB", ",", "''", "PRP", "VBD", "."]
LEMMAS = ["Iran", "attack", "Israel", ".", "“", "we", "will", "respond", ",", "”", "he", "say", "."]


def _doc() -> Doc:
    return Doc(Vocab(), words=WORDS, spaces=SPACES, heads=HEADS, deps=DEPS, pos=POS, tags=TAGS, lemmas=LEMMAS,
               ents=["B-GPE", "O", "B-GPE", *["O"] * 10])


def _actor(doc: Doc, i: int, code: str | None, country: str | None, roles: tuple[str, ...] = ()) -> Actor:
    tok = doc[i]
    return Actor(tok.idx, tok.idx + len(tok), tok.text, code=code, country=country, roles=roles)


def _events(doc: Doc) -> tuple[Event, Event]:
    attacked, respond = doc[1], doc[7]
    strike = Event("a1", 0, "190", "19", "190", 4, -10.0, Span(attacked.idx, attacked.idx + 8, "attacked"),
                   _actor(doc, 0, "IRN", "IRN"), _actor(doc, 2, "ISR", "ISR"), confidence=0.7,
                   trace=("code.event-noun-of-a-light-verb",), dictionary_entries=("e1",))
    threat = Event("a1", 1, "190", "19", "190", 4, -10.0, Span(respond.idx, respond.idx + 7, "respond"),
                   _actor(doc, 5, "---", None), None, modality="threatened", confidence=0.4)
    return strike, threat


def test_features_of_a_hand_built_parse() -> None:
    doc = _doc()
    strike, threat = _events(doc)
    view = article_view(doc, (strike, threat))
    f = event_features(strike, doc, view, senses=lambda lemma: {"attack": 3}.get(lemma, 0))
    for name in ("lemma=attack", "pos=VERB", "tag=VBD", "dep=ROOT", "path=ROOT", "root=19", "code=190",
                 "modality=asserted", "rule=code.event-noun-of-a-light-verb", "src_country", "tgt_country",
                 "src_pos=PROPN", "src_ent=GPE", "tgt_dep=dobj", "sent=0", "senses=2-3", "sent_events=1"):
        assert f.get(name) == 1.0, name
    assert f["conf"] == 0.7 and f["depth"] == 0.0 and f["senses"] == 3 / 8
    assert "in_quote" not in f and "tgt=none" not in f and "same_country" not in f
    g = event_features(threat, doc, view)
    for name in ("lemma=respond", "dep=ccomp", "path=ccomp", "gov=say", "modal=will", "in_quote", "tgt=none",
                 "src_nocountry", "src_unknown", "src_pos=PRON", "sent=1-2", "modality=threatened"):
        assert g.get(name) == 1.0, name
    assert g["depth"] == 1 / 5 and g["sent_rel"] == 1.0
    # where the trigger stands in its sentence, and an argument on the side of the verb it is not usually on
    assert f["trig_pos"] == 1 / 3 and f["trig_pos=middle"] == 1.0 and "src_unusual_side" not in f
    assert g["trig_pos"] == 3 / 8 and g["trig_pos=middle"] == 1.0 and "tgt_unusual_side" not in f
    late_source = Event(**{**{k: getattr(strike, k) for k in strike.__dataclass_fields__},
                           "source": _actor(doc, 2, "ISR", "ISR"), "target": _actor(doc, 0, "IRN", "IRN")})
    h = event_features(late_source, doc, view)
    assert h["src_unusual_side"] == 1.0 and h["tgt_unusual_side"] == 1.0
    assert all(isinstance(v, float) for v in (*f.values(), *g.values()))


def test_governor_speaker_and_rule_group_features() -> None:
    """Version-2 features: the governors' word classes, the speaker who reports the clause, the trigger's lemma
    with its relation, the rule phases in the trace and the root with its actors' roles."""
    doc = _doc()
    strike, threat = _events(doc)
    strike = Event(**{**{f: getattr(strike, f) for f in strike.__dataclass_fields__},
                      "trace": ("actors.surname-refers-back", "target.after-the-pattern", "source.object-control"),
                      "source": _actor(doc, 0, "IRNMIL", "IRN", ("MIL",))})
    view = article_view(doc, (strike, threat))
    f = event_features(strike, doc, view)
    for name in ("lemma_dep=attack|ROOT", "speaker=none", "actor_referent", "argument_fallback",
                 "root_roles=19|MIL|-"):
        assert f.get(name) == 1.0, name
    assert f["n_actors"] == 1 / 3 and f["n_target"] == 1 / 3 and "n_modality" not in f
    assert not any(k.startswith(("gov_class=", "gov2=")) for k in f)  # the root has no governor
    g = event_features(threat, doc, view)
    # "We will respond," he said: a report verb governs it, and a pronoun (no entity label) says it
    for name in ("lemma_dep=respond|ccomp", "gov_class=report", "speaker=PRON", "root_roles=19|-|none"):
        assert g.get(name) == 1.0, name
    assert "actor_referent" not in g and "argument_fallback" not in g


def test_in_quotation() -> None:
    text = 'He said "we will fight" and left.\n“They attacked,” she said. “We will'
    assert in_quotation(text, text.index("fight"))
    assert not in_quotation(text, text.index("left"))
    assert in_quotation(text, text.index("attacked"))
    assert not in_quotation(text, text.index("she"))  # a new paragraph, the quotation closed
    assert in_quotation(text, text.index("We will"))


def test_dictionary_senses_counts_distinct_roots() -> None:
    from wirescope.nlp.resources.petrarch import load_dictionaries

    dicts = load_dictionaries(None)
    senses = dictionary_senses(dicts.verbs, dicts.patterns)
    assert senses("attack") >= 1
    assert senses("no-such-verb") == 0
    assert senses("hold") >= senses("bomb")  # a light verb has more senses than a plain one


def test_bundled_model_loads_and_gives_probabilities() -> None:
    verifier = load_verifier()
    assert verifier.weights and 0.0 < verifier.threshold < 1.0
    assert verifier.version and verifier.calibration.method in ("isotonic", "platt")
    doc = _doc()
    strike, threat = _events(doc)
    view = article_view(doc, (strike, threat))
    for event in (strike, threat):
        assert 0.0 <= verifier.probability(event_features(event, doc, view)) <= 1.0
    rng = random.Random(0)
    names = list(verifier.weights)
    for _ in range(200):
        feats = {rng.choice(names): rng.choice((1.0, rng.random())) for _ in range(rng.randint(0, 40))}
        assert 0.0 <= verifier.probability(feats) <= 1.0


def test_bundled_model_was_not_trained_on_the_check_part() -> None:
    meta = json.loads(DEFAULT_MODEL.read_text(encoding="utf-8"))["meta"]
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    trained = set(meta["trained_on"]["gold_stories"])
    assert trained and trained <= set(split["tuning"])
    assert not trained & set(split["check"])


def test_calibration_is_monotone() -> None:
    cal = load_verifier().calibration
    grid = [i / 1000 for i in range(1001)]
    values = [cal(v) for v in grid]
    assert all(b >= a - 1e-12 for a, b in itertools.pairwise(values))
    assert all(0.0 <= v <= 1.0 for v in values)
    iso = Calibration("isotonic", (0.1, 0.5, 0.9), (0.0, 0.2, 0.6))
    assert iso(0.0) == 0.0 and iso(0.3) == pytest.approx(0.1) and iso(1.0) == 0.6
    platt = Calibration("platt", a=2.0, b=-1.0)
    assert platt(0.2) < platt(0.5) < platt(0.8)


def test_a_shifted_calibration_moves_the_log_odds_and_keeps_the_order() -> None:
    """``Calibration.shifted``: the prior shift for news the rules were not written on (train_verifier
    ``UNSEEN_SHIFT``) adds to the calibrated log-odds, in the form the model file stores."""
    import math

    def logit(p: float) -> float:
        return math.log(p / (1 - p))

    platt = Calibration("platt", a=0.8, b=0.1)
    iso = Calibration("isotonic", (0.1, 0.5, 0.9), (0.05, 0.4, 0.8))
    none = Calibration("none")
    grid = [i / 100 for i in range(1, 100)]
    for cal in (platt, iso, none):
        moved = cal.shifted(-1.5)
        assert moved.method == ("platt" if cal.method == "none" else cal.method)
        # isotonic: exact at its breakpoints and outside them (interpolated linearly between)
        for v in ((0.05, *iso.x, 0.95) if cal is iso else grid):
            assert logit(moved(v)) == pytest.approx(logit(cal(v)) - 1.5, abs=1e-3)
        assert all(b >= a for a, b in itertools.pairwise(moved(v) for v in grid))
        assert cal.shifted(0.0) is cal
    # stored and read back as any calibration
    raw = json.loads(DEFAULT_MODEL.read_text(encoding="utf-8"))
    back = parse_verifier({**raw, "calibration": platt.shifted(-1.5).to_json()}).calibration
    assert back(0.6) == pytest.approx(platt.shifted(-1.5)(0.6))


def test_a_broken_model_file_is_refused() -> None:
    raw = json.loads(DEFAULT_MODEL.read_text(encoding="utf-8"))
    with pytest.raises(ConfigError, match="non-decreasing"):
        parse_verifier({**raw, "calibration": {"method": "isotonic", "x": [0.1, 0.5], "y": [0.6, 0.2]}})
    with pytest.raises(ConfigError, match="features version"):
        parse_verifier({**raw, "features_version": "0"})
    with pytest.raises(ConfigError, match="format"):
        parse_verifier({**raw, "format": "pickle"})


def test_verify_stage_sets_calibrated_confidence_and_trace() -> None:
    stage = build_stage("verify", Settings())
    assert isinstance(stage, VerifyStage) and stage.requires == ("events",)
    doc = _doc()
    strike, threat = _events(doc)
    analysis = Analysis(Article("a1", doc.text), Provenance("0", "test", ()), events=(strike, threat))
    out = stage(doc, analysis)
    view = article_view(doc, analysis.events)
    # the stage's features are the event's own and the article-level ones (nlp/verify/extra.py)
    features = stage.features_of(doc, analysis.events)
    for before, after, feats in zip(analysis.events, out.events, features, strict=True):
        assert {k: v for k, v in feats.items() if k in event_features(before, doc, view, stage.senses)} == \
            event_features(before, doc, view, stage.senses)
        expected = stage.verifier.probability(feats)
        assert after.confidence == round(expected, 3)
        assert after.trace == (*before.trace, TRACE_MARK)
        assert (after.code, after.source, after.target, after.modality) == \
            (before.code, before.source, before.target, before.modality)
    again = stage(doc, out)  # running it twice marks once
    assert [e.trace.count(TRACE_MARK) for e in again.events] == [1, 1]


def test_an_event_of_a_set_aside_modality_gets_its_modalitys_rate() -> None:
    """Hypothetical and negated events, which the scorer sets aside and the model never saw labels for, get the
    model file's rate for their modality, marked in the trace; other events keep the model's probability."""
    model = replace(load_verifier(), set_aside={"hypothetical": 0.04, "negated": 0.11})
    stage = VerifyStage(Settings(), model)
    doc = _doc()
    strike, threat = _events(doc)
    events = (strike, replace(threat, modality="hypothetical"), replace(strike, modality="negated"))
    out = stage(doc, Analysis(Article("a1", doc.text), Provenance("0", "test", ()), events=events)).events
    feats = stage.features_of(doc, events)
    assert out[0].confidence == round(model.probability(feats[0]), 3) and SET_ASIDE_MARK not in out[0].trace
    assert [e.confidence for e in out[1:]] == [0.04, 0.11]
    assert all(e.trace[-2:] == (SET_ASIDE_MARK, TRACE_MARK) for e in out[1:])
    again = stage(doc, Analysis(Article("a1", doc.text), Provenance("0", "test", ()), events=out)).events
    assert [e.trace.count(SET_ASIDE_MARK) for e in again] == [0, 1, 1]


def test_set_aside_rates_round_trip_and_are_checked() -> None:
    raw = json.loads(DEFAULT_MODEL.read_text(encoding="utf-8"))
    model = replace(parse_verifier(raw), set_aside={"hypothetical": 0.05})
    assert parse_verifier(model.to_json()).set_aside == {"hypothetical": 0.05}
    assert parse_verifier({**raw, "set_aside": {}}).set_aside == {}
    with pytest.raises(ConfigError, match="not one of"):
        parse_verifier({**raw, "set_aside": {"asserted": 0.5}})
    with pytest.raises(ConfigError, match="not a probability"):
        parse_verifier({**raw, "set_aside": {"negated": 1.5}})


def test_set_aside_candidates_are_labelled_against_set_aside_gold() -> None:
    """A hypothetical candidate is a match when a gold event of a set-aside modality fits its key; the rate shipped
    is smoothed and shifted like the model; the check part's is only reported."""
    from wirescope.eval.gold_stories import GoldActor, GoldEvent, GoldStory

    tv = _script()
    iran, israel = GoldActor("Iran", "IRN", None), GoldActor("Israel", "ISR", None)
    gold = (GoldEvent(0, 2, 5, "hit", iran, israel, "190", ("19",), "hypothetical", False, False),
            GoldEvent(1, 12, 15, "hit", iran, israel, "190", ("19",), "asserted", True, False))
    story = GoldStory("s1", "a1", "2025-01-01", ((0, 10), (10, 20)), gold, "test")
    doc = _doc()
    src, tgt = _actor(doc, 0, "IRN", "IRN"), _actor(doc, 2, "ISR", "ISR")
    events = [Event("a1", 0, "190", "19", "190", 4, -10.0, Span(2, 5, "hit"), src, tgt, modality="hypothetical"),
              Event("a1", 1, "190", "19", "190", 4, -10.0, Span(12, 15, "hit"), src, tgt, modality="hypothetical"),
              Event("a1", 1, "190", "19", "190", 4, -10.0, Span(12, 15, "hit"), src, tgt)]
    rows = tv.story_rows(story, "tuning", events, [{}] * 3, [0, 10])
    assert [(r.aside, r.aside_match, r.label) for r in rows] == [("hypothetical", 1, None),
                                                                ("hypothetical", 0, None), (None, None, 1)]
    check = [tv.Row("c", "check", {}, None, None, "negated", 1)]
    shipped, lines = tv.verifier_aside.rates(rows + check, 0.0)
    assert shipped == {"hypothetical": 0.5, "negated": 0.5}  # (1 + 1) / (2 + 2); none of the tuning part
    assert "check part 1 of 1" in lines[1]
    assert tv.verifier_aside.rates(rows, -1.5)[0]["hypothetical"] == round(1 / (1 + 2.718281828459045 ** 1.5), 3)


@pytest.mark.parametrize("text", [
    "Iran did not attack the American base in Iraq on Tuesday.",
    "Turkey will not buy any more US combat aircraft if Washington blocks the sale.",
    "Mr Howard said Britain should expel the diplomats.",
    "The army said no civilians were killed in the raid by Pakistani troops.",
])
def test_acts_not_told_as_done_are_below_the_threshold(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    from wirescope import article_from_text
    from wirescope.config import DEFAULT_MIN_CONFIDENCE
    from wirescope.nlp.pipeline import Pipeline

    events = Pipeline(Settings(stages=("entities", "events", "verify")), nlp=nlp).analyze(
        article_from_text(text)).events
    untold = [e for e in events if e.modality in ("hypothetical", "negated")]
    assert untold, "the sentence's act is coded, as not told as done"
    assert all(SET_ASIDE_MARK in e.trace and e.confidence < DEFAULT_MIN_CONFIDENCE for e in untold)
    assert all(SET_ASIDE_MARK not in e.trace for e in events if e not in untold)


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("train_verifier", REPO / "scripts" / "train_verifier.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_verifier"] = module
    spec.loader.exec_module(module)
    return module


def test_training_split_excludes_the_check_part() -> None:
    tv = _script()
    tuning, check = tv.read_split(SPLIT)
    assert check and tuning and not set(tuning) & set(check)
    rows = [tv.Row(s, "tuning", {}, 1) for s in tuning] + [tv.Row(s, "check", {}, 0) for s in check] + \
        [tv.Row("petr:1", "suite", {}, 1)]
    kept = tv.shipped_rows(rows, check)
    assert {r.group for r in kept} == set(tuning) | {"petr:1"}
    with pytest.raises(AssertionError, match="check-part"):  # a check story labelled as tuning is caught
        tv.shipped_rows([tv.Row(check[0], "tuning", {}, 1)], check)


def test_training_labels_each_mention_as_the_scorer_does() -> None:
    """An event repeated in another sentence (``Event.mentions``) is a candidate there too, as the real-news scorer
    counts it, with the event's own features: here right only in its repeat."""
    from wirescope.eval.gold_stories import GoldActor, GoldEvent, GoldStory

    tv = _script()
    iran, israel = GoldActor("Iran", "IRN", None), GoldActor("Israel", "ISR", None)
    gold = GoldEvent(2, 25, 28, "hit", iran, israel, "190", ("19",), "asserted", True, False)
    story = GoldStory("s1", "a1", "2025-01-01", ((0, 10), (10, 20), (20, 30)), (gold,), "test")
    doc = _doc()
    event = Event("a1", 0, "190", "19", "190", 4, -10.0, Span(2, 5, "hit"), _actor(doc, 0, "IRN", "IRN"),
                  _actor(doc, 2, "ISR", "ISR"), mentions=(0, 2))
    feats = {"conf": 0.5, "lemma=hit": 1.0}
    rows = tv.story_rows(story, "tuning", [event], [feats], [0, 10, 20])
    assert [(r.candidate["sentence"], r.label) for r in rows] == [(0, 0), (2, 1)]
    assert all(r.features is feats and r.group == "s1" for r in rows)
    # without sentence starts (the old labelling) the repeat is not seen: the event is only a wrong one
    assert [r.label for r in tv.story_rows(story, "tuning", [event], [feats], [])] == [0]


def test_a_feature_of_too_few_stories_gets_no_weight() -> None:
    """A word seen in one story gets no weight; one seen in three does (``--min-stories``, default 3)."""
    tv = _script()
    rows = [tv.Row(f"s{i}", "tuning", {"conf": 0.5, "seen": 1.0, **({"rare": 1.0} if i == 0 else {})}, i % 2)
            for i in range(6)]
    assert tv._attested(rows, 3) == {"conf", "seen"} and tv.MIN_STORIES == 3
    vec, _ = tv._fit(rows, 1.0, 0.0)
    assert set(vec.get_feature_names_out()) == {"conf", "seen"}
    assert set(tv._fit(rows, 1.0, 0.0, min_stories=1)[0].get_feature_names_out()) == {"conf", "seen", "rare"}
    # suite rows count as one group per suite, whatever their records: a feature of one suite is not attested
    suite = [tv.Row(f"udpetr:{i}", "suite", {"suite-only": 1.0}, i % 2) for i in range(4)]
    assert "suite-only" not in tv._attested(rows + suite, 3)


def test_the_pooled_figure_marks_the_stories_the_rules_were_not_written_on() -> None:
    """The pooled out-of-fold figure learns the prior shift of the stories the rules were not written on from the
    other such stories of each fold (``UNTUNED``); the shipped model has the chosen ``UNSEEN_SHIFT`` instead and
    never sees the mark."""
    tv = _script()
    assert tv.UNSEEN_SHIFT < 0
    rows = [tv.Row("t1", "tuning", {"a": 1.0}, 1), tv.Row("c1", "check", {"a": 1.0}, 0),
            tv.Row("udpetr:1", "suite", {"a": 1.0}, 1)]
    marked = tv.mark_untuned(rows, {"t1"})
    assert [tv.UNTUNED in r.features for r in marked] == [False, True, False]
    assert rows[1].features == {"a": 1.0} and marked[1].label == 0 and marked[0].features is rows[0].features


def test_guardian_judged_figures_and_cut() -> None:
    """scripts/verifier_judged.py: texts cut as the judge saw them, figures of the judged events only."""
    tv = _script()
    import verifier_judged as vj  # scripts/, which the training script puts on sys.path
    text = "One. Two three. " * 200
    short = vj.cut(text)
    assert len(short) < 2500 and short.endswith(".") and text.startswith(short) and vj.cut("Short.") == "Short."
    keys = [["guardian/061", i, "hit", "190", "IRN", "ISR", "asserted"] for i in range(4)]
    labels = {json.dumps(k): {"key": k, "real": i < 2, "fully_right": i == 0} for i, k in enumerate(keys[:3])}
    assert vj.judged_rows(labels) == {61}
    found = vj.judged_figures([0.9, 0.8, 0.1, 0.5], keys, labels)
    assert found.startswith("3 of 4 events judged")
    assert "real: 2 (0.667)" in found and "0.7-1.0 2 of 2" in found and "fully_right: 1 (0.333)" in found
    assert tv.guardian_check.__doc__  # the training script's option that reads them


def test_blind_leads_found_needs_root_and_both_countries() -> None:
    """scripts/blind_sets.py: a reader's main event is found by an event of its article, one of its sentences and
    its root; with both countries too for the full count; a confidence under the threshold finds nothing."""
    _script()
    import blind_sets as bs  # scripts/, which the training script puts on sys.path
    gold = [{"article": "g5/a", "sentences": [-1, 0], "root": "18", "source_country": "USA", "target_country": "IRQ"},
            {"article": "g5/b", "sentences": [1], "root": "04", "source_country": "FRA", "target_country": None}]
    events = [{"key": ["g5/a", 0, "strike", "183", "USAMIL", "IRQ", "asserted"], "confidence": 0.4},
              {"key": ["g5/b", 1, "met", "040", "FRAGOV", "DEU", "asserted"], "confidence": 0.9},
              {"key": ["g5/b", 2, "met", "040", "FRAGOV", None, "asserted"], "confidence": 0.9}]
    assert bs.leads_found(events, gold, 0.0) == (1, 2)
    assert bs.leads_found(events, gold, 0.5) == (0, 1)


def test_min_confidence_counts_only_events_above_it() -> None:
    from wirescope.eval.gold_stories import FACTUAL
    from wirescope.eval.realnews_run import CodedArticle, evaluate_gold, read_gold

    gold_dir = REPO / "data" / "voa2025" / "gold"
    stories, _ = read_gold(gold_dir, "check")
    by_article = {s.article_id: s for s in stories}

    def perfect(articles):  # type: ignore[no-untyped-def]
        out = []
        for a in articles:
            events = []
            for n, g in enumerate(e for e in by_article[a.id].events if e.modality in FACTUAL):
                src = Actor(0, 1, "x", country=g.source.country, roles=(g.source.role,) if g.source.role else ()) \
                    if g.source else None
                tgt = Actor(0, 1, "y", country=g.target.country, roles=(g.target.role,) if g.target.role else ()) \
                    if g.target else None
                events.append(Event(a.id, g.sentence, g.code, g.roots[0], g.code[:3], 1, 0.0,
                                    Span(g.trigger_start, g.trigger_end, g.trigger), src, tgt,
                                    confidence=0.9 if n % 2 == 0 else 0.1))
            out.append(CodedArticle(events))
        return out

    every = evaluate_gold(gold_dir, perfect, "check")
    above = evaluate_gold(gold_dir, perfect, "check", min_confidence=0.5)
    assert every["precision"] == 1.0 and every["recall"] > 0.95
    assert above["precision"] == 1.0 and 0.4 < above["recall"] < 0.6
    assert above["produced_events"] < every["produced_events"] and above["min_confidence"] == 0.5
    with pytest.raises(EvalError, match="min_confidence"):
        evaluate_gold(gold_dir, perfect, "check", min_confidence=1.5)


def test_eval_cli_options_name_their_format(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from wirescope.cli.main import build_app

    gold = tmp_path / "records.xml"
    gold.write_text("<Sentences></Sentences>", encoding="utf-8")
    runner, app = CliRunner(), build_app()
    result = runner.invoke(app, ["eval", "events", str(gold), "--format", "petr-xml", "--min-confidence", "0.3"])
    assert result.exit_code == 2 and "--min-confidence applies to --format wirescope-gold and case-tsv" in result.output
    result = runner.invoke(app, ["eval", "events", str(gold), "--format", "petr-xml", "--stages", "events"])
    assert result.exit_code == 2 and "--stages applies to" in result.output
    folder = REPO / "data" / "voa2025" / "gold"
    result = runner.invoke(app, ["eval", "events", str(folder), "--format", "wirescope-gold", "--stages",
                                 "entities,events,verfy"])
    assert result.exit_code == 2 and "unknown stage 'verfy'" in result.output and "verify" in result.output


def test_pipeline_with_verify_scores_every_event(nlp, examples) -> None:  # type: ignore[no-untyped-def]
    from wirescope.config import DEFAULT_STAGES
    from wirescope.ingest.sources import read_inputs
    from wirescope.nlp.pipeline import Pipeline

    article = next(iter(read_inputs([str(examples[0])])))
    assert DEFAULT_STAGES[-1] == "verify"  # the last default stage
    plain = Pipeline(Settings(stages=DEFAULT_STAGES[:-1]), nlp=nlp).analyze(article)
    verified = Pipeline(Settings(), nlp=nlp).analyze(article)
    assert plain.events and len(verified.events) == len(plain.events)  # nothing dropped
    for before, after in zip(plain.events, verified.events, strict=True):
        untold = (SET_ASIDE_MARK,) if before.modality in ("hypothetical", "negated") else ()
        assert after.trace == (*before.trace, *untold, TRACE_MARK)
        assert 0.0 <= after.confidence <= 1.0 and after.code == before.code
    assert any(a.confidence != b.confidence for a, b in zip(plain.events, verified.events, strict=True))
    assert any(p.startswith("verify@") for p in verified.provenance.stages)


def test_the_one_standard_error_rule_takes_the_most_regularised_point_inside_the_noise() -> None:
    """scripts/verifier_select.py: losses averaged over fold seeds, standard errors over stories, and the lowest C
    whose loss exceeds the best's by at most one standard error of the story-by-story difference; a point outside
    it is not taken however regularised, and the spread of story difficulty (the same for every point) is not
    noise of the comparison."""
    _script()
    import verifier_select as vs

    def per_story(losses: list[float]) -> dict[str, tuple[float, int]]:
        return {f"s{i}": (x * 2, 2) for i, x in enumerate(losses)}  # two rows per story

    stories = [0.5, 0.7, 0.3, 0.6, 0.4]  # mean 0.5, standard error over stories 0.0707
    best = vs.scored((1.0, 0.0, "platt"), [per_story(stories), per_story([x + 0.02 for x in stories])])
    assert abs(best.loss - 0.51) < 1e-9 and abs(best.se - 0.0707) < 1e-3
    jitter = [0.0, 0.1, -0.05, 0.05, 0.0]  # differences of mean 0.02, standard error 0.0255
    close = vs.scored((0.3, 0.0, "platt"), [per_story([x + 0.01 + j for x, j in zip(stories, jitter, strict=True)])])
    far = vs.scored((0.1, 0.0, "platt"), [per_story([x + 0.05 for x in stories])])  # always worse: outside
    assert abs(vs.paired_se(close, best) - 0.0255) < 1e-3 and vs.paired_se(far, best) < 1e-9
    assert vs.one_se([best, close, far]).point == (0.3, 0.0, "platt")
    assert vs.one_se([best, far]).point == (1.0, 0.0, "platt")  # within the unpaired error, not the paired
    assert vs.row_loss(1.0, 1) == 0.0 and vs.row_loss(0.0, 1) > 13



def test_the_noise_floor_of_the_ece_is_that_of_a_perfectly_calibrated_confidence() -> None:
    """scripts/verifier_select.py ``calibrated_ece``: labels drawn from the confidences themselves; the floor is
    positive, shrinks with more candidates, is the same for the same seed, and a confidence of 0 or 1 has none."""
    _script()
    import verifier_select as vs

    from wirescope.eval.realnews import calibration_of

    def ece(pairs):  # type: ignore[no-untyped-def]
        return calibration_of(pairs)["ece"]

    few = vs.calibrated_ece([0.2, 0.5, 0.8] * 30, ece, draws=300)
    many = vs.calibrated_ece([0.2, 0.5, 0.8] * 1000, ece, draws=300)
    assert 0 < many[0] < few[0] and few[1] <= few[0] <= few[2]
    assert vs.calibrated_ece([0.2, 0.5, 0.8] * 30, ece, draws=300) == few
    assert vs.calibrated_ece([0.0, 1.0] * 50, ece, draws=50) == (0.0, 0.0, 0.0)


def test_a_bagged_verifier_is_one_linear_model_and_a_storys_draws_do_not_depend_on_the_others() -> None:
    """``--bags K`` (session 25): the average of K regressions on story bootstraps is one linear model of the same
    form (the model file and the cost of scoring unchanged), the same from two runs; each story's bootstrap draws
    come from its own id, so a refit without one story keeps every other story's draws; ``bags`` 1 is the single
    regression calibrated out of fold, as before."""
    tv = _script()
    rng = random.Random(3)
    rows = [tv.Row(f"s{i}", "tuning", {"conf": rng.random(), "lemma=a": float(i % 3 == 0), "lemma=b": float(i % 2)},
                   int(rng.random() < 0.3 + 0.4 * (i % 2))) for i in range(40) for _ in range(3)]
    draws = [tv._draws(f"0:{k}:s{i}") for k in range(50) for i in range(40)]
    assert min(draws) == 0 and max(draws) >= 3 and abs(sum(draws) / len(draws) - 1.0) < 0.1  # Poisson(1)
    bagged = tv.train(rows, 1.0, 0.0, "platt", min_stories=1, bags=5)
    assert bagged.to_json() == tv.train(rows, 1.0, 0.0, "platt", min_stories=1, bags=5).to_json()
    assert set(bagged.weights) <= {"conf", "lemma=a", "lemma=b"} and bagged.calibration.method == "platt"
    # the bias and weights are the members' means: rebuilt here from the same bootstraps
    stories = sorted({r.group for r in rows})
    members = []
    for k in range(5):
        counts = {s: n for s in stories if (n := tv._draws(f"{tv.SEED}:{k}:{s}"))}
        members.append(tv._fit([r for r in rows if r.group in counts], 1.0, 0.0, 1, counts))
    for name in ("conf", "lemma=b"):
        mean = sum(float(m.coef_[0][list(v.get_feature_names_out()).index(name)]) for v, m in members) / 5
        assert bagged.weights[name] == pytest.approx(mean, abs=1e-4)
    assert bagged.bias == pytest.approx(sum(float(m.intercept_[0]) for _, m in members) / 5, abs=1e-4)
    single = tv.train(rows, 1.0, 0.0, "platt", min_stories=1)
    assert single.to_json() == tv.train(rows, 1.0, 0.0, "platt", min_stories=1, bags=1).to_json()


def test_the_refit_spread_counts_candidates_a_refit_moves_across_a_threshold() -> None:
    """scripts/verifier_select.py ``refit_spread`` (``train_verifier.py --stability``): a candidate whose
    confidence a refit moves from 0.32 to 0.28 crosses 0.3; one that moves within a side does not."""
    _script()
    import verifier_select as vs

    reference = [0.32, 0.6, 0.1]
    refits = [[0.28, 0.62, 0.1], [0.33, 0.45, 0.1], [0.31, 0.61, 0.1]]
    found = vs.refit_spread(reference, refits)
    assert found["candidates"] == 3 and found["refits"] == 3
    assert found["at 0.3"] == {"shown": 2, "crossing_per_refit": 0.3, "crossing_max": 1, "crossing_ever": 1}
    assert found["at 0.5"] == {"shown": 1, "crossing_per_refit": 0.3, "crossing_max": 1, "crossing_ever": 1}
    assert found["logit_sd_mean"] > 0  # type: ignore[operator]
    assert vs.refit_spread(reference, [reference, reference])["logit_sd_mean"] == 0.0
