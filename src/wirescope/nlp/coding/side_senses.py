"""Two frames in which a verb's phrase names no one acted against (issue 17, cause 1):

* The side one fights on (``code.side-fought-for-is-no-enemy``): "fight for X", "fight alongside X", "fight on the
  side of X", "fight on behalf of X" name the side the fighters are on, their ally or cause, not their enemy. The
  bundled dictionary's "* ALONGSIDE" [062] says so for one of them; when a verb of fighting coded as force (or as
  force's verbal reading, criticism) has its every target inside such a phrase, there is no force against anyone:
  "British citizens going to fight for a terrorist group", "Russian nationals fighting alongside Syrian government
  troops", "the attacking forces were fighting on the side of Bashar al-Assad's regime", "not prepared to fight for
  a free, democratic Syria". Who they fight is told by an object or an against/with phrase, kept ("fighting Isis",
  "fighting against Turkey").
* Acknowledging a fact (``code.acknowledging-a-fact-is-no-responsibility``): CAMEO 015 is acknowledging or claiming
  responsibility, which the bundled dictionary gives to every "acknowledge". With a clause about another party it
  concedes a fact and takes responsibility for nothing: "senators have acknowledged that the SDF has borne the
  brunt of fighting Isis", "British diplomats have acknowledged that Assad would have to be allowed to stand",
  "acknowledging that Turkey had legitimate concerns". A clause about the acknowledger's own doing ("acknowledged
  that it had shot down the plane", "that its forces fired") keeps the code.

Word lists are data (lexicons/senses.tsv: fighting-verb, side-preposition, side-noun, acknowledging-verb).
Real-news conventions only (the bundled dictionaries).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .phrase_actors import ActorRef

FIGHTING_VERBS = words("senses", "fighting-verb")
SIDE_PREPOSITIONS = words("senses", "side-preposition")
SIDE_NOUNS = words("senses", "side-noun")
ACKNOWLEDGING_VERBS = words("senses", "acknowledging-verb")
SIDE = "code.side-fought-for-is-no-enemy"
FACT = "code.acknowledging-a-fact-is-no-responsibility"
# force (18-20) and force's verbal reading, criticism (11: the bundled "* GOVERNMENT" [111] of ATTACK's block)
_FIGHT_ROOTS = frozenset({"11", "18", "19", "20"})
_OWN_PRONOUNS = frozenset({"i", "we", "it", "they", "he", "she", "my", "our", "its", "their", "his", "her"})


def side_or_fact(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                 ctx: DocContext) -> str | None:
    """"" (no event) for a side fought on or a fact acknowledged, else None (the code stands)."""
    if code[:2] in _FIGHT_ROOTS and side_fought_for(verb, parties[1]) and ctx.fire(SIDE):
        return ""  # "fighting for the Assad government", "alongside Syrian government troops"
    if fact_acknowledged(verb, code) and ctx.fire(FACT):
        return ""  # "acknowledged that the SDF has borne the brunt of fighting Isis": a fact conceded
    return None


def side_fought_for(verb: Token, targets: Sequence[ActorRef]) -> bool:
    """``verb`` is a verb of fighting and every target is inside a phrase naming the side it fights on: a
    'for' or 'alongside' phrase of the verb, or 'on behalf of' / 'on the side of' (an 'on' phrase whose noun is
    'behalf' or 'side'). An 'against' phrase the parser hangs inside the side phrase names the enemy, not the side
    ("fought for control of the Crimea against Ukraine", "fighting for control of Marib against Saudi-backed
    forces": review 17)."""
    if verb.lemma_.lower() not in FIGHTING_VERBS or not targets:
        return False
    sides: set[int] = set()
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        # "on the side of X", "on behalf of X"
        on_side = prep.lower_ == "on" and any(g.dep_ == "pobj" and g.lemma_.lower() in SIDE_NOUNS
                                              for g in prep.children)
        if prep.lower_ in SIDE_PREPOSITIONS or on_side:
            enemy = {t.i for p in prep.subtree if p.dep_ == "prep" and p.lower_ == "against" for t in p.subtree}
            sides.update(t.i for t in prep.subtree if t.i not in enemy)
    return bool(sides) and all(t.head in sides for t in targets)


def fact_acknowledged(verb: Token, code: str) -> bool:
    """``verb`` is a verb of acknowledging coded as acknowledging responsibility (015) whose complement is a clause
    about another party: its subject is neither a personal pronoun nor a noun owned by one ("its forces")."""
    if code != "015" or verb.lemma_.lower() not in ACKNOWLEDGING_VERBS:
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return False
    for clause in clauses:
        subjects = [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass", "expl")]
        if not subjects:
            return False  # no subject to tell whose doing it is
        for subject in subjects:
            if subject.lower_ in _OWN_PRONOUNS or any(
                    p.dep_ == "poss" and p.lower_ in _OWN_PRONOUNS for p in subject.children):
                return False  # "acknowledged that it had shot down the plane": its own doing
    return True
