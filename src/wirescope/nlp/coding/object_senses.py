"""Senses that the verb's object or particle decides (``senses.sense_code``; issue 17, the CASE and PLOVER tuning
halves and readable news): the dictionary gives these verbs one default code whatever they act on.

* ``code.mobilising-no-force-is-no-show-of-force``: the MOBILIZE block (mobilise, marshal, muster, garner, rally,
  drum up, call up) codes its bare verb as a show of force (150). What is mobilised says whether it is one:
  troops, reservists, firepower ("Iran mobilized a quarter of a million troops", "a Nato army is marshaling all
  the overwhelming firepower") is; public opinion, outrage, pressure groups, efforts, votes are not ("it will
  mobilise public opinion", "Saudi Arabia has mobilized pressure groups in the United States", "the military
  mobilized efforts to help people trapped by the floods"): no event of the verb's own (a purpose clause keeps its
  own, "to help support the rights of Palestinians"), unless what is mobilised is a protest, which is the act
  (CAMEO 14, demonstrate or rally: "he would mobilize public protests"). With no object the code stands ("the army
  mobilised").
* ``code.pushing-along-a-way-is-no-demand``: "push" is a demand (100) when a party is pressed to act ("should push
  Turkey and the YPG to make some difficult choices"); with a particle or a phrase of direction it moves something
  along a way: "Labour has pushed through plans", "the US has pushed Japan off the top of the chart" are no demand
  (no event); pushing with a fighting party on either side is fighting (190: "the Yemeni forces pushed them back",
  "Isis was pushed back by the Syrian Democratic Forces", "sent troops to push back Boko Haram").
* ``code.pressing-ahead-is-going-on``: "press" and "push" with "ahead", "forward" or the particle "on" and no object
  go on with the subject's own course ("Ankara can press ahead with its attempts to drive the Syrian Kurds out",
  "Russia will be able to press ahead with its political solution for Syria", "pressed ahead with talks with
  France"): no demand of anyone (10x, the verbs' DEMAND block and its patterns read from the 'with' phrase) and no
  coercion (the dictionary's bare "* AHEAD" [170]): no event (a fighting party's: fighting, as above). What the
  'with' phrase names keeps its own code ("pressed ahead with its offensive against the Kurdish militia", 195) and
  an event noun there is coded by itself ("talks with France", 040).

* ``code.leaving-is-no-visit``: "leave" and "depart" share the dictionary's GO_SOMEWHERE block with "go" and "travel",
  whose bare verb is a consultation (040) and whose patterns read visits and intents to meet (036, 042). What is
  left is no host: "the UK foreign secretary will leave the Warsaw summit early", "calls for the Syrian president to
  leave office", "Turkey would not leave Syria" tell of a departure, no act between actors: no event. Leaving "for"
  a place or talks ("left for Moscow", "leave for consultations"), on a journey ("leaving Britain on a tour of
  Africa") or to meet someone stays a visit.
* ``code.removing-no-person-is-no-expulsion``: "remove" is in the DEPORT block (174, expel or deport people). A thing
  removed ("has since removed it", "could help remove some of the uncertainty", "protesters removed the fences")
  expels no one: no event. One's own forces removed ("Slovakia has also removed its seven soldiers", "NATO is
  removing some of the trainers") are withdrawn, as the dictionary codes "withdraw" and "pull" with forces (0874).
  People removed stay expelled ("failed to remove 250,000 failed asylum seekers").
* ``code.merging-others-is-no-cooperation``: the MERGE block (merge, combine, fuse, unify) is economic cooperation
  (060) between those who merge ("Vodafone merged with Mannesmann"); with the actors as its object, the subject joins
  what it controls ("he merged the New University of Ulster and the Ulster Polytechnic"): no cooperation with them.

* ``code.calling-an-occasion-is-no-call``: CALL's bundled default is a telephone call (041, both ways between a
  compound subject). Called with an occasion as its object ("call an urgent news conference", "called a snap
  election", "called a meeting of the cabinet"; lexicons/stances.tsv occasion-noun) it convenes: no call to anyone,
  and "Esper and Milley called an urgent news conference" is no call between the two (no event of the verb's own).

Word lists are data (lexicons/senses.tsv mobilising-verb, mobilised-force, pushing-verb, pushing-way, leaving-verb,
leaving-journey, removing-verb, removed-force, merging-verb, person-noun, visit-purpose).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .actor_fallbacks import demonyms
from .lexicon import ARMED_PARTIES, OCCASION_NOUNS, event_noun_code
from .lexicons import words
from .views import OBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .phrase_actors import ActorRef

MOBILISED = "code.mobilising-no-force-is-no-show-of-force"
PUSHED = "code.pushing-along-a-way-is-no-demand"
PRESSED_AHEAD = "code.pressing-ahead-is-going-on"
_MOBILISING_VERBS = words("senses", "mobilising-verb")
# what a show of force mobilises: the forces a dispatch verb sends, and their reserves and arms
_FORCES = words("senses", "sent-force") | words("senses", "mobilised-force")
_PUSHING_VERBS = words("senses", "pushing-verb")
_WAYS = words("senses", "pushing-way")
_GOING_ON_VERBS = words("senses", "going-on-verb")
_GOING_ON_WAYS = words("senses", "going-on-way")
SHOW_OF_FORCE, DEMAND, FORCE, PROTEST, COERCION = "150", "100", "190", "14", "170"
# roles of parties that fight (not police, whose pushing back of a crowd is no war)
_LEAVING_VERBS = words("senses", "leaving-verb")
_JOURNEYS = words("senses", "leaving-journey")
_VISIT_PURPOSES = words("senses", "visit-purpose")
_CONSULTATIONS = words("event_nouns", "consultation")
_REMOVING_VERBS = words("senses", "removing-verb")
_REMOVED_FORCES = _FORCES | words("senses", "removed-force")
_PERSON_NOUNS = words("senses", "person-noun")
_MERGING_VERBS = words("senses", "merging-verb")
LEFT = "code.leaving-is-no-visit"
REMOVED = "code.removing-no-person-is-no-expulsion"
MERGED = "code.merging-others-is-no-cooperation"
CONVENED = "code.calling-an-occasion-is-no-call"
_TELEPHONE = "041"
EXPULSION, RETREAT, COOPERATION = "174", "0874", "06"
# a destination of leaving that hosts a visit ("left for Moscow"), and who is removed when a pronoun names them
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_ACTOR_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
_ORIGINS = frozenset({"from", "out"})
_NATION_ENTS = frozenset({"GPE", "NORP"})
_PERSON_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you", "who", "whom", "himself", "herself",
                              "themselves"})
_FIGHTING_ROLES = ARMED_PARTIES
_PATIENT_DEPS = (*OBJECTS, "nsubjpass")


def mobilised_no_force(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                       ctx: DocContext) -> str | None:
    """No event ("") for a mobilising verb coded as a bare show of force whose object names no force and no armed
    party, or the code of the protest it names; None when the code stands (see the module)."""
    if code != SHOW_OF_FORCE or verb.lemma_.lower() not in _MOBILISING_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ in _PATIENT_DEPS and c.pos_ in ("NOUN", "PROPN", "PRON")]
    if not objects or any(_names_a_force(o) for o in objects):
        return None  # "the army mobilised", "mobilized a quarter of a million troops"
    # an armed party by its code: "mustered the militias"; a passive subject is coded as the source ("the National
    # Guard was mobilised")
    if any(_fighting(t.code) for t in parties[1]) or (any(o.dep_ == "nsubjpass" for o in objects)
                                                       and any(_fighting(s.code) for s in parties[0])):
        return None
    if not ctx.fire(MOBILISED):
        return None
    # "would mobilize public protests": the protest organised is the act (CAMEO 14: demonstrate or rally)
    protest = next((c for o in objects if (c := event_noun_code(o)) is not None and c[:2] == PROTEST), None)
    return protest or ""


def _names_a_force(obj: Token, forces: frozenset[str] = _FORCES) -> bool:
    """The object phrase, up to its head and through 'of' ("a quarter of a million troops"), names a force."""
    if obj.pos_ == "PRON":
        return True  # "mobilised them": who they are is not told here; the code stands
    return _force_in(obj, forces)


def _force_in(obj: Token, forces: frozenset[str]) -> bool:
    """A force named by the object's head or a head it reaches through 'of' ("some of the trainers")."""
    return any(node.lemma_.lower() in forces or any(c.dep_ == "compound" and c.lemma_.lower() in forces
                                                    for c in node.children)
               for node in _through_of(obj))


