"""Headlines and text without final punctuation in the events stage (nlp/coding/headline.py)."""

from __future__ import annotations

import pytest

from wirescope.nlp.coding.headline import headline_sentences, is_headline, is_label, merge_headline, unpunctuated
from wirescope.nlp.stages.events import merge_repeats
from wirescope.records import Actor, Event, Span


@pytest.fixture(scope="module")
def pipeline(nlp):  # type: ignore[no-untyped-def]
    from wirescope.config import Settings
    from wirescope.nlp.pipeline import Pipeline

    return Pipeline(Settings(stages=("entities", "events")), nlp=nlp)


def test_unpunctuated() -> None:
    assert unpunctuated("Iran fires missiles at US bases")
    assert unpunctuated("Talks stall as leaders meet...")
    assert not unpunctuated("Iran fired missiles.")
    assert not unpunctuated("“We will respond,” he said.”")


def test_labels_have_no_finite_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    for text, label in [
        ("Critical infrastructure, a prime target", True),
        ("The map of the region", True),
        ("Iran fires missiles at US bases", False),
        ("Court rejects tobacco case", False),
        ("Troops will withdraw from the border", False),
        ("Iran fired missiles at US bases.", False),  # punctuated: never a label
    ]:
        doc = nlp(text)
        assert is_label(text, list(doc.sents)) is label, text


