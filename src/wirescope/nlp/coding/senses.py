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

Word lists are data (lexicons/senses.tsv). Real-news conventions only (the bundled dictionaries).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .actor_fallbacks import country_names
from .lemmas import trace_correction
from .lexicon import OCCASION_NOUNS, PLACE_PREPS
from .lexicons import words
from .positions import PUBLIC_ROLES, position_code
from .views import OBJECTS, view_code
from .wishes import hoped_cooperation, wish_code

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .context import DocContext
    from .phrase_actors import ActorRef

VIOLENT_VERBS = words("senses", "violent-verb")
VERBAL_ATTACK_VERBS = words("senses", "verbal-attack")
ARMED_WORDS = words("senses", "armed-word")
SPORT_WORDS = words("senses", "sport-word")
SPORT = "code.sport-result-is-no-force"
_SCORE = re.compile(r"^\d{1,3}-\d{1,3}$")
WARNING_VERBS = words("senses", "warning")
WARNER_HARMS = words("senses", "warner-harm")
PHYSICAL_TARGETS = words("senses", "physical-target")
DECLINING_VERBS = words("senses", "declining")
COMMENT_VERBS = words("senses", "comment-verb")
FAILING_VERBS = words("senses", "failing")
DECLINE, FAILURE = "code.refusing-to-say-declines-comment", "code.failing-is-no-refusal"
# verbs of threatening: force they announce ("threatened to retaliate") is a threat by whoever would order it
_THREAT_VERBS = words("verb_classes", "threat")
FORCE = "code.force-needs-arms"
AIM_OBJECTS = words("senses", "aim-object")
GOAL_OBJECTS = words("senses", "goal-object")
CRITICISM_PARTICLES = words("senses", "criticism-particle")
CROWD_NOUNS = words("senses", "crowd-noun")
CROWD_DOERS = words("senses", "crowd-doer")
ECONOMIC_MEASURES = words("senses", "economic-measure")
MEASURE, SANCTION = "code.hit-with-a-measure-is-a-sanction", "163"
HOLDING_VERBS = words("senses", "holding")
HOSTAGE_NOUNS = words("senses", "hostage-noun")
HOSTAGE, HOSTAGE_TAKING = "code.holding-hostage-is-hostage-taking", "181"
EXPECTING_VERBS = words("senses", "expecting")
COMPLIANCE_VERBS = words("senses", "compliance")
EXPECT, DEMAND = "code.expecting-another-to-act-is-a-demand", "100"
COMPUTER_NOUNS = words("senses", "computer-noun")
AIM, HIT = "code.force-on-an-aim-is-no-force", "code.hit-criticises-only-out-or-back"
CROWD, COMPUTER = "code.attack-on-a-crowd-is-assault", "code.attack-on-a-computer-is-no-event"
ASSAULT = "180"
HOPING_VERBS = words("senses", "hoping")
HOPING = "code.hoping-to-act-is-no-act-of-its-own"
CUT_VERBS = words("senses", "cut-verb")
CUT_PREPOSITIONS = words("senses", "cut-preposition")
RELATION_OBJECTS = words("senses", "relation-object")
CUT = "code.cutting-no-ties-is-no-sanction"
FACING_VERBS = words("senses", "facing")
FACING = "code.facing-is-no-meeting"
GOING_VERBS = words("senses", "going")
VISIT_PURPOSES = words("senses", "visit-purpose")
TALKS_PURPOSES = words("senses", "talks-purpose")
MET_HOSTILE = words("senses", "met-hostile")
GOING_AWAY = words("senses", "going-away")
SCHOOLING = words("senses", "schooling")
GOING = "code.going-is-a-visit-only-to-a-place-or-host"
CONSULTATION_NOUNS = words("event_nouns", "consultation")
RELEASING_VERBS = words("senses", "releasing")
PUBLICATIONS = words("senses", "publication")
DETENTION_PLACES = words("senses", "detention-place")
PEOPLE_MODIFIERS = words("senses", "people-modifier")
PUBLISHED = "code.releasing-a-publication-is-no-release"
HOME_PLACE = "code.visit-to-a-home-place-is-no-visit"
JOINING_VERBS = words("senses", "joining")
JOINED_TALKS = words("senses", "joined-talks")
JOINING = "code.joining-is-a-meeting-only-of-talks"
FEELING_VERBS = words("senses", "feeling")
FEELING = "code.feeling-a-participle-is-no-act"
MEETING_VERBS = words("senses", "meeting")
MET_AT, MEETING = "code.meeting-held-at-a-place-is-a-meeting", "040"
AGREEMENT_NOUNS = words("senses", "agreement-noun")
DISCUSSING_VERBS = words("senses", "discussing")
WANTING_VERBS = words("senses", "wanting")
WANTED = "code.wanting-a-thing-is-no-act"
YIELDED_ACTS = words("senses", "yielded-act")
BOOSTING_VERBS = words("senses", "boosting")
APPEARING_VERBS = words("senses", "appearing")
MEDIA = "code.speaking-on-the-media-is-no-consultation"
OWN_PUBLIC = "code.cooperation-with-own-public-is-policy"
BOOST, BOOST_DEFAULT = "code.raising-no-ties-is-no-cooperation", "060"
TOPIC = "code.topic-discussed-is-no-party"
AGREEMENT = "code.agreement-named-for-a-place-is-no-party"
_HOST_ENTS = frozenset({"GPE", "LOC", "FAC", "PERSON", "ORG", "NORP"})
_ACTOR_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
WARNING = "code.warning-is-no-threat-of-others"
CRITICISM, COMMENT, DECLINE_COMMENT = "111", "012", "011"
# roles of parties that bear arms; a state named alone (no role) may act through its forces
_ARMED_ROLES = frozenset({"MIL", "REB", "UAF", "INS", "SEP", "COP", "SPY", "CRM", "RAD"})
# the dictionaries' code of militarized groups without a country ("Isis": IMGMUSISI)
_ARMED_GROUP = "IMG"
# heads of a phrase that name a person in an armed body's office, who speaks for it rather than fights
_OFFICE_HEADS = frozenset({"minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "official",
                           "chief", "chairman", "head", "leader", "president"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# what is acted on: the object, or the subject of a passive ("the report will be released")
_PATIENTS = (*OBJECTS, "nsubjpass")
_SELF_PRONOUNS = frozenset({"we", "i", "it", "they"})
_FUTURE = frozenset({"will", "'ll", "shall", "would"})


def sense_code(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
               ctx: DocContext) -> str | None:
    """The code of the trigger in the sense its arguments and sentence give it: ``code`` itself, another code,
    or "" for no event. ``parties`` are its coded sources and targets."""
    trace_correction(verb, ctx)  # "hopes to meet": its sense follows from a corrected lemma (lemmas.py)
    if verb.pos_ in ("VERB", "AUX") and not view_code(verb, code, ctx, _target_abroad(parties)):
        return ""  # views.py: a question asked, a view held
    if verb.pos_ in ("VERB", "AUX") and not position_code(verb, code, parties, ctx):
        return ""  # positions.py: "Labour wants to cut taxes for families"
    if _felt(verb) and ctx.fire(FEELING):
        return ""  # "Brown feels deeply betrayed", "felt threatened": a feeling told, no act of anyone's
    if _agreement_side(verb.doc, parties) and ctx.fire(AGREEMENT):
        return ""  # "the US has refused to sign up to the Kyoto treaty": Kyoto is no party (not JPN)
    recoded = _construction_code(verb, code, parties, ctx)
    if recoded is not None:
        return recoded  # "" (wishes.py: a prediction, a thing held hostage) is no event
    if code[:2] in ("18", "19", "20") and verb.pos_ in ("VERB", "AUX"):  # an attack noun is one by its meaning
        return _force(verb, code, parties, ctx)
    if code[:2] == "13" and verb.lemma_.lower() in WARNING_VERBS:
        return _warning(verb, code, ctx)
    if code[:2] == "12":
        return _refusal(verb, code, ctx)
    if code[:2] in ("03", "04"):
        return _company(verb, code, parties, ctx)
    return code if _no_act(verb, code, parties, ctx) is None else ""


def _company(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
             ctx: DocContext) -> str:
    """Meetings, visits and intents to meet in the sense their parties and objects give them (BBC politics
    001-299 judged events, session 10): a meeting told as held 'at' a place is a meeting, not an intent; a
    visit or meeting of a place in the actor's own country, or the company of someone joined, is no event."""
    lemma = verb.lemma_.lower()
    if _no_act(verb, code, parties, ctx) is not None:
        return ""  # the older senses first ("went back on a pledge", "faces a rebellion")
    if code == "036" and lemma in MEETING_VERBS and _held_at(verb) and ctx.fire(MET_AT):
        return MEETING  # "the Pakistani president met Tony Blair at 10 Downing Street": the dictionary's
        # "MEET ( AT )" [036] reads an intent; a meeting told in the past tense took place
    if code[:2] == "04" and lemma in DISCUSSING_VERBS and _topics_only(verb, parties[1]) and ctx.fire(TOPIC):
        return ""  # "Theresa May discussed the situation in Ukraine": Ukraine is talked about, not talked with
    if code[:2] == "04" and _home_place(verb.doc, parties) and not _for_talks(verb) and ctx.fire(HOME_PLACE):
        return ""  # "Mr Kennedy visits Manchester", "the chancellor is leaving Britain": no host
    if lemma in JOINING_VERBS and not _joins_talks(verb, parties) and ctx.fire(JOINING):
        return ""  # "Mr Brown was joined by Alan Milburn at a poster launch", "to join the police"
    if code[:2] == "04" and lemma in APPEARING_VERBS and _media_side(verb, parties) and ctx.fire(MEDIA):
        return ""  # "Speaking on BBC One's Breakfast with Frost, he said ...": an interview, not talks
    return code


def _own_public_only(parties: tuple[Sequence[ActorRef], Sequence[ActorRef]]) -> bool:
    """Every target is a public (roles only of people, voters, pupils, workers ...) of the one country of the
    sources, or of no country named: a government's, party's or leader's policy toward its own people."""
    sources, targets = parties
    homes = {split_code(s.code or "")[0] for s in sources}
    if len(homes) != 1 or None in homes or not targets:
        return False
    for target in targets:
        country, roles = split_code(target.code or "")
        if country not in (None, *homes) or not roles or not set(roles) <= PUBLIC_ROLES:
            return False
    return True


def _media_side(verb: Token, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]]) -> bool:
    """Every party on one side is the news media (a MED role: a broadcaster, a programme, a reporter), spoken to
    or appeared on, not the speaker: "the BBC's director general spoke with Chinese officials" is talks (review 10
    #11)."""
    return any(side and all("MED" in split_code(p.code or "")[1] and verb.doc[p.head].dep_ != "nsubj" for p in side)
               for side in parties)


