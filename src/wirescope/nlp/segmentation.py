"""Paragraph-aware sentence boundaries: a sentence never runs across a line break.

News text puts headlines, captions, social posts and paragraphs on their own lines, often without final
punctuation; the statistical parser then glues them to the next sentence. This component marks the first token
after a line break as a sentence start before the parser runs (the parser keeps preset boundaries).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "wirescope_paragraphs"


@Language.component(COMPONENT)
def mark_paragraph_starts(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text_with_ws:
            doc[token.i + 1].is_sent_start = True
    return doc


def add_to(nlp: Language) -> None:
    """Add the component before the parser (or the sentence recogniser), once."""
    if COMPONENT in nlp.pipe_names:
        return
    for anchor in ("parser", "senter"):
        if anchor in nlp.pipe_names:
            nlp.add_pipe(COMPONENT, before=anchor)
            return
    nlp.add_pipe(COMPONENT, first=True)
