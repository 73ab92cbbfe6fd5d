"""Typed reads of the aggregate tables: stories, merged events with their mentions, timelines, the escalation
index and alerts. Rows become the aggregation's records through the tables' specs (:mod:`.tables`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import duckdb

from ..errors import StoreError
from ..nlp.timex.window import window
from ..records import Quote
from ..store.aggregate import load_story_members
from ..store.filters import EventFilter, Where, event_where
from ..store.spec import TableSpec, select_list
from ..store.tables import QUOTES
from .escalation import Alert, DyadDay
from .merge import EventMention, MergedEvent
from .story_records import Story
from .tables import ALERTS, ESCALATION, EVENT_MENTIONS, MERGED_EVENTS, STORIES


def _records(con: duckdb.DuckDBPyConnection, spec: TableSpec, where: Where, order: str, limit: int | None) -> list[Any]:
    sql = f"SELECT {select_list(spec, 't')} FROM {spec.name} t{where.sql()} ORDER BY {order}"
    if limit:
        sql += f" LIMIT {int(limit)}"
    cur = con.execute(sql, where.params)
    return spec.records([d[0] for d in cur.description or []], cur.fetchall())


def _with_members(con: duckdb.DuckDBPyConnection, stories: list[Story]) -> list[Story]:
    members = load_story_members(con)
    return [replace(st, article_ids=tuple(aid for aid, _, _ in members.get(st.id, []))) for st in stories]


def query_stories(
    con: duckdb.DuckDBPyConnection, *, since: date | None = None, min_size: int = 1, limit: int | None = None
) -> list[Story]:
    """Stories with at least ``min_size`` articles (last one on or after ``since``), biggest first."""
    where = Where(["t.size >= ?"], [min_size])
    if since:
        where.add("t.last_date >= ?", since)
    found = _records(con, STORIES, where, "t.size DESC, t.last_date DESC NULLS LAST, t.id", limit)
    return _with_members(con, found)


@dataclass(frozen=True, slots=True)
class StoryMember:
    """An article of a story, with how it joined."""

    id: str
    title: str | None
    published: date | None
    source: str | None
    score: float  # similarity to the story when the article joined it
    started: bool  # the article started the story


@dataclass(frozen=True, slots=True)
class StoryDetail:
    story: Story
    articles: tuple[StoryMember, ...]


def story_detail(con: duckdb.DuckDBPyConnection, story_id: str) -> StoryDetail | None:
    """One story (by id or unique id prefix) with its articles, oldest first."""
    found = _records(con, STORIES, Where(["starts_with(t.id, ?)"], [story_id]), "t.id", 2)
    if len(found) != 1:
        return None
    (story,) = _with_members(con, found)
    rows = con.execute(
        "SELECT a.id, a.title, a.published, a.source, s.score, s.started FROM story_articles s "
        "JOIN articles a ON a.id = s.article_id WHERE s.story_id = ? ORDER BY a.published NULLS LAST, a.id",
        [story.id],
    ).fetchall()
    return StoryDetail(story, tuple(StoryMember(*row) for row in rows))


def query_merged_events(
    con: duckdb.DuckDBPyConnection,
    *,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    story: str | None = None,
    since: date | None = None,
    until: date | None = None,
    root: str | None = None,
    min_sources: int = 1,
    limit: int | None = None,
) -> list[MergedEvent]:
    """Merged events, oldest first (without their mentions: :func:`event_mentions`). ``actor`` matches either side,
    ``dyad`` (a, b) source a and target b, in that direction (a dyad names countries such as IRN or code prefixes;
    an actor may also be a part of a name; see :class:`~wirescope.store.filters.EventFilter`); ``root`` a CAMEO
    root ("19") or, longer, a code prefix."""
    f = EventFilter(
        actor=actor, source=dyad[0].upper() if dyad else None, target=dyad[1].upper() if dyad else None,
        since=since, until=until,
        root=root if root and len(root) <= 2 else None, code=root if root and len(root) > 2 else None,
    )
    where = event_where(f, alias="t.")
    where.add("t.num_sources >= ?", min_sources)
    if story:
        where.add(
            "t.id IN (SELECT m.event_id FROM event_mentions m JOIN story_articles s ON s.article_id = m.article_id "
            "WHERE starts_with(s.story_id, ?))",
            story,
        )
    return _records(con, MERGED_EVENTS, where, "t.date NULLS LAST, t.num_mentions DESC, t.id", limit)


def event_mentions(con: duckdb.DuckDBPyConnection, event_ids: Sequence[str]) -> dict[str, list[EventMention]]:
    """The mentions (reporting sentences) of each merged event, oldest publication first."""
    if not event_ids:
        return {}
    where = Where(["t.event_id IN (SELECT unnest(?))"], [list(event_ids)])
    out: dict[str, list[EventMention]] = defaultdict(list)
    for m in _records(con, EVENT_MENTIONS, where, "t.published NULLS LAST, t.article_id, t.sentence", None):
        out[m.event_id].append(m)
    return dict(out)


@dataclass(frozen=True, slots=True)
class QuoteInArticle:
    """A quotation with the article it is from."""

    quote: Quote
    published: date | None
    title: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One line of a timeline: a merged event (with its mentions as evidence) or a quotation."""

    date: date | None
    event: MergedEvent | None = None
    quote: QuoteInArticle | None = None

    @property
    def kind(self) -> str:
        return "event" if self.event is not None else "quote"

    def to_row(self) -> dict[str, Any]:
        """The event as its merged_events row with its mentions as evidence, or the quotation as its quotes row with
        its article's title and address: the rows of `wirescope timeline --json` and of GET /api/timeline."""
        if self.event is not None:
            evidence = [_spec_row(EVENT_MENTIONS, m) for m in self.event.mentions]
            return {"kind": "event", "date": self.date, **_spec_row(MERGED_EVENTS, self.event), "evidence": evidence}
        assert self.quote is not None
        q = self.quote
        return {"kind": "quote", "date": self.date, "title": q.title, "url": q.url,
                **_spec_row(QUOTES, q.quote, idx=None)}


