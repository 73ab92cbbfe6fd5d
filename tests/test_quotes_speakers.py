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


@pytest.mark.parametrize(("text", "want"), [
    # the subject of a clause inside the main one (an adverbial clause, a noun's complement) ranks below the main
    # clause's subject, which a main-clause "he" continues (nlp/coding/salience.py)
    ("Iranian President Hassan Rouhani spoke after Donald Trump had offered talks. He said: “We will never negotiate.”",
     "Hassan Rouhani"),
    ("Chancellor Angela Merkel rejected the claim that Theresa May had been misled. "
     "“Nobody was misled,” she told reporters.", "Angela Merkel"),
    ("Prime Minister Tony Blair rejected the allegation that Gordon Brown had been sidelined in the campaign. "
     "He said: “Gordon is at the heart of it.”", "Tony Blair"),
])
def test_pronoun_continues_the_main_clause_subject(run: Any, text: str, want: str) -> None:
    assert [n for _, n in speakers(run(text))][-1] == want


def test_an_embedded_pronoun_keeps_the_nearest_subject(run: Any) -> None:
    # "he" inside the clause of "although" parallels the embedded subject: the nearest, as before
    text = "Hassan Rouhani spoke after Donald Trump had offered talks, although he said they were “a trick”."
    assert [n for _, n in speakers(run(text))] == ["Donald Trump"]


@pytest.mark.parametrize("text", [
    # a person the article introduces without a name is what the next "he" is: no older name is taken for them
    "Phil Redmond told Tessa Jowell he would buy the channel. A spokesman for the Department for Culture said there "
    "were no plans to sell it. He added: “Legislation would be required.”",
    "Abu Awad, a fighter for Islamic State, was unsettled. A young Kurdish soldier was listening on a radio and "
    "recognised the voice. “He’s Syrian,” he said.",
    "Joy Rainey died in hospital in March. Her father, speaking from his home, said the family was devastated. "
    "“She was always smiling,” he said.",
])
def test_a_person_introduced_without_a_name_is_no_older_name(run: Any, text: str) -> None:
    assert [n for _, n in speakers(run(text))][-1] is None


def test_a_name_inside_the_subject_s_phrase_is_no_antecedent(run: Any) -> None:
    # "the Lib Dems" modifies "the argument"; the pronoun goes back to the leader named as a subject before
    text = ("Liberal Democrat leader Charles Kennedy unveiled his tax plans. The argument between the Lib Dems and the "
            "others echoes the 1980s. He said: “Voters are ready for modest increases.”")
    assert [n for _, n in speakers(run(text))][-1] == "Charles Kennedy"


def test_a_name_in_a_modifier_of_the_subject_is_a_last_resort(run: Any) -> None:
    # nothing else is near: the company the shares are in is what "it" is
    text = "Shares in American Express surged on Tuesday after it said it would sell its advisory arm."
    assert [n for _, n in speakers(run(text))] == ["American Express"]


@pytest.mark.parametrize(("text", "name"), [
    # a relative clause or a participle describing the speaker's noun: its names are what its verb is about
    ("A former Revolutionary Guard officer who defected to the United States said the general was ruthless.", None),
    ("The firm, which is to receive a payment from Chelsea of £24.5m, said it was pleased with the deal.", None),
    ("A Saudi national who fled Syria in late August said the camp was full.", None),
    ("British citizens backing Islamic State in Syria said they would not return.", None),
    ("Mr Hague, who recently had published the biography of William Pitt the Younger, said he wanted to write "
     "more books.", "Hague"),
    # a name the phrase gives outside the clause still names the speaker
    ("A senior member of the Kurdistan Region Security Council who monitored the call said it was brief.",
     "Kurdistan Region Security Council"),
    ("Paul Dergarabedian, president of Exhibitor Relations, which compiles box office statistics, said sales fell.",
     "Paul Dergarabedian"),
    ("A spokesman for Hamas said the truce would hold.", "Hamas"),
])
def test_a_name_inside_a_clause_describing_the_speaker_is_not_its_name(run: Any, text: str, name: str | None) -> None:
    [quote] = run(text)
    assert quote.speaker is not None and quote.speaker.name == name, text


def test_a_reduced_passive_names_no_speaker(run: Any) -> None:
    # what the participle reports is said of its noun by someone else: the by-agent, or nobody (no quotation)
    assert run("The Syrian Kurdish militia, said to number 10,000 fighters in Afrin, is not giving an inch.") == []
    assert run("Among those reported to have serious reservations over the strategy were senior shadow cabinet "
               "members David Davis, Oliver Letwin and Tim Yeo.") == []
    [quote] = run("Among the villagers told by the ministry that the dam might burst were many farmers.")
    assert quote.speaker is not None and quote.speaker.text == "the ministry"


@pytest.mark.parametrize(("text", "name"), [
    # an office's letters name no one; the person named right before them holds the office
    ("Scottish Finance Minister, Tom McCabe MSP, said the increase was fair.", "Tom McCabe"),
    ("The Tory finance spokesman, Brian Monteith MSP, said the rise was too high.", "Brian Monteith"),
    ("Former welfare minister Frank Field MP said the reform had failed.", "Frank Field"),
    ("The Salford MP said the plan was fair.", None),
    ("A senior Tory MP said the leader should go.", None),
])
def test_an_offices_letters_are_no_name(run: Any, text: str, name: str | None) -> None:
    [quote] = run(text)
    assert quote.speaker is not None and quote.speaker.name == name, text


@pytest.mark.parametrize(("text", "name"), [
    # a place after "in", "at" ... says where the speaker is, not who speaks ...
    ("A Western diplomat in Baghdad said the militias were strong.", None),
    ("American citizens in South Korea said they felt safe.", None),
    ("Maguire, the former C.I.A. officer in Baghdad, said the general was everywhere.", "Maguire"),
    # ... but a body's noun is named by its place
    ("The court in Washington said the case would go on.", "Washington"),
])
def test_a_place_where_the_speaker_is_is_not_its_name(run: Any, text: str, name: str | None) -> None:
    [quote] = run(text)
    assert quote.speaker is not None and quote.speaker.name == name, text


@pytest.mark.parametrize("text", [
    # a plural subject that names no one is what the next "they" is: no older organisation is taken for it
    "According to Reuters, they plan to seize 12,900 acres from the farm. Officials claim that Agroflora does not "
    "possess valid documents. They also allege that areas of the ranch are not being used.",
    "The Court of Appeals ruled that the government could not sue the firms. The tobacco companies deny that they "
    "conspired to promote smoking. They also say they have already met many of the government's demands.",
])
def test_a_group_introduced_without_a_name_is_no_older_name(run: Any, text: str) -> None:
    assert [n for _, n in speakers(run(text))][-1] is None


def test_they_without_a_plural_subject_between_keeps_the_body(run: Any) -> None:
    text = "The Refugee Council said the plan was cruel. They said the quotas should be dropped."
    assert [n for _, n in speakers(run(text))] == ["Refugee Council", "Refugee Council"]


def test_the_firm_is_the_firm_named_before(run: Any) -> None:
    text = ("British Airways has blamed high fuel prices for a 40% drop in profits. The airline said fuel costs rose "
            "by a third.")
    assert [n for _, n in speakers(run(text))] == ["British Airways"]


def test_the_central_bank_is_no_firm_named_before(run: Any) -> None:
    text = "HSBC reported record profits on Monday. Later, the central bank said it expected 6% growth in 2005."
    assert [n for _, n in speakers(run(text))][-1] is None
