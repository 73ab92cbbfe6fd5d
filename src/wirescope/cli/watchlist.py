"""`wirescope watchlist add | list | remove | notifications`: saved filters whose new matches are notified.

Against a store a running `wirescope serve` holds, the commands go through its API (``/api/watchlists``; adding
and removing need its token, ``--token`` or WIRESCOPE_TOKEN).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from ..errors import WirescopeError
from .common import DbOption, JsonOption, TokenOption, WideOption, fail, print_rows, reader_or_server

if TYPE_CHECKING:
    from ..store import Store
    from .remote import Remote

out = Console()
app = typer.Typer(help="Watchlists: saved filters; new matching events are notified (webhook, e-mail, Atom feed).",
                  no_args_is_help=True)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="watchlist")


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="Name of the watchlist (letters, digits, _ . -)")],
    actor: Annotated[list[str] | None, typer.Option(
        help="Actor on either side: ISO3 (IRN), actor code (IRNMIL) or part of a name; repeat for more")] = None,
    dyad: Annotated[list[str] | None, typer.Option(
        help="SOURCE>TARGET (directed) or A-B (either direction), e.g. ISR>IRN; also picks up escalation alerts "
        "on the dyad")] = None,
    country: Annotated[list[str] | None, typer.Option(help="Country of either actor or of the place (ISO3)")] = None,
    root: Annotated[list[str] | None, typer.Option(help="CAMEO root code, 01-20")] = None,
    plover: Annotated[list[str] | None, typer.Option(help="PLOVER event class (ASSAULT, PROTEST, ...)")] = None,
    place: Annotated[list[str] | None, typer.Option(help="Part of a place name, or a GeoNames id")] = None,
    keyword: Annotated[list[str] | None, typer.Option(help="Word in a reporting sentence or title")] = None,
    min_confidence: Annotated[float | None, typer.Option(help="Leave out merged events below this")] = None,
    webhook: Annotated[str | None, typer.Option(help="URL to POST notifications to (JSON)")] = None,
    webhook_secret: Annotated[str | None, typer.Option(
        help="NAME of the webhook's secret (bearer token and body signature); its value is read from "
        "WIRESCOPE_SECRET_<NAME> or the config file, never stored")] = None,
    email: Annotated[list[str] | None, typer.Option(help="E-mail recipient (needs WIRESCOPE_SMTP_HOST)")] = None,
    max_per_hour: Annotated[int, typer.Option(help="Messages per hour; more are sent as one digest")] = 10,
    replace: Annotated[bool, typer.Option("--replace", help="Replace a watchlist of this name")] = False,
    db: DbOption = Path("wirescope.duckdb"),
    token: TokenOption = None,
) -> None:
    """Save a watchlist. Values within an option are alternatives; options are combined. What the store holds
    now is not notified: only events reported after this are."""
    from ..store import Store
    from ..watch.watchlists import make_watchlist, save_watchlist

    fields: dict[str, Any] = {
        "actors": actor, "dyads": dyad, "countries": country, "roots": root, "plover": plover, "places": place,
        "keywords": keyword, "min_confidence": min_confidence, "webhook": webhook, "webhook_secret": webhook_secret,
        "emails": email, "max_per_hour": max_per_hour,
    }
    try:
        wl = make_watchlist(name, **fields)
        target = _writer(db, token, "add")
        if isinstance(target, Store):
            with target:
                stored = save_watchlist(target.con, wl, replace=replace).to_json()
        else:
            with target:
                body = {k: v for k, v in fields.items() if v is not None}
                stored = target.post("/api/watchlists", {"name": name, **body, "replace": replace})
    except WirescopeError as exc:
        fail(str(exc))
    out.print(f"watchlist [bold]{name}[/bold] saved: {_criteria(stored)}; notified by "
              f"{_channels(stored)}")


@app.command("list")
def list_(db: DbOption = Path("wirescope.duckdb"), as_json: JsonOption = False, wide: WideOption = False) -> None:
    """The watchlists with their criteria and channels."""
    from ..store import Store
    from ..watch.watchlists import load_watchlists

    try:
        source = reader_or_server(db)
        with source:
            rows = ([wl.to_json() for wl in load_watchlists(source.con)] if isinstance(source, Store)
                    else source.get("/api/watchlists")["items"])
    except WirescopeError as exc:
        fail(str(exc))
    if as_json:
        print_rows(rows, True)
        return
    print_rows([{"name": r["name"], "criteria": _criteria(r), "channels": _channels(r),
                 "max/hour": r["max_per_hour"], "created": r["created_at"]} for r in rows], False, wide=wide)


@app.command("remove")
def remove(
    name: Annotated[str, typer.Argument(help="Name of the watchlist")],
    db: DbOption = Path("wirescope.duckdb"),
    token: TokenOption = None,
) -> None:
    """Remove a watchlist, its notifications and its undelivered messages."""
    from ..store import Store
    from ..watch.watchlists import remove_watchlist

    try:
        target = _writer(db, token, "remove")
        with target:
            if isinstance(target, Store):
                found = remove_watchlist(target.con, name)
            else:
                resp = target.client.delete(f"/api/watchlists/{name}")
                if resp.status_code not in (204, 404):
                    fail(f"{target.info.describe()} answered {resp.status_code}: {resp.text[:300]}")
                found = resp.status_code == 204
    except WirescopeError as exc:
        fail(str(exc))
    if not found:
        fail(f"no watchlist named {name!r} (see `wirescope watchlist list`)")
    out.print(f"watchlist {name} removed")


@app.command("notifications")
def notifications(
    watchlist: Annotated[str | None, typer.Option(help="Only this watchlist's")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many, the most recently updated first")] = 20,
    db: DbOption = Path("wirescope.duckdb"),
    as_json: JsonOption = False,
    wide: WideOption = False,
) -> None:
    """The notifications sent, with their evidence (--json) or one line each."""
    from ..store import Store
    from ..watch.notify import load_notifications

    try:
        source = reader_or_server(db)
        with source:
            rows = ([n.to_json() for n in load_notifications(source.con, watchlist=watchlist, limit=limit)]
                    if isinstance(source, Store)
                    else source.get("/api/notifications", {"watchlist": watchlist, "limit": limit})["items"])
    except WirescopeError as exc:
        fail(str(exc))
    if as_json:
        print_rows(rows, True)
        return
    print_rows([{"watchlist": r["watchlist"], "kind": r["kind"], "title": r["title"], "reports": r["num_reports"],
                 "outlets": r["num_outlets"], "revision": r["revision"], "digest": r["digest"] or "",
                 "updated": r["updated_at"]} for r in rows], False, wide=wide)


def _writer(db: Path, token: str | None, what: str) -> Store | Remote:
    """The store for writing, or the API of the server that holds it (with its token)."""
    from ..store import Store
    from .remote import Remote, find_server

    try:
        return Store(db)
    except WirescopeError:
        info = find_server(db) if db.exists() else None
        if info is None:
            raise
        if not info.writes:
            fail(f"the store is held by {info.describe()}, which takes no writes (started without --token); restart "
                 f"it with --token to {what} watchlists through it, or stop it")
        if not token:
            fail(f"the store is held by {info.describe()}; pass --token (or set WIRESCOPE_TOKEN) with the server's "
                 f"token to {what} watchlists through it, or stop the server")
        return Remote(info, token)


def _criteria(row: dict[str, Any]) -> str:
    keys = ("actors", "dyads", "countries", "roots", "plover", "places", "keywords")
    parts = [f"{k} {', '.join(row[k])}" for k in keys if row.get(k)]
    if row.get("min_confidence") is not None:
        parts.append(f"confidence ≥ {row['min_confidence']}")
    return "; ".join(parts)


def _channels(row: dict[str, Any]) -> str:
    found = ["Atom feed (/api/alerts.atom)"]
    if row.get("webhook"):
        found.append(f"webhook {row['webhook']}")
    if row.get("emails"):
        found.append(f"e-mail to {', '.join(row['emails'])}")
    return ", ".join(found)
