"""A cue's quotation (mixin of ``extract.QuoteExtractor``): the cue's source (the subject of its verb, inherited
by participles and conjuncts, a passive's agent), the quotation typed and attributed, and "according to X"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..doctext import text_of
from .cue_content import SUBJECT_DEPS, CueContent
from .cues import QUOTE_CLASSES
from .found import FoundQuote
from .spans import (
    char_range,
    extend_over_quotations,
    is_whole_quotation,
    np_span,
    overlaps,
    rstrip_pos,
    split_paragraphs,
    verb_group_span,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .marks import QuotedSpan

_INHERIT_DEPS = {"conj", "advcl", "xcomp", "pcomp", "pobj", "prep", "acl", "relcl"}


class CueQuotes(CueContent):
    """Mixin of ``QuoteExtractor``: the quotation a cue word introduces (``_from_cue``)."""

    def _from_cue(
        self, doc: Doc, tok: Token, quotations: list[QuotedSpan], sent_of: dict[int, int]
    ) -> FoundQuote | None:
        """The quotation a cue word introduces: its content from the parse, widened to adjacent quotation marks,
        checked (is it a statement at all?), then typed and attributed."""
        cue = self._cue_class(tok)
        if cue is None:
            return None
        lemma, cls = cue
        if not self.attribution and cls not in QUOTE_CLASSES:
            return None
        if lemma == "according to":
            return self._traced(self._according_to(doc, tok, quotations, sent_of), "quotes.according-to")
        found = self._content(doc, tok, lemma)
        verb = tok.head if tok.pos_ == "ADJ" else tok
        source_tok = self._source(verb)
        clause = self._clause(tok, found.cue_end, verb, source_tok, quotations)
        pieces, before, after = self._pieces(doc, tok, clause, found.tokens, quotations)
        if not pieces:
            return None
        if any(a <= tok.idx < b for a, b in pieces):
            return None  # content swallowing its own cue: a misparse
        has_quote = any(q.start < b and a < q.end for q in quotations for a, b in pieces)
        saying = self._as_saying(tok)
        if saying is not None and self._relays(saying) and any(a <= saying.idx < b for a, b in pieces):
            return None  # "was quoted as saying that …": the participle's quotation, not one holding "saying"
        if not self._is_statement(tok, lemma, cls, found, has_quote, adjacent=before is not None or after is not None):
            return None
        kind = "indirect"
        if has_quote:
            kind = "direct" if all(is_whole_quotation(text_of(doc), p, quotations) for p in pieces) else "mixed"
        if lemma == "chant":
            kind = "chant"
        q = self._attributed(doc, tok, verb, source_tok, found.cue_end, (lemma, cls), kind, pieces, sent_of)
        return self._traced(q, "quotes.cue-word")


    def _attributed(
        self, doc: Doc, tok: Token, verb: Token, source_tok: Token | None, cue_end: Token, cue: tuple[str, str],
        kind: str, pieces: list[tuple[int, int]], sent_of: dict[int, int],
    ) -> FoundQuote | None:
        """The quotation with its cue span, speaker and confidence; None when nobody can be holding it."""
        lemma, cls = cue
        content = (pieces[0][0], pieces[-1][1])
        cue_span = verb_group_span(doc, tok, cue_end, content)
        if verb is not tok and verb.i < tok.i and not any(a <= verb.idx < b for a, b in pieces):
            cue_span = (min(cue_span[0], verb_group_span(doc, verb, verb, content)[0]), cue_span[1])
        speaker = np_span(source_tok, self._is_cue) if source_tok is not None else None
        if speaker is not None and speaker[0] < tok.idx < speaker[1]:
            speaker = (speaker[0], rstrip_pos(text_of(doc), speaker[0], cue_span[0]))  # the cue hangs on the noun
        if speaker is not None and any(overlaps(speaker, p) for p in pieces):
            speaker, source_tok = None, None
        if source_tok is None and kind == "indirect" and not self.attribution \
                and self._fire("quotes.reported-speech-needs-a-speaker"):
            return None  # "was accused of links to …": reported speech with nobody saying it is not a quotation
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if source_tok is None and cls != "speech" and kind == "indirect" and not passive:
            return None  # "the law requires candidates to disclose …": an intent verb with nobody holding it
        confidence = 0.9 if kind == "direct" else 0.75 if kind == "mixed" else 0.6
        if source_tok is None:
            confidence -= 0.2
        spans = tuple(x for p in pieces for x in split_paragraphs(text_of(doc), p))
        return FoundQuote(
            spans=spans, type=kind, cue=cue_span, cue_lemma=lemma, cue_class=cls, speaker=speaker,
            speaker_head=source_tok.i if source_tok is not None else None, confidence=round(confidence, 2),
            sentence=sent_of.get(tok.i, 0),
        )

    def _source(self, tok: Token) -> Token | None:
        """The subject of the cue verb, inherited from governing verbs for participles and conjuncts
        ("…, adding: …", "chanting …"). Passive verbs take their ``by`` agent; without one, no speaker."""
        # (on the participle, or on the quoting verb whose content is a quotation beside it: "“…,” Reuters quoted
        # a central bank official as saying")
        saying = self._as_saying(tok) or tok
        held = _as_complement_holder(saying) if self._relays(saying) else None
        if held is not None and self._fire("quotes.as-saying-is-said-by-its-object"):
            return held  # "The paper quoted Mr Chernin as saying", "he is quoted as saying by ...": the quoted
        if tok.tag_ == "VBG":
            # "…, adding …", "tweeted after the incident saying …": the speaker of the nearest governing cue
            own = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
            anc = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX") and self._cue_class(a)), None)
            if anc is not None and (own is None or own.pos_ not in ("PRON", "PROPN")) \
                    and self._fire("quotes.participle-inherits-the-speaker"):
                return self._source(anc)
        if tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head  # "Hezbollah movement called for …" misparsed as a noun phrase with a participle
        if _reduced_passive(tok) and self._fire("quotes.reduced-passive-has-no-speaker"):
            # "Among those reported to have reservations were X", "The militia, said to number 10,000, …": what
            # the participle reports is said of its noun by somebody else, its by-agent or nobody
            return _agent(tok)
        cur = tok
        for _ in range(4):
            if any(c.dep_ in ("auxpass", "nsubjpass") for c in cur.children):
                agent = next((c for c in cur.children if c.dep_ == "agent"), None)
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                return pobj
            subj = next((c for c in cur.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is not None:
                return subj
            if cur.dep_ not in _INHERIT_DEPS or cur.head.i == cur.i:
                return None
            if cur.dep_ == "relcl":
                return None
            cur = cur.head
            while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
                if cur.dep_ not in _INHERIT_DEPS:
                    return None
                cur = cur.head
        return None

    def _relays(self, saying: Token) -> bool:
        """The participle hangs on "as" on a verb of speech, one that passes words on ("quoted", "cited",
        "reported"), not of seeing or reading ("was interpreted in Moscow as confirming a shift")."""
        verb = saying.head.head
        return saying.head.lower_ == "as" and verb.pos_ in ("VERB", "AUX") \
            and (cue := self._cue_class(verb)) is not None and cue[1] == "speech"

    def _as_saying(self, verb: Token) -> Token | None:
        """The cue participle after "as" on ``verb`` ("quoted Mr Chernin as saying"), or None."""
        return next((c for a in verb.children if a.dep_ == "prep" and a.lower_ == "as" for c in a.children
                     if c.dep_ == "pcomp" and c.tag_ == "VBG" and self._is_cue(c)), None)

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
        while head.dep_ == "prep" and head.head.i != head.i:
            head = head.head
        excluded = {t.i for t in tok.subtree} | {to.i} | {t.i for t in pobj.subtree}
        rest = [t for t in (head.subtree if head is not tok else tok.sent) if t.i not in excluded]
        # the contiguous run on the far side of "according to X"
        before = [t for t in rest if t.i < tok.i]
        after = [t for t in rest if t.i > max(excluded)]
        content_tokens = after if len(after) > len(before) else before
        content = char_range(content_tokens)
        if content is None:
            return None
        content = extend_over_quotations(content, quotations)
        if content is None:
            return None
        has_quote = any(q.start < content[1] and content[0] < q.end for q in quotations)
        whole = is_whole_quotation(text_of(doc), content, quotations)
        kind = ("direct" if whole else "mixed") if has_quote else "indirect"
        return FoundQuote(
            spans=split_paragraphs(text_of(doc), content), type=kind, cue=(tok.idx, to.idx + len(to)),
            cue_lemma="according to", cue_class="speech", speaker=np_span(pobj), speaker_head=pobj.i,
            confidence=0.7, sentence=sent_of.get(tok.i, 0),
        )



def _reduced_passive(tok: Token) -> bool:
    """A cue that is a passive without its auxiliary, so its subject in the parse is no speaker: a past participle
    after the noun it describes inside a clause ("those reported to have reservations", "figures released by the
    BPI"), or a verb of saying that the parser made active though it sits between commas after its noun with a
    to-infinitive and the sentence's own predicate hangs on it ("The militia, said to number 10,000 fighters, is
    not giving an inch": the reduced "which is said to"; "The minister, speaking to reporters, said to wait" has
    no predicate after it and stays a statement)."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.dep_ != "ROOT":
        return not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    doc = tok.doc
    if tok.lemma_ != "say" or tok.i < 1 or tok.i + 2 >= len(doc) or doc[tok.i - 1].text != ",":
        return False
    to, verb = doc[tok.i + 1], doc[tok.i + 2]
    return to.lower_ == "to" and to.head.i == verb.i and verb.head.i == tok.i and verb.dep_ == "xcomp" \
        and not any(c.dep_ in ("dobj", "dative") for c in tok.children) \
        and any(c.dep_ == "ccomp" and c.i > verb.i for c in tok.children)


