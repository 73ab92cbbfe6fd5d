"""Selective parsing (issue 20, item 1; ``nlp/parsing.py``): the sentence recogniser gives the sentences, the parser
runs only on the sentences a stage declares it reads, and a parsed sentence gets (mostly) the parse a whole-document
parse gives it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from wirescope.config import Settings
from wirescope.errors import ConfigError
from wirescope.nlp.parse_needs import EventNeed, QuoteNeed, base_forms
from wirescope.nlp.parsing import EVERY_SENTENCE, configure, need_of, no_parse, parsed_sentences
from wirescope.nlp.pipeline import Pipeline, model_text

# Written for these tests (no data set's text): sentences with and without anything a stage reads.
TEXT = (
    "Rebels attacked an army post near the border on Tuesday, the defence ministry said.\n\n"
    "Sunny skies and mild temperatures across the north.\n\n"
    "The government condemned the attack and promised to increase patrols.\n\n"
    "\u201cWe will not give in to violence,\u201d the minister told reporters in the capital.\n\n"
    "Beautiful scenery, quiet roads and small villages.\n\n"
    "Police arrested three men after the clashes, officials said.\n"
)


@pytest.fixture(scope="module")
def needed() -> Pipeline:
    return Pipeline(Settings(parse="needed"))


@pytest.fixture(scope="module")
def every() -> Pipeline:
    return Pipeline(Settings(parse="all"))


def _sentences(doc):
    return [s for s in doc.sents if s.text.strip()]


def test_a_sentence_without_a_need_stays_unparsed(needed: Pipeline) -> None:
    assert needed.parse_mode == "needed"
    doc = needed.nlp(model_text(TEXT))
    parsed = parsed_sentences(doc)
    assert parsed is not None
    by_text = {s.text.strip(): s for s in _sentences(doc)}
    for text in ("Sunny skies and mild temperatures across the north.",
                 "Beautiful scenery, quiet roads and small villages."):
        sent = by_text[text]
        assert sent.start not in parsed
        assert all(t.head.i == t.i and t.dep_ == "" for t in sent)  # a missing head, no label
        assert sent[0].is_sent_start
    attack = by_text["Rebels attacked an army post near the border on Tuesday, the defence ministry said."]
    assert attack.start in parsed
    assert {t.dep_ for t in attack} >= {"nsubj", "dobj", "ROOT"}


def test_a_needed_sentence_gets_the_whole_document_parse_in_most_cases(needed: Pipeline, every: Pipeline) -> None:
    text = model_text(TEXT)
    whole = every.nlp(text)
    part = needed.nlp(text)
    parsed = parsed_sentences(part)
    assert parsed is not None
    whole_sents = {(s.start, s.end) for s in whole.sents}
    same = compared = 0
    for sent in part.sents:
        if sent.start not in parsed or (sent.start, sent.end) not in whole_sents:
            continue
        for tok in sent:
            compared += 1
            same += (tok.head.i, tok.dep_) == (whole[tok.i].head.i, whole[tok.i].dep_)
    assert compared > 40
    assert same / compared >= 0.9, f"{same} of {compared} tokens parsed as in the whole document"


def test_the_parse_of_a_document_does_not_depend_on_its_batch(needed: Pipeline) -> None:
    """What makes the results the same for any worker count: each worker parses other batches."""
    texts = [model_text(TEXT), model_text("Ministers met in Brussels to discuss the budget.\nNothing else."),
             model_text(TEXT.replace("Rebels", "Militants"))]
    alone = [needed.nlp(t) for t in texts]
    together = list(needed.nlp.pipe(texts, batch_size=3))
    for a, b in zip(alone, together, strict=True):
        assert [(t.head.i, t.dep_, t.pos_, t.lemma_, t.is_sent_start) for t in a] == \
               [(t.head.i, t.dep_, t.pos_, t.lemma_, t.is_sent_start) for t in b]
        assert parsed_sentences(a) == parsed_sentences(b)


def test_the_events_and_quotes_of_needed_sentences_are_found(needed: Pipeline, every: Pipeline) -> None:
    from wirescope.records import Article

    article = Article(id="t", text=TEXT, input="t.txt")
    part, whole = needed.analyze(article), every.analyze(article)
    assert part.events and part.quotes
    assert {(e.code, e.sentence_text) for e in part.events} == {(e.code, e.sentence_text) for e in whole.events}
    assert len(part.quotes) == len(whole.quotes)


def test_need_declarations() -> None:
    class Undeclared:
        name = "x"

    assert need_of(Undeclared()) is EVERY_SENTENCE  # a stage that declares nothing reads every sentence
    assert no_parse("nothing").test is not None
    assert "say" in base_forms("said", {"SAID": "SAY"})
    assert {"talk"} <= base_forms("talks") and {"party"} <= base_forms("parties")
    assert "stop" in base_forms("stopped")


def test_need_tests_on_sentences(nlp) -> None:
    from wirescope.nlp.quotes.cues import bundled_lexicon
    from wirescope.nlp.resources.petrarch import load_dictionaries

    dicts = load_dictionaries(None)
    events, quotes = EventNeed(dicts), QuoteNeed(bundled_lexicon(), dicts.forms)
    attack, scenery = nlp("Rebels attacked an army post."), nlp("Beautiful scenery and quiet roads.")
    assert events(attack[:]) and not events(scenery[:])
    assert quotes(nlp("The minister said the talks failed.")[:]) and not quotes(scenery[:])
    assert quotes(nlp("\u201cNever,\u201d he replied.")[:])


def test_modes(nlp) -> None:
    with pytest.raises(ConfigError, match="parse mode"):
        configure(nlp, "some", [])
    with pytest.raises(ConfigError, match="parse must be"):
        Settings(parse="some")
    # one stage that reads every sentence's parse: the parser runs on everything
    assert configure(nlp, "needed", [no_parse("x"), EVERY_SENTENCE]) == "all"
    assert "parser" in nlp.pipe_names
    assert replace(Settings(), parse="needed").parse == "needed"

    def unused() -> list:
        raise AssertionError("parse='all' must not build the stages' need tests (they load dictionaries)")

    assert configure(nlp, "all", unused) == "all"


@pytest.mark.slow
def test_one_and_two_workers_store_the_same_with_selective_parsing(tmp_path) -> None:
    """Issue 20: results identical for any worker count, with parse="needed" too (the examples and six VOA dev
    stories, as ``test_workers_equal.py`` ingests them with every sentence parsed)."""
    from test_workers_equal import VOA_DEV, _articles, _tables
    from wirescope.runners.local import ingest_articles
    from wirescope.store import Store

    if not VOA_DEV.is_file():
        pytest.skip("data/voa2025/voa_2025_dev.jsonl is absent")
    articles = _articles(tmp_path)
    stored = []
    for workers in (1, 2):
        path = tmp_path / f"w{workers}.duckdb"
        with Store(path) as store:
            report = ingest_articles(articles, store, Settings(parse="needed", n_process=workers, batch_size=2))
            assert report.new == len(articles), report.failures
        stored.append(_tables(path))
    assert stored[0].get("events") and stored[0].get("quotes"), "nothing stored: the comparison would prove nothing"
    assert stored[0] == stored[1]
