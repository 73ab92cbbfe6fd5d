"""Word senses the verb dictionary's code does not tell apart (issue 17, cause 1: "a verb in an unrelated sense
invents an event"), decided once the trigger's source and target are known.

* Force needs arms (``code.force-needs-arms``): a verb the dictionary codes as force (CAMEO 18, 19, 20) is force
  only when an armed party takes part (soldiers, rebels, police, a state acting as one), a place is its target,
  the verb names bodily harm by its meaning (kill, shoot, abduct), or its sentence speaks of arms or bodily harm.
  Otherwise news uses it for words or contests: "the Tory leader attacked Labour's plans", "Labour hit back at the
  Tories", "the judge clashed with ministers over inquiries" are criticism (111) of their target; "Ruth Kelly wants
  to ditch the report", "the last week has shown that the heart of Britain beats" are no event at all.
* A warning is a threat only of the warner's own harm (``code.warning-is-no-threat-of-others``): "warned that
  prices would rise", "warned that small firms could be crippled" predict (012, pessimistic comment, coded only
  with an actor it is about); "warned ministers not to rush the bill" advises (020); "warned it would retaliate",
  "warned of serious consequences" stay threats (13).

* Figurative force and the verbal reading's limits: force on an aim is no force ("killed off Scotland's hopes",
  ``code.force-on-an-aim-is-no-force``); fans attacking supporters is assault, not criticism
  (``code.attack-on-a-crowd-is-assault``); hackers attacking a website no event
  (``code.attack-on-a-computer-is-no-event``); "hit" is criticism only as "hit out/back at", otherwise an effect
  ("the tax hit buyers", ``code.hit-criticises-only-out-or-back``).
* Cutting is a sanction (16) only of ties, aid, supplies or an actor: "cut taxes", "cut the number of MPs" are
  policies (``code.cutting-no-ties-is-no-sanction``).
* Questions and views (views.py) and policy positions toward one's own public (positions.py) are decided first.

The senses are decided here (``sense_code``: feelings, agreements named for a place, constructions such as "hit X
with tariffs" or "held X hostage", warnings, refusals) and in ``force_senses.py`` (force needs arms),
``company_senses.py`` (meetings, visits, joining, discussing), ``no_act_senses.py`` (verbs in a sense that is no
act: hoping, facing, wanting, going, releasing, cutting, giving to one's own public, demonstrating a thing),
``object_senses.py`` (what is mobilised, a push along a way) and ``market_senses.py`` (an economic quantity that
moves: "shares have risen").

Word lists are data (lexicons/senses.tsv). Real-news conventions only (the bundled dictionaries).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .company_senses import JOINED_FORCES, agreement_side, company_code, joined_forces_side
from .dispatch import sent_to_attack
from .firms import FIRMS, deal_between_firms
from .force_senses import (
    TEAMS,
    attacked_with_a_weapon,
    captured_person,
    dismantled_by_force,
    force_code,
    place_or_armed_party_attacked,
    teams_in_a_sport_story,
)
from .joined_senses import joined_a_fight, joined_another_force
from .journey_senses import (
    INTENT,
    VISIT,
    attended_no_gathering,
    crossed_into_a_country,
    private_journey,
    steered_a_thing,
    took_refuge,
    went_to_fight,
)
from .lemmas import trace_correction
from .lexicons import words
from .market_senses import MARKET, quantity_moved
from .matter_senses import dealt_with_a_matter, defended_a_decision
from .no_act_senses import PRIZE, no_act_rule, prize_taken, target_abroad
from .object_senses import (
    convened_no_call,
    left_no_host,
    merged_others,
    mobilised_no_force,
    pressed_ahead,
    pushed_along_a_way,
    removed_no_person,
)
from .positions import position_code
from .relief import goods_ban, relief_deployment
from .side_senses import side_or_fact
from .undertaking_senses import military_campaign, prepared_a_thing
from .views import OBJECTS, view_code
from .wishes import wish_code

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .phrase_actors import ActorRef

WARNING_VERBS = words("senses", "warning")
WARNER_HARMS = words("senses", "warner-harm")
DECLINING_VERBS = words("senses", "declining")
COMMENT_VERBS = words("senses", "comment-verb")
FAILING_VERBS = words("senses", "failing")
DECLINE, FAILURE = "code.refusing-to-say-declines-comment", "code.failing-is-no-refusal"
ECONOMIC_MEASURES = words("senses", "economic-measure")
MEASURE, SANCTION = "code.hit-with-a-measure-is-a-sanction", "163"
HOLDING_VERBS = words("senses", "holding")
HOSTAGE_NOUNS = words("senses", "hostage-noun")
HOSTAGE, HOSTAGE_TAKING = "code.holding-hostage-is-hostage-taking", "181"
EXPECTING_VERBS = words("senses", "expecting")
COMPLIANCE_VERBS = words("senses", "compliance")
EXPECT, DEMAND = "code.expecting-another-to-act-is-a-demand", "100"
FEELING_VERBS = words("senses", "feeling")
FEELING = "code.feeling-a-participle-is-no-act"
AGREEMENT = "code.agreement-named-for-a-place-is-no-party"
WARNING = "code.warning-is-no-threat-of-others"
COMMENT, DECLINE_COMMENT = "012", "011"
_SELF_PRONOUNS = frozenset({"we", "i", "it", "they"})


def sense_code(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
               ctx: DocContext) -> str | None:
    """The code of the trigger in the sense its arguments and sentence give it: ``code`` itself, another code,
    or "" for no event. ``parties`` are its coded sources and targets."""
    trace_correction(verb, ctx)  # "hopes to meet": its sense follows from a corrected lemma (lemmas.py)
    if verb.pos_ in ("VERB", "AUX") and not view_code(verb, code, ctx, target_abroad(parties)):
        return ""  # views.py: a question asked, a view held
    if verb.pos_ in ("VERB", "AUX") and not position_code(verb, code, parties, ctx):
        return ""  # positions.py: "Labour wants to cut taxes for families"
    if _felt(verb) and ctx.fire(FEELING):
        return ""  # "Brown feels deeply betrayed", "felt threatened": a feeling told, no act of anyone's
    if _no_political_parties(verb, code, parties, ctx):
        return ""
    recoded = _construction_code(verb, code, parties, ctx)
    if recoded is not None:
        return recoded  # "" (wishes.py: a prediction, a thing held hostage) is no event
    if code[:2] in ("18", "19", "20") and verb.pos_ in ("VERB", "AUX"):  # an attack noun is one by its meaning
        return force_code(verb, code, parties, ctx)
    if code[:2] == "13" and verb.lemma_.lower() in WARNING_VERBS:
        return _warning(verb, code, ctx)
    if code[:2] == "12":
        return _refusal(verb, code, ctx)
    if code[:2] in ("03", "04"):
        return company_code(verb, code, parties, ctx)
    return code if no_act_rule(verb, code, parties, ctx) is None else ""


def _no_political_parties(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                          ctx: DocContext) -> bool:
    """The parties are no political actors acting on each other: a quantity that moves, a place an agreement is
    named for, firms dealing with each other, winners of a prize, teams."""
    if quantity_moved(verb) and ctx.fire(MARKET):
        return True  # market_senses.py: "shares have risen", "pushed oil prices above $50": a quantity moves
    if agreement_side(verb.doc, parties) and ctx.fire(AGREEMENT):
        return True  # "the US has refused to sign up to the Kyoto treaty": Kyoto is no party (not JPN)
    if joined_forces_side(verb.doc, parties) and ctx.fire(JOINED_FORCES):
        return True  # "NTT DoCoMo and Vodafone joined forces to develop ...": "forces" is no armed party
    if deal_between_firms(verb.doc, code, parties) and ctx.fire(FIRMS):
        return True  # firms.py: "Belgium's Interbrew bought Brazilian brewer Ambev": commerce
    return honour_or_play(verb, parties, ctx)


def honour_or_play(verb: Token, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]], ctx: DocContext) -> bool:
    """A prize won or given, or teams at play: no act between political actors, whichever way the dictionary
    codes the verb (the engine asks it of a pattern coded only in its converse too: "has won the fiction prize at
    the US National Book Awards")."""
    if prize_taken(verb) and ctx.fire(PRIZE):
        return True  # "Morgan Freeman took the best supporting actor award": an honour won, no act
    # "Italy travel to Edinburgh", "Wales have beaten France": teams, not states
    return teams_in_a_sport_story((*parties[0], *parties[1]), verb.doc, ctx) and ctx.fire(TEAMS)


def _felt(verb: Token) -> bool:
    """A participle that completes 'feel' ("feels betrayed", "felt let down", "may feel threatened"): the
    subject's feeling, not an act by or on anyone named."""
    if verb.tag_ != "VBN":
        return False
    # the parser has "felt" as the participle's passive auxiliary ("leaders felt betrayed by Washington") or the
    # participle as the complement of "feel"
    if any(c.dep_ in ("auxpass", "aux") and _feeling(c) for c in verb.children):
        return True
    # not a clause of its own ("I feel UKIP have over-reacted": a view of what UKIP did)
    return verb.dep_ in ("acomp", "xcomp", "oprd") and _feeling(verb.head) and verb.head.i < verb.i \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)


