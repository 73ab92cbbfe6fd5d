"""Language identification with py3langid (offline, bundled model)."""

from __future__ import annotations

import functools
import re
from typing import Any

# Below this many letters the identifier guesses more than it knows.
MIN_LETTERS = 20
# A longer text adds little certainty and costs time (identification cost grows with length).
SAMPLE_CHARS = 1500
# Normalised probability under which the answer is treated as unknown.
MIN_PROBABILITY = 0.5
_ENOUGH_LETTERS = re.compile(r"(?:[^\W\d_][\W\d_]*){" + str(MIN_LETTERS) + "}")


@functools.cache
def _identifier() -> Any:
    # Loaded on first use, not at import: the model takes a moment to unpickle.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the text is too short or the guess is unsure."""
    sample = text[:SAMPLE_CHARS]
    if not _ENOUGH_LETTERS.search(sample):
        return None
    lang, prob = _identifier().classify(sample)
    return str(lang) if float(prob) >= MIN_PROBABILITY else None
