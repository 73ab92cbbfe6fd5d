"""The DuckDB store: schema from numbered migrations, one writer, read-only readers.

All writes go through ``Store`` methods; each call is one transaction, so an interrupted run keeps what it had
committed and a rerun resumes (articles already stored are recognised by id and skipped).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from ..__about__ import __version__
from ..config import Settings
from ..errors import StoreError
from ..ingest.terms import encode_counts
from ..records import Analysis, Article, Failure
from .spec import insert_chunk, insert_rows
from .tables import ARTICLES, FAILURES, RUNS, SPECS, analysis_rows

DEFAULT_DB = Path("wirescope.duckdb")
# rows of one table in one write from which it goes as Arrow (an ingest's transaction of 32 articles writes about
# 10,000 postings, below; importing pyarrow costs 0.2 s of CPU, which a large batch wins back)
ARROW_ROWS = 20_000


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every bundled migration, in order."""
    found = []
    for entry in resources.files("wirescope.store.migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            found.append((int(name[:3]), name[4:-4], entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if len(set(versions)) != len(versions):
        raise StoreError(f"two migrations share a number: {versions}")
    return found


class Store:
    """A wirescope DuckDB database. Open one writer per file; readers use ``read_only=True``."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"no wirescope database at {self.path}; run `wirescope ingest` first or pass --db PATH")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot open {self.path}: {exc}. Another wirescope process may be writing to it; "
                "wait for it to finish or use another --db"
            ) from exc
        self._columns: dict[str, list[str]] = {}
        self._per_article: list[str] | None = None  # tables with an article_id column (_article_tables)
        if not read_only:
            self.migrate()

    # -- lifecycle -------------------------------------------------------------------------------------------

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def migrate(self) -> list[int]:
        """Apply bundled migrations not yet applied; return the versions applied now."""
        self._per_article = None
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, "
            "applied_at TIMESTAMP)"
        )
        done = {row[0] for row in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
        applied = []
        for version, name, sql in migrations():
            if version in done:
                continue
            self.con.execute("BEGIN")
            try:
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, _now()])
                self.con.execute("COMMIT")
            except duckdb.Error as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(f"migration {version:03d}_{name} failed on {self.path}: {exc}") from exc
            applied.append(version)
        return applied

    def schema_version(self) -> int:
        row = self.con.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    # -- runs and failures -----------------------------------------------------------------------------------

    def begin_run(self, settings: Settings) -> str:
        """Start a run; runs left 'running' by a killed process are marked 'interrupted' (one writer at a time)."""
        self.con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
        run_id = uuid.uuid4().hex[:16]
        row = RUNS.row(
            None, id=run_id, pipeline_version=__version__, model=settings.model,
            settings=json.dumps(settings.to_json()), started_at=_now(), finished_at=None, status="running", counts=None,
        )
        self.con.execute(f"INSERT INTO runs ({', '.join(RUNS.names)}) VALUES ({', '.join('?' * len(row))})", row)
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, int], *, status: str = "finished") -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, status = ?, counts = ? WHERE id = ?",
            [_now(), status, json.dumps(counts), run_id],
        )

    def record_failures(self, run_id: str | None, failures: Iterable[Failure]) -> None:
        rows = [FAILURES.row(f, run_id=run_id, failed_at=_now()) for f in failures]
        if rows:
            names = ", ".join(FAILURES.names)
            self.con.executemany(f"INSERT INTO failures ({names}) VALUES ({', '.join('?' * len(rows[0]))})", rows)

    # -- articles --------------------------------------------------------------------------------------------

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]).fetchall()
        return {r[0] for r in rows}

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """MinHash signatures of stored originals, to seed near-duplicate search."""
        cur = self.con.execute("SELECT id, minhash FROM articles WHERE minhash IS NOT NULL AND status = 'analysed'")
        while batch := cur.fetchmany(10_000):
            yield from ((row[0], bytes(row[1])) for row in batch)

    def write(
        self,
        analyses: Sequence[Analysis],
        *,
        run_id: str | None,
        signatures: dict[str, bytes] | None = None,
        others: Sequence[tuple[Article, str, str | None, float | None]] = (),
        failures: Sequence[Failure] = (),
    ) -> None:
        """Store analysed articles with all their records, plus articles stored without analysis
        (``others``: article, status, duplicate_of, similarity) and failures, in one transaction.

        An article already stored is replaced with all its records, so re-analysis is idempotent.
        """
        signatures = signatures or {}
        now = _now()
        article_rows = []
        for analysis in analyses:
            article_rows.append(
                _article_row(analysis.article, "analysed", None, None, signatures.get(analysis.article.id),
                             analysis.provenance.pipeline_version, analysis.provenance.model, run_id, now)
            )
        for article, status, duplicate_of, similarity in others:
            article_rows.append(
                _article_row(article, status, duplicate_of, similarity, signatures.get(article.id), None, None,
                             run_id, now)
            )
        per_table: dict[str, list[tuple[Any, ...]]] = {}
        for analysis in analyses:
            for table, rows in analysis_rows(analysis).items():
                per_table.setdefault(table, []).extend(rows)
        ids = [row[0] for row in article_rows]
        analysed_ids = [a.article.id for a in analyses]
        self.con.execute("BEGIN")
        try:
            if ids:
                self.con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?))", [ids])
            if analysed_ids:
                for table in self._article_tables():
                    self.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [analysed_ids])
            self._insert("articles", article_rows)
            for table, rows in per_table.items():
                self._insert(table, rows)
            self.record_failures(run_id, failures)
            self.con.execute("COMMIT")
        except Exception as exc:
            self.con.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"writing {len(ids)} articles to {self.path} failed: {exc}") from exc
            raise

    def delete_articles(self, ids: Sequence[str]) -> int:
        """Remove articles and all their per-article rows in one transaction (a corrected feed item replaces its
        article); returns how many articles were removed. Aggregates follow at the next aggregation
        (a rebuild, when a story lost members)."""
        if not ids:
            return 0
        self.con.execute("BEGIN")
        try:
            (count,) = self.con.execute(
                "SELECT count(*) FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]
            ).fetchone() or (0,)
            for table in self._article_tables():
                self.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [list(ids)])
            self.con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)])
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"deleting {len(ids)} articles from {self.path} failed: {exc}") from exc
        return int(count)

    # -- internals -------------------------------------------------------------------------------------------

    def columns(self, table: str) -> list[str]:
        if table not in self._columns:
            rows = self.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
            if not rows:
                raise StoreError(f"no table {table!r} in {self.path}; is a migration missing?")
            self._columns[table] = [r[0] for r in rows]
        return self._columns[table]

    def _article_tables(self) -> list[str]:
        # Asked once per store, not per write (10 ms of CPU per chunk): only migrations add such tables, and
        # migrate() forgets the answer; search.cluster() rebuilds article_terms under the same name.
        if self._per_article is not None:
            return self._per_article
        rows = self.con.execute(
            "SELECT DISTINCT c.table_name FROM information_schema.columns c JOIN information_schema.tables t "
            "ON c.table_name = t.table_name WHERE c.column_name = 'article_id' AND t.table_type = 'BASE TABLE'"
        ).fetchall()
        self._per_article = sorted(r[0] for r in rows)
        return self._per_article

    def _insert(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        # A large batch (a bulk load, the aggregation benchmark's 5,000 articles: 830,000 postings) goes as one Arrow
        # table, half the CPU of list parameters there; an ingest's chunk keeps the lists and never imports pyarrow.
        if len(rows) >= ARROW_ROWS:
            insert_rows(self.con, SPECS[table], rows)
        else:
            insert_chunk(self.con, SPECS[table], rows)


def _article_row(
    article: Article,
    status: str,
    duplicate_of: str | None,
    similarity: float | None,
    signature: bytes | None,
    pipeline_version: str | None,
    model: str | None,
    run_id: str | None,
    now: datetime,
) -> tuple[Any, ...]:
    return ARTICLES.row(
        article, status=status, duplicate_of=duplicate_of, similarity=similarity, minhash=signature,
        pipeline_version=pipeline_version, model=model, run_id=run_id, ingested_at=now,
        terms=encode_counts(article.title, article.text),
    )
