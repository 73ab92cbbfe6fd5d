"""Turning query results into responses: JSON pages, and whole filtered sets as CSV, JSON Lines or Parquet."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import tempfile
from collections.abc import Iterator
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from typing import Any
from uuid import UUID

import pyarrow as pa
import pyarrow.parquet as pq
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from starlette.background import BackgroundTask

from .db import Database
from .paging import Query, fetch_page

BATCH_ROWS = 20_000


class Format(StrEnum):
    json = "json"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


def plain(value: Any) -> Any:
    """A JSON-ready copy of a DuckDB value (dates as ISO strings, NaN as null, blobs dropped)."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (bytes, bytearray, memoryview)):
        return None
    if isinstance(value, UUID):
        return str(value)
    return str(value)


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(plain(data), status_code=status, headers=headers)


def listing(db: Database, query: Query, *, fmt: Format, limit: int, cursor: str | None, name: str) -> Response:
    """A page of ``query`` as JSON, or the whole filtered set as a download in ``fmt``."""
    if fmt is Format.json:
        with db.cursor() as cur:
            return json_response(fetch_page(cur, query, limit=limit, cursor=cursor))
    sql, params = query.full_sql(), query.all_params()
    if fmt is Format.parquet:
        return _parquet(db, sql, params, name)
    media = "text/csv; charset=utf-8" if fmt is Format.csv else "application/x-ndjson"
    body = _csv(db, sql, params) if fmt is Format.csv else _jsonl(db, sql, params)
    return StreamingResponse(body, media_type=media, headers=_attachment(f"{name}.{fmt.value}"))


def _attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}"'}


def _batches(db: Database, sql: str, params: list[Any]) -> Iterator[tuple[list[str], list[tuple[Any, ...]]]]:
    with db.cursor() as cur:
        res = cur.execute(sql, params)
        names = [d[0] for d in res.description or []]
        while rows := res.fetchmany(BATCH_ROWS):
            yield names, rows


def _csv_cell(value: Any) -> Any:
    value = plain(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def _csv(db: Database, sql: str, params: list[Any]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.writer(buf)
    header_done = False
    for names, rows in _batches(db, sql, params):
        if not header_done:
            writer.writerow(names)
            header_done = True
        for row in rows:
            writer.writerow([_csv_cell(v) for v in row])
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    if not header_done:  # an empty set still names its columns
        with db.cursor() as cur:
            res = cur.execute(f"SELECT * FROM ({sql}) LIMIT 0", params)
            writer.writerow([d[0] for d in res.description or []])
        yield buf.getvalue()


def _jsonl(db: Database, sql: str, params: list[Any]) -> Iterator[str]:
    for names, rows in _batches(db, sql, params):
        yield "".join(
            json.dumps({n: plain(v) for n, v in zip(names, row, strict=True)}, ensure_ascii=False) + "\n"
            for row in rows
        )


def _parquet(db: Database, sql: str, params: list[Any], name: str) -> FileResponse:
    # Parquet needs a seekable file for its footer; stream Arrow batches into a temporary file, then send it.
    fd, path = tempfile.mkstemp(prefix="wirescope-", suffix=".parquet")
    os.close(fd)
    try:
        with db.cursor() as cur:
            reader: pa.RecordBatchReader = cur.sql(sql, params=params).to_arrow_reader(BATCH_ROWS)
            with pq.ParquetWriter(path, reader.schema) as writer:
                for batch in reader:
                    writer.write_batch(batch)
    except BaseException:
        os.unlink(path)
        raise
    return FileResponse(
        path,
        media_type="application/vnd.apache.parquet",
        filename=f"{name}.parquet",
        background=BackgroundTask(os.unlink, path),
    )
