"""Commentary is no act: an event done or reported by a commentator (an analyst, an expert, an academic) is their
reading of events, not an act of a party to them (docs/events-gold.md, "Not coded"). Used by the event coder's
filter ``filters.commentary-is-no-act``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import words
from .modal_clauses import REPORT_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .phrase_actors import ActorRef

COMMENTATORS = words("commentary", "commentator")
# clause links through which a speech verb reports the clause below it
_REPORTED = frozenset({"ccomp", "parataxis"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def is_commentator(tok: Token) -> bool:
    """``tok`` names a commentator, itself or through an apposition ("Alan Chong, associate professor", "a media
    analyst, Vasily Gatov"), or is the surname of a person the document introduced as one ("Charles Hecker, an
    expert on ..." ... "Hecker cautions ...": a bare surname refers back to the person named in full)."""
    names = [tok, *(c for c in tok.children if c.dep_ == "appos")]
    if tok.dep_ == "appos":
        names.append(tok.head)
    if any(t.lemma_.lower() in COMMENTATORS for t in names):
        return True
    return tok.pos_ == "PROPN" and tok.text in _introduced_commentators(tok.doc)


_INTRODUCED = "wirescope.commentators"  # the doc's user_data key of ``_introduced_commentators``


def _introduced_commentators(doc: Doc) -> frozenset[str]:
    """Surnames of the people ``doc`` introduces as commentators: the name a commentator noun is in apposition with
    ("Charles Hecker, an expert on ...", "a media analyst, Vasily Gatov") or a title of ("analyst John Smith",
    "Professor Mesut Casin"). Made once per document."""
    found = doc.user_data.get(_INTRODUCED)
    if found is None:
        people = (_person(t) for t in doc if t.lemma_.lower() in COMMENTATORS)
        found = doc.user_data[_INTRODUCED] = frozenset(p.text for p in people if p is not None)
    return found


def _person(noun: Token) -> Token | None:
    """The head of the name a commentator noun describes, if any: its apposition head or child, or the name it is
    a compound title of."""
    linked = [noun.head] if noun.dep_ in ("appos", "compound") and noun.head.i != noun.i else []
    linked += [c for c in noun.children if c.dep_ == "appos"]
    return next((t for t in linked if t.pos_ == "PROPN"), None)


def speaker(trigger: Token) -> Token | None:
    """The subject of the nearest speech verb that reports the trigger's clause ("experts say the talks will
    fail"), also when it follows as an inserted clause ("the talks will fail, said Alan Chong"), if any."""
    inserted = next((c for c in trigger.children if c.dep_ in _REPORTED and c.lemma_.lower() in REPORT_VERBS), None)
    if inserted is not None:
        return next((c for c in inserted.children if c.dep_ in _SUBJECTS), None)
    tok = trigger
    for _ in range(4):
        if tok.dep_ not in _REPORTED or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lemma_.lower() in REPORT_VERBS:
            return next((c for c in tok.children if c.dep_ in _SUBJECTS), None)
    return None


def commentary(trigger: Token, source: ActorRef) -> bool:
    """The event of ``trigger`` with ``source`` is done or reported by a commentator."""
    if is_commentator(trigger.doc[source.head]):
        return True
    said_by = speaker(trigger)
    return said_by is not None and is_commentator(said_by)
