"""The records of the rule registry: a ``Rule`` (id, phase, description, note) and ``RuleSet``, the switch."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ....errors import ConfigError

if TYPE_CHECKING:
    from .examples import Example

# The phases of the coder, in the order it runs them for a trigger: which words are triggers and which code they
# get (candidates), who does what to whom (arguments), which actor a phrase names (actors), how sure the text is
# that it happened (modality), which coded events are dropped (filters), and how much the evidence weighs
# (confidence).
PHASES = ("candidates", "arguments", "actors", "modality", "filters", "confidence")
# The quotation extractor's phases (its registry is ``nlp.quotes.rules``): which words open a quotation (cues),
# what they introduce (content), whether it is a statement at all (checks), who holds it (speakers), and how the
# quotations of a document are put together (merge).
QUOTE_PHASES = ("cues", "content", "checks", "speakers", "merge")


@dataclass(frozen=True, slots=True)
class Rule:
    """One named decision of the coder. ``id`` is ``area.what-it-does``; ``description`` says what the rule does,
    to which construction, and why; ``note`` says why a rule that fires on no real text is kept."""

    id: str
    phase: str
    description: str
    note: str = ""

    def __post_init__(self) -> None:
        if self.phase not in PHASES + QUOTE_PHASES:
            known = ", ".join(PHASES + QUOTE_PHASES)
            raise ConfigError(f"rule {self.id}: unknown phase {self.phase!r}; choose one of {known}")

    def examples(self) -> list[Example]:
        """The rule's examples with their stored parses and expected effects (``examples.load_examples``); a
        quotation rule's examples are ``nlp.quotes.rules.quote_examples``."""
        from .examples import load_examples

        return load_examples(self.id)


def suggest(unknown: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(unknown, known, n=3, cutoff=0.5)
    if not close:  # a word of the id is enough to find it ("place" -> "target.place-only-for-place-acts")
        words = [w for w in unknown.replace(".", "-").split("-") if len(w) > 3]
        hits = sorted(((sum(w in k for w in words), -n, k) for n, k in enumerate(known)), reverse=True)
        close = [k for score, _, k in hits if score][:3]
    return f"; did you mean {', '.join(close)}?" if close else "; `wirescope rules` lists them"


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Which rules are switched off. Built from user input with ``RuleSet.of`` (unknown ids are an error)."""

    disabled: frozenset[str] = frozenset()

    @classmethod
    def of(cls, disabled: Iterable[str], known: Sequence[str]) -> RuleSet:
        ids = tuple(disabled)
        for rule_id in ids:
            if rule_id not in known:
                raise ConfigError(f"unknown rule {rule_id!r}{suggest(rule_id, known)}")
        return cls(frozenset(ids))
