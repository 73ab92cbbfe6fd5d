"""`wirescope places`, `wirescope gazetteer build`, `wirescope eval geo` and `wirescope eval time`."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..config import DEFAULT_MODEL
from ..errors import WirescopeError
from .common import DbOption, JsonOption, WideOption, fail, print_rows, reader_or_server
from .evaluate import eval_app

gazetteer_app = typer.Typer(help="Build or inspect the gazetteer index.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command(name="places")(places)
    app.add_typer(gazetteer_app, name="gazetteer")
    gazetteer_app.command(name="build")(gazetteer_build)
    gazetteer_app.command(name="info")(gazetteer_info)
    eval_app.command(name="geo")(eval_geo)
    eval_app.command(name="time")(eval_time)


def places(
    db: DbOption = Path("wirescope.duckdb"),
    country: Annotated[str | None, typer.Option(help="Only places in this country (ISO2 or ISO3 code)")] = None,
    unresolved: Annotated[bool, typer.Option(help="Also list place mentions with no gazetteer match")] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="At most N places")] = None,
    json_out: JsonOption = False,
    wide: WideOption = False,
) -> None:
    """List the places mentioned in the stored articles, most mentioned first."""
    from ..store.places import query_places
    from .remote import Remote

    columns = ("name", "feature", "country3", "admin1", "lat", "lon", "mentions", "articles")
    with reader_or_server(db) as store:
        if isinstance(store, Remote):  # the resolved places (the API lists no unresolved mentions)
            rows = store.rows("/api/places", {"country": country}, limit)
            print_rows(rows, json_out, [c for c in columns if not rows or c in rows[0]], wide=wide)
            return
        try:
            found = query_places(store.con, country=country, include_unresolved=unresolved, limit=limit)
        except WirescopeError as exc:
            fail(str(exc))
    rows = [dataclasses.asdict(p) for p in found]
    print_rows(rows, json_out, columns, wide=wide)


def gazetteer_build(
    geonames: Annotated[Path | None, typer.Option(help="GeoNames dump (allCountries.zip, a country zip or .txt)")]
    = None,
    output: Annotated[Path | None, typer.Option(help="Index file to write (default: the user cache index)")] = None,
) -> None:
    """Build the gazetteer index from the installed packages, or from a GeoNames dump (the full index)."""
    from ..nlp.resources.gazetteer import Gazetteer, default_index_path
    from ..nlp.resources.gazetteer_build import build_from_geonames, build_from_packages

    try:
        if geonames is not None:
            target = output or default_index_path().with_name("gazetteer-geonames.sqlite")
            path, kept = build_from_geonames(geonames, target)
            typer.echo(f"kept {kept} GeoNames rows")
        else:
            path = build_from_packages(output or default_index_path())
        stats = Gazetteer(path).stats()
    except WirescopeError as exc:
        fail(str(exc))
    typer.echo(f"wrote {path}: {stats['places']} places, {stats['names']} names")
    if geonames is not None:
        typer.echo(f"use it with --gazetteer {path} (Settings.gazetteer)")


def gazetteer_info(
    path: Annotated[Path | None, typer.Option("--path", help="Index file (default: the user cache index)")] = None,
) -> None:
    """Show where the index is, what it was built from and its size."""
    from ..nlp.resources.gazetteer import Gazetteer

    try:
        gaz = Gazetteer(path)
    except WirescopeError as exc:
        fail(str(exc))
    sys.stdout.write(json.dumps({"path": str(gaz.path), **gaz.meta, **gaz.stats()}) + "\n")


def eval_geo(
    file: Annotated[Path, typer.Argument(help="Gold file: LGL/TR-News XML (lgl-xml) or GeoWebNews XML (gwn-xml)")],
    format: Annotated[str, typer.Option("--format", help="lgl-xml or gwn-xml")] = "lgl-xml",
    mode: Annotated[str, typer.Option(help="gold-spans (resolve the gold toponyms) or end-to-end")] = "gold-spans",
    gazetteer: Annotated[Path | None, typer.Option(help="Gazetteer index to use")] = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline for end-to-end mode")] = DEFAULT_MODEL,
    json_out: Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object")] = False,
) -> None:
    """Score toponym resolution: Acc@161, exact GeoNames ids, countries, error in km."""
    from ..eval.geo import FORMATS, MODES, evaluate_geo

    if format not in FORMATS:
        fail(f"unknown --format {format!r}; choose one of {', '.join(FORMATS)}")
    if mode not in MODES:
        fail(f"unknown --mode {mode!r}; choose one of {', '.join(MODES)}")
    try:
        result = evaluate_geo(file, format, mode, gazetteer_path=gazetteer, model=model)
    except WirescopeError as exc:
        fail(str(exc))
    _print(dict(result), json_out)


def eval_time(
    file: Annotated[Path, typer.Argument(help="Time gold file (JSON Lines: text, reference, expected)")],
    json_out: Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object")] = False,
    show_errors: Annotated[bool, typer.Option(help="List the expressions that did not match")] = False,
) -> None:
    """Score time normalisation against a gold file."""
    from ..eval.time import evaluate_time

    try:
        report = evaluate_time(file)
    except WirescopeError as exc:
        fail(str(exc))
    result: dict[str, object] = dict(report)
    if not show_errors:
        result["errors"] = len(report["errors"])  # (the key keeps its place in the printed JSON)
    _print(result, json_out)


def _print(result: dict[str, object], json_out: bool) -> None:
    if json_out:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return
    for key, value in result.items():
        typer.echo(f"{key}: {value}")
