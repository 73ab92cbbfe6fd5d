"""Core commands: ingest, analyze, articles, entities, show, export, stats."""

from __future__ import annotations

import dataclasses
import json
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from ..config import DEFAULT_MODEL, Settings
from ..errors import WirescopeError
from ..records import ARTICLE_STATUSES
from ..runners.workers import default_workers
from .common import (
    DbOption,
    JsonOption,
    ParseOption,
    TokenOption,
    WideOption,
    fail,
    open_reader,
    print_rows,
    reader_or_server,
    settings_from,
    writer_or_server,
)
from .remote import Remote
from .rules import DisableOption, with_disabled

if TYPE_CHECKING:
    from ..ingest.tabular import FieldMapping
    from ..records import Analysis
    from ..runners.local import IngestReport
    from ..store import Store

EXPORT_FORMATS = ("jsonl", "json", "parquet", "csv")  # export.tables.FORMATS (imported late: pyarrow is slow)

err = Console(stderr=True)
out = Console()
WORKERS = default_workers()  # ingest's default --n-process (issue 20): every usable core, memory permitting


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(analyze)
    app.command()(articles)
    app.command()(entities)
    app.command()(show)
    app.command()(export)
    app.command()(stats)


def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, URLs (HTML pages or feeds), or - for stdin")],
    db: DbOption = Path("wirescope.duckdb"),
    model: Annotated[str, typer.Option(help="spaCy pipeline: package name or path")] = DEFAULT_MODEL,
    stages: Annotated[str | None, typer.Option(help="Comma-separated stages (default: all)")] = None,
    fields: Annotated[
        str | None, typer.Option(
            "--fields",
            help="JSON/CSV field mapping: keys text,title,date,url,source,author, e.g. text=body,date=pubDate; "
            "a dotted name (source.name) reaches into nested objects",
        )
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per spaCy batch")] = 32,
    n_process: Annotated[int, typer.Option("--n-process", min=1, help="Worker processes, each running spaCy and "
                                           "the stages (default: the usable cores, memory permitting)")] = WORKERS,
    dictionaries: Annotated[Path | None, typer.Option(help="Folder of PETRARCH dictionaries")] = None,
    actors: Annotated[Path | None, typer.Option(help="Extra actors file (YAML or CSV)")] = None,
    engine: Annotated[str, typer.Option(help="local or ray")] = "local",
    address: Annotated[str | None, typer.Option(help="Ray cluster address (auto or ray://HOST:PORT)")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Ray workers")] = 2,
    out_dir: Annotated[str | None, typer.Option("--out", help="Ray engine: output folder or URI for Parquet")] = None,
    partition_size: Annotated[int | None, typer.Option(min=1, help="Ray engine: articles per partition")] = None,
    allow_private_addresses: Annotated[bool, typer.Option(
        "--allow-private-addresses", help="Let URLs, feed links and redirects reach loopback, private and other "
        "internal addresses (refused by default; see SECURITY.md)")] = False,
    ignore_robots_txt: Annotated[bool, typer.Option(
        "--ignore-robots-txt", help="Do not read robots.txt (only for feeds and sites you run yourself)")] = False,
    disable_rule: DisableOption = None,
    parse: ParseOption = "all",
    token: TokenOption = None,
) -> None:
    """Ingest articles into the store: read, deduplicate, analyse, store. Prints a closing table. When a
    `wirescope serve` holds the store, the articles read here are posted to its API (with --token)."""
    settings = with_disabled(replace(settings_from(
        model=model, stages=stages, batch_size=batch_size, n_process=n_process, dictionaries=dictionaries,
        actors_file=actors, parse=parse,
    ), allow_private_addresses=allow_private_addresses, respect_robots_txt=not ignore_robots_txt), disable_rule)
    from ..ingest.tabular import FieldMapping

    mapping = FieldMapping.parse(fields) if fields else None
    if engine == "ray":
        from .ray import ingest_with_ray

        ingest_with_ray(inputs, settings, address=address, workers=workers, out=out_dir, mapping=mapping,
                        partition_size=partition_size)
        return
    if engine != "local":
        fail(f"unknown engine {engine!r}; choose local or ray")
    started = time.perf_counter()
    _check_ingestible(inputs, mapping, settings)
    target = writer_or_server(db, token, "ingest")
    if isinstance(target, Remote):
        _note_server_settings({"--model": model != DEFAULT_MODEL, "--stages": stages, "--dictionaries": dictionaries,
                               "--actors": actors, "--disable-rule": disable_rule, "--parse": parse != "all"})
        _ingest_through(target, inputs, settings, mapping, db)
        return
    with target as store:
        report = _ingest_with_progress(inputs, store, settings, mapping, started)
    _print_ingest_report(report, db, elapsed=time.perf_counter() - started)
    if report.read == 0 or report.read == report.failed:
        raise typer.Exit(1)


def _note_server_settings(analysis: dict[str, object]) -> None:
    """Say which of the analysis options given have no effect: the server's worker analyses with its own settings."""
    if any(analysis.values()):
        err.print(f"note: {', '.join(k for k, v in analysis.items() if v)} ignored: the server analyses with "
                  "its own settings", highlight=False)


def _ingest_with_progress(inputs: list[str], store: Store, settings: Settings, mapping: FieldMapping | None,
                          started: float) -> IngestReport:
    """Run the local ingest into the open store with a progress bar (rate since ``started``); a library error fails
    with its message, an interrupt exits with status 130 (what was committed is kept)."""
    from ..runners.local import ingest as run_ingest

    with _progress() as (progress, task):

        def update(report: IngestReport) -> None:
            rate = report.new / max(time.perf_counter() - started, 1e-9)
            progress.update(task, completed=report.read,
                            description=report.stage or f"ingest · {rate:.1f} articles/s")

        try:
            return run_ingest(inputs, store, settings, mapping=mapping, progress=update)
        except WirescopeError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            err.print("[yellow]interrupted: everything committed so far is kept; rerun to resume[/]")
            raise typer.Exit(130) from None


def _print_ingest_report(report: IngestReport, db: Path, *, elapsed: float) -> None:
    """Each failed item with its reason, the closing table and the rates, on stderr."""
    for failure in report.failures:
        _print_failure(failure.item, failure.reason)
    _closing_table(db, report.counts())
    err.print(f"{report.new / max(elapsed, 1e-9):.1f} articles/s, {report.words / max(elapsed, 1e-9):.0f} words/s")


def _print_failure(item: str, reason: str) -> None:
    err.print(Text.assemble(("failed ", "red"), f"{item}: {reason}"), highlight=False, soft_wrap=True)


def _check_ingestible(inputs: list[str], mapping: FieldMapping | None, settings: Settings) -> None:
    """Fail before any store is opened or created when the local inputs hold nothing to ingest (a missing path, an
    empty folder, only unreadable files): each item's reason on stderr, exit status 1. Inputs are read until the
    first article (the ingest then reads them again); URLs and stdin cannot be read twice, so they are not checked."""
    from ..ingest.sources import read_inputs
    from ..records import Failure

    if any(i == "-" or "://" in i for i in inputs):
        return
    failures: list[Failure] = []
    for item in read_inputs(inputs, mapping=mapping, max_bytes=settings.max_bytes):
        if not isinstance(item, Failure):
            return
        failures.append(item)
    for failure in failures:
        _print_failure(failure.item, failure.reason)
    fail(f"nothing to ingest in {', '.join(inputs)}; no store was opened or created", code=1)


def _ingest_through(remote: Remote, inputs: list[str], settings: Settings, mapping: FieldMapping | None,
                    db: Path) -> None:
    """Read the inputs here and post them to the server that holds the store (its pipeline analyses them)."""
    from ..ingest.http import HttpClient
    from ..ingest.sources import read_inputs
    from .remote import ingest_through

    err.print(f"the store is held by {remote.info.describe()}; ingesting through its API", highlight=False)
    with remote:
        done = ingest_through(remote, read_inputs(inputs, mapping=mapping, max_bytes=settings.max_bytes,
                                                  client_factory=lambda: HttpClient.from_settings(settings)))
    for item, reason in done.failures:
        _print_failure(item, reason)
    _closing_table(db, done.counts)
    if done.counts["read"] == 0 or done.counts["read"] == done.counts["failed"]:
        raise typer.Exit(1)


def _closing_table(db: Path, c: dict[str, int]) -> None:
    table = Table(title=f"ingest into {db}", show_header=True)
    for name in ("read", "new", "duplicates", "near-duplicates", "not English", "failed"):
        table.add_column(name, justify="right")
    table.add_row(*(str(c.get(k, 0)) for k in ("read", "new", "duplicates", "near_duplicates", "not_english",
                                                "failed")))
    err.print(table)


@contextmanager
def _progress() -> Iterator[tuple[Progress, TaskID]]:
    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    )
    with progress:
        yield progress, progress.add_task("ingest", total=None)


