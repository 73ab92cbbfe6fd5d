"""Speaker resolution and the quotes stage on hand-built articles (entities from the model's NER fallback)."""

from __future__ import annotations

from typing import Any

import pytest

from wirescope.config import Settings
from wirescope.nlp.stages.quotes import QuoteStage
from wirescope.records import Analysis, Article, Provenance, Quote


@pytest.fixture(scope="module")
def run(nlp: Any) -> Any:
    stage = QuoteStage(Settings(), code_actors=False)

    def go(text: str) -> list[Quote]:
        analysis = Analysis(article=Article(id="t", text=text), provenance=Provenance("0", "m", ()))
        return list(stage(nlp(text), analysis).quotes)

    return go


def speakers(quotes: list[Quote]) -> list[tuple[str | None, str | None]]:
    return [(q.speaker.text if q.speaker else None, q.speaker.name if q.speaker else None) for q in quotes]


def test_stage_contract() -> None:
    stage = QuoteStage(Settings(), code_actors=False)
    assert (stage.name, stage.requires, stage.assigns) == ("quotes", ("sentences", "entities"), ("quotes",))


def test_titles_and_descriptors_are_stripped(run: Any) -> None:
    quotes = run("Iran’s foreign minister Javad Zarif branded the move “rogue adventurism”.")
    assert speakers(quotes) == [("Iran’s foreign minister Javad Zarif", "Javad Zarif")]


def test_pronoun_takes_the_most_recent_compatible_subject(run: Any) -> None:
    text = (
        "Iranian President Hassan Rouhani spoke on Friday in Tehran. Markets in Asia fell sharply. "
        "He said: “Iran will resist.”"
    )
    assert speakers(run(text)) == [("He", "Hassan Rouhani")]


def test_pronoun_follows_the_previous_speaker(run: Any) -> None:
    text = "US Defence Secretary Mark Esper said there were “indications” of attacks. He added: “We are prepared.”"
    assert [n for _, n in speakers(run(text))] == ["Mark Esper", "Mark Esper"]


def test_metonymy_and_it_they(run: Any) -> None:
    text = (
        "The Pentagon released a statement in which it said the strike was necessary. "
        "They said: “The general was planning attacks.”"
    )
    assert [n for _, n in speakers(run(text))] == ["US Department of Defense", "US Department of Defense"]
    assert speakers(run("Downing Street said the talks would go on."))[0][1] == "UK Prime Minister's Office"


def test_no_antecedent_means_no_name(run: Any) -> None:
    [quote] = run("He said: “We will win.”")
    assert quote.speaker is not None and quote.speaker.text == "He" and quote.speaker.name is None


def test_common_noun_speaker_has_no_entity(run: Any) -> None:
    [quote] = run("Some experts believe Iran may respond with ‘asymmetric’ warfare.")
    assert quote.speaker is not None and (quote.speaker.text, quote.speaker.name) == ("Some experts", None)
    assert quote.type == "mixed"


def test_quote_json_shape(run: Any) -> None:
    [quote] = run("“Every time you say that,” Warren said, “you give them ammunition.”")
    out = quote.to_json()
    assert set(out) >= {"text", "type", "start", "end", "spans", "cue", "speaker", "confidence"}
    assert len(out["spans"]) == 2 and out["start"] == out["spans"][0]["start"]
    assert set(out["speaker"]) == {"text", "start", "end", "name", "entity_id", "code"}
    assert out["cue"]["text"] == "said"
