"""The maker of a claim, a decision or a document that an opinion or a denial names only by a definite noun
("rejected the resolution", "Balkhi rejected the allegation that ...", "Russia also opposed the plan"): the party
the story named as its maker at an earlier mention of the same noun ("a resolution in the U.S. Congress",
"Pakistan's allegation that ...", "a US plan"), issue 17, the target named elsewhere in the story.

A definite noun phrase that repeats the head noun of an earlier one refers back to it (the ordinary anaphora of a
definite description): "The Afghan Taliban have rejected Pakistan's allegation that the attack was planned from
Afghan soil. ... Balkhi rejected the allegation that Baloch separatists have put down roots across the border" ->
AFG -> PAK. The opinion or denial is then aimed at the maker, as it is when the noun names its maker itself
(``speech.stance_owner``, ``speech.answered_author``). Word list: lexicons/stances.tsv made-noun."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .phrase_actors import ActorRef

MADE_NOUNS = words("stances", "made-noun")
MAKING_VERBS = words("stances", "making-verb")
MAKER_BEFORE = "target.maker-named-at-an-earlier-mention"
# opinions and answers aimed at a party through what it made: disapproval (11), rejection (12), denial (016),
# support, praise or a verbal defence (050-053: the dictionaries code "welcomed the decision" 052); not signing (057),
# which the maker does itself
_ROOTS = frozenset({"11", "12"})
_CODES = frozenset({"016", "050", "051", "052", "053"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})
# an earlier mention that introduces a new one ("a resolution", "another plan") ends the search: the later definite
# noun refers to it, and with no maker named there the maker is not known
_INDEFINITE = frozenset({"a", "an", "another", "one", "some", "any", "no"})
_WINDOW, _LEAD = 3, 3
_AUTHOR_PREPOSITIONS = frozenset({"by", "from"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass"})


class _Phrases(Protocol):
    def phrase_actors(self, head: Token, ctx: DocContext, *, direct: bool) -> list[ActorRef]: ...


def earlier_maker(finder: _Phrases, verb: Token, sources: Sequence[ActorRef], code: str,
                  ctx: DocContext) -> list[ActorRef]:
    """The target of an opinion or denial with none of its own whose object is a definite made-noun: the maker
    named at the nearest earlier mention of the same noun in the story (``target.maker-named-at-an-earlier-
    mention``); [] when there is none, or when the nearest mention that introduces it names no maker."""
    code = code.lstrip(":~")
    if code[:2] not in _ROOTS and code[:3] not in _CODES:
        return []
    own = {s.code for s in sources} | {s.head for s in sources}
    for noun in _definite_objects(verb):
        found = [a for a in _maker(finder, noun, ctx) if a.code not in own and a.head not in own]
        if found and ctx.fire(MAKER_BEFORE):
            return [replace(a, direct=False) for a in found]
    return []


def _definite_objects(verb: Token) -> list[Token]:
    """The verb's objects (or passive subject, or the noun its relative clause or participle modifies: "a charge
    New Delhi rejected") that are made-nouns with a definite determiner and no possessor of their own."""
    nouns = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    if verb.dep_ in ("relcl", "acl"):
        nouns.append(verb.head)
    return [n for n in nouns if n.pos_ == "NOUN" and n.lemma_.lower() in MADE_NOUNS
            and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in n.children)
            and not any(c.dep_ == "poss" for c in n.children)]


def _maker(finder: _Phrases, noun: Token, ctx: DocContext) -> list[ActorRef]:
    """The coded maker at the nearest earlier mention of ``noun``'s lemma that names one, going back over definite
    mentions (which refer back further) and stopping at one that introduces the thing without naming its maker."""
    lemma, doc = noun.lemma_.lower(), noun.doc
    starts = [s.start for s in doc.sents]
    here = bisect_right(starts, noun.i) - 1
    for i in range(noun.i - 1, -1, -1):
        earlier = doc[i]
        if earlier.pos_ != "NOUN" or earlier.lemma_.lower() != lemma or not _near(bisect_right(starts, i) - 1, here):
            continue
        found = [a for m in _makers(earlier) for a in finder.phrase_actors(m, ctx, direct=False) if a.code]
        if found:
            return found
        if any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in earlier.children):
            return []
    return []


def _near(earlier: int, here: int) -> bool:
    """The earlier mention is in the sentence, one of the ``_WINDOW`` before it, or the article's lead (its first
    ``_LEAD`` sentences, where what the story is about is reported): a mention further back among other news is
    likely another thing of the same name ("news reports in state media" about a bill, thirty paragraphs before
    "a news conference to deny the reports" about a letter)."""
    return here - earlier <= _WINDOW or earlier < _LEAD


def _makers(noun: Token) -> list[Token]:
    """The words of a noun's phrase that may name its maker: a possessor ("Pakistan's allegation"), a modifier
    before it ("a US plan"), a by/from phrase or a participle's agent ("the plan tabled by France and Germany"), or
    an 'in' phrase naming a body that makes such things ("a resolution in the U.S. Congress"; not a place)."""
    found = [c for c in noun.children if c.dep_ == "poss"
             or (c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i)]
    for prep in (c for c in noun.children if c.dep_ == "prep"):
        objs = [g for g in prep.children if g.dep_ == "pobj"]
        if prep.lower_ in _AUTHOR_PREPOSITIONS:
            found += objs
        elif prep.lower_ == "in":
            found += [g for g in objs if g.ent_type_ not in ("GPE", "LOC", "FAC") and g.pos_ in ("PROPN", "NOUN")]
    found += [a for c in noun.children if c.dep_ == "acl" for p in c.children if p.dep_ == "agent"
              for a in p.children if a.dep_ == "pobj"]
    return found + _issuer(noun)


def _issuer(noun: Token) -> list[Token]:
    """The subject of a verb that makes or makes public what the noun names ("Washington announced plans for a
    30,000-strong force", "Pakistan levelled the allegation", "the court handed down its ruling"; lexicons/
    stances.tsv making-verb), or its passive agent ("plans were announced by the government")."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "obj", "nsubjpass") or verb.lemma_.lower() not in MAKING_VERBS:
        return []
    if noun.dep_ == "nsubjpass":
        return [a for p in verb.children if p.dep_ == "agent" for a in p.children if a.dep_ == "pobj"]
    return [c for c in verb.children if c.dep_ == "nsubj"]
