"""DuckDB store: numbered migrations, one writer, typed reads."""

from .store import DEFAULT_DB, Store, migrations

__all__ = ["DEFAULT_DB", "Store", "migrations"]
