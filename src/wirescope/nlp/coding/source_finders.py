"""The source finders of the event coder (mixin of ``arguments.ArgumentFinder``): a trigger's clause subject,
inherited through clauses or from a controlling verb's object or subject, a passive's agent, prepositional phrase
or instrument, the owner of a role, and the actor a pattern places after the verb."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..gender import agrees, person_gender, pronoun_gender
from .actor_codes import split_code
from .context import DocContext
from .force_clauses import (
    FORCE_CLAUSE,
    INSTRUMENT_AGENT,
    PLANTED_DEVICE,
    force_clause_subject,
    instrument_agent,
    planted_device_agent,
)
from .lexicon import ACT_NOUNS, EVENT_NOUNS, FORCE_ROOTS, PLACE_PREPS
from .lexicons import codes, words
from .modal_clauses import told_to_act
from .patterns import PatternMatch
from .phrase_actors import ActorRef, PhraseActors
from .syntax import NOUN_HEAD, np_head, phrase_tokens

if TYPE_CHECKING:
    from spacy.tokens import Token


TOLD_SOURCE = "source.pronoun-told-to-act-is-the-one-told"
ELIDED = "source.infinitive-of-an-elided-noun-inherits-nothing"


class SourceFinder(PhraseActors):
    """Mixin of ``ArgumentFinder``: the sources of a trigger (``_sources``)."""

    def _sources(self, verb: Token, match: PatternMatch, ctx: DocContext) -> list[ActorRef]:
        if match.source_after is not None:
            found = self._after(verb, match.source_after, ctx)
            if found and ctx.fire("source.placed-by-the-pattern"):
                return found
        tok = self._source_clause(verb, match, ctx)
        direct = tok.i == verb.i
        came_from = ""  # the relation of the clause the search came up from
        for _ in range(4):
            subj = [c for c in tok.children if c.dep_ in SUBJ_DEPS]
            # "told the EU it must take back its fighters": "it" is the EU (_subject_sources), not Trump
            if subj and subj[0].lower_ in _PRONOUNS and tok.dep_ in ("ccomp", "xcomp", "advcl", "conj") \
                    and not told_to_act(tok.head, tok) and not _disagrees(subj[0], tok.head, ctx) \
                    and ctx.fire("source.pronoun-stands-for-the-governing-subject"):
                tok = tok.head  # "Ethiopia indicated it would act": the pronoun stands for the governing subject
                direct = False
                continue
            if subj:
                return self._subject_sources(subj, tok, match, ctx, direct)
            passive = self._subjectless(verb, tok, match, ctx, (direct, came_from))
            if passive is not None:
                return passive
            controller = gerund_controller(tok) if ctx.matched("source.by-gerund-inherits-the-subject", tok) else None
            if controller == "subject" and ctx.fire("source.by-gerund-inherits-the-subject"):
                tok = tok.head.head  # "responded by threatening ..."
                came_from = "pcomp"
                direct = False
                continue
            controlled = self._controller(tok, ctx, gerund=controller == "object")
            if controlled is not None:
                return controlled
            # "killed in the attack, the most deadly to target US forces": the attack targets them, the victims do not
            if tok.dep_ in _INHERIT and tok.head.i != tok.i and not _elided_doer(tok, ctx) \
                    and ctx.fire("source.inherited-from-the-governing-clause"):
                came_from = tok.dep_
                tok = tok.head
                direct = False
                continue
            break
        return []

    def _one_told(self, clause: Token, ctx: DocContext) -> list[ActorRef] | None:
        """The one told, when ``clause`` says what the pronoun subject must or should do and is told to them ("Trump
        told the EU it must take back its fighters", "Merkel told Erdogan that he should withdraw"): the pronoun
        stands for the addressee, not for the speaker (code.telling-someone-they-must-act-is-a-demand)."""
        verb = clause.head
        if not told_to_act(verb, clause):
            return None
        told = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        found = [replace(a, direct=False) for a in self._actors(told[0], ctx, direct=False)]
        return found if found and ctx.fire(TOLD_SOURCE) else None

    @staticmethod
    def _source_clause(verb: Token, match: PatternMatch, ctx: DocContext) -> Token:
        """The clause whose subject is the source: the verb's own, or the governing clause's when a "+" before the
        verb makes the verb's subject the target ("Falastur noted that Cirith Ungol regretted ..." with
        "NOTED + * [115]")."""
        if match.target_after is not None and match.target_after < verb.i and verb.dep_ in (*_INHERIT, "ccomp"):
            subj = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
            if subj and subj[0].i > match.target_after and ctx.fire("source.governing-subject-when-plus-before-verb"):
                return verb.head
        return verb

    def _subject_sources(self, subj: Sequence[Token], tok: Token, match: PatternMatch, ctx: DocContext,
                         direct: bool) -> list[ActorRef]:
        """Sources from the clause's subject. A misparse can give two subjects ("Old foes Gondor and Osgiliath"):
        the first coded one."""
        told = self._one_told(tok, ctx) if tok.dep_ == "ccomp" else None
        if told is not None:
            return told
        # the place of an act of force stands for its unknown perpetrators ("a roadside bombing near Samarra
        # killed ...": IRQ, as CAMEO coders do); the place of talks or a vote is no party to them
        placed = match.code[:2] not in FORCE_ROOTS
        if subj[0].lemma_.lower() in _NATURAL_FORCES and ctx.fire("source.natural-force-is-no-actor"):
            # "an earthquake on Java killed eight", "floods destroyed homes": nobody did it; the place in the
            # phrase is where it struck, not a perpetrator, and with no actor the act is not coded
            return []
        if _accidental(subj[0]) and ctx.fire("source.accident-is-no-actor"):
            return []  # "a boiler explosion injured 30 workers", "a fire at a hospital in Baghdad killed 82"
        if _quality(subj[0]) and ctx.fire(QUALITY):
            # "Obama's hesitation gave Putin an opening", "the US presence has reassured allies": a state or feeling
            # of a party does nothing; the verb is figurative, and its owner is no doer of it
            return []
        for s in subj:
            if direct and _relative_speaker(s, tok, match.code) \
                    and ctx.fire("source.relative-pronoun-of-a-verbal-act-is-its-noun"):
                found = self._actors(tok.head, ctx, direct=False)  # "the politician who criticised the president"
            elif placed and s.lemma_.lower() in _EVENT_HEADS and ctx.fire("source.event-subject-is-not-its-place"):
                found = self._event_subject(s, ctx)
            else:
                found = self._unstruck(s, self._actors(s, ctx, direct=direct), ctx)
            if found:
                return found
        owned = self._owned_role(subj[0], tok, ctx)
        return [owned] if owned is not None else self._deep_subject(subj[0], ctx, skip_places=placed)

    def _subjectless(self, verb: Token, tok: Token, match: PatternMatch, ctx: DocContext,
                     how: tuple[bool, str]) -> list[ActorRef] | None:
        """Sources of a clause without an active subject (passives, participles, relative clauses), or None to
        look further up."""
        direct, came_from = how
        passive_agent = [c for c in tok.children if c.dep_ == "agent"] or _shared_agent(tok, ctx)
        patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        # "X has been indicted by Y and will resign", "X was forced by Y to quit": a verb coordinated with a
        # passive or controlled by it shares its grammatical subject, the patient, not the agent; a bare participle
        # coordinated with it ("journalists were blocked or harassed", "were released and taken to ...") is the
        # same passive, whose subject undergoes it and whose agent, if any, does it
        passive_conjunct = came_from in ("conj", "advcl", "xcomp") and bare_participle(verb, tok)
        shares_subject = came_from in ("conj", "xcomp") and not passive_conjunct
        if passive_agent and not (patient is not None and shares_subject
                                  and ctx.fire("source.coordinated-passive-shares-its-patient")):
            if self._no_agent(passive_agent[0], ctx):
                return []  # "three people were killed by lightning in Bihar": nobody did it
            return self._deep(passive_agent[0], ctx)
        if patient is not None:
            # "Gollum was seen to break ...": the passive subject does the embedded action;
            # "troops are deployed": the passive subject mobilises
            if (not direct or match.code[:2] == "15") and not passive_conjunct \
                    and ctx.fire("source.passive-subject-acts"):
                return self._actors(patient, ctx, direct=False)
            return self._instrument(tok, ctx) or self._passive_prep(tok, ctx)
        if direct and fronted_participle(tok) and ctx.fire("source.fronted-participle-is-passive"):
            return []  # "Challenged on the remark, he denied ...": he was challenged, by someone unnamed
        if ctx.matched("source.passive-infinitive-keeps-its-governor-out", tok) \
                and ctx.fire("source.passive-infinitive-keeps-its-governor-out"):
            # "X called on Y to be allowed to leave": whoever governs a passive infinitive is its patient,
            # not the one who allows; without a "by" agent or an instrument the doer is unknown
            return self._instrument(tok, ctx)
        if tok.i == verb.i and own_passive(tok) and match.code[:2] != "15" \
                and ctx.fire("source.passive-clause-inherits-no-doer"):
            # "Pompeo is seen as a hawk and has been criticised", "pleaded guilty and was jailed", "the twelfth
            # man to be arrested": a passive without a subject of its own shares its patient with the clause or
            # noun it hangs on; no one there did the act, and only a "by" agent or an instrument says who did
            return self._instrument(tok, ctx)
        if tok.i == verb.i and reduced_passive(tok) and ctx.fire("source.participle-noun-is-the-patient"):
            # "a soldier arrested in Turkey", "militants killed in the strike": the noun is the patient (a clause
            # climbed into is taken as active: "youths resorted to throwing stones" is often parsed so)
            return self._instrument(tok, ctx)
        if ctx.matched("source.noun-of-a-relative-clause", tok) and ctx.fire("source.noun-of-a-relative-clause"):
            return self._actors(tok.head, ctx, direct=False)
        return None

    @staticmethod
    def _no_agent(agent: Token, ctx: DocContext) -> bool:
        """A passive's "by" agent that is a natural force or an accident names no actor, as the same noun as
        subject does ("homes destroyed by floods", "a gym demolished by a fertiliser plant explosion")."""
        head = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if head is None:
            return False
        if head.lemma_.lower() in _NATURAL_FORCES and ctx.fire("source.natural-force-is-no-actor"):
            return True
        if _quality(head) and ctx.fire(QUALITY):
            return True  # "the row was sparked by Turkey's reluctance to act"
        return _accidental(head) and ctx.fire("source.accident-is-no-actor")

    def _controller(self, tok: Token, ctx: DocContext, *, gerund: bool = False) -> list[ActorRef] | None:
        """Object control: in "urged Eriador to respond" the one who responds is the object; so is the one who
        does what a gerund after the verb's preposition names ("accused Eriador of aiding", ``gerund``)."""
        if gerund and ctx.fire("source.object-control"):
            obj = next(c for c in tok.head.head.children if c.dep_ in ("dobj", "obj"))
            return self._actors(obj, ctx, direct=False)
        if ctx.matched("source.object-control", tok) and ctx.fire("source.object-control"):
            obj = next(c for c in tok.head.children if c.dep_ in ("dobj", "obj"))
            return self._actors(obj, ctx, direct=False)
        return None

    def _passive_prep(self, verb: Token, ctx: DocContext) -> list[ActorRef]:
        """UD-PETRARCH's convention for a passive without a "by" agent: the actor of a prepositional phrase of the
        verb is the source ("was criticized over its dispute with Eriador", "was shot dead in Osgiliath")."""
        if not self.ud_petrarch:
            return []
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ != "by":
                found = self._deep(prep, ctx)
                if found and ctx.fire("source.ud-passive-prepositional-actor"):
                    return found
        return []

    def _owned_role(self, subj: Token, verb: Token, ctx: DocContext) -> ActorRef | None:
        """"Iran said its forces would respond": a role owned by a pronoun belongs to the subject of the clause that
        embeds this one, when that subject is a coded country (IRN + MIL)."""
        if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in subj.children):
            return None
        gov = verb
        while gov.dep_ in ("ccomp", "xcomp", "conj", "advcl") and gov.head.i != gov.i:
            gov = gov.head
            owner = next((c for c in gov.children if c.dep_ in SUBJ_DEPS), None)
            if owner is None:
                continue
            refs = self._actors(owner, ctx, direct=False)
            country = split_code(refs[0].code)[0] if refs else None
            if country is None:
                return None
            toks = phrase_tokens(subj)
            role = self.actors.code_tokens(toks, ctx.day, subj, ctx.fire)[0]
            if not role or not role.startswith("---") or not ctx.fire("source.role-owned-by-a-pronoun"):
                return None
            return ActorRef(toks[0].i, toks[-1].i + 1, subj.i, country + role[3:], refs[0].name, False)
        return None

    def _deep_subject(self, subj: Token, ctx: DocContext, *, skip_places: bool = False) -> list[ActorRef]:
        """An uncoded subject such as "a US drone strike" or "the ambassadors of Arnor": an actor inside it (with
        ``skip_places``, not the place of an event: "talks in Geneva")."""
        places = {t.i for p in subj.subtree if skip_places and _place_of_event(p) for t in p.subtree}
        if places and not ctx.fire("source.place-of-an-event-is-no-party"):
            places = set()
        found = self._deep(subj, ctx, places)
        struck = {t.i for p in subj.subtree if _struck_by_event(p) for t in p.subtree}
        if any(a.head in struck for a in found) and ctx.fire(STRUCK_NO_DOER):
            # "airstrikes on Khan Sheikhoun killed 13 civilians": the town struck did not kill them
            found = self._deep(subj, ctx, places | struck)
        return [replace(a, direct=False) for a in found]

    def _unstruck(self, subj: Token, found: list[ActorRef], ctx: DocContext) -> list[ActorRef]:
        """``found`` for the subject ``subj``, unless it is the one the subject's act noun is done to ("airstrikes
        against the rebel-held eastern Ghouta district have killed dozens"): then the actor the subject's own words
        name ("Israeli strikes on Gaza": Israel), or none (the later searches skip the phrase too)."""
        struck = {t.i for p in subj.subtree if _struck_by_event(p) for t in p.subtree}
        if not any(a.head in struck for a in found) or not ctx.fire(STRUCK_NO_DOER):
            return found
        toks = [t for t in phrase_tokens(subj) if t.i not in struck] or [subj]
        code, name = self.actors.code_tokens(toks, ctx.day, subj, ctx.fire)
        return [ActorRef(toks[0].i, toks[-1].i + 1, subj.i, code, name, False)] if code else []

    def _event_subject(self, head: Token, ctx: DocContext) -> list[ActorRef]:
        """An event as the subject ("talks in Geneva collapsed", "US airstrikes killed ..."): its actor is named by
        a modifier or possessor, not by the place where it happens."""
        toks = [t for t in phrase_tokens(head) if not _in_place_of_event(t, head)] or [head]
        code, name = self.actors.code_tokens(toks, ctx.day, head, ctx.fire)
        return [ActorRef(toks[0].i, toks[-1].i + 1, head.i, code, name, False)] if code else []

    def _instrument_actor(self, noun: Token, ctx: DocContext) -> list[ActorRef]:
        """The actor an instrument of force names by its own words, without the place phrase attached to it: its
        modifier or possessor ("a Taliban ambush in Helmand": the Taliban; "a bomb attack in Kabul": none).
        The noun itself is no actor, so a name modifying it is not a mere description of it, as "a Syria policy"
        would be."""
        toks = [t for t in phrase_tokens(noun) if not _in_place_of_event(t, noun)] or [noun]
        code, name = self.actors.code_tokens(toks, ctx.day, None, ctx.fire)
        return [ActorRef(toks[0].i, toks[-1].i + 1, noun.i, code, name, False)] if code else []

    def _instrument(self, verb: Token, ctx: DocContext) -> list[ActorRef]:
        """Passive without "by": "was killed in a US drone strike" -> the actor in the instrument phrase; "was also
        killed in the attack" -> whoever carried out the attack the article reported before (``attackers``); "were
        killed when US forces carried out air strikes" -> the subject of the clause of force (``force_clauses``)."""
        return self._instrument_phrase(verb, ctx) or self._force_clause_doer(verb, ctx)

    def _force_clause_doer(self, verb: Token, ctx: DocContext) -> list[ActorRef]:
        placer = planted_device_agent(verb)
        placed = self._actors(placer, ctx, direct=False) if placer is not None else []
        if placed and ctx.fire(PLANTED_DEVICE):
            return placed  # "killed after the vehicle hit a ground mine laid by the rebels": not the vehicle
        doer = force_clause_subject(verb)
        found = self._actors(doer, ctx, direct=False) if doer is not None else []
        return found if found and ctx.fire(FORCE_CLAUSE) else []

    def _instrument_phrase(self, verb: Token, ctx: DocContext) -> list[ActorRef]:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "by", "during", "after"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in _INSTRUMENTS:
                        found = self._instrument_doer(pobj, ctx)
                        if found:
                            return found
        return []

    def _instrument_doer(self, pobj: Token, ctx: DocContext) -> list[ActorRef]:
        found = self._actors(pobj, ctx, direct=False)
        if not any(split_code(a.code)[0] for a in found):
            # "killed in a raid by US special forces", "in an attack claimed by the Taliban": the noun's agent
            agent = instrument_agent(pobj)
            named = self._actors(agent, ctx, direct=False) if agent is not None else []
            if named and ctx.fire(INSTRUMENT_AGENT):
                return named
        if found and any(_in_place_of_event(t, pobj) for t in pobj.subtree):
            # "killed in a Taliban ambush in Helmand": the Taliban, not Afghanistan as a whole
            own = self._instrument_actor(pobj, ctx)
            if own and [a.code for a in own] != [a.code for a in found] \
                    and ctx.fire("source.instrument-names-its-actor-before-its-place"):
                found = own
            elif not own and ctx.fire(PLACE_NO_DOER):
                found = []  # "killed in a grenade explosion in western Ukraine": where, not by whom
        if found and ctx.fire("source.actor-of-the-instrument"):
            return found
        if ctx.attackers and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in pobj.children) \
                and ctx.fire("source.the-attack-refers-to-the-last-attacker"):
            # a definite "the attack" without an actor refers back to the last one reported
            return [replace(a, direct=False) for a in ctx.attackers]
        return []

    def _after(self, verb: Token, after: int, ctx: DocContext,
               beyond: Callable[[Token], str | None] | None = None) -> list[ActorRef]:
        """The first actor whose phrase starts after token ``after`` in the verb's clause; with ``beyond``, not one
        whose head it gives a rule for (out of the finder's reach, that rule firing)."""
        seen: set[int] = set()
        for tok in ctx.clause(verb):
            if tok.i > after and tok.pos_ in NOUN_HEAD:
                head = np_head(tok)
                if head.i in seen or head.i <= after:
                    continue
                seen.add(head.i)
                found = self._actors(head, ctx, direct=False)
                if found and _compared(head) and ctx.fire(COMPARED):
                    continue  # "accused the prime minister of behaving like schoolboys": no party of the act
                if found and beyond is not None and (rule := beyond(head)) is not None and ctx.fire(rule):
                    continue
                if found:
                    return found
        return []


