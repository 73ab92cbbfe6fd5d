"""Table specs: one description per stored table, from which rows, records, API models and exports are derived.

A :class:`TableSpec` names a table, its columns (SQL type, description, and where the value lives in the record the
table stores) and its key. From it come

- the writer's rows (:meth:`TableSpec.row`: a record plus context values such as ``idx`` -> a tuple in column order),
- the typed reader (:meth:`TableSpec.record`: a row mapping -> the record, nested records rebuilt from their
  flattened columns, e.g. ``source_code`` -> ``Event.source.code``),
- the API's column lists and response models and the exports' column descriptions (they read ``columns``).

The schema itself comes from numbered migrations (applied migrations are never edited); ``tests/test_store_spec.py``
fails when the migrated schema and the specs disagree, so a new column is a new migration plus a new ``Column``.
"""

from __future__ import annotations

import dataclasses
import keyword
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

import duckdb

from ..errors import StoreError


@dataclass(frozen=True, slots=True)
class Codec:
    """How a record value is stored (``encode``) and read back (``decode``); identity by default."""

    name: str
    encode: Callable[[Any], Any]
    decode: Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _iso_to_date(value: Any) -> Any:
    if isinstance(value, str):
        return date.fromisoformat(value) if value else None
    return value


def _date_to_iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _to_list(value: Any) -> Any:
    return None if value is None else list(value)


def _to_tuple(value: Any) -> Any:
    return tuple(value or ())


PLAIN = Codec("plain", _same, _same)
ISO_DATE = Codec("iso-date", _iso_to_date, _date_to_iso)  # an ISO date string in the record, DATE in the store
SEQUENCE = Codec("sequence", _to_list, _to_tuple)  # a tuple in the record, a LIST in the store


@dataclass(frozen=True, slots=True)
class Column:
    """One stored column.

    ``path`` is where the value lives in the table's record (``("source", "code")`` for ``Event.source.code``);
    ``None`` means the writer supplies it as a context value (``idx``, ``article_id`` of records that do not carry
    it) or ``get`` derives it from the record. ``choices`` names the allowed values (from ``records``) for enums.
    """

    name: str
    type: str  # the DuckDB type as information_schema spells it: VARCHAR, INTEGER, DATE, VARCHAR[], ...
    description: str
    nullable: bool = True
    path: tuple[str, ...] | None = None
    codec: Codec = PLAIN
    get: Callable[[Any], Any] | None = None
    choices: tuple[Any, ...] = ()

    def value(self, record: Any, context: Mapping[str, Any]) -> Any:
        if self.name in context:
            return context[self.name]
        if self.get is not None:
            return self.codec.encode(self.get(record))
        if self.path is None:
            raise StoreError(f"column {self.name!r} has no path into the record and no value was given for it")
        value = record
        for attr in self.path:
            if value is None:
                return None
            value = getattr(value, attr)
        return self.codec.encode(value)


def col(
    name: str,
    type: str,
    description: str,
    *,
    null: bool = True,
    path: str | None = "",
    codec: Codec = PLAIN,
    get: Callable[[Any], Any] | None = None,
    choices: Iterable[Any] = (),
) -> Column:
    """A column; ``path`` is a dotted attribute path (default: the column name; ``None``: a context value)."""
    parts = None if get is not None or path is None else tuple((path or name).split("."))
    return Column(name, type, description, null, parts, codec, get, tuple(choices))


@dataclass(frozen=True, slots=True)
class _Step:
    """How one field of a record is read from a row: from a column (with a fallback for NULL), from a nested
    record's columns (None when they are all NULL), or from a fill."""

    field: str
    column: str | None
    decode: Callable[[Any], Any] | None
    required: bool
    fill: Callable[[Mapping[str, Any]], Any] | None
    nested: tuple[str, ...] = ()
    sub: _Plan | None = None


@dataclass(frozen=True, slots=True)
class _Plan:
    cls: type
    steps: tuple[_Step, ...]

    def build(self, row: Mapping[str, Any]) -> Any:
        kwargs: dict[str, Any] = {}
        for step in self.steps:
            if step.sub is not None:
                present = any(row.get(n) is not None for n in step.nested)
                kwargs[step.field] = step.sub.build(row) if present else None
            elif step.column is not None and step.decode is not None:
                value = step.decode(row.get(step.column))
                if value is None and step.fill is not None:  # not stored (a row older than the column)
                    kwargs[step.field] = step.fill(row)
                elif value is not None or step.required:  # a NULL for a field with a default gives the default
                    kwargs[step.field] = value
            elif step.fill is not None:
                kwargs[step.field] = step.fill(row)
        return self.cls(**kwargs)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one spec per table