def test_headline_is_the_first_paragraph_when_it_is_the_title(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Iran fires missiles at US bases\n\nIran fired missiles at two bases on Tuesday."
    doc = nlp(text)
    sents = list(doc.sents)
    assert headline_sentences(text, sents, "Iran fires missiles at US bases") == {0}
    assert headline_sentences(text, sents, "Another title") == set()
    assert headline_sentences(text, sents, None) == set()
    assert is_headline("  Iran  fires missiles", 0, "Iran fires missiles")  # a masked "#" heading
    assert not is_headline("Iran fires missiles", 5, "Iran fires missiles")


def _event(sentence: int, root: str, source: str | None, target: str | None, modality: str = "asserted") -> Event:
    def actor(code: str | None) -> Actor | None:
        return None if code is None else Actor(0, 1, code, code=code, country=code[:3])

    return Event(article_id="a", sentence=sentence, code=root + "0", root_code=root, base_code=root + "0",
                 quad_class=4, goldstein=-10.0, trigger=Span(sentence * 10, sentence * 10 + 3, "hit"),
                 source=actor(source), target=actor(target), modality=modality, mentions=(sentence,))


def test_a_headline_event_merges_into_the_body_event() -> None:
    events = [_event(0, "19", "USA", None), _event(3, "19", "USAMIL", "IRNMIL"), _event(5, "19", "USAMIL", "IRNMIL")]
    out = merge_headline(events, {0}, merge_repeats)
    assert len(out) == 1
    assert out[0].sentence == 3 and out[0].mentions == (0, 3, 5)  # the body's evidence, the headline among mentions


def test_a_headline_asserting_what_the_body_reports_is_the_evidence() -> None:
    headline, body = _event(0, "19", "USAMIL", "IRNMIL"), _event(4, "19", "USAMIL", "IRNMIL", "reported")
    out = merge_headline([headline, body], {0}, merge_repeats)
    assert len(out) == 1 and out[0].sentence == 0 and out[0].modality == "asserted" and out[0].mentions == (0, 4)
    # with other actors the body's event (and its actors) stays the evidence
    out = merge_headline([_event(0, "19", "USA", None), body], {0}, merge_repeats)
    assert len(out) == 1 and out[0].sentence == 4 and out[0].mentions == (0, 4)


@pytest.mark.parametrize(
    ("headline", "kept"),
    [
        (_event(0, "19", "IRN", "USA"), True),  # the body does not report it: coded on its own
        (_event(0, "19", "IRN", "USA", "hypothetical"), False),  # a hedged headline reading alone is dropped
        (_event(0, "13", "USA", "IRN"), True),  # another root: another event
    ],
)
def test_a_headline_event_the_body_lacks(headline: Event, kept: bool) -> None:
    body = _event(3, "19", "USAMIL", "IRNMIL")
    out = merge_headline([headline, body], {0}, merge_repeats)
    assert (headline.sentence in {e.sentence for e in out}) is kept
    assert next(e for e in out if e.sentence == 3).mentions == (3,)


def test_stage_codes_an_unpunctuated_snippet(pipeline) -> None:  # type: ignore[no-untyped-def]
    from wirescope import article_from_text

    text = "Gondor condemned Arnor on Monday.\n\nChina accused Japan of provocation on Friday"
    analysis = pipeline.analyze(article_from_text(text, title="Gondor"))
    assert any(e.root_code == "11" and e.source and e.source.country == "CHN" for e in analysis.events)


@pytest.mark.parametrize(
    "text",
    [
        "Russia condemns Ukraine over border clash\n\nRussia condemned Ukraine on Monday over a clash at the border.",
        "Israel attacks Hamas in Gaza\n\nIsraeli forces attacked Hamas in Gaza on Monday.",
        "China accuses Japan of provocation\n\nChina accused Japan of provocation on Friday.",
    ],
)
def test_stage_counts_a_headline_event_once(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    from wirescope import article_from_text

    analysis = pipeline.analyze(article_from_text(text))  # plain text: the first line is the headline
    assert analysis.article.title == text.split("\n")[0]
    assert len(analysis.events) == 1
    assert analysis.events[0].sentence == 1 and analysis.events[0].mentions == (0, 1)


def _titled(text: str, title: str):  # type: ignore[no-untyped-def]
    from datetime import date

    from wirescope.records import Article

    return Article(id="titled", title=title, text=text, published=date(2019, 7, 19))


def test_a_title_given_apart_merges_into_the_body_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    """A title that is not the text's first line (a JSON title, a CSV column) is parsed and coded as headlinese:
    its event is the body's same event told again, so it joins that event's mentions as sentence -1."""
    analysis = pipeline.analyze(_titled("Israeli forces attacked Hamas in Gaza on Monday. Officials gave no toll.",
                                        "Israel attacks Hamas in Gaza"))
    attacks = [e for e in analysis.events if e.root_code in ("18", "19")]
    assert len(attacks) == 1
    assert attacks[0].sentence == 0 and attacks[0].mentions == (-1, 0)


def _title_only_events(pipeline, title: str) -> list:  # type: ignore[no-untyped-def]
    """The events coded from ``title`` over a body that tells no act of its own."""
    analysis = pipeline.analyze(_titled("The talks in Minsk ended on Monday. Russia and Ukraine set no date for the "
                                        "next round.", title))
    return [e for e in analysis.events if e.sentence == -1]


def test_a_title_event_the_body_lacks_is_kept_with_offsets_into_the_title(pipeline) -> None:  # type: ignore[no-untyped-def]
    title = "Russia condemns Ukraine over border clash"
    kept = _title_only_events(pipeline, title)
    assert [(e.root_code, e.source and e.source.country, e.target and e.target.country) for e in kept] == [
        ("11", "RUS", "UKR")]
    assert title[kept[0].trigger.start : kept[0].trigger.end] == "condemns" and kept[0].sentence_text == title
    assert kept[0].source and title[kept[0].source.start : kept[0].source.end] == "Russia"


@pytest.mark.parametrize("title", [
    "Critical infrastructure, a prime target",  # a label
    "Russia may condemn Ukraine",  # hedged
    "Straw attacked on China arms",  # headlinese passive (filters.headline-participle-is-a-passive)
    "Kennedy condemns Ukraine over border clash",  # a doer of a country the text never names
    "Russia praises Ukraine over border deal",  # cooperation the text never tells
])
def test_a_title_label_or_a_hedged_title_event_is_no_event(pipeline, title: str) -> None:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze(_titled("The talks in Minsk ended on Monday. Russia and Ukraine set no date for the "
                                        "next round.", title))
    assert not [e for e in analysis.events if e.sentence == -1]


def test_the_title_given_apart_names_the_lead_acts_doer(pipeline) -> None:  # type: ignore[no-untyped-def]
    """source.agentless-lead-act-takes-the-headline-doer reads a title parsed apart from the text as it reads a
    first line: the lead's passive act takes the title's doer, and the title joins its mentions."""
    text = ("Qassem Soleimani was killed early on Friday in an air strike on his convoy at Baghdad airport. "
            "Iran vowed revenge.")
    analysis = pipeline.analyze(_titled(text, "United States assassinates Iranian military leader in Baghdad"))
    killed = [e for e in analysis.events if e.root_code in ("18", "19")]
    assert len(killed) == 1 and killed[0].sentence == 0 and killed[0].mentions == (-1, 0)
    assert killed[0].source is not None and killed[0].source.country == "USA"
    assert "source.agentless-lead-act-takes-the-headline-doer" in killed[0].trace


def test_a_lead_that_names_its_doer_takes_no_doer_from_the_title(pipeline) -> None:  # type: ignore[no-untyped-def]
    """A lead act whose subject is a name no dictionary codes is not agentless: the title's surname, coded apart
    from the text, is a guess at another person (BBC sport/178: 'Cole' as a Sierra Leonean politician, 120 SLEELI)."""
    text = "Ashley Cole has refused to blame Robin van Persie for leaving Arsenal with no fully-fit strikers."
    analysis = pipeline.analyze(_titled(text, "Cole refuses to blame van Persie"))
    assert not any("source.agentless-lead-act-takes-the-headline-doer" in e.trace for e in analysis.events)
    assert not any(e.source is not None and e.source.country == "SLE" for e in analysis.events)


def test_titles_parsed_in_the_texts_batch_code_as_titles_parsed_alone(pipeline, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """analyze_many feeds a title the events stage codes apart from the text to spaCy just before its text
    (nlp/title_docs.py): the stage then reads that doc instead of parsing the title itself, with the same events as
    an article analysed alone; a plain text whose first line is its title has nothing parsed apart."""
    from wirescope.nlp import title_docs

    articles = [
        _titled("Israeli forces attacked Hamas in Gaza on Monday. Officials gave no toll.", "Israel attacks Hamas"),
        _titled("The talks in Minsk ended on Monday. Russia and Ukraine set no date.", "Russia condemns Ukraine"),
        _titled("Russia condemns Ukraine\n\nThe talks in Minsk ended on Monday.", "Russia condemns Ukraine"),
    ]
    assert [title_docs.to_parse(a) for a in articles] == ["Israel attacks Hamas", "Russia condemns Ukraine", None]
    alone = [pipeline.analyze(a).events for a in articles]
    found = []
    real = title_docs.title_doc
    monkeypatch.setattr(title_docs, "title_doc", lambda doc, title: found.append(real(doc, title)) or found[-1])
    batch = [a.events for a in pipeline.analyze_many(articles)]  # type: ignore[union-attr]
    assert batch == alone
    assert [d.text for d in found if d is not None] == ["Israel attacks Hamas", "Russia condemns Ukraine"]


@pytest.mark.parametrize(("title", "text", "parsed"), [
    # the text's words in lower case (any inflection) lower-case the title's; closed-class words and verbs of
    # saying always; names the text writes capitalised keep their capital
    ("Iran Says It’s Fired Missiles at U.S. Base in Iraq",
     "Iran fired missiles at the Ain al-Asad base, where U.S. troops are stationed.",
     "Iran says it’s fired missiles at U.S. base in Iraq"),
    ("Trial Opens in 2004 Bombing of French Base in Ivory Coast",
     "A trial opened in Paris over the 2004 bombing of a French military base in Ivory Coast.",
     "Trial opens in 2004 bombing of French base in Ivory Coast"),
    ("Ghana Supreme Court Orders Police to Release Protesters",
     "Ghana's Supreme Court on Monday ordered police to release the protesters. The Supreme Court said the court's "
     "order must be obeyed.",
     "Ghana Supreme Court orders police to release protesters"),
    ("Ankara Defies Washington Over Russian Missiles",  # 'Defies': a word the text never uses keeps its capital
     "Turkey tested Russian missiles despite threats from Washington.",
     "Ankara Defies Washington over Russian missiles"),
    # a title in sentence case is parsed as it is
    ("Trump threatens 200% tariffs on European Spirits", "Trump threatened tariffs on spirits.",
     "Trump threatens 200% tariffs on European Spirits"),
])
def test_a_title_case_title_is_parsed_in_sentence_case(title: str, text: str, parsed: str) -> None:
    from wirescope.nlp.title_docs import sentence_case

    assert sentence_case(title, text) == parsed and len(parsed) == len(title)


def test_a_title_case_title_event_keeps_the_titles_words(pipeline) -> None:  # type: ignore[no-untyped-def]
    """'Accuses' tagged a name codes nothing; parsed in sentence case the title's act is coded, with the title's own
    words as its trigger and sentence, and the mark in its trace."""
    title = "Russia Accuses Ukraine of Border Attack"
    kept = _title_only_events(pipeline, title)
    assert [(e.root_code, e.source and e.source.country, e.target and e.target.country) for e in kept] == [
        ("11", "RUS", "UKR")]
    assert kept[0].trigger.text == "Accuses" == title[kept[0].trigger.start : kept[0].trigger.end]
    assert kept[0].sentence_text == title and "title.read-in-sentence-case" in kept[0].trace


def test_a_title_case_title_merges_into_the_body_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze(_titled("Iran fired more than a dozen missiles at a U.S. base in Iraq on Tuesday, "
                                        "state television said.", "Iran Says It’s Fired Missiles at U.S. Base in Iraq"))
    fired = [e for e in analysis.events if e.root_code == "19"]
    assert len(fired) == 1 and fired[0].mentions == (-1, 0)
