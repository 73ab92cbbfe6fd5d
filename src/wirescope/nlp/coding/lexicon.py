"""Word lists and small parse tests the coder uses to infer what the dictionaries leave open: event nouns carried
by light verbs, intent verbs, and where a source of unknown country acts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import codes, words

if TYPE_CHECKING:
    from spacy.tokens import Token

# Event nouns a light verb carries ("held talks", "staged a rally", "began a hunger strike") -> CAMEO code. They and
# the light verbs, the act nouns and the verbs of performing are PETRARCH verb blocks in data/events/light_verbs.txt.
EVENT_NOUNS = codes("event_nouns", "event")
# Verbs whose subject undergoes the act ("12 people died"): the dictionary's default would make it the doer.
UNDERGOER_VERBS = words("verb_classes", "undergoer")
INTENT_VERBS = words("verb_classes", "intent")
# Verbs with a code of their own that an event noun object still overrides ("organized a general strike")
LIGHT_VERBS = words("verb_classes", "light")
# "strike" is a labour action or a military one depending on its modifier
_STRIKE_KINDS = codes("event_nouns", "strike-kind")


def domestic_role(code: str | None) -> bool:
    """A role without a country that acts at home (a president, a court, police), unlike forces and armed groups,
    which often act abroad ("troops killed 25 in Iraq" says nothing of the troops' country)."""
    if not code or not code.startswith("---") or len(code) < 6:
        return False
    return code[3:6] not in ABROAD_ROLES


def placed(pobj: Token, verb: Token) -> bool:
    """The place phrase hangs on the verb or its object ("a curfew in Algiers"), not on an actor or a clause."""
    tok = pobj
    while tok.i != verb.i and tok.head.i != tok.i:
        if tok.dep_ not in ("pobj", "prep", "dobj", "obj", "xcomp"):
            return False
        tok = tok.head
    return tok.i == verb.i


def event_noun_code(noun: Token) -> str | None:
    """The CAMEO code of an event noun (``EVENT_NOUNS``), of an act carried out (``ACT_NOUNS``), of a strike by its
    kind, or of what a quantity noun counts; None for any other noun."""
    if _is_a_month(noun):
        return None
    lemma = noun.lemma_.lower()
    if lemma in _QUANTITY_NOUNS:  # "a string of airstrikes", "a wave of arrests": the event is what is counted
        counted = next((pobj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                        for pobj in prep.children if pobj.dep_ == "pobj"), None)
        return event_noun_code(counted) if counted is not None else None
    if lemma == "strike":
        kind = next((c.lower_ for c in noun.children if c.dep_ in ("compound", "amod") and c.lower_ in _STRIKE_KINDS),
                    None)
        return _STRIKE_KINDS[kind] if kind is not None else None
    if lemma in ACT_NOUNS:
        # an act is carried out, not merely mentioned: "witnessed the attack" codes nothing
        return ACT_NOUNS[lemma] if _performing_verb(noun).lemma_.lower() in PERFORM_VERBS else None
    return EVENT_NOUNS.get(lemma)


# Prepositions and modifiers that make a capitalised "March" the month: "joined NATO in March", "since March 2022".
_DATE_HEADS = words("place_words", "date-cue")


def _is_a_month(noun: Token) -> bool:
    """ "March" the month, not a march: capitalised, with no determiner of its own, and read as a date (after a
    temporal preposition or "last"/"next", or beside a number). spaCy lemmatises it to "march", the event noun, so
    "will be in March in Berlin" became an announced march on Germany. A march in a title-case headline ("Thousands
    Join March") is an object, and stays one. A bare compound dates its noun ("set a March date for the case", "a
    March deadline": it was the protest, 141, of code.event-noun-of-a-light-verb); a march's own name has words of
    its own ("the Women's March organisers", "Million Man March")."""
    if noun.text != "March" or any(c.dep_ == "det" for c in noun.children):
        return False
    if noun.dep_ == "compound" and not any(c.dep_ in ("poss", "compound", "amod", "nmod") for c in noun.children):
        return True
    doc = noun.doc
    beside = [doc[j] for j in (noun.i - 1, noun.i + 1) if 0 <= j < len(doc)]
    return noun.head.lower_ in _DATE_HEADS or any(t.like_num or t.lower_ in _DATE_HEADS for t in beside)


def _performing_verb(noun: Token) -> Token:
    """The verb an act noun hangs on, up through "of" and quantity nouns: "carried out a wave of arrests"."""
    verb = noun.head
    for _ in range(4):
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


# Acts that are events only as the object of a verb of performing ("carried out an attack", "launched raids").
ACT_NOUNS = codes("event_nouns", "act")
PERFORM_VERBS = words("verb_classes", "perform")
_QUANTITY_NOUNS = words("event_nouns", "quantity")


# The armed role groups (roles.tsv), one table for every rule that asks whether a party bears arms: the roles of
# armed forces (MIL, REB, UAF, INS), and of armed parties (those and the groups named for their cause, SEP, RAD)
ARMED_FORCES = words("roles", "armed-force")
ARMED_PARTIES = ARMED_FORCES | words("roles", "armed-cause")
# armed state bodies that fight no wars (COP, SPY), armed criminals (CRM), militarized groups with no country (IMG)
ARMED_AGENCIES = words("roles", "armed-agency")
ARMED_OUTLAWS = words("roles", "armed-outlaw")
ARMED_ABROAD = words("roles", "armed-abroad")
# roles of parties that often act abroad (``placed``): armed forces, spies, international bodies
ABROAD_ROLES = ARMED_FORCES | {"SPY", "IGO", "NGO"} | ARMED_ABROAD
# prepositions that say where something happens
PLACE_PREPS = words("place_words", "preposition")
# occasions where an act is done (a summit, a meeting): a place and time, not a party (stances.tsv)
OCCASION_NOUNS = words("stances", "occasion-noun")
# nouns of information or discussion whose "on/about/over" phrase is a topic (stances.tsv topic-noun)
TOPIC_NOUNS = words("stances", "topic-noun")
TOPIC_PREPS = frozenset({"on", "about", "over", "concerning", "regarding"})
# prepositions of a time adjunct and words whose of/to phrase is one ("in the wake of"): when, not whom
# (place_words.tsv)
TIME_PREPS = words("place_words", "time-preposition")
TIME_FRAME_WORDS = words("place_words", "time-frame-word")
AFTER_PARTICLE_VERBS = words("place_words", "after-particle-verb")
FORCE_ROOTS = frozenset({"18", "19", "20"})  # unconventional violence, military force, mass violence
