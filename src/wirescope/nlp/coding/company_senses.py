"""Meetings, visits, joining and discussing in the sense their parties and objects give them (``senses.sense_code``;
BBC politics 001-299 judged events, session 10): a meeting told as held "at" a place is a meeting, not an intent; a
visit or meeting of a place in the actor's own country, a topic discussed, the company of someone joined or an
interview on the media is no event; an agreement named for a place ("the Kyoto Protocol") is no party. Word lists
are data (lexicons/senses.tsv)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .actor_fallbacks import country_names
from .force_senses import PLACE_TYPES
from .journey_senses import visit_abroad
from .lexicons import words
from .no_act_senses import PATIENT_DEPS, no_act_rule
from .views import OBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .context import DocContext
    from .phrase_actors import ActorRef

TALKS_PURPOSES = words("senses", "talks-purpose")
MET_HOSTILE = words("senses", "met-hostile")
MET_RESPONSES = MET_HOSTILE | words("senses", "met-response")
HOME_PLACE = "code.visit-to-a-home-place-is-no-visit"
JOINING_VERBS = words("senses", "joining")
JOINED_TALKS = words("senses", "joined-talks")
JOINING = "code.joining-is-a-meeting-only-of-talks"
FORCE_JOINING = words("senses", "force-joining")
JOINED_FORCES = "code.joined-forces-are-no-party"
MEETING_VERBS = words("senses", "meeting")
MET_NEEDS = words("senses", "met-need")
MET_NEED = "code.meeting-a-need-is-no-meeting"
MET_WITH = "code.met-with-is-a-response"
MET_AT, MEETING = "code.meeting-held-at-a-place-is-a-meeting", "040"
AGREEMENT_NOUNS = words("senses", "agreement-noun")
DISCUSSING_VERBS = words("senses", "discussing")
APPEARING_VERBS = words("senses", "appearing")
MEDIA = "code.speaking-on-the-media-is-no-consultation"
TOPIC = "code.topic-discussed-is-no-party"
WEB_PLACES = words("senses", "web-place")
WEB_SITE_MARKS = words("senses", "web-site-mark")
WEBSITE = "code.visiting-a-website-is-no-visit"


def company_code(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                 ctx: DocContext) -> str:
    """Meetings, visits and intents to meet in the sense their parties and objects give them (BBC politics
    001-299 judged events, session 10): a meeting told as held 'at' a place is a meeting, not an intent; a
    visit or meeting of a place in the actor's own country, or the company of someone joined, is no event."""
    lemma = verb.lemma_.lower()
    if no_act_rule(verb, code, parties, ctx) is not None:
        return ""  # the older senses first ("went back on a pledge", "faces a rebellion")
    if code[:2] in ("03", "04") and lemma in MEETING_VERBS and _met_no_one(verb, ctx) is not None:
        return ""  # "failed to meet the targets", "protesters were met with tear gas": no one met
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
    if code[:2] == "04" and _web_place_visited(verb) and ctx.fire(WEBSITE):
        return ""  # "Around 10,000 people visited the campaign's website": reading pages, no host met
    # journey_senses.py: "the presidents of Iran and Turkey arrived in Sochi" is a visit of Russia (042)
    return visit_abroad(verb, code, parties, ctx) or code


def _met_no_one(verb: Token, ctx: DocContext) -> str | None:
    """The rule by which 'meet' in another sense than meeting someone is no meeting (its id), else None: what is
    met is a need, a target or a demand (its object, or a passive's subject: "failed to meet the targets agreed
    with the EU", "the deadline was met"; senses.tsv met-need), which is fulfilled, not consulted; or a passive
    with 'with' ("protesters were met with tear gas by police", "the plan was met with criticism"), or an active
    meeting someone with force ("police met the demonstrators with tear gas", senses.tsv met-hostile), or an object
    that is a response ("met a cool reception from", senses.tsv met-response and met-hostile): the response, not a
    meeting."""
    met = [c for c in verb.children if c.dep_ in PATIENT_DEPS]
    # a common noun: "met Bill" is a meeting
    if any(m.pos_ == "NOUN" and (m.lemma_.lower() in MET_NEEDS or m.lower_ in MET_NEEDS) for m in met) \
            and ctx.fire(MET_NEED):
        return MET_NEED
    responses = _prep_objects(verb, ("with",))
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if responses and (passive or any(r.lemma_.lower() in MET_HOSTILE or r.lower_ in MET_HOSTILE for r in responses)) \
            and ctx.fire(MET_WITH):
        return MET_WITH
    # the response as the object: "the plan met a cool reception from the French government", "Russian troops met
    # fierce resistance": others' response to the subject, no meeting
    if any(m.pos_ == "NOUN" and m.lemma_.lower() in MET_RESPONSES for m in met) and ctx.fire(MET_WITH):
        return MET_WITH
    return None


