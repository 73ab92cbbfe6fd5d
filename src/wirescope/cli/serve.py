"""`wirescope serve`: the HTTP API and the dashboard over a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import WirescopeError
from .common import DbOption, fail


def register(app: typer.Typer) -> None:
    app.command()(serve)


def serve(
    db: DbOption = Path("wirescope.duckdb"),
    host: Annotated[str, typer.Option(help="Interface to listen on (0.0.0.0 exposes it to the network)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            help="Enable POST /api/ingest, guarded by this bearer token (also WIRESCOPE_TOKEN); the store "
            "is then opened for writing",
            envvar="WIRESCOPE_TOKEN",
        ),
    ] = None,
    cors: Annotated[
        list[str] | None, typer.Option("--cors", help="Origin allowed to call the API from a browser (repeatable)")
    ] = None,
) -> None:
    """Serve the JSON API (/api, schema at /api/docs) and the dashboard (/) over the store."""
    import uvicorn

    from ..api import create_app

    if token is not None and len(token) < 8:
        fail("--token must be at least 8 characters; it guards writes to the store")
    try:
        app = create_app(db, token=token, cors_origins=tuple(cors or ()))
    except WirescopeError as exc:
        fail(str(exc))
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    typer.echo(f"wirescope dashboard: http://{shown}:{port}/  (API docs: http://{shown}:{port}/api/docs)")
    if token:
        typer.echo("POST /api/ingest is enabled (Authorization: Bearer <token>)")
    uvicorn.run(app, host=host, port=port, log_level="info")
