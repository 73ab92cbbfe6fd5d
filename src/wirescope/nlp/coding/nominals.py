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

Measures enacted by a verb are in ``measure_nouns.py``, nouns of talks and fighting between two sides in
``consultation_nouns.py``, and event nouns that restate their verb's act in ``restatements.py``.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from .actor_fallbacks import FOLDS
from .lexicon import ARMED_FORCES, FORCE_ROOTS
from .lexicons import codes, words
from .modal_clauses import is_to_infinitive
from .patterns import PatternMatch
from .phrase_actors import ActorRef
from .stray_agents import stray_agent
from .town_targets import TOWN_STRUCK, struck_town
from .unrealised_acts import mandative

if TYPE_CHECKING:
    from pathlib import Path

    from spacy.tokens import Token

    from .actors import ActorCoder
    from .context import DocContext

__all__ = ["NOMINAL", "NounArgumentFinder", "country_words", "nominal_arguments", "nominal_code",
           "repeated_attack"]

# event noun -> the verb whose dictionary entry codes it, or a CAMEO code (lexicons/event_nouns.tsv, nominal)
NOMINAL = codes("event_nouns", "nominal")
# event noun -> the prepositions ("to+against") whose object is its target, instead of of/on/against
_TARGET_PREPS = {w: frozenset(p.split("+")) for w, p in codes("event_nouns", "nominal-target").items()}
_DEFAULT_PREPS = frozenset({"of", "on", "against"})
# event nouns whose possessor undergoes the act ("his arrest"), unless "of" names who does
_PATIENT_POSSESSOR = words("event_nouns", "nominal-patient")
# "nmod": a name the parser takes for a modifier of the modifier ("Ankara military backing of the GNA")
_MODIFIERS = ("poss", "compound", "amod", "nmod")
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
_ARMED_ROLES = ARMED_FORCES
THREATENED = "target.threatened-act-gives-the-threat-its-target"
# nouns of asking whose "that" (mandative) or "for ... to" clause names who is asked to act ("Trump's demand that
# Germany repatriate its citizens", "the EU's call for Iran to release the tanker"; event_nouns.tsv, asked-in-clause)
_ASKING_NOUNS = words("event_nouns", "asked-in-clause")
ASKED = "target.one-asked-in-the-clause-of-a-demand-noun"
_PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WDT", "EX"})


class NounArgumentFinder(Protocol):
    """What ``nominal_arguments`` and ``consultation_parties`` need of the coder: the argument finder's public
    look-ups (``arguments.ArgumentFinder``), so that a noun's arguments are coded as a verb's are, and its actor
    coder (the parts of a hyphenated pair, "the Trump-Putin meeting", are coded one by one)."""

    actors: ActorCoder
    gazetteer: Path | None  # the index whose towns have countries (``towns.town_country``)
    real_news: bool
    ud_petrarch: bool

    def phrase_actors(self, head: Token, ctx: DocContext, *, direct: bool) -> list[ActorRef]:
        """The actors of the noun phrase headed by ``head`` (and its conjuncts)."""
        ...

    def actors_inside(self, root: Token, ctx: DocContext) -> list[ActorRef]:
        """The first coded noun phrase(s) inside ``root``'s subtree ("ties with X")."""
        ...

    def clause_sources(self, verb: Token, match: PatternMatch, ctx: DocContext) -> list[ActorRef]:
        """The sources of ``verb``'s clause as a trigger coded by ``match`` would have them."""
        ...


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
    framed = _framed_arguments(finder, noun, ctx, code)
    if framed is not None:
        return framed
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
            sources = _modifier_doer(finder, c, ctx)
        # "an attack in X" names a place, not a target
        elif c.dep_ == "prep" and c.lower_ in preps and not targets:
            targets = finder.actors_inside(c, ctx)
        elif c.dep_ == "prep" and c.lower_ == "by":
            sources = finder.actors_inside(c, ctx)
        elif c.dep_ == "acl" and c.lemma_.lower() in _AGENT_PARTICIPLES and not sources:
            # "the allegations made by Pakistan", "an attack carried out by militants": the light verb's agent
            sources = [a for g in c.children if g.dep_ == "agent" for a in finder.actors_inside(g, ctx)]
    # "the seizure of a tanker by Iranian forces": a "by" phrase the parser hung on the tanker
    sources = sources or _passive_light_doer(finder, noun, ctx) or _from_phrase(finder, noun, code, ctx) \
        or stray_agent(finder, noun, NOMINAL, ctx)
    if sources and not targets:
        targets = _town_struck(finder, noun, preps, code, ctx) or _implicit_target(finder, noun, sources, code, ctx)
    if not sources and not targets:
        sources, targets = repeated_attack(noun, code, ctx)
    return sources, targets


