"""Every dashboard view at a phone's size (390x844) and a desktop's (1440x900), issue 19 item 6: no horizontal
overflow, no main blocks covering each other, tap targets of at least 44 px on the phone, event cards instead of
the wide table on the phone, filters folded on the phone and open on the desktop, and the filters still in the
address bar. Measured on the page (scroll widths, bounding boxes, computed styles), not on screenshots."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import api_support
from web_sizes import (
    SIZES,
    browser,
    need_browser,
    new_page,
    open_view,
    overflow,
    overlaps,
    redrawn,
    serve,
    shot,
    sized_page,
    small_targets,
)

need_browser()
pytestmark = pytest.mark.browser
__all__ = ["browser", "sized_page"]  # fixtures used by the tests below

# The main blocks of a view: the header's parts, the view's own children, and the columns of its grids.
BLOCKS = ("header > *, nav > a, section.view > *, section.view .split > *, section.view .grid2 > *, "
          "section.view .cards > *, section.view ul.merged > li")
# What a finger taps on a phone: the header's links and search, buttons, the filters, the view's own controls.
TARGETS = ("header a, #search input, section.view button, section.view select, details > summary, "
           "form.filters input, .network-controls a, .network-controls input, .legend.toggles label, "
           ".speakers li a, td.c-link a")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from serve(api_support.write_store(tmp_path_factory.mktemp("layout") / "store.duckdb"))


def routes(page: Any, base: str) -> list[tuple[str, str]]:
    open_view(page, base, "/stories", "stories")
    story = page.locator("ul.stories a").first.get_attribute("href")
    assert story and story.startswith("#/story/")
    return [("/", "overview"), ("/map", "map"), ("/escalation?source=USA&target=IRN", "escalation"),
            ("/events", "events"), ("/merged", "merged"), ("/stories", "stories"), (story[1:], "story"),
            ("/network", "network"), ("/network?level=country", "network"), ("/quotes", "quotes"),
            ("/articles", "articles"), ("/article/a1strike0000001", "article"), ("/search?q=strike", "search")]


def check_layout(page: Any, route: str) -> list[str]:
    problems: list[str] = []
    width = overflow(page)
    if width["scrollWidth"] > width["viewport"]:
        problems.append(f"{route}: scrollWidth {width['scrollWidth']} > {width['viewport']}: {width['offenders']}")
    problems += [f"{route}: {o}" for o in overlaps(page, BLOCKS)]
    if page.size_name == "phone":
        for summary in page.locator("section.view details:not([open]) > summary").all():
            summary.click()  # the folded filters and speakers are tap targets too once opened
        problems += [f"{route}: small tap target {t}" for t in small_targets(page, TARGETS)]
        width = overflow(page)
        if width["scrollWidth"] > width["viewport"]:
            problems.append(f"{route} (filters open): scrollWidth {width['scrollWidth']}: {width['offenders']}")
    return problems


def test_every_view_fits_without_overlap(sized_page: Any, base: str) -> None:
    problems: list[str] = []
    for route, view in routes(sized_page, base):
        open_view(sized_page, base, route, view)
        problems += check_layout(sized_page, route)
        name = route.strip("/").split("?")[0].replace("/", "-") or "overview"
        shot(sized_page, f"layout-{sized_page.size_name}-{name}")
    assert problems == []
    assert sized_page.errors == []


def test_events_are_cards_on_a_phone_and_a_table_on_a_desktop(sized_page: Any, base: str) -> None:
    open_view(sized_page, base, "/events", "events")
    row = sized_page.locator('tr.event[data-code="190"]').first
    display = row.evaluate("el => getComputedStyle(el).display")
    header = sized_page.locator("table.events thead")
    box = row.bounding_box()
    assert box is not None
    if sized_page.size_name == "phone":
        assert display == "block" and not header.is_visible()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        # each card cell says what it is; the evidence is written out, not cut off
        labels = row.locator("td").evaluate_all("tds => tds.map((td) => getComputedStyle(td, '::before').content)")
        assert '"Source: "' in labels and '"Evidence: "' in labels, labels
        evidence = row.locator("td.evidence-cell")
        assert evidence.evaluate("el => el.scrollWidth <= el.clientWidth")
    else:
        assert display == "table-row" and header.is_visible()
    row.click()
    detail = row.locator("xpath=following-sibling::tr[1]")
    assert detail.is_visible() and detail.locator("mark.trigger").inner_text() == "killed"
    assert sized_page.errors == []


def test_filters_fold_on_a_phone_and_stay_in_the_address(sized_page: Any, base: str) -> None:
    open_view(sized_page, base, "/events?root=19", "events")
    details = sized_page.locator("details.filters-box")
    assert details.evaluate("el => el.open") is (sized_page.size_name == "desktop")
    assert "1 set" in details.locator("summary").inner_text()
    if sized_page.size_name == "phone":
        details.locator("summary").click()
    sized_page.fill("form.filters input[name=source]", "USA")
    redrawn(sized_page, lambda: sized_page.click("form.filters button[type=submit]"), "events")
    assert "source=USA" in sized_page.evaluate("location.hash")
    assert "root=19" in sized_page.evaluate("location.hash")
    assert sized_page.locator("tr.event").count() >= 1
    codes = {c for c in sized_page.locator("tr.event").evaluate_all("rows => rows.map((r) => r.dataset.code)")}
    assert all(c.startswith("19") for c in codes), codes
    assert sized_page.errors == []


def test_the_article_view_stacks_on_a_phone(sized_page: Any, base: str) -> None:
    open_view(sized_page, base, "/article/a1strike0000001", "article")
    text = sized_page.locator(".article-text").bounding_box()
    side = sized_page.locator("section.view .split.wide > aside").bounding_box()
    assert text is not None and side is not None
    if sized_page.size_name == "phone":
        assert side["y"] >= text["y"] + text["height"] - 1  # below the text, not beside or over it
        assert text["width"] > 300
    else:
        assert side["x"] >= text["x"] + text["width"] - 1  # beside it
    assert overlaps(sized_page, "section.view .split.wide > *") == []
    assert sized_page.errors == []


def test_a_long_unbroken_string_does_not_widen_the_phone_page(browser: Any, tmp_path: Path) -> None:
    analyses = api_support.sample()
    strike = analyses[0]
    article = dataclasses.replace(strike.article, text=strike.article.text + " " + "x" * 300)
    analyses[0] = dataclasses.replace(strike, article=article)
    gen = serve(api_support.write_store(tmp_path / "long.duckdb", analyses))
    url = next(gen)
    page = new_page(browser, SIZES["phone"])
    page.size_name = "phone"
    try:
        open_view(page, url, "/article/a1strike0000001", "article")
        assert check_layout(page, "/article (long word)") == []
    finally:
        page.context.close()
        gen.close()


def test_quotations_come_before_the_speakers_on_a_phone(sized_page: Any, base: str) -> None:
    open_view(sized_page, base, "/quotes", "quotes")
    first = sized_page.locator("figure.quote").first.bounding_box()
    speakers = sized_page.locator("ul.speakers")
    assert first is not None
    if sized_page.size_name == "phone":
        assert not speakers.is_visible() and first["y"] < SIZES["phone"][1]  # on the first screen
        sized_page.click("details.speakers-box > summary")
        assert speakers.is_visible()
        redrawn(sized_page, lambda: sized_page.click("ul.speakers a:has-text('Dominic Raab')"), "quotes")
        assert "speaker=Dominic" in sized_page.evaluate("location.hash")
        assert "(Dominic Raab)" in sized_page.inner_text("details.speakers-box > summary")
    else:
        box = speakers.bounding_box()
        assert speakers.is_visible() and box is not None and box["x"] + box["width"] <= first["x"]  # beside
    assert sized_page.errors == []


@pytest.mark.parametrize("width", [768, 1024])
def test_no_view_overflows_between_the_two_sizes(browser: Any, base: str, width: int) -> None:
    """A tablet's width (between the phone and the desktop) gets the cards too, not a table wider than the screen."""
    page = new_page(browser, (width, 900))
    try:
        wide = []
        for route, view in routes(page, base):
            open_view(page, base, route, view)
            found = overflow(page)
            if found["scrollWidth"] > found["viewport"]:
                wide.append(f"{route}: {found}")
        assert wide == []
        assert page.errors == []
    finally:
        page.context.close()
