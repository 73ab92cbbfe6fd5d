"""The model's attribute ruler with its one-token rules looked up by tag instead of matched.

spaCy's ``AttributeRuler`` (which maps fine tags to POS and morphology and fixes lemmas and tags of a few words)
runs every rule through a ``Matcher``: 13% of the default model's CPU time on 100 BBC articles, more than the
dependency parser. Almost all of its rules are one-token patterns of plain comparisons ("TAG" is "NN", "LOWER" in
a list, "DEP" not in a list): those are a lookup on the token's tag and a few set tests. This component applies
them that way. The few rules of several tokens without operators ("gon na", "there is") are the same tests token
by token from a token that passes the first (a regular expression is tested as the ``Matcher`` tests it, ``search``
on the attribute's string), and the rest, if any, go to a ``Matcher`` of their own. What a token's compared values
pass is worked out once per distinct row of values, so most tokens cost a dictionary lookup. The rules are applied
as the ruler applies them, in rule order with later rules winning, through spaCy's own ``set_token_attrs``, so every
token gets the same attributes (``tests/test_model_speedups.py`` compares them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens._retokenize import set_token_attrs

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

COMPONENT = "wirescope_attributes"
# token attributes a one-token rule may compare, as ``Doc.to_array`` columns (strings compared by their hash)
_COLUMNS = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "DEP": DEP, "IS_SPACE": IS_SPACE}
_ORDER = tuple(_COLUMNS)
MAX_ROWS = 500_000  # rows of values kept before the memo starts over (new names keep coming in a long run)


@dataclass(frozen=True, slots=True)
class _Test:
    column: int  # index into _ORDER
    values: frozenset[int]
    negated: bool  # NOT_IN

    def passes(self, value: int) -> bool:
        return (value in self.values) != self.negated


@dataclass(frozen=True, slots=True)
class _Regex:
    """The Matcher's ``REGEX`` on a string attribute: ``search`` on the attribute's string (answers kept by hash)."""

    column: int
    regex: re.Pattern[str]
    vocab: Vocab = field(compare=False)
    seen: dict[int, bool] = field(default_factory=dict, compare=False)

    def passes(self, value: int) -> bool:
        found = self.seen.get(value)
        if found is None:
            found = self.seen[value] = bool(self.regex.search(self.vocab.strings[value]))
        return found


_Check = _Test | _Regex


@dataclass(frozen=True, slots=True)
class _Rule:
    attr_id: int  # the ruler's rule number: later numbers win
    tests: tuple[_Check, ...]


@dataclass(frozen=True, slots=True)
class _Sequence:
    """A rule of several tokens without operators: ``steps[k]`` are the tests of the match's k-th token."""

    attr_id: int
    index: int  # the ruler's index of the token that takes the attributes (negative: from the match's end)
    steps: tuple[tuple[_Check, ...], ...]

    def target(self, rows: list[list[int]], start: int) -> int | None:
        """The token that takes the attributes when the sequence matches from ``start``, else None."""
        end = start + len(self.steps)
        if end > len(rows):
            return None
        for step, row in zip(self.steps[1:], rows[start + 1:end], strict=True):
            if not all(t.passes(row[t.column]) for t in step):
                return None
        return start + self.index if self.index >= 0 else end + self.index


def _test(vocab: Vocab, key: str, spec: Any) -> _Check | None:
    """A plain comparison as a set test (a regular expression on a string attribute as the matcher tests it), or
    None when the matcher must do it (another operator or attribute)."""
    if key not in _COLUMNS:
        return None
    column = _ORDER.index(key)
    if isinstance(spec, dict) and len(spec) == 1 and "REGEX" in spec and key in ("LOWER", "ORTH"):
        return _Regex(column, re.compile(spec["REGEX"]), vocab) if isinstance(spec["REGEX"], str) else None
    if isinstance(spec, bool):
        return _Test(column, frozenset({int(spec)}), False) if key == "IS_SPACE" else None
    if isinstance(spec, str) and key != "IS_SPACE":
        return _Test(column, frozenset({vocab.strings.add(spec)}), False)
    if isinstance(spec, dict) and len(spec) == 1 and key != "IS_SPACE":
        (op, values), = spec.items()
        if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in values):
            return _Test(column, frozenset(vocab.strings.add(v) for v in values), op == "NOT_IN")
    return None


def _steps(vocab: Vocab, pattern: list[dict[str, Any]]) -> tuple[tuple[_Check, ...], ...] | None:
    """Each token's tests, or None when one of them needs the matcher (an operator, another attribute)."""
    steps = []
    for spec in pattern:
        tests = [_test(vocab, key, value) for key, value in spec.items()]
        if not tests or any(t is None for t in tests):
            return None
        steps.append(tuple(t for t in tests if t is not None))
    return tuple(steps)


def _rule(vocab: Vocab, attr_id: int, pattern: list[dict[str, Any]], index: int) -> _Rule | _Sequence | None:
    """The pattern as a one-token rule or a sequence, or None for the matcher."""
    steps = _steps(vocab, pattern) if pattern else None
    if steps is None or not -len(steps) <= index < len(steps):
        return None
    if len(steps) == 1:
        return _Rule(attr_id, steps[0])
    return _Sequence(attr_id, index, steps)


