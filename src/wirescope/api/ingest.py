"""``POST /api/ingest``: analyse posted texts into the store. Mounted only when the server has a token."""

from __future__ import annotations

import asyncio
import hmac
import json
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

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
    stored: list[str] = Field(description="ids of the articles stored by this request")
    counts: dict[str, int] = Field(default_factory=dict, description="new, duplicates, near-duplicates, failed ...")
    failed: list[dict[str, str]] = Field(description="items that could not be ingested, with the reason")


# (request, writable store) -> result; tests and embedders may pass their own.
Ingester = Callable[[IngestRequest, "Store"], IngestResult]


class PipelineIngester:
    """Runs the same ingestion as ``wirescope ingest`` (normalisation, date markers, duplicates, language, the
    analysis pipeline loaded once on first use, one writer) on the posted texts and URLs."""

    def __init__(self) -> None:
        self._pipeline: Pipeline | None = None

    def __call__(self, request: IngestRequest, store: Store) -> IngestResult:
        from ..nlp.pipeline import Pipeline
        from ..runners.local import ingest

        if self._pipeline is None:
            self._pipeline = Pipeline()
        with tempfile.TemporaryDirectory(prefix="wirescope-api-") as tmp:
            inputs = list(request.urls)
            if request.texts:
                # The posted texts go through the JSON Lines reader, so they are normalised exactly like files.
                path = Path(tmp) / "api-ingest.jsonl"
                with path.open("w", encoding="utf-8") as fh:
                    for item in request.texts:
                        # As for plain-text files, the first non-empty line is the headline unless a title is given.
                        first = next((line.strip() for line in item.text.splitlines() if line.strip()), None)
                        record = {
                            "text": item.text,
                            "title": item.title or first,
                            "url": item.url,
                            "source": item.source,
                            "date": item.published.isoformat() if item.published else None,
                        }
                        fh.write(json.dumps({k: v for k, v in record.items() if v is not None}) + "\n")
                inputs.append(str(path))
            report = ingest(inputs, store, self._pipeline.settings, pipeline=self._pipeline)
        rows = store.con.execute("SELECT id FROM articles WHERE run_id = ? ORDER BY id", [report.run_id]).fetchall()
        return IngestResult(
            received=len(request.texts) + len(request.urls),
            stored=[r[0] for r in rows],
            counts=report.counts(),
            failed=[{"item": f.item, "reason": f.reason} for f in report.failures],
        )


def make_router(token: str, ingester: Ingester | None) -> APIRouter:
    run = ingester or PipelineIngester()

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
    one_writer = asyncio.Lock()  # DuckDB has one writer; posts queue here instead of failing

    @router.post(
        "/ingest",
        dependencies=[Depends(require_token)],
        response_model=IngestResult,
        responses={401: {"model": ErrorBody}, 422: {"model": ErrorBody}},
    )
    async def ingest(body: IngestRequest, request: Request) -> Any:
        """Analyse posted article texts and store them (requires the server's token)."""
        if not body.texts and not body.urls:
            raise ApiError(400, "nothing_to_ingest", 'post {"texts": [{"text": ...}]} with at least one text')
        db = request.app.state.db
        async with one_writer:
            try:
                result = await run_in_threadpool(run, body, db.store)
            finally:  # even a failed batch may have committed part of its articles
                db.refresh()
        return result

    return router
