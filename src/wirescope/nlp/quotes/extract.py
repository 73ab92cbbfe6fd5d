"""Quotation extraction over a spaCy parse: cue verbs with their source and content, quote-mark spans, floating
continuations, embedded social posts and chants.

Span conventions follow the PolNeAR guidelines so that evaluation is meaningful: the source is the full noun
phrase (determiners, titles, appositions); the cue is the verb group (auxiliaries, negation, particles, the
preposition that links it to its content, a colon that introduces speech); the content includes a leading *that*
and the quote marks, but not the sentence's final full stop. Nested attributions are dropped (the outermost wins).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .cues import QUOTE_CLASSES, CueLexicon, bundled_lexicon
from .marks import QuotedSpan, find_quotations

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJ = ("nsubj", "csubj")
_COMPLEMENT = ("ccomp", "xcomp")
_CUE_PREPS = {"of", "for", "about", "on", "against", "that", "as"}
_INHERIT_DEPS = {"conj", "advcl", "xcomp", "pcomp", "pobj", "prep", "acl", "relcl"}
_QUOTE_CHARS = "\"'“”‘’„«»‚‹›″"
_NOT_CONTENT = {"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL"}
_SETTING_NOUNS = {
    "interview", "statement", "briefing", "speech", "letter", "tweet", "post", "email", "conference", "rally",
    "debate", "hearing", "op-ed", "memo", "release", "call", "address", "appearance", "message", "video",
}
_CHANT_NOUNS = {"chant", "chants", "slogan", "slogans", "cry", "cries", "shout", "shouts"}
# "— Name (@handle) date" closing an embedded post
_POST = re.compile(r"\s[—–―-]{1,2}\s*(?P<name>[^\n()@—–―]{2,80}?)\s*\(@(?P<handle>\w{1,30})\)[^\n]*$")
# "“…” ― Name" closing a quoted paragraph (a signed quotation, common under photos and in collections)
_SIGNED = re.compile(r"[.!?…][”\"’']?\s*[—–―]\s*(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})\s*$")
# "PENCE: …", "Pat Caddell: …" — a speaker label opening a paragraph (transcripts, headlines)
_LABEL = re.compile(r"^[\"“]?(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}):\s+(?P<body>\S.*)$")


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """A quotation before speaker resolution: character spans, the cue and the speaker mention's token range."""

    spans: tuple[tuple[int, int], ...]
    type: str  # direct | mixed | indirect | floating | embedded | chant
    cue: tuple[int, int] | None
    cue_lemma: str | None
    cue_class: str | None
    speaker: tuple[int, int] | None  # character span of the source NP
    speaker_head: int | None  # token index of the source's head (for resolution)
    confidence: float
    sentence: int
    continues: bool = False  # continues the previous quotation's content (a floating continuation)

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