SUBJ_DEPS = ("nsubj", "csubj")
COMPARED = "target.comparison-of-manner-names-no-party"


def _compared(head: Token) -> bool:
    """``head`` is the object of "like"/"unlike" hanging on a verb, a comparison of the manner of an act ("behaving
    like schoolboys", "treated them like criminals"): whoever it names takes no part in the act. "Like" on a noun
    gives examples of it ("countries like Jordan, Lebanon and Turkey") and names parties."""
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ in ("like", "unlike") and prep.head.pos_ in ("VERB", "AUX")

_OBJECT_DEPS = ("dobj", "obj", "pobj", "dative")


_INHERIT = ("xcomp", "conj", "advcl", "pcomp", "acomp")
# Nominal event triggers -> verb lemma whose dictionary entry codes them.
NOMINAL = codes("event_nouns", "nominal")


_PRONOUNS = words("function_words", "pronoun")
# a person's pronoun cannot stand for a body or a thing, nor "it" for a person
_PERSONAL = frozenset({"he", "she"})
# heads of a body's name ("the group", "the ministry", "the government"): not a person a "he" or "she" stands for
_BODY_HEADS = words("title_words", "org-head")
_BODY_ENTITIES = frozenset({"GPE", "ORG", "NORP", "FAC"})
DISAGREES = "source.pronoun-of-another-kind-is-no-governing-subject"
PLACE_NO_DOER = "source.place-of-the-instrument-is-no-doer"


