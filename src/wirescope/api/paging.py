"""Keyset (cursor) pagination and whole-set downloads for filtered queries.

A query is a SELECT list, a FROM clause, filter conditions and an ordering by keys that never are NULL. A page
fetches ``limit + 1`` rows after the cursor; the cursor is the last row's key values, so paging stays fast and
stable however deep it goes, and there is no cap on how many rows a client can walk through.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from typing import Any

import duckdb

from .errors import ApiError

MAX_PAGE = 10_000
LOOKUP_KEYS = 1000  # keys looked up one by one in an index at most; more are matched by a scan


@dataclass(frozen=True, slots=True)
class Key:
    """One ordering key: a SQL expression that is never NULL (wrap in coalesce). ``cast`` names the SQL type the
    cursor's value is cast back to (cursors hold JSON strings and numbers), e.g. DATE."""

    expr: str
    desc: bool = False
    cast: str | None = None
    # The same order over a plain column, for ORDER BY: DuckDB's top-N skips the row groups that cannot reach the
    # page when it orders by a column, not by an expression (a newest-first page: ~8 ms instead of ~100 ms at a
    # million events).
    order: str | None = None

    def param(self) -> str:
        return f"CAST(? AS {self.cast})" if self.cast else "?"


@dataclass(frozen=True, slots=True)
class Lookup:
    """Columns fetched from another table for the rows of a page (by key, after the page is cut): one indexed
    lookup per page instead of a join over every candidate row. ``columns`` are (SQL on alias ``lk``, name)."""

    table: str
    on: str  # the item field holding the key
    key: str  # the looked-up table's key column
    columns: tuple[tuple[str, str], ...]

    def join(self) -> str:
        return f'LEFT JOIN "{self.table}" lk ON lk."{self.key}" = p."{self.on}"'

    def select(self) -> str:
        return ", ".join(f'{expr} AS "{name}"' for expr, name in self.columns)

    def apply(self, cur: duckdb.DuckDBPyConnection, items: list[dict[str, Any]]) -> None:
        keys = sorted({item[self.on] for item in items if item.get(self.on) is not None})
        found: dict[Any, tuple[Any, ...]] = {}
        if keys:
            # A list of values is looked up in the key's index (a page's articles: ~3 ms at 200,000 articles);
            # = ANY(list) scans the table (~20 ms). Past a thousand keys the scan is the cheaper of the two.
            few = len(keys) <= LOOKUP_KEYS
            match = f"IN ({', '.join('?' * len(keys))})" if few else "= ANY(?)"
            rows = cur.execute(
                f'SELECT lk."{self.key}", {self.select()} FROM "{self.table}" lk WHERE lk."{self.key}" {match}',
                keys if few else [keys],
            ).fetchall()
            found = {row[0]: row[1:] for row in rows}
        for item in items:
            values = found.get(item.get(self.on), (None,) * len(self.columns))
            item.update({name: v for (_, name), v in zip(self.columns, values, strict=True)})


@dataclass(slots=True)
class Query:
    select: str
    from_: str
    keys: tuple[Key, ...]
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    from_params: list[Any] = field(default_factory=list)  # for placeholders inside ``from_`` (subqueries)
    lookup: Lookup | None = None
    # A row locator of the base table (``t.rowid``): pages are then found on the key columns alone and only the
    # page's rows are read in full (late materialisation), several times faster on wide tables.
    locator: str | None = None

    def add(self, condition: str, *params: Any) -> None:
        self.where.append(condition)
        self.params.extend(params)

    def where_sql(self, extra: list[str] | None = None) -> str:
        conds = [*self.where, *(extra or [])]
        return (" WHERE " + " AND ".join(f"({c})" for c in conds)) if conds else ""

    def order_sql(self) -> str:
        return ", ".join(k.order or f"{k.expr} {'DESC' if k.desc else 'ASC'}" for k in self.keys)

    def all_params(self, extra: list[Any] | None = None) -> list[Any]:
        return [*self.from_params, *self.params, *(extra or [])]

    def full_sql(self) -> str:
        """The whole filtered set, in page order (for downloads)."""
        keys = ", ".join(f"{k.expr} AS _k{i}" for i, k in enumerate(self.keys))
        inner = f"SELECT {self.select}, {keys} FROM {self.from_}{self.where_sql()}"
        return self.outer_sql(inner)

    def outer_sql(self, inner: str, *, keys_last: bool = False) -> str:
        """Rows of ``inner`` (with its key columns ``_k0``...) joined as configured, in key order; with
        ``keys_last`` the key values end each row (to read the next cursor off the last one)."""
        order = ", ".join(f"p._k{i} {'DESC' if k.desc else 'ASC'}" for i, k in enumerate(self.keys))
        names = ", ".join(f"_k{i}" for i in range(len(self.keys)))
        extra = f", {self.lookup.select()}" if self.lookup and not keys_last else ""
        join = self.lookup.join() if self.lookup and not keys_last else ""
        tail = ", " + ", ".join(f"p._k{i}" for i in range(len(self.keys))) if keys_last else ""
        return f"SELECT p.* EXCLUDE ({names}){extra}{tail} FROM ({inner}) p {join} ORDER BY {order}"


