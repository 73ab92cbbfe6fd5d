"""The event coder: (source, action, target) triples from spaCy dependency parses with PETRARCH dictionaries.

For each sentence:

1. discards: a story-level discard phrase skips the document; a sentence-level one ("BASEBALL", a past year)
   cancels the events of the clause it is in;
2. triggers: verbs whose surface form, lemma or irregular form (or multi-word verb such as "call off") is in the
   verb dictionary, plus a few nominal events ("the assassination of X by Y"), but nothing shown in a picture
   ("images showing jets taking off");
3. the most specific pattern of the verb's blocks that matches in the verb's own clause gives the code (else the
   verb's default code); a demand verb matched by one of the appeal patterns its block borrows keeps the demand
   root (02x -> 10x, CAMEO's two trees mirror each other); when that codes nothing (``---``) or the verb is a
   light verb ("held talks", "staged a rally", "began a hunger strike"), an event noun object gives the code
   (``EVENT_NOUNS``), else (``fallback_roots``) the root that at least 60% of the verb's 5+ coded patterns share;
4. source = the clause subject (a pronoun or a missing subject is inherited from the governing clause; the ``by``
   agent or an attributed instrument "in a US drone strike" for passives; the passive subject for mobilisation
   "troops are deployed"); target = a named object, else whatever follows the matched pattern ("condemned an
   attack by X"), the object, an actor inside it ("restore ties with Gondor"), a prepositional object, or the
   subject of a (non-speech) complement clause ("believes Gondor can ..."); ``$``/``+`` in a pattern point to them;
5. compound actors ("X and Y", "lawmakers in X and Y", "the Danish media and government", misparsed lists) give one
   event per actor; ``%`` patterns and a compound subject with no target give reciprocal events; paired codes
   ``[042:043]`` give the event and its converse;
6. a statement (CAMEO 01 or a speech verb) whose complement holds a coded event yields to it ("officials said the
   strike killed ..."), unless it has its own object, and so does an intent verb coded only by its default
   ("agreed to provide aid": the promised act, PLOVER AGREE); "X said Y must ..." is a demand (100) from X to Y,
   which replaces the plain statement;
   a source whose country is unknown and whose role acts at home (a president, a court, police; not forces or
   armed groups) takes the one country named as a place in the trigger's clause ("threatened a curfew in Algiers");
   a role owned by a pronoun takes the country of the embedding clause's subject ("Iran said its forces ...");
7. modality (``modality.py``) and confidence.

**Confidence** is an additive evidence score in [0, 1]: 0.3 for a dictionary verb (0.2 when the code was inferred
from an event noun or the verb's dominant pattern root), +0.2 when a specific pattern
(not only the verb's default) matched, +0.2 when the source is the trigger's own syntactic subject (+0.1 when it
is inherited or found in a prepositional phrase), +0.2 when the target is its own object or passive subject (+0.1
when found deeper), +0.1 when both actors come from the actor dictionary (not a bare role noun); halved for a
hypothetical or negated event. It is meant as a ranking: events at or above 0.7 should be right more often than
those below; ``wirescope eval events`` prints the precision per band on the gold sets to check this.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from ..resources.cameo import lookup
from ..resources.petrarch import Dictionaries, VerbEntry
from .actors import NON_STATE, ActorCoder, compose, split_code
from .lexicon import INTENT_VERBS, LIGHT_VERBS, PLACE_PREPS, domestic_role, event_noun_code, placed
from .modality import REPORT_VERBS, modality
from .patterns import PatternMatch, PatternMatcher
from .syntax import (
    NOUN_HEAD,
    clause_tokens,
    conjuncts,
    governs_any,
    multi_matches,
    np_head,
    phrase_tokens,
    shown_in_image,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SUBJ = ("nsubj", "csubj")
_OBJ = ("dobj", "dative", "obj", "attr", "oprd")
_INHERIT = ("xcomp", "conj", "advcl", "pcomp", "acomp")
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
                 targetless_roots: Iterable[str] = (), demands: bool = True, fallback_roots: bool = True) -> None:
        self.dicts = dicts
        self.actors = actors
        self.matcher = PatternMatcher(dicts)
        self.require_target = require_target
        self.targetless_roots = frozenset(targetless_roots)
        self.demands = demands
        self.fallback_roots = fallback_roots
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
            if n not in skipped:
                out.extend(self.code_sentence(sent, n, day))
        return out

    def _discard(self, sent: Span, *, story: bool) -> bool:
        return bool(self._discards(sent, story=story))

    def _discards(self, sent: Span, *, story: bool) -> list[int]:
        """Token indexes of discard phrases in ``sent`` (story-level or sentence-level ones)."""
        words = [t.text.upper() for t in sent]
        out: list[int] = []
        for i, word in enumerate(words):
            for phrase, is_story in self.dicts.discards.get(word, ()):
                if is_story == story and tuple(words[i : i + len(phrase.words)]) == phrase.words:
                    out.extend(sent.start + k for k in range(i, i + len(phrase.words)))
        return out

    # ------------------------------------------------------------------------------------------ sentences

    def code_sentence(self, sent: Span, index: int, day: date | None) -> list[Coding]:
        found: list[tuple[Token, PatternMatch, list[Coding]]] = []
        discarded = set(self._discards(sent, story=False))
        for tok in sent:
            entries = self._verb_entries(tok)
            if not entries:
                light = self._light_code(tok)
                if light is not None:  # "renewed negotiations": a verb outside the dictionary with an event noun
                    found.append((tok, light, self._events(tok, light, sent, index, day, nominal=False)))
                continue
            # a sentence-level discard ("BASEBALL", a past year) cancels the events of the clause it is in,
            # not those of a clause beside it ("Israeli forces bulked up ..., which Israel seized in 1967")
            if discarded and discarded & {t.i for t in clause_tokens(tok)}:
                continue
            match = self._match(tok, entries, sent)
            if match.code.strip() in ("---", "", "+++", "###") or (
                    match.pattern is None and tok.lemma_.lower() in LIGHT_VERBS and len(entries[0].words) == 1):
                match = self._fallback(tok, entries, match)
            if match.code.strip() in ("---", "", "+++", "###"):
                found.append((tok, match, []))
                continue
            if shown_in_image(tok):
                continue
            found.append((tok, match, self._events(tok, match, sent, index, day, nominal=tok.pos_ == "NOUN")))
        # a default-coded statement verb that governs another coded trigger ("said X attacked Y") yields to it
        coded_all = {tok.i for tok, _, evs in found if evs}
        coded = {tok.i for tok, _, evs in found if evs and tok.pos_ != "NOUN"}  # acts do not yield to nominals
        out: list[Coding] = []
        for tok, match, evs in found:
            # ... unless it has its own object ("urged Eriador to respond": the urging is the event)
            own_target = any(e.target is not None and e.target.direct and e.target.head not in coded for e in evs)
            # only statements (CAMEO 01) yield: "agreed to", "vowed to", "threatened to" code the intent itself
            statement = match.code[:2] == "01" or tok.lemma_.lower() in REPORT_VERBS
            governed = (coded_all if statement else coded) - {tok.i}
            if evs and statement and match.pattern is None and not own_target and governs_any(tok, governed):
                continue
            # "agreed to provide aid": an intent verb coded only by its default yields to the act it governs,
            # which modality marks as promised (PLOVER AGREE / THREATEN)
            if evs and match.pattern is None and tok.lemma_.lower() in INTENT_VERBS and any(
                    c.dep_ == "xcomp" and c.i in coded for c in tok.children):
                continue
            out.extend(evs)
        if self.demands:
            # a plain statement ("declared that China must ...") gives way to the demand it makes
            taken = {c.trigger for c in out if c.code[:2] != "01"}
            demands = self._demands(sent, index, day, taken)
            said = {d.trigger for d in demands}
            out = [c for c in out if not (c.trigger in said and c.code[:2] == "01")] + demands
        return _unique(out)

    def _demands(self, sent: Span, index: int, day: date | None, taken: set[int]) -> list[Coding]:
        """"X said Y must stop ...": a speaker saying that someone must act demands it of them (CAMEO 100)."""
        out = []
        for tok in sent:
            if tok.i in taken or tok.pos_ != "VERB" or tok.lemma_.lower() not in REPORT_VERBS:
                continue
            for clause in tok.children:
                if clause.dep_ != "ccomp" or not any(a.lower_ == "must" for a in clause.children if a.dep_ == "aux"):
                    continue
                subj = [c for c in clause.children if c.dep_ in _SUBJ]
                sources = self._sources(tok, PatternMatch(None, "100", 0), day)
                targets = self._actors(subj[0], day, direct=False) if subj else []
                for s in sources:
                    for t in targets:
                        if s.code != t.code:
                            conf = 0.6 if s.direct else 0.5
                            out.append(Coding(index, tok.i, tok.i + 1, "100", s, t, "asserted", conf, None))
        return out

    def _verb_entries(self, tok: Token) -> list[VerbEntry]:
        if tok.pos_ == "NOUN":
            lemma = NOMINAL.get(tok.lemma_.lower())
            return [e for e in self.dicts.verbs.get(lemma, ()) if len(e.words) == 1] if lemma else []
        if tok.pos_ != "VERB" and not (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            return []
        lemma = tok.lemma_.upper()
        text = tok.text.upper()
        by_form = self.dicts.verbs.get(text, []) if text != lemma else []
        by_lemma = self.dicts.verbs.get(lemma) or self.dicts.verbs.get(self.dicts.forms.get(text, ""), [])
        multi = [e for e in (*by_form, *by_lemma) if len(e.words) > 1 and multi_matches(e, tok)]
        if multi:
            return multi
        # a surface form listed as its own verb ("LEFT" [042:043] next to "LEAVE" [012]) wins over the lemma
        return [e for e in by_form if len(e.words) == 1] or [e for e in by_lemma if len(e.words) == 1]

    def _fallback(self, tok: Token, entries: Sequence[VerbEntry], match: PatternMatch) -> PatternMatch:
        """For a verb whose dictionary default codes nothing and no pattern matched: the event noun it governs
        ("launched a mediation effort", "staged rallies"), else, when the option is on, the CAMEO root most of the
        verb's patterns share ("demolished" -> 17x), as the root's base code."""
        if tok.pos_ == "NOUN":
            return match
        light = self._light_code(tok)
        if light is not None:
            return light
        if not self.fallback_roots or tok.lemma_.lower() in _SPEECH:  # "adding that ...": plain speech
            return match
        for e in entries:
            root = self.matcher.dominant_root(e.block)
            if root is not None:
                return PatternMatch(None, root + "0", 0, inferred="root")
        return match

    def _light_code(self, tok: Token) -> PatternMatch | None:
        """A light verb (or one without its own code) whose object or "in/for" complement is an event noun."""
        if tok.pos_ != "VERB":
            return None
        nouns = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        nouns += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "for") for g in c.children
                  if g.dep_ == "pobj"]
        for noun in nouns:
            for n in (noun, *(c for c in noun.children if c.dep_ == "compound")):
                code = event_noun_code(n)
                if code is not None:
                    return PatternMatch(None, code, 0, inferred="noun")
        return None

    def _match(self, tok: Token, entries: Sequence[VerbEntry], sent: Span) -> PatternMatch:
        subj_tokens = {t.i for c in tok.children if c.dep_ in (*_SUBJ, "nsubjpass") for t in c.subtree}
        # pattern words belong to the verb's own phrase, not to clauses embedded in it ("said there were attacks")
        own = {t.i for t in clause_tokens(tok)}
        after = [t for t in tok.subtree if t.i > tok.i and t.i not in subj_tokens and t.i in own]
        before = [t for t in sent if t.i < tok.i]
        blocks = list(dict.fromkeys(e.block for e in entries))
        match = self.matcher.best(blocks, entries[0].code, tok, after, before)
        if entries[0].code[:2] == "10" and match.code[:2] == "02" and ":" not in match.code:
            # a demand verb's block borrows the appeal patterns ("demanded the withdrawal" [025]); CAMEO's demand
            # tree (10x) mirrors the appeal tree (02x) code for code, so the demand keeps its own root
            demand = "10" + match.code[2:]
            if lookup(demand) is not None:
                match = replace(match, code=demand)
        return match

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
        if not nominal and any(domestic_role(s.code) for s in sources):
            place = self._place_country(verb, day)
            if place is not None:  # "President X threatened a curfew in Algiers": a domestic actor of Algeria
                sources = [replace(s, code=place + (s.code or "")[3:]) if domestic_role(s.code) else s
                           for s in sources]
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
            conf = (0.2 if match.inferred else 0.3) + (0.2 if match.pattern is not None else 0.0)
            conf += 0.2 if src.direct else 0.1
            conf += (0.2 if tgt.direct else 0.1) if tgt is not None else 0.0
            if tgt is not None and not (src.code or "").startswith("---") and not (tgt.code or "").startswith("---"):
                conf += 0.1
            if mod in ("hypothetical", "negated"):
                conf /= 2
            out.append(Coding(index, verb.i, verb.i + 1, c, src, tgt, mod, round(min(conf, 1.0), 2),
                              match.pattern.text if match.pattern else None))
        return out

    def _place_country(self, verb: Token, day: date | None) -> str | None:
        """The one country named as a place ("in Algiers", "at a jail in Lebanon") in the trigger's clause, for a
        source whose country is unknown (a role noun or an uncoded name with a title); None if none or several."""
        found: set[str] = set()
        for tok in clause_tokens(verb):
            if tok.dep_ == "pobj" and tok.pos_ == "PROPN" and tok.head.lower_ in PLACE_PREPS and placed(tok, verb):
                code = self.actors.code_tokens(phrase_tokens(tok), day, tok)[0]
                if code and len(code) == 3 and code.isalpha() and code not in NON_STATE:
                    found.add(code)
        return found.pop() if len(found) == 1 else None

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
        if code.startswith("---") and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
            return None  # "our people", "their forces": a role whose owner is a pronoun is not identified
        return ActorRef(toks[0].i, toks[-1].i + 1, head.i, code, name, direct)

    def _actors(self, head: Token, day: date | None, *, direct: bool) -> list[ActorRef]:
        """Actors of a noun phrase and its conjuncts: "Arnor and Gondor", "lawmakers in Arnor and Gondor" (one
        per country), "the Danish media and government" (the shared modifier applies to both)."""
        heads = conjuncts(head)
        out: list[ActorRef] = []
        shared_prep = next((p for h in reversed(heads) for p in h.children
                            if p.dep_ == "prep" and p.lower_ in ("of", "in", "from")), None)
        modifier_code: str | None = None
        first_mods = [t for t in heads[0].children if t.dep_ in ("amod", "compound") and t.i < heads[0].i]
        if len(heads) > 1 and first_mods:
            modifier_code = self.actors.code_tokens([t for m in first_mods for t in m.subtree], day)[0]
        for h in heads:
            refs = self._distributed(h, shared_prep if len(heads) > 1 else None, day, direct)
            for ref in refs:
                if modifier_code and ref.code and ref.code.startswith("---") and not modifier_code.startswith("---"):
                    ref = replace(ref, code=compose(modifier_code, [(ref.code[3:], False)]))
                out.extend(_split_codes(ref))
        return out

    def _distributed(self, h: Token, shared_prep: Token | None, day: date | None, direct: bool) -> list[ActorRef]:
        prep = next((p for p in h.children if p.dep_ == "prep" and p.lower_ in ("of", "in", "from")), shared_prep)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if prep is None or pobj is None or not pobj.conjuncts:
            mod = next((m for m in h.children if m.dep_ in ("amod", "compound", "nmod") and m.i < h.i
                        and any(c.dep_ == "conj" for c in m.children)), None)
            if mod is not None:  # "Eriadori and Calenardhon leaders": one actor per coordinated modifier
                base = [t for t in phrase_tokens(h) if not (mod.left_edge.i <= t.i <= mod.right_edge.i)]
                refs = []
                for c in conjuncts(mod):
                    toks = sorted([*base, *(t for t in c.subtree if t.dep_ not in ("conj", "cc", "punct")
                                            and not any(a.dep_ == "conj" and a.i != c.i for a in t.ancestors
                                                        if a.i > c.i))], key=lambda t: t.i)
                    code, name = self.actors.code_tokens(toks, day, h)
                    if code:
                        refs.append(ActorRef(toks[0].i, toks[-1].i + 1, h.i, code, name, direct))
                if len({r.code for r in refs}) > 1:
                    return refs
                own = self._actor(h, day, direct=direct)
                if own is not None and h.pos_ == "PROPN" and mod.pos_ == "PROPN":
                    # a misparsed list "Arnor, Calenardhon and Gondor" (the first names hang on the last): each
                    # named conjunct is an actor of its own
                    alone = [self._actor(c, day, direct=direct) for c in conjuncts(mod)]
                    return [own, *(a for a in alone if a is not None and a.code != own.code)]
            a = self._actor(h, day, direct=direct)
            return [a] if a is not None else []
        head_toks = [t for t in phrase_tokens(h) if not (prep.left_edge.i <= t.i <= prep.right_edge.i)]
        out = []
        for c in conjuncts(pobj):
            toks = sorted([*head_toks, prep, *phrase_tokens(c)], key=lambda t: t.i)
            code, name = self.actors.code_tokens(toks, day, h)
            if code:
                out.append(ActorRef(min(t.i for t in toks), max(t.i for t in toks) + 1, h.i, code, name, direct))
        return out

    def _deep(self, root: Token, day: date | None, exclude: set[int] = frozenset()) -> list[ActorRef]:  # type: ignore[assignment]
        """The first coded noun phrase(s) inside ``root``'s subtree (breadth first), e.g. "ties with Gondor"."""
        queue = [c for c in root.children if c.dep_ not in ("relcl", "advcl", "ccomp", "punct")]
        while queue:
            tok = queue.pop(0)
            if tok.i in exclude:
                continue
            if tok.pos_ in NOUN_HEAD and tok.dep_ not in ("compound", "amod", "poss", "det"):
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
            if subj and subj[0].lower_ in _PRONOUNS and tok.dep_ in ("ccomp", "xcomp", "advcl", "conj"):
                tok = tok.head  # "Ethiopia indicated it would act": the pronoun stands for the governing subject
                direct = False
                continue
            if subj:  # a misparse can give two subjects ("Old foes Gondor and Osgiliath"): the first coded one
                for s in subj:
                    found = self._actors(s, day, direct=direct)
                    if found:
                        return found
                owned = self._owned_role(subj[0], tok, day)
                return [owned] if owned is not None else self._deep_subject(subj[0], day)
            passive_agent = [c for c in tok.children if c.dep_ == "agent"]
            if passive_agent:
                return self._deep(passive_agent[0], day)
            if any(c.dep_ == "nsubjpass" for c in tok.children):
                # "Gollum was seen to break ...": the passive subject does the embedded action;
                # "troops are deployed": the passive subject mobilises
                if not direct or match.code[:2] == "15":
                    return self._actors(next(c for c in tok.children if c.dep_ == "nsubjpass"), day, direct=False)
                return self._instrument(tok, day)
            if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in NOUN_HEAD:
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

    def _owned_role(self, subj: Token, verb: Token, day: date | None) -> ActorRef | None:
        """"Iran said its forces would respond": a role owned by a pronoun belongs to the subject of the clause that
        embeds this one, when that subject is a coded country (IRN + MIL)."""
        if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in subj.children):
            return None
        gov = verb
        while gov.dep_ in ("ccomp", "xcomp", "conj", "advcl") and gov.head.i != gov.i:
            gov = gov.head
            owner = next((c for c in gov.children if c.dep_ in _SUBJ), None)
            if owner is None:
                continue
            refs = self._actors(owner, day, direct=False)
            country = split_code(refs[0].code)[0] if refs else None
            if country is None:
                return None
            toks = phrase_tokens(subj)
            role = self.actors.code_tokens(toks, day, subj)[0]
            if not role or not role.startswith("---"):
                return None
            return ActorRef(toks[0].i, toks[-1].i + 1, subj.i, country + role[3:], refs[0].name, False)
        return None

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
        """The first actor whose phrase starts after token ``after`` in the verb's clause."""
        seen: set[int] = set()
        for tok in clause_tokens(verb):
            if tok.i > after and tok.pos_ in NOUN_HEAD:
                head = np_head(tok)
                if head.i in seen or head.i <= after:
                    continue
                seen.add(head.i)
                found = self._actors(head, day, direct=False)
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
        objs = [c for c in verb.children if c.dep_ in _OBJ or (c.dep_ == "nsubjpass" and match.code[:2] != "15")]
        named = [a for obj in objs if obj.pos_ == "PROPN" for a in self._actors(obj, day, direct=True)]
        if named:  # a named direct object is the target ("blamed Israel for the bombing")
            return named
        if match.pattern is not None and match.pattern.post and match.last_token is not None:
            # the target follows what the pattern matched: "condemned an attack by X", "vowed to wage war on X"
            found = [a for a in self._after(verb, match.last_token, day) if a.head not in src_heads]
            if found:
                return found
        for obj in objs:  # "condemned the attack by X": a reaction to an act targets whoever did it
            if obj.lemma_.lower() in NOMINAL:
                for prep in obj.children:
                    if prep.dep_ == "prep" and prep.lower_ == "by":
                        found = self._deep(prep, day, src_heads)
                        if found:
                            return found
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
            if c.dep_ in ("ccomp", "xcomp") and not (c.dep_ == "ccomp" and verb.lemma_.lower() in _SPEECH):
                # "believes Gondor can cope" targets Gondor; "said Gondor would cope" does not
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
            # "an attack in X" names a place, not a target (the target is "on"/"against"/"of" X)
            elif c.dep_ == "prep" and c.lower_ in ("of", "on", "against") and not targets:
                targets = self._deep(c, day)
            elif c.dep_ == "prep" and c.lower_ == "by":
                sources = self._deep(c, day)
        return sources, targets


_SPEECH = frozenset({"say", "tell", "report", "state", "announce", "add", "claim", "tweet", "write", "reply"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its", "their"})
_INSTRUMENTS = frozenset({"strike", "airstrike", "attack", "raid", "bombing", "operation", "assault", "shelling",
                          "missile", "drone", "rocket", "blast", "explosion", "ambush", "crackdown", "offensive"})


def _split_codes(ref: ActorRef) -> list[ActorRef]:
    """An actor entry with several codes ("THE_SHIRE [FRO/BIL/SAM]") stands for each of them: one ref per code."""
    if not ref.code or "/" not in ref.code:
        return [ref]
    return [replace(ref, code=c) for c in dict.fromkeys(ref.code.split("/")) if c]


def _unique(codings: Iterable[Coding]) -> list[Coding]:
    seen: set[tuple[int, str | None, str | None, str]] = set()
    out = []
    for c in codings:
        key = (c.sentence, c.source.code, c.target.code if c.target else None, c.code)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
