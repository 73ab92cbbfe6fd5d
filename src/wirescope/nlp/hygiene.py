"""Text hygiene before parsing: what is not prose is blanked out, so the parser and the coder never read it.

Markdown syntax (images, link targets, emphasis marks, heading marks, bullets, quote marks), bare URLs, datelines
("RAMALLAH, West Bank —", "WASHINGTON (AP) —"), the signature of an embedded social post, photo credits and
captions ("Photo: Reuters", "(AFP/Getty Images)", a "FILE PHOTO: ..." line) and credit lines (a "By Jane Doe"
byline, "Reporting by ...", "Reuters contributed to this report") are replaced by spaces of the same length. The
masked text is exactly as long as the stored text and keeps every line break but those inside a sentence of
hard-wrapped text, so every offset the stages produce still points into ``Article.text`` and the paragraph-aware
sentence splitter sees the same paragraphs. Bylines and wire credits are recorded on the article at ingest
(``ingest/credits.py``) before this masking hides them.

Why mask instead of deleting: deleting would shift offsets, and a table of shifts would have to be applied to every
record of every stage. Why not keep them: a dateline city becomes the source of the first sentence's event ("RAMALLAH,
West Bank — Israeli troops ..."), link targets and URLs become tokens in the parse, "contributed to this report" is
coded as cooperation, and a heading's ``###`` or an emphasis ``**`` breaks the tagger's reading of the words around
it. Link texts, heading texts and emphasised words are kept: they are prose.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

_WIRES_FILE = Path(__file__).resolve().parents[1] / "data" / "hygiene" / "wires.tsv"

# Kinds of masked span, in the order they are found (each pattern runs on the text masked by the earlier ones).
MASK_KINDS = ("soft-wrap", "html", "image", "link", "url", "dateline", "credit-line", "caption",
              "photo-credit", "heading", "emphasis", "line-mark")


@dataclass(frozen=True, slots=True)
class Masked:
    """A blanked span of the text: ``[start, end)`` and why."""

    start: int
    end: int
    kind: str


@functools.cache
def wire_spellings() -> dict[str, str]:
    """Every spelling of a wire agency in the bundled table, to the agency's recorded name."""
    out: dict[str, str] = {}
    for line in _WIRES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, spellings = line.split("\t")
        for spelling in spellings.split("|"):
            out[spelling] = name
    return out


@functools.cache
def _wire_alternation() -> str:
    names = sorted(wire_spellings(), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(n) for n in names) + ")"


# A capitalised word of a person's or a place's name, and the particles names carry ("Abu Bakr al-Baghdadi").
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|al|bin|de|da|di|del|der|el|la|le|van|von)"
_NAME = rf"[A-Z][\w.'’-]*(?:[ \t]+{_NAME_WORD}){{0,4}}"


