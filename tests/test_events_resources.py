"""CAMEO tables and PETRARCH dictionary parsing (bundled and from text)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wirescope.errors import ConfigError
from wirescope.nlp.resources import cameo, petrarch

DICTS = Path(__file__).parent / "fixtures" / "events" / "dicts"


def test_cameo_table_values() -> None:
    table = cameo.cameo_table()
    assert table["106"].goldstein == -5.0  # missing from the GDELT table, set by the converter
    assert table["190"].quad_class == 4 and table["190"].plover == "ASSAULT"
    assert table["010"].quad_class == 1 and table["010"].plover is None  # CAMEO 01/02 get no PLOVER class
    assert table["020"].plover is None
    assert table["0871"].plover == "RETREAT" and table["0871"].plover_mode == "ceasefire"
    # GDELT quad-class convention: 06-09 material cooperation, 10-14 verbal conflict
    assert [table[c].quad_class for c in ("051", "061", "091", "111", "141", "173")] == [1, 2, 2, 3, 3, 4]
    assert all(-10 <= c.goldstein <= 10 for c in table.values())


def test_normalize_code() -> None:
    assert cameo.normalize_code("0356") == "0356"
    assert cameo.normalize_code("075A") == "075"
    assert cameo.normalize_code("1959") == "195"  # unknown sub-code -> its base code
    assert cameo.normalize_code("---") is None
    assert cameo.current_plover("demand") == "REQUEST"
    assert cameo.current_plover("FIGHT") == "ASSAULT"


def test_read_folder_verbs_patterns_synsets() -> None:
    d = petrarch.load_folder(DICTS)
    assert [e.code for e in d.verbs["KILL"]] == ["190"]
    assert d.forms["SLAIN"] == "SLAY"
    restore = d.patterns["RESTORE"][0]
    assert restore.post == ("&TIES",) and restore.code == "050"
    assert ("RELATIONS",) in d.synsets["&TIES"]
    call = [e for e in d.verbs["CALL"] if e.words == ("CALL", "OFF")]
    assert call and call[0].code == "125"
    assert "%" in d.patterns["MEET"][0].pre


def test_read_folder_actors_dates_agents_discards() -> None:
    d = petrarch.load_folder(DICTS)
    (_phrase, idx), = d.actors["SARUMAN"]
    entry = d.actor_entries[idx]
    assert entry.code_on(date(1995, 5, 1)) == "ISEGOV"
    assert entry.code_on(date(2005, 5, 1)) == "ISEELI"
    assert d.actor_entries[d.actors["ARNORIAN"][0][1]].code_on(None) == "ARN"  # synonym line
    chair = {tuple(p.words) for p, _ in d.agents["CHAIRMAN"]} | {tuple(p.words) for p, _ in d.agents["CHAIRWOMEN"]}
    assert ("CHAIRMAN",) in chair and ("CHAIRWOMEN",) in chair  # !PERSON! macro expanded
    assert any(p.words == ("SOLDIERS",) for p, _ in d.agents["SOLDIERS"])  # regular plural generated
    ((_, charity),) = [x for x in d.agents["MEDICAL"] if x[0].words == ("MEDICAL", "CHARITY")]
    assert charity.prefix and charity.code == "NGO"
    assert any(story for _, story in d.discards["FOOTBALL"])
    assert not any(story for _, story in d.discards["LOTTERY"])


def test_folder_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        petrarch.load_folder(tmp_path / "missing")
    (tmp_path / "x.actors.txt").write_text("ARNOR_ [ARN]\n")
    with pytest.raises(ConfigError, match="verbs"):
        petrarch.load_folder(tmp_path)


def test_bundled_round_trip() -> None:
    d = petrarch.load_bundled()
    assert d.verb_count() > 1000 and len(d.actor_entries) > 20000
    iran = [d.actor_entries[i] for p, i in d.actors["IRAN"] if p.words == ("IRAN",)]
    assert iran and iran[0].code_on(date(2020, 1, 3)) == "IRN"
    again = petrarch.from_json(petrarch.to_json(petrarch.load_folder(DICTS)))
    assert again.verbs["KILL"][0].code == "190"
    assert again.actor_entries[again.actors["SARUMAN"][0][1]].code_on(date(1995, 1, 1)) == "ISEGOV"


def test_bundled_files_small() -> None:
    for path in petrarch.DATA_DIR.iterdir():
        assert path.stat().st_size < 2_000_000, path
