"""Long articles in sections: the text is cut at paragraph breaks into pieces the model handles comfortably, each
piece is parsed on its own, and the parses are joined back into one ``Doc`` whose text is the article's text, so
every character offset of every record still points into ``Article.text``.

Why: spaCy's memory and time grow steeply with the length of one text (a 950,000-character article took 73 s and
3.3 GB parsed whole), and it refuses texts over ``nlp.max_length`` outright. Parsed in sections, memory is bounded
by the section length plus the joined tokens (no per-token tensors are kept).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# A cut this far into the window or later is good enough; earlier ones try the next, weaker kind of break.
_MIN_FILL = 0.5
# Breaks in order of preference: paragraph, line, sentence end, word.
_BREAKS = ("\n\n", "\n", ". ", " ")


def split_sections(text: str, limit: int) -> list[tuple[int, int]]:
    """``(start, end)`` spans that cover ``text`` exactly, in order, each at most ``limit`` characters long.

    Cuts fall after a paragraph break when one lies in the second half of the window, else after a line break, a
    sentence end or a space; a text with none of these is cut hard at ``limit``.
    """
    if limit < 1:
        raise ValueError(f"section limit must be positive, got {limit}")
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        spans.append((start, _cut(text, start, end)))
        start = spans[-1][1]
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def _cut(text: str, start: int, end: int) -> int:
    floor = start + int((end - start) * _MIN_FILL)
    for sep in _BREAKS:
        at = text.rfind(sep, floor, end)
        if at >= 0:
            return at + len(sep)
    return end


def parse_in_sections(nlp: Language, text: str, limit: int) -> tuple[Doc, int]:
    """One ``Doc`` of ``text`` parsed section by section, and the number of sections.

    Sections are parsed one at a time (a batch of long texts is what makes spaCy's memory peak) and joined without
    inserting whitespace, so the joined text is ``text`` itself; token tensors are dropped.
    """
    from spacy.tokens import Doc

    spans = split_sections(text, limit)
    docs = []
    for start, end in spans:
        doc = nlp(text[start:end])
        doc.tensor = doc.tensor[:0]  # the stages never read it; kept, it would be the biggest part of the joined doc
        docs.append(doc)
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])
    if joined.text != text:  # pragma: no cover - from_docs keeps every token's whitespace; checked, not assumed
        raise ValueError("the sections of the text did not join back into the same text")
    return joined, len(spans)
