"""CAMEO and PLOVER labels next to every event code in the dashboard (issue 19, item 4): the events table (cards
on a phone), the merged events, a story's timeline and an article's events. The labels come from GET /api/codes,
read here from the bundled table itself (wirescope.nlp.resources.cameo), so a label lost or mismatched fails."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import api_support
from web_sizes import browser, need_browser, open_view, serve, sized_page
from wirescope.nlp.resources.cameo import cameo_table

need_browser()
pytestmark = pytest.mark.browser
__all__ = ["browser", "sized_page"]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from serve(api_support.write_store(tmp_path_factory.mktemp("codes") / "store.duckdb"))


def expected_name(code: str) -> str:
    table = cameo_table()
    entry = next(table[c] for c in (code, code[:3], code[:2]) if c in table)
    name = entry.name
    suffix = ", not specified below"
    return name[: -len(suffix)] if name.endswith(suffix) else name


def labels(page: Any, selector: str) -> list[dict[str, str]]:
    return list(page.locator(selector).evaluate_all("""(els) => els.map((el) => ({
        code: el.dataset.code, cameo: el.querySelector('.cameo')?.textContent || '',
        name: el.querySelector('.cameo-label')?.textContent || '',
        plover: el.querySelector('.plover')?.textContent || '' }))"""))


def check(found: list[dict[str, str]], plover_of: dict[str, set[str]]) -> None:
    assert found, "no labelled code on the page"
    for item in found:
        assert item["cameo"] == item["code"]
        assert item["name"] == expected_name(item["code"]), item
        allowed = plover_of.get(item["code"]) or {cameo_table()[item["code"]].plover or ""}
        assert item["plover"] in allowed, item


def test_the_codes_endpoint_names_every_code(base: str) -> None:
    codes = httpx.get(f"{base}/api/codes").json()["codes"]
    assert set(codes) == set(cameo_table())
    assert codes["190"]["name"].startswith("Use conventional military force")
    assert codes["190"]["plover"] == cameo_table()["190"].plover


def test_every_view_labels_its_codes(sized_page: Any, base: str) -> None:
    events = httpx.get(f"{base}/api/events", params={"limit": 100}).json()["items"]
    plover_of: dict[str, set[str]] = {}
    for e in events:
        plover_of.setdefault(e["code"], set()).add(e["plover"] or (cameo_table()[e["code"]].plover or ""))
    open_view(sized_page, base, "/events", "events")
    rows = sized_page.locator("tr.event")
    assert rows.count() == len(events)
    # every row's code is labelled, on the desktop's table and the phone's cards alike
    assert sized_page.locator("tr.event td.c-event .code .cameo-label").count() == len(events)
    check(labels(sized_page, "tr.event .code"), plover_of)
    assert sized_page.locator("tr.event .code .cameo-label").first.is_visible()

    open_view(sized_page, base, "/merged", "merged")
    merged = sized_page.locator("li.merged-event")
    assert merged.count() >= 1 and merged.locator(".code").count() == merged.count()
    check(labels(sized_page, "li.merged-event .code"), plover_of)

    open_view(sized_page, base, "/stories", "stories")
    sized_page.locator("ul.stories a").first.click()
    sized_page.wait_for_function("document.body.dataset.view === 'story'")
    timeline = sized_page.locator("ol.timeline li.tl-event")
    assert timeline.count() >= 1 and timeline.locator(".code").count() == timeline.count()
    check(labels(sized_page, "ol.timeline .code"), plover_of)

    open_view(sized_page, base, "/article/a1strike0000001", "article")
    side = sized_page.locator("li.side-event")
    assert side.count() >= 1 and side.locator(".code").count() == side.count()
    check(labels(sized_page, "li.side-event .code"), plover_of)
    # the highlighted trigger's tooltip names the code too
    title = sized_page.locator(".article-text .hl-event").first.get_attribute("title") or ""
    assert "190 Use conventional military force" in title
    assert sized_page.errors == []
