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

    from .actor_matching import Match

RULE = "actors.envoy-is-of-the-country-sending-them"
ORGANISATION_FIRST = "actors.organisation-named-before-the-posting-sends-the-envoy"
# "the US Iran envoy", "America's Syria envoy": of two countries before the envoy word the first sends
COUNTRY_FIRST = "actors.country-named-before-the-posting-sends-the-envoy"
# Diplomats and diplomatic bodies (title_words.tsv, envoy): "ambassador", "envoy", "mission", "delegation" ...
ENVOY_WORDS = words("title_words", "envoy")
# Of these, the words that name a diplomat by themselves (title_words.tsv, diplomat); the others ("mission",
# "delegation", "delegate", "representative") are a state's only when serving with an organisation or sent to a
# country ("China's U.N. mission", "Iran's mission to the United Nations"), not "a Chinese Olympic delegation",
# "a British sales representative", "India's space mission".
DIPLOMAT_WORDS = words("title_words", "diplomat")
# International organisations a mission is sent to (title_words.tsv, posting-body): "mission to the United Nations".
POSTING_BODIES = words("title_words", "posting-body")


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
    if not countries:
        return base, agents
    organisation = next((m for m in actors if _igo(m.code) and m.end <= countries[0].start), None)
    if organisation is not None:
        # "the UN Syria special envoy", "the U.N.'s Yemen envoy": the organisation sends, the country is the posting
        if base is countries[0] and fire(ORGANISATION_FIRST):
            return organisation, agents
        return base, agents
    country = countries[0]
    if _posting_named_after(base, countries, toks) and fire(COUNTRY_FIRST):
        base = country  # "the US Iran envoy": the US's envoy for Iran
    elif envoy.lemma_.lower() not in DIPLOMAT_WORDS and not _posted(actors, envoy, countries[0]):
        return base, agents
    already = base is country and any(a.code == "GOV" for a in agents)
    if already or not (base is country or _igo(base.code)) or not fire(RULE):
        return base, agents
    from .actor_matching import Match  # actors.py calls this module: imported when first used

    gov = Match(envoy.i, envoy.i + 1, "GOV", envoy.text.upper())
    return country, [a for a in agents if not _igo(a.code)] + [gov]


def _posting_named_after(base: Match, countries: Sequence[Match], toks: Sequence[Token]) -> bool:
    """Two countries before the envoy word, the base the later one and nothing coordinating them ("the US Iran
    envoy", "America's Syria envoy", "the US Afghanistan peace envoy"; not "the US and Iranian envoys"): the first
    is the one sending, the later the posting, as with an organisation first (``ORGANISATION_FIRST``)."""
    if len(countries) < 2 or base is countries[0] or not any(base is m for m in countries[1:]):
        return False
    between = [t for t in toks if countries[0].end <= t.i < base.start]
    return not any(t.dep_ in ("cc", "conj") or t.lower_ in ("and", "or", ",", "-", "–") for t in between)


def _posted(actors: Sequence[Match], envoy: Token, country: Match) -> bool:
    """The envoy serves with an organisation named in the phrase ("China's U.N. mission") or is sent to an
    organisation or another country ("mission to the United Nations", "delegation at the OSCE", "delegation to
    Iran"; not "to the moon", "delegates at the Labour conference")."""
    if any(_igo(m.code) for m in actors):
        return True
    places = [o for p in envoy.children if p.dep_ == "prep" and p.lower_ in ("to", "at") for o in p.children
              if o.dep_ == "pobj"]
    return any(_posting(o, country.code) for o in places)


def _posting(tok: Token, sender: str | None) -> bool:
    from .actor_fallbacks import country_names

    name = " ".join(t.lower_ for t in tok.subtree if t.dep_ == "compound" or t is tok)
    return name in POSTING_BODIES or country_names().get(name, sender) != sender


def _bare(code: str | None) -> bool:
    from .actor_codes import split_code

    country, roles = split_code(code)
    return country is not None and not roles and len(code or "") == 3


def _igo(code: str | None) -> bool:
    return (code or "").startswith("IGO")