class QuoteExtractor:
    """Find quotations in a parsed Doc. ``attribution=True`` reports PolNeAR's wider notion (beliefs, intents,
    evidence, decrees with plain objects); the default reports quotations: speech and belief cues with a clausal
    complement or a quoted fragment."""

    def __init__(self, lexicon: CueLexicon | None = None, *, attribution: bool = False) -> None:
        self.lexicon = lexicon or bundled_lexicon()
        self.attribution = attribution

    # -- entry point -------------------------------------------------------------------------------------------
    def extract(self, doc: Doc) -> list[FoundQuote]:
        text = doc.text
        quotations = find_quotations(text)
        sents = list(doc.sents)
        sent_of = {t.i: k for k, s in enumerate(sents) for t in s}
        found: list[FoundQuote] = []
        for tok in doc:
            q = self._from_cue(doc, tok, quotations, sent_of)
            if q is not None:
                found.append(q)
        found.extend(self._chant_nouns(doc, quotations, sent_of))
        found.extend(self._labels(doc, sent_of))
        found = _drop_nested(found)
        found.extend(self._embedded_posts(doc, sent_of, found))
        found = _drop_nested(found)
        found = self._continuations(doc, quotations, found, sent_of)
        return sorted(found, key=lambda q: q.start)

    # -- cue verbs ---------------------------------------------------------------------------------------------
    def _cue_class(self, tok: Token) -> tuple[str, str] | None:
        """(lemma, class) when ``tok`` heads a cue, including multi-word ones (according to, call for)."""
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            return "according to", "speech"
        if tok.pos_ == "ADJ":
            # "is confident that …": an adjective after a copula, with a complement
            if tok.dep_ != "acomp" or not any(c.dep_ in ("ccomp", "xcomp", "prep") for c in tok.children):
                return None
        elif tok.pos_ != "VERB" and not (tok.pos_ == "AUX" and tok.lemma_ == "say"):
            return None
        if low == "called" and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "so":
            return None  # "so-called" marks scare quotes, not speech
        lemma = "hope" if low in ("hoping", "hoped") else tok.lemma_.lower()
        for child in tok.children:
            if child.dep_ in ("prt", "prep", "dobj") and (lemma, child.lemma_.lower()) in self.lexicon.multi:
                return f"{lemma} {child.lower_}", self.lexicon.multi[(lemma, child.lemma_.lower())]
        cls = self.lexicon.cls(lemma)
        return (lemma, cls) if cls else None

    def _from_cue(
        self, doc: Doc, tok: Token, quotations: list[QuotedSpan], sent_of: dict[int, int]
    ) -> FoundQuote | None:
        cue = self._cue_class(tok)
        if cue is None:
            return None
        lemma, cls = cue
        if not self.attribution and cls not in QUOTE_CLASSES:
            return None
        if lemma == "according to":
            return self._according_to(doc, tok, quotations, sent_of)
        sent = tok.sent
        content_tokens: list[Token] = []
        cue_end_tok = tok
        kind = "indirect"
        comp = [c for c in tok.children if c.dep_ in _COMPLEMENT]
        if comp:
            content_tokens = [t for c in comp for t in c.subtree]
            # "warned his death could have …": a subjectless complement's subject was parsed as the object
            first = comp[0]
            if not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "expl") for c in first.children):
                obj = next((c for c in tok.children if c.dep_ == "dobj" and tok.i < c.i < first.i), None)
                if obj is not None and first.dep_ == "ccomp":
                    content_tokens += list(obj.subtree)
        else:
            prep = next(
                (c for c in tok.children if c.dep_ == "prep" and c.lower_ in _CUE_PREPS and c.i > tok.i), None
            )
            objs = [c for c in tok.children if c.dep_ in ("dobj", "oprd", "attr", "dative") and c.i > tok.i]
            if prep is not None and any(c.ent_type_ in _NOT_CONTENT for c in prep.children):
                prep = None  # "spoke on Friday", "spoke in Tehran": when and where, not what
            if prep is not None and any(c.dep_ in ("pobj", "pcomp") for c in prep.children) and not objs:
                content_tokens = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
                cue_end_tok = prep
            elif objs:
                content_tokens = [t for c in objs for t in c.subtree]
        if not content_tokens and tok.dep_ == "parataxis" and tok.head.i != tok.i:
            # "Acts of protest, Mr. Obama said, are acts of patriotism": the cue sits inside its content
            content_tokens = list(tok.head.subtree)
        verb = tok.head if tok.pos_ == "ADJ" else tok
        source_tok = self._source(verb)
        clause = {tok.i, cue_end_tok.i, verb.i} | {c.i for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "advmod")}
        if source_tok is not None and source_tok.head.i == verb.i:
            clause |= {t.i for t in source_tok.subtree}
        removed = clause | {t.i for t in tok.subtree if t.i not in {x.i for x in content_tokens}}
        pieces = _pieces(doc, [t for t in _cut_at_participle(content_tokens, self) if t.i not in removed])
        # A quotation right after the cue ("said: “…”") or right before the clause ("“…,” he said"), or both
        # ("“…,” he said, “…”").
        lo_i, hi_i = min(clause), max(clause)
        before, after = _adjacent_quotations(doc, doc[lo_i], doc[hi_i], quotations)
        if before is not None and not pieces:
            pieces.append((before.start, before.end))
            if after is not None and re.fullmatch(r"[ \t\xa0]*,[ \t\xa0]*", doc.text[doc[hi_i].idx + len(doc[hi_i]) : after.start]):
                pieces.append((after.start, after.end))
        elif after is not None and (not pieces or after.start <= pieces[0][0] < after.end):
            pieces = [(after.start, after.end)] + [p for p in pieces if p[0] >= after.end]
        pieces = _merge_touching(doc.text, [_extend_over_quotations(p, quotations) for p in pieces])
        if not pieces:
            return None
        if any(a <= tok.idx < b for a, b in pieces):
            return None  # content swallowing its own cue: a misparse
        content = (pieces[0][0], pieces[-1][1])
        has_quote = any(q.start < b and a < q.end for q in quotations for a, b in pieces)
        if not self.attribution:
            clausal = (bool(comp) or cue_end_tok is not tok) and cls == "speech"
            if not (has_quote or clausal):
                return None
        if has_quote:
            kind = "direct" if all(_is_whole_quotation(doc.text, p, quotations) for p in pieces) else "mixed"
        if lemma == "chant":
            kind = "chant"
        cue_span = _cue_span(doc, tok, cue_end_tok, content)
        if verb is not tok and verb.i < tok.i and not any(a <= verb.idx < b for a, b in pieces):
            cue_span = (min(cue_span[0], _cue_span(doc, verb, verb, content)[0]), cue_span[1])
        speaker = _np_span(source_tok) if source_tok is not None else None
        if speaker is not None and any(_overlaps(speaker, p) for p in pieces):
            speaker, source_tok = None, None
        if source_tok is None and cls != "speech" and kind == "indirect":
            return None  # "the law requires candidates to disclose …": an intent verb with nobody holding it
        confidence = 0.9 if kind == "direct" else 0.75 if kind == "mixed" else 0.6
        if source_tok is None:
            confidence -= 0.2
        spans = tuple(x for p in pieces for x in _split_paragraphs(doc.text, p))
        return FoundQuote(
            spans=spans, type=kind, cue=cue_span, cue_lemma=lemma, cue_class=cls, speaker=speaker,
            speaker_head=source_tok.i if source_tok is not None else None, confidence=round(confidence, 2),
            sentence=sent_of.get(sent.start, 0),
        )

    def _source(self, tok: Token) -> Token | None:
        """The subject of the cue verb, inherited from governing verbs for participles and conjuncts
        ("…, adding: …", "chanting …"). Passive verbs take their ``by`` agent; without one, no speaker."""
        if tok.tag_ == "VBG":
            # "…, adding …", "tweeted after the incident saying …": the speaker of the nearest governing cue
            own = next((c for c in tok.children if c.dep_ in _SUBJ), None)
            anc = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX") and self._cue_class(a)), None)
            if anc is not None and (own is None or own.pos_ not in ("PRON", "PROPN")):
                return self._source(anc)
        cur = tok
        for _ in range(4):
            if any(c.dep_ in ("auxpass", "nsubjpass") for c in cur.children):
                agent = next((c for c in cur.children if c.dep_ == "agent"), None)
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                return pobj
            subj = next((c for c in cur.children if c.dep_ in _SUBJ), None)
            if subj is not None:
                return subj
            if cur.dep_ not in _INHERIT_DEPS or cur.head is cur:
                return None
            if cur.dep_ == "relcl":
                return None
            cur = cur.head
            while cur.pos_ not in ("VERB", "AUX") and cur.head is not cur:
                if cur.dep_ not in _INHERIT_DEPS:
                    return None
                cur = cur.head
        return None

    def _according_to(
        self, doc: Doc, tok: Token, quotations: list[QuotedSpan], sent_of: dict[int, int]
    ) -> FoundQuote | None:
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        head = tok.head
        while head.dep_ == "prep" and head.head is not head:
            head = head.head
        excluded = {t.i for t in tok.subtree} | {to.i} | {t.i for t in pobj.subtree}
        sent = tok.sent
        rest = [t for t in (head.subtree if head is not tok else sent) if t.i not in excluded]
        # the contiguous run on the far side of "according to X"
        before = [t for t in rest if t.i < tok.i]
        after = [t for t in rest if t.i > max(excluded)]
        content_tokens = after if len(after) > len(before) else before
        content = _char_range(content_tokens)
        if content is None:
            return None
        content = _extend_over_quotations(content, quotations)
        if content is None:
            return None
        has_quote = any(q.start < content[1] and content[0] < q.end for q in quotations)
        kind = ("direct" if _is_whole_quotation(doc.text, content, quotations) else "mixed") if has_quote else "indirect"
        return FoundQuote(
            spans=_split_paragraphs(doc.text, content), type=kind, cue=(tok.idx, to.idx + len(to)),
            cue_lemma="according to", cue_class="speech", speaker=_np_span(pobj), speaker_head=pobj.i,
            confidence=0.7, sentence=sent_of.get(sent.start, 0),
        )

    # -- noun cues: "with chants of “death to America”" ----------------------------------------------------------
    def _chant_nouns(self, doc: Doc, quotations: list[QuotedSpan], sent_of: dict[int, int]) -> list[FoundQuote]:
        out = []
        for tok in doc:
            if tok.lower_ not in _CHANT_NOUNS or tok.pos_ != "NOUN":
                continue
            after = doc.text[tok.idx + len(tok) : tok.idx + len(tok) + 6]
            m = re.match(r"\s+of\s+", after)
            start = tok.idx + len(tok) + (m.end() if m else 0)
            while start < len(doc.text) and doc.text[start] == " ":
                start += 1
            q = next((q for q in quotations if q.start == start), None)
            if q is None:
                continue
            verb = tok.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
                verb = verb.head
            src = self._source(verb) if verb.pos_ in ("VERB", "AUX") else None
            cue_end = tok.idx + len(tok) + (len(m.group(0).rstrip()) if m else 0)
            out.append(FoundQuote(
                spans=q.pieces, type="chant", cue=(tok.idx, cue_end), cue_lemma=tok.lemma_.lower(),
                cue_class="speech", speaker=_np_span(src) if src is not None else None,
                speaker_head=src.i if src is not None else None, confidence=0.7, sentence=sent_of.get(tok.sent.start, 0),
            ))
        return out

    # -- embedded posts: "text — Name (@handle) date" -------------------------------------------------------------
    def _embedded_posts(self, doc: Doc, sent_of: dict[int, int], found: list[FoundQuote]) -> list[FoundQuote]:
        out = []
        text = doc.text
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
            body = (body[0], _rstrip_pos(text, body[0], body[1]))
            dash = start + m_start + (len(para[m_start:]) - len(para[m_start:].lstrip()))
            name = (start + m.start("name"), start + m.end("name"))
            if body[1] - body[0] < 3:
                continue
            if any(_overlaps((q.start, q.end), body) for q in found):
                continue
            tok = doc.char_span(name[0], name[1], alignment_mode="expand")
            out.append(FoundQuote(
                spans=(body,), type="embedded", cue=(dash, dash + 1), cue_lemma="post", cue_class="speech",
                speaker=name, speaker_head=tok.root.i if tok is not None else None, confidence=0.85,
                sentence=sent_of.get(doc.char_span(body[0], body[0] + 1, alignment_mode="expand").start, 0)  # type: ignore[union-attr]
                if doc.char_span(body[0], body[0] + 1, alignment_mode="expand") is not None else 0,
            ))
        return out

    # -- speaker labels: "PENCE: …" ---------------------------------------------------------------------------------
    def _labels(self, doc: Doc, sent_of: dict[int, int]) -> list[FoundQuote]:
        out = []
        text = doc.text
        pos = 0
        persons = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"}
        for para in text.split("\n"):
            start, pos = pos, pos + len(para) + 1
            m = _LABEL.match(para)
            if m is None:
                continue
            name = (start + m.start("name"), start + m.end("name"))
            label = m.group("name")
            if self.lexicon.cls(label.split()[-1].lower()):
                continue
            if not self.attribution and not (label.isupper() and len(label) > 2) and name not in persons:
                continue  # outside PolNeAR's wider notion only transcript labels and people speak
            body_end = _rstrip_pos(text, start + m.start("body"), start + len(para))
            if text[body_end - 1] == "." and text[start + m.start("body") : body_end].count("“") == 0:
                body_end -= 1
            tok = doc.char_span(name[0], name[1], alignment_mode="expand")
            out.append(FoundQuote(
                spans=((start + m.start("body"), body_end),), type="direct" if label.isupper() else "indirect",
                cue=(name[1], name[1] + 1), cue_lemma=":", cue_class="speech", speaker=name,
                speaker_head=tok.root.i if tok is not None else None, confidence=0.6,
                sentence=sent_of.get(tok.sent.start, 0) if tok is not None else 0,
            ))
        return out

    # -- floating continuations ----------------------------------------------------------------------------------
    def _continuations(
        self, doc: Doc, quotations: list[QuotedSpan], found: list[FoundQuote], sent_of: dict[int, int]
    ) -> list[FoundQuote]:
        """A quotation that is not claimed by a cue, stands as its own sentence(s) and directly follows a quotation
        with a speaker (nothing but other such quotations between) continues that speaker."""
        text = doc.text
        out = list(found)
        for qs in quotations:
            if any(_overlaps((qs.start, qs.end), (f.start, f.end)) for f in out):
                continue
            if not _stands_alone(doc, qs):
                continue
            prev = max((f for f in out if f.end <= qs.start), key=lambda f: f.end, default=None)
            if prev is None or prev.type not in ("direct", "floating", "mixed"):
                continue
            gap = text[prev.end : qs.start]
            if not _only_attribution_tail(text, prev.end, qs.start, prev):
                continue
            if "\n" in gap and prev.type == "mixed":
                continue
            out.append(replace(
                prev, spans=_split_paragraphs(text, (qs.start, qs.end)), type="floating",
                confidence=round(prev.confidence * 0.85, 2), continues=True,
                sentence=sent_of.get(doc.char_span(qs.start, qs.start + 1, alignment_mode="expand").start, 0)  # type: ignore[union-attr]
                if doc.char_span(qs.start, qs.start + 1, alignment_mode="expand") is not None else prev.sentence,
            ))
        return out


