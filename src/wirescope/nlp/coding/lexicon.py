"""Word lists and small parse tests the coder uses to infer what the dictionaries leave open: event nouns carried
by light verbs, intent verbs, and where a source of unknown country acts."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Event nouns a light verb carries ("held talks", "staged a rally", "began a hunger strike") -> CAMEO code.
EVENT_NOUNS = {
    "talk": "046", "negotiation": "046", "mediation": "045", "summit": "043", "consultation": "040",
    "rally": "141", "demonstration": "141", "protest": "141", "march": "141", "sit-in": "144", "riot": "145",
    "vigil": "141", "picket": "141",
    "boycott": "143", "walkout": "143", "investigation": "090", "inquiry": "090", "probe": "090", "hearing": "090",
    "sanction": "163", "embargo": "163", "blockade": "191", "crackdown": "175", "offensive": "190",
    "airstrike": "195", "bombardment": "195", "shelling": "194", "raid": "190", "ambush": "190",
    "withdrawal": "0874", "pullout": "0874", "pullback": "0874", "ceasefire": "0871", "truce": "0871",
    "visit": "042", "cleansing": "203", "massacre": "202", "evacuation": "0862",
    # what is given, issued or delivered: "gave a warm welcome", "issued an ultimatum", "delivered a rebuke"
    "welcome": "043", "reception": "043", "warning": "130", "ultimatum": "139", "apology": "055",
    "condemnation": "111", "rebuke": "111", "reprimand": "111", "endorsement": "051", "demand": "100",
    "appeal": "020",
}
# Verbs whose subject undergoes the act ("12 people died"): the dictionary's default would make it the doer.
UNDERGOER_VERBS = frozenset({"die", "perish"})
INTENT_VERBS = frozenset({"agree", "promise", "pledge", "offer", "vow", "decide", "plan", "commit", "intend"})
# Verbs with a code of their own that an event noun object still overrides ("organized a general strike")
LIGHT_VERBS = frozenset({"organize", "organise", "conduct", "hold", "stage", "launch", "mount", "wage", "carry",
                         # gathering verbs: "converged for a rally", "joined the protest" are the protest itself
                         "gather", "converge", "assemble", "join", "flock",
                         # giving verbs: what is given is the event ("gave a warning", "issued an appeal")
                         "give", "issue", "deliver",
                         # "take" means what it takes: a person (arrest), a town (seize), part, revenge, steps
                         "take"})
# "strike" is a labour action or a military one depending on its modifier
_STRIKE_KINDS = {"hunger": "142", "general": "143", "labour": "143", "labor": "143", "nationwide": "143",
                 "national": "143", "workers": "143", "teachers": "143",
                 # military strikes by their weapon
                 "air": "195", "drone": "195", "missile": "195", "aerial": "195", "rocket": "194", "artillery": "194",
                 "military": "190", "retaliatory": "190", "preemptive": "190", "pre-emptive": "190"}


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


def _performing_verb(noun: Token) -> Token:
    """The verb an act noun hangs on, up through "of" and quantity nouns: "carried out a wave of arrests"."""
    verb = noun.head
    for _ in range(4):
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


# Acts that are events only as the object of a verb of performing ("carried out an attack", "launched raids").
ACT_NOUNS = {"attack": "190", "assault": "190", "counterattack": "190", "counter-attack": "190", "incursion": "190",
             "arrest": "173", "kidnapping": "181", "abduction": "181", "assassination": "186", "bombing": "180",
             # retaliation is force (the dictionary codes RETALIATE 190) once taken or carried out; sought or vowed,
             # it is not an act ("vowed revenge" is a threat by its own pattern)
             "revenge": "190", "retaliation": "190", "vengeance": "190", "reprisal": "190"}
PERFORM_VERBS = frozenset({"carry", "conduct", "launch", "mount", "stage", "perform", "unleash", "wage", "make",
                           "execute", "take", "exact"})
_QUANTITY_NOUNS = frozenset({"string", "series", "wave", "spate", "barrage", "round", "volley", "number", "flurry"})


ABROAD_ROLES = frozenset({"MIL", "REB", "UAF", "INS", "SPY", "IGO", "NGO", "IMG"})
# prepositions that say where something happens
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "within", "around", "across", "throughout"})
FORCE_ROOTS = frozenset({"18", "19", "20"})  # unconventional violence, military force, mass violence
