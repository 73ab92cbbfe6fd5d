"""Event nouns as triggers ("US sanctions on Iran", "Pakistan's allegations against Kabul", "a visit by Starmer to
the White House"): which nouns are events, the code each takes, and which of the noun's dependents name its doer
and its target.

A noun's arguments are not a verb's: there is no subject or object, only a possessor or modifier ("Israel's
attack", "US sanctions"), a ``by`` agent, and prepositional phrases whose meaning depends on the noun. For most
event nouns the ``of``/``on``/``against`` phrase is the one acted on ("the invasion of Ukraine", "sanctions on
Iran", "an attack against the base"), but for speech acts the ``of`` phrase is their content ("threats of
sanctions", "a demand of payment") and the addressee comes with ``to`` ("a warning to Iran"), and for moves it is
the destination ("a visit to Riyadh"). Those nouns list their target prepositions (``lexicons/event_nouns.tsv``,
nominal-target). For nouns of acts done to a person (arrest, killing, release) the possessor is the one the act is
done to ("his arrest", "the girls' release") unless an ``of`` phrase names that one ("the army's killing of
protesters"): nominal-patient.

The code of a nominal trigger is its verb's dictionary entry (the nominal class's code column names the verb:
"assassination" -> ASSASSINATE), or, for a noun without a verb of its own sense in the dictionary ("tariff",
"crackdown"), a CAMEO code given directly.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from .actor_fallbacks import FOLDS, capitals
from .lexicons import codes, words
from .patterns import PatternMatch

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .arguments import ActorRef
    from .context import DocContext

__all__ = ["CONSULT_NOUNS", "FIGHTING", "FIGHTING_NOUNS", "NOMINAL", "NounArgumentFinder", "consultation_code",
           "consultation_parties", "fighting_code", "nominal_arguments", "nominal_code"]

# event noun -> the verb whose dictionary entry codes it, or a CAMEO code (lexicons/event_nouns.tsv, nominal)
NOMINAL = codes("event_nouns", "nominal")
# event noun -> the prepositions ("to+against") whose object is its target, instead of of/on/against
_TARGET_PREPS = {w: frozenset(p.split("+")) for w, p in codes("event_nouns", "nominal-target").items()}
_DEFAULT_PREPS = frozenset({"of", "on", "against"})
# event nouns whose possessor undergoes the act ("his arrest"), unless "of" names who does
_PATIENT_POSSESSOR = words("event_nouns", "nominal-patient")
_MODIFIERS = ("poss", "compound", "amod")


class NounArgumentFinder(Protocol):
    """What ``nominal_arguments`` and ``consultation_parties`` need of the coder: the argument finder's public
    look-ups (``arguments.ArgumentFinder``), so that a noun's arguments are coded as a verb's are."""

    def phrase_actors(self, head: Token, ctx: DocContext, *, direct: bool) -> list[ActorRef]:
        """The actors of the noun phrase headed by ``head`` (and its conjuncts)."""
        ...

    def actors_inside(self, root: Token, ctx: DocContext) -> list[ActorRef]:
        """The first coded noun phrase(s) inside ``root``'s subtree ("ties with X")."""
        ...

    def clause_sources(self, verb: Token, match: PatternMatch, ctx: DocContext) -> list[ActorRef]:
        """The sources of ``verb``'s clause as a trigger coded by ``match`` would have them."""
        ...


def nominal_code(noun: Token) -> str | None:
    """The CAMEO code an event noun gives directly ("tariff" -> 163), or None when a verb entry codes it (or it is
    no event noun)."""
    code = NOMINAL.get(noun.lemma_.lower())
    return code if code is not None and code.isdigit() else None


def nominal_arguments(finder: NounArgumentFinder, noun: Token,
                      ctx: DocContext) -> tuple[list[ActorRef], list[ActorRef]]:
    """Sources and targets of an event noun: "the assassination of X by Y", "Israel's attack on Gaza", "a US
    strike on Iraq", "Pakistan's allegations against Afghanistan", "a visit by Starmer to the White House"."""
    lemma = noun.lemma_.lower()
    preps = _TARGET_PREPS.get(lemma, _DEFAULT_PREPS)
    # "his arrest", "the girls' release": the possessor undergoes the act, unless "of" names who does
    patient = lemma in _PATIENT_POSSESSOR and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    sources: list[ActorRef] = []
    targets: list[ActorRef] = []
    for c in noun.children:
        if c.dep_ == "poss" and patient:  # a weaker clue than an "of" phrase (as source.authorities-arrest-and-try)
            targets = targets or finder.phrase_actors(c, ctx, direct=False)
        elif c.dep_ in _MODIFIERS and not sources:
            sources = finder.phrase_actors(c, ctx, direct=True)
        # "an attack in X" names a place, not a target
        elif c.dep_ == "prep" and c.lower_ in preps and not targets:
            targets = finder.actors_inside(c, ctx)
        elif c.dep_ == "prep" and c.lower_ == "by":
            sources = finder.actors_inside(c, ctx)
    return sources, targets