def _through_of(obj: Token) -> list[Token]:
    """The object's head and the heads it reaches through 'of': "some of the trainers" -> some, trainers."""
    nodes: list[Token] = []
    node: Token | None = obj
    while node is not None:
        nodes.append(node)
        node = next((g for c in node.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), None)
    return nodes


def left_no_host(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                 ctx: DocContext) -> str | None:
    """No event ("") for a verb of departure coded as consultation, an intent to meet or a visit (03, 04): what is
    left is no host (see the module); None when it is a visit: 'for' a place or talks, or to meet someone."""
    if code[:2] not in ("03", "04") or verb.lemma_.lower() not in _LEAVING_VERBS:
        return None
    if any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _VISIT_PURPOSES for c in verb.children):
        return None  # "left to see the president"
    ends = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
    if any(e.ent_type_ in _PLACE_ENTS or e.pos_ == "PROPN" or e.lemma_.lower() in _CONSULTATIONS | OCCASION_NOUNS
           for e in ends):
        return None  # "left for Moscow", "will leave for talks in Geneva": the dictionary's "( FOR )" visit
    if any(c.dep_ == "prep" and c.lower_ == "on" and any(g.lemma_.lower() in _JOURNEYS for g in c.children)
           for c in verb.children):
        return None  # "is leaving Britain on a tour of Africa": the journey is the visit ("( ON TOUR ) ( OF ) +")
    return "" if ctx.fire(LEFT) else None


