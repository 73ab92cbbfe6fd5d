"""The date rule and time factor of story clustering, computed for many candidate stories at once
(:class:`wirescope.aggregate.storydates.StoryDates`), give what the rules say story by story."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

import numpy as np

from wirescope.aggregate import kernels
from wirescope.aggregate.story_records import StorySettings
from wirescope.aggregate.storydates import StoryDates


def _drifted(s: StorySettings, day: date | None, first: date | None, last: date | None, chained: bool) -> bool:
    """The date rule for one story, as the clusterer stated it before it worked on arrays."""
    if not s.max_gap_days or day is None or first is None or last is None:
        return False
    gap = max((first - day).days, (day - last).days, 0)
    span = (max(day, last) - min(day, first)).days
    if span <= s.max_span_days:
        return False
    return gap > s.max_gap_days or not chained


def _factor(s: StorySettings, day: date | None, first: date | None, last: date | None) -> float:
    if day is None or first is None or last is None:
        return 1.0
    gap = max((first - day).days, (day - last).days, 0)
    if gap <= s.window_days:
        return 1.0
    return max(s.min_time_factor, math.exp(-(gap - s.window_days) / s.decay_days))


def test_story_dates_give_the_rules_of_each_story() -> None:
    rng = random.Random(5)
    start = date(2021, 3, 1)
    for settings in (StorySettings(), StorySettings(max_gap_days=0, min_time_factor=0.05),
                     StorySettings(window_days=0, decay_days=3.5, max_span_days=20, max_gap_days=5)):
        dates = StoryDates(settings)
        stories = []
        for num in range(3000):  # past the arrays' first size: they grow
            if rng.random() < 0.1:
                first = last = None
            else:
                first = start + timedelta(days=rng.randrange(-200, 200))
                last = first + timedelta(days=rng.randrange(0, 120))
            chained = rng.random() < 0.6
            stories.append((first, last, chained))
            dates.set(num, first, last, chained)
        dates.set(7, None, None, True)  # a story set again takes its new dates
        stories[7] = (None, None, True)
        for day in [None, *(start + timedelta(days=rng.randrange(-250, 350)) for _ in range(40))]:
            nums = np.array([*rng.sample(range(3000), 200), 7], dtype=np.int64)
            open_to = dates.open_to(nums, day).tolist()
            assert open_to == [not _drifted(settings, day, *stories[n]) for n in nums.tolist()]
            assert dates.factors(nums, day).tolist() == [_factor(settings, day, *stories[n][:2]) for n in nums.tolist()]
            # both at once, compiled (kernels.date_rule, once a clusterer takes the kernels): the same, to the bit
            want = nums[dates.open_to(nums, day)]
            kept, factors = dates.rule(nums, day, kernels)
            assert kept.tolist() == want.tolist() and factors.tobytes() == dates.factors(want, day).tobytes()
        empty = np.zeros(0, dtype=np.int64)
        assert not len(dates.open_to(empty, start)) and not len(dates.factors(empty, start))
