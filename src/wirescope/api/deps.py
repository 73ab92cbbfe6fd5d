"""Shared request dependencies: the database, paging and format parameters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request

from .db import Database
from .paging import MAX_PAGE
from .respond import Format


def get_db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


@dataclass(frozen=True, slots=True)
class Listing:
    limit: int
    cursor: str | None
    format: Format


def listing_params(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="rows per page; follow next_cursor for more")] = 100,
    cursor: Annotated[str | None, Query(max_length=2000, description="next_cursor of the previous page")] = None,
    format: Annotated[Format, Query(description="json: one page; csv, jsonl, parquet: the whole filtered set")] = (
        Format.json
    ),
) -> Listing:
    return Listing(limit, cursor, format)


DB = Annotated[Database, Depends(get_db)]
Page = Annotated[Listing, Depends(listing_params)]