def _spec_row(spec: TableSpec, record: Any, **context: Any) -> dict[str, Any]:
    return dict(zip(spec.names, spec.row(record, **context), strict=True))


def timeline(
    con: duckdb.DuckDBPyConnection,
    *,
    story: str | None = None,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    since: date | None = None,
    with_quotes: bool = True,
    limit: int | None = None,
) -> list[TimelineItem]:
    """Ordered events (with their mentions as evidence) and quotations of a story, an actor or a dyad, undated items
    last. A story's timeline keeps to the story's window (:func:`story_timeline` gives the background folded)."""
    if not (story or actor or dyad):
        raise StoreError("timeline needs a story id, an actor or a dyad")
    events = query_merged_events(con, actor=actor, dyad=dyad, story=story, since=since)
    evidence = event_mentions(con, [e.id for e in events])
    items = [TimelineItem(e.date, event=replace(e, mentions=tuple(evidence.get(e.id, ())))) for e in events]
    if with_quotes:
        items += [TimelineItem(q.published, quote=q) for q in _quotes(con, story, actor or (dyad or ("",))[0], since)]
    items.sort(key=lambda x: (x.date is None, x.date or date.min, x.kind))
    if story:
        bounds = _story_window(con, story)
        items = [i for i in items if i.date is None or bounds is None or bounds[0] <= i.date <= bounds[1]]
    return items[:limit] if limit else items


@dataclass(frozen=True, slots=True)
class StoryTimeline:
    """A story's timeline, one page of it: the items inside the story's window oldest first, the background (dated
    outside it: what the articles recall or announce) folded apart, and the items of undated articles flagged."""

    story_id: str
    window: tuple[date, date] | None  # the union of its articles' windows; None when no article is dated
    items: tuple[TimelineItem, ...]  # this page
    total: int  # items inside the window, all pages
    offset: int
    background: tuple[TimelineItem, ...]
    undated: tuple[TimelineItem, ...]

    @property
    def next_offset(self) -> int | None:
        end = self.offset + len(self.items)
        return end if end < self.total else None