def _agreement_side(doc: Doc, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]]) -> bool:
    """Every party on one side is an agreement whose name gives it a country ("the Kyoto Protocol", "the Paris
    climate agreement", "the Minsk accords"): the place where it was signed, not a party to the act."""
    return any(side and all(_place_named_agreement(doc, p) for p in side) for side in parties)


def _place_named_agreement(doc: Doc, party: ActorRef) -> bool:
    """An agreement noun whose name is no country's: "the Kyoto Protocol", not "the Iran nuclear agreement", "the
    US-Russia agreement" or "the Iranian deal", which name its parties."""
    head = doc[party.head]
    if head.lemma_.lower() not in AGREEMENT_NOUNS and head.lower_ not in AGREEMENT_NOUNS:
        return False
    names = country_names()
    return not any(t.lower_ in names or (t.pos_ == "ADJ" and t.is_title) or t.ent_type_ == "NORP"
                   for t in doc[party.start : party.end] if t.i != head.i)


def _topics_only(verb: Token, targets: Sequence[ActorRef]) -> bool:
    """Every target is inside what is discussed (the object, or the subject of a passive: "discussed the
    situation in Ukraine", "Syria was discussed"), none in a 'with' phrase of the partners."""
    topics = {t.i for c in verb.children if c.dep_ in _PATIENTS for t in c.subtree}
    # a partner's phrase the parser hangs on the object ("discussed the dam with Ethiopia") is no topic
    # ("relations between their two countries" is what is discussed)
    topics -= {t.i for i in list(topics) if verb.doc[i].dep_ == "prep" and verb.doc[i].lower_ == "with"
               for t in verb.doc[i].subtree}
    return bool(targets) and all(t.head in topics for t in targets)


