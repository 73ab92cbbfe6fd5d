"""`wirescope serve`: the HTTP API and the dashboard over a store."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from ..config import Settings
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
    insecure: Annotated[bool, typer.Option(
        "--insecure", help="Allow a non-loopback --host without a token: anyone who can reach it reads the store")
    ] = False,
    allowed_host: Annotated[list[str] | None, typer.Option(
        "--allowed-host", help="Another Host header name to answer (repeatable; localhost, 127.0.0.1, [::1] and "
        "the --host value always are)")] = None,
    allow_private_addresses: Annotated[bool, typer.Option(
        "--allow-private-addresses", help="Let URLs posted to /api/ingest reach internal addresses")] = False,
    max_body: Annotated[int | None, typer.Option(
        help="Largest request body in bytes, 413 above (default 32 MiB)")] = None,
    query_timeout: Annotated[float | None, typer.Option(
        help="Seconds a request's queries may run, 0 for no limit (default 30)")] = None,
) -> None:
    """Serve the JSON API (/api, schema at /api/docs) and the dashboard (/) over the store."""
    import uvicorn

    from ..api import create_app
    from ..api.guards import DEFAULT_MAX_BODY, DEFAULT_QUERY_TIMEOUT

    problem = exposure_problem(host, token, tuple(cors or ()), insecure=insecure)
    if problem:
        fail(problem)
    try:
        app = create_app(
            db, token=token, cors_origins=tuple(cors or ()),
            settings=Settings(allow_private_addresses=allow_private_addresses),
            max_body_bytes=DEFAULT_MAX_BODY if max_body is None else max_body,
            allowed_hosts=allowed_hosts(host, allowed_host or ()),
            query_timeout=DEFAULT_QUERY_TIMEOUT if query_timeout is None else (query_timeout or None),
        )
    except WirescopeError as exc:
        fail(str(exc))
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    typer.echo(f"wirescope dashboard: http://{shown}:{port}/  (API docs: http://{shown}:{port}/api/docs)")
    if token:
        typer.echo("POST /api/ingest is enabled (Authorization: Bearer <token>)")
    uvicorn.run(app, host=host, port=port, log_level="info")


def exposure_problem(host: str, token: str | None, cors: tuple[str, ...], *, insecure: bool) -> str | None:
    """Why this combination of options is refused, or None. See SECURITY.md."""
    if token is not None and len(token) < 8:
        return "--token must be at least 8 characters; it guards writes to the store"
    if not is_loopback(host) and not token and not insecure:
        return (f"--host {host} makes the store readable from the network without a token; pass --token, or "
                "--insecure if that is what you want (see SECURITY.md)")
    if token and "*" in cors:
        return ("--cors '*' with a token would let any web page a user visits call the write endpoint with their "
                "browser; name the allowed origins instead")
    return None


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, extra: Sequence[str]) -> list[str]:
    """Host header names the server answers: the loopback names, the --host value and the --allowed-host ones."""
    from ..api.guards import LOOPBACK_HOSTS

    bare = host.strip("[]")
    shown = f"[{bare}]" if ":" in bare else bare
    return list(dict.fromkeys([*LOOPBACK_HOSTS, shown.lower(), *(h.lower() for h in extra)]))
