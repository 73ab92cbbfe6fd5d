"""The actor network view (issue 19, item 4): it starts from the busiest dyads (the `top` strongest edges, set in
the address and by a control), draws a label for every node without labels covering each other or other nodes,
gives every count in an edge table without hovering, and says on a node what names it folds together (the API's
`fold`). Checked at 390x844 and 1440x900 on a store of many actors, some named several ways (Syria, Syrian,
Damascus)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import httpx
import pytest

import api_support
from web_sizes import browser, need_browser, open_view, overflow, serve, shot, sized_page
from wirescope.records import Actor, Analysis, Article, Event, Sentence, Span

need_browser()
pytestmark = pytest.mark.browser
__all__ = ["browser", "sized_page"]

COUNTRIES = [("Syria", "SYR"), ("Turkey", "TUR"), ("Iran", "IRN"), ("Iraq", "IRQ"), ("Israel", "ISR"),
             ("Egypt", "EGY"), ("Jordan", "JOR"), ("Lebanon", "LBN"), ("Qatar", "QAT"), ("Russia", "RUS"),
             ("China", "CHN"), ("France", "FRA"), ("Germany", "DEU"), ("Japan", "JPN"), ("Brazil", "BRA")]
# Other names of Syria in the events: the network folds them into one node.
SYRIA_NAMES = ("Syrian", "Damascus")


def busy_analysis() -> Analysis:
    """One article of many "A criticized B." sentences: pair k of the countries gets 1 + k % 5 events, and every
    third mention of Syria uses another of its names."""
    pairs = [(a, b) for i, a in enumerate(COUNTRIES) for b in COUNTRIES[i + 1 : i + 4]]
    text, sentences, events = "Criticism all round\n\n", [Sentence("a19busy", 0, 0, 19)], []
    syria_uses = 0
    for k, (src, tgt) in enumerate(pairs):
        for _ in range(1 + k % 5):
            names = []
            for name, code in (src, tgt):
                if name == "Syria":
                    syria_uses += 1
                    name = (name, *SYRIA_NAMES)[syria_uses % 3]
                names.append((name, code))
            start = len(text)
            sentence = f"{names[0][0]} criticized {names[1][0]}. "
            text += sentence
            idx = len(sentences)
            sentences.append(Sentence("a19busy", idx, start, start + len(sentence) - 1))
            actors = []
            for (name, code), at in ((names[0], start), (names[1], start + sentence.index(" criticized ") + 12)):
                actors.append(Actor(at, at + len(name), name, name=name, code=code, country=code))
            t = start + len(names[0][0]) + 1
            events.append(Event("a19busy", idx, "111", "11", "111", 3, -2.0, Span(t, t + 10, "criticized"),
                                actors[0], actors[1], confidence=0.9, date="2020-01-03", date_source="publication",
                                sentence_text=sentence.strip()))
    article = Article("a19busy", text, title="Criticism all round", published=date(2020, 1, 3), source="Wire")
    return Analysis(article, api_support.PROV, tuple(sentences), (), tuple(events), (), ())


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = api_support.write_store(tmp_path_factory.mktemp("network") / "busy.duckdb", [busy_analysis()],
                                   aggregate=False)
    yield from serve(path)


def table(page: Any) -> list[tuple[str, str, int]]:
    rows = page.locator("table.edges tr.edge-row").evaluate_all(
        "rows => rows.map((r) => [r.dataset.source, r.dataset.target, Number(r.dataset.events), "
        "r.querySelector('td.num').textContent])")
    for _, _, n, shown in rows:
        assert shown == str(n)  # the count is written in the table, not only in a tooltip
    return [(s, t, n) for s, t, n, _ in rows]


def test_the_network_starts_from_the_busiest_dyads(sized_page: Any, base: str) -> None:
    open_view(sized_page, base, "/network", "network")
    default = int(sized_page.locator(".network-controls input[name=top]").input_value())
    api = httpx.get(f"{base}/api/network", params={"top": default}).json()
    everything = httpx.get(f"{base}/api/network", params={"top": 5000}).json()
    assert len(everything["edges"]) > default  # the store has more dyads than the view starts with
    shown = table(sized_page)
    assert shown == [(e["source"], e["target"], e["events"]) for e in api["edges"]]
    counts = [n for _, _, n in shown]
    assert counts == sorted(counts, reverse=True)
    assert min(counts) >= sorted((e["events"] for e in everything["edges"]), reverse=True)[default - 1]
    assert sized_page.locator("svg.network line.edge").count() == len(shown)
    assert sized_page.locator("svg.network g.node").count() == len(api["nodes"])
    shot(sized_page, f"network-busy-{sized_page.size_name}")

    # fewer dyads, from the address, then from the control; the level stays
    open_view(sized_page, base, "/network?level=actor&top=5", "network")
    assert len(table(sized_page)) == 5
    ends = {x for s, t, _ in table(sized_page) for x in (s, t)}
    assert set(sized_page.locator("svg.network g.node").evaluate_all("gs => gs.map((g) => g.dataset.id)")) == ends
    sized_page.fill(".network-controls input[name=top]", "3")
    sized_page.click(".network-controls button[type=submit]")
    sized_page.wait_for_function("location.hash.includes('top=3')")
    sized_page.wait_for_function("document.querySelectorAll('table.edges tr.edge-row').length === 3")
    assert "level=actor" in sized_page.evaluate("location.hash")
    assert sized_page.errors == []


def test_every_node_is_labelled_and_no_label_covers_another(sized_page: Any, base: str) -> None:
    open_view(sized_page, base, "/network", "network")
    found = sized_page.evaluate("""() => [...document.querySelectorAll('svg.network g.node')].map((g) => {
        const t = g.querySelector('text').getBoundingClientRect();
        const c = g.querySelector('circle').getBoundingClientRect();
        const label = g.querySelector('text');
        return { id: g.dataset.id, text: label.textContent, crowded: label.classList.contains('crowded'),
            t: [t.left, t.top, t.right, t.bottom], c: [c.left, c.top, c.right, c.bottom] };
    })""")
    assert found and all(n["text"] == n["id"] for n in found)
    assert not [n["id"] for n in found if n["crowded"]]

    def cover(a: list[float], b: list[float]) -> bool:
        return min(a[2], b[2]) - max(a[0], b[0]) > 1 and min(a[3], b[3]) - max(a[1], b[1]) > 1

    clashes = [(a["id"], b["id"]) for i, a in enumerate(found) for b in found[i + 1 :]
               if cover(a["t"], b["t"]) or cover(a["t"], b["c"]) or cover(b["t"], a["c"])]
    assert clashes == []
    svg = sized_page.locator("svg.network").bounding_box()
    assert svg is not None and svg["width"] <= SIZE_WIDTH[sized_page.size_name]
    edges = sized_page.locator("table.edges").bounding_box()  # the whole table fits, no sideways scrolling
    assert edges is not None and edges["x"] + edges["width"] <= SIZE_WIDTH[sized_page.size_name]
    assert overflow(sized_page)["scrollWidth"] <= overflow(sized_page)["viewport"]
    assert sized_page.errors == []


SIZE_WIDTH = {"phone": 390, "desktop": 1440}


def test_a_node_says_which_names_it_folds(sized_page: Any, base: str) -> None:
    api = httpx.get(f"{base}/api/network", params={"top": 5000}).json()
    syria = next((n for n in api["nodes"] if n["id"] == "Syria"), None)
    if syria is None or "fold" not in syria:
        pytest.skip("the API's network has no actor folds yet")
    assert {f["name"] for f in syria["fold"]} == set(SYRIA_NAMES)
    open_view(sized_page, base, "/network?top=5000", "network")
    node = sized_page.locator('svg.network g.node[data-id="Syria"]')
    assert node.count() == 1
    assert sized_page.locator("svg.network g.node").evaluate_all("gs => gs.map((g) => g.dataset.id)").count(
        "Syrian") == 0
    title = node.locator("title").text_content() or ""
    assert "Syrian (demonym" in title and "Damascus (capital as metonym" in title, title
    node.hover()  # the tooltip is the node's title; hovering must not fail or navigate
    assert sized_page.evaluate("location.hash").startswith("#/network")
    # the same in words under the table, for a phone where nothing hovers
    assert "Syrian (demonym" in sized_page.locator('ul.folds li[data-id="Syria"]').inner_text()
    assert sized_page.errors == []
