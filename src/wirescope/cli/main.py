"""The `wirescope` command: builds the Typer app from one module per command group."""

from __future__ import annotations

from importlib import import_module

import typer
from rich.console import Console
from rich.text import Text

from ..errors import WirescopeError
from .evaluate import eval_app

# Each module defines ``register(app)``; order is the order of ``wirescope --help``.
COMMAND_MODULES: list[str] = [
    "wirescope.cli.core",
    "wirescope.cli.serve",
    "wirescope.cli.events",
    "wirescope.cli.quotes",
    "wirescope.cli.places",
    "wirescope.cli.aggregate",
    "wirescope.cli.ray",
    "wirescope.cli.index",
    "wirescope.cli.failures",
    "wirescope.cli.rules",
    "wirescope.cli.actors",
    "wirescope.cli.watch",
    "wirescope.cli.watchlist",
]


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="wirescope",
        help="News event intelligence: events, quotations, places and stories from news articles.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
    )
    for name in COMMAND_MODULES:
        import_module(name).register(app)
    app.add_typer(eval_app, name="eval")
    return app


def main() -> None:
    try:
        build_app()()
    except WirescopeError as exc:
        # Expected errors get one line that says what to do, not a traceback.
        Console(stderr=True).print(Text.assemble(("error: ", "red"), str(exc)), highlight=False, soft_wrap=True)
        raise SystemExit(2) from None