def _as_complement_holder(tok: Token) -> Token | None:
    """Who a participle after "as" says it, when "as" hangs on a verb: "as" heads a complement that predicates of
    the verb's object, or of its subject when the verb is passive, as in "regard X as Y" ("Reuters quoted a
    central bank official as saying", "the newspaper quoted the executive as saying": the official, the executive;
    "Yuri Trutnev was quoted as saying by the Interfax news agency", "Anelka was quoted in a French newspaper as
    saying", "with Mr Dixon quoted as saying": Trutnev, Anelka, Dixon). The one who quotes passes the words on;
    they are the quoted one's. None when "as" hangs on no verb or the verb has no such object or subject."""
    prep = tok.head
    if tok.tag_ != "VBG" or tok.dep_ != "pcomp" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    deps = {c.dep_: c for c in reversed(list(verb.children))}  # (the first child of each relation)
    if "nsubjpass" in deps:
        return deps["nsubjpass"]
    if "dobj" in deps:
        return deps["dobj"]
    if verb.tag_ == "VBN" and "nsubj" in deps and not any(d in deps for d in ("aux", "auxpass")):
        return deps["nsubj"]  # a passive without its auxiliary: "with Mr Dixon quoted as saying"
    return None


def _agent(tok: Token) -> Token | None:
    """The object of a passive's ``by`` agent ("released by the BPI"), or None."""
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
