"""Syntax helpers for the event coder: clauses, noun phrases, conjuncts and governing relations in a spaCy
dependency parse (English ClearNLP labels as produced by the en_core_web models)."""

from __future__ import annotations

import functools
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import doc_memo
from .doc_arrays import DocArrays, arrays
from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..resources.petrarch import VerbEntry

NOUN_HEAD = ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X")
# clauses embedded in a verb's clause (reported, relative, adverbial, participial)
_EMBEDDED = ("ccomp", "relcl", "parataxis", "advcl", "acl")
# dependents that end a noun phrase: clauses, coordination, appositions
_STOP_SUBTREE = ("relcl", "acl", "advcl", "ccomp", "conj", "cc", "appos", "punct", "mark")


def clause_tokens(verb: Token) -> list[Token]:
    """The verb's own clause: its subtree without embedded clauses (reported, relative, adverbial, coordinated
    verbs) at any depth. Pattern words and pattern-placed actors are looked for here ("said there were attacks"
    has no attack; "took to the streets, chanting death to America" has no target). Walked on the document's
    arrays (``doc_arrays``): a Token is made only for the tokens of the clause."""
    doc = verb.doc
    out: list[int] = []
    _clause_walk(arrays(doc), _labels(), verb.i, out)
    return [doc[i] for i in out]


def _clause_walk(parse: DocArrays, labels: _Labels, i: int, out: list[int]) -> None:
    """Token ``i``'s subtree in ``Token.subtree``'s order (left children, the token, right children), an embedded
    clause left out as it is met; the subordinator of an adverbial clause stays: "called for [the strike to be
    avenged]"."""
    kids, first, mid = parse.kids, parse.first, parse.mid
    for child in kids[first[i] : mid[i]]:
        _clause_child(parse, labels, child, out)
    out.append(i)
    for child in kids[mid[i] : first[i + 1]]:
        _clause_child(parse, labels, child, out)


def _clause_child(parse: DocArrays, labels: _Labels, child: int, out: list[int]) -> None:
    dep = parse.deps[child]
    if dep in labels.embedded or (dep == labels.conj and parse.pos[child] in labels.verb_aux):
        if dep == labels.advcl:
            kids = parse.kids[parse.first[child] : parse.first[child + 1]]  # its children, in order
            out.extend(m for m in kids if parse.deps[m] == labels.mark)
        return
    _clause_walk(parse, labels, child, out)


@dataclass(frozen=True, slots=True)
class _Labels:
    """The ids the clause walk compares: its dependency labels' (a label's symbol, or the hash of its string: the
    same in every vocabulary) and the parts of speech of a coordinated verb."""

    embedded: frozenset[int]
    conj: int
    advcl: int
    mark: int
    verb_aux: tuple[int, int]


@functools.cache
def _labels() -> _Labels:
    from spacy.strings import get_string_id
    from spacy.symbols import AUX, VERB

    return _Labels(frozenset(get_string_id(d) for d in _EMBEDDED), get_string_id("conj"), get_string_id("advcl"),
                   get_string_id("mark"), (VERB, AUX))


def phrase_tokens(head: Token) -> list[Token]:
    """The head's noun phrase without relative clauses, conjuncts or appositions; "of/from/in X" kept. Walked once
    per document and head (the parse alone decides it; ``doc_memo``): argument finding, the actor coder's checks and
    the titles ask for the same heads' phrases again."""
    doc = getattr(head, "doc", None)
    if doc is None:
        return _phrase_tokens(head)
    memo: dict[Hashable, tuple[int, ...]] = doc_memo.table(doc, _PARSE, "phrase_tokens")
    found = memo.get(head.i)
    if found is None:
        toks = _phrase_tokens(head)
        memo[head.i] = tuple(t.i for t in toks)  # indexes: a Token kept with its doc would keep the doc alive
        return toks
    return [doc[i] for i in found]


# the owner of what ``doc_memo`` keeps of a document's parse (the same for every coder)
_PARSE = object()


def _phrase_tokens(head: Token) -> list[Token]:
    keep = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            if c.dep_ in _STOP_SUBTREE:
                continue
            if c.dep_ == "prep" and (c.lower_ not in ("of", "from", "in") or tok.i != head.i):
                continue
            if c.dep_ == "pcomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                continue  # "details of [where British intelligence believes ...]": a clause, no part of the noun's name
            keep.append(c)
            stack.append(c)
    keep.sort(key=lambda t: t.i)
    if _dangling_prefix(head) and _depth_guard(head):
        # "an anti- Gondor parade": the small model takes a detached prefix for the head noun and hangs the real
        # phrase under it as a clause or elsewhere; the prefixed words belong to the phrase
        nxt = np_head(head.doc[head.i + 1])
        keep = sorted({t.i: t for t in (*keep, *phrase_tokens(nxt))}.values(), key=lambda t: t.i)
    # contiguous span from the first to the last kept token, trimmed of punctuation
    while len(keep) > 1 and keep[-1].is_punct:
        keep.pop()
    return keep


def _dangling_prefix(tok: Token) -> bool:
    """A prefix written apart from its word ("anti- Gondor", "pro- government")."""
    text = tok.text
    return len(text) > 2 and text.endswith("-") and text[:-1].isalpha() and tok.i + 1 < len(tok.doc) \
        and not tok.doc[tok.i + 1].is_punct


