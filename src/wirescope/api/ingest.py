"""``POST /api/ingest`` (analyse posted texts into the store) and ``POST /api/aggregate`` (update the merged events,
stories and escalation): the write endpoints, mounted only when the server has a token. They are how the command line
writes to a store a server holds (`wirescope ingest` and `wirescope aggregate` go through them, see cli/remote.py).
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field, field_validator

from ..config import Settings
from .errors import ApiError
from .models import ErrorBody

if TYPE_CHECKING:
    from ..ingest.http import HttpClient
    from ..nlp.pipeline import Pipeline
    from ..records import Article, Failure
    from ..store import Store

MAX_ITEMS = 500
# The routes that need the token (checked by the request guard before the body is read).
PROTECTED = (("POST", "/api/ingest"), ("POST", "/api/aggregate"))


class TextItem(BaseModel):
    # No length cap here: the body-size limit bounds a request, and the pipeline sections or refuses long texts
    # one by one (a failure row), so one long text never costs the request's other texts.
    text: str = Field(min_length=1)
    title: str | None = Field(default=None, max_length=2000)
    published: date | None = None
    url: str | None = Field(default=None, max_length=4000)
    source: str | None = Field(default=None, max_length=500)


class IngestRequest(BaseModel):
    texts: list[TextItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    urls: list[str] = Field(
        default_factory=list, max_length=MAX_ITEMS,
        description="http(s) URLs of pages or feeds to fetch; the server never reads its own files",
    )

    @field_validator("urls")
    @classmethod
    def _only_web_urls(cls, urls: list[str]) -> list[str]:
        for url in urls:
            problem = web_url_problem(url)
            if problem:
                raise ValueError(f"{url[:200]!r}: {problem}")
        return urls


def web_url_problem(url: str) -> str | None:
    """Why ``url`` is not an http(s) URL the ingest endpoint may fetch, or None when it is one."""
    if not url.startswith(("http://", "https://")):
        return ("only http(s) URLs are accepted here; local paths, folders and '-' (standard input) are read by "
                "the command line only (`wirescope ingest PATH`), never by the server")
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    return None if host else "the URL names no host"


class IngestResult(BaseModel):
    received: int = Field(description="texts and URLs in the request")
    stored: list[str] = Field(description="ids of the articles stored by this request")
    counts: dict[str, int] = Field(default_factory=dict, description="new, duplicates, near-duplicates, failed ...")
    failed: list[dict[str, str]] = Field(description="items that could not be ingested, with the reason")


class AggregateRequest(BaseModel):
    """The options of `wirescope aggregate`; None keeps the default."""

    rebuild: bool = False
    date_window: int | None = Field(default=None, ge=0, le=365)
    actor_level: str | None = Field(default=None, max_length=20)
    code_level: str | None = Field(default=None, max_length=20)
    story_threshold: float | None = Field(default=None, ge=0, le=1)


class AggregateResult(BaseModel):
    """What one aggregation run did (the report `wirescope aggregate --json` prints)."""

    articles: int = Field(description="articles in the store")
    new_articles: int = Field(description="articles aggregated for the first time by this run")
    article_events: int = Field(description="article events read (those at or above the confidence threshold)")
    merged_events: int = Field(description="merged events after the run")
    multi_source_events: int = Field(description="merged events reported by more than one article")
    stories: int = Field(description="stories after the run")
    new_stories: int = Field(description="stories this run created")
    escalation_rows: int = Field(description="rows of the escalation index (dyad-days)")
    alerts: int = Field(description="escalation alerts after the run")
    incremental: bool = Field(description="true when only what changed was recomputed")
    seconds: float = Field(description="wall time of the run")
    timings: dict[str, float] = Field(default_factory=dict, description="seconds per phase")
    cpu_timings: dict[str, float] = Field(default_factory=dict, description="CPU seconds per phase")


def aggregate_with(store: Store, body: AggregateRequest) -> dict[str, Any]:
    """Run the incremental aggregation with the request's options; its report as JSON."""
    from ..aggregate.build import AggregateSettings, aggregate_store
    from ..aggregate.merge import MergeSettings
    from ..aggregate.story_records import StorySettings

    merge: dict[str, Any] = {
        "date_window_days": body.date_window, "actor_level": body.actor_level, "code_level": body.code_level,
    }
    story: dict[str, Any] = {"threshold": body.story_threshold} if body.story_threshold is not None else {}
    settings = AggregateSettings(
        merge=MergeSettings(**{k: v for k, v in merge.items() if v is not None}), stories=StorySettings(**story),
    )
    report: dict[str, Any] = aggregate_store(store.con, settings, rebuild=body.rebuild).to_json()
    return report