def encode_cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, n: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        values = None
    if (
        not isinstance(values, list)
        or len(values) != n
        or not all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in values)
    ):
        raise ApiError(400, "bad_cursor", "the cursor is not one this endpoint issued; start again without a cursor")
    return values


def newest_first(date_expr: str) -> Key:
    """An ascending integer key that orders a DATE expression newest first (NULL dates last); pages are ordered by
    the date itself (descending, NULL last: the same order), which lets DuckDB skip row groups."""
    return Key(f"(DATE '9999-12-31' - coalesce({date_expr}, DATE '0001-01-01'))", order=f"{date_expr} DESC NULLS LAST")


def largest_first(number_expr: str) -> Key:
    """An ascending key that orders a number largest first (NULL last)."""
    return Key(f"(-coalesce({number_expr}, -1e308))")


def _after(keys: tuple[Key, ...], values: list[Any]) -> tuple[str, list[Any]]:
    """SQL for 'the row sorts after these key values'. Keys all in one direction compare as one row value, which
    DuckDB evaluates about as fast as no filter; mixed directions need an OR chain (several times slower)."""
    if len({k.desc for k in keys}) == 1:
        left = ", ".join(k.expr for k in keys)
        right = ", ".join(k.param() for k in keys)
        return f"({left}) {'<' if keys[0].desc else '>'} ({right})", list(values)
    ors, params = [], []
    for i, key in enumerate(keys):
        parts = []
        for prev, value in zip(keys[:i], values[:i], strict=True):
            parts.append(f"{prev.expr} = {prev.param()}")
            params.append(value)
        parts.append(f"{key.expr} {'<' if key.desc else '>'} {key.param()}")
        params.append(values[i])
        ors.append("(" + " AND ".join(parts) + ")")
    return " OR ".join(ors), params


def fetch_page(cur: duckdb.DuckDBPyConnection, query: Query, *, limit: int, cursor: str | None) -> dict[str, Any]:
    if limit < 1 or limit > MAX_PAGE:
        raise ApiError(400, "bad_limit", f"limit must be between 1 and {MAX_PAGE}; follow next_cursor for more rows")
    if not cursor:
        return _fetch_page(cur, query, limit=limit, cursor=None)
    try:
        return _fetch_page(cur, query, limit=limit, cursor=cursor)
    except (duckdb.BinderException, duckdb.ConversionException, duckdb.InvalidInputException,
            duckdb.OutOfRangeException, duckdb.TypeMismatchException, OverflowError) as exc:
        # A crafted cursor holds values of the wrong type or range for the keys: the client's error, said
        # without echoing the SQL it broke.
        raise ApiError(400, "bad_cursor", "the cursor is not one this endpoint issued; start again without a "
                       "cursor") from exc


