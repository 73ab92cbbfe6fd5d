"""The place where an act was done is no party to it (``target.venue-is-no-party``): a target finder that reaches a
place through a locative phrase of the verb, of its object or of a noun of an occasion ("held talks at a hotel in
Moscow", "signed a deal in Doha", "attended a meeting in Doha", "joined talks in Geneva") has found where the act
happened, not with or to whom (docs/events-gold.md, section 2: the place of a meeting is not a party to it). The
prepositional-phrase finder has the same reading for a phrase of the verb (target.place-only-for-place-acts); this
is the one for the finders that read past the pattern and into the object."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .actor_codes import split_code
from .consultation_nouns import CONSULT_NOUNS
from .lexicon import ACT_NOUNS, EVENT_NOUNS, OCCASION_NOUNS, PLACE_PREPS
from .lexicons import codes, words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .phrase_actors import ActorRef
    from .target_finders import TargetsFound, TargetView

VENUE = "target.venue-is-no-party"
LANDMARK = "target.landmark-is-no-party"
# the finders that read a phrase after the pattern or inside the object, where a place phrase may be the venue
_FINDERS = frozenset({"target.after-the-pattern", "target.object", "target.actor-inside-the-object"})
# a landmark is no party whichever phrase of the act reaches it, the verb's own too ("carrying out operations beyond
# Iran's borders": its prepositional phrase, which target.place-only-for-place-acts reads for 'in/at/near' only)
_LANDMARK_FINDERS = _FINDERS | {"target.prepositional-phrase"}
# roots of acts done to a place and its people, whose place stands for the country (as target_finders has them):
# concessions, protests, sanctions, force, deployment, coercion
_PLACE_ROOTS = frozenset({"08", "14", "15", "16", "17", "18", "19", "20"})
_ARRIVAL = words("verb_classes", "arrival")
# verbs of hosting, whose occasion's place is the host's, not a guest (target.venue-is-no-party)
_HOSTING_VERBS = words("verb_classes", "hosting")
# visits, whose place is the one visited
_VISITS = frozenset({"042", "043"})
# verbs of force (lexicons/senses.tsv violent-verb, verbal-attack), done to a place
_FORCE_VERBS = words("senses", "violent-verb") | words("senses", "verbal-attack")
# requests (02), official complaints (114) and lawsuits (115), whose place names the one asked or the authority
# they are made to ("sought refuge in Germany", "filed a complaint in Beirut", "sued in Houston")
_MADE_TO = ("02", "114", "115")
# nouns of an occasion where parties meet ("a meeting in Doha", "talks in Geneva", "a summit in Sochi")
_OCCASIONS = frozenset({*OCCASION_NOUNS, *CONSULT_NOUNS})
# nouns of acts other than occasions ("strikes in Syria", "the attack in Sri Lanka", "a complaint in Beirut"): the
# place of such an act is the one it is done to or made to, which other rules read (target.force-noun-acts-on-its-place)
_ACT_HEADS = frozenset({*codes("event_nouns", "nominal"), *EVENT_NOUNS, *ACT_NOUNS}) - _OCCASIONS
# the words a locative phrase of the verb or of its object passes through: nouns, names and prepositions
_PATH_POS = frozenset({"NOUN", "PROPN", "ADP"})
# entity types of a modifier that names a party ("Russian-led talks", "US talks"): the phrase's country is its own
_PARTY_ENTS = frozenset({"NORP", "GPE", "ORG"})
# the words of a location given relative to a landmark ("near the Lebanese border", "beyond Iran's borders", "north
# of the border", "close to the Turkish border"): a border or what lies beyond names no country of the place, still
# less whom the act was done to (lexicons/place_words.tsv)
_LANDMARK_PREPS = words("place_words", "landmark-preposition")
_BEYOND = words("place_words", "beyond-preposition")
_BORDERS = words("place_words", "border-noun")
_LANDMARK_OF = words("place_words", "landmark-of")  # north, outskirts ... + of
_LANDMARK_TO = words("place_words", "landmark-to")  # close, next + to


def without_venues(found: TargetsFound, view: TargetView, ctx: DocContext) -> TargetsFound:
    """``found`` without the actors that are only a landmark (``_landmark``) or the venue (``_venue``) of the act;
    None when none is left (the next finder is tried)."""
    if found is None or not found[1] or found[0] not in _LANDMARK_FINDERS or _done_to_a_place(view):
        return found
    for rule_id, outside, finders in ((LANDMARK, _landmark, _LANDMARK_FINDERS), (VENUE, _venue, _FINDERS)):
        if found[0] not in finders:
            continue
        kept = [a for a in found[1] if not outside(view.verb, a)]
        if len(kept) < len(found[1]) and ctx.fire(rule_id):
            if not kept:
                return None
            found = (found[0], kept)
    return found


def _done_to_a_place(view: TargetView) -> bool:
    """The act's place may be its target: "shelled a village in Idlib", "protested at a jail in Gaziantep", "arrived
    in Kabul", "visited a village in Iraq" (a visit is to the place); "sought refuge in Germany", "filed a complaint
    in Beirut": the place of a request or complaint names who is asked (PLOVER GSR dev); a verb of force may be
    recoded as force once its target is found ("attacked rebel positions near Idlib")."""
    code = view.match.code.lstrip(":")
    lemma = view.verb.lemma_.lower()
    visit = code[:3] in _VISITS and not hosts_an_occasion(view.verb)
    return code[:2] in _PLACE_ROOTS or visit or code.startswith(_MADE_TO) or lemma in _ARRIVAL \
        or lemma in _FORCE_VERBS


def hosts_an_occasion(verb: Token) -> bool:
    """A verb of hosting whose object is a noun of an occasion ("hosted talks in Sochi with the leaders of Iran and
    Turkey", "will host a congress in Sochi"): its place is where the host receives the guests, mostly the host's
    own country, not a guest (``target.venue-is-no-party``)."""
    return verb.lemma_.lower() in _HOSTING_VERBS and any(
        c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" and c.lemma_.lower() in _OCCASIONS for c in verb.children)


def _landmark(verb: Token, ref: ActorRef) -> bool:
    """``ref`` is reached from ``verb`` through a phrase that places something relative to a landmark that names no
    country of it (``_off_the_landmark``): "carrying out operations beyond Iran's borders", "a wall along the Iraqi
    border", "a camp near the Lebanese border", or is the relation itself ("a town [close to the Turkish border]").
    A place near a town is in the town's country ("a camp north of Baghdad" is in Iraq), and stays."""
    tok = verb.doc[ref.head]
    if tok.lower_ in _LANDMARK_OF | _LANDMARK_TO and any(c.dep_ == "prep" and _off_the_landmark(c)
                                                         for c in tok.children):
        return True
    while tok.i != verb.i and tok.head.i != tok.i:
        if tok.dep_ == "prep" and _off_the_landmark(tok):
            return True
        tok = tok.head
    return False


def _off_the_landmark(prep: Token) -> bool:
    """``prep`` opens a phrase that says where something is by a landmark whose country it is not in: outside it
    ("beyond Iran's borders") or by a border, which lies between two countries ("near the Lebanese border",
    "along the Iraqi border", "north of the border", "close to the Turkish border")."""
    word = prep.lower_
    if word in _BEYOND:
        return True
    relation = word in _LANDMARK_PREPS or (word == "of" and prep.head.lower_ in _LANDMARK_OF) \
        or (word == "to" and prep.head.lower_ in _LANDMARK_TO)
    return relation and any(g.dep_ == "pobj" and g.lemma_.lower() in _BORDERS for g in prep.children)


def _venue(verb: Token, ref: ActorRef) -> bool:
    """``ref`` is a name coded as a country with no role (a body or office, "met at the Kremlin", stays) reached
    from the verb through a locative phrase ("talks at a hotel in Moscow"), or a noun of an occasion whose country
    comes from its own locative phrase ("talks in Geneva", "a meeting in Doha")."""
    country, roles = split_code(ref.code or "")
    if roles or country is None:
        return False
    head = verb.doc[ref.head]
    return _occasion_placed(head) or _through_a_place(verb, head)


def _occasion_placed(head: Token) -> bool:
    """A common noun of an occasion with a locative phrase and no modifier naming a party ("talks in Geneva", not
    "Russian-led talks in Astana": Russia's)."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in _OCCASIONS:
        return False
    if any(c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_type_ in _PARTY_ENTS for c in head.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in PLACE_PREPS for c in head.children)


def _through_a_place(verb: Token, tok: Token) -> bool:
    """``tok`` is reached from ``verb`` through nouns and locative prepositions with their noun objects only
    ("held talks at a hotel in Moscow"; not "talks at the invitation of Russia", "a deal with Iran in Vienna",
    through a clause: "talks aimed at ending the war in Yemen", nor through a noun of an act: "weighing strikes
    in Syria", "claimed the attack in Sri Lanka")."""
    through = False
    while tok.i != verb.i:
        if tok.head.i == tok.i or tok.pos_ not in _PATH_POS or (tok.pos_ == "ADP" and tok.dep_ != "prep") \
                or (tok.pos_ == "NOUN" and tok.lemma_.lower() in _ACT_HEADS):
            return False
        if tok.dep_ == "prep":
            if tok.lower_ not in PLACE_PREPS:
                return False
            through = True
        elif tok.head.dep_ == "prep" and tok.dep_ != "pobj":
            return False
        tok = tok.head
    return through
