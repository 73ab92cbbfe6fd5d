"""Exports for analysts' tools (issue 19, item 8): codes stay text in Parquet, JSON and CSV; a CSV has CSVW metadata
derived from the table specs; the README's pandas and R examples read codes as text."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from api_support import write_store
from wirescope.aggregate.tables import ALL_TABLES
from wirescope.export.csvw import LIST_SEPARATOR, csvw_metadata, datatype
from wirescope.export.tables import export_columns, export_tables, exportable_tables, table_csvw

README = Path(__file__).resolve().parents[1] / "README.md"
CODES = ("code", "root_code", "base_code")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(tmp_path_factory.mktemp("export") / "w.duckdb")


def _export(store: Path, out: Path, fmt: str, tables: list[str]) -> None:
    with duckdb.connect(str(store), read_only=True) as con:
        export_tables(con, out, fmt, tables)


def test_fixture_has_a_code_with_a_leading_zero(store: Path) -> None:
    with duckdb.connect(str(store), read_only=True) as con:
        codes = {r[0] for r in con.execute("SELECT code FROM events").fetchall()}
    assert "025" in codes  # what a numeric reading would turn into 25


@pytest.mark.parametrize("fmt", ["parquet", "json", "jsonl"])
def test_codes_stay_text(store: Path, tmp_path: Path, fmt: str) -> None:
    _export(store, tmp_path, fmt, ["events", "merged_events"])
    for table in ("events", "merged_events"):
        path = tmp_path / f"{table}.{fmt}"
        if fmt == "parquet":
            data = pq.read_table(path)
            assert all(str(data.schema.field(c).type) == "string" for c in CODES)
            rows = data.to_pylist()
        elif fmt == "json":
            rows = json.loads(path.read_text(encoding="utf-8"))
        else:
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert rows and all(isinstance(r[c], str) for r in rows for c in CODES)
        assert "025" in {r["code"] for r in rows} and "02" in {r["root_code"] for r in rows}


def test_csvw_is_derived_from_every_spec(store: Path) -> None:
    with duckdb.connect(str(store), read_only=True) as con:
        tables = exportable_tables(con)
    assert "events" in tables and "stories" in tables
    # the clusterer's saved state is in the store but is no data to exchange
    assert {"story_vectors", "story_meta", "story_member_terms"}.isdisjoint(tables)
    for table in tables:
        meta = table_csvw(table)
        columns = export_columns(table)
        described = meta["tableSchema"]["columns"]
        assert [c["name"] for c in described] == [c.name for c in columns]
        assert [c["dc:description"] for c in described] == [c.description for c in columns]
        assert all(c["dc:description"] for c in described), table
        assert meta["dc:description"] == ALL_TABLES[table].description


def test_csv_and_its_metadata_agree(store: Path, tmp_path: Path) -> None:
    _export(store, tmp_path, "csv", ["events", "stories"])
    meta = json.loads((tmp_path / "events.csv-metadata.json").read_text(encoding="utf-8"))
    assert meta["@context"] == "http://www.w3.org/ns/csvw" and meta["url"] == "events.csv"
    header = (tmp_path / "events.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    by_name = {c["name"]: c for c in meta["tableSchema"]["columns"]}
    assert header == list(by_name)
    assert all(by_name[c]["datatype"] == "string" for c in CODES)
    assert by_name["modality"]["datatype"]["base"] == "string"
    assert re.fullmatch(by_name["modality"]["datatype"]["format"], "threatened")
    assert by_name["quad_class"]["datatype"] == {"base": "integer", "minimum": 1, "maximum": 4}
    assert by_name["date"]["datatype"] == "date" and by_name["confidence"]["datatype"] == "double"
    assert by_name["source_roles"]["separator"] == LIST_SEPARATOR
    assert meta["tableSchema"]["primaryKey"] == ["article_id", "idx"]
    stories = (tmp_path / "stories.csv").read_text(encoding="utf-8")
    assert "[" not in stories.splitlines()[1].split(",")[-1]  # article_ids joined by ';', not a list literal


def test_unknown_sql_type_is_an_error() -> None:
    from wirescope.store.spec import col

    with pytest.raises(ValueError, match="HUGEINT"):
        datatype(col("x", "HUGEINT", "a number"))
    meta = csvw_metadata("t", "d", [col("x", "VARCHAR", "a text")], ("missing",), "t.csv")
    assert "primaryKey" not in meta["tableSchema"]  # a key not among the columns is not claimed


def _readme_block(lang: str) -> str:
    section = README.read_text(encoding="utf-8").split("### Exports for analysts' tools", 1)[1].split("\n## ", 1)[0]
    found = re.search(rf"```{lang}\n(.*?)```", section, re.S)
    assert found, f"no {lang} example in the README's exports section"
    return found.group(1)


def test_readme_pandas_example_reads_codes_as_text(store: Path, tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    out = tmp_path / "export"
    for fmt in ("parquet", "csv"):
        _export(store, out, fmt, ["events"])
    code = _readme_block("python").replace('"export/', f'"{out.as_posix()}/')
    scope: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), scope)
    events = scope["events"]
    codes = list(events["code"])  # type: ignore[index]
    assert "025" in codes and all(isinstance(c, str) for c in codes)
    assert set(events["root_code"]) >= {"02", "19"}  # type: ignore[index]


def test_readme_r_example_reads_codes_as_text(store: Path, tmp_path: Path) -> None:
    rscript = shutil.which("Rscript")
    if rscript is None:
        pytest.skip("R (Rscript) is not installed")
    out = tmp_path / "export"
    _export(store, out, "csv", ["events"])
    code = _readme_block("r").replace('"export/', f'"{out.as_posix()}/') + '\ncat(events$code, sep="\\n")\n'
    result = subprocess.run([rscript, "-e", code], capture_output=True, text=True, timeout=120, check=True)
    assert "025" in result.stdout.split()
