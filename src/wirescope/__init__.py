"""wirescope: news event intelligence — events, quotations, places and stories from news articles.

The public API::

    import wirescope
    analysis = wirescope.analyze(text, published="2020-01-03", title=None)

``analyze`` builds a default ``Pipeline`` (loading the spaCy model) on each call; to analyse many texts build a
``Pipeline`` once and call ``Pipeline.analyze`` or ``analyze_many``. To fill a store, ``ingest(paths, store)`` reads
files, folders and URLs; ``ingest_articles(articles, store)`` takes ``Article`` records built in memory.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

# The package wirescope.ingest first, then the function: importing a package sets it as an attribute of its parent,
# so a first import of wirescope.ingest after this module would replace the function ``ingest`` with the package.
from . import ingest as _ingest_package  # noqa: F401
from .__about__ import __version__
from .config import Settings
from .errors import WirescopeError
from .records import Analysis, Article, Entity, Event, Mention, Place, Quote, Sentence, TimeRef
from .runners.local import ingest, ingest_articles

if TYPE_CHECKING:
    from .nlp.pipeline import Pipeline
    from .store import Store

__all__ = [
    "Analysis", "Article", "Entity", "Event", "Mention", "Pipeline", "Place", "Quote", "Sentence", "Settings",
    "Store", "TimeRef", "WirescopeError", "__version__", "analyze", "article_from_text", "ingest", "ingest_articles",
]


def article_from_text(
    text: str, *, published: date | str | None = None, title: str | None = None, source: str | None = None
) -> Article:
    """An Article from raw text, normalised and dated the way plain-text ingestion does it.

    Without ``title`` the first line is the headline when it looks like one (short, with text after it); without
    ``published`` a leading date marker is used.
    """
    from .errors import InputError
    from .ingest.build import build_article
    from .records import Failure

    day = date.fromisoformat(published) if isinstance(published, str) else published
    built = build_article(
        text, item="<text>", input_format="text", raw=text, title=title, published=day,
        published_source="metadata" if day else "unknown", source=source, headline_from_text=title is None,
    )
    if isinstance(built, Failure):
        raise InputError(built.item, built.reason)
    return built


def analyze(
    text: str,
    published: date | str | None = None,
    title: str | None = None,
    *,
    settings: Settings | None = None,
) -> Analysis:
    """Analyse one article's text and return its typed records (no store involved)."""
    from .nlp.pipeline import Pipeline

    return Pipeline(settings).analyze(article_from_text(text, published=published, title=title))


def __getattr__(name: str) -> object:
    # Pipeline and Store import heavy modules; load them on first use, not at import.
    if name == "Pipeline":
        from .nlp.pipeline import Pipeline

        return Pipeline
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(f"module 'wirescope' has no attribute {name!r}")
