"""One actor resolution for every mention of a document: the event coder's arguments and the quotation speakers.

An event's source or target is coded by ``ArgumentFinder._actor``: the dictionaries first, then what the article
says of a mention that does not name its actor in full (a lone surname is the person named in full with it, coded
by their entry or by the title that describes them; a pronoun subject the person named before it; "the
ministry", "the president" the actor named with that role or the article's country and its office holder on the
day). ``MentionResolver`` runs that same resolution for a mention outside an event, so that "Bessent said" and
"he said" after "Treasury Secretary Scott Bessent" give the speaker the code the events give the same words, and
the rules that decided are known (``fired``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from .arguments import ArgumentFinder
from .context import DocContext
from .phrase_actors import ActorRef
from .rules import RuleSet
from .titles import offices_of, titled_code

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from .actors import ActorCoder


class MentionResolver(ArgumentFinder):
    """The argument finder's actor resolution for the mentions of one document (see the module docstring). The
    document's coded names, persons named in full and earlier coded phrases are built on first need and kept for
    its later mentions, as the event coder keeps them in its ``DocContext``."""

    def __init__(self, actors: ActorCoder, doc: Doc, day: date | None, rules: RuleSet | None = None) -> None:
        self.actors = actors
        self.doc = doc
        self._ctx = DocContext(day, rules or RuleSet())

    def resolve(self, span: Span) -> tuple[ActorRef | None, tuple[str, ...]]:
        """The actor of the phrase headed by ``span``'s root, as the event coder would code it as an argument,
        and the ids of the rules that decided it (in order, without repeats). ``span`` is of the resolver's
        document (token indexes key what it keeps)."""
        mark = len(self._ctx.trace)
        ref = self._actor(span.root, self._ctx, direct=True)
        if ref is not None and self._ctx.day is None:
            ref = replace(ref, code=self.office(ref.code, ref.name))
        return ref, tuple(dict.fromkeys(self._ctx.trace[mark:]))

    def office(self, code: str | None, name: str) -> str | None:
        """``code`` of the person called ``name`` with the government office the article's titles give them when
        it has no date, as the event coder codes them (``titles``: "Mr Blair said" after "Prime Minister Tony
        Blair" is GBRGOV)."""
        return titled_code(code, name, offices_of(self.doc, self.actors, self._ctx), self._ctx.fire)
