"""A town named where an act happened or whither its doer went is not the town the act is done to (issue 17, cause
1: a pattern word read out of its phrase invents an act).

The dictionary codes several verbs by a town word anywhere after them: TAKE and SEIZE "* &TOWN" (192, occupy
territory), BURN "* &TOWN" (1712), DEFEND "* &TOWN" (152), DEMAND "* &TOWN" (027), ALLOW "* &TOWN" (174), INVADE,
SEPARATE. The pattern matcher finds its words anywhere in the verb's clause, so "He took a bus to the Iranian city
of Mashhad" read a seizure of Mashhad, "Baghdadi took up a handheld radio in a village between the west of the city
and the town of Tal Afar" one of Tal Afar, and "Isis leaders have taken refuge in the Syrian town of Mayedin" one of
Mayedin (review set, readable news).

* ``code.town-in-a-place-phrase-is-not-the-object``: a town pattern that does not name a preposition matches the
  town word only as what the act is done to. When the verb already has what it is done to (a direct object, or the
  subject of a passive: "took a bus", "took refuge", "Robinson was arrested"), which is no place itself ("captured
  Raqqa in 2014 before spreading to other cities" still seizes a city), and the town word lies in a phrase
  that says where or whither (a preposition of place or direction on its way up to the verb: in, at, near, to,
  into, from ...; lexicons/place_words.tsv preposition, direction-preposition), the verb is matched again without
  that phrase. "The army took the town of Tal Afar", "took control of the town" (an "of" phrase of the thing taken)
  and patterns that name their preposition ("allowed into the town" [080]) are not this rule's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .patterns import PatternMatch

TOWN_PLACE = "code.town-in-a-place-phrase-is-not-the-object"
_TOWN = "&TOWN"
_PLACE_PREPS = words("place_words", "preposition") | words("place_words", "direction-preposition")
# what the act is done to, named apart from the town: the verb's object, or the subject of its passive
_UNDERGOER_DEPS = frozenset({"dobj", "obj", "nsubjpass"})
_PLACE_NOUNS = words("place_words", "place-noun")
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


def town_place_phrase(match: PatternMatch, verb: Token) -> Token | None:
    """The preposition of the phrase of place or direction holding the town word a bare town pattern matched, when
    the verb has an undergoer of its own (see the module); else None."""
    if match.pattern is None or match.last_token is None:
        return None
    if match.pattern.post != (_TOWN,):
        return None  # no bare town pattern: one that names its preposition says where ("( INTO &TOWN )" [080])
    undergoers = [c for c in verb.children if c.dep_ in _UNDERGOER_DEPS]
    if not undergoers or any(_place(u) for u in undergoers):
        # no undergoer of its own, or one that is a place itself: the act is done to a place all the same
        # ("Islamic State captured Raqqa in 2014 before spreading to other cities")
        return None
    node = verb.doc[match.last_token]
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in _PLACE_PREPS:
            return node
        node = node.head
    return None


def _place(tok: Token) -> bool:
    """A place named or a noun of a place ("Raqqa", "the city", "the airport"; lexicons/place_words.tsv
    place-noun)."""
    return tok.ent_type_ in _PLACE_ENTS or tok.lemma_.lower() in _PLACE_NOUNS
