"""A quotation as the extractor finds it, before speaker resolution."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """A quotation before speaker resolution: character spans, the cue and the speaker mention's token range."""

    spans: tuple[tuple[int, int], ...]
    type: str  # direct | mixed | indirect | floating | embedded | chant
    cue: tuple[int, int] | None
    cue_lemma: str | None
    cue_class: str | None
    speaker: tuple[int, int] | None  # character span of the source NP
    speaker_head: int | None  # token index of the source's head (for resolution)
    confidence: float
    sentence: int
    continues: bool = False  # continues the previous quotation's content (a floating continuation)
    trace: tuple[str, ...] = ()  # ids of the extractor's rules that made it, in order (``nlp.quotes.rules``)

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]
