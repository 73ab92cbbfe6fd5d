"""Deals between firms are commerce (``code.deal-between-firms-is-commerce``, asked by ``senses.sense_code``):
business news tells of companies buying, selling, bidding for, investing in, supplying and fighting each other,
and the dictionary codes those verbs as economic cooperation (061, 0311), agreements (057) or a battle (190). With
every party a company, such an act is trade, no act between political actors; where the firm is named with its
country ("Belgium's Interbrew bought Brazilian brewer Ambev") it would even be mapped as one state's cooperation
with another's. Acts of a government, a regulator, a court or a state-owned firm are kept: they have a state role
or are marked as the state's. Word lists are data (lexicons/senses.tsv: firm-noun, firm-part, state-firm-mark)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import ROLE_CODES, split_code
from .actor_fallbacks import country_surfaces
from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .phrase_actors import ActorRef

FIRM_NOUNS = words("senses", "firm-noun")
FIRM_PARTS = words("senses", "firm-part")
STATE_FIRM_MARKS = words("senses", "state-firm-mark")
PUBLIC_BODIES = words("senses", "public-body-noun")
FIRMS = "code.deal-between-firms-is-commerce"
# a business (or a multinational), with at most the sectors a firm's code carries (media, farming, health)
_FIRM_ROLES = frozenset({"BUS", "MNC"})
_FIRM_SECTORS = frozenset({"BUS", "MNC", "MED", "AGR", "HLH"})
# cooperation of every kind (01-10) and the figurative battle (19): "the battle between Microsoft and Google";
# lawsuits, accusations, rejections and threats (11-17) may bring in courts and regulators and are left alone
_DEALING_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "19"})
# names that are no firm's (a person, a place, a people)
_NOT_FIRM_ENTS = frozenset({"PERSON", "GPE", "LOC", "NORP", "FAC"})
_STRONG, _WEAK = 2, 1


def deal_between_firms(doc: Doc, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]]) -> bool:
    """Every source and every target is a firm, at least one of them plainly so (a business code or a firm noun:
    "Swiss cement firm Holcim", "US banking giant Citigroup" coded MNC), the others at least a firm's name (a
    proper name of no person or place coded with a country alone: "Italy's Illva Saronno", "Germany's Hexal"),
    and the act is cooperation or a battle: commerce."""
    sources, targets = parties
    if code[:2] not in _DEALING_ROOTS or not sources or not targets:
        return False
    kinds = [_firm_kind(doc, p) for p in (*sources, *targets)]
    return all(kinds) and _STRONG in kinds


def _firm_kind(doc: Doc, party: ActorRef) -> int:
    """_STRONG for a party that is plainly a firm, _WEAK for one that may be a firm's name, 0 otherwise."""
    if _state_marked(doc, party):
        return 0  # "state-run oil group Rosneft", "state-owned companies": the state's own
    roles = set(split_code(party.code)[1]) & ROLE_CODES  # "MNCUSAMED": the multinational's country is no role
    if roles and not roles <= _FIRM_SECTORS:
        return 0  # a government, court, regulator, party, armed group, civilians ...
    strong = bool(roles & _FIRM_ROLES)
    head = _owned(doc[party.head])
    if head.ent_type_ in _NOT_FIRM_ENTS and not strong:
        return 0  # "Chile, the biggest copper producer": a country described by its trade
    if head.lemma_.lower() in PUBLIC_BODIES or head.lower_ in PUBLIC_BODIES:
        return 0  # "the US-China Economic and Security Review Commission", "Iraq's Oil Ministry"
    if _firm_noun(head):
        return 0 if _of_a_country(doc, head) else _STRONG
    if strong:
        return _STRONG if head.pos_ in ("PROPN", "NOUN", "PRON") and not _person(head) else 0
    if head.pos_ == "PROPN" and head.ent_type_ not in _NOT_FIRM_ENTS and not _country_named(doc, party):
        return _WEAK  # "Belgium's Interbrew" (coded BEL), "Media" of "Independent News & Media" (MED)
    return 0


def _owned(head: Token) -> Token:
    """What a part, a stake or a share is of ("33% of Changyu", "a 26% stake in Indian newspaper company Jagran",
    "all of Germany's Hexal"): the firm it belongs to; else the head itself."""
    if head.lemma_.lower() not in FIRM_PARTS and head.lower_ not in FIRM_PARTS:
        return head
    owner = next((g for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                  for g in c.children if g.dep_ == "pobj"), None)
    return head if owner is None else owner


def _firm_noun(head: Token) -> bool:
    """A firm noun heads the phrase or names what the name is ("Swiss cement firm Holcim", "Brazilian brewer
    Ambev", "Holcim, the Swiss cement firm")."""
    named = [head, *(c for c in head.children if c.dep_ in ("compound", "appos"))]
    if head.dep_ in ("appos", "compound"):
        named.append(head.head)
    return any(n.lemma_.lower() in FIRM_NOUNS or n.lower_ in FIRM_NOUNS for n in named)


def _country_named(doc: Doc, party: ActorRef) -> bool:
    """The phrase or its head is a country's name, people or capital ("Egypt", "the Italians", "London"), whatever
    the model's entity label."""
    surfaces = country_surfaces()
    phrase = tuple(t.lower_ for t in doc[party.start : party.end] if t.dep_ != "det")
    return phrase in surfaces or (doc[party.head].lower_,) in surfaces


def _of_a_country(doc: Doc, head: Token) -> bool:
    """A firm noun 'of' a country ("the Bank of England", "the Reserve Bank of India"): a central bank, the
    state's."""
    surfaces = country_surfaces()
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and (g.ent_type_ == "GPE" or tuple(t.lower_ for t in g.subtree if t.dep_ != "det") in surfaces)
        for g in c.children)
        for c in head.children)


def _person(head: Token) -> bool:
    return head.ent_type_ == "PERSON" or head.lower_ in ("he", "she", "i", "we", "you")


def _state_marked(doc: Doc, party: ActorRef) -> bool:
    """The phrase marks the firm as the state's ("state-owned", "state-run", "government-controlled")."""
    text = doc[party.start : party.end].text.lower().replace(" - ", "-")
    return any(mark in text for mark in STATE_FIRM_MARKS)
