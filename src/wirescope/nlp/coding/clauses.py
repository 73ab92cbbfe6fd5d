"""Clause shapes of news lead sentences that change what a trigger reports (main events, issue 17).

A lead sentence packs several clauses around its main act; these helpers say how a clause's shape bears on the
events in it, for the rules the engine fires:

* ``scheduled``: "be to" with an infinitive ("Iraq is to invite bids", "the ministers are to meet on Friday")
  announces a scheduled act, as "is due to", "is set to" do (``modality.be-to-is-scheduled``): the act has not
  happened, and is coded as the announcement (an intent or a threat), not as the act.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from .context import DocContext

__all__ = ["scheduled", "scheduled_modality"]

# the forms of "be" that, with a to-infinitive, schedule an act ("is to visit"); not "was to" (a past plan, which
# may or may not have been carried out: "he was to become president")
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})


def scheduled(trigger: Token, sources: Sequence[tuple[int, int]] | None = None) -> bool:
    """Whether ``trigger`` is the infinitive of a present "be to" ("Israel is to send a delegation"), or a verb
    coordinated with one ("is to cut jobs and close plants"); not "is to blame", a subject that names an aim ("the
    aim is to end the war": the copula equates them), an adjective or expletive ("it is easier to bomb a country"),
    nor "is yet to" (not done). With ``sources`` (the act's source spans, ``[start, end)``), the subject of "be"
    must be one of them, or a personal pronoun that stands for one: "the key for Britain is to cooperate with
    France" says what Britain should do, not what it is scheduled to do."""
    verb = trigger
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_ != "be" or head.lower_ not in _PRESENT_BE:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.lower_ == "blame":
        return False
    if any(c.dep_ in ("acomp", "attr", "expl") or c.lower_ == "yet" for c in head.children):
        return False  # "it is necessary to recognise", "is easier to bomb", "is yet to decide" (not done)
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # "the aim is to end the war", "the strategy is to ...": the subject names the aim, the copula equates them
    if subject is None or subject.lower_ == "it" or subject.lemma_.lower() in _AIM_NOUNS:
        return False
    return sources is None or _is_source(subject, sources)


# pronouns that, as the subject of "is to", stand for the act's source ("they are to meet on Friday")
_PERSONAL = frozenset({"i", "we", "you", "he", "she", "they"})


def _is_source(subject: Token, sources: Sequence[tuple[int, int]]) -> bool:
    """Whether the subject of "be" is (part of) one of the act's sources, or a personal pronoun standing for one."""
    return subject.lower_ in _PERSONAL or any(start <= subject.i < end for start, end in sources)


# nouns that, as the subject of "is to", name an aim or task, not an actor who is scheduled to act
# (lexicons/modal_cues.tsv, aim-noun)
_AIM_NOUNS = words("modal_cues", "aim-noun")


def scheduled_modality(trigger: Token, mod: str, ctx: DocContext,
                       sources: Sequence[tuple[int, int]] | None = None) -> str:
    """The modality of an act ``modality`` found asserted or reported, when "be to" schedules it: threatened, so
    that the engine codes the announcement ("Israel is to send a delegation to Cairo": an intent, 036, not a
    visit that happened)."""
    if mod in ("asserted", "reported") and scheduled(trigger, sources) and ctx.fire("modality.be-to-is-scheduled"):
        return "threatened"
    return mod
