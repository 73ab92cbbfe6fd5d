"""Notifications: after a watch poll has committed and updated the aggregates, tell the watchlists what is new.

``notify_after_poll`` is the one call the watcher makes. In order:

1. **What is new.** The items the watcher took since the last match, by source (``notify_sources``). A source the
   notifier has not seen before is a new source: everything it brought so far is its backlog and is not notified.
   A watchlist only sees items taken after it was created (its own backlog is not notified either).
2. **Match.** Merged events that a new item's article reports, and that the watchlist's filter keeps; escalation
   alerts on a watched dyad that those events drive.
3. **One notification per (watchlist, merged event)**, keyed by a stable id (a hash of watchlist, kind and
   subject). A later report of the same event updates the notification (revision + 1, new evidence) instead of
   making a second one.
4. **Rate cap.** Messages of a watchlist beyond ``max_per_hour`` in the last hour are sent as one digest.
5. **Deliver** through the outbox (table ``notify_outbox``, module ``outbox``), written in the same transaction
   as the notifications, so a delivery that fails is retried at later polls with backoff and a crash loses none:
   webhook (JSON, with an ``Idempotency-Key`` header), e-mail (SMTP). The Atom feed (``atom``) reads the
   notifications table.

Every notification carries its evidence: the reporting sentences with their outlet, link, title, date and the
coding's confidence.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import duckdb

from ..errors import StoreError
from ..store.spec import insert_rows, select_list
from ..store.tables import NOTIFICATIONS, NOTIFY_OUTBOX
from .channels import NotifyConfig, WebhookSender
from .outbox import deliver_pending
from .watchlists import Watchlist, alert_side_matches, dyad_sides, load_watchlists, match_sql

if TYPE_CHECKING:
    from ..config import Settings
    from ..store import Store

log = logging.getLogger("wirescope.notify")
MAX_EVIDENCE = 8  # reporting sentences carried by one notification (the most confident first)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One report of the event: the sentence, who published it where, and how confident its coding is."""

    sentence: str
    outlet: str | None
    url: str | None
    title: str | None
    published: str | None
    confidence: float


@dataclass(frozen=True, slots=True)
class Notification:
    """One row of ``notifications``."""

    id: str
    watchlist: str
    kind: str  # event | alert
    subject: str
    title: str
    summary: str
    link: str | None
    confidence: float | None
    num_reports: int
    num_outlets: int
    evidence: tuple[Evidence, ...]
    revision: int = 1
    digest: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        out = {n: getattr(self, n) for n in NOTIFICATIONS.names}
        out["evidence"] = [_evidence_json(e) for e in self.evidence]
        for k in ("created_at", "updated_at"):
            out[k] = out[k].isoformat() + "Z" if out[k] else None
        return out

    def row(self) -> tuple[Any, ...]:
        values = {n: getattr(self, n) for n in NOTIFICATIONS.names}
        values["evidence"] = json.dumps([_evidence_json(e) for e in self.evidence])
        return NOTIFICATIONS.row(None, **values)


def _evidence_json(e: Evidence) -> dict[str, Any]:
    return {f: getattr(e, f) for f in Evidence.__slots__}


def notification_id(watchlist: str, kind: str, subject: str) -> str:
    return hashlib.sha256(f"{watchlist}\x1f{kind}\x1f{subject}".encode()).hexdigest()[:24]


@dataclass
class NotifyReport:
    """What one call did."""

    created: int = 0
    updated: int = 0
    digests: int = 0
    delivered: int = 0
    failed: int = 0
    new_sources: list[str] = field(default_factory=list)


# -- 1. what is new ----------------------------------------------------------------------------------------------


def _new_items(con: duckdb.DuckDBPyConnection, report: NotifyReport) -> tuple[dict[str, datetime], dict[str, Any]]:
    """Articles of items taken since the last match (article id -> when taken), and the marks to save (source ->
    new checked_through). A source the notifier meets for the first time contributes nothing: what its first
    successful poll brought is its backlog (a source whose polls failed so far is met again later)."""
    rows = con.execute(
        "SELECT w.source, w.articles, w.seen_at FROM watch_items w JOIN notify_sources n ON n.source = w.source "
        "WHERE w.seen_at > n.checked_through"
    ).fetchall()
    waiting = _not_aggregated(con, [a for _, ids, _ in rows for a in ids or ()])
    articles: dict[str, datetime] = {}
    hold: dict[str, datetime] = {}  # source -> the oldest item whose articles the aggregates do not hold yet
    for source, ids, seen in rows:
        if waiting.intersection(ids or ()):
            hold[source] = min(hold.get(source, seen), seen)
            continue
        for aid in ids or ():
            articles[aid] = max(articles.get(aid, seen), seen)
    # Per source: its mark, the newest item, and whether a poll has succeeded (a first poll may bring nothing).
    sources = con.execute(
        "SELECT s.source, n.checked_through, (SELECT max(seen_at) FROM watch_items w WHERE w.source = s.source), "
        "CASE WHEN s.last_poll IS NOT NULL AND s.errors = 0 THEN s.last_poll END, n.source IS NOT NULL "
        "FROM watch_sources s LEFT JOIN notify_sources n ON n.source = s.source"
    ).fetchall()
    marks: dict[str, Any] = {}
    for source, mark, latest, polled, known in sources:
        if not known:
            first = latest or polled
            if first is not None:
                report.new_sources.append(source)
                marks[source] = max(first, latest or first)
        elif source in hold:  # matched again next time (a notification already made is not made twice)
            marks[source] = max(mark, hold[source] - timedelta(microseconds=1))
        elif latest is not None and (mark is None or latest > mark):
            marks[source] = latest
    return articles, marks