def _town_struck(finder: NounArgumentFinder, noun: Token, preps: frozenset[str], code: str,
                 ctx: DocContext) -> list[ActorRef]:
    """The town a force noun is done to when the dictionaries do not code it: "Turkey's attack on the Kurdish
    enclave of Afrin", "the siege of Mariupol by Russian forces", "Turkey's incursion into Afrin" target the
    country of the town, as the verb's object does (target.town-struck-is-its-country)."""
    if not finder.real_news or finder.ud_petrarch or code.lstrip(":~")[:2] not in FORCE_ROOTS:
        return []
    for c in noun.children:
        if c.dep_ == "prep" and (c.lower_ in preps or c.lower_ == "into"):
            for head in (g for g in c.children if g.dep_ == "pobj"):
                town = struck_town(finder, head, ctx, direct=False)
                if town is not None and ctx.fire(TOWN_STRUCK):
                    return [town]
    return []


KIND = "source.kind-adjective-is-no-doer"
FROM = "source.from-phrase-of-a-measure-or-word-noun"
FACED = "target.subject-of-face-undergoes-the-noun"
UNDER = "target.subject-under-a-force-noun-undergoes-it"


def _modifier_doer(finder: NounArgumentFinder, modifier: Token, ctx: DocContext) -> list[ActorRef]:
    """The doer a possessor or modifier names ("Israel's attack", "US sanctions", "Ankara military backing"), none
    for an adjective of the act's kind ("a military offensive")."""
    found = finder.phrase_actors(modifier, ctx, direct=True)
    return [] if _kind_adjective(modifier, found) and ctx.fire(KIND) else found


LIGHT_PASSIVE = "source.agent-of-a-passive-light-verb-does-its-subject"


def _passive_light_doer(finder: NounArgumentFinder, noun: Token, ctx: DocContext) -> list[ActorRef]:
    """The "by" agent of the passive light verb whose subject the event noun is: "the air strikes on Idlib were
    carried out by Russian warplanes", "the raid was carried out by Asa'ib Ahl al-Haq", "the attack was launched by
    militants" are the agent's strikes, raid and attack, as "an attack carried out by militants" (the participle,
    agent-participle of lexicons/event_nouns.tsv) is; the verb carries the noun's act and codes nothing itself."""
    verb = noun.head
    if noun.dep_ != "nsubjpass" or verb.lemma_.lower() not in _AGENT_PARTICIPLES:
        return []
    found = [a for g in verb.children if g.dep_ == "agent" for a in finder.actors_inside(g, ctx)]
    return found if found and ctx.fire(LIGHT_PASSIVE) else []


def _from_phrase(finder: NounArgumentFinder, noun: Token, code: str, ctx: DocContext) -> list[ActorRef]:
    """The doer a "from" phrase names for a noun of a measure or of words ("sanctions from the US", "criticism from
    Britain", "threats from Iran"); not for force, where it names where the act came from ("rocket fire from
    Gaza"), nor for a withdrawal (the place left)."""
    root = code.lstrip(":")[:2]
    if not root or root in FORCE_ROOTS or noun.lemma_.lower() in _WITHDRAWALS:
        return []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            found = finder.actors_inside(c, ctx)
            if found and ctx.fire(FROM):
                return found
    return []


def _faced_by(finder: NounArgumentFinder, noun: Token, sources: list[ActorRef], ctx: DocContext,
              code: str = "") -> list[ActorRef]:
    """The target of an event noun that is the object of "face" (or "risk"): the subject of that verb, who would
    undergo it ("Turkey could face sanctions from the US", "Britain faces criticism from the EU"). The modality is
    the governor's (modality.event-noun-follows-its-governor)."""
    verb = noun.head
    rule = FACED
    if _under_force(noun, code):
        verb, rule = verb.head, UNDER  # "the caliphate has collapsed under a multi-pronged assault by X"
    elif noun.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in ("face", "risk"):
        return []
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return []
    own = {s.head for s in sources}
    found = [replace(a, direct=False) for a in finder.phrase_actors(subj, ctx, direct=False) if a.head not in own]
    return found if found and ctx.fire(rule) else []


