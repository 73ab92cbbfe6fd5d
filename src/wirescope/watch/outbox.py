"""The outbox of notifications (table ``notify_outbox``): deliveries by webhook and e-mail, retried with backoff.

Messages are queued in the same transaction as the notifications they carry (``notify.match_new``), then sent
here: a delivery that fails waits for a later poll (30 s, 60 s, ... up to an hour apart, ``MAX_ATTEMPTS`` in all), a
restart loses none, and a message's key (its ``Idempotency-Key``) stays the same at every attempt. A refusal by the
address policy, an authentication failure or a 4xx answer other than 408/425/429 is final.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import duckdb

from .channels import NotifyConfig, Outcome, WebhookSender, send_mail
from .watchlists import Watchlist, load_watchlists

if TYPE_CHECKING:
    from ..config import Settings
    from ..ingest.netpolicy import AddressPolicy

log = logging.getLogger("wirescope.notify")
MAX_ATTEMPTS = 8  # deliveries tried this many times (at growing intervals) before they are marked failed
RETRY_BASE = 30.0  # seconds before the first retry of a failed delivery at a later poll; doubles each time
MAX_DELIVERIES = 100  # deliveries attempted per call, so a long outage cannot hold a poll for long
DELIVERY_BUDGET = 60.0  # seconds of deliveries per call; the rest wait for the next poll


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _policy(settings: Settings) -> AddressPolicy:
    from ..ingest.netpolicy import AddressPolicy

    return AddressPolicy(allow_private=settings.allow_private_addresses)


def deliver_pending(
    con: duckdb.DuckDBPyConnection, settings: Settings, *, lock: AbstractContextManager[object] | None = None,
    config: NotifyConfig | None = None, sender: WebhookSender | None = None, now: datetime | None = None,
) -> tuple[int, int]:
    """Send the outbox's due deliveries; (delivered, failed for good). ``lock`` is held while recording each."""
    lock = lock or contextlib.nullcontext()
    now = now or _now()
    rows = con.execute(
        "SELECT o.id, o.watchlist, o.channel, o.kind, o.payload, o.attempts FROM notify_outbox o "
        "WHERE o.status = 'pending' AND (o.next_attempt IS NULL OR o.next_attempt <= ?) "
        f"ORDER BY o.created_at, o.id LIMIT {MAX_DELIVERIES}", [now],
    ).fetchall()
    if not rows:
        return 0, 0
    config = config or NotifyConfig.load()
    lists = {wl.name: wl for wl in load_watchlists(con)}
    own = sender is None
    sender = sender or WebhookSender(_policy(settings))
    delivered = failed = 0
    budget = time.monotonic() + DELIVERY_BUDGET
    try:
        for oid, name, channel, kind, payload, attempts in rows:
            if time.monotonic() > budget:
                break  # the rest stay pending for the next poll: slow receivers must not hold the watch
            wl = lists.get(name)
            try:
                outcome = (Outcome(False, "the watchlist is gone", permanent=True) if wl is None
                           else _deliver(wl, channel, kind, oid.split("/")[0], payload, config, sender, settings))
            except Exception as exc:  # one bad message is that message's failure; the others go out
                log.exception("delivering %s failed", oid)
                outcome = Outcome(False, f"unexpected error: {type(exc).__name__}: {exc}")
            with lock:
                done = _record(con, oid, outcome, attempts + 1)
            delivered += outcome.ok
            failed += done and not outcome.ok
    finally:
        if own:
            sender.close()
    return delivered, failed


def _deliver(
    wl: Watchlist, channel: str, kind: str, key: str, payload: str, config: NotifyConfig, sender: WebhookSender,
    settings: Settings,
) -> Outcome:
    if channel == "webhook":
        if not wl.webhook:
            return Outcome(False, "the watchlist has no webhook any more", permanent=True)
        return sender.send(wl.webhook, payload.encode(), key, kind, config.secret(wl.webhook_secret))
    if config.smtp is None:
        return Outcome(False, "no SMTP server configured (WIRESCOPE_SMTP_HOST or [smtp] in the config file)")
    if not wl.emails:
        return Outcome(False, "the watchlist has no e-mail recipients any more", permanent=True)
    from .atom import mail_text

    subject, body = mail_text(json.loads(payload))
    return send_mail(config.smtp, _policy(settings), wl.emails, subject, body, key)


def _record(con: duckdb.DuckDBPyConnection, oid: str, outcome: Outcome, attempts: int) -> bool:
    """Save the attempt; True when the delivery is finished (sent, or failed for good)."""
    now = _now()
    if outcome.ok:
        con.execute("UPDATE notify_outbox SET status = 'sent', attempts = ?, sent_at = ?, last_error = NULL "
                    "WHERE id = ?", [attempts, now, oid])
        return True
    final = outcome.permanent or attempts >= MAX_ATTEMPTS
    later = None if final else now + timedelta(seconds=min(RETRY_BASE * 2 ** (attempts - 1), 3600.0))
    con.execute("UPDATE notify_outbox SET status = ?, attempts = ?, next_attempt = ?, last_error = ? WHERE id = ?",
                ["failed" if final else "pending", attempts, later, outcome.error, oid])
    log.warning("delivery %s %s: %s", oid, "failed for good" if final else "failed, retried later", outcome.error)
    return final
