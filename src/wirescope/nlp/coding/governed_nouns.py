"""The modality of an event noun that is another verb's argument (modality.event-noun-follows-its-governor).

A verb trigger sits in clauses the modality rules walk up through ("urged X to attack", "could attack"); an event
noun sits in none: it is the object or prepositional object of its governing verb, and without this rule it is
asserted whatever that verb says of it. An indefinite event noun that a verb of asking, threat or intention takes
as its object names an act asked for, threatened or intended, not one done: "Iran called for talks with the EU"
holds no talks, "Trump threatened a military offensive against Iran" launches none, "Israel is planning an offensive
in Rafah" has not begun it; one under a modal, a condition or a negation takes its governor's modality: "Turkey
could face US sanctions" (hypothetical), "Iran will face sanctions" (threatened), "sanctions could follow".

A definite or possessed noun ("condemned the attack", "could end Israel's offensive"), or one told as going on
("urged an end to the continued shelling"), presupposes its act: it stays asserted. So does a noun under a verb
of the course of an act ("urged Israel to halt attacks on Gaza": the attacks go on).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .lexicons import words
from .modal_clauses import THREAT_VERBS, Decision, ModalClauses

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

RULE = "modality.event-noun-follows-its-governor"
# verbs that ask for, propose or deliberate on an act (lexicons/verb_classes.tsv directive, modal_cues.tsv
# proposal); "order" and "command" are left out: "ordered airstrikes on Syria" is mostly told when they were made
_ASKING = (words("verb_classes", "directive") | words("modal_cues", "proposal")) - {"order", "command"}
# verbs and adjectives of intention ("plans an offensive", "seeks talks"): the act is announced, as for an infinitive
_INTENDING = words("verb_classes", "intention")
# verbs of the course of an act ("halt attacks", "continue talks"): the act goes on (modal_cues.tsv aspectual)
_COURSE = words("modal_cues", "aspectual") | {"end"}
# verbs of an act's happening, whose subject is the act ("sanctions could follow", "talks may begin"); the subject of
# another verb is presupposed ("new sanctions could hit its oil exports": they were imposed)
_HAPPENING = frozenset({"follow", "come", "happen", "occur", "ensue", "begin", "start", "resume"})
# modifiers that tell the act as going on (modal_cues.tsv ongoing)
_ONGOING = words("modal_cues", "ongoing")
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# prepositions through which a verb governs the noun of the act it asks for, threatens or faces ("called for talks",
# "warned of airstrikes", "threatened Iran with sanctions", "agreed to talks")
_PREPS = frozenset({"for", "of", "with", "to"})
_FACING = frozenset({"face", "risk"})
_MODES = frozenset({"hypothetical", "threatened", "negated"})


def _governor(noun: Token) -> tuple[Token, str] | None:
    """The verb that governs the noun phrase and how: ("object", verb) for its object or the object of one of its
    prepositions, ("subject", verb) for its subject; None when a noun, not a verb, governs it."""
    while noun.dep_ == "conj" and noun.head.i != noun.i and noun.head.pos_ == "NOUN":
        noun = noun.head  # "called for talks and a ceasefire"
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and head.pos_ in ("VERB", "AUX"):
        return head, "object"
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _PREPS and head.head.pos_ in ("VERB", "AUX"):
        return head.head, "object"
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return head, "subject"
    return None


def _presupposed(noun: Token) -> bool:
    """The noun names an act already known: definite, possessed or told as going on."""
    return any((c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss"
               or (c.dep_ in ("amod", "advmod") and c.lower_ in _ONGOING) for c in noun.children)


def governed_modality(noun: Token, sent: Span, modality_of: Callable[[Token, str, Span], str]) -> str | None:
    """The modality an event noun takes from its governing verb, or None when it keeps its own (see the module)."""
    if noun.pos_ != "NOUN" or _presupposed(noun):
        return None
    found = _governor(noun)
    if found is None:
        return None
    verb, role = found
    lemma = verb.lemma_.lower()
    if (role == "object" and lemma in _COURSE) or (role == "subject" and lemma not in _HAPPENING):
        return None
    if role == "object" and lemma in THREAT_VERBS | _INTENDING:
        return "threatened"
    if role == "object" and lemma in _ASKING:
        return "hypothetical"
    mode = modality_of(verb, "", sent)
    if mode in _MODES:
        return mode
    # "Turkey faces US sanctions": what one faces now is in store for them (a past "faced sanctions" was imposed)
    return "threatened" if role == "object" and lemma in _FACING and verb.tag_ in ("VBZ", "VBP") else None


def event_noun_follows_its_governor(c: ModalClauses) -> Decision:
    # "called for talks", "threatened an offensive", "could face sanctions": see the module
    from .modality import modality  # the governor's own modality, by the same rules (a cycle only at call time)

    mode = governed_modality(c.trigger, c.sent, modality)
    return (RULE, mode) if mode is not None else None


NOUN_RULE = "modality.event-noun-under-an-unrealising-noun"
# nouns whose complement act has not (yet) happened (lexicons/event_nouns.tsv unrealising-head): "preparations for
# the assault", "a call for sanctions", "the threat of invasion", "a decision on strikes", "a proposal for talks"
# (less the hedges, "possibility", "risk", "fear": modality.hedge-word, earlier, reads those at any depth)
_UNREALISING = words("event_nouns", "unrealising-head") - words("hedges", "hedge")
# of those, the nouns of an act planned or threatened by its party (an intent or a threat, as for "plans to attack",
# "threatened an offensive"); the others name an act asked for, weighed or feared (hypothetical)
_INTENDED = words("event_nouns", "intending-head")
_NOUN_PREPS = frozenset({"for", "of", "on"})


def unrealising_noun_head(noun: Token) -> Token | None:
    """The noun of planning, asking, deciding or fearing whose prepositional complement the event noun is ("plans
    for an offensive", "calls for sanctions on Russia", "the threat of an invasion"), else None; a conjunct climbs
    to its first conjunct ("calls for talks and a ceasefire")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i and noun.head.pos_ == "NOUN":
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _NOUN_PREPS or prep.head.i == prep.i:
        return None
    head = prep.head
    return head if head.pos_ == "NOUN" and head.lemma_.lower() in _UNREALISING else None


def event_noun_under_an_unrealising_noun(c: ModalClauses) -> Decision:
    # "preparations for the military assault on Afrin are complete", "calls for sanctions on Russia", "the threat
    # of a US strike": the act is planned, asked for or feared, not done (see the rule's description)
    if c.trigger.pos_ != "NOUN" or any(m.dep_ in ("amod", "advmod") and m.lower_ in _ONGOING
                                       for m in c.trigger.children):
        return None
    head = unrealising_noun_head(c.trigger)
    if head is None:
        return None
    return NOUN_RULE, "threatened" if head.lemma_.lower() in _INTENDED else "hypothetical"
