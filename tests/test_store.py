from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirescope.config import Settings
from wirescope.errors import StoreError
from wirescope.records import Analysis, Article, Entity, Failure, Mention, Provenance, Sentence
from wirescope.store import Store, migrations
from wirescope.store.core import article_detail, query_articles, query_entities

PROV = Provenance("0.1.0", "en_test", ("entities@1",))


def make_analysis(article_id: str, text: str, names: list[str], published: date | None = None) -> Analysis:
    entities = []
    pos = 0
    for name in names:
        start = text.find(name, pos)
        if start < 0:
            continue
        m = Mention(article_id, 0, start, start + len(name), name, "PERSON")
        entities.append(Entity(id=f"e-{name}", name=name, type="PERSON", mentions=(m,), aliases=("x",)))
        pos = start + len(name)
    return Analysis(
        article=Article(id=article_id, text=text, title="t", published=published, input="mem"),
        provenance=PROV,
        sentences=(Sentence(article_id, 0, 0, len(text)),),
        entities=tuple(entities),
    )


def test_migrations_are_numbered_uniquely_and_applied_once(tmp_path: Path) -> None:
    versions = [v for v, _, _ in migrations()]
    assert versions == sorted(set(versions)) and versions[0] == 1
    with Store(tmp_path / "s.duckdb") as store:
        assert store.schema_version() == versions[-1]
        assert store.migrate() == []


def test_reader_on_missing_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="wirescope ingest"):
        Store(tmp_path / "none.duckdb", read_only=True)


def test_rewriting_an_article_replaces_its_records(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        run = store.begin_run(Settings())
        store.write([make_analysis("a1", "Ann met Bob.", ["Ann", "Bob"])], run_id=run)
        store.write([make_analysis("a1", "Ann met Bob.", ["Ann"])], run_id=run)
        assert store.con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
        assert store.con.execute("SELECT count(*) FROM mentions").fetchone() == (1,)
        store.write([], run_id=run, failures=[Failure("bad.bin", "binary data")])
        assert store.con.execute("SELECT item, reason FROM failures").fetchall() == [("bad.bin", "binary data")]


def test_entities_view_counts_across_articles(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.write([make_analysis("a1", "Ann met Bob.", ["Ann", "Bob"]), make_analysis("a2", "Ann left.", ["Ann"])],
                    run_id=None)
        rows = {r.name: r for r in query_entities(store.con)}
        assert rows["Ann"].mention_count == 2 and rows["Ann"].article_count == 2
        assert rows["Bob"].article_count == 1


def test_reader_cannot_write(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    Store(path).close()
    with Store(path, read_only=True) as reader, pytest.raises(duckdb.Error):
        reader.con.execute("DELETE FROM articles")


names = st.lists(st.text(alphabet="abcdefghij XYZ", min_size=1, max_size=8).map(str.strip).filter(bool),
                 max_size=4, unique=True)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(min_size=1, max_size=200).filter(lambda t: t.strip() != ""),
    people=names,
    published=st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))),
)
def test_store_round_trip(tmp_path: Path, text: str, people: list[str], published: date | None) -> None:
    text = text + " " + " ".join(people)
    analysis = make_analysis("rt", text, people, published)
    path = tmp_path / "rt.duckdb"
    path.unlink(missing_ok=True)
    with Store(path) as store:
        store.write([analysis], run_id=None)
    with Store(path, read_only=True) as reader:
        detail = article_detail(reader.con, "rt")
        assert detail is not None
        assert detail.article.text == text and detail.article.published == published
        stored = [(m.start_char, m.end_char, m.text) for m in detail.mentions]
        expected = sorted((m.start, m.end, m.text) for e in analysis.entities for m in e.mentions)
        assert stored == expected
        assert [r.id for r in query_articles(reader.con)] == ["rt"]
