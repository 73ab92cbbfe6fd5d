"""Nouns of an exchange between two sides: consultations ("talks with Kyiv", "a phone call", both parties consult)
and fighting ("clashes between the army and rebels", each side uses force on the other). Their code, and their
parties: those named with "with" or "between", a hyphenated pair ("U.S.-Ukraine talks"; not a fixture in a sport
story, nor a venue such as "the Jeddah talks"), else the subject or speaker of the clause around the noun
(lexicons/event_nouns.tsv)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .actor_fallbacks import capitals, country_names
from .lexicons import codes, words
from .nominals import NounArgumentFinder, country_words
from .patterns import PatternMatch
from .phrase_actors import ActorRef
from .state_roles import SPORT_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext

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
SIDE_INSIDE = "source.side-of-a-fight-named-inside-its-phrase"
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
    if not partners and rule != FIGHTING:
        pair = _hyphenated_pair(finder, noun, ctx) if not _sporting(noun) else []
        if pair and ctx.fire(PAIR):
            sources, partners = pair[:1], pair[1:]  # "U.S.-Ukraine talks": the two named are the parties
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


PAIR = "source.hyphenated-pair-names-the-parties"
# a score ("drew 1-1", "won 38 - 3"): the sentence tells of a contest between teams
_SCORE = re.compile(r"(?<![\d-])\d{1,3} ?[-–] ?\d{1,3}(?![\d-])")


def _hyphenated_pair(finder: NounArgumentFinder, noun: Token, ctx: DocContext) -> list[ActorRef]:
    """The two parties a hyphenated modifier of a consultation noun names ("U.S.-Ukraine talks", "the US-China
    trade talks", "the Trump-Putin meeting"): each part coded on its own, as a country's name or short form when
    the tokenizer kept the pair one token, else by the actor dictionaries. Empty unless two different actors are
    named (a "Jeddah-based" venue, "Russian-made" arms name no pair)."""
    before = noun.doc[noun.i - 1] if noun.i > noun.sent.start else None
    if before is not None and before.head.i != noun.i and before.pos_ in ("NOUN", "PROPN", "ADJ"):
        pair = _one_token_pair(before, noun)  # "follow U.S.-Ukraine talks", misparsed as the verb's particle
        if len(pair) == 2 and pair[0].code != pair[1].code:
            return pair
    for mod in noun.children:
        if mod.i > noun.i or mod.dep_ not in ("compound", "amod", "dep", "nmod"):
            continue
        toks = [t for t in mod.subtree if t.i < noun.i]
        pair = _one_token_pair(mod, noun) if len(toks) == 1 else _split_pair(finder, toks, ctx)
        if len(pair) == 2 and pair[0].code != pair[1].code:
            return pair
    return []


def _sporting(noun: Token) -> bool:
    """The noun's sentence or the one before it tells of sport (a sport word, a score: "Brazil and Argentina drew
    1-1. The Brazil-Argentina meeting was watched by 60,000 fans"): a pair of countries there is a fixture."""
    sent = noun.sent
    before = noun.doc[sent.start - 1].sent if sent.start > 0 else sent
    toks = noun.doc[before.start : sent.end]
    return any(t.lemma_.lower() in SPORT_WORDS for t in toks) or bool(_SCORE.search(toks.text))


def _one_token_pair(mod: Token, noun: Token) -> list[ActorRef]:
    """The countries of a pair the tokenizer kept one token ("U.S.-Ukraine"): both parts country names."""
    parts = mod.text.split("-")
    found = [country_names().get(p.lower()) for p in parts]
    if len(parts) != 2 or not all(found):
        return []
    # one token holds both: the second party's head is the noun it modifies, so that it does not lie inside the
    # first party's phrase (where a target would be part of its source)
    return [ActorRef(mod.i, mod.i + 1, mod.i if n == 0 else noun.i, c, mod.text, direct=True)
            for n, c in enumerate(found)]


def _split_pair(finder: NounArgumentFinder, toks: Sequence[Token], ctx: DocContext) -> list[ActorRef]:
    """The actors of a pair of names joined by one hyphen token ("US - China", "Trump - Putin")."""
    names = [t for t in toks if t.pos_ == "PROPN"]
    hyphens = [t for t in toks if t.tag_ == "HYPH"]
    if len(names) != 2 or len(hyphens) != 1 or not names[0].i < hyphens[0].i < names[1].i:
        return []
    coded = [(t, finder.actors.code_tokens([t], ctx.day, t, ctx.fire)[0]) for t in names]
    return [ActorRef(t.i, t.i + 1, t.i, c, t.text, direct=True) for t, c in coded if c]


def _fighting_side(finder: NounArgumentFinder, noun: Token, ctx: DocContext) -> list[ActorRef]:
    """The side of a fight named outside the noun's phrase: the subject of the clause the noun (or the first noun
    of a coordination it ends, "killed in the attack and the ensuing battle with militants") is an adjunct of; for
    a passive, the one it happened to ("X was killed in a gun battle with police": X fought the police)."""
    from .source_finders import SUBJ_DEPS

    anchor = noun
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
        anchor = anchor.head
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = prep.head
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if patient is not None:
        found = finder.phrase_actors(patient, ctx, direct=False)
        if not found and (inside := finder.actors_inside(patient, ctx)) and ctx.fire(SIDE_INSIDE):
            # "Arnel Joseph, the leader of the Village de Dieu gang, was killed in a gun battle with police": the
            # one killed fought as a member of the group the phrase names, as an uncoded subject acts for the
            # actor inside it ("the leader of the gang attacked ...")
            found = inside
        return [replace(a, direct=False) for a in found]
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
    return bare and toks.text.lower() not in country_words()


def _parties_around(finder: NounArgumentFinder, noun: Token, partners: list[ActorRef],
                    ctx: DocContext) -> tuple[list[ActorRef], list[ActorRef]]:
    """Parties of a consultation noun found outside its phrase: the subject of the clause it is an adjunct of
    (inherited too: "hopes to resolve the pause during talks with Ukrainian officials"), with the one spoken to
    when a call has no "with" ("told Museveni in a phone call"); or the speaker of the clause it is the subject
    of ("Ghana said that negotiations with the World Bank were advancing")."""
    from .source_finders import SUBJ_DEPS

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

def mutual_meeting(verb: Token, code: str, targets: Sequence[ActorRef], ctx: DocContext) -> str | None:
    """The converse code of a meeting told by a verb of meeting ("Putin met Erdogan", "bin Salman met with Rubio",
    lexicons/verb_classes.tsv, mutual-meeting) with a partner named: a meeting is between both, each consults the
    other, and the real-news conventions code a symmetric interaction both ways (docs/events-gold.md, "Several
    actors"), as the dictionary's own meeting patterns do ("( FOR TALKS )" 036:036) while the bare verb is one way
    (MEET [040]). Only the plain meeting code: a pattern that gives another code ("met with protests" 141) is
    left as it is, and so is a passive ("protesters were met with tear gas by police": received, not consulted).
    The partner is the verb's object or the object of its "with", not an actor found deeper ("failed to meet the
    deadline set by the court"). None when the meeting has no partner or the verb is no such verb."""
    if code != "040" or not targets or verb.lemma_.lower() not in _MUTUAL_MEETING \
            or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    partners = [c for c in verb.children if c.dep_ in ("dobj", "obj")] + [
        p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "with"
        for p in prep.children if p.dep_ == "pobj"]
    heads = {c.i for p in partners for c in (p, *p.conjuncts)}
    if not all(t.head in heads for t in targets) or not ctx.fire("code.meeting-goes-both-ways"):
        return None  # "failed to meet the deadline set by the court": the court is no partner met
    return code


# verbs of meeting whose subject and partner meet each other (lexicons/verb_classes.tsv, mutual-meeting)
_MUTUAL_MEETING = words("verb_classes", "mutual-meeting")

