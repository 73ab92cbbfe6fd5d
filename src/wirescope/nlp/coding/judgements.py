"""Calling something bad is criticising it (``code.calling-it-wrong-is-criticism``; issue 17, statements and
criticisms missed or coded in another sense).

A verb of naming or describing with a predicate that judges its object ("called Pakistan's assertions baseless",
"called the EU move to tax U.S.-produced spirits 'deeply disappointing'", "described the jailbreak as
'deplorable'", "decrying the congressional move as an interference") passes a judgement on the object's owner: a
word of disapproval makes it a criticism (111), a word of falsehood said of an accusation or claim a denial of it
(016, as "rejected the allegations" is). The dictionary codes the verb in its own sense instead: "call" as a call
(041, "called Moscow's accusation ... ludicrous" was a consultation both ways), "describe" as a statement (010, no
event) or by a word of its object ("described the sanctions as illegal" was an imposition of sanctions, 163), and
"call" with a predicate noun names (candidates.naming-is-not-calling: "called Pakistan's assertions baseless" coded
nothing). The object must be something a party says, decides or does (lexicons/stances.tsv, the accusation, event
and act nouns of event_nouns.tsv, the measure nouns of measures.tsv) or a name: "described the performance as
disappointing", "described the situation as abhorrent" judge no one's act.

Words are data (lexicons/senses.tsv: judging-verb, disapproval-word, falsehood-word).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import ACT_NOUNS, EVENT_NOUNS
from .lexicons import words
from .source_finders import NOMINAL

if TYPE_CHECKING:
    from spacy.tokens import Token

JUDGED = "code.calling-it-wrong-is-criticism"
CRITICISM, DENIAL = "111", "016"
_JUDGING_VERBS = words("senses", "judging-verb")
_DISAPPROVAL = words("senses", "disapproval-word")
_FALSEHOOD = words("senses", "falsehood-word")
_ACCUSATIONS = words("event_nouns", "accusation")
# what a party says, decides or does (a stance, an accusation, an act or a measure): judged bad, it is the party
# criticised; "described the performance as disappointing", "the situation as abhorrent" judge no one's act
_JUDGEABLE = frozenset({*words("stances", "stance-noun"), *_ACCUSATIONS, *NOMINAL, *EVENT_NOUNS, *ACT_NOUNS,
                        *words("measures", "measure-noun")})
_OBJECTS = ("dobj", "obj", "oprd")
# where a parse puts the predicate of "call X Y" / "describe X as Y": on the verb or, misattached, inside the
# object's phrase ("called the EU move to tax spirits 'deeply disappointing'": oprd of "tax")
_PREDICATES = ("oprd", "acomp", "attr", "xcomp", "ccomp")


def judged_code(verb: Token) -> str | None:
    """111 or 016 for a verb of naming or describing whose object (a party's stance, accusation, act or measure,
    or a name) is judged bad or false by its predicate, else None."""
    if verb.lemma_.lower() not in _JUDGING_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ in _OBJECTS and c.pos_ in ("NOUN", "PROPN")]
    if not any(o.pos_ == "PROPN" or o.lemma_.lower() in _JUDGEABLE for o in objects):
        return None
    judged = [w for w in _predicate_words(verb) if w not in {o.i for o in objects}]
    lemmas = {verb.doc[i].lemma_.lower() for i in judged}
    if lemmas & _FALSEHOOD and any(o.lemma_.lower() in _ACCUSATIONS for o in objects):
        return DENIAL  # "called Pakistan's assertions baseless": the accusation denied
    if lemmas & (_DISAPPROVAL | _FALSEHOOD):
        return CRITICISM
    return None


def _predicate_words(verb: Token) -> list[int]:
    """Token indexes of the words that may be the verb's predicate: a predicate of the verb or of a word of its
    object's phrase, the object of its "as" ("described the jailbreak as deplorable") and the modifiers of those
    ("an act of aggression", "a gross violation")."""
    found: list[int] = []
    for tok in verb.subtree:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i == verb.i:
            continue
        as_object = tok.head.dep_ == "prep" and tok.head.lower_ == "as" and tok.dep_ in ("pobj", "amod")
        if (tok.dep_ in _PREDICATES and tok.i > verb.i) or as_object:
            found.append(tok.i)
            found.extend(t.i for t in tok.subtree if t.dep_ in ("amod", "pobj", "compound", "advmod"))
    return found
