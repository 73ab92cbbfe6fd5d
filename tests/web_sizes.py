"""Shared Playwright helpers for the dashboard at a phone's and a desktop's size (issue 19, item 6).

Import what a test module needs: ``from web_sizes import SIZES, browser, sized_page, open_view, ...``. ``sized_page``
is parametrised over ``SIZES``, so every test that takes it runs at 390x844 and at 1440x900; ``serve`` starts a
loopback server on a store. The layout checks (``overflow``, ``overlaps``, ``small_targets``) measure the page
itself (scroll widths and bounding boxes), not a screenshot.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from wirescope.api import create_app
from wirescope.api.app import static_dir

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SIZES = {"phone": (390, 844), "desktop": (1440, 900)}
TAP = 44  # smallest tap target on a phone, in CSS pixels (WCAG 2.5.5, Apple's HIG)


def need_browser() -> Any:
    """The Playwright module, or a skip naming what is missing (call at a test module's top)."""
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium)",
                    allow_module_level=True)
    api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    if not (static_dir() / "index.html").is_file():
        pytest.skip("dashboard assets are not built; run scripts/build_web.sh", allow_module_level=True)
    return api


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(db: Path) -> Iterator[str]:
    """A loopback server on ``db`` for as long as the generator is open."""
    yield from serve_app(create_app(db))


def serve_app(app: Any) -> Iterator[str]:
    """A loopback server of ``app`` (an ASGI app) for as long as the generator is open."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    api = need_browser()
    with api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


def new_page(browser: Any, size: tuple[int, int]) -> Any:
    """A page of ``size`` that records page errors, console errors and any request off the loopback server."""
    # CSP bypassed: Playwright's waits evaluate strings, and the escaping must hold without the CSP's help anyway.
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, bypass_csp=True,
                                  has_touch=size[0] < 700)
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda msg: msg.type == "error" and pg.errors.append(msg.text))
    pg.on("request", lambda req: req.url.startswith(("http://127.0.0.1:", "data:"))
          or pg.errors.append(f"outside: {req.url}"))
    return pg


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def sized_page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A page at each size of SIZES; ``page.size_name`` is "phone" or "desktop"."""
    pg = new_page(browser, SIZES[request.param])
    pg.size_name = request.param
    yield pg
    pg.context.close()


def open_view(page: Any, base: str, route: str, view: str) -> None:
    page.goto(f"{base}/#{route}")
    page.wait_for_function(f"document.body.dataset.view === {view!r}", timeout=30_000)  # a loaded shared machine
    assert not page.query_selector("p.error"), page.inner_text("p.error")


def redrawn(page: Any, act: Callable[[], Any], view: str) -> None:
    """Do ``act`` (a click or a submit that changes the address but stays in ``view``) and wait until the view is
    drawn again for the new address. The hashchange that redraws it is handled after the address changes, and until
    then the body still names ``view``, drawn for the old address: waiting for the name alone raced the redraw (the
    old rows or an emptied view were read). The old drawing is marked first; the redrawn one is a new element."""
    page.evaluate("document.querySelector('#view > section').dataset.old = '1'")
    act()
    page.wait_for_function(
        f"document.body.dataset.view === {view!r} && document.querySelector('#view > section') !== null "
        "&& document.querySelector('#view > section[data-old]') === null", timeout=30_000)


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def overflow(page: Any) -> dict[str, Any]:
    """The document's scroll width against the viewport, and the widest elements that stick out of it."""
    return dict(page.evaluate("""() => {
        const vw = document.documentElement.clientWidth;
        const out = [];
        for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (!r.width || r.right <= vw + 1 || el.closest('nav')) continue;
            const cls = typeof el.className === 'string' ? el.className : '';
            out.push(`${el.tagName.toLowerCase()}.${cls} right=${Math.round(r.right)}`);
        }
        return { scrollWidth: document.documentElement.scrollWidth, viewport: vw, offenders: out.slice(0, 8) };
    }"""))


def overlaps(page: Any, selector: str) -> list[str]:
    """Pairs of the visible boxes ``selector`` matches that cover each other (by more than 1 px each way); nested
    boxes (one inside the other in the DOM) do not count."""
    return list(page.evaluate("""(sel) => {
        const els = [...document.querySelectorAll(sel)].filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
        });
        const name = (el) => el.tagName.toLowerCase()
            + (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '');
        const out = [];
        for (let i = 0; i < els.length; i += 1) for (let j = i + 1; j < els.length; j += 1) {
            const [a, b] = [els[i], els[j]];
            if (a.contains(b) || b.contains(a)) continue;
            const [p, q] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
            const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
            const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
            if (w > 1 && h > 1) out.push(`${name(a)} and ${name(b)} overlap by ${Math.round(w)}x${Math.round(h)}`);
        }
        return out;
    }""", selector))


def small_targets(page: Any, selector: str, least: int = TAP) -> list[str]:
    """Visible tap targets ``selector`` matches that are smaller than ``least`` px either way."""
    return list(page.evaluate("""([sel, least]) => [...document.querySelectorAll(sel)].filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && (r.width < least - 0.5 || r.height < least - 0.5);
        }).map((el) => {
            const r = el.getBoundingClientRect();
            return `${el.tagName.toLowerCase()} "${(el.innerText || el.value || el.name || '').trim().slice(0, 30)}" `
                + `${Math.round(r.width)}x${Math.round(r.height)}`;
        })""", [selector, least]))