def analyze(
    file: Annotated[Path, typer.Argument(help="An article file (text, HTML, JSON), or - for stdin")],
    json_out: Annotated[bool, typer.Option("--json", help="Print the full analysis as JSON")] = False,
    model: Annotated[str, typer.Option(help="spaCy pipeline")] = DEFAULT_MODEL,
    stages: Annotated[str | None, typer.Option(help="Comma-separated stages (default: all)")] = None,
    dictionaries: Annotated[Path | None, typer.Option(help="Folder of PETRARCH dictionaries")] = None,
    actors: Annotated[Path | None, typer.Option(help="Extra actors file (YAML or CSV)")] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Print per event its sentence, parse path and the coder's trace (rules, entries)")] = False,
    disable_rule: DisableOption = None,
    parse: ParseOption = "all",
    wide: WideOption = False,
) -> None:
    """Analyse one article without a store and print its events, quotations, places and entities as tables."""
    from ..ingest.sources import read_inputs
    from ..records import Failure
    from ..runners.startup import open_pipeline

    settings = with_disabled(settings_from(model=model, stages=stages, dictionaries=dictionaries, actors_file=actors,
                                           parse=parse),
                             disable_rule)
    items = list(read_inputs([str(file)]))
    if not items:
        fail(f"{file}: no article found")
    first = items[0]
    if isinstance(first, Failure):
        fail(str(first))
    assert not isinstance(first, Failure)
    try:
        pipeline = open_pipeline(settings)  # model, dictionaries and gazetteer each a visible stage on stderr
        analysis = pipeline.analyze(first)
        if explain:
            from ..nlp.coding.explain import explain as explain_events

            for n, explanation in enumerate(explain_events(pipeline, analysis)):
                out.print(("\n" if n else "") + "\n".join(explanation.lines()), highlight=False, markup=False)
            return
    except WirescopeError as exc:
        fail(str(exc))
    if json_out:
        sys.stdout.write(json.dumps(analysis.to_json(), ensure_ascii=False, indent=1, default=str) + "\n")
        return
    a = analysis.article
    # Article text is data, never Rich markup: a headline with "[/]" in it must print as written.
    out.print(Text.assemble((a.title or "", "bold"), f" · {a.published or 'date unknown'} · {a.language} · {a.id}"),
              highlight=False)
    out.print(f"{len(analysis.sentences)} sentences, {len(analysis.entities)} entities, {len(analysis.events)} events, "
              f"{len(analysis.quotes)} quotes, {len(analysis.places)} places, {len(analysis.times)} times")
    _analysis_tables(analysis, wide)


