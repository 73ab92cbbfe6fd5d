"""An event noun that only names the act its governing verb codes ("Israeli airstrikes in Gaza killed 20 people",
"Assad spoke during a meeting with Velayati") is one act, coded once, at the verb (docs/events-gold.md, "one event
per act")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from .phrase_actors import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .context import DocContext

RESTATED = "filters.nominal-restates-its-verbs-act"


class _Coded(Protocol):
    """What ``restated`` reads of a coded event (``codings.Coding``)."""

    @property
    def trigger(self) -> int: ...

    @property
    def code(self) -> str: ...

    @property
    def modality(self) -> str: ...

    @property
    def source(self) -> ActorRef: ...

    @property
    def target(self) -> ActorRef | None: ...


_C = TypeVar("_C", bound=_Coded)


def restated(codings: Sequence[_C], doc: Doc, ctx: DocContext) -> list[_C]:
    """The events of a sentence but those of an event noun that only names the act its governing verb codes: the
    same root between the same countries, told with the same modality ("Israeli airstrikes in Gaza killed 20
    people", "Assad spoke during a meeting with Velayati"): one act, coded once, at the verb (docs/events-gold.md,
    "one event per act")."""
    acts = {(c.trigger, _key(c)) for c in codings if doc[c.trigger].pos_ != "NOUN"}
    if not acts:
        return list(codings)
    out = []
    for c in codings:
        noun = doc[c.trigger]
        verb = _governing_verb(noun) if noun.pos_ == "NOUN" else None
        if verb is not None and (verb.i, _key(c)) in acts and ctx.fire(RESTATED):
            continue
        out.append(c)
    return out


def _key(c: _Coded) -> tuple[str, str, str, str]:
    """Root, the countries of source and target, and modality: what makes two mentions one act for the real-news
    scorer, told as the same fact ("the talks ... were not going well" does not restate that talks were held)."""
    target = c.target.code if c.target is not None and c.target.code else ""
    return c.code[:2], (c.source.code or "")[:3], target[:3], c.modality


def _governing_verb(noun: Token) -> Token | None:
    """The verb of which the noun is the subject or object ("Israeli airstrikes ... killed", "launched an attack"),
    or the instrument, circumstance or purpose ("killed in a US drone strike", "died during the shelling",
    "travels to Canada for meetings with G7 ministers": the same root between the same parties); None for a noun
    that names another, earlier or later, act ("spoke after the talks", "struck back after the attack")."""
    head = noun.head
    if noun.dep_ in _ARGUMENT_DEPS and head.pos_ in ("VERB", "AUX"):
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _INSTRUMENT_PREPS \
            and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None


_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj"})
_INSTRUMENT_PREPS = frozenset({"in", "by", "with", "during", "through", "under", "for"})
