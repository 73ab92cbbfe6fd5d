"""Fuzzing the ingest endpoint with schemathesis (issue 15): bodies generated from the OpenAPI schema, sent with the
right token to a server running the real pipeline. No 500, and every posted text and URL is accounted for as
stored or failed. URLs are fetched by a client with no network at all (a mock transport), so nothing but this
process is ever contacted. Fixed seed; the longer run is opt-in (see LONG_RUN)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import api_support
from wirescope.api import create_app
from wirescope.api.ingest import PipelineIngester
from wirescope.config import Settings
from wirescope.ingest.http import HttpClient
from wirescope.nlp.pipeline import Pipeline

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")

# The longer runs (ten times the examples) are slow and opt-in:
# `WIRESCOPE_LONG_FUZZ=1 pytest -m slow tests/test_fuzz_*.py`.
LONG_RUN = pytest.mark.skipif(not os.environ.get("WIRESCOPE_LONG_FUZZ"), reason="set WIRESCOPE_LONG_FUZZ=1 for the "
                              "longer fuzz run")
TOKEN = "fuzz-test-token"
EXAMPLES = 40


def _offline_client() -> HttpClient:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/robots.txt"):
            return httpx.Response(404)
        return httpx.Response(200, content=b"<html><body><nav>Home</nav></body></html>",
                              headers={"content-type": "text/html"})

    return HttpClient(transport=httpx.MockTransport(handler), host_interval=0, retries=0)


@pytest.fixture(scope="module")
def ingester() -> PipelineIngester:
    limits = Settings(max_chars_whole=2_000, max_chars=8_000)
    return PipelineIngester(limits, pipeline=Pipeline(limits), client_factory=_offline_client)


@pytest.fixture
def app(tmp_path: Path, ingester: PipelineIngester) -> Any:
    """A fresh app and store per test: an app's lifespan closes its store at the end of a client session."""
    path = api_support.write_store(tmp_path / "s.duckdb", aggregate=False)
    return create_app(path, token=TOKEN, ingester=ingester, max_body_bytes=2_000_000)


def _run(app: Any, examples: int) -> None:
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    operation = schema["/api/ingest"]["POST"]
    statuses: list[int] = []

    @given(case=operation.as_strategy())
    @settings(max_examples=examples, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {TOKEN}"}
        response = case.call()
        statuses.append(response.status_code)
        assert response.status_code < 500, response.text[:500]
        if response.status_code != 200:
            assert response.status_code in (400, 413, 422), response.text[:300]
            return
        _accounted(len(case.body.get("texts", [])) + len(case.body.get("urls", [])), response.json())

    check()
    assert 200 in statuses, statuses  # some bodies reached the pipeline, not only validation


def test_ingest_endpoint_bodies(app: Any) -> None:
    _run(app, EXAMPLES)


texts = st.one_of(st.text(min_size=1, max_size=400), st.lists(st.sampled_from(
    ["Iran", "said", "talks", "Geneva", "Monday", "[/]", "<script>", "\u201c", "\x00", "\n\n", ".", "Oman"]),
    min_size=1, max_size=120).map(" ".join))
items = st.fixed_dictionaries({"text": texts}, optional={
    "title": st.text(max_size=50), "published": st.dates().map(str), "url": st.text(max_size=50),
    "source": st.text(max_size=50)})
urls = st.one_of(st.sampled_from(["http://127.0.0.1:9/", "http://[::ffff:127.0.0.1]/", "http://10.0.0.1/",
                                  "https://news.example/a", "http://2130706433/", "https://news.example/robots.txt"]),
                 st.text(max_size=30).map(lambda t: "https://news.example/" + t))
bodies = st.fixed_dictionaries({"texts": st.lists(items, max_size=5), "urls": st.lists(urls, max_size=3)}).filter(
    lambda b: b["texts"] or b["urls"])


def _post_bodies(app: Any, examples: int) -> None:
    from fastapi.testclient import TestClient

    with TestClient(app) as c:

        @given(body=bodies)
        @settings(max_examples=examples, derandomize=True, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(body: dict[str, Any]) -> None:
            r = c.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
            assert r.status_code in (200, 422), r.text[:500]
            if r.status_code == 200:
                _accounted(len(body["texts"]) + len(body["urls"]), r.json())

        check()


def _accounted(posted: int, body: dict[str, Any]) -> None:
    counts = body["counts"]
    assert body["received"] == posted == counts["read"]
    assert counts["read"] == sum(counts[k] for k in ("new", "duplicates", "near_duplicates", "not_english", "failed"))
    assert len(body["failed"]) == counts["failed"]
    assert len(body["stored"]) == counts["new"] + counts["near_duplicates"] + counts["not_english"]


def test_generated_article_bodies(app: Any) -> None:
    _post_bodies(app, EXAMPLES)


def test_hand_picked_hostile_bodies(app: Any) -> None:
    from fastapi.testclient import TestClient

    auth = {"Authorization": f"Bearer {TOKEN}"}
    bodies: list[Any] = [
        {"texts": [{"text": "\x00\x01\ufeff"}, {"text": "[/]" * 1000}, {"text": "x" * 9_000}]},
        {"texts": [{"text": "Talks resume\n\n" + "Iran and Oman met in Muscat. " * 200}]},
        {"urls": ["http://127.0.0.1:1/", "http://[::1]/", "http://2130706433/", "https://news.example/a"]},
        {"texts": [{"text": "t", "published": "0001-01-01"}]},
        {"texts": "not a list"}, [], "string", {"texts": [{"text": 5}]}, {"urls": ["/etc/passwd"]},
    ]
    with TestClient(app) as c:
        for body in bodies:
            r = c.post("/api/ingest", json=body, headers=auth)
            assert r.status_code < 500, (body, r.text[:300])
        r = c.post("/api/ingest", content=b"{" * 100_000, headers={**auth, "Content-Type": "application/json"})
        assert r.status_code in (400, 422), r.text[:300]


@pytest.mark.slow
@LONG_RUN
def test_ingest_endpoint_bodies_longer_run(app: Any) -> None:
    _run(app, EXAMPLES * 10)


@pytest.mark.slow
@LONG_RUN
def test_generated_article_bodies_longer_run(app: Any) -> None:
    _post_bodies(app, EXAMPLES * 10)