def _wants_a_thing(verb: Token, targets: Sequence[ActorRef]) -> bool:
    """'Want' with a noun object and no clause ("want quotas for economic migrants", "want the publication of the
    full legal advice", "MPs want research into ..."), every target inside what is wanted but not in a 'from'
    phrase, which names whom it is asked of ("wants an apology from Beijing"), nor a 'with' phrase naming a
    partner ("want talks with President Ruto")."""
    if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False  # "wants Britain to use its influence", "wants to cut taxes": other rules decide
    wanted = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN")]
    if not wanted:
        return False
    inside = {t.i for w in wanted for t in w.subtree}
    # "an apology from China", "talks with President Ruto": asked of, or to be held with, someone named
    asked = {t.i for i in inside if verb.doc[i].dep_ == "prep" and verb.doc[i].lower_ in ("from", "with")
             for t in verb.doc[i].subtree}
    # "Putin wants Turkish support": the one whose support is wanted is asked for it
    asked |= {t.i for w in wanted for c in w.children if c.dep_ in ("poss", "amod", "compound") for t in c.subtree}
    # "wants the withdrawal of all Russian troops": the act wanted is the target's, asked of it (review 10 #13)
    asked |= {t.i for w in wanted if w.lemma_.lower() in YIELDED_ACTS for c in w.children
              if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
    return all(t.head in inside and not asked.intersection(range(t.start, t.end)) for t in targets)


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


def _held_at(verb: Token) -> bool:
    """A meeting told as held, in the past tense, with an 'at' phrase ("met Tony Blair at Downing Street", "met
    with his Iraqi counterpart at the ministry": the parse may hang the place on the one met). Meeting resistance
    or fire, or meeting people with tear gas, is no meeting (senses.tsv met-hostile: "Russian troops met fierce
    resistance from Ukrainian forces at Bakhmut", "police met the demonstrators with tear gas at the gates")."""
    if verb.tag_ != "VBD":
        return False
    met = [c for c in verb.children if c.dep_ in OBJECTS] + _prep_objects(verb, ("with",))
    if any(m.lemma_.lower() in MET_HOSTILE or m.lower_ in MET_HOSTILE for m in met):
        return False
    return bool(_prep_objects(verb, ("at",)) or any(_prep_objects(m, ("at",)) for m in met))


def _home_place(doc: Doc, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]]) -> bool:
    """One side of the meeting or visit is only places (a name coded as a country with no role: "Manchester",
    "Britain") in the country of every party on the other side: a tour at home, no host."""
    for places, others in (parties, parties[::-1]):
        homes = {split_code(o.code or "")[0] for o in others}
        if not places or len(homes) != 1 or None in homes:
            continue
        if all(_bare_place(doc[p.head], p.code) and _place_name(doc, p) and split_code(p.code or "")[0] in homes
               for p in places):
            return True
    return False


