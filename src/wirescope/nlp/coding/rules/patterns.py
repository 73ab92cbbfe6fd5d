"""Rules whose construction spaCy's ``DependencyMatcher`` can state, as patterns: data, not control flow.

A rule listed here is decided by whether its trigger (the pattern's first node, the anchor) is matched in the
document; the coder asks ``DocContext.matched(RULE_ID, token)``, which tries the rule's patterns anchored on that
token (``Anchors``), once per rule and token. ``LEMMA``
is compared as written, so each lemma is listed in the cases spaCy may give it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypedDict, cast

from ..lexicons import words
from ..syntax import NOUN_HEAD

if TYPE_CHECKING:
    from spacy.matcher import DependencyMatcher
    from spacy.tokens import Doc, Token
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
              "RIGHT_ATTRS": {"DEP": {"IN": ["oprd", "attr", "xcomp"]}, "POS": {"IN": ["NOUN", "PROPN", "NUM"]}}}],
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


def anchors(doc: Doc) -> Anchors:
    """Rule id -> indexes of the tokens its patterns anchor on in ``doc``, found on demand (``Anchors``)."""
    return Anchors(doc)


class Anchors(Mapping[str, frozenset[int]]):
    """Which tokens of one document each rule's patterns anchor on.

    The coder asks about a few tokens only (its candidate triggers), so ``has`` tries a rule's patterns on the token
    asked about, anchored there: a walk to its children and head, instead of spaCy's ``DependencyMatcher`` over
    every token of the document (which was an eighth of the events stage). The answers are spaCy's: a pattern is
    read with the matcher's meaning (``>`` a child, ``<`` the head; ``IN`` or equality on the token's attribute),
    and a rule whose patterns use anything else is matched by spaCy's matcher over the document, once, when first
    asked about (``tests/test_dependency_anchors.py`` checks both ways agree). As a mapping it is the full result.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.available = frozenset(attr for attr in _ANNOTATIONS if doc.has_annotation(attr))
        self._answers: dict[tuple[str, int], bool] = {}
        self._matched: dict[str, frozenset[int]] | None = None  # spaCy's matcher over the document, when run

    def has(self, rule_id: str, tok: Token) -> bool:
        """Whether a pattern of ``rule_id`` matches with ``tok`` as its anchor (first node)."""
        key = (rule_id, tok.i)
        found = self._answers.get(key)
        if found is None:
            found = self._answers[key] = self._test(rule_id, tok)
        return found

    def _test(self, rule_id: str, tok: Token) -> bool:
        if "DEP" not in self.available:
            return False  # an unparsed doc: spaCy's matcher is not run on it either
        compiled = _compiled().get(rule_id)
        if compiled is None:  # a pattern this walk cannot read: spaCy's answer
            return tok.i in self._spacy().get(rule_id, frozenset())
        if not _fits(tok, _anchor_gates()[rule_id]):
            return False  # no pattern of the rule can anchor on the token (most tokens asked about)
        return any(_anchored(nodes, tok) for needs, nodes in compiled if needs <= self.available)

    def _spacy(self) -> dict[str, frozenset[int]]:
        if self._matched is None:
            found: dict[str, set[int]] = {rule_id: set() for rule_id in dependency_patterns()}
            if "DEP" in self.available:
                for match_id, token_ids in _matcher(self.doc.vocab, self.available)(self.doc):
                    found[self.doc.vocab.strings[match_id]].add(token_ids[0])
            self._matched = {k: frozenset(v) for k, v in found.items()}
        return self._matched

    def __getitem__(self, rule_id: str) -> frozenset[int]:
        return self._spacy()[rule_id]

    def __iter__(self) -> Iterator[str]:
        return iter(dependency_patterns())

    def __len__(self) -> int:
        return len(dependency_patterns())


# A pattern node as the walk reads it: (index of its LEFT_ID node, REL_OP, attribute tests), the anchor first (with
# no left node); an attribute test is (token attribute name, the set of values it may have).
_Node = tuple[int, str, tuple[tuple[str, frozenset[str]], ...]]
_TOKEN_ATTRS = {"LEMMA": "lemma_", "DEP": "dep_", "POS": "pos_", "TAG": "tag_", "LOWER": "lower_",
                "ORTH": "text", "TEXT": "text"}
_OPERATORS = frozenset({">", "<"})


@functools.cache
def _compiled() -> dict[str, list[tuple[frozenset[str], list[_Node]]]]:
    """Each rule's patterns as the walk reads them, with the annotations they need; a rule with a pattern the walk
    cannot read (another operator or predicate) is left out, and matched by spaCy."""
    out = {}
    for rule_id, patterns in dependency_patterns().items():
        compiled = [(_needs(p), _nodes(p)) for p in patterns]
        if all(nodes is not None for _, nodes in compiled):
            out[rule_id] = [(needs, nodes) for needs, nodes in compiled if nodes is not None]
    return out


@functools.cache
def _anchor_gates() -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """Per rule the walk reads (``_compiled``), the attribute tests every pattern of it puts on its anchor, each with
    the values any pattern allows ("lemma_" in the rule's verbs): a token that fails one anchors none of them."""
    out = {}
    for rule_id, compiled in _compiled().items():
        tests = [dict(nodes[0][2]) for _, nodes in compiled]
        shared = set.intersection(*(set(t) for t in tests)) if tests else set()
        out[rule_id] = tuple((attr, frozenset().union(*(t[attr] for t in tests))) for attr in sorted(shared))
    return out


def _nodes(pattern: list[PatternNode]) -> list[_Node] | None:
    ids = {node["RIGHT_ID"]: k for k, node in enumerate(pattern)}
    out: list[_Node] = []
    for k, node in enumerate(pattern):
        tests = [_test_of(attr, value) for attr, value in node["RIGHT_ATTRS"].items()]
        if None in tests or (k > 0 and (node.get("REL_OP") not in _OPERATORS or ids.get(node["LEFT_ID"], k) >= k)):
            return None
        out.append((ids[node["LEFT_ID"]] if k else -1, node.get("REL_OP", ""), tuple(t for t in tests if t)))
    return out


def _test_of(attr: str, value: Any) -> tuple[str, frozenset[str]] | None:
    if attr not in _TOKEN_ATTRS:
        return None
    if isinstance(value, str):
        return _TOKEN_ATTRS[attr], frozenset({value})
    if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
        return _TOKEN_ATTRS[attr], frozenset(value["IN"])
    return None


def _anchored(nodes: list[_Node], anchor: Token) -> bool:
    """Whether the pattern matches with ``anchor`` as its first node: a search over the tokens each further node
    may be (a child or the head of the token its left node is), backtracking when one choice leaves a node without
    a token, as the matcher's product of candidate positions does."""
    return _fits(anchor, nodes[0][2]) and _extend(nodes, [anchor])


def _extend(nodes: list[_Node], chosen: list[Token]) -> bool:
    k = len(chosen)
    if k == len(nodes):
        return True
    left, op, tests = nodes[k]
    return any(_fits(tok, tests) and _extend(nodes, [*chosen, tok]) for tok in _related(chosen[left], op))


def _related(tok: Token, op: str) -> Iterable[Token]:
    if op == ">":
        return tok.children
    return () if tok.head.i == tok.i else (tok.head,)


def _fits(tok: Token, tests: tuple[tuple[str, frozenset[str]], ...]) -> bool:
    return all(getattr(tok, attr) in values for attr, values in tests)
