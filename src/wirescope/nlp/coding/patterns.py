"""Matching PETRARCH verb patterns against a parsed sentence.

A pattern ``PRE * POST [CODE]`` matches when its literal words are found, in order, among the tokens before the
verb (``PRE``, within a short window) and among the tokens of the verb's clause after it (``POST``). Brackets
``( )`` and ``{ }`` only group words here: the dependency parse already tells which prepositional phrase attaches
where, so matching in order inside the verb's clause is enough; a ``{ }`` phrase (contiguous in UD-PETRARCH) matched
with words inside it is marked ``loose``, weaker evidence for the confidence. ``$``/``+`` after a word mark where the
source/target is found; ``%`` marks a compound actor coded reciprocally; ``^`` skips the next noun phrase, or the
next prepositional phrase when a preposition comes next (TABARI/PETRARCH: "* IFTAR (AT ^ ^) +" skips "<place>
with <people>", so the target is the actor after them). A synset is found by its name with or without a trailing
connector ("&PREPOSIT1_" declared, "&PREPOSIT1" used). A dictionary word matches a token's text or lemma, a plural,
or (for words of five or more letters) as a stem; after the verb in a protest pattern, not as the stem of its agent
noun ("held a protest" is 141; "detained protesters" is no protest by the police; issue 17). A synset's word is a
whole word (its members are nouns such as currencies, weapons, towns), so it matches as a stem only when the rest
of the token is an inflection: "dollars", "pounds" are &CURRENCY, "Afghanistan" (AFGHANI), "Australian" (AUSTRAL)
and "publication" (&PEOPLE's PUBLIC) are not (``_Word.word_keys``).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..resources.petrarch import Dictionaries, Pattern
from .syntax import NOUN_HEAD

if TYPE_CHECKING:
    from spacy.tokens import Token

_NP_DEPS = ("det", "poss", "amod", "compound", "nummod", "nmod", "case", "predet", "quantmod")
PRE_WINDOW = 6  # tokens before the verb a PRE element may be found in
_MARKERS = frozenset("(){}")
_PLACERS = frozenset("+$%")  # where the target and source are found; "%" (a compound actor) is read by ``best``


@dataclass(frozen=True, slots=True)
class PatternMatch:
    pattern: Pattern | None  # None = the verb's default code
    code: str
    score: int  # literal words matched (more = more specific)
    target_after: int | None = None  # token index after which the target is found ("+")
    source_after: int | None = None  # token index after which the source is found ("$")
    compound: bool = False  # "%": a compound subject coded reciprocally
    last_token: int | None = None  # last token index the pattern consumed
    inferred: str = ""  # "noun" (an event noun's code), "root" (the verb's dominant pattern root) or "complement"
    # (a demand verb reporting a claim, coded as a statement); empty when the dictionary gives the code
    loose: bool = False  # a "{ }" phrase matched with words between its parts (weaker evidence)
    target_subject: bool = False  # "+ * MONEY $": the verb's subject is the target, the "$" actor the source


class _Word:
    """A token seen by the pattern matcher: its index and every dictionary word that matches it (its text and
    lemma, the text without a plural ending, and its prefixes of five or more letters)."""

    __slots__ = ("_end", "_tok", "_word_keys", "i", "keys")

    def __init__(self, tok: Token, i: int, keys: frozenset[str]) -> None:
        self.i = i
        self._tok = tok
        self._end = -1
        self.keys = keys
        self._word_keys: frozenset[str] | None = None

    @property
    def word_keys(self) -> frozenset[str]:
        """The keys a synset's word may match: the token's text, its lemma, and its stems whose rest is an
        inflection ("dollars", "pounds"; not AFGHANI of "Afghanistan"); made when a synset first asks."""
        if self._word_keys is None:
            self._word_keys = _inflected(self._tok.text.upper(), self._tok.lemma_.upper(), self.keys)
        return self._word_keys

    @property
    def np_end(self) -> int:
        """Last token of the noun (or prepositional) phrase this token opens (what "^" skips), else the token
        itself; found when a "^" first asks (few patterns have one)."""
        if self._end < 0:
            self._end = _np_end(self._tok)
        return self._end


# ``_keys`` of a token by its text's and lemma's ids (the vocabulary's hashes of the two strings): the strings are
# read only for a pair not seen before (reading a token's text or lemma makes a new string each time, and this is
# asked for every word around every trigger); emptied when full, like a bounded cache
_KEYS: dict[tuple[int, int, bool], frozenset[str]] = {}
_KEYS_MAX = 65536


def _token_keys(tok: Token, after: bool) -> frozenset[str]:
    ids = (tok.orth, tok.lemma, after)
    keys = _KEYS.get(ids)
    if keys is None:
        if len(_KEYS) >= _KEYS_MAX:
            _KEYS.clear()
        keys = _KEYS[ids] = _keys(tok.text, tok.lemma_, after)
    return keys


@functools.lru_cache(maxsize=65536)  # a word's keys depend on its text and lemma only; news repeats its words
def _keys(text: str, lemma: str, after: bool = False) -> frozenset[str]:
    """Every dictionary word that matches a token of this text and lemma (see ``_Word``); ``after`` the verb in a
    protest pattern (CAMEO 14: the subject holds the protest), a stem that leaves an agent suffix is none:
    "police detained protesters" is no "held a protest" ("* PROTEST [141]" of the HOLD/DETAIN block): the
    protesters are those acted on, the police protest nothing. Other patterns use the stem for the people too
    ("* PROTEST [175:145]" of DISPERSE: "dispersed protesters"; "PROTEST * (WITH)": "protesters clashed")."""
    text = text.upper()
    keys = {text, lemma.upper()}
    if text.endswith("S"):
        keys.add(text[:-1])
        if text.endswith("ES"):
            keys.add(text[:-2])
    keys.update(text[:k] for k in range(5, len(text)) if not (after and text[k:] in _AGENT_SUFFIXES))
    return frozenset(keys)


_AGENT_SUFFIXES = frozenset({"ER", "ERS", "OR", "ORS"})
# what may follow a synset's word in a token it matches: a plural, a past or a participle ("pounds", "probed")
_INFLECTIONS = frozenset({"", "S", "ES", "D", "ED", "ING"})


@functools.lru_cache(maxsize=65536)
def _inflected(text: str, lemma: str, keys: frozenset[str]) -> frozenset[str]:
    """The ``keys`` of a token of ``text`` and ``lemma`` (upper case) that are one of them or a stem of the text
    before an inflection."""
    return frozenset(k for k in keys if k == lemma or not text.startswith(k) or text[len(k):] in _INFLECTIONS)
_PROTEST_ROOT = "14"


def _words(toks: Sequence[Token], words: dict[int, _Word], *, after: bool = False) -> list[_Word]:
    """The tokens' ``_Word``s, each made once per document (``words`` is the document's, by token index; the view of
    a token after a verb under its index's complement, ``~i``). (One loop for all the tokens of a trigger: this is
    asked for every word around every trigger.)"""
    out = []
    for tok in toks:
        i = tok.i
        key = ~i if after else i
        found = words.get(key)
        if found is None:
            found = words[key] = _Word(tok, i, _token_keys(tok, after))
        out.append(found)
    return out


def _np_end(tok: Token) -> int:
    if tok.dep_ == "prep":  # a prepositional phrase: the preposition and its object's noun phrase ("with Eriador")
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        return _np_end(pobj) if pobj is not None and pobj.i > tok.i else tok.i
    head = tok
    for _ in range(4):  # up from a determiner or modifier to the noun it belongs to
        if head.dep_ in _NP_DEPS and head.head.pos_ in NOUN_HEAD and head.head.i > head.i:
            head = head.head
        else:
            break
    if head.pos_ not in NOUN_HEAD:
        return tok.i
    # the phrase up to its head noun, and its own modifiers after it, without a prepositional phrase
    # ("the Gondor of the Prince": "^" skips "the Gondor")
    return max([head.i, *(t.i for c in head.rights if c.dep_ in _NP_DEPS for t in c.subtree)])


def _subject_target(pat: Pattern) -> bool:
    """A "+" before any word of the pattern, with the source placed by "$" ("+ * MONEY $": "Eriador received money
    from Osgiliath", Osgiliath gives to Eriador)."""
    pre = [e for e in pat.pre if e not in _MARKERS]
    return bool(pre) and pre[0] == "+" and "$" in (*pat.pre, *pat.post)


def _skip_phrase(toks: Sequence[_Word], k: int) -> int:
    """Index after the noun (or prepositional) phrase that ``toks[k]`` opens."""
    end = toks[k].np_end
    while k < len(toks) and toks[k].i <= end:
        k += 1
    return k


def _available(words: Sequence[_Word]) -> set[str]:
    """Every dictionary word that could match one of ``words``."""
    out: set[str] = set()
    for w in words:
        out.update(w.keys)
    return out


def _match_seq(words: Sequence[str], toks: Sequence[_Word], k: int) -> int:
    """Index in ``toks`` after a synset's phrase ``words`` matched consecutively from ``k``, or -1."""
    for w in words:
        if k >= len(toks) or w not in toks[k].word_keys:
            return -1
        k += 1
    return k


# a block's pattern, prepared once: (pattern, plain words needed after the verb, before it, whether it has words
# to find before the verb, whether "%" makes it reciprocal)
_Prepared = tuple[Pattern, frozenset[str], frozenset[str], bool, bool]
# (score, target_after, source_after, last token, loose)
_Found = tuple[int, int | None, int | None, int, bool]


class PatternMatcher:
    def __init__(self, dicts: Dictionaries) -> None:
        self.dicts = dicts
        self._synsets: dict[str, list[tuple[str, ...]]] = {}
        self._lits: dict[str, list[_Prepared]] = {}
        self._parts: dict[str, tuple[str, ...]] = {}  # an element's words ("&SYN_WORD" -> "&SYN", "WORD")
        self._by_first: dict[str, dict[str, list[tuple[str, ...]]]] = {}
        self._roots: dict[str, str | None] = {}
        self._indexes: dict[str, _BlockIndex] = {}
        self._firsts: dict[str, frozenset[str]] = {}

    def _synset_index(self, name: str) -> dict[str, list[tuple[str, ...]]]:
        """A synset's phrases by first word, so a token only tries the phrases that can start with it."""
        if name not in self._by_first:
            index: dict[str, list[tuple[str, ...]]] = {}
            for phrase in self.synset(name):
                if phrase:
                    index.setdefault(phrase[0], []).append(phrase)
            self._by_first[name] = index
        return self._by_first[name]

    def synset(self, name: str) -> list[tuple[str, ...]]:
        """Phrases of a synset, nested synsets expanded (cached). The expansion does not depend on which synset
        was asked for first (a depth limit cached inside a nested call would make results order-dependent)."""
        if name not in self._synsets:
            self._synsets[name] = self._expand(name, frozenset())
        return self._synsets[name]

    def _expand(self, name: str, seen: frozenset[str]) -> list[tuple[str, ...]]:
        out: list[tuple[str, ...]] = []
        # "&PREPOSIT1_" declared, "&PREPOSIT1" used: a trailing "_" is a connector, not part of the name
        phrases = self.dicts.synsets.get(name) or self.dicts.synsets.get(name.rstrip("_") + "_") or \
            self.dicts.synsets.get(name.rstrip("_"), [])
        for phrase in phrases:
            if len(phrase) == 1 and phrase[0].startswith("&"):
                if phrase[0] not in seen and phrase[0] != name:  # a cycle expands once
                    out.extend(self._expand(phrase[0], seen | {name}))
            else:
                out.append(tuple(w for p in phrase for w in p.split("_") if w))
        return out

    def dominant_root(self, block: str) -> str | None:
        """The CAMEO root (2 digits) that at least 60% of a verb block's coded patterns (5 or more) share, or None
        (cached): a code for a verb whose dictionary default codes nothing when no pattern matched."""
        if block not in self._roots:
            roots = [p.code[:2] for p in self.dicts.patterns.get(block, ()) if p.code[:2].isdigit()]
            top = Counter(roots).most_common(1)
            ok = top and len(roots) >= 5 and top[0][1] >= 0.6 * len(roots)
            self._roots[block] = top[0][0] if ok else None
        return self._roots[block]

    def _element(self, el: str, toks: Sequence[_Word], k: int) -> int:
        """Match one element ("WORD", "TWO_WORDS", "&SYNSET", "&SYN_WORD") at ``toks[k]``; index after, or -1."""
        parts = self._parts.get(el)
        if parts is None:
            parts = self._parts[el] = tuple(p for p in el.split("_") if p)
        for part in parts:
            if part.startswith("&"):
                if k >= len(toks):
                    return -1
                best = -1
                index = self._synset_index(part)
                for key in toks[k].word_keys:
                    for phrase in index.get(key, ()):
                        best = max(best, _match_seq(phrase, toks, k))
                if best < 0:
                    return -1
                k = best
            elif k >= len(toks) or part not in toks[k].keys:
                return -1
            else:
                k += 1
        return k

    def _find(self, elements: Sequence[str], toks: Sequence[_Word]) -> _Found | None:
        """Match literal ``elements`` in order (gaps allowed). Returns (score, target_after, source_after, last,
        loose): ``loose`` when a "{ }" phrase (UD-PETRARCH: contiguous words) matched with a gap inside."""
        k = 0
        score = 0
        target_after = source_after = None
        last = -1
        group: int | None = None  # elements of the open "{ }" phrase matched so far
        loose = False
        for el in elements:
            if el in _MARKERS:
                group = 0 if el == "{" else (None if el == "}" else group)
                continue
            if el in _PLACERS:  # "+"/"$": the target/source is found after the token matched last
                at = toks[k - 1].i if k > 0 else None
                target_after = at if el == "+" else target_after
                source_after = at if el == "$" else source_after
                continue
            if el == "^":  # skip the next noun phrase (TABARI/PETRARCH): "IN ^ +" = the target after "in <place>"
                if k < len(toks):
                    k = _skip_phrase(toks, k)
                    last = toks[k - 1].i
                continue
            start = k
            k, found = self._search(el, toks, k)
            if found < 0:
                return None
            if group is not None:
                loose = loose or (group > 0 and k > start)
                group += 1
            score += found - k
            last = toks[found - 1].i
            k = found
        return score, target_after, source_after, last, loose

    def _search(self, el: str, toks: Sequence[_Word], k: int) -> tuple[int, int]:
        """(where, index after) of the first match of element ``el`` at or after ``toks[k]``; (len, -1) if none.
        ``_element`` is tried only at a token whose keys can begin the element (its first word, or a first word of
        its first synset's phrases): at any other it fails, and most tokens are such (one test in C for each)."""
        parts = self._parts.get(el)
        if parts is None:
            parts = self._parts[el] = tuple(p for p in el.split("_") if p)
        if not parts:
            return len(toks), -1  # (an element of no word matches nowhere: ``_element`` gives k, never more)
        first = parts[0]
        if not first.startswith("&"):
            if len(parts) == 1:  # one plain word (most elements): a match is the word among the token's keys
                return next(((j, j + 1) for j in range(k, len(toks)) if first in toks[j].keys), (len(toks), -1))
            starts: frozenset[str] = frozenset((first,))
        else:
            starts = self._synset_firsts(first)
        for j in range(k, len(toks)):
            if not starts.isdisjoint(toks[j].keys):
                end = self._element(el, toks, j)
                if end > j:
                    return j, end
        return len(toks), -1

    def _synset_firsts(self, name: str) -> frozenset[str]:
        """The first words of a synset's phrases (``_synset_index``'s keys), as a set."""
        found = self._firsts.get(name)
        if found is None:
            found = self._firsts[name] = frozenset(self._synset_index(name))
        return found

    def _block(self, block: str) -> list[_Prepared]:
        """A block's patterns with the plain words (no synsets) each needs after and before the verb, whether it
        has words to find before the verb, and whether it is reciprocal ("%"); cached by block name: the
        dictionaries outlive any document."""
        if block not in self._lits:
            def words(els: Sequence[str]) -> frozenset[str]:
                return frozenset(p for el in els if el not in _MARKERS and el not in "$+%^"
                                 for p in el.split("_") if p and not p.startswith("&"))
            self._lits[block] = [
                (pat, words(pat.post), words(pat.pre), bool([e for e in pat.pre if e not in "%$+(){}"]),
                 "%" in pat.pre or "%" in pat.post)
                for pat in self.dicts.patterns.get(block, ())
            ]
        return self._lits[block]

    def _candidates(self, block: str, avail_after: set[str], avail_before: set[str]) -> list[_Prepared]:
        """The block's patterns (in their order) whose every plain word is among the words available after and
        before the verb: a verb's block holds up to hundreds of patterns, of which the few whose words the sentence
        has are found through each pattern's longest word (``_BlockIndex``) instead of testing them all."""
        index = self._indexes.get(block)
        if index is None:
            index = self._indexes[block] = _BlockIndex(self._block(block))
        found = set(index.always)
        for key in index.by_post.keys() & avail_after:
            found.update(index.by_post[key])
        for key in index.by_pre.keys() & avail_before:
            found.update(index.by_pre[key])
        return [p for k in sorted(found) if (p := index.prepared[k])[1] <= avail_after and p[2] <= avail_before]

    def best(self, blocks: Sequence[str], default: str, verb: Token, after: Sequence[Token],
             before: Sequence[Token], words: dict[int, _Word] | None = None) -> PatternMatch:
        """The most specific matching pattern of the verb's blocks, else the default code. ``words`` keeps each
        token's matcher view for the document (``DocContext.words``): the tokens around one trigger are those
        around the next."""
        best = PatternMatch(None, default, 0)
        words = {} if words is None else words
        after_w = _words(after, words)
        protest_w: list[_Word] | None = None  # made when a protest pattern is tried
        before_w = _words(before[-PRE_WINDOW:], words)
        avail_after = _available(after_w)
        avail_before = _available(before_w)
        for block in blocks:
            # only the patterns whose words are all there: the others cannot match (the ordered match is slow)
            for pat, _, _, has_pre, compound in self._candidates(block, avail_after, avail_before):
                post_w = after_w
                if pat.code[:2] == _PROTEST_ROOT:
                    # a protest pattern's words after the verb are the protest the subject holds, never its doers
                    # (_keys)
                    if protest_w is None:
                        protest_w = _words(after, words, after=True)
                    post_w = protest_w
                post = self._find(pat.post, post_w) if pat.post else (0, None, None, verb.i, False)
                if post is None:
                    continue
                pre = self._find(pat.pre, before_w) if has_pre else (
                    0, None, None, verb.i, False)
                if pre is None:
                    continue
                score = post[0] + pre[0]
                if score == 0 and not compound:
                    continue
                if score > best.score or (score == best.score and compound and not best.compound):
                    # a "+" before the verb ("NOTED + *") puts the target among the words before it
                    target = post[1] if post[1] is not None else pre[1]
                    best = PatternMatch(pat, pat.code, score, target, pre[2] if pre[2] is not None else post[2],
                                        compound, post[3], loose=post[4] or pre[4],
                                        target_subject=_subject_target(pat))
        return best


class _BlockIndex:
    """A block's prepared patterns indexed by one plain word each must find (its longest: long words are the
    rarest in text), after the verb (``by_post``) or before it (``by_pre``); ``always``: the patterns that need no
    plain word (synsets or markers only). A pattern whose indexed word is not available cannot match."""

    __slots__ = ("always", "by_post", "by_pre", "prepared")

    def __init__(self, prepared: Sequence[_Prepared]) -> None:
        self.prepared = prepared
        self.always: list[int] = []
        self.by_post: dict[str, list[int]] = {}
        self.by_pre: dict[str, list[int]] = {}
        for k, (_, need_post, need_pre, _, _) in enumerate(prepared):
            words = [(w, self.by_post) for w in need_post] + [(w, self.by_pre) for w in need_pre]
            if not words:
                self.always.append(k)
                continue
            word, table = max(words, key=lambda wt: (len(wt[0]), wt[0], wt[1] is self.by_post))
            table.setdefault(word, []).append(k)
