"""Display text: article text, evidence sentences, quotations and snippets as a reader should see them.

Stored text keeps everything the input had (markdown marks, image links, URLs, photo credits, "Advertisement"
lines), because every offset of every record points into it. For display, :func:`display_text` removes what is
not prose — the spans :mod:`wirescope.nlp.hygiene` masks before parsing (one definition of "not prose"), plus lines
that are only page furniture (:data:`BOILERPLATE`) — and collapses the blanks left behind. It returns the clean
string with a map back to the stored text: ``map`` is a list of ``[display_start, stored_start, length]`` runs, so a
highlight given in stored offsets (a mention, an event's trigger, a quotation's span) is placed on the display text
by :meth:`Display.to_display`, and a selection on the display text maps back by :meth:`Display.to_stored`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .hygiene import mask

# Lines that are page furniture, not the article: whole lines only (a sentence that says "advertisement" stays).
BOILERPLATE = re.compile(
    r"(?im)^[ \t]*(?:advertisement|advertising|sponsored(?: content)?|skip (?:to content|advertisement)|"
    r"(?:read|see) (?:more|also)\b[^\n]{0,120}|related(?: (?:articles?|stories|content|coverage|topics))?|"
    r"related(?: (?:articles?|stories|content|coverage|topics))?:[^\n]{0,120}|"
    r"share (?:this|on)\b[^\n]{0,60}|(?:sign up|subscribe)\b[^\n]{0,160}|follow (?:us|@)[^\n]{0,80}|"
    r"click here\b[^\n]{0,120}|(?:image|media|video) caption:?[^\n]{0,200}|all rights reserved\.?|"
    r"(?:copy(?:ing)? )?link copied|(?:listen|watch) (?:to )?(?:this|the) (?:article|story|video)[^\n]{0,60}|"
    r"this (?:article|story) (?:was|has been) (?:amended|updated|corrected)[^\n]{0,200})[ \t]*$"
)


@dataclass(frozen=True, slots=True)
class Display:
    """A display string and its runs ``(display_start, stored_start, length)`` into the stored text."""

    text: str
    runs: tuple[tuple[int, int, int], ...]

    def to_stored(self, i: int) -> int:
        """The stored offset of display offset ``i`` (``len(text)`` maps to the end of the last run)."""
        if not self.runs:
            return 0
        k = max(0, bisect.bisect_right([r[0] for r in self.runs], i) - 1)
        d, s, n = self.runs[k]
        return s + min(i - d, n)

    def to_display(self, stored: int) -> int:
        """The display offset of stored offset ``stored``; a removed character maps to the next kept one."""
        for d, s, n in self.runs:
            if stored < s + n:
                return d + max(0, stored - s)
        return len(self.text)

    def to_json(self) -> dict[str, object]:
        return {"text": self.text, "map": [list(r) for r in self.runs]}


def display_text(text: str, base: int = 0) -> Display:
    """``text`` for display, with runs into it shifted by ``base`` (the stored offset where ``text`` starts, for
    an excerpt of an article)."""
    blanked = BOILERPLATE.sub(lambda m: " " * len(m.group(0)), mask(text))
    if blanked == text and _SPACED.fullmatch(text):
        # Nothing removed and every blank a single space between words: shown as stored (what the loop below
        # gives, character by character, at a tenth of the cost; most sentences and quotations are like this)
        return Display(text, ((0, base, len(text)),) if text else ())
    keep = _kept(text, blanked)
    out: list[str] = []
    runs: list[list[int]] = []
    for i in keep:
        ch = blanked[i]
        out.append(" " if ch in " \t\xa0" else ch)
        if runs and runs[-1][1] + runs[-1][2] == base + i:
            runs[-1][2] += 1
        else:
            runs.append([len(out) - 1, base + i, 1])
    return Display("".join(out), tuple((d, s, n) for d, s, n in runs))


_BLANK = " \t\xa0\r"
# Text whose only blanks are single spaces between other characters (no line breaks, tabs or blanks at the ends).
_SPACED = re.compile(r"(?:[^\s\xa0]+(?: [^\s\xa0]+)*)?")
_CLOSING = ",.;:!?)]”’»"


def _kept(text: str, blanked: str) -> list[int]:
    """Indexes of the characters shown: one space for a run of blanks inside a line that held a space, none when
    removed marks sit between a word and its punctuation (``**respond**,`` and ``Tehran (AFP/Getty Images).``), no
    blanks at the ends of a line, at most one empty line between paragraphs, nothing blank at the start or end."""
    keep: list[int] = []
    run: list[int] = []  # the blanks since the last character shown
    for i, ch in enumerate(blanked):
        if ch == "\n" or ch in _BLANK:
            run.append(i)
            continue
        if keep and run:
            keep.extend(_between(text, blanked, run, ch))
        keep.append(i)
        run = []
    return keep


def _between(text: str, blanked: str, run: list[int], following: str) -> list[int]:
    """What stands for a run of blanks between two characters shown: up to two of its line breaks, else one space
    the text had (unless the run removed marks before closing punctuation), else nothing."""
    breaks = [j for j in run if blanked[j] == "\n"]
    if breaks:
        return breaks[:2]
    spaces = [j for j in run if text[j] in _BLANK]
    masked = any(text[j] != blanked[j] for j in run)
    if not spaces or (masked and following in _CLOSING):
        return []
    return spaces[:1]


def clean(text: str | None) -> str | None:
    """Just the display string of ``text`` (None stays None)."""
    return None if text is None else display_text(text).text
