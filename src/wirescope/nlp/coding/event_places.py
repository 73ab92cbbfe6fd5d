"""Where the parties of an event act (mixin of ``engine.EventCoder``): the country a story is about at a
trigger, the one country named as a place in the trigger's clause, and unidentified parties (a role without a
country) placed in the country where they act; a state's coercion with no one named aimed at its own people."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .actor_codes import NON_STATE, split_code
from .arguments import ArgumentFinder
from .context import DocContext
from .lexicon import ABROAD_ROLES, PLACE_PREPS, placed
from .lexicons import words
from .phrase_actors import ActorRef
from .referents import countryless_role, referents_of
from .source_finders import SUBJ_DEPS
from .syntax import phrase_tokens

if TYPE_CHECKING:
    from spacy.tokens import Token


class EventPlaces(ArgumentFinder):
    """Mixin of ``EventCoder``: the countries where a trigger's parties act (see ``_where_they_act``)."""

    def _story_country(self, verb: Token, ctx: DocContext) -> str | None:
        """The country the article is about at ``verb`` (``referents.Referents.country_at``: in the lead sentence,
        only a subject has one, the first country named before it)."""
        refs = referents_of(ctx, verb.doc, self.actors)
        country: str | None = refs.country_at(verb)
        if country is None:
            # the lead names no country before a phrase that is no subject ("officials are pleading ..., after
            # civilians were displaced by fighting between rebels and the army"): the lead's main actor, its
            # subject, is the story's own, so its country is the story's there too
            subject = next((c for c in verb.sent.root.children if c.dep_ in SUBJ_DEPS), None)
            actor = self._actor(subject, ctx, direct=False) if subject is not None and subject.i != verb.i else None
            lead, roles = split_code(actor.code) if actor is not None else (None, [])
            # only a body that acts at home (officials, courts, police), not forces or a country as a whole, which
            # often act abroad ("Israeli jets struck gunmen" says nothing of where the gunmen are from)
            if lead is not None and len(lead) == 3 and lead not in NON_STATE and roles \
                    and not set(roles) & ABROAD_ROLES and ctx.fire("actors.lead-subject-gives-the-story-country"):
                country = lead
        return country

    def _where_they_act(self, verb: Token, pairs: list[tuple[ActorRef, ActorRef | None, str]],
                        ctx: DocContext) -> list[tuple[ActorRef, ActorRef | None, str]]:
        """An unidentified party (a role without a country: "civilians", "people", "gunmen", "rebels", "a
        journalist") facing an actor of a country takes the country where it acts (docs/events-gold.md, section 2):
        the one country named as a place in the trigger's clause, else the other party's country when that is the
        country the article is about there ("the security forces have arrested at least 2,400 people" in a story
        on Myanmar: MMRCOP -> MMRPPL). A party of another country than the story's keeps none: "Israeli jets
        struck gunmen" in a story on Lebanon does not say where the gunmen are from."""
        out = []
        for src, tgt, code in pairs:
            if tgt is not None:
                src, tgt = self._placed_party(verb, src, tgt, ctx), self._placed_party(verb, tgt, src, ctx)
                src, tgt = self._lead_placed(src, verb, ctx), self._lead_placed(tgt, verb, ctx)
            elif self._at_home(verb, src, code, ctx) and ctx.fire("target.restriction-at-home-targets-its-people"):
                # "the Taliban banned the book", "the government imposed restrictions on printing": a state's
                # coercion with no one named is aimed at its own people
                tgt = ActorRef(verb.i, verb.i + 1, verb.i, split_code(src.code)[0], "", direct=False)
            out.append((src, tgt, code))
        return out

    def _at_home(self, verb: Token, src: ActorRef, code: str, ctx: DocContext) -> bool:
        """A coercive act (bans, restrictions, arrests, repression: CAMEO 17 but seizures and expulsions, which
        are done to property or to foreigners, and the bare root) by a country's government, police or courts, in
        a story about that country (see ``_where_they_act``)."""
        country, roles = split_code(src.code)
        if code.lstrip("~")[:2] != "17" or code.lstrip("~")[:3] in _NOT_AT_HOME or country is None \
                or not set(roles) <= _AUTHORITIES:
            return False
        story = self._story_country(verb, ctx) or self._story_country(verb.doc[src.head], ctx)
        return story == country and not self._aimed_elsewhere(verb, country, ctx)

    def _aimed_elsewhere(self, verb: Token, country: str, ctx: DocContext) -> bool:
        """Whether the act's object or on/to/from/against phrase names trade or money ("banned sales to Huawei",
        "restrictions on investment") or a party of another country ("restrictions on Chinese chip exports"): then
        it is no coercion of the state's own people."""
        aims = _aims(verb)
        if any(t.lemma_.lower() in _TRADE_OBJECTS for t in aims):
            return True
        named = [m for t in aims for m in (t, *t.children) if m.pos_ == "PROPN" or m.ent_type_ in ("NORP", "GPE")]
        codes_ = {self.actors.code_tokens(phrase_tokens(m), ctx.day, m, ctx.fire)[0] or "" for m in named}
        return any(c[:3] != country and c[:3].isalpha() and c[:3] not in NON_STATE for c in codes_ if len(c) >= 3)

    def _placed_party(self, verb: Token, ref: ActorRef, other: ActorRef, ctx: DocContext) -> ActorRef:
        """``ref`` with the country where it acts, when it is an unidentified party facing ``other`` (see
        ``_where_they_act``); else ``ref`` unchanged."""
        country, roles = split_code(ref.code)
        known = split_code(other.code)[0]
        if country is not None or not roles or not set(roles) <= _UNIDENTIFIED_ROLES or known is None \
                or len(known) != 3 or known in NON_STATE or set(roles) & set(split_code(other.code)[1]):
            return ref  # (the same role on both sides is one party named twice, or its counterpart abroad)
        if any(c.dep_ in ("amod", "compound") and c.lower_ in _OUTSIDE for c in verb.doc[ref.head].children):
            return ref  # "the international community", "foreign journalists": not the country's own
        place = self._place_country(verb, ctx)
        if place is None:
            # the lead sentence has no earlier names: there its subject's country is the story's
            story = self._story_country(verb, ctx) or self._story_country(verb.doc[other.head], ctx)
            place = known if story == known else None
        if place is None or not ctx.fire("actors.unidentified-party-takes-the-country-where-it-acts"):
            return ref
        return replace(ref, code=place + "".join(roles))

    def _lead_placed(self, ref: ActorRef, verb: Token, ctx: DocContext) -> ActorRef:
        """``ref`` with the country of the place its lead sets the act in, when it is a definite or bare role that
        no other rule gave a country (see ``Referents.lead_place_country``); else ``ref`` unchanged."""
        country, roles = split_code(ref.code)
        head = verb.doc[ref.head]
        if country is not None or not roles or not countryless_role(head, ref.code or ""):
            return ref
        placed_in = referents_of(ctx, verb.doc, self.actors).lead_place_country(head)
        if placed_in is None or not ctx.fire("actors.role-in-a-lead-takes-the-country-of-its-place"):
            return ref
        return replace(ref, code=placed_in + "".join(roles))

    def _place_country(self, verb: Token, ctx: DocContext, preps: frozenset[str] = PLACE_PREPS) -> str | None:
        """The one country named as a place ("in Algiers", "at a jail in Lebanon"; after one of ``preps``) in the
        trigger's clause, for a source whose country is unknown (a role noun or an uncoded name with a title); None
        if none or several."""
        found: set[str] = set()
        for tok in ctx.clause(verb):
            if tok.dep_ == "pobj" and tok.pos_ == "PROPN" and tok.head.lower_ in preps and placed(tok, verb):
                code = self.actors.code_tokens(phrase_tokens(tok), ctx.day, tok, ctx.fire)[0]
                if code and len(code) == 3 and code.isalpha() and code not in NON_STATE:
                    found.add(code)
        return found.pop() if len(found) == 1 else None


