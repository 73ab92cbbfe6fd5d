"""Watchlists: saved filters over merged events (table ``watchlists``, migration 014_watchlists).

A watchlist names what a user follows: actors, dyads, countries, CAMEO roots or PLOVER classes, places, keywords
and a minimum confidence. Values within one criterion are alternatives (OR); criteria are combined with AND. Where
its notifications go (a webhook URL, e-mail recipients) is stored with it; the secrets they need are not (the
webhook's token is named here and read from the environment or the config file, see ``channels``).

``match_sql`` turns a watchlist into SQL over ``merged_events`` (alias ``m``), reusing the actor clauses of the
event filters, so ``--actor IRN`` means the same in a listing and in a watchlist.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import duckdb

from ..errors import InputError, StoreError
from ..store.filters import actor_condition, iso3
from ..store.spec import insert_rows, select_list
from ..store.tables import WATCHLISTS

DEFAULT_MAX_PER_HOUR = 10
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_DYAD = re.compile(r"\s*([^<>]+?)\s*(>|<>|-|<)\s*([^<>]+?)\s*")
_SECRET = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")
_EMAIL = re.compile(r"[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class Watchlist:
    """A saved filter and where its notifications go (one row of ``watchlists``)."""

    name: str
    actors: tuple[str, ...] = ()
    dyads: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    roots: tuple[str, ...] = ()
    plover: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    min_confidence: float | None = None
    webhook: str | None = None
    webhook_secret: str | None = None
    emails: tuple[str, ...] = ()
    max_per_hour: int = DEFAULT_MAX_PER_HOUR
    created_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["created_at"] = self.created_at.isoformat() if self.created_at else None
        return out

    def public(self) -> Watchlist:
        """As served to anyone who can read the API: where notifications go is shown, not the full webhook address
        (a receiver's path often carries its own token) nor the recipients' addresses."""
        webhook = self.webhook
        if webhook:
            parts = urlsplit(webhook)
            webhook = f"{parts.scheme}://{parts.netloc}/…" if parts.path.strip("/") or parts.query else (
                f"{parts.scheme}://{parts.netloc}/")
        return dataclasses.replace(self, webhook=webhook, emails=tuple(_masked(e) for e in self.emails))

    @property
    def criteria(self) -> tuple[str, ...]:
        """The names of the criteria set."""
        return tuple(n for n in ("actors", "dyads", "countries", "roots", "plover", "places", "keywords",
                                 "min_confidence") if getattr(self, n) not in ((), None))


def _masked(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"{local[:1]}…@{domain}"


def make_watchlist(name: str, **given: Any) -> Watchlist:
    """A checked, normalised watchlist; a bad value raises ``InputError`` naming the criterion and the value."""
    if not _NAME.fullmatch(name or ""):
        raise InputError("name", f"{name!r}: a watchlist name is 1-64 letters, digits, '_', '.' or '-', starting "
                         "with a letter or digit")
    lists = {k: tuple(v.strip() for v in (given.get(k) or ()) if v and v.strip())
             for k in ("actors", "dyads", "countries", "roots", "plover", "places", "keywords", "emails")}
    for dyad in lists["dyads"]:
        _dyad(dyad)
    countries = tuple(_country(c) for c in lists["countries"])
    roots = tuple(_root(r) for r in lists["roots"])
    plover = tuple(p.upper() for p in lists["plover"])
    bad = [e for e in lists["emails"] if not _EMAIL.fullmatch(e)]
    if bad:
        raise InputError("emails", f"not an e-mail address: {', '.join(bad)}")
    min_confidence = given.get("min_confidence")
    if min_confidence is not None and not 0.0 <= float(min_confidence) <= 1.0:
        raise InputError("min_confidence", f"min_confidence must be in [0, 1], not {min_confidence}")
    max_per_hour = int(given.get("max_per_hour") or DEFAULT_MAX_PER_HOUR)
    if not 1 <= max_per_hour <= 10_000:
        raise InputError("max_per_hour", f"max_per_hour must be 1-10000, not {max_per_hour}")
    webhook, secret = given.get("webhook") or None, given.get("webhook_secret") or None
    if webhook:
        _check_webhook(webhook)
    if secret and not _SECRET.fullmatch(secret):
        raise InputError("webhook_secret", f"{secret!r}: give the NAME of a secret (letters, digits, '_'), not its "
                         "value; the value is read from WIRESCOPE_SECRET_<NAME> or the config file")
    wl = Watchlist(
        name, lists["actors"], lists["dyads"], countries, roots, plover, lists["places"], lists["keywords"],
        None if min_confidence is None else float(min_confidence), webhook, secret, lists["emails"], max_per_hour,
        given.get("created_at"),
    )
    if not wl.criteria:
        raise InputError(name, "a watchlist needs at least one criterion (actors, dyads, countries, roots, plover, "
                         "places, keywords or min_confidence); one without any would notify every event")
    return wl


def _country(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{2,3}", value):
        raise InputError("country", f"{value!r}: give an ISO 3166 code, alpha-3 (IRN) or alpha-2 (IR)")
    return iso3(value)


def _root(value: str) -> str:
    if not value.isdigit() or not 1 <= int(value) <= 20:
        raise InputError("roots", f"{value!r} is not a CAMEO root code (01-20)")
    return value.zfill(2)


def _dyad(value: str) -> tuple[str, str, bool]:
    """(source, target, directed) of ``A>B`` (A acts on B), ``A<B`` (B acts on A), ``A-B`` or ``A<>B`` (either)."""
    found = _DYAD.fullmatch(value)
    if not found:
        raise InputError("dyads", f"{value!r}: write a dyad as SOURCE>TARGET (directed) or A-B (either direction), "
                         "e.g. ISR>IRN")
    a, op, b = found.groups()
    if op == "<":
        return b, a, True
    return a, b, op == ">"


def _check_webhook(url: str) -> None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a bad port raises here)
    except ValueError as exc:
        raise InputError("webhook", f"{url[:200]!r} is not a URL: {exc}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError("webhook", f"{url[:200]!r}: a webhook is an http(s) URL with a host")
    if parts.username or parts.password:
        raise InputError("webhook", "the webhook URL carries a user name or password; the store never keeps "
                         "secrets: name one with --webhook-secret and set WIRESCOPE_SECRET_<NAME> instead")


# -- the table ---------------------------------------------------------------------------------------------------


def save_watchlist(con: duckdb.DuckDBPyConnection, wl: Watchlist, *, replace: bool = False) -> Watchlist:
    """Store ``wl`` (created now). An existing name is an error unless ``replace``; a replaced watchlist starts
    afresh: what is stored now is its backlog and is not notified."""
    wl = dataclasses.replace(wl, created_at=_now())
    con.execute("BEGIN")
    try:
        exists = con.execute("SELECT count(*) FROM watchlists WHERE name = ?", [wl.name]).fetchone()
        if exists and exists[0] and not replace:
            raise InputError(wl.name, "a watchlist of this name exists; remove it first or pass --replace")
        con.execute("DELETE FROM watchlists WHERE name = ?", [wl.name])
        insert_rows(con, WATCHLISTS, [WATCHLISTS.row(None, **{n: getattr(wl, n) for n in WATCHLISTS.names})])
        con.execute("COMMIT")
    except Exception as exc:
        con.execute("ROLLBACK")
        if isinstance(exc, duckdb.Error):
            raise StoreError(f"saving watchlist {wl.name} failed: {exc}") from exc
        raise
    return wl


def load_watchlists(con: duckdb.DuckDBPyConnection) -> list[Watchlist]:
    cur = con.execute(f"SELECT {select_list(WATCHLISTS)} FROM watchlists ORDER BY name")
    names = [d[0] for d in cur.description or []]
    out = []
    for row in cur.fetchall():
        values = {n: WATCHLISTS.column(n).codec.decode(v) for n, v in zip(names, row, strict=True)}
        out.append(Watchlist(**values))
    return out


def remove_watchlist(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Remove the watchlist, its notifications and its undelivered messages; False when there is none."""
    found = con.execute("SELECT count(*) FROM watchlists WHERE name = ?", [name]).fetchone()
    if not found or not found[0]:
        return False
    con.execute("BEGIN")
    try:
        for table in ("watchlists", "notifications", "notify_outbox"):
            column = "name" if table == "watchlists" else "watchlist"
            con.execute(f"DELETE FROM {table} WHERE {column} = ?", [name])
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"removing watchlist {name} failed: {exc}") from exc
    return True


