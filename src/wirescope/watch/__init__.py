"""Following sources live: ``Watcher`` polls feeds and folders and ingests what is new (see ``watcher``)."""

from __future__ import annotations

from .sources import Source, expand_sources, parse_interval
from .state import ItemState, SourceState
from .watcher import PollResult, Watcher, pause_from_env

__all__ = [
    "ItemState", "PollResult", "Source", "SourceState", "Watcher", "expand_sources", "parse_interval", "pause_from_env",
]
