"""Quotation extraction over a spaCy parse: cue verbs with their source and content, quote-mark spans, floating
continuations, embedded social posts and chants.

Span conventions follow the PolNeAR guidelines so that evaluation is meaningful: the source is the full noun
phrase (determiners, titles, appositions); the cue is the verb group (auxiliaries, negation, particles, the
preposition that links it to its content, a colon that introduces speech); the content includes a leading *that*
and the quote marks, but not the sentence's final full stop. Nested attributions are dropped (the outermost wins).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import ADJ, AUX, NOUN, VERB

from ..coding.doc_arrays import subtree_indexes
from ..doctext import text_of
from .cues import QUOTE_CLASSES, CueLexicon, bundled_lexicon
from .found import FoundQuote
from .marks import QuotedSpan, find_quotations
from .rules import check_quote_rule_ids
from .spans import (
    adjacent_quotations,
    char_range,
    extend_over_quotations,
    is_whole_quotation,
    merge_touching,
    np_span,
    overlaps,
    paragraph_bounds,
    rstrip_pos,
    split_paragraphs,
    stands_alone,
    token_pieces,
    verb_group_span,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from spacy.tokens import Doc, Token

_SUBJ = ("nsubj", "csubj")
_COMPLEMENT = ("ccomp", "xcomp")
_CUE_PREPS = {"of", "for", "about", "on", "against", "that", "as"}
_INHERIT_DEPS = {"conj", "advcl", "xcomp", "pcomp", "pobj", "prep", "acl", "relcl"}
_NOT_CONTENT = {"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL"}
_NAMING_VERBS = {"call", "know", "name", "dub", "label", "term", "describe", "brand", "nickname", "title"}
_PROPOSITION_VERBS = {  # verbs whose plain noun object is what was said ("noted the growing possibility")
    "note", "announce", "deny", "reveal", "confirm", "acknowledge", "admit", "claim", "predict", "report",
    "disclose", "reiterate", "reaffirm", "repeat", "mention", "promise", "pledge", "vow", "threaten", "demand",
    "propose", "recommend", "express", "voice", "stress", "emphasize", "emphasise", "underline", "underscore",
    "explain", "allege", "forecast", "concede", "dispute", "reject", "welcome", "condemn", "denounce", "urge",
}
_LEMMA_FIXES = {"retweete": "retweet"}  # the model's lemmatizer gets "retweeted" wrong
# cue only with a clause, a quotation or "as" ("found that …", "sees Cruz as …"), not a plain object ("found a way")
_CLAUSE_ONLY = {"find", "see", "maintain", "figure", "charge", "release", "compare"}
_QUOTE_MARKS = "\"'“”‘’„«»"
_LABEL_NOT_FIRST = {"The", "A", "An", "This", "That", "These", "Those", "Update", "Note", "Editor", "Watch", "Read"}
_THAT_NOUNS = {
    "claim", "assertion", "allegation", "argument", "belief", "view", "suggestion", "warning", "promise", "pledge",
    "statement", "insistence", "contention", "prediction", "concern", "fear", "hope", "complaint", "charge",
}
_CHANT_NOUNS = {"chant", "chants", "slogan", "slogans", "cry", "cries", "shout", "shouts"}
# "— Name (@handle) date" closing an embedded post
_POST = re.compile(r"\s[—–―-]{1,2}\s*(?P<name>[^\n()@—–―]{2,80}?)\s*\(@(?P<handle>\w{1,30})\)[^\n]*$")
# "“…” ― Name" closing a quoted paragraph (a signed quotation, common under photos and in collections)
_SIGNED = re.compile(r"[.!?…][”\"’']?\s*[—–―]\s*(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}?)\.?\s*$")
# titles and initials whose full stop does not end a sentence ("Mr. Guerrero said")
_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sens?|Gov|Reps?|Gen|Lt|Col|Sgt|Jr|Sr|St|Prof|Rev|Adm|Capt)\.|\b[A-Z]\.")
# "PENCE: …", "Pat Caddell: …" — a speaker label opening a paragraph (transcripts, headlines)
_LABEL = re.compile(r"^[\"“]?(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}):\s+(?P<body>\S.*)$")


# Prepositions that open when, where or in what setting something was said ("criticised the plan after the
# meeting"): what they introduce after a cue's object is not part of the content.
_CUE_POS = frozenset({ADJ, AUX, VERB})  # the parts of speech a cue word may have (``_cue_class``)
_CUE_POS_IDS = np.array(sorted(_CUE_POS), dtype=np.uint64)
_SETTING_PREPS = frozenset({"in", "at", "during", "on", "after", "before", "since"})
# the lower-case words ``_cue_class`` reads before a token's lemma ("according to", "so-called", "hoping")
_READ_FIRST = ("according", "called", "hoping", "hoped")
_MAY_CUE_MAX = 65536  # lemma ids ``QuoteExtractor._may_cue`` keeps


class QuoteExtractor:
    """Find quotations in a parsed Doc. ``attribution=True`` reports PolNeAR's wider notion (beliefs, intents,
    evidence, decrees with plain objects); the default reports quotations: speech and belief cues with a clausal
    complement or a quoted fragment."""

    def __init__(
        self, lexicon: CueLexicon | None = None, *, attribution: bool = False, disabled: Iterable[str] = ()
    ) -> None:
        self.lexicon = lexicon or bundled_lexicon()
        self.attribution = attribution
        self.disabled = check_quote_rule_ids(disabled).disabled  # an unknown id fails here, at start
        self.firings: Counter[str] = Counter()  # how often each rule decided (``nlp.quotes.rules``)
        self._trace: list[str] = []  # the rules that decided for the quotation being made
        # the lemmas ``_cue_class`` looks at beyond its part-of-speech test: a cue's (one word, or the first of
        # several), a naming verb's (a rule that fires) and those it corrects first; by lemma id, whether the
        # lemma is one of them (``_cue_candidates``)
        self._cue_words = frozenset({*self.lexicon.single, *(w[0] for w in self.lexicon.multi), *_NAMING_VERBS,
                                     *_LEMMA_FIXES})
        self._may_cue: dict[int, bool] = {}

    def _fire(self, rule_id: str, *, trace: bool = True) -> bool:
        """Record that ``rule_id`` decides here and return True, or return False when it is switched off (the
        caller then goes on as if its condition did not hold). Call it last in the rule's condition. A rule that
        only stops a word from being a cue is counted but not traced (the word may be any quotation's neighbour)."""
        if rule_id in self.disabled:
            return False
        if trace:
            self._trace.append(rule_id)
        self.firings[rule_id] += 1
        return True

    def _traced(self, q: FoundQuote | None, rule_id: str | None = None) -> FoundQuote | None:
        """``q`` with the rules fired since the last ``_begin`` (and ``rule_id``, when it fires) as its trace."""
        if q is None or (rule_id is not None and not self._fire(rule_id)):
            return None
        return replace(q, trace=(*q.trace, *self._trace))

    def _begin(self) -> None:
        self._trace = []

    # -- entry point -------------------------------------------------------------------------------------------
    def extract(self, doc: Doc) -> list[FoundQuote]:
        text = text_of(doc)
        quotations = find_quotations(text)
        sents = list(doc.sents)
        sent_of = {i: k for k, s in enumerate(sents) for i in range(s.start, s.end)}
        found: list[FoundQuote] = []
        candidates = self._cue_candidates(doc)
        for i in candidates:
            self._begin()
            q = self._from_cue(doc, doc[i], quotations, sent_of)
            if q is not None:
                found.append(q)
        if len(doc) and (not candidates or candidates[-1] != len(doc) - 1):
            self._begin()  # the trace as every token was tried: a last token that is no cue left it empty
        found.extend(self._chant_nouns(doc, quotations, sent_of))
        found.extend(self._that_nouns(doc, quotations, sent_of))
        found.extend(self._labels(doc, sent_of))
        found = _drop_nested(found, self._fire)
        found.extend(self._embedded_posts(doc, sent_of, found))
        found = _drop_nested(found, self._fire)
        found = self._continuations(doc, quotations, found, sent_of)
        return sorted(found, key=lambda q: q.start)

    # -- cue verbs ---------------------------------------------------------------------------------------------
    def _cue_candidates(self, doc: Doc) -> list[int]:
        """The indexes of ``_cue_candidates`` whose lemma ``_cue_class`` may take (``_cue_words``), or whose word
        it reads before the lemma ("according", "called", "hoping", "hoped"): for any other it returns None and
        fires no rule, so it is not tried (most of an article's verbs and adjectives: "rose", "new", "is")."""
        candidates = _cue_candidates(doc)
        if not candidates:
            return candidates
        strings, may_cue, words = doc.vocab.strings, self._may_cue, self._cue_words
        read_first = {strings[w] for w in _READ_FIRST}
        out = []
        for i, (lemma, lower) in zip(candidates, doc.to_array([LEMMA, LOWER])[candidates].tolist(), strict=True):
            found = may_cue.get(lemma)
            if found is None:
                if len(may_cue) >= _MAY_CUE_MAX:
                    may_cue.clear()  # (a bounded cache: the vocabulary's lemmas keep coming)
                found = may_cue[lemma] = strings[lemma].lower() in words
            if found or lower in read_first:
                out.append(i)
        return out

    def _is_cue(self, tok: Token) -> bool:
        return self._cue_class(tok) is not None

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
        if tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.lemma_.lower() in _NAMING_VERBS and not (
            tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("for", "on")
        ) and self._fire("quotes.naming-is-not-a-cue", trace=False):
            return None  # "a group known as Fancy Bear", "the program, called EB-5": naming, not attribution
        if low == "called" and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "so" \
                and self._fire("quotes.so-called-marks-scare-quotes", trace=False):
            return None  # "so-called" marks scare quotes, not speech
        lemma = "hope" if low in ("hoping", "hoped") else tok.lemma_.lower()
        lemma = _LEMMA_FIXES.get(lemma, lemma)
        for child in tok.children:
            if child.dep_ in ("prt", "prep", "dobj") and (lemma, child.lemma_.lower()) in self.lexicon.multi:
                return f"{lemma} {child.lower_}", self.lexicon.multi[(lemma, child.lemma_.lower())]
        cls = self.lexicon.cls(lemma)
        return (lemma, cls) if cls else None

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
        if not self._is_statement(tok, lemma, cls, found, has_quote, adjacent=before is not None or after is not None):
            return None
        kind = "indirect"
        if has_quote:
            kind = "direct" if all(is_whole_quotation(text_of(doc), p, quotations) for p in pieces) else "mixed"
        if lemma == "chant":
            kind = "chant"
        q = self._attributed(doc, tok, verb, source_tok, found.cue_end, (lemma, cls), kind, pieces, sent_of)
        return self._traced(q, "quotes.cue-word")

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
        if tok.tag_ == "VBG":
            # "…, adding …", "tweeted after the incident saying …": the speaker of the nearest governing cue
            own = next((c for c in tok.children if c.dep_ in _SUBJ), None)
            anc = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX") and self._cue_class(a)), None)
            if anc is not None and (own is None or own.pos_ not in ("PRON", "PROPN")) \
                    and self._fire("quotes.participle-inherits-the-speaker"):
                return self._source(anc)
        if tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head  # "Hezbollah movement called for …" misparsed as a noun phrase with a participle
        cur = tok
        for _ in range(4):
            if any(c.dep_ in ("auxpass", "nsubjpass") for c in cur.children):
                agent = next((c for c in cur.children if c.dep_ == "agent"), None)
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                return pobj
            subj = next((c for c in cur.children if c.dep_ in _SUBJ), None)
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

    # -- noun cues: "with chants of “death to America”" ----------------------------------------------------------
    # -- noun cues with a that-clause: "Trump's claim that …", "his view that …" ------------------------------------
    def _that_nouns(self, doc: Doc, quotations: list[QuotedSpan], sent_of: dict[int, int]) -> list[FoundQuote]:
        out = []
        for tok in _nouns(doc):
            if tok.lemma_.lower() not in _THAT_NOUNS:
                continue
            clause = next(
                (c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl", "appos") and c.i > tok.i
                 and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == tok.i + 1 for m in c.children)),
                None,
            )
            if clause is None:
                continue
            content = char_range(list(clause.subtree))
            if content is None:
                continue
            content = extend_over_quotations(content, quotations)
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if content is None or (poss is None and not self.attribution):
                continue
            has_quote = any(q.start < content[1] and content[0] < q.end for q in quotations)
            self._begin()
            if not self._fire("quotes.that-noun"):
                continue
            out.append(FoundQuote(
                spans=split_paragraphs(text_of(doc), content), type="mixed" if has_quote else "indirect",
                cue=(tok.idx, tok.idx + len(tok)), cue_lemma=tok.lemma_.lower(), cue_class="speech",
                speaker=np_span(poss) if poss is not None else None, speaker_head=poss.i if poss is not None else None,
                confidence=0.5, sentence=sent_of.get(tok.i, 0), trace=tuple(self._trace),
            ))
        return out

    def _chant_nouns(self, doc: Doc, quotations: list[QuotedSpan], sent_of: dict[int, int]) -> list[FoundQuote]:
        out = []
        for tok in _nouns(doc):
            if tok.lower_ not in _CHANT_NOUNS:
                continue
            after = text_of(doc)[tok.idx + len(tok) : tok.idx + len(tok) + 6]
            m = re.match(r"\s+of\s+", after)
            start = tok.idx + len(tok) + (m.end() if m else 0)
            while start < len(text_of(doc)) and text_of(doc)[start] == " ":
                start += 1
            q = next((q for q in quotations if q.start == start), None)
            self._begin()
            if q is None or not self._fire("quotes.chant-noun"):
                continue
            verb = tok.head
            # compare indices: spaCy makes a new Token object on every access, so "head is verb" never holds and a
            # sentence rooted in a noun looped for ever
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            src = self._source(verb) if verb.pos_ in ("VERB", "AUX") else None
            cue_end = tok.idx + len(tok) + (len(m.group(0).rstrip()) if m else 0)
            out.append(FoundQuote(
                spans=q.pieces, type="chant", cue=(tok.idx, cue_end), cue_lemma=tok.lemma_.lower(),
                cue_class="speech", speaker=np_span(src) if src is not None else None,
                speaker_head=src.i if src is not None else None, confidence=0.7,
                sentence=sent_of.get(tok.i, 0), trace=tuple(self._trace),
            ))
        return out

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
                sentence=_sentence_at(doc, body[0], sent_of, 0), trace=tuple(self._trace),
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

    # -- floating continuations ----------------------------------------------------------------------------------
    def _continuations(
        self, doc: Doc, quotations: list[QuotedSpan], found: list[FoundQuote], sent_of: dict[int, int]
    ) -> list[FoundQuote]:
        """A quotation that is not claimed by a cue, stands as its own sentence(s) and directly follows a quotation
        with a speaker (nothing but other such quotations between) continues that speaker."""
        text = text_of(doc)
        out = list(found)
        for qs in quotations:
            if any(overlaps((qs.start, qs.end), (f.start, f.end)) for f in out):
                continue
            if not stands_alone(doc, qs):
                continue
            prev = max((f for f in out if f.end <= qs.start), key=lambda f: f.end, default=None)
            if prev is not None and prev.type == "indirect" and prev.cue is not None and prev.speaker is not None:
                # "“…,” Mr. Hedge said, referring to the two resorts. “…”": the participle's own attribution sits
                # between; the quotation continues the direct one its speaker made just before
                main = max((f for f in out if f.end <= prev.cue[0]), key=lambda f: f.end, default=None)
                if main is not None and main.speaker == prev.speaker and main.type in ("direct", "floating"):
                    prev = main
            if prev is None or prev.type not in ("direct", "floating", "mixed"):
                continue
            gap = text[prev.end : qs.start]
            if not _only_attribution_tail(text, prev.end, qs.start, prev):
                continue
            if "\n" in gap and prev.type == "mixed":
                continue
            self._begin()
            if not self._fire("quotes.floating-continuation"):
                continue
            out.append(replace(
                prev, spans=split_paragraphs(text, (qs.start, qs.end)), type="floating",
                confidence=round(prev.confidence * 0.85, 2), continues=True,
                sentence=_sentence_at(doc, qs.start, sent_of, prev.sentence), trace=(*prev.trace, *self._trace),
            ))
        return out


