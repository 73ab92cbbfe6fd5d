"""The act a verb of asking asks for is no party to the asking (``target.act-asked-of-the-addressee-is-no-target``):
in "called on Mr Hockney to quit the London Assembly" the 'to' infinitive is what Mr Hockney is asked to do, and
its object or phrase (the London Assembly) is the target of that act, not of the appeal, which is addressed to
Mr Hockney. When the one asked is named but not coded, a finder that reads on past him (after the pattern, into a
purpose clause) reaches the asked act's own parties; they are dropped and the next finder is tried, so the appeal
keeps no target rather than a wrong one. The asked act itself is coded at its own verb (as hypothetical:
modality.demanded-act)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .doc_arrays import subtree_indexes
from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .phrase_actors import ActorRef
    from .target_finders import TargetsFound

ASKED_ACT = "target.act-asked-of-the-addressee-is-no-target"
# verbs that ask someone to act ("urged X to", "called on X to", "asked X to"; lexicons/verb_classes.tsv)
_DIRECTIVES = words("verb_classes", "directive")
# how the parse hangs the infinitive asked for on the verb of asking
_CLAUSE_DEPS = frozenset({"xcomp", "advcl", "ccomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def without_asked_act(found: TargetsFound, verb: Token, ctx: DocContext) -> TargetsFound:
    """``found`` without the actors that are parties of the act ``verb`` asks of the one it addresses
    (``_asked_act``); None when none is left (the next finder is tried)."""
    if found is None or not found[1]:
        return found
    inside = _asked_act(verb)
    if not inside:
        return found
    kept = [a for a in found[1] if not _within(a, inside)]
    if len(kept) < len(found[1]) and ctx.fire(ASKED_ACT):
        return (found[0], kept) if kept else None
    return found


def _asked_act(verb: Token) -> frozenset[int]:
    """The tokens of the 'to' infinitive a verb of asking asks for, without the infinitive's own subject (the one
    asked, when the parse makes it so: "urged [Iran to release]"), when the verb names whom it asks (its object,
    or its on/upon phrase); empty otherwise."""
    if verb.lemma_.lower() not in _DIRECTIVES or not any(
            c.dep_ in ("dobj", "obj", "dative") or (c.dep_ == "prep" and c.lower_ in ("on", "upon"))
            for c in verb.children):
        return frozenset()
    out: set[int] = set()
    for clause in verb.children:
        if clause.dep_ in _CLAUSE_DEPS and any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):
            asked = {i for c in clause.children if c.dep_ in _SUBJECTS for i in subtree_indexes(c)}
            out.update(i for i in subtree_indexes(clause) if i not in asked)
    return frozenset(out)


def _within(ref: ActorRef, tokens: frozenset[int]) -> bool:
    """``ref``'s head is one of ``tokens``."""
    return ref.head in tokens
