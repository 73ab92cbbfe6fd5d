"""Stories split when their dates or reports drift apart (issue 19, item 5), on the Guardian Syria/Iraq corpus.

The issue found one story holding 166 of 249 Guardian articles over 19 months. No story may hold more than 10% of
the articles, or span more than 60 days without a chain of articles at most 14 days apart.
"""

from __future__ import annotations

import csv
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from wirescope.aggregate.stories import cluster_docs
from wirescope.aggregate.story_records import Story, StoryDoc


def _violations(stories: list[Story], dates: dict[str, date], total: int) -> list[str]:
    bad = []
    for story in stories:
        days = sorted(dates[a] for a in story.article_ids if a in dates)
        span = (days[-1] - days[0]).days if days else 0
        gap = max(((b - a).days for a, b in pairwise(days)), default=0)
        if story.size > 0.10 * total:
            bad.append(f"{story.id} holds {story.size} of {total} articles: {story.title[:60]!r}")
        if span > 60 and gap > 14:
            bad.append(f"{story.id} spans {span} days with a gap of {gap} days: {story.title[:60]!r}")
    return bad


def test_violations_are_found() -> None:
    """The check itself can fail: one story of everything, and a story with a long gap."""
    dates = {"a": date(2019, 1, 1), "b": date(2019, 1, 20), "c": date(2019, 4, 1)}
    one = Story("s", "t", "", ("a", "b", "c"), date(2019, 1, 1), date(2019, 4, 1))
    assert len(_violations([one], dates, 3)) == 2
    small = Story("s", "t", "", ("a",), date(2019, 1, 1), date(2019, 1, 1))
    assert _violations([small], dates, 20) == []


@pytest.mark.slow
def test_guardian_stories_hold_together(shared_data: Path) -> None:
    path = shared_data / "corpora" / "guardian_sdf_2017_2019.csv"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    from wirescope.eval.stories import spacy_entities

    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    docs = [StoryDoc(f"g{i}", None, r["text"], date.fromisoformat(r["date"])) for i, r in enumerate(rows)]
    docs = spacy_entities()(docs)  # entities as the aggregation gives them (names of people, places, groups)
    _, stories = cluster_docs(docs)
    dates = {d.article_id: d.published for d in docs if d.published}
    assert len(docs) == 249
    assert _violations(stories, dates, len(docs)) == []
    assert max(s.size for s in stories) >= 5  # still stories, not one article each
