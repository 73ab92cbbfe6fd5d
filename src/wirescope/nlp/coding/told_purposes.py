"""Purposes done in the act told (``modality.purpose-done-in-its-act``): a purpose is an aim, not an act
(``modality.purpose-is-an-aim``), except where the act told is the way the purpose is done.

* A call, a talk, a letter or a meeting whose purpose is to appeal, to demand or to consult ("spoke with Rouhani by
  phone to plead for calm", "met Iran's leaders in Tehran to push his plan", "wrote to the operators to demand
  lower rates"): the appeal is made by speaking; nothing is left to do once the call took place.
* A journey told as done whose purpose is to meet or to appeal ("flew discreetly to Geneva to meet a group of
  Iranian diplomats", "came into the Green Zone to meet the Iraqis"): news tells the trip for the meeting it made.
* Forces deployed or sent to protect ("peacekeepers have been deployed to protect civilians"): their being there is
  the protection (CAMEO 074, "provide military protection or peacekeeping"), as the real-news gold codes it.

The purpose takes the modality of the act told (asserted, reported), and only when that act is told as done, in a
past or a perfect: "is sending a delegation to urge restraint", "is meeting British officials this week to press the
case", "will fly to Geneva to meet" leave the purpose to the other rules.
Purposes of other kinds ("went to Syria to fight", "deployed to push back the rebels") stay aims.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import words
from .modal_clauses import Decision, ModalClauses, is_to_infinitive

if TYPE_CHECKING:
    from spacy.tokens import Token

_CONTACT = words("verb_classes", "contact")
_JOURNEY = words("verb_classes", "arrival")
_DISPATCH = words("senses", "dispatch-verb")
# what a contact or a journey does by taking place: appeal (02), consult (04), demand (10)
_SPOKEN_ROOTS = frozenset({"02", "04", "10"})
_PROTECTION = "074"
_TOLD = frozenset({"asserted", "reported"})
# a past or a perfect tells the act done ("flew", "have been deployed"); a progressive may be under way or planned
# ("is meeting British officials this week to press", "we want more people coming to look for refuge")
_PAST = frozenset({"VBD", "VBN"})


def purpose_done_in_its_act(c: ModalClauses) -> Decision:
    t = c.trigger
    while t.dep_ == "conj" and t.head.i != t.i and not is_to_infinitive(t):
        t = t.head  # "to push back the rebels and protect civilians": the purpose clause is the first conjunct's
    gov = t.head
    if t.dep_ != "advcl" or gov.i == t.i or not is_to_infinitive(t) or gov.tag_ not in _PAST \
            or not _done_by(gov, c.code):
        return None
    from .modality import modality  # (modality.py imports this module's rule)

    mode = modality(gov, "", c.sent)
    return ("modality.purpose-done-in-its-act", mode) if mode in _TOLD else None


def _done_by(gov: Token, code: str) -> bool:
    """The act ``gov`` does a purpose of ``code`` by taking place."""
    lemma = gov.lemma_.lower()
    if lemma in _CONTACT or lemma in _JOURNEY:
        return code[:2] in _SPOKEN_ROOTS
    return lemma in _DISPATCH and code[:3] == _PROTECTION
