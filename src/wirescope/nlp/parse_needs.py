"""The parse needs of the events and quotes stages (``parsing.ParseNeed``): which sentences they can use a parse of.

The tests run before the parse, on what the model gave the whole text: fine tags, entities and the words themselves
(lemmas and coarse parts of speech come after the parse, see ``parsing.py``), so a word's lemma is matched through
its possible base forms. They are meant to admit every sentence the stage could find something in (a sentence left
out loses what the stage would have found there) and to leave out sentences where it cannot.

- events: a possible trigger: a verb of the verb dictionary, or a noun the coder codes (a nominal verb, an event,
  act, consultation or fighting noun). No test of an actor is made: the coder takes doers from earlier sentences
  (the last attacker, "they", the story's country), and a test of a pronoun, a named entity or a dictionary word
  left out 0.1% of BBC sentences, while the trigger test alone leaves out 6%.
- quotes: a quotation mark, a cue word of the cue lexicon (or the first word of a multi-word cue, "according"),
  or the colon or dash of a labelled or signed quotation ("Name: text", "... — Name").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from .coding.consultation_nouns import CONSULT_NOUNS, FIGHTING_NOUNS
from .coding.lexicon import ACT_NOUNS, EVENT_NOUNS
from .coding.nominals import NOMINAL

if TYPE_CHECKING:
    from spacy.tokens import Span

    from .quotes.cues import CueLexicon
    from .resources.petrarch import Dictionaries

_QUOTE_MARKS = frozenset("\"'“”‘’„«»")
_LABEL_MARKS = frozenset({":", "—", "–", "―", "--"})
# suffix -> endings of the base form: "talks" -> talk, "parties" -> party, "stopped" -> stopp, stop (below)
_SUFFIXES = (("ies", ("y",)), ("ied", ("y",)), ("ing", ("", "e")), ("ed", ("", "e")), ("es", ("", "e")),
             ("s", ("",)), ("d", ("",)))


def base_forms(low: str, irregular: Mapping[str, str] = {}) -> set[str]:
    """The lower-case word and every base form a regular inflection or ``irregular`` (upper-case form -> lemma, the
    dictionaries' table: "SAID" -> "SAY") could have made it from: a superset of its lemma."""
    out = {low}
    lemma = irregular.get(low.upper())
    if lemma:
        out.add(lemma.lower())
    for suffix, endings in _SUFFIXES:
        if low.endswith(suffix) and len(low) > len(suffix) + 1:
            stem = low[: -len(suffix)]
            out.update(stem + e for e in endings)
            if len(stem) > 2 and stem[-1] == stem[-2]:  # "stopped" -> stop
                out.add(stem[:-1])
    return out


class EventNeed:
    """The events stage's need test (module docstring)."""

    def __init__(self, dicts: Dictionaries) -> None:
        self.verbs = frozenset(v.lower() for v in dicts.verbs)
        self.forms = dicts.forms
        self.nouns = frozenset(n.lower() for n in (*NOMINAL, *CONSULT_NOUNS, *FIGHTING_NOUNS, *EVENT_NOUNS,
                                                    *ACT_NOUNS))

    def __call__(self, sent: Span) -> bool:
        for tok in sent:
            tag = tok.tag_
            if tag[:2] == "VB" or tag == "MD":
                if not self.verbs.isdisjoint(base_forms(tok.lower_, self.forms)):
                    return True
            elif tag[:2] == "NN" and not self.nouns.isdisjoint(base_forms(tok.lower_)):
                return True
        return False


class QuoteNeed:
    """The quotes stage's need test (module docstring)."""

    def __init__(self, lexicon: CueLexicon, irregular: Mapping[str, str]) -> None:
        self.cues = frozenset({*lexicon.single, *(words[0] for words in lexicon.multi), "according"})
        self.irregular = irregular

    def __call__(self, sent: Span) -> bool:
        for tok in sent:
            text = tok.text
            if text in _QUOTE_MARKS or text in _LABEL_MARKS:
                return True
            tag = tok.tag_
            if (tag[:2] in ("VB", "JJ") or tag == "MD") \
                    and not self.cues.isdisjoint(base_forms(tok.lower_, self.irregular)):
                return True
        return False
