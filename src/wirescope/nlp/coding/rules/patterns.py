"""Rules whose construction spaCy's ``DependencyMatcher`` can state, as patterns: data, not control flow.

A rule listed here is decided by whether its trigger (the pattern's first node, the anchor) is matched in the
document; the coder asks ``DocContext.matched(RULE_ID, token)``. The patterns run once per document. ``LEMMA``
is compared as written, so each lemma is listed in the cases spaCy may give it.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, TypedDict, cast

from ..lexicons import words
from ..syntax import NOUN_HEAD

if TYPE_CHECKING:
    from spacy.matcher import DependencyMatcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab


class PatternNode(TypedDict, total=False):
    """One node of a spaCy ``DependencyMatcher`` pattern (the keys spaCy reads)."""

    LEFT_ID: str
    REL_OP: str
    RIGHT_ID: str
    RIGHT_ATTRS: dict[str, Any]


def _cases(*lemmas: str) -> list[str]:
    return sorted({f(w) for w in lemmas for f in (str.lower, str.capitalize, str.upper)})


def dependency_patterns() -> dict[str, list[list[PatternNode]]]:
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
        # "took on the Americans": a light verb with a particle (the coder also asks that the dictionary has no
        # phrase for it: "took over" is one)
        "candidates.phrasal-light-verb": [
            [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": _cases(*words("verb_classes", "light"))}}},
             {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "particle", "RIGHT_ATTRS": {"DEP": "prt"}}],
        ],
        # "X called on Y to be allowed to leave": a passive infinitive, whose governor is its patient
        "source.passive-infinitive-keeps-its-governor-out": [
            [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"DEP": "xcomp"}},
             {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "aux", "RIGHT_ATTRS": {"DEP": "auxpass"}}],
        ],
        # a relative or participial clause of a noun: the noun is its subject
        "source.noun-of-a-relative-clause": [
            [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"DEP": {"IN": ["relcl", "acl"]}}},
             {"LEFT_ID": "verb", "REL_OP": "<", "RIGHT_ID": "noun",
              "RIGHT_ATTRS": {"POS": {"IN": list(NOUN_HEAD)}}}],
        ],
        # "urged Eriador to respond": the infinitive of a verb of object control, which has an object
        "source.object-control": [
            [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"DEP": "xcomp"}},
             {"LEFT_ID": "verb", "REL_OP": "<", "RIGHT_ID": "controller",
              "RIGHT_ATTRS": {"LEMMA": {"IN": _cases(*words("verb_classes", "object-control"))}}},
             {"LEFT_ID": "controller", "REL_OP": ">", "RIGHT_ID": "object",
              "RIGHT_ATTRS": {"DEP": {"IN": ["dobj", "obj"]}}}],
        ],
        # "responded by threatening ...": the gerund of a verb's preposition takes that verb's subject
        "source.by-gerund-inherits-the-subject": [
            [{"RIGHT_ID": "gerund", "RIGHT_ATTRS": {"DEP": "pcomp"}},
             {"LEFT_ID": "gerund", "REL_OP": "<", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"DEP": "prep"}},
             {"LEFT_ID": "prep", "REL_OP": "<", "RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": {"IN": ["VERB", "AUX"]}}}],
        ],
    }


@functools.lru_cache(maxsize=16)
def _matcher(vocab: Vocab, available: frozenset[str]) -> DependencyMatcher:
    """One matcher holding every pattern whose token annotations the doc has (a parsed news doc has them all, so it
    is matched once, not once per pattern), built once per vocabulary and set of annotations."""
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(vocab)
    for rule_id, patterns in dependency_patterns().items():
        usable = [p for p in patterns if _needs(p) <= available]
        if usable:
            # spaCy types a pattern as a list of plain dicts; a PatternNode is one
            matcher.add(rule_id, cast(list[list[dict[str, Any]]], usable))
    return matcher


def _needs(pattern: list[PatternNode]) -> frozenset[str]:
    return frozenset({"DEP", *({attr for node in pattern for attr in node["RIGHT_ATTRS"]} & _ANNOTATIONS)})


# token attributes a doc may lack (a hand-built Doc without tags or lemmas); a rule whose patterns need one the doc
# lacks matches nothing there, as the same test on an empty attribute would
_ANNOTATIONS = frozenset({"DEP", "TAG", "POS", "LEMMA"})


def anchors(doc: Doc) -> dict[str, frozenset[int]]:
    """Rule id -> indexes of the tokens its patterns anchor on in ``doc``."""
    found: dict[str, set[int]] = {rule_id: set() for rule_id in dependency_patterns()}
    available = frozenset(attr for attr in _ANNOTATIONS if doc.has_annotation(attr))
    if "DEP" in available:
        for match_id, token_ids in _matcher(doc.vocab, available)(doc):
            found[doc.vocab.strings[match_id]].add(token_ids[0])
    return {k: frozenset(v) for k, v in found.items()}
