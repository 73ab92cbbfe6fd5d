"""``TableSpec.row`` reads each column through a plan worked out once per set of context names: the same values as
``Column.value`` for every column of every table, a nested record missing on the way, no record, and context."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from wirescope.errors import StoreError
from wirescope.store.spec import ISO_DATE, SEQUENCE, Column
from wirescope.store.tables import CORE_TABLES


def _leaf(column: Column) -> Any:
    if column.codec is ISO_DATE:
        return "2020-01-02"
    if column.codec is SEQUENCE:
        return ("a", "b")
    return f"value of {column.name}"


def _record(columns: tuple[Column, ...], *, hole: int | None = None) -> Any:
    """A record holding a value at every column's path (``hole``: the first step of that column's path is None)."""
    root: dict[str, Any] = {}
    for k, c in enumerate(columns):
        if not c.path:
            continue
        node = root
        for attr in c.path[:-1]:
            node = node.setdefault(attr, {})
        node[c.path[-1]] = _leaf(c)
        if k == hole:
            root[c.path[0]] = None

    def build(node: Any) -> Any:
        return SimpleNamespace(**{k: build(v) for k, v in node.items()}) if isinstance(node, dict) else node

    return build(root)


def _old_row(spec, record, context):  # type: ignore[no-untyped-def]
    return tuple(c.value(record, context) for c in spec.columns)


# tables with derived columns (``get``) read those through ``Column.value`` itself, from a real record
_SPECS = [s for s in CORE_TABLES if any(c.path for c in s.columns) and not any(c.get for c in s.columns)]


@pytest.mark.parametrize("spec", _SPECS, ids=lambda s: s.name)
def test_rows_are_the_columns_values(spec) -> None:  # type: ignore[no-untyped-def]
    derived = {c.name: "given" for c in spec.columns if c.path is None and c.get is None}
    plain = [c for c in spec.columns if c.path and c.get is None]
    records = [_record(spec.columns)] + [_record(spec.columns, hole=spec.columns.index(c)) for c in plain[:4]]
    for record in records:
        assert spec.row(record, **derived) == _old_row(spec, record, derived)
        assert spec.row(record, **derived) == _old_row(spec, record, derived)  # the plan, kept
    given = {**derived, plain[0].name: "from the context"}
    assert spec.row(records[0], **given) == _old_row(spec, records[0], given)
    assert spec.row(None, **derived) == _old_row(spec, None, derived)


def test_a_column_nobody_gives_is_still_an_error() -> None:
    spec = next(s for s in CORE_TABLES if any(c.path is None and c.get is None for c in s.columns))
    with pytest.raises(StoreError, match="no path into the record"):
        spec.row(_record(spec.columns))
