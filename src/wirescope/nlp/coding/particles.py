"""A phrasal verb's particle read from an adjunct (issue 17, cause 4: a verb in the frame a time phrase changes).

The dictionary codes a few verbs by a bare preposition after them: CALL "* ( ON )" and "* ( FOR )" are an appeal
(020: "called on Iran to free the sailors", "called for restraint"). The pattern matcher finds its words anywhere in
the verb's clause, so "Donald Trump called Erdoğan on Wednesday, urging him to curtail the operation" read "called
... on" as "called on" and coded an appeal to Turkey, where CAMEO's own example of a telephone call (041, "Warren
Christopher telephoned Andrei Kozyrev on Tuesday") has the same frame.

* ``code.preposition-of-an-adjunct-is-no-particle``: a one-word preposition pattern does not match a preposition
  that opens a phrase of time ("on Wednesday", "on 14 December": a day, a month or a date the parser names) or, for
  "on", that follows the verb's object when that object is a name or a pronoun ("called Erdoğan on ...", "called
  him on ..."): the prepositional verb's particle comes before its object and takes the addressee itself (other
  one-word patterns read a complement that may follow an object: "sued Murdoch for libel"). The verb is then coded
  without that pattern: "called X" is the dictionary's own CALL (041, discuss by telephone, both ways). "Called on
  Monday for talks" keeps the appeal of "( FOR )", "called on the management to recall the notice" its "( ON )".
* ``code.preposition-inside-an-adjunct-is-no-particle``: nor does it match a preposition that belongs to a noun
  inside a phrase of time or topic of the verb ("after", "about", "of": lexicons/place_words.tsv
  outer-adjunct-preposition): in "Speaking after a meeting with Theresa May, Binali Yıldırım said" the "with" is
  the meeting's (CONFER "* ( WITH )" read a discussion with May, 046 both ways), in "the White House talks about
  the possibility of restoring economic cooperation with Russia" the cooperation's. The verb is coded without that
  preposition's phrase; the noun's own event, if any ("a meeting with May", 040 both ways), is coded from the
  noun. A "with" of the verb ("spoke by video link last week with his French counterpart") or of its object
  ("discussed developments in Syria with the Turkish president", parsed under "developments") still counts, and
  so does one inside a phrase of place, manner or occasion ("hit Aleppo in coordination with Turkey", "met with
  his Iraqi counterpart at the ministry", "during talks with Ukrainian officials": what is done there is done with
  them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .patterns import PatternMatch

ADJUNCT_PREPOSITION = "code.preposition-of-an-adjunct-is-no-particle"
INNER_PREPOSITION = "code.preposition-inside-an-adjunct-is-no-particle"
_DATE_WORDS = words("modal_cues", "date-word")
_MARKERS = frozenset("(){}")
_NAMED = frozenset({"PROPN", "PRON"})
_OUTER = words("place_words", "outer-adjunct-preposition")
_ADDRESS_PARTICLES = frozenset({"on"})  # "call on X": the appeal's addressee is the particle's object


def adjunct_particle(match: PatternMatch, verb: Token) -> Token | None:
    """The preposition a one-word preposition pattern ("* ( ON )") matched, when it opens a phrase of time or
    follows a named object of the verb (see the module); else None."""
    if match.pattern is None or match.pattern.pre or match.last_token is None:
        return None
    plain = [w for el in match.pattern.post for w in el.split("_") if w not in _MARKERS]
    prep = verb.doc[match.last_token]
    if len(plain) != 1 or prep.dep_ != "prep" or prep.head.i != verb.i or prep.text.upper() != plain[0]:
        return None
    # a particle that takes the addressee ("called on X") comes before any object of the verb; other one-word
    # patterns read a complement, which may follow an object ("sued Murdoch for libel"): only a time phrase there
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i < prep.i and c.pos_ in _NAMED]
    if objects and prep.lower_ in _ADDRESS_PARTICLES:
        return prep
    return prep if any(_time(o) for o in prep.children if o.dep_ == "pobj") else None


def inner_adjunct(match: PatternMatch, verb: Token) -> Token | None:
    """The preposition a one-word preposition pattern ("* ( WITH )") matched, when it belongs to a noun inside a
    time or topic phrase of ``verb`` ("Speaking after a meeting with Theresa May": the "with" under "after"), else
    None (see the module)."""
    if match.pattern is None or match.pattern.pre or match.last_token is None:
        return None
    plain = [w for el in match.pattern.post for w in el.split("_") if w not in _MARKERS]
    prep = verb.doc[match.last_token]
    if len(plain) != 1 or prep.dep_ != "prep" or prep.text.upper() != plain[0] or prep.head.i == verb.i:
        return None
    tok = prep.head
    while tok.head.i != verb.i:
        if tok.head.i == tok.i:  # not below the verb (a pattern word is always in the verb's clause)
            return None
        tok = tok.head
    return prep if tok.dep_ == "prep" and tok.i > verb.i and tok.lower_ in _OUTER else None


def _time(noun: Token) -> bool:
    """A noun of time: a day, month or season word, or a date or time the parser names ("14 December")."""
    return noun.lemma_.lower() in _DATE_WORDS or noun.ent_type_ in ("DATE", "TIME")
