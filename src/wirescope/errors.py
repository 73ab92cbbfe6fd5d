"""The one error hierarchy of wirescope. Catch ``WirescopeError`` to catch them all.

::

    WirescopeError
    ├── ConfigError          bad settings: unknown stage or model, invalid option value
    │   └── PipelineError    stages that do not chain (a stage requires what no earlier stage assigns)
    ├── InputError           one input item cannot be read; carries the item and the reason; a batch goes on
    │   └── FetchError       a URL could not be fetched (network, status, size cap)
    ├── StoreError           the DuckDB store cannot be opened, migrated or written
    └── EvalError            a gold file is missing or not in the expected format

Messages say what went wrong and how to fix it.
"""

from __future__ import annotations


class WirescopeError(Exception):
    """Base class of every error wirescope raises on purpose."""


class ConfigError(WirescopeError):
    """A setting is invalid: an unknown stage or model, a bad option value."""


class PipelineError(ConfigError):
    """The configured stages do not form a valid chain."""


class InputError(WirescopeError):
    """An input item cannot be ingested. ``item`` names it (path, path:line, URL); ``reason`` says why."""

    def __init__(self, item: str, reason: str) -> None:
        super().__init__(f"{item}: {reason}")
        self.item = item
        self.reason = reason


class FetchError(InputError):
    """A URL could not be fetched."""


class StoreError(WirescopeError):
    """The store cannot be opened, migrated or written."""


class EvalError(WirescopeError):
    """A gold file is missing or malformed."""
