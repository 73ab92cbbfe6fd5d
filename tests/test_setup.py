"""Issue 20, item 3: `wirescope setup` builds the gazetteer index ahead, and a missing index is built as a visible,
named stage; the index goes to $WIRESCOPE_CACHE_DIR so that tests never touch the user's cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirescope.cli.main import build_app
from wirescope.nlp.resources import gazetteer, gazetteer_build, startup


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(folder))
    return folder


def _fake_build(path: Path) -> Path:
    """Stands in for the tens-of-seconds build: the test is about where and how visibly the index is built."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"index")
    return path


def test_the_cache_folder_follows_the_setting(cache: Path) -> None:
    assert gazetteer.cache_dir() == cache
    assert gazetteer.default_index_path().parent == cache


def test_setup_builds_the_index_into_the_cache_once(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[Path] = []
    monkeypatch.setattr(gazetteer_build, "build_from_packages", lambda p: built.append(p) or _fake_build(p))
    runner = CliRunner()
    first = runner.invoke(build_app(), ["setup", "--index-only"])
    assert first.exit_code == 0, first.output
    assert built == [gazetteer.default_index_path()] and built[0].parent == cache and built[0].is_file()
    assert "building the gazetteer index" in first.stderr and "wirescope setup" in first.stderr
    assert "built now" in first.stdout
    again = runner.invoke(build_app(), ["setup", "--index-only"])
    assert again.exit_code == 0, again.output
    assert len(built) == 1 and "already built" in again.stdout and "building" not in again.stderr
    rebuilt = runner.invoke(build_app(), ["setup", "--index-only", "--rebuild"])
    assert rebuilt.exit_code == 0 and len(built) == 2 and "built now" in rebuilt.stdout


def test_a_missing_index_is_a_named_stage_for_a_listener(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gazetteer_build, "build_from_packages", _fake_build)
    heard: list[str | None] = []
    with startup.listening(heard.append):
        path, built = gazetteer.ensure_default_index()
    assert built and path.is_file()
    assert len(heard) == 2 and heard[1] is None  # started, then ended
    assert str(path) in str(heard[0]) and "index is missing" in str(heard[0])
    heard.clear()
    with startup.listening(heard.append):
        assert gazetteer.ensure_default_index() == (path, False)
    assert heard == []  # nothing to build, nothing said


def test_the_ingest_progress_sees_the_start_up_stages(cache: Path, monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    """The ingest runner passes each start-up stage to its progress callback (``report.stage``)."""
    from wirescope.config import Settings
    from wirescope.runners import local

    monkeypatch.setattr(gazetteer_build, "build_from_packages", _fake_build)

    class Store:  # the run stops right after the start-up: this test is about the stages
        def signatures(self) -> list[tuple[str, bytes]]:
            raise KeyboardInterrupt

    stages: list[str | None] = []
    settings = Settings(stages=("entities", "places"))
    monkeypatch.setattr("wirescope.runners.startup._load", lambda s: _Loaded())
    with pytest.raises(KeyboardInterrupt):
        local.ingest_articles([], Store(), settings, progress=lambda r: stages.append(r.stage))  # type: ignore[arg-type]
    said = [s for s in stages if s]
    assert any("building the gazetteer index" in s for s in said), said


class _Loaded:
    stages: tuple[object, ...] = ()

    def close(self) -> None:
        pass


@pytest.mark.slow
def test_a_missing_index_is_built_visibly_on_first_use(cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The real build (tens of seconds), into the temporary cache: said on stderr with its reason."""
    gaz = gazetteer.Gazetteer()
    assert gaz.path.parent == cache and gaz.stats()["places"] > 1000
    err = capsys.readouterr().err
    assert "building the gazetteer index" in err and "missing" in err and "done in" in err
