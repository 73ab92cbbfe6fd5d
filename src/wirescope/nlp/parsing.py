"""Selective parsing: sentences from the model's sentence recogniser, the dependency parse only where a stage reads it.

With ``Settings.parse == "needed"`` the model runs its tokenizer, tok2vec, tagger, sentence recogniser (``senter``,
shipped disabled in the English models), the paragraph boundaries of ``segmentation.py``, NER and the entity rulers on
the whole text, and this component runs the parser only on the sentences some stage declares it needs (each stage's
``parse_need()``, ``nlp/stage.py``); then the attribute and lemma stand-ins run, because a few of the model's
attribute rules read the dependency label ("has" as an auxiliary is AUX). ``parse == "all"`` is spaCy's own way:
the parser on every sentence, and its sentence boundaries.

How a sentence is parsed: a copy of the sentence as a ``Doc`` of its own, with the full document's tok2vec rows as its
tensor (the parser listens to the shared tok2vec, which read the whole text), every token but the first marked as no
sentence start (the parser keeps preset boundaries), parsed in one batch with the other chosen sentences by the
model's own parser, and its heads and labels written back into the document. The parse is the one a whole-document
parse gives in most sentences; it can differ where the whole-document parser looked across a sentence boundary.

A sentence that is not parsed has no dependency annotation: every token is its own head with an empty label, which is
spaCy's encoding of a missing head, so code that walks ``token.head`` stops at once and no label matches. Sentence
boundaries stay those of the recogniser (and paragraphs) in both cases; ``parsed_sentences`` says which were parsed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from ..errors import ConfigError

if TYPE_CHECKING:
    from spacy.tokens import Span

PARSE_MODES = ("needed", "all")
COMPONENT = "wirescope_selective_parser"
_AFTER_PARSE = ("wirescope_attributes", "wirescope_lemmas")
PARSED_KEY = "wirescope_parsed"  # doc.user_data: start token indexes of the sentences that were parsed


def _never(sent: Span) -> bool:
    return False


@dataclass(frozen=True, slots=True)
class ParseNeed:
    """Which sentences a stage reads the dependency parse of: those ``test`` accepts (every sentence when ``test`` is
    None). ``what`` says it in words (the contract's documentation)."""

    what: str
    test: Callable[[Span], bool] | None = None

    @property
    def everything(self) -> bool:
        return self.test is None


EVERY_SENTENCE = ParseNeed("every sentence")


def no_parse(why: str) -> ParseNeed:
    """The need of a stage that reads no parse of its own (``why`` says what it reads instead)."""
    return ParseNeed(why, _never)


def need_of(stage: object) -> ParseNeed:
    """A stage's declared need; a stage that declares none reads, for all we know, every sentence's parse."""
    declare = getattr(stage, "parse_need", None)
    return declare() if callable(declare) else EVERY_SENTENCE


def parsed_sentences(doc: Doc) -> frozenset[int] | None:
    """Start token indexes of the sentences of ``doc`` that have a parse; None when every sentence has one."""
    found = doc.user_data.get(PARSED_KEY)
    return None if found is None else frozenset(found)


class SelectiveParser:
    """The spaCy component that parses the chosen sentences (see the module docstring). ``tests`` are the stages'
    need tests, set by ``configure``; a sentence is parsed when any of them accepts it."""

    def __init__(self, nlp: Language, name: str = COMPONENT) -> None:
        self.name = name
        self.parser: Any = nlp.get_pipe("parser")  # spaCy types a pipe as a callable; the parser has .pipe
        self.tests: tuple[Callable[[Span], bool], ...] = ()

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            chosen = [(doc, [s for s in doc.sents if self.wanted(s)]) for doc in batch]
            copies = [_sentence_doc(s) for _, sents in chosen for s in sents]
            parsed = iter(self.parser.pipe(copies, batch_size=max(1, len(copies))))
            for doc, sents in chosen:
                _write_back(doc, [(s, next(parsed)) for s in sents])
                yield doc

    def wanted(self, sent: Span) -> bool:
        return any(test(sent) for test in self.tests)


@Language.factory(COMPONENT)
def make_selective_parser(nlp: Language, name: str) -> SelectiveParser:
    return SelectiveParser(nlp, name)


def _sentence_doc(sent: Span) -> Doc:
    """The sentence as a Doc of its own, with the document's tok2vec rows and no sentence break inside it."""
    words = [t.text for t in sent]
    spaces = [bool(t.whitespace_) for t in sent]
    starts: list[bool | int | None] = [i == 0 for i in range(len(words))]
    copy = Doc(sent.doc.vocab, words=words, spaces=spaces, sent_starts=starts)
    copy.tensor = sent.doc.tensor[sent.start : sent.end]
    return copy


def _write_back(doc: Doc, parsed: Sequence[tuple[Span, Doc]]) -> None:
    """Heads and labels of the parsed sentence copies into ``doc``; every other token keeps a missing head; the
    sentence starts stay the recogniser's."""
    starts: Any = doc.to_array([SENT_START])
    rows: Any = np.zeros((len(doc), 2), dtype="uint64")  # head offset 0 and label 0: a missing head
    for sent, copy in parsed:
        rows[sent.start : sent.end] = copy.to_array([HEAD, DEP])
    if parsed:
        doc.from_array([HEAD, DEP], rows)
    doc.from_array([SENT_START], starts)  # the trees' own boundaries give way to the recogniser's
    doc.user_data[PARSED_KEY] = tuple(sent.start for sent, _ in parsed)


def configure(nlp: Language, mode: str, needs: Sequence[ParseNeed] | Callable[[], Sequence[ParseNeed]]) -> str:
    """Set ``nlp`` up for ``mode`` with the stages' ``needs`` (or a function giving them, called only for
    "needed"); the mode in effect ("all" when every sentence is needed anyway). Raises ``ConfigError`` for an
    unknown mode or a model without a parser and sentence recogniser."""
    if mode not in PARSE_MODES:
        raise ConfigError(f"parse mode {mode!r} is not one of {', '.join(PARSE_MODES)}")
    if mode == "all":
        return "all"
    needs = needs() if callable(needs) else needs
    if any(n.everything for n in needs):
        return "all"
    if "parser" not in nlp.pipe_names or "senter" not in nlp.component_names:
        raise ConfigError("parse='needed' needs a model with a parser and a sentence recogniser ('senter'), as "
                          f"en_core_web_sm has; the model has {', '.join(nlp.component_names)}; use parse='all'")
    if COMPONENT in nlp.pipe_names:
        return "needed"
    if any(name in nlp.pipe_names for name in ("attribute_ruler", "lemmatizer")):
        raise ConfigError("parse='needed' reorders the attribute rules after the parse, which it can do for "
                          "wirescope's stand-ins only (nlp/attributes.py, nlp/lemmas.py); use parse='all'")
    nlp.disable_pipe("parser")
    nlp.enable_pipe("senter")
    # after NER and the entity rulers (the tests read entities); the attribute rules that read the dependency label
    # and the lemmas that follow from their parts of speech come after the parse (their factories build them anew
    # from the model's disabled ruler and lemmatizer)
    later = [name for name in _AFTER_PARSE if name in nlp.pipe_names]
    for name in later:
        nlp.remove_pipe(name)
    parser = nlp.add_pipe(COMPONENT, last=True)
    assert isinstance(parser, SelectiveParser)
    parser.tests = tuple(n.test for n in needs if n.test is not None and n.test is not _never)
    for name in later:
        nlp.add_pipe(name, last=True)
    return "needed"
