"""The stage contract.

A stage is a callable object with a ``name``, a ``version``, the ``Analysis`` fields it ``requires`` and the fields
it ``assigns``. The pipeline checks the chain before any work runs. A stage gets the parsed spaCy ``Doc`` and the
``Analysis`` built so far and returns a new ``Analysis`` (``dataclasses.replace``) with its fields filled.

A stage that needs spaCy components (an entity ruler, say) adds them in ``configure_nlp``, called once when the
pipeline is built, so that they also run in spaCy's worker processes. A stage may also have a ``prepare()`` method,
which ``runners.startup.open_pipeline`` calls as a named start-up stage: it loads what the stage would otherwise
load inside its first article (a library's data, an index over a dictionary), so that the time to the first
article is shown for what it is and no article pays for it. A stage that reads the article's title given apart
from its text (the events stage codes it as headlinese) says so with ``reads_title = True``: the pipeline then
parses such a title in the text's spaCy batch (``nlp/title_docs.py``).

A stage declares which sentences it reads the dependency parse of with ``parse_need() -> ParseNeed``
(``nlp/parsing.py``): a test of a sentence (the events coder: a dictionary verb or event noun; the quotes stage: a
cue word or quotation mark), ``no_parse(...)`` when it reads none of its own, or ``EVERY_SENTENCE``. A stage without
the method is taken to read every sentence's parse. With ``Settings.parse == "needed"`` the parser runs only on
sentences some stage's test accepts; in the others every token has a missing head (``token.head`` is the token
itself, ``dep_`` is empty), and ``parsing.parsed_sentences(doc)`` tells which sentences were parsed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..records import Analysis


@runtime_checkable
class Stage(Protocol):
    name: str
    version: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def configure_nlp(self, nlp: Language) -> None:
        """Add spaCy components this stage relies on (may do nothing)."""

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        """Return ``analysis`` with this stage's fields filled."""