def _feeling(tok: Token) -> bool:
    return tok.lemma_.lower() in FEELING_VERBS or tok.lower_ in FEELING_VERBS


def _construction_code(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                       ctx: DocContext) -> str | None:
    """Another code that a construction around the verb gives it (a measure hit with, a hostage held, another
    expected to act), "" for no event (wishes.py, relief.py), else None."""
    if relief_deployment(verb, code, parties[1], ctx) or goods_ban(verb, code, parties[1], ctx):
        return ""  # relief.py: "the army was deployed to help flood victims", "banned smoking in public places"
    if sent_to_attack(verb, code, parties[1], ctx):
        return ""  # dispatch.py: "sent in aircraft to attack Idlib" is the attack, no aid to those attacked
    for other_sense in (side_or_fact, place_or_armed_party_attacked, attacked_with_a_weapon, captured_person,
                        dismantled_by_force, mobilised_no_force, pressed_ahead, pushed_along_a_way, left_no_host,
                        removed_no_person, merged_others, prepared_a_thing, military_campaign, went_to_fight,
                        steered_a_thing, private_journey, attended_no_gathering, took_refuge, joined_a_fight,
                        joined_another_force, dealt_with_a_matter, defended_a_decision, crossed_into_a_country,
                        convened_no_call):
        # side_senses.py: "fighting for the Assad government" fights no one, "acknowledged that the SDF has borne
        # the brunt" concedes a fact; force_senses.py: "attack rebel-held areas" is no criticism, "captured an
        # American woman" no occupation, "attacked with poison gas" no criticism, "Kurdish forces dismantled
        # Islamic State's caliphate" no cut in relations; object_senses.py: "mobilise public opinion" no show of
        # force, "press ahead with its solution" and "pushed through plans" no demand, "will leave the Warsaw
        # summit" no visit, "has since removed it" no expulsion, "merged the university and the polytechnic" no
        # cooperation; undertaking_senses.py: "prepare themselves" no intent, "launched a military campaign
        # against" force; journey_senses.py: "travelled to Syria to join Isis", "direct the money into aid
        # programmes", "attended Lewis Boys' School", "taken refuge in the Syrian town of Mayedin" no visit or
        # taking, "refugees crossed into Syria" no appeal; joined_senses.py: "joined the war in Syria" no
        # cooperation with Syria, "joined allied Syrian rebel fighters" military cooperation; matter_senses.py:
        # "dealt with education" no cooperation, "defended the purchase" verbal
        if (recoded := other_sense(verb, code, parties, ctx)) is not None:
            return recoded
    if code[:2] != "16" and _hit_with_a_measure(verb) and ctx.fire(MEASURE):
        return SANCTION  # "the US hit China with tariffs": a sanction by the one who imposes it (one_way)
    if (wished := wish_code(verb, code, ctx)) is not None:
        return wished  # wishes.py: "expects Kyiv to launch ...", "holding the budget hostage": no event
    if code != HOSTAGE_TAKING and _held_hostage(verb) and ctx.fire(HOSTAGE):
        return HOSTAGE_TAKING  # "held two soldiers hostage for two days" (not the dictionary's "FOR DAY" detention)
    if code[:2] == "03" and _another(parties) and _expects_another(verb) and ctx.fire(EXPECT):
        return DEMAND  # "Pakistan expects the Afghan government to uphold its responsibilities": a demand of
        # the actor named; "expects it to be lifted", "expect applications to continue to fall" predict
    return None


