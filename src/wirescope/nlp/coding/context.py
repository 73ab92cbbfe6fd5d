"""What the event coder knows about the one document it is coding (``DocContext``), and the trace it keeps.

A ``DocContext`` is made by ``EventCoder.code_doc`` for each document and passed down to every function that
needs per-document state: the article date, the actors already coded (memo by token index), the sources of the
last asserted act of force (so "the attack" in a later sentence can refer back to them), which rules are switched
off, and the trace of the trigger being coded: the ids of the rules that fired, in order, and the dictionary entries
used. Nothing of a document outlives its context, so no state can leak from one document into the next.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from .doc_arrays import arrays
from .rules.patterns import Anchors
from .syntax import NOUN_HEAD, clause_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .rules import RuleSet


@functools.lru_cache(maxsize=8192)  # the same entries are named again and again (a hash per use was measurable)
def entry_id(kind: str, text: str) -> str:
    """A stable id of a dictionary entry: its kind and a hash of its text (not a line number, which any edit of the
    file above it would change). ``entry_id("pattern", "* RELATIONS WITH + [050]")`` -> ``"pattern:6f0c..."``."""
    return f"{kind}:{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}"


@dataclass
class DocContext:
    """Per-document state of the event coder (see the module docstring)."""

    day: date | None
    rules: RuleSet
    # actor of a noun phrase by (head token index, date), with the rules that fired while finding it
    # (``phrase_actors.PhraseActors._actor``)
    memo: dict[tuple[int, date | None], tuple[Any, tuple[str, ...]]] = field(default_factory=dict)
    # code and name of a phrase given as tokens, by (its token indexes, its head's index or -1), with the rules that
    # fired coding it (``phrase_actors.PhraseActors._code``): the same phrase is coded again by several look-ups
    coded: dict[tuple[tuple[int, ...], int], tuple[tuple[str | None, str], tuple[str, ...]]] = \
        field(default_factory=dict)
    attackers: Sequence[Any] = ()  # ActorRefs of the last asserted act of force in an earlier sentence
    # (source, target) ActorRefs of the last asserted act of force with a coded target, its sentence index and its
    # trigger's token index: what a later definite "the attack" with no actor of its own repeats
    # (``nominals.repeated_attack``)
    attack: tuple[Any, Any, int, int] | None = None
    # the source (an ActorRef) of the last asserted accusation or criticism (root 11) against each country, in the
    # order the document is coded (``speech.record_accusations``): whom a later denial answers
    accusers: dict[str, Any] = field(default_factory=dict)
    trace: list[str] = field(default_factory=list)  # rule ids fired for the trigger being coded
    # the verb dictionary's entries of a token as a trigger (``TriggerCodes._entries``), by token index: the
    # sentence's scan for verbs of force asks again for the verbs its triggers asked for
    verb_entries: dict[int, Any] = field(default_factory=dict)
    # indexes of the verbs whose lemma the coder corrected ("hoped": "hop" -> "hope"; ``lemmas.corrected_lemmas``)
    relemmatised: frozenset[int] = frozenset()
    entries: dict[str, str] = field(default_factory=dict)  # entry id -> entry text, for the trigger being coded
    counts: Counter[str] = field(default_factory=Counter)  # every firing in the document, by rule id
    texts: dict[str, str] = field(default_factory=dict)  # entry id -> entry text, of every entry used in the document
    # rule id -> tokens its patterns match (``rules.patterns.Anchors``, found on demand)
    anchors: Mapping[str, frozenset[int]] = field(default_factory=dict)
    # the document's coded names, built on first use (``referents.Referents``): the actors a surname, pronoun or
    # role without a country refers back to, coded once per document
    referents: Any = None
    # the document's persons named in full (``full_names.FullNames``), built on first use by the arguments phase
    full_names: Any = None
    # the government offices the article's titles give its persons, when it has no date (``titles.Offices``)
    offices: Any = None
    # the document's quotations (``quotes.found.FoundQuote``), found on first use by the arguments phase: whose
    # words "we" and "I" are in
    quotes: Any = None
    # head token indexes of the mentions being resolved, one inside another: a mention asked for again inside its
    # own resolution (a cycle of references) is no actor there
    resolving: set[int] = field(default_factory=set)
    # links of a chain of pronouns being resolved at once (``pronoun_actors`` stops at a few), and whether
    # the actor being found met that bound or a cycle (what it found then depends on where it was asked from)
    chain: int = 0
    cut: bool = False
    # the heads of the document's noun phrases (``phrase_heads``) by lemma, found on first use
    heads: tuple[Any, dict[str, list[int]]] | None = None
    # views of a token or sentence that every trigger near it asks for again, built once per document and keyed by
    # token index (a document's indexes name its tokens for as long as the context lives): the pattern matcher's
    # words (``patterns.PatternMatcher.best``), a clause's tokens by its root, a sentence's upper-cased words by
    # its first token
    words: dict[int, Any] = field(default_factory=dict)
    clauses: dict[int, tuple[Token, ...]] = field(default_factory=dict)
    upper: dict[int, list[str]] = field(default_factory=dict)
    # token indexes of a sentence's story-level and sentence-level discard phrases, by its first token
    discarded: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict)
    # (doc, per token: may it be a trigger by its part of speech and lemma), read from the doc's arrays on first use
    tags: tuple[Any, list[bool]] | None = None
    # (doc, per token: its part of speech; its text upper-cased), read from the doc's arrays on first use
    pos: tuple[Any, list[int]] | None = None
    uppers: tuple[Any, list[str]] | None = None
    sport_story: bool | None = None  # whether the article is a sport story (force_senses._sport_story), once asked
    # the headline's sentence indexes (the text's first paragraph when it is the article's title), the lead's (the
    # first body sentence coded) and the headline's codings, coded first: who the headline says did the lead's act
    # (``headline_doer``)
    headline: frozenset[int] = frozenset()
    lead: int | None = None
    headline_acts: list[Any] = field(default_factory=list)
    headline_doc: Any = None  # the doc of ``headline_acts`` when the title was parsed apart from the text
    # the lead verb (token index) each headline act (by its trigger) gave its doer to: one act is told again once
    headline_told: dict[int, int] = field(default_factory=dict)
    state_story: bool = False  # a sport story that also tells of states' business (force_senses.state_business_story)

    def clause(self, verb: Token) -> tuple[Token, ...]:
        """``syntax.clause_tokens(verb)``, walked once per document."""
        found = self.clauses.get(verb.i)
        if found is None:
            found = self.clauses[verb.i] = tuple(clause_tokens(verb))
        return found

    def upper_words(self, sent: Span) -> list[str]:
        """The upper-cased text of each token of ``sent`` (the discard phrases' form), made once per sentence from
        the document's words (``_upper_texts``)."""
        found = self.upper.get(sent.start)
        if found is None:
            if self.uppers is None or self.uppers[0] is not sent.doc:
                self.uppers = (sent.doc, _upper_texts(sent.doc))
            found = self.upper[sent.start] = self.uppers[1][sent.start : sent.end]
        return found

    def parts_of_speech(self, doc: Doc) -> list[int]:
        """Per token of ``doc``: its part of speech (a spaCy symbol), read from the doc's array once per document,
        so that a scan for one part of speech makes a Token only for the words that have it."""
        if self.pos is None or self.pos[0] is not doc:
            from spacy.attrs import POS

            self.pos = (doc, doc.to_array(POS).tolist())
        return self.pos[1]

    def taggable(self, doc: Doc) -> list[bool]:
        """Per token of ``doc``: a verb, an auxiliary, a noun or a form of "be", the only tokens
        ``triggers._may_trigger`` can admit; read from the doc's arrays once per document (the lemmas as they are
        then, corrected ones included), so that no Token is made for the other words (most of them)."""
        if self.tags is None or self.tags[0] is not doc:
            import numpy as np
            from spacy.attrs import LEMMA, POS
            from spacy.symbols import AUX, NOUN, VERB

            # (compared as arrays: a Python loop over every word was the cost)
            arr = doc.to_array([POS, LEMMA]) if len(doc) else np.zeros((0, 2), dtype=np.uint64)
            kinds = np.array([VERB, AUX, NOUN], dtype=np.uint64)
            self.tags = (doc, (np.isin(arr[:, 0], kinds) | (arr[:, 1] == doc.vocab.strings["be"])).tolist())
        return self.tags[1]

    def matched(self, rule_id: str, tok: Any) -> bool:
        """Whether the dependency pattern of ``rule_id`` (``rules/patterns.py``) matches with ``tok`` as anchor."""
        if isinstance(self.anchors, Anchors):
            return self.anchors.has(rule_id, tok)  # tried on this token only, when asked
        return tok.i in self.anchors.get(rule_id, ())

    def fire(self, rule_id: str) -> bool:
        """Record that ``rule_id`` decides here and return True, or return False when it is switched off (the
        caller then goes on as if its condition did not hold). Call it last in the rule's condition."""
        if rule_id in self.rules.disabled:
            return False
        self.trace.append(rule_id)
        self.counts[rule_id] += 1
        return True

    def replay(self, fired: Sequence[str]) -> None:
        """Rules that fired when a memoised result was first computed count again where it is reused."""
        self.trace.extend(fired)
        self.counts.update(fired)

    def begin(self) -> None:
        """Start the trace of a new trigger."""
        self.trace = []
        self.entries = {}

    def use(self, kind: str, text: str) -> None:
        """Record a dictionary entry used for the trigger being coded."""
        key = self.named(kind, text)
        self.entries[key] = self.texts[key]

    def named(self, kind: str, text: str) -> str:
        """The id of a dictionary entry, remembering its text for ``EventCoder.entry_texts``."""
        key = entry_id(kind, text)
        self.texts[key] = f"{kind}: {text}"
        return key

    @contextlib.contextmanager
    def aside(self) -> Iterator[None]:
        """Work done in this block leaves no trace and counts no firing: an earlier mention resolved only to be
        compared with a later one (``phrase_actors``) is no part of the trigger being coded. What it memoises
        keeps its own firings, which count where a trigger asks for it."""
        trace, counts = self.trace, self.counts
        self.trace, self.counts = [], Counter()
        try:
            yield
        finally:
            self.trace, self.counts = trace, counts

    def phrase_heads(self, doc: Doc, lemma: str) -> list[int]:
        """Indexes, in order, of the tokens of ``doc`` with the lowercase ``lemma`` that may head a mention
        (``heads_mention``), found once per document."""
        if self.heads is None or self.heads[0] is not doc:
            self.heads = (doc, _phrase_heads(doc))
        return self.heads[1].get(lemma, [])

    def snapshot(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(rule ids in order without repeats, entry ids) of the trigger being coded."""
        return tuple(dict.fromkeys(self.trace)), tuple(self.entries)


# dependencies of a word that modifies another rather than heading a mention
_NOT_HEADS = frozenset({"compound", "amod", "det"})


def heads_mention(t: Token) -> bool:
    """Whether ``t`` may head a mention: a noun, name or pronoun that is no compound, adjective or determiner of
    another word ("the government" and "the government's plan", not "government officials")."""
    return t.pos_ in NOUN_HEAD and t.dep_ not in _NOT_HEADS


def _phrase_heads(doc: Doc) -> dict[str, list[int]]:
    """``DocContext.phrase_heads``'s table: the tokens that pass ``heads_mention`` by lowercase lemma, read from the
    document's arrays (a Token made for every word was the cost)."""
    from spacy.attrs import LEMMA

    parse, (pos_ids, not_heads) = arrays(doc), _head_ids()
    pos, deps = parse.pos, parse.deps
    strings = doc.vocab.strings
    out: dict[str, list[int]] = {}
    for i, lemma in enumerate(doc.to_array(LEMMA).tolist() if len(doc) else []):
        if pos[i] in pos_ids and deps[i] not in not_heads:
            out.setdefault(strings[lemma].lower(), []).append(i)
    return out


@functools.cache
def _head_ids() -> tuple[frozenset[int], frozenset[int]]:
    """The ids ``heads_mention`` compares on the arrays: its parts of speech and its dependency labels."""
    from spacy.parts_of_speech import IDS
    from spacy.strings import get_string_id

    return frozenset(IDS[p] for p in NOUN_HEAD), frozenset(get_string_id(d) for d in _NOT_HEADS)


# a word's text upper-cased by the id of its text (the vocabulary's hash of the string); emptied when full
_UPPER: dict[int, str] = {}
_UPPER_MAX = 65536


def _upper_texts(doc: Doc) -> list[str]:
    """The upper-cased text of every token of ``doc``, from its array of text ids: a string is read from the
    vocabulary only for a word not seen before (a Token made for every word and its text read anew was the cost)."""
    from spacy.attrs import ORTH

    strings = doc.vocab.strings
    out = []
    for orth in doc.to_array(ORTH).tolist():
        upper = _UPPER.get(orth)
        if upper is None:
            if len(_UPPER) >= _UPPER_MAX:
                _UPPER.clear()
            upper = _UPPER[orth] = strings[orth].upper()
        out.append(upper)
    return out
