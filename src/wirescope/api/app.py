"""The FastAPI application factory: JSON API under ``/api``, the dashboard at ``/``, all from one process."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from ..__about__ import __version__
from ..config import Settings
from . import errors, routes_aggregate, routes_core, routes_events, routes_live, routes_watch, routes_watchlists
from .guards import DEFAULT_MAX_BODY, DEFAULT_QUERY_TIMEOUT, RequestGuard, TimedDatabase
from .ingest import PROTECTED, Ingester, make_router
from .timeline import router as timeline_router

if TYPE_CHECKING:
    from .writer import LiveWatch

NOT_BUILT = """<!doctype html><meta charset="utf-8"><title>wirescope</title>
<p>The dashboard assets are not built. Run <code>make install</code> (or <code>scripts/build_web.sh</code>) to build
them; the API schema is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>"""


# Defence in depth for the dashboard: article text is always rendered as text (never parsed as HTML), and the
# page may in addition run only its own script and talk only to this server.
DASHBOARD_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
}


def static_dir() -> Path:
    return Path(str(resources.files("wirescope.web"))) / "static"


def create_app(
    db_path: str | Path,
    *,
    token: str | None = None,
    cors_origins: Sequence[str] = (),
    ingester: Ingester | None = None,
    settings: Settings | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY,
    allowed_hosts: Sequence[str] | None = None,
    query_timeout: float | None = DEFAULT_QUERY_TIMEOUT,
    watch: LiveWatch | None = None,
) -> FastAPI:
    """Build the app over the store at ``db_path``.

    The store is opened read-only unless ``token`` is given: then the writing routes (``POST /api/ingest``, ``POST
    /api/aggregate``, the watchlists') exist, require ``Authorization: Bearer <token>`` (checked before the body is
    read), and the store is opened for writing (DuckDB allows one writer per file). CORS is off unless
    ``cors_origins`` names the origins allowed to call the API from a browser. Every request body is limited to
    ``max_body_bytes`` (413); ``allowed_hosts`` (None: any) lists the Host header names answered; a request's
    queries are interrupted after ``query_timeout`` seconds. ``settings`` configure the ingest endpoint's pipeline
    and fetcher. ``watch`` runs a watcher inside the server while it serves (``api/writer.py``); the store is then
    opened for writing too.
    """
    writable = bool(token) or watch is not None
    db = TimedDatabase(db_path, writable=writable, query_timeout=query_timeout)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if watch is not None:
            watch.start(db)
        try:
            yield
        finally:
            if watch is not None:
                watch.stop()
            db.close()

    app = FastAPI(
        title="wirescope",
        version=__version__,
        description="News event intelligence: events, quotations, places and stories from a wirescope store.",
        docs_url=None,  # FastAPI's default docs page loads Swagger UI from a CDN; ours is served locally below
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.db = db
    errors.install(app)
    if cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    _include_routes(app, token, ingester, settings)
    # Outermost: runs before routing and before FastAPI reads any body (see api/guards.py).
    app.add_middleware(
        RequestGuard,
        max_body=max_body_bytes,
        allowed_hosts=allowed_hosts,
        protected={route: token for route in (*PROTECTED, *routes_watchlists.PROTECTED)} if token else {},
    )

    _mount_dashboard(app)
    return app


def _include_routes(app: FastAPI, token: str | None, ingester: Ingester | None, settings: Settings | None) -> None:
    """The read routes always; the writing routes only behind a token."""
    for router in (routes_core.router, routes_events.router, routes_aggregate.router, routes_watch.router,
                   routes_watchlists.router, routes_live.router, timeline_router):
        app.include_router(router)
    if token:
        app.include_router(make_router(token, ingester, settings))
        app.include_router(routes_watchlists.make_router(token))


def _mount_dashboard(app: FastAPI) -> None:
    """The dashboard's page, its assets and the locally served API docs (no CDN)."""
    static = static_dir()
    if (static / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=static / "assets"), name="assets")

    @app.get("/api/docs", include_in_schema=False)
    def docs() -> Response:
        swagger = static / "assets" / "swagger"
        if not (swagger / "swagger-ui-bundle.js").is_file():
            return HTMLResponse(NOT_BUILT)
        return get_swagger_ui_html(
            openapi_url="/api/openapi.json",
            title="wirescope API",
            swagger_js_url="/assets/swagger/swagger-ui-bundle.js",
            swagger_css_url="/assets/swagger/swagger-ui.css",
            swagger_favicon_url="/assets/swagger/favicon-32x32.png",
        )

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        page = static / "index.html"
        if page.is_file():
            return FileResponse(
                page, media_type="text/html", headers={"Cache-Control": "no-cache", **DASHBOARD_HEADERS}
            )
        return HTMLResponse(NOT_BUILT)
