"""Situation-picture commands: aggregate, stories, timeline, escalation, alerts, export-gdelt, eval stories."""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import WirescopeError
from .common import (
    DbOption,
    JsonOption,
    TokenOption,
    WideOption,
    date_option,
    fail,
    open_reader,
    print_rows,
    reader_or_server,
    spec_row,
    writer_or_server,
)
from .evaluate import eval_app
from .timeline import timeline

if TYPE_CHECKING:
    from .remote import Remote

err = Console(stderr=True)

SinceOption = Annotated[str | None, typer.Option("--since", help="Only from this date on (YYYY-MM-DD)")]


def register(app: typer.Typer) -> None:
    app.command()(aggregate)
    app.command()(stories)
    app.command()(timeline)
    app.command()(escalation)
    app.command()(alerts)
    app.command(name="export-gdelt")(export_gdelt)
    eval_app.command(name="stories")(eval_stories)


def _date(value: str | None) -> date | None:
    return date_option(value, "--since")


def aggregate(
    db: DbOption = Path("wirescope.duckdb"),
    rebuild: Annotated[bool, typer.Option(help="Forget stored merges and stories and start from scratch")] = False,
    date_window: Annotated[
        int | None, typer.Option(min=0, help="Days apart two reports of one event may be [default: 2]")
    ] = None,
    actor_level: Annotated[
        str | None, typer.Option(help="Actors must agree on: country, code or entity [default: country]")
    ] = None,
    code_level: Annotated[
        str | None, typer.Option(help="Event codes must agree at: root, base or code [default: root]")
    ] = None,
    story_threshold: Annotated[
        float | None, typer.Option(help="Similarity an article needs to join a story [default: 0.10]")
    ] = None,
    streamed: Annotated[
        int | None, typer.Option(min=1, help="With --rebuild on a large store: rebuild CHUNK articles at a time, in "
                                 "memory bounded by the chunk (same tables, slower)")
    ] = None,
    json_out: JsonOption = False,
    wide: WideOption = False,
    token: TokenOption = None,
) -> None:
    """Merge events across articles, cluster stories and compute the escalation index (incremental). When a
    `wirescope serve` holds the store, its API runs the aggregation (with --token)."""
    from ..aggregate.build import AggregateSettings, aggregate_store
    from ..aggregate.merge import MergeSettings
    from ..aggregate.story_records import StorySettings
    from .remote import Remote

    try:
        merge_opts: dict[str, Any] = {
            "date_window_days": date_window,
            "actor_level": actor_level,
            "code_level": code_level,
        }
        story_opts: dict[str, Any] = {"threshold": story_threshold}
        settings = AggregateSettings(
            merge=MergeSettings(**{k: v for k, v in merge_opts.items() if v is not None}),
            stories=StorySettings(**{k: v for k, v in story_opts.items() if v is not None}),
        )
        if streamed:
            settings = dataclasses.replace(settings, chunk=streamed)
        if not db.exists():
            fail(f"no wirescope database at {db}; run `wirescope ingest` first or pass --db PATH")
        with writer_or_server(db, token, "aggregate") as target:
            if isinstance(target, Remote):
                if streamed:
                    fail("--streamed runs on a store no server holds; stop `wirescope serve` first")
                done: dict[str, Any] = target.post("/api/aggregate", {
                    "rebuild": rebuild, "date_window": date_window, "actor_level": actor_level,
                    "code_level": code_level, "story_threshold": story_threshold})
            else:
                done = aggregate_store(target.con, settings, rebuild=rebuild, streamed=bool(streamed)).to_json()
    except WirescopeError as exc:
        fail(str(exc))
    if json_out:
        sys.stdout.write(json.dumps(done) + "\n")
    else:
        print_rows([{"what": k, "value": v} for k, v in done.items()], False, wide=wide)


