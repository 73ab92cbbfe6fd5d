"""The event coder: (source, action, target) triples from spaCy dependency parses with PETRARCH dictionaries.

For each sentence:

1. discards: a sentence matching a discard phrase is skipped (a story-level discard skips the document);
2. triggers: verbs whose lemma (or irregular form, or multi-word verb such as "call off") is in the verb
   dictionary, plus a few nominal events ("the assassination of X", "X's attack on Y");
3. the most specific matching pattern of the verb's block gives the code (else the verb's default code;
   ``---`` codes nothing);
4. source = the clause subject (inherited through ``xcomp``/``conj``/relative clauses; the ``by`` agent or an
   attributed instrument "in a US drone strike" for passives); target = the object, the passive subject, an actor
   inside the object ("restore ties with Gondor") or a prepositional object, or the subject of a complement clause
   ("believes Gondor can..."); ``$``/``+`` in a pattern point to where they are;
5. compound actors ("X and Y") give one event per actor; ``%`` patterns and a compound subject with no target give
   reciprocal events; paired codes ``[042:043]`` give the event and its converse;
6. an event governed by another coded verb that only has its default code (``said``, ``vowed to``) replaces it;
7. modality (``modality.py``) and confidence.

**Confidence** is an additive evidence score in [0, 1]: 0.3 for a dictionary verb, +0.2 when a specific pattern
(not only the verb's default) matched, +0.2 when the source is the trigger's own syntactic subject (+0.1 when it
is inherited or found in a prepositional phrase), +0.2 when the target is its own object or passive subject (+0.1
when found deeper), +0.1 when both actors come from the actor dictionary (not a bare role noun); halved for a
hypothetical or negated event. It is meant as a ranking: events at or above 0.7 should be right more often than
those below; ``wirescope eval events`` prints the precision per band on the gold sets to check this.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from ..resources.petrarch import Dictionaries, Phrase, VerbEntry
from .actors import ActorCoder
from .modality import modality
from .patterns import PatternMatch, PatternMatcher

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SUBJ = ("nsubj", "csubj")
_OBJ = ("dobj", "dative", "obj", "attr", "oprd")
_INHERIT = ("xcomp", "conj", "advcl", "pcomp", "acomp")
_NOUN_HEAD = ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X")
_STOP_SUBTREE = ("relcl", "acl", "advcl", "ccomp", "conj", "cc", "appos", "punct", "mark")
# Nominal event triggers -> verb lemma whose dictionary entry codes them.
NOMINAL = {
    "assassination": "ASSASSINATE", "killing": "KILL", "attack": "ATTACK", "airstrike": "ATTACK", "strike": "STRIKE",
    "bombing": "BOMB", "invasion": "INVADE", "arrest": "ARREST", "protest": "PROTEST", "sanction": "SANCTION",
    "condemnation": "CONDEMN", "visit": "VISIT", "abduction": "ABDUCT", "kidnapping": "KIDNAP",
}


@dataclass(frozen=True, slots=True)
class ActorRef:
    start: int  # token indexes [start, end)
    end: int
    head: int
    code: str | None
    name: str
    direct: bool = True  # the trigger's own argument (not inherited or found deeper)

    def text(self, doc: Doc) -> str:
        return doc[self.start : self.end].text


@dataclass(frozen=True, slots=True)
class Coding:
    """One coded event in a parsed doc (token indexes), before it becomes a ``records.Event``."""

    sentence: int
    trigger: int
    trigger_end: int
    code: str  # the dictionary's code (may be a non-CAMEO extension such as "1959")
    source: ActorRef
    target: ActorRef | None
    modality: str
    confidence: float
    pattern: str | None


class EventCoder:
    def __init__(self, dicts: Dictionaries, actors: ActorCoder, *, require_target: bool = True,
                 targetless_roots: Iterable[str] = ()) -> None:
        self.dicts = dicts
        self.actors = actors
        self.matcher = PatternMatcher(dicts)
        self.require_target = require_target
        self.targetless_roots = frozenset(targetless_roots)
        self._memo: dict[tuple[int, int, date | None], ActorRef | None] = {}

    # ------------------------------------------------------------------------------------------ documents

    def code_doc(self, doc: Doc, day: date | None, skip: Iterable[int] = ()) -> list[Coding]:
        """Events of every sentence of ``doc`` except the sentence indexes in ``skip``."""
        skipped = set(skip)
        self._memo.clear()
        sents = list(doc.sents)
        if any(self._discard(s, story=True) for s in sents):
            return []
        out: list[Coding] = []
        for n, sent in enumerate(sents):
            if n in skipped or self._discard(sent, story=False):
                continue
            out.extend(self.code_sentence(sent, n, day))
        return out

    def _discard(self, sent: Span, *, story: bool) -> bool:
        toks = list(sent)
        for i, tok in enumerate(toks):
            for phrase, is_story in self.dicts.discards.get(tok.text.upper(), ()):
                if is_story == story and _seq(phrase, toks, i):
                    return True
        return False

    # ------------------------------------------------------------------------------------------ sentences

    def code_sentence(self, sent: Span, index: int, day: date | None) -> list[Coding]:
        found: list[tuple[Token, PatternMatch, list[Coding]]] = []
        for tok in sent:
            entries = self._verb_entries(tok)
            if not entries:
                continue
            match = self._match(tok, entries, sent)
            if match.code.strip() in ("---", "", "+++", "###"):
                found.append((tok, match, []))
                continue
            found.append((tok, match, self._events(tok, match, sent, index, day, nominal=tok.pos_ == "NOUN")))
        # a default-coded verb that governs another coded trigger ("said", "vowed to") yields to it
        coded = {tok.i for tok, _, evs in found if evs}
        out: list[Coding] = []
        for tok, match, evs in found:
            if evs and match.pattern is None and _governs_any(tok, coded - {tok.i}):
                continue
            out.extend(evs)
        return _unique(out)

    def _verb_entries(self, tok: Token) -> list[VerbEntry]:
        if tok.pos_ == "NOUN":
            lemma = NOMINAL.get(tok.lemma_.lower())
            return [e for e in self.dicts.verbs.get(lemma, ()) if len(e.words) == 1] if lemma else []
        if tok.pos_ != "VERB" and not (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            return []
        lemma = tok.lemma_.upper()
        text = tok.text.upper()
        entries = self.dicts.verbs.get(lemma) or self.dicts.verbs.get(self.dicts.forms.get(text, ""), [])
        if not entries:
            return []
        multi = [e for e in entries if len(e.words) > 1 and _multi_matches(e, tok)]
        single = [e for e in entries if len(e.words) == 1]
        return multi or single

    def _match(self, tok: Token, entries: Sequence[VerbEntry], sent: Span) -> PatternMatch:
        subj_tokens = {t.i for c in tok.children if c.dep_ in (*_SUBJ, "nsubjpass") for t in c.subtree}
        # pattern words belong to the verb's own phrase, not to clauses embedded in it ("said there were attacks")
        embedded = {t.i for c in tok.children if c.dep_ in ("ccomp", "relcl", "parataxis") for t in c.subtree}
        after = [t for t in tok.subtree if t.i > tok.i and t.i not in subj_tokens and t.i not in embedded]
        before = [t for t in sent if t.i < tok.i]
        blocks = list(dict.fromkeys(e.block for e in entries))
        return self.matcher.best(blocks, entries[0].code, tok, after, before)

    # ------------------------------------------------------------------------------------------ events

    def _events(self, verb: Token, match: PatternMatch, sent: Span, index: int, day: date | None, *,
                nominal: bool) -> list[Coding]:
        if nominal:
            sources, targets = self._nominal_args(verb, day)
        else:
            sources = self._sources(verb, match, day)
            targets = self._targets(verb, match, day, sources)
        sources = [s for s in sources if s.code]
        targets = [t for t in targets if t.code]
        if not sources or (nominal and not targets):
            return []
        codes = [c for c in match.code.split(":") if c]
        code = codes[0]
        converse = codes[1] if len(codes) > 1 else None
        mod = modality(verb, code, sent)
        pairs: list[tuple[ActorRef, ActorRef | None, str]] = []  # (source, target, code)
        if not targets and len(sources) > 1 and (match.compound or self._has_compound(verb)):
            for a in sources:
                for b in sources:
                    if a.code != b.code:
                        pairs.append((a, b, code))
        elif targets:
            for s in sources:
                for t in targets:
                    if s.code == t.code or (s.start <= t.head < s.end):
                        continue
                    pairs.append((s, t, code))
                    if converse:
                        pairs.append((t, s, converse))
        elif not self.require_target or code[:2] in self.targetless_roots:
            pairs = [(s, None, code) for s in sources]
        out = []
        for src, tgt, c in pairs:
            conf = 0.3 + (0.2 if match.pattern is not None else 0.0)
            conf += 0.2 if src.direct else 0.1
            conf += (0.2 if tgt.direct else 0.1) if tgt is not None else 0.0
            if tgt is not None and not (src.code or "").startswith("---") and not (tgt.code or "").startswith("---"):
                conf += 0.1
            if mod in ("hypothetical", "negated"):
                conf /= 2
            out.append(Coding(index, verb.i, verb.i + 1, c, src, tgt, mod, round(min(conf, 1.0), 2),
                              match.pattern.text if match.pattern else None))
        return out

    def _has_compound(self, verb: Token) -> bool:
        return any(e.block and any("%" in p.pre for p in self.dicts.patterns.get(e.block, ()))
                   for e in self._verb_entries(verb))

    # ------------------------------------------------------------------------------------------ arguments

    def _actor(self, head: Token, day: date | None, *, direct: bool) -> ActorRef | None:
        # the same noun phrase is looked at by several triggers: code it once per document
        key = (id(head.doc), head.i, day)
        if key not in self._memo:
            self._memo[key] = self._actor_uncached(head, day)
        ref = self._memo[key]
        return replace(ref, direct=direct) if ref is not None and ref.direct != direct else ref

    def _actor_uncached(self, head: Token, day: date | None) -> ActorRef | None:
        direct = True
        toks = phrase_tokens(head)
        code, name = self.actors.code_tokens(toks, day, head)
        if code is None:
            for c in head.children:  # "Soleimani, leader of the Quds force"
                if c.dep_ == "appos":
                    code, name = self.actors.code_tokens(phrase_tokens(c), day, c)
                    if code:
                        break
        if code is None:
            return None
        return ActorRef(toks[0].i, toks[-1].i + 1, head.i, code, name, direct)

    def _actors(self, head: Token, day: date | None, *, direct: bool) -> list[ActorRef]:
        out = []
        for h in _conjuncts(head):
            a = self._actor(h, day, direct=direct)
            if a is not None:
                out.append(a)
        return out

    def _deep(self, root: Token, day: date | None, exclude: set[int] = frozenset()) -> list[ActorRef]:  # type: ignore[assignment]
        """The first coded noun phrase(s) inside ``root``'s subtree (breadth first), e.g. "ties with Gondor"."""
        queue = [c for c in root.children if c.dep_ not in ("relcl", "advcl", "ccomp", "punct")]
        while queue:
            tok = queue.pop(0)
            if tok.i in exclude:
                continue
            if tok.pos_ in _NOUN_HEAD and tok.dep_ not in ("compound", "amod", "poss", "det"):
                found = self._actors(tok, day, direct=False)
                if found:
                    return found
            queue.extend(c for c in tok.children if c.dep_ not in ("relcl", "punct"))
        return []

    def _sources(self, verb: Token, match: PatternMatch, day: date | None) -> list[ActorRef]:
        if match.source_after is not None:
            found = self._after(verb, match.source_after, day)
            if found:
                return found
        tok = verb
        direct = True
        for _ in range(4):
            subj = [c for c in tok.children if c.dep_ in _SUBJ]
            if subj:
                return self._actors(subj[0], day, direct=direct) or self._deep_subject(subj[0], day)
            passive_agent = [c for c in tok.children if c.dep_ == "agent"]
            if passive_agent:
                return self._deep(passive_agent[0], day)
            if any(c.dep_ == "nsubjpass" for c in tok.children):
                return self._instrument(tok, day)
            if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in _NOUN_HEAD:
                return self._actors(tok.head, day, direct=False)
            if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
                tok = tok.head.head  # "responded by threatening ..."
                direct = False
                continue
            if tok.dep_ in _INHERIT and tok.head.i != tok.i:
                tok = tok.head
                direct = False
                continue
            break
        return []

    def _deep_subject(self, subj: Token, day: date | None) -> list[ActorRef]:
        """An uncoded subject such as "a US drone strike" or "the ambassadors of Arnor": an actor inside it."""
        return [replace(a, direct=False) for a in self._deep(subj, day)]

    def _instrument(self, verb: Token, day: date | None) -> list[ActorRef]:
        """Passive without "by": "was killed in a US drone strike" -> the actor in the instrument phrase."""
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "by", "during", "after"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in _INSTRUMENTS:
                        found = self._actors(pobj, day, direct=False)
                        if found:
                            return found
        return []

    def _after(self, verb: Token, after: int, day: date | None) -> list[ActorRef]:
        for tok in verb.subtree:
            if tok.i > after and tok.pos_ in _NOUN_HEAD and tok.dep_ not in ("compound", "amod", "poss", "det"):
                found = self._actors(tok, day, direct=False)
                if found:
                    return found
        return []

    def _targets(self, verb: Token, match: PatternMatch, day: date | None,
                 sources: Sequence[ActorRef]) -> list[ActorRef]:
        if match.target_after is not None:
            found = self._after(verb, match.target_after, day)
            if found:
                return found
        src_heads = {s.head for s in sources}
        objs = [c for c in verb.children if c.dep_ in (*_OBJ, "nsubjpass")]
        for obj in objs:
            found = self._actors(obj, day, direct=True)
            if found:
                return found
        for obj in objs:
            found = self._deep(obj, day, src_heads)
            if found:
                return found
        for c in verb.children:
            if (c.dep_ == "prep" and c.lower_ not in ("by",)) or c.dep_ in ("prt",):
                found = self._deep(c, day, src_heads)
                if found:
                    return found
            if c.dep_ in ("ccomp", "xcomp"):
                subj = [s for s in c.children if s.dep_ in (*_SUBJ, "nsubjpass")]
                if subj:
                    found = self._actors(subj[0], day, direct=False)
                    if found:
                        return found
        return []

    def _nominal_args(self, noun: Token, day: date | None) -> tuple[list[ActorRef], list[ActorRef]]:
        """"the assassination of X by Y", "Israel's attack on Gaza", "a US strike on Iraq"."""
        sources: list[ActorRef] = []
        targets: list[ActorRef] = []
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "amod") and not sources:
                sources = self._actors(c, day, direct=True)
            elif c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "in") and not targets:
                targets = self._deep(c, day)
            elif c.dep_ == "prep" and c.lower_ == "by":
                sources = self._deep(c, day)
        return sources, targets


