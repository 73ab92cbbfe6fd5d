"""A hostage held, told as a participle the parser read as an active verb
(``source.held-hostage-is-told-of-the-one-held``).

"Hold" takes the one held as its object and "hostage" as its predicate: "Baloch militants held the passengers
hostage". With "hostage" as its only object the verb cannot be active, for no one would be held: "Passengers of a
Pakistani train held hostage by Baloch militants described their ordeal", "Two British aid workers held hostage by
Islamic State militants in Syria were freed" are passive participles (reduced relatives, as "a soldier arrested in
Turkey"), whose noun is the one held and whose "by" phrase names who held them. The parser reads them as a past
tense with the noun as its subject and "hostage" as its object, which gave the hostages as the hostage-takers. The
doer is the "by" phrase (on the verb, or hung on "hostage"); with none ("a journalist held hostage in Syria for two
years has been freed") the clause names no doer, and the noun is never one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .senses import HOLDING_VERBS, HOSTAGE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

RULE = "source.held-hostage-is-told-of-the-one-held"
_OBJECTS = frozenset({"oprd", "dobj", "obj", "npadvmod", "attr"})
_NOUN_TAGS = frozenset({"NOUN", "PROPN", "PRON"})


def held_hostage_passive(verb: Token) -> tuple[Token | None, Token | None] | None:
    """(the "by" phrase that names the holder or None, the noun of the one held or None) when ``verb`` is "held
    hostage" told as a participle with no object but "hostage" and no passive auxiliary; None otherwise (an active
    "held the passengers hostage", a passive "were held hostage by", which the parse gets right)."""
    if verb.lemma_.lower() not in HOLDING_VERBS or verb.tag_ not in ("VBD", "VBN"):
        return None
    objects = [c for c in verb.children if c.dep_ in _OBJECTS]
    if not objects or any(c.lemma_.lower() not in HOSTAGE_NOUNS for c in objects) \
            or any(c.dep_ in ("auxpass", "nsubjpass", "agent", "aux") for c in verb.children):
        return None
    by = next((p for t in (verb, *objects) for p in t.children if _party_by(p)), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    held = subj if subj is not None else (verb.head if verb.dep_ == "acl" else None)
    return by, held


def _party_by(tok: Token) -> bool:
    """A "by" phrase whose object may be a party ("by Baloch militants"), not "by force" or a time."""
    return tok.dep_ in ("prep", "agent") and tok.lower_ == "by" and any(
        g.dep_ == "pobj" and g.pos_ in _NOUN_TAGS and g.ent_type_ not in ("DATE", "TIME") for g in tok.children)
