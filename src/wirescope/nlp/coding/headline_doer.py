"""The doer of the lead's act when only the headline names it.

A news lead often tells the main act without its doer: the passive of the act done ("Soleimani and al-Muhandis were
killed early on Friday in an air strike on their convoy", "the opposition leader was arrested on Tuesday") or a doer
whose country it leaves to the headline ("officials said they had expelled two diplomats"), because the headline has
just named it ("United States assassinates Iranian military leader in Baghdad", "Russia expels US diplomats"). The
headline's act is then the lead's act told again, and its doer is the lead's. The headline is coded first (its
sentences come first, or the title given apart from the text is coded before it, ``ctx.headline_doc``); a verb of
the lead sentence with no doer, or only a state body of no country ("officials", "security forces") or an instrument
of none ("in an air strike": ---MIL), takes the doer of a headline act of the same kind (the same CAMEO root, or
both violent: 18-20) done to the same party (the target countries agree; a lead act with a target needs a headline
act with one), told by a finite verb and asserted or reported by the headline itself. Never a doer the headline only
quotes: "Pentagon says general killed in strike" names a speaker, not who killed him (the doer must be an argument
of the headline's act, not of a verb of speech above it). One headline act is told again by one lead act, the first
of its kind; and a lead act whose clause names where the blow came from, not the doer's country ("a rocket fired
from Gaza"), is another act and takes no doer.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .actor_fallbacks import country_in

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .codings import Coding
    from .context import DocContext
    from .phrase_actors import ActorRef

RULE = "source.agentless-lead-act-takes-the-headline-doer"
# the roots of violence: an assassination (186) in the headline is the killing (190) of the lead
_VIOLENT = frozenset({"18", "19", "20"})
# state bodies the lead may name without their country ("officials said", "security forces")
_STATE_BODIES = frozenset({"GOV", "MIL", "COP", "JUD", "SPY"})
_FACTUAL = frozenset({"asserted", "reported"})
_FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_NAMED_TYPES = frozenset({"PERSON", "ORG"})
_HOPS = 4  # how far up from the doer's head the headline's act may be ("US strike kills": US <- strike <- kills)


def headline_doer(verb: Token, code: str, parties: tuple[list[ActorRef], list[ActorRef]], sentence: int,
                  ctx: DocContext) -> list[ActorRef]:
    """The sources of the act ``verb`` (dictionary code ``code``) of sentence ``sentence``: ``parties``' own
    unless it is the lead's act and they name no country nor a doer of their own; then those of the headline act of
    the same kind done to the same party."""
    sources, targets = parties
    # an event noun ("tensions soared after the assassination of Soleimani") names the act the story is about
    # in passing: a second event of it would count the act twice
    if sentence != ctx.lead or verb.pos_ != "VERB" or not ctx.headline_acts or not _unnamed(sources, verb) \
            or (not sources and _named_subject(verb)):
        return sources
    family = act_family(code.partition(":")[0] or code.partition(":")[2])
    told_in = ctx.headline_doc if ctx.headline_doc is not None else verb.doc  # the title parsed apart, or the text
    for act in ctx.headline_acts:
        doer = act.source
        country = split_code(doer.code)[0]
        if country is None or act_family(act.code) != family or act.modality not in _FACTUAL:
            continue
        told = told_in[act.trigger]
        if not _finite(told) or not _same_party(act, targets) or not _argument_of(told, told_in[doer.head]):
            continue
        # one headline act is told again by one lead act, the lead's first of its kind; a lead act whose clause
        # names where the blow came from, and not the headline doer's country, is another act
        if ctx.headline_told.setdefault(act.trigger, verb.i) != verb.i or _other_origin(verb, country):
            return sources
        if not ctx.fire(RULE):
            return sources
        if not sources:
            if ctx.headline_doc is not None:  # a title parsed apart: its tokens are not the text's, so the doer
                # implied in the lead is spanned by the lead's verb, as a body a rule supposes is
                return [replace(doer, start=verb.i, end=verb.i + 1, head=verb.i, direct=False)]
            return [replace(doer, direct=False)]
        # "officials", "an air strike", the police of an arrest: the lead's state body, of the headline's country
        return [replace(s, code=country + (s.code or "")[3:], direct=False) for s in sources]
    return sources


def _unnamed(sources: list[ActorRef], verb: Token) -> bool:
    """No doer, or only state bodies or instruments of no country ("officials", "an air strike"), or the state
    body a rule supposes for an act with no doer named (its span is the verb's own: the police of an arrest,
    source.authorities-arrest-and-try, of the country of the one arrested when no place is named: "A German
    journalist has been detained" in a story headlined "Turkey detains German journalist" is no act of Germany's)."""
    for s in sources:
        country, roles = split_code(s.code)
        if s.start == verb.i and s.end == verb.i + 1 and roles and set(roles) <= _STATE_BODIES:
            continue
        if country is not None or not roles or not set(roles) <= _STATE_BODIES:
            return False
    return True


def _named_subject(verb: Token) -> bool:
    """The lead names its doer by name, which no dictionary codes ("Ashley Cole has refused to blame Robin van
    Persie" under "Cole refuses to blame van Persie"): the act is not agentless, and the headline's surname coded
    apart from the text is a guess at another person (a Sierra Leonean politician Cole), not a doer the lead left
    to the headline."""
    return any(c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.ent_type_ in _NAMED_TYPES) for c in verb.children)