# -- helpers ---------------------------------------------------------------------------------------------------


@dataclass
class _Content:
    """What a cue introduces, as the parse gives it: the tokens, the cue's last token (a particle or preposition
    of the cue), the cue's preposition and its clausal complements."""

    tokens: list[Token]
    cue_end: Token
    prep: Token | None
    comp: list[Token]


def _cue_candidates(doc: Doc) -> list[int]:
    """Indexes of the tokens ``_cue_class`` can take for a cue: a verb, an adjective, an auxiliary ("say" tagged
    AUX) or "according". Any other token is no cue and fires no rule, so it is not tried: read from the doc's
    arrays, without making a Token object for each of the article's words (most are none of these)."""
    if not len(doc):
        return []
    arr = doc.to_array([POS, LOWER])  # (compared as arrays: a Python loop over every word was the cost)
    keep = np.isin(arr[:, 0], _CUE_POS_IDS) | (arr[:, 1] == doc.vocab.strings["according"])
    return [int(i) for i in np.flatnonzero(keep)]


def _nouns(doc: Doc) -> Iterator[Token]:
    """The doc's common nouns (POS NOUN), in order; found in its arrays, so no Token is made for another word."""
    for i, pos in enumerate(doc.to_array(POS).tolist()):
        if pos == NOUN:
            yield doc[i]


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


