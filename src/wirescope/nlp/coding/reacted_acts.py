"""Opinions about what someone said or did are aimed at that someone. "Iraq's president hit back at comments made
by Donald Trump" criticises Trump (the author of the comments), "Russia called the killing of Suleimani illegal"
criticises whoever killed him, not Suleimani: the one an act noun's "of" phrase names undergoes the act and is not
the one criticised (review 13 #1). Used by the event coder's target finders (``target.author-of-the-criticised-
words`` through speech.stance_owner, ``target.criticised-act-targets-its-doer``)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .actor_codes import NON_STATE, split_code
from .lexicon import LIGHT_VERBS, PLACE_PREPS
from .lexicons import codes, words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .arguments import ArgumentFinder
    from .context import DocContext
    from .phrase_actors import ActorRef
    from .target_finders import TargetsFound, TargetView

__all__ = ["ACT_DOER", "AUTHOR", "act_doer_target", "aimed_nouns", "author_heads", "stance_author"]

ACT_DOER = "target.criticised-act-targets-its-doer"
AUTHOR = "target.author-of-the-criticised-words"
# acts done to someone -> "force" for acts of force, else "-" (lexicons/event_nouns.tsv, done-to-act)
_ACT_NOUNS = codes("event_nouns", "done-to-act")
_FORCE = "force"
# event nouns whose possessor undergoes the act ("his arrest"), unless "of" names who does
_PATIENT_POSSESSOR = words("event_nouns", "nominal-patient")
# participles whose "by" agent is the doer of the noun they modify ("comments made by Trump", "the raid carried
# out by the army")
_AGENT_PARTICIPLES = words("event_nouns", "agent-participle")
# opinions aimed at a party through what it did: disapproval (11), rejection (12)
_OPINION_ROOTS = frozenset({"11", "12"})
_AIMED_PREPS = frozenset({"against", "at", "on"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def author_heads(noun: Token) -> list[Token]:
    """The heads of the phrases naming who said or did what ``noun`` names: its "by" phrase ("the statement by the
    State Department") or the "by" agent of a participle of doing or saying on it ("comments made by Donald
    Trump", "the raid carried out by the army")."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"]
    verb = noun.head
    if noun.dep_ in ("dobj", "obj") and not any(c.dep_ == "auxpass" for c in verb.children):
        # the parser hangs the noun's "by" phrase on the active verb, which can have no agent of its own
        preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i]
    preps += [a for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in _AGENT_PARTICIPLES
              for a in c.children if a.dep_ == "agent"]
    return [g for p in preps for g in p.children if g.dep_ == "pobj"]


def stance_author(finder: ArgumentFinder, v: TargetView, ctx: DocContext) -> TargetsFound:
    """A target finder: an opinion (11, 12, a verb of attack in words) aimed at what someone said or decided,
    named after it ("hit back at comments made by Donald Trump", "criticised the statement by the State
    Department"): the author (see ``author_heads``), when the objects name no actor themselves."""
    from .speech import opinion_root, stance_actors

    if finder.ud_petrarch or not opinion_root(v) or any(finder.phrase_actors(o, ctx, direct=True) for o in v.objs):
        return None
    found = stance_actors(finder, v, ctx, author_heads)
    return (AUTHOR, found) if found else None


