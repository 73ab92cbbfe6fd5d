"""What a cue introduces (mixin of ``extract.QuoteExtractor``): the content tokens from the parse (a clausal
complement, a prepositional object, a statement's object), the attribution clause taken out of them, the quotation
marks beside the cue, and whether the cue with that content reports a statement at all."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..coding.doc_arrays import subtree_indexes
from ..doctext import text_of
from .cue_words import CueWords
from .spans import adjacent_quotations, extend_over_quotations, merge_touching, paragraph_bounds, token_pieces

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .marks import QuotedSpan

SUBJECT_DEPS = ("nsubj", "csubj")  # the dependencies of a clause's subject (a cue's source)
_COMPLEMENT = ("ccomp", "xcomp")
_CUE_PREPS = {"of", "for", "about", "on", "against", "that", "as"}
_NOT_CONTENT = {"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL"}
_PROPOSITION_VERBS = {  # verbs whose plain noun object is what was said ("noted the growing possibility")
    "note", "announce", "deny", "reveal", "confirm", "acknowledge", "admit", "claim", "predict", "report",
    "disclose", "reiterate", "reaffirm", "repeat", "mention", "promise", "pledge", "vow", "threaten", "demand",
    "propose", "recommend", "express", "voice", "stress", "emphasize", "emphasise", "underline", "underscore",
    "explain", "allege", "forecast", "concede", "dispute", "reject", "welcome", "condemn", "denounce", "urge",
}
# cue only with a clause, a quotation or "as" ("found that …", "sees Cruz as …"), not a plain object ("found a way")
_CLAUSE_ONLY = {"find", "see", "maintain", "figure", "charge", "release", "compare"}
_QUOTE_MARKS = "\"'“”‘’„«»"

# Prepositions that open when, where or in what setting something was said ("criticised the plan after the
# meeting"): what they introduce after a cue's object is not part of the content.
_SETTING_PREPS = frozenset({"in", "at", "during", "on", "after", "before", "since"})


class CueContent(CueWords):
    """Mixin of ``QuoteExtractor``: a cue's content and clause (``_content``, ``_pieces``, ``_is_statement``)."""

    def _content(self, doc: Doc, tok: Token, lemma: str) -> _Content:
        """The tokens of what a cue introduces, and where the cue itself ends."""
        comp = [c for c in tok.children if c.dep_ in _COMPLEMENT]
        if comp:
            found = _Content(_complement_tokens(tok, comp), tok, None, comp)
        else:
            found = self._non_clausal_content(doc, tok, lemma)
        if not found.tokens and tok.dep_ == "parataxis" and tok.head.i != tok.i \
                and self._fire("quotes.cue-inside-its-content"):
            # "Acts of protest, Mr. Obama said, are acts of patriotism": the cue sits inside its content, the clause
            # it interrupts, which is what it reports (so a clausal content, as a complement would be)
            found.tokens = list(tok.head.subtree)
            found.comp = [tok.head]
        elif not found.tokens and tok.dep_ == "advcl" and tok.head.i != tok.i and any(
            c.dep_ == "mark" and c.lower_ == "as" and c.i < tok.i for c in tok.children
        ):
            # "As The Times reported on Saturday, he has emerged as …": the clause the as-clause hangs on
            own = {t.i for t in tok.subtree}
            found.tokens = [t for t in tok.head.subtree if t.i not in own]
        if " " in lemma and found.cue_end is tok:
            # "called on …", "pointed to …": the particle or preposition of a multi-word cue belongs to it
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.head.i == tok.i and nxt.lower_ == lemma.split()[-1]:
                found.cue_end = nxt
        return found

    def _non_clausal_content(self, doc: Doc, tok: Token, lemma: str) -> _Content:
        """Content of a cue without a clausal complement: a clause marked by the cue's particle, a prepositional
        object, or the direct object with what describes it."""
        prep = next(
            (c for c in tok.children if c.dep_ == "prep" and c.i > tok.i
             and (c.lower_ in _CUE_PREPS or lemma.endswith(" " + c.lower_))),
            None,
        )
        objs = [c for c in tok.children if c.dep_ in ("dobj", "oprd", "attr", "dative") and c.i > tok.i]
        if prep is not None and any(c.ent_type_ in _NOT_CONTENT for c in prep.children):
            prep = None  # "spoke on Friday", "spoke in Tehran": when and where, not what
        marked = next(
            (c for c in tok.children if c.dep_ == "advcl" and c.i > tok.i and doc[tok.i + 1].dep_ == "mark"
             and doc[tok.i + 1].head.i == c.i and (lemma, doc[tok.i + 1].lower_) in self.lexicon.multi),
            None,
        )
        if marked is not None and not objs:
            # "called for the strike to be avenged", parsed as "for" marking a clause
            return _Content([t for t in marked.subtree if t.i > tok.i + 1], doc[tok.i + 1], prep, [])
        if prep is not None and any(c.dep_ in ("pobj", "pcomp") for c in prep.children) and not objs:
            tokens = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
            if any(t.dep_ not in ("advmod", "neg", "prt") for t in doc[tok.i + 1 : prep.i]):
                # "apologized to Clinton for …": the cue is one contiguous span, so a preposition cut off
                # from the verb opens the content instead
                return _Content([prep, *tokens], tok, prep, [])
            return _Content(tokens, prep, prep, [])
        if objs:
            return _Content(_object_tokens(tok, objs), tok, prep, [])
        return _Content([], tok, prep, [])

    def _clause(
        self, tok: Token, cue_end: Token, verb: Token, source_tok: Token | None, quotations: list[QuotedSpan]
    ) -> set[int]:
        """Token indexes of the attribution clause: the cue, its auxiliaries and the speaker's phrase."""
        clause = {tok.i, cue_end.i, verb.i}
        clause |= {
            c.i for c in tok.children
            if c.dep_ in ("aux", "auxpass", "neg", "advmod") and tok.i - 3 <= c.i <= tok.i + 1
            and not any(q.start <= c.idx < q.end for q in quotations)
        }
        if source_tok is not None and source_tok.head.i == verb.i:
            clause |= set(subtree_indexes(source_tok))
        return clause

    def _pieces(
        self, doc: Doc, tok: Token, clause: set[int], content_tokens: list[Token], quotations: list[QuotedSpan]
    ) -> tuple[list[tuple[int, int]], QuotedSpan | None, QuotedSpan | None]:
        """Character spans of the content (less the clause), widened to the quotations around the clause; and the
        quotations just before and just after the clause."""
        content_ids = {x.i for x in content_tokens}
        removed = clause | {i for i in subtree_indexes(tok) if i not in content_ids}
        # the parse may run across a paragraph break (a missed sentence boundary); content stays in the cue's
        # paragraph, except inside a quotation that continues (added back below)
        lo_para, hi_para = paragraph_bounds(text_of(doc), tok.idx)
        kept_tokens = [
            t for t in _cut_at_participle(content_tokens, self) if t.i not in removed and lo_para <= t.idx < hi_para
        ]
        pieces = token_pieces(doc, kept_tokens)
        # A quotation right after the cue ("said: “…”") or right before the clause ("“…,” he said"), or both
        # ("“…,” he said, “…”").
        lo_i, hi_i = min(clause), max(clause)
        before, after = adjacent_quotations(doc, doc[lo_i], doc[hi_i], quotations)
        if before is not None and all(before.start <= a and b <= before.end for a, b in pieces) \
                and self._fire("quotes.quotation-beside-the-cue"):
            # "“…,” he said, “…”": the quotation before the clause, and the one after it when only a comma parts them
            pieces = [(before.start, before.end)]
            gap = text_of(doc)[doc[hi_i].idx + len(doc[hi_i]) : after.start] if after is not None else ""
            if after is not None and re.fullmatch(r"[ \t\xa0]*,[ \t\xa0]*", gap):
                pieces.append((after.start, after.end))
        elif after is not None and (not pieces or after.start <= pieces[0][0] < after.end) \
                and self._fire("quotes.quotation-beside-the-cue"):
            pieces = [(after.start, after.end)] + [p for p in pieces if p[0] >= after.end]
        pieces = merge_touching(text_of(doc), [extend_over_quotations(p, quotations) for p in pieces])
        return pieces, before, after

    def _is_statement(
        self, tok: Token, lemma: str, cls: str, found: _Content, has_quote: bool, *, adjacent: bool
    ) -> bool:
        """Whether a cue with this content reports a statement (not an action on an object, or an intent)."""
        if not self.attribution:
            # a statement's object ("noted the growing possibility of attacks"), not a person or thing addressed
            heads = [t for t in found.tokens if t.head.i == tok.i]
            statement_obj = (
                bool(heads) and found.cue_end is tok and lemma in _PROPOSITION_VERBS
                and all(t.pos_ == "NOUN" and not t.ent_type_ for t in heads)
            )
            clausal = (bool(found.comp) or found.cue_end is not tok or statement_obj) and cls == "speech"
            if not (has_quote or clausal):
                return False
        prep_as = found.prep is not None and found.prep.lower_ == "as"
        if lemma in _CLAUSE_ONLY and not found.comp and not has_quote and not prep_as \
                and self._fire("quotes.object-is-no-content"):
            return False  # "found a way", "saw the continuation", "released a video": an object is not content
        return not (
            lemma in self.lexicon.quoted_only and not (any(c.dep_ == "ccomp" for c in tok.children) or adjacent)
        )



