"""Language identification with py3langid (offline, bundled model)."""

from __future__ import annotations

import functools
from typing import Any

# Below this many letters the identifier guesses more than it knows.
MIN_LETTERS = 20
# A longer text adds little certainty and costs time.
SAMPLE_CHARS = 4000
# Normalised probability under which the answer is treated as unknown.
MIN_PROBABILITY = 0.5


@functools.cache
def _identifier() -> Any:
    # Loaded on first use, not at import: the model takes a moment to unpickle.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the text is too short or the guess is unsure."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    lang, prob = _identifier().classify(sample)
    return str(lang) if float(prob) >= MIN_PROBABILITY else None
