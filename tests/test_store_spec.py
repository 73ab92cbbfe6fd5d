"""The table specs against the migrated schema, a store made by the previous release, and record round trips."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from wirescope.aggregate.tables import ALL_TABLES
from wirescope.records import Actor, Analysis, Article, Event, Place, Provenance, Span
from wirescope.store import Store, migrations
from wirescope.store.events import query_events
from wirescope.store.tables import EVENTS

# The last migration of the previous release: a store it made must open, migrate and read.
PREVIOUS_RELEASE = 7


def _schema(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, tuple[str, bool]]]:
    rows = con.execute(
        "SELECT table_name, column_name, data_type, is_nullable = 'YES' FROM information_schema.columns "
        "WHERE table_schema = 'main'"
    ).fetchall()
    out: dict[str, dict[str, tuple[str, bool]]] = {}
    for table, column, data_type, nullable in rows:
        out.setdefault(table, {})[column] = (str(data_type), bool(nullable))
    return out


def test_migrated_schema_matches_the_specs(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        schema = _schema(store.con)
    assert set(schema) - {"schema_migrations"} == set(ALL_TABLES), "a table without a spec, or a spec without a table"
    problems = []
    for name, spec in ALL_TABLES.items():
        declared = {c.name: (c.type, True if spec.view else c.nullable) for c in spec.columns}
        actual = schema[name] if not spec.view else {k: (t, True) for k, (t, _) in schema[name].items()}
        if declared != actual:
            missing = {k: v for k, v in actual.items() if declared.get(k) != v}
            extra = {k: v for k, v in declared.items() if actual.get(k) != v}
            problems.append(f"{name}: migrated {missing} but the spec says {extra}")
    assert not problems, "\n".join(problems)


def test_every_column_is_described() -> None:
    for spec in ALL_TABLES.values():
        assert spec.description, spec.name
        for c in spec.columns:
            assert len(c.description) >= 8, f"{spec.name}.{c.name} has no real description"


def _event(place: Place | None) -> Event:
    return Event(
        "a1", 0, "190", "19", "190", 4, -10.0, Span(10, 16, "killed"),
        Actor(0, 9, "US forces", name="United States", code="USAMIL", country="USA", roles=("MIL",)),
        Actor(20, 29, "Soleimani", name="Qasem Soleimani", entity_id="p1", code="IRNMIL", country="IRN"),
        modality="asserted", confidence=0.8, plover="ASSAULT", date="2020-01-03", date_source="publication",
        place=place, place_source="trigger" if place else None, sentence_text="US forces killed Soleimani.",
        mentions=(3,),
    )


def test_events_round_trip_whole_records(tmp_path: Path) -> None:
    place = Place(33, 40, "Baghdad", name="Baghdad", geonameid=98182, lat=33.34, lon=44.4, feature="P.PPLC",
                  country="IQ", country3="IRQ", admin1="07", confidence=0.9, sentence=0, match="name")
    events = (_event(place), _event(None))
    analysis = Analysis(Article("a1", "US forces killed Soleimani at Baghdad."), Provenance("0", "m", ()),
                        events=events)
    with Store(tmp_path / "s.duckdb") as store:
        store.write([analysis], run_id=None)
        assert sorted(query_events(store.con), key=lambda e: e.place is None) == list(events)


def _previous_release_store(path: Path) -> None:
    """A store as the previous release made it: migrations 001-007 only, rows in their column layout."""
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    for version, name, sql in migrations():
        if version <= PREVIOUS_RELEASE:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, datetime(2026, 1, 1)])
    con.execute(
        "INSERT INTO articles (id, text, published, published_source, status, ingested_at) "
        "VALUES ('a1', 'US forces killed Soleimani at Baghdad.', DATE '2020-01-03', 'metadata', 'analysed', now())"
    )
    con.execute(
        "INSERT INTO places (article_id, idx, start_char, end_char, text, name, geonameid, lat, lon, feature, "
        "country, country3, confidence) VALUES ('a1', 0, 30, 37, 'Baghdad', 'Baghdad', 98182, 33.34, 44.4, "
        "'P.PPLC', 'IQ', 'IRQ', 0.9)"
    )
    con.execute(  # the 002_events layout, with the values the previous writer gave
        "INSERT INTO events VALUES ('a1', 0, 0, '190', '19', '190', 4, -10.0, 'ASSAULT', NULL, NULL, 'asserted', 0.8,"
        " DATE '2020-01-03', 'publication', 'killed', 10, 16, 'US forces', 0, 9, 'United States', NULL, 'USAMIL',"
        " 'USA', NULL, NULL, NULL, NULL, NULL, 'IRNMIL', 'IRN', 'Baghdad', 98182, 33.34, 44.4, 'IRQ', 'trigger',"
        " [3], 'US forces killed Soleimani at Baghdad.')"
    )
    con.close()


def test_a_store_of_the_previous_release_migrates_and_reads(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _previous_release_store(path)
    with Store(path) as store:
        assert store.schema_version() == max(v for v, _, _ in migrations()) > PREVIOUS_RELEASE
        assert set(_schema(store.con)["events"]) == set(EVENTS.names)
        (event,) = query_events(store.con)
    assert event.source == Actor(0, 9, "US forces", name="United States", code="USAMIL", country="USA")
    assert event.target == Actor(0, 0, "", code="IRNMIL", country="IRN")  # a code without a span
    assert event.place is not None and (event.place.name, event.place.geonameid) == ("Baghdad", 98182)
    assert event.place.text == "Baghdad" and event.place.confidence == 0.0  # not stored before 010: defaults
    assert (event.date, event.mentions) == ("2020-01-03", (3,))
    # The aggregation's reader takes the feature from the places table for such rows.
    from wirescope.store.aggregate import load_events

    with Store(path) as store:
        assert load_events(store.con)["a1"][0].place.feature == "P.PPLC"  # type: ignore[union-attr]


@pytest.mark.parametrize("name", sorted(ALL_TABLES))
def test_spec_rows_have_the_spec_width(name: str) -> None:
    spec = ALL_TABLES[name]
    assert len(spec.names) == len(set(spec.names)), f"{name} names a column twice"
    assert all(k in spec.names for k in spec.key), f"{name}: key {spec.key} is not among its columns"


def test_date_columns_decode_to_the_record_type() -> None:
    row = dict.fromkeys(EVENTS.names)
    row.update(article_id="a", idx=0, sentence=0, code="010", root_code="01", base_code="010", quad_class=1,
               goldstein=0.0, modality="asserted", confidence=0.5, trigger_text="said", trigger_start=0,
               trigger_end=4, date=date(2021, 5, 1))
    event = EVENTS.record_of(row)
    assert event.date == "2021-05-01" and event.source is None and event.place is None and event.mentions == ()


def test_exports_follow_the_specs(tmp_path: Path) -> None:
    import csv

    from wirescope.export.tables import export_tables

    place = Place(33, 40, "Baghdad", name="Baghdad", geonameid=98182, lat=33.34, lon=44.4, country3="IRQ")
    analysis = Analysis(Article("a1", "US forces killed Soleimani at Baghdad."), Provenance("0", "m", ()),
                        events=(_event(place),))
    with Store(tmp_path / "s.duckdb") as store:
        store.write([analysis], run_id=None)
        written = dict(export_tables(store.con, tmp_path / "out", "csv", ["events", "articles"]))
    assert written[tmp_path / "out" / "events.csv"] == 1
    with (tmp_path / "out" / "events.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header == list(EVENTS.names)
    with (tmp_path / "out" / "events.columns.csv").open(encoding="utf-8") as fh:
        described = {row["column"]: row["description"] for row in csv.DictReader(fh)}
    assert described == {c.name: c.description for c in EVENTS.columns}
    with (tmp_path / "out" / "articles.csv").open(encoding="utf-8") as fh:
        assert not {"raw", "minhash"} & set(next(csv.reader(fh)))  # inputs for re-processing stay in the store


def test_exports_of_a_previous_release_store_have_every_column(tmp_path: Path) -> None:
    from wirescope.export.tables import export_tables

    path = tmp_path / "old.duckdb"
    _previous_release_store(path)
    with Store(path, read_only=True) as store:  # read-only: not migrated
        export_tables(store.con, tmp_path / "out", "parquet", ["events"])
    with duckdb.connect() as con:
        exported = con.execute(f"SELECT * FROM read_parquet('{tmp_path / 'out' / 'events.parquet'}')")
        names = [d[0] for d in exported.description]
    assert names == list(EVENTS.names)


def _sample_value(column_type: str, k: int) -> object:
    """A value of a column's SQL type (varied by ``k``)."""
    if column_type.endswith("[]"):
        return [_sample_value(column_type[:-2], k + j) for j in range(k % 3)]
    if column_type == "DATE":
        return date(2020, 1, 1 + k % 28)
    if column_type in ("INTEGER", "BIGINT", "SMALLINT"):
        return k
    if column_type in ("DOUBLE", "FLOAT", "REAL"):
        return 0.5 + k
    if column_type == "BOOLEAN":
        return bool(k % 2)
    return f"v{k}"


