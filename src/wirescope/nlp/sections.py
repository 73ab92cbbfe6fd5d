"""Long articles in sections: the text is cut at paragraph breaks into pieces, each piece is parsed and analysed on
its own, and the pieces' records are shifted back into the article's coordinates and merged, so every character
offset points into ``Article.text`` and every sentence index into the article's sentence list.

Why: spaCy's memory grows steeply with the length of one text (a 950,000-character article took 73 s and 3.3 GB
parsed whole) and several stages take time that grows with the square of the text's length (a 2,000,000-character
article joined into one Doc took 645 s). In sections of ``SECTION_CHARS``, time and memory are those of one section
times the number of sections. What is lost is context across a section boundary (a speaker named in one section
and quoted in the next).
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from typing import Any

from ..records import Analysis, Article, Entity, Sentence

# Longest section of a long article. Shorter sections keep the quadratic parts of the stages cheap; longer ones
# keep more context together. Never longer than ``Settings.max_chars_whole``.
SECTION_CHARS = 50_000
# A cut this far into the window or later is good enough; earlier ones try the next, weaker kind of break.
_MIN_FILL = 0.5
# Breaks in order of preference: paragraph, line, sentence end, word.
_BREAKS = ("\n\n", "\n", ". ", " ")
# Record fields holding character offsets and sentence indexes (``Event.mentions`` holds sentence indexes too).
_CHAR_FIELDS = frozenset({"start", "end"})
_SENTENCE_FIELDS = frozenset({"sentence", "mentions"})


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


def piece_of(article: Article, start: int, end: int) -> Article:
    """The article cut down to one section: same id and metadata, the section's text. The title heads the first
    section only: the events stage codes a title given apart from the text with the text it heads (its events,
    of sentence -1 and offsets into the title, are then not moved by ``merge_sections``: the first section is
    moved by nothing), and would code it again in every section."""
    return replace(article, text=article.text[start:end], title=article.title if start == 0 else None)


def shifted(record: Any, chars: int, sentences: int) -> Any:
    """A record (and the records inside it) moved ``chars`` characters and ``sentences`` sentences later."""
    if is_dataclass(record) and not isinstance(record, type):
        changes: dict[str, Any] = {}
        for f in fields(record):
            value = getattr(record, f.name)
            if f.name in _CHAR_FIELDS and isinstance(value, int):
                changes[f.name] = value + chars
            elif (f.name in _SENTENCE_FIELDS or (f.name == "index" and isinstance(record, Sentence))) and isinstance(
                value, int
            ):
                changes[f.name] = value + sentences
            elif isinstance(value, tuple) and value and all(isinstance(v, int) for v in value) and (
                f.name in _SENTENCE_FIELDS
            ):
                changes[f.name] = tuple(v + sentences for v in value)
            elif is_dataclass(value) or (isinstance(value, tuple) and any(is_dataclass(v) for v in value)):
                changes[f.name] = shifted(value, chars, sentences)
        return replace(record, **changes) if changes else record
    if isinstance(record, tuple):
        return tuple(shifted(v, chars, sentences) for v in record)
    return record


def merge_sections(article: Article, parts: list[tuple[int, Analysis]], note: str) -> Analysis:
    """One analysis of ``article`` from the analyses of its sections (each with the section's start offset)."""
    merged: dict[str, list[Any]] = {name: [] for name in ("sentences", "events", "quotes", "places", "times")}
    entities: dict[str, Entity] = {}
    notes: list[str] = []
    sentence_base = 0
    for start, part in parts:
        moved = shifted(part, start, sentence_base)
        sentence_base += len(part.sentences)
        for name, items in merged.items():
            items.extend(getattr(moved, name))
        for entity in moved.entities:  # an entity id is corpus-wide: the same one in two sections is one entity
            known = entities.get(entity.id)
            entities[entity.id] = entity if known is None else replace(
                known, mentions=known.mentions + entity.mentions,
                aliases=tuple(dict.fromkeys(known.aliases + entity.aliases)),
            )
        notes.extend(n for n in moved.notes if n not in notes)
    first = parts[0][1]
    return replace(
        first, article=article, entities=tuple(entities.values()), notes=(*notes, note),
        sentences=tuple(merged["sentences"]), events=tuple(merged["events"]), quotes=tuple(merged["quotes"]),
        places=tuple(merged["places"]), times=tuple(merged["times"]),
    )