# nouns of consultation and their code ("talks with X"): both parties consult (lexicons/event_nouns.tsv)
_CONSULT = codes("event_nouns", "consultation")
# nouns that are a consultation only over a medium ("a phone call"; a bare "call" is an appeal), and the media
_MEDIUM_ONLY = words("event_nouns", "medium-consultation")
_MEDIA = codes("event_nouns", "medium")
CONSULT_NOUNS = frozenset({*_CONSULT, *_MEDIUM_ONLY})
# verbs whose object is the one spoken to: "told Trump in a phone call" (lexicons/verb_classes.tsv, addressee)
_ADDRESSEE_VERBS = words("verb_classes", "addressee")
_SPEAKER_VERBS = words("verb_classes", "report")
# nouns of armed fighting between two sides and their code ("fighting between X and Y", "a gun battle with police"):
# like talks, an exchange in which each side acts on the other (lexicons/event_nouns.tsv, reciprocal-force)
_FIGHTING = codes("event_nouns", "reciprocal-force")
FIGHTING_NOUNS = frozenset(_FIGHTING)
FIGHTING = "candidates.fighting-noun-is-force-both-ways"
# modifiers that make a fight figurative ("a trade battle", "a diplomatic clash", "the political battle")
_FIGURATIVE = words("event_nouns", "figurative-fight")


def consultation_code(noun: Token, *, medium: bool = True) -> tuple[str, bool] | None:
    """The code of a consultation noun and whether a medium gave it ("a phone call" is 041, discuss by telephone;
    ``medium=False`` ignores it: "a phone conversation" is 040), or None for any other noun."""
    lemma = noun.lemma_.lower()
    by = next((_MEDIA[c.lemma_.lower()] for c in noun.children
               if medium and c.dep_ in ("compound", "amod") and c.lemma_.lower() in _MEDIA), None)
    if by is not None and lemma in CONSULT_NOUNS:
        return by, True
    return (_CONSULT[lemma], False) if lemma in _CONSULT else None


def fighting_code(noun: Token) -> str | None:
    """The code of a noun of fighting that names a side with "with" or "between" ("clashes between the army and
    rebels", "a gun battle with police"), or None: without a side named ("the fighting in Gaza") it tells nobody's
    act."""
    # a gerund names the fight as the noun does ("displaced by fighting between rebels and the army"); only with
    # "between": "fighting with X" is the verb's own clause
    verb = noun.pos_ == "VERB"
    code = _FIGHTING.get(noun.lower_ if verb else noun.lemma_.lower())
    if verb and (noun.tag_ != "VBG" or noun.dep_ not in ("pcomp", "pobj", "nsubj", "nsubjpass", "dobj")):
        return None
    sided = any(c.dep_ == "prep" and c.lower_ in (("between",) if verb else ("with", "between"))
                for c in noun.children)
    return code if sided and not _figurative(noun) else None


def _figurative(noun: Token) -> bool:
    """Whether a modifier makes the fight one of words, courts or markets ("Trump's trade battle with China", "a
    diplomatic clash between France and Italy"): no armed force."""
    return any(c.dep_ in ("amod", "compound", "nmod") and c.lemma_.lower() in _FIGURATIVE for c in noun.children)


def consultation_parties(finder: NounArgumentFinder, noun: Token, sources: list[ActorRef],
                         ctx: DocContext, *, rule: str = "candidates.consultation-noun",
                         ) -> tuple[list[ActorRef], list[ActorRef]]:
    """The parties of a consultation noun: those named with "with" or "between" ("talks with Kyiv", "a meeting
    between X and Y") and the possessor or modifier ("his meetings with counterparts"), else the subject of the
    clause whose adjunct the noun is ("in a phone call with Trump, Trudeau said ...": Trudeau took part), else the
    speaker who reports it ("Ghana said negotiations with the World Bank were advancing")."""
    partners = [a for p in noun.children if p.dep_ == "prep" and p.lower_ in ("with", "between")
                for o in p.children if o.dep_ == "pobj" for a in finder.phrase_actors(o, ctx, direct=True)]
    venues = [s for s in sources if _venue(noun, s)]
    if venues and ctx.fire("source.place-name-of-talks-is-no-party"):
        sources = [s for s in sources if s not in venues]  # "the Jeddah talks with Ukrainian officials"
    if not sources and partners and len(partners) > 1 and any(p.lower_ == "between" for p in noun.children):
        sources, partners = partners[:1], partners[1:]
    if not sources and rule == FIGHTING:
        sources = _fighting_side(finder, noun, ctx)
    if not sources:
        sources, partners = _parties_around(finder, noun, partners, ctx)
    if not (sources and partners) or not ctx.fire(rule):
        return [], []
    return sources, partners


