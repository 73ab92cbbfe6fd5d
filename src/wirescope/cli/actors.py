"""`wirescope actors lookup`: what a name resolves to on a date (office holders table and actor dictionaries)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import WirescopeError
from .common import JsonOption, date_option, fail

actors_app = typer.Typer(help="Look up actors: office holders by date and the actor dictionaries.",
                         no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(actors_app, name="actors")
    actors_app.command(name="lookup")(lookup)


def resolve(name: str, on: date | None, office_holders: Path | None, actors: Path | None) -> dict[str, Any]:
    """The office terms the name matches (running on ``on`` when given) and the actor dictionaries' code for it
    on that date (read-only use of the actor coder)."""
    from ..nlp.coding.actors import default_actor_coder
    from ..nlp.resources.offices import load_office_table

    terms = load_office_table(office_holders).holders(name, on=on)
    # the coder's own resolution: the dictionaries, then the office holders table on the date
    actor = default_actor_coder(actors, None, office_holders).code_actor(name, article_date=on)
    return {"name": name, "on": on.isoformat() if on else None, "office_terms": [t.to_json() for t in terms],
            "dictionary": {"code": actor.code, "name": actor.name}}


def lookup(
    name: Annotated[str, typer.Argument(help="A person's name or surname, e.g. 'Rouhani' or 'Recep Tayyip Erdogan'")],
    on: Annotated[str | None, typer.Option("--on", help="Date to resolve on (YYYY-MM-DD); default: every term")]
    = None,
    office_holders: Annotated[
        Path | None, typer.Option("--office-holders", help="User office holders TSV that extends the bundled table")
    ] = None,
    actors: Annotated[Path | None, typer.Option(help="Extra actors file (YAML or CSV) for the dictionaries")] = None,
    json_out: JsonOption = False,
) -> None:
    """Show what NAME resolves to: its office-holder rows and the actor dictionaries' code (on --on DATE)."""
    day = date_option(on, "--on")
    try:
        found = resolve(name, day, office_holders, actors)
    except WirescopeError as exc:
        fail(str(exc))
    if json_out:
        sys.stdout.write(json.dumps(found, ensure_ascii=False) + "\n")
        return
    when = f" on {day}" if day else ""
    for t in found["office_terms"]:
        flags = ", acting" if t["acting"] else ""
        typer.echo(f"{t['person']}: {'|'.join(t['offices'])} of {t['country']} as {t['code']}, "
                   f"{t['start']} to {t['end'] or 'open'} ({t['precision']}{flags}) [{t['source']}]")
    if not found["office_terms"]:
        typer.echo(f"no office holder named {name!r}{when} in the office holders table")
    dictionary = found["dictionary"]
    coded = f"{dictionary['code']} ({dictionary['name']})" if dictionary["code"] else "no code"
    typer.echo(f"actor dictionaries{when}: {coded}")