@pytest.mark.parametrize("name", sorted(n for n, s in ALL_TABLES.items() if s.record is not None))
def test_records_read_rows_as_record_of_does(name: str) -> None:
    """``TableSpec.records`` (a reader compiled per column list) gives what ``record_of`` gives for each row: rows
    with NULLs in random columns (nested records all-NULL or partly set, fields left to their defaults, fills) and a
    column list that leaves some out (read as NULL)."""
    import random

    spec = ALL_TABLES[name]
    rng = random.Random(name)
    for names in (list(spec.names), [n for i, n in enumerate(spec.names) if i % 3 != 1]):
        rows = [[None if rng.random() < (0.1 * (r % 10)) else _sample_value(spec.column(n).type, r + i)
                 for i, n in enumerate(names)] for r in range(200)]
        try:
            expected = [spec.record_of(dict(zip(names, row, strict=True))) for row in rows]
        except Exception as exc:  # the same rows must fail the same way
            with pytest.raises(type(exc)):
                spec.records(names, rows)
            continue
        assert spec.records(names, rows) == expected


@pytest.mark.parametrize("name", sorted(ALL_TABLES))
def test_rows_are_written_as_column_value_gives_them(name: str) -> None:
    """``TableSpec.row`` (a writer compiled per set of context names) gives each column's ``Column.value``: records
    read back from rows with NULLs in random columns (nested records absent or partly set, empty lists), with the
    context columns given, with some record columns given as context too, and with no record (its columns None)."""
    import random

    spec = ALL_TABLES[name]
    rng = random.Random(name)
    given = [c.name for c in spec.columns if c.path is None and c.get is None]  # what no record holds
    records: list[object] = [None]
    if spec.record is not None:
        for r in range(200):
            row = {n: None if rng.random() < (0.1 * (r % 10)) else _sample_value(spec.column(n).type, r + i)
                   for i, n in enumerate(spec.names)}
            try:
                records.append(spec.record_of(row))
            except Exception:  # a row no record can be read from (a required field left NULL)
                continue
    extra = [n for i, n in enumerate(spec.names) if i % 4 == 2 and n not in given]
    for names in (given, given + extra, list(spec.names)):
        for k, record in enumerate(records):
            ctx = {n: _sample_value(spec.column(n).type, k) for n in names}
            try:
                expected = tuple(c.value(record, ctx) for c in spec.columns)
            except Exception as exc:  # a derived column of a record made of random values: the same error
                with pytest.raises(type(exc)):
                    spec.row(record, **ctx)
                continue
            assert spec.row(record, **ctx) == expected
    assert len(records) > 1 or spec.record is None
