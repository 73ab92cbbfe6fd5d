"""Migration 024_story_key_ids on a store of the previous version (023): the saved story vectors, keyed by kind and
key string, are rewritten by key number; the picture stays the same, and an incremental run continues from it to the
tables a full run over all the articles gives."""

from __future__ import annotations

from pathlib import Path

import duckdb

from test_aggregate_incremental import TABLES, _article, corpus, tables, write
from wirescope.aggregate.build import aggregate_store
from wirescope.aggregate.vectors import key_hash
from wirescope.store import Store, migrations

# story_vectors and story_df as migration 023 left them: what a store aggregated by the previous version holds
DOWNGRADE = """
CREATE TABLE old_vectors (story_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, key VARCHAR NOT NULL,
                          weight DOUBLE NOT NULL);
INSERT INTO old_vectors
SELECT v.story_id, d.kind, d.key, v.weight FROM story_vectors v JOIN story_df d ON d.kid = v.kid;
DROP TABLE story_vectors;
ALTER TABLE old_vectors RENAME TO story_vectors;
ALTER TABLE story_df DROP COLUMN kid;
ALTER TABLE story_df DROP COLUMN hash;
DELETE FROM schema_migrations WHERE version = 24;
"""


def _unhashed(got: dict[str, list[tuple[object, ...]]]) -> dict[str, list[tuple[object, ...]]]:
    """The tables compared without story_df's hashes (a migrated key has none until a run changes it)."""
    return {**got, "story_df": sorted((r[:3] for r in got["story_df"]), key=repr)}


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str, str]]:
    return con.execute("SELECT column_name, data_type, is_nullable FROM information_schema.columns "
                       "WHERE table_name = ? ORDER BY column_name", [table]).fetchall()


def _schema_023(path: Path) -> dict[str, list[tuple[str, str, str]]]:
    """The two tables as the migrations up to 023 make them."""
    con = duckdb.connect(str(path))
    for version, _, sql in migrations():
        if version <= 23:
            con.execute(sql)
    out = {t: _columns(con, t) for t in ("story_vectors", "story_df")}
    con.close()
    return out


def test_story_vectors_numbered_and_an_incremental_run_continues(tmp_path: Path) -> None:
    items = corpus(5, n=90)
    days = [_article(x).published for x in items]
    cut = next(b for b in range(60, len(items)) if days[b] != days[b - 1])
    with Store(tmp_path / "full.duckdb") as full:
        write(full, items)
        aggregate_store(full.con)
        expected = tables(full.con)
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        write(store, items[:cut])
        aggregate_store(store.con)
        before = tables(store.con)
        store.con.execute(DOWNGRADE)
        old = {t: _columns(store.con, t) for t in ("story_vectors", "story_df")}
        n_vectors = store.con.execute("SELECT count(*) FROM story_vectors").fetchone()
    assert old == _schema_023(tmp_path / "schema023.duckdb")  # a store of the previous version
    with Store(path) as store:  # opening it applies 024
        con = store.con
        assert con.execute("SELECT max(version) FROM schema_migrations").fetchone() == (24,)
        assert _unhashed(tables(con)) == _unhashed(before)  # the same vectors, frequencies, stories
        assert con.execute("SELECT count(*) FROM story_vectors").fetchone() == n_vectors
        keys = con.execute("SELECT kind, kid, hash FROM story_df WHERE kind IN ('t', 'e')").fetchall()
        assert len({kid for _, kid, _ in keys}) == len(keys) and all(kid is not None for _, kid, _ in keys)
        assert all(h is None for _, _, h in keys)  # blake2b is computed by a reader, not by the migration
        assert con.execute("SELECT count(*) FROM story_df WHERE kind NOT IN ('t', 'e') AND kid IS NOT NULL"
                           ).fetchone() == (0,)
        write(store, items[cut:])
        report = aggregate_store(con)
        assert report.incremental
        got = tables(con)
        hashed = con.execute("SELECT key, hash FROM story_df WHERE kind IN ('t', 'e')").fetchall()
        kids = con.execute("SELECT count(*), count(DISTINCT kid) FROM story_df WHERE kind IN ('t', 'e')").fetchone()
    for name in TABLES:
        assert got[name] == expected[name], name
    # the first run after the migration stores every key's hash (those it changed and the others); numbers stay
    # unique
    assert hashed and all(h == key_hash(k) for k, h in hashed)
    assert kids is not None and kids[0] == kids[1]
