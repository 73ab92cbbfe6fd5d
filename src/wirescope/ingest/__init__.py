"""Ingestion: read files, directories, standard input, URLs and feeds into normalised ``Article`` records, and find
exact and near duplicates. ``read_inputs`` is the entry point; ``Deduplicator`` the duplicate finder."""

from __future__ import annotations

from .dedup import Deduplicator, DedupResult
from .http import HttpClient
from .language import detect_language
from .normalize import article_id, normalize_text, split_date_marker
from .sources import read_inputs
from .tabular import FieldMapping

__all__ = [
    "DedupResult",
    "Deduplicator",
    "FieldMapping",
    "HttpClient",
    "article_id",
    "detect_language",
    "normalize_text",
    "read_inputs",
    "split_date_marker",
]