def story_timeline(con: duckdb.DuckDBPyConnection, story: str, *, offset: int = 0, limit: int = 100,
                   with_quotes: bool = True) -> StoryTimeline:
    """The timeline of one story (id or unique prefix), paged by ``offset`` and ``limit`` (1-1000)."""
    if offset < 0 or not 1 <= limit <= 1000:
        raise StoreError(f"timeline page: offset must be >= 0 and limit 1-1000, not {offset} and {limit}")
    found = _records(con, STORIES, Where(["starts_with(t.id, ?)"], [story]), "t.id", 2)
    if len(found) != 1:
        raise StoreError(f"no story {story!r}" if not found else f"story id prefix {story!r} is ambiguous")
    sid = found[0].id
    items = _story_items(con, sid, with_quotes)
    bounds = _story_window(con, sid)
    inside, outside, undated = [], [], []
    for item in items:
        if item.date is None:
            undated.append(item)
        elif bounds is None or bounds[0] <= item.date <= bounds[1]:
            inside.append(item)
        else:
            outside.append(item)
    page = tuple(inside[offset:offset + limit])
    return StoryTimeline(sid, bounds, page, len(inside), offset, tuple(outside), tuple(undated))


def _story_items(con: duckdb.DuckDBPyConnection, story_id: str, with_quotes: bool) -> list[TimelineItem]:
    events = query_merged_events(con, story=story_id)
    evidence = event_mentions(con, [e.id for e in events])
    items = [TimelineItem(e.date, event=replace(e, mentions=tuple(evidence.get(e.id, ())))) for e in events]
    if with_quotes:
        items += [TimelineItem(q.published, quote=q) for q in _quotes(con, story_id, None, None)]
    items.sort(key=lambda x: (x.date is None, x.date or date.min, x.kind))
    return items


def _story_window(con: duckdb.DuckDBPyConnection, story: str) -> tuple[date, date] | None:
    """The union of the windows of a story's dated articles (:mod:`wirescope.nlp.timex.window`): from 60 days before
    its first article to 2 days after its last."""
    row = con.execute(
        "SELECT min(a.published), max(a.published) FROM story_articles s JOIN articles a ON a.id = s.article_id "
        "WHERE starts_with(s.story_id, ?)", [story],
    ).fetchone()
    if row is None or row[0] is None:
        return None
    return window(row[0])[0], window(row[1])[1]


def _quotes(
    con: duckdb.DuckDBPyConnection, story: str | None, speaker: str | None, since: date | None
) -> list[QuoteInArticle]:
    where = Where([], [])
    if story:
        where.add("t.article_id IN (SELECT article_id FROM story_articles WHERE starts_with(story_id, ?))", story)
    if speaker:
        like = f"%{speaker.lower()}%"
        where.add(
            "lower(coalesce(t.speaker_name, '')) LIKE ? OR lower(coalesce(t.speaker_text, '')) LIKE ? "
            "OR lower(coalesce(t.speaker_code, '')) LIKE ? OR starts_with(upper(coalesce(t.speaker_code, '')), ?)",
            like, like, like, speaker.upper(),
        )
    if since:
        where.add("a.published >= ?", since)
    cur = con.execute(
        f"SELECT {select_list(QUOTES, 't')}, a.published, a.title, a.url FROM quotes t "
        f"JOIN articles a ON a.id = t.article_id{where.sql()} ORDER BY a.published NULLS LAST, t.article_id, t.idx",
        where.params,
    )
    names = [d[0] for d in cur.description or []]
    out = []
    for values in cur.fetchall():
        row = dict(zip(names, values, strict=True))
        out.append(QuoteInArticle(QUOTES.record_of(row), row["published"], row["title"], row["url"]))
    return out


def query_escalation(
    con: duckdb.DuckDBPyConnection, source: str, target: str, *, level: str | None = None, since: date | None = None
) -> list[DyadDay]:
    """The stored daily index of a directed dyad (level ``country`` for two ISO3 codes unless given)."""
    lvl = level or ("country" if len(source) == 3 and len(target) == 3 else "actor")
    where = Where(["t.level = ?", "upper(t.source) = ?", "upper(t.target) = ?"], [lvl, source.upper(), target.upper()])
    if since:
        where.add("t.day >= ?", since)
    return _records(con, ESCALATION, where, "t.day", None)


def query_alerts(
    con: duckdb.DuckDBPyConnection, *, since: date | None = None, actor: str | None = None, limit: int | None = None
) -> list[Alert]:
    """Alerts, newest first; ``actor`` a country or actor code on either side."""
    where = Where([], [])
    if since:
        where.add("t.day >= ?", since)
    if actor:
        where.add("upper(t.source) = ? OR upper(t.target) = ?", actor.upper(), actor.upper())
    return _records(con, ALERTS, where, "t.day DESC, t.index_value DESC", limit)
