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
of the clause) in ``event_places.py``, and the token tests of a trigger in ``triggers.py``. The code of a trigger
(entries, patterns, senses, fallbacks) is chosen in ``trigger_codes.py``, which triggers yield to others (and the
demands statements make) in ``trigger_yields.py``, announced acts are coded in ``announcements.py``, and the
``Coding`` record, its trace and its **confidence** (an additive evidence score) are in ``codings.py``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..resources.petrarch import Dictionaries, VerbEntry
from .actor_codes import split_code
from .actors import ActorCoder
from .announcements import announced, future_measure_modality
from .clauses import scheduled_modality
from .codings import Coding, confidence, traced, unique
from .consultation_nouns import fighting_code, mutual_meeting
from .context import DocContext
from .denials import said_code
from .depicted import depicted_in_a_work
from .deployments import deployment
from .force_senses import is_sport_story, sport_sentence, state_business_story
from .headline import headlinese_kept
from .headline_doer import headline_doer
from .lemmas import corrected_lemmas
from .lexicon import FORCE_ROOTS
from .lexicons import words
from .measure_nouns import aimed_at_people
from .modality import modality
from .negated_acts import negated
from .patterns import PatternMatch, PatternMatcher
from .phrase_actors import ActorRef
from .pico_ontology import find_ontology, negation_codes
from .refusals import refusal
from .restatements import restated
from .rules import RuleSet, rule_ids
from .rules.patterns import anchors
from .senses import honour_or_play, one_way, sense_code
from .source_finders import NOMINAL
from .speech import forget_dropped_accusers, record_accusations
from .state_roles import governments_of_acting_states
from .titles import titled_offices
from .trigger_codes import NULL_CODES, TriggerCodes
from .trigger_yields import TriggerYields
from .triggers import _may_trigger
from .ultimatum import modal_anchor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["NOMINAL", "ActorRef", "EventCoder"]


