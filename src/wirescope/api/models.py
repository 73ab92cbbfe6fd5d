"""Response shapes for the OpenAPI schema. Rows are open objects: their keys follow the store's columns."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    code: str = Field(description="stable machine-readable error code")
    message: str = Field(description="what went wrong and how to fix it")


class PageBody(BaseModel):
    items: list[dict[str, Any]]
    next_cursor: str | None = Field(description="pass as ?cursor= to get the next page; null on the last page")
    limit: int


class ListBody(BaseModel):
    items: list[dict[str, Any]]


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "bad parameter"},
    404: {"model": ErrorBody, "description": "not found"},
    422: {"model": ErrorBody, "description": "invalid parameter"},
}

DOWNLOADS: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "a page as JSON, or the whole filtered set as CSV, JSON Lines or Parquet (?format=)",
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/x-ndjson": {"schema": {"type": "string"}},
            "application/vnd.apache.parquet": {"schema": {"type": "string", "format": "binary"}},
        },
    },
    **ERRORS,
}