def _fetch_page(
    cur: duckdb.DuckDBPyConnection, query: Query, *, limit: int, cursor: str | None
) -> dict[str, Any]:
    extra: list[str] = []
    cond_params: list[Any] = []
    if cursor:
        cond, cond_params = _after(query.keys, decode_cursor(cursor, len(query.keys)))
        extra.append(cond)
    params = query.all_params(cond_params)
    key_cols = ", ".join(f"{k.expr} AS _k{i}" for i, k in enumerate(query.keys))
    if query.locator:
        return _late_page(cur, query, extra, params, key_cols, limit)
    inner = (
        f"SELECT {query.select}, {key_cols} FROM {query.from_}{query.where_sql(extra)} "
        f"ORDER BY {query.order_sql()} LIMIT {limit + 1}"
    )
    res = cur.execute(query.outer_sql(inner, keys_last=True), params)
    names = [d[0] for d in res.description or []]
    rows = res.fetchall()
    nkeys = len(query.keys)
    items = [dict(zip(names[:-nkeys], row[:-nkeys], strict=True)) for row in rows[:limit]]
    next_cursor = None
    if len(rows) > limit:
        next_cursor = encode_cursor([_plain(v) for v in rows[limit - 1][-nkeys:]])
    if query.lookup:
        query.lookup.apply(cur, items)
    return {"items": items, "next_cursor": next_cursor, "limit": limit}


def _plain(value: Any) -> Any:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return value
    return str(value)


ROW_GROUP = 122_880  # rows per DuckDB row group: a range of row ids inside one is read without the others


def _fetch_sql(query: Query, rids: list[int]) -> tuple[str, list[Any]]:
    """SQL reading a page's rows in full by their row ids. A list of ids alone makes DuckDB read every column of
    every row; each run of nearby ids (no two a row group apart) is also given as a range, which DuckDB skips to,
    so a page of rows stored together (the newest articles' events, one article's events) reads a row group or
    two instead of the table."""
    ordered = sorted(rids)
    runs: list[list[int]] = [[ordered[0]]]
    for rid in ordered[1:]:
        if rid - runs[-1][-1] > ROW_GROUP:
            runs.append([rid])
        else:
            runs[-1].append(rid)
    parts, params = [], []
    for run in runs:
        parts.append(f"SELECT {query.select}, {query.locator} AS _rid FROM {query.from_} "
                     f"WHERE {query.locator} BETWEEN ? AND ? AND {query.locator} = ANY(?::BIGINT[])")
        params += [*query.from_params, run[0], run[-1], run]
    return " UNION ALL ".join(parts), params


def rows_by_id(cur: duckdb.DuckDBPyConnection, query: Query, rids: list[int]) -> list[dict[str, Any]]:
    """The rows of ``query`` (its select, over its base table with ``locator``) with these row ids, in no order,
    with the lookup's columns added."""
    items = list(_rows_by_rid(cur, query, rids).values())
    if query.lookup:
        query.lookup.apply(cur, items)
    return items


def _rows_by_rid(cur: duckdb.DuckDBPyConnection, query: Query, rids: list[int]) -> dict[int, dict[str, Any]]:
    """The rows of ``query`` with these row ids, keyed by row id (without the lookup's columns)."""
    if not rids:
        return {}
    fetch_sql, fetch_params = _fetch_sql(query, rids)
    res = cur.execute(fetch_sql, fetch_params)
    names = [d[0] for d in res.description or []]
    at = names.index("_rid")
    return {row[at]: {n: v for i, (n, v) in enumerate(zip(names, row, strict=True)) if i != at}
            for row in res.fetchall()}


def _late_page(
    cur: duckdb.DuckDBPyConnection, query: Query, extra: list[str], params: list[Any], key_cols: str, limit: int
) -> dict[str, Any]:
    cur.begin()  # one snapshot for both steps, so row locators stay valid even while a writer commits
    try:
        found = cur.execute(
            f"SELECT {query.locator} AS _rid, {key_cols} FROM {query.from_}{query.where_sql(extra)} "
            f"ORDER BY {query.order_sql()} LIMIT {limit + 1}",
            params,
        ).fetchall()
        rids = [row[0] for row in found[:limit]]
        by_rid = _rows_by_rid(cur, query, rids)
        items = [by_rid[rid] for rid in rids if rid in by_rid]
        if query.lookup:
            query.lookup.apply(cur, items)
    finally:
        cur.rollback()
    next_cursor = encode_cursor([_plain(v) for v in found[limit - 1][1:]]) if len(found) > limit else None
    return {"items": items, "next_cursor": next_cursor, "limit": limit}
