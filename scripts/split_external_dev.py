"""Split the PLOVER GSR dev file and the CASE 2021 task 2 dev file ONCE into a tuning half and a check half.

The rule (docs/events.md, "CASE and PLOVER: tuning and check halves"): a record belongs to the tuning half when the
first byte of the SHA-256 of its id (PLOVER: the ``id`` field, e.g. ``PLOVER-GSR01-AGREE-0002``; CASE: the ``id``
column) is even, else to the check half. The rule reads nothing but the id, so it is fixed before any record is
looked at and gives the same halves on every machine. (Not SHA-1: the PLOVER dev file itself is the set of GSR
records whose SHA-1 starts with an even byte, so that rule would put every record in one half.) Only the tuning half
may be read to find what goes wrong; both halves are reported. Neither half trains the verifier (their licences
would bind the shipped model file).

The halves are written OUTSIDE the repository (the data sets must not be copied into it), in the input formats, so
that the usual commands score them:

    .venv/bin/python scripts/split_external_dev.py --out /tmp/external-halves
    wirescope eval events --format plover-json /tmp/external-halves/plover_dev_tuning.json
    wirescope eval events --format case-tsv /tmp/external-halves/case_dev_check.tsv
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "events"
PLOVER = DATA / "plover" / "PLOVER_GSR_dev.json"
CASE = DATA / "case2021_task2" / "dev.tsv"


def half(record_id: str) -> str:
    """'tuning' or 'check': the parity of the first byte of the SHA-256 of the record's id."""
    return "tuning" if hashlib.sha256(record_id.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def split_plover(path: Path, out: Path) -> dict[str, int]:
    records = json.loads(path.read_text(encoding="utf-8"))
    parts: dict[str, list] = {"tuning": [], "check": []}
    for rec in records:
        if rec.get("event") == "DOCUMENT":  # the header record: kept in both, the reader skips it
            for kept in parts.values():
                kept.append(rec)
            continue
        parts[half(str(rec.get("id", "")))].append(rec)
    for name, kept in parts.items():
        (out / f"plover_dev_{name}.json").write_text(json.dumps(kept, ensure_ascii=False, indent=1), "utf-8")
    return {name: sum(1 for r in kept if r.get("event") != "DOCUMENT") for name, kept in parts.items()}


def split_case(path: Path, out: Path) -> dict[str, int]:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header, rows = lines[0], lines[1:]
    parts: dict[str, list[str]] = {"tuning": [], "check": []}
    for line in rows:
        parts[half(line.split("\t", 1)[0])].append(line)
    for name, kept in parts.items():
        (out / f"case_dev_{name}.tsv").write_text(header + "".join(kept), encoding="utf-8")
    return {name: len(kept) for name, kept in parts.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write the halves to (outside the repo)")
    parser.add_argument("--plover", type=Path, default=PLOVER)
    parser.add_argument("--case", type=Path, default=CASE)
    args = parser.parse_args()
    out = args.out.resolve()
    if out == REPO or REPO in out.parents:
        raise SystemExit(f"{out} is inside the repository: the halves are copies of the data sets, keep them out")
    out.mkdir(parents=True, exist_ok=True)
    print("PLOVER GSR dev records:", split_plover(args.plover, out))
    print("CASE 2021 dev snippets:", split_case(args.case, out))


if __name__ == "__main__":
    main()