def _depth_guard(tok: Token) -> bool:
    nxt = np_head(tok.doc[tok.i + 1])
    return nxt.i > tok.i and not _dangling_prefix(nxt)


def np_head(tok: Token) -> Token:
    """The head noun of the phrase a modifier belongs to ("Gondor" in "the Gondor main opposition group")."""
    for _ in range(4):
        if tok.dep_ in ("compound", "amod", "nmod", "poss", "nummod", "npadvmod") and tok.head.pos_ in NOUN_HEAD \
                and tok.head.i != tok.i:
            tok = tok.head
        else:
            break
    return tok


def definite_owner(head: Token) -> Token | None:
    """The possessor of ``head`` when it is a definite singular common noun with nothing else to say whose it is
    ("the court's president", "the ministry's spokesman"; not "Iran's", "his", "a court's", "the Iranian
    ministry's", "the ministers'"), else None."""
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    if poss is None or poss.pos_ != "NOUN" or poss.tag_ != "NN":
        return None
    kids = [c for c in poss.children if c.dep_ not in ("case", "punct")]
    return poss if len(kids) == 1 and kids[0].dep_ == "det" and kids[0].lower_ == "the" else None


def conjuncts(head: Token) -> list[Token]:
    """The head and its conjuncts; in a list ("Mordor, the Shire, Arnor and Bree") an apposition is a conjunct."""
    out = [head, *[c for c in head.conjuncts if c.i > head.i]]
    if len(out) > 1 or any(c.dep_ == "conj" for a in head.children if a.dep_ == "appos" for c in a.children):
        for a in head.children:
            if a.dep_ == "appos" and a.i > head.i:
                out.extend([a, *[c for c in a.conjuncts if c.i > a.i and c not in out]])
    seen: set[int] = set()
    return [t for t in sorted(out, key=lambda t: t.i) if not (t.i in seen or seen.add(t.i))]  # type: ignore[func-returns-value]


def multi_matches(entry: VerbEntry, tok: Token) -> bool:
    """A multi-word verb ("CALL OFF", "WIRE TAP") around the verb token."""
    doc = tok.doc
    start = tok.i - entry.verb_index
    if start < 0 or start + len(entry.words) > len(doc):
        return False
    for k, w in enumerate(entry.words):
        t = doc[start + k]
        if k == entry.verb_index:
            continue
        if t.text.upper() != w and t.lemma_.upper() != w:
            return False
    return True


_IMAGE_NOUNS = words("place_words", "image-noun")


def shown_in_image(tok: Token) -> bool:
    """A trigger described as seen in a picture ("images showing jets taking off") reports a picture, not news."""
    anc = tok
    for _ in range(3):
        if anc.head.i == anc.i:
            return False
        anc = anc.head
        if anc.lemma_.lower() in _IMAGE_NOUNS:
            return True
        if anc.lemma_.lower() == "show" and any(c.dep_ == "nsubj" and c.lemma_.lower() in _IMAGE_NOUNS
                                                 for c in anc.children):
            return True
    return False


def governs_any(tok: Token, others: set[int]) -> bool:
    return any(t.i in others for t in tok.subtree if t.i != tok.i and path_is_clausal(t, tok))


def path_is_clausal(t: Token, top: Token) -> bool:
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in ("xcomp", "ccomp", "pcomp", "dobj", "pobj", "prep", "acomp"):
            t = t.head
            continue
        return False
    return t.i == top.i


def stray_places(heads: Sequence[Token], prep: Token | None) -> list[Token] | None:
    """Parse repair for "lawmakers (and officials) in Arnor and Gondor": the small model often attaches the last
    name to the role noun instead of to the place it is coordinated with. When common-noun conjuncts share an
    "in/of/from" phrase with a proper-noun object and the remaining conjuncts are proper nouns that follow that
    object, those names are places of the phrase (the role applies to each); returns [object, *names]."""
    if prep is None or len(heads) < 2:
        return None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.pos_ != "PROPN" or pobj.conjuncts:
        return None
    before = [h for h in heads if h.i < prep.i]
    after = [h for h in heads if h.i > pobj.i]
    if not before or not after or any(h.pos_ != "NOUN" for h in before) or any(h.pos_ != "PROPN" for h in after):
        return None
    return [pobj, *after]



def regular_stems(form: str) -> tuple[str, ...]:
    """The stems a regular inflected verb form may have, upper-cased: the form without its suffix, then with a final
    E ("REARRESTED" -> REARREST, REARRESTE; "NEUTRALIZED" -> NEUTRALIZ, NEUTRALIZE); the caller takes the first
    that is a dictionary verb. For verbs the tagger knows but whose lemma the model gets wrong ("rearrested" ->
    "rearreste"), so that the dictionary's entry is still found. Doubled consonants ("STOPPED") and -IED forms are
    not undone."""
    for suffix, cuts in (("ING", ("", "E")), ("ED", ("", "E")), ("ES", ("", "E")), ("S", ("",))):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            return tuple(stem + c for c in cuts)
    return ()
