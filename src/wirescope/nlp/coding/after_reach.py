"""How far the target finder that reads past the pattern (``target.after-the-pattern``, ``target_finders``) may
reach into the verb's clause: not into a clause with a subject of its own that is the topic of a word of telling
below the pattern's last word (``target.clause-after-the-pattern-names-no-target``). The verb's clause
(``syntax.clause_tokens``) already leaves out reported, relative and adverbial clauses; it keeps the complements a
pattern may span ("vowed to wage war on X"), and so also the clauses after a preposition ("declined to comment on
whether Turkey would fight")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import TOPIC_NOUNS
from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .patterns import PatternMatch

CLAUSE_AFTER = "target.clause-after-the-pattern-names-no-target"
# the clause relations a walk up from the actor to the pattern's word may meet (the others are outside the clause)
_CLAUSES = frozenset({"pcomp", "xcomp", "csubj", "ccomp", "advcl", "relcl", "acl"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# words of telling or commenting, whose clause is what is told (stances.tsv topic-noun: details, comment, question
# ...; senses.tsv comment-verb; verb_classes.tsv speech), and of declining to comment, whose phrase is what is not
# told (senses.tsv declining: "declined to comment on the announcement - or on whether Turkey would fight", the
# parse hanging the second phrase on "declined")
_TELLING = TOPIC_NOUNS | words("senses", "comment-verb") | words("verb_classes", "speech") \
    | words("senses", "declining")


def beyond_the_pattern(head: Token, last: Token) -> str | None:
    """The rule that puts the actor headed by ``head`` out of reach of the finder reading after the pattern's last
    word ``last``, or None."""
    return CLAUSE_AFTER if _clause_between(head, last) else None


def _clause_between(head: Token, last: Token) -> bool:
    """On the way up from ``head`` to the first word above the pattern's ``last`` (or ``last`` itself) lies a clause
    with a subject of its own that is the topic of a word of telling (``_own_act``)."""
    above = {last.i, *(t.i for t in last.ancestors)}
    tok = head
    while tok.i not in above and tok.head.i != tok.i:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSES and _own_act(tok):
            return True
        tok = tok.head
    return False


def _own_act(verb: Token) -> bool:
    """The clause headed by ``verb`` has a subject of its own and is what a word of telling or commenting is about
    (through a preposition or not): "declined to comment on whether Turkey would fight", "declined to give details
    of where British intelligence believes Cantlie is held": the topic of what is told, whose actors are no party
    of the telling. The subject of a clause after other words may be the one the act is about ("called for an
    inquiry into whether the Home Office had misled Parliament", "expressed anger at how Britain had treated its
    diplomats"), and a clause without a subject of its own continues the act ("remained committed to joining the
    EU", "used tear gas to disperse demonstrators", PLOVER GSR dev; "a deal on handing sovereignty of the Chagos
    Islands to Mauritius", VOA gold GBR -> MUS)."""
    governor = verb.head.head if verb.head.pos_ == "ADP" else verb.head
    return governor.lemma_.lower() in _TELLING and any(c.dep_ in _SUBJECTS for c in verb.children)


SYNSET_OBJECT = "target.object-the-pattern-ends-on-is-the-target"
# roots whose object is the party acted on (coercion, assault, fight, mass violence); the object of giving,
# sending, selling or withdrawing is what is given, sent, sold or withdrawn, its party named elsewhere
_ACTED_ON = frozenset({"17", "18", "19", "20"})
_PLACE_NOUNS = words("place_words", "place-noun")


def synset_object(verb: Token, match: PatternMatch) -> Token | None:
    """The noun a pattern of coercion or force (CAMEO 17-20) ended on, its last word or synset ("* &CAPTIVE",
    "POLICE * &PROTESTER", "* PROTESTERS"), when it is the verb's direct object or a noun inside its phrase ("dozens
    of protesters"): the pattern names the party acted on, and that party is the target, not the first actor after
    it ("Kurdish fighters captured two Iraqi soldiers in Syria": IRQMIL, not Syria; "police attacked the protesters
    in Cairo": the protesters, not Cairo). None otherwise (a pattern ending on a preposition or on an event noun,
    "condemned an attack by X", reads on)."""
    if match.pattern is None or not match.pattern.post or match.last_token is None \
            or match.pattern.post[-1] in ("+", "$", "%", ")", "}") or match.code.lstrip(":~")[:2] not in _ACTED_ON:
        return None
    last = verb.doc[match.last_token]
    # a place taken ("seized the village from Islamic State fighters": the fighters lose it) or the subject's own
    # people ("removed its seven soldiers from Iraq") is no party acted on
    # (the head of a phrase, not a modifier of a thing: "abolish university tuition fees")
    if last.pos_ not in ("NOUN", "PROPN") or last.dep_ in ("compound", "amod", "nmod", "poss") \
            or last.lemma_.lower() in _PLACE_NOUNS \
            or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in last.children):
        return None
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return last if any(o.left_edge.i <= last.i <= o.right_edge.i for o in objs) else None
