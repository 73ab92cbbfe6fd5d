"""The records of story clustering: its settings, what it reads of an article, the stories it describes, its
decisions and the state it saves. Apart from the clusterer (:mod:`wirescope.aggregate.stories`) so that what only
reads them, such as an ingest's settings or the store's tables, loads neither numpy nor the clusterer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import ConfigError
from ..records import record_json


@dataclass(frozen=True)
class StorySettings:
    """Story clustering settings (see the module docstring for how they combine)."""

    threshold: float = 0.10
    entity_weight: float = 0.4
    title_weight: float = 3.0
    window_days: int = 7
    decay_days: float = 30.0
    min_time_factor: float = 0.5
    max_story_terms: int = 400
    doc_terms: int = 0  # 0 keeps all terms; measured: truncating to 50-100 terms loses recall on WikiRef
    query_terms: int = 25
    max_candidates: int = 60
    summary_sentences: int = 3
    # A story's dates drift apart: an article that would make the story span more than max_span_days joins only a
    # story that is a chain of reports at most max_gap_days apart, and only within max_gap_days of it (a follow-up
    # months later starts its own story). max_gap_days 0 switches the rule off.
    max_gap_days: int = 14
    max_span_days: int = 60
    # A story's reports drift apart: an article must also resemble one of the story's reports of the last
    # max_gap_days (tf-idf cosine of key terms) at least member_link times as much as it resembles the story's summed
    # vector, which grows broad as a story runs on; a ratio, so it holds on small corpora whose cosines are all low
    # (measured in docs/aggregate.md: 0.5 keeps every Guardian Syria/Iraq story under 10% of the articles). 0: off.
    member_link: float = 0.5
    link_from_size: int = 8  # the link applies to stories of this many articles or more: a small sum is not broad

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ConfigError(f"story threshold must be in (0, 1), got {self.threshold}")
        if not 0.0 <= self.entity_weight <= 1.0:
            raise ConfigError(f"story entity_weight must be in [0, 1], got {self.entity_weight}")
        if not 0.0 < self.min_time_factor <= 1.0:
            raise ConfigError(f"story min_time_factor must be in (0, 1], got {self.min_time_factor}")
        if self.window_days < 0 or self.decay_days <= 0:
            raise ConfigError("story window_days must be >= 0 and decay_days > 0")
        if min(self.max_gap_days, self.max_span_days, self.link_from_size) < 0 or not 0.0 <= self.member_link < 1.0:
            raise ConfigError("story max_gap_days, max_span_days, link_from_size must be >= 0, member_link in [0, 1)")


@dataclass(frozen=True)
class StoryDoc:
    """What story clustering needs from one article."""

    article_id: str
    title: str | None
    text: str
    published: date | None = None
    entities: tuple[str, ...] = ()  # entity names (one per mention or per entity; repeats count)
    actors: tuple[str, ...] = ()  # coded actors: canonical names or codes
    places: tuple[str, ...] = ()  # resolved place names
    source: str | None = None
    # the title's and text's term counts stored at ingest (``articles.terms``, ingest.terms.encode_counts): read
    # instead of tokenising the text again when made by the same tokeniser; None (or another tokeniser's): tokenised
    terms: str | None = None


@dataclass(frozen=True)
class Story:
    """A cluster of articles about one story, with its description."""

    id: str
    title: str
    summary: str
    article_ids: tuple[str, ...]
    first_date: date | None
    last_date: date | None
    top_terms: tuple[str, ...] = ()
    top_entities: tuple[str, ...] = ()
    top_actors: tuple[str, ...] = ()
    top_places: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return len(self.article_ids)

    def to_json(self) -> dict[str, Any]:
        return {**record_json(self), "size": self.size}


@dataclass(frozen=True)
class Assignment:
    """The decision for one article: its story, the score against it, and whether it started the story."""

    article_id: str
    story_id: str
    score: float
    new_story: bool


@dataclass(frozen=True)
class StoryState:
    """A story's clustering state: its vectors (sums of members' unit tf vectors), date range and members."""

    terms: dict[str, float]
    ents: dict[str, float]
    first: date | None
    last: date | None
    member_ids: tuple[str, ...]
    # whether the story is still a chain of reports at most max_gap_days apart: saved so a continued run decides
    # the same
    chained: bool = True


@dataclass(frozen=True)
class ClusterState:
    """Everything the clusterer needs to continue: document frequencies and the stories' states. A partial state
    (the stories still open, the frequencies of some keys) continues with ``fetch_df`` supplying the others."""

    n: int
    term_df: dict[str, float]
    ent_df: dict[str, float]
    stories: dict[str, StoryState]