def stories(
    db: DbOption = Path("wirescope.duckdb"),
    story: Annotated[str | None, typer.Option("--id", help="Show one story (id or prefix) with its articles")] = None,
    since: SinceOption = None,
    min_size: Annotated[int, typer.Option(min=1, help="Only stories with at least this many articles")] = 1,
    limit: Annotated[int, typer.Option(min=1, help="Most stories to list")] = 50,
    json_out: JsonOption = False,
    wide: WideOption = False,
) -> None:
    """List story clusters (largest first), or one story with --id."""
    from ..aggregate.queries import query_stories, story_detail
    from ..aggregate.tables import STORIES
    from .remote import Remote

    _date(since)  # a bad date fails before the store is opened
    with reader_or_server(db) as store:
        if isinstance(store, Remote):
            _remote_stories(store, story, since, min_size, limit, json_out, wide)
            return
        _need_aggregate(store.con)
        if story:
            found = story_detail(store.con, story)
            if found is None:
                fail(f"no single story matches {story!r}; list them with `wirescope stories`")
            members = [dataclasses.asdict(m) for m in found.articles]
            if json_out:
                data = {**spec_row(STORIES, found.story), "articles": members}
                sys.stdout.write(json.dumps(data, default=str) + "\n")
                return
            st = found.story
            Console().print(
                f"[bold]{escape(st.title)}[/] ({st.size} articles, {st.first_date} .. {st.last_date})\n"
                f"{escape(st.summary)}\n"
            )
            print_rows(members, False, wide=wide)
            return
        rows = [spec_row(STORIES, st) for st in query_stories(store.con, since=_date(since), min_size=min_size,
                                                              limit=limit)]
    print_rows(rows, json_out, None if json_out else ["id", "size", "first_date", "last_date", "title", "top_actors"],
               wide=wide)


def _remote_stories(
    remote: Remote, story: str | None, since: str | None, min_size: int, limit: int | None, json_out: bool,
    wide: bool,
) -> None:
    """`wirescope stories` through the server: GET /api/stories (filtered here) or /api/stories/ID."""
    if story:
        found = remote.get(f"/api/stories/{story}")
        if json_out:
            sys.stdout.write(json.dumps(found, default=str) + "\n")
        else:
            print_rows(found.get("articles", []), False, wide=wide)
        return
    start = _date(since)
    rows = [r for r in remote.rows("/api/stories") if (r.get("size") or 0) >= min_size
            and (start is None or str(r.get("last_date") or "") >= start.isoformat())][:limit]
    print_rows(rows, json_out, None if json_out else ["id", "size", "first_date", "last_date", "title", "top_actors"],
               wide=wide)


def escalation(
    source: Annotated[str, typer.Argument(help="Source country (ISO3) or actor code, e.g. USA or USAGOV")],
    target: Annotated[str, typer.Argument(help="Target country (ISO3) or actor code")],
    db: DbOption = Path("wirescope.duckdb"),
    since: SinceOption = None,
    level: Annotated[str | None, typer.Option(help="country or actor (default: country for 3-letter codes)")] = None,
    plot: Annotated[Path | None, typer.Option("--plot", help="Write a PNG chart of the index here")] = None,
    json_out: JsonOption = False,
    wide: WideOption = False,
) -> None:
    """The daily escalation index of a directed dyad (source -> target) with its alerts."""
    from ..aggregate.escalation import plot as plot_rows
    from ..aggregate.queries import query_escalation
    from ..aggregate.tables import ESCALATION
    from .remote import Remote

    if level is not None and level not in ("country", "actor"):
        fail(f"--level {level!r}: choose country or actor")
    _date(since)  # a bad date fails before the store is opened
    with reader_or_server(db) as store:
        if isinstance(store, Remote):  # the API's daily series of the dyad (one direction)
            series = store.get("/api/escalation", {"source": source, "target": target, "since": _date(since),
                                                   "both": False})["series"]
            print_rows([_rounded(p) for p in series[0]["points"]] if series else [], json_out, wide=wide)
            return
        _need_aggregate(store.con)
        days = query_escalation(store.con, source, target, level=level, since=_date(since))
    if not days:
        fail(
            f"no events from {source.upper()} to {target.upper()} in the store"
            + (f" since {since}" if since else "")
            + "; check the codes or run `wirescope aggregate`",
            code=1,
        )
    if plot is not None:
        plot_rows(days, str(plot))
        err.print(f"wrote {plot}")
    rows = [spec_row(ESCALATION, d) for d in days]
    cols = ["day", "events", "mentions", "goldstein_sum", "goldstein_mean", "material_conflict", "index_value", "z",
            "alert"]
    shown = rows if json_out else [_rounded({k: v for k, v in r.items() if k in cols}) for r in rows]
    print_rows(shown, json_out, None if json_out else cols, wide=wide)


