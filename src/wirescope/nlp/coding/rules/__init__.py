"""The event coder's rules by name: the registry (``registry.RULES``, in the order they are documented), the
switch that turns rules off (``RuleSet``), and each rule's examples as reviewable parses (``examples``)."""

from __future__ import annotations

from .registry import PHASES, RULES, Rule, RuleSet, check_rule_ids, rule, rule_ids

__all__ = ["PHASES", "RULES", "Rule", "RuleSet", "check_rule_ids", "rule", "rule_ids"]