def _other_origin(verb: Token, country: str) -> bool:
    """The lead act's clause names an origin other than the doer's country: a "from" phrase naming a place, on the
    verb or on a word of its clause ("a rocket fired from Gaza fell short", "missiles launched from Yemen"), whose
    country is not the doer's or is unknown. An act that came from Gaza is not Israel's, whatever the headline
    says Israel did."""
    # the passive's subject is the one the act was done to: where it came from is not where the blow came from
    # ("Soleimani, who had flown in from Damascus, was killed")
    patient = {t.i for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree}
    for tok in verb.subtree:
        if tok.lower_ != "from" or tok.dep_ != "prep" or tok.i in patient:
            continue
        place = [c for c in tok.children if c.dep_ == "pobj"]
        if not place or not (place[0].ent_type_ in _PLACE_TYPES or place[0].pos_ == "PROPN"):
            continue
        origin = country_in(list(place[0].subtree))
        if origin != country:
            return True
    return False


def act_family(code: str) -> str:
    """The kind of act a code is for telling the same act twice: its root, or "violence" for 18-20 (a headline's
    assassination, 186, is the lead's killing, 190)."""
    root = code.lstrip("~")[:2]
    return "violence" if root in _VIOLENT else root


def _same_party(act: Coding, targets: list[ActorRef]) -> bool:
    """The headline's act is done to one of the lead's targets: their countries (or codes, for a party of no
    country) agree. A lead act with a target needs a headline act with one: "Iraq bombs Islamic State positions"
    (no coded target) is not "Three Iraqi soldiers were killed in a roadside bombing"."""
    if not targets:
        return True
    if all(split_code(t.code)[0] is None and (t.code or "---").startswith("---") for t in targets):
        return act.target is not None and bool(act.target.code)  # "two diplomats": the headline says whose
    if act.target is None or not act.target.code:
        return False
    key = _party(act.target.code)
    return any(_party(t.code) == key for t in targets if t.code)


def _party(code: str | None) -> str:
    country = split_code(code)[0]
    return country or (code or "")[:3]


def _finite(act: Token) -> bool:
    """The headline's act is a finite verb ("assassinates", "expels", "has arrested"), as headlinese tells an act
    done: a participle with no auxiliary of the perfect is a passive without a doer, or the parser's misreading of
    the headline ("UK helps raped Rwandan women" with "helps" as an auxiliary of "raped")."""
    if act.tag_ in _FINITE_TAGS:
        return True
    return act.tag_ == "VBN" and any(a.dep_ == "aux" and a.lemma_.lower() == "have" for a in act.children)


def _argument_of(act: Token, doer: Token) -> bool:
    """The doer is a phrase of the headline's act itself ("US strike kills ...": US <- strike <- kills), not the
    subject of a verb of speech or another verb above it ("Pentagon says general killed")."""
    tok = doer
    for _ in range(_HOPS):
        if tok.i == act.i:
            return True
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return tok.i == act.i
