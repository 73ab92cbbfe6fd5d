"""`wirescope events` (query stored events) and `wirescope eval events` (score the coder on gold data)."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from ..config import DEFAULT_MODEL
from ..errors import WirescopeError
from ..records import MODALITIES
from .common import (
    DbOption,
    JsonOption,
    WideOption,
    date_option,
    fail,
    print_rows,
    reader_or_server,
    settings_from,
)
from .evaluate import eval_app

FORMATS = ("petr-xml", "plover-json", "wirescope-gold", "case-tsv")


def register(app: typer.Typer) -> None:
    app.command(name="events")(events)
    eval_app.command(name="events")(eval_events)


TIMINGS = ("current", "historical", "planned", "all")


def events(
    db: DbOption = Path("wirescope.duckdb"),
    actor: Annotated[str | None, typer.Option(help="Actor code prefix (IRN, USAGOV) or name substring")] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root or code prefix, e.g. 19")] = None,
    since: Annotated[str | None, typer.Option(help="Only events on or after this date (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, typer.Option(help="Only events on or before this date (YYYY-MM-DD)")] = None,
    modality: Annotated[
        str | None, typer.Option(help=", ".join(MODALITIES))
    ] = None,
    timing: Annotated[str, typer.Option(
        metavar="[" + "|".join(TIMINGS) + "]",
        help="current: news of the article's days (the default); historical: what the article recalls; planned: "
        "what it announces; all: every event")] = "current",
    min_confidence: Annotated[float | None, typer.Option(
        min=0.0, max=1.0, help="Only events with at least this confidence (the calibrated probability that the "
        "event is right); default: the documented threshold (docs/events.md); 0 lists every stored candidate")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most N events")] = None,
    json_out: JsonOption = False,
    wide: WideOption = False,
) -> None:
    """List coded events (who did what to whom), newest first."""
    from ..store.events import event_filter, read_events
    from ..store.tables import EVENTS
    from .remote import Remote

    since_date, until_date = date_option(since, "--since"), date_option(until, "--until")
    if since_date and until_date and until_date < since_date:
        fail(f"--until {until} is before --since {since}")
    if timing not in TIMINGS:
        fail(f"unknown --timing {timing!r}; choose one of {', '.join(TIMINGS)}")
    if root is not None and not (root.isdigit() and 1 <= len(root) <= 4):
        fail(f"--root {root!r}: give a CAMEO root (01-20) or code prefix of digits, e.g. 19 or 190")
    if modality is not None and modality not in MODALITIES:
        fail(f"unknown --modality {modality!r}; choose one of {', '.join(MODALITIES)}")
    timings = () if timing == "all" else (timing,)
    # who did what to whom first: on a narrow terminal the columns on the right are the ones left out
    columns = ("date", "code", "source_name", "trigger_text", "target_name", "modality", "timing", "plover",
               "confidence", "source_code", "target_code", "article_id")
    with reader_or_server(db) as store:
        if isinstance(store, Remote):  # the same events as here: the API applies the same default threshold
            code = {"root" if root and len(root) <= 2 else "code": root}  # the API's root is 01-20, code longer
            # the API takes the timing (current by default); a server older than that lists every timing, so
            # the rows are also kept here by their timing column (NULL: current)
            keep = None if not timings else (lambda r: (r.get("timing") or "current") in timings)
            rows = store.rows("/api/events", {"actor": actor, **code, "since": since_date, "until": until_date,
                                              "modality": modality, "timing": timing,
                                              "min_confidence": min_confidence},
                              limit, keep=keep)
            print_rows(rows, json_out, None if json_out else [c for c in columns if not rows or c in rows[0]],
                       wide=wide)
            return
        try:
            f = replace(event_filter(actor=actor, root=root, since=since_date, until=until_date, modality=modality),
                        min_confidence=min_confidence)
            found = read_events(store.con, f, limit=limit, timing=timings)
        except WirescopeError as exc:
            fail(str(exc))
    if json_out:  # the record's public JSON shape (the same as `wirescope analyze --json`), with its article
        print_rows([{"article_id": e.article_id, **e.to_json()} for e in found], True)
        return
    # The table shows a few columns of the events table, read off each record through its spec.
    print_rows([{c: EVENTS.column(c).value(e, {}) for c in columns} for e in found], False, columns, wide=wide)


def eval_events(
    file: Annotated[Path, typer.Argument(help="Gold file: PETRARCH XML, PLOVER JSON, a CASE 2021 TSV, or the "
                                                "folder of the real-news gold (data/voa2025/gold)")],
    format: Annotated[str, typer.Option("--format", help=", ".join(FORMATS))] = "petr-xml",
    dictionaries: Annotated[
        Path | None,
        typer.Option(help="Folder of PETRARCH dictionaries (default: the gold file's folder when it has them, "
                     "else the bundled set)"),
    ] = None,
    actors: Annotated[Path | None, typer.Option(help="Extra actors file (YAML or CSV)")] = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline: package name or path")] = DEFAULT_MODEL,
    part: Annotated[str, typer.Option(help="wirescope-gold: the part of the split to score (tuning, check, all)")]
    = "check",
    verbose: Annotated[bool, typer.Option(help="wirescope-gold: list misses and inventions with their sentences")]
    = False,
    stages: Annotated[str | None, typer.Option(
        help="wirescope-gold and case-tsv: comma-separated pipeline stages (default: the default stages); add "
             "'verify' after 'events' to score with the learned verifier's calibrated confidence")] = None,
    min_confidence: Annotated[float, typer.Option(
        help="wirescope-gold and case-tsv: count only events with at least this confidence as produced (what a "
             "reader filtering at it sees)")] = 0.0,
    json_out: Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object")] = False,
) -> None:
    """Score the event coder on gold records, starting from each record's raw text."""
    from ..eval.events import evaluate_petr, evaluate_plover, find_dictionaries, make_coder

    if format not in FORMATS:
        fail(f"unknown --format {format!r}; choose one of {', '.join(FORMATS)}")
    if not (file.is_dir() if format == "wirescope-gold" else file.is_file()):
        fail(f"gold {'folder' if format == 'wirescope-gold' else 'file'} {file} does not exist")
    if stages is not None and format not in ("wirescope-gold", "case-tsv"):
        fail("--stages applies to --format wirescope-gold and case-tsv (the suites are coded by the coder alone)")
    if min_confidence and format not in ("wirescope-gold", "case-tsv"):
        fail("--min-confidence applies to --format wirescope-gold and case-tsv (the suites are coded by the coder "
             "alone, without the verifier's confidence)")
    try:
        settings = settings_from(model=model, stages=stages, dictionaries=dictionaries, actors_file=actors)
        if format == "wirescope-gold":
            from ..eval.realnews_run import evaluate_gold, pipeline_coder

            result = dict(evaluate_gold(file, pipeline_coder(settings), part, verbose=verbose,
                                        min_confidence=min_confidence))
        elif format == "case-tsv":
            from ..eval.case import evaluate_case, pipeline_root_coder

            result = dict(evaluate_case(file, pipeline_root_coder(settings, min_confidence=min_confidence)))
        elif format == "petr-xml":
            folder = dictionaries or find_dictionaries(file)
            result = dict(evaluate_petr(file, make_coder(folder, model=model, actors_file=actors)))
        else:
            # PLOVER records often name no target: score targetless events too
            coder = make_coder(dictionaries, model=model, actors_file=actors, require_target=False)
            result = dict(evaluate_plover(file, coder))
    except WirescopeError as exc:
        fail(str(exc))
    if json_out:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return
    _print_summary(result)


def _print_summary(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    con = Console()
    for line in result.pop("listing", ()):
        con.print(line, highlight=False, markup=False)
    skip = {"categories", "classes", "confidence", "file", "roots", "types"}
    for key, value in result.items():
        if key not in skip:
            con.print(f"{key}: {value}", highlight=False)
    groups = result.get("categories") or result.get("classes") or {}
    if groups:
        first = next(iter(groups.values()))
        table = Table("group", *first.keys())
        for name, row in groups.items():
            table.add_row(name, *(str(v) for v in row.values()))
        con.print(table)
    if "roots" in result:
        table = Table("root", "gold", "produced", "matched", "recall")
        for root, row in result["roots"].items():
            table.add_row(root, *(str(v) for v in row.values()))
        con.print(table)
    confidence = result.get("confidence", {})
    if "ece" in confidence:
        low, high = confidence.get("ece_95", (None, None))
        interval = f" (95% over stories {low}-{high})" if low is not None else ""
        con.print(f"expected calibration error: {confidence['ece']}{interval}", highlight=False)
        confidence = confidence["bands"]
    if confidence:
        for band, row in confidence.items():
            con.print(f"confidence {band}: {row['events']} events, precision {row['precision']}", highlight=False)
