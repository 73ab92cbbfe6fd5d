"""A target finder for acts of force done to a town the dictionaries do not code: "Turkish warplanes bombed Afrin",
"shelled the Kurdish enclave of Afrin", "airstrikes hit Hodeidah", "jets struck the town of Maarat al-Numan".

A place is no actor unless the act is done to the place; a strike on a city or a seizure of territory then targets
the country of the place, with no role (docs/events-gold.md, "A place is not an actor"). The dictionaries code the
countries, capitals and a few cities ("bombed Aleppo" is SYR already); the towns and enclaves where wars are fought
are mostly not in them, so such an act kept no target at all. The gazetteer the places stage resolves with knows
them (``towns.town_country``: only a clear reading, a small town only in an article that names its country).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .actor_codes import split_code
from .context import DocContext
from .lexicons import words
from .phrase_actors import ActorRef
from .referents import referents_of
from .towns import name_text, town_country

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .arguments import ArgumentFinder
    from .nominals import NounArgumentFinder as NounFinder
    from .target_finders import TargetsFound, TargetView

TOWN_STRUCK = "target.town-struck-is-its-country"

# roots of acts done to a place by force: assault (18), fighting, bombardment and occupation (19), mass violence (20)
_FORCE_ROOTS = frozenset({"18", "19", "20"})
# prepositions by which an act of force reaches its object ("fired on Afrin", "strikes against Idlib")
_STRUCK_PREPS = frozenset({"on", "against", "at", "into"})
_PLACE_NOUNS = words("place_words", "place-noun")
# entity labels a town named alone may carry, or none (a name the parser does not know; the gazetteer decides);
# the parser calls many a town NORP or ORG, but those are also peoples and bodies: only the name of a place noun
# ("the enclave of Afrin") may carry them
_TOWN_LABELS = frozenset({"GPE", "LOC", "FAC", ""})
_NO_PLACE = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def town_target(finder: ArgumentFinder, v: TargetView, ctx: DocContext) -> TargetsFound:
    """A target finder (the last of ``arguments._TARGET_FINDERS``): an act of force (roots 18-20) whose object, or
    the object of its "on/against/at/into" phrase or of its object's ("launched an attack on Bakhmut"), is a town,
    province or region the dictionaries do not code ("bombed Afrin", "the Kurdish enclave of Afrin", "the town of
    Maarat al-Numan", "Idlib city") targets the country the gazetteer gives it, with no role."""
    if finder.ud_petrarch or not finder.real_news or v.match.code.lstrip(":~")[:2] not in _FORCE_ROOTS:
        return None
    # the object, the verb's on/against phrase, and the object's own ("launched an attack on Bakhmut": the force
    # noun the light verb launches says where it struck)
    heads = [*v.objs, *_struck(v.verb), *(g for o in v.objs if o.pos_ == "NOUN" for g in _struck(o))]
    for head in heads:
        town = struck_town(finder, head, ctx, direct=head in v.objs)
        if town is not None:
            return TOWN_STRUCK, [town]
    return None


def _struck(tok: Token) -> list[Token]:
    """The objects of the on/against/at/into phrases of ``tok``."""
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in _STRUCK_PREPS for g in c.children
            if g.dep_ == "pobj"]


def struck_town(finder: ArgumentFinder | NounFinder, head: Token, ctx: DocContext, *,
                direct: bool) -> ActorRef | None:
    """The country of the town, province or region the noun phrase headed by ``head`` names, when the dictionaries
    do not code it and the gazetteer knows it clearly (a small town only in an article that names its country);
    the phrase of an act of force's object, or of a force noun's target phrase ("Turkey's attack on the Kurdish
    enclave of Afrin", "the siege of Mariupol by Russian forces")."""
    name = _town_name(head)
    if name is None or finder.actors.code_tokens([name], ctx.day, name, ctx.fire)[0]:
        return None  # no name, or one the dictionaries code (a country, a coded city: the earlier finders' own)
    town = town_country(name_text(name), finder.gazetteer)
    if town is None or not (town.well_known or town.country in _countries_named(finder, name, ctx)):
        return None
    start = min(t.i for t in head.subtree)
    return ActorRef(start, max(t.i for t in head.subtree) + 1, name.i, town.country, name_text(name), direct=direct)


def _town_name(head: Token) -> Token | None:
    """The last word of the town an object names: the object itself ("Afrin"), the name of its place noun ("the
    Kurdish enclave of Afrin", "the town of Maarat al-Numan") or the name before it ("Idlib city"); None when the
    object is no name or no place (a person, a number)."""
    if head.lemma_.lower() in _PLACE_NOUNS:
        named = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        before = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        found = named or before
        return found[0] if found and found[0].ent_type_ not in _NO_PLACE else None
    if head.pos_ == "PROPN" and head.ent_type_ in _TOWN_LABELS:
        return head
    return None



def _countries_named(finder: ArgumentFinder | NounFinder, tok: Token, ctx: DocContext) -> frozenset[str]:
    """The countries the article's names code: a small town counts by its country only in an article naming it."""
    return frozenset(split_code(m.code)[0] or "" for m in referents_of(ctx, tok.doc, finder.actors).names)
