"""The registration of the event coder's rules, in the order the coder meets them for a trigger: one module per
phase in ``phases/`` (candidates, sources, targets, actors, modality, filters, confidence), joined here in that order.

A rule is a decision of the coder that creates or drops an event or changes its code, source, target, modality or
confidence, together with the conditions that guard it; dictionary lookups (verb patterns, actor entries) are data,
not rules. The code of a rule calls ``DocContext.fire(RULE_ID)`` as the last test of its condition: that records
the rule in the event's trace and returns False when the rule is switched off (``--disable-rule``), so the coder
goes on as if the condition did not hold.

Each rule's examples (at least three positive sentences from different texts and one negative, each with its
expected effect) are reviewable parses in ``wirescope/data/coding/examples/<rule id>.conllu``; see
``examples.py`` and docs/events.md, "How to add a rule".

Order: candidates (which tokens are triggers and which code they get), arguments (source, then target), actors
(which actor a phrase names), modality (strongest first, the first that decides wins), filters (which events are
dropped), confidence.
"""

from __future__ import annotations

from .base import PHASES, Rule, RuleSet
from .phases.actors import ACTORS
from .phases.candidates import CANDIDATES
from .phases.confidence import CONFIDENCE
from .phases.filters import FILTERS
from .phases.modality import MODALITY
from .phases.sources import SOURCES
from .phases.targets import TARGETS

__all__ = ["PHASES", "RULES", "Rule", "RuleSet", "check_rule_ids", "rule", "rule_ids"]


RULES: tuple[Rule, ...] = CANDIDATES + SOURCES + TARGETS + ACTORS + MODALITY + FILTERS + CONFIDENCE

_BY_ID = {r.id: r for r in RULES}


def rule_ids() -> tuple[str, ...]:
    """Every rule id, in registration order."""
    return tuple(_BY_ID)


def rule(rule_id: str) -> Rule:
    """The rule of an id (an unknown id is an error that suggests close ones)."""
    check_rule_ids([rule_id])
    return _BY_ID[rule_id]


def check_rule_ids(ids: object) -> RuleSet:
    """A ``RuleSet`` switching off ``ids``; an unknown id raises ``ConfigError`` naming the closest ids."""
    return RuleSet.of(ids, rule_ids())  # type: ignore[arg-type]
