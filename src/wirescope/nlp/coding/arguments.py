"""Finding the source and target actors of a trigger in a spaCy dependency parse (the argument half of the
event coder, see ``engine``): subjects and their inheritance through clauses, passive agents and instruments,
objects and prepositional phrases, pattern-placed actors, compound and distributed actors, nominal events.

The pieces live in ``phrase_actors`` (the actors of a noun phrase), ``source_finders`` and ``target_finders``;
``ArgumentFinder`` puts them together with the public look-ups and the order the target finders are tried in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .asked_acts import without_asked_act
from .concern_states import concern_target
from .context import DocContext
from .patterns import PatternMatch
from .phrase_actors import ActorRef
from .reacted_acts import act_doer_target, stance_author
from .source_finders import attributive_visitor
from .speech import accused_object, answered_author, stance_owner, without_attributions
from .target_finders import _DEPARTURE_VERBS, _OBJ, _TOPIC_VERBS, TargetFinder, TargetsFound, TargetView
from .town_targets import town_target
from .venues import without_venues

if TYPE_CHECKING:
    from spacy.tokens import Token


class ArgumentFinder(TargetFinder):
    """Mixin of ``EventCoder``: actor lookup for the arguments of a trigger (memoised per document)."""

    def phrase_actors(self, head: Token, ctx: DocContext, *, direct: bool) -> list[ActorRef]:
        """The actors of the noun phrase headed by ``head`` and its conjuncts (see ``_actors``)."""
        return self._actors(head, ctx, direct=direct)

    def actors_inside(self, root: Token, ctx: DocContext) -> list[ActorRef]:
        """The first coded noun phrase(s) inside ``root``'s subtree, breadth first ("ties with Gondor")."""
        return self._deep(root, ctx)

    def clause_sources(self, verb: Token, match: PatternMatch, ctx: DocContext) -> list[ActorRef]:
        """The sources of ``verb`` as a trigger coded by ``match``: its clause's subject, inherited, controlled or
        passive agent (see ``_sources``)."""
        return self._sources(verb, match, ctx)

    def _targets(self, verb: Token, match: PatternMatch, ctx: DocContext,
                 sources: Sequence[ActorRef]) -> list[ActorRef]:
        """The first target the finders of ``_TARGET_FINDERS`` give, in their order."""
        objs = [c for c in verb.children if c.dep_ in _OBJ or (c.dep_ == "nsubjpass" and match.code[:2] != "15")]
        if not objs:
            objs = _visitor_object(verb, ctx)
        lemma = verb.lemma_.lower()
        # "discussed Idlib", "debated the sanctions on Iran": what is talked about is no counterpart
        topic = match.pattern is None and lemma in _TOPIC_VERBS and ctx.fire("target.topic-is-no-party")
        if topic:
            objs = []
        # "left Baghdad airport" coded as a consultation (the Phoenix default of travel verbs): the place left is
        # not met; a destination is ("left for X")
        departure = match.pattern is None and lemma in _DEPARTURE_VERBS and match.code[:2] == "04" \
            and ctx.fire("target.place-left-is-not-met")
        if departure:
            objs = [c for c in objs if c.dep_ not in ("dobj", "obj")]
        countries = frozenset(c for s in sources if (c := split_code(s.code)[0]) is not None)
        view = TargetView(verb, match, frozenset(s.head for s in sources), tuple(objs), topic, departure, countries,
                           tuple(sources))
        for finder in _TARGET_FINDERS:
            found = finder(self, view, ctx)
            if found is None:
                continue  # (most finders find nothing: the three filters below keep a None as it is)
            found = without_attributions(found, verb, ctx)  # "according to X": who reports
            found = without_venues(found, view, ctx)  # "signed a deal in Doha": where, not with whom
            found = without_asked_act(found, verb, ctx)  # "called on X to quit the Assembly": X's act's party
            if found is not None and found[1] == () and ctx.fire(found[0]):
                return []  # an empty tuple: the finder rules out every later one ("accused ... of": its content)
            if found is not None and _inside_the_sources(found[1], sources) and ctx.fire(INSIDE_SOURCE):
                continue  # "were captured by Kurdish fighters in Syria": Syria is the captors', not the captive
            if found is not None and found[1] and ctx.fire(found[0]):
                return list(found[1])
        return []


INSIDE_SOURCE = "target.actor-inside-the-source-is-no-target"


def _inside_the_sources(found: Sequence[ActorRef], sources: Sequence[ActorRef]) -> bool:
    """Every actor ``found`` lies inside a source's phrase without being a source itself: the phrase of the doer
    ("Kurdish fighters in Syria", "the Syrian Democratic Forces, operating south of the Euphrates"), which pairing
    would drop as no target; the later finders may still find the party acted on (a passive's subject)."""
    own = {(a.start, a.end, a.code) for a in sources}
    return bool(found) and all(
        (t.start, t.end, t.code) not in own and any(s.start <= t.head < s.end for s in sources) for t in found)


# The target finders in the order they are tried: the first that finds an actor (and whose rule is on) decides.
def _visitor_object(verb: Token, ctx: DocContext) -> list[Token]:
    """The object that an attributive "visiting" took from ``verb`` ("Blinken assured visiting Australian Foreign
    Minister Marise Payne": the parse hangs Payne on "visiting"): the visitor is whom the verb is done to
    (``target.visiting-noun-is-the-object``; the visit itself: ``source.visiting-noun-is-the-visitor``)."""
    visiting = next((c for c in verb.children if attributive_visitor(c)), None)
    if visiting is None or not ctx.fire(VISITOR_OBJECT):
        return []
    return [c for c in visiting.children if c.dep_ in ("dobj", "obj")]


VISITOR_OBJECT = "target.visiting-noun-is-the-object"
_TARGET_FINDERS: tuple[Callable[[ArgumentFinder, TargetView, DocContext], TargetsFound], ...] = (
    ArgumentFinder._owned_installation, ArgumentFinder._pattern_target, ArgumentFinder._participle_noun,
    ArgumentFinder._subject_target, ArgumentFinder._talking_subjects, ArgumentFinder._agreeing_subjects,
    ArgumentFinder._named_object, ArgumentFinder._pronoun_object,
    act_doer_target, stance_owner, accused_object, answered_author, stance_author, ArgumentFinder._counterpart,
    concern_target, ArgumentFinder._after_pattern,
    ArgumentFinder._doer_of_condemned_act,
    ArgumentFinder._object, ArgumentFinder._relative_head, ArgumentFinder._each_other,
    ArgumentFinder._phrase_or_complement,
    ArgumentFinder._asked_to_act, ArgumentFinder._purpose_object, town_target,
)
