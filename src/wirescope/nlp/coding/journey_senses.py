"""Journeys that are no visit, read by what the journey is for or what is moved (``senses.sense_code``; issue 17,
cause 1: a verb in an unrelated sense invents an event).

* ``code.going-to-fight-is-no-visit``: verbs of going (go, come, travel, fly, head, return) are consultation or a
  visit (040, 042/043) in the dictionary. A journey made to take up arms is no visit of the country reached nor a
  meeting with the armed group joined: "many nations whose citizens travelled to join Isis", "she deeply regrets
  travelling to Syria to join the terror group", "a British man who went to Syria to fight Islamic State": no event
  (the fighting, where told, is coded by its own verb). Its purpose clause says so: to join an armed group, a war or
  a fight (an armed party by its code, or a noun of armed people or of fighting: journey-joined, or a group named
  when those who go are private persons), or to fight or attack (force-purpose). "Travelled to Geneva to join the
  talks" and "the minister flew to Brussels to join Nato leaders" stay visits.
* ``code.private-journey-is-no-visit``: a visit (CAMEO 04) is made by a political actor to another. Private persons
  who go to, arrive in or come back from a country visit neither it nor its state: "it would allow hundreds of men to
  return to the UK from Syria and Iraq" (RETURN '( FROM )' 042:043, read as a visit to Syria), "12,000 women and
  children of all nationalities have arrived from Isis-controlled Baghuz", "Aksoy went to Syria in the summer to
  document the Kurdish resistance": no event. Only those coded by roles of private people (civilians, the public,
  pupils, refugees) and only toward a place (a country coded with no role, or a place's name): "travelled to a
  British embassy" (GBRGOV) and anyone's journey to meet a person named stay.
* ``code.steering-a-thing-is-no-journey``: the dictionary's block of control (control, direct, steer, manage,
  regulate ...) shares the patterns of "head" ("( TO )", "( FOR )" [042:043], "TO" [030], "MISSION" [036]), and
  "fly" reads "flew to Moscow". With a thing as its object the verb moves, steers or runs that thing, and nobody
  travels or meets: "direct the money into aid programmes for the poor", "state controlled carriers will be able to
  fly the lucrative Gulf routes, to countries such as Kuwait", "I, Qassem Suleimani, control the policy for Iran with
  respect to Iraq, Lebanon, Gaza and Afghanistan": no event. A
  person, a delegation, a force or a party as the object ("led a delegation to Moscow", "flew men and munitions to
  Damascus") is not this rule's.

* ``code.journey-abroad-is-a-visit``: the dictionary codes "travel" and "arrive" as consultation (040, with the
  place reached as the partner) and "fly ( TO )" as an intent to meet (036). A political actor's journey, told as
  made, to a place in another country than its own is a visit of that country (CAMEO 042, "make a visit: travel to
  another location for a meeting or other event"), as the real-news gold codes "Rubio ... landing in Jeddah" and "I
  have not traveled to Afghanistan": "the presidents of Iran and Turkey arrived in the Black Sea resort of Sochi",
  "Turkish military officials travelled to Moscow ahead of the Turkish invasion", "Mr Blair flew to Washington on
  Tuesday": 042, one way (the host's 043 is coded where the host is told as hosting). A journey still to come ("will
  fly to Moscow", "is due to travel to Mauritius") keeps its intent (036); one to a place at home is no visit
  (``code.visit-to-a-home-place-is-no-visit``); private persons' journeys are none (above). The dictionary's
  journeys for talks, "ARRIVE ( FOR TALKS )" or "HEAD ( FOR TALKS )" [046:046], make the place reached negotiate
  both ways; made, they are visits too ("Jack Straw arrives in Indonesia for a special summit meeting").
* ``code.journey-to-come-abroad-is-an-intent``: such a journey still to come, coded as negotiation with the place
  after a modal or 'to' ("a Syrian government delegation will arrive in Geneva on Wednesday for the first
  UN-sponsored peace talks", "is due to arrive in Berlin for talks") or as consultation told in the present
  progressive ("the chancellor is travelling to America next week"), is an intent to visit (036), one way: the
  city is where the talks are held, no party to them, and the place does nothing back.
* ``code.attending-a-school-or-place-is-no-visit``: "attend" is a visit (042:043) in the dictionary, made for
  summits, meetings and funerals. Attending a school, a course or a place of worship or training is no visit and
  its place hosts no one: "he attended Lewis Boys' School in nearby Pengam", "charged with attending a place or
  places in Iraq and Syria where instruction or training was provided", "the Iraqi prime minister attended a
  university in London": no event. "Attended the summit in Brussels", "attended the funeral" stay.
* ``code.taking-refuge-is-no-occupation``: "take" is an occupation (192, from its armed subject) or an arrest (171)
  in the dictionary. Refuge, shelter or cover taken in a place is flight, no act on the place or its state: "Isis
  leaders have taken refuge in the Syrian town of Mayedin" (Guardian), "Afghan soldiers took refuge in Tajikistan",
  "Syrian rebels took shelter in Turkey", "Iraqi soldiers took cover in a mosque in Mosul": no event. "Kurdish
  forces have taken the Old City" stays.

* ``code.crossing-into-a-country-is-no-appeal``: the dictionary codes refugees crossing into a place
  ("&REFUGEE * ( INTO )") as an appeal for humanitarian aid (0233) to it. Crossing a border is a journey, and
  refugees (and those who cross with them) ask nothing of the country's state by it: "more than 3,000 refugees and
  militants have crossed the Lebanese border into Syria in the second phase of a repatriation" (Guardian), "hundreds
  of Afghan refugees crossed into Pakistan", "thousands of Syrian refugees crossed into Turkey overnight": no event.
  Aid asked for in words ("appealed for aid") is not this verb's.

Word lists are data (lexicons/senses.tsv journey-verb, journey-joined, force-purpose, steering-verb, person-noun,
visitor-noun, sent-force, mobilised-force, schooling, attended-place, refuge-noun).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .lexicon import ARMED_PARTIES
from .lexicons import words
from .views import OBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .actor_refs import ActorRef
    from .context import DocContext

TO_FIGHT = "code.going-to-fight-is-no-visit"
PRIVATE = "code.private-journey-is-no-visit"
STEERED = "code.steering-a-thing-is-no-journey"
VISIT_ABROAD = "code.journey-abroad-is-a-visit"
PLANNED_ABROAD = "code.journey-to-come-abroad-is-an-intent"
ATTENDED = "code.attending-a-school-or-place-is-no-visit"
REFUGE = "code.taking-refuge-is-no-occupation"
CROSSED = "code.crossing-into-a-country-is-no-appeal"
# the dictionary's code of refugees crossing into a place: an appeal for humanitarian aid
_AID_APPEAL = "0233"
VISIT, INTENT = "042", "036"
_ATTENDED_PLACES = words("senses", "schooling") | words("senses", "attended-place")
_REFUGE_NOUNS = words("senses", "refuge-noun")
# the dictionary's codes of a journey that the rule reads as a visit: consultation, an intent to meet ("FLY ( TO )"),
# negotiation with the place reached ("ARRIVE ( FOR TALKS )", "HEAD ( FOR TALKS )" [046:046])
_JOURNEY_CODES = frozenset({"040", "036", "046"})
# the dictionary's codes of a journey still to come that the rule reads as an intent: negotiation with the place
# reached, both ways; consultation told in the present progressive ("is travelling to America next week")
_TALKS = "046"
# a journey told as still to come: a modal or the infinitive's 'to' ("will fly", "is due to travel")
# an auxiliary that tells a plan, not a journey made: a modal of possibility, the future or obligation (the modality
# rules' own cue words, lexicons/modal_cues.tsv), or an infinitive's "to"
_PLANNED = words("modal_cues", "possible") | words("modal_cues", "future") | words("modal_cues", "mandative") | {"to"}
_MADE_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN", "VBG"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# roles of non-state armed groups (roles.tsv armed-force and armed-cause but the state's forces): their moves are no
# visits
_IRREGULAR_ROLES = ARMED_PARTIES - {"MIL"}
_JOURNEY_VERBS = words("senses", "journey-verb")
_JOINED = words("senses", "journey-joined")
_FORCE_PURPOSES = words("senses", "force-purpose")
_STEERING_VERBS = words("senses", "steering-verb")
# nouns that are no thing moved: people, visitors, forces
_NO_THING = (words("senses", "person-noun") | words("senses", "visitor-noun") | words("senses", "sent-force")
             | words("senses", "mobilised-force"))
_VISIT_ROOTS = frozenset({"03", "04"})
_JOINING = frozenset({"join", "enlist", "rejoin"})
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# roles of an armed party (not a state's government: "join the government" is no fight)
_ARMED_ROLES = ARMED_PARTIES
# roles of private people, whom no state sends: their journey to join a group named is their own
_PRIVATE_ROLES = frozenset({"CVL", "PPL", "EDU", "REF", "LAB", "HLH", "AGR", "CRM"})


def went_to_fight(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                  ctx: DocContext) -> str | None:
    """No event ("") for a verb of going coded as consultation or a visit (03, 04) whose purpose is to fight or to
    join an armed group, a war or a fight (see the module); None otherwise."""
    if code[:2] not in _VISIT_ROOTS or verb.lemma_.lower() not in _JOURNEY_VERBS:
        return None
    if not any(_to_fight(p, parties) for p in _purposes(verb)):
        return None  # "travelled to Geneva to join the talks", "went to Moscow to meet Putin"
    return "" if ctx.fire(TO_FIGHT) else None


def _purposes(verb: Token) -> list[Token]:
    """The infinitives of purpose of the journey: its own, or one after it that the parser hangs on the verb the
    journey completes ("regrets travelling to Syria to join the terror group": 'join' on 'regrets')."""
    kids = list(verb.children)
    if verb.dep_ in ("xcomp", "pcomp", "advcl", "conj") and verb.head.i < verb.i:
        # (through a preposition: "followed their friend in travelling to Syria to join Isis": 'join' on 'followed')
        governor = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else verb.head
        kids += [c for c in governor.children if c.i > verb.i]
    return [c for c in kids if c.dep_ in ("xcomp", "advcl") and c.pos_ in ("VERB", "AUX")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def _to_fight(purpose: Token, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]]) -> bool:
    """A purpose of force ("to fight Islamic State", "to fight") or of joining an armed party or a fight ("to join
    the terror group", "to join the war"); a group joined by its name ("to join Isis") by private persons
    ("citizens", "pupils", "an American woman"), whom no state sends to join anyone."""
    lemma = purpose.lemma_.lower()
    if lemma in _FORCE_PURPOSES:
        return True
    if lemma not in _JOINING:
        return False
    joined = [c for c in purpose.children if c.dep_ in OBJECTS]
    inside = {t.i for j in joined for t in j.subtree}
    if any(t.head in inside and _armed(t.code) for t in parties[1]):
        return True  # "to join Isis", coded IMGMUSISI
    if any(j.lemma_.lower() in _JOINED or any(m.dep_ in ("amod", "compound") and m.lemma_.lower() in _JOINED
                                              for m in j.children) for j in joined):
        return True  # "to join the terror group", "to join the war"
    return bool(parties[0]) and all(_private(s.code) for s in parties[0]) and any(_name(j) for j in joined)


def _private(code: str | None) -> bool:
    """No code, or roles of private people only ("---CVL", "USACVL", "---EDU")."""
    roles = split_code(code or "")[1]
    return code is None or (bool(roles) and set(roles) <= _PRIVATE_ROLES)


def _name(tok: Token) -> bool:
    """A name: a proper noun, an organisation, or a capitalised word inside the sentence ("Isis", which the tagger
    may call a common noun)."""
    return tok.pos_ == "PROPN" or tok.ent_type_ == "ORG" or (tok.text[:1].isupper() and tok.i > tok.sent.start)


def private_journey(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                    ctx: DocContext) -> str | None:
    """No event ("") for a verb of going coded as a visit (04) by private persons only, toward places only (see
    the module); None otherwise."""
    if code[:2] != "04" or verb.lemma_.lower() not in _JOURNEY_VERBS:
        return None
    sources, targets = parties
    if not sources or not targets or not all(_private_people(s.code) for s in sources):
        return None  # "the minister travelled to Syria", "the president arrived in Kabul"
    if not all(_place(t, verb.doc) for t in targets):
        return None  # "travelling to a nearby British embassy" (GBRGOV)
    return "" if ctx.fire(PRIVATE) else None


def _private_people(code: str | None) -> bool:
    """Coded by roles of private people only ("USACVL", "---EDU", "GBRPPL"): no state, no armed or political party."""
    roles = split_code(code or "")[1]
    return bool(roles) and set(roles) <= _PRIVATE_ROLES


def _place(target: ActorRef, doc: Doc) -> bool:
    """A country with no role ("SYR"), or a target named by a place's name ("Syria", "Isis-controlled Baghuz": a
    proper noun the recogniser calls no person, organisation or people)."""
    country, roles = split_code(target.code or "")
    head = doc[target.head]
    return (country is not None and not roles) or head.ent_type_ in _PLACE_ENTS or (
        head.pos_ == "PROPN" and head.ent_type_ not in _ACTOR_ENTS)


def _armed(code: str | None) -> bool:
    """An armed group with no country ("IMGMUSISI") or a party with a role of those who fight."""
    roles = split_code(code or "")[1]
    return (code or "").startswith("IMG") or ("GOV" not in roles and bool(_ARMED_ROLES.intersection(roles)))


def steered_a_thing(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                    ctx: DocContext) -> str | None:
    """No event ("") for a verb of steering or moving a thing coded as consultation or a visit (03, 04) whose every
    object is a thing, no person, group, force or coded party (see the module); None otherwise."""
    if code[:2] not in _VISIT_ROOTS or verb.lemma_.lower() not in _STEERING_VERBS:
        return None
    moved = [c for c in verb.children if c.dep_ in OBJECTS]
    if not moved:
        return None  # "flew to Moscow": the one who flies travels
    heads = {t.head for side in parties for t in side}
    if not all(_thing(o, heads) for o in moved):
        return None  # "led a delegation to Moscow", "flew men and munitions to Damascus"
    return "" if ctx.fire(STEERED) else None


def _thing(noun: Token, coded_heads: set[int]) -> bool:
    """A common noun that names no person, visitor, force or party (and none of its conjuncts does): "the money",
    "the lucrative Gulf routes", "the flow of goods"."""
    for tok in (noun, *(c for c in noun.children if c.dep_ == "conj")):
        if tok.pos_ != "NOUN" or tok.i in coded_heads or tok.ent_type_ in _ACTOR_ENTS:
            return False
        if tok.lemma_.lower() in _NO_THING or tok.lower_ in _NO_THING:
            return False
    return True


def visit_abroad(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                 ctx: DocContext) -> str | None:
    """A visit (042) for a verb of going coded as consultation, an intent to meet or negotiation with the place
    reached (040, 036, 046), told as made, by a political actor to places in another country than its own; an
    intent (036, one way) for such a journey still to come that the dictionary codes as negotiation or tells in the
    present progressive (see the module); None otherwise."""
    if code not in _JOURNEY_CODES or verb.lemma_.lower() not in _JOURNEY_VERBS:
        return None
    sources, targets = parties
    if not sources or not targets or not all(_political(s.code) for s in sources):
        return None  # "12,000 women and children have arrived" (private persons), "Isis fighters arrived in Mosul"
    homes = {split_code(s.code)[0] for s in sources}
    if not all(_place(t, verb.doc) and split_code(t.code)[0] not in homes | {None} for t in targets):
        return None  # "went to see the Turkish president": a meeting; "Mr Kennedy arrived in Manchester": at home
    if _told_as_made(verb):
        return VISIT if ctx.fire(VISIT_ABROAD) else None
    # a journey to come: the place reached neither negotiates nor meets ("will arrive in Geneva for UN-sponsored
    # talks": Geneva is where the talks are held, no party to them); the traveller intends to go (036, one way)
    planned = _progressive(verb) or (code == _TALKS and any(a.lower_ in _PLANNED for a in _auxiliaries(verb)))
    return INTENT if code != INTENT and planned and ctx.fire(PLANNED_ABROAD) else None


def _told_as_made(verb: Token) -> bool:
    """A finite verb or a participle with no modal, no infinitive's 'to' and no present progressive (its own, or
    its governor's when it is a conjunct: "will fly to Moscow and meet Putin"), or a verb after 'do' ("did not
    travel"); "the chancellor is travelling to America next week" tells a plan."""
    if _progressive(verb):
        return False
    auxes = _auxiliaries(verb)
    if verb.tag_ == "VB" and any(a.lemma_.lower() == "do" for a in auxes):
        return True  # "did not arrive in Moscow for the talks": a journey told (here as not made), no plan
    return verb.tag_ in _MADE_TAGS and not any(a.lower_ in _PLANNED for a in auxes)