def _sentence_at(doc: Doc, pos: int, sent_of: dict[int, int], default: int) -> int:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return sent_of.get(span.start, default) if span is not None else default


def _cut_at_participle(tokens: list[Token], ex: QuoteExtractor) -> list[Token]:
    """Cut content before ", adding …" / ", saying …": a subjectless participial cue starts its own quotation."""
    toks = sorted(tokens, key=lambda t: t.i)
    for k, t in enumerate(toks):
        if k < 2 or t.tag_ != "VBG" or toks[k - 1].text not in (",", ";", "—", "–"):
            continue
        if any(c.dep_ in _SUBJ for c in t.children) or ex._cue_class(t) is None:
            continue
        if ex._fire("quotes.participle-starts-its-own-quotation"):
            return toks[: k - 1]
    return _trim_trailing_aside(toks, ex)


def _trim_trailing_aside(toks: list[Token], ex: QuoteExtractor) -> list[Token]:
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


def _only_attribution_tail(text: str, start: int, end: int, prev: FoundQuote) -> bool:
    """Between the previous quotation and this one: nothing, or only the rest of that attribution's own sentence
    (its source and cue, e.g. "he said.")."""
    gap = text[start:end]
    if not re.sub(r"[\s.,;:]+", "", gap):
        return True
    inner = _ABBREVIATION.sub("", gap.strip().rstrip(".:,"))  # "Mr. Guerrero said" is still one sentence
    if re.search(r"[.!?\n]", inner) or len(inner) > 300:
        return False
    return prev.cue is not None and start <= prev.cue[0] and prev.cue[1] <= end


