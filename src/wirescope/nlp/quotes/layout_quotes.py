"""Quotations the text's layout marks, not a cue word (mixin of ``extract.QuoteExtractor``): an embedded post
("text — Name (@handle) date"), a signed quotation ("“…” ― Name") and a speaker label opening a paragraph
("PENCE: …")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..doctext import text_of
from .found import FoundQuote
from .noun_cues import NounCues
from .spans import overlaps, rstrip_pos, sentence_at

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LABEL_NOT_FIRST = {"The", "A", "An", "This", "That", "These", "Those", "Update", "Note", "Editor", "Watch", "Read"}
# "— Name (@handle) date" closing an embedded post
_POST = re.compile(r"\s[—–―-]{1,2}\s*(?P<name>[^\n()@—–―]{2,80}?)\s*\(@(?P<handle>\w{1,30})\)[^\n]*$")
# "“…” ― Name" closing a quoted paragraph (a signed quotation, common under photos and in collections)
_SIGNED = re.compile(r"[.!?…][”\"’']?\s*[—–―]\s*(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}?)\.?\s*$")
# "PENCE: …", "Pat Caddell: …" — a speaker label opening a paragraph (transcripts, headlines)
_LABEL = re.compile(r"^[\"“]?(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}):\s+(?P<body>\S.*)$")


class LayoutQuotes(NounCues):
    """Mixin of ``QuoteExtractor``: posts, signed quotations and speaker labels (``_embedded_posts``, ``_labels``)."""

    # -- embedded posts: "text — Name (@handle) date" -------------------------------------------------------------
    def _embedded_posts(self, doc: Doc, sent_of: dict[int, int], found: list[FoundQuote]) -> list[FoundQuote]:
        out = []
        text = text_of(doc)
        pos = 0
        for para in text.split("\n"):
            start, pos = pos, pos + len(para) + 1
            m = _POST.search(para) or _SIGNED.search(para)
            if m is None:
                continue
            if m.re is _SIGNED:
                m_start = m.start() + 1 + (1 if para[m.start() + 1 : m.start() + 2] in "”\"’'" else 0)
            else:
                m_start = m.start()
            body = (start + len(para) - len(para.lstrip()), start + m_start)
            body = (body[0], rstrip_pos(text, body[0], body[1]))
            dash = start + m_start + (len(para[m_start:]) - len(para[m_start:].lstrip()))
            name = (start + m.start("name"), start + m.end("name"))
            if body[1] - body[0] < 3:
                continue
            if any(overlaps((q.start, q.end), body) for q in found):
                continue
            self._begin()
            if not self._fire("quotes.signed-quotation" if m.re is _SIGNED else "quotes.embedded-post"):
                continue
            tok = doc.char_span(name[0], name[1], alignment_mode="expand")
            out.append(FoundQuote(
                spans=(body,), type="embedded", cue=(dash, dash + 1), cue_lemma="post", cue_class="speech",
                speaker=name, speaker_head=tok.root.i if tok is not None else None, confidence=0.85,
                sentence=sentence_at(doc, body[0], sent_of, 0), trace=tuple(self._trace),
            ))
        return out

    # -- speaker labels: "PENCE: …" ---------------------------------------------------------------------------------
    def _labels(self, doc: Doc, sent_of: dict[int, int]) -> list[FoundQuote]:
        out = []
        text = text_of(doc)
        pos = 0
        persons = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"}
        for para in text.split("\n"):
            start, pos = pos, pos + len(para) + 1
            m = _LABEL.match(para)
            if m is None:
                continue
            name = (start + m.start("name"), start + m.end("name"))
            label = m.group("name")
            if self.lexicon.cls(label.split()[-1].lower()) or label.split()[0] in _LABEL_NOT_FIRST:
                continue  # "The Latest: …", "A lesson: …" are headlines, not speaker labels
            if not self.attribution and not (label.isupper() and len(label) > 2) and name not in persons:
                continue  # outside PolNeAR's wider notion only transcript labels and people speak
            body_end = rstrip_pos(text, start + m.start("body"), start + len(para))
            if text[body_end - 1] == "." and text[start + m.start("body") : body_end].count("“") == 0:
                body_end -= 1
            self._begin()
            if not self._fire("quotes.speaker-label"):
                continue
            tok = doc.char_span(name[0], name[1], alignment_mode="expand")
            out.append(FoundQuote(
                spans=((start + m.start("body"), body_end),), type="direct" if label.isupper() else "indirect",
                cue=(name[1], name[1] + 1), cue_lemma=":", cue_class="speech", speaker=name,
                speaker_head=tok.root.i if tok is not None else None, confidence=0.6,
                sentence=sent_of.get(tok.root.i, 0) if tok is not None else 0, trace=tuple(self._trace),
            ))
        return out

