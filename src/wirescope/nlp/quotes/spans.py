"""Character-span helpers for quotation extraction: token runs to trimmed ranges, quotations next to a cue,
the cue's verb group, the source noun phrase, paragraph pieces."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..coding.doc_arrays import subtree_indexes
from ..doctext import text_of
from .marks import QuotedSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_DATELINE = re.compile(r"[A-Z][A-Z .,'’]+(?:\([A-Za-z]+\))?\s*[-—–―]+\s*")
_QUOTE_CHARS = "\"'“”‘’„«»‚‹›″"
_SCENE_ADVERBS = {"instead", "however", "meanwhile"}
_SETTING_NOUNS = {
    "interview", "statement", "briefing", "speech", "letter", "tweet", "post", "email", "conference", "rally",
    "debate", "hearing", "op-ed", "memo", "release", "call", "address", "appearance", "message", "video",
}


def char_range(tokens: list[Token]) -> tuple[int, int] | None:
    """Character range of tokens, trimmed of punctuation at the edges (quote marks kept)."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and toks[0].is_punct and toks[0].text not in _QUOTE_CHARS:
        toks.pop(0)
    while toks and toks[-1].is_punct and toks[-1].text not in _QUOTE_CHARS and not (
        toks[-1].text == ")" and any(t.text == "(" for t in toks)
    ):
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def extend_over_quotations(content: tuple[int, int], quotations: list[QuotedSpan]) -> tuple[int, int] | None:
    """Content includes whole quotations it touches (PolNeAR: everything within the quote marks)."""
    start, end = content
    for q in quotations:
        if q.start < end and start < q.end:
            start, end = min(start, q.start), max(end, q.end)
    return (start, end) if end > start else None


def adjacent_quotations(
    doc: Doc, first: Token, last: Token, quotations: list[QuotedSpan]
) -> tuple[QuotedSpan | None, QuotedSpan | None]:
    """Quotations right before the cue's clause (``“…,” he said``) and right after it (``said: “…”``,
    ``said in a statement: “…”``), in the same paragraph."""
    text = text_of(doc)
    after_pos = last.idx + len(last)
    after = None
    nxt = min((q for q in quotations if q.start >= after_pos), key=lambda q: q.start, default=None)
    if nxt is not None:
        between = text[after_pos : nxt.start]
        # "he declared:" ending a paragraph introduces the quotation that opens the next one
        if re.fullmatch(r"[ \t\xa0]*[:,]?[ \t\xa0]*", between) or re.fullmatch(r"[ \t\xa0]*:\s*", between):
            after = nxt
        elif len(between) <= 40 and "\n" not in between and between.rstrip().endswith(":"):
            words = doc.char_span(after_pos, nxt.start, alignment_mode="contract")
            if words is not None and not any(t.pos_ in ("VERB", "AUX") for t in words):
                after = nxt
    before_pos = first.idx
    prev = max((q for q in quotations if q.end <= before_pos), key=lambda q: q.end, default=None)
    before = prev if prev is not None and re.fullmatch(r"[ \t\xa0,]*", text[prev.end : before_pos]) else None
    return before, after


def token_pieces(doc: Doc, tokens: list[Token]) -> list[tuple[int, int]]:
    """Contiguous runs of tokens (gaps of punctuation allowed) as trimmed character ranges."""
    toks = sorted(tokens, key=lambda t: t.i)
    runs: list[list[Token]] = []
    for t in toks:
        if runs and all(doc[j].is_punct or doc[j].is_space for j in range(runs[-1][-1].i + 1, t.i)):
            runs[-1].append(t)
        else:
            runs.append([t])
    out = []
    for run in runs:
        rng = char_range(run)
        if rng is not None:
            out.append(rng)
    return out


def merge_touching(text: str, pieces: list[tuple[int, int] | None]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for p in sorted(x for x in pieces if x is not None):
        if out and p[0] <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], p[1]))
        else:
            out.append(p)
    return out


def is_whole_quotation(text: str, content: tuple[int, int], quotations: list[QuotedSpan]) -> bool:
    inside = [q for q in quotations if content[0] <= q.start and q.end <= content[1]]
    outside = text[content[0] : content[1]]
    for q in sorted(inside, key=lambda q: q.start, reverse=True):
        outside = outside[: q.start - content[0]] + outside[q.end - content[0] :]
    return bool(inside) and not re.sub(r"[\W_]+", "", outside)