def _not_aggregated(con: duckdb.DuckDBPyConnection, ids: list[str]) -> set[str]:
    """The analysed articles among ``ids`` that the aggregates do not hold yet (every analysed article joins a
    story when aggregated): a poll killed before its aggregation leaves such articles behind."""
    if not ids:
        return set()
    rows = con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?)) AND status = 'analysed' AND id NOT IN "
                       "(SELECT article_id FROM story_articles)", [ids]).fetchall()
    return {r[0] for r in rows}


# -- 2. match ----------------------------------------------------------------------------------------------------


def _matching_events(con: duckdb.DuckDBPyConnection, wl: Watchlist, article_ids: list[str]) -> list[str]:
    cond, params = match_sql(wl)
    sql = ("SELECT m.id FROM merged_events m WHERE m.id IN (SELECT event_id FROM event_mentions "
           f"WHERE article_id IN (SELECT unnest(?))) AND ({cond}) ORDER BY m.date NULLS LAST, m.id")
    return [r[0] for r in con.execute(sql, [article_ids, *params]).fetchall()]


def _touched_events(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> set[str]:
    rows = con.execute("SELECT DISTINCT event_id FROM event_mentions WHERE article_id IN (SELECT unnest(?))",
                       [article_ids]).fetchall()
    return {r[0] for r in rows}


def _matching_alerts(con: duckdb.DuckDBPyConnection, wl: Watchlist, touched: set[str]) -> list[tuple[Any, ...]]:
    """Alerts on a watched dyad driven by an event the new items report."""
    if not wl.dyads or not touched:
        return []
    rows = con.execute("SELECT level, source, target, day, index_value, z, driving_events, reason FROM alerts "
                       "ORDER BY day, level, source, target").fetchall()
    out = []
    for row in rows:
        _level, source, target, *_, driving, _reason = row
        if not touched.intersection(driving or ()):
            continue
        for a, b, directed in dyad_sides(wl):
            forward = alert_side_matches(a, source) and alert_side_matches(b, target)
            backward = not directed and alert_side_matches(b, source) and alert_side_matches(a, target)
            if forward or backward:
                out.append(row)
                break
    return out


def _evidence(con: duckdb.DuckDBPyConnection, event_ids: Sequence[str]) -> tuple[list[Evidence], int, int]:
    """The reports of the events (most confident first, at most ``MAX_EVIDENCE``), the number of reporting
    articles and of outlets."""
    rows = con.execute(
        "SELECT em.sentence_text, coalesce(a.source, em.source_key), coalesce(em.url, a.url), a.title, "
        "em.published, em.confidence, em.article_id FROM event_mentions em LEFT JOIN articles a ON a.id = "
        "em.article_id WHERE em.event_id IN (SELECT unnest(?)) AND em.trigger_start >= 0 "
        "ORDER BY em.confidence DESC, em.published NULLS LAST, em.article_id, em.sentence", [list(event_ids)],
    ).fetchall()
    articles = {r[6] for r in rows}
    outlets = {r[1] for r in rows if r[1]}
    evidence = [Evidence(s or "", o, u, t, p.isoformat() if p else None, round(float(c), 4))
                for s, o, u, t, p, c, _ in rows[:MAX_EVIDENCE]]
    return evidence, len(articles), len(outlets)


def _event_notification(con: duckdb.DuckDBPyConnection, wl: Watchlist, event_id: str) -> Notification | None:
    row = con.execute(
        "SELECT code, coalesce(source_name, source_code, source_text), coalesce(target_name, target_code, "
        "target_text), place_name, date, confidence, first_url FROM merged_events WHERE id = ?", [event_id],
    ).fetchone()
    if row is None:
        return None
    code, source, target, place, day, confidence, first_url = row
    evidence, reports, outlets = _evidence(con, [event_id])
    title = _title(code, source, target, place, day)
    summary = evidence[0].sentence if evidence else title
    return Notification(notification_id(wl.name, "event", event_id), wl.name, "event", event_id, title, summary,
                        first_url or next((e.url for e in evidence if e.url), None), round(float(confidence), 4),
                        reports, outlets, tuple(evidence))


def _alert_notification(con: duckdb.DuckDBPyConnection, wl: Watchlist, alert: tuple[Any, ...]) -> Notification:
    level, source, target, day, index, z, driving, reason = alert
    subject = f"{level}:{source}:{target}:{day.isoformat()}"
    evidence, reports, outlets = _evidence(con, list(driving or ()))
    top = con.execute("SELECT max(confidence) FROM merged_events WHERE id IN (SELECT unnest(?))",
                      [list(driving or ())]).fetchone()
    title = f"Escalation alert: {source} → {target} on {day.isoformat()} (index {index:.2f}, z {z:.1f})"
    link = next((e.url for e in evidence if e.url), None)
    confidence = round(float(top[0]), 4) if top and top[0] is not None else None
    return Notification(notification_id(wl.name, "alert", subject), wl.name, "alert", subject, title, reason,
                        link, confidence, reports, outlets, tuple(evidence))


def _title(code: str, source: str | None, target: str | None, place: str | None, day: Any) -> str:
    from ..nlp.resources.cameo import lookup

    found = lookup(code)
    what = f"{found.name.lower()} ({code})" if found else f"CAMEO {code}"
    parts = [source or "someone", what]
    if target:
        parts.append(f"→ {target}")
    if place:
        parts.append(f"in {place}")
    if day:
        parts.append(f"on {day.isoformat()}")
    return " ".join(parts)


# -- 3. one notification per (watchlist, subject) --------------------------------------------------------------


def load_notifications(
    con: duckdb.DuckDBPyConnection, *, watchlist: str | None = None, ids: Sequence[str] | None = None,
    limit: int | None = None,
) -> list[Notification]:
    """Stored notifications, the most recently updated first."""
    sql = f"SELECT {select_list(NOTIFICATIONS)} FROM notifications WHERE TRUE"
    params: list[Any] = []
    if watchlist is not None:
        sql += " AND watchlist = ?"
        params.append(watchlist)
    if ids is not None:
        sql += " AND id IN (SELECT unnest(?))"
        params.append(list(ids))
    sql += " ORDER BY updated_at DESC, id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description or []]
    out = []
    for row in cur.fetchall():
        values = dict(zip(names, row, strict=True))
        values["evidence"] = tuple(Evidence(**e) for e in json.loads(values["evidence"] or "[]"))
        out.append(Notification(**values))
    return out


def _changes(
    con: duckdb.DuckDBPyConnection, wl: Watchlist, found: list[Notification], now: datetime,
) -> tuple[list[Notification], list[Notification]]:
    """(created, updated): new pairs, and known pairs with more reports than when last notified."""
    known = {n.id: n for n in load_notifications(con, ids=[n.id for n in found])}
    created, updated = [], []
    for n in found:
        old = known.get(n.id)
        if old is None:
            created.append(replace(n, created_at=now, updated_at=now))
        elif (n.num_reports, n.num_outlets) != (old.num_reports, old.num_outlets) or n.evidence != old.evidence:
            if n.num_reports < old.num_reports:
                continue  # a report was corrected away: the next new report updates it
            updated.append(replace(n, revision=old.revision + 1, digest=old.digest, created_at=old.created_at,
                                   updated_at=now))
    return created, updated


# -- 4. rate cap and 5. outbox -----------------------------------------------------------------------------------


def _messages(
    con: duckdb.DuckDBPyConnection, wl: Watchlist, created: list[Notification], updated: list[Notification],
    now: datetime, report: NotifyReport,
) -> tuple[list[Notification], list[tuple[Any, ...]]]:
    """The notifications to store (digested ones marked) and the outbox rows, within the watchlist's rate cap."""
    if not (wl.webhook or wl.emails):
        return created + updated, []  # read from the Atom feed only: nothing is pushed, nothing to cap
    row = con.execute("SELECT count(DISTINCT split_part(id, '/', 1)) FROM notify_outbox WHERE watchlist = ? AND "
                      "kind <> 'digest' AND created_at > ?", [wl.name, now - timedelta(hours=1)]).fetchone()
    room = max(0, wl.max_per_hour - (row[0] if row else 0))
    ordered = [("created", n) for n in created] + [("updated", n) for n in updated]
    single, rest = ordered[:room], ordered[room:]
    outbox: list[tuple[Any, ...]] = []
    for kind, n in single:
        outbox += _outbox_rows(wl, f"{n.id}.r{n.revision}", kind, _payload(kind, wl, n), now)
    digest_id = None
    if rest:
        digest_id = "digest-" + hashlib.sha256("\x1f".join(f"{n.id}.r{n.revision}" for _, n in rest).encode()
                                               ).hexdigest()[:24]
        payload = {"type": "digest", "id": digest_id, "watchlist": wl.name, "count": len(rest),
                   "reason": f"more than {wl.max_per_hour} notifications in an hour",
                   "notifications": [dict(_payload(kind, wl, n), type=f"notification.{kind}") for kind, n in rest]}
        outbox += _outbox_rows(wl, digest_id, "digest", payload, now)
        report.digests += 1
    in_digest = {n.id for kind, n in rest if kind == "created"}
    stored = [replace(n, digest=digest_id) if n.id in in_digest else n for n in created] + updated
    return stored, outbox


def _payload(kind: str, wl: Watchlist, n: Notification) -> dict[str, Any]:
    return {"type": f"notification.{kind}", "id": f"{n.id}.r{n.revision}", "watchlist": wl.name,
            "notification": n.to_json()}


def _outbox_rows(wl: Watchlist, key: str, kind: str, payload: dict[str, Any], now: datetime) -> list[tuple[Any, ...]]:
    channels = (["webhook"] if wl.webhook else []) + (["email"] if wl.emails and kind != "updated" else [])
    body = json.dumps(payload, ensure_ascii=False, default=str)
    return [NOTIFY_OUTBOX.row(None, id=f"{key}/{c}", watchlist=wl.name, channel=c, kind=kind, payload=body,
                              status="pending", attempts=0, next_attempt=now, last_error=None, created_at=now,
                              sent_at=None) for c in channels]


def _save(
    con: duckdb.DuckDBPyConnection, notes: list[Notification], outbox: list[tuple[Any, ...]], marks: dict[str, Any],
) -> None:
    """Notifications, outbox rows and the sources' marks in one transaction: all or nothing."""
    con.execute("BEGIN")
    try:
        if notes:
            con.execute("DELETE FROM notifications WHERE id IN (SELECT unnest(?))", [[n.id for n in notes]])
            insert_rows(con, NOTIFICATIONS, [n.row() for n in notes])
        if outbox:
            con.execute("DELETE FROM notify_outbox WHERE id IN (SELECT unnest(?))", [[r[0] for r in outbox]])
            insert_rows(con, NOTIFY_OUTBOX, outbox)
        for source, mark in marks.items():
            con.execute("DELETE FROM notify_sources WHERE source = ?", [source])
            con.execute("INSERT INTO notify_sources VALUES (?, ?)", [source, mark])
        con.execute("COMMIT")
    except Exception as exc:
        con.execute("ROLLBACK")
        if isinstance(exc, duckdb.Error):
            raise StoreError(f"saving notifications failed: {exc}") from exc
        raise


# -- the entry point ---------------------------------------------------------------------------------------------


def match_new(con: duckdb.DuckDBPyConnection, *, now: datetime | None = None) -> NotifyReport:
    """Steps 1-4: match what the watcher took since the last call and queue the messages (no delivery)."""
    now = now or _now()
    report = NotifyReport()
    articles, marks = _new_items(con, report)
    notes: list[Notification] = []
    outbox: list[tuple[Any, ...]] = []
    if articles:
        for wl in load_watchlists(con):
            ids = [a for a, seen in articles.items() if wl.created_at is None or seen > wl.created_at]
            if not ids:
                continue
            found = [n for e in _matching_events(con, wl, ids) if (n := _event_notification(con, wl, e))]
            found += [_alert_notification(con, wl, a) for a in _matching_alerts(con, wl, _touched_events(con, ids))]
            created, updated = _changes(con, wl, found, now)
            report.created += len(created)
            report.updated += len(updated)
            stored, rows = _messages(con, wl, created, updated, now, report)
            notes += stored
            outbox += rows
    if notes or outbox or marks:
        _save(con, notes, outbox, marks)
    if report.created or report.updated:
        log.info("notifications: %d new, %d updated, %d digests", report.created, report.updated, report.digests)
    return report


def notify_after_poll(
    store: Store, settings: Settings, results: Sequence[Any] = (), *,
    lock: AbstractContextManager[object] | None = None, config: NotifyConfig | None = None,
    sender: WebhookSender | None = None,
) -> NotifyReport:
    """The watcher's hook, called after a poll has committed its articles and updated the aggregates (``results``
    are its ``PollResult``s, for the log). ``lock`` is the watcher's write lock, held around each write but not
    while a delivery waits on the network. Never raises for a notification problem: the watch goes on (the
    problem is logged, deliveries are retried at the next poll)."""
    lock = lock or contextlib.nullcontext()
    try:
        with lock:
            report = match_new(store.con)
        report.delivered, report.failed = deliver_pending(store.con, settings, lock=lock, config=config,
                                                          sender=sender)
        return report
    except Exception:  # notifications must never stop the watch
        log.exception("notifications failed after polling %d sources; retried at the next poll", len(results))
        return NotifyReport()
