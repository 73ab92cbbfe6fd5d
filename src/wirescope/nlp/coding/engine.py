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

Argument finding (sources, targets, compound and distributed actors) lives in ``arguments.py``; the coder's
own argument and pair logic in ``event_arguments.py``, where the parties act (the story's country, the place
of the clause) in ``event_places.py``, and the token tests of a trigger in ``triggers.py``.

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
from .actor_codes import split_code
from .actors import ActorCoder
from .clauses import scheduled_modality
from .commentary import commentary
from .context import DocContext
from .denials import said_code
from .event_arguments import EventArguments
from .lemmas import corrected_lemmas
from .lexicon import FORCE_ROOTS, INTENT_VERBS, LIGHT_VERBS, UNDERGOER_VERBS, event_noun_code
from .lexicons import codes, words
from .modality import REPORT_VERBS, find_ontology, modality, negated, negation_codes
from .nominals import (
    ENACTED,
    aimed_at_people,
    consultation_code,
    enacted_measure,
    fighting_code,
    future_measure,
    nominal_code,
    restated,
)
from .patterns import PRE_WINDOW, PatternMatch, PatternMatcher
from .phrase_actors import ActorRef
from .rules import RuleSet, rule_ids
from .rules.patterns import anchors
from .senses import one_way, sense_code, sport_sentence
from .source_finders import NOMINAL, SUBJ_DEPS
from .speech import forget_dropped_accusers, record_accusations
from .state_roles import governments_of_acting_states
from .syntax import governs_any, multi_matches, regular_stems, shown_in_image
from .target_finders import SPEECH_VERBS
from .titles import titled_offices
from .triggers import (
    _OBLIGATION_VERBS,
    _description,
    _indicative_report,
    _logical_object,
    _may_trigger,
    _obliged,
    _under_attack,
)
from .wishes import hope_yields

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


