"""Modules that turn an Analysis into table rows. Each module exposes ``rows(analysis) -> {table: [row, ...]}``
with values in the table's column order; the writer replaces an article's rows in all of them in one transaction."""

from __future__ import annotations

ROW_MODULES: list[str] = [
    "wirescope.store.core",
    "wirescope.store.events",
    "wirescope.store.quotes",
    "wirescope.store.places",
    "wirescope.store.search",
]