def _place_name(doc: Doc, ref: ActorRef) -> bool:
    """A one-word name, or a longer one the model tags as a place ("New York"): a longer name of no place type is
    a company's or body's ("Aguas Argentinas", coded as a bare country by the word 'Argentinas')."""
    return ref.end - ref.start == 1 or doc[ref.head].ent_type_ in _PLACE_TYPES


def _for_talks(verb: Token) -> bool:
    """The going or visit is for talks ("arrived in Khartoum for peace talks", "travelled to Damascus to
    negotiate"): the place stands for its government, the host of the talks."""
    if any(g.lemma_.lower() in JOINED_TALKS or g.lower_ in JOINED_TALKS for g in _prep_objects(verb, ("for",))):
        return True
    return any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in TALKS_PURPOSES for c in verb.children)


def _bare_place(head: Token, code: str | None) -> bool:
    country, roles = split_code(code or "")
    # a name the dictionaries code as a bare country is a place whatever the model's entity label ("Marseille"
    # may be tagged PERSON); a people's or body's name ("Kenyans", "the BBC") is not
    return country is not None and not roles and (head.ent_type_ in _PLACE_TYPES or (
        head.pos_ == "PROPN" and head.ent_type_ not in ("ORG", "NORP")))


def _joins_talks(verb: Token, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]]) -> bool:
    """What is joined is talks or a meeting ("joined the talks", "will join the summit", "joined in the
    negotiations", "joined Trump for dinner"): a consultation; so is joining a party of another country at one
    ("Britain joined France and Germany at the summit", "was joined by Putin at a dinner in the Kremlin"), and
    joining forces ("joined forces with the UAE") is cooperation. Joining a person, a body or a delegation is
    company or membership ("was joined by Alan Milburn at a poster launch", "joined NATO")."""
    objects = [c for c in verb.children if c.dep_ in _PATIENTS]
    if any(o.lemma_.lower() == "force" and o.tag_ == "NNS" and not any(c.dep_ in ("det", "amod", "compound", "poss")
                                                                         for c in o.children) for o in objects):
        return True  # the idiom, bare: "joined forces with the UAE" ("joined the armed forces" enlists)
    joined = objects + _prep_objects(verb, ("in", "for"))
    if any(j.lemma_.lower() in JOINED_TALKS or j.lower_ in JOINED_TALKS for j in joined):
        return True
    return any(j.lemma_.lower() in JOINED_TALKS for j in _prep_objects(verb, ("at",))) and _between_states(parties)