class EventCoder(EventArguments):
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
            with corrected_lemmas(doc, ctx):  # "hoped" is of "hope", not "hop" (lemmas.py)
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
                ctx.attack = _last_attack(coded, n) or (None if self._other_force(sent, coded) else ctx.attack)
        return titled_offices(doc, out, self.actors, ctx) if self.real_news else out  # titles.py: undated roles

    def _other_force(self, sent: Span, coded: Sequence[Coding]) -> bool:
        """The sentence tells an act of force not between two coded parties (an asserted coding of force, or a
        verb of force the dictionaries know, coded or not: "a bus exploded", "a drone struck an oil plant"): a
        later "the attack" may be that one, so the last attack between coded parties is no longer the one it
        repeats."""
        return any(c.code[:2] in FORCE_ROOTS and c.modality == "asserted" for c in coded) \
            or any(e.code[:2] in FORCE_ROOTS for t in sent if t.pos_ == "VERB" for e in self._verb_entries(t))

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
        doc, taggable = sent.doc, ctx.taggable(sent.doc)  # the sentence walked once, a Token made only where needed
        candidates = [tok for i in range(sent.start, sent.end) if taggable[i] and _may_trigger(tok := doc[i])]
        accusers = dict(ctx.accusers)
        found = [f for tok in candidates if (f := self._code_trigger(tok, sent, index, ctx, discarded)) is not None]
        out = restated(self._yield(found, ctx), sent.doc, ctx)  # "airstrikes ... killed": one act
        forget_dropped_accusers(ctx, accusers, out)  # "analysts criticised Britain": no accuser a denial answers
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
        by_noun = self._noun_of_the_act(tok, ctx) if default else None
        if by_noun is not None:
            return by_noun
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

    def _noun_of_the_act(self, tok: Token, ctx: DocContext) -> PatternMatch | None:
        """The code of a default-coded verb whose act is its event noun's: a verb of aiming ("Trump's tariffs
        targeting Canada": 163, not 190) or of enacting a measure ("slapped tariffs on Chinese steel": 163, not
        180)."""
        aimed = self._aimed_code(tok)
        if aimed is not None and ctx.fire("code.aimed-act-takes-its-noun-code"):
            return PatternMatch(None, aimed, 0, inferred="noun")
        measure = enacted_measure(tok) if self.real_news else None
        if measure is not None and ctx.fire(ENACTED):
            return PatternMatch(None, measure, 0, inferred="noun")
        return None

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
        # "hopes to meet Saudi officials": the meeting is coded, intended; the hope is no act of its own (wishes.py)
        if self.real_news and hope_yields(tok, coded) and ctx.fire("code.hoping-to-act-is-no-act-of-its-own"):
            return True
        # "urged Eriador to respond": what an appeal or demand asks for is its content, not an act that happened
        if tok.dep_ == "xcomp" and tok.head.i in requests and ctx.fire("filters.request-content-is-no-act"):
            return True
        # "told reporters", "noted that ...", "cited reasons": a statement the dictionary can say nothing more of
        # (010 by the verb's default) only introduces what was said; the words are no act of their own (the
        # real-news gold codes a statement only as an appeal, a demand, a threat, a criticism ...)
        # (a claim recoded from a demand or denial verb, "insisted he did not know", is dropped too, by its own rule)
        if default and self.real_news and match.code == "010" and match.inferred == "complement":
            return ctx.fire("filters.claim-to-no-one-is-no-event")  # "insisted he did not know": a claim
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

    def _coerces_at_home(self, noun: Token, match: PatternMatch, sources: Sequence[ActorRef],
                         ctx: DocContext) -> bool:
        """An event noun of coercion whose doer is a state's government, police or courts, in a story about that
        state, with no one named it is done to ("the Taliban's ban", "China's crackdown", "the junta's curfew"):
        like the verb ("the Taliban banned the books"), it is aimed at the state's own people, whom
        ``_where_they_act`` makes its target. Without this a nominal event needs a target of its own phrase."""
        code = match.code.partition(":")[0]
        # a compound name may be what the act is done to ("the EU China arms ban"); a possessor, an adjective, a
        # role noun ("a police crackdown") or a "by" phrase names the doer
        doers = [s for s in sources if not (noun.doc[s.head].dep_ == "compound" and noun.doc[s.head].pos_ == "PROPN")]
        at_home = [s for s in doers if self._at_home(noun, s, code, ctx)] if self.real_news and code else []
        if not at_home or not aimed_at_people(noun):
            return False
        if (sport_sentence(noun) or all(_person_of_a_country(noun.doc[s.head], s.code) for s in at_home)) \
                and ctx.fire("candidates.sport-or-personal-ban-is-no-coercion"):
            return False  # "the Glasgow forward's ban for stamping": a ban on the player, by a sports body
        return ctx.fire("candidates.coercion-noun-at-home")

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
        if not sources or (nominal and not targets and not self._coerces_at_home(verb, match, sources, ctx)):
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
            sensed = said_code(verb, sensed, match, (sources, targets), ctx)  # denials.py: denials, advice, taking
            if not sensed:
                return []
            code, converse = (code, converse) if sensed == code else (
                sensed, sensed if converse and not one_way(sensed) else None)
        mod = scheduled_modality(verb, modality(verb, code, sent, ctx), ctx,  # "is to send": announced
                                 [(s.start, s.end) for s in sources])
        mod = _future_measure_modality(verb, match, mod, ctx)
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
            pairs = _announced(pairs, ctx, self._place_country(verb, ctx, _POSTURE_PREPS))
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


_NULL_CODES = frozenset({"---", "", "+++", "###"})


def _last_attack(coded: Sequence[Coding], sentence: int) -> tuple[ActorRef, ActorRef, int, int] | None:
    """(source, target, sentence, trigger) of the last asserted act of force of a sentence between two coded
    parties, or None: what a later "the attack" with no actor of its own repeats (``nominals.repeated_attack``)."""
    force = [(c.source, c.target, sentence, c.trigger) for c in coded if c.code[:2] in FORCE_ROOTS
             and c.modality == "asserted" and c.target is not None
             and all(r.code and not r.code.startswith("---") for r in (c.source, c.target))]
    return force[-1] if force else None