def verb_group_span(doc: Doc, tok: Token, end_tok: Token, content: tuple[int, int]) -> tuple[int, int]:
    """The verb group: auxiliaries, negation and adverbs next to the verb, the linking preposition, a colon."""
    if end_tok.lower_ == "as":
        end_tok = tok  # "described as …": annotators leave "as" out of the cue
    lo, hi = tok.i, max(tok.i, end_tok.i)
    group = {c.i for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "prt")}
    # adverbs belong to the verb group ("also said", "recently wrote"), but not "when asked" or "instead called":
    # annotators leave those out
    group |= {
        c.i for c in tok.children
        if c.dep_ == "advmod" and abs(c.i - tok.i) <= 2 and c.tag_ != "WRB" and c.lower_ not in _SCENE_ADVERBS
    }
    group |= {t.i for t in doc[max(0, tok.i - 3) : tok.i] if t.is_space}
    # "went on to discuss", "appeared to suggest", "avoids condemning": the governing verb of a catenative chain
    # belongs to the cue
    head = tok
    while head.dep_ in ("xcomp", "pcomp") and head.head.i < head.i and head.i - head.head.i <= 4:
        gov = head.head if head.dep_ == "xcomp" else head.head.head
        if gov.pos_ not in ("VERB", "AUX") or gov.i >= head.i:
            break
        between = doc[gov.i + 1 : head.i]
        if not all(t.dep_ in ("aux", "prt", "prep", "neg", "advmod", "mark") or t.is_space for t in between):
            break
        group |= set(range(gov.i, head.i))
        group |= {c.i for c in gov.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < gov.i}
        head = gov
    while lo - 1 in group:
        lo -= 1
    while (hi + 1 in group and doc[hi + 1].idx < content[0]) or (hi + 1 in group and content[1] <= doc[hi + 1].idx):
        hi += 1
    # "said in an interview", "said at a briefing": the setting stays with the verb (annotators mostly agree on
    # this; a bare day name after the verb they mostly leave out)
    extended = True
    while extended:
        extended = False
        for c in tok.children:
            sub = subtree_indexes(c)
            if sub[0] != hi + 1 or doc[sub[-1]].idx >= content[0] > doc[hi].idx:
                continue
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "during", "on") and any(
                doc[i].lemma_.lower() in _SETTING_NOUNS for i in sub
            ):
                # up to the setting noun phrase, without its own attachments ("in an interview [with …]")
                pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                hi = max([pobj.i] + [x.i for x in pobj.lefts])
                extended = True
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
    if hi + 1 < len(doc) and doc[hi + 1].text == ":" and doc[hi + 1].idx < content[0]:
        end = doc[hi + 1].idx + 1
    if overlaps((start, end), content):
        return tok.idx, tok.idx + len(tok)
    return start, end


def rstrip_pos(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def np_span(tok: Token, is_cue: Callable[[Token], bool] | None = None) -> tuple[int, int]:
    """The source noun phrase: the head's subtree, with identifying detail (appositions, relative clauses), up to
    (not including) a relative clause that is an attribution of its own ("Mr. Kamin, who emphasized that …"), a
    participial clause set off by a comma or a second apposition — incidental detail."""
    doc = tok.doc
    cut = len(doc)
    appos = 0
    for child in tok.subtree:
        if child.i <= tok.i:
            continue
        if child.dep_ == "appos" and child.head.i == tok.i:
            appos += 1
        start = min(t.i for t in child.subtree)
        set_off = start > 0 and doc[start - 1].text in (",", "—", "–", "(")
        # "officials briefed on the talks" identifies the source; ", speaking to veterans," is incidental
        own_attribution = child.dep_ == "relcl" and is_cue is not None and is_cue(child)
        aside = child.dep_ in ("acl", "advcl") and set_off
        if own_attribution or aside or (child.dep_ == "appos" and child.head.i == tok.i and appos > 1):
            if start > 0 and doc[start - 1].text in (",", "—", "–", "("):
                start -= 1
            cut = min(cut, start)
    toks = [t for t in tok.subtree if t.i < cut]
    while toks and toks[0].dep_ in ("cc", "preconj") and toks[0].i < tok.i:
        toks = toks[1:]  # "But Lebanon's …" when the parser hangs the sentence's conjunction on the subject
    rng = char_range(toks)
    if rng is None:
        return tok.idx, tok.idx + len(tok)
    start, end = rng
    text = text_of(doc)
    # a paragraph-opening dateline ("BRUSSELS - European leaders") or a stray quote mark is not part of the source
    m = _DATELINE.match(text, start, end)
    if m is not None and m.end() < end:
        start = m.end()
    while start < end and (text[start] in _QUOTE_CHARS or text[start].isspace()):
        start += 1
    if text[end : end + 1] == ")" and text.count("(", start, end) > text.count(")", start, end):
        end += 1
    if "," in text[start:end] and text[end : end + 1] == "," and tok.i < len(doc) - 1:
        end += 1  # the closing comma of a parenthetical apposition belongs to the source
    return start, end


def split_paragraphs(text: str, span: tuple[int, int]) -> tuple[tuple[int, int], ...]:
    """Pieces of a span, one per paragraph, trimmed of surrounding whitespace."""
    pieces = []
    pos = span[0]
    for part in text[span[0] : span[1]].split("\n"):
        a, b = pos, pos + len(part)
        pos = b + 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            pieces.append((a, b))
    return tuple(pieces) or (span,)


def stands_alone(doc: Doc, q: QuotedSpan) -> bool:
    """The quotation is a sentence (or several) of its own: it starts after a sentence end or paragraph break and
    nothing but punctuation follows it before the next sentence or paragraph. Character-based, because the
    parser often attaches a closing quote mark to the following sentence."""
    text = text_of(doc)
    before = text[max(0, q.start - 300) : q.start].rstrip(" \t\xa0")
    if before and not before.endswith(("\n", ".", "!", "?", ":", "”", '"', "’", "'", "…")):
        return False
    m = re.match(r"[\s.,;:!?”\"’')\]]*", text[q.end :])
    consumed = m.group(0) if m else ""
    rest = text[q.end + len(consumed) :]
    if not rest or "\n" in consumed:
        return True
    ended = bool(re.search(r"[.!?…][\"”’']*$", text[q.start : q.end])) or bool(re.search(r"[.!?]", consumed))
    return ended and (rest[0].isupper() or rest[0] in "\"“‘'")


def paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the line (paragraph) holding ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def sentence_at(doc: Doc, pos: int, sent_of: dict[int, int], default: int) -> int:
    """The index of the sentence holding character ``pos`` (``default`` when no token covers it)."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return sent_of.get(span.start, default) if span is not None else default