def _disagrees(pronoun: Token, governing: Token, ctx: DocContext) -> bool:
    """The pronoun cannot stand for the governing clause's subject: "he"/"she" for "it" or a named body ("It said
    she was not expressing political opinions", "Downing Street said she was speaking as a lawyer": she is Cherie
    Blair), "it" for "he"/"she" or a named person, or "they" for one person; the pronoun then resolves as a subject
    of its own."""
    above = _subject_of(governing)
    if above is None:
        return False
    word = pronoun.lower_
    if word in _PERSONAL:
        # a common noun heading a body is no "he" either: "Trump said the terrorist group had been defeated and
        # announced he was withdrawing American forces" (the parse joins "announced" to the group's clause)
        other = above.lower_ == "it" or (above.pos_ == "PROPN" and above.ent_type_ in _BODY_ENTITIES) or (
            above.pos_ == "NOUN" and above.lemma_.lower() in _BODY_HEADS) or not _same_gender(pronoun, above)
    elif word == "it":
        other = above.lower_ in _PERSONAL or (above.pos_ == "PROPN" and above.ent_type_ == "PERSON")
    elif word == "they":
        # "Crocker figured that they would be willing to work with the U.S.": they are the Iranians of the
        # sentence before, not the one man named (a person's name not coordinated, "he", "she")
        other = above.lower_ in _PERSONAL or (above.pos_ == "PROPN" and above.ent_type_ == "PERSON"
                                              and above.tag_ == "NNP" and not above.conjuncts)
    else:
        return False
    return other and ctx.fire(DISAGREES)