class TableSpec:
    """A stored table: its columns in order, its key, and the record class a row describes (if any).

    ``fill`` gives values for required record fields a row does not hold (``Event.place.start`` in rows older
    than the column), computed from the row; a NULL for a field with a default gives the default.
    ``per_article`` tables are replaced article by article by ``Store.write``.
    ``internal`` tables hold a stage's saved working state (the story clusterer's vectors), not data: exports and
    the table counts leave them out.
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    record: type | None = None
    per_article: bool = False
    view: bool = False
    internal: bool = False
    fill: Mapping[tuple[str, ...], Callable[[Mapping[str, Any]], Any]] = field(default_factory=dict)

    @cached_property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @cached_property
    def by_name(self) -> dict[str, Column]:
        return {c.name: c for c in self.columns}

    @cached_property
    def _by_path(self) -> dict[tuple[str, ...], Column]:
        return {c.path: c for c in self.columns if c.path is not None}

    def column(self, name: str) -> Column:
        try:
            return self.by_name[name]
        except KeyError:
            raise StoreError(f"table {self.name} has no column {name!r}; columns: {', '.join(self.names)}") from None

    def row(self, record: Any, **context: Any) -> tuple[Any, ...]:
        """The record as a row in column order; ``context`` gives the values the record does not hold."""
        names = tuple(context)
        write = self._row_writers.get(names)
        if write is None:
            write = self._row_writers[names] = _compile_writer(self.columns, frozenset(names))
        return write(record, context)

    @cached_property
    def _row_writers(self) -> dict[tuple[str, ...], Callable[[Any, Mapping[str, Any]], tuple[Any, ...]]]:
        # per set of context names (each call site passes the same ones): the row as one compiled function
        # (``Column.value`` decides how to read each value again for every value of every row)
        return {}

    def record_of(self, row: Mapping[str, Any]) -> Any:
        """The record a row (column name -> stored value) describes, nested records rebuilt from their columns."""
        return self._plan.build(row)

    @cached_property
    def _plan(self) -> _Plan:
        # Worked out once per table: resolving type hints and matching paths per row would cost more than the rows.
        if self.record is None:
            raise StoreError(f"table {self.name} stores no record class; read its rows as values")
        return self._compile(self.record, ())

    def _compile(self, cls: type, prefix: tuple[str, ...]) -> _Plan:
        hints = typing.get_type_hints(cls)
        steps: list[_Step] = []
        for f in dataclasses.fields(cls):
            path = (*prefix, f.name)
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            column = self._by_path.get(path)
            nested = tuple(
                c.name for c in self.columns if c.path and len(c.path) > len(path) and c.path[: len(path)] == path
            )
            if column is not None:
                steps.append(_Step(f.name, column.name, column.codec.decode, required, self.fill.get(path)))
            elif nested:
                sub = self._compile(_record_type(hints[f.name]), path)
                steps.append(_Step(f.name, None, None, required, None, nested, sub))
            elif path in self.fill:
                steps.append(_Step(f.name, None, None, required, self.fill[path]))
        return _Plan(cls, tuple(steps))

    def records(self, names: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[Any]:
        """Records of rows fetched with column ``names`` (a cursor's description): :meth:`record_of` of each row,
        by a function compiled once per ``names`` that reads the row's positions (no mapping built per row)."""
        key = tuple(names)
        build = self._builders.get(key)
        if build is None:
            build = self._builders[key] = _compile_builder(self._plan, key)
        return list(map(build, rows))

    @cached_property
    def _builders(self) -> dict[tuple[str, ...], Callable[[Sequence[Any]], Any]]:
        return {}

    def part(self, field: str) -> tuple[tuple[str, ...], Callable[[Sequence[Any]], Any]]:
        """A nested record of the table's record (``Event.source``): its columns, and a function building it from a
        row of their values in that order, by the steps of :meth:`records` (a NULL takes the fill or leaves the
        field's default). The record is None where all its columns are NULL: call the function on the other rows."""
        step = next((s for s in self._plan.steps if s.field == field and s.sub is not None), None)
        if step is None or step.sub is None:
            raise StoreError(f"table {self.name}: its record has no nested record {field!r}")
        build = self._part_builders.get(field)
        if build is None:
            build = self._part_builders[field] = _compile_builder(step.sub, step.nested)
        return step.nested, build

    @cached_property
    def _part_builders(self) -> dict[str, Callable[[Sequence[Any]], Any]]:
        return {}


def _compile_builder(plan: _Plan, names: tuple[str, ...]) -> Callable[[Sequence[Any]], Any]:
    """:meth:`_Plan.build` of a row given as values in the order of ``names``, as one generated function: the same
    steps (a nested record is None when all its columns are NULL, a NULL takes the fill or leaves the field's
    default), with each column read by position, identity decoders skipped and the row made a mapping only for a
    fill. Reading events as records was about a tenth of an aggregation (issue 20)."""
    pos = {n: i for i, n in enumerate(names)}
    env: dict[str, Any] = {"_names": names}
    lines = ["def build(r):"]

    def value(column: str) -> str:
        return f"r[{pos[column]}]" if column in pos else "None"

    def emit(p: _Plan, target: str, depth: int) -> None:
        pad = "    " * depth
        lines.append(f"{pad}{target} = {{}}")
        for k, step in enumerate(p.steps):
            name = f"{target}_{k}"
            if step.sub is not None:
                present = " or ".join(f"{value(n)} is not None" for n in step.nested if n in pos) or "False"
                lines.append(f"{pad}if {present}:")
                emit(step.sub, name, depth + 1)
                lines.append(f"{pad}    {target}[{step.field!r}] = {name}_cls(**{name})")
                lines.append(f"{pad}else:")
                lines.append(f"{pad}    {target}[{step.field!r}] = None")
                env[f"{name}_cls"] = step.sub.cls
            elif step.column is not None and step.decode is not None:
                raw = value(step.column)
                if step.decode is _same:
                    lines.append(f"{pad}v = {raw}")
                else:
                    env[f"{name}_dec"] = step.decode
                    lines.append(f"{pad}v = {name}_dec({raw})")
                if step.fill is not None:
                    env[f"{name}_fill"] = step.fill
                    lines.append(f"{pad}{target}[{step.field!r}] = {name}_fill(dict(zip(_names, r))) if v is None "
                                 f"else v")
                elif step.required:
                    lines.append(f"{pad}{target}[{step.field!r}] = v")
                else:
                    lines.append(f"{pad}if v is not None:")
                    lines.append(f"{pad}    {target}[{step.field!r}] = v")
            elif step.fill is not None:
                env[f"{name}_fill"] = step.fill
                lines.append(f"{pad}{target}[{step.field!r}] = {name}_fill(dict(zip(_names, r)))")

    emit(plan, "k", 1)
    env["_cls"] = plan.cls
    lines.append("    return _cls(**k)")
    exec(compile("\n".join(lines), f"<records of {plan.cls.__name__}>", "exec"), env)
    build: Callable[[Sequence[Any]], Any] = env["build"]
    return build


def _compile_writer(columns: Sequence[Column], context: frozenset[str],
                    ) -> Callable[[Any, Mapping[str, Any]], tuple[Any, ...]]:
    """``tuple(c.value(record, ctx) for c in columns)`` for a context with the names ``context``, as one generated
    function returning the tuple: each column an expression (a context value, an attribute path that stops at the
    first None, its encoder when it has one, or ``Column.value`` for a derived column), so no function is called per
    value. Building the rows of the merged events and their mentions was about a tenth of an incremental run at
    200k articles (issue 20)."""
    env: dict[str, Any] = {}
    values = []
    for k, column in enumerate(columns):
        if column.name in context:
            values.append(f"ctx[{column.name!r}]")
        elif column.get is not None or column.path is None:
            env[f"c{k}"] = column
            values.append(f"c{k}.value(record, ctx)")  # derived, or the error of a column nobody gave
        else:
            tests, held = ["record is None"], "record"
            for j, attr in enumerate(column.path[:-1]):
                tests.append(f"(v{k}_{j} := {_attribute(held, attr)}) is None")
                held = f"v{k}_{j}"
            last = _attribute(held, column.path[-1])
            if column.codec.encode is not _same:
                env[f"e{k}"] = column.codec.encode
                last = f"e{k}({last})"
            values.append(f"(None if {' or '.join(tests)} else {last})")
    source = "def write(record, ctx):\n    return (" + ", ".join(values) + ("," if len(values) == 1 else "") + ")"
    exec(compile(source, "<row writer>", "exec"), env)
    write: Callable[[Any, Mapping[str, Any]], tuple[Any, ...]] = env["write"]
    return write


def _attribute(held: str, attr: str) -> str:
    return f"{held}.{attr}" if attr.isidentifier() and not keyword.iskeyword(attr) else f"getattr({held}, {attr!r})"


def _record_type(hint: Any) -> type:
    """The dataclass inside ``Actor | None``."""
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return hint
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        for arg in typing.get_args(hint):
            if dataclasses.is_dataclass(arg) and isinstance(arg, type):
                return arg
    raise StoreError(f"cannot rebuild a nested record of type {hint!r}")


def select_list(spec: TableSpec, alias: str = "", names: Iterable[str] | None = None) -> str:
    """``"a", "b", ...`` for a SELECT of the spec's columns (all, or ``names``), optionally qualified."""
    prefix = f"{alias}." if alias else ""
    return ", ".join(f'{prefix}"{spec.column(n).name}"' for n in (names or spec.names))


def insert_rows(con: duckdb.DuckDBPyConnection, spec: TableSpec, rows: Sequence[tuple[Any, ...]]) -> None:
    """Append rows (in the spec's column order) to the spec's table, by column name, as one Arrow batch (much faster
    than executemany in DuckDB). The caller owns the transaction."""
    if not rows:
        return
    if len(rows[0]) != len(spec.columns):
        raise StoreError(f"{spec.name}: rows have {len(rows[0])} values but its spec has {len(spec.columns)} columns")
    insert_columns(con, spec, {c: list(v) for c, v in zip(spec.names, zip(*rows, strict=True), strict=True)})


def insert_columns(con: duckdb.DuckDBPyConnection, spec: TableSpec, columns: Columns) -> None:
    """Append the rows held as columns (by name: lists, numpy or Arrow arrays, Arrow dictionary arrays for repeated
    strings) to the spec's table, as one Arrow batch: a bulk writer that holds its data as arrays need not make a
    tuple per row. The caller owns the transaction."""
    if set(columns) != set(spec.names):
        raise StoreError(f"{spec.name}: columns {sorted(columns)} are not its spec's {sorted(spec.names)}")
    import pyarrow as pa  # here: its import costs 0.2 s of CPU, which the ingest (insert_chunk) never needs

    data = pa.table({c: columns[c] for c in spec.names})
    if not data.num_rows:
        return
    view = f"_incoming_{spec.name}"
    con.register(view, data)
    try:
        names = select_list(spec)
        con.execute(f"INSERT INTO {spec.name} ({names}) SELECT {names} FROM {view}")
    finally:
        con.unregister(view)


def insert_chunk(con: duckdb.DuckDBPyConnection, spec: TableSpec, rows: Sequence[tuple[Any, ...]]) -> None:
    """``insert_rows`` without pyarrow, for the ingest's chunks (a few thousand rows per table): each column is one
    list parameter cast to its column's type, and ``unnest`` zips them back into rows, in one statement.

    Building any pyarrow array imports pandas, 0.2-0.3 s of CPU in every ingesting process; converting the lists
    costs about 0.4 ms per article more than Arrow, so this wins for the hundreds of articles a typical ingest
    process writes (``executemany`` is 30 times slower than either). Bulk writers (aggregation) keep Arrow.
    """
    if not rows:
        return
    if len(rows[0]) != len(spec.columns):
        raise StoreError(f"{spec.name}: rows have {len(rows[0])} values but its spec has {len(spec.columns)} columns")
    columns = [list(values) for values in zip(*rows, strict=True)]
    values = ", ".join(f"unnest(?::{c.type}[])" for c in spec.columns)
    con.execute(f"INSERT INTO {spec.name} ({select_list(spec)}) SELECT {values}", columns)


# a column's values: a list, a numpy array or an Arrow (chunked or dictionary) array
ColumnValues = Sequence[Any]
Columns = Mapping[str, ColumnValues]  # a table's columns by name
Rows = Sequence[tuple[Any, ...]] | Columns  # row tuples in the spec's order, or columns by name


def insert(con: duckdb.DuckDBPyConnection, spec: TableSpec, rows: Rows) -> None:
    """:func:`insert_rows` of row tuples, :func:`insert_columns` of columns."""
    if isinstance(rows, Mapping):
        insert_columns(con, spec, rows)
    else:
        insert_rows(con, spec, rows)


def replace_tables(con: duckdb.DuckDBPyConnection, tables: Mapping[TableSpec, Rows]) -> None:
    """Replace the whole content of the given tables in one transaction."""
    con.execute("BEGIN")
    try:
        for spec, rows in tables.items():
            con.execute(f"DELETE FROM {spec.name}")
            insert(con, spec, rows)
        con.execute("COMMIT")
    except Exception as exc:
        con.execute("ROLLBACK")
        if isinstance(exc, duckdb.Error):
            raise StoreError(f"writing {', '.join(s.name for s in tables)} failed: {exc}") from exc
        raise
