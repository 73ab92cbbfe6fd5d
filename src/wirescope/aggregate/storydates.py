"""The date rule and the time factor of story clustering for all of an article's candidate stories at once.

Each story's first and last date and whether it is still a chain of reports are kept in arrays by the story's number
in the clusterer's index, so the candidates an article is compared with are filtered by the date rule and given
their time factors in a few array operations instead of two method calls per candidate (some thirty candidates per
article at the 200k benchmark's density; issue 20). The results are those of the per-story rules bit for bit: the
date rule compares whole days, and the time factor of a gap of ``g`` days is ``max(min_time_factor,
math.exp(-(g - window_days) / decay_days))`` computed by ``math.exp`` once per distinct gap and looked up after.
"""

from __future__ import annotations

import math
from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .story_records import StorySettings


class StoryDates:
    """First and last dates (as ordinals) and the chain flag of stories by number; an undated story has none."""

    __slots__ = ("_chained", "_dated", "_exp", "_first", "_last", "_settings")

    def __init__(self, settings: StorySettings) -> None:
        self._settings = settings
        self._first = np.zeros(1024, dtype=np.int64)
        self._last = np.zeros(1024, dtype=np.int64)
        self._dated = np.zeros(1024, dtype=bool)
        self._chained = np.ones(1024, dtype=bool)
        self._exp: dict[int, float] = {}  # gap in days -> its time factor (math.exp, as the rule computes it)

    def set(self, num: int, first: date | None, last: date | None, chained: bool) -> None:
        """Story ``num``'s dates and chain flag as they are now (after it was created, restored or joined)."""
        if num >= len(self._first):
            size = max(num + 1, 2 * len(self._first))
            self._first = np.resize(self._first, size)
            self._last = np.resize(self._last, size)
            self._dated = np.resize(self._dated, size)
            self._chained = np.resize(self._chained, size)
        dated = first is not None and last is not None
        self._dated[num] = dated
        self._first[num] = first.toordinal() if first is not None and dated else 0
        self._last[num] = last.toordinal() if last is not None and dated else 0
        self._chained[num] = chained

    def _gaps(self, nums: np.ndarray, day: int) -> np.ndarray:
        """Days between ``day`` and each story's date range (0 inside it)."""
        return np.maximum(np.maximum(self._first[nums] - day, day - self._last[nums]), 0)

    def open_to(self, nums: np.ndarray, day: date | None) -> np.ndarray:
        """A mask of the stories an article of ``day`` may join by the date rule: joining may not make a story span
        more than ``max_span_days`` unless it is a chain of reports at most ``max_gap_days`` apart and the article
        within ``max_gap_days`` of it (undated articles and stories never drift; ``max_gap_days`` 0: no rule)."""
        s = self._settings
        if not s.max_gap_days or day is None or not len(nums):
            return np.ones(len(nums), dtype=bool)
        d = day.toordinal()
        first, last = self._first[nums], self._last[nums]
        span = np.maximum(last, d) - np.minimum(first, d)
        gap = self._gaps(nums, d)
        drifted = self._dated[nums] & (span > s.max_span_days) & ((gap > s.max_gap_days) | ~self._chained[nums])
        return ~drifted

    def factors(self, nums: np.ndarray, day: date | None) -> np.ndarray:
        """Each story's time factor for an article of ``day``: 1 within ``window_days`` of its date range (or when
        either is undated), then ``exp(-(gap - window_days) / decay_days)``, never below ``min_time_factor``."""
        s = self._settings
        out = np.ones(len(nums))
        if day is None or not len(nums):
            return out
        gap = self._gaps(nums, day.toordinal())
        far = np.flatnonzero(self._dated[nums] & (gap > s.window_days))
        if len(far):
            exp = self._exp
            for at, g in zip(far.tolist(), gap[far].tolist(), strict=True):
                f = exp.get(g)
                if f is None:
                    f = exp[g] = max(s.min_time_factor, math.exp(-(g - s.window_days) / s.decay_days))
                out[at] = f
        return out

    def rule(self, nums: np.ndarray, day: date | None, compiled: ModuleType | None = None,
             ) -> tuple[np.ndarray, np.ndarray]:
        """The stories of ``nums`` open to an article of ``day`` (:meth:`open_to`) and their time factors
        (:meth:`factors`); ``compiled``: the kernels module, whose date_rule gives the same in one call."""
        s = self._settings
        if compiled is None or day is None or not len(nums):
            nums = nums[self.open_to(nums, day)]
            return nums, self.factors(nums, day)
        kept, factors = compiled.date_rule(nums, self._first, self._last, self._dated, self._chained, day.toordinal(),
                                           s.max_span_days, s.max_gap_days, s.window_days, float(s.decay_days),
                                           float(s.min_time_factor))
        return kept, factors