def _same_gender(pronoun: Token, above: Token) -> bool:
    """"He"/"she" may stand for the subject ``above`` by gender: not "she" for "he" or for a person the article gives
    as a man ("Mr Blair said she would stand down", "Lord Woolf said she ..."), nor "he" for "she" or a woman
    (``gender.agrees``)."""
    if above.pos_ == "PRON":
        return agrees(pronoun, pronoun_gender(above))
    if above.pos_ != "PROPN":
        return True
    words = [t.lower_ for t in above.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [above.lower_]
    return agrees(pronoun, person_gender(above.doc, words))


def _subject_of(governing: Token) -> Token | None:
    """The subject of ``governing``'s clause, also when it shares it with the verb it is coordinated with ("said
    ... and announced he was withdrawing": the subject of "said"), as the source search would find it."""
    for _ in range(4):
        above = next((c for c in governing.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if above is not None or governing.dep_ != "conj" or governing.head.i == governing.i:
            return above
        governing = governing.head
    return None


_QUESTION_VERBS = words("senses", "question-verb")
_FACING_VERBS = words("senses", "facing")
_RELATIVE = words("function_words", "relative")
# roots of verbal acts, reported as done by a relative clause as by a main clause (source.relative-pronoun-of-a-
# verbal-act-is-its-noun): make a statement, appeal, demand, disapprove, reject
VERBAL_ROOTS = frozenset({"01", "02", "10", "11", "12"})
_VERBAL_ACTS = words("verb_classes", "verbal-act")
# prepositions of a verb's argument, after which a gerund is done by the verb's object ("accused X of aiding")
_OBJECT_PREPS = words("function_words", "object-preposition")
_DEFINITE = words("function_words", "definite")
_PLACE_NOUNS = words("place_words", "place-noun")
# nouns of events and their instruments, whose place is not their actor
_EVENT_HEADS = frozenset({*NOMINAL, *EVENT_NOUNS, *ACT_NOUNS, *words("event_nouns", "event-head")})


_INSTRUMENTS = words("event_nouns", "instrument")
# nouns of a state, feeling, attitude or standing of a party (presence, hesitation, reluctance ...)
_QUALITY_NOUNS = words("senses", "quality-noun")
QUALITY = "source.quality-of-a-party-is-no-doer"
_NATURAL_FORCES = words("natural_forces", "natural-force")
_ACCIDENT_NOUNS = words("natural_forces", "accident-noun")
_ACCIDENT_SOURCES = words("natural_forces", "accident-source")


def _relative_speaker(subj: Token, verb: Token, code: str) -> bool:
    """``subj`` is the relative pronoun subject of an active relative clause whose verb is a verb of saying
    something to or about a party (``_VERBAL_ACTS``: accuse, condemn, criticise, call, urge, demand, reject ...)
    coded as a verbal act (``VERBAL_ROOTS``) and done in the past, the perfect or the progressive: "a war
    veteran-turned-politician who criticized the country's president", "Donald Trump, who has called for the US to
    stay out of Syria". A speech act is an event in time, not a standing role of the noun; other verbs the
    dictionary codes in those roots describe one ("the PKK, which has fought the Turkish state", "forces who had
    allied against Isis", "Turkey, which has long viewed the organisation as a terrorist group", "an operation
    that involved the Turkish army") and stay uncoded, and so does a present simple ("a group which calls for
    independence": a standing position)."""
    if verb.dep_ != "relcl" or subj.lower_ not in _RELATIVE or code[:2] not in VERBAL_ROOTS \
            or verb.head.pos_ not in NOUN_HEAD or verb.lemma_.lower() not in _VERBAL_ACTS:
        return False
    aux = {c.lemma_.lower() for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and "have" in aux) or (verb.tag_ == "VBG" and "be" in aux)


def reduced_passive(verb: Token) -> bool:
    """A past participle modifying a noun ("a soldier arrested in Turkey"): the noun undergoes the act; also one
    the tagger took for a past tense after an object ("four smugglers intercepted for smuggling hashish",
    "released a pastor detained for two years"): a clause of an object with no subject, relative word or object
    of its own cannot be finite. Not when the participle has an object or is coordinated with a past tense
    ("groups donated and delivered goods": a misparsed active verb), nor a past tense after a noun left without a
    verb or set beside another ("the resolution, which was approved on Saturday, called for a ceasefire",
    "Iranian-backed militias mobilised to the south": the noun is its subject)."""
    if verb.dep_ != "acl" or verb.head.pos_ not in NOUN_HEAD or any(
            c.dep_ in ("dobj", "obj", *SUBJ_DEPS) or (c.dep_ == "conj" and c.tag_ == "VBD") for c in verb.children):
        return False
    return verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.head.dep_ in _OBJECT_DEPS)


def _elided_doer(tok: Token, ctx: DocContext) -> bool:
    """``tok`` is the infinitive of an adjective that stands for an elided noun (``elided_noun``): its doer is that
    noun, and it inherits no source from the clause."""
    return tok.dep_ == "xcomp" and elided_noun(tok.head) and ctx.fire(ELIDED)


def elided_noun(adj: Token) -> bool:
    """``adj`` is an adjective with a determiner of its own set beside a noun of its clause ("16 people were killed
    in the attack, the most deadly to target American forces", "died in the blast, the deadliest to strike the
    city"): a noun phrase whose noun is left out, the noun it is set beside. The doer of its infinitive is that
    noun (the attack, the blast), not the clause's subject. Not a predicate ("Sweden was the first to recognise
    Palestine": the subject is the one who recognised)."""
    return adj.pos_ == "ADJ" and adj.dep_ in ("advcl", "appos", "npadvmod") \
        and any(c.dep_ == "det" for c in adj.children)


def own_passive(verb: Token) -> bool:
    """``verb`` is a passive with its own auxiliary ("has been criticised", "was jailed", "to be arrested") but
    no subject or "by" agent of its own, in a clause that takes its subject from another: coordinated,
    adverbial, relative or participial. Whatever it would inherit is the one it is done to, or, with an object
    ("having been promised support"), the one it is given to."""
    return verb.dep_ in _PASSIVE_INHERITORS and any(c.dep_ == "auxpass" for c in verb.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj", "agent") for c in verb.children)


# relations of a clause that has no subject of its own and takes one from the clause or noun it hangs on
_PASSIVE_INHERITORS = frozenset({"conj", "advcl", "relcl", "acl", "pcomp"})


def bare_participle(verb: Token, passive: Token) -> bool:
    """``verb`` is a past participle coordinated with the passive ``passive``, an adverbial clause of it or its
    complement, with no auxiliary, subject or object of its own: the same passive ("were blocked or harassed", "five
    were killed, 20 injured"), or a passive said of the subject ("was reported killed", "were feared kidnapped":
    they were killed, they killed no one), not an active verb sharing the passive's subject ("was arrested and has
    resigned", "were deployed and opened fire") nor an infinitive ("was seen to break": he broke)."""
    return verb.tag_ == "VBN" and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i == passive.i and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj", "obj") for c in verb.children)


def _shared_agent(passive: Token, ctx: DocContext) -> list[Token]:
    """The "by" agent of the last of the bare participles coordinated with ``passive`` ("were detained and forcibly
    disappeared by Isis", "was arrested and charged by police", "were beaten, robbed and abandoned by smugglers"):
    the phrase ends the coordination and is the doer of each participle in it, as "[arrested and charged] by
    police"; a conjunct with an auxiliary, subject or object of its own is another clause and shares nothing."""
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in passive.children):
        return []
    conjuncts = [c for c in passive.children if c.dep_ == "conj" and bare_participle(c, passive)]
    agents = [a for c in conjuncts[-1:] for a in c.children if a.dep_ == "agent"]
    if agents and ctx.fire("source.coordinated-passives-share-their-agent"):
        return agents
    return []


def fronted_participle(verb: Token) -> bool:
    """A past participle opening its sentence as an adverbial clause of the main verb, with no subject or auxiliary
    of its own ("Challenged on the remark, he denied ...", "Asked the reason for the sale, Evans said ...", "But
    criticised by his party, the minister resigned"; the parser may tag it as a past tense): passive in meaning,
    its patient is the main clause's subject, not its doer. Not a gerund ("Pointing to Germany's trade
    interests, Mr Nattrass said": he points) nor an absolute clause with a subject of its own."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBN", "VBD") or verb.i > verb.head.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "csubj", "expl") for c in verb.children):
        return False
    if verb.lemma_.lower() in _QUESTION_VERBS or verb.lemma_.lower() in _FACING_VERBS:
        return False  # "Asked about the row", "Faced with restrictions": code.question-is-no-appeal and
        # code.facing-is-no-meeting decide
    # nothing but a conjunction or an adverb before it ("But challenged ...", "Later asked ...")
    return all(t.pos_ in ("CCONJ", "ADV", "PUNCT") for t in verb.doc[verb.sent.start : verb.i]) and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i for c in verb.head.children)


def gerund_controller(gerund: Token) -> str | None:
    """Who does what a gerund after a preposition of a verb names (English control): the verb's "subject" for an
    adverbial phrase ("responded by threatening", "cooperate despite backing rival sides"), the verb's "object" for
    a preposition of the verb's argument when the verb has an object ("accused Turkey of provoking", "barred girls
    from attending", "charged him with smuggling"), or None: a passive gerund's subject undergoes it ("thanked his
    supporters after being freed"), and a gerund that is a passive's "by" agent names the doer's act, not an act of
    the passive's subject ("were displaced by fighting between the army and rebels")."""
    prep, verb = gerund.head, gerund.head.head
    if any(c.dep_ == "auxpass" for c in gerund.children):
        return None
    if prep.lower_ == "by" and (prep.dep_ == "agent" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)):
        return None
    if prep.lower_ in _OBJECT_PREPS and any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return "object"
    return "subject"


def _place_of_event(tok: Token) -> bool:
    """``tok`` opens the place phrase of an event noun: "talks in Geneva", "a bombing at a market in X" (not "a
    hunger strike in protest of X")."""
    if tok.dep_ != "prep" or tok.lower_ not in PLACE_PREPS or tok.head.lemma_.lower() not in _EVENT_HEADS:
        return False
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    return pobj is not None and (pobj.pos_ == "PROPN" or pobj.lemma_.lower() in _PLACE_NOUNS)


def _struck_by_event(tok: Token) -> bool:
    """``tok`` opens the target phrase of a noun of an act ("airstrikes on Khan Sheikhoun", "rocket attacks on the
    US embassy", "an attack against a Turkish convoy", "sanctions on Iran"): whoever or wherever it names is the one
    the noun's act is done to, not the doer of the clause the noun is the subject of. (A place the act happened in
    stands for unknown perpetrators by CAMEO's convention, "a roadside bombing near Samarra killed": not this.)"""
    if tok.dep_ != "prep" or tok.lower_ not in _STRUCK_PREPS \
            or not (tok.head.pos_ == "NOUN" or tok.head.dep_ in ("nsubj", "nsubjpass")):
        return False  # (a subject the tagger calls a verb is a noun: "airstrikes against X have killed dozens")
    # the parser may hang the phrase on a word of quantity before the act ("two waves of airstrikes on Aleppo",
    # "a series of attacks on Kabul"): the act is that word's "of" noun
    acts = [tok.head, *(g for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj")]
    return any(a.lemma_.lower() in _EVENT_HEADS for a in acts)


# prepositions of the target of a noun of an act ("attacks on X", "strikes against X")
_STRUCK_PREPS = frozenset({"on", "against", "upon"})
STRUCK_NO_DOER = "source.target-of-a-subject-noun-is-no-doer"


def _in_place_of_event(tok: Token, head: Token) -> bool:
    """``tok`` belongs to the place phrase of the event noun ``head``."""
    while tok.i != head.i and tok.head.i != tok.i:
        if _place_of_event(tok):
            return True
        tok = tok.head
    return False


def _quality(head: Token) -> bool:
    """A common noun of a state, feeling, attitude or standing of a party ("the US presence", "Obama's
    hesitation", "the Turkish preoccupation with the Kurds"): no actor that could do an act, even
    when a party owns it."""
    return head.pos_ == "NOUN" and head.lemma_.lower() in _QUALITY_NOUNS


def _accidental(head: Token) -> bool:
    """An accident noun that names an accident, not an attack: with an accident source among its modifiers or the
    facility where it happened ("a boiler explosion", "a blast at a chemical plant"), or "a fire" with no modifier
    at all ("Israeli fire", "fire from tanks" is gunfire; "a bomb blast in Kabul" keeps its place)."""
    lemma = head.lemma_.lower()
    if lemma not in _ACCIDENT_NOUNS:
        return False
    places = [p for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("at", "in", "inside")
              for p in prep.children if p.dep_ == "pobj"]
    mods = [c for h in (head, *places) for c in h.children if c.dep_ in ("compound", "amod")]
    if any(t.lemma_.lower() in _ACCIDENT_SOURCES for t in (*mods, *places)):
        return True
    return lemma == "fire" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children) \
        and not any(c.dep_ in ("amod", "compound", "poss", "nmod", "nummod") for c in head.children)


VISITING = "source.visiting-noun-is-the-visitor"
# verbs whose object may be a visitor ("met visiting Chinese President Xi"): none takes a gerund complement, so a
# "visiting" right after one with no object of its own is the object's attribute, not an act of the subject
_RECEIVING_VISITORS = words("verb_classes", "visitor-host")


def attributive_visitor(verb: Token) -> bool:
    """``verb`` is "visiting" read by the parser as the complement of the verb just before it, which receives
    visitors and has no object of its own ("Blinken assured visiting Australian Foreign Minister Marise Payne",
    "Putin met visiting Chinese President Xi Jinping"): "visiting" is an attributive participle of that object,
    who is the visitor and whom the verb's subject hosts (``source.visiting-noun-is-the-visitor``). "Blair enjoyed
    visiting Israel" (enjoy takes a gerund) and "Mr Brown is visiting Tanzania" are visits of the subject."""
    head = verb.head
    return verb.lower_ == "visiting" and verb.dep_ in ("xcomp", "advcl", "ccomp") and head.i == verb.i - 1 \
        and head.lemma_.lower() in _RECEIVING_VISITORS \
        and not any(c.dep_ in ("dobj", "obj", "dative") for c in head.children) \
        and any(c.dep_ in ("dobj", "obj") and c.pos_ in ("PROPN", "NOUN") for c in verb.children)