# -- helpers ---------------------------------------------------------------------------------------------------


def _char_range(tokens: list[Token]) -> tuple[int, int] | None:
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


def _union(a: tuple[int, int], q: QuotedSpan) -> tuple[int, int]:
    return min(a[0], q.start), max(a[1], q.end)


def _cut_at_participle(tokens: list[Token], ex: QuoteExtractor) -> list[Token]:
    """Cut content before ", adding …" / ", saying …": a subjectless participial cue starts its own quotation."""
    toks = sorted(tokens, key=lambda t: t.i)
    for k, t in enumerate(toks):
        if k < 2 or t.tag_ != "VBG" or toks[k - 1].text not in (",", ";", "—", "–"):
            continue
        if any(c.dep_ in _SUBJ for c in t.children) or ex._cue_class(t) is None:
            continue
        return toks[: k - 1]
    return toks


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _extend_over_quotations(content: tuple[int, int], quotations: list[QuotedSpan]) -> tuple[int, int] | None:
    """Content includes whole quotations it touches (PolNeAR: everything within the quote marks)."""
    start, end = content
    for q in quotations:
        if q.start < end and start < q.end:
            start, end = min(start, q.start), max(end, q.end)
        elif q.start == end or (0 < q.start - end <= 1):
            pass
    return (start, end) if end > start else None


