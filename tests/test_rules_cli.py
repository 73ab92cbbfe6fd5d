"""The rule registry through the command line: listing, switching off, explaining, firing counts, recoding."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from wirescope.cli.main import build_app
from wirescope.nlp.coding.rules import RULES
from wirescope.nlp.quotes.rules import QUOTE_RULES

runner = CliRunner()
app = build_app()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
STRIKE = EXAMPLES / "000_fe4dd314449b088d.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_rules_lists_every_rule_in_order() -> None:
    code, out, _ = run("rules", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["rule"] for r in rows] == [r.id for r in RULES] + [r.id for r in QUOTE_RULES]
    assert all(r["phase"] and r["description"] for r in rows)


def test_unknown_rule_is_an_error_that_suggests_close_ids() -> None:
    code, _, err = run("analyze", str(STRIKE), "--disable-rule", "target.place-only-for-place-act")
    assert code == 2
    assert "unknown rule" in err and "target.place-only-for-place-acts" in err


def test_explain_shows_the_trace_of_the_strike_event() -> None:
    code, out, err = run("analyze", str(STRIKE), "--stages", "entities,events", "--explain")
    assert code == 0, err
    block = next(b for b in out.split("\n\n") if "Qasem Soleimani was killed" in b and b.startswith("190"))
    assert "parse    source: killed >prep in >pobj strike" in block
    assert "rule     source.actor-of-the-instrument" in block
    assert "entry    verb:" in block and "KILL" in block


def test_explain_shows_a_later_stage_mark_under_its_own_prefix() -> None:
    """The verifier marks the events it scored with ``verify.calibrated``, which is no coder rule: --explain shows
    it under "verify" (it used to fail with "unknown rule 'verify.calibrated'"), and coder rules stay rules."""
    stages = "entities,times,places,events,quotes,locate,verify"
    code, out, err = run("analyze", str(STRIKE), "--stages", stages, "--explain")
    assert code == 0, err
    blocks = [b for b in out.split("\n\n") if b.strip()]
    assert blocks and all("  verify   verify.calibrated" in b for b in blocks)
    assert "rule     verify.calibrated" not in out
    assert "rule     source.actor-of-the-instrument  (arguments)" in out


def test_trace_phase_of_coder_rules_and_stage_marks() -> None:
    from wirescope.nlp.coding.explain import trace_phase

    assert trace_phase("target.object") == "arguments"
    assert trace_phase("verify.calibrated") == "verify"


def test_a_disabled_rule_changes_the_events(tmp_path: Path) -> None:
    def strike_sources(*extra: str) -> set[str]:
        code, out, err = run("analyze", str(STRIKE), "--stages", "entities,events", "--json", *extra)
        assert code == 0, err
        events = json.loads(out)["events"]
        return {e["source"]["code"] for e in events if e["sentence"] == 2 and e["code"] == "190"}

    assert strike_sources() == {"USAMIL"}
    assert strike_sources("--disable-rule", "source.actor-of-the-instrument") == set()


def test_stats_count_firings_on_a_corpus() -> None:
    code, out, err = run("rules", "--stats", str(EXAMPLES), "--json")
    assert code == 0, err
    fired = {r["rule"]: r["fired"] for r in map(json.loads, out.splitlines())}
    assert set(fired) == {r.id for r in RULES}
    assert fired["source.actor-of-the-instrument"] >= 1 and fired["target.object"] >= 1


def test_stats_over_the_articles_of_a_split_part(tmp_path: Path) -> None:
    """--ids-from a split file with --part counts firings on the listed stories only (ids of the input records)."""
    corpus = tmp_path / "stories.jsonl"
    texts = {"s1": STRIKE.read_text(encoding="utf-8"), "s2": "The weather was mild in Eriador on Tuesday."}
    corpus.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in texts.items()), encoding="utf-8")
    split = tmp_path / "split.json"
    split.write_text(json.dumps({"salt": "x", "tuning": ["s2"], "check": ["s1"]}), encoding="utf-8")

    def fired(*extra: str) -> dict[str, int]:
        code, out, err = run("rules", "--stats", str(corpus), "--json", *extra)
        assert code == 0, err
        return {r["rule"]: r["fired"] for r in map(json.loads, out.splitlines())}

    assert fired("--ids-from", str(split), "--part", "check")["source.actor-of-the-instrument"] >= 1
    assert sum(fired("--ids-from", str(split), "--part", "tuning").values()) == 0
    code, _, err = run("rules", "--stats", str(corpus), "--ids-from", str(split))
    assert code != 0 and "--part" in err and "tuning" in err


def test_read_ids_from_lines_and_lists(tmp_path: Path) -> None:
    from wirescope.nlp.coding.explain import read_ids

    (tmp_path / "ids.txt").write_text("# tuning\na1\n\na2\n", encoding="utf-8")
    (tmp_path / "ids.json").write_text('["a1", 7]', encoding="utf-8")
    assert read_ids(tmp_path / "ids.txt") == {"a1", "a2"}
    assert read_ids(tmp_path / "ids.json") == {"a1", "7"}


@pytest.fixture()
def old_store(tmp_path: Path) -> Path:
    """A store made before a rule change: the examples coded with a rule switched off (another stage version)."""
    db = tmp_path / "w.duckdb"
    code, _, err = run("ingest", str(EXAMPLES), "--db", str(db), "--stages", "entities,events",
                       "--disable-rule", "source.actor-of-the-instrument")
    assert code == 0, err
    return db


def _strike_sources(db: Path) -> tuple[set[str | None], set[str | None]]:
    with duckdb.connect(str(db), read_only=True) as con:
        sources = {r[0] for r in con.execute(
            "SELECT source_code FROM events WHERE sentence = 2 AND code = '190' AND "
            "sentence_text LIKE '%Soleimani was killed%'").fetchall()}
        versions = {r[0] for r in con.execute("SELECT version FROM article_stages WHERE stage = 'events'").fetchall()}
    return sources, versions


def test_recode_stale_reaches_a_store_made_before_a_rule_change(old_store: Path) -> None:
    sources, old_versions = _strike_sources(old_store)
    assert "USAMIL" not in sources and len(old_versions) == 1
    # a rerun of ingest skips stored articles: the rule change does not reach them
    code, _, err = run("ingest", str(EXAMPLES), "--db", str(old_store), "--stages", "entities,events")
    assert code == 0, err
    assert _strike_sources(old_store)[0] == sources
    code, out, err = run("recode", "--db", str(old_store), "--stale", "--stages", "entities,events", "--json")
    assert code == 0, err
    assert json.loads(out) == {"selected": 2, "recoded": 2, "failed": 0}
    sources, versions = _strike_sources(old_store)
    assert "USAMIL" in sources and versions.isdisjoint(old_versions)
    with duckdb.connect(str(old_store), read_only=True) as con:
        stored = {r[0] for r in con.execute("SELECT DISTINCT stage_version FROM events").fetchall()}
        assert stored == versions
        assert con.execute("SELECT count(*) FROM events WHERE trace IS NULL OR len(trace) = 0").fetchone()[0] == 0
    # nothing is stale any more
    code, out, _ = run("recode", "--db", str(old_store), "--stale", "--stages", "entities,events", "--json")
    assert json.loads(out)["selected"] == 0


def test_articles_stored_before_the_versions_were_kept_are_stale(old_store: Path) -> None:
    with duckdb.connect(str(old_store)) as con:
        con.execute("DELETE FROM article_stages")
    code, out, err = run("recode", "--db", str(old_store), "--stale", "--stages", "entities,events",
                         "--disable-rule", "source.actor-of-the-instrument", "--json")
    assert code == 0, err
    assert json.loads(out)["selected"] == 2


def test_events_and_quotes_share_one_actor_coder_with_the_article_date(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from wirescope import Settings, article_from_text
    from wirescope.nlp.pipeline import Pipeline

    pipeline = Pipeline(Settings(stages=("entities", "events", "quotes")))
    shared = pipeline.actor_coder()  # the pipeline's own coder (tests/test_pipeline_actor_coder.py)
    assert pipeline.stages[1].coder.actors is shared  # type: ignore[attr-defined]
    assert pipeline.stages[2].actor_coder is shared  # type: ignore[attr-defined]
    days = []
    original = shared.code_actor

    def spy(span, doc=None, article_date=None):  # type: ignore[no-untyped-def]
        days.append(article_date)
        return original(span, doc, article_date)

    monkeypatch.setattr(shared, "code_actor", spy)
    article = article_from_text(' date 2020-01-03 \nTalks\n\n"We will respond," Iranian officials said on Friday.\n')
    assert article.published == date(2020, 1, 3)
    pipeline.analyze(article)
    assert days and set(days) == {date(2020, 1, 3)}
