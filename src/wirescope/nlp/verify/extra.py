"""Article-level features of a coded event for the verifier: how central the event's actors are to the article.

The gold codes what an article reports, and an article reports about a few actors: an event between the countries
the article keeps coming back to is more often real than one whose source is a country named once in passing (a
dateline, a venue, a comparison). ``features.py`` looks at one event and its sentence; this module looks at all the
events and entities of the article, computed once per article from the records the events stage made (no parse).

Kept apart from ``features.py`` so that the per-event features can be optimised without touching these; the model
file records both versions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...records import Entity, Event

# Bumped whenever a feature here changes meaning (the model file records it, like FEATURES_VERSION).
EXTRA_VERSION = "1"
Features = dict[str, float]
_LEAD = 2  # sentences 0..2: the headline and the lead
# every feature name this module makes (the training script's --without-extra ablation drops them)
NAMES = frozenset({"art_events", "dyad_elsewhere", "root_elsewhere", "off_topic", "dyad_top2",
                   *(f"{side}_{name}" for side in ("src", "tgt") for name in (
                       "salience", "top_country", "in_lead", "mentions", "code_share"))})


@dataclass(frozen=True, slots=True)
class ArticleActors:
    """The article's actors as its events and entities show them."""

    countries: Counter[str]  # country -> events naming it as source or target
    top: str | None  # the most named country (None when no event names one)
    lead: frozenset[str]  # countries of the events in the headline and lead
    dyads: Counter[tuple[str, str]]  # (source country, target country) -> sentences coding that dyad
    mentions: dict[str, int]  # entity id -> mentions in the article
    events: int
    codes: Counter[str]  # actor code ("USAGOV") -> events naming it as source or target
    roots: Counter[str]  # CAMEO root -> sentences coding it (the story's main act is often retold)
    top2: frozenset[str]  # the two most named countries (ties broken by name)


def article_actors(events: Sequence[Event], entities: Sequence[Entity] = ()) -> ArticleActors:
    countries: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    lead: set[str] = set()
    dyad_sentences: dict[tuple[str, str], set[int]] = {}
    root_sentences: dict[str, set[int]] = {}
    for e in events:
        codes.update({a.code for a in (e.source, e.target) if a is not None and a.code and a.code[:3] != "---"})
        root_sentences.setdefault(e.root_code, set()).update((e.sentence, *e.mentions))
        named = [a.country for a in (e.source, e.target) if a is not None and a.country]
        countries.update(set(named))
        if e.sentence <= _LEAD:
            lead.update(named)
        if len(named) == 2 and e.source is not None and e.target is not None:
            key = (e.source.country or "", e.target.country or "")
            dyad_sentences.setdefault(key, set()).add(e.sentence)
    ranked = sorted(sorted(countries), key=lambda c: -countries[c])  # most named first, ties by name
    return ArticleActors(countries, ranked[0] if ranked else None, frozenset(lead),
                         Counter({k: len(v) for k, v in dyad_sentences.items()}),
                         {ent.id: len(ent.mentions) for ent in entities}, len(events), codes,
                         Counter({k: len(v) for k, v in root_sentences.items()}), frozenset(ranked[:2]))


def extra_features(event: Event, view: ArticleActors) -> Features:
    """The article-level features of one event of the article ``view`` was made from."""
    f: Features = {"art_events": min(view.events, 30) / 30}
    for prefix, actor in (("src", event.source), ("tgt", event.target)):
        if actor is None:
            continue
        if actor.country:
            share = view.countries[actor.country] / view.events if view.events else 0.0
            f[prefix + "_salience"] = min(share, 1.0)
            if actor.country == view.top:
                f[prefix + "_top_country"] = 1.0
            if actor.country in view.lead:
                f[prefix + "_in_lead"] = 1.0
        if actor.entity_id:
            f[prefix + "_mentions"] = min(view.mentions.get(actor.entity_id, 0), 10) / 10
        if actor.code and view.events and actor.code in view.codes:
            # the actor itself, not only its country: "USAGOV" acting through the article, "USACVL" named once
            f[prefix + "_code_share"] = view.codes[actor.code] / view.events
    src, tgt = event.source, event.target
    if src is not None and tgt is not None and src.country and tgt.country:
        dyad = (src.country, tgt.country)
        f["dyad_elsewhere"] = 1.0 if view.dyads[dyad] > 1 else 0.0  # coded in another sentence too
        if {src.country, tgt.country} <= view.top2:
            f["dyad_top2"] = 1.0  # between the countries the article is about
    countries = {a.country for a in (src, tgt) if a is not None and a.country}
    if countries and view.top2 and not countries & view.top2:
        f["off_topic"] = 1.0  # neither side is a country the article keeps coming back to
    # the same act in another sentence, whoever the coder found as its actors there
    f["root_elsewhere"] = 1.0 if view.roots[event.root_code] > 1 else 0.0
    return f