def _patterns() -> list[tuple[str, re.Pattern[str], Callable[[re.Match[str]], Iterator[tuple[int, int]]]]]:
    wire = _wire_alternation()
    return [
        # a line broken inside a sentence (hard-wrapped text: the line ends in a word or a comma, the next starts
        # in lower case) is one line: the paragraph-aware sentence splitter would cut the sentence in two
        ("soft-wrap", re.compile(r"(?<=[\w,])[ \t]*\n(?=[ \t]*[a-z])"), _whole),
        # raw HTML tags in markdown (<img ...>, <br/>, </div>)
        ("html", re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:[ \t][^<>\n]{0,300})?/?>"), _whole),
        # ![alt](src "title"): the alt text is a caption, not prose of the article
        ("image", re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"), _whole),
        # [text](target "title") and [text][ref]: keep the text, blank the brackets and the target
        ("link", re.compile(
            r"\[([^\[\]\n]*)\](?:\(\s*(?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?"
            r"\s*\)|\[[^\[\]\n]*\])"), _outside_group),
        # a reference definition line: [1]: https://...
        ("link", re.compile(r"(?m)^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$"), _whole),
        # bare URLs, <autolinks>, twitter picture links and e-mail addresses; a closing sentence mark after them is kept
        ("url", re.compile(r"<(?:https?|ftp)://[^>\s]+>|\b(?:(?:https?|ftp)://|www\.|pic\.twitter\.com/)[^\s<>\"“”]*"
                           r"[^\s<>\"“”.,;:!?)\]'’]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), _whole),
        # The signature of an embedded social post ("— Jane Doe (@janedoe) January 3, 2020") is kept on purpose: the
        # quotation extractor attributes the post to its author through it.
        # RAMALLAH, West Bank — / WASHINGTON (AP) — / BAGHDAD (Reuters) - / LONDON, Jan 3 (Reuters) -: an
        # upper-case place at the start of a paragraph, an optional region and date, an optional wire, a dash and
        # a capitalised sentence start. Upper case is what sets a dateline apart from a sentence's subject.
        ("dateline", re.compile(
            r"(?m)^[ \t]*[A-Z][A-Z.'’-]*[A-Z][A-Z.'’-]*(?:[ /][A-Z][A-Z.'’-]+)*(?:,[ \t]*[A-Z0-9][\w.'’-]*"
            rf"(?:[ \t]+[A-Z0-9][\w.'’-]*){{0,3}})?[ \t]*(?:\({wire}\))?[ \t]*(?:—|–|--|-)[ \t]+(?=[\"“‘'A-Z0-9])"),
         _whole),
        ("dateline", re.compile(rf"(?m)^[ \t]*\({wire}\)[ \t]*(?:—|–|--|-)[ \t]+"), _whole),
        # whole credit lines: a byline, reporting/editing credits, "X contributed to this report", a lone wire
        # name, a copyright line, "Source: AFP"
        ("credit-line", re.compile(
            rf"(?m)^[ \t]*(?:#{{1,6}}[ \t]+)?(?:[*_]{{1,2}})?By[ \t]+{_NAME}(?:(?:,|[ \t]+and|[ \t]*&)[ \t]+{_NAME})*"
            rf"(?:[ \t]*[,|—–-]?[ \t]*{wire})?(?:[*_]{{1,2}})?[ \t]*$"), _whole),
        ("credit-line", re.compile(
            r"(?m)^[ \t]*\(?(?:(?:Additional )?[Rr]eporting (?:by|was contributed by)|Writing by|Editing by|"
            r"Compiled by|Reported by)\b[^\n]{0,400}$"), _whole),
        ("credit-line", re.compile(
            rf"(?m)(?:^[ \t]*|(?<=[.!?”\"’][ \t]))(?:The )?{wire}"
            rf"(?:[ \t]+(?:staff|writers?|reporters?|correspondents?))?(?:[ \t]+{_NAME})?"
            r"[ \t]+contributed(?:[ \t]+reporting)?(?:[ \t]+to)?[ \t]+this[ \t]+(?:report|story|article)\.?[ \t]*$"),
         _whole),
        ("credit-line", re.compile(
            rf"(?m)^[ \t]*(?:[—–-][ \t]*)?(?:\(?{wire}\)?|(?:©|Copyright\b)[^\n]{{0,120}}|"
            rf"Sources?:[ \t]*{wire}(?:[ \t]*[,/][ \t]*{wire})*)[ \t]*$"), _whole),
        # a caption line: "FILE PHOTO: ...", "Photo: ...", "Image credit: ..."
        ("caption", re.compile(
            r"(?m)^[ \t]*(?:FILE[ \t]+)?(?:PHOTO|Photo|PHOTOGRAPH|Photograph|IMAGE|Image|PICTURE|Picture|Caption|"
            r"CAPTION|Credit|CREDIT)(?:[ \t]+credit)?s?[ \t]*:[^\n]*$"), _whole),
        # an inline photo credit: "Photograph: Jane Doe/AFP/Getty Images", "(AFP/Getty Images)", "(AP Photo/X Y)"
        ("photo-credit", re.compile(
            r"\b(?:Photograph|Photo|Image|Picture)s?(?:[ \t]+credit)?:[ \t]*[A-Z][\w.'’&-]*"
            r"(?:[ \t]+[A-Z][\w.'’&-]*){0,4}(?:[ \t]*/[ \t]*[A-Z][\w.'’&-]*(?:[ \t]+[A-Z][\w.'’&-]*){0,3})*"), _whole),
        ("photo-credit", re.compile(
            rf"\((?:(?:Photo|Photograph|Image|File)(?:[ \t]+credit)?:[ \t]*[^()\n]{{1,60}}|"
            rf"(?=[^()\n]{{0,80}}\b(?:{wire}|Getty|Shutterstock|Alamy|Photo)\b)(?:[A-Z][\w.'’&-]*|[ \t/:-])+)\)"),
         _photo_credit),
        # markdown structure: heading marks, emphasis marks, quote marks, bullets, rules, escapes, code ticks
        ("heading", re.compile(r"(?m)^[ \t]{0,3}#{1,6}(?=[ \t]|$)|[ \t]+#+[ \t]*$"), _whole),
        ("emphasis", re.compile(r"(\*\*|__|~~)(?=\S)[^\n]*?\S\1"), _delimiters),
        ("emphasis", re.compile(r"(?<![\w*\\])(\*)(?=[^\s*])[^\n*]*?[^\s*]\*(?![\w*])"), _delimiters),
        ("emphasis", re.compile(r"(?<![\w\\])(_)(?=[^\s_])[^\n_]*?[^\s_]_(?!\w)"), _delimiters),
        ("line-mark", re.compile(
            r"(?m)^[ \t]*(?:>[ \t]?)+|^[ \t]*[*+-][ \t]+(?=\S)|^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$"), _whole),
        ("line-mark", re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!])|`+"), _whole),
    ]


def _whole(m: re.Match[str]) -> Iterator[tuple[int, int]]:
    yield m.start(), m.end()


def _outside_group(m: re.Match[str]) -> Iterator[tuple[int, int]]:
    """Everything but group 1 (a link's text)."""
    yield m.start(), m.start(1)
    yield m.end(1), m.end()


def _delimiters(m: re.Match[str]) -> Iterator[tuple[int, int]]:
    """The opening and closing marks (group 1 and its repeat at the end)."""
    size = len(m.group(1))
    yield m.start(), m.start() + size
    yield m.end() - size, m.end()


def _photo_credit(m: re.Match[str]) -> Iterator[tuple[int, int]]:
    """A parenthesised credit, with the space before it (so "Tehran (AFP/Getty Images)." reads "Tehran.")."""
    start = m.start()
    while start > 0 and m.string[start - 1] in " \t":
        start -= 1
    yield start, m.end()


@functools.cache
def _compiled() -> tuple[tuple[str, re.Pattern[str], Callable[[re.Match[str]], Iterator[tuple[int, int]]]], ...]:
    return tuple(_patterns())


def masked_spans(text: str) -> list[Masked]:
    """The spans ``mask`` blanks, in the order they were found (later patterns see earlier spans blanked)."""
    return _run(text)[1]


def mask(text: str) -> str:
    """``text`` with every non-prose span replaced by spaces; same length, line breaks kept."""
    return _run(text)[0]


def _run(text: str) -> tuple[str, list[Masked]]:
    chars = list(text)
    found: list[Masked] = []
    current = text
    for kind, pattern, parts in _compiled():
        hits = [(a, b) for m in pattern.finditer(current) for a, b in parts(m) if b > a]
        if not hits:
            continue
        for a, b in hits:
            for i in range(a, b):
                if chars[i] != "\n" or kind == "soft-wrap":
                    chars[i] = " "
            found.append(Masked(a, b, kind))
        current = "".join(chars)
    return current, found
