"""SQL filter clauses the event queries share: a date range and a CAMEO code prefix."""

from __future__ import annotations

from datetime import date
from typing import Any


def add_date_and_code(
    where: list[str], params: list[Any], *, prefix: str = "", since: date | str | None = None,
    until: date | str | None = None, root: str | None = None,
) -> None:
    """Append clauses for ``date`` within [since, until] and ``code`` starting with ``root`` ("19", "190"; a single
    digit means a root "01"–"09"). ``prefix`` qualifies the columns ("e." for an aliased table)."""
    if since:
        where.append(f"{prefix}date >= ?")
        params.append(since)
    if until:
        where.append(f"{prefix}date <= ?")
        params.append(until)
    if root:
        where.append(f"starts_with({prefix}code, ?)")
        params.append(root.zfill(2) if len(root) == 1 else root)
