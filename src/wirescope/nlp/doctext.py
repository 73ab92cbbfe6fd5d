"""``doc.text`` without the cost: spaCy rebuilds the string from every token on each access, which made per-token
helpers quadratic in the article's length. The text is cached in ``doc.user_data`` (the doc never changes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KEY = "wirescope.text"


def text_of(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return str(text)
