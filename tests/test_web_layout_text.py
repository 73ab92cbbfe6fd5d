"""Clean display (issue 19, item 5, the dashboard's side): an article sent as markdown, with an image, links, a bare
address and page furniture, shows none of them in the article view, the evidence, the quotations, a story or a
search snippet, while the highlights still fall on the right words (the records' offsets point into the stored
text); a quotation whose speaker is a pronoun shows "unresolved". At 390x844 and 1440x900."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import api_support
from web_sizes import SIZES, browser, need_browser, new_page, open_view, serve, shot, sized_page
from wirescope.records import Actor, Analysis, Article, Event, Quote, Span

need_browser()
pytestmark = pytest.mark.browser
__all__ = ["browser", "sized_page"]

AID = "a19markdown01"
TEXT = (
    "# Talks in **Doha** resume\n\n"
    "![Delegates arrive at the venue](https://img.example.com/doha/venue.jpg)\n"
    "Qatar **hosted** talks with [Hamas](https://example.com/hamas \"Hamas\") on Monday, see https://t.co/x1y2z3.\n"
    "\u201cWe want the war to end,\u201d he said.\n"
    "Share this article\n"
)
RAW = ("https://", "http://", "t.co", "![", "](", "**", "# Talks", "Share this article")


def markdown_analysis() -> Analysis:
    sents = api_support._sentences(AID, TEXT)
    t0 = TEXT.index("hosted")
    qatar, hamas = TEXT.index("Qatar"), TEXT.index("Hamas")
    sent = next(s for s in sents if s.start <= t0 < s.end)
    event = Event(AID, sent.index, "043", "04", "043", 1, 2.8, Span(t0, t0 + 6, "hosted"),
                  Actor(qatar, qatar + 5, "Qatar", name="Qatar", code="QAT", country="QAT"),
                  Actor(hamas, hamas + 5, "Hamas", name="Hamas", code="PSEREB", country="PSE"),
                  confidence=0.9, date="2020-02-03", date_source="publication",
                  sentence_text=TEXT[sent.start : sent.end].strip())
    q0 = TEXT.index("We want")
    q1 = TEXT.index(",\u201d he") + 1
    he = TEXT.index("he said")
    quote = Quote(AID, q0, q1, TEXT[q0:q1], "direct", cue=None, speaker=Actor(he, he + 2, "he"), confidence=0.8,
                  sentence=next(s for s in sents if s.start <= q0 < s.end).index)
    article = Article(AID, TEXT, title="# Talks in **Doha** resume", published=date(2020, 2, 3), source="Wire",
                      url="https://example.com/doha")
    return Analysis(article, api_support.PROV, sents, (), (event,), (quote,), ())


REPEATED = ("Khamenei speaks twice\n\n\u201cHarsh vengeance awaits,\u201d Ali Khamenei said on Friday. "
            "On Saturday he repeated it: \u201cHarsh vengeance awaits,\u201d Ali Khamenei said.")


def repeated_analysis() -> Analysis:
    """The same words by the same speaker twice: the quotations show them once, saying how often."""
    aid, sents, quotes = "a19repeat0001", api_support._sentences("a19repeat0001", REPEATED), []
    at = 0
    for _ in range(2):
        q0 = REPEATED.index("Harsh", at)
        q1 = REPEATED.index(",", q0) + 1
        s0 = REPEATED.index("Ali Khamenei", q1)
        quotes.append(Quote(aid, q0, q1, REPEATED[q0:q1], "direct", cue=None, confidence=0.9,
                            speaker=Actor(s0, s0 + 12, "Ali Khamenei", name="Ali Khamenei", code="IRNGOV"),
                            sentence=next(s for s in sents if s.start <= q0 < s.end).index))
        at = q1
    article = Article(aid, REPEATED, title="Khamenei speaks twice", published=date(2020, 2, 4), source="Wire")
    return Analysis(article, api_support.PROV, sents, (), (), tuple(quotes), ())


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("text") / "md.duckdb"
    yield from serve(api_support.write_store(path, [markdown_analysis(), repeated_analysis()]))


def no_raw(text: str, where: str) -> None:
    left = [r for r in RAW if r in text]
    assert left == [], f"{where} shows {left}: {text!r}"


def test_the_article_shows_no_markdown_and_keeps_its_highlights(sized_page: Any, base: str) -> None:
    open_view(sized_page, base, f"/article/{AID}", "article")
    body = sized_page.inner_text(".article-text")
    no_raw(body, "the article")
    no_raw(sized_page.inner_text("h1.article-title"), "the title")
    assert "Talks in Doha resume" in body and "Qatar hosted talks with Hamas on Monday" in body
    assert sized_page.locator(".article-text .hl-event").inner_text() == "hosted"
    assert "".join(sized_page.locator(".article-text .hl-quote").all_inner_texts()) == "We want the war to end,"
    assert sized_page.locator("main img").count() == 0
    # the side: the quotation's text clean, its pronoun speaker unresolved
    assert sized_page.locator("aside .speaker").all_inner_texts() == ["unresolved"]
    no_raw(sized_page.inner_text("aside"), "the article's records")
    shot(sized_page, f"clean-article-{sized_page.size_name}")
    assert sized_page.errors == []


def test_evidence_quotes_stories_and_snippets_are_clean(sized_page: Any, base: str) -> None:
    open_view(sized_page, base, "/events", "events")
    row = sized_page.locator("tr.event").first
    no_raw(row.inner_text(), "the event row")
    row.click()
    detail = row.locator("xpath=following-sibling::tr[1]")
    no_raw(detail.inner_text(), "the evidence")
    assert detail.locator("mark.trigger").inner_text() == "hosted"
    assert "talks with Hamas on Monday" in detail.inner_text()

    open_view(sized_page, base, "/quotes", "quotes")
    speakers = sorted(sized_page.locator("figure.quote .speaker").all_inner_texts())
    assert speakers == ["Ali Khamenei", "unresolved"]  # the repeated words once, with how often they were reported
    repeated = sized_page.locator("figure.quote", has_text="Ali Khamenei")
    assert repeated.locator("blockquote").inner_text() == "Harsh vengeance awaits,"
    assert "2 reports" in repeated.locator(".merged-quote").inner_text()
    assert not [s for s in sized_page.locator("ul.speakers a").all_inner_texts() if s.strip().lower() == "he"]
    no_raw(sized_page.inner_text("section.view"), "the quotations")

    open_view(sized_page, base, "/stories", "stories")
    no_raw(sized_page.inner_text("section.view"), "the story list")
    sized_page.locator("ul.stories a").first.click()
    sized_page.wait_for_function("document.body.dataset.view === 'story'")
    no_raw(sized_page.inner_text("section.view"), "the story")
    assert "unresolved" in sized_page.inner_text("ol.timeline")

    open_view(sized_page, base, "/search?q=hosted", "search")
    assert sized_page.locator("ol.results li").count() == 1
    no_raw(sized_page.inner_text("section.view"), "the search results")
    assert sized_page.errors == []


def test_a_flagged_event_is_marked_not_news_of_the_day(browser: Any, tmp_path: Path) -> None:
    """An event the article's window flagged (issue 19, item 1) says so beside its date, with the reason."""
    analyses = api_support.sample()
    strike = analyses[0]
    old = dataclasses.replace(strike.events[1], date="1979-11-04", timing="historical",
                              date_note="dated 1979-11-04 by the text, long before the article")
    analyses[0] = dataclasses.replace(strike, events=(strike.events[0], old, *strike.events[2:]))
    gen = serve(api_support.write_store(tmp_path / "flagged.duckdb", analyses))
    url = next(gen)
    page = new_page(browser, SIZES["phone"])
    try:
        open_view(page, url, "/events", "events")  # current news by default: the recalled event is not there
        assert page.locator('tr.event[data-timing="historical"]').count() == 0
        assert page.locator("form.filters select[name=timing]").input_value() == ""
        open_view(page, url, "/events?timing=all", "events")
        flagged = page.locator('tr.event[data-timing="historical"]')
        assert flagged.count() == 1
        badge = flagged.locator(".timing")
        assert badge.inner_text() == "historical" and "1979-11-04" in (badge.get_attribute("title") or "")
        assert page.locator('tr.event[data-timing="current"] .timing').count() == 0
        # a story's timeline keeps to its own days: the recalled event is folded apart as background
        open_view(page, url, "/stories", "stories")
        page.locator("ul.stories a", has_text="US drone strike").first.click()
        page.wait_for_function("document.body.dataset.view === 'story'")
        main = page.locator("section.view > ol.timeline")
        assert main.locator('li[data-timing="historical"]').count() == 0
        fold = page.locator("details.timeline-fold.background")
        assert "(1)" in fold.locator("summary").inner_text() and not fold.evaluate("el => el.open")
        assert fold.locator('li[data-timing="historical"]').count() == 1
        assert page.errors == []
    finally:
        page.context.close()
        gen.close()


def test_a_long_story_timeline_pages(browser: Any, tmp_path: Path) -> None:
    """A story of more than 100 items shows 100, then the next 100 on "Show more" (issue 19, item 1: 837 items on
    one page)."""
    from test_web_network import busy_analysis

    gen = serve(api_support.write_store(tmp_path / "long.duckdb", [busy_analysis()]))
    url = next(gen)
    page = new_page(browser, SIZES["desktop"])
    try:
        open_view(page, url, "/stories", "stories")
        page.locator("ul.stories a").first.click()
        page.wait_for_function("document.body.dataset.view === 'story'")
        total = int(page.inner_text("section.view p.muted").split(" events")[0].split("· ")[-1])
        assert total > 100
        items = page.locator("section.view > ol.timeline > li")
        assert items.count() == 100
        more = page.locator("section.view > button.more")
        assert f"{total - 100} left" in more.inner_text()
        more.click()
        assert items.count() == min(total, 200)
        assert more.is_hidden() == (total <= 200)
        assert page.errors == []
    finally:
        page.context.close()
        gen.close()
