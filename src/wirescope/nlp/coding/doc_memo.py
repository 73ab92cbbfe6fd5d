"""What the coders work out about one document, kept with the document (``doc.user_data``) for every stage that
asks again: the events stage, the quotation speakers (``mentions.MentionResolver``) and the coded names of the
article (``referents``) code many of the same phrases, and each stage has a context of its own.

A table is kept per owner (an actor coder: another coder's dictionaries give other codes) and holds what is a
function of the document's tokens and that owner alone. The document does not change while it is coded, except
for the verb lemmas the event coder corrects for the time it codes it (``lemmas.corrected_lemmas``), which calls
``forget`` when it changes them and when it puts them back: nothing worked out under the other lemmas is reused.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KEY = "wirescope.memo"
_V = TypeVar("_V")


def table(doc: Doc, owner: object, name: str) -> dict[Hashable, _V]:
    """The document's table ``name`` of ``owner`` (empty at first). Its value type is the caller's to name
    (``memo: dict[Hashable, Offices] = table(...)``): one name holds one kind of value."""
    store: dict[str, tuple[object, dict[Hashable, _V]]] | None = doc.user_data.get(_KEY)
    if store is None:
        store = doc.user_data[_KEY] = {}
    entry = store.get(name)
    if entry is None or entry[0] is not owner:  # (the owner is held, so its id cannot be another's)
        entry = store[name] = (owner, {})
    return entry[1]


def forget(doc: Doc) -> None:
    """The document's tokens read differently from now on (their lemmas changed): every table is dropped."""
    doc.user_data.pop(_KEY, None)