class LookupAttributes:
    """Applies an ``AttributeRuler``'s rules: one-token comparisons by lookup, the rest with a ``Matcher``."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        vocab = ruler.vocab
        # one-token rules by one value they require: (column, value) -> rules; rules requiring none are tried on
        # every token
        self.by_value: dict[tuple[int, int], list[_Rule]] = {}
        self.anywhere: list[_Rule] = []
        self.matcher = Matcher(vocab)
        self.sequences: list[_Sequence] = []
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}
        # what a token passes depends only on its compared columns: kept per row of values (one-token rules,
        # sequences whose first token it can be)
        self._row_rules: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[_Sequence, ...]]] = {}
        for attr_id, patterns in enumerate(self._patterns()):
            rest = []
            for pattern in patterns:
                rule = _rule(vocab, attr_id, pattern, ruler.indices[attr_id])
                if rule is None:
                    rest.append(pattern)
                elif isinstance(rule, _Sequence):
                    self.sequences.append(rule)
                else:
                    self._index(rule)
            if rest:
                self.matcher.add(str(attr_id), rest)

    def _patterns(self) -> list[list[list[dict[str, Any]]]]:
        """The ruler's patterns by rule number (``AttributeRuler.patterns`` lists them in the order of ``attrs``)."""
        out: list[list[list[dict[str, Any]]]] = [[] for _ in self.ruler.attrs]
        for attr_id in range(len(self.ruler.attrs)):
            out[attr_id] = list(self.ruler.matcher.get(self.ruler.vocab.strings[str(attr_id)])[1])
        return out

    def _index(self, rule: _Rule) -> None:
        required = [t for t in rule.tests if isinstance(t, _Test) and not t.negated]
        if not required:
            self.anywhere.append(rule)
            return
        test = min(required, key=lambda t: len(t.values))  # the rarest requirement: fewest tokens tried
        for value in test.values:
            self.by_value.setdefault((test.column, value), []).append(rule)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        hits: dict[int, list[int]] = {}
        rows = doc.to_array([_COLUMNS[k] for k in _ORDER]).tolist()
        if len(self._row_rules) > MAX_ROWS:
            self._row_rules.clear()
        row_rules = self._row_rules
        for i, row in enumerate(rows):
            values = tuple(row)
            found = row_rules.get(values)
            if found is None:
                found = row_rules[values] = self._row_hits(row)
            one_token, starts = found
            if one_token:
                hits.setdefault(i, []).extend(one_token)
            for sequence in starts:
                target = sequence.target(rows, i)
                if target is not None:
                    hits.setdefault(target, []).append(sequence.attr_id)
        indices = self.ruler.indices
        for key, start, end in (self.matcher(doc, allow_missing=True) if len(self.matcher) else ()):
            attr_id = int(self.ruler.vocab.strings[key])
            index = indices[attr_id]
            hits.setdefault(start + index if index >= 0 else end + index, []).append(attr_id)
        for i, attr_ids in hits.items():
            set_token_attrs(doc[i], self._attrs(attr_ids))
        return doc

    def _row_hits(self, row: list[int]) -> tuple[tuple[int, ...], tuple[_Sequence, ...]]:
        """The one-token rules a token with these column values passes, and the sequences it can start."""
        out = []
        for column in range(len(_ORDER)):
            for rule in self.by_value.get((column, row[column]), ()):
                if all(t.passes(row[t.column]) for t in rule.tests):
                    out.append(rule.attr_id)
        for rule in self.anywhere:
            if all(t.passes(row[t.column]) for t in rule.tests):
                out.append(rule.attr_id)
        starts = tuple(s for s in self.sequences if all(t.passes(row[t.column]) for t in s.steps[0]))
        return tuple(out), starts

    def _attrs(self, attr_ids: Iterable[int]) -> dict[Any, Any]:
        """The attributes rules ``attr_ids`` give one token, later rules winning (the ruler's order)."""
        key = tuple(sorted(set(attr_ids)))
        merged = self._merged.get(key)
        if merged is None:
            merged = {}
            for attr_id in key:
                merged.update(self.ruler.attrs[attr_id])
            self._merged[key] = merged
        return merged


@Language.factory(COMPONENT, default_config={"ruler": "attribute_ruler"})
def make_lookup_attributes(nlp: Language, name: str, ruler: str) -> LookupAttributes:
    pipe = nlp.get_pipe(ruler)
    if not isinstance(pipe, AttributeRuler):
        raise TypeError(f"{ruler!r} is a {type(pipe).__name__}, not a spaCy AttributeRuler")
    return LookupAttributes(pipe)


def add_to(nlp: Language) -> bool:
    """Put the lookup in place of the pipeline's ``attribute_ruler`` (disabled, kept as the rules' source); True
    when it did."""
    if COMPONENT in nlp.pipe_names:
        return True
    if "attribute_ruler" not in nlp.pipe_names or not isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler):
        return False
    nlp.add_pipe(COMPONENT, after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    return True
