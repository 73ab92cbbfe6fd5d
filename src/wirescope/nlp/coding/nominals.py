"""Event nouns as triggers ("US sanctions on Iran", "Pakistan's allegations against Kabul", "a visit by Starmer to
the White House"): which nouns are events, the code each takes, and which of the noun's dependents name its doer
and its target.

A noun's arguments are not a verb's: there is no subject or object, only a possessor or modifier ("Israel's
attack", "US sanctions"), a ``by`` agent, and prepositional phrases whose meaning depends on the noun. For most
event nouns the ``of``/``on``/``against`` phrase is the one acted on ("the invasion of Ukraine", "sanctions on
Iran", "an attack against the base"), but for speech acts the ``of`` phrase is their content ("threats of
sanctions", "a demand of payment") and the addressee comes with ``to`` ("a warning to Iran"), and for moves it is
the destination ("a visit to Riyadh"). Those nouns list their target prepositions (``lexicons/event_nouns.tsv``,
nominal-target). For nouns of acts done to a person (arrest, killing, release) the possessor is the one the act is
done to ("his arrest", "the girls' release") unless an ``of`` phrase names that one ("the army's killing of
protesters"): nominal-patient.

The code of a nominal trigger is its verb's dictionary entry (the nominal class's code column names the verb:
"assassination" -> ASSASSINATE), or, for a noun without a verb of its own sense in the dictionary ("tariff",
"crackdown"), a CAMEO code given directly.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol, TypeVar

from .actor_fallbacks import FOLDS, capitals, country_names
from .lexicon import FORCE_ROOTS
from .lexicons import codes, words
from .patterns import PatternMatch
from .phrase_actors import ActorRef
from .state_roles import SPORT_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .actors import ActorCoder
    from .context import DocContext

__all__ = ["CONSULT_NOUNS", "ENACTED", "FIGHTING", "FIGHTING_NOUNS", "NOMINAL", "NounArgumentFinder",
           "aimed_at_people", "consultation_code", "consultation_parties", "enacted_measure", "fighting_code",
           "future_measure", "nominal_arguments", "nominal_code", "restated"]

# event noun -> the verb whose dictionary entry codes it, or a CAMEO code (lexicons/event_nouns.tsv, nominal)
NOMINAL = codes("event_nouns", "nominal")
# event noun -> the prepositions ("to+against") whose object is its target, instead of of/on/against
_TARGET_PREPS = {w: frozenset(p.split("+")) for w, p in codes("event_nouns", "nominal-target").items()}
_DEFAULT_PREPS = frozenset({"of", "on", "against"})
# event nouns whose possessor undergoes the act ("his arrest"), unless "of" names who does
_PATIENT_POSSESSOR = words("event_nouns", "nominal-patient")
_MODIFIERS = ("poss", "compound", "amod")
# accusation nouns and the verbs by which their subject rejects them: "India rejected the allegations made by
# Pakistan" is an accusation against India (lexicons/event_nouns.tsv, accusation, accusation-rejecter)
_ACCUSATIONS = words("event_nouns", "accusation")
_REJECTERS = words("event_nouns", "accusation-rejecter")
REJECTED = "target.rejected-accusation-is-against-the-rejecter"
# participles whose "by" agent is the doer of the event noun they modify ("the allegations made by Pakistan")
_AGENT_PARTICIPLES = words("event_nouns", "agent-participle")
# prepositions of the place a force noun is done in ("Israeli airstrikes in Gaza"): for force, as for a verb of force
# ("target.place-only-for-place-acts"), the place is what the act is done to
_PLACE_PREPS = frozenset({"in", "inside", "across"})
PLACE = "target.force-noun-acts-on-its-place"
# what says a noun's act has not (yet) happened: "potential attacks", "a decision on strikes" (event_nouns.tsv)
_UNREALISED = words("event_nouns", "unrealised-modifier")
_UNREALISING_HEADS = words("event_nouns", "unrealising-head")
# threat nouns whose "to" infinitive names the act threatened ("Trump's threat to impose tariffs on Europe")
_THREAT_NOUNS = words("event_nouns", "threatened-act")
# force nouns that are military only with a military modifier or an armed doer ("a strike in Paris" is labour)
_FORCE_IF_ARMED = words("event_nouns", "force-if-armed")
_MILITARY_MODIFIERS = words("event_nouns", "military-modifier")
_CIVIL_MODIFIERS = words("event_nouns", "civil-modifier")  # "a price war", "a trade war"
_ARMED_ROLES = ("MIL", "REB", "UAF", "INS")
THREATENED = "target.threatened-act-gives-the-threat-its-target"


class NounArgumentFinder(Protocol):
    """What ``nominal_arguments`` and ``consultation_parties`` need of the coder: the argument finder's public
    look-ups (``arguments.ArgumentFinder``), so that a noun's arguments are coded as a verb's are, and its actor
    coder (the parts of a hyphenated pair, "the Trump-Putin meeting", are coded one by one)."""

    actors: ActorCoder

    def phrase_actors(self, head: Token, ctx: DocContext, *, direct: bool) -> list[ActorRef]:
        """The actors of the noun phrase headed by ``head`` (and its conjuncts)."""
        ...

    def actors_inside(self, root: Token, ctx: DocContext) -> list[ActorRef]:
        """The first coded noun phrase(s) inside ``root``'s subtree ("ties with X")."""
        ...

    def clause_sources(self, verb: Token, match: PatternMatch, ctx: DocContext) -> list[ActorRef]:
        """The sources of ``verb``'s clause as a trigger coded by ``match`` would have them."""
        ...


