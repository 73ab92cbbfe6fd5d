"""Nested and overlapping attributions: the outermost wins (PolNeAR keeps one attribution per stretch of text)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .found import FoundQuote
from .spans import overlaps


def drop_nested(found: list[FoundQuote], fire: Callable[[str], bool]) -> list[FoundQuote]:
    """Keep outermost attributions: drop one whose cue lies in another's content, then any that overlaps a kept one.
    The winner of a nested pair carries ``quotes.outermost-attribution-wins`` in its trace."""
    def inside(q: FoundQuote, other: FoundQuote) -> bool:
        return q.cue is not None and any(a <= q.cue[0] and q.cue[1] <= b for a, b in other.spans)

    drop: set[int] = set()
    won: set[int] = set()
    for q in found:
        for o in found:
            if o is q or not inside(q, o) or not fire("quotes.outermost-attribution-wins"):
                continue
            # a quotation with its cue right next to it ("“…” she said") beats a reported clause that swallowed
            # its cue through a misparse; otherwise the outer attribution wins
            # … and the cue of a catenative chain ("appeared to suggest") beats its first verb ("appeared")
            catenative = q.cue is not None and o.cue is not None and q.cue[0] <= o.cue[0] and o.cue[1] <= q.cue[1]
            loser, winner = (o, q) if (q.type == "direct" and o.type == "indirect") or catenative else (q, o)
            drop.add(id(loser))
            won.add(id(winner))
    rule = ("quotes.outermost-attribution-wins",)
    outer = [replace(q, trace=q.trace + rule) if id(q) in won else q for q in found if id(q) not in drop]
    outer.sort(key=lambda q: -(q.end - q.start))
    kept: list[FoundQuote] = []
    for q in outer:
        if any(overlaps((a, b), (c, d)) for a, b in q.spans for k in kept for c, d in k.spans):
            continue
        kept.append(q)
    return kept
