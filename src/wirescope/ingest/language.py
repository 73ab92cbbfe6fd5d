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
# py3langid calls short English texts about West Africa Nigerian Pidgin ("pcm"): "Ghana criticized Nigeria.",
# "Nigerian police arrested 30 protesters in Lagos on Monday." (0.66, 0.88), so a headline, feed snippet or post
# about the region was skipped as not English. Its evidence there is the place names, which both languages share;
# what sets Pidgin apart is its grammar words, which no English sentence uses: the progressive and locative "dey",
# the relative "wey", the copula "na", the plural "dem", "una" (you all), "wetin" (what), and the spellings "di"
# (the), "dis", "dat", "dia" (their), "im" (he, his) of BBC Pidgin's style. A "pcm" guess without any of them
# (lower case: "Di Maio", "Dem." are names and abbreviations) is English.
PIDGIN_WORDS = frozenset({"dey", "wey", "na", "dem", "una", "wetin", "di", "dis", "dat", "dia", "im", "pikin", "sabi",
                          "abeg", "comot", "wahala", "sef"})
_WORD = re.compile(r"[a-z]+")


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
    if lang == "pcm" and PIDGIN_WORDS.isdisjoint(_WORD.findall(sample)):
        return "en"
    return str(lang) if float(prob) >= MIN_PROBABILITY else None