def aimed_nouns(verb: Token, objs: tuple[Token, ...]) -> list[Token]:
    """What an opinion is aimed at, nearest first: its objects, the objects of its "against/at/on" phrases, also
    after a particle or adverb ("hit back at comments"), and those of its objects."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("prt", "advmod"))]
    preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in _AIMED_PREPS]
    preps += [p for o in objs for p in o.children if p.dep_ == "prep" and p.lower_ in _AIMED_PREPS]
    return [*objs, *(g for p in preps for g in p.children if g.dep_ == "pobj")]


def act_doer_target(finder: ArgumentFinder, v: TargetView, ctx: DocContext) -> TargetsFound:
    """A target finder: an opinion (11, 12) aimed at an act noun ("condemned the arrest of X by Y", "called the
    killing of X illegal", "criticised Israel's airstrikes") is aimed at the act's doer: its "by" agent, a
    possessor or modifier that is not the one the act is done to; with none named, for a definite act of force,
    the attacker of the last act of force the article told ("the killing" after "a US strike killed ..."), and for
    an arrest, detention, expulsion or other act of authority, the government of the country of the one it is done
    to or of the place it is done in ("the arrest of the Saudi activist": SAUGOV; "the expulsion of diplomats from
    Iran": IRNGOV). The one the act is done to is never the target; an act of force with no doer found leaves the
    opinion without one (an empty tuple)."""
    if finder.ud_petrarch or v.match.code.lstrip(":")[:2] not in _OPINION_ROOTS or v.match.inferred == "noun" \
            or v.verb.lemma_.lower() in LIGHT_VERBS:
        return None  # "launched an attack on the Tory plans": the noun is the act itself, in words
    if any(finder.phrase_actors(o, ctx, direct=True) for o in v.objs if o.pos_ == "PROPN"):
        return None  # "condemned Israel for the killing of X": the object is the one criticised
    noun = next((n for n in aimed_nouns(v.verb, v.objs) if n.lemma_.lower() in _ACT_NOUNS), None)
    if noun is None or not _done_to_someone(noun):
        return None
    for head in _doers(noun):
        found = [a for a in finder.phrase_actors(head, ctx, direct=False) if a.code and a.head not in v.src_heads]
        if found:  # (a "by" phrase of the object itself: the older rule's case, "condemned the attack by X")
            by = head in author_heads(noun) and noun in v.objs
            return ("target.doer-of-the-act-reacted-to" if by else ACT_DOER), found
    if _ACT_NOUNS[noun.lemma_.lower()] != _FORCE:
        return _authorities(finder, noun, v, ctx)
    if ctx.attackers and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children):
        found = [replace(a, direct=False) for a in ctx.attackers if a.head not in v.src_heads]
        if found:
            return ACT_DOER, found
    return ACT_DOER, ()


def _authorities(finder: ArgumentFinder, noun: Token, v: TargetView, ctx: DocContext) -> TargetsFound:
    """The government of the country where an act of authority with no doer named is done, else of the first party
    named inside it ("the expulsion of diplomats from Iran": IRNGOV; "the arrest of the Saudi activist": SAUGOV): a
    state's authorities arrest, detain, expel and sanction on their own ground, whoever undergoes it, so the place
    beats the nationality of the one it is done to ("Britain condemned the detention of a British journalist in
    Egypt": EGYGOV, not GBRGOV; review 14). Never the critic itself: a state does not condemn its own act in these
    words, so "Britain condemned the detention of a British journalist" names no doer and has no target (not the
    journalist either). None when no country is named there (the other finders decide)."""
    own = {ref.code for ref in v.sources}
    for ref in [*_places_inside(finder, noun, ctx), *finder.actors_inside(noun, ctx)]:
        country = split_code(ref.code or "")[0]
        if ref.head in v.src_heads or country is None or len(country) != 3 or country in NON_STATE:
            continue
        if own & {country, country + "GOV"}:
            return ACT_DOER, ()  # the critic is that state itself: the doer is not named (nor is it the victim)
        return ACT_DOER, [replace(ref, code=country + "GOV", direct=False)]
    return None


def _places_inside(finder: ArgumentFinder, noun: Token, ctx: DocContext) -> list[ActorRef]:
    """The coded names of places inside an act noun's phrase, after a preposition of place ("the detention of a
    journalist in Egypt", "the expulsion of diplomats from Iran"); a place the act is in before a place one comes
    from ("the detention of a man from Manchester in Iran")."""
    places = [tok for tok in noun.subtree
              if tok.i != noun.i and tok.dep_ == "pobj" and tok.pos_ == "PROPN" and tok.head.lower_ in PLACE_PREPS]
    places.sort(key=lambda tok: tok.head.lower_ == "from")
    return [ref for tok in places for ref in finder.phrase_actors(tok, ctx, direct=False) if ref.code]


def _done_to_someone(noun: Token) -> bool:
    """The act noun names the one it is done to ("the arrest of the activist", "attacks on Kurdish fighters") or
    its doer ("the attack by militants"): a bare act noun is left to the other finders."""
    return any(c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "by") for c in noun.children) \
        or bool(author_heads(noun))


def _doers(noun: Token) -> list[Token]:
    """Who did the act: its "by" agent, then its possessor unless the possessor undergoes it ("his arrest"; "the
    police's arrest of X" has "of" for that), then the modifiers before it ("the US strike", "Israeli raids")."""
    heads = author_heads(noun)
    has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    patient_poss = noun.lemma_.lower() in _PATIENT_POSSESSOR and not has_of
    if not patient_poss:
        heads += [c for c in noun.children if c.dep_ == "poss"]
    heads += [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]
    return heads
