"""Force needs arms (``code.force-needs-arms``, a sense of ``senses.sense_code``): a verb the dictionary codes as
force (CAMEO 18, 19, 20) is force only when an armed party takes part (soldiers, rebels, police, a state acting as
one), a place is its target, the verb names bodily harm by its meaning (kill, shoot, abduct), or its sentence speaks
of arms or bodily harm. Otherwise it is criticism of its target ("attacked Labour's plans": 111), assault on a crowd
("fans attacked supporters"), a sport result ("France crushed Italy 38-3"), force on an aim ("killed off
Scotland's hopes") or a goal met ("hit the 0.7% aid target"), an effect ("the tax hit buyers"), who suffered most
("Sri Lanka and Thailand worst hit") or nothing done to a computer: no event. Word lists are data
(lexicons/senses.tsv)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .actor_fallbacks import demonyms
from .lexicon import ARMED_ABROAD, ARMED_AGENCIES, ARMED_OUTLAWS, ARMED_PARTIES, PLACE_PREPS
from .lexicons import words
from .views import OBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .context import DocContext
    from .phrase_actors import ActorRef

VIOLENT_VERBS = words("senses", "violent-verb")
VERBAL_ATTACK_VERBS = words("senses", "verbal-attack")
ARMED_WORDS = words("senses", "armed-word")
SPORT_WORDS = words("senses", "sport-word")
SPORT = "code.sport-result-is-no-force"
TEAMS = "code.team-in-a-sport-story-is-no-state"
# nouns that tell of sport in a story though not of a result in their own sentence ("the sprinter", "a try")
STORY_WORDS = SPORT_WORDS | words("senses", "sport-story-word")
# titles of a team's people, and the roles the agents dictionary gives them (captain MIL, boss BUS, striker LAB)
TEAM_TITLES = words("senses", "team-title")
_TEAM_TITLE_ROLES = frozenset({"MIL", "BUS", "LAB"})
# sentences telling of sport that make an article a sport story (a match report, a transfer, a squad named)
SPORT_STORY_SENTENCES = 3
# words of a state's business ("diplomats", "ministers", "sanctions"): told in sentences of no sport, they make a
# sport story a political one too ("Britain expelled 23 Russian diplomats ... Ministers will not attend the Olympics")
STATE_STORY_WORDS = words("senses", "state-story-word")
STATE_STORY_SENTENCES = 2
_SCORE = re.compile(r"^\d{1,3}-\d{1,3}$")
PHYSICAL_TARGETS = words("senses", "physical-target")
# verbs of threatening: force they announce ("threatened to retaliate") is a threat by whoever would order it
_THREAT_VERBS = words("verb_classes", "threat")
FORCE = "code.force-needs-arms"
AIM_OBJECTS = words("senses", "aim-object")
GOAL_OBJECTS = words("senses", "goal-object")
CRITICISM_PARTICLES = words("senses", "criticism-particle")
CROWD_NOUNS = words("senses", "crowd-noun")
CROWD_DOERS = words("senses", "crowd-doer")
COMPUTER_NOUNS = words("senses", "computer-noun")
AIM, HIT = "code.force-on-an-aim-is-no-force", "code.hit-criticises-only-out-or-back"
SUFFERING_VERBS = words("senses", "suffering-verb")
SUFFERING_DEGREES = words("senses", "suffering-degree")
SUFFERED = "code.worst-hit-tells-who-suffered"
CROWD, COMPUTER = "code.attack-on-a-crowd-is-assault", "code.attack-on-a-computer-is-no-event"
ASSAULT = "180"
PLACE_ATTACKED = "code.attack-on-a-place-or-armed-party-is-force"
WEAPON_USED = "code.attack-with-a-weapon-is-force"
_FORCE_MEANS = words("senses", "force-means")
CAPTURED, DISMANTLED = "code.capture-of-a-person-is-detention", "code.dismantling-an-armed-group-is-force"
DETENTION = "173"  # arrest, detain
_CAPTURE_VERBS = words("senses", "capture-verb")
_DISMANTLE_VERBS = words("senses", "dismantle-verb")
_ARMED_HOLDINGS = words("senses", "armed-holding")
_PERSON_NOUNS = words("senses", "person-noun")
# roles of those who fight (not police, whose dismantling of a cell is arrests)
_FIGHTING_ROLES = ARMED_PARTIES | ARMED_ABROAD
# roles of people, not of bodies or forces: what a capture of them takes is persons
_PEOPLE_ROLES = frozenset({"CVL", "REF", "MED", "LAB", "EDU", "HLH", "ELI", "HRI", "AGR"})
FORCE_CODE = "190"  # use conventional military force, not specified below
CRITICISM = "111"
# roles of parties that bear arms; a state named alone (no role) may act through its forces
_ARMED_ROLES = ARMED_PARTIES | ARMED_AGENCIES | ARMED_OUTLAWS
# the dictionaries' code of militarized groups without a country ("Isis": IMGMUSISI)
_ARMED_GROUP = "IMG"
# heads of a phrase that name a person in an armed body's office, who speaks for it rather than fights
_OFFICE_HEADS = frozenset({"minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "official",
                           "chief", "chairman", "head", "leader", "president"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_FUTURE = frozenset({"will", "'ll", "shall", "would"})


def force_code(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
               ctx: DocContext) -> str:
    lemma = verb.lemma_.lower()
    sources, targets = parties
    doc = verb.doc
    if lemma in SUFFERING_VERBS and _suffered_most(verb) and ctx.fire(SUFFERED):
        return ""  # "Sri Lanka, Thailand, India and Indonesia worst hit": who suffered most, from what is told apart
        # (before the future: "will be hardest hit" predicts harm, announces no force)
    if (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _THREAT_VERBS) \
            or any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children):
        return code  # "threatened to retaliate", "we will destroy them": force announced, by whoever would order it
    if (_goal_met(verb) or (lemma not in VERBAL_ATTACK_VERBS and _aimed_at_an_aim(verb))) \
            and not _armed_sentence(verb, besides_verb=True) and ctx.fire(AIM):
        return ""  # "Ireland killed off Scotland's hopes", "shot down Spain's bid", "six countries hit the 0.7% aid
        # target": figurative ("attacked the plan" is criticism of its authors, below)
    if lemma not in VIOLENT_VERBS and not any(doc[t.head].lemma_.lower() in PHYSICAL_TARGETS for t in targets) \
            and _sport(verb, (*sources, *targets)) and ctx.fire(SPORT):
        return ""  # "France crushed Italy 38-3": a sport result, no force
    if lemma in VIOLENT_VERBS or any(_armed(doc[s.head], s.code) for s in (*sources, *targets)):
        return code
    if any(_place(doc[t.head], t.code) for t in targets) or _armed_sentence(verb):
        return code
    if with_a_means_of_force(verb) and ctx.fire(WEAPON_USED):
        return code  # "attacked his neighbour with an axe": bodily harm, whoever does it
    return _unarmed(verb, code, ctx)


def with_a_means_of_force(verb: Token) -> bool:
    """A 'with' phrase on the verb whose noun, or one joined to it, names a weapon or a means of force
    (lexicons/senses.tsv force-means: "attacked with poison gas", "struck with chlorine", "with knives and
    batons"): the act is done with it. The phrase's head only: "hit with higher gas bills" is no gas."""
    return any(prep.dep_ == "prep" and prep.lower_ == "with" and obj.dep_ == "pobj"
               and any(n.lemma_.lower() in _FORCE_MEANS for n in (obj, *obj.conjuncts))
               for prep in verb.children for obj in prep.children)


def attacked_with_a_weapon(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                           ctx: DocContext) -> str | None:
    """Force (190) for a verb of force that news also uses for words (lexicons/senses.tsv verbal-attack) which a
    pattern codes as criticism (11x) though a 'with' phrase names the weapon it is done with
    (``with_a_means_of_force``): "Syrian civilians were attacked with poison gas by the Syrian government" matched
    the bundled "* GOVERNMENT [111]" of ATTACK's block on the agent; words are not aimed with gas. Not 'hit out/back
    at' (criticism-particle). None when the code stands."""
    if code[:2] != "11" or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in VERBAL_ATTACK_VERBS \
            or any(c.dep_ in ("prt", "advmod") and c.lower_ in CRITICISM_PARTICLES for c in verb.children):
        return None
    return FORCE_CODE if with_a_means_of_force(verb) and ctx.fire(WEAPON_USED) else None


def place_or_armed_party_attacked(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                                  ctx: DocContext) -> str | None:
    """Force (190) for a verb of force that news also uses for words ("attack"; lexicons/senses.tsv verbal-attack)
    which a pattern codes as criticism (11x: "attack ... ASSAULT" matched "in its first major assault") when what
    it is done to (its target or object) is a place or a thing struck ("rebel-held areas of Idlib", "rebel
    positions", "the base"; physical-target, armed-holding, a location or building), or an armed party by its
    role attacked by another ("Syrian forces attacked Kurdish fighters"; not the owner of what is criticised, "the
    army's record"): words are aimed at people and at what they say or do, not at places and positions. Not 'hit
    out/back at' (criticism-particle), nor a country or city by its name ("the newspaper attacked Britain": a
    state is criticised); None when the code stands."""
    if code[:2] != "11" or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in VERBAL_ATTACK_VERBS \
            or any(c.dep_ in ("prt", "advmod") and c.lower_ in CRITICISM_PARTICLES for c in verb.children):
        return None
    doc = verb.doc
    struck = [doc[t.head] for t in parties[1]] + [c for c in verb.children if c.dep_ in OBJECTS]
    place = any({t.lemma_.lower(), t.lower_} & (PHYSICAL_TARGETS | _ARMED_HOLDINGS) or t.ent_type_ in ("LOC", "FAC")
                for t in struck)
    # an armed party by its role (not a state named alone, who may be criticised) attacked by another
    armed = all(any(_armed(doc[p.head], p.code) and split_code(p.code or "")[1] and doc[p.head].dep_ != "poss"
                    for p in side) for side in parties)
    if not (place or armed) or not ctx.fire(PLACE_ATTACKED):
        return None
    return FORCE_CODE


def captured_person(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                    ctx: DocContext) -> str | None:
    """Detention (173) for a verb of capture coded as occupying territory (192: the bundled "&MILITARY *" of
    APPREHEND) whose every target is a person or people, by name or by a role of people (civilians, refugees,
    journalists ...): "an American woman captured by Kurdish forces" is taken into custody, not ground occupied
    (lexicons/senses.tsv capture-verb). None when the code stands ("captured the town")."""
    targets = parties[1]
    if code[:3] != "192" or verb.lemma_.lower() not in _CAPTURE_VERBS or not targets:
        return None
    people = all(_person_or_people(verb.doc[t.head], t.code) for t in targets)
    return DETENTION if people and ctx.fire(CAPTURED) else None


def _person_or_people(head: Token, code: str | None) -> bool:
    """A person by name, or people named by a person noun (lexicons/senses.tsv person-noun) or a demonym with a role
    of people or a country alone ("civilians", "two Syrian journalists", "a British teenager", "four Americans")."""
    country, roles = split_code(code or "")
    if head.ent_type_ == "PERSON":
        return True
    # a person noun ("woman", "journalists"), not a place or thing the dictionaries code by a role or country
    # ("the nearby hospital" HLH, "the Lebanese border", "a district centre")
    if head.lemma_.lower() not in _PERSON_NOUNS and head.lower_ not in demonyms():
        return False
    return set(roles) <= _PEOPLE_ROLES if roles else country is not None


def dismantled_by_force(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                        ctx: DocContext) -> str | None:
    """Force (190) for a verb of dismantling (lexicons/senses.tsv dismantle-verb) that the dictionary codes as
    reducing relations (16x, the dominant root of its block) when an armed party by its role does it to an armed
    group or what it holds (armed-holding: a caliphate, a stronghold, an enclave, a network): "Kurdish forces have
    almost completely dismantled Islamic State's caliphate" is fighting, not cutting ties. None when the code
    stands ("dismantled trade barriers", "Iran dismantled centrifuges")."""
    if code[:2] != "16" or verb.lemma_.lower() not in _DISMANTLE_VERBS:
        return None
    doc = verb.doc
    sources, targets = parties
    if not any(_armed(doc[s.head], s.code) and set(split_code(s.code or "")[1]) & _FIGHTING_ROLES for s in sources):
        return None  # (police dismantling a cell arrest its members)
    objects = [c for c in verb.children if c.dep_ in OBJECTS or c.dep_ == "nsubjpass"]
    held = any(o.lemma_.lower() in _ARMED_HOLDINGS for o in objects) \
        or any(_armed(doc[t.head], t.code) and split_code(t.code or "")[1] for t in targets)
    return FORCE_CODE if held and ctx.fire(DISMANTLED) else None


def _unarmed(verb: Token, code: str, ctx: DocContext) -> str:
    """A verb of force with no arms in sight: criticism of the one named ("attacked Labour's plans", "hit out at
    critics"), assault on a crowd ("fans attacked supporters"), nothing done to a computer or by an effect ("hackers
    attacked the website", "the tax hit buyers"), else no event."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ in OBJECTS]
    if lemma in VERBAL_ATTACK_VERBS and _crowd_on_crowd(verb, objects) and ctx.fire(CROWD):
        return ASSAULT  # "British fans attacked Turkish supporters": bodily harm, not criticism
    if lemma in VERBAL_ATTACK_VERBS and _computer(objects) and ctx.fire(COMPUTER):
        return ""  # "Chinese hackers attacked Microsoft's website": neither force between actors nor criticism
    if not ctx.fire(FORCE):
        return code
    if hit_is_an_effect(verb) and ctx.fire(HIT):
        return ""  # "the tax hit first-time buyers", "hit its target": an effect, no criticism
    # "attacked Labour's plans": criticism of the one named; a verb of force with no such sense is no event
    return CRITICISM if lemma in VERBAL_ATTACK_VERBS else ""


def hit_is_an_effect(verb: Token) -> bool:
    """'Hit' without "out", "back" or "at": what something does to someone, not words against them."""
    return verb.lemma_.lower() == "hit" and not any(c.lower_ in CRITICISM_PARTICLES for c in verb.children)


def _aimed_at_an_aim(verb: Token) -> bool:
    """The object of the verb of force is an aim (hopes, a bid, a plan), not a body or a place; a goal word counts
    only as one goal with no place ("hit the aid target", not "struck targets in Syria")."""
    return any(c.dep_ in OBJECTS and (c.lemma_.lower() in AIM_OBJECTS or _one_goal(c, verb))
               for c in verb.children)


def _goal_met(verb: Token) -> bool:
    """The object is one goal ("hit the 0.7% UN aid spending target", "hit their goal"): a goal met or missed,
    neither force nor words against anyone, whichever verb of force says it."""
    return any(c.dep_ in OBJECTS and _one_goal(c, verb) for c in verb.children)


def _suffered_most(verb: Token) -> bool:
    """'Hit' told with a degree of harm ("worst hit", "hardest hit", "badly hit"), with no object and no doer
    named in a 'by' phrase: who suffered most from a cause told apart (the tsunami, the tax), no act of anyone's.
    "Aleppo was the worst hit by Russian airstrikes" names its doer and is left to the other senses."""
    # (the parser may take the participle for a present: "Sri Lanka ... worst hit" VBP with a subject)
    if not any(c.dep_ == "advmod" and c.lower_ in SUFFERING_DEGREES for c in verb.children):
        return False
    # "Israeli jets badly hit the base": an object struck is an act
    return not any(c.dep_ in (*OBJECTS, "agent") or (c.dep_ == "prep" and c.lower_ == "by") for c in verb.children)


def _one_goal(obj: Token, verb: Token) -> bool:
    """A singular goal word ("target", "goal") with no place phrase on it or on the verb."""
    if obj.lemma_.lower() not in GOAL_OBJECTS or obj.tag_ == "NNS":
        return False
    return not any(c.dep_ == "prep" and c.lower_ in PLACE_PREPS for c in (*obj.children, *verb.children))


def _crowd_on_crowd(verb: Token, objects: Sequence[Token]) -> bool:
    """People in a crowd ("Turkish supporters", not "supporters of the war") attacked by people acting as a crowd
    ("British fans", "youths", "a mob"), not by a speaker or a body ("the president", "rights groups")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in CROWD_DOERS:
        return False  # "human rights groups attacked the president's supporters": a body's words (review 8 #10)
    return any(o.lemma_.lower() in CROWD_NOUNS and not any(c.dep_ == "prep" and c.lower_ == "of"
                                                           for c in o.children) for o in objects)


def _computer(objects: Sequence[Token]) -> bool:
    return any(o.lemma_.lower() in COMPUTER_NOUNS or any(c.dep_ == "compound" and c.lemma_.lower() in COMPUTER_NOUNS
                                                         for c in o.children) for o in objects)


def _sport(verb: Token, parties: Sequence[ActorRef]) -> bool:
    """A sport result: the sentence has a score ("38-3") or a sport noun (match, cup, coach), and no party with a
    role that bears arms (a state named alone is a team here)."""
    if any(_ARMED_ROLES.intersection(split_code(p.code or "")[1]) for p in parties):
        return False
    return sport_sentence(verb)


def sport_sentence(tok: Token) -> bool:
    """``tok``'s sentence tells of sport: a score ("38-3", "0-0") or a sport noun (match, cup, coach, striker)."""
    sent = tok.sent
    score = any(t.text in ("-", "\u2013") and t.i > sent.start and t.i + 1 < sent.end and t.nbor(-1).like_num
                and t.nbor(1).like_num for t in sent)
    # "the final" is often tagged ADJ: a nominal ADJ (an object) counts
    return score or any(_SCORE.match(t.text) or ((t.pos_ in ("NOUN", "PROPN") or t.dep_ in ("pobj", "dobj"))
                                                 and t.lemma_.lower() in SPORT_WORDS) for t in sent)


def teams_in_a_sport_story(parties: Sequence[ActorRef], doc: Doc, ctx: DocContext) -> bool:
    """Every party is a country named alone or a person known only by one ("Italy", "the Irish", "England centre
    Olly Barkley"; no government, armed, court or other role), in a sentence that speaks of no arms, in a sport
    story (``_sport_story``): the countries are teams and the persons their players or coaches, so what they do
    to each other ("Wales have beaten France", "Italy travel to Edinburgh", "Russia won the meeting with 63
    points", "hailed his side's victory over England") is play, no act between states."""
    if not parties or not all(_team_party(p, doc) for p in parties):
        return False
    if not any(split_code(p.code or "")[0] for p in parties) or _armed_sentence(doc[parties[0].head]):
        return False  # "before the US-led coalition began airstrikes": arms are no play
    if is_sport_story(doc, ctx) and ctx.state_story:
        # a political story about sport ("Russia condemned Britain" after "Ministers will not attend the
        # Olympics"): a country is a team only where its own sentence tells of sport
        return bool(_sport_nouns(doc[parties[0].head].sent)) or sport_sentence(doc[parties[0].head])
    return bool(ctx.sport_story)


def is_sport_story(doc: Doc, ctx: DocContext) -> bool:
    """``_sport_story``, asked once per document (and with it whether it is also a story of states' business)."""
    if ctx.sport_story is None:  # (the context is the document's own: no need to hold the document to check)
        ctx.sport_story = _sport_story(doc)
        ctx.state_story = ctx.sport_story and state_business_story(doc)
    return ctx.sport_story


def _team_party(party: ActorRef, doc: Doc) -> bool:
    """A country named alone, a person known only by one, or one named by a title of a team ("Ireland captain
    Brian O'Driscoll", "Manchester City boss Kevin Keegan", "the Welsh striker"), whom the agents dictionary
    gives a military, business or labour role (CAPTAIN, BOSS, STRIKER)."""
    roles = set(split_code(party.code or "")[1])
    return not roles or (roles <= _TEAM_TITLE_ROLES
                         and any(t.lemma_.lower() in TEAM_TITLES for t in doc[party.start : party.end]))


def _sport_story(doc: Doc) -> bool:
    """At least three sentences name a sport noun, and the article at least two different ones ("match" and
    "coach"): one word used again ("the hospital and stadium in Raqqa were defended by foreign Isis fighters")
    or a number range read as a score ("2014-2017") makes no sport story."""
    nouns = _story_nouns(doc)
    told = [words for sent in doc.sents if (words := set(nouns[sent.start : sent.end]) - {""})]
    return len(told) >= SPORT_STORY_SENTENCES and len(set().union(*told)) >= 2


def _story_nouns(doc: Doc) -> list[str]:
    """Per token of ``doc``: its lemma lower-cased where ``_sport_nouns`` counts it, else "": read from the doc's
    arrays once per document, each lemma's string once (a Token made for every word of the article and its lemma
    read anew was the cost of the sport-story test)."""
    import numpy as np
    from spacy.attrs import DEP, LEMMA, POS
    from spacy.symbols import NOUN, PROPN

    out = [""] * len(doc)
    if not len(doc):
        return out
    strings = doc.vocab.strings
    arr = doc.to_array([POS, DEP, LEMMA])
    nominal = np.isin(arr[:, 0], np.array([NOUN, PROPN], dtype=np.uint64)) \
        | np.isin(arr[:, 1], np.array([strings["pobj"], strings["dobj"]], dtype=np.uint64))
    at = np.flatnonzero(nominal)
    lemmas = arr[at, 2].tolist()
    lowered = {lemma: low for lemma in set(lemmas) if (low := strings[lemma].lower()) in STORY_WORDS}
    for i, lemma in zip(at.tolist(), lemmas, strict=True):
        if lemma in lowered:
            out[i] = lowered[lemma]
    return out


def state_business_story(doc: Doc) -> bool:
    """At least two sentences that tell of no sport name a state's business (diplomats, ministers, an embassy,
    sanctions): the article is also about states, whose acts a sport word elsewhere does not make play."""
    told = [sent for sent in doc.sents if not _sport_nouns(sent)
            and any(t.lemma_.lower() in STATE_STORY_WORDS or t.lower_ in STATE_STORY_WORDS for t in sent)]
    return len(told) >= STATE_STORY_SENTENCES


def _sport_nouns(sent: Span) -> set[str]:
    # "the final" is often tagged ADJ: a nominal ADJ (an object) counts
    return {t.lemma_.lower() for t in sent if (t.pos_ in ("NOUN", "PROPN") or t.dep_ in ("pobj", "dobj"))
            and t.lemma_.lower() in STORY_WORDS}


def _armed(head: Token, code: str | None) -> bool:
    """An armed party: a role that bears arms (not a person speaking for such a body: "Defence Secretary Liam
    Fox", "he"), or a state named alone ("Russia", acting through its forces)."""
    country, roles = split_code(code or "")
    if (code or "").startswith(_ARMED_GROUP):
        return True
    if head.ent_type_ == "PERSON" or head.lemma_.lower() in _OFFICE_HEADS:
        return False
    if not roles or roles == ("GOV",):
        # a state or its government named by the country, its capital or "the regime" ("Ankara has fought")
        return country is not None and (head.pos_ == "PROPN" or head.lemma_.lower() == "regime")
    # a ministry or minister of defence (GOVMIL) speaks for the forces; "they" resolved to gunmen bears arms
    return "GOV" not in roles and bool(_ARMED_ROLES.intersection(roles))


def _place(head: Token, code: str | None) -> bool:
    """A place struck ("attacked Kyiv", "hit the embassy"): force may be meant."""
    if head.lemma_.lower() in PHYSICAL_TARGETS:
        return True
    return head.ent_type_ in PLACE_TYPES and not split_code(code or "")[1]


def _armed_sentence(verb: Token, *, besides_verb: bool = False) -> bool:
    """A word of arms or bodily harm in the sentence (other than the verb itself, with ``besides_verb``)."""
    return any(t.lower_ in ARMED_WORDS and not (besides_verb and t.i == verb.i) for t in verb.sent)