def alerts(
    db: DbOption = Path("wirescope.duckdb"),
    since: SinceOption = None,
    actor: Annotated[str | None, typer.Option(help="Only alerts involving this country or actor code")] = None,
    limit: Annotated[int, typer.Option(min=1, help="Most alerts to show")] = 50,
    json_out: JsonOption = False,
    wide: WideOption = False,
) -> None:
    """Escalation alerts (newest first) with the events that drove them."""
    from ..aggregate.queries import query_alerts
    from ..aggregate.tables import ALERTS
    from .remote import Remote

    _date(since)  # a bad date fails before the store is opened
    with reader_or_server(db) as store:
        if isinstance(store, Remote):  # newest first, as here; the filters are applied to the rows
            start, who = _date(since), (actor or "").upper()
            rows = [r for r in store.rows("/api/alerts") if (start is None or str(r["day"]) >= start.isoformat())
                    and (not who or str(r.get("source") or "").startswith(who)
                         or str(r.get("target") or "").startswith(who))][:limit]
        else:
            _need_aggregate(store.con)
            rows = [spec_row(ALERTS, a) for a in query_alerts(store.con, since=_date(since), actor=actor,
                                                              limit=limit)]
    print_rows(
        rows if json_out else [_rounded(r) for r in rows],
        json_out,
        None if json_out else ["day", "level", "source", "target", "index_value", "z", "driving_events"],
        wide=wide,
    )


def export_gdelt(
    out: Annotated[Path, typer.Option("--out", help="Output folder")],
    db: DbOption = Path("wirescope.duckdb"),
    header: Annotated[bool, typer.Option(help="Write a header line (GDELT files have none)")] = False,
) -> None:
    """Write merged events and mentions in the GDELT 2.0 Event and Mentions TSV layouts."""
    from ..export.gdelt import write_gdelt_events, write_gdelt_mentions

    out.mkdir(parents=True, exist_ok=True)
    with open_reader(db) as store:
        _need_aggregate(store.con)
        try:
            written = [
                write_gdelt_events(store.con, out / "events.export.tsv", header=header),
                write_gdelt_mentions(store.con, out / "mentions.export.tsv", header=header),
            ]
        except WirescopeError as exc:
            fail(str(exc))
    for path, n in written:
        err.print(f"{path}: {n} rows", highlight=False)


def eval_stories(
    path: Annotated[Path, typer.Argument(help="Gold file (giveme5w1h JSONL) or folder (wikiref)")],
    fmt: Annotated[str, typer.Option("--format", help="giveme5w1h or wikiref")] = "giveme5w1h",
    ner: Annotated[str, typer.Option(help="Entities for clustering: spacy (NER only) or none")] = "spacy",
    threshold: Annotated[float, typer.Option(help="Story similarity threshold")] = 0.10,
    json_out: JsonOption = False,
    wide: WideOption = False,
) -> None:
    """Score story clustering: B-cubed precision/recall/F1 and adjusted Rand index."""
    from ..aggregate.story_records import StorySettings
    from ..eval.stories import evaluate_stories, spacy_entities

    if ner not in ("spacy", "none"):
        fail(f"--ner {ner!r}: choose spacy or none")
    try:
        scores = evaluate_stories(
            fmt,
            path,
            settings=StorySettings(threshold=threshold),
            enrich=spacy_entities() if ner == "spacy" else None,
        )
    except WirescopeError as exc:
        fail(str(exc))
    data: dict[str, Any] = scores.to_json()
    if json_out:
        sys.stdout.write(json.dumps(data) + "\n")
    else:
        print_rows([{"metric": k, "value": v} for k, v in data.items()], False, wide=wide)


def _rounded(row: dict[str, Any]) -> dict[str, Any]:
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in row.items()}


def _need_aggregate(con: Any) -> None:
    from ..store.aggregate import has_table

    if not has_table(con, "merged_events"):
        fail("this store has no aggregate tables; run `wirescope aggregate` first (it migrates the store)")
