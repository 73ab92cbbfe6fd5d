"""The command line's output for an analyst (issue 19, item 7): every listing fits 80 and 120 columns with no word
broken across lines, --wide shows whole values, help has no Python type tags, bad option values are one line with
exit status 2, nothing ingestible creates no store, and the new options (events --until/--timing, timeline
--story paging) do what they say. One small store is built from examples/ (plus a bad file, for `failures`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
from rich.cells import cell_len
from typer.testing import CliRunner

from wirescope.cli.main import build_app
from wirescope.cli.table import fit

runner = CliRunner()
app = build_app()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLE = EXAMPLES / "000_fe4dd314449b088d.txt"
BOX = re.compile(r"[\u2500-\u257f]")  # box-drawing characters: the table's borders


def run(*args: str, columns: int = 80) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": str(columns)})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("display")
    db = folder / "w.duckdb"
    bad = folder / "bad"
    bad.mkdir()
    (bad / "broken.txt").write_bytes(b"\x00\x01binary\x00" * 40)
    (bad / "note.txt").write_text("Officials meet\n\nThe foreign minister of Iran met the envoy of Oman in Muscat.")
    for args in (("ingest", str(EXAMPLES)), ("ingest", str(bad)), ("aggregate",),
                 ("watchlist", "add", "gulf", "--dyad", "USA>IRN", "--keyword", "airstrike")):
        code, _, err = run(*args, "--db", str(db))
        assert code == 0, (args, err)
    code, out, _ = run("stories", "--db", str(db), "--json")
    assert code == 0 and out
    return {"db": str(db), "story": json.loads(out.splitlines()[0])["id"]}


def listings(store: dict[str, str]) -> list[tuple[str, ...]]:
    db = ("--db", store["db"])
    return [
        ("articles", *db), ("entities", *db), ("events", "--timing", "all", *db), ("quotes", *db), ("places", *db),
        ("stories", *db), ("stories", "--id", store["story"], *db), ("alerts", *db),
        ("escalation", "USA", "IRN", *db), ("timeline", "--actor", "IRN", *db),
        ("timeline", "--story", store["story"], *db), ("watchlist", "list", *db),
        ("watchlist", "notifications", *db), ("rules",), ("failures", *db), ("stats", *db),
    ]


def cells(text: str) -> list[list[str]]:
    """The words of each output line, table borders removed."""
    return [BOX.sub(" ", line).split() for line in text.splitlines()]


def whole_or_cut(word: str, vocabulary: set[str]) -> bool:
    """A word as printed in full, or cut at its end with an ellipsis; never a fragment without one."""
    if word in vocabulary:
        return True
    if not word.endswith("…"):
        return False
    stem = word[:-1]
    return stem == "" or any(v.startswith(stem) for v in vocabulary)


def check_listing(args: tuple[str, ...]) -> None:
    code, full, err = run(*args, "--wide", columns=1000)
    assert code == 0, (args, err)
    vocabulary = {w for line in cells(full) for w in line}
    code, reference, _ = run(*args, columns=1000)
    rows = sum(line.startswith(("│", "┃")) for line in reference.splitlines())
    for width in (80, 120):
        code, out, err = run(*args, columns=width)
        assert code == 0, (args, width, err)
        lines = out.splitlines()
        assert all(cell_len(line) <= width for line in lines), (args, width, out)
        # one line per row: nothing wraps, so no word can be broken across lines ...
        assert sum(line.startswith(("│", "┃")) for line in lines) == rows, (args, width, out)
        # ... and every word is whole or visibly cut
        broken = [w for line in cells(out) for w in line if not whole_or_cut(w, vocabulary)]
        assert not broken, (args, width, broken, out)
        code, wide, _ = run(*args, "--wide", columns=width)
        assert code == 0
        assert {w for line in cells(wide) for w in line} <= vocabulary, (args, width, wide)  # wraps at spaces only


def test_every_listing_fits_80_and_120_columns_without_breaking_a_word(store: dict[str, str]) -> None:
    for args in listings(store):
        check_listing(args)


def test_a_narrow_table_cuts_the_longest_text_first_and_keeps_dates_whole() -> None:
    headers = ["date", "code", "title", "evidence"]
    rows = [["2020-01-03", "190", "Short title", "A very long sentence of evidence " * 5]]
    layout = fit(headers, rows, 80)
    widths = dict(zip([headers[i] for i in layout.shown], layout.widths, strict=True))
    assert widths["date"] == 10 and widths["code"] == 4 and widths["title"] == len("Short title")
    assert sum(layout.widths) + 3 * len(layout.shown) + 1 == 80
    narrow = fit(headers, rows, 30)  # too narrow for all: columns dropped from the right, dates still whole
    assert narrow.shown[:1] == (0,) and narrow.widths[0] == 10 and len(narrow.shown) < 4


@pytest.mark.slow
def test_analyze_prints_events_quotations_and_places_as_tables() -> None:
    for width in (80, 120):
        code, out, err = run("analyze", str(ARTICLE), columns=width)
        assert code == 0, err
        for section in ("events", "quotations", "places", "entities"):
            assert re.search(rf"^{section} \(\d+\)$", out, re.M), (section, out)
        assert "Soleimani" in out and "trigger_text" in out and "cue_text" in out and "IRN" in out
        assert all(cell_len(line) <= width for line in out.splitlines() if line.startswith(("│", "┃")))


def commands(command: object, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, sub in getattr(command, "commands", {}).items():
        found += commands(sub, (*path, name))
    return found


def test_help_shows_no_python_type_tags() -> None:
    every = commands(typer.main.get_command(app))
    assert ("events",) in every and ("watchlist", "add") in every and ("eval", "events") in every
    for path in every:
        code, out, err = run(*path, "--help", columns=120)
        assert code == 0, (path, err)
        tags = re.findall(r"<[a-z][a-z_\[\], |.]*>", out)
        assert not tags, (path, tags)
    _, out, _ = run("events", "--help", columns=120)
    assert "INTEGER" in out and "TEXT" in out and "PATH" in out
    _, out, _ = run("export", "--help", columns=160)
    assert "json" in out.replace("jsonl", "")


def bad_invocations(db: str, tmp: Path) -> list[tuple[tuple[str, ...], str]]:
    d = ("--db", db)
    return [
        (("events", "--limit", "-3", *d), "--limit"),
        (("events", "--limit", "abc", *d), "--limit"),
        (("events", "--since", "2020-13-01", *d), "--since"),
        (("events", "--until", "yesterday", *d), "--until"),
        (("events", "--since", "2020-02-01", "--until", "2020-01-01", *d), "before"),
        (("events", "--timing", "soon", *d), "--timing"),
        (("events", "--modality", "maybe", *d), "--modality"),
        (("events", "--bogus", *d), "--bogus"),
        (("eventz",), "eventz"),
        (("articles", "--limit", "0", *d), "--limit"),
        (("articles", "--status", "bogus", *d), "--status"),
        (("events", "--root", "abc", *d), "--root"),
        (("alerts", "--since", "nope", "--db", str(tmp / "absent.duckdb")), "--since"),
        (("entities", "--top", "-1", *d), "--top"),
        (("quotes", "--limit", "-3", *d), "--limit"),
        (("places", "--limit", "0", *d), "--limit"),
        (("stories", "--limit", "0", *d), "--limit"),
        (("stories", "--since", "soon", *d), "--since"),
        (("alerts", "--since", "2020-02-30", *d), "--since"),
        (("escalation", "USA", "IRN", "--level", "planet", *d), "--level"),
        (("timeline", *d), "--story"),
        (("timeline", "--dyad", "USA", *d), "--dyad"),
        (("timeline", "--story", "s0", "--offset", "-1", *d), "--offset"),
        (("failures", "--stage", "parse", *d), "--stage"),
        (("export", "--format", "xml", "--out", str(tmp / "x"), *d), "--format"),
        (("ingest", str(EXAMPLES), "--batch-size", "0", "--db", str(tmp / "n.duckdb")), "--batch-size"),
        (("watchlist", "notifications", "--limit", "0", *d), "--limit"),
        (("show", *d), "ARTICLE_ID"),
        (("analyze",), "FILE"),
    ]


def test_bad_option_values_exit_2_with_one_line(store: dict[str, str], tmp_path: Path) -> None:
    for args, named in bad_invocations(store["db"], tmp_path):
        result = runner.invoke(app, list(args), env={"COLUMNS": "80"})
        assert result.exit_code == 2, (args, result.exit_code, result.stdout, result.stderr, result.exception)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: ") and named in lines[0], (args, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "n.duckdb").exists() and not (tmp_path / "x").exists()


def test_nothing_ingestible_creates_no_store(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    for inputs in ([str(tmp_path / "nope.txt")], [str(empty)], [str(tmp_path / "junk")],
                   [str(tmp_path / "nope.txt"), str(empty)]):
        db = tmp_path / "never.duckdb"
        code, _, err = run("ingest", *inputs, "--db", str(db))
        assert code == 1, err
        assert "no store was opened or created" in err and Path(inputs[0]).name in err
        assert not db.exists() and not list(tmp_path.glob("never.duckdb*"))


def _json(*args: str) -> list[dict[str, object]]:
    code, out, err = run(*args)
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_events_until_and_timing(store: dict[str, str]) -> None:
    db = ("--db", store["db"])
    dated = [e for e in _json("events", "--json", "--timing", "all", *db) if e["date"]]
    assert dated
    last = max(str(e["date"]) for e in dated)
    before = _json("events", "--json", "--timing", "all", "--until", last, *db)
    assert before and all(str(e["date"]) <= last for e in before)
    day = _json("events", "--json", "--timing", "all", "--since", last, "--until", last, *db)
    assert day and {e["date"] for e in day} == {last}
    assert not [e for e in _json("events", "--json", "--timing", "all", "--until", "1900-01-01", *db) if e["date"]]
    every = _json("events", "--json", "--timing", "all", *db)
    parts = {t: _json("events", "--json", "--timing", t, *db) for t in ("current", "historical", "planned")}
    assert _json("events", "--json", *db) == parts["current"]  # current news by default
    assert sum(len(p) for p in parts.values()) == len(every)
    for timing, rows in parts.items():
        assert all((r.get("timing") or "current") == timing for r in rows), timing


def test_story_timeline_pages_its_window(store: dict[str, str]) -> None:
    db = ("--db", store["db"])
    first = _json("timeline", "--story", store["story"], "--limit", "2", "--json", *db)
    window = [r for r in first if r["section"] == "window"]
    assert len(window) == 2
    second = _json("timeline", "--story", store["story"], "--limit", "2", "--offset", "2", "--json", *db)
    assert {r["section"] for r in second} == {"window"}  # background and undated come with the first page
    key = [(r.get("id"), r.get("text")) for r in window]
    assert not set(key) & {(r.get("id"), r.get("text")) for r in second}
    assert all(r["date"] is None for r in first if r["section"] == "undated")
    code, _, err = run("timeline", "--story", store["story"], "--limit", "2", *db)
    assert code == 0 and "items 1-2 of" in err and "--offset 2" in err


def test_quotes_table_names_no_pronoun_speaker() -> None:
    """Issue 19, item 5: a speaker that did not resolve reads "unresolved" in the table, never "he" or "I"."""
    from wirescope.cli.quotes import _shown

    he = {"speaker_name": None, "speaker_text": "he", "speaker_status": "unresolved", "text": "We will respond."}
    named = {"speaker_name": "Boris Johnson", "speaker_text": "Johnson", "speaker_status": "resolved"}
    assert _shown(he)["speaker_name"] == "unresolved" and _shown(he)["speaker_text"] is None
    assert _shown(named) == named
