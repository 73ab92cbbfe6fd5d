"""The escalation view in headless Chromium at 390x844 and 1440x900 (issue 19, item 2): the chart and the table
agree on sign and window for a dyad, lines break over days without events, every mark has a labelled axis, the date
filter changes the tables (and the API), alerts read as sentences and link to their events, and two dyads with both
directions share one chart. Asserts the page's state, not screenshots."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from test_api_escalation import escalation_store
from web_sizes import browser, need_browser, open_view, serve, shot, sized_page

need_browser()
pytestmark = pytest.mark.browser
__all__ = ["browser", "sized_page"]  # fixtures used by the tests below


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from serve(escalation_store(tmp_path_factory.mktemp("web-esc") / "store.duckdb"))


def _chart_points(page: Any) -> dict[tuple[str, str], float]:
    return {
        (el.evaluate("e => e.closest('g.series').dataset.series"), el.get_attribute("data-day")): float(
            el.get_attribute("data-index"))
        for el in page.locator("svg.escalation circle.point").all()
    }


def _table_rows(page: Any) -> dict[tuple[str, str], float]:
    return {
        (row.get_attribute("data-series"), row.get_attribute("data-day")): float(
            row.locator("td.index-value").inner_text())
        for row in page.locator("table.index tbody tr").all()
    }


def test_chart_and_table_agree_on_sign_and_window(sized_page: Any, site: str) -> None:
    page = sized_page
    open_view(page, site, "/escalation?dyads=USA-IRN", "escalation")
    assert "higher = more hostile" in page.inner_text("#convention")
    chart, table = _chart_points(page), _table_rows(page)
    assert chart.keys() == table.keys()
    for key, value in chart.items():
        assert round(value, 1) == table[key], key
    assert chart[("USA-IRN", "2020-01-01")] > 0 and chart[("USA-IRN", "2020-01-05")] < 0
    # Drawn with the same sign: the strike above the zero line, the cooperation below it (SVG y grows downwards).
    zero = float(page.get_attribute("svg.escalation line.zero", "y1"))
    cy = {d: float(page.get_attribute(f'g.series[data-series="USA-IRN"] circle.point[data-day="{d}"]', "cy"))
          for d in ("2020-01-01", "2020-01-05")}
    assert cy["2020-01-01"] < zero < cy["2020-01-05"]
    svg = page.locator("svg.escalation")
    assert (svg.get_attribute("data-since"), svg.get_attribute("data-until")) == ("2020-01-01", "2020-01-06")
    shot(page, f"escalation-{page.size_name}")
    assert page.errors == []


def test_gaps_are_gaps_and_every_mark_has_an_axis(sized_page: Any, site: str) -> None:
    page = sized_page
    open_view(page, site, "/escalation?dyads=USA-IRN&both=0", "escalation")
    d = page.get_attribute('g.series[data-series="USA-IRN"] path.line', "d")
    assert len(re.findall("M", d)) == 2  # 01-01..01-02, then 01-05: no line across 01-03 and 01-04
    assert page.locator("svg.escalation g.axis-x .tick").count() >= 2
    assert page.locator("svg.escalation g.index-axis .tick").count() >= 2
    assert page.locator("svg.escalation g.events-axis .tick").count() >= 2
    labels = page.locator("svg.escalation text.axis-label").all_text_contents()
    assert any("higher = more hostile" in t for t in labels)
    assert "Events per day" in labels and "Day (UTC)" in labels
    assert page.locator("svg.escalation rect.bar").count() == 3


def test_date_filter_changes_chart_tables_and_api(sized_page: Any, site: str) -> None:
    page = sized_page
    open_view(page, site, "/escalation?dyads=USA-IRN", "escalation")
    if page.size_name == "phone":
        assert page.locator("form.filters input[name=since]").is_visible()
    page.fill("form.filters input[name=since]", "2020-01-02")
    page.click("form.filters button[type=submit]")
    page.wait_for_function("location.hash.includes('since=2020-01-02')")
    page.wait_for_function("document.body.dataset.view === 'escalation'")
    page.wait_for_selector("table.index")
    days = {d for _, d in _table_rows(page)}
    assert days and min(days) >= "2020-01-02"
    assert all(d >= "2020-01-02" for _, d in _chart_points(page))
    assert page.get_attribute("svg.escalation", "data-since") == "2020-01-02"
    assert page.locator("li.alert").count() == 0  # the 01-01 alert is outside the window
    # The busiest-dyads table counts the window's events only (USA->IRN: 2 of its 4).
    assert "USA→IRN (2)" in page.inner_text("p.dyad-pick")
    api = page.evaluate("fetch('/api/escalation?source=USA&target=IRN&since=2020-01-02').then(r => r.json())")
    assert [r["day"] for r in api["series"][0]["index"]] == ["2020-01-02", "2020-01-05"]
    assert page.errors == []


def test_alert_reads_as_a_sentence_and_links_to_its_events(sized_page: Any, site: str) -> None:
    page = sized_page
    open_view(page, site, "/escalation?dyads=USA-IRN", "escalation")
    alert = page.locator("li.alert").first
    assert alert.inner_text().startswith("US → Iran: first hostile day on record, 1 event from 2 outlets")
    assert "z=" not in alert.inner_text()
    alert.locator("a.alert-events").click()
    page.wait_for_function("document.body.dataset.view === 'events'")
    assert "source=USA" in page.url and "since=2020-01-01" in page.url and "until=2020-01-01" in page.url
    page.wait_for_function("document.querySelector('main').innerText.includes('USA 190 IRN')")
    text = page.inner_text("main")
    assert "USA 183 IRN" not in text  # the 01-02 assault is another day
    assert page.errors == []


def test_two_dyads_and_both_directions_on_one_chart(sized_page: Any, site: str) -> None:
    page = sized_page
    open_view(page, site, "/escalation?dyads=USA-IRN,ISR-IRN", "escalation")
    series = [g.get_attribute("data-series") for g in page.locator("svg.escalation g.series").all()]
    assert series == ["USA-IRN", "IRN-USA", "ISR-IRN", "IRN-ISR"]
    assert page.locator('g.series[data-series="IRN-USA"] path.line').get_attribute("stroke-dasharray")
    assert page.locator('g.series[data-series="ISR-IRN"] circle.point').count() == 1
    legend = page.inner_text(".legend")
    assert "IRN → USA (reverse)" in legend and "ISR → IRN" in legend
    assert page.errors == []


def test_phone_chart_fits_the_screen(sized_page: Any, site: str) -> None:
    page = sized_page
    open_view(page, site, "/escalation?dyads=USA-IRN", "escalation")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"]
    box = page.locator("svg.escalation").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
