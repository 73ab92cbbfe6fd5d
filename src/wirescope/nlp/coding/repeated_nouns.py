"""The actor a noun phrase repeats, for the event coder's argument finding (``phrase_actors``): a local office's
title is the person the article named with it ("the mayor" after "London mayor Ken Livingstone"); a definite
description repeats the phrase with the same head noun before it ("the embassy" after "the US embassy in
Baghdad"), unless someone new was introduced with that noun between ("A senior Kurdish official ... the
official"); a role owned by a definite role noun is of what that owner refers to ("the ministry's spokesman")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .actor_codes import compose, split_code
from .full_names import owner
from .lexicons import words
from .syntax import definite_owner, phrase_tokens

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .actor_refs import ActorRef
    from .context import DocContext
    from .phrase_actors import PhraseActors

# a subject role owned by "the court", "the ministry", "the army" is of whatever that owner refers to
DEFINITE_OWNER = "actors.definite-owner-gives-its-country"
# titles of a town's or city's own office ("the mayor"), and the rule that finds the person holding one
_LOCAL_OFFICES = words("title_words", "local-office")
LOCAL_TITLE = "actors.local-title-refers-to-its-holder"


def described_before(finder: PhraseActors, head: Token, coded: tuple[str | None, str],
                     ctx: DocContext) -> tuple[str | None, str] | None:
    """The actor a mention coded ``coded`` (a role, mostly without a country) repeats: the holder of a local
    office's title, the phrase a repeated noun refers back to, the referent of a definite owner; None when it
    repeats none of these (``referring.refer_back`` is tried next)."""
    code = coded[0]
    holder = _local_title_holder(finder, head, code, ctx) if code is not None else None
    if holder is not None:
        return holder
    repeated = _noun_repeated(finder, head, coded, ctx)
    if repeated is not None:
        return repeated
    return _definite_owner(finder, head, code, ctx) if code is not None else None


def _noun_repeated(finder: PhraseActors, head: Token, coded: tuple[str | None, str],
                   ctx: DocContext) -> tuple[str | None, str] | None:
    """A common noun with a role that repeats a noun named before it (``_repeated_noun``), unless someone new
    came between, whom it then repeats as its own words code it (``_someone_new_before``)."""
    if coded[0] is None or head.pos_ != "NOUN":
        return None
    return coded if _someone_new_before(finder, head, ctx) else _repeated_noun(finder, head, coded[0], ctx)


def _someone_new_before(finder: PhraseActors, head: Token, ctx: DocContext) -> bool:
    """A definite singular description ("the official") whose latest earlier mention with the same head noun
    introduced someone new whom its own words do not place ("A senior Kurdish official told reporters"): the
    description repeats that newest one, so it takes no country from an older mention of the noun or of its
    role ("a US official said" before both), and stays as its own words code it."""
    if head.tag_ == "NNS" or not _definite(head, modifiers=True):
        return False
    before = [i for i in ctx.phrase_heads(head.doc, head.lemma_.lower()) if i < head.i]
    if not before or not _indefinite(head.doc[before[-1]]):
        return False
    named = finder.named_before(head.doc, before[-1:], head.i, ctx)
    if named and split_code(named[0].code)[0] is not None:
        return False
    return ctx.fire("actors.newer-someone-is-not-an-older-one")


def _definite_owner(finder: PhraseActors, head: Token, code: str, ctx: DocContext) -> tuple[str, str] | None:
    """A subject role without a country owned by a definite singular role noun with nothing else to say whose
    it is ("the court's president", "the ministry's spokesman", "the army's chief") belongs to whatever that
    owner refers to, resolved as the owner is as a mention of its own (the body named before it, else the
    article's country): the owned role with the owner's country, or an international body's code (its organ
    speaks for it). Any other owner ("Iran's", "his", "a court's", "the Iranian ministry's") is another
    rule's or none."""
    roles = split_code(code)[1]
    if split_code(code)[0] is not None or not roles or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    poss = definite_owner(head)
    if poss is None:
        return None
    ref = finder._actor(poss, ctx, direct=False)
    if ref is None or not ref.code:
        return None
    country = split_code(ref.code)[0]
    if country is None and not ref.code.startswith("IGO"):
        return None
    new = compose(country, [(r, False) for r in roles]) if country is not None else ref.code
    return (new, ref.name) if new and ctx.fire(DEFINITE_OWNER) else None


