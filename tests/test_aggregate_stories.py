"""Incremental story clustering on small hand-written articles."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from wirescope.aggregate.stories import StoryClusterer, cluster_docs
from wirescope.aggregate.story_records import StoryDoc, StorySettings
from wirescope.aggregate.text import entity_key, stem, terms
from wirescope.errors import ConfigError

QUAKE = [
    (
        "Earthquake strikes coastal city, hundreds injured",
        "A strong earthquake struck the coastal city of Izmir on "
        "Friday. Rescue teams searched collapsed buildings and hundreds of people were injured.",
        ["Izmir"],
    ),
    (
        "Rescuers search rubble after Izmir earthquake",
        "Rescue teams in Izmir pulled survivors from collapsed "
        "buildings a day after the earthquake. The number of injured people rose.",
        ["Izmir"],
    ),
    (
        "Izmir quake: survivors pulled from collapsed building",
        "Survivors were pulled from a collapsed building in "
        "Izmir as rescue teams continued to search after the earthquake.",
        ["Izmir"],
    ),
]
ELECTION = [
    (
        "Opposition wins parliamentary election",
        "The opposition party won a majority in the parliamentary election, "
        "the electoral commission announced. Turnout was high and the governing party conceded.",
        ["Electoral Commission"],
    ),
    (
        "Governing party concedes election defeat",
        "The governing party conceded defeat in the parliamentary election "
        "after the opposition won a majority, according to the electoral commission.",
        ["Electoral Commission"],
    ),
]


def docs() -> list[StoryDoc]:
    out = []
    for i, (title, text, ents) in enumerate(QUAKE + ELECTION):
        out.append(StoryDoc(f"d{i}", title, text, date(2020, 10, 30 + i % 2), tuple(ents), (), (), f"s{i}.com"))
    return out


def test_terms_and_keys() -> None:
    assert terms("The Rescuers searched the buildings, officials said.") == [
        "rescuer",
        "searched",
        "building",
        "official",
    ]
    assert stem("companies") == "company" and stem("crisis") == "crisis"
    assert entity_key("The Pentagon's") == "pentagon"


def test_two_stories_found() -> None:
    assignments, stories = cluster_docs(docs())
    by_story: dict[str, set[str]] = {}
    for a in assignments:
        by_story.setdefault(a.story_id, set()).add(a.article_id)
    assert sorted(map(sorted, by_story.values())) == [["d0", "d1", "d2"], ["d3", "d4"]]
    quake = stories[0]
    assert quake.size == 3 and "earthquake" in quake.top_terms and quake.top_entities[0] == "Izmir"
    assert quake.title in {t for t, _, _ in QUAKE}
    assert quake.summary and len(quake.summary) < 800
    assert quake.first_date == date(2020, 10, 30) and quake.last_date == date(2020, 10, 31)
    assert quake.to_json()["size"] == 3


def test_incremental_seed_then_add() -> None:
    all_docs = docs()
    first = StoryClusterer()
    for d in all_docs[:2]:
        first.add(d)
    sid = first.story_of("d0")
    assert sid is not None and first.story_of("d1") == sid
    again = StoryClusterer()
    again.seed(sid, all_docs[:2])
    a = again.add(all_docs[2])
    assert a.story_id == sid and not a.new_story
    b = again.add(all_docs[3])
    assert b.new_story
    assert again.add(all_docs[2]).story_id == sid  # re-adding is a no-op
    assert len(again) == 2


def test_time_decay_splits_distant_reports() -> None:
    d = docs()
    late = StoryDoc("late", d[1].title, d[1].text, date(2023, 1, 1), d[1].entities)
    strict = StorySettings(min_time_factor=0.05, max_gap_days=0)
    _, stories = cluster_docs([d[0], late], strict)
    assert len(stories) == 2
    _, stories = cluster_docs([d[0], late], StorySettings(max_gap_days=0))
    assert len(stories) == 1  # without the date-drift rule, a follow-up much later joins on strong evidence
    _, stories = cluster_docs([d[0], late])
    assert len(stories) == 2  # default (issue 19): months later and no chain of reports between: its own story


def test_date_drift_chain_and_span() -> None:
    d = docs()
    first = d[0]
    start = first.published or date(2020, 1, 1)
    def at(name: str, days: int) -> StoryDoc:
        return StoryDoc(name, first.title, first.text, start + timedelta(days=days), first.entities)
    # a gap of 30 days inside 60 days of span is one story; past 60 days only a chain of <= 14-day steps grows it
    _, stories = cluster_docs([first, at("b", 30), at("c", 55)])
    assert len(stories) == 1
    _, stories = cluster_docs([first, at("b", 30), at("c", 75)])
    assert len(stories) == 2
    _, stories = cluster_docs([first, *(at(f"x{i}", 10 * i) for i in range(1, 10))])
    assert len(stories) == 1 and stories[0].size == 10  # a 90-day chain, 10 days apart


def test_settings_validated() -> None:
    with pytest.raises(ConfigError):
        StorySettings(threshold=1.5)
    with pytest.raises(ConfigError):
        StorySettings(entity_weight=-0.1)


def test_a_members_lead_keeps_every_field_but_the_rest_of_its_text() -> None:
    """A member keeps its document with the text cut to its lead: every other field as it was (the lead is built
    field by field, so a field added to StoryDoc and left out of it would be lost)."""
    import dataclasses

    from wirescope.aggregate import stories

    values = {"article_id": "a1", "title": "T", "text": "word " * 1000, "published": date(2021, 1, 2),
              "entities": ("E",), "actors": ("A",), "places": ("P",), "source": "S", "terms": "tag\tt 1\tword 1000"}
    assert set(values) == {f.name for f in dataclasses.fields(StoryDoc)}
    doc = StoryDoc(**values)
    lead = stories._lead(doc)
    assert lead == dataclasses.replace(doc, text=doc.text[:stories._LEAD_CHARS]) and len(lead.text) < len(doc.text)
    short = dataclasses.replace(doc, text="a short text")
    assert stories._lead(short) is short


def test_summary_sentences_split_as_before_and_stop_at_the_limit() -> None:
    """The summary's split (a separator after sentence punctuation before a capital or digit, or a line break):
    the pieces a plain ``re.split`` by the pattern of session 22 gave, stripped, empty ones left out; with a limit,
    the first of them."""
    import re

    from wirescope.aggregate.story_words import split_sentences

    before = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘']?[A-Z0-9])|\n+")
    texts = ["", "  \n ", "One. Two! Three? four. 5 five", "He said: \"Go.\" Then left.\n\n\nNext para.",
             "Mr. Smith met Dr. Jones. “Quoted,” she said. ‘Single.’ Done", "a.\tB.  C\n", "no end here",
             "Ends with punctuation.   ", "x.\n \nY! ’Z’ 3 items. 4th."]
    for text in texts:
        whole = [s.strip() for s in before.split(text) if s and s.strip()]
        assert split_sentences(text) == whole, text
        for limit in (1, 2, 8):
            assert split_sentences(text, limit) == whole[:limit], (text, limit)
    assert split_sentences("One. Two. Three.", 2) == ["One.", "Two."]