# verbs of enacting and the measures they put in force (lexicons/measures.tsv)
_ENACT_VERBS = words("measures", "enact-verb")
_MEASURES = codes("measures", "measure-noun")
# measures that are one only in trade ("duties on imports"; a "duty" may be an obligation) and the words that say so
_TRADE_ONLY = words("measures", "trade-only")
_TRADE_WORDS = words("measures", "trade-word")
ENACTED = "code.enacted-measure-takes-its-noun-code"


def enacted_measure(verb: Token) -> str | None:
    """The code of the measure a verb of enacting puts in force: its object ("announced retaliatory tariffs on US
    goods", "slapped tariffs on Chinese steel") or its passive subject ("new sanctions were unveiled"); None for
    another verb or object. The measure is the event: its doer the verb's subject, its target whom it names."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _ENACT_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")] \
        or [c for c in verb.children if c.dep_ == "nsubjpass"]
    return next((_MEASURES[o.lemma_.lower()] for o in objects if _in_force(o)), None)


def _in_force(measure: Token) -> bool:
    """A measure noun a state puts in force against someone: a duty only with a trade phrase ("duties on imports",
    "customs duties"; "new duties for head teachers" are obligations); not one whose own phrase names another doer
    ("approved tariffs by the EU", "the EU's tariffs": the approval is 080, the measure the EU's own event); a ban
    or restriction only on people (``aimed_at_people``: "a ban on plastic bags" is public policy)."""
    lemma = measure.lemma_.lower()
    if lemma not in _MEASURES or not aimed_at_people(measure):
        return False
    kids = list(measure.children)
    if any((c.dep_ == "prep" and c.lower_ == "by") or (c.dep_ == "poss" and c.pos_ != "PRON") for c in kids):
        return False
    return lemma not in _TRADE_ONLY or any((c.dep_ == "prep" and c.lower_ == "on")
                                           or (c.dep_ in ("compound", "amod") and c.lemma_.lower() in _TRADE_WORDS)
                                           for c in kids)


def future_measure(verb: Token) -> bool:
    """The measure a verb enacts is dated in the future ("announced 25% tariffs on Mexican steel, to take effect next
    month", "sanctions that will come into force on Monday"): announced, not yet imposed (docs/events-gold.md
    section 8: a threat, 1312)."""
    if enacted_measure(verb) is None:
        return False
    return any((t.lemma_.lower() in ("effect", "force") and t.head.lemma_.lower() in ("take", "come", "into")
                and _future_verb(t.head if t.head.pos_ == "VERB" else t.head.head))
               or (t.lower_ == "next" and t.head.lemma_.lower() in ("week", "month", "year")) for t in verb.sent)


def _future_verb(verb: Token) -> bool:
    """ "to take effect", "will come into force": an infinitive or future verb."""
    return any(c.dep_ == "aux" and c.lower_ in ("to", "will", "shall", "'ll") for c in verb.children)


# measures that coerce only when aimed at people ("a ban on protests", not "the smoking ban"), and the words that
# name people or their political or religious life as what such a measure is on
_AIMED_MEASURES = words("measures", "aimed-measure")
_PEOPLE_OBJECTS = words("measures", "people-object")
_NAMED_PEOPLE = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def aimed_at_people(noun: Token) -> bool:
    """Whether a measure noun coerces people: a crackdown or a curfew by itself; a ban or a restriction when it is
    on (or against) people or their political or religious life ("a ban on protests", "on religious dress",
    "restrictions on Cuba") or, with no such phrase, names a ban told before ("the Taliban's ban would not stop
    her"); not when it is on an activity or goods ("Ireland's smoking ban", "a ban on plastic bags",
    "restrictions on gatherings after a Covid outbreak": public policy, no repression)."""
    if noun.lemma_.lower() not in _AIMED_MEASURES:
        return True
    objects = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
               for o in p.children if o.dep_ == "pobj"]
    if not objects:  # "the smoking ban": a compound common noun names the activity banned
        return not any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in noun.children)
    return any(o.pos_ == "PROPN" or o.ent_type_ in _NAMED_PEOPLE or o.lemma_.lower() in _PEOPLE_OBJECTS
               or any(m.dep_ in ("amod", "compound") and (m.lemma_.lower() in _PEOPLE_OBJECTS
                                                          or m.ent_type_ in _NAMED_PEOPLE) for m in o.children)
               for o in objects)


def nominal_code(noun: Token) -> str | None:
    """The CAMEO code an event noun gives directly ("tariff" -> 163), or None when a verb entry codes it (or it is
    no event noun)."""
    code = NOMINAL.get(noun.lemma_.lower())
    return code if code is not None and code.isdigit() else None


def nominal_arguments(finder: NounArgumentFinder, noun: Token, ctx: DocContext,
                      code: str = "") -> tuple[list[ActorRef], list[ActorRef]]:
    """Sources and targets of an event noun: "the assassination of X by Y", "Israel's attack on Gaza", "a US
    strike on Iraq", "Pakistan's allegations against Afghanistan", "a visit by Starmer to the White House".
    ``code`` is the noun's code as a trigger: a force noun with a doer and no target is done to the place it is
    in ("Israeli airstrikes in Gaza")."""
    lemma = noun.lemma_.lower()
    preps = _TARGET_PREPS.get(lemma, _DEFAULT_PREPS)
    # "his arrest", "the girls' release": the possessor undergoes the act, unless "of" names who does
    patient = lemma in _PATIENT_POSSESSOR and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    sources: list[ActorRef] = []
    targets: list[ActorRef] = []
    for c in noun.children:
        if c.dep_ == "poss" and patient:  # a weaker clue than an "of" phrase (as source.authorities-arrest-and-try)
            targets = targets or finder.phrase_actors(c, ctx, direct=False)
        elif c.dep_ in _MODIFIERS and not sources:
            sources = finder.phrase_actors(c, ctx, direct=True)
        # "an attack in X" names a place, not a target
        elif c.dep_ == "prep" and c.lower_ in preps and not targets:
            targets = finder.actors_inside(c, ctx)
        elif c.dep_ == "prep" and c.lower_ == "by":
            sources = finder.actors_inside(c, ctx)
        elif c.dep_ == "acl" and c.lemma_.lower() in _AGENT_PARTICIPLES and not sources:
            # "the allegations made by Pakistan", "an attack carried out by militants": the light verb's agent
            sources = [a for g in c.children if g.dep_ == "agent" for a in finder.actors_inside(g, ctx)]
    if sources and not targets:
        targets = _implicit_target(finder, noun, sources, code, ctx)
    if not sources and not targets:
        sources, targets = repeated_attack(noun, code, ctx)
    return sources, targets


REPEATED = "candidates.the-attack-repeats-the-last-attack"
# force nouns that name one act ("the attack", "the airstrike"), not a state ("the war") (event_nouns instrument)
_ATTACK_NOUNS = words("event_nouns", "instrument")
# how many sentences back the attack a definite "the attack" repeats may be told
_ATTACK_WINDOW = 4
# where a repeated attack is told as such: its clause's subject ("the attack killed", "Tuesday's attack marked an
# escalation"); "killed in the attack" is the verb's act, whose doer source.the-attack-refers-to-the-last-attacker
# finds
_REPEAT_DEPS = frozenset({"nsubj", "nsubjpass"})
# verbs that say who did an attack ("the attack was claimed by", "blamed on"): its clause names its own doer
_CLAIM_VERBS = frozenset({"claim", "blame"})


def repeated_attack(noun: Token, code: str, ctx: DocContext) -> tuple[list[ActorRef], list[ActorRef]]:
    """The parties of a definite force noun with no actor of its own phrase ("the attack", "Tuesday's attack"):
    those of the last asserted act of force between two coded parties told up to four sentences before, which it
    names again ("Israeli jets struck Hamas positions in Gaza. ... The attack followed rocket fire"; the gold codes
    a repeated mention in its own sentence). Only as the subject of its clause: not as the object of another act
    ("condemned the attack": coded once, as the outer act), after "after" or "since" (an earlier act), nor "in the
    attack", where the verb tells the act."""
    last = ctx.attack
    if last is None or code.lstrip(":")[:2] not in FORCE_ROOTS or noun.lemma_.lower() not in _ATTACK_NOUNS:
        return [], []
    told = noun.dep_ in _REPEAT_DEPS and _definite(noun) and not _earlier(noun) and not _own_doer(noun)
    sentence = next((n for n, s in enumerate(noun.doc.sents) if s.start == noun.sent.start), -1) if told else -1
    if not 0 < sentence - last[2] <= _ATTACK_WINDOW or _another_attack(noun.doc[last[3]]) or not ctx.fire(REPEATED):
        return [], []
    return [replace(last[0], direct=False)], [replace(last[1], direct=False)]


def _earlier(noun: Token) -> bool:
    """The noun's clause tells what happened since or after an act: "since the attacks began"."""
    return any(c.dep_ == "mark" and c.lower_ in ("since", "after", "before", "until") for c in noun.head.children)


def _own_doer(noun: Token) -> bool:
    """The noun's clause names who did it ("the attack was carried out by Islamic Jihad", "was claimed by the
    Houthis", "was blamed on the rebels"): that doer, not the last attacker's. The agent of another verb is not
    the doer ("the attack was condemned by the UN")."""
    verb, lemma = noun.head, noun.head.lemma_.lower()
    return lemma in _CLAIM_VERBS or (lemma in _AGENT_PARTICIPLES and any(c.dep_ == "agent" for c in verb.children))


def _another_attack(trigger: Token) -> bool:
    """The sentence of the last coded act of force names another attack, outside that act's phrase ("France
    responded to the Bouake attack by destroying Ivory Coast's air force"): "the attack" may be either."""
    inside = {t.i for t in trigger.subtree}
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in _ATTACK_NOUNS and t.i not in inside for t in trigger.sent)


