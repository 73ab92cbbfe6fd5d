"""scripts/split_external_dev.py: the one split of the PLOVER and CASE dev files into a tuning and a check half
(docs/events.md, "Tuning and check halves") reads nothing but the record id, and never writes into the repo."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("split_external_dev", REPO / "scripts" / "split_external_dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_half_depends_on_the_id_alone() -> None:
    half = _script().half
    ids = [f"PLOVER-GSR01-AGREE-{i:04d}" for i in range(200)] + [str(i) for i in range(200)]
    first = [half(i) for i in ids]
    assert first == [half(i) for i in ids]  # deterministic
    assert set(first) == {"tuning", "check"}
    assert 0.35 < first.count("tuning") / len(first) < 0.65  # about half and half
    assert half("PLOVER-GSR01-AGREE-0002") == "check"  # pinned: the rule must never change once tuned on


def test_splits_both_files_and_keeps_out_of_the_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = _script()
    plover = tmp_path / "plover.json"
    records = [{"id": "DOC", "event": "DOCUMENT"}] + [{"id": f"R{i}", "event": "AGREE", "text": "x"} for i in range(40)]
    plover.write_text(json.dumps(records), encoding="utf-8")
    case = tmp_path / "dev.tsv"
    case.write_text("id\tEventSnippet\tSubType\n" + "".join(f"{i}\tsnippet {i}\tARREST\n" for i in range(40)),
                    encoding="utf-8")
    out = tmp_path / "halves"
    monkeypatch.setattr(sys, "argv", ["split", "--out", str(out), "--plover", str(plover), "--case", str(case)])
    script.main()
    halves = {p: json.loads((out / f"plover_dev_{p}.json").read_text(encoding="utf-8")) for p in ("tuning", "check")}
    assert all(h[0]["event"] == "DOCUMENT" for h in halves.values())  # the header record stays in both
    ids = [r["id"] for h in halves.values() for r in h[1:]]
    assert sorted(ids) == sorted(r["id"] for r in records[1:])  # each record in exactly one half
    assert all(script.half(r["id"]) == p for p, h in halves.items() for r in h[1:])
    rows = {p: (out / f"case_dev_{p}.tsv").read_text(encoding="utf-8").splitlines() for p in ("tuning", "check")}
    assert all(r[0] == "id\tEventSnippet\tSubType" for r in rows.values())
    assert len(rows["tuning"]) + len(rows["check"]) == 2 + 40
    monkeypatch.setattr(sys, "argv", ["split", "--out", str(REPO / "halves"), "--plover", str(plover),
                                      "--case", str(case)])
    with pytest.raises(SystemExit, match="inside the repository"):
        script.main()
    assert not (REPO / "halves").exists()
