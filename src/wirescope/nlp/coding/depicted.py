"""Acts told of as what a film, a drama or a novel depicts (``trigger_codes._not_news``): "Dirty War depicts a dirty
bomb attack on the City of London", "French-Israeli production Wall looks at Israel's security wall separating it
from the Palestinian territories", "a film that depicts a priest having an affair". The work shows the act; no one
named does it to anyone in the news. And a work shot is one filmed ("where the actor had been shooting the film
Retirement"), no one shot. Word lists are data (lexicons/senses.tsv: work-noun, depicting-verb, filming-verb,
filmed-noun)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

WORK_NOUNS = words("senses", "work-noun")
DEPICTING_VERBS = words("senses", "depicting-verb")
FILMING_VERBS = words("senses", "filming-verb")
FILMED_NOUNS = words("senses", "filmed-noun")
FILMED = "filters.filming-a-work-is-no-shooting"
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def depicted_in_a_work(tok: Token) -> bool:
    """``tok`` lies in what a work of fiction or stage or screen depicts: inside the object (or a prepositional
    phrase: "tells of", "looks at", "focuses on") of a verb of depicting whose subject is such a work ("the film",
    "French-Israeli production Wall", "a film that ...", "Wall, which ..."). A clause of 'that' is a claim the work
    makes about the world, not a scene ("the film shows that the police lied"). The verb of depicting itself,
    which takes the code of the act noun it governs when it has none of its own ("depicts a dirty bomb attack"
    was 190 from the drama), does nothing to anyone when a work is its subject."""
    if _depicting(tok):
        return _by_a_work(tok)
    for anc in tok.ancestors:
        if _depicting(anc):
            return _shown_part(tok, anc) and _by_a_work(anc)
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ in ("ccomp", "advcl", "conj"):
            return False  # a clause of its own: the depicting verb must govern the act's phrase
    return False


def _depicting(verb: Token) -> bool:
    return verb.lemma_.lower() in DEPICTING_VERBS or (verb.lemma_.lower() == "be" and _about(verb))


def _by_a_work(verb: Token) -> bool:
    return any(_work(s) for s in verb.children if s.dep_ in _SUBJECTS)


def _about(verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "about" for c in verb.children)


def _shown_part(tok: Token, verb: Token) -> bool:
    """The child of ``verb`` that ``tok`` descends from is its object or a phrase of a preposition, not a 'that'
    clause, an adverbial clause or a verb of its own coordinated with it."""
    child = next(c for c in verb.children if c.i == tok.i or c.is_ancestor(tok))
    if child.dep_ in ("dobj", "obj", "attr"):
        return True
    return child.dep_ == "prep"  # "tells of", "looks at", "focuses on", "from Scholl's arrest to the trial"


def _work(subject: Token) -> bool:
    """A work noun as the subject's head, a compound or apposition of a title ("production Wall", "drama 24"), or
    the noun a relative pronoun stands for ("a film that depicts")."""
    if subject.tag_ in ("WDT", "WP") and subject.head.dep_ == "relcl":
        subject = subject.head.head
    if subject.lemma_.lower() in WORK_NOUNS:
        return True
    return any(c.dep_ in ("compound", "appos") and c.lemma_.lower() in WORK_NOUNS for c in subject.children)


def filmed_work(verb: Token) -> bool:
    """``verb`` is a verb of shooting whose patient is a work of the screen or what is filmed for one: the object
    or a passive's subject ("the scenes were shot in Morocco"), a title named with a work's word ("had been shooting
    the film Retirement"), the noun a participle describes or a relative pronoun stands for ("the movie, which was
    shot in Malta"); or its active subject, as a work is shot, never shoots ("The film shoots in Toronto next
    month"; the parser's "A South African film version of Carmen shot in Cape Town has premiered"). Shooting a
    person, even one named with a film's word ("shot the film's director", "shot at the film crew"), stays force:
    only the patient's own head noun, or the work's word of a title, counts."""
    if verb.lemma_.lower() not in FILMING_VERBS:
        return False
    patients = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        patients.append(verb.head)  # "a film version of Carmen shot in Cape Town"
    return any(_filmed(p) for p in patients)


def _filmed(patient: Token) -> bool:
    if patient.tag_ in ("WDT", "WP") and patient.head.dep_ == "relcl":
        patient = patient.head.head
    if patient.lemma_.lower() in WORK_NOUNS or patient.lemma_.lower() in FILMED_NOUNS:
        return True
    # a title with its work's word: "the film Retirement", "the movie Troy"
    return patient.pos_ == "PROPN" and any(c.dep_ in ("compound", "appos") and c.lemma_.lower() in WORK_NOUNS
                                           for c in patient.children)