def _under_force(noun: Token, code: str) -> bool:
    """A force noun that is the object of "under" on a verb ("has collapsed under a multi-pronged assault",
    "crumbled under heavy bombardment"): the verb's subject is what the force was done to. "Came under attack" is
    the verb's own code (code.came-under-attack)."""
    prep = noun.head
    return code.lstrip(":~")[:2] in FORCE_ROOTS and noun.dep_ == "pobj" and prep.lower_ == "under" \
        and prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX") and prep.head.lemma_.lower() != "come"


def _kind_adjective(modifier: Token, found: list[ActorRef]) -> bool:
    """An adjective that says what kind of act a force noun is ("a military offensive", "naval strikes"), coded
    only as a role with no country ("---MIL"): it names no one who did it. A country's adjective does ("Israeli
    strikes"), and so does a possessor or a compound name."""
    return modifier.dep_ == "amod" and modifier.lemma_.lower() in _MILITARY_MODIFIERS \
        and bool(found) and all((a.code or "").startswith("---") for a in found)


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
    faced = _faced_by(finder, noun, sources, ctx, code)
    if faced:
        return faced
    if noun.lemma_.lower() in _ACCUSATIONS:
        rejecter = _rejecter(finder, noun, ctx)
        return rejecter if rejecter and ctx.fire(REJECTED) else []
    if noun.lemma_.lower() in _THREAT_NOUNS:
        return _threatened_target(finder, noun, ctx)
    if noun.lemma_.lower() in _ASKING_NOUNS:
        return _asked_in_clause(finder, noun, sources, ctx)
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


def _asked_in_clause(finder: NounArgumentFinder, noun: Token, sources: list[ActorRef],
                     ctx: DocContext) -> list[ActorRef]:
    """The one a demand or an appeal is addressed to when its clause names who is to act: the subject of a
    mandative "that" clause ("Trump's demand that Germany, France and Britain repatriate their citizens": DEU, FRA,
    GBR) or of a "for ... to" clause ("the EU's call for Iran to release the tanker": IRN), as the verb's complement
    is (target.subject-of-a-complement, target.one-asked-to-act). The act asked for is not coded as done
    (modality.demanded-act, modality.purpose-is-an-aim). An indicative clause is a claim ("the demand that he had
    resigned"), a pronoun subject ("a call that they withdraw") may be the author's own side: no target."""
    own = {s.head for s in sources}
    # "a demand for Turkey to recognise Cyprus" is often parsed with "for Turkey" as the noun's phrase and the
    # infinitive beside it: that "for" object is the infinitive's subject
    fors = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children if o.dep_ == "pobj"]
    for c in noun.children:
        if c.dep_ not in ("acl", "relcl") or c.pos_ not in ("VERB", "AUX"):
            continue
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        infinitive = is_to_infinitive(c) and ("for" in marks or bool(fors))
        asked = ("that" in marks and mandative(c)) or infinitive
        subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")] or (fors if infinitive else [])
        subj = [s for s in subj if s.tag_ not in _PRONOUN_TAGS]
        if not asked or not subj:
            continue
        found = [a for a in finder.phrase_actors(subj[0], ctx, direct=False) if a.head not in own]
        if found and ctx.fire(ASKED):
            return found
    return []


def _named_doer(noun: Token, sources: list[ActorRef]) -> bool:
    """The doer is named by a country, a nationality or a proper name ("Israeli airstrikes", "Riyadh's war", "a
    US-led strike"), not by a word of kind ("terrorist attacks", "military strikes", "guerrilla war"), whose country
    the phrase does not tell."""
    doc = noun.doc
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP") or t.lower_ in country_words()
               for s in sources for t in doc[s.start : s.end])


CIVIL = "candidates.force-noun-of-a-civil-kind-is-no-force"


def _framed_arguments(finder: NounArgumentFinder, noun: Token, ctx: DocContext,
                      code: str) -> tuple[list[ActorRef], list[ActorRef]] | None:
    """The arguments of a noun whose frame is not the common one, or None: a force noun of a civil kind has none
    ("China's trade war against the US", "Iran's charm offensive"), a noun of withdrawal names who withdraws with
    "of" ("the withdrawal of US troops from Syria")."""
    if _civil_kind(noun, code) and ctx.fire(CIVIL):
        return [], []
    if noun.lemma_.lower() in _WITHDRAWALS:
        return _withdrawal_arguments(finder, noun, ctx)
    return None
