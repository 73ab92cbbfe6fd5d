"""Candidate keys of an article with their features: what the learned proposer scores (``features.py``), made
from the coder's actor mentions (``mentions.py``) and the rules' own events."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ...records import Event
from .features import Key, key_features, sentence_view
from .mentions import ActorMention, KeyOf, pairs_by_key, sentence_mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..coding.engine import EventCoder


class KeyFeatures(NamedTuple):
    """One candidate key of one sentence."""

    start: int  # the sentence's first character
    sentence: int  # the pipeline's sentence index
    key: Key
    evidence: tuple[tuple[str | None, str | None], tuple[ActorMention, ActorMention | None]]
    features: dict[str, float]


def roots_function(coder: EventCoder) -> Callable[[Token], frozenset[str]]:
    """The CAMEO roots the coder's verb dictionaries give a token: its entries' default codes and their blocks'
    pattern codes (nouns through the coder's nominal verbs), memoised by token index (build one per document)."""
    patterns = coder.dicts.patterns
    memo: dict[int, frozenset[str]] = {}

    def roots_of(tok: Token) -> frozenset[str]:
        if tok.pos_ not in ("VERB", "NOUN", "AUX"):
            return frozenset()
        if tok.i not in memo:
            roots = set()
            for entry in coder._verb_entries(tok):  # the coder's own look-up of a trigger's entries
                roots.add(entry.code[:2])
                roots.update(p.code[:2] for p in patterns.get(entry.block, ()))
            memo[tok.i] = frozenset(r for r in roots if r.isdigit())
        return memo[tok.i]

    return roots_of


# The root an event is counted as (the real-news scorer's is ``eval.realnews.scored_root`` of root and modality)
RootOf = Callable[[Event], str]


def rule_keys(events: Sequence[Event], key_of: KeyOf, root_of: RootOf) -> dict[int, dict[Key, frozenset[str]]]:
    """Per pipeline sentence, the keys of the rules' events there (repeats included) and their roots."""
    out: dict[int, dict[Key, set[str]]] = {}
    for e in events:
        src, tgt = key_of(e.source)[0], key_of(e.target)[0]
        if src is None:
            continue
        for n in {e.sentence, *e.mentions}:
            out.setdefault(n, {}).setdefault((src, tgt), set()).add(root_of(e))
    return {n: {k: frozenset(v) for k, v in keys.items()} for n, keys in out.items()}


def article_keys(coder: EventCoder, doc: Doc, day: date | None, events: Sequence[Event],
                 keys: tuple[KeyOf, RootOf]) -> list[KeyFeatures]:
    """Every candidate key of every sentence of the article, with its features (``keys``: how an actor and an
    event's root are counted, see ``KeyOf`` and ``RootOf``)."""
    roots_of = roots_function(coder)
    by_sentence = rule_keys(events, *keys)
    out = []
    for n, (sent, mentions) in enumerate(zip(doc.sents, sentence_mentions(coder, doc, day, keys[0]), strict=True)):
        view = sentence_view(sent, n, roots_of, by_sentence.get(n, {}))
        for key, pairs in pairs_by_key(mentions).items():
            a, b = min(pairs, key=lambda p: abs(p[0].head - p[1].head) if p[1] else 0)
            out.append(KeyFeatures(sent.start_char, n, key, ((a.role, b.role if b else None), (a, b)),
                                   key_features(view, pairs, roots_of)))
    return out
