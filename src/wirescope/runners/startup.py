"""Open a pipeline with every start-up stage said: the spaCy model, the actor dictionaries, the gazetteer index.

``Pipeline`` loads its model at once and the dictionaries and the gazetteer on the first article that needs them;
``open_pipeline`` loads them all up front, each as a named stage (``nlp/resources/startup.py``), so the time before
the first article is shown for what it is (and a missing gazetteer index is built here, visibly, not inside the
first article). ``wirescope setup`` runs the same stages once after install.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from ..config import Settings
from ..nlp.resources import startup

if TYPE_CHECKING:
    from ..nlp.pipeline import Pipeline

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class StageTime:
    """One start-up stage and how long it took."""

    label: str
    seconds: float


def open_pipeline(settings: Settings | None = None, *, times: list[StageTime] | None = None) -> Pipeline:
    """A ``Pipeline`` for ``settings`` with its model, dictionaries and gazetteer loaded, each a visible stage;
    ``times`` (when given) receives each stage's duration."""
    settings = settings or Settings()
    uses_places = "places" in settings.stages
    if uses_places and settings.gazetteer is None and not _index_ready():
        _timed(times, "gazetteer index (built)", _ensure_index)  # a visible build, before the model loads
    pipeline = _timed(times, f"spaCy model {settings.model}", lambda: _load(settings))
    if any(hasattr(stage, "share_actor_coder") for stage in pipeline.stages):
        _timed(times, "actor dictionaries", lambda: _stage("loading the actor dictionaries (PETRARCH, actors, "
                                                           "office holders)", partial(_actor_coder, pipeline)))
    for stage in pipeline.stages:
        if hasattr(stage, "resolver"):  # the places stage opens its gazetteer (and resolver) on first use
            opened = partial(_stage, "opening the gazetteer index", partial(getattr, stage, "resolver"))
            _timed(times, f"gazetteer ({stage.name} stage)", opened)
    for stage in pipeline.stages:
        prepare = getattr(stage, "prepare", None)  # what a stage would load inside its first article (nlp/stage.py)
        if prepare is not None:
            _timed(times, f"{stage.name} stage", partial(_stage, f"preparing the {stage.name} stage", prepare))
    return pipeline


def _actor_coder(pipeline: Pipeline) -> object:
    """The pipeline's actor coder with its indexes over the dictionaries built (the surnames of listed persons, the
    stemmed one-word entries: 0.1 s that the first article naming a person would pay otherwise)."""
    coder = pipeline.actor_coder()
    _ = coder.surnames, coder.stems
    return coder


def _load(settings: Settings) -> Pipeline:
    from ..nlp.pipeline import Pipeline

    return _stage(f"loading the spaCy model {settings.model}", lambda: Pipeline(settings))


def _index_ready() -> bool:
    from ..nlp.resources.gazetteer import default_index_path

    return default_index_path().is_file()


def _ensure_index() -> object:
    from ..nlp.resources.gazetteer import ensure_default_index

    return ensure_default_index()


def _stage(label: str, run: Callable[[], T]) -> T:
    with startup.stage(label):
        return run()


def _timed(times: list[StageTime] | None, label: str, run: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = run()
    if times is not None:
        times.append(StageTime(label, time.perf_counter() - started))
    return result
