"""Whom a bare spokesman speaks for (``actors.bare-spokesman-speaks-for-the-body-before``): "a spokesman said" with
no body named in the phrase is the spokesman of the body the report has just been about, the subject of its
sentence or of the one before ("But the Home Office defended the measures. A spokesman said: ...", "Delta has
repeatedly declined to elaborate ... A spokesperson reiterated this position", "One of the jilted bidders,
Netherlands-based group LNM, said it welcomed ... 'we would look at it with great interest,' a spokesman told BBC
News"). A news report names the body first and then quotes its spokesman; a spokesman of another body is named
with it ("a spokesman for the family"). The agents dictionary codes the word as the media (MED), which
``titles.spoken_for`` drops; this gives the phrase the body's code instead."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .lexicons import words
from .referring import SPOKESPEOPLE
from .salience import main_clause

if TYPE_CHECKING:
    from spacy.tokens import Token

BARE = "actors.bare-spokesman-speaks-for-the-body-before"
# singular nouns that name one person by their office ("the prime minister"): a person, whom no spokesman serves
_PERSON_TITLES = words("title_words", "person-title")
# persons, and words that stand for a noun elsewhere (relative, demonstrative): no body
_NOT_BODIES = frozenset({"he", "she", "i", "we", "you", "him", "her", "me", "us", "who", "whom", "which", "that",
                         "this", "these", "those", "what", "there"})
_SUBJECTS = ("nsubj", "nsubjpass")
_INDEFINITE = frozenset({"a", "an"})


def bare_spokesman(toks: list[Token]) -> Token | None:
    """The spokesperson word of a phrase that is that word and "a" alone ("a spokesman", "A spokeswoman"); None for
    any other phrase ("a Defra spokesman", "a spokesman for the firm", "Warren Lush"), and for "the spokesman",
    who is the spokesman named before (a definite description refers back)."""
    words_ = [t for t in toks if t.dep_ != "punct"]
    if len(words_) != 2 or words_[0].lower_ not in _INDEFINITE or words_[1].lower_ not in SPOKESPEOPLE:
        return None
    word = words_[1]
    return None if any(c.dep_ == "prep" for c in word.children) else word


def body_code(word: Token, code_of: Callable[[Token], str | None]) -> str | None:
    """The code of the body the bare spokesman ``word`` speaks for: of the nearest subject before it that
    ``code_of`` codes (``bodies_before``); None when none does, or a pronoun that codes nothing comes first."""
    for tok in bodies_before(word):
        if tok.lower_ in SPOKESPEOPLE:
            return None  # "A spokesman for the Kurdish militias said ... a spokesman said": that one's colleague
        code = code_of(tok)
        if code:
            return code
        if tok.pos_ == "PRON":
            return None  # "they said ...": whoever it is, no earlier subject is surer
    return None


def bodies_before(word: Token) -> list[Token]:
    """The subjects (and passive agents: "described as idle speculation by Downing Street") before ``word`` that
    may name the body it speaks for, nearest first: in its own sentence, then in the one before (a main clause's
    subject first). Persons are passed
    over; the caller codes each in turn and stops at the first that names an actor (a pronoun it cannot resolve
    ends the search)."""
    doc = word.doc
    start = word.sent.start
    prev = doc[start - 1].sent.start if start > 0 else start
    own = [t for t in doc[start : word.i] if _subject(t) and not _person(t)]
    before = [t for t in doc[prev:start] if _subject(t) and not _person(t)]
    # in the sentence before, a main clause's subject first: the one a reader follows ("The Pakistani army said
    # it had killed 33 militants": the army, not the "it" of the clause it said)
    main = [t for t in before if main_clause(t.head)]
    return [*own[::-1], *main[::-1], *(t for t in before[::-1] if t not in main)]


def _subject(tok: Token) -> bool:
    if tok.dep_ in _SUBJECTS and tok.head.i != tok.i:
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


def _person(tok: Token) -> bool:
    """A subject that names a person (or stands for a noun elsewhere): no body a spokesman speaks for."""
    if tok.lower_ in _NOT_BODIES:
        return True
    if tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON":
        return True
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.lemma_.lower() in _PERSON_TITLES
