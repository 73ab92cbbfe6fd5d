"""The pipeline the worker processes share: loaded once in the fork server, inherited by every worker it forks.

``WorkerPool`` starts its workers from multiprocessing's fork server, which imports this module first (its
"preload"). When ``PIPELINE_ENV`` holds the pool's settings, the module opens that pipeline here (the spaCy model,
the dictionaries, the gazetteer, each stage's prepared tables), collects the garbage and freezes what is left
(``gc.freeze``), and only then does the server fork the workers. A worker starts with the pipeline in place and
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


def _preload() -> None:
    global settings, pipeline
    raw = os.environ.pop(PIPELINE_ENV, None)
    if not raw:
        return
    try:
        wanted = pickle.loads(base64.b64decode(raw))  # set by this user's own parent process
        from .startup import open_pipeline

        pipeline, settings = open_pipeline(wanted), wanted
    except Exception:  # the worker then opens its own pipeline and reports the error itself
        pipeline = settings = None
    gc.collect()
    gc.freeze()  # what is loaded stays shared: the workers' collections do not write to it


_preload()
