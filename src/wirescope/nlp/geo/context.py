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
_LINK = re.compile(r"^\s*(?:,|in|at|near)\s+(?:the\s+)?$", re.IGNORECASE)


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
            if _LINK.match(text[toponyms[a].end:toponyms[b].start]):
                out[key] = there
    local = [(toponyms[i].start, picks[key_of[i]], key_of[i]) for i in order
             if key_of[i] not in uncertain and _local(picks.get(key_of[i]))]
    if not local:
        return out
    # The article's main country among its local places: a name it cannot place lies there rather than abroad.
    countries = Counter(c.country for _, c, _ in local if c is not None)
    focus = countries.most_common(1)[0][0] if countries.most_common(1)[0][1] * 2 > len(local) else None
    for key, idx in groups.items():
        if key in out or key in uncertain or picks.get(key) is not None or reasons.get(key) != "no-match":
            continue
        if key.endswith("#norp") or all(toponyms[i].label == "NORP" for i in idx):
            continue  # a nationality says nothing about where
        if key in generic:
            continue  # "the West", "Western countries": a direction, not a site near the others
        starts = [toponyms[i].start for i in idx]
        others = [(start, c) for start, c, k in local if k != key]
        if not others:
            continue
        _, nearest = min(others, key=lambda sc: (sc[1] is None or sc[1].country != focus,
                                                 min(abs(sc[0] - s) for s in starts)))
        if nearest is not None:
            out[key] = nearest
    return out