# -- matching --------------------------------------------------------------------------------------------------


def match_sql(wl: Watchlist) -> tuple[str, list[Any]]:
    """A condition over ``merged_events m`` (with ``event_mentions`` and ``events`` for PLOVER classes and
    keywords) that the merged events the watchlist follows meet."""
    conds: list[str] = []
    params: list[Any] = []

    def any_of(parts: Sequence[tuple[str, list[Any]]]) -> None:
        if parts:
            conds.append(" OR ".join(f"({c})" for c, _ in parts))
            params.extend(p for _, ps in parts for p in ps)

    any_of([_either(a) for a in wl.actors])
    any_of([_dyad_condition(d) for d in wl.dyads])
    any_of([("m.source_country = ? OR m.target_country = ? OR m.place_country3 = ?", [c, c, c])
            for c in wl.countries])
    any_of([("m.root_code = ?", [r]) for r in wl.roots])
    if wl.plover:
        conds.append("EXISTS (SELECT 1 FROM event_mentions em JOIN events e ON e.article_id = em.article_id "
                     "AND e.sentence = em.sentence AND e.code = em.code WHERE em.event_id = m.id "
                     f"AND upper(e.plover) IN ({', '.join('?' * len(wl.plover))}))")
        params.extend(wl.plover)
    any_of([_place(p) for p in wl.places])
    if wl.keywords:
        words = " OR ".join("contains(lower(coalesce(em.sentence_text, '') || ' ' || coalesce(a.title, '')), ?)"
                            for _ in wl.keywords)
        conds.append("EXISTS (SELECT 1 FROM event_mentions em LEFT JOIN articles a ON a.id = em.article_id "
                     f"WHERE em.event_id = m.id AND ({words}))")
        params.extend(k.lower() for k in wl.keywords)
    if wl.min_confidence is not None:
        conds.append("m.confidence >= ?")
        params.append(wl.min_confidence)
    return " AND ".join(f"({c})" for c in conds) or "TRUE", params