WITHDRAWAL = "candidates.withdrawal-of-forces-is-a-retreat"
# nouns of withdrawing whose "of" phrase names who withdraws (event_nouns.tsv withdrawer-of), and the words of armed
# forces that make such a withdrawal a military retreat (withdrawn-force)
_WITHDRAWALS = words("event_nouns", "withdrawer-of")
_FORCE_WORDS = words("event_nouns", "withdrawn-force")
# verbs whose subject, and prepositions of time whose object, is a withdrawal told as done (withdrawal-done)
_DONE = words("event_nouns", "withdrawal-done")


def _withdrawal_arguments(finder: NounArgumentFinder, noun: Token,
                          ctx: DocContext) -> tuple[list[ActorRef], list[ActorRef]]:
    """Who withdraws and from where, for a noun of withdrawal ("the withdrawal of US troops from Syria", "Russia's
    pullout of its forces from Kherson", "the US troop drawdown in Syria"): the doer is its possessor, modifier,
    "by" phrase or "of" phrase (the ones who withdraw), the target the place or party of its "from" phrase. It is
    a military retreat only when armed forces withdraw: a word of forces in its "of" phrase or as its modifier ("a
    troop withdrawal"), or a doer coded as armed; a withdrawal from a treaty, the EU, a race or a contract, of
    aid, a film or a player, is none."""
    preps = _TARGET_PREPS.get(noun.lemma_.lower(), frozenset({"from"}))
    sources: list[ActorRef] = []
    targets: list[ActorRef] = []
    owners: list[ActorRef] = []  # possessor or modifier: "Trump's withdrawal of US troops", "the US pullout"
    forces = False
    for c in noun.children:
        if c.dep_ in _MODIFIERS:
            forces = forces or c.lemma_.lower() in _FORCE_WORDS
            owners = owners or finder.phrase_actors(c, ctx, direct=True)
        elif c.dep_ == "prep" and c.lower_ == "of":
            withdrawn = [g for g in c.children if g.dep_ == "pobj"]
            forces = forces or any(g.lemma_.lower() in _FORCE_WORDS for g in withdrawn)
            sources = sources or finder.actors_inside(c, ctx)
        elif c.dep_ == "prep" and c.lower_ == "by":
            sources = finder.actors_inside(c, ctx)
        elif c.dep_ == "prep" and c.lower_ in preps and not targets:
            targets = finder.actors_inside(c, ctx)
    sources = sources or owners
    armed = any(r in (s.code or "")[3:] for s in sources for r in _ARMED_ROLES)
    if not (forces or armed) or not _told_done(noun) or not ctx.fire(WITHDRAWAL):
        return [], []
    return sources, targets


def _told_done(noun: Token) -> bool:
    """The withdrawal is told as done or under way: the subject of a verb of its course ("the withdrawal of US troops
    began", "was completed") or the object of "after", "since", "following". Most withdrawals news names are
    announced, promised, demanded or planned ("Trump's withdrawal of US troops", "a troop withdrawal promised by
    Trump", "demanded the withdrawal of Iranian forces"): those are not retreats done, and the verbs that announce or
    demand them code them."""
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass"):
        # "will begin", "is due to begin", "could start": its course is foreseen, not told
        foreseen = any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in head.children)
        return head.lemma_.lower() in _DONE and not foreseen
    return noun.dep_ == "pobj" and head.lower_ in _DONE


def _civil_kind(noun: Token, code: str) -> bool:
    """A noun of force whose modifier makes it a contest of prices, trade, words or persuasion ("a trade war", "a
    price war", "a charm offensive", "a diplomatic offensive"; event_nouns.tsv civil-modifier): no armed force,
    whoever it is waged against."""
    if code.lstrip(":")[:2] not in FORCE_ROOTS:
        return False
    # the word or its lemma: spaCy lemmatises "media" to "medium"
    return any(c.dep_ in ("amod", "compound") and (c.lemma_.lower() in _CIVIL_MODIFIERS or c.lower_ in _CIVIL_MODIFIERS)
               for c in noun.children)


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


@functools.cache
def country_words() -> frozenset[str]:
    """Country names, short forms and demonyms (lower case), from the actor folds."""
    out = set()
    for line in FOLDS.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if not line.startswith("#") and len(cols) >= 3 and cols[2] in ("name", "alias", "demonym"):
            out.add(cols[0].lower())
    return frozenset(out)
