"""A story's description in words: its title sentence, its extractive summary and its most named names. Pure
functions of the members' texts and the story's weighted key terms (:meth:`StoryClusterer.stories` gives them)."""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Iterable

from .text import l2_normalise, sublinear, terms

# Both separators begin with a space (the first ``(?=\s)``: the same matches, but the scan leaves a position at
# once instead of trying both look-behinds there: 2-3x faster).
_SENT_SPLIT = re.compile(r"(?=\s)(?:(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘']?[A-Z0-9])|\n+)")
_SUMMARY_LEAD = 8  # a member's first sentences a summary takes from


def summary(texts: Iterable[str], centre: dict[str, float], sentences: int) -> str:
    """Extractive: the lead sentences of member articles that best match the story's key terms (``centre``, term ->
    weight), deduplicated; at most ``sentences`` of them."""
    scored: list[tuple[float, str, list[str]]] = []
    for text in texts:
        for pos, sent in enumerate(split_sentences(text, _SUMMARY_LEAD)):
            sent = sent.lstrip("> #*-").strip()
            # Markup and link residue (reposted markdown, captions with URLs) makes poor summary sentences;
            # these tests come first, as they are cheaper than tokenising.
            if len(sent) > 400 or "http" in sent or "](" in sent or "![" in sent:
                continue
            toks = terms(sent)
            if len(toks) < 5:
                continue
            vec = l2_normalise(sublinear(Counter(toks)))
            score = sum(v * centre.get(k, 0.0) for k, v in vec.items()) / (1.0 + 0.1 * pos)
            scored.append((score, sent, toks))
    scored.sort(key=lambda x: -x[0])
    chosen: list[str] = []
    seen: list[set[str]] = []
    for _, sent, toks in scored:
        words = set(toks)
        if any(len(words & other) / max(1, len(words | other)) > 0.5 for other in seen):
            continue
        chosen.append(sent)
        seen.append(words)
        if len(chosen) >= sentences:
            break
    return " ".join(chosen)


def most_common(counts: Counter[str], n: int) -> tuple[str, ...]:
    """The ``n`` most frequent names, ties by name (not by the order they were counted in)."""
    return tuple(k for k, _ in heapq.nsmallest(n, counts.items(), key=lambda kv: (-kv[1], kv[0])))


def split_sentences(text: str, limit: int | None = None) -> list[str]:
    """The text's sentences (the pieces between separators, stripped, empty ones left out); with ``limit``, the
    first ``limit`` of them, the text scanned only as far as they go."""
    out: list[str] = []
    start = 0
    for sep in _SENT_SPLIT.finditer(text):
        if piece := text[start:sep.start()].strip():
            out.append(piece)
            if len(out) == limit:
                return out
        start = sep.end()
    if piece := text[start:].strip():
        out.append(piece)
    return out


def first_sentence(text: str) -> str:
    sents = split_sentences(text)
    return sents[0][:200] if sents else ""