def _fighting_side(finder: NounArgumentFinder, noun: Token, ctx: DocContext) -> list[ActorRef]:
    """The side of a fight named outside the noun's phrase: the subject of the clause the noun (or the first noun
    of a coordination it ends, "killed in the attack and the ensuing battle with militants") is an adjunct of; for
    a passive, the one it happened to ("X was killed in a gun battle with police": X fought the police)."""
    from .arguments import SUBJ_DEPS

    anchor = noun
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
        anchor = anchor.head
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = prep.head
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if patient is not None:
        return [replace(a, direct=False) for a in finder.phrase_actors(patient, ctx, direct=False)]
    if not any(c.dep_ in SUBJ_DEPS for c in verb.children):
        return []
    return [replace(a, direct=False) for a in finder.clause_sources(verb, PatternMatch(None, "190", 0), ctx)]


def _venue(noun: Token, ref: ActorRef) -> bool:
    """The actor is a city named as a modifier of a consultation noun ("the Jeddah talks", "the Sochi summit"):
    a capital, or a name the dictionaries code as its country only which is not the country's own name, short form
    or demonym (actor folds): where the talks are held, not a party to them ("US-China talks", "Iranian talks"
    are)."""
    toks = noun.doc[ref.start : ref.end]
    if not all(t.pos_ == "PROPN" and t.dep_ == "compound" and t.head.i in (noun.i, *(u.i for u in toks))
               for t in toks):
        return False
    if toks.text.lower() in capitals():
        return True  # "the Doha talks" (not the government seated there, as a capital standing alone may be)
    bare = ref.code is not None and len(ref.code) == 3 and ref.code.isalpha() and ref.code not in ("IGO", "NGO", "MNC")
    return bare and toks.text.lower() not in _country_words()


@functools.cache
def _country_words() -> frozenset[str]:
    """Country names, short forms and demonyms (lower case), from the actor folds."""
    out = set()
    for line in FOLDS.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if not line.startswith("#") and len(cols) >= 3 and cols[2] in ("name", "alias", "demonym"):
            out.add(cols[0].lower())
    return frozenset(out)


def _parties_around(finder: NounArgumentFinder, noun: Token, partners: list[ActorRef],
                    ctx: DocContext) -> tuple[list[ActorRef], list[ActorRef]]:
    """Parties of a consultation noun found outside its phrase: the subject of the clause it is an adjunct of
    (inherited too: "hopes to resolve the pause during talks with Ukrainian officials"), with the one spoken to
    when a call has no "with" ("told Museveni in a phone call"); or the speaker of the clause it is the subject
    of ("Ghana said that negotiations with the World Bank were advancing")."""
    from .arguments import SUBJ_DEPS

    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        verb = head.head
        if not partners and verb.lemma_.lower() in _ADDRESSEE_VERBS and (consultation_code(noun) or ("", False))[1]:
            heard = [a for o in verb.children if o.dep_ in ("dobj", "dative")
                     for a in finder.phrase_actors(o, ctx, direct=False)]
            partners = heard if heard and ctx.fire("candidates.telephone-consultation") else []
        # the clause's subject is no argument of the noun itself: weaker evidence than a possessor
        subject = finder.clause_sources(verb, PatternMatch(None, "040", 0), ctx) if partners else []
        return [replace(a, direct=False) for a in subject], partners
    if partners and noun.dep_ in SUBJ_DEPS and head.dep_ == "ccomp" and head.head.lemma_.lower() in _SPEAKER_VERBS:
        subj = [c for c in head.head.children if c.dep_ in SUBJ_DEPS]
        speaker = finder.phrase_actors(subj[0], ctx, direct=False) if subj else []
        if speaker and ctx.fire("candidates.speaker-of-talks-is-a-party"):
            return speaker, partners
    return [], partners
