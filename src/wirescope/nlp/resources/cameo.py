"""CAMEO code tables: name, Goldstein value, quad class and the PLOVER class/mode/context of every code.

Bundled as ``data/events/cameo.tsv`` (made by ``scripts/convert_event_tables.py`` from the GDELT lookup tables and
the CAMEO->PLOVER 2021 crosswalk). Quad classes follow GDELT: roots 01-05 verbal cooperation (1), 06-09 material
cooperation (2), 10-14 verbal conflict (3), 15-20 material conflict (4).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from ...errors import ConfigError

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "events"


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def base(self) -> str:
        return self.code[:3]


@functools.cache
def cameo_table() -> dict[str, CameoCode]:
    """All CAMEO codes (roots, base and sub-codes) by code string."""
    path = DATA_DIR / "cameo.tsv"
    if not path.is_file():
        raise ConfigError(f"bundled CAMEO table {path} is missing; run scripts/convert_event_tables.py")
    out: dict[str, CameoCode] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out[row["code"]] = CameoCode(
                row["code"],
                row["name"],
                float(row["goldstein"] or 0.0),
                int(row["quad_class"]),
                row["plover"] or None,
                row["plover_mode"] or None,
                row["plover_context"] or None,
            )
    return out


def normalize_code(code: str) -> str | None:
    """A dictionary code as a valid CAMEO code: ``"0356"`` stays, ``"075A"`` -> ``"075"``, ``"1959"`` -> ``"195"``
    (unknown sub-codes fall back to their base code), ``"---"`` and junk -> None."""
    digits = "".join(ch for ch in code if ch.isdigit())
    if len(digits) < 2 or len(digits) > 4:
        return None
    table = cameo_table()
    for candidate in (digits, digits[:3], digits[:2]):
        if candidate in table:
            return candidate
    return None


def lookup(code: str) -> CameoCode | None:
    norm = normalize_code(code)
    return cameo_table()[norm] if norm else None


@functools.cache
def plover_labels() -> dict[str, str]:
    """Older PLOVER class labels -> current ones (DEMAND -> REQUEST, ...)."""
    out: dict[str, str] = {}
    with (DATA_DIR / "plover_labels.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out[row["old"]] = row["current"]
    return out


def current_plover(label: str) -> str:
    label = label.strip().upper()
    return plover_labels().get(label, label)


# PLOVER keeps the intent to act apart from the act: a promised or threatened act is AGREE (cooperation) or
# THREATEN (conflict), whatever CAMEO code the verb got. See the PLOVER manual, "AGREE" and "THREATEN".
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
_COERCIVE = frozenset({"REJECT", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})


def plover_for(code: str, modality: str) -> tuple[str | None, str | None, str | None]:
    """PLOVER (class, mode, context) of a CAMEO code given the event's modality: a ``threatened`` (promised,
    threatened, planned) cooperative act is AGREE and a coercive one THREATEN, a ``negated`` cooperative act is
    REJECT; the context is kept."""
    info = lookup(code)
    if info is None or info.plover is None:
        return None, None, None
    if modality == "threatened" and info.plover in _COOPERATIVE:
        return "AGREE", None, info.plover_context
    if modality == "threatened" and info.plover in _COERCIVE:
        return "THREATEN", None, info.plover_context
    if modality == "negated" and info.plover in _COOPERATIVE | {"AGREE"}:
        # "did not agree", "will not negotiate", "refused to allow": declining to cooperate is PLOVER REJECT
        # ("all rejections and refusals"), CAMEO's 12x mirror of the cooperative codes
        return "REJECT", None, info.plover_context
    return info.plover, info.plover_mode, info.plover_context
