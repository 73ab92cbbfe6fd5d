"""``POST /api/ingest``: analyse posted texts into the store. Mounted only when the server has a token."""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from ..errors import InputError
from ..records import Article
from .errors import ApiError
from .models import ErrorBody

if TYPE_CHECKING:
    from ..nlp.pipeline import Pipeline
    from ..store import Store

MAX_TEXT_CHARS = 2_000_000
MAX_ITEMS = 500


class TextItem(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    title: str | None = Field(default=None, max_length=2000)
    published: date | None = None
    url: str | None = Field(default=None, max_length=4000)
    source: str | None = Field(default=None, max_length=500)


class IngestRequest(BaseModel):
    texts: list[TextItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    urls: list[str] = Field(default_factory=list, max_length=MAX_ITEMS)


class IngestResult(BaseModel):
    received: int
    stored: list[str] = Field(description="ids of the articles analysed and stored")
    failed: list[dict[str, str]] = Field(description="items that could not be ingested, with the reason")


# (request, writable store) -> result; tests and embedders may pass their own.
Ingester = Callable[[IngestRequest, "Store"], IngestResult]


def article_from(item: TextItem, index: int) -> Article:
    from ..ingest.normalize import article_id, normalize_text, split_date_marker

    text = normalize_text(item.text)
    found, how, text = split_date_marker(text)
    if not text:
        raise InputError(f"texts[{index}]", "the text is empty after normalisation")
    title = item.title
    if title is None:
        title = next((line.strip() for line in text.split("\n") if line.strip()), None)
    published = item.published or found
    source = "metadata" if item.published else how
    return Article(id=article_id(text), text=text, title=title, published=published, published_source=source,
                   source=item.source, url=item.url, input=item.url or f"api:texts[{index}]", input_format="text",
                   raw=item.text)


class PipelineIngester:
    """Runs the analysis pipeline (loaded on first use) and writes through the store's one writer."""

    def __init__(self) -> None:
        self._pipeline: Pipeline | None = None

    def __call__(self, request: IngestRequest, store: Store) -> IngestResult:
        from ..nlp.pipeline import Pipeline

        failed: list[dict[str, str]] = []
        articles = []
        for i, item in enumerate(request.texts):
            try:
                articles.append(article_from(item, i))
            except InputError as exc:
                failed.append({"item": exc.item, "reason": exc.reason})
        for url in request.urls:
            failed.append({"item": url, "reason": "URL ingestion is done with `wirescope ingest URL`; post the text"})
        if self._pipeline is None:
            self._pipeline = Pipeline()
        analyses = list(self._pipeline.analyze_many(articles))
        store.write(analyses, run_id=None)
        return IngestResult(received=len(request.texts) + len(request.urls),
                            stored=[a.article.id for a in analyses], failed=failed)


def make_router(token: str, ingester: Ingester | None) -> APIRouter:
    run = ingester or PipelineIngester()

    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not given or not hmac.compare_digest(given.encode(), token.encode()):
            raise ApiError(401, "unauthorized", "POST /api/ingest needs the header 'Authorization: Bearer <token>' "
                                                "with the token the server was started with (--token)")

    router = APIRouter(prefix="/api", tags=["ingest"])
    one_writer = asyncio.Lock()  # DuckDB has one writer; posts queue here instead of failing

    @router.post("/ingest", dependencies=[Depends(require_token)], response_model=IngestResult,
                 responses={401: {"model": ErrorBody}, 422: {"model": ErrorBody}})
    async def ingest(body: IngestRequest, request: Request) -> Any:
        """Analyse posted article texts and store them (requires the server's token)."""
        if not body.texts and not body.urls:
            raise ApiError(400, "nothing_to_ingest", "post {\"texts\": [{\"text\": ...}]} with at least one text")
        db = request.app.state.db
        async with one_writer:
            result = await run_in_threadpool(run, body, db.store)
        db.refresh()
        return result

    return router
