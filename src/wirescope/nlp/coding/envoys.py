"""A country's envoy to an international organisation is that country's government, not the organisation.

"China's U.N. ambassador Zhang Jun", "Russia's UN envoy Vassily Nebenzia", "Iran's mission to the United Nations",
"the Chinese U.N. mission": the dictionaries match both the country and the organisation, and the phrase's base
actor was the organisation (IGOUNO), so a country's diplomat speaking at the UN was coded as the UN. A diplomat or
diplomatic body named after a country (possessor or modifier before it) is sent BY that country; the organisation
named after the country is where it serves ("to the United Nations", or the modifier "U.N."). The country's
government (GOV) is the actor, as docs/events-gold.md codes diplomats and embassies. Not when the organisation
comes first: "the UN's envoy to Syria", "the EU ambassador to China" are the organisation's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .actors import Match

RULE = "actors.envoy-is-of-the-country-sending-them"
# Diplomats and diplomatic bodies (title_words.tsv, envoy): "ambassador", "envoy", "mission", "delegation" ...
ENVOY_WORDS = words("title_words", "envoy")


def sending_country(base: Match | None, agents: list[Match], phrase: tuple[Sequence[Match], Sequence[Token]],
                    fire: Callable[[str], bool], *, enabled: bool = True) -> tuple[Match | None, list[Match]]:
    """(base, agents) of a phrase (its actor matches and tokens) naming a country's envoy: the country with the
    government role, when the phrase names a country before its envoy word and no organisation before the
    country; else as given. ``enabled``: the bundled (production) dictionaries only."""
    actors, toks = phrase
    envoy = next((t for t in toks if t.lemma_.lower() in ENVOY_WORDS), None) if enabled else None
    if envoy is None or base is None:
        return base, agents
    countries = [m for m in actors if m.end <= envoy.i and _bare(m.code)]
    if not countries or any(_igo(m.code) and m.start < countries[0].start for m in actors):
        return base, agents
    country = countries[0]
    already = base is country and any(a.code == "GOV" for a in agents)
    if already or not (base is country or _igo(base.code)) or not fire(RULE):
        return base, agents
    from .actors import Match  # actors.py calls this module: imported when first used

    return country, [Match(envoy.i, envoy.i + 1, "GOV", envoy.text.upper())]


def _bare(code: str | None) -> bool:
    from .actors import split_code

    country, roles = split_code(code)
    return country is not None and not roles and len(code or "") == 3


def _igo(code: str | None) -> bool:
    return (code or "").startswith("IGO")
