"""Bylines and wire credits, read from an article's text at ingest.

The analysis masks these lines before parsing (``nlp/hygiene.py``), so they are read here first and recorded on the
article: ``Article.byline`` (the "By ..." line's names as written) and ``Article.wires`` (the news agencies the text
credits, by their names in ``data/hygiene/wires.tsv``). Live monitoring counts independent wire origins of a story
from ``wires``.

Only credits for the text count as a wire origin: a dateline's "(Reuters)", a byline's "By Jane Doe, AFP", a credit
line ("The Associated Press contributed to this report", "Source: AFP", a lone "— AP", "© 2020 Reuters"). A wire named
in a sentence ("Reuters reported", "told AFP") is a source being quoted, and a photo credit ("(AFP/Getty Images)")
credits a picture: neither is where the text came from.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

_WIRES_FILE = Path(__file__).resolve().parents[1] / "data" / "hygiene" / "wires.tsv"
# Bylines stand near the start; credit lines at the end. Reading only there keeps a long article cheap.
_HEAD_CHARS = 1_500
_TAIL_CHARS = 1_500

_NAME_WORD = r"(?:[A-Z][\w.'’-]*|al|bin|de|da|di|del|der|el|la|le|van|von)"
_NAME = rf"[A-Z][\w.'’-]*(?:[ \t]+{_NAME_WORD}){{0,4}}"


@functools.cache
def _spellings() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _WIRES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, spellings = line.split("\t")
            out.update((s, name) for s in spellings.split("|"))
    return out


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], tuple[re.Pattern[str], ...]]:
    alts = "(?:" + "|".join(re.escape(s) for s in sorted(_spellings(), key=len, reverse=True)) + ")"
    wire = f"(?P<wire>{alts})"
    # a name's words stop at a wire's name: "By JANE DOE Associated Press" is Jane Doe of AP
    name = rf"(?!{alts}\b)[A-Z][\w.'’-]*(?:[ \t]+(?!{alts}\b){_NAME_WORD}){{0,4}}"
    byline = re.compile(
        rf"(?m)^[ \t]*(?:#{{1,6}}[ \t]+)?(?:[*_]{{1,2}})?By[ \t]+"
        rf"(?P<names>{name}(?:(?:,|[ \t]+and|[ \t]*&)[ \t]+{name})*)"
        rf"(?:[ \t]*[,|—–-]?[ \t]*{wire})?(?:[*_]{{1,2}})?[ \t]*$")
    dateline = re.compile(
        rf"(?m)^[ \t]*(?:[A-Z][A-Z.'’/ -]*[A-Z](?:,[^\n()—–]{{0,40}})?[ \t]*)?\({wire}\)[ \t]*(?:—|–|--|-)[ \t]+")
    credit_lines = (
        re.compile(rf"(?m)(?:^[ \t]*|(?<=[.!?”\"’][ \t]))(?:The )?{wire}"
                   r"(?:[ \t]+(?:staff|writers?|reporters?|correspondents?))?"
                   rf"(?:[ \t]+{_NAME})?[ \t]+contributed(?:[ \t]+reporting)?(?:[ \t]+to)?[ \t]+this[ \t]+"
                   r"(?:report|story|article)\.?[ \t]*$"),
        re.compile(rf"(?m)^[ \t]*(?:[—–-][ \t]*)?\(?{wire}\)?[ \t]*$"),
        re.compile(rf"(?m)^[ \t]*(?:©|Copyright\b)[^\n]{{0,40}}?\b{wire}\b[^\n]{{0,80}}$"),
        re.compile(rf"(?m)^[ \t]*Sources?:[ \t]*{wire}[ \t]*$"),
    )
    return byline, dateline, credit_lines


def wire_named(outlet: str | None) -> str | None:
    """The wire agency an outlet's name is ("Reuters", "The Associated Press" -> "AP"), or None: a wire's own
    report is the same origin as the copies that credit it."""
    if not outlet:
        return None
    return _spellings().get(" ".join(outlet.split()))


def find_credits(text: str) -> tuple[str | None, tuple[str, ...]]:
    """``(byline, wires)`` of an article's text: the names of its first "By ..." line (None without one) and the
    wire agencies credited for the text, in order of first credit, each once."""
    byline_re, dateline_re, credit_res = _patterns()
    head, tail = text[:_HEAD_CHARS], text[-_TAIL_CHARS:] if len(text) > _HEAD_CHARS else ""
    names = _spellings()
    wires: list[str] = []
    byline = None
    match = byline_re.search(head)
    if match:
        byline = " ".join(match.group("names").split())
        if match.group("wire"):
            wires.append(names[match.group("wire")])
    wires += [names[m.group("wire")] for m in dateline_re.finditer(head)]
    for part in (head, tail):
        for pattern in credit_res:
            wires += [names[m.group("wire")] for m in pattern.finditer(part)]
    return byline, tuple(dict.fromkeys(wires))
