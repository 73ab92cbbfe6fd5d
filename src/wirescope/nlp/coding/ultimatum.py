"""An ultimatum: an act asked of someone "or" a penalty they will "face" ("G7 ministers urged Russia to accept the
ceasefire or face additional sanctions", "Britain told Iran to release the tanker or face the consequences", "the
union called on the management to withdraw the notice or face a strike ballot"). The penalty is held over the one
asked by the one asking: a threat (13) from the asker to the asked, coded at "face" (rule
``code.or-face-is-an-ultimatum``). Without "or" ("voters faced a clear choice"), without a verb of asking over it
("could lose his job or face a fine") or without a penalty named ("or face a long wait") it is no threat, and "face"
keeps its other readings (``code.facing-is-no-meeting``). The words are data (lexicons/measures.tsv, ultimatum-*).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .lexicons import codes, words

if TYPE_CHECKING:
    from spacy.tokens import Token

ULTIMATUM = "code.or-face-is-an-ultimatum"
_ASKING = words("measures", "ultimatum-verb")
_PENALTIES = codes("measures", "ultimatum-penalty")
_FRAMES = words("measures", "ultimatum-frame")
_FORCE_MODIFIERS = frozenset({"military", "armed"})
# how far up from "face" the asked act may lie ("release the tanker or face": the parse may join "face" to the
# object, "tanker", rather than to the verb "release")
_CLIMB = 3


def ultimatum_code(face: Token) -> str | None:
    """The threat (CAMEO 13x) "face" makes as the penalty of an ultimatum, or None when it is none."""
    if face.lemma_.lower() != "face" or face.dep_ != "conj" or asker(face) is None:
        return None
    if not any(c.dep_ == "cc" and c.lower_ == "or" for c in (*face.head.children, *face.children)):
        return None
    return next((code for obj in face.children if obj.dep_ in ("dobj", "obj")
                 if (code := _penalty_code(obj)) is not None), None)


def modal_anchor(verb: Token, fired: Sequence[str]) -> Token:
    """The verb whose modality an event takes: for the threat of an ultimatum, the verb of asking (the threat is
    made by asking, "urged Russia to accept ... or face sanctions", not a requested act), else the trigger."""
    if ULTIMATUM not in fired or ultimatum_code(verb) is None:
        return verb
    return asker(verb) or verb


def asker(face: Token) -> Token | None:
    """The verb of asking whose infinitive complement "face" is joined to ("urged Russia to accept ... or face"),
    or None."""
    tok = face.head
    for _ in range(_CLIMB):
        if tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in _ASKING:
            return tok.head
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _penalty_code(obj: Token) -> str | None:
    """The threat a faced noun names: a penalty ("sanctions", "the consequences", "a strike ballot"), or one in
    the 'of' phrase of a frame ("the possibility of additional sanctions")."""
    lemma = obj.lemma_.lower()
    if lemma in _FRAMES:
        inner = [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"]
        return _penalty_code(inner[0]) if inner else None
    code = _PENALTIES.get(lemma)
    if code is not None and any(c.dep_ == "amod" and c.lower_ in _FORCE_MODIFIERS for c in obj.children):
        return "138"  # "military action"
    return code
