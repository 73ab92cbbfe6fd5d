"""The coder's output record (``Coding``: one event in a parsed doc, before it becomes a ``records.Event``), its
trace and its confidence.

**Confidence** is an additive evidence score in [0, 1]: 0.3 for a dictionary verb (0.2 when the code was inferred
from an event noun or the verb's dominant pattern root), +0.2 when a specific pattern
(not only the verb's default) matched as written (a ``{ }`` phrase matched with words inside it does not earn
it), +0.2 when the source is the trigger's own syntactic subject (+0.1 when it
is inherited or found in a prepositional phrase), +0.2 when the target is its own object or passive subject (+0.1
when found deeper), +0.1 when both actors come from the actor dictionary (not a bare role noun), -0.1 when the
trigger is not the sentence's main predicate (an embedded clause rests on a longer, less reliable parse path),
-0.1 for an inferred event (the converse of a paired code ``[042:043]``, or the code a negation amounts to);
halved for a hypothetical or negated event (a negation that the dictionaries' PICO ontology turns into a code of
its own, "did not clash" -> 050, is asserted). It is meant as a ranking: events at or above 0.7 should be right more
often than those below; ``wirescope eval events`` prints the precision per band on the gold sets to check this.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .context import DocContext
from .patterns import PatternMatch
from .phrase_actors import ActorRef


@dataclass(frozen=True, slots=True)
class Coding:
    """One coded event in a parsed doc (token indexes), before it becomes a ``records.Event``."""

    sentence: int
    trigger: int
    trigger_end: int
    code: str  # the dictionary's code (may be a non-CAMEO extension such as "1959")
    source: ActorRef
    target: ActorRef | None
    modality: str
    confidence: float
    pattern: str | None
    trace: tuple[str, ...] = ()  # ids of the rules that made or changed the event, in order
    entries: tuple[str, ...] = ()  # ids of the dictionary entries used (``context.entry_id``)


def traced(ctx: DocContext, source: ActorRef, target: ActorRef | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The trace of an event: the rules fired for its trigger and the entries used, its actors' included."""
    rules, entries = ctx.snapshot()
    actors = [ctx.named("actor", ref.name) for ref in (source, target) if ref is not None and ref.name]
    return rules, tuple(dict.fromkeys((*entries, *actors)))


def confidence(match: PatternMatch, src: ActorRef, tgt: ActorRef | None, how: tuple[bool, bool, str],
               ctx: DocContext) -> float:
    """The additive evidence score of an event (see the module docstring); ``how`` is (main clause, inferred,
    modality)."""
    main, inferred, mod = how
    conf = (0.2 if match.inferred else 0.3) + (0.2 if match.pattern is not None and not match.loose else 0.0)
    conf += 0.2 if src.direct else 0.1
    conf += (0.2 if tgt.direct else 0.1) if tgt is not None else 0.0
    if tgt is not None and not (src.code or "").startswith("---") and not (tgt.code or "").startswith("---"):
        conf += 0.1
    if not main and ctx.fire("confidence.embedded-clause-is-weaker"):
        conf -= 0.1
    # the converse of a paired code, or the code a negation amounts to: a dictionary inference
    if inferred and ctx.fire("confidence.inferred-event-is-weaker"):
        conf -= 0.1
    if mod in ("hypothetical", "negated") and ctx.fire("confidence.uncertain-event-is-halved"):
        conf /= 2
    return round(min(conf, 1.0), 2)


def unique(codings: Iterable[Coding]) -> list[Coding]:
    """The codings with one per (sentence, source code, target code, code), the first kept."""
    seen: set[tuple[int, str | None, str | None, str]] = set()
    out = []
    for c in codings:
        key = (c.sentence, c.source.code, c.target.code if c.target else None, c.code)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