def removed_no_person(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                      ctx: DocContext) -> str | None:
    """A withdrawal (0874) for "remove" coded as expulsion (174) when what is removed is the remover's own forces,
    no event ("") when it is a thing; None when people are removed (see the module)."""
    if code != EXPULSION or verb.lemma_.lower() not in _REMOVING_VERBS:
        return None
    removed = [c for c in verb.children if c.dep_ in _PATIENT_DEPS]
    if not removed:
        return None
    if all(_force_in(o, _REMOVED_FORCES) for o in removed):
        if not _own_forces(removed):
            return None  # "Iraq removed the American troops": an expulsion
        return RETREAT if ctx.fire(REMOVED) else None  # "Slovakia has also removed its seven soldiers"
    heads = {t.head for t in parties[1]}
    if any(_person(node, heads) for o in removed for node in _through_of(o)):
        return None  # "remove 250,000 failed asylum seekers", "remove disruptive children from the classroom"
    return "" if ctx.fire(REMOVED) else None  # "has since removed it", "remove some of the uncertainty"


def _own_forces(removed: list[Token]) -> bool:
    """No country or nation named in what is removed, short of the place it is removed from: the forces are the
    remover's own ("removed its seven soldiers", "removing some of the trainers from Iraq"; not "Iraq removed the
    American troops")."""
    # (the parse may hang "from Iraq" on the object)
    origins = {t.i for o in removed for c in o.subtree if c.dep_ == "prep" and c.lower_ in _ORIGINS for t in c.subtree}
    return not any(_nation(t) and t.i not in origins for o in removed for t in o.subtree)


def _nation(tok: Token) -> bool:
    """A word that names a country or nation: "American", "US", "Iraq" (by the recogniser, the demonyms of the actor
    folds, or a proper noun modifying the phrase)."""
    return tok.ent_type_ in _NATION_ENTS or tok.lower_ in demonyms() or (
        tok.pos_ == "PROPN" and tok.dep_ in ("compound", "amod", "poss", "nmod", "pobj"))