def _drop_nested(found: list[FoundQuote], fire: Callable[[str], bool]) -> list[FoundQuote]:
    """Keep outermost attributions: drop one whose cue lies in another's content, then any that overlaps a kept one.
    The winner of a nested pair carries ``quotes.outermost-attribution-wins`` in its trace."""
    def inside(q: FoundQuote, other: FoundQuote) -> bool:
        return q.cue is not None and any(a <= q.cue[0] and q.cue[1] <= b for a, b in other.spans)

    drop: set[int] = set()
    won: set[int] = set()
    for q in found:
        for o in found:
            if o is q or not inside(q, o) or not fire("quotes.outermost-attribution-wins"):
                continue
            # a quotation with its cue right next to it ("“…” she said") beats a reported clause that swallowed
            # its cue through a misparse; otherwise the outer attribution wins
            # … and the cue of a catenative chain ("appeared to suggest") beats its first verb ("appeared")
            catenative = q.cue is not None and o.cue is not None and q.cue[0] <= o.cue[0] and o.cue[1] <= q.cue[1]
            loser, winner = (o, q) if (q.type == "direct" and o.type == "indirect") or catenative else (q, o)
            drop.add(id(loser))
            won.add(id(winner))
    rule = ("quotes.outermost-attribution-wins",)
    outer = [replace(q, trace=q.trace + rule) if id(q) in won else q for q in found if id(q) not in drop]
    outer.sort(key=lambda q: -(q.end - q.start))
    kept: list[FoundQuote] = []
    for q in outer:
        if any(overlaps((a, b), (c, d)) for a, b in q.spans for k in kept for c, d in k.spans):
            continue
        kept.append(q)
    return kept
