"""Rules whose construction spaCy's ``DependencyMatcher`` can state, as patterns: data, not control flow.

A rule listed here is decided by whether its trigger (the pattern's first node, the anchor) is matched in the
document; the coder asks ``DocContext.matched(RULE_ID, token)``. The patterns run once per document. ``LEMMA``
is compared as written, so each lemma is listed in the cases spaCy may give it.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from ..lexicons import words

if TYPE_CHECKING:
    from spacy.matcher import DependencyMatcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab


def _cases(*lemmas: str) -> list[str]:
    return sorted({f(w) for w in lemmas for f in (str.lower, str.capitalize, str.upper)})


def dependency_patterns() -> dict[str, list[list[dict[str, Any]]]]:
    """Rule id -> its DependencyMatcher patterns (any of them matching anchors the rule on its first node)."""
    return {
        # "called X a fantastic guy", "a group called Y": naming, not a call on anyone
        "candidates.naming-is-not-calling": [
            [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": _cases("call")}}},
             {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "named",
              "RIGHT_ATTRS": {"DEP": {"IN": ["oprd", "attr", "xcomp"]}, "POS": {"IN": ["NOUN", "PROPN"]}}}],
            [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": _cases("call")}, "DEP": "acl", "TAG": "VBN"}}],
        ],
        # a gerund after a temporal preposition sets the scene: "celebrated ... after leaving Eriador"
        "filters.background-gerund": [
            [{"RIGHT_ID": "gerund", "RIGHT_ATTRS": {"DEP": "pcomp", "TAG": "VBG"}},
             {"LEFT_ID": "gerund", "REL_OP": "<", "RIGHT_ID": "prep",
              "RIGHT_ATTRS": {"LOWER": {"IN": sorted(words("place_words", "temporal"))}}}],
        ],
        # "responded by threatening ...": the gerund of a verb's preposition takes that verb's subject
        "source.by-gerund-inherits-the-subject": [
            [{"RIGHT_ID": "gerund", "RIGHT_ATTRS": {"DEP": "pcomp"}},
             {"LEFT_ID": "gerund", "REL_OP": "<", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"DEP": "prep"}},
             {"LEFT_ID": "prep", "REL_OP": "<", "RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": {"IN": ["VERB", "AUX"]}}}],
        ],
    }


@functools.lru_cache(maxsize=8)
def _matchers(vocab: Vocab) -> tuple[tuple[frozenset[str], DependencyMatcher], ...]:
    """One matcher per pattern with the token annotations it needs, built once per vocabulary."""
    from spacy.matcher import DependencyMatcher

    out = []
    for rule_id, patterns in dependency_patterns().items():
        for pattern in patterns:
            matcher = DependencyMatcher(vocab)
            matcher.add(rule_id, [pattern])
            needs = {attr for node in pattern for attr in node["RIGHT_ATTRS"]} & _ANNOTATIONS
            out.append((frozenset({"DEP", *needs}), matcher))
    return tuple(out)


# token attributes a doc may lack (a hand-built Doc without tags or lemmas); a rule whose patterns need one the doc
# lacks matches nothing there, as the same test on an empty attribute would
_ANNOTATIONS = frozenset({"DEP", "TAG", "POS", "LEMMA"})


def anchors(doc: Doc) -> dict[str, frozenset[int]]:
    """Rule id -> indexes of the tokens its patterns anchor on in ``doc``."""
    found: dict[str, set[int]] = {rule_id: set() for rule_id in dependency_patterns()}
    for needs, matcher in _matchers(doc.vocab):
        if all(doc.has_annotation(attr) for attr in needs):
            for match_id, token_ids in matcher(doc):
                found[doc.vocab.strings[match_id]].add(token_ids[0])
    return {k: frozenset(v) for k, v in found.items()}