def _auxiliaries(verb: Token) -> list[Token]:
    """The verb's auxiliaries, or its governor's when it is a conjunct ("will fly to Moscow and meet Putin")."""
    holders = (verb, verb.head) if verb.dep_ == "conj" else (verb,)
    return [c for h in holders for c in h.children if c.dep_ == "aux"]


def _progressive(verb: Token) -> bool:
    """A present progressive ("is travelling to America next week", "are flying to Tokyo"): news tells a journey
    so when it is planned or under way, not yet made."""
    return verb.tag_ == "VBG" and any(a.lemma_.lower() == "be" and a.tag_ in _PRESENT_TAGS
                                      for a in _auxiliaries(verb))


def _political(code: str | None) -> bool:
    """An actor coded by a role that is no private person's and no irregular armed group's ("TURGOV", "GBRELI",
    "IGOUNO", "TURMIL"; not "---CVL", "SAURAD", "IMGMUSISI", nor a bare "GBR", which a demonym gives people:
    "three Britons flew to Turkey")."""
    roles = split_code(code)[1]
    if not code or not roles or code.startswith("IMG") or _private_people(code):
        return False
    return not _IRREGULAR_ROLES.intersection(roles)


def attended_no_gathering(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                          ctx: DocContext) -> str | None:
    """No event ("") for 'attend' coded as a visit (04) whose every object is a school, a course or a place of
    worship or training (see the module); None otherwise."""
    if code[:2] != "04" or verb.lemma_.lower() != "attend":
        return None
    attended = [c for c in verb.children if c.dep_ in (*OBJECTS, "nsubjpass")]
    if not attended or not all(a.lemma_.lower() in _ATTENDED_PLACES or a.lower_ in _ATTENDED_PLACES
                               for a in attended):
        return None  # "attended the summit in Brussels", "attended the funeral"
    return "" if ctx.fire(ATTENDED) else None


def took_refuge(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                ctx: DocContext) -> str | None:
    """No event ("") for 'take' whose object is refuge, shelter or cover (see the module); None otherwise."""
    if verb.lemma_.lower() != "take" or not any(c.dep_ in OBJECTS and c.lemma_.lower() in _REFUGE_NOUNS
                                                for c in verb.children):
        return None
    return "" if ctx.fire(REFUGE) else None


def crossed_into_a_country(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                           ctx: DocContext) -> str | None:
    """No event ("") for 'cross' coded as an appeal for humanitarian aid (see the module); None otherwise."""
    if code != _AID_APPEAL or verb.pos_ != "VERB" or verb.lemma_.lower() != "cross":
        return None
    return "" if ctx.fire(CROSSED) else None
