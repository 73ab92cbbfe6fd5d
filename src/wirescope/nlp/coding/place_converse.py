"""A thing visited hosts no one (``code.visited-thing-hosts-no-one``). A visit coded with the dictionary's paired
code ``[042:043]`` gives the visit and its converse, the host receiving the visitor (043). When what is visited is
a place or thing that no one in it is named as hosting ("visited Kenya's biggest shantytown", "visited the tomb of
Yasser Arafat in Ramallah", "visiting Sikhism's holiest shrine"), the converse makes the shantytown, the tomb or
the shrine (coded by the country or the person named inside it) the host: a place is no actor unless the act is
done to it (docs/events-gold.md, section 2), and the real-news gold codes a visit to a place one way ("Bennett ->
the Afghan capital", "-> villages affected by the fighting": 042 only). The visit itself stays. A country, capital
or city named as visited keeps PETRARCH's converse (its government as host, as the bundled examples have it); the
nouns are data (lexicons/senses.tsv hostless-place). Real-news conventions only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .patterns import PatternMatch
    from .phrase_actors import ActorRef

THING_HOSTS_NO_ONE = "code.visited-thing-hosts-no-one"
OBJECT_NO_PARTNER = "code.object-of-a-with-pattern-is-no-partner"
_HOSTLESS = words("senses", "hostless-place")
# the code of a visit, whose converse is hosting it (043)
_VISIT = "042"


def thing_hosts_no_one(verb: Token, code: str, target: ActorRef, ctx: DocContext) -> bool:
    """The converse of a visit (``code``, the forward code) to ``target`` is not to be coded: the one visited is a
    place or thing that hosts no one, a common noun of lexicons/senses.tsv hostless-place, or is named inside one
    ("the tomb of Yasser Arafat", "Kenya's biggest shantytown"). The caller skips the converse when this holds."""
    if code[:3] != _VISIT or not _in_a_hostless_place(verb, verb.doc[target.head]):
        return False
    return ctx.fire(THING_HOSTS_NO_ONE)


def _in_a_hostless_place(verb: Token, head: Token) -> bool:
    """``head`` is such a noun, or is named inside one on its way up to ``verb`` ("the site of the bombing in
    Baghdad": Baghdad, found inside the site visited)."""
    tok = head
    while tok.i != verb.i:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in _HOSTLESS:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def object_is_no_partner(verb: Token, match: PatternMatch, target: ActorRef, ctx: DocContext) -> bool:
    """A paired code of a "with" pattern ("HIT * WITH [190:190]", made for "clashed with", "fought with") makes the
    act mutual with the party the "with" phrase names; when the target is the verb's direct object ("confirmed it
    had hit Idlib in coordination with Turkey"), the act is done to it, one way: the "with" phrase is an instrument
    or a companion of the doer, and the object did nothing back. The caller skips the converse when this holds."""
    pattern = match.pattern
    if pattern is None or not any(el.split("_")[0] == "WITH" for el in pattern.post):
        return False
    head = verb.doc[target.head]
    if head.dep_ not in ("dobj", "obj") or head.head.i != verb.i:
        return False
    return ctx.fire(OBJECT_NO_PARTNER)
