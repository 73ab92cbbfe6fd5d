"""The machine-readable description of a CSV export: CSV on the Web (W3C CSVW) metadata, derived from the table spec.

``<table>.csv-metadata.json`` sits beside ``<table>.csv`` (the name CSVW processors look for). Every column of the
spec is described once: its name, datatype (from the SQL type), description, whether it may be empty, its closed
vocabulary (a ``format`` pattern) and, for list columns, the separator of their items. Codes stay text: a CAMEO code
("042", "190") is a string column, so a reader that follows the metadata never turns it into a number.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NotRequired, TypedDict

from ..store.spec import Column

CSVW_CONTEXT = "http://www.w3.org/ns/csvw"
LIST_SEPARATOR = ";"  # list columns are written as their items joined with this (see export.tables)
# SQL type (as information_schema spells it) -> CSVW / XML Schema datatype name
_DATATYPES = {
    "VARCHAR": "string",
    "INTEGER": "integer",
    "BIGINT": "integer",
    "SMALLINT": "integer",
    "DOUBLE": "double",
    "FLOAT": "float",
    "REAL": "float",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP": "dateTime",
    "TIMESTAMP WITH TIME ZONE": "dateTimeStamp",
    "JSON": "json",
}


class Datatype(TypedDict, total=False):
    """A derived CSVW datatype: a base type with a pattern (a closed vocabulary) or a range."""

    base: str
    format: str
    minimum: int
    maximum: int


# CSVW's keys are not all Python names ("dc:description", "@context"): the functional TypedDict form.
ColumnDescription = TypedDict("ColumnDescription", {
    "name": str, "titles": str, "dc:description": str, "datatype": "str | Datatype", "required": bool, "null": str,
    "separator": NotRequired[str],
})


class Dialect(TypedDict):
    header: bool
    delimiter: str
    quoteChar: str
    encoding: str


class TableSchema(TypedDict):
    columns: list[ColumnDescription]
    primaryKey: NotRequired[list[str]]


CsvwMetadata = TypedDict("CsvwMetadata", {
    "@context": str, "url": str, "dc:title": str, "dc:description": str, "dialect": Dialect,
    "tableSchema": TableSchema,
})


def is_list(column: Column) -> bool:
    return column.type.endswith("[]")


def datatype(column: Column) -> str | Datatype:
    """The CSVW datatype of a column: a list column's is its items'; a closed vocabulary of strings is a pattern."""
    base = _DATATYPES.get(column.type.removesuffix("[]"))
    if base is None:
        raise ValueError(f"column {column.name}: no CSVW datatype for SQL type {column.type}")
    if column.choices and base == "string":
        return {"base": "string", "format": "^(" + "|".join(_escape(str(c)) for c in column.choices) + ")$"}
    if column.choices and base == "integer":
        values = [int(c) for c in column.choices]
        return {"base": "integer", "minimum": min(values), "maximum": max(values)}
    return base


def _escape(text: str) -> str:
    return "".join("\\" + ch if ch in r".^$*+?()[]{}|\-/" else ch for ch in text)


def column_description(column: Column) -> ColumnDescription:
    out: ColumnDescription = {
        "name": column.name,
        "titles": column.name,
        "dc:description": column.description,
        "datatype": datatype(column),
        "required": not column.nullable,
        "null": "",
    }
    if is_list(column):
        out["separator"] = LIST_SEPARATOR
    return out


def csvw_metadata(table: str, description: str, columns: list[Column], key: tuple[str, ...],
                  csv_name: str) -> CsvwMetadata:
    """The CSVW metadata document of one exported table."""
    schema: TableSchema = {"columns": [column_description(c) for c in columns]}
    names = {c.name for c in columns}
    if key and all(k in names for k in key):
        schema["primaryKey"] = list(key)
    return {
        "@context": CSVW_CONTEXT,
        "url": csv_name,
        "dc:title": table,
        "dc:description": description,
        "dialect": {"header": True, "delimiter": ",", "quoteChar": '"', "encoding": "utf-8"},
        "tableSchema": schema,
    }


def write_csvw(path: Path, metadata: CsvwMetadata) -> Path:
    path.write_text(json.dumps(metadata, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
