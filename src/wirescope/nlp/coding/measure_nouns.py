"""Measures as events (lexicons/measures.tsv): the measure a verb of enacting puts in force is the event ("slapped
tariffs on Chinese steel": 163, not the verb's 180), announced rather than imposed when dated in the future ("to
take effect next month"), and a ban or restriction coerces only when aimed at people ("a ban on protests", not "a
ban on plastic bags")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import codes, words

if TYPE_CHECKING:
    from spacy.tokens import Token


# verbs of enacting and the measures they put in force (lexicons/measures.tsv)
_ENACT_VERBS = words("measures", "enact-verb")
_MEASURES = codes("measures", "measure-noun")
# measures that are one only in trade ("duties on imports"; a "duty" may be an obligation) and the words that say so
_TRADE_ONLY = words("measures", "trade-only")
_TRADE_WORDS = words("measures", "trade-word")
ENACTED = "code.enacted-measure-takes-its-noun-code"


def enacted_measure(verb: Token) -> str | None:
    """The code of the measure a verb of enacting puts in force: its object ("announced retaliatory tariffs on US
    goods", "slapped tariffs on Chinese steel") or its passive subject ("new sanctions were unveiled"); None for
    another verb or object. The measure is the event: its doer the verb's subject, its target whom it names."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _ENACT_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")] \
        or [c for c in verb.children if c.dep_ == "nsubjpass"]
    return next((_MEASURES[o.lemma_.lower()] for o in objects if _in_force(o)), None)


def _in_force(measure: Token) -> bool:
    """A measure noun a state puts in force against someone: a duty only with a trade phrase ("duties on imports",
    "customs duties"; "new duties for head teachers" are obligations); not one whose own phrase names another doer
    ("approved tariffs by the EU", "the EU's tariffs": the approval is 080, the measure the EU's own event); a ban
    or restriction only on people (``aimed_at_people``: "a ban on plastic bags" is public policy)."""
    lemma = measure.lemma_.lower()
    if lemma not in _MEASURES or not aimed_at_people(measure):
        return False
    kids = list(measure.children)
    if any((c.dep_ == "prep" and c.lower_ == "by") or (c.dep_ == "poss" and c.pos_ != "PRON") for c in kids):
        return False
    return lemma not in _TRADE_ONLY or any((c.dep_ == "prep" and c.lower_ == "on")
                                           or (c.dep_ in ("compound", "amod") and c.lemma_.lower() in _TRADE_WORDS)
                                           for c in kids)


def future_measure(verb: Token) -> bool:
    """The measure a verb enacts is dated in the future ("announced 25% tariffs on Mexican steel, to take effect next
    month", "sanctions that will come into force on Monday"): announced, not yet imposed (docs/events-gold.md
    section 8: a threat, 1312)."""
    if enacted_measure(verb) is None:
        return False
    return any((t.lemma_.lower() in ("effect", "force") and t.head.lemma_.lower() in ("take", "come", "into")
                and _future_verb(t.head if t.head.pos_ == "VERB" else t.head.head))
               or (t.lower_ == "next" and t.head.lemma_.lower() in ("week", "month", "year")) for t in verb.sent)


def _future_verb(verb: Token) -> bool:
    """ "to take effect", "will come into force": an infinitive or future verb."""
    return any(c.dep_ == "aux" and c.lower_ in ("to", "will", "shall", "'ll") for c in verb.children)


# measures that coerce only when aimed at people ("a ban on protests", not "the smoking ban"), and the words that
# name people or their political or religious life as what such a measure is on
_AIMED_MEASURES = words("measures", "aimed-measure")
_PEOPLE_OBJECTS = words("measures", "people-object")
_NAMED_PEOPLE = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def aimed_at_people(noun: Token) -> bool:
    """Whether a measure noun coerces people: a crackdown or a curfew by itself; a ban or a restriction when it is
    on (or against) people or their political or religious life ("a ban on protests", "on religious dress",
    "restrictions on Cuba") or, with no such phrase, names a ban told before ("the Taliban's ban would not stop
    her"); not when it is on an activity or goods ("Ireland's smoking ban", "a ban on plastic bags",
    "restrictions on gatherings after a Covid outbreak": public policy, no repression)."""
    if noun.lemma_.lower() not in _AIMED_MEASURES:
        return True
    objects = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
               for o in p.children if o.dep_ == "pobj"]
    if not objects:  # "the smoking ban": a compound common noun names the activity banned
        return not any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in noun.children)
    return any(o.pos_ == "PROPN" or o.ent_type_ in _NAMED_PEOPLE or o.lemma_.lower() in _PEOPLE_OBJECTS
               or any(m.dep_ in ("amod", "compound") and (m.lemma_.lower() in _PEOPLE_OBJECTS
                                                          or m.ent_type_ in _NAMED_PEOPLE) for m in o.children)
               for o in objects)
