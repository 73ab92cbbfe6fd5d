"""Display forms of the text fields of API rows (issue 19, item 5): markdown, URLs, image credits and page
furniture removed (``nlp.display``). The stored fields stay as they are, so every offset still points into them;
the display fields sit beside them (``sentence_display`` beside ``sentence_text``, ``text_display`` beside a
quotation's ``text``). Only JSON answers carry them: downloads give the stored data."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from fastapi.responses import JSONResponse, Response

from ..nlp.display import clean
from .respond import json_response

EVENT_DISPLAY = {"sentence_text": "sentence_display"}
QUOTE_DISPLAY = {"text": "text_display"}
STORY_DISPLAY = {"summary": "summary_display", "title": "title_display"}
MENTION_DISPLAY = {"sentence_text": "sentence_display"}


def add_display(items: Iterable[dict[str, Any]], fields: Mapping[str, str]) -> None:
    """Add the display form of each field in ``fields`` (stored name -> display name) to every item."""
    for item in items:
        for stored, shown in fields.items():
            if stored in item:
                value = item[stored]
                item[shown] = clean(value) if isinstance(value, str) else value


def with_display(resp: Response, fields: Mapping[str, str]) -> Response:
    """A JSON page (``{"items": [...]}``) with the display fields added; any other answer as it is."""
    if not isinstance(resp, JSONResponse):  # a download (streamed CSV or JSON lines, a Parquet file)
        return resp
    body: dict[str, Any] = json.loads(bytes(resp.body))
    add_display(body.get("items", []), fields)
    return json_response(body)