def _either(value: str) -> tuple[str, list[Any]]:
    s_cond, s_params = actor_condition("source", value, "m.")
    t_cond, t_params = actor_condition("target", value, "m.")
    return f"({s_cond}) OR ({t_cond})", [*s_params, *t_params]


def _dyad_condition(value: str) -> tuple[str, list[Any]]:
    a, b, directed = _dyad(value)
    forward = [actor_condition("source", a, "m."), actor_condition("target", b, "m.")]
    cond = f"({forward[0][0]}) AND ({forward[1][0]})"
    params = [*forward[0][1], *forward[1][1]]
    if not directed:
        back = [actor_condition("source", b, "m."), actor_condition("target", a, "m.")]
        cond = f"({cond}) OR (({back[0][0]}) AND ({back[1][0]}))"
        params += [*back[0][1], *back[1][1]]
    return cond, params


def _place(value: str) -> tuple[str, list[Any]]:
    if value.isdigit():
        return "m.place_geonameid = ?", [int(value)]
    return "contains(lower(coalesce(m.place_name, '')), lower(?))", [value]


def dyad_sides(wl: Watchlist) -> list[tuple[str, str, bool]]:
    """The watched dyads as (source, target, directed)."""
    return [_dyad(d) for d in wl.dyads]


def alert_side_matches(side: str, alert_value: str) -> bool:
    """Whether a dyad side as written in a watchlist (ISO3, actor code prefix or name part) names an alert's side
    (an ISO3 country at country level, an actor code or name at actor level)."""
    if re.fullmatch(r"[A-Z0-9]{3,}", side):
        return alert_value.upper().startswith(side)
    return side.lower() in alert_value.lower()
