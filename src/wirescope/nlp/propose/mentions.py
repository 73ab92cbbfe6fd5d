"""The actor mentions of each sentence, as the event coder resolves them.

Every noun, proper noun and pronoun of a sentence is looked up with the coder's own noun-phrase look-up
(``ArgumentFinder.phrase_actors``: the dictionaries, surnames and titles resolved in the article, pronouns and
capitals standing for their governments), so a proposal's actors are the ones a rule would have given had a rule
reached them. A mention is kept when it has a country key (``KeyOf``; the real-news scorer's is
``eval.realnews.actor_key``: an ISO country, ``IGO`` or a CAMEO region), given by the caller because nlp may not
import the evaluation layer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ...records import Actor
from ..coding.actors import make_actor
from ..coding.context import DocContext
from ..coding.rules.patterns import anchors

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..coding.engine import EventCoder
    from ..coding.phrase_actors import ActorRef

_HEAD_POS = frozenset({"NOUN", "PROPN", "PRON"})
# A coded actor's (country key, role): the caller's notion of "the same actor"
KeyOf = Callable[[Actor | None], tuple[str | None, str | None]]


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One coded actor mention in a sentence: its phrase's token span and head, its code and scorer's key."""

    start: int  # token indexes [start, end) in the doc
    end: int
    head: int
    code: str
    country: str  # the scorer's actor key: ISO3, IGO or a region
    role: str | None


def sentence_mentions(coder: EventCoder, doc: Doc, day: date | None, key_of: KeyOf) -> list[list[ActorMention]]:
    """Per sentence of ``doc`` (spaCy's segmentation, the events stage's indexes), its coded actor mentions, one
    per phrase head, in text order."""
    ctx = DocContext(day, coder.rules, anchors=anchors(doc))
    return [_of_sentence(coder, sent, ctx, key_of) for sent in doc.sents]


def _of_sentence(coder: EventCoder, sent: Span, ctx: DocContext, key_of: KeyOf) -> list[ActorMention]:
    seen: dict[int, ActorMention] = {}
    for tok in sent:
        if tok.pos_ not in _HEAD_POS or tok.i in seen:
            continue
        for ref in _refs(coder, tok, ctx):
            if ref.head in seen or not ref.code:
                continue
            span = tok.doc[ref.start : ref.end]
            country, role = key_of(make_actor(span.start_char, span.end_char, span.text, ref.code, None))
            if country is not None and sent.start <= ref.head < sent.end:
                seen[ref.head] = ActorMention(ref.start, ref.end, ref.head, ref.code, country, role)
    return sorted(seen.values(), key=lambda m: m.head)


def _refs(coder: EventCoder, tok: Token, ctx: DocContext) -> list[ActorRef]:
    """The coder's actors of the phrase headed by ``tok``; a look-up that fails on an odd parse gives none."""
    ctx.begin()
    try:
        return list(coder.phrase_actors(tok, ctx, direct=True))
    except (IndexError, KeyError, ValueError):
        return []


Pair = tuple[ActorMention, ActorMention | None]


def pairs_by_key(mentions: list[ActorMention]) -> dict[tuple[str, str | None], list[Pair]]:
    """Candidate keys of a sentence: every ordered pair of different mentions (both orders) and every mention with
    no target, grouped by (source country, target country or None)."""
    out: dict[tuple[str, str | None], list[Pair]] = {}
    for a in mentions:
        out.setdefault((a.country, None), []).append((a, None))
        for b in mentions:
            if b.head != a.head and not (a.start <= b.head < a.end or b.start <= a.head < b.end):
                out.setdefault((a.country, b.country), []).append((a, b))
    return out