# (request, writable store) -> result; tests and embedders may pass their own.
Ingester = Callable[[IngestRequest, "Store"], IngestResult]


def posted_articles(request: IngestRequest) -> Iterator[Article | Failure]:
    """The posted texts as articles, normalised and dated exactly like plain-text files (the first non-empty line is
    the headline unless a title is given), named ``texts[i]``."""
    from ..ingest.build import build_article

    for i, item in enumerate(request.texts):
        yield build_article(
            item.text, item=f"texts[{i}]", input_format="text", raw=item.text, title=item.title,
            published=item.published, published_source="metadata" if item.published else "unknown",
            source=item.source, url=item.url, headline_from_text=item.title is None,
        )


class PipelineIngester:
    """Runs the same ingestion as ``wirescope ingest`` (normalisation, date markers, duplicates, language, the
    analysis pipeline loaded once on first use, one writer) on the posted texts and URLs, through
    ``ingest_articles``: posted texts never touch the file system."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        pipeline: Pipeline | None = None,
        client_factory: Callable[[], HttpClient] | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self._pipeline = pipeline
        # Makes the fetcher of posted URLs (default: from the settings); tests hand in one without a network.
        self._client_factory = client_factory

    def __call__(self, request: IngestRequest, store: Store) -> IngestResult:
        from itertools import chain

        from ..ingest.http import HttpClient
        from ..ingest.sources import read_inputs
        from ..nlp.pipeline import Pipeline

        factory = self._client_factory or (lambda: HttpClient.from_settings(self.settings))
        from ..runners.local import ingest_articles

        if self._pipeline is None:
            self._pipeline = Pipeline(self.settings)
        urls = [u for u in request.urls if web_url_problem(u) is None]  # validated already; never a path here
        fetched = read_inputs(urls, max_bytes=self.settings.max_bytes, client_factory=factory) if urls else iter(())
        report = ingest_articles(chain(posted_articles(request), fetched), store, self.settings,
                                 pipeline=self._pipeline)
        rows = store.con.execute("SELECT id FROM articles WHERE run_id = ? ORDER BY id", [report.run_id]).fetchall()
        return IngestResult(
            received=len(request.texts) + len(request.urls),
            stored=[r[0] for r in rows],
            counts=report.counts(),
            failed=[{"item": f.item, "reason": f.reason} for f in report.failures],
        )


def make_router(token: str, ingester: Ingester | None, settings: Settings | None = None) -> APIRouter:
    run = ingester or PipelineIngester(settings)

    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not given or not hmac.compare_digest(given.encode(), token.encode()):
            raise ApiError(
                401,
                "unauthorized",
                "POST /api/ingest needs the header 'Authorization: Bearer <token>' "
                "with the token the server was started with (--token)",
            )

    router = APIRouter(prefix="/api", tags=["ingest"])
    one_writer = asyncio.Lock()  # posts queue here (not on worker threads) for the database's write lock

    @router.post(
        "/ingest",
        dependencies=[Depends(require_token)],
        response_model=IngestResult,
        responses={401: {"model": ErrorBody}, 413: {"model": ErrorBody}, 422: {"model": ErrorBody}},
    )
    async def ingest(body: IngestRequest, request: Request) -> Any:
        """Analyse posted article texts and store them (requires the server's token)."""
        if not body.texts and not body.urls:
            raise ApiError(400, "nothing_to_ingest", 'post {"texts": [{"text": ...}]} with at least one text')
        db = request.app.state.db
        async with one_writer:
            try:
                result = await run_in_threadpool(_locked, db, run, body, db.store)
            finally:  # even a failed batch may have committed part of its articles
                db.refresh()
        return result

    @router.post(
        "/aggregate",
        dependencies=[Depends(require_token)],
        response_model=AggregateResult,
        responses={401: {"model": ErrorBody}, 400: {"model": ErrorBody}, 422: {"model": ErrorBody}},
    )
    async def aggregate(body: AggregateRequest, request: Request) -> Any:
        """Update merged events, stories, escalation and alerts incrementally, as `wirescope aggregate` does
        (requires the server's token)."""
        from ..errors import WirescopeError

        db = request.app.state.db
        async with one_writer:
            try:
                return await run_in_threadpool(_locked, db, aggregate_with, db.store, body)
            except WirescopeError as exc:
                raise ApiError(400, "bad_aggregate_options", str(exc)) from exc
            finally:
                db.refresh()

    return router


def _locked(db: Any, run: Callable[..., Any], *args: Any) -> Any:
    """``run(*args)`` under the database's write lock, shared with the server's other writers (the watcher)."""
    with db.write_lock:
        return run(*args)
