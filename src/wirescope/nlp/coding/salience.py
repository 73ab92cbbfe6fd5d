"""Which of the persons named before a subject pronoun it continues: the main clause's subject first.

A subject pronoun mostly continues the most salient person of the text before it (centering: the subject ranks
over an object or a complement), and a sentence's main clause is what the reader follows: the subject of a clause
embedded in it (a reported clause, a clause that completes a noun, an adverbial one) ranks below the main clause's
subject (Kameyama 1998; Miltsakaki 2002, the main clause with its subordinates as the unit of centering). So a
pronoun that is itself the subject of its sentence's main clause ("He rejected ...", "“...,” he said") continues
the main clause's subject of the latest sentence that names a candidate, not a person named as the subject of a
clause inside it:

* "Mr Balls rejected the allegation that Mr Brown had been sidelined. He rejected speculation ..." -> Balls;
* "Mr Howard denied Mr Yeo had said the plans stink. He also said ..." -> Howard;
* "Ms Kelly said Mr Clarke should resign. She added ..." -> Kelly (gender agreement aside).

Within one clause depth the nearest wins, as before; a pronoun inside an embedded clause ("..., saying he was
playing a different role") keeps the nearest subject (parallel roles: an embedded subject continues an embedded
one as readily as the main one). The event coder's pronoun look-ups (``referents.Referents.person_before``,
``full_names.FullNames.person_before``) and the quotation speaker resolver (``quotes.speakers``) rank with this,
and ``it_antecedents`` asks ``main_clause`` the same way for "it".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

# verbs of saying: one inserted in a sentence ("says the committee", "he added") names the speaker of the rest
_SPEECH_VERBS = words("verb_classes", "speech")
_SUBJECTS = ("nsubj", "nsubjpass")
# the words of a subject's phrase that stand for it ("Kenya's ministry", "envoy Geir Pedersen")
_IN_PHRASE = ("poss", "compound", "amod", "case", "appos", "flat")


def main_clause(verb: Token) -> bool:
    """The verb heads its sentence's main clause, or one coordinated with it, or is a verb of saying inserted in
    it, whose subject is the speaker of the rest ("As a result, says the committee, the government may need to
    re-legislate. It is also calling on ...": the committee; the government is what it says): a ROOT with such a
    speaker inserted is the reported clause, no main clause of its own."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "parataxis" and verb.lemma_.lower() in _SPEECH_VERBS:
        return True
    return verb.dep_ == "ROOT" and not any(c.dep_ == "parataxis" and c.lemma_.lower() in _SPEECH_VERBS
                                           and any(s.dep_ in _SUBJECTS for s in c.children) for c in verb.children)


def main_subject(tok: Token) -> bool:
    """``tok`` is (the head of, or a name inside) the subject of its sentence's main clause (``main_clause``)."""
    while tok.dep_ in _IN_PHRASE and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in _SUBJECTS and tok.head.i != tok.i and main_clause(tok.head)


def rank(sentence: int, main: bool, start: int, pronoun_main: bool) -> tuple[int, bool, int]:
    """The sort key of a subject antecedent of a subject pronoun (the highest is the one it continues): the latest
    sentence naming one; in it, when the pronoun is its sentence's main subject (``pronoun_main``), a main clause's
    subject over an embedded one; then the nearest (module docstring)."""
    return sentence, main and pronoun_main, start
