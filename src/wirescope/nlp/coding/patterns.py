"""Matching PETRARCH verb patterns against a parsed sentence.

A pattern ``PRE * POST [CODE]`` matches when its literal words are found, in order, among the tokens before the
verb (``PRE``, within a short window) and among the tokens of the verb's clause after it (``POST``). Brackets
``( )`` and ``{ }`` only group words here: the dependency parse already tells which prepositional phrase attaches
where, so matching in order inside the verb's clause is enough. ``$``/``+`` after a word mark where the
source/target is found; ``%`` marks a compound actor coded reciprocally; ``^`` skips a word. A dictionary word
matches a token's text or lemma, a plural, or (for words of five or more letters) as a stem.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..resources.petrarch import Dictionaries, Pattern

if TYPE_CHECKING:
    from spacy.tokens import Token

PRE_WINDOW = 6  # tokens before the verb a PRE element may be found in
_MARKERS = frozenset("(){}^")


@dataclass(frozen=True, slots=True)
class PatternMatch:
    pattern: Pattern | None  # None = the verb's default code
    code: str
    score: int  # literal words matched (more = more specific)
    target_after: int | None = None  # token index after which the target is found ("+")
    source_after: int | None = None  # token index after which the source is found ("$")
    compound: bool = False  # "%": a compound subject coded reciprocally
    last_token: int | None = None  # last token index the pattern consumed


def word_matches(word: str, tok: Token) -> bool:
    text = tok.text.upper()
    lemma = tok.lemma_.upper()
    if word in (text, lemma) or text == word + "S" or text == word + "ES":
        return True
    return len(word) >= 5 and text.startswith(word)


def _match_seq(words: Sequence[str], toks: Sequence[Token], k: int) -> int:
    """Index in ``toks`` after ``words`` matched consecutively from ``k``, or -1."""
    for w in words:
        if k >= len(toks) or not word_matches(w, toks[k]):
            return -1
        k += 1
    return k


class PatternMatcher:
    def __init__(self, dicts: Dictionaries) -> None:
        self.dicts = dicts
        self._synsets: dict[str, list[tuple[str, ...]]] = {}

    def synset(self, name: str, depth: int = 0) -> list[tuple[str, ...]]:
        """Phrases of a synset, nested synsets expanded (cached)."""
        if name in self._synsets:
            return self._synsets[name]
        out: list[tuple[str, ...]] = []
        for phrase in self.dicts.synsets.get(name, ()):
            if len(phrase) == 1 and phrase[0].startswith("&") and depth < 4:
                out.extend(self.synset(phrase[0], depth + 1))
            else:
                out.append(tuple(w for p in phrase for w in p.split("_") if w))
        self._synsets[name] = out
        return out

    def _element(self, el: str, toks: Sequence[Token], k: int) -> int:
        if el.startswith("&"):
            best = -1
            for phrase in self.synset(el):
                end = _match_seq(phrase, toks, k)
                best = max(best, end)
            return best
        return _match_seq([w for w in el.split("_") if w], toks, k)

    def _find(self, elements: Sequence[str], toks: Sequence[Token]) -> tuple[int, int | None, int | None, int] | None:
        """Match literal ``elements`` in order (gaps allowed). Returns (score, target_after, source_after, last)."""
        k = 0
        score = 0
        target_after = source_after = None
        last = -1
        for el in elements:
            if el in _MARKERS:
                continue
            if el == "+":
                target_after = toks[k - 1].i if k > 0 else None
                continue
            if el == "$":
                source_after = toks[k - 1].i if k > 0 else None
                continue
            if el == "%":
                continue
            found = -1
            while k < len(toks):
                end = self._element(el, toks, k)
                if end > k:
                    found = end
                    break
                k += 1
            if found < 0:
                return None
            score += found - k
            last = toks[found - 1].i
            k = found
        return score, target_after, source_after, last

    def best(self, blocks: Sequence[str], default: str, verb: Token, after: Sequence[Token],
             before: Sequence[Token]) -> PatternMatch:
        """The most specific matching pattern of the verb's blocks, else the default code."""
        best = PatternMatch(None, default, 0)
        for block in blocks:
            for pat in self.dicts.patterns.get(block, ()):
                post = self._find(pat.post, after) if pat.post else (0, None, None, verb.i)
                if post is None:
                    continue
                pre_before = before[-PRE_WINDOW:]
                pre = self._find(pat.pre, pre_before) if [e for e in pat.pre if e not in "%$+^(){}"] else (
                    0, None, None, verb.i)
                if pre is None:
                    continue
                score = post[0] + pre[0]
                compound = "%" in pat.pre or "%" in pat.post
                if score == 0 and not compound:
                    continue
                if score > best.score or (score == best.score and compound and not best.compound):
                    best = PatternMatch(pat, pat.code, score, post[1], pre[2] if pre[2] is not None else post[2],
                                        compound, post[3])
        return best
