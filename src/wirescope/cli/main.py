"""The `wirescope` command: builds the Typer app from one module per command group."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import Any, NoReturn, get_args, get_origin

import typer
from rich.console import Console
from rich.text import Text
from typer import _click as click  # Typer 0.29 vendors Click: its commands and errors are these classes
from typer.core import TyperGroup

from ..errors import WirescopeError
from .evaluate import eval_app

# Each module defines ``register(app)``; order is the order of ``wirescope --help``.
COMMAND_MODULES: list[str] = [
    "wirescope.cli.setup",
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


_NAMES = {int: "INTEGER", float: "FLOAT", str: "TEXT", bool: "", Path: "PATH"}


def metavar(param: click.Parameter) -> str:
    """What help shows for an option's value: TEXT, INTEGER, FLOAT, PATH or a choice; nothing for a flag.
    (Typer's default is the Python annotation, ``<str>``, ``<list[str]>``, which reads as code.)"""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    desc = getattr(param, "type_descriptor", None)
    if desc is None:  # a plain click parameter
        kind = getattr(getattr(param, "type", None), "name", "")
        return {"integer": "INTEGER", "float": "FLOAT", "path": "PATH"}.get(kind, "TEXT")
    if desc.is_choice and desc.choices:
        return "[" + "|".join(str(getattr(c, "value", c)) for c in desc.choices) + "]"
    annotation = desc.annotation
    if get_origin(annotation) is list:
        annotation = get_args(annotation)[0]
    return _NAMES.get(annotation, "PATH" if desc.is_path else "TEXT")


def clean_help(command: click.Command) -> None:
    """Give every parameter of ``command`` and its subcommands (and their --help) a plain metavar: an option its
    kind of value, an argument its NAME in capitals with its kind in the type column."""
    ctx = click.Context(command, info_name=command.name)
    clean_params(command.get_params(ctx))
    for sub in getattr(command, "commands", {}).values():
        clean_help(sub)


def clean_params(params: list[click.Parameter]) -> None:
    for param in params:
        if param.metavar is not None:
            continue
        if param.param_type_name == "argument":
            kind = metavar(param)
            param.metavar = (param.name or "value").upper()
            # the Rich help's type column of an argument ignores its metavar: say the kind there too
            setattr(param, "display_type_rich", lambda ctx, kind=kind: kind)  # noqa: B010
        else:
            param.metavar = metavar(param)


class WirescopeGroup(TyperGroup):
    """The root command: plain metavars in every help, and a bad option value (or any other usage error) said in
    one line on stderr with exit status 2, not a box or a traceback."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        clean_help(self)

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        params = super().get_params(ctx)
        clean_params(params)  # the root's completion options are added after __init__
        return params

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.exceptions.ClickException as exc:
            _usage_error(exc)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.exceptions.ClickException as exc:
            _usage_error(exc)


def _usage_error(exc: click.exceptions.ClickException) -> NoReturn:
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):
        raise exc
    where = ""
    if isinstance(exc, click.exceptions.UsageError) and exc.ctx is not None:
        where = f"{exc.ctx.command_path}: "
    hint = f" (see `{exc.ctx.command_path} --help`)" if isinstance(exc, click.exceptions.UsageError) and exc.ctx else ""
    message = " ".join(exc.format_message().split())
    Console(stderr=True).print(Text.assemble(("error: ", "red"), f"{where}{message}{hint}"), highlight=False,
                               soft_wrap=True)
    raise typer.Exit(exc.exit_code)


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="wirescope",
        help="News event intelligence: events, quotations, places and stories from news articles.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        cls=WirescopeGroup,
    )
    for name in COMMAND_MODULES:
        import_module(name).register(app)
    app.add_typer(eval_app, name="eval")
    return app


def main(argv: Sequence[str] | None = None) -> None:
    try:
        build_app()(args=argv)
    except WirescopeError as exc:
        # Expected errors get one line that says what to do, not a traceback.
        Console(stderr=True).print(Text.assemble(("error: ", "red"), str(exc)), highlight=False, soft_wrap=True)
        raise SystemExit(2) from None
