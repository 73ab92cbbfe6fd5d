"""Actor codes (CAMEO style: a country, then roles): composing a country with agent codes, splitting a code
into its country and roles, and the code sets that are no country (roles, non-state actors, regions)."""

from __future__ import annotations

import functools
from collections.abc import Sequence

# CAMEO role codes (the part after the country), for splitting "IRNMIL" into country + roles.
ROLE_CODES = frozenset({
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM",
    "CVL", "LAB", "LEG", "HLH", "REF", "MOD", "RAD", "AGR", "ELI", "HRI", "IGO", "IMG",
    "INS", "NGO", "NGM", "UAF", "SEP", "REL", "MNC", "UNO", "ENV", "DEV",
})
# Non-state / international prefixes that are not countries.
NON_STATE = frozenset(["IGO", "NGO", "NGM", "IMG", "MNC", "UNO"])
# CAMEO region codes, which the Phoenix dictionaries give to armed groups in place of a country ("MEAREB").
REGION_CODES = frozenset({"WST", "NTH", "STH", "EUR", "EEU", "WEU", "SCN", "BLK", "CAU", "NAF", "MEA", "MDT", "AFR",
                          "SAF", "EAF", "WAF", "CFR", "ASA", "SAS", "SEA", "CAS", "EIN", "NMR", "CRB", "LAM", "SAM",
                          "PGS", "INT"})


def _usable(code: str | None) -> bool:
    return bool(code) and code not in ("---", "+++", "###")


def compose(base: str | None, agents: Sequence[tuple[str, bool]]) -> str | None:
    """Country/actor code plus agent codes: ``compose("USA", [("GOV", False)])`` -> ``"USAGOV"``; an agent alone
    gives ``"---GOV"`` (PETRARCH's convention for an unknown country); ``NGO~`` agents go first."""
    if base is None and not agents:
        return None
    code = base if base is not None else "---"
    for agent, prefix in agents:
        if not agent:
            continue
        if prefix:
            if not code.startswith(agent):
                code = agent + code
        elif not code.endswith(agent) and agent not in code[3:]:
            code += agent
    return code


_FEDERATIONS = {"SCG": frozenset({"SRB", "MNE", "KOS"}),
                "YUG": frozenset({"SRB", "MNE", "KOS", "BIH", "HRV", "SVN", "MKD"})}


@functools.lru_cache(maxsize=4096)  # a pure function of a few hundred distinct codes, asked for in every hot loop
def split_code(code: str | None) -> tuple[str | None, tuple[str, ...]]:
    """``"IRNMIL"`` -> ("IRN", ("MIL",)); ``"---OPP"`` -> (None, ("OPP",)); ``"IGOUNO"`` -> (None, ("IGO", "UNO"))."""
    if not code:
        return None, ()
    head, rest = code[:3], code[3:]
    if head in _FEDERATIONS and rest[:3] in _FEDERATIONS[head]:  # "SCGSRB": Serbia within Serbia and Montenegro
        head, rest = rest[:3], rest[3:]
    roles = tuple(rest[i : i + 3] for i in range(0, len(rest), 3) if len(rest[i : i + 3]) == 3)
    if head == "---" or head in NON_STATE or head in ROLE_CODES:
        roles = ((head,) if head != "---" else ()) + roles
        return None, roles
    return head, roles


def _bare_country(code: str | None) -> bool:
    """A country without roles: "SRB", and "SCGSRB" (Serbia within Serbia and Montenegro) too."""
    country, roles = split_code(code)
    return country is not None and not roles
