"""The quotes stage resolves speakers as the event coder resolves actors, with the same rules switched off."""

from __future__ import annotations

import pytest

from wirescope.config import Settings
from wirescope.errors import ConfigError
from wirescope.nlp.stages.quotes import QuoteStage

RULE = "actors.apposition-names-the-actor"


def test_switched_off_coding_rules_reach_the_speakers_and_the_version() -> None:
    plain = QuoteStage(Settings())
    off = QuoteStage(Settings(disabled_rules=(RULE,)))
    assert off.coding_rules.disabled == frozenset({RULE})
    assert not plain.coding_rules.disabled
    # recode --stale must see that speakers were resolved under other rules
    assert off.version != plain.version


def test_an_unknown_coding_rule_fails_at_start() -> None:
    with pytest.raises(ConfigError, match="unknown rule"):
        QuoteStage(Settings(disabled_rules=("actors.no-such-rule",)))
