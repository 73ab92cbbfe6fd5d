"""Features of a candidate (source country, target country) pair of a sentence, for the learned proposer.

A candidate key is (source country, target country or None); several mention pairs of a sentence may give one
key, and the key's features are the union of theirs (binary). What they describe, read off the parse the pipeline
made (nothing is parsed again): the words on the dependency path between the two mentions and the word that joins
them, the verbs of the sentence and the CAMEO roots the coder's verb dictionaries give them, each mention's
relation, entity label and role, their order and distance, quotation, negation, modal and condition cues, the
sentence's position, and the events the rules coded in the sentence (so that the model learns what the rules miss,
not what they already give).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .mentions import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Key = tuple[str, str | None]  # (source country, target country or None)
RootsOf = Callable[["Token"], frozenset[str]]  # the CAMEO roots a token's dictionary entries give
_MODALS = frozenset({"could", "would", "may", "might", "should", "must", "can", "will"})
_CONDITIONS = frozenset({"if", "unless", "whether"})
_QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"})
_PATH_MAX = 6


@dataclass(frozen=True, slots=True)
class SentenceView:
    """What every pair of one sentence shares: its features and the rules' events (key -> roots)."""

    sent: Span
    index: int  # position in the article
    shared: frozenset[str]
    rule_keys: Mapping[Key, frozenset[str]]


def sentence_view(sent: Span, index: int, roots_of: RootsOf,
                  rule_keys: Mapping[Key, frozenset[str]]) -> SentenceView:
    feats = {f"pos={min(index, 3)}", f"len={min(len(sent) // 10, 5)}"}
    for tok in sent:
        if tok.pos_ == "VERB":
            feats.add(f"verb={tok.lemma_.lower()}")
            feats.update(f"verb_root={r}" for r in roots_of(tok))
        feats.update(_cues(tok))
    feats.update(f"rule_root={r}" for roots in rule_keys.values() for r in roots)
    if not rule_keys:
        feats.add("rule_none")
    return SentenceView(sent, index, frozenset(feats), rule_keys)


def _cues(tok: Token) -> Iterable[str]:
    low = tok.lower_
    if tok.dep_ == "neg":
        yield "neg"
    if low in _MODALS and tok.tag_ == "MD":
        yield f"modal={low}"
    if low in _CONDITIONS and tok.dep_ == "mark":
        yield f"cond={low}"
    if low in _QUOTES:
        yield "quote"
    if tok.text == "?":
        yield "question"


def key_features(view: SentenceView, pairs: Sequence[tuple[ActorMention, ActorMention | None]],
                 roots_of: RootsOf) -> dict[str, float]:
    """The features of one key: the sentence's, the rules' events with this key, the union over its pairs."""
    key = (pairs[0][0].country, pairs[0][1].country if pairs[0][1] else None)
    feats = set(view.shared)
    feats.update(f"key_rule_root={r}" for r in view.rule_keys.get(key, ()))
    feats.add(f"npairs={min(len(pairs), 3)}")
    if any(k[0] == key[0] for k in view.rule_keys):
        feats.add("rule_same_source")
    for a, b in pairs:
        feats.update(_pair(view.sent, a, b, roots_of))
    return dict.fromkeys(sorted(feats), 1.0)


def _mention(tag: str, m: ActorMention, sent: Span) -> set[str]:
    head = sent.doc[m.head]
    out = {f"{tag}_dep={head.dep_}", f"{tag}_pos={head.pos_}", f"{tag}_ent={head.ent_type_ or 'none'}",
           f"{tag}_role={m.role or 'none'}", f"{tag}_region={m.country in ('IGO', 'EUR', 'WST', 'MEA')}"}
    gov = _governing_verb(head)
    if gov is not None:
        out.add(f"{tag}_gov={gov.lemma_.lower()}")
        out.add(f"{tag}_gov_dep={head.dep_}:{gov.dep_}")
    return out


def _pair(sent: Span, a: ActorMention, b: ActorMention | None, roots_of: RootsOf) -> set[str]:
    out = _mention("s", a, sent)
    head = sent.doc[a.head]
    gov = _governing_verb(head)
    if gov is not None:
        out.update(f"s_gov_root={r}" for r in roots_of(gov))
    if b is None:
        out.add("t_none")
        return out
    out |= _mention("t", b, sent)
    out.add(f"order={'st' if a.head < b.head else 'ts'}")
    out.add(f"dist={_bucket(abs(a.head - b.head))}")
    if a.country == b.country:
        out.add("same_country")
    out |= _path(head, sent.doc[b.head], roots_of)
    return out


def _bucket(n: int) -> int:
    return next(i for i, top in enumerate((2, 4, 8, 16, 32, 10**6)) if n <= top)


def _governing_verb(tok: Token) -> Token | None:
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


def _path(a: Token, b: Token, roots_of: RootsOf) -> set[str]:
    """The dependency path from ``a`` up to the lowest common ancestor and down to ``b``."""
    up = [a, *a.ancestors]
    ups = {t.i: n for n, t in enumerate(up)}
    down = [b]
    for t in b.ancestors:
        if t.i in ups:
            break
        down.append(t)
    if b.i in ups:  # b governs a
        lca, down = b, []
    else:
        lca = down[-1].head if down[-1].head.i in ups else down[-1]
    rise = up[: ups.get(lca.i, len(up))]
    labels = [f"{t.dep_}^" for t in rise] + [f"{t.dep_}v" for t in reversed(down)]
    out = {f"lca={lca.lemma_.lower()}", f"lca_pos={lca.pos_}", f"path_len={min(len(labels), _PATH_MAX)}"}
    out.update(f"lca_root={r}" for r in roots_of(lca))
    out.add("path=" + " ".join(labels[:_PATH_MAX]))
    for t in (*rise[1:], *down[1:]):
        out.add(f"path_lemma={t.lemma_.lower()}")
    return out
