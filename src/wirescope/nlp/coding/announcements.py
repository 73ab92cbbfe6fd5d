"""Acts announced for the future, with the bundled (real-news) dictionaries: an announced act is coded as the
announcement, an intent (03x) when cooperative, a threat (13x) when conflictual (``lexicons/announced.tsv``); an
announced show of force at no opponent is a mission (030); a measure dated in the future is announced, not
imposed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .context import DocContext
from .lexicons import codes
from .measure_nouns import ENACTED, future_measure
from .patterns import PatternMatch
from .phrase_actors import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Token

# announced code (4 digits, 3 or the root) -> the intent (03x) or threat (13x) the announcement is
_ANNOUNCED = {**codes("announced", "intent"), **codes("announced", "threat")}


def announced_code(code: str) -> str | None:
    """The intent or threat code of an act announced for the future (``lexicons/announced.tsv``), by the longest
    listed prefix of ``code``; None when none is listed (statements, appeals, intents and threats keep theirs)."""
    return prefix_code(_ANNOUNCED, code)


def prefix_code(table: dict[str, str], code: str) -> str | None:
    """The code ``table`` gives the longest listed prefix of ``code`` (4 digits, 3, then the root), or None."""
    for n in (4, 3, 2):
        if len(code) >= n and code[:n] in table:
            return table[code[:n]]
    return None


def announced(pairs: Sequence[tuple[ActorRef, ActorRef | None, str]], ctx: DocContext,
              place: str | None = None) -> list[tuple[ActorRef, ActorRef | None, str]]:
    """An act announced for the future ("is due to travel to X", "vowed to strike") is coded as the announcement,
    an intent (03x) when cooperative and a threat (13x) when conflictual; the announced act's converse ("X will
    visit Y": Y hosts) has not happened and goes. Codes with no listed prefix stay. ``place`` is the one country
    the clause names as a place (for a deployment: where the forces go)."""
    codes_of = [_posture(s, t, c.lstrip("~"), announced_code(c.lstrip("~")), place, ctx) for s, t, c in pairs]
    if not any(codes_of) or not ctx.fire("code.announced-act-is-intent-or-threat"):
        return list(pairs)
    return [(s, t, new or c) for (s, t, c), new in zip(pairs, codes_of, strict=True)
            if not (new and c.startswith("~") and not _planned_meeting(c, ctx))]


# consultations in which each side consults the other (meet 040, by telephone 041, negotiate 046): not a visit
# (042), whose converse is hosting (043)
_MUTUAL = frozenset({"040", "041", "046"})


def _planned_meeting(code: str, ctx: DocContext) -> bool:
    """The converse of a planned meeting or negotiation ("Bolton is expected to hold talks with Turkish officials",
    "Putin will meet Erdogan"): both sides intend to meet, as both met in an asserted meeting
    (code.meeting-goes-both-ways); a visit's converse, hosting, has not happened and goes."""
    return code.lstrip("~")[:3] in _MUTUAL and ctx.fire("code.planned-meeting-goes-both-ways")


def _posture(src: ActorRef, tgt: ActorRef | None, code: str, announced: str | None, place: str | None,
             ctx: DocContext) -> str | None:
    """An announced show of force (15x) is a threat (138) only when aimed at another country: a target of
    another country, or forces sent to a place of another country ("will deploy warships near Taiwan"); forces sent
    with no one named against them and placed near no other country ("hopes to send police officers to Haiti": the
    target is the officers, ---COP; "to" names a destination) are a mission announced, an intent (030; review 9
    B4)."""
    if announced is None or not code.startswith("15") or announced[:2] != "13":
        return announced
    own = split_code(src.code or "")[0]
    aimed = {split_code(tgt.code or "")[0] if tgt is not None else None, place} - {None, own}
    if aimed or not ctx.fire("code.announced-deployment-at-no-opponent-is-intent"):
        return announced
    return "030"


def future_measure_modality(verb: Token, match: PatternMatch, mod: str, ctx: DocContext) -> str:
    """ "Announced tariffs on Mexican steel, to take effect next month": a measure dated in the future is announced,
    not imposed (threatened, which ``announced`` codes 1312); else ``mod``."""
    if mod == "asserted" and match.inferred == "noun" and future_measure(verb) and ctx.fire(ENACTED):
        return "threatened"
    return mod

