"""The Ray engine's parts that need no Ray: planning partitions, reading them, Parquet output and `load`.

The end-to-end test with a Ray cluster is in test_ray_engine.py; these run in every test run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ray_support import ALL_STAGES, assert_same_records, table_rows
from wirescope.config import Settings
from wirescope.errors import ConfigError
from wirescope.ingest.sources import read_inputs
from wirescope.nlp.pipeline import Pipeline
from wirescope.records import Article, Failure
from wirescope.runners.local import ingest as local_ingest
from wirescope.runners.parquet import Output, PartitionWriter, load
from wirescope.runners.partitions import plan_partitions, process_partition, read_partition
from wirescope.store import Store

BODY = (
    "Officials in Geneva said on Friday that the ceasefire talks between the two delegations would resume "
    "next week after a pause of several months, according to a statement from the United Nations mediator."
)
GERMAN = (
    "Die Verhandlungen in Genf sollen nach Angaben der Vereinten Nationen in der kommenden Woche fortgesetzt "
    "werden, nachdem sie mehrere Monate lang unterbrochen waren, teilte der Vermittler am Freitag mit."
)


def _jsonl(path: Path, records: list[object]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_line_partitions_read_the_same_records_as_the_local_reader(tmp_path: Path) -> None:
    records: list[object] = [{"text": f"{BODY} Item {i}.", "title": f"t{i}"} for i in range(7)]
    records[2] = "{not json"
    records[4] = ""  # blank lines are skipped, and numbering goes on
    path = _jsonl(tmp_path / "rows.jsonl", records)
    partitions, failures = plan_partitions([str(path)], partition_size=3)
    assert failures == []
    # the plan's last two partitions are split finer, so that workers finish together
    assert [(p.kind, p.start, p.stop) for p in partitions] == [
        ("lines", 1, 4), ("lines", 4, 5), ("lines", 5, 6), ("lines", 6, 7), ("lines", 7, 8)]
    again, _ = plan_partitions([str(path)], partition_size=3)
    assert [p.id for p in again] == [p.id for p in partitions]  # stable ids: what a rerun uses to skip
    assert len({p.id for p in partitions}) == 5
    from_partitions = [item for p in partitions for item in read_partition(p)]
    assert from_partitions == list(read_inputs([str(path)]))
    bad = [f for f in from_partitions if isinstance(f, Failure)]
    assert [f.item for f in bad] == [f"{path}:3"]


def test_planning_groups_text_files_and_reports_unreadable_inputs(tmp_path: Path, examples: list[Path]) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(f"Headline {i}\n\n{BODY}", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    partitions, failures = plan_partitions(
        [str(folder), str(tmp_path / "missing.jsonl"), str(tmp_path / "empty")], partition_size=2
    )
    assert [len(p.paths) for p in partitions] == [2, 2, 1]
    assert [f.item for f in failures] == [str(tmp_path / "missing.jsonl"), str(tmp_path / "empty")]
    assert "no such file" in failures[0].reason and "no readable files" in failures[1].reason
    items = [item for p in partitions for item in read_partition(p)]
    assert items == list(read_inputs([str(folder)]))


def test_parquet_input_rows(tmp_path: Path) -> None:
    path = tmp_path / "dump.parquet"
    pq.write_table(
        pa.table({"body": [f"{BODY} Number {i}." for i in range(5)] + [None], "headline": [f"h{i}" for i in range(6)]}),
        path,
    )
    from wirescope.ingest.tabular import FieldMapping

    partitions, _ = plan_partitions([str(path)], partition_size=4)
    assert [(p.kind, p.start, p.stop) for p in partitions] == [("rows", 0, 1), ("rows", 1, 2), ("rows", 2, 3),
                                                                ("rows", 3, 4), ("rows", 4, 5), ("rows", 5, 6)]
    items = [i for p in partitions for i in read_partition(p, mapping=FieldMapping(text="body", title="headline"))]
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.input for a in articles] == [f"{path}:{n}" for n in range(1, 6)]
    assert articles[0].title == "h0" and articles[0].input_format == "parquet"
    assert isinstance(items[-1], Failure) and items[-1].item == f"{path}:6" and "no article text" in items[-1].reason


def test_output_refuses_other_settings(tmp_path: Path) -> None:
    out = Output(tmp_path / "out")
    out.check_manifest(Settings(model="typo"))
    out.check_manifest(Settings())  # nothing complete yet: the folder is taken over
    out.write_json({"partition": "p1", "order": [0]}, "_done", "p1.json")
    out.check_manifest(Settings(batch_size=8))  # batch size changes no record
    with pytest.raises(ConfigError, match="other settings"):
        out.check_manifest(Settings(stages=("entities", "times")))


def test_missing_ray_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from wirescope.runners.ray import import_ray

    monkeypatch.setitem(sys.modules, "ray", None)  # what `import ray` sees without the extra
    with pytest.raises(ConfigError, match=r"pip install 'wirescope\[ray\]'"):
        import_ray()


def test_cli_without_ray_exits_with_the_install_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import typer

    from wirescope.cli.ray import ingest_with_ray

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(typer.Exit) as exited:
        ingest_with_ray(["examples"], Settings(), address=None, workers=2, out=tmp_path / "out")
    assert exited.value.exit_code == 2
    assert "pip install 'wirescope[ray]'" in " ".join(capsys.readouterr().err.split())


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings(stages=ALL_STAGES))


def _corpus(tmp_path: Path, examples: list[Path]) -> list[str]:
    """Examples plus, in later partitions, two exact duplicates, a near-duplicate, German text and a bad record."""
    base = examples[0].read_text(encoding="utf-8")
    near = base.replace("Soleimani's death", "the death of Soleimani", 1) + "\n\nUpdated with reactions."
    first = _jsonl(tmp_path / "a.jsonl", [{"text": BODY, "title": "talks"}, {"text": GERMAN}, {"text": base}])
    second = _jsonl(tmp_path / "b.jsonl", [{"text": BODY, "title": "copy"}, {"text": near}, "[1, 2]"])
    return [str(p) for p in examples] + [str(first), str(second)]


def test_partitions_loaded_into_duckdb_equal_the_local_engine(
    tmp_path: Path, examples: list[Path], pipeline: Pipeline
) -> None:
    inputs = _corpus(tmp_path, examples)
    settings = pipeline.settings
    with Store(tmp_path / "local.duckdb") as local:
        report = local_ingest(inputs, local, settings, pipeline=pipeline)
    assert report.duplicates == 2 and report.near_duplicates == 1 and report.not_english == 1 and report.failed == 1

    out = tmp_path / "out"
    Output(out).check_manifest(settings)
    partitions, failures = plan_partitions(inputs, partition_size=2)
    assert failures == [] and len(partitions) == 6
    writer = PartitionWriter(out)
    for part in partitions:
        result = process_partition(pipeline, part)
        writer.write(part.id, result.rows, run_id="r1", marker={"order": list(part.order)})
    writer.close()
    # One table file per store table, written before the marker.
    assert sorted(p.name for p in (out / "events").iterdir()) == sorted(f"{p.id}.parquet" for p in partitions)
    assert len(list((out / "_done").iterdir())) == 6

    with Store(tmp_path / "ray.duckdb") as merged:
        loaded = load(out, merged)
        assert (loaded.articles, loaded.duplicates, loaded.near_duplicates, loaded.not_english) == (3, 2, 1, 1)
        counts = assert_same_records(Store(tmp_path / "local.duckdb", read_only=True), merged)
        assert counts["articles"] == 5 and counts["events"] > 0 and counts["mentions"] > 0
        before = {t: table_rows(merged, t) for t in ("articles", "events", "failures")}
        again = load(out, merged)  # idempotent: nothing is added twice
        assert again.articles == 0 and again.duplicates == 7
        assert {t: table_rows(merged, t) for t in before} == before


def test_object_store_uris_for_inputs_and_output(tmp_path: Path, examples: list[Path], pipeline: Pipeline) -> None:
    """``file://`` URIs take the same pyarrow-filesystem path as ``s3://`` or ``gs://`` ones."""
    src = tmp_path / "bucket"
    src.mkdir()
    _jsonl(src / "rows.jsonl", [{"text": BODY}, "{broken", {"text": GERMAN}])
    (src / "story.txt").write_text(examples[1].read_text(encoding="utf-8"), encoding="utf-8")
    other = (
        "Parliament approved the budget on Tuesday after a long debate in which the opposition demanded more spending."
    )
    pq.write_table(pa.table({"text": [other]}), src / "dump.parquet")
    uri = f"file://{src}"
    partitions, failures = plan_partitions([uri], partition_size=2)
    assert failures == [] and sorted(p.kind for p in partitions) == ["files", "lines", "lines", "rows"]
    items = [i for p in partitions for i in read_partition(p)]
    assert sorted(i.input if isinstance(i, Article) else i.item for i in items) == [
        f"{uri}/dump.parquet:1",
        f"{uri}/rows.jsonl:1",
        f"{uri}/rows.jsonl:2",
        f"{uri}/rows.jsonl:3",
        f"{uri}/story.txt",
    ]
    story = next(i for i in items if isinstance(i, Article) and i.input.endswith("story.txt"))
    local_story = next(iter(read_inputs([str(examples[1])])))
    assert isinstance(local_story, Article) and story.id == local_story.id and story.published == local_story.published

    out = f"file://{tmp_path / 'out'}"
    Output(out).check_manifest(pipeline.settings)
    writer = PartitionWriter(out)
    for part in partitions:
        writer.write(part.id, process_partition(pipeline, part).rows, run_id="r", marker={"order": list(part.order)})
    writer.close()
    with Store(tmp_path / "uri.duckdb") as store:
        report = load(out, store)
        assert (report.partitions, report.articles, report.not_english, report.failures) == (4, 3, 1, 1)