def _prep_objects(verb: Token, preps: tuple[str, ...]) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


def _between_states(parties: tuple[Sequence[ActorRef], Sequence[ActorRef]]) -> bool:
    """A source and a target of two different known countries."""
    countries = [{split_code(a.code)[0] for a in side} - {None} for side in parties]
    return bool(countries[0] and countries[1] and countries[0] != countries[1])


def _construction_code(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                       ctx: DocContext) -> str | None:
    """Another code that a construction around the verb gives it (a measure hit with, a hostage held, another
    expected to act), "" for no event (wishes.py), else None."""
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
    imposes (the dictionary's "* WITH" [190:190] is a clash, both ways)."""
    return code == SANCTION


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


def _no_act(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
            ctx: DocContext) -> str | None:
    """The rule by which a verb in the sense its object gives it is no act (its id), else None."""
    lemma, root = verb.lemma_.lower(), code[:2]
    if lemma in HOPING_VERBS and any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in verb.children) \
            and not hoped_cooperation(verb, parties, ctx) and ctx.fire(HOPING):
        return HOPING  # "hopes to meet Saudi officials": the meeting is the intent (modality.intention); the
        # dictionary's "hope for" (013) and "hope" (020) would read a "for" or an object of the complement
    if root in ("03", "04", "11") and lemma in FACING_VERBS and ctx.fire(FACING):
        return FACING  # "faces a possible rebellion", "faced a clear choice", "has faced sharp criticism"
    if lemma in WANTING_VERBS and _wants_a_thing(verb, parties[1]) and ctx.fire(WANTED):
        return WANTED  # "the Tories want quotas for economic migrants": a wish or policy, asked of no one
    if root == "04" and lemma in GOING_VERBS and not _visit(verb) and ctx.fire(GOING):
        return GOING  # "went back on a pledge", "went further", "went to university"
    if root in ("08", "03") and lemma in RELEASING_VERBS and _published(verb) and ctx.fire(PUBLISHED):
        return PUBLISHED  # "released a video", "the report will be released", "troops freed up": no one freed
    if root in ("16", "13") and lemma in CUT_VERBS and _cut_no_ties(verb) and not _target_abroad(parties) \
            and ctx.fire(CUT):
        return CUT  # "cut taxes", "plans to cut the number of MPs": a policy, no sanction or threat of one
    if code == BOOST_DEFAULT and lemma in BOOSTING_VERBS and _cut_no_ties(verb) and not _target_abroad(parties) \
            and ctx.fire(BOOST):
        return BOOST  # "wants to increase deportations of failed asylum seekers": a policy, no cooperation
    if root in ("05", "06") and _own_public_only(parties) and ctx.fire(OWN_PUBLIC):
        return OWN_PUBLIC  # "the government gives £200 for winter fuel to households": policy, no act between actors
    if root == "11" and _effect(verb) and ctx.fire(HIT):
        return HIT  # the dictionary's own criticism for 'hit' ("will only hit its target"): an effect
    return None


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