def _web_place_visited(verb: Token) -> bool:
    """What is visited, hosted or travelled through is a place on the web (its object, or the object of 'to' or
    'through': "visited the campaign's website", "to host websites that look like those of banks", "how people
    travel through websites"): reading or serving pages, no one met. "Site" is one only when marked as the web's
    ("web site", "internet site"): "visited the site of the bombing" is a visit."""
    places = [c for c in verb.children if c.dep_ in PATIENT_DEPS] + _prep_objects(verb, ("to", "through"))
    return bool(places) and all(_web_place(p) for p in places)


def _web_place(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    if lemma in WEB_PLACES or noun.lower_ in WEB_PLACES:
        return True
    return lemma == "site" and any(c.dep_ in ("compound", "amod") and c.lower_ in WEB_SITE_MARKS
                                   for c in noun.children)


def _media_side(verb: Token, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]]) -> bool:
    """Every party on one side is the news media (a MED role: a broadcaster, a programme, a reporter), spoken to
    or appeared on, not the speaker: "the BBC's director general spoke with Chinese officials" is talks (review 10
    #11)."""
    return any(side and all("MED" in split_code(p.code or "")[1] and verb.doc[p.head].dep_ != "nsubj" for p in side)
               for side in parties)


def agreement_side(doc: Doc, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]]) -> bool:
    """Every party on one side is an agreement whose name gives it a country ("the Kyoto Protocol", "the Paris
    climate agreement", "the Minsk accords"): the place where it was signed, not a party to the act."""
    return any(side and all(_place_named_agreement(doc, p) for p in side) for side in parties)


def joined_forces_side(doc: Doc, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]]) -> bool:
    """Every party on one side is the bare plural "forces" that a verb of joining or combining takes as its object
    ("has joined forces with Swansea-born actor-director Terry Palmer", "central banks will combine forces"): the
    idiom's noun, which the agents dictionary codes as armed forces, is no party; those who join forces are the
    subject and the one named with "with"."""
    return any(side and all(_idiom_forces(doc[p.head]) for p in side) for side in parties)


def _idiom_forces(head: Token) -> bool:
    # not forces told of by a clause of their own: "to join forces fighting to eradicate terrorism" (Guardian)
    return head.lower_ == "forces" and head.dep_ in PATIENT_DEPS and head.head.lemma_.lower() in FORCE_JOINING \
        and not any(c.dep_ in ("det", "amod", "compound", "poss", "nummod", "acl", "relcl") for c in head.children)


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
    topics = {t.i for c in verb.children if c.dep_ in PATIENT_DEPS for t in c.subtree}
    # a partner's phrase the parser hangs on the object ("discussed the dam with Ethiopia") is no topic
    # ("relations between their two countries" is what is discussed)
    topics -= {t.i for i in list(topics) if verb.doc[i].dep_ == "prep" and verb.doc[i].lower_ == "with"
               for t in verb.doc[i].subtree}
    return bool(targets) and all(t.head in topics for t in targets)


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
    return ref.end - ref.start == 1 or doc[ref.head].ent_type_ in PLACE_TYPES


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
    return country is not None and not roles and (head.ent_type_ in PLACE_TYPES or (
        head.pos_ == "PROPN" and head.ent_type_ not in ("ORG", "NORP")))


def _joins_talks(verb: Token, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]]) -> bool:
    """What is joined is talks or a meeting ("joined the talks", "will join the summit", "joined in the
    negotiations", "joined Trump for dinner"): a consultation; so is joining a party of another country at one
    ("Britain joined France and Germany at the summit", "was joined by Putin at a dinner in the Kremlin"), and
    joining forces ("joined forces with the UAE") is cooperation. Joining a person, a body or a delegation is
    company or membership ("was joined by Alan Milburn at a poster launch", "joined NATO")."""
    objects = [c for c in verb.children if c.dep_ in PATIENT_DEPS]
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
