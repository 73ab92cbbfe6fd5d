"""Places for names the gazetteer cannot place by themselves, taken from the article's other places.

Two rules, applied after ranking, both marked ``reason="context"`` with a low confidence:

* **Located by the text**: an institution or site followed by ", X", "in X" or "at X" where X is a town or site
  ("Loyola University in Los Angeles", "University of California, Los Angeles", "Palais des Nations in Geneva") is at
  X. It applies to names with no reading and to names read only through a wide area inside them ("University of
  *California*" -> the state), when X lies in that area.
* **Nearest local place**: a place mention (a GPE/LOC/FAC span or a gold span: never a name only the weak evidence
  calls a place) with no reading at all is put at the nearest town or site the article names ("Anfield" in an
  article about Liverpool, a suburb or village near the city the article is about). Local news rarely leaves its
  area, so this is right far more often than leaving the mention unplaced; the record says how it was placed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..resources.gazetteer import Candidate
    from .resolve import Toponym

CONTEXT_CONFIDENCE = 0.25
_LINK = re.compile(r"^\s*(,|in|at|near)\s+(?:the\s+)?$", re.IGNORECASE)


def _local(c: Candidate | None) -> bool:
    return c is not None and (c.fclass in ("P", "S") or c.fcode == "ADM2")


def context_places(toponyms: Sequence[Toponym], text: str | None, groups: Mapping[str, list[int]],
                   picks: Mapping[str, Candidate | None], reasons: Mapping[str, str],
                   uncertain: AbstractSet[str], generic: AbstractSet[str] = frozenset()) -> dict[str, Candidate]:
    """Name key -> the place the context gives it, for the keys the two rules apply to."""
    key_of = {i: k for k, idx in groups.items() for i in idx}
    order = sorted(range(len(toponyms)), key=lambda i: toponyms[i].start)
    out: dict[str, Candidate] = {}
    if text:
        for a, b in pairwise(order):
            key, other = key_of[a], key_of[b]
            pick, there = picks.get(key), picks.get(other)
            if key in out or key in uncertain or other in uncertain or not _local(there) or there is None:
                continue
            wide = pick is not None and reasons.get(key) == "embedded" and pick.fclass in ("A", "L", "H")
            if not (pick is None and reasons.get(key) == "no-match") and not wide:
                continue
            link = _LINK.match(text[toponyms[a].end:toponyms[b].start])
            # The comma form only after a name of several words ("University of California, Los Angeles"): after
            # one word it is as often a clause boundary ("Beyond Madinaty, Liverpool have...").
            if link and (link.group(1) != "," or " " in key):
                out[key] = there
    local = [(toponyms[i].start, picks[key_of[i]], key_of[i]) for i in order
             if key_of[i] not in uncertain and _local(picks.get(key_of[i]))]
    if not local:
        return out
    # The article's main country among its local places: a name it cannot place lies there rather than abroad.
    # The article's main country, counting every mention of a place (countries and demonyms too, "Egypt",
    # "Egyptian"): a name it cannot place lies there rather than abroad.
    countries = Counter(c.country for i in order if key_of[i] not in uncertain and (c := picks.get(key_of[i]))
                        is not None and c.fclass in ("A", "P", "S") and c.country)
    focus = countries.most_common(1)[0][0] if countries else None
    for key, idx in groups.items():
        if key in out or key in uncertain or picks.get(key) is not None or reasons.get(key) != "no-match":
            continue
        if key.endswith("#norp") or all(toponyms[i].label == "NORP" for i in idx):
            continue  # a nationality says nothing about where
        if key in generic:
            continue  # "the West", "Western countries": a direction, not a site near the others
        others = [(start, c) for start, c, k in local if k != key and c is not None]
        at_home = [(start, c) for start, c in others if c.country == focus]
        others = at_home or others
        if not others:
            continue
        # Among the local places in the main country (if any), each mention votes for the one nearest to it (the one
        # before it on a tie); most votes wins, then the earliest.
        votes: Counter[int] = Counter()
        for i in idx:
            s = toponyms[i].start
            votes[min(range(len(others)), key=lambda j: (abs(others[j][0] - s), others[j][0] > s))] += 1
        best = max(votes, key=lambda j: (votes[j], -j))
        nearest = others[best][1]
        if nearest is not None:
            out[key] = nearest
    return out