@dataclass
class _Content:
    """What a cue introduces, as the parse gives it: the tokens, the cue's last token (a particle or preposition
    of the cue), the cue's preposition and its clausal complements."""

    tokens: list[Token]
    cue_end: Token
    prep: Token | None
    comp: list[Token]



def _complement_tokens(tok: Token, comp: list[Token]) -> list[Token]:
    tokens = [t for c in comp for t in c.subtree]
    # "warned his death could have …": a subjectless complement's subject was parsed as the object
    first = comp[0]
    if not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "expl") for c in first.children):
        obj = next((c for c in tok.children if c.dep_ == "dobj" and tok.i < c.i < first.i), None)
        if obj is not None and first.dep_ == "ccomp":
            tokens += list(obj.subtree)
    return tokens


def _object_tokens(tok: Token, objs: list[Token]) -> list[Token]:
    tokens = [t for c in objs for t in c.subtree]
    # "attacked her opponent as a fraud", "compares his struggles to those of …": what follows the object
    # describes it, unless it says when, where or in what setting
    obj_end = max(t.i for t in tokens)
    for c in tok.children:
        if c.i <= obj_end or c.dep_ not in ("prep", "oprd", "xcomp"):
            continue
        sub = list(c.subtree)
        if sub[0].i != obj_end + 1 or any(x.ent_type_ in _NOT_CONTENT for x in c.children):
            break
        if c.dep_ == "prep" and c.lower_ in _SETTING_PREPS:
            break
        tokens += sub
        obj_end = sub[-1].i
    return tokens



