"""Roles an actor takes from what it does: a country named as the doer of a state's act is its government.

"Kenya refused to attend the hearing", "Britain signed an agreement with Mauritius", "Pakistan and the United
States have designated the BLA a terrorist group", "the G7 urged Russia to accept a ceasefire": a country's name
used for the one who refuses, signs, designates, appeals or is appealed to stands for the state acting through its
government (the metonymy every reader resolves), and the real-news gold codes it so (``GOV``: 22 of 26 such sources
and 21 of 25 such targets on the tuning part). The country as a whole keeps no role where the act is not a
government's to do or to receive: the target of a sanction, a trade measure or a strike ("tariffs on China",
"strikes on Syria"), the doer of force ("France destroyed the air force" is its military, which the text does not
say), and a country's people ("Malaysians", "the Chinese").

Real-news conventions only (the bundled dictionaries); the PETRARCH suites code a country's name as the bare
country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .actor_codes import REGION_CODES, split_code
from .actor_fallbacks import country_names
from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .context import DocContext
    from .phrase_actors import ActorRef

RULE = "actors.country-acting-as-a-state-is-its-government"
# A state's own acts, as their doer: statements, appeals, intents, consultation, cooperation, aid, yielding,
# investigation, demands, disapproval, rejection, threats, protest, posture, reducing relations (CAMEO 01-16);
# coercion and force (17-20) are done by its police, courts or forces, which the name alone does not say.
SOURCE_ROOTS = frozenset(f"{r:02d}" for r in range(1, 17))
# Acts addressed to a state's government as their recipient: statements, appeals, intents, consultation,
# diplomatic cooperation, demands, disapproval ("blamed India": CAMEO 01-05, 10, 11). Material acts
# land on the country as a whole.
TARGET_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11"})

# Nouns of a state's own acts and stands, whose possessor or modifier is the state ("the U.S. proposal").
STATE_ACTS = words("title_words", "state-act")
# A country that is the object of a place preposition ("the meeting in Monaco", "100% in the UK", "outside the
# US") is a place, not a state acting, and so is the destination of people who are no state's agents ("migrants to
# come to the UK"; a state's envoy travelling to Mauritius meets its government); nor one named in a sentence about
# a sporting contest ("Ireland appealed against the referee's decision after the match": a team).
PLACE_PREPS = words("place_words", "preposition")
DIRECTION_PREPS = words("place_words", "direction-preposition")
JOURNEY_VERBS = words("verb_classes", "arrival") | words("verb_classes", "departure")
SPORT_WORDS = words("place_words", "sport-word")
# a contest's result said of a country ("Russia won the meeting with a final total of 63 points", "France beat
# Italy 38-3"): the country is a team
CONTEST_VERBS = words("place_words", "contest-verb")
RESULT_NOUNS = words("place_words", "result-noun")
_SCORE = re.compile(r"^\d{1,3}-\d{1,3}$")

Pair = tuple["ActorRef", "ActorRef | None", str]


def governments_of_acting_states(doc: Doc, pairs: list[Pair], ctx: DocContext) -> list[Pair]:
    """Each (source, target, code) with a bare country as the doer of a state's act or the recipient of a
    diplomatic one given that country's government (``KEN`` -> ``KENGOV``)."""
    out = []
    for src, tgt, code in pairs:
        root = code.lstrip("~")[:2]
        if root in SOURCE_ROOTS and _acting_state(doc, src) and ctx.fire(RULE):
            src = _government(src)
        # not onto the source's own code: "Khamenei ordered mourning in Iran" is no act of Iran's government on
        # itself (the coder never pairs an actor with itself)
        if tgt is not None and root in TARGET_ROOTS and _other_country(src, tgt) and _acting_state(doc, tgt) \
                and not _destination_of_people(doc, src, tgt) and ctx.fire(RULE):
            tgt = _government(tgt)
        out.append((src, tgt, code))
    return out


