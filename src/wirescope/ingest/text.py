"""Plain-text articles (.txt, .md): the first line is the headline when it looks like one (short, with text after it,
no final full stop: ``build._headline``); a leading date marker is parsed."""

from __future__ import annotations

from ..records import Article, Failure
from .build import build_article


def read_text(text: str, item: str) -> Article | Failure:
    """One article from a decoded plain-text document.

    The stored text is the whole normalised document, headline line included, without a leading
    `` date 2020-01-03 `` marker or ``Date: ...`` line; the title is its first line when that is a headline.
    """
    return build_article(text, item=item, input_format="text", raw=text, headline_from_text=True)