def _local_title_holder(finder: PhraseActors, head: Token, code: str, ctx: DocContext) -> tuple[str, str] | None:
    """A local office's title without a place ("the mayor", kept GOV by actors.mayor-is-no-national-government)
    is the person the article named with that title before it ("London mayor Ken Livingstone" ... "the mayor"),
    not the nearest government actor (actors.role-refers-back would make it the prime minister's GBRGOV)."""
    if head.lemma_.lower() not in _LOCAL_OFFICES or head.tag_ == "NNS" or split_code(code)[0] is not None:
        return None
    titled = [m for m in finder._full_names(head, ctx).names if m.end <= head.i and any(
        t.lemma_.lower() == head.lemma_.lower() for t in phrase_tokens(head.doc[m.end - 1]) if t.i < m.start)]
    if not titled or owner(titled[-1].code) is None or not ctx.fire(LOCAL_TITLE):
        return None
    return titled[-1].code, titled[-1].name


def _repeated_noun(finder: PhraseActors, head: Token, code: str, ctx: DocContext) -> tuple[str | None, str] | None:
    """A definite description that repeats the head noun of a phrase coded before it is that phrase's actor:
    "the embassy" after "the US embassy in Baghdad" (its country, with the role's own roles), "the court" after
    "the United Nations' highest court" (the organisation's body), "the diplomats said" after "diplomats from
    the G7" (its owner)."""
    roles = [(r, False) for r in split_code(code)[1]]
    if head.tag_ != "NNS":
        # an indefinite one ("a regional official said", "one intelligence official") is someone new
        same = None if _indefinite(head) else _same_head_before(finder, head, ctx)
        if same is not None and ctx.fire("actors.role-refers-back"):
            return compose(split_code(same.code)[0], roles), same.name
        body = _same_head_before(finder, head, ctx, bodies=True) if _definite(head) else None
        if body is not None and ctx.fire("actors.definite-body-refers-back"):
            return body.code, body.name
        return None
    same = _same_head_before(finder, head, ctx, bodies=True) if _definite(head, modifiers=True) else None
    if same is not None and _modifiers_repeated(head, same) and ctx.fire("actors.plural-role-refers-back"):
        return compose(owner(same.code), roles), same.name
    return None


def _same_head_before(finder: PhraseActors, head: Token, ctx: DocContext, *, bodies: bool = False) -> ActorRef | None:
    """The latest phrase before ``head`` in the document with the same head noun that names a country (or, with
    ``bodies``, any owner: an organisation too): a definite description repeats the noun of its antecedent
    ("the US embassy in Baghdad" ... "the embassy"), which named whose it is (``named_before``)."""
    found = [ref for ref in finder.named_before(head.doc, ctx.phrase_heads(head.doc, head.lemma_.lower()),
                                              head.i, ctx)
             if (owner(ref.code) if bodies else split_code(ref.code)[0]) is not None]
    return found[-1] if found else None


def _definite(head: Token, *, modifiers: bool = False) -> bool:
    """A definite plural with nothing else to tell whose it is: "the diplomats", "the ministers" (not "the two
    presidents", "the Iranian diplomats"); with ``modifiers``, adjectives and nouns before it may describe it ("the
    foreign ministers"), as long as none names its owner (a modifier that codes a country gives the phrase a code
    with one, and no mention without an owner reaches here)."""
    kinds = ("det", "poss", "nummod") if modifiers else ("det", "poss", "nummod", "amod", "compound")
    dets = [c for c in head.children if c.dep_ in kinds]
    return len(dets) == 1 and dets[0].lower_ == "the"


def _indefinite(head: Token) -> bool:
    """A singular noun introduced as someone new: "a regional official", "another diplomat", "one official"."""
    return any(c.dep_ in ("det", "nummod") and c.lower_ in _INDEFINITE for c in head.children)


_INDEFINITE = frozenset({"a", "an", "another", "one"})


def _modifiers_repeated(head: Token, antecedent: ActorRef) -> bool:
    """Every adjective or noun before ``head`` is a word of the antecedent's phrase: "the foreign ministers" repeats
    "G7 foreign ministers", not "Iranian defence ministers" (a definite description repeats its antecedent's
    words; a new modifier names another set of holders)."""
    words = {t.lemma_.lower() for t in head.doc[antecedent.start : antecedent.end]}
    return all(c.lemma_.lower() in words for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i)
