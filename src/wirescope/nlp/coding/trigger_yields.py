"""Which triggers of a sentence give way to another (mixin of ``engine.EventCoder``): a statement that reports a
coded act yields to it ("officials said the strike killed ..."), unless it has its own object; an intent verb coded
only by its default yields to the act it promises ("agreed to provide aid"); a hope yields to what is hoped for;
what an appeal or demand asks for is its content, not an act; a plain statement or a claim to no one is no event;
commentary is no act. And the demand a statement makes: "X said Y must ..." is a demand (100) from X to Y."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .codings import Coding, traced
from .commentary import commentary
from .concern_states import being_concerned
from .context import DocContext
from .event_arguments import EventArguments
from .lexicon import INTENT_VERBS
from .modal_clauses import REPORT_VERBS, TOLD, auxiliaries, told_to_act
from .patterns import PatternMatch
from .source_finders import SUBJ_DEPS
from .syntax import governs_any
from .triggers import _advised, _obliged
from .wishes import hope_yields

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .phrase_actors import ActorRef


_PROMISED_AUX = frozenset({"will", "would", "shall", "'ll"})


class TriggerYields(EventArguments):
    """Mixin of ``EventCoder``: the events of a sentence's triggers once those that yield are gone, and the
    demands its statements make."""

    def _yield(self, found: Sequence[tuple[Token, PatternMatch, list[Coding]]], ctx: DocContext) -> list[Coding]:
        """The events of every trigger but those that yield to another trigger of the sentence."""
        coded_all = {tok.i for tok, _, evs in found if evs}
        coded = {tok.i for tok, _, evs in found if evs and tok.pos_ != "NOUN"}  # acts do not yield to nominals
        requests = {tok.i for tok, match, evs in found if evs and match.code[:2] in ("02", "10")}
        out: list[Coding] = []
        for tok, match, evs in found:
            if evs and not self._yields(tok, match, evs, (coded_all, coded, requests), ctx):
                # "analysts warned that ...", "..., said Alan Chong, associate professor": commentary, no act
                out.extend(e for e in evs if not (commentary(tok, e.source) and ctx.fire(
                    "filters.commentary-is-no-act")))
        return out

    def _yields(self, tok: Token, match: PatternMatch, evs: Sequence[Coding],
                triggers: tuple[set[int], set[int], set[int]], ctx: DocContext) -> bool:
        coded_all, coded, requests = triggers
        default = match.pattern is None
        # a default-coded statement verb that governs another coded trigger ("said X attacked Y") yields to it
        # ... unless it has its own object ("urged Eriador to respond": the urging is the event)
        own_target = any(e.target is not None and e.target.direct and e.target.head not in coded for e in evs)
        # only statements (CAMEO 01) yield: "agreed to", "vowed to", "threatened to" code the intent itself
        # (not a concern: "is concerned about the arrest of X" says both, as "expressed concern over" does)
        statement = (match.code[:2] == "01" and not being_concerned(tok, match)) or tok.lemma_.lower() in REPORT_VERBS
        governed = (coded_all if statement else coded) - {tok.i}
        if statement and default and not own_target and governs_any(tok, governed) \
                and ctx.fire("filters.statement-yields-to-reported-act"):
            return True
        # "agreed to provide aid", "swore that Iran would retaliate": an intent verb coded only by its default
        # yields to the act it governs, which modality marks as promised (PLOVER AGREE / THREATEN)
        if default and tok.lemma_.lower() in INTENT_VERBS and any(
                c.i in coded and (c.dep_ == "xcomp" or (c.dep_ == "ccomp" and _promised(c))) for c in tok.children) \
                and ctx.fire("filters.intent-yields-to-promised-act"):
            return True
        # "hopes to meet Saudi officials": the meeting is coded, intended; the hope is no act of its own (wishes.py)
        if self.real_news and hope_yields(tok, coded) and ctx.fire("code.hoping-to-act-is-no-act-of-its-own"):
            return True
        # "urged Eriador to respond": what an appeal or demand asks for is its content, not an act that happened
        if tok.dep_ == "xcomp" and tok.head.i in requests and ctx.fire("filters.request-content-is-no-act"):
            return True
        # "told reporters", "noted that ...", "cited reasons": a statement the dictionary can say nothing more of
        # (010 by the verb's default) only introduces what was said; the words are no act of their own (the
        # real-news gold codes a statement only as an appeal, a demand, a threat, a criticism ...)
        # (a claim recoded from a demand or denial verb, "insisted he did not know", is dropped too, by its own rule)
        if default and self.real_news and match.code == "010" and match.inferred == "complement":
            return ctx.fire("filters.claim-to-no-one-is-no-event")  # "insisted he did not know": a claim
        return default and self.real_news and match.code == "010" and match.inferred != "complement" \
            and ctx.fire("filters.plain-statement-is-no-event")

    def _demands(self, toks: Sequence[Token], index: int, ctx: DocContext, taken: set[int]) -> list[Coding]:
        """"X said Y must stop ...": a speaker saying that someone must act demands it of them (CAMEO 100); "X said Y
        should stop" appeals to them (020). ``toks`` are the sentence's tokens that may trigger (``_may_trigger``:
        every verb among them)."""
        out = []
        for tok in toks:
            if tok.i in taken or tok.pos_ != "VERB" or tok.lemma_.lower() not in REPORT_VERBS:
                continue
            for clause in (c for c in tok.children if c.dep_ == "ccomp"):
                telling = told_to_act(tok, clause)
                code, rule = _request(clause, telling)
                if not code:
                    continue
                ctx.begin()
                if not ctx.fire(rule):
                    continue
                sources = self._sources(tok, PatternMatch(None, code, 0), ctx)
                targets = self._demanded_of(tok, clause, telling, ctx)
                for s, t in ((s, t) for s in sources for t in targets if s.code != t.code):
                    conf = 0.6 if s.direct else 0.5
                    rules, used = traced(ctx, s, t)
                    out.append(Coding(index, tok.i, tok.i + 1, code, s, t, "asserted", conf, None, rules, used))
        return out

    def _demanded_of(self, verb: Token, clause: Token, telling: bool, ctx: DocContext) -> list[ActorRef]:
        """Who a speaker demands an act of: the subject of the clause that says it must be done ("said Iran must
        stop"); when the speaker tells someone and the clause's subject is a pronoun of the third or second person,
        the one told ("Trump has told the EU it must take back its fighters": the EU), as "urged the EU to take
        back" is addressed to the EU."""
        subj = [c for c in clause.children if c.dep_ in SUBJ_DEPS]
        if telling:
            told = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            found = self._actors(told[0], ctx, direct=False) if told else []
            if found and ctx.fire(TOLD):
                return found
        return self._actors(subj[0], ctx, direct=False) if subj else []


DEMANDS = "code.speaker-demands-what-must-be-done"
ADVISES = "code.speaker-advises-what-should-be-done"


def _request(clause: Token, telling: bool) -> tuple[str, str]:
    """(code, rule) of what a speaker asks by a complement clause: that someone must act (or, told to their face,
    must or should act) is a demand (100); that someone should act, said of them, is advice, an appeal to them (020:
    'said Britain should take back its citizens', as the gold codes 'said authorities should declare a state of
    emergency'); ("", "") for no request."""
    if telling or _obliged(clause):
        return "100", DEMANDS
    return ("020", ADVISES) if _advised(clause) else ("", "")


def _promised(clause: Token) -> bool:
    """A complement clause told in the future of its promise: "that Iran would retaliate", "it will respond"."""
    return bool(auxiliaries(clause) & _PROMISED_AUX)