def _analysis_tables(analysis: Analysis, wide: bool) -> None:
    """The analysis as readable tables, one per kind (each under a heading): events (who did what to whom, with
    the words that triggered them), quotations with their speaker, places and entities; columns are those of the
    store's tables, read off each record through its spec."""
    from ..store.tables import EVENTS, PLACES, QUOTES
    from .common import spec_row

    # who did what to whom first: on a narrow terminal the columns on the right are the ones left out
    event_columns = ("code", "source_name", "trigger_text", "target_name", "modality", "plover", "date", "timing",
                     "confidence")
    sections: list[tuple[str, list[dict[str, Any]], tuple[str, ...] | None]] = [
        ("events", [{c: EVENTS.column(c).value(e, {}) for c in event_columns} for e in analysis.events],
         event_columns),
        ("quotations", [spec_row(QUOTES, q, idx=None) for q in analysis.quotes],
         ("speaker_name", "speaker_text", "cue_text", "type", "text")),
        ("places", [spec_row(PLACES, p, idx=None, article_id=None) for p in analysis.places],
         ("text", "name", "feature", "country3", "lat", "lon", "confidence")),
        ("entities", [{"type": e.type, "name": e.name, "mentions": len(e.mentions)} for e in analysis.entities],
         None),
    ]
    for title, rows, columns in sections:
        out.print(Text(f"\n{title} ({len(rows)})", style="bold"), highlight=False)
        if rows:
            print_rows(rows, False, columns, wide=wide)


def articles(
    db: DbOption = Path("wirescope.duckdb"),
    status: Annotated[str | None, typer.Option(help=", ".join(ARTICLE_STATUSES))] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many rows")] = None,
    json_out: JsonOption = False,
    wide: WideOption = False,
) -> None:
    """List stored articles."""
    from ..store.core import query_articles

    if status is not None and status not in ARTICLE_STATUSES:
        fail(f"unknown --status {status!r}; choose one of {', '.join(ARTICLE_STATUSES)}")
    with reader_or_server(db) as reader:
        if isinstance(reader, Remote):
            print_rows(reader.rows("/api/articles", {"status": status}, limit), json_out, wide=wide)
            return
        print_rows([dataclasses.asdict(a) for a in query_articles(reader.con, status=status, limit=limit)], json_out,
                   wide=wide)


