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
    # the table's marks found by a regular expression (a scan in C), in order, not by reading every character
    for m in _finder(table).finditer(text, lo, hi):
        i = m.start()
        kind = _classify(text, i, table[text[i]], single)
        if kind is not None:
            out.append(_Mark(i, kind))
    return out


_FINDERS: dict[int, tuple[dict[str, str | None], re.Pattern[str]]] = {}


def _finder(table: dict[str, str | None]) -> re.Pattern[str]:
    """A pattern matching one character of ``table`` (compiled once per table; the table is held with it, so its
    id stays its own)."""
    found = _FINDERS.get(id(table))
    if found is None or found[0] is not table:
        found = _FINDERS[id(table)] = (table, re.compile("[" + "".join(re.escape(ch) for ch in table) + "]"))
    return found[1]


def _rstrip(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def _pair(
    text: str, paras: list[tuple[int, int]], table: dict[str, str | None], family: str, single: bool,
    blocked: list[tuple[int, int]],
) -> list[QuotedSpan]:
    """Pair marks of one family paragraph by paragraph; ``blocked`` regions (outer quotations) are skipped."""
    pairer = _Pairer(text, table, family, single)
    for p_index, (lo, hi) in enumerate(paras):
        marks = [m for m in _candidates(text, table, single, lo, hi) if not _inside(m.pos, blocked)]
        pairer.paragraph(lo, hi, marks, last=p_index == len(paras) - 1)
    pairer.flush()
    return [q for q in pairer.out if q.end - q.start > 2]


class _Pairer:
    """The state of pairing one family of marks: the quotation open in this paragraph (``open_at``, and a weak
    closer seen since, ``weak``) and the finished pieces of one still open across a paragraph break (``pending``)."""

    def __init__(self, text: str, table: dict[str, str | None], family: str, single: bool) -> None:
        self.text, self.table, self.family, self.single = text, table, family, single
        self.out: list[QuotedSpan] = []
        self.pending: list[tuple[int, int]] = []
        self.open_at: int | None = None
        self.weak: int | None = None

    def paragraph(self, lo: int, hi: int, marks: list[_Mark], *, last: bool) -> None:
        self.open_at, self.weak = None, None
        if self.pending:
            marks = self._resume(lo, marks)
        for m in marks:
            self._mark(m)
        self._end_paragraph(hi)
        if self.pending and last:
            self._emit(closed=False)

    def flush(self) -> None:
        if self.pending:
            self._emit(closed=False)

    def _emit(self, *, closed: bool) -> None:
        self.out.append(_span(self.pending, self.family, closed=closed))
        self.pending = []

    def _resume(self, lo: int, marks: list[_Mark]) -> list[_Mark]:
        """A quotation left open at the last paragraph break continues when this one opens with a mark."""
        first = marks[0] if marks else None
        starts_para = first is not None and not self.text[lo : first.pos].strip()
        opens = first is not None and first.kind in (OPEN, EITHER) and self.table[self.text[first.pos]] != "close"
        if starts_para and opens and first is not None:
            self.open_at = first.pos  # continuation paragraph
            return marks[1:]
        if starts_para and first is not None:
            marks = marks[1:]  # a misplaced closer at the paragraph start closes the pending quotation
        self._emit(closed=starts_para)
        return marks

    def _mark(self, m: _Mark) -> None:
        if self.open_at is None:
            if m.kind in (OPEN, EITHER):
                self.open_at, self.weak = m.pos, None
            return
        if m.kind == OPEN and (self.weak is None or m.pos > self.weak):
            # an opener while open: the earlier quotation ends just before it, unclosed
            if self.weak is not None:
                self.pending.append((self.open_at, self.weak + 1))
                self._emit(closed=True)
            else:
                self.pending.append((self.open_at, _rstrip(self.text, self.open_at, m.pos)))
                self._emit(closed=False)
            self.open_at, self.weak = m.pos, None
        elif m.kind == WEAK_CLOSE:
            self.weak = m.pos if self.weak is None else self.weak
        elif m.kind in (CLOSE, EITHER):
            end = m.pos + (2 if self.text[m.pos + 1 : m.pos + 2] == _DOUBLED else 1)
            self.pending.append((self.open_at, end))
            self._emit(closed=True)
            self.open_at, self.weak = None, None

    def _end_paragraph(self, hi: int) -> None:
        if self.open_at is None:
            return
        if self.weak is not None:
            self.pending.append((self.open_at, self.weak + 1))
            self._emit(closed=True)
        elif not self.single:
            self.pending.append((self.open_at, _rstrip(self.text, self.open_at, hi)))
        else:
            self.pending = []  # an unclosed single mark is more likely an apostrophe than a quotation


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