def _adjacent_quotations(
    doc: Doc, first: Token, last: Token, quotations: list[QuotedSpan]
) -> tuple[QuotedSpan | None, QuotedSpan | None]:
    """Quotations right before the cue's clause (``“…,” he said``) and right after it (``said: “…”``,
    ``said in a statement: “…”``), in the same paragraph."""
    text = doc.text
    after_pos = last.idx + len(last)
    after = None
    nxt = min((q for q in quotations if q.start >= after_pos), key=lambda q: q.start, default=None)
    if nxt is not None:
        between = text[after_pos : nxt.start]
        if re.fullmatch(r"[ \t\xa0]*[:,]?[ \t\xa0]*", between):
            after = nxt
        elif len(between) <= 40 and "\n" not in between and between.rstrip().endswith(":"):
            words = doc.char_span(after_pos, nxt.start, alignment_mode="contract")
            if words is not None and not any(t.pos_ in ("VERB", "AUX") for t in words):
                after = nxt
    before_pos = first.idx
    prev = max((q for q in quotations if q.end <= before_pos), key=lambda q: q.end, default=None)
    before = prev if prev is not None and re.fullmatch(r"[ \t\xa0,]*", text[prev.end : before_pos]) else None
    return before, after


def _pieces(doc: Doc, tokens: list[Token]) -> list[tuple[int, int]]:
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
        rng = _char_range(run)
        if rng is not None:
            out.append(rng)
    return out