def _cut_at_participle(tokens: list[Token], ex: CueContent) -> list[Token]:
    """Cut content before ", adding …" / ", saying …": a subjectless participial cue starts its own quotation."""
    toks = sorted(tokens, key=lambda t: t.i)
    for k, t in enumerate(toks):
        if k < 2 or t.tag_ != "VBG" or toks[k - 1].text not in (",", ";", "—", "–"):
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in t.children) or ex._cue_class(t) is None:
            continue
        if ex._fire("quotes.participle-starts-its-own-quotation"):
            return toks[: k - 1]
    return _trim_trailing_aside(toks, ex)


def _trim_trailing_aside(toks: list[Token], ex: CueContent) -> list[Token]:
    """Drop what the author adds after the reported content, set off by a comma at its end: a non-restrictive
    relative clause (", who is 70", ", where 18 votes are at stake") or a participial adjunct (", focusing on …").
    Inside quotation marks nothing is dropped. Then a dangling conjunction (", and") goes too."""
    if not toks:
        return toks
    doc = toks[0].doc
    ids = [t.i for t in toks]
    first, last = ids[0], ids[-1]
    for t in toks:
        if not (t.dep_ == "relcl" or (t.dep_ in ("advcl", "acl") and t.tag_ == "VBG")):
            continue
        sub = [x.i for x in t.subtree]
        lo = min(sub)
        if lo - 1 <= first or doc[lo - 1].text != "," or max(sub) < last or _quoted(t):
            continue
        if not ex._fire("quotes.trailing-aside-is-no-content"):
            break
        toks = [x for x in toks if x.i < lo - 1]
        break
    while toks and (toks[-1].dep_ == "cc" or (toks[-1].is_punct and toks[-1].text not in _QUOTE_MARKS)):
        toks = toks[:-1]
    return toks


def _quoted(t: Token) -> bool:
    """Rough check that ``t`` sits between quote marks within its sentence."""
    before = t.doc[t.sent.start : t.i].text
    return sum(before.count(c) for c in "\"“”") % 2 == 1

