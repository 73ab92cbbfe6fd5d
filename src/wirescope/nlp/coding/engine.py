"""The event coder: (source, action, target) triples from spaCy dependency parses with PETRARCH dictionaries.

For each sentence:

1. discards: a story-level discard phrase skips the document; a sentence-level one ("BASEBALL", a past year)
   cancels the events of the clause it is in;
2. triggers: verbs whose surface form, lemma or irregular form (or multi-word verb such as "call off") is in the
   verb dictionary, plus a few nominal events ("the assassination of X by Y"), but nothing shown in a picture
   ("images showing jets taking off") nor a gerund after a temporal preposition, which sets the scene ("celebrated
   ... after leaving Eriador");
3. the most specific pattern of the verb's blocks that matches in the verb's own clause gives the code (else the
   verb's default code); a demand verb matched by one of the appeal patterns its block borrows keeps the demand
   root (02x -> 10x, CAMEO's two trees mirror each other); when that codes nothing (``---``) or the verb is a
   light verb ("held talks", "staged a rally", "began a hunger strike"), an event noun object gives the code
   (``EVENT_NOUNS``), else (``fallback_roots``) the root that at least 60% of the verb's 5+ coded patterns share;
   a light verb acting on something that is neither an actor nor an event codes nothing ("took all necessary
   action"), nor does the default of a verb whose subject undergoes the act ("12 people died": only a pattern
   such as "* (IN CLASHES) [190:190]" says who caused it); a verb of demand, dispute or denial whose complement
   is indicative reports a claim, coded as a statement ("insisted that Isis remained a threat": 010, not 100;
   "denied security services were involved": 010, not 120);
4. source = the clause subject (a pronoun or a missing subject is inherited from the governing clause, or from its
   object after a verb of object control, "urged Gondor to respond"; the ``by`` agent or an attributed instrument
   "in a US drone strike" for passives, never the governor of a passive infinitive, "called on X to be allowed";
   the passive subject for mobilisation "troops are deployed"; a definite instrument without an actor, "was also
   killed in the attack", refers back to the source of the last asserted act of force in an earlier sentence, so
   that source's span lies outside the event's sentence; a participle modifying a noun, "a soldier arrested in
   Turkey", has the noun as its target, and a source only from an agent or instrument); target = a named object,
   else whatever follows the matched pattern ("condemned an attack by X"), the object, an actor inside it ("restore
   ties with Gondor"), a prepositional object (also after a complex preposition, "close to the border with X"; a
   place "in/at/near X" only for acts done to a place or its people, concessions, protests, sanctions, force:
   "said in Ankara" has no target), the subject of a (non-speech) complement clause ("believes Gondor can ..."), or
   the object of a "to" purpose clause ("signed an accord to supply Gondor"; not a topic: "met to discuss Idlib");
   ``$``/``+`` in a pattern point to them (a ``+`` after a word before the verb, "NOTED + *", makes the verb's
   subject the target and the governing clause's subject the source; a leading ``+`` with a ``$``, "+ * MONEY $",
   or a ``$`` without ``+``, "* TABASKI ^ $", makes the subject the target of the actor the ``$`` places), ``^``
   skips the next noun or prepositional phrase (TABARI/PETRARCH: "* IFTAR (IN ^) +" targets the actor after "in
   <place>"); a light verb with a particle outside the dictionary ("took on") and naming ("called X a rogue state")
   code nothing, nor does a participle that describes its noun by a standing relation ("militants backed by Iran");
5. compound actors ("X and Y", "lawmakers in X and Y", also when misparsed as "[lawmakers in X] and [Y]", "the
   Danish media and government", "Eriadori and Calenardhon leaders", misparsed lists) give one event per actor, and
   so does an actor entry with several codes ("THE_SHIRE [FRO/BIL/SAM]"); ``%`` patterns and a compound subject
   with no target give reciprocal events; paired codes ``[042:043]`` give the event and its converse, and a code
   with an empty first half ``[:1831]`` only the converse (the subject is the target);
6. a statement (CAMEO 01 or a speech verb) whose complement holds a coded event yields to it ("officials said the
   strike killed ..."), unless it has its own object, and so does an intent verb coded only by its default
   ("agreed to provide aid": the promised act, PLOVER AGREE), while what an appeal or demand (02x, 10x) asks for
   is its content, not an event ("urged Eriador to respond"); "X said Y must ..." is a demand (100) from X to Y,
   which replaces the plain statement;
   a source whose country is unknown and whose role acts at home (a president, a court, police; not forces or
   armed groups) takes the one country named as a place in the trigger's clause ("threatened a curfew in Algiers");
   a role owned by a pronoun takes the country of the embedding clause's subject ("Iran said its forces ...");
7. modality (``modality.py``) and confidence; with the bundled dictionaries an act announced for the future
   (threatened) is coded as the announcement, an intent (03x) or a threat (13x) (``lexicons/announced.tsv``); a
   negated trigger takes the code of its negation when the dictionary
   folder ships a PETRARCH Internal Coding Ontology (UD-PETRARCH's PICO: "110 = not 050", "170 = not 057").

Such a folder is UD-PETRARCH's, whose conventions differ from PETRARCH 2's in three more ways (``ud_petrarch``):
an actor entry with several codes stays one code ("FRO/BIL/SAM"); a pattern's words before the verb are
looked for in the verb's subject phrase ("{DEATH TOLL} * [190]"), not among the adverbs, auxiliaries or governing
verbs before it ("RECENTLY *", "WILL *", "INDICATED *" match in PETRARCH 2 only); a passive without a "by" agent
takes the actor of a prepositional phrase of the verb as source ("was shot dead in Osgiliath").

Argument finding (sources, targets, compound and distributed actors) lives in ``arguments.py``.

**Confidence** is an additive evidence score in [0, 1]: 0.3 for a dictionary verb (0.2 when the code was inferred
from an event noun or the verb's dominant pattern root), +0.2 when a specific pattern
(not only the verb's default) matched as written (a ``{ }`` phrase matched with words inside it does not earn
it), +0.2 when the source is the trigger's own syntactic subject (+0.1 when it
is inherited or found in a prepositional phrase), +0.2 when the target is its own object or passive subject (+0.1
when found deeper), +0.1 when both actors come from the actor dictionary (not a bare role noun), -0.1 when the
trigger is not the sentence's main predicate (an embedded clause rests on a longer, less reliable parse path),
-0.1 for an inferred event (the converse of a paired code ``[042:043]``, or the code a negation amounts to);
halved for a hypothetical or negated event (a negation that the dictionaries' PICO ontology turns into a code of
its own, "did not clash" -> 050, is asserted). It is meant as a ranking: events at or above 0.7 should be right more
often than those below; ``wirescope eval events`` prints the precision per band on the gold sets to check this.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..resources.cameo import lookup
from ..resources.petrarch import Dictionaries, VerbEntry
from .actors import NON_STATE, ActorCoder, split_code
from .arguments import NOMINAL, SPEECH_VERBS, SUBJ_DEPS, ActorRef, ArgumentFinder, reduced_passive
from .clauses import scheduled_modality
from .commentary import commentary
from .context import DocContext
from .lexicon import (
    ABROAD_ROLES,
    FORCE_ROOTS,
    INTENT_VERBS,
    LIGHT_VERBS,
    PLACE_PREPS,
    UNDERGOER_VERBS,
    domestic_role,
    event_noun_code,
    placed,
)
from .lexicons import codes, words
from .modality import REPORT_VERBS, find_ontology, modality, negated, negation_codes
from .nominals import (
    CONSULT_NOUNS,
    FIGHTING,
    FIGHTING_NOUNS,
    consultation_code,
    consultation_parties,
    fighting_code,
    nominal_arguments,
    nominal_code,
    restated,
)
from .patterns import PRE_WINDOW, PatternMatch, PatternMatcher
from .referents import referents_of
from .rules import RuleSet, rule_ids
from .rules.patterns import anchors
from .senses import sense_code
from .speech import accuser, one_sided_statement, record_accusations, unnamed_accuser
from .state_roles import governments_of_acting_states
from .syntax import governs_any, multi_matches, phrase_tokens, regular_stems, shown_in_image

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["NOMINAL", "ActorRef", "Coding", "EventCoder"]


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
    trace: tuple[str, ...] = ()  # ids of the rules that made or changed the event, in order
    entries: tuple[str, ...] = ()  # ids of the dictionary entries used (``context.entry_id``)


class EventCoder(ArgumentFinder):
    def __init__(self, dicts: Dictionaries, actors: ActorCoder, *, require_target: bool = True,
                 targetless_roots: Iterable[str] = (), demands: bool = True, fallback_roots: bool = True,
                 negations: Mapping[str, str] | None = None, ud_petrarch: bool | None = None,
                 disabled: Iterable[str] = ()) -> None:
        self.dicts = dicts
        self.actors = actors
        self.matcher = PatternMatcher(dicts)
        self.require_target = require_target
        self.targetless_roots = frozenset(targetless_roots)
        self.demands = demands
        self.fallback_roots = fallback_roots
        self.rules = RuleSet.of(disabled, rule_ids())  # rules switched off (``--disable-rule``)
        # how often each rule fired over every document coded so far (``wirescope rules --stats``), and the text of
        # every dictionary entry an event's trace names (``wirescope analyze --explain``): data, not document state
        self.firings: Counter[str] = Counter()
        self.entry_texts: dict[str, str] = {}
        # a dictionary folder that ships a PICO ontology is UD-PETRARCH's (unless ``ud_petrarch`` says otherwise):
        # the ontology says how to code "not X"; a multi-code actor entry stays one code ("FRO/BIL/SAM"); a
        # pattern's words before the verb are looked for in the verb's subject ("{DEATH TOLL} * [190]"), not among
        # its adverbs, auxiliaries or governing verbs as PETRARCH 2 does ("RECENTLY *", "WILL *", "INDICATED *")
        ontology = find_ontology(Path(dicts.source)) if dicts.source else None
        if negations is None:
            negations = negation_codes(ontology) if ontology is not None else {}
        self.negations = dict(negations)
        self.ud_petrarch = ontology is not None if ud_petrarch is None else ud_petrarch
        self.split_codes = not self.ud_petrarch
        # the bundled production set follows the real-news conventions (docs/events-gold.md): an act announced for
        # the future is coded as the announcement (intent or threat), a bare statement is no event; a PETRARCH
        # suite's own dictionaries code the announced act itself and plain statements (010)
        self.real_news = dicts.source.endswith("+supplement")

    # ------------------------------------------------------------------------------------------ documents

    def code_doc(self, doc: Doc, day: date | None, skip: Iterable[int] = ()) -> list[Coding]:
        """Events of every sentence of ``doc`` except the sentence indexes in ``skip``."""
        skipped = set(skip)
        # everything this document needs, and nothing that outlives it
        ctx = DocContext(day, self.rules, anchors=anchors(doc))
        try:
            return self._code_sentences(doc, ctx, skipped)
        finally:
            self.firings.update(ctx.counts)
            self.entry_texts.update(ctx.texts)

    def _code_sentences(self, doc: Doc, ctx: DocContext, skipped: set[int]) -> list[Coding]:
        sents = list(doc.sents)
        if any(self._discards(s, ctx, story=True) for s in sents) and ctx.fire("filters.story-discard"):
            return []
        out: list[Coding] = []
        for n, sent in enumerate(sents):
            if n not in skipped:
                coded = self.code_sentence(sent, n, ctx.day, ctx)
                out.extend(coded)
                force = [c.source for c in coded if c.code[:2] in FORCE_ROOTS and c.modality == "asserted"
                         and c.source.code and not c.source.code.startswith("---")]
                if force:
                    ctx.attackers = force[-1:]
        return out

    def _discards(self, sent: Span, ctx: DocContext, *, story: bool) -> list[int]:
        """Token indexes of discard phrases in ``sent`` (story-level or sentence-level ones)."""
        words = ctx.upper_words(sent)  # upper-cased once for both levels
        out: list[int] = []
        for i, word in enumerate(words):
            for phrase, is_story in self.dicts.discards.get(word, ()):
                if is_story == story and tuple(words[i : i + len(phrase.words)]) == phrase.words:
                    out.extend(sent.start + k for k in range(i, i + len(phrase.words)))
        return out

    # ------------------------------------------------------------------------------------------ sentences

    def code_sentence(self, sent: Span, index: int, day: date | None, ctx: DocContext | None = None) -> list[Coding]:
        """Events of one sentence; ``ctx`` is the document's context (a sentence coded on its own gets a fresh one,
        so nothing of an earlier document, such as its last attacker, reaches it)."""
        ctx = ctx if ctx is not None else DocContext(day, self.rules, anchors=anchors(sent.doc))
        discarded = set(self._discards(sent, ctx, story=False))
        candidates = [tok for tok in sent if _may_trigger(tok)]  # the sentence walked once
        found = [f for tok in candidates if (f := self._code_trigger(tok, sent, index, ctx, discarded)) is not None]
        out = restated(self._yield(found, ctx), sent.doc, ctx)  # "airstrikes ... killed": one act
        if self.demands:
            # a plain statement ("declared that China must ...") gives way to the demand it makes
            taken = {c.trigger for c in out if c.code[:2] != "01"}
            demands = self._demands(candidates, index, ctx, taken)
            said = {d.trigger for d in demands}
            out = [c for c in out if not (c.trigger in said and c.code[:2] == "01")] + demands
        return _unique(out)

    def _code_trigger(self, tok: Token, sent: Span, index: int, ctx: DocContext,
                      discarded: set[int]) -> tuple[Token, PatternMatch, list[Coding]] | None:
        """The events of one token as a trigger (with the match that coded it), or None when it is none."""
        ctx.begin()
        gerund = tok.pos_ == "VERB" and fighting_code(tok) is not None  # "by fighting between X and Y": a noun
        entries = [] if gerund else self._verb_entries(tok)
        noun = self._noun_match(tok, ctx) if not entries and (tok.pos_ == "NOUN" or gerund) else None
        if noun is not None:
            return tok, noun, self._events(tok, noun, sent, index, ctx, nominal=True)
        if not entries:
            light = self._light_code(tok)
            # "renewed negotiations": a verb outside the dictionary with an event noun
            if light is None or not ctx.fire("candidates.event-noun-of-an-unlisted-verb"):
                return None
            return tok, light, self._events(tok, light, sent, index, ctx, nominal=False)
        # a sentence-level discard ("BASEBALL", a past year) cancels the events of the clause it is in,
        # not those of a clause beside it ("Israeli forces bulked up ..., which Israel seized in 1967")
        if discarded and discarded & {t.i for t in ctx.clause(tok)} and ctx.fire("filters.sentence-discard"):
            return None
        if tok.pos_ == "NOUN" and not ctx.fire("candidates.nominal-event"):
            return None  # "the assassination of X by Y": an event noun coded by its verb's entry
        ctx.use("verb", _entry_text(entries[0]))
        match = self._recode(tok, entries, self._match(tok, entries, sent, ctx), ctx)
        if match is None:
            return None
        if match.code.strip() in _NULL_CODES:
            return tok, match, []
        if self._not_news(tok, match, ctx):
            return None
        return tok, match, self._events(tok, match, sent, index, ctx, nominal=tok.pos_ == "NOUN")

    @staticmethod
    def _noun_match(tok: Token, ctx: DocContext) -> PatternMatch | None:
        """The code of an event noun without a verb entry: a consultation noun ("talks with X"; as a verb's object,
        "held talks with X", the verb codes it), or a noun coded directly ("US tariffs on China": it has no verb of
        its own sense in the dictionary)."""
        consult = consultation_code(tok) if tok.dep_ not in ("dobj", "obj") else None
        if consult is not None and consult[1] and not ctx.fire("candidates.telephone-consultation"):
            consult = consultation_code(tok, medium=False)  # "a phone conversation" is still a conversation
        if consult is not None:
            return PatternMatch(None, f"{consult[0]}:{consult[0]}", 0, inferred="noun")
        fight = fighting_code(tok) if tok.dep_ not in ("dobj", "obj") else None
        if fight is not None:  # "clashes between X and Y": each side uses force on the other (the rule fires there)
            return PatternMatch(None, f"{fight}:{fight}", 0, inferred="noun")
        direct = nominal_code(tok)
        if direct is not None and ctx.fire("candidates.nominal-event"):
            return PatternMatch(None, direct, 0, inferred="noun")
        return None

    def _recode(self, tok: Token, entries: Sequence[VerbEntry], match: PatternMatch,
                ctx: DocContext) -> PatternMatch | None:
        """The code of a trigger the dictionary codes only by its default, or None when the verb is used in a
        sense the default does not mean."""
        default = match.pattern is None
        lemma = tok.lemma_.lower()
        aimed = self._aimed_code(tok) if default else None
        if aimed is not None and ctx.fire("code.aimed-act-takes-its-noun-code"):
            return PatternMatch(None, aimed, 0, inferred="noun")  # "Trump's tariffs targeting Canada": 163, not 190
        if default and lemma in _OBLIGATION_VERBS and self.real_news and ctx.fire("candidates.need-binds-its-subject"):
            return None  # "we need to be firm", "Turkey needs to return the S-400": the subject is bound, not asking
        if lemma in _EFFORT_VERBS and any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in tok.children) \
                and ctx.fire("candidates.effort-is-no-fight"):
            return None  # "struggled to get jobs", "battling to cut costs": an effort toward the infinitive's act
        if default and lemma in UNDERGOER_VERBS and self.real_news and self._instrument(tok, ctx) \
                and ctx.fire("candidates.died-in-an-attack"):
            return PatternMatch(None, ":190", 0, inferred="noun")  # the dead are the target of the attack's doer
        if default and lemma in UNDERGOER_VERBS and ctx.fire("candidates.undergoer-has-no-doer"):
            return None  # "12 people died": the subject undergoes the act; who caused it, only a pattern says
        if default and len(entries[0].words) == 1 and ctx.matched("candidates.phrasal-light-verb", tok) \
                and ctx.fire("candidates.phrasal-light-verb"):
            return None  # "took on the Americans": not the verb's own sense
        if default and ctx.matched("candidates.naming-is-not-calling", tok) \
                and ctx.fire("candidates.naming-is-not-calling"):
            return None  # "called X a fantastic guy"
        if default and match.code[:2] in ("02", "10", "11", "12") and _indicative_report(tok) \
                and ctx.fire("code.claim-with-indicative-complement"):
            # "insisted that Isis remained a threat", "suggested the strikes might help", "argued that ...",
            # "denied security services were involved": a claim, not a demand, a quarrel or a rejection
            match = replace(match, code="010", inferred="complement")
        if match.code.strip() in _NULL_CODES or (default and lemma in LIGHT_VERBS and len(entries[0].words) == 1):
            match = self._fallback(tok, entries, match, ctx)
        return match

    def _aimed_code(self, verb: Token) -> str | None:
        """The code of the event noun a verb of aiming says the direction of: the noun it modifies ("tariffs
        targeting Canada", "sanctions that hit Russian banks") or its subject ("the new tariffs target Chinese
        steel"); None when the verb is no such verb or the noun no event noun."""
        if verb.lemma_.lower() not in _AIM_VERBS:
            return None
        nouns = [verb.head] if verb.dep_ in ("acl", "relcl") else [c for c in verb.children if c.dep_ == "nsubj"]
        if not nouns or nouns[0].pos_ != "NOUN":
            return None
        noun = nouns[0]
        entries = self._verb_entries(noun)
        code = nominal_code(noun) or (entries[0].code if entries else None) or event_noun_code(noun)
        return code if code is not None and code.strip() not in _NULL_CODES and ":" not in code else None

    @staticmethod
    def _not_news(tok: Token, match: PatternMatch, ctx: DocContext) -> bool:
        """A trigger that shows a picture, sets the scene or describes a noun rather than reporting an act."""
        return (shown_in_image(tok) and ctx.fire("filters.shown-in-a-picture")) \
            or (ctx.matched("filters.background-gerund", tok) and ctx.fire("filters.background-gerund")) \
            or (_description(tok, match.code) and ctx.fire("filters.descriptive-participle"))

    def _yield(self, found: Sequence[tuple[Token, PatternMatch, list[Coding]]], ctx: DocContext) -> list[Coding]:
        """The events of every trigger but those that yield to another trigger of the sentence."""
        coded_all = {tok.i for tok, _, evs in found if evs}
        coded = {tok.i for tok, _, evs in found if evs and tok.pos_ != "NOUN"}  # acts do not yield to nominals
        requests = {tok.i for tok, match, evs in found if evs and match.code[:2] in ("02", "10")}
        out: list[Coding] = []
        for tok, match, evs in found:
            if evs and not self._yields(tok, match, evs, (coded_all, coded, requests), ctx):
                # "analysts warned that ...", "..., said Alan Chong, associate professor": commentary, no act
                out.extend(e for e in evs if not (commentary(tok, e.source) and ctx.fire(
                    "filters.commentary-is-no-act")))
        return out

    def _yields(self, tok: Token, match: PatternMatch, evs: Sequence[Coding],
                triggers: tuple[set[int], set[int], set[int]], ctx: DocContext) -> bool:
        coded_all, coded, requests = triggers
        default = match.pattern is None
        # a default-coded statement verb that governs another coded trigger ("said X attacked Y") yields to it
        # ... unless it has its own object ("urged Eriador to respond": the urging is the event)
        own_target = any(e.target is not None and e.target.direct and e.target.head not in coded for e in evs)
        # only statements (CAMEO 01) yield: "agreed to", "vowed to", "threatened to" code the intent itself
        statement = match.code[:2] == "01" or tok.lemma_.lower() in REPORT_VERBS
        governed = (coded_all if statement else coded) - {tok.i}
        if statement and default and not own_target and governs_any(tok, governed) \
                and ctx.fire("filters.statement-yields-to-reported-act"):
            return True
        # "agreed to provide aid": an intent verb coded only by its default yields to the act it governs,
        # which modality marks as promised (PLOVER AGREE / THREATEN)
        if default and tok.lemma_.lower() in INTENT_VERBS and any(
                c.dep_ == "xcomp" and c.i in coded for c in tok.children) \
                and ctx.fire("filters.intent-yields-to-promised-act"):
            return True
        # "urged Eriador to respond": what an appeal or demand asks for is its content, not an act that happened
        if tok.dep_ == "xcomp" and tok.head.i in requests and ctx.fire("filters.request-content-is-no-act"):
            return True
        # "told reporters", "noted that ...", "cited reasons": a statement the dictionary can say nothing more of
        # (010 by the verb's default) only introduces what was said; the words are no act of their own (the
        # real-news gold codes a statement only as an appeal, a demand, a threat, a criticism ...)
        # (a claim recoded from a demand or denial verb, "denied that the police were involved", stays)
        return default and self.real_news and match.code == "010" and match.inferred != "complement" \
            and ctx.fire("filters.plain-statement-is-no-event")

    def _demands(self, toks: Sequence[Token], index: int, ctx: DocContext, taken: set[int]) -> list[Coding]:
        """"X said Y must stop ...": a speaker saying that someone must act demands it of them (CAMEO 100).
        ``toks`` are the sentence's tokens that may trigger (``_may_trigger``: every verb among them)."""
        out = []
        for tok in toks:
            if tok.i in taken or tok.pos_ != "VERB" or tok.lemma_.lower() not in REPORT_VERBS:
                continue
            for clause in tok.children:
                if clause.dep_ != "ccomp" or not _obliged(clause):
                    continue
                ctx.begin()
                if not ctx.fire("code.speaker-demands-what-must-be-done"):
                    continue
                subj = [c for c in clause.children if c.dep_ in SUBJ_DEPS]
                sources = self._sources(tok, PatternMatch(None, "100", 0), ctx)
                targets = self._actors(subj[0], ctx, direct=False) if subj else []
                for s in sources:
                    for t in targets:
                        if s.code != t.code:
                            conf = 0.6 if s.direct else 0.5
                            rules, used = self._traced(ctx, s, t)
                            out.append(Coding(index, tok.i, tok.i + 1, "100", s, t, "asserted", conf, None,
                                              rules, used))
        return out

    @staticmethod
    def _traced(ctx: DocContext, source: ActorRef, target: ActorRef | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The trace of an event: the rules fired for its trigger and the entries used, its actors' included."""
        rules, entries = ctx.snapshot()
        actors = [ctx.named("actor", ref.name) for ref in (source, target) if ref is not None and ref.name]
        return rules, tuple(dict.fromkeys((*entries, *actors)))

    def _verb_entries(self, tok: Token) -> list[VerbEntry]:
        if tok.pos_ == "NOUN":
            lemma = NOMINAL.get(tok.lemma_.lower())
            return [e for e in self.dicts.verbs.get(lemma, ()) if len(e.words) == 1] if lemma else []
        if tok.pos_ != "VERB" and not (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            return []
        lemma = tok.lemma_.upper()
        text = tok.text.upper()
        by_form = self.dicts.verbs.get(text, []) if text != lemma else []
        by_lemma = self.dicts.verbs.get(lemma) or self.dicts.verbs.get(self.dicts.forms.get(text, ""), []) \
            or next((self.dicts.verbs[s] for s in regular_stems(text) if s in self.dicts.verbs), [])
        multi = [e for e in (*by_form, *by_lemma) if len(e.words) > 1 and multi_matches(e, tok)]
        if multi:
            return multi
        # a surface form listed as its own verb ("LEFT" [042:043] next to "LEAVE" [012]) wins over the lemma
        return [e for e in by_form if len(e.words) == 1] or [e for e in by_lemma if len(e.words) == 1]

    def _fallback(self, tok: Token, entries: Sequence[VerbEntry], match: PatternMatch,
                  ctx: DocContext) -> PatternMatch:
        """For a verb whose dictionary default codes nothing and no pattern matched: the event noun it governs
        ("launched a mediation effort", "staged rallies"), else, when the option is on, the CAMEO root most of the
        verb's patterns share ("demolished" -> 17x), as the root's base code. A light verb acting on a thing that is
        neither an actor nor an event ("take all necessary action", "gave a speech") codes nothing: its meaning is
        its object's."""
        if tok.pos_ == "NOUN":
            return match
        if _under_attack(tok) and ctx.fire("code.came-under-attack"):
            return PatternMatch(None, ":190", 0, inferred="noun")
        light = self._light_code(tok)
        if light is not None and ctx.fire("code.event-noun-of-a-light-verb"):
            return light
        if tok.lemma_.lower() in LIGHT_VERBS:
            objs = [c for c in tok.children if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN"]
            if objs and not any(self._actor(o, ctx, direct=True) for o in objs) \
                    and ctx.fire("candidates.light-verb-needs-an-actor-or-event"):
                return PatternMatch(None, "---", 0)
        if not self.fallback_roots or tok.lemma_.lower() in SPEECH_VERBS:  # "adding that ...": plain speech
            return match
        for e in entries:
            root = self.matcher.dominant_root(e.block)
            if root is not None and ctx.fire("code.dominant-pattern-root"):
                return PatternMatch(None, root + "0", 0, inferred="root")
        return match

    def _light_code(self, tok: Token) -> PatternMatch | None:
        """A light verb (or one without its own code) whose object or "in/for" complement is an event noun; also
        "be in" ("Baghdad and Washington are in talks"). Consultation takes two: a compound subject without a
        target consults reciprocally ("Arnor and Gondor held talks")."""
        copula = tok.lemma_ == "be" and tok.dep_ in ("ROOT", "conj", "ccomp")
        if tok.pos_ != "VERB" and not copula:
            return None
        nouns = [] if copula else [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        preps = ("in",) if copula else ("in", "for")
        nouns += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children
                  if g.dep_ == "pobj"]
        for noun in nouns:
            for n in (noun, *(c for c in noun.children if c.dep_ == "compound")):
                code = event_noun_code(n)
                if code is not None:
                    return PatternMatch(None, code, 0, inferred="noun", compound=code[:2] == "04")
        return None

    def _match(self, tok: Token, entries: Sequence[VerbEntry], sent: Span, ctx: DocContext) -> PatternMatch:
        subj_tokens = {t.i for c in tok.children if c.dep_ in (*SUBJ_DEPS, "nsubjpass") for t in c.subtree}
        # pattern words belong to the verb's own phrase, not to clauses embedded in it ("said there were attacks")
        # (the clause is part of the verb's subtree, in the same order)
        after = [t for t in ctx.clause(tok) if t.i > tok.i and t.i not in subj_tokens]
        # the matcher reads only the last PRE_WINDOW tokens before the verb: only those are made
        near = [i for i in range(sent.start, tok.i) if i in subj_tokens or not self.ud_petrarch][-PRE_WINDOW:]
        before = [sent.doc[i] for i in near]
        blocks = list(dict.fromkeys(e.block for e in entries))
        match = self.matcher.best(blocks, entries[0].code, tok, after, before, ctx.words)
        if match.pattern is None:
            match = self._logical_object_match(tok, blocks, entries[0].code, after, before, ctx) or match
        if entries[0].code[:2] == "10" and match.code[:2] == "02" and ":" not in match.code:
            # a demand verb's block borrows the appeal patterns ("demanded the withdrawal" [025]); CAMEO's demand
            # tree (10x) mirrors the appeal tree (02x) code for code, so the demand keeps its own root
            demand = "10" + match.code[2:]
            if lookup(demand) is not None and ctx.fire("code.demand-keeps-its-root"):
                match = replace(match, code=demand)
        return match

    def _logical_object_match(self, verb: Token, blocks: Sequence[str], default: str, after: Sequence[Token],
                              before: Sequence[Token], ctx: DocContext) -> PatternMatch | None:
        """The pattern matched when the verb's logical object (``_logical_object``) stands in its object slot
        ("sanctions were imposed" = "imposed sanctions"): it names the code only, never the target. A logical
        object that is an actor ("the minister was arrested") is the target, which argument finding places."""
        obj = _logical_object(verb)
        if obj is None:
            return None
        phrase = [t for t in obj.subtree if t.i <= obj.i]
        if self.actors.code_tokens(phrase, ctx.day, obj)[0] is not None:
            return None
        alt = self.matcher.best(blocks, default, verb, [*phrase, *after], before, ctx.words)
        if alt.pattern is None or not ctx.fire("code.logical-object-takes-the-pattern"):
            return None
        return replace(alt, target_after=None, last_token=None)

    # ------------------------------------------------------------------------------------------ events

    def _events(self, verb: Token, match: PatternMatch, sent: Span, index: int, ctx: DocContext, *,
                nominal: bool) -> list[Coding]:
        if match.pattern is not None:
            ctx.use("pattern", match.pattern.text)
        sources, targets = self._arguments(verb, match, ctx, nominal=nominal)
        if not sources or (nominal and not targets):
            return []
        if not targets and verb.lemma_.lower() in _DIFFICULTY_VERBS and ctx.fire("candidates.effort-is-no-fight"):
            return []  # "textiles are struggling", "struggled with the forms": a difficulty, no opponent
        # "A:B" codes the event and its converse; ":B" only the converse: "X died in a suicide bombing" [:1831] has
        # X as the target of whoever bombed (nobody named: no event)
        forward, _, converse_code = match.code.partition(":")
        code = forward or converse_code
        converse = converse_code or None
        if self.real_news and forward:
            sensed = sense_code(verb, code, (sources, targets), ctx)  # senses.py: force needs arms, warnings
            if not sensed:
                return []
            code, converse = (code, converse) if sensed == code else (sensed, sensed if converse else None)
        mod = scheduled_modality(verb, modality(verb, code, sent, ctx), ctx,  # "is to send": announced
                                 [(s.start, s.end) for s in sources])
        # not for "won't try to clash" (the trying is negated, not the clash)
        derived = False
        if mod == "negated" and code in self.negations and negated(verb, bare_infinitive=True) \
                and ctx.fire("code.negation-ontology"):
            # "did not clash" is coded as the act its negation amounts to (PICO: 110 negated = 050), which is
            # then asserted
            code = self.negations[code]
            converse = self.negations.get(converse, converse) if converse else None
            mod = "asserted"
            derived = True
        pairs = self._pairs(verb, match, sources, targets, (code, forward, converse), ctx)
        if self.real_news:
            pairs = self._where_they_act(verb, pairs, ctx)
            pairs = governments_of_acting_states(verb.doc, pairs, ctx)  # "Kenya refused": KENGOV
        if self.real_news and mod == "threatened":
            pairs = _announced(pairs, ctx)
        record_accusations(pairs, mod, ctx)
        # the sentence's own predicate (or one coordinated with it) rests on a shorter parse path than an act in
        # an embedded clause
        main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
        out = []
        for src, tgt, c in pairs:
            conf = _confidence(match, src, tgt, (main, derived or c.startswith("~"), mod), ctx)
            rules, used = self._traced(ctx, src, tgt)
            out.append(Coding(index, verb.i, verb.i + 1, c.lstrip("~"), src, tgt, mod, conf,
                              match.pattern.text if match.pattern else None, rules, used))
        return out

    def _arguments(self, verb: Token, match: PatternMatch, ctx: DocContext, *,
                   nominal: bool) -> tuple[list[ActorRef], list[ActorRef]]:
        """Coded sources and targets of a trigger."""
        if nominal:
            sources, targets = nominal_arguments(self, verb, ctx, match.code)
            if consultation_code(verb) is not None:
                sources, targets = consultation_parties(self, verb, sources, ctx)
            elif fighting_code(verb) is not None:
                sources, targets = consultation_parties(self, verb, sources, ctx, rule=FIGHTING)
        elif match.code.startswith(":") and verb.lemma_.lower() in UNDERGOER_VERBS and self.real_news \
                and ctx.fire("candidates.died-in-an-attack"):
            # "21 passengers died in the attack (by X)": the dead (subject) are the target of the attack's doer
            sources, targets = self._sources(verb, match, ctx), self._instrument(verb, ctx)
        elif self.real_news and not self.ud_petrarch \
                and (accused := unnamed_accuser(self, verb, match, ctx)) is not None:
            sources, targets = accused  # "Paris was accused of aiding rebels": an unnamed accuser -> FRA
        else:
            sources = self._sources(verb, match, ctx)
            targets = self._targets(verb, match, ctx, sources)
        sources = [s for s in sources if s.code]
        targets = [t for t in targets if t.code]
        if not nominal:
            sources, targets = self._implicit_arguments(verb, match, sources, targets, ctx)
        if self.real_news and not (sources and targets):
            sources, targets = self._authority(verb, sources, targets, ctx, nominal=nominal)
        if sources and not nominal and any(domestic_role(s.code) for s in sources):
            place = self._place_country(verb, ctx)
            if place is not None and ctx.fire("source.domestic-role-takes-the-place-country"):
                # "President X threatened a curfew in Algiers": a domestic actor of Algeria
                sources = [replace(s, code=place + (s.code or "")[3:]) if domestic_role(s.code) else s
                           for s in sources]
        return sources, targets

    def _authority(self, verb: Token, sources: list[ActorRef], targets: list[ActorRef], ctx: DocContext, *,
                   nominal: bool) -> tuple[list[ActorRef], list[ActorRef]]:
        """An arrest, a detention, a charge or a sentence with no agent named ("was arrested", "a Briton
        detained in Iran", "the reporter's arrest") is the act of the police or the courts of the country where it
        happens (the one place named in the clause, else the country of the one arrested). The possessor of such
        a noun is the one it is done to ("his arrest", not "his arrest of X"). A release ("she was freed on
        bail") is done where the one freed was held, never by their own country, and not by the authorities
        after an abduction."""
        role = _AUTHORITY_ROLE.get(verb.lemma_.lower())
        # "condemned the arrest of X": an act named as the object of another act is coded once, as the outer act
        if role is None or (not nominal and not _passive(verb)) or (nominal and verb.dep_ in ("dobj", "obj")):
            return sources, targets
        if not nominal and any(c.dep_ == "agent" for c in verb.children):
            return sources, targets  # "freed by their captors": the doer is named, if not coded
        if nominal and sources and not targets and not any(c.dep_ == "prep" and c.lower_ in ("by", "of")
                                                            for c in verb.children):
            sources, targets = [], [replace(s, direct=False) for s in sources]
        release = verb.lemma_.lower() in _RELEASE
        if release and self._after_abduction(verb) and ctx.fire("source.captors-free-their-hostages"):
            return sources, targets  # "a journalist kidnapped in Somalia was released": by the kidnappers
        if release and not nominal:
            targets = _released_from(verb, targets, ctx)  # "freed from prison": where, not whom
        # one freed is freed where they were held, whatever their own country ("a Briton held in Iran")
        countries = {split_code(t.code)[0] for t in targets} if not release else set()
        place = self._place_country(verb, ctx)
        country = place or (countries.pop() if len(countries) == 1 else None)
        if sources:
            return sources, targets
        patient = None if targets else _held_person(verb, nominal=nominal)
        if country is None and (targets or patient is not None):
            country = self._story_country(verb, ctx)
            if country is not None and not ctx.fire("source.authorities-of-the-story-country"):
                country = None
        if country is None or not ctx.fire("source.authorities-arrest-and-try"):
            return sources, targets
        return [ActorRef(verb.i, verb.i + 1, verb.i, country + role, "", direct=False)], \
            self._held_targets(country, patient, targets, ctx)

    @staticmethod
    def _held_targets(country: str, patient: Token | None, targets: list[ActorRef],
                      ctx: DocContext) -> list[ActorRef]:
        """"He was charged", "Moyo's arrest", "the arrest of an opposition lawmaker": a person the article
        names without a country (or a pronoun for one, or a role without one) held or tried by a country's
        authorities is taken as one of its people."""
        if patient is not None and ctx.fire("target.one-held-is-of-the-country-holding-them"):
            toks = phrase_tokens(patient)
            return [ActorRef(toks[0].i, toks[-1].i + 1, patient.i, country, "", direct=False)]
        out = []
        for t in targets:
            owner, roles = split_code(t.code)
            if owner is None and roles and not set(roles) & NON_STATE \
                    and ctx.fire("target.one-held-is-of-the-country-holding-them"):
                t = replace(t, code=country + "".join(roles))
            out.append(t)
        return out

    def _after_abduction(self, verb: Token) -> bool:
        """The sentence of a release also tells of an abduction or hostage-taking (a word the dictionaries code
        181: "kidnapped", "abduction"): those freed were held by captors, not by the authorities."""
        return any(e.code.startswith("181") for t in verb.sent if t.i != verb.i for e in self._verb_entries(t))

    def _armed_they(self, verb: Token, ctx: DocContext) -> list[ActorRef]:
        """The source of an act of force whose subject is "they" naming no one in its sentence: the nearest armed
        group or force named before (``Referents.armed_before``). Those who shoot, kill or attack bear arms; the
        nearest group named may be their victims telling of it ("Two of the passengers described ... the Baloch
        Liberation Army. 'They shot and killed people on the train'")."""
        clause = verb
        while clause.dep_ == "conj" and not any(c.dep_ in SUBJ_DEPS for c in clause.children):
            clause = clause.head  # "shot and killed": the subject is the first verb's
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ != "they":
            return []
        armed = self._armed_before(subject, ctx)
        if armed is None or not ctx.fire("actors.they-who-use-force-bear-arms"):
            return []
        return [ActorRef(subject.i, subject.i + 1, subject.i, armed.code, armed.name, direct=False)]

    def _earlier_object(self, verb: Token, ctx: DocContext) -> list[ActorRef]:
        """The target of a verb whose object is "them", "him" or "her" and which is coordinated after a verb with a
        noun object: that object ("picked out police officers, tied their hands and shot them", "arrested three
        men and beat them"), which the pronoun repeats; the coordination keeps one subject and its object in
        view."""
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        if obj is None or obj.lower_ not in ("them", "him", "her") or verb.dep_ != "conj":
            return []
        found: list[ActorRef] = []
        head = verb
        while not found and head.dep_ == "conj" and head.head.i != head.i:
            head = head.head  # back along the coordination to the nearest object that names an actor
            objs = [c for c in head.children if c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN")]
            found = [t for o in objs for t in self.phrase_actors(o, ctx, direct=False) if t.code]
        if not found or not ctx.fire("target.pronoun-object-repeats-the-earlier-object"):
            return []
        return found

    def _implicit_arguments(self, verb: Token, match: PatternMatch, sources: list[ActorRef], targets: list[ActorRef],
                            ctx: DocContext) -> tuple[list[ActorRef], list[ActorRef]]:
        """A verb's arguments that its own phrases leave implicit: "they" who use force, a pronoun object that
        repeats an earlier conjunct's object, the target of a refused act."""
        if not sources and self.real_news and match.code.lstrip(":")[:2] in FORCE_ROOTS:
            sources = self._armed_they(verb, ctx)  # "They shot and killed people on the train"
        if sources and not targets:
            targets = self._earlier_object(verb, ctx)  # "picked out police officers and shot them"
        if sources and not targets and match.code[:2] == "12":
            targets = self._refused_target(verb, match, sources, ctx)  # "refused to attend a hearing by the ICJ"
        if sources and not targets:
            targets = accuser(verb, sources, match.code, ctx)  # "blamed India ..., a charge New Delhi rejected"
        return sources, targets

    def _refused_target(self, verb: Token, match: PatternMatch, sources: list[ActorRef],
                        ctx: DocContext) -> list[ActorRef]:
        """The target of a refusal (root 12) that names none of its own: the one the refused act is directed at
        ("Kenya refused to attend a hearing by the UN's highest court": Kenya rejects the court; "declined to
        meet the envoy"), as a refusal is a rejection of the party who asks for or would receive the act."""
        if verb.lemma_.lower() not in _REFUSAL_VERBS:
            return []
        acts = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        found = [t for a in acts for t in self._targets(a, PatternMatch(None, match.code, 0), ctx, sources)
                 if t.code and t.code not in {s.code for s in sources}]
        if not found or not ctx.fire("target.refusal-rejects-the-refused-acts-target"):
            return []
        return found

    def _armed_before(self, tok: Token, ctx: DocContext) -> ActorRef | None:
        """The nearest noun phrase before ``tok``, in its sentence or the ``_ARMED_WINDOW`` before, that codes an
        armed group, force or gang (``_ARMED_ROLES``): "The militants then asked passengers ... 'Then they
        picked out police officers and shot them'"."""
        start = referents_of(ctx, tok.doc, self.actors).window_start(tok, _ARMED_WINDOW)
        for i in range(tok.i - 1, start - 1, -1):
            head = tok.doc[i]
            if head.pos_ not in ("NOUN", "PROPN") or head.dep_ in ("compound", "amod"):
                continue
            ref = self._actor(head, ctx, direct=False)
            if ref is not None and ref.code and set(split_code(ref.code)[1]) & _ARMED_ROLES:
                return ref
        return None

    def _story_country(self, verb: Token, ctx: DocContext) -> str | None:
        """The country the article is about at ``verb`` (``referents.Referents.country_at``: in the lead sentence,
        only a subject has one, the first country named before it)."""
        refs = referents_of(ctx, verb.doc, self.actors)
        country: str | None = refs.country_at(verb)
        if country is None:
            # the lead names no country before a phrase that is no subject ("officials are pleading ..., after
            # civilians were displaced by fighting between rebels and the army"): the lead's main actor, its
            # subject, is the story's own, so its country is the story's there too
            subject = next((c for c in verb.sent.root.children if c.dep_ in SUBJ_DEPS), None)
            actor = self._actor(subject, ctx, direct=False) if subject is not None and subject.i != verb.i else None
            lead, roles = split_code(actor.code) if actor is not None else (None, [])
            # only a body that acts at home (officials, courts, police), not forces or a country as a whole, which
            # often act abroad ("Israeli jets struck gunmen" says nothing of where the gunmen are from)
            if lead is not None and len(lead) == 3 and lead not in NON_STATE and roles \
                    and not set(roles) & ABROAD_ROLES and ctx.fire("actors.lead-subject-gives-the-story-country"):
                country = lead
        return country

    def _pairs(self, verb: Token, match: PatternMatch, sources: Sequence[ActorRef], targets: Sequence[ActorRef],
               codes: tuple[str, str, str | None], ctx: DocContext) -> list[tuple[ActorRef, ActorRef | None, str]]:
        """(source, target, code) of each event; a code starting with "~" is the converse of a paired code."""
        code, forward, converse = codes
        pairs: list[tuple[ActorRef, ActorRef | None, str]] = []
        # a compound subject without a target: reciprocal for "%" patterns and consultations ("X and Y met")
        if not targets and len(sources) > 1 and (match.compound or code[:2] == "04" or self._has_compound(verb)) \
                and ctx.fire("target.compound-subject-is-reciprocal"):
            pairs = [(a, b, code) for a in sources for b in sources if a.code != b.code]
        elif targets:
            for s in sources:
                for t in targets:
                    if s.code == t.code or (s.start <= t.head < s.end):
                        continue
                    if not forward:
                        pairs.append((t, s, code))
                        continue
                    pairs.append((s, t, code))
                    if converse:
                        pairs.append((t, s, "~" + converse))  # "~": the converse, an inferred event
        if not pairs and forward and (not self.require_target or code[:2] in self.targetless_roots
                                      or one_sided_statement(verb, code, match, ctx)) \
                and ctx.fire("target.one-sided-act"):
            # no target, or only the source itself ("Nigerians converged for a rally in Lagos"): a one-sided act
            pairs = [(s, None, code) for s in sources]
        return pairs

    def _where_they_act(self, verb: Token, pairs: list[tuple[ActorRef, ActorRef | None, str]],
                        ctx: DocContext) -> list[tuple[ActorRef, ActorRef | None, str]]:
        """An unidentified party (a role without a country: "civilians", "people", "gunmen", "rebels", "a
        journalist") facing an actor of a country takes the country where it acts (docs/events-gold.md, section 2):
        the one country named as a place in the trigger's clause, else the other party's country when that is the
        country the article is about there ("the security forces have arrested at least 2,400 people" in a story
        on Myanmar: MMRCOP -> MMRPPL). A party of another country than the story's keeps none: "Israeli jets
        struck gunmen" in a story on Lebanon does not say where the gunmen are from."""
        out = []
        for src, tgt, code in pairs:
            if tgt is not None:
                src, tgt = self._placed_party(verb, src, tgt, ctx), self._placed_party(verb, tgt, src, ctx)
            elif self._at_home(verb, src, code, ctx) and ctx.fire("target.restriction-at-home-targets-its-people"):
                # "the Taliban banned the book", "the government imposed restrictions on printing": a state's
                # coercion with no one named is aimed at its own people
                tgt = ActorRef(verb.i, verb.i + 1, verb.i, split_code(src.code)[0], "", direct=False)
            out.append((src, tgt, code))
        return out

    def _at_home(self, verb: Token, src: ActorRef, code: str, ctx: DocContext) -> bool:
        """A coercive act (bans, restrictions, arrests, repression: CAMEO 17 but seizures and expulsions, which
        are done to property or to foreigners, and the bare root) by a country's government, police or courts, in
        a story about that country (see ``_where_they_act``)."""
        country, roles = split_code(src.code)
        if code.lstrip("~")[:2] != "17" or code.lstrip("~")[:3] in _NOT_AT_HOME or country is None \
                or not set(roles) <= _AUTHORITIES:
            return False
        story = self._story_country(verb, ctx) or self._story_country(verb.doc[src.head], ctx)
        return story == country and not self._aimed_elsewhere(verb, country, ctx)

    def _aimed_elsewhere(self, verb: Token, country: str, ctx: DocContext) -> bool:
        """Whether the act's object or on/to/from/against phrase names trade or money ("banned sales to Huawei",
        "restrictions on investment") or a party of another country ("restrictions on Chinese chip exports"): then
        it is no coercion of the state's own people."""
        aims = _aims(verb)
        if any(t.lemma_.lower() in _TRADE_OBJECTS for t in aims):
            return True
        named = [m for t in aims for m in (t, *t.children) if m.pos_ == "PROPN" or m.ent_type_ in ("NORP", "GPE")]
        codes_ = {self.actors.code_tokens(phrase_tokens(m), ctx.day, m, ctx.fire)[0] or "" for m in named}
        return any(c[:3] != country and c[:3].isalpha() and c[:3] not in NON_STATE for c in codes_ if len(c) >= 3)

    def _placed_party(self, verb: Token, ref: ActorRef, other: ActorRef, ctx: DocContext) -> ActorRef:
        """``ref`` with the country where it acts, when it is an unidentified party facing ``other`` (see
        ``_where_they_act``); else ``ref`` unchanged."""
        country, roles = split_code(ref.code)
        known = split_code(other.code)[0]
        if country is not None or not roles or not set(roles) <= _UNIDENTIFIED_ROLES or known is None \
                or len(known) != 3 or known in NON_STATE or set(roles) & set(split_code(other.code)[1]):
            return ref  # (the same role on both sides is one party named twice, or its counterpart abroad)
        if any(c.dep_ in ("amod", "compound") and c.lower_ in _OUTSIDE for c in verb.doc[ref.head].children):
            return ref  # "the international community", "foreign journalists": not the country's own
        place = self._place_country(verb, ctx)
        if place is None:
            # the lead sentence has no earlier names: there its subject's country is the story's
            story = self._story_country(verb, ctx) or self._story_country(verb.doc[other.head], ctx)
            place = known if story == known else None
        if place is None or not ctx.fire("actors.unidentified-party-takes-the-country-where-it-acts"):
            return ref
        return replace(ref, code=place + "".join(roles))

    def _place_country(self, verb: Token, ctx: DocContext) -> str | None:
        """The one country named as a place ("in Algiers", "at a jail in Lebanon") in the trigger's clause, for a
        source whose country is unknown (a role noun or an uncoded name with a title); None if none or several."""
        found: set[str] = set()
        for tok in ctx.clause(verb):
            if tok.dep_ == "pobj" and tok.pos_ == "PROPN" and tok.head.lower_ in PLACE_PREPS and placed(tok, verb):
                code = self.actors.code_tokens(phrase_tokens(tok), ctx.day, tok, ctx.fire)[0]
                if code and len(code) == 3 and code.isalpha() and code not in NON_STATE:
                    found.add(code)
        return found.pop() if len(found) == 1 else None

    def _has_compound(self, verb: Token) -> bool:
        return any(e.block and any("%" in p.pre for p in self.dicts.patterns.get(e.block, ()))
                   for e in self._verb_entries(verb))




_NULL_CODES = frozenset({"---", "", "+++", "###"})
# roles of those who bear arms: whom "they" who shoot or kill may be (``EventCoder._armed_they``), and how many
# sentences back they are looked for (as far as a title refers back, referents._ROLE_WINDOW)
_ARMED_ROLES = frozenset({"REB", "UAF", "INS", "MIL", "CRM", "SEP", "RAD"})
_ARMED_WINDOW = 4
# verbs of refusing to act for or with someone (lexicons/verb_classes.tsv refusal-to-act): their target is the
# refused act's ("fail", also a refusal for modality, is no rejection of anyone: "failed to rein in militants")
_REFUSAL_VERBS = words("verb_classes", "refusal-to-act")
# roles of people and groups that, named without a country, take the country where they act
# (``EventCoder._where_they_act``); not institutions (a government, an army, police, a parliament: "the army
# shelled positions near Aleppo" need not be Syria's), companies and ships ("the tanker"), organisations
_UNIDENTIFIED_ROLES = frozenset({"CVL", "PPL", "UAF", "REB", "INS", "CRM", "MED", "OPP", "LAB", "EDU", "HLH", "REF",
                                 "AGR", "MUS", "CHR", "REL", "SEP", "RAD", "MOD", "ELI"})
# coercion that is not done to a country's own people: seizing property or territory (171), expelling (174); and the
# bare root (170), which the dictionaries give verbs of curbing anything ("curb spending", "forced it to embrace
# foreign capital": bbc2225)
_NOT_AT_HOME = frozenset({"170", "171", "174"})
# who coerces a country's own people (a bare country is its government)
_AUTHORITIES = frozenset({"GOV", "COP", "JUD"})
# trade and money, at which a ban or restriction aims rather than at people (lexicons/event_nouns.tsv, trade-object)
_TRADE_OBJECTS = words("event_nouns", "trade-object")
_AIM_PREPS = frozenset({"on", "to", "from", "against"})


def _aims(verb: Token) -> list[Token]:
    """What a coercive act aims at: its object and the objects of its on/to/from/against phrases, and those of its
    object ("imposed restrictions on investment")."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))]
    found = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    found += [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in _AIM_PREPS
              for o in p.children if o.dep_ == "pobj"]
    return found
# modifiers that put a party outside the country where it acts ("the international community", "foreign
# journalists"; the same words keep such roles from the article's country, ``referents._OUTSIDE``)
_OUTSIDE = words("title_words", "outside")
# entity labels of names that are no person (a name the parse did not label may be one: "Moyo")
_NOT_PERSON = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
# pronouns that stand for people (the one arrested, freed, charged)
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
# who does an act only authorities do, when no agent is named (``lexicons/verb_classes.tsv``)
_AUTHORITY_ROLE = {**dict.fromkeys(words("verb_classes", "police-act"), "COP"),
                   **dict.fromkeys(words("verb_classes", "court-act"), "JUD"),
                   **dict.fromkeys(words("verb_classes", "custody-release"), "COP")}
# freeing someone held: done where they were held, whatever their country
_RELEASE = words("verb_classes", "custody-release")


_OBLIGATION_VERBS = words("verb_classes", "obligation")
# what one comes under when attacked ("came under a rocket attack"): event_nouns instruments
_ASSAULT_NOUNS = words("event_nouns", "instrument")
# verbs of fighting that also mean striving (with a to-infinitive) or, without an opponent, having difficulty
_EFFORT_VERBS = words("verb_classes", "effort")
# verbs that say at whom an act is aimed: the act is their event noun's ("tariffs targeting Canada")
_AIM_VERBS = words("verb_classes", "aim")
_DIFFICULTY_VERBS = words("verb_classes", "difficulty")


def _may_trigger(tok: Token) -> bool:
    """Whether ``_code_trigger`` can code ``tok`` at all: a cheap test that skips most tokens (nine in ten) before
    the dictionary look-ups. It admits every token the first tests there let through: a verb or auxiliary (verb
    entries, a light verb's event noun), a form of "be" (the copula of "are in talks"), a noun with a nominal
    verb entry, a consultation noun or a noun of fighting; any other token gets no verb entry and no light-verb
    code there."""
    pos = tok.pos_
    if pos in ("VERB", "AUX") or tok.lemma_ == "be":
        return True
    lemma = tok.lemma_.lower()
    return pos == "NOUN" and (lemma in NOMINAL or lemma in CONSULT_NOUNS or lemma in FIGHTING_NOUNS)


def _obliged(clause: Token) -> bool:
    """A clause that says its subject must act: "Y must stop", "Y needs to stop" (deontic necessity)."""
    return any(a.dep_ == "aux" and a.lower_ == "must" for a in clause.children) or (
        clause.lemma_.lower() in _OBLIGATION_VERBS and any(c.dep_ == "xcomp" for c in clause.children))


def _under_attack(verb: Token) -> bool:
    """ "came under attack (from X)", "came under rocket attack": the subject is the target of an act of force."""
    return verb.lemma_.lower() == "come" and any(
        p.dep_ == "prep" and p.lower_ == "under" and any(o.dep_ == "pobj" and o.lemma_.lower() in _ASSAULT_NOUNS
                                                         for o in p.children) for p in verb.children)


def _held_person(verb: Token, *, nominal: bool) -> Token | None:
    """The person an act of the authorities is done to, when the text names them without a country: a personal
    pronoun or a person's name as the passive subject ("he was detained"), the noun a participle modifies, the
    possessor or "of" object of the act's noun ("Moyo's arrest", "the arrest of Tendai Moyo"). None otherwise
    ("the ship was detained" names no person)."""
    if nominal:
        found = [c for c in verb.children if c.dep_ == "poss"] + [
            o for p in verb.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    elif verb.dep_ == "acl" and reduced_passive(verb):
        found = [verb.head]
    elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "thanked his supporters after being freed"
        found = [c for c in verb.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        found = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not found:
        return None
    tok = found[0]
    if tok.dep_ == "nsubjpass" and tok.lower_ in ("who", "whom") and verb.dep_ == "relcl":
        tok = verb.head
    person = tok.lower_ in _PERSONAL_PRONOUNS or (tok.pos_ == "PROPN" and tok.ent_type_ not in _NOT_PERSON)
    return tok if person else None


def _released_from(verb: Token, targets: list[ActorRef], ctx: DocContext) -> list[ActorRef]:
    """The targets of a release without those found in its "from" phrase: "freed from prison", "released from
    custody" name where the one freed was held (the dictionaries code "prison" as police), not whom."""
    held = {o.i for p in verb.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children
            if o.dep_ == "pobj"}
    kept = [t for t in targets if t.head not in held]
    if len(kept) == len(targets) or not ctx.fire("target.released-from-custody-is-no-target"):
        return targets
    return kept


def _passive(verb: Token) -> bool:
    """A passive verb ("was arrested") or a participle modifying its noun ("a journalist arrested over ...")."""
    return reduced_passive(verb) or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
# announced code (4 digits, 3 or the root) -> the intent (03x) or threat (13x) the announcement is
_ANNOUNCED = {**codes("announced", "intent"), **codes("announced", "threat")}


def announced_code(code: str) -> str | None:
    """The intent or threat code of an act announced for the future (``lexicons/announced.tsv``), by the longest
    listed prefix of ``code``; None when none is listed (statements, appeals, intents and threats keep theirs)."""
    for n in (4, 3, 2):
        if len(code) >= n and code[:n] in _ANNOUNCED:
            return _ANNOUNCED[code[:n]]
    return None


def _announced(pairs: Sequence[tuple[ActorRef, ActorRef | None, str]],
               ctx: DocContext) -> list[tuple[ActorRef, ActorRef | None, str]]:
    """An act announced for the future ("is due to travel to X", "vowed to strike") is coded as the announcement,
    an intent (03x) when cooperative and a threat (13x) when conflictual; the announced act's converse ("X will
    visit Y": Y hosts) has not happened and goes. Codes with no listed prefix stay."""
    codes_of = [announced_code(c.lstrip("~")) for _, _, c in pairs]
    if not any(codes_of) or not ctx.fire("code.announced-act-is-intent-or-threat"):
        return list(pairs)
    return [(s, t, new or c) for (s, t, c), new in zip(pairs, codes_of, strict=True)
            if not (new and c.startswith("~"))]


def _entry_text(entry: VerbEntry) -> str:
    return f"{' '.join(entry.words)} [{entry.code}] {entry.block}"


def _confidence(match: PatternMatch, src: ActorRef, tgt: ActorRef | None, how: tuple[bool, bool, str],
                ctx: DocContext) -> float:
    """The additive evidence score of an event (see the module docstring); ``how`` is (main clause, inferred,
    modality)."""
    main, inferred, mod = how
    conf = (0.2 if match.inferred else 0.3) + (0.2 if match.pattern is not None and not match.loose else 0.0)
    conf += 0.2 if src.direct else 0.1
    conf += (0.2 if tgt.direct else 0.1) if tgt is not None else 0.0
    if tgt is not None and not (src.code or "").startswith("---") and not (tgt.code or "").startswith("---"):
        conf += 0.1
    if not main and ctx.fire("confidence.embedded-clause-is-weaker"):
        conf -= 0.1
    # the converse of a paired code, or the code a negation amounts to: a dictionary inference
    if inferred and ctx.fire("confidence.inferred-event-is-weaker"):
        conf -= 0.1
    if mod in ("hypothetical", "negated") and ctx.fire("confidence.uncertain-event-is-halved"):
        conf /= 2
    return round(min(conf, 1.0), 2)


def _description(verb: Token, code: str) -> bool:
    """A participle describing a noun by a standing relation, not an act reported as news: "militants backed by
    Iran", "an uprising led by Khomeini" (cooperation, statements); acts of conflict so reported are news ("a
    soldier arrested in Turkey")."""
    return reduced_passive(verb) and code[:2] in _DESCRIPTIVE_ROOTS


_DESCRIPTIVE_ROOTS = frozenset(f"{n:02d}" for n in range(1, 11))  # statements to demands: 01-10
# verbs that demand, quarrel or reject with an object or a mandative complement, and claim with an indicative one
_CLAIM_OR_DEMAND = words("verb_classes", "claim-or-demand")
_MANDATIVE = words("modal_cues", "mandative")
_EPISTEMIC = words("modal_cues", "epistemic")


def _indicative_report(verb: Token) -> bool:
    """The verb reports a fact or a guess, not a wish: its complement clause is indicative ("insisted that Isis
    remained a threat", "suggested tens of thousands may die"), not mandative ("demanded that he resign", "urged
    that they should leave") or infinitival ("urged them to leave")."""
    if verb.lemma_.lower() not in _CLAIM_OR_DEMAND or any(c.dep_ in ("xcomp", "dobj", "obj", "dative")
                                                          for c in verb.children):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if not clauses:
        return False
    for clause in clauses:
        aux = {a.lower_ for a in clause.children if a.dep_ in ("aux", "auxpass")}
        if aux & _MANDATIVE or not (clause.tag_ in ("VBD", "VBZ") or aux & _EPISTEMIC
                                    or any(a.tag_ in ("VBD", "VBZ") for a in clause.children
                                           if a.dep_ in ("aux", "auxpass"))):
            return False
    return True


def _unique(codings: Iterable[Coding]) -> list[Coding]:
    seen: set[tuple[int, str | None, str | None, str]] = set()
    out = []
    for c in codings:
        key = (c.sentence, c.source.code, c.target.code if c.target else None, c.code)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def _relative(tok: Token) -> bool:
    return tok.tag_ in _RELATIVE_TAGS or tok.lower_ in ("that", "which", "who", "whom")


def _logical_object(verb: Token) -> Token | None:
    """The noun that is a verb's logical object when it has no object of its own: the subject of a passive
    ("sanctions were imposed"), or the noun an object relative clause modifies ("the sanctions Washington imposed",
    "the tariff that was levied"). A subject relative ("the sanctions that hurt") has its noun as subject: none."""
    kids = list(verb.children)
    objects = [c for c in kids if c.dep_ in ("dobj", "obj")]
    if any(not _relative(c) for c in objects):
        return None
    passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if passive is not None and not _relative(passive):
        return passive
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if objects or passive is not None or (subj is not None and not _relative(subj)):
        return verb.head
    return None