def _definite(noun: Token) -> bool:
    """ "the attack", "this attack", "Tuesday's attack": a noun that names an act already known."""
    return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
               or (c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME")) for c in noun.children)


def _implicit_target(finder: NounArgumentFinder, noun: Token, sources: list[ActorRef], code: str,
                     ctx: DocContext) -> list[ActorRef]:
    """The target of an event noun with a doer and no target of its own phrase: for an accusation, the one who
    rejects it ("India rejected Pakistan's allegations"); for force done by a named doer, the place it is done in
    ("Israeli airstrikes in Gaza", "a US drone strike in Somalia"), unless the act is one not (yet) done
    ("potential military attacks in Syria", "a decision on strikes in Syria", "if Trump orders a strike in Syria")."""
    if noun.lemma_.lower() in _ACCUSATIONS:
        rejecter = _rejecter(finder, noun, ctx)
        return rejecter if rejecter and ctx.fire(REJECTED) else []
    if noun.lemma_.lower() in _THREAT_NOUNS:
        return _threatened_target(finder, noun, ctx)
    # "Rohan condemned an attack by Mordor in Arnor": an act named as another act's object is coded as that act
    # (docs/events-gold.md, section 8)
    if code.lstrip(":")[:2] not in FORCE_ROOTS or noun.dep_ in ("dobj", "obj") or _unrealised(noun) \
            or not _named_doer(noun, sources) or not _military(noun, sources):
        return []
    # a doer's force in its own country ("Nigerian army raids in Nigeria's north-east", "Turkish police raids in
    # Istanbul") is not done to that country: who it is aimed at, the place does not say
    own = {(s.code or "")[:3] for s in sources}
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
            found = [a for a in finder.actors_inside(c, ctx) if (a.code or "")[:3] not in own]
            if found and ctx.fire(PLACE):
                return [replace(a, direct=False) for a in found]
    return []


def _threatened_target(finder: NounArgumentFinder, noun: Token, ctx: DocContext) -> list[ActorRef]:
    """The target of a threat whose "to" infinitive names the act threatened: that act's ("Trump's threat to impose
    tariffs on European spirits": Europe; "China's threat to invade Taiwan": Taiwan), as for the verb ("threatened
    to invade Taiwan"). The act itself is not coded as done."""
    act = next((c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    found = finder.actors_inside(act, ctx) if act is not None else []
    return [replace(a, direct=False) for a in found] if found and ctx.fire(THREATENED) else []


def _named_doer(noun: Token, sources: list[ActorRef]) -> bool:
    """The doer is named by a country, a nationality or a proper name ("Israeli airstrikes", "Riyadh's war", "a
    US-led strike"), not by a word of kind ("terrorist attacks", "military strikes", "guerrilla war"), whose country
    the phrase does not tell."""
    doc = noun.doc
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP") or t.lower_ in _country_words()
               for s in sources for t in doc[s.start : s.end])


def _military(noun: Token, sources: list[ActorRef]) -> bool:
    """The force noun is military by itself ("airstrikes", "shelling"), by a modifier ("a drone strike", "military
    attacks") or by an armed doer ("rebel raids"); a bare "strike" or "raid" by a nation, a firm or the police may
    be a labour strike or a police raid, and a "price war" or "trade war" is no force at all."""
    mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound")}
    if mods & _CIVIL_MODIFIERS:
        return False
    if noun.lemma_.lower() not in _FORCE_IF_ARMED or mods & _MILITARY_MODIFIERS:
        return True
    return any(r in (s.code or "")[3:] for s in sources for r in _ARMED_ROLES)


def _unrealised(noun: Token) -> bool:
    """The noun names an act not (yet) done: a modifier says so ("potential attacks", "further bombing"), it is the
    complement of a plan, a decision or a danger ("a decision on strikes", "in the event of airstrikes"), or it is
    in a condition ("if Trump orders a strike")."""
    if any(c.dep_ in ("amod", "compound", "advmod") and c.lemma_.lower() in _UNREALISED for c in noun.children):
        return True
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    if head.pos_ == "NOUN" and head.lemma_.lower() in _UNREALISING_HEADS:
        return True
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for a in noun.ancestors for c in a.children)


def _rejecter(finder: NounArgumentFinder, noun: Token, ctx: DocContext) -> list[ActorRef]:
    """Who rejects or denies an accusation: the subject (or passive agent) of the verb of rejection whose object
    it is ("the Afghan Taliban rejected Pakistan's allegation", "the allegations were dismissed by Kabul"), or of
    the relative clause that rejects it ("a charge New Delhi quickly rejected")."""
    verb = noun.head if noun.dep_ in ("dobj", "obj", "nsubjpass") else None
    if verb is None:
        verb = next((c for c in noun.children if c.dep_ == "relcl"), None)
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in _REJECTERS:
        return []
    found = finder.clause_sources(verb, PatternMatch(None, "120", 0), ctx)
    # a court or judge rejects allegations about others (its rejection is a ruling), not about itself
    return [replace(a, direct=False) for a in found if "JUD" not in (a.code or "")[3:]]


# nouns of consultation and their code ("talks with X"): both parties consult (lexicons/event_nouns.tsv)
_CONSULT = codes("event_nouns", "consultation")
# nouns that are a consultation only over a medium ("a phone call"; a bare "call" is an appeal), and the media
_MEDIUM_ONLY = words("event_nouns", "medium-consultation")
_MEDIA = codes("event_nouns", "medium")
CONSULT_NOUNS = frozenset({*_CONSULT, *_MEDIUM_ONLY})
# verbs whose object is the one spoken to: "told Trump in a phone call" (lexicons/verb_classes.tsv, addressee)
_ADDRESSEE_VERBS = words("verb_classes", "addressee")
_SPEAKER_VERBS = words("verb_classes", "report")
# nouns of armed fighting between two sides and their code ("fighting between X and Y", "a gun battle with police"):
# like talks, an exchange in which each side acts on the other (lexicons/event_nouns.tsv, reciprocal-force)
_FIGHTING = codes("event_nouns", "reciprocal-force")
FIGHTING_NOUNS = frozenset(_FIGHTING)
FIGHTING = "candidates.fighting-noun-is-force-both-ways"
# modifiers that make a fight figurative ("a trade battle", "a diplomatic clash", "the political battle")
_FIGURATIVE = words("event_nouns", "figurative-fight")


def consultation_code(noun: Token, *, medium: bool = True) -> tuple[str, bool] | None:
    """The code of a consultation noun and whether a medium gave it ("a phone call" is 041, discuss by telephone;
    ``medium=False`` ignores it: "a phone conversation" is 040), or None for any other noun."""
    lemma = noun.lemma_.lower()
    by = next((_MEDIA[c.lemma_.lower()] for c in noun.children
               if medium and c.dep_ in ("compound", "amod") and c.lemma_.lower() in _MEDIA), None)
    if by is not None and lemma in CONSULT_NOUNS:
        return by, True
    return (_CONSULT[lemma], False) if lemma in _CONSULT else None


def fighting_code(noun: Token) -> str | None:
    """The code of a noun of fighting that names a side with "with" or "between" ("clashes between the army and
    rebels", "a gun battle with police"), or None: without a side named ("the fighting in Gaza") it tells nobody's
    act."""
    # a gerund names the fight as the noun does ("displaced by fighting between rebels and the army"); only with
    # "between": "fighting with X" is the verb's own clause
    verb = noun.pos_ == "VERB"
    code = _FIGHTING.get(noun.lower_ if verb else noun.lemma_.lower())
    if verb and (noun.tag_ != "VBG" or noun.dep_ not in ("pcomp", "pobj", "nsubj", "nsubjpass", "dobj")):
        return None
    sided = any(c.dep_ == "prep" and c.lower_ in (("between",) if verb else ("with", "between"))
                for c in noun.children)
    return code if sided and not _figurative(noun) else None


def _figurative(noun: Token) -> bool:
    """Whether a modifier makes the fight one of words, courts or markets ("Trump's trade battle with China", "a
    diplomatic clash between France and Italy"): no armed force."""
    return any(c.dep_ in ("amod", "compound", "nmod") and c.lemma_.lower() in _FIGURATIVE for c in noun.children)


def consultation_parties(finder: NounArgumentFinder, noun: Token, sources: list[ActorRef],
                         ctx: DocContext, *, rule: str = "candidates.consultation-noun",
                         ) -> tuple[list[ActorRef], list[ActorRef]]:
    """The parties of a consultation noun: those named with "with" or "between" ("talks with Kyiv", "a meeting
    between X and Y") and the possessor or modifier ("his meetings with counterparts"), else the subject of the
    clause whose adjunct the noun is ("in a phone call with Trump, Trudeau said ...": Trudeau took part), else the
    speaker who reports it ("Ghana said negotiations with the World Bank were advancing")."""
    partners = [a for p in noun.children if p.dep_ == "prep" and p.lower_ in ("with", "between")
                for o in p.children if o.dep_ == "pobj" for a in finder.phrase_actors(o, ctx, direct=True)]
    if not partners and rule != FIGHTING:
        pair = _hyphenated_pair(finder, noun, ctx) if not _sporting(noun) else []
        if pair and ctx.fire(PAIR):
            sources, partners = pair[:1], pair[1:]  # "U.S.-Ukraine talks": the two named are the parties
    venues = [s for s in sources if _venue(noun, s)]
    if venues and ctx.fire("source.place-name-of-talks-is-no-party"):
        sources = [s for s in sources if s not in venues]  # "the Jeddah talks with Ukrainian officials"
    if not sources and partners and len(partners) > 1 and any(p.lower_ == "between" for p in noun.children):
        sources, partners = partners[:1], partners[1:]
    if not sources and rule == FIGHTING:
        sources = _fighting_side(finder, noun, ctx)
    if not sources:
        sources, partners = _parties_around(finder, noun, partners, ctx)
    if not (sources and partners) or not ctx.fire(rule):
        return [], []
    return sources, partners


PAIR = "source.hyphenated-pair-names-the-parties"
# a score ("drew 1-1", "won 38 - 3"): the sentence tells of a contest between teams
_SCORE = re.compile(r"(?<![\d-])\d{1,3} ?[-–] ?\d{1,3}(?![\d-])")


def _hyphenated_pair(finder: NounArgumentFinder, noun: Token, ctx: DocContext) -> list[ActorRef]:
    """The two parties a hyphenated modifier of a consultation noun names ("U.S.-Ukraine talks", "the US-China
    trade talks", "the Trump-Putin meeting"): each part coded on its own, as a country's name or short form when
    the tokenizer kept the pair one token, else by the actor dictionaries. Empty unless two different actors are
    named (a "Jeddah-based" venue, "Russian-made" arms name no pair)."""
    before = noun.doc[noun.i - 1] if noun.i > noun.sent.start else None
    if before is not None and before.head.i != noun.i and before.pos_ in ("NOUN", "PROPN", "ADJ"):
        pair = _one_token_pair(before, noun)  # "follow U.S.-Ukraine talks", misparsed as the verb's particle
        if len(pair) == 2 and pair[0].code != pair[1].code:
            return pair
    for mod in noun.children:
        if mod.i > noun.i or mod.dep_ not in ("compound", "amod", "dep", "nmod"):
            continue
        toks = [t for t in mod.subtree if t.i < noun.i]
        pair = _one_token_pair(mod, noun) if len(toks) == 1 else _split_pair(finder, toks, ctx)
        if len(pair) == 2 and pair[0].code != pair[1].code:
            return pair
    return []


def _sporting(noun: Token) -> bool:
    """The noun's sentence or the one before it tells of sport (a sport word, a score: "Brazil and Argentina drew
    1-1. The Brazil-Argentina meeting was watched by 60,000 fans"): a pair of countries there is a fixture."""
    sent = noun.sent
    before = noun.doc[sent.start - 1].sent if sent.start > 0 else sent
    toks = noun.doc[before.start : sent.end]
    return any(t.lemma_.lower() in SPORT_WORDS for t in toks) or bool(_SCORE.search(toks.text))


def _one_token_pair(mod: Token, noun: Token) -> list[ActorRef]:
    """The countries of a pair the tokenizer kept one token ("U.S.-Ukraine"): both parts country names."""
    parts = mod.text.split("-")
    found = [country_names().get(p.lower()) for p in parts]
    if len(parts) != 2 or not all(found):
        return []
    # one token holds both: the second party's head is the noun it modifies, so that it does not lie inside the
    # first party's phrase (where a target would be part of its source)
    return [ActorRef(mod.i, mod.i + 1, mod.i if n == 0 else noun.i, c, mod.text, direct=True)
            for n, c in enumerate(found)]


def _split_pair(finder: NounArgumentFinder, toks: Sequence[Token], ctx: DocContext) -> list[ActorRef]:
    """The actors of a pair of names joined by one hyphen token ("US - China", "Trump - Putin")."""
    names = [t for t in toks if t.pos_ == "PROPN"]
    hyphens = [t for t in toks if t.tag_ == "HYPH"]
    if len(names) != 2 or len(hyphens) != 1 or not names[0].i < hyphens[0].i < names[1].i:
        return []
    coded = [(t, finder.actors.code_tokens([t], ctx.day, t, ctx.fire)[0]) for t in names]
    return [ActorRef(t.i, t.i + 1, t.i, c, t.text, direct=True) for t, c in coded if c]


def _fighting_side(finder: NounArgumentFinder, noun: Token, ctx: DocContext) -> list[ActorRef]:
    """The side of a fight named outside the noun's phrase: the subject of the clause the noun (or the first noun
    of a coordination it ends, "killed in the attack and the ensuing battle with militants") is an adjunct of; for
    a passive, the one it happened to ("X was killed in a gun battle with police": X fought the police)."""
    from .source_finders import SUBJ_DEPS

    anchor = noun
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
        anchor = anchor.head
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = prep.head
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if patient is not None:
        return [replace(a, direct=False) for a in finder.phrase_actors(patient, ctx, direct=False)]
    if not any(c.dep_ in SUBJ_DEPS for c in verb.children):
        return []
    return [replace(a, direct=False) for a in finder.clause_sources(verb, PatternMatch(None, "190", 0), ctx)]


def _venue(noun: Token, ref: ActorRef) -> bool:
    """The actor is a city named as a modifier of a consultation noun ("the Jeddah talks", "the Sochi summit"):
    a capital, or a name the dictionaries code as its country only which is not the country's own name, short form
    or demonym (actor folds): where the talks are held, not a party to them ("US-China talks", "Iranian talks"
    are)."""
    toks = noun.doc[ref.start : ref.end]
    if not all(t.pos_ == "PROPN" and t.dep_ == "compound" and t.head.i in (noun.i, *(u.i for u in toks))
               for t in toks):
        return False
    if toks.text.lower() in capitals():
        return True  # "the Doha talks" (not the government seated there, as a capital standing alone may be)
    bare = ref.code is not None and len(ref.code) == 3 and ref.code.isalpha() and ref.code not in ("IGO", "NGO", "MNC")
    return bare and toks.text.lower() not in _country_words()


@functools.cache
def _country_words() -> frozenset[str]:
    """Country names, short forms and demonyms (lower case), from the actor folds."""
    out = set()
    for line in FOLDS.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if not line.startswith("#") and len(cols) >= 3 and cols[2] in ("name", "alias", "demonym"):
            out.add(cols[0].lower())
    return frozenset(out)


def _parties_around(finder: NounArgumentFinder, noun: Token, partners: list[ActorRef],
                    ctx: DocContext) -> tuple[list[ActorRef], list[ActorRef]]:
    """Parties of a consultation noun found outside its phrase: the subject of the clause it is an adjunct of
    (inherited too: "hopes to resolve the pause during talks with Ukrainian officials"), with the one spoken to
    when a call has no "with" ("told Museveni in a phone call"); or the speaker of the clause it is the subject
    of ("Ghana said that negotiations with the World Bank were advancing")."""
    from .source_finders import SUBJ_DEPS

    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        verb = head.head
        if not partners and verb.lemma_.lower() in _ADDRESSEE_VERBS and (consultation_code(noun) or ("", False))[1]:
            heard = [a for o in verb.children if o.dep_ in ("dobj", "dative")
                     for a in finder.phrase_actors(o, ctx, direct=False)]
            partners = heard if heard and ctx.fire("candidates.telephone-consultation") else []
        # the clause's subject is no argument of the noun itself: weaker evidence than a possessor
        subject = finder.clause_sources(verb, PatternMatch(None, "040", 0), ctx) if partners else []
        return [replace(a, direct=False) for a in subject], partners
    if partners and noun.dep_ in SUBJ_DEPS and head.dep_ == "ccomp" and head.head.lemma_.lower() in _SPEAKER_VERBS:
        subj = [c for c in head.head.children if c.dep_ in SUBJ_DEPS]
        speaker = finder.phrase_actors(subj[0], ctx, direct=False) if subj else []
        if speaker and ctx.fire("candidates.speaker-of-talks-is-a-party"):
            return speaker, partners
    return [], partners


RESTATED = "filters.nominal-restates-its-verbs-act"


class _Coded(Protocol):
    """What ``restated`` reads of a coded event (``codings.Coding``)."""

    @property
    def trigger(self) -> int: ...

    @property
    def code(self) -> str: ...

    @property
    def modality(self) -> str: ...

    @property
    def source(self) -> ActorRef: ...

    @property
    def target(self) -> ActorRef | None: ...


_C = TypeVar("_C", bound=_Coded)


def restated(codings: Sequence[_C], doc: Doc, ctx: DocContext) -> list[_C]:
    """The events of a sentence but those of an event noun that only names the act its governing verb codes: the
    same root between the same countries, told with the same modality ("Israeli airstrikes in Gaza killed 20
    people", "Assad spoke during a meeting with Velayati"): one act, coded once, at the verb (docs/events-gold.md,
    "one event per act")."""
    acts = {(c.trigger, _key(c)) for c in codings if doc[c.trigger].pos_ != "NOUN"}
    if not acts:
        return list(codings)
    out = []
    for c in codings:
        noun = doc[c.trigger]
        verb = _governing_verb(noun) if noun.pos_ == "NOUN" else None
        if verb is not None and (verb.i, _key(c)) in acts and ctx.fire(RESTATED):
            continue
        out.append(c)
    return out


def _key(c: _Coded) -> tuple[str, str, str, str]:
    """Root, the countries of source and target, and modality: what makes two mentions one act for the real-news
    scorer, told as the same fact ("the talks ... were not going well" does not restate that talks were held)."""
    target = c.target.code if c.target is not None and c.target.code else ""
    return c.code[:2], (c.source.code or "")[:3], target[:3], c.modality


def _governing_verb(noun: Token) -> Token | None:
    """The verb of which the noun is the subject or object ("Israeli airstrikes ... killed", "launched an attack"),
    or the instrument, circumstance or purpose ("killed in a US drone strike", "died during the shelling",
    "travels to Canada for meetings with G7 ministers": the same root between the same parties); None for a noun
    that names another, earlier or later, act ("spoke after the talks", "struck back after the attack")."""
    head = noun.head
    if noun.dep_ in _ARGUMENT_DEPS and head.pos_ in ("VERB", "AUX"):
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _INSTRUMENT_PREPS \
            and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None


_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj"})
_INSTRUMENT_PREPS = frozenset({"in", "by", "with", "during", "through", "under", "for"})