def _other_country(src: ActorRef, tgt: ActorRef) -> bool:
    """The target is another country than the source's ("IND" -> "IND" is no act on India's government)."""
    return split_code(src.code)[0] != split_code(tgt.code)[0]


def _acting_state(doc: Doc, ref: ActorRef) -> bool:
    """A country named by its own name without a role ("Kenya", "the United States", "Britain"), or a state's own
    act or stand named with it ("the U.S. proposal", "Kenya's request", "the decision of Kenya"). Not a thing of
    the country ("China's economy", "the law in France"), a company the dictionaries place in it ("Gazpromneft"),
    nor its people ("Malaysians", "the Chinese"): none of them is the country's name."""
    code = ref.code or ""
    country, roles = split_code(code)
    if country is None or roles or len(code) != 3 or code in REGION_CODES:
        return False
    head = doc[ref.head]
    if _place_or_team(head):
        return False
    if head.pos_ == "PROPN":
        return _names(_name_of(head), country) and not _owns_a_named_thing(head)
    if head.lemma_.lower() not in STATE_ACTS:
        return False
    owners = [c for c in head.children if c.dep_ in ("poss", "compound", "nmod", "amod")]
    owners += [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
    return any(_names(_name_of(o), country) for o in owners)


def _place_or_team(tok: Token) -> bool:
    """The country's name is a place (the object of a place preposition: "in Monaco") or a team (its sentence
    names a sporting contest)."""
    if any(t.lemma_.lower() in SPORT_WORDS for t in tok.sent):
        return True
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return (tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS) or _contest_result(tok)


def _contest_result(tok: Token) -> bool:
    """The country is named in a sentence that tells a contest's result: a contest verb (win, beat, lose ...) with
    a subject and a score or a count of points or goals ("Russia won the meeting with a final total
    of 63 points, with Britain second", "France beat Italy 38-3"): the countries are teams, not states acting."""
    sent = tok.sent
    if not any(t.lemma_.lower() in CONTEST_VERBS and any(c.dep_ == "nsubj" for c in t.children) for t in sent):
        return False
    return any(t.like_num and t.i + 2 < sent.end and _result_after(t) for t in sent) \
        or any(_SCORE.match(t.text) for t in sent)


def _result_after(num: Token) -> bool:
    """A number followed by a result noun ("63 points") or a score written in three tokens ("38 - 3")."""
    doc = num.doc
    nxt = doc[num.i + 1]
    return nxt.lemma_.lower() in RESULT_NOUNS or (nxt.text in ("-", "–") and doc[num.i + 2].like_num)


def _destination_of_people(doc: Doc, src: ActorRef, tgt: ActorRef) -> bool:
    """The target is where people who are no state's agents go ("migrants to come to the UK")."""
    tok = doc[tgt.head]
    prep = tok.head
    journey = tok.dep_ == "pobj" and prep.lower_ in DIRECTION_PREPS and prep.head.lemma_.lower() in JOURNEY_VERBS
    return journey and "GOV" not in (src.code or "")[3:]


def _owns_a_named_thing(tok: Token) -> bool:
    """A possessor of a named thing: "Russia's Mikoyan-Gurevich" is a company, not the state acting."""
    return tok.dep_ == "poss" and tok.head.pos_ == "PROPN"


def _name_of(tok: Token) -> list[Token]:
    """The words of the name ``tok`` ends: itself and its compound proper nouns ("United States", "C.A.R"), not a
    possessor or an apposition ("Turkey's rival Greece": Greece)."""
    parts = [tok]
    for c in tok.children:
        if c.dep_ == "compound" and c.pos_ == "PROPN":
            parts.extend(_name_of(c))
    return sorted(parts, key=lambda t: t.i)


def _names(toks: Sequence[Token], country: str) -> bool:
    """The words are the country's own name (a final full stop aside: "the C.A.R.")."""
    text = " ".join(t.text for t in toks).lower()
    return bool(text) and country_names().get(text, country_names().get(text.rstrip("."))) == country


def _government(ref: ActorRef) -> ActorRef:
    return replace(ref, code=(ref.code or "") + "GOV")
