"""The analysis worker of `serve --watch` and `POST /api/ingest`: the same analyses as the pipeline in-process, from
another process; a worker that dies fails its batch with a clear error and the next batch starts a new one."""

from __future__ import annotations

import os
import signal

import pytest

from wirescope.config import Settings
from wirescope.ingest.build import build_article
from wirescope.nlp.pipeline import Pipeline
from wirescope.records import Analysis, Article
from wirescope.watch.worker import WorkerError, WorkerPipeline

TEXT = ("The Iraqi army attacked rebels near Mosul on Tuesday, the defence ministry said. Jordanian and Iraqi "
        "ministers met in Amman on Wednesday to discuss trade.")


def _article(text: str = TEXT) -> Article:
    built = build_article(text, item="t", input_format="text", raw=text, title="Mosul", published=None,
                          published_source="unknown", source="Loopback News", url=None, headline_from_text=False)
    assert isinstance(built, Article)
    return built


@pytest.mark.slow
def test_the_worker_analyses_as_the_pipeline_does_and_outlives_a_dead_worker() -> None:
    settings = Settings()
    worker = WorkerPipeline(settings)
    try:
        article = _article()
        remote = list(worker.analyze_many([article]))
        assert len(remote) == 1 and isinstance(remote[0], Analysis)
        assert os.getpid() != worker._executor().submit(os.getpid).result()  # analysed elsewhere
        local = Pipeline(settings).analyze(article)
        assert remote[0].to_json() == local.to_json()
        assert list(worker.analyze_many([])) == []

        os.kill(worker._executor().submit(os.getpid).result(), signal.SIGKILL)
        with pytest.raises(WorkerError, match="worker process died"):
            list(worker.analyze_many([article]))
        again = list(worker.analyze_many([_article(TEXT + " Talks will continue in Baghdad.")]))
        assert isinstance(again[0], Analysis) and again[0].events
    finally:
        worker.close()
