"""A price, a share, an index or another economic quantity that moves is no act between actors
(``code.moving-an-economic-quantity-is-no-act``, asked by ``senses.sense_code``; issue 17, cause 1). Business news
tells of quantities that rise, fall, hit records and are pushed, driven or sent to new levels, with verbs the
dictionary codes for acts of actors: "Irish shares have risen to a record high" (RISE in the block LIFT, whose
patterns are 08x: a concession), "Fiat's shares ... having shot up more than 7%" (force), "cold weather has pushed
US crude oil prices above $50 a barrel" (a demand). What rises or is pushed is no party: the verb tells of a change
in a quantity, whoever caused it. Word lists are data (lexicons/senses.tsv: quantity-verb, moving-verb,
economic-quantity, quantity-change)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

QUANTITY_VERBS = words("senses", "quantity-verb")
MOVING_VERBS = words("senses", "moving-verb")
ECONOMIC_QUANTITIES = words("senses", "economic-quantity")
QUANTITY_CHANGES = words("senses", "quantity-change")
MARKET = "code.moving-an-economic-quantity-is-no-act"
_SUBJECTS = ("nsubj",)
_MOVED = ("dobj", "obj", "nsubjpass")
# clauses that share the subject of the verb they hang on ("Fiat's shares rose 4.5%, having shot up 7%")
_SHARING = ("advcl", "conj", "xcomp")


def quantity_moved(verb: Token) -> bool:
    """``verb`` tells of an economic quantity that changes: a verb of change (rise, fall, soar, hit ...) whose
    subject is one ("shares have risen", "prices hit a record"), or a verb of moving (push, drive, send, lift ...)
    whose object or passive subject is one ("pushed prices to record levels", "prices were driven up")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.lower()
    if lemma in QUANTITY_VERBS and any(_quantity(s) for s in _subjects(verb)):
        return True
    return lemma in MOVING_VERBS and any(_quantity(c) for c in verb.children if c.dep_ in _MOVED)


def _subjects(verb: Token) -> list[Token]:
    """The verb's own active subject, else the subject of the clause it shares one with."""
    own = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if own or verb.dep_ not in _SHARING or verb.head is verb:
        return own
    return [c for c in verb.head.children if c.dep_ in _SUBJECTS]


def _quantity(noun: Token) -> bool:
    """A noun that names an economic quantity, itself or by a compound or 'in/of' phrase it heads: "shares",
    "oil prices", "the FTSE 100 index", "rate rises"; also its conjuncts ("prices and wages")."""
    for tok in (noun, *(c for c in noun.children if c.dep_ == "conj")):
        if tok.lemma_.lower() in ECONOMIC_QUANTITIES or tok.lower_ in ECONOMIC_QUANTITIES:
            return True
        if any(c.dep_ == "compound" and c.lemma_.lower() in ECONOMIC_QUANTITIES for c in tok.children) \
                and tok.lemma_.lower() in QUANTITY_CHANGES:
            return True  # "rate rises", "price increases": a change of the quantity
    return False

