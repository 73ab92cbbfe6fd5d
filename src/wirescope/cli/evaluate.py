"""`wirescope eval ...`: evaluation against gold data. Each task registers its subcommand on ``eval_app``."""

from __future__ import annotations

import typer

eval_app = typer.Typer(
    help="Score wirescope against gold data (events, quotes, geo, time, stories).", no_args_is_help=True
)