def entities(
    db: DbOption = Path("wirescope.duckdb"),
    type: Annotated[str | None, typer.Option("--type", help="PERSON, ORG, GPE, ...")] = None,
    top: Annotated[int | None, typer.Option(min=1, help="Only the N most mentioned")] = None,
    json_out: JsonOption = False,
    wide: WideOption = False,
) -> None:
    """List the corpus-wide entity table (canonical name, type, aliases, mention count)."""
    from ..store.core import query_entities

    with reader_or_server(db) as reader:
        if isinstance(reader, Remote):
            print_rows(reader.rows("/api/entities", {"type": type}, top), json_out, wide=wide)
            return
        print_rows([dataclasses.asdict(e) for e in query_entities(reader.con, type=type, top=top)], json_out,
                   wide=wide)


def show(
    article_id: Annotated[str, typer.Argument(help="Article id (or a unique prefix)")],
    db: DbOption = Path("wirescope.duckdb"),
    json_out: JsonOption = False,
) -> None:
    """Show one article's text with its entity mentions highlighted."""
    from ..store.core import article_detail

    with reader_or_server(db) as store:
        if isinstance(store, Remote):
            _show_through(store, article_id, json_out)
            return
        detail = article_detail(store.con, article_id)
    if detail is None:
        fail(f"no single article matches id {article_id!r}; list ids with `wirescope articles`")
    assert detail is not None
    a = detail.article
    if json_out:
        data = {**a.to_json(), **{k: v for k, v in dataclasses.asdict(detail).items() if k != "article"}}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
        return
    out.print(Text.assemble((a.title or "", "bold"), f" · {a.published or 'date unknown'} · {a.id}"), highlight=False)
    text = Text(a.text)
    for m in detail.mentions:
        text.stylize("bold cyan" if m.label == "PERSON" else "bold magenta", m.start_char, m.end_char)
    out.print(text)


def _show_through(remote: Remote, article_id: str, json_out: bool) -> None:
    """`wirescope show` through the server: its article detail (the API's shape with --json)."""
    if not re.fullmatch(r"[0-9A-Za-z_-]{1,64}", article_id):
        fail(f"no single article matches id {article_id!r}; list ids with `wirescope articles`")
    found: dict[str, Any] = remote.get(f"/api/articles/{article_id}")
    if json_out:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, default=str) + "\n")
        return
    out.print(Text.assemble((found.get("title") or "", "bold"),
                            f" · {found.get('published') or 'date unknown'} · {found.get('id')}"), highlight=False)
    text = Text(found.get("text") or "")
    for m in found.get("mentions", []):
        text.stylize("bold cyan" if m.get("label") == "PERSON" else "bold magenta", m["start_char"], m["end_char"])
    out.print(text)


def export(
    out_path: Annotated[Path, typer.Option("--out", help="Output folder (one file per table)")],
    db: DbOption = Path("wirescope.duckdb"),
    fmt: Annotated[str, typer.Option("--format", metavar="[" + "|".join(EXPORT_FORMATS) + "]", help=(
        "jsonl (JSON Lines), json (one JSON array per table), parquet, or csv (with a CSVW description beside "
        "it)"))] = "jsonl",
    tables: Annotated[str | None, typer.Option(help="Comma-separated tables (default: all)")] = None,
) -> None:
    """Export store tables as JSON Lines, Parquet or CSV files."""
    from ..export.tables import export_tables

    if fmt not in EXPORT_FORMATS:  # before the store is opened or the folder made
        fail(f"unknown --format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    with open_reader(db) as store:
        try:
            written = export_tables(store.con, out_path, fmt, tables.split(",") if tables else None)
        except WirescopeError as exc:
            fail(str(exc))
    for path, rows in written:
        err.print(f"{path}: {rows} rows", highlight=False)


def stats(db: DbOption = Path("wirescope.duckdb"), json_out: JsonOption = False, wide: WideOption = False) -> None:
    """Counts of what the store holds."""
    from ..store.core import stats as store_stats

    with reader_or_server(db) as reader:
        if isinstance(reader, Remote):
            data: dict[str, Any] = reader.get("/api/stats").get("tables", {})
        else:
            data = store_stats(reader.con)
    if json_out:
        sys.stdout.write(json.dumps(data) + "\n")
    else:
        print_rows([{"what": k, "count": v} for k, v in data.items()], False, wide=wide)