def _person(node: Token, coded_heads: set[int]) -> bool:
    """A person or people: a party coded there, a name, a pronoun of persons or a noun of people."""
    if node.pos_ == "PRON":  # "removing those who had not set up a valid business"
        return node.lower_ in _PERSON_PRONOUNS or any(c.dep_ == "relcl" and any(
            w.lower_ in ("who", "whom") for w in c.children) for c in node.children)
    return node.i in coded_heads or node.ent_type_ in _ACTOR_ENTS or node.pos_ == "PROPN" \
        or node.lemma_.lower() in _PERSON_NOUNS


def merged_others(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                  ctx: DocContext) -> str | None:
    """No event ("") for a verb of merging coded as cooperation (06) whose coded targets are what it merges, its
    object or a passive's subject ("merged the New University of Ulster and the Ulster Polytechnic"); None when
    they merge with each other ("Vodafone merged with Mannesmann")."""
    if code[:2] != COOPERATION or verb.lemma_.lower() not in _MERGING_VERBS or not parties[1]:
        return None
    merged = {t.i for c in verb.children if c.dep_ in _PATIENT_DEPS for t in c.subtree}
    if not all(t.head in merged for t in parties[1]):
        return None
    return "" if ctx.fire(MERGED) else None


def pushed_along_a_way(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                       ctx: DocContext) -> str | None:
    """Force (190) or no event ("") for "push" coded as a demand (10x) with a particle or a phrase of direction ("pushed
    them back", "pushed through plans", "pushed Japan off the top"); None when the demand stands."""
    if code[:2] != DEMAND[:2] or verb.lemma_.lower() not in _PUSHING_VERBS:
        return None
    if not any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in _WAYS for c in verb.children):
        return None  # "push Turkey to make choices", "push his Syrian plan", "pushed for talks"
    if not ctx.fire(PUSHED):
        return None
    # pushing a fighting party back, or a fighting party pushing, is fighting: "the Yemeni forces pushed them back",
    # "sent troops to push back Boko Haram"
    return FORCE if any(_fighting(p.code) for p in (*parties[0], *parties[1])) else ""


def pressed_ahead(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                  ctx: DocContext) -> str | None:
    """No event ("") for "press" or "push" with "ahead", "forward" or the particle "on" and no object, coded as a
    demand (10x) or as the bare coercion (170) of the dictionary's "* AHEAD": going on with one's own course demands
    nothing of anyone ("Russia will press ahead with its political solution for Syria"); force (190) when a fighting
    party is one of the parties, as for pushing along a way. None otherwise."""
    if (code[:2] != DEMAND[:2] and code != COERCION) or verb.lemma_.lower() not in _GOING_ON_VERBS:
        return None
    if any(c.dep_ in _PATIENT_DEPS for c in verb.children):
        return None  # "pushed the rebels forward", "was pressed on the matter": something or someone is pressed
    # an adverb or particle, not a preposition: "pressed on with its plans", not "pressed on Iran the need to ..."
    if not any(c.dep_ in ("advmod", "prt") and c.lower_ in _GOING_ON_WAYS for c in verb.children) \
            or not ctx.fire(PRESSED_AHEAD):
        return None
    return FORCE if any(_fighting(p.code) for p in (*parties[0], *parties[1])) else ""


def _fighting(code: str | None) -> bool:
    """A party coded with a role of those who fight, or an armed group with no country ("IMGMUSISI")."""
    roles = split_code(code or "")[1]
    return (code or "").startswith("IMG") or ("GOV" not in roles and bool(_FIGHTING_ROLES.intersection(roles)))


def convened_no_call(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                     ctx: DocContext) -> str | None:
    """No event ("") for "call" coded as a telephone call whose object is an occasion it convenes ("called an
    urgent news conference", "called a snap election"); None otherwise (see the module)."""
    if code != _TELEPHONE or verb.lemma_.lower() != "call":
        return None
    objects = [c for c in verb.children if c.dep_ in OBJECTS]
    if not objects or not all(o.lemma_.lower() in OCCASION_NOUNS for o in objects):
        return None
    return "" if ctx.fire(CONVENED) else None