class EventCoder(TriggerCodes, TriggerYields):
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
        # the gazetteer index whose towns give the country where an armed group acts (``towns.town_country``; the
        # events stage sets the pipeline's own, None is the default index)
        self.gazetteer: Path | None = None
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

    def code_doc(self, doc: Doc, day: date | None, skip: Iterable[int] = (),
                 headline: Iterable[int] = (), title: tuple[Doc, list[Coding]] | None = None) -> list[Coding]:
        """Events of every sentence of ``doc`` except the sentence indexes in ``skip``; ``headline`` holds the
        indexes of the headline's sentences (``headline.headline_sentences``), whose events may name the doer of
        the lead's act (``headline_doer``). ``title``: the article's title parsed apart from the text and its
        codings (``code_title``), the headline when the text does not begin with it."""
        skipped = set(skip)
        # everything this document needs, and nothing that outlives it
        ctx = DocContext(day, self.rules, anchors=anchors(doc), headline=frozenset(headline))
        if title is not None:
            ctx.headline_doc, ctx.headline_acts = title[0], list(title[1])
        try:
            with corrected_lemmas(doc, ctx):  # "hoped" is of "hope", not "hop" (lemmas.py)
                return self._code_sentences(doc, ctx, skipped)
        finally:
            self.firings.update(ctx.counts)
            self.entry_texts.update(ctx.texts)

    def code_title(self, title: Doc, day: date | None, skip: Iterable[int] = ()) -> list[Coding]:
        """Events of an article's title parsed apart from its text (every sentence of ``title`` is headline), coded
        in a context of their own: the title's token indexes are not the text's."""
        return self.code_doc(title, day, skip, headline=range(len(list(title.sents))))

    def _code_sentences(self, doc: Doc, ctx: DocContext, skipped: set[int]) -> list[Coding]:
        sents = list(doc.sents)
        if self._story_discarded(sents, ctx) and ctx.fire("filters.story-discard"):
            return []
        out: list[Coding] = []
        if ctx.headline or ctx.headline_acts:
            ctx.lead = next((n for n in range(len(sents)) if n not in ctx.headline and n not in skipped), None)
        for n, sent in enumerate(sents):
            if n not in skipped:
                coded = self.code_sentence(sent, n, ctx.day, ctx)
                if n in ctx.headline and self.real_news:
                    coded = headlinese_kept(coded, doc, ctx)
                out.extend(coded)
                if n in ctx.headline:
                    ctx.headline_acts.extend(coded)
                force = [c.source for c in coded if c.code[:2] in FORCE_ROOTS and c.modality == "asserted"
                         and c.source.code and not c.source.code.startswith("---")]
                if force:
                    ctx.attackers = force[-1:]
                ctx.attack = _last_attack(coded, n) or (None if self._other_force(sent, coded, ctx) else ctx.attack)
        return titled_offices(doc, out, self.actors, ctx) if self.real_news else out  # titles.py: undated roles

    def _other_force(self, sent: Span, coded: Sequence[Coding], ctx: DocContext) -> bool:
        """The sentence tells an act of force not between two coded parties (an asserted coding of force, or a
        verb of force the dictionaries know, coded or not: "a bus exploded", "a drone struck an oil plant"): a
        later "the attack" may be that one, so the last attack between coded parties is no longer the one it
        repeats."""
        from spacy.symbols import VERB

        if any(c.code[:2] in FORCE_ROOTS and c.modality == "asserted" for c in coded):
            return True
        doc, pos = sent.doc, ctx.parts_of_speech(sent.doc)  # a Token made for the verbs only
        return any(e.code[:2] in FORCE_ROOTS for i in range(sent.start, sent.end) if pos[i] == VERB
                   for e in self._entries(doc[i], ctx))

    def _story_discarded(self, sents: Sequence[Span], ctx: DocContext) -> bool:
        """A story-level discard phrase skips the document (PETRARCH); on real news a story of states' business
        (``force_senses.state_business_story``: diplomats, ministers, sanctions in two sentences of no sport) that
        is no sport story and names the phrase in one sentence only mentions it in passing ("Ministers will not
        attend the World Cup in Russia" in a story of expelled diplomats): the phrase discards its clause only
        (``code_sentence``), not the political events around it."""
        told = sum(1 for s in sents if self._discards(s, ctx, story=True))
        if not told:
            return False
        doc = sents[0].doc
        if not self.real_news or told >= 2 or is_sport_story(doc, ctx) or not state_business_story(doc):
            return True
        return not ctx.fire("filters.passing-mention-discards-its-clause")

    def _discards(self, sent: Span, ctx: DocContext, *, story: bool) -> list[int]:
        """Token indexes of discard phrases in ``sent`` (story-level or sentence-level ones); both levels are found
        in one pass over the sentence's words, once per document (the story-level scan reads every sentence first)."""
        found = ctx.discarded.get(sent.start)
        if found is None:
            found = ctx.discarded[sent.start] = self._discard_scan(sent, ctx)
        return found[0] if story else found[1]

    def _discard_scan(self, sent: Span, ctx: DocContext) -> tuple[list[int], list[int]]:
        words = ctx.upper_words(sent)
        out: tuple[list[int], list[int]] = ([], [])  # story-level, sentence-level
        discards = self.dicts.discards
        for i, word in enumerate(words):
            for phrase, is_story in discards.get(word, ()):
                if tuple(words[i : i + len(phrase.words)]) == phrase.words:
                    out[0 if is_story else 1].extend(sent.start + k for k in range(i, i + len(phrase.words)))
        return out

    # ------------------------------------------------------------------------------------------ sentences

    def code_sentence(self, sent: Span, index: int, day: date | None, ctx: DocContext | None = None) -> list[Coding]:
        """Events of one sentence; ``ctx`` is the document's context (a sentence coded on its own gets a fresh one,
        so nothing of an earlier document, such as its last attacker, reaches it)."""
        ctx = ctx if ctx is not None else DocContext(day, self.rules, anchors=anchors(sent.doc))
        discarded = set(self._discards(sent, ctx, story=False))
        if self.real_news:  # a story-level phrase that skipped no story still discards its own clause
            discarded.update(self._discards(sent, ctx, story=True))
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
        return unique(out)

    def _code_trigger(self, tok: Token, sent: Span, index: int, ctx: DocContext,
                      discarded: set[int]) -> tuple[Token, PatternMatch, list[Coding]] | None:
        """The events of one token as a trigger (with the match that coded it), or None when it is none."""
        ctx.begin()
        gerund = tok.pos_ == "VERB" and fighting_code(tok) is not None  # "by fighting between X and Y": a noun
        entries = [] if gerund else self._entries(tok, ctx)
        noun = self._noun_match(tok, ctx) if not entries and (tok.pos_ == "NOUN" or gerund) else None
        if noun is not None:
            return tok, noun, self._events(tok, noun, sent, index, ctx, nominal=True)
        if not entries:
            light = self._light_code(tok, ctx)
            if light is not None and depicted_in_a_work(tok) and ctx.fire("filters.depicted-in-a-work"):
                return None  # "Dirty War depicts a dirty bomb attack": the verb takes the noun's code
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
        match = self._ultimatum(tok, ctx) or self._recode(tok, entries, self._match(tok, entries, sent, ctx), ctx)
        if match is None:
            return None
        if match.code.strip() in NULL_CODES:
            return tok, match, []
        if self._not_news(tok, match, ctx):
            return None
        return tok, match, self._events(tok, match, sent, index, ctx, nominal=tok.pos_ == "NOUN")


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

    # ------------------------------------------------------------------------------------------ events

    def _sensed(self, verb: Token, match: PatternMatch, codes: tuple[str, str],
                parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                ctx: DocContext) -> tuple[str, str | None] | None:
        """The (code, converse code) of the trigger in the sense its arguments give it (real news), None for no
        event. ``codes`` are the dictionary's forward and converse codes ("A:B")."""
        forward, converse_code = codes
        code, converse = forward or converse_code, converse_code or None
        if self.real_news and forward:
            sensed = sense_code(verb, code, parties, ctx)  # senses.py: force needs arms, warnings
            sensed = said_code(verb, sensed, match, parties, ctx)  # denials.py: denials, advice, taking
            if not sensed:
                return None
            return (code, converse) if sensed == code else (
                sensed, sensed if converse and not one_way(sensed) else None)
        if self.real_news and honour_or_play(verb, parties, ctx):
            return None  # a pattern coded only in its converse: "has won the fiction prize at the Book Awards"
        return code, converse

    def _sensed_with_targets(self, verb: Token, match: PatternMatch, codes: tuple[str, str],
                             parties: tuple[Sequence[ActorRef], list[ActorRef]],
                             ctx: DocContext) -> tuple[str, str | None, list[ActorRef], bool] | None:
        """(code, converse, targets, guessed) of the trigger in its sense (``_sensed``), or None for no event.
        ``guessed``: the code is still the root the verb's dictionary patterns share, which no pattern and no rule
        of sense confirmed; its targets are then only those its own phrase names (``_guessed_targets``)."""
        sensed = self._sensed(verb, match, codes, parties, ctx)
        if sensed is None:
            return None
        guessed = self.real_news and match.inferred == "root" and sensed[0] == codes[0]
        targets = self._guessed_targets(verb, parties[1], ctx, guessed=guessed)
        return None if targets is None else (sensed[0], sensed[1], targets, guessed)

    def _deployed(self, verb: Token, match: PatternMatch, sources: Sequence[ActorRef], targets: Sequence[ActorRef],
                  ctx: DocContext) -> tuple[PatternMatch, list[ActorRef]]:
        """The match and targets of a sending of the sender's own forces (deployments.py: "sent troops to Mexico's
        northern border" is no cooperation with Mexico or with the troops), else those given."""
        deployed = deployment(verb, match.code, sources, targets, ctx) if self.real_news else None
        return (match, list(targets)) if deployed is None else (replace(match, code=deployed[0]), deployed[1])

    def _modality(self, verb: Token, match: PatternMatch, code: str, sent: Span, sources: Sequence[ActorRef],
                  ctx: DocContext, *, guessed: bool) -> str | None:
        """The modality of a trigger's events, or None for no event: a verb coded only by its dominant pattern root
        (``guessed``) whose act is told as not done or only supposed (modality.dominant-root-needs-a-told-act)."""
        mod = scheduled_modality(verb, modality(modal_anchor(verb, ctx.trace), code, sent, ctx), ctx,
                                 [(s.start, s.end) for s in sources])
        mod = future_measure_modality(verb, match, mod, ctx)
        if guessed and mod in _UNTOLD and ctx.fire("modality.dominant-root-needs-a-told-act"):
            return None  # "would restore Assad", "can the UN accept people ...?": the guessed sense, unconfirmed
        return mod

    def _negation_code(self, verb: Token, codes: tuple[str, str | None], mod: str,
                       ctx: DocContext) -> tuple[str, str | None, str, bool]:
        """(code, converse, modality, derived): a negated act coded as the act its negation amounts to (PICO: "did
        not clash", 110 negated = 050), then asserted and derived; on real news a stated refusal of a cooperative
        act as its rejection (``refusals.refusal``); else as given. Not for "won't try to clash" (the trying is
        negated, not the clash)."""
        code, converse = codes
        if mod == "negated" and code in self.negations and negated(verb, bare_infinitive=True) \
                and ctx.fire("code.negation-ontology"):
            return self.negations[code], self.negations.get(converse, converse) if converse else None, "asserted", True
        # "Turkey will not buy U.S. aircraft", "voted not to attend": a stated refusal, coded as the rejection (12x);
        # it is one party's act, so the refused act's converse goes (refusals.py)
        refused = refusal(verb, code, ctx) if self.real_news and mod == "negated" else None
        if refused is not None:
            return refused[0], None, refused[1], False
        return code, converse, mod, False

    def _events(self, verb: Token, match: PatternMatch, sent: Span, index: int, ctx: DocContext, *,
                nominal: bool) -> list[Coding]:
        if match.pattern is not None:
            ctx.use("pattern", match.pattern.text)
        sources, targets = self._arguments(verb, match, ctx, nominal=nominal, lead=index == ctx.lead)
        # "X was killed early on Friday": by whom the headline says
        sources = headline_doer(verb, match.code, (sources, targets), index, ctx) if self.real_news else sources
        if not sources or (nominal and not targets and not self._coerces_at_home(verb, match, sources, ctx)):
            return []
        if not targets and verb.lemma_.lower() in _DIFFICULTY_VERBS and ctx.fire("candidates.effort-is-no-fight"):
            return []  # "textiles are struggling", "struggled with the forms": a difficulty, no opponent
        match, targets = self._deployed(verb, match, sources, targets, ctx)
        # "A:B" codes the event and its converse; ":B" only the converse: "X died in a suicide bombing" [:1831] has
        # X as the target of whoever bombed (nobody named: no event)
        forward, _, converse_code = match.code.partition(":")
        sensed = self._sensed_with_targets(verb, match, (forward, converse_code), (sources, targets), ctx)
        if sensed is None:
            return []
        code, converse, targets, guessed = sensed
        if self.real_news and converse is None:
            converse = mutual_meeting(verb, code, targets, ctx)  # "met with Rubio": both meet
        # "urged X to accept ... or face sanctions": the threat is made as the asking verb is
        mod = self._modality(verb, match, code, sent, sources, ctx, guessed=guessed)
        if mod is None:
            return []
        code, converse, mod, derived = self._negation_code(verb, (code, converse), mod, ctx)
        pairs = self._pairs(verb, match, sources, targets, (code, forward, converse), ctx)
        if self.real_news:
            pairs = self._where_they_act(verb, pairs, ctx)
            pairs = governments_of_acting_states(verb.doc, pairs, ctx)  # "Kenya refused": KENGOV
        if self.real_news and mod == "threatened":
            pairs = announced(pairs, ctx, self._place_country(verb, ctx, _POSTURE_PREPS))
        record_accusations(pairs, mod, ctx)
        # the sentence's own predicate (or one coordinated with it) rests on a shorter parse path than an act in
        # an embedded clause
        main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
        out = []
        for src, tgt, c in pairs:
            conf = confidence(match, src, tgt, (main, derived or c.startswith("~"), mod), ctx)
            rules, used = traced(ctx, src, tgt)
            out.append(Coding(index, verb.i, verb.i + 1, c.lstrip("~"), src, tgt, mod, conf,
                              match.pattern.text if match.pattern else None, rules, used))
        return out


