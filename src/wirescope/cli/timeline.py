"""`wirescope timeline`: the ordered events (with their evidence) and quotations of a story, an actor or a dyad,
read from the store or, when `wirescope serve` holds it, from the server's ``GET /api/timeline`` (the same rows).

Both ways go through the same rows (a merged event as its merged_events row with its mentions as ``evidence``, a
quotation as its quotes row with its article's title and address, from the table specs) and the same printing, so
the command reads the same whether or not a server holds the store (tests/test_cli_remote.py compares them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from ..errors import WirescopeError
from .common import DbOption, JsonOption, WideOption, date_option, fail, print_rows, reader_or_server

if TYPE_CHECKING:
    from .remote import Remote

err = Console(stderr=True)
MAX_PAGE = 1000  # items of a story's window per page at most (the API's largest timeline page)


@dataclass(frozen=True, slots=True)
class StoryRows:
    """One page of a story's timeline as rows: the window's page, and (first page only) the folded sections."""

    story_id: str
    window: tuple[str, str] | None
    total: int
    offset: int
    items: list[dict[str, Any]]
    background: list[dict[str, Any]]
    undated: list[dict[str, Any]]
    limit: int  # the page size asked for (the undated items shown in a table at most)

    @property
    def next_offset(self) -> int | None:
        end = self.offset + len(self.items)
        return end if end < self.total else None


def timeline(
    db: DbOption = Path("wirescope.duckdb"),
    story: Annotated[str | None, typer.Option("--story", help="Story id (or prefix)")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor code prefix, country or name")] = None,
    dyad: Annotated[str | None, typer.Option("--dyad", help="Directed dyad SOURCE,TARGET, e.g. USA,IRN")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only from this date on (YYYY-MM-DD)")] = None,
    offset: Annotated[int, typer.Option(min=0, help="--story: skip this many items of the story's window (paging)")]
    = 0,
    limit: Annotated[int | None, typer.Option(
        min=1, help="Most items to show (--story: one page, 1-1000, by default 100)")] = None,
    json_out: JsonOption = False,
    wide: WideOption = False,
) -> None:
    """Ordered events (with their evidence) and quotations of a story, an actor or a dyad. A story's timeline keeps
    to the story's window and pages (--offset, --limit); what its articles recall or announce (dated outside the
    window) is folded into a background count, and the items of undated articles are flagged apart."""
    from .remote import Remote

    pair: tuple[str, str] | None = None
    if dyad:
        parts = [p.strip() for p in dyad.split(",")]
        if len(parts) != 2 or not all(parts):
            fail(f"--dyad {dyad!r}: give two actors separated by a comma, e.g. USA,IRN")
        pair = (parts[0], parts[1])
    if not (story or actor or pair):
        fail("give --story ID, --actor X or --dyad A,B")
    if story and (actor or pair or since):
        fail("--story lists one story's window: it takes no --actor, --dyad or --since")
    if offset and not story:
        fail("--offset pages a story's timeline: give --story ID")
    if story and limit is not None and limit > MAX_PAGE:
        fail(f"--limit {limit}: a story's timeline pages at most {MAX_PAGE} items")
    start = date_option(since, "--since")
    with reader_or_server(db) as store:
        if isinstance(store, Remote):
            if story:
                _print_story(_remote_story(store, story, offset, limit or 100), json_out, wide)
            else:
                _print_rows(_remote_rows(store, actor, dyad, start, limit), json_out, wide)
            return
        _need_aggregate(store.con)
        try:
            if story:
                _print_story(_local_story(store.con, story, offset, limit or 100), json_out, wide)
                return
            from ..aggregate.queries import timeline as store_timeline

            rows = [i.to_row() for i in store_timeline(store.con, actor=actor, dyad=pair, since=start, limit=limit)]
        except WirescopeError as exc:
            fail(str(exc))
    _print_rows(rows, json_out, wide)


def _need_aggregate(con: Any) -> None:
    from ..store.aggregate import has_table

    if not has_table(con, "merged_events"):
        fail("this store has no aggregate tables; run `wirescope aggregate` first (it migrates the store)")


def _local_story(con: Any, story: str, offset: int, limit: int) -> StoryRows:
    from ..aggregate.queries import story_timeline

    found = story_timeline(con, story, offset=offset, limit=limit)
    first = offset == 0  # the folded sections belong to the story, shown once with its first page
    window = (found.window[0].isoformat(), found.window[1].isoformat()) if found.window else None
    return StoryRows(found.story_id, window, found.total, offset,
                     [{"section": "window", **i.to_row()} for i in found.items],
                     [{"section": "background", **i.to_row()} for i in found.background] if first else [],
                     [{"section": "undated", **i.to_row()} for i in found.undated] if first else [], limit)


def _remote_story(remote: Remote, story: str, offset: int, limit: int) -> StoryRows:
    """One page of a story's timeline from GET /api/timeline (its rows are those of TimelineItem.to_row)."""
    body = remote.get("/api/timeline", {"story": story, "offset": offset, "limit": limit})
    w = body.get("window")
    window = (str(w[0]), str(w[1])) if w else None
    return StoryRows(body["story_id"], window, int(body["total"]), int(body["offset"]), body["items"],
                     body.get("background", []), body.get("undated", []), limit)


