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


@dataclass(frozen=True, slots=True)
class Key:
    """One ordering key: a SQL expression giving VARCHAR, integer or double, never NULL (wrap in coalesce)."""

    expr: str
    desc: bool = False


@dataclass(slots=True)
class Query:
    select: str
    from_: str
    keys: tuple[Key, ...]
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    from_params: list[Any] = field(default_factory=list)  # for placeholders inside ``from_`` (subqueries)

    def add(self, condition: str, *params: Any) -> None:
        self.where.append(condition)
        self.params.extend(params)

    def where_sql(self, extra: list[str] | None = None) -> str:
        conds = [*self.where, *(extra or [])]
        return (" WHERE " + " AND ".join(f"({c})" for c in conds)) if conds else ""

    def order_sql(self) -> str:
        return ", ".join(f"{k.expr} {'DESC' if k.desc else 'ASC'}" for k in self.keys)

    def all_params(self, extra: list[Any] | None = None) -> list[Any]:
        return [*self.from_params, *self.params, *(extra or [])]

    def full_sql(self) -> str:
        """The whole filtered set, in page order (for downloads)."""
        return f"SELECT {self.select} FROM {self.from_}{self.where_sql()} ORDER BY {self.order_sql()}"


def encode_cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, n: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        values = None
    if not isinstance(values, list) or len(values) != n or not all(
        isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in values
    ):
        raise ApiError(400, "bad_cursor", "the cursor is not one this endpoint issued; start again without a cursor")
    return values


def _after(keys: tuple[Key, ...], values: list[Any]) -> tuple[str, list[Any]]:
    """SQL for 'the row sorts after these key values' as an OR chain (mixed ASC/DESC keys)."""
    ors, params = [], []
    for i, key in enumerate(keys):
        parts = []
        for prev, value in zip(keys[:i], values[:i], strict=True):
            parts.append(f"{prev.expr} = ?")
            params.append(value)
        parts.append(f"{key.expr} {'<' if key.desc else '>'} ?")
        params.append(values[i])
        ors.append("(" + " AND ".join(parts) + ")")
    return " OR ".join(ors), params


def fetch_page(
    cur: duckdb.DuckDBPyConnection, query: Query, *, limit: int, cursor: str | None
) -> dict[str, Any]:
    if limit < 1 or limit > MAX_PAGE:
        raise ApiError(400, "bad_limit", f"limit must be between 1 and {MAX_PAGE}; follow next_cursor for more rows")
    extra: list[str] = []
    cond_params: list[Any] = []
    if cursor:
        cond, cond_params = _after(query.keys, decode_cursor(cursor, len(query.keys)))
        extra.append(cond)
    params = query.all_params(cond_params)
    key_cols = ", ".join(f"{k.expr} AS _k{i}" for i, k in enumerate(query.keys))
    sql = (
        f"SELECT {query.select}, {key_cols} FROM {query.from_}{query.where_sql(extra)} "
        f"ORDER BY {query.order_sql()} LIMIT {limit + 1}"
    )
    res = cur.execute(sql, params)
    names = [d[0] for d in res.description or []]
    rows = res.fetchall()
    nkeys = len(query.keys)
    items = [dict(zip(names[:-nkeys], row[:-nkeys], strict=True)) for row in rows[:limit]]
    next_cursor = None
    if len(rows) > limit:
        next_cursor = encode_cursor([_plain(v) for v in rows[limit - 1][-nkeys:]])
    return {"items": items, "next_cursor": next_cursor, "limit": limit}


def _plain(value: Any) -> Any:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return value
    return str(value)
