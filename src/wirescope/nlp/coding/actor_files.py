"""User actor files (YAML or CSV) and the bundled actor supplement: names, aliases and date-bounded codes."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

from ...errors import ConfigError
from ..resources.petrarch import ActorEntry, DatedCode


def load_actor_file(path: Path) -> list[tuple[list[str], ActorEntry]]:
    """Actors from YAML (a list of {name, code, aliases?, start?, end?, codes?}) or CSV (name,code[,aliases,start,
    end]; aliases separated by ``|``). ``codes`` lists date-bounded codes: [{code, start?, end?}]."""
    if not path.is_file():
        raise ConfigError(f"actor file {path} does not exist")
    rows: list[dict[str, Any]]
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise ConfigError(f"actor file {path} is not valid YAML: {exc}") from None
        if isinstance(data, dict):
            data = data.get("actors", [])
        if not isinstance(data, list):
            raise ConfigError(f"actor file {path}: expected a list of actors (name, code, aliases)")
        rows = data
    elif path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [dict(r) for r in csv.DictReader(fh)]
    else:
        raise ConfigError(f"actor file {path}: unknown format {path.suffix!r}; use .yaml, .yml or .csv")
    out: list[tuple[list[str], ActorEntry]] = []
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not row.get("name"):
            raise ConfigError(f"actor file {path}, entry {n}: needs a 'name' (and a 'code' or 'codes')")
        codes = _row_codes(row, path, n)
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [a for a in aliases.split("|") if a.strip()]
        names = [str(row["name"])] + [str(a) for a in aliases]
        out.append((names, ActorEntry(str(row["name"]).upper(), tuple(codes))))
    return out


def _row_codes(row: dict[str, Any], path: Path, n: int) -> list[DatedCode]:
    def day(v: Any) -> date | None:
        if v in (None, ""):
            return None
        if isinstance(v, date):
            return v
        try:
            return date.fromisoformat(str(v))
        except ValueError:
            raise ConfigError(f"actor file {path}, entry {n}: bad date {v!r}; use YYYY-MM-DD") from None

    codes: list[DatedCode] = []
    for c in row.get("codes") or []:
        if not isinstance(c, dict) or not c.get("code"):
            raise ConfigError(f"actor file {path}, entry {n}: each of 'codes' needs a 'code'")
        codes.append(DatedCode(str(c["code"]).upper(), day(c.get("start")), day(c.get("end"))))
    if row.get("code"):
        codes.append(DatedCode(str(row["code"]).upper(), day(row.get("start")), day(row.get("end"))))
    if not codes:
        raise ConfigError(f"actor file {path}, entry {n} ({row['name']}): needs a 'code' or 'codes'")
    return codes