_INSTRUMENTS = frozenset({"strike", "airstrike", "attack", "raid", "bombing", "operation", "assault", "shelling",
                          "missile", "drone", "rocket", "blast", "explosion", "ambush", "crackdown", "offensive"})


def phrase_tokens(head: Token) -> list[Token]:
    """The head's noun phrase without relative clauses, conjuncts or appositions; "of/from/in X" kept."""
    keep = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            if c.dep_ in _STOP_SUBTREE:
                continue
            if c.dep_ == "prep" and (c.lower_ not in ("of", "from", "in") or tok.i != head.i):
                continue
            keep.append(c)
            stack.append(c)
    keep.sort(key=lambda t: t.i)
    # contiguous span from the first to the last kept token, trimmed of punctuation
    while len(keep) > 1 and keep[-1].is_punct:
        keep.pop()
    return keep


def _conjuncts(head: Token) -> list[Token]:
    return [head, *[c for c in head.conjuncts if c.i > head.i]]


def _multi_matches(entry: VerbEntry, tok: Token) -> bool:
    """A multi-word verb ("CALL OFF", "WIRE TAP") around the verb token."""
    doc = tok.doc
    start = tok.i - entry.verb_index
    if start < 0 or start + len(entry.words) > len(doc):
        return False
    for k, w in enumerate(entry.words):
        t = doc[start + k]
        if k == entry.verb_index:
            continue
        if t.text.upper() != w and t.lemma_.upper() != w:
            return False
    return True


def _governs_any(tok: Token, others: set[int]) -> bool:
    return any(t.i in others for t in tok.subtree if t.i != tok.i and _path_is_clausal(t, tok))


def _path_is_clausal(t: Token, top: Token) -> bool:
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in ("xcomp", "ccomp", "pcomp", "dobj", "pobj", "prep"):
            t = t.head
            continue
        return False
    return t.i == top.i


def _seq(phrase: Phrase, toks: Sequence[Token], i: int) -> bool:
    if i + len(phrase.words) > len(toks):
        return False
    return all(toks[i + k].text.upper() == w for k, w in enumerate(phrase.words))


def _unique(codings: Iterable[Coding]) -> list[Coding]:
    seen: set[tuple[int, str | None, str | None, str]] = set()
    out = []
    for c in codings:
        key = (c.sentence, c.source.code, c.target.code if c.target else None, c.code)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def iter_triples(codings: Iterable[Coding]) -> Iterator[tuple[str, str, str]]:
    for c in codings:
        if c.target is not None and c.source.code and c.target.code:
            yield (c.source.code, c.target.code, c.code)