def _merge_touching(text: str, pieces: list[tuple[int, int] | None]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for p in sorted(x for x in pieces if x is not None):
        if out and p[0] <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], p[1]))
        else:
            out.append(p)
    return out


def _is_whole_quotation(text: str, content: tuple[int, int], quotations: list[QuotedSpan]) -> bool:
    inside = [q for q in quotations if content[0] <= q.start and q.end <= content[1]]
    outside = text[content[0] : content[1]]
    for q in sorted(inside, key=lambda q: q.start, reverse=True):
        outside = outside[: q.start - content[0]] + outside[q.end - content[0] :]
    return bool(inside) and not re.sub(r"[\W_]+", "", outside)


def _cue_span(doc: Doc, tok: Token, end_tok: Token, content: tuple[int, int]) -> tuple[int, int]:
    """The verb group: auxiliaries, negation and adverbs next to the verb, the linking preposition, a colon."""
    lo, hi = tok.i, max(tok.i, end_tok.i)
    group = {c.i for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "prt")}
    group |= {c.i for c in tok.children if c.dep_ == "advmod" and abs(c.i - tok.i) <= 2}
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
            sub = list(c.subtree)
            if sub[0].i != hi + 1 or doc[sub[-1].i].idx >= content[0] > doc[hi].idx:
                continue
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "during", "on") and any(
                t.lemma_.lower() in _SETTING_NOUNS for t in sub
            ):
                hi = sub[-1].i
                extended = True
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
    if hi + 1 < len(doc) and doc[hi + 1].text == ":" and doc[hi + 1].idx < content[0]:
        end = doc[hi + 1].idx + 1
    if _overlaps((start, end), content):
        return tok.idx, tok.idx + len(tok)
    return start, end