def one_way(code: str) -> bool:
    """A code the sense gave that is done by one party to another, never both ways: a sanction "hit X with"
    imposes (the dictionary's "* WITH" [190:190] is a clash, both ways); a journey read as a visit, or as an
    intent to visit when it is still to come, is the traveller's (journey_senses.py: the place reached is told as
    hosting no one, and negotiates nothing)."""
    return code in (SANCTION, VISIT, INTENT)


def _hit_with_a_measure(verb: Token) -> bool:
    """'Hit X with' an economic measure ("hit China with tariffs on steel", "hit Russia with new sanctions")."""
    return verb.lemma_.lower() == "hit" and any(
        c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" and g.lemma_.lower() in ECONOMIC_MEASURES
                                                        for g in c.children) for c in verb.children)


def _held_hostage(verb: Token) -> bool:
    """'Hold X hostage', 'were held hostage', 'are holding 20 people hostage': the noun is the verb's predicate
    (oprd) or, as the parser often has it, a second object."""
    return verb.lemma_.lower() in HOLDING_VERBS and any(
        c.dep_ in ("oprd", "dobj", "obj", "npadvmod", "attr") and c.lemma_.lower() in HOSTAGE_NOUNS
        for c in verb.children)


def _another(parties: tuple[Sequence[ActorRef], Sequence[ActorRef]]) -> bool:
    """A target with another code than every source's (a demand needs someone to make it of)."""
    sources, targets = parties
    return any(t.code and t.code not in {s.code for s in sources} for t in targets)


