"""Map the API's field names onto whatever columns the store's tables have.

The events, quotes, places and aggregate tables come from migrations owned by other parts of wirescope; the API
names each field it serves and lists the column names that may hold it, so a renamed or missing column turns into
NULL in the response instead of a server error.
"""

from __future__ import annotations

from .db import Database

# API field -> candidate column names, first match wins.
EVENT_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "event_id"),
    "article_id": ("article_id",),
    "idx": ("idx", "event_index", "index"),
    "sentence": ("sentence", "sentence_idx", "sentence_index"),
    "sentence_text": ("sentence_text", "evidence"),
    "code": ("code", "cameo", "cameo_code"),
    "root_code": ("root_code", "root"),
    "base_code": ("base_code",),
    "quad_class": ("quad_class", "quad"),
    "goldstein": ("goldstein",),
    "plover": ("plover",),
    "modality": ("modality",),
    "confidence": ("confidence",),
    "date": ("date", "event_date"),
    "date_source": ("date_source",),
    "trigger_text": ("trigger_text", "trigger"),
    "trigger_start": ("trigger_start",),
    "trigger_end": ("trigger_end",),
    "source_text": ("source_text",),
    "source_start": ("source_start",),
    "source_end": ("source_end",),
    "source_name": ("source_name", "source_actor"),
    "source_code": ("source_code",),
    "source_country": ("source_country",),
    "source_entity_id": ("source_entity_id",),
    "target_text": ("target_text",),
    "target_start": ("target_start",),
    "target_end": ("target_end",),
    "target_name": ("target_name", "target_actor"),
    "target_code": ("target_code",),
    "target_country": ("target_country",),
    "target_entity_id": ("target_entity_id",),
    "place_name": ("place_name", "place"),
    "place_text": ("place_text",),
    "geonameid": ("place_geonameid", "geonameid"),
    "lat": ("place_lat", "lat", "latitude"),
    "lon": ("place_lon", "lon", "longitude"),
    "place_country": ("place_country3", "place_country", "country3"),
    "place_source": ("place_source",),
}

QUOTE_FIELDS: dict[str, tuple[str, ...]] = {
    "article_id": ("article_id",),
    "idx": ("idx", "quote_index", "index"),
    "text": ("text", "content"),
    "type": ("type", "kind"),
    "start": ("start_char", "start"),
    "end": ("end_char", "end"),
    "sentence": ("sentence",),
    "cue_text": ("cue_text", "cue"),
    "cue_start": ("cue_start",),
    "cue_end": ("cue_end",),
    "cue_lemma": ("cue_lemma",),
    "speaker_text": ("speaker_text",),
    "speaker_start": ("speaker_start",),
    "speaker_end": ("speaker_end",),
    "speaker_name": ("speaker_name", "speaker"),
    "speaker_entity_id": ("speaker_entity_id",),
    "speaker_code": ("speaker_code",),
    "confidence": ("confidence",),
}

PLACE_FIELDS: dict[str, tuple[str, ...]] = {
    "article_id": ("article_id",),
    "text": ("text",),
    "start": ("start_char", "start"),
    "end": ("end_char", "end"),
    "name": ("name",),
    "geonameid": ("geonameid",),
    "lat": ("lat", "latitude"),
    "lon": ("lon", "longitude"),
    "feature": ("feature",),
    "country": ("country", "country2"),
    "country3": ("country3",),
    "admin1": ("admin1",),
    "confidence": ("confidence",),
    "sentence": ("sentence",),
}

TIME_FIELDS: dict[str, tuple[str, ...]] = {
    "article_id": ("article_id",),
    "text": ("text",),
    "start": ("start_char", "start"),
    "end": ("end_char", "end"),
    "value": ("value",),
    "value_end": ("value_end",),
    "granularity": ("granularity",),
    "kind": ("kind",),
}


class Columns:
    """Resolved column expressions of one table for the API's fields (``NULL`` where the table lacks one)."""

    def __init__(self, db: Database, table: str, fields: dict[str, tuple[str, ...]], alias: str = "t") -> None:
        self.table = table
        self.alias = alias
        present = set(db.columns(table))
        self.present = bool(present)
        self.date_typed = False  # set by callers that know the date column is a DATE
        self.found: dict[str, str] = {}
        for name, candidates in fields.items():
            for col in candidates:
                if col in present:
                    self.found[name] = col
                    break

    def has(self, *names: str) -> bool:
        return all(n in self.found for n in names)

    def col(self, name: str) -> str:
        """The qualified column for a field, or NULL."""
        col = self.found.get(name)
        return f'{self.alias}."{col}"' if col else "NULL"

    def select(self, names: list[str] | None = None) -> str:
        return ", ".join(f'{self.col(n)} AS "{n}"' for n in (names or list(self.found)))