def _force(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
           ctx: DocContext) -> str:
    lemma = verb.lemma_.lower()
    sources, targets = parties
    doc = verb.doc
    if (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _THREAT_VERBS) \
            or any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children):
        return code  # "threatened to retaliate", "we will destroy them": force announced, by whoever would order it
    if lemma not in VERBAL_ATTACK_VERBS and _aimed_at_an_aim(verb) and not _armed_sentence(verb, besides_verb=True) \
            and ctx.fire(AIM):
        return ""  # "Ireland killed off Scotland's hopes", "shot down Spain's bid": figurative ("attacked the
        # plan" is criticism of its authors, below)
    if lemma not in VIOLENT_VERBS and not any(doc[t.head].lemma_.lower() in PHYSICAL_TARGETS for t in targets) \
            and _sport(verb, (*sources, *targets)) and ctx.fire(SPORT):
        return ""  # "France crushed Italy 38-3": a sport result, no force
    if lemma in VIOLENT_VERBS or any(_armed(doc[s.head], s.code) for s in (*sources, *targets)):
        return code
    if any(_place(doc[t.head], t.code) for t in targets) or _armed_sentence(verb):
        return code
    return _unarmed(verb, code, ctx)


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
    if _effect(verb) and ctx.fire(HIT):
        return ""  # "the tax hit first-time buyers", "hit its target": an effect, no criticism
    # "attacked Labour's plans": criticism of the one named; a verb of force with no such sense is no event
    return CRITICISM if lemma in VERBAL_ATTACK_VERBS else ""


def _target_abroad(parties: tuple[Sequence[ActorRef], Sequence[ActorRef]]) -> bool:
    """A target in another country than every source's: what is cut toward it ("cut its embassy staff in Havana",
    "cut fuel deliveries to Gaza") is a relation between states, whatever the thing cut (review 8 #4)."""
    sources, targets = parties
    homes = {split_code(s.code)[0] for s in sources}
    return any((country := split_code(t.code)[0]) is not None and country not in homes for t in targets)


def _cut_no_ties(verb: Token) -> bool:
    """A verb of cutting whose object (or passive subject) is a thing of no relation between actors: not ties,
    aid or supplies anywhere in its phrase or in a from/to phrase ("cut off the policy of backing for rebels",
    "cut off from aid shipments"), not a named actor ("cut off Ukraine"); no object at all ("cut and run")
    counts as such."""
    phrases = [c for c in verb.children if c.dep_ in _PATIENTS
               or (c.dep_ == "prep" and c.lower_ in CUT_PREPOSITIONS)]
    for phrase in phrases:
        if any(t.lemma_.lower() in RELATION_OBJECTS for t in phrase.subtree):
            return False
    return not any(o.pos_ == "PROPN" or o.ent_type_ in _ACTOR_ENTS for o in phrases if o.dep_ != "prep")


