"""An article's title given apart from its text, parsed in the same spaCy batch as the text.

The events stage codes such a title as headlinese (``nlp/stages/events.py``). Parsed on its own, a title of ten
words costs a whole call of the model, about 4 ms of CPU (its per-call cost, not its words): some 5% of an ingest of
BBC articles. Fed to ``nlp.pipe`` just before its text, it rides in the text's batch (about 1.3 ms). The pipeline
does so when a stage says it reads titles (``reads_title = True``) and keeps the title's doc with the text's doc
(``doc.user_data``, like the text cache of ``doctext``); the stage asks ``title_doc`` and parses the title itself
only when the pipeline did not (one article analysed alone, a long article's sections).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .coding.headline import HEADLINE_MAX_WORDS, is_headline

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..records import Article

_KEY = "wirescope_title_doc"


@dataclass(frozen=True)
class TitleOf:
    """The context of a title in ``nlp.pipe``'s stream: it comes just before its article's text."""

    article: Article


def to_parse(article: Article) -> str | None:
    """The title the events stage will code apart from the text: one short enough to be a headline that the text
    does not begin with (a plain text's first line is its headline and is coded inside the text)."""
    title = article.title
    if not title or len(title.split()) > HEADLINE_MAX_WORDS:
        return None
    first = article.text.lstrip().split("\n", 1)[0]
    return None if is_headline(first, 0, title) else title


def attach(doc: Doc, title: Doc) -> None:
    doc.user_data[_KEY] = title


def title_doc(doc: Doc, title: str) -> Doc | None:
    """The title's doc the pipeline parsed with ``doc``'s batch, if it did (and it is this title)."""
    found = doc.user_data.get(_KEY)
    return found if found is not None and found.text == title else None
