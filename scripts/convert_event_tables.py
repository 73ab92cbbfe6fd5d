"""Convert the public CAMEO/PLOVER tables and the Phoenix PETRARCH dictionaries into wirescope's bundled format.

Reads the shared data folder by path (never copies its text files) and writes compact tables under
``src/wirescope/data/events/``:

* ``cameo.tsv``: code, name, Goldstein value (GDELT table; 106 missing there = -5.0), quad class (GDELT
  convention: roots 01-05 verbal cooperation=1, 06-09 material cooperation=2, 10-14 verbal conflict=3,
  15-20 material conflict=4), PLOVER class, mode and context (CAMEO->PLOVER 2021 crosswalk; roots 01 and 02
  have no PLOVER class).
* ``plover_labels.tsv``: older PLOVER labels -> current class.
* ``phoenix_*.json.gz``: the Phoenix production dictionaries, parsed by ``wirescope.nlp.resources.petrarch``.

Usage: ``python scripts/convert_event_tables.py [/work/shared/data]``
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from wirescope.nlp.resources import petrarch  # noqa: E402

OUT = REPO / "src" / "wirescope" / "data" / "events"

# PLOVER labels renamed since the 2016 gold standard records (per the PLOVER reference and the crosswalk).
OLD_PLOVER = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def quad_class(code: str) -> int:
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 9:
        return 2
    if root <= 14:
        return 3
    return 4


def read_two_columns(path: Path) -> dict[str, str]:
    out = {}
    with path.open(encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0].strip().isdigit():
                out[parts[0].strip()] = parts[1].strip()
    return out


def read_crosswalk(path: Path) -> dict[str, tuple[str, str, str]]:
    out: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        body = m.group(2).split("#", 1)[0]
        parts = [p.strip() for p in body.split(",")]
        parts += [""] * (3 - len(parts))
        klass, mode, context = parts[0], parts[1], parts[2]
        out.setdefault(m.group(1), (klass, mode, context))
    return out


def main(shared: Path) -> None:
    events = shared / "events"
    lookups = events / "cameo_tables" / "gdelt_lookups"
    names = read_two_columns(lookups / "CAMEO.eventcodes.txt")
    goldstein = read_two_columns(lookups / "CAMEO.goldsteinscale.txt")
    names.setdefault("106", "Demand withdrawal")
    goldstein.setdefault("106", "-5.0")
    crosswalk = read_crosswalk(events / "plover" / "CAMEO2PLOVER-2021.txt")
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "cameo.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "name", "goldstein", "quad_class", "plover", "plover_mode", "plover_context"])
        for code in sorted(names, key=lambda c: (c[:2], c)):
            klass, mode, context = "", "", ""
            if code[:2] not in ("01", "02"):
                for key in (code, code[:3], code[:2]):
                    if key in crosswalk:
                        klass, mode, context = crosswalk[key]
                        if key != code:
                            mode, context = ("", context) if key == code[:3] else ("", "")
                        break
            w.writerow([code, names[code], goldstein.get(code, ""), quad_class(code), klass, mode, context])
    with (OUT / "plover_labels.tsv").open("w", encoding="utf-8") as fh:
        fh.write("old\tcurrent\n")
        for old, new in sorted(OLD_PLOVER.items()):
            fh.write(f"{old}\t{new}\n")
    dicts = petrarch.load_folder(events / "phoenix_dictionaries")
    for path in petrarch.write_bundled(dicts, OUT):
        size = path.stat().st_size
        if size > 2_000_000:
            raise SystemExit(f"{path} is {size} bytes, over the 2 MB limit for bundled files")
        print(f"wrote {path.relative_to(REPO)} ({size / 1e6:.2f} MB)")
    print(f"wrote {len(names)} CAMEO codes; {dicts.verb_count()} verbs, {len(dicts.actor_entries)} actors")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "data")
