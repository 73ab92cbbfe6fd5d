"""The pipeline the worker processes share: loaded once in the fork server, inherited by every worker it forks.

``WorkerPool`` starts its workers from multiprocessing's fork server, which imports this module first (its
"preload"). When ``PIPELINE_ENV`` holds the pool's settings, the module opens that pipeline here (the spaCy model,
the dictionaries, the gazetteer, each stage's prepared tables), analyses a made-up text once (so that what the
stages build lazily is built here, ``_warm``), collects the garbage and freezes what is left (``gc.freeze``), and
only then does the server fork the workers. A worker starts with the pipeline in place and
its pages shared with the server and the other workers until one of them writes to them: model weights and
dictionary entries are read, never written, and frozen objects are not touched by the worker's garbage collector,
so most of the pipeline is in memory once (a spawned worker loaded its own copy of everything, which made the
ingest's memory summed over its processes 1.5x bare spaCy's, whose ``n_process`` children fork from a parent that
holds the model).

The fork server is a fresh interpreter (no store, no threads of the parent's), started by the pool; a worker
whose settings differ from the preloaded pipeline's, or any failure here, loads its own pipeline as before.
"""

from __future__ import annotations

import base64
import gc
import os
import pickle
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..config import Settings
    from ..nlp.pipeline import Pipeline

# the pool's worker settings, pickled and base64-encoded, set in the fork server's environment by ``WorkerPool``
PIPELINE_ENV = "WIRESCOPE_WORKER_PIPELINE"

settings: Settings | None = None
pipeline: Pipeline | None = None


def encode(worker_settings: Settings) -> str:
    return base64.b64encode(pickle.dumps(worker_settings)).decode("ascii")


def shared_pipeline(worker_settings: Settings) -> Pipeline | None:
    """The preloaded pipeline when it was opened with ``worker_settings``, else None."""
    return pipeline if pipeline is not None and settings == worker_settings else None


# A made-up news text that goes through every stage once in the fork server, before the fork (``_warm``)
WARM_TEXT = (
    "President Joe Biden met Chinese President Xi Jinping in Beijing on Monday and the two leaders agreed to resume "
    "military talks, the White House said.\n\n"
    "\"We will not accept threats,\" the French foreign minister told reporters in Paris on 3 May. Israeli troops "
    "attacked a village near Gaza, killing five people, according to local officials. Russia accused Ukraine of "
    "shelling the city of Donetsk; the United Nations called for a ceasefire. Police arrested 20 protesters in "
    "London after clashes outside parliament. The Iranian government denied sending weapons to rebels in Yemen.\n"
)


def _warm(pipeline: Pipeline) -> None:
    """Analyse ``WARM_TEXT`` once, so that what the stages build on their first articles (tables indexed from the
    dictionaries, compiled patterns, caches' first entries) is built here and shared by the workers: built in each
    worker, it cost each its own copy, and walking a whole dictionary to index it wrote to (and so copied) every
    page of the dictionary the fork server had shared. Measured on 192 BBC articles: the pages the workers copied
    from the server fell from 65 to 48 MB, each worker's memory by 13 MB. The analysis is thrown away; caches only
    memoise, so a worker's results are the same (``tests/test_workers_equal.py``)."""
    from ..records import Article

    list(pipeline.analyze_many([Article(id="warm-up", text=WARM_TEXT, title="Leaders meet in Beijing")]))


def _preload() -> None:
    global settings, pipeline
    raw = os.environ.pop(PIPELINE_ENV, None)
    if not raw:
        return
    try:
        wanted = pickle.loads(base64.b64decode(raw))  # set by this user's own parent process
        from .startup import open_pipeline

        pipeline, settings = open_pipeline(wanted), wanted
        _warm(pipeline)
    except Exception:  # the worker then opens its own pipeline and reports the error itself
        pipeline = settings = None
    gc.collect()
    gc.freeze()  # what is loaded stays shared: the workers' collections do not write to it


_preload()
