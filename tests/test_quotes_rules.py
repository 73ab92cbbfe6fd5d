"""The quotation extractor's rule registry (``nlp.quotes.rules``), tested the way the event coder's is: every rule's
examples give the expected quotations with the rule on, fire exactly on the positive ones, and a positive one changes
with the rule off; the registry and the code name the same rules; the trace reaches the Quote record."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from wirescope.errors import ConfigError
from wirescope.nlp.quotes.rules import (
    QUOTE_RULES,
    check_quote_rule_ids,
    parse_quote_examples,
    quote_examples,
    quote_rule_ids,
    run_quote_example,
)

QUOTES = Path(__file__).resolve().parents[1] / "src" / "wirescope" / "nlp" / "quotes"

# Rules without examples, each with the reason; the list only shrinks (the test fails once a listed rule has some).
WITHOUT_EXAMPLES: dict[str, str] = {}
# Rules whose examples give the same quotations with the rule off: another path reaches the same result (the
# quotation beside the cue is also the parse's content, a later cue's quotation replaces the cut one, the nested
# attribution is also removed as an overlap, the governing verb's subject is found by the plain subject walk).
MASKED = {
    "quotes.quotation-beside-the-cue", "quotes.participle-starts-its-own-quotation",
    "quotes.participle-inherits-the-speaker", "quotes.outermost-attribution-wins",
}
# Rules that stop a quotation from being made: they count as fired but leave no quotation to carry them (a reduced
# passive without a by-agent leaves the quotation with nobody saying it, which the checks then drop).
DROPPING = {"quotes.naming-is-not-a-cue", "quotes.so-called-marks-scare-quotes",
            "quotes.reported-speech-needs-a-speaker", "quotes.object-is-no-content",
            "quotes.reduced-passive-has-no-speaker"}

EXAMPLES = [ex for r in QUOTE_RULES for ex in quote_examples(r.id)]


def test_every_rule_has_examples_or_a_reason() -> None:
    for r in QUOTE_RULES:
        examples = quote_examples(r.id)
        if r.id in WITHOUT_EXAMPLES:
            assert not examples, f"{r.id} has examples now: remove it from WITHOUT_EXAMPLES"
            continue
        assert any(e.positive for e in examples), f"{r.id}: no positive example"
        assert any(not e.positive for e in examples), f"{r.id}: no negative example"


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.rule}#{e.number}" for e in EXAMPLES])
def test_example_gives_its_quotations_with_the_rule_on(example: Any, nlp: Any) -> None:
    effect, fired, traced = run_quote_example(example, nlp)
    assert effect == example.expect, example.text
    assert fired == example.positive, example.text
    if example.positive and example.rule not in DROPPING:
        assert traced, f"{example.rule} fired but no quotation carries it: {example.text}"


@pytest.mark.parametrize("rule_id", [r.id for r in QUOTE_RULES if r.id not in WITHOUT_EXAMPLES])
def test_switching_the_rule_off_changes_an_example(rule_id: str, nlp: Any) -> None:
    examples = quote_examples(rule_id)
    for negative in (e for e in examples if not e.positive):
        assert run_quote_example(negative, nlp, [rule_id])[0] == negative.expect, negative.text
    changed = [e.text for e in examples if e.positive and run_quote_example(e, nlp, [rule_id])[0] != e.expect]
    if rule_id in MASKED:
        assert not changed, f"{rule_id} is no longer masked on {changed}: remove it from MASKED"
    else:
        assert changed, f"no example of {rule_id} changes when it is switched off"


def test_registry_and_code_name_the_same_rules() -> None:
    ids = set(quote_rule_ids())
    assert len(ids) == len(QUOTE_RULES)
    pattern = re.compile(r"\"((?:quotes|speaker)\.[a-z-]+)\"")
    # the extractor's modules (its mixins and nesting) and the speaker resolver's; the registry itself is not one
    code = [p for p in QUOTES.glob("*.py") if p.name != "rules.py"]
    used = {m for p in code for m in pattern.findall(p.read_text(encoding="utf-8"))}
    assert used == ids, (used - ids, ids - used)


def test_unknown_rule_ids_are_errors_that_suggest_close_ones() -> None:
    assert check_quote_rule_ids(["quotes.chant-noun"]).disabled == {"quotes.chant-noun"}
    with pytest.raises(ConfigError, match=r"did you mean .*quotes\.chant-noun"):
        check_quote_rule_ids(["quotes.chant-nouns"])
    from wirescope import Settings
    from wirescope.nlp.stages.quotes import QuoteStage

    with pytest.raises(ConfigError, match=r"quotes\.speaker-labels"):
        QuoteStage(Settings(disabled_quote_rules=("quotes.speaker-labels",)))


def test_a_malformed_example_file_names_the_block() -> None:
    with pytest.raises(ConfigError, match="block 1"):
        list(parse_quote_examples("quotes.x", "# kind = positive\n# text = A."))


def test_the_trace_reaches_the_quote_record_and_a_switched_off_rule_is_out(nlp: Any) -> None:
    from wirescope import Settings, article_from_text
    from wirescope.nlp.pipeline import Pipeline

    text = "“We will win,” the coach said. “Nobody can stop us.”"
    on = Pipeline(Settings(stages=("entities", "quotes")), nlp=nlp).analyze(article_from_text(text)).quotes
    first = ("quotes.quotation-beside-the-cue", "quotes.cue-word")
    assert [q.trace for q in on] == [first, (*first, "quotes.floating-continuation")]
    off = Pipeline(Settings(stages=("entities", "quotes"), disabled_quote_rules=("quotes.floating-continuation",)),
                   nlp=nlp).analyze(article_from_text(text)).quotes
    assert [q.type for q in off] == ["direct"]


def test_disable_rule_on_the_command_line_reaches_quotation_rules() -> None:
    from wirescope.cli.rules import with_disabled
    from wirescope.config import Settings

    settings = with_disabled(Settings(), ["quotes.according-to", "candidates.naming-is-not-calling"])
    assert settings.disabled_quote_rules == ("quotes.according-to",)
    assert settings.disabled_rules == ("candidates.naming-is-not-calling",)
