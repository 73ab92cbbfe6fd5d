"""The doer of the lead's act when only the headline names it.

A news lead often tells the main act without its doer: the passive of the act done ("Soleimani and al-Muhandis were
killed early on Friday in an air strike on their convoy", "the opposition leader was arrested on Tuesday") or a doer
whose country it leaves to the headline ("officials said they had expelled two diplomats"), because the headline has
just named it ("United States assassinates Iranian military leader in Baghdad", "Russia expels US diplomats"). The
headline's act is then the lead's act told again, and its doer is the lead's. The headline is coded first (its
sentences come first); a verb of the lead sentence with no doer, or only a state body of no country ("officials",
"security forces") or an instrument of none ("in an air strike": ---MIL), takes the doer of a headline act of the
same kind (the same CAMEO root, or both violent: 18-20) done to the same party (the target countries agree; a lead
act with a target needs a headline act with one), told by a finite verb and asserted or reported by the headline
itself. Never a doer the headline only quotes: "Pentagon says general killed in strike" names a speaker, not who
killed him (the doer must be an argument of the headline's act, not of a verb of speech above it).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .actor_codes import split_code

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
_HOPS = 4  # how far up from the doer's head the headline's act may be ("US strike kills": US <- strike <- kills)


def headline_doer(verb: Token, code: str, parties: tuple[list[ActorRef], list[ActorRef]], sentence: int,
                  ctx: DocContext) -> list[ActorRef]:
    """The sources of the act ``verb`` (dictionary code ``code``) of sentence ``sentence``: ``parties``' own
    unless it is the lead's act and they name no country nor a doer of their own; then those of the headline act of
    the same kind done to the same party."""
    sources, targets = parties
    # an event noun ("tensions soared after the assassination of Soleimani") names the act the story is about
    # in passing: a second event of it would count the act twice
    if sentence != ctx.lead or verb.pos_ != "VERB" or not ctx.headline_acts or not _unnamed(sources, verb):
        return sources
    family = act_family(code.partition(":")[0] or code.partition(":")[2])
    for act in ctx.headline_acts:
        doer = act.source
        country = split_code(doer.code)[0]
        if country is None or act_family(act.code) != family or act.modality not in _FACTUAL:
            continue
        told = verb.doc[act.trigger]
        if not _finite(told) or not _same_party(act, targets) or not _argument_of(told, verb.doc[doer.head]):
            continue
        if not ctx.fire(RULE):
            return sources
        if not sources:
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