def _visit(verb: Token) -> bool:
    """'Go' as a visit: to a place or a host named ("went to Washington", "went to the Kremlin"), or to meet or
    see someone ("went to see the president"); not "went back on a pledge", "went further", "went to
    university", nor without a destination ("the minister went further"); talks that go on are talks."""
    children = list(verb.children)
    # (a capitalised "Negotiations" may keep its plural as its lemma)
    if any(c.dep_ in ("nsubj", "nsubjpass") and {c.lemma_.lower(), c.lower_.removesuffix("s")} & CONSULTATION_NOUNS
           for c in children):
        return True  # "negotiations between Britain and Mauritius have been going on": the talks are the event
    if any(c.lower_ in GOING_AWAY and c.dep_ in ("prt", "advmod") for c in children):
        return False
    if any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in VISIT_PURPOSES for c in children):
        return True
    ends = [g for c in children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return any(e.lemma_.lower() not in SCHOOLING and (e.ent_type_ in _HOST_ENTS or e.pos_ == "PROPN"
                                                       or e.lemma_.lower() in OCCASION_NOUNS)
               for e in ends)  # an occasion is a destination too: "went to the EU summit in Brussels" (review 8 #7)


def _published(verb: Token) -> bool:
    """What is released is a publication ("a video", "the report", "opposing accounts"), or "freed up"."""
    if any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "from" and any(g.lemma_.lower() in DETENTION_PLACES for g in c.children)
           for c in verb.children):
        return False  # "released several opposition figures from prison": people freed (review 8 #6)
    return any(c.dep_ in _PATIENTS and c.lemma_.lower() in PUBLICATIONS
               and not any(m.dep_ in ("amod", "compound") and m.lower_ in PEOPLE_MODIFIERS for m in c.children)
               for c in verb.children)


def _effect(verb: Token) -> bool:
    """'Hit' without "out", "back" or "at": what something does to someone, not words against them."""
    return verb.lemma_.lower() == "hit" and not any(c.lower_ in CRITICISM_PARTICLES for c in verb.children)


def _aimed_at_an_aim(verb: Token) -> bool:
    """The object of the verb of force is an aim (hopes, a bid, a plan), not a body or a place; a goal word counts
    only as one goal with no place ("hit the aid target", not "struck targets in Syria")."""
    return any(c.dep_ in OBJECTS and (c.lemma_.lower() in AIM_OBJECTS or _one_goal(c, verb))
               for c in verb.children)


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
    return head.ent_type_ in _PLACE_TYPES and not split_code(code or "")[1]


def _armed_sentence(verb: Token, *, besides_verb: bool = False) -> bool:
    """A word of arms or bodily harm in the sentence (other than the verb itself, with ``besides_verb``)."""
    return any(t.lower_ in ARMED_WORDS and not (besides_verb and t.i == verb.i) for t in verb.sent)


def _warning(verb: Token, code: str, ctx: DocContext) -> str:
    """A warning of what may happen or of what others do (a that-clause, 'of', 'about') is a prediction; one of
    the warner's own harm stays a threat, and so does a bare warning or one that the addressee should not act
    ('warned France not to interfere'), where diplomacy leaves the harm implied."""
    told = [t for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass", "punct") for t in c.subtree]
    if any(t.lemma_.lower() in WARNER_HARMS or t.lower_ in WARNER_HARMS or t.lower_ == "face" for t in told):
        return code  # "warned of retaliation", "stop or face ...": the harm is the warner's to bring
    clauses = [c for c in verb.children if c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ in ("of", "about"))]
    if not clauses or any(c.dep_ == "ccomp" and _own_act(c) for c in clauses):
        return code  # "warned (that) it would close the strait": the warner's own act
    return COMMENT if ctx.fire(WARNING) else code


def _own_act(clause: Token) -> bool:
    """A complement clause whose subject is a pronoun that may be the warner, with a future or modal verb."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ not in _SELF_PRONOUNS or subj.dep_ == "nsubjpass":
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in clause.children)
