"""Display text (issue 19, item 5): markdown, URLs, image credits and boilerplate removed for display, with offsets
that still map to the stored text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

import api_support
from wirescope.api import create_app
from wirescope.nlp import display
from wirescope.nlp.display import clean, display_text
from wirescope.records import Actor, Analysis, Article, Event, Quote, Sentence, Span

MARKDOWN = (
    "## Syria shells Turkish positions\n\n"
    "![Soldiers near Idlib](https://img.example.com/idlib.jpg \"Idlib\")\n"
    "Photograph: Jane Doe/AFP/Getty Images\n\n"
    "Syrian **forces** [shelled](https://example.com/shelling) Turkish positions, officials said. "
    "More at https://t.co/abc123 today.\n\n"
    "Advertisement\n\n"
    "“We will **respond**,” said Recep Tayyip Erdogan.\n"
)


def test_markdown_urls_credits_and_boilerplate_are_removed() -> None:
    shown = display_text(MARKDOWN).text
    assert shown == ("Syria shells Turkish positions\n\n"
                     "Syrian forces shelled Turkish positions, officials said. More at today.\n\n"
                     "“We will respond,” said Recep Tayyip Erdogan.")
    for gone in ("**", "](", "http", "Photograph", "Getty", "Advertisement", "##", "!["):
        assert gone not in shown


def test_a_sentence_that_mentions_advertising_stays() -> None:
    text = "Advertisement revenue fell, the company said."
    assert clean(text) == text


def test_offsets_map_both_ways() -> None:
    d = display_text(MARKDOWN)
    assert all(MARKDOWN[d.to_stored(i)] == ch for i, ch in enumerate(d.text))
    trigger = MARKDOWN.index("shelled")
    at = d.to_display(trigger)
    assert d.text[at : at + len("shelled")] == "shelled"
    assert d.to_display(MARKDOWN.index("https://example.com")) == at + len("shelled")  # removed: the next kept char
    excerpt = display_text(MARKDOWN[40:], base=40)
    assert all(MARKDOWN[excerpt.to_stored(i)] == ch for i, ch in enumerate(excerpt.text))


_PIECES = st.sampled_from([
    "word", "Syria", " ", "  ", "\n", "\n\n\n", "**bold**", "[link](https://x.org/a)", "![img](a.png)",
    "https://t.co/x", ",", ".", "“", "”", "_em_", "# ", "> ", "(AFP/Getty Images)", "Photo: Jane Doe\n", "\t",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map(" ".join))  # pieces apart, as words are
def test_every_display_character_is_a_stored_character(text: str) -> None:
    d = display_text(text)
    assert all(text[d.to_stored(i)] == ch or (ch == " " and text[d.to_stored(i)] in " \t\xa0")
               for i, ch in enumerate(d.text))
    assert d.text == d.text.strip() and "  " not in d.text and "\n\n\n" not in d.text
    assert "](" not in d.text and "http" not in d.text and "**" not in d.text
    assert sum(n for _, _, n in d.runs) == len(d.text)


_PLAIN_PIECES = st.sampled_from(["word", "Syria", " ", "  ", "\n", "\t", "\xa0", "\r", ",", "“", "”", "é", "\u2003"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PLAIN_PIECES, max_size=20).map("".join), st.integers(0, 50))
def test_the_shortcut_for_plain_text_gives_what_the_full_cleaning_gives(text: str, base: int) -> None:
    """Text with nothing to remove is returned as stored without the character loop; whatever the blanks, the
    answer is the full cleaning's."""
    blanked = display.BOILERPLATE.sub(lambda m: " " * len(m.group(0)), display.mask(text))
    keep = display._kept(text, blanked)
    runs: list[list[int]] = []
    for n, i in enumerate(keep):
        if runs and runs[-1][1] + runs[-1][2] == base + i:
            runs[-1][2] += 1
        else:
            runs.append([n, base + i, 1])
    full = "".join(" " if blanked[i] in " \t\xa0" else blanked[i] for i in keep)
    assert display_text(text, base) == display.Display(full, tuple((d, s, n) for d, s, n in runs))


# --- the API ------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    aid = "a19display"
    s_start = MARKDOWN.index("Syrian **forces**")
    s_end = MARKDOWN.index("officials said.") + len("officials said.")
    trig = MARKDOWN.index("shelled")
    src = MARKDOWN.index("Syrian")
    event = Event(aid, 1, "195", "19", "195", 4, -10.0, Span(trig, trig + 7, "shelled"),
                  Actor(src, src + 6, "Syrian", name="Syria", code="SYR", country="SYR"), None,
                  confidence=0.9, date="2020-01-03", date_source="publication",
                  sentence_text=MARKDOWN[s_start:s_end])
    q_text = "We will **respond**,"
    q_start = MARKDOWN.index(q_text)
    sp = MARKDOWN.index("Recep")
    quote = Quote(aid, q_start, q_start + len(q_text), q_text, "direct",
                  speaker=Actor(sp, sp + 20, "Recep Tayyip Erdogan", name="Recep Tayyip Erdogan"), confidence=0.9)
    sents = (Sentence(aid, 0, 0, 33), Sentence(aid, 1, s_start, s_end))
    article = Article(aid, MARKDOWN, title="Syria shells Turkish positions", published=date(2020, 1, 3), source="W")
    path = api_support.write_store(tmp_path_factory.mktemp("display") / "s.duckdb",
                                   [Analysis(article, api_support.PROV, sents, (), (event,), (quote,), ())])
    with TestClient(create_app(Path(path))) as c:
        yield c  # type: ignore[misc]


def test_events_carry_their_evidence_for_display(client: TestClient) -> None:
    (event,) = client.get("/api/events").json()["items"]
    assert event["sentence_display"] == "Syrian forces shelled Turkish positions, officials said."
    assert "**" in event["sentence_text"]  # the stored evidence is unchanged
    csv_head = client.get("/api/events", params={"format": "csv"}).text.splitlines()[0]
    assert "sentence_display" not in csv_head  # downloads give the stored data


def test_quotes_carry_their_text_for_display(client: TestClient) -> None:
    (quote,) = client.get("/api/quotes").json()["items"]
    assert quote["text_display"] == "We will respond,"


def test_the_article_has_a_display_text_mapped_to_its_offsets(client: TestClient) -> None:
    body = client.get("/api/articles/a19display").json()
    display = body["display"]
    assert "https" not in display["text"] and "Advertisement" not in display["text"]
    trig = body["events"][0]["trigger_start"] if "trigger_start" in body["events"][0] else MARKDOWN.index("shelled")
    d_at = next(d + trig - s for d, s, n in display["map"] if s <= trig < s + n)
    assert display["text"][d_at : d_at + 7] == "shelled"
    assert body["quotes"][0]["text_display"] == "We will respond,"
    assert body["events"][0]["sentence_display"].startswith("Syrian forces shelled")


def test_stories_and_search_show_display_text(client: TestClient) -> None:
    stories = client.get("/api/stories").json()["items"]
    assert stories and all("**" not in (s["summary_display"] or "") and "http" not in (s["summary_display"] or "")
                           for s in stories)
    story = client.get(f"/api/stories/{stories[0]['id']}").json()
    assert story["quotes"][0]["text_display"] == "We will respond,"
    hits = client.get("/api/search", params={"q": "shelled"}).json()["items"]
    assert hits and "http" not in hits[0]["snippet"] and "**" not in hits[0]["snippet"]
