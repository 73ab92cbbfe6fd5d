"""Registry of built-in stages, imported lazily by name so that importing wirescope loads no model or data."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from ...errors import PipelineError

if TYPE_CHECKING:
    from ...config import Settings
    from ..stage import Stage

# name -> "module:factory"; a factory takes the Settings and returns a Stage.
STAGE_FACTORIES: dict[str, str] = {
    "entities": "wirescope.nlp.stages.entities:EntityStage",
    "times": "wirescope.nlp.stages.times:TimeStage",
    "places": "wirescope.nlp.stages.places:PlaceStage",
    "events": "wirescope.nlp.stages.events:EventStage",
    "quotes": "wirescope.nlp.stages.quotes:QuoteStage",
    "locate": "wirescope.nlp.stages.locate:LocateStage",
    # the last default stage: the calibrated confidence of every event (needs events)
    "verify": "wirescope.nlp.stages.verify:VerifyStage",
}


def build_stage(name: str, settings: Settings) -> Stage:
    try:
        target = STAGE_FACTORIES[name]
    except KeyError:
        raise PipelineError(
            f"unknown stage {name!r}; known stages: {', '.join(sorted(STAGE_FACTORIES))}"
        ) from None
    module_name, _, factory_name = target.partition(":")
    factory = getattr(import_module(module_name), factory_name)
    stage: Stage = factory(settings)
    return stage