def _last_attack(coded: Sequence[Coding], sentence: int) -> tuple[ActorRef, ActorRef, int, int] | None:
    """(source, target, sentence, trigger) of the last asserted act of force of a sentence between two coded
    parties, or None: what a later "the attack" with no actor of its own repeats (``nominals.repeated_attack``)."""
    force = [(c.source, c.target, sentence, c.trigger) for c in coded if c.code[:2] in FORCE_ROOTS
             and c.modality == "asserted" and c.target is not None
             and all(r.code and not r.code.startswith("---") for r in (c.source, c.target))]
    return force[-1] if force else None


# modalities of an act not done or only supposed (a verb coded by its dominant pattern root has none of them)
_UNTOLD = frozenset({"hypothetical", "negated"})
# verbs of fighting that, without an opponent, mean having difficulty
_DIFFICULTY_VERBS = words("verb_classes", "difficulty")
# forces placed near, along or off a country are aimed at it; "to" a country is a destination (a mission)
_POSTURE_PREPS = words("place_words", "posture-preposition")


# common nouns that name a state itself: "the regime's crackdown" is the state's
_STATE_NOUNS = words("senses", "state-noun")


def _person_of_a_country(head: Token, code: str | None) -> bool:
    """A possessor coded as a bare country by a common noun ("the Glasgow forward's ban"): a person of that
    country, on whom the ban is, not the state that imposes it ("Beijing's crackdown": the state named)."""
    return not split_code(code or "")[1] and head.pos_ != "PROPN" \
        and head.ent_type_ not in ("GPE", "NORP", "LOC") and head.lemma_.lower() not in _STATE_NOUNS


def _entry_text(entry: VerbEntry) -> str:
    return f"{' '.join(entry.words)} [{entry.code}] {entry.block}"