# roles of people and groups that, named without a country, take the country where they act
# (``EventCoder._where_they_act``); not institutions (a government, an army, police, a parliament: "the army
# shelled positions near Aleppo" need not be Syria's), companies and ships ("the tanker"), organisations
_UNIDENTIFIED_ROLES = frozenset({"CVL", "PPL", "UAF", "REB", "INS", "CRM", "MED", "OPP", "LAB", "EDU", "HLH", "REF",
                                 "AGR", "MUS", "CHR", "REL", "SEP", "RAD", "MOD", "ELI"})


# coercion that is not done to a country's own people: seizing property or territory (171), expelling (174); and the
# bare root (170), which the dictionaries give verbs of curbing anything ("curb spending", "forced it to embrace
# foreign capital": bbc2225)
_NOT_AT_HOME = frozenset({"170", "171", "174"})
# who coerces a country's own people (a bare country is its government)
_AUTHORITIES = frozenset({"GOV", "COP", "JUD"})
# trade and money, at which a ban or restriction aims rather than at people (lexicons/event_nouns.tsv, trade-object)
_TRADE_OBJECTS = words("event_nouns", "trade-object")
_AIM_PREPS = frozenset({"on", "to", "from", "against"})


def _aims(verb: Token) -> list[Token]:
    """What a coercive act aims at: its object and the objects of its on/to/from/against phrases, and those of its
    object ("imposed restrictions on investment")."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))]
    found = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    found += [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in _AIM_PREPS
              for o in p.children if o.dep_ == "pobj"]
    return found


# modifiers that put a party outside the country where it acts ("the international community", "foreign
# journalists"; the same words keep such roles from the article's country, ``referents._OUTSIDE``)
_OUTSIDE = words("title_words", "outside")
