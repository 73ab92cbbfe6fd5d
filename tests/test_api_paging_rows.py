"""The late page reads a page's rows by row id (api/paging.py): rows spread over several row groups, or stored
together, come back complete and in page order, whatever runs of nearby ids the fetch splits them into."""

from __future__ import annotations

import duckdb
import pytest

from wirescope.api.paging import ROW_GROUP, Key, Query, _fetch_sql, fetch_page


def _table() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(f"CREATE TABLE t AS SELECT i AS id, 'v' || CAST(i AS VARCHAR) AS val FROM range({3 * ROW_GROUP}) r(i)")
    return con


def test_runs_of_nearby_ids() -> None:
    q = Query(select="t.id, t.val", from_="t", keys=(Key("t.id"),), locator="t.rowid")
    sql, params = _fetch_sql(q, [5, 3, ROW_GROUP * 2 + 7, 10])
    assert sql.count("UNION ALL") == 1  # two runs: 3..10 and the far one
    assert params == [3, 10, [3, 5, 10], ROW_GROUP * 2 + 7, ROW_GROUP * 2 + 7, [ROW_GROUP * 2 + 7]]


def test_pages_over_several_row_groups_are_complete_and_ordered() -> None:
    con = _table()
    spread = f"((t.id * 7919) % {3 * ROW_GROUP})"  # neighbours in the order lie row groups apart
    for key in (spread, "t.id"):
        q = Query(select="t.id, t.val", from_="t", keys=(Key(key),), locator="t.rowid")
        q.add("t.id % 2 = 0")
        cursor, seen = None, []
        for _ in range(3):
            page = fetch_page(con, q, limit=500, cursor=cursor)
            seen += [(r["id"], r["val"]) for r in page["items"]]
            cursor = page["next_cursor"]
        expected = con.execute(f"SELECT t.id, t.val FROM t WHERE t.id % 2 = 0 ORDER BY {key} LIMIT 1500").fetchall()
        assert seen == expected


def test_a_lookup_gives_the_same_columns_by_index_or_by_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    import wirescope.api.paging as paging

    con = duckdb.connect()
    con.execute("CREATE TABLE a (id VARCHAR PRIMARY KEY, name VARCHAR)")
    con.execute("INSERT INTO a SELECT 'k' || CAST(i AS VARCHAR), 'name ' || CAST(i AS VARCHAR) FROM range(50) r(i)")
    lookup = paging.Lookup("a", "aid", "id", (("lk.name", "name"),))

    def looked_up() -> list[dict[str, object]]:
        items: list[dict[str, object]] = [{"aid": f"k{i}"} for i in (3, 7, 7, 49)]
        items += [{"aid": "gone"}, {"aid": None}]
        lookup.apply(con, items)
        return items

    by_index = looked_up()
    assert [i["name"] for i in by_index] == ["name 3", "name 7", "name 7", "name 49", None, None]
    monkeypatch.setattr(paging, "LOOKUP_KEYS", 2)  # past the limit: one scan
    assert looked_up() == by_index


def test_newest_first_pages_in_the_order_of_its_key() -> None:
    """newest_first orders pages by the date column (for DuckDB's row-group skipping): the same order as its key,
    NULL dates last, ties by the next key, across cursor pages."""
    from wirescope.api.paging import newest_first

    con = duckdb.connect()
    con.execute("CREATE TABLE e AS SELECT i AS id, CASE WHEN i % 7 = 0 THEN NULL ELSE DATE '2020-01-01' + "
                "CAST(i % 5 AS INTEGER) END AS day FROM range(60) r(i)")
    for locator in (None, "t.rowid"):
        q = Query(select="t.id, t.day", from_="e t", keys=(newest_first("t.day"), Key("t.id")), locator=locator)
        cursor, seen = None, []
        while True:
            page = fetch_page(con, q, limit=7, cursor=cursor)
            seen += [r["id"] for r in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        key = "(DATE '9999-12-31' - coalesce(t.day, DATE '0001-01-01'))"
        assert seen == [r[0] for r in con.execute(f"SELECT t.id FROM e t ORDER BY {key}, t.id").fetchall()]
