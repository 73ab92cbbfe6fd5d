"""`wirescope serve`: the HTTP API and the dashboard over a store; with ``--watch`` it also follows sources live.

A server that writes (``--token`` or ``--watch``) is the store's one writer: it leaves a server file beside the store
so that the other commands go through its API (cli/remote.py), and analyses in a worker process (watch/worker.py)
so that requests are answered while articles are analysed (api/writer.py).
"""

from __future__ import annotations

import ipaddress
import logging
import signal
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..config import DEFAULT_MODEL, Settings
from ..errors import WirescopeError
from .common import DbOption, fail

if TYPE_CHECKING:
    from fastapi import FastAPI

    from ..api.writer import LiveWatch
    from ..watch.worker import WorkerPipeline


def register(app: typer.Typer) -> None:
    app.command()(serve)


def serve(
    sources: Annotated[list[str] | None, typer.Argument(
        help="With --watch: feed URLs, folders, OPML files or text files of feed URLs (SOURCE@5m: its own interval)",
        show_default=False)] = None,
    db: DbOption = Path("wirescope.duckdb"),
    host: Annotated[str, typer.Option(help="Interface to listen on (0.0.0.0 exposes it to the network)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            help="Enable the writing routes (POST /api/ingest, /api/aggregate, watchlists), guarded by this "
            "bearer token (also WIRESCOPE_TOKEN); the store is then opened for writing",
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
        "--allow-private-addresses", help="Let watched feeds, URLs posted to /api/ingest and webhooks reach "
        "internal addresses")] = False,
    max_body: Annotated[int | None, typer.Option(
        help="Largest request body in bytes, 413 above (default 32 MiB)")] = None,
    query_timeout: Annotated[float | None, typer.Option(
        help="Seconds a request's queries may run, 0 for no limit (default 30)")] = None,
    watch: Annotated[bool, typer.Option(
        "--watch", help="Follow the SOURCES live while serving, as `wirescope watch` does (docs/watch.md)")] = False,
    every: Annotated[str, typer.Option(help="With --watch: poll interval (30s, 10m, 1h, ...)")] = "10m",
    model: Annotated[str, typer.Option(help="spaCy pipeline for --watch and /api/ingest")] = DEFAULT_MODEL,
    no_aggregate: Annotated[bool, typer.Option(
        "--no-aggregate", help="With --watch: do not update merged events, stories and alerts after a poll")] = False,
    ignore_robots_txt: Annotated[bool, typer.Option(
        "--ignore-robots-txt", help="With --watch: do not read robots.txt (only for feeds you run yourself)")] = False,
) -> None:
    """Serve the JSON API (/api, schema at /api/docs) and the dashboard (/) over the store; with --watch, follow
    sources live too."""
    from ..api import create_app
    from ..api.guards import DEFAULT_MAX_BODY, DEFAULT_QUERY_TIMEOUT
    from ..api.ingest import PipelineIngester

    problem = exposure_problem(host, token, tuple(cors or ()), insecure=insecure) or _watch_problem(watch, sources)
    if problem:
        fail(problem)
    settings = Settings(model=model, allow_private_addresses=allow_private_addresses,
                        respect_robots_txt=not ignore_robots_txt)
    worker = _worker(settings) if token or watch else None
    try:
        live = _live_watch(sources or [], every, settings, worker, aggregate=not no_aggregate) if watch else None
        app = create_app(
            db, token=token, cors_origins=tuple(cors or ()), settings=settings,
            ingester=PipelineIngester(settings, pipeline=worker) if token and worker else None,
            max_body_bytes=DEFAULT_MAX_BODY if max_body is None else max_body,
            allowed_hosts=allowed_hosts(host, allowed_host or ()),
            query_timeout=DEFAULT_QUERY_TIMEOUT if query_timeout is None else (query_timeout or None),
            watch=live,
        )
    except WirescopeError as exc:
        fail(str(exc))
    _print_banner(host, port, writes=bool(token), live=live)
    _run_server(app, db, host, port, writes=bool(token), worker=worker)


def _print_banner(host: str, port: int, *, writes: bool, live: LiveWatch | None) -> None:
    """Where the dashboard and the API docs are, whether the writing routes are on, what is watched."""
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    typer.echo(f"wirescope dashboard: http://{shown}:{port}/  (API docs: http://{shown}:{port}/api/docs)")
    if writes:
        typer.echo("POST /api/ingest and /api/aggregate are enabled (Authorization: Bearer <token>)")
    if live is not None:
        typer.echo(f"watching {len(live.sources)} sources; status at http://{shown}:{port}/api/status")


def _run_server(app: FastAPI, db: Path, host: str, port: int, *, writes: bool, worker: WorkerPipeline | None) -> None:
    """Run uvicorn until it stops, with the server file beside the store meanwhile (so that the other commands go
    through this server); the file is removed and the worker stopped however the server ends."""
    import uvicorn

    from .remote import remove_server_file, write_server_file

    write_server_file(db, host, port, writes=writes)
    # uvicorn stops gracefully on SIGTERM, then raises the signal again: exit through Python so that the server
    # file is removed and the worker stopped (the default action would end the process on the spot).
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        uvicorn.run(app, host=host, port=port, log_level="info")
    finally:
        remove_server_file(db)
        if worker is not None:
            worker.close()


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _watch_problem(watch: bool, sources: list[str] | None) -> str | None:
    if watch and not sources:
        return "--watch needs sources: feed URLs, folders, OPML files or text files of feed URLs"
    if sources and not watch:
        return f"{sources[0]!r}: sources are followed with --watch (wirescope serve --watch SOURCES...)"
    return None


def _worker(settings: Settings) -> WorkerPipeline:
    from ..watch.worker import WorkerPipeline

    return WorkerPipeline(settings)


def _live_watch(
    sources: list[str], every: str, settings: Settings, worker: WorkerPipeline | None, *, aggregate: bool
) -> LiveWatch:
    """The watcher the server runs (its sources checked now, so a typo fails before the server starts)."""
    from ..api.writer import LiveWatch
    from ..watch import expand_sources, parse_interval, pause_from_env

    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request would drown the watcher's own
    found = expand_sources(sources, parse_interval(every))
    return LiveWatch(found, settings, pipeline=worker, aggregate=aggregate, pause=pause_from_env())


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
