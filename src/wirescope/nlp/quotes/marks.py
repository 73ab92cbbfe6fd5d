"""Quote-mark pairing that tolerates the typography of real news text.

Rules, in order of precedence:

* A mark's direction comes from its context first (space or start before and a non-space after: opening; a
  non-space before and a space, punctuation or end after: closing) and from its glyph only when the context is
  ambiguous. So the wrong-direction ``”indications”`` still pairs.
* ``’``/``'`` between two letters or digits is an apostrophe (Iran’s, don't). A word-final ``’`` after an *s*
  (protesters’) is a *weak* closer: it closes an open single quotation only when no ordinary closer follows in the
  same paragraph.
* Two apostrophes (``''``, a typewriter habit) count as one double mark.
* Double quotations are paired first; single marks inside them are nested quotes and not paired at top level.
* A quotation still open at a paragraph break continues into the next paragraph when that paragraph opens with an
  opening mark of the same family; a closing glyph at the start of that paragraph (a misplaced closer) closes it.
* An opening mark met while a quotation is open closes the earlier one just before it (``“A. “B.”`` gives two
  quotations); a closer with nothing open is ignored; an unclosed double quotation ends at its paragraph's end,
  flagged ``closed=False``. A bad mark therefore costs at most one quotation.

The result never overlaps and always lies inside the text (property-tested).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE = "double"
SINGLE = "single"

_DOUBLE_MARKS = {'"': None, "“": "open", "”": "close", "„": "open", "«": "open", "»": "close", "″": None}
_SINGLE_MARKS = {"'": None, "‘": "open", "’": "close", "‚": "open", "‹": "open", "›": "close"}
_OPEN_BEFORE = set("([{—–-/")  # characters after which a mark may open (besides space / start)
_PARA = re.compile(r"\n")

OPEN, CLOSE, WEAK_CLOSE, EITHER = "open", "close", "weak", "either"
_DOUBLED = "\x01"  # stands for the second apostrophe of a '' used as a double quote mark (same offsets)


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A quotation found by its marks. Offsets include the marks (PolNeAR counts them as content)."""

    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]  # one per paragraph the quotation runs through
    family: str  # double | single
    closed: bool  # False when the closing mark was missing and the paragraph end closed it

    def inner(self, text: str) -> str:
        return text[self.start : self.end].strip("\"'“”‘’„«»‚‹› \n")


@dataclass(frozen=True, slots=True)
class _Mark:
    pos: int
    kind: str  # open | close | weak | either


def _classify(text: str, i: int, glyph: str | None, single: bool) -> str | None:
    before = text[i - 1] if i > 0 else " "
    j = i + 2 if i + 1 < len(text) and text[i + 1] == _DOUBLED else i + 1
    after = text[j] if j < len(text) else " "
    if single and before.isalnum() and after.isalnum():
        return None  # apostrophe inside a word
    if single and before.isspace() and after.isdigit():
        return None  # ’90s
    space_before = before.isspace() or before in _OPEN_BEFORE or before in "\"“‘'"
    space_after = after.isspace() or (not after.isalnum() and after not in "\"“‘'([$£€#@")
    if space_before and not after.isspace():
        return OPEN
    if not space_before and space_after:
        if single and before.lower() == "s" and after.isspace():
            return WEAK_CLOSE
        return CLOSE
    if glyph == "open":
        return OPEN
    if glyph == "close":
        return CLOSE
    return EITHER


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _PARA.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _candidates(text: str, table: dict[str, str | None], single: bool, lo: int, hi: int) -> list[_Mark]:
    out = []
    for i in range(lo, hi):
        ch = text[i]
        if ch in table:
            kind = _classify(text, i, table[ch], single)
            if kind is not None:
                out.append(_Mark(i, kind))
    return out


def _rstrip(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def _pair(
    text: str, paras: list[tuple[int, int]], table: dict[str, str | None], family: str, single: bool,
    blocked: list[tuple[int, int]],
) -> list[QuotedSpan]:
    """Pair marks of one family paragraph by paragraph; ``blocked`` regions (outer quotations) are skipped."""
    out: list[QuotedSpan] = []
    pending: list[tuple[int, int]] = []  # finished pieces of a quotation still open at a paragraph break
    for p_index, (lo, hi) in enumerate(paras):
        marks = [m for m in _candidates(text, table, single, lo, hi) if not _inside(m.pos, blocked)]
        open_at: int | None = None
        weak: int | None = None
        if pending:
            first = marks[0] if marks else None
            starts_para = first is not None and not text[lo : first.pos].strip()
            if starts_para and first is not None and first.kind in (OPEN, EITHER) and table[text[first.pos]] != "close":
                open_at = first.pos  # continuation paragraph
                marks = marks[1:]
            else:
                if starts_para and first is not None:
                    marks = marks[1:]  # a misplaced closer at the paragraph start closes the pending quotation
                out.append(_span(pending, family, closed=starts_para))
                pending = []
        for m in marks:
            if open_at is None:
                if m.kind in (OPEN, EITHER):
                    open_at, weak = m.pos, None
                continue
            if m.kind == OPEN and (weak is None or m.pos > weak):
                # an opener while open: the earlier quotation ends just before it, unclosed
                if weak is not None:
                    pending.append((open_at, weak + 1))
                    out.append(_span(pending, family, closed=True))
                else:
                    end = _rstrip(text, open_at, m.pos)
                    pending.append((open_at, end))
                    out.append(_span(pending, family, closed=False))
                pending, open_at, weak = [], m.pos, None
            elif m.kind == WEAK_CLOSE:
                weak = m.pos if weak is None else weak
            elif m.kind in (CLOSE, EITHER):
                pending.append((open_at, m.pos + (2 if text[m.pos + 1 : m.pos + 2] == _DOUBLED else 1)))
                out.append(_span(pending, family, closed=True))
                pending, open_at, weak = [], None, None
        if open_at is not None:
            if weak is not None:
                pending.append((open_at, weak + 1))
                out.append(_span(pending, family, closed=True))
                pending = []
            elif not single:
                pending.append((open_at, _rstrip(text, open_at, hi)))
            else:
                pending = []  # an unclosed single mark is more likely an apostrophe than a quotation
        if pending and p_index == len(paras) - 1:
            out.append(_span(pending, family, closed=False))
            pending = []
    if pending:
        out.append(_span(pending, family, closed=False))
    return [q for q in out if q.end - q.start > 2]


def _span(pieces: list[tuple[int, int]], family: str, closed: bool) -> QuotedSpan:
    return QuotedSpan(pieces[0][0], pieces[-1][1], tuple(pieces), family, closed)


def _inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in regions)


def find_quotations(text: str) -> list[QuotedSpan]:
    """All top-level quotations in ``text``, sorted, non-overlapping. Never raises on any string."""
    text = text.replace(_DOUBLED, " ").replace("\'\'", '"' + _DOUBLED)  # '' as a double mark; offsets unchanged
    paras = _paragraphs(text)
    doubles = _pair(text, paras, _DOUBLE_MARKS, DOUBLE, False, [])
    blocked = [(q.start, q.end) for q in doubles]
    singles = _pair(text, paras, _SINGLE_MARKS, SINGLE, True, blocked)
    # a single quotation spanning a double one (stray single marks around it) is dropped
    singles = [s for s in singles if not any(s.start < d.end and d.start < s.end for d in doubles)]
    result = sorted(doubles + singles, key=lambda q: q.start)
    kept: list[QuotedSpan] = []
    for q in result:
        if kept and q.start < kept[-1].end:
            continue
        kept.append(q)
    return kept