def _remote_rows(remote: Remote, actor: str | None, dyad: str | None, since: date | None,
                 limit: int | None) -> list[dict[str, Any]]:
    """An actor's or a dyad's timeline from GET /api/timeline, page by page (without the API's section: the
    whole timeline is one)."""
    rows = remote.rows("/api/timeline", {"actor": actor, "dyad": dyad, "since": since}, limit)
    return [{k: v for k, v in row.items() if k != "section"} for row in rows]


def _print_rows(rows: list[dict[str, Any]], json_out: bool, wide: bool) -> None:
    if json_out:
        print_rows(rows, True)
        return
    print_rows([line_of(r) for r in rows], False, wide=wide)


def _print_story(found: StoryRows, json_out: bool, wide: bool) -> None:
    """One page of a story's timeline: the items inside its window, then (folded) what lies outside it and the
    undated items. JSON: one line per item with ``section`` (window, background, undated); the background and
    undated items come with the first page only."""
    if json_out:
        print_rows(found.items + found.background + found.undated, True)
        return
    window = f"{found.window[0]} .. {found.window[1]}" if found.window else "no dated article"
    end = found.offset + len(found.items)
    err.print(f"story {found.story_id}, window {window}: items {found.offset + 1 if found.items else 0}-{end} of "
              f"{found.total}" + (f"; next page: --offset {found.next_offset}" if found.next_offset else ""),
              highlight=False, markup=False)
    if found.items:
        print_rows([line_of(r) for r in found.items], False, wide=wide)
    if found.background:
        # folded: what the articles recall or announce, dated outside the story's window, never mixed into it
        err.print(f"background (dated outside the window, folded): {len(found.background)} items, "
                  f"{_span(found.background)}; --json lists them", highlight=False, markup=False)
    if found.undated:
        shown = found.undated[:found.limit]
        more = f", the first {len(shown)} shown (--json lists all)" if len(shown) < len(found.undated) else ""
        Console().print(Text(f"undated ({len(found.undated)}): items of articles without a date{more}", style="bold"))
        print_rows([{**line_of(r), "date": "undated"} for r in shown], False, wide=wide)


def _span(rows: list[dict[str, Any]]) -> str:
    days = sorted(str(r["date"]) for r in rows if r.get("date") is not None)
    return f"{days[0]} .. {days[-1]}" if days else "no dates"


def line_of(row: dict[str, Any]) -> dict[str, Any]:
    """A table line of a timeline row: its date, kind, what happened (or who spoke) and the evidence."""
    if row["kind"] == "event":
        src = row.get("source_name") or row.get("source_code")
        tgt = row.get("target_name") or row.get("target_code")
        what = (f"{row['code']} {src or '?'} -> {tgt or '?'} ({row['num_mentions']} mentions, "
                f"{row['num_sources']} sources)")
        evidence = row["evidence"][0].get("sentence_text") if row.get("evidence") else ""
    else:
        what = f"quote: {row.get('speaker_name') or row.get('speaker_text') or '?'}"
        evidence = row.get("text")
    return {"date": row["date"], "kind": row["kind"], "what": what, "evidence": (evidence or "")[:160]}