def _expects_another(verb: Token) -> bool:
    """'X expects Y to V': an infinitive with a subject of its own (the parser's "expects [Y to V]") or after an
    object; the act expected is Y's, not an intent of X's (the dictionary's 030 is for "expects to sign")."""
    if verb.lemma_.lower() not in EXPECTING_VERBS:
        return False
    has_object = any(c.dep_ in OBJECTS for c in verb.children)
    # an act the expecter wants done (comply, respect, withdraw ...); "Moscow expects Kyiv to launch a
    # counteroffensive" predicts (review 9 C1), and so does "expects it to be lifted"
    return any(c.dep_ in ("ccomp", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               and c.lemma_.lower() in COMPLIANCE_VERBS and not any(a.dep_ == "auxpass" for a in c.children)
               and (has_object or any(s.dep_ == "nsubj" for s in c.children))
               for c in verb.children)


def _refusal(verb: Token, code: str, ctx: DocContext) -> str:
    """'refused to say whether ...', 'declined to comment' decline to comment (011); 'failed to tackle the
    problem' is no refusal of anyone (an act not done, which critics report): no event."""
    lemma = verb.lemma_.lower()
    done = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if done is None:
        return code
    if lemma in DECLINING_VERBS and done.lemma_.lower() in COMMENT_VERBS and ctx.fire(DECLINE):
        return DECLINE_COMMENT
    if lemma in FAILING_VERBS and ctx.fire(FAILURE):
        return ""
    return code


def _warning(verb: Token, code: str, ctx: DocContext) -> str:
    """A warning of what may happen or of what others do (a that-clause, 'of', 'about') is a prediction; one of
    the warner's own harm stays a threat, and so does a bare warning or one that the addressee should not act
    ('warned France not to interfere'), where diplomacy leaves the harm implied."""
    return COMMENT if predicting_warning(verb) and ctx.fire(WARNING) else code


def predicting_warning(verb: Token) -> bool:
    """A verb of warning (lexicons/senses.tsv) whose warning predicts what may happen or what others do, not the
    warner's own harm (``code.warning-is-no-threat-of-others``: it is then a comment, 012)."""
    if verb.lemma_.lower() not in WARNING_VERBS:
        return False
    told = [t for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass", "punct") for t in c.subtree]
    if any(t.lemma_.lower() in WARNER_HARMS or t.lower_ in WARNER_HARMS or _ultimatum(t) for t in told):
        return False  # "warned of retaliation", "stop or face ...": the harm is the warner's to bring
    clauses = [c for c in verb.children if c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ in ("of", "about"))]
    # "warned (that) it would close the strait": the warner's own act
    return bool(clauses) and not any(c.dep_ == "ccomp" and _own_act(c) for c in clauses)


def _ultimatum(tok: Token) -> bool:
    """``tok`` is the "face" of an ultimatum, put as the alternative to complying ("stop or face ...", "leave or
    face ..."): the harm is the warner's. Someone who faces hardship in a prediction ("warned that banks face hard
    times", "NGOs warn children face grave conditions") faces no one's act: a pessimistic comment
    (code.warning-is-no-threat-of-others; a harm of the warner's own, "would face sanctions", is a WARNER_HARMS
    noun)."""
    if tok.lemma_.lower() != "face":
        return False
    heads = (tok, tok.head) if tok.dep_ == "conj" else (tok,)
    return any(c.dep_ == "cc" and c.lower_ == "or" for h in heads for c in h.children)


def _own_act(clause: Token) -> bool:
    """A complement clause whose subject is a pronoun that may be the warner, with a future or modal verb."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ not in _SELF_PRONOUNS or subj.dep_ == "nsubjpass":
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in clause.children)