def _rstrip_pos(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi


def _np_span(tok: Token) -> tuple[int, int]:
    """The source noun phrase: the head's subtree up to (not including) a relative or participial clause or a
    second apposition set off by a comma — incidental detail, or an attribution of its own."""
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
        if child.dep_ == "relcl" or (child.dep_ == "acl" and set_off) or (
            child.dep_ == "appos" and child.head.i == tok.i and appos > 1
        ):
            if start > 0 and doc[start - 1].text in (",", "—", "–", "("):
                start -= 1
            cut = min(cut, start)
    toks = [t for t in tok.subtree if t.i < cut]
    rng = _char_range(toks)
    if rng is None:
        return tok.idx, tok.idx + len(tok)
    start, end = rng
    text = doc.text
    if text[end : end + 1] == ")" and text.count("(", start, end) > text.count(")", start, end):
        end += 1
    if "," in text[start:end] and text[end : end + 1] == "," and tok.i < len(doc) - 1:
        end += 1  # the closing comma of a parenthetical apposition belongs to the source
    return start, end


def _split_paragraphs(text: str, span: tuple[int, int]) -> tuple[tuple[int, int], ...]:
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


def _stands_alone(doc: Doc, q: QuotedSpan) -> bool:
    """The quotation is a sentence (or several) of its own: it starts after a sentence end or paragraph break and
    nothing but punctuation follows it before the next sentence or paragraph. Character-based, because the
    parser often attaches a closing quote mark to the following sentence."""
    text = doc.text
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


def _only_attribution_tail(text: str, start: int, end: int, prev: FoundQuote) -> bool:
    """Between the previous quotation and this one: nothing, or only the rest of that attribution's own sentence
    (its source and cue, e.g. "he said.")."""
    gap = text[start:end]
    if not re.sub(r"[\s.,;:]+", "", gap):
        return True
    inner = gap.strip().rstrip(".:,")
    if re.search(r"[.!?\n]", inner) or len(inner) > 150:
        return False
    return prev.cue is not None and start <= prev.cue[0] and prev.cue[1] <= end


def _drop_nested(found: list[FoundQuote]) -> list[FoundQuote]:
    """Keep outermost attributions: drop one whose cue lies in another's content, then any that overlaps a kept one."""
    def inside(q: FoundQuote, other: FoundQuote) -> bool:
        return q.cue is not None and any(a <= q.cue[0] and q.cue[1] <= b for a, b in other.spans)

    outer = [q for q in found if not any(o is not q and inside(q, o) for o in found)]
    outer.sort(key=lambda q: -(q.end - q.start))
    kept: list[FoundQuote] = []
    for q in outer:
        if any(_overlaps((a, b), (c, d)) for a, b in q.spans for k in kept for c, d in k.spans):
            continue
        kept.append(q)
    return kept