# verbs of fighting that also mean striving (with a to-infinitive) or, without an opponent, having difficulty
_EFFORT_VERBS = words("verb_classes", "effort")
# verbs that say at whom an act is aimed: the act is their event noun's ("tariffs targeting Canada")
_AIM_VERBS = words("verb_classes", "aim")
_DIFFICULTY_VERBS = words("verb_classes", "difficulty")
# forces placed near, along or off a country are aimed at it; "to" a country is a destination (a mission)
_POSTURE_PREPS = words("place_words", "posture-preposition")


# announced code (4 digits, 3 or the root) -> the intent (03x) or threat (13x) the announcement is
_ANNOUNCED = {**codes("announced", "intent"), **codes("announced", "threat")}


def announced_code(code: str) -> str | None:
    """The intent or threat code of an act announced for the future (``lexicons/announced.tsv``), by the longest
    listed prefix of ``code``; None when none is listed (statements, appeals, intents and threats keep theirs)."""
    for n in (4, 3, 2):
        if len(code) >= n and code[:n] in _ANNOUNCED:
            return _ANNOUNCED[code[:n]]
    return None


def _announced(pairs: Sequence[tuple[ActorRef, ActorRef | None, str]], ctx: DocContext,
               place: str | None = None) -> list[tuple[ActorRef, ActorRef | None, str]]:
    """An act announced for the future ("is due to travel to X", "vowed to strike") is coded as the announcement,
    an intent (03x) when cooperative and a threat (13x) when conflictual; the announced act's converse ("X will
    visit Y": Y hosts) has not happened and goes. Codes with no listed prefix stay. ``place`` is the one country
    the clause names as a place (for a deployment: where the forces go)."""
    codes_of = [_posture(s, t, c.lstrip("~"), announced_code(c.lstrip("~")), place, ctx) for s, t, c in pairs]
    if not any(codes_of) or not ctx.fire("code.announced-act-is-intent-or-threat"):
        return list(pairs)
    return [(s, t, new or c) for (s, t, c), new in zip(pairs, codes_of, strict=True)
            if not (new and c.startswith("~"))]


def _posture(src: ActorRef, tgt: ActorRef | None, code: str, announced: str | None, place: str | None,
             ctx: DocContext) -> str | None:
    """An announced show of force (15x) is a threat (138) only when aimed at another country: a target of
    another country, or forces sent to a place of another country ("will deploy warships near Taiwan"); forces sent
    with no one named against them and placed near no other country ("hopes to send police officers to Haiti": the
    target is the officers, ---COP; "to" names a destination) are a mission announced, an intent (030; review 9
    B4)."""
    if announced is None or not code.startswith("15") or announced[:2] != "13":
        return announced
    own = split_code(src.code or "")[0]
    aimed = {split_code(tgt.code or "")[0] if tgt is not None else None, place} - {None, own}
    if aimed or not ctx.fire("code.announced-deployment-at-no-opponent-is-intent"):
        return announced
    return "030"


def _future_measure_modality(verb: Token, match: PatternMatch, mod: str, ctx: DocContext) -> str:
    """ "Announced tariffs on Mexican steel, to take effect next month": a measure dated in the future is announced,
    not imposed (threatened, which ``_announced`` codes 1312); else ``mod``."""
    if mod == "asserted" and match.inferred == "noun" and future_measure(verb) and ctx.fire(ENACTED):
        return "threatened"
    return mod


# common nouns that name a state itself: "the regime's crackdown" is the state's
_STATE_NOUNS = words("senses", "state-noun")


def _person_of_a_country(head: Token, code: str | None) -> bool:
    """A possessor coded as a bare country by a common noun ("the Glasgow forward's ban"): a person of that
    country, on whom the ban is, not the state that imposes it ("Beijing's crackdown": the state named)."""
    return not split_code(code or "")[1] and head.pos_ != "PROPN" \
        and head.ent_type_ not in ("GPE", "NORP", "LOC") and head.lemma_.lower() not in _STATE_NOUNS


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


def _unique(codings: Iterable[Coding]) -> list[Coding]:
    seen: set[tuple[int, str | None, str | None, str]] = set()
    out = []
    for c in codings:
        key = (c.sentence, c.source.code, c.target.code if c.target else None, c.code)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
