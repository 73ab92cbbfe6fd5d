"""An actor found for a noun phrase: its token span and head, code and name (``phrase_actors``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class ActorRef:
    start: int  # token indexes [start, end)
    end: int
    head: int
    code: str | None
    name: str
    direct: bool = True  # the trigger's own argument (not inherited or found deeper)

    def text(self, doc: Doc) -> str:
        return doc[self.start : self.end].text
