"""Noun cues with a possessor for PolNeAR's wider notion of attribution: "his support for a bill", "Trump's
decision to seize on immigration", "her criticism of the deal". The possessor is the source; what the noun takes
(the object of its preposition, or an infinitive) is the content. Only with a possessor, so that "support for the
bill grew" (nobody's in particular) stays out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .found import FoundQuote
from .spans import char_range, extend_over_quotations, np_span, split_paragraphs, text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .marks import QuotedSpan

# acts of expression and stances; broad nouns ("plan", "support", "call") cost more precision than they add
NOUN_CUES = frozenset(
    {
        "refusal",
        "decision",
        "proposal",
        "criticism",
        "attack",
        "endorsement",
        "embrace",
        "demand",
        "objection",
        "condemnation",
        "rejection",
    }
)
_PREPS = frozenset({"for", "of", "about", "on", "against", "to"})


def possessive_noun_cues(doc: Doc, quotations: list[QuotedSpan], sent_of: dict[int, int]) -> list[FoundQuote]:
    out = []
    text = text_of(doc)
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in NOUN_CUES:
            continue
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")), None)
        if poss is None:
            continue
        content_tokens, cue_end = _content(tok)
        if not content_tokens:
            continue
        content = char_range(content_tokens)
        content = extend_over_quotations(content, quotations) if content is not None else None
        if content is None:
            continue
        # adjectives before the noun describe the act and go with it ("passionate endorsement of")
        first = tok
        while (
            first.i - 1 > poss.i
            and doc[first.i - 1].dep_ in ("amod", "advmod")
            and doc[first.i - 1].head.i in (tok.i, first.i)
        ):
            first = doc[first.i - 1]
        has_quote = any(q.start < content[1] and content[0] < q.end for q in quotations)
        out.append(
            FoundQuote(
                spans=split_paragraphs(text, content),
                type="mixed" if has_quote else "indirect",
                cue=(first.idx, cue_end.idx + len(cue_end)),
                cue_lemma=tok.lemma_.lower(),
                cue_class="intent",
                speaker=np_span(poss),
                speaker_head=poss.i,
                confidence=0.4,
                sentence=sent_of.get(tok.i, 0),
            )
        )
    return out


def _content(tok: Token) -> tuple[list[Token], Token]:
    """The content tokens and the cue's last token: a preposition right after the noun joins the cue ("support
    for"); an infinitive ("decision to …") is content on its own."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.head.i == tok.i and nxt.dep_ == "prep" and nxt.lower_ in _PREPS:
        objs = [t for c in nxt.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
        return objs, nxt
    for c in tok.children:
        if c.dep_ in ("acl", "xcomp") and c.i > tok.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return list(c.subtree), tok
    return [], tok
