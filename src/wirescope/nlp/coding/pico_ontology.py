"""Negated codes from a PETRARCH Internal Coding Ontology (PICO), as UD-PETRARCH's dictionary folder ships it: what
"not X" is coded as ("110 = not 050", "170 = not 057"); the coder codes a negated trigger as its negation's code
when the folder has such a file."""

from __future__ import annotations

import re
from pathlib import Path

_ONTOLOGY_LINE = re.compile(r"^\s*(\d{3,4})\s*:\s*([^#\s]*)((?:#[^#]*)*)")
_NEGATION = 0xFFFF
_NO_CODE_MASK = 0x300  # PICO: "makes these not code as a thing of their own"


def _hex_terms(expr: str) -> list[int] | None:
    """``-0xFFFF+0x2040+0x300`` -> [-65535, 8256, 768]; None when ``expr`` is not a sum of hex numbers."""
    expr = expr.strip().replace(" ", "")
    if not re.fullmatch(r"[+-]?0x[0-9a-fA-F]+(?:[+-]0x[0-9a-fA-F]+)*", expr):
        return None
    return [int(t, 16) for t in re.findall(r"[+-]?0x[0-9a-fA-F]+", expr)]


def _pico_value(expr: str) -> tuple[int | None, bool]:
    """(PICO value, whether the expression negates it) of one ontology expression; (None, False) when it is
    neither a plain value nor a negation."""
    terms = _hex_terms(expr)
    if terms is None:
        return None, False
    if any(abs(t) == _NEGATION for t in terms):
        base = sum(t for t in terms if abs(t) not in (_NEGATION, _NO_CODE_MASK))
        return (base, True) if base > 0 else (None, False)
    if len(terms) == 1 and 0 < terms[0] < _NEGATION:
        return terms[0], False
    if len(terms) == 1 and terms[0] > _NEGATION:  # "0x1007f" = 0xFFFF + 0x0080 written out
        return terms[0] - _NEGATION, True
    return None, False


def negation_codes(path: Path) -> dict[str, str]:
    """CAMEO code -> the code of its negation, from a PETRARCH Internal Coding Ontology (PICO) file as UD-PETRARCH
    ships it. PICO writes a negated act as its code +/- 0xFFFF: "110:0x1007f#0xFFFF+0x0080" says that disapproving
    (110) is *not* engaging in diplomatic cooperation (050, 0x0080); "011:0x1000-0xFFFF" that declining comment is
    not making a statement (010). The map goes both ways (a negated 050 is 110, a negated 110 is 050)."""
    primary: dict[int, str] = {}  # PICO value -> CAMEO code (first listed wins)
    negated_of: dict[str, int] = {}  # CAMEO code -> the PICO value it negates
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = None if line.lstrip().startswith("#") else _ONTOLOGY_LINE.match(line)
        if m is None:
            continue
        code = m.group(1)
        for expr in [m.group(2), *m.group(3).split("#")]:
            value, is_negation = _pico_value(expr)
            if value is not None and is_negation:
                negated_of.setdefault(code, value)
            elif value is not None:
                primary.setdefault(value, code)
    out: dict[str, str] = {}
    for code, base in negated_of.items():
        positive = primary.get(base)
        if positive is None or positive == code:
            continue
        out[code] = positive
        out.setdefault(positive, code)
    return out


def find_ontology(folder: Path) -> Path | None:
    """The PICO ontology file of a dictionary folder (``*Ontology*.txt``), if any."""
    if not folder.is_dir():
        return None
    return next((p for p in sorted(folder.iterdir()) if p.is_file() and "ontology" in p.name.lower()
                 and p.suffix.lower() == ".txt"), None)
