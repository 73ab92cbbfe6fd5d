"""Where the parties of an event act (mixin of ``engine.EventCoder``): the country a story is about at a
trigger, the one country named as a place in the trigger's clause, and unidentified parties (a role without a
country) placed in the country where they act; a state's coercion with no one named aimed at its own people."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from .actor_codes import NON_STATE, split_code
from .actor_fallbacks import demonyms
from .arguments import ArgumentFinder
from .context import DocContext
from .lexicon import ABROAD_ROLES, ARMED_FORCES, PLACE_PREPS, placed
from .lexicons import words
from .phrase_actors import ActorRef
from .referents import code_recorded, referents_of
from .referring import countryless_role
from .source_finders import SUBJ_DEPS
from .syntax import phrase_tokens
from .towns import name_text, town_country

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


class EventPlaces(ArgumentFinder):
    """Mixin of ``EventCoder``: the countries where a trigger's parties act (see ``_where_they_act``)."""

    gazetteer: Path | None  # the index whose towns have countries (``towns.town_country``; None: the default)

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
            src = self._placed_over_the_article(verb, src, tgt, code, ctx)
            if tgt is not None:
                tgt = self._acted_on_by_another_country(verb, src, tgt, ctx)
                tgt = self._placed_over_the_article(verb, tgt, src, code, ctx)
                src, tgt = self._placed_party(verb, src, tgt, code, ctx), self._placed_party(verb, tgt, src, code, ctx)
                src, tgt = self._placed_together(verb, src, tgt, ctx)
                src, tgt = self._lead_placed(src, verb, ctx), self._lead_placed(tgt, verb, ctx)
                tgt = self._appealed_government(verb, src, tgt, code, ctx)
            elif self._at_home(verb, src, code, ctx) and ctx.fire("target.restriction-at-home-targets-its-people"):
                # "the Taliban banned the book", "the government imposed restrictions on printing": a state's
                # coercion with no one named is aimed at its own people
                tgt = ActorRef(verb.i, verb.i + 1, verb.i, split_code(src.code)[0], "", direct=False)
            src = self._placed_group(verb, src, tgt, ctx)
            tgt = self._placed_group(verb, tgt, src, ctx) if tgt is not None else None
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

    def _acted_on_by_another_country(self, verb: Token, src: ActorRef, tgt: ActorRef,
                                     ctx: DocContext) -> ActorRef:
        """``tgt`` without the article's country when it is a role of people that has no country of its own
        ("civilians", "rebels", "protesters": ``_UNIDENTIFIED_ROLES``), given the country the article is about there
        (actors.role-takes-the-article-country), and the doer of the act is another country's civil authority (a
        government, police, courts: ``_AUTHORITIES``, no armed force), which acts on people at home: "Assad's
        soldiers butchered civilians" (SYRGOV) in a story on Iran tells of Syria's affairs, not Iran's. Where the
        act was done decides then (``_placed_party``: "Syrian police arrested protesters in Damascus"), else no
        country: the doer's own is no safe guess (its citizens may be abroad). Else ``tgt`` unchanged."""
        country, roles = split_code(tgt.code)
        doer, doing = split_code(src.code)
        if country is None or not roles or not set(roles) <= _UNIDENTIFIED_ROLES or doer is None \
                or len(doer) != 3 or not doer.isalpha() or doer in NON_STATE or doer == country:
            return tgt
        if not set(doing) & _AUTHORITIES or set(doing) & ABROAD_ROLES:
            return tgt  # forces, spies and a country by its name act abroad too: "Turkey promised to remove the
            # militants" in a story on Idlib, "a Pentagon spokesman warned the advancing militiamen" (Syria's)
        head = verb.doc[tgt.head]
        if head.pos_ != "NOUN" or not countryless_role(head, tgt.code or "") \
                or split_code(code_recorded(self.actors, phrase_tokens(head), ctx.day, head)[0])[0] is not None:
            return tgt  # a pronoun or name (its antecedent's), or a phrase naming its country ("Iranian protesters")
        if _ARTICLE_COUNTRY not in ctx.trace or referents_of(ctx, verb.doc, self.actors).country_at(head) != country \
                or not ctx.fire(ABROAD_DOER):
            return tgt  # the country came from an actor the role refers back to ("the militants" named before)
        return replace(tgt, code="".join(roles))

    def _placed_over_the_article(self, verb: Token, ref: ActorRef, other: ActorRef | None, code: str,
                                 ctx: DocContext) -> ActorRef:
        """``ref`` with the country of the place where it acts when it is a role of people without a country of
        its own (``_UNIDENTIFIED_ROLES``: "civilians", "militants", "protesters") that took the country the article
        is about there (actors.role-takes-the-article-country), and its sentence names where it acts in another
        country (``_act_place``: the place phrase of its own noun, else the one country of the places in the
        trigger's clause, a town by its country in the gazetteer): the sentence's own word on where the people are
        comes before the article's default ("militants bombed three compounds in Riyadh" in a story on Iran is
        Saudi Arabia's, "helped militiamen defeat Islamic State in Iraq" Iraq's). A place inside the other
        party's phrase is where that party is, and where this one acts only in an act of force or coercion
        (CAMEO 17-20: "militants stormed the embassy in Baghdad"), which brings both together: "attackers
        collaborated with partners in Afghanistan" need not be there. No place named, no change ("Israeli
        soldiers killed civilians" keeps the article's country); else ``ref`` unchanged."""
        country, roles = split_code(ref.code)
        if country is None or not roles or not set(roles) <= _UNIDENTIFIED_ROLES or _ARTICLE_COUNTRY not in ctx.trace:
            return ref
        head = verb.doc[ref.head]
        if not self._takes_the_article_country(head, ref, country, ctx):
            return ref
        apart = other is not None and code.lstrip("~")[:2] not in _FORCE_ROOTS
        found = self._act_place(verb, ref, ctx, verb.doc[other.head] if other is not None and apart else None,
                                setting=True)
        if found is None or found[0] == country or not ctx.fire(PLACE_OVER_ARTICLE):
            return ref
        return replace(ref, code=found[0] + "".join(roles))

    def _takes_the_article_country(self, head: Token, ref: ActorRef, country: str, ctx: DocContext) -> bool:
        """Whether ``ref``, headed by ``head``, has ``country`` as the article's at it: a role noun that names no
        country in its phrase ("Iranian protesters") and refers back to no actor named before with its role ("the
        militants" after "Hezbollah fighters" are Lebanon's wherever they fight)."""
        if head.pos_ != "NOUN" or not countryless_role(head, ref.code or "") \
                or split_code(code_recorded(self.actors, phrase_tokens(head), ctx.day, head)[0])[0] is not None:
            return False
        refs = referents_of(ctx, head.doc, self.actors)
        if refs.country_at(head) != country:
            return False
        named = refs.role_before(head, split_code(ref.code)[1]) if head.tag_ != "NNS" else None
        return named is None or split_code(named.code)[0] != country

    def _placed_party(self, verb: Token, ref: ActorRef, other: ActorRef, code: str, ctx: DocContext) -> ActorRef:
        """``ref`` with the country where it acts, when it is an unidentified party facing ``other`` (see
        ``_where_they_act``): the one country of the places of the trigger's clause, else where its sentence sets
        it (``_sentence_place``), else the other party's country when that is the story's; else ``ref``
        unchanged."""
        country, roles = split_code(ref.code)
        known = split_code(other.code)[0]
        if country is not None or not roles or not set(roles) <= _UNIDENTIFIED_ROLES or known is None \
                or len(known) != 3 or known in NON_STATE or set(roles) & set(split_code(other.code)[1]):
            return ref  # (the same role on both sides is one party named twice, or its counterpart abroad)
        if any(c.dep_ in ("amod", "compound") and c.lower_ in _OUTSIDE for c in verb.doc[ref.head].children):
            return ref  # "the international community", "foreign journalists": not the country's own
        place = self._place_country(verb, ctx) or self._sentence_place(verb, ref, other, code, ctx)
        if place is None:
            # the lead sentence has no earlier names: there its subject's country is the story's
            story = self._story_country(verb, ctx) or self._story_country(verb.doc[other.head], ctx)
            place = known if story == known else None
        if place is None or not ctx.fire("actors.unidentified-party-takes-the-country-where-it-acts"):
            return ref
        return replace(ref, code=place + "".join(roles))

    def _sentence_place(self, verb: Token, ref: ActorRef, other: ActorRef, code: str,
                        ctx: DocContext) -> str | None:
        """Where the sentence sets an unidentified party that the trigger's clause names no place for
        (``_act_place``, as for actors.place-named-over-the-article-country): the place phrase of its own noun
        ("militants with bases in Afghanistan"), a town by its country in the gazetteer, the clause the trigger's
        belongs to ("in Iraq, where the Quds Force helped Shiite militias kill American soldiers": Iraq's, not
        Iran's, whose force helped them). Asked before the other party's country, which is a guess from the
        story: the sentence's own word on where people are comes first. A place inside the other party's phrase
        counts only in an act of force (CAMEO 17-20). None if no such place or places in several countries."""
        apart = verb.doc[other.head] if code.lstrip("~")[:2] not in _FORCE_ROOTS else None
        found = self._act_place(verb, ref, ctx, apart, setting=True)
        if found is None or not ctx.fire(SENTENCE_PLACE):
            return None
        return found[0]

    def _placed_together(self, verb: Token, src: ActorRef, tgt: ActorRef,
                         ctx: DocContext) -> tuple[ActorRef, ActorRef]:
        """Two unidentified parties facing each other (roles without a country, ``_UNIDENTIFIED_ROLES``), with the
        one country named as a place in the trigger's clause: both take it ("Gunmen kidnapped 30 villagers in
        Nigeria": NGAUAF -> NGACVL; "Bandits killed 12 farmers in Zamfara state, Nigeria"). The place says where
        the act was done, so where both parties were; ``_placed_party`` places a party by the other's country and
        has none to go by here. Not a party put outside ("foreign journalists"), not when the clause names places
        in several countries or none (``_place_country``); else the pair unchanged."""
        doc = verb.doc
        if not (_unplaced(src, doc) and _unplaced(tgt, doc)):
            return src, tgt
        place = self._place_country(verb, ctx)
        if place is None or not ctx.fire(TOGETHER):
            return src, tgt
        return (replace(src, code=place + "".join(split_code(src.code)[1])),
                replace(tgt, code=place + "".join(split_code(tgt.code)[1])))

    def _placed_group(self, verb: Token, ref: ActorRef, other: ActorRef | None, ctx: DocContext) -> ActorRef:
        """``ref`` with the country where it acts, when it is a named armed group without a country of its own
        (``_named_group``: "Isis", "al-Qaida militants", "Kurdish-led forces", "US-backed fighters"), as an armed
        group is coded with the country it fights in within the story (docs/events-gold.md, section 2: "ISIS in
        Syria `SYR`"), role REB: the one country named as a place in the trigger's clause ("killed four Americans
        in north-eastern Syria"), else the country the article names most as a place so far in sentences that
        tell of fighting or name the group (``Referents.place_country_at``, ``_fighting``), where it fights. Not
        the country the article is about by its actors (a Guardian story on Shamima Begum is about Britain, its
        Isis fought in Syria), and not the story place when that is the country of the other party and that
        party is no state body and is named by its nationality ("Isis killed four Americans", "an American woman
        captured by Kurdish forces" in a story that names Alabama): nationals may be abroad, and the place must be
        named then. Else ``ref`` unchanged."""
        if ref.code is None or split_code(ref.code)[0] is not None or not _named_group(verb.doc, ref):
            return ref
        place = self._group_place(verb, ref, ctx)
        if place is None:
            place = referents_of(ctx, verb.doc, self.actors).place_country_at(verb, _fighting(verb, ref))
            known, roles = split_code(other.code) if other is not None else (None, ())
            if place is not None and other is not None and known == place and not set(roles) & _GROUP_PLACED \
                    and any(t.lower_ in demonyms() for t in verb.doc[other.start : other.end]):
                return ref  # "Isis killed four Americans", "captured an American woman": nationals may be abroad
        if place is None or not ctx.fire("actors.armed-group-takes-the-country-where-it-acts"):
            return ref
        return replace(ref, code=place + _group_roles(ref.code))

    def _group_place(self, verb: Token, ref: ActorRef, ctx: DocContext) -> str | None:
        """Where a named armed group acts by its own sentence (``_placed_group``): the country of the place phrase
        of the group's own noun ("Al Qaeda fighters in Iran were preparing an attack on Western targets in Saudi
        Arabia": Iran, where they are), else the one country of the places named in the trigger's clause, else,
        when these are in several countries, the one of the places hanging on the trigger itself (its locative
        adjunct: "Isis fighters attacked a convoy from Turkey near Hajin" is in Syria). A town, province or region
        the dictionaries do not code counts by its country in the gazetteer (``towns.town_country``: "near Deir
        ez-Zor", "in Hajin", "north of Idlib city": Syria). None if no place is named there (actors.armed-group-
        places-it-by-the-town-where-it-acts when a town decides)."""
        found = self._act_place(verb, ref, ctx)
        if found is None or (found[1] and not ctx.fire("actors.armed-group-places-it-by-the-town-where-it-acts")):
            return None
        return found[0]

    def _act_place(self, verb: Token, ref: ActorRef, ctx: DocContext, apart: Token | None = None,
                   setting: bool = False) -> tuple[str, bool] | None:
        """The country where ``ref`` acts by its own sentence, and whether only towns of the gazetteer name it:
        the country of the place phrase of its own noun, else the one country of the places named in the trigger's
        clause, else, when these are in several countries, the one of the places hanging on the trigger itself
        (see ``_group_place``); not a place inside the phrase headed by ``apart`` (another party's). With
        ``setting``, a clause that names no place is set where the clause it belongs to is (``_setting_places``).
        None if no place or places in several countries are named there."""
        doc = verb.doc
        own = self._placed_names([t for p in doc[ref.head].children if p.dep_ == "prep" and p.lower_ in PLACE_PREPS
                                  for t in p.subtree], None, ctx)
        if len({c for _, c, _ in own}) != 1:
            skip = {t.i for t in apart.subtree} if apart is not None else set()
            found = self._placed_names([t for t in ctx.clause(verb) if t.i not in skip], verb, ctx)
            if len({c for _, c, _ in found}) > 1:  # several countries: the trigger's own adjunct decides
                found = [f for f in found if f[0].head.head.i == verb.i]
            own = found
        if not own and setting:
            own = self._setting_places(verb, ctx)
        countries = {c for _, c, _ in own}
        if len(countries) != 1:
            return None
        return countries.pop(), all(town for _, _, town in own)

    def _setting_places(self, verb: Token, ctx: DocContext) -> list[tuple[Token, str, bool]]:
        """The places of the clause that sets the trigger's own: for a participle clause without a subject of its
        own, the places hanging on the verb it belongs to ("militants bombed three compounds in Riyadh, killing
        thirty-five people": the killing was in Riyadh too); for a relative clause opened by "where" (or a
        complement inside one), the place it describes ("in Iraq, where the Quds Force helped Shiite militias
        kill American soldiers"). None else."""
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ in SUBJ_DEPS for c in verb.children):
            return self._placed_names(ctx.clause(verb.head), verb.head, ctx)
        rel = verb if verb.dep_ == "relcl" else verb.head if verb.dep_ in ("xcomp", "ccomp") else None
        if rel is not None and rel.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where"
                                                            for c in rel.children):
            return self._placed_names([rel.head], None, ctx)
        return []

    def _placed_names(self, toks: Sequence[Token], verb: Token | None,
                      ctx: DocContext) -> list[tuple[Token, str, bool]]:
        """(the object of a preposition of place, its country, whether that comes from the gazetteer) for each
        place named among ``toks`` ("in Syria", "near Deir ez-Zor", "in Baghuz, eastern Syria": the apposition's
        country; "north of Idlib city", "at the al-Hawl camp": a name before a place noun), hanging on ``verb``
        (``lexicon.placed``) when given. A name the dictionaries code as a country is theirs; one they do not code
        at all may be a town (``towns.town_country``)."""
        out = []
        for tok in toks:
            place = tok.head if tok.dep_ == "appos" else tok
            if place.dep_ == "compound" and place.head.lemma_.lower() in _PLACE_NOUNS:
                place = place.head  # "Idlib city", "the Raqqa front", "the al-Hawl camp"
            prep = place.head
            if place.dep_ != "pobj" or tok.pos_ != "PROPN" \
                    or not (prep.lower_ in PLACE_PREPS or _beside(prep)) or not _hangs_on(place, verb):
                continue
            if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
                continue  # a word of a longer name ("Deir" of "Deir ez-Zor"): the name is its last word's
            code = self.actors.code_tokens(phrase_tokens(tok), ctx.day, tok, ctx.fire)[0]
            if code and len(code) == 3 and code.isalpha() and code not in NON_STATE:
                out.append((place, code, False))
                continue
            town = town_country(name_text(tok), self.gazetteer) if not code and tok.ent_type_ not in _NO_PLACE \
                else None
            if town is not None and (town.well_known or town.country in self._countries_named(tok.doc, ctx)):
                out.append((place, town.country, True))
        return out

    def _countries_named(self, doc: Doc, ctx: DocContext) -> frozenset[str]:
        """The countries the document's names code (``Referents.names``): a small town counts by its country in
        the gazetteer only in an article that names that country ("Azzan" in a story on Yemen is no Italian
        town)."""
        return frozenset(split_code(m.code)[0] or "" for m in referents_of(ctx, doc, self.actors).names)

    def _appealed_government(self, verb: Token, src: ActorRef, tgt: ActorRef, code: str,
                             ctx: DocContext) -> ActorRef:
        """``tgt`` with a country when it is "the government" (a countryless GOV role without an owner) appealed to
        or asked of (02x, 10x): the government of the country the story is about there, else the appealer's own
        ("The father of Shamima Begum ... has urged the government not to revoke her UK citizenship": GBRGOV; one
        calls one's own government "the government"); else ``tgt`` unchanged."""
        country, roles = split_code(tgt.code)
        if country is not None or list(roles) != ["GOV"] or code.lstrip("~")[:2] not in _APPEAL_ROOTS \
                or not countryless_role(verb.doc[tgt.head], tgt.code or ""):
            return tgt
        own = split_code(src.code)[0]
        country = self._story_country(verb, ctx) or own
        if country is None or len(country) != 3 or country in NON_STATE \
                or not ctx.fire("target.government-appealed-to-is-of-the-story-country"):
            return tgt
        return replace(tgt, code=country + "GOV")

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

    def _place_country(self, verb: Token, ctx: DocContext, preps: frozenset[str] = PLACE_PREPS,
                       appositions: bool = False) -> str | None:
        """The one country named as a place ("in Algiers", "at a jail in Lebanon"; after one of ``preps``) in the
        trigger's clause, for a source whose country is unknown (a role noun or an uncoded name with a title); None
        if none or several. With ``appositions``, also a country in apposition to the place ("in Baghuz, eastern
        Syria": the town is in Syria)."""
        found: set[str] = set()
        for tok in ctx.clause(verb):
            place = tok.head if appositions and tok.dep_ == "appos" else tok
            if place.dep_ == "pobj" and tok.pos_ == "PROPN" and place.head.lower_ in preps and placed(place, verb):
                code = self.actors.code_tokens(phrase_tokens(tok), ctx.day, tok, ctx.fire)[0]
                if code and len(code) == 3 and code.isalpha() and code not in NON_STATE:
                    found.add(code)
        return found.pop() if len(found) == 1 else None


# roles of people and groups that, named without a country, take the country where they act
# (``EventCoder._where_they_act``); not institutions (a government, an army, police, a parliament: "the army
# shelled positions near Aleppo" need not be Syria's), companies and ships ("the tanker"), organisations
_UNIDENTIFIED_ROLES = frozenset({"CVL", "PPL", "UAF", "REB", "INS", "CRM", "MED", "OPP", "LAB", "EDU", "HLH", "REF",
                                 "AGR", "MUS", "CHR", "REL", "SEP", "RAD", "MOD", "ELI"})


TOGETHER = "actors.unidentified-parties-take-the-country-where-they-act"
# people acted on by another country's actor are not the article's country's by default
ABROAD_DOER = "actors.acted-on-by-another-country-is-not-the-article-country"
_ARTICLE_COUNTRY = "actors.role-takes-the-article-country"
# people named where they act in another country than the article's are of that country
PLACE_OVER_ARTICLE = "actors.place-named-over-the-article-country"
# an unidentified party set by its sentence's places, before the other party's country
SENTENCE_PLACE = "actors.unidentified-party-takes-the-place-its-sentence-names"
# acts of coercion and force (CAMEO 17-20), done where their target is
_FORCE_ROOTS = frozenset({"17", "18", "19", "20"})


def _unplaced(ref: ActorRef, doc: Doc) -> bool:
    """``ref`` is a role without a country that takes the country where it acts (``_UNIDENTIFIED_ROLES``), and no
    modifier puts it outside ("foreign journalists", "the international community")."""
    country, roles = split_code(ref.code)
    return country is None and bool(roles) and set(roles) <= _UNIDENTIFIED_ROLES and not any(
        c.dep_ in ("amod", "compound") and c.lower_ in _OUTSIDE for c in doc[ref.head].children)


# roles of a band of fighters named without a country (``_named_group``): a force without a state is a rebel
# or insurgent group (REB), not a state's military (MIL)
_GROUP_ROLES = ARMED_FORCES | {"RAD", "MUS"}  # radical or Muslim: "IMGMUSISI"
# a state's own bodies, which act in their country (or are named there); people of a country may be anywhere
_STATE_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# ... and so does an armed group coded with its country ("the Kurdish-led SDF", SYRREB): its people's name is part
# of its name, not a sign of nationals abroad
_GROUP_PLACED = _STATE_ROLES | {"REB"}
_ARMED_GROUP_NOUNS = words("title_words", "armed-group")
# modifiers of a force noun that name a state's own forces, not an armed group ("government forces")
_STATE_FORCE_WORDS = frozenset({"government", "regime"})
_ARMED_WORDS = words("senses", "armed-word")


def _named_group(doc: Doc, ref: ActorRef) -> bool:
    """Whether ``ref`` names an armed group that has no country of its own: a code of an international militant
    group (IMG: "Isis", "al-Qaida"), or a noun of fighters (lexicons/title_words.tsv, armed-group) with roles of
    fighters only, named by a name or a people in its phrase ("al-Qaida militants", "Kurdish-led forces",
    "US-backed fighters", "HTS fighters") and owned by no one; not a bare role ("the rebels", "gunmen", "the
    army": the rule actors.unidentified-party-takes-the-country-where-it-acts places those facing a country's
    actor), nor one named by a modifier that puts it outside ("foreign fighters"), by a state's demonym
    ("Kurdish and Iraqi forces") or as a state's ("Iran-backed government forces")."""
    roles = split_code(ref.code)[1]
    if "IMG" in roles:
        return True
    head = doc[ref.head]
    if not roles or not set(roles) <= _GROUP_ROLES or head.lemma_.lower() not in _ARMED_GROUP_NOUNS \
            or any(c.dep_ == "poss" for c in head.children):
        return False  # (a possessor's forces are its own: "the African nation's small air force", "its fighters")
    phrase = doc[ref.start : ref.end]
    if any(t.lower_ in _OUTSIDE or t.lower_ in demonyms() for t in phrase):
        return False  # "foreign fighters"; "Kurdish and Iraqi forces" are Iraq's too, not a group's
    if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in _STATE_FORCE_WORDS for c in head.children):
        return False  # "Iran-backed government forces", "regime forces": a state's army, whoever backs it
    return any(t.i != head.i and (t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "ORG")) for t in phrase)


# entity labels of names that are no town (a person, a date or number; the parser calls many a town NORP or ORG)
_NO_PLACE = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
_PLACE_NOUNS = words("place_words", "place-noun")
# a direction before "of" makes it a preposition of place: "north of Idlib city", "east of Raqqa"
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "north-east", "north-west", "south-east", "south-west"})


def _beside(prep: Token) -> bool:
    """Whether the preposition ``prep`` says where: by a direction from a place ("north of Idlib city"), or as the
    name of a place noun ("seized the town of Azzan")."""
    return prep.lower_ == "of" and (prep.head.lower_ in _DIRECTIONS or prep.head.lemma_.lower() in _PLACE_NOUNS)


def _hangs_on(place: Token, verb: Token | None) -> bool:
    """Whether the place phrase of ``place`` hangs on ``verb`` or its object (``lexicon.placed``), also through
    a direction ("established a community north of Idlib city"); any phrase when ``verb`` is None."""
    if verb is None or placed(place, verb):
        return True
    return _beside(place.head) and place.head.head.head.i == verb.i




def _fighting(verb: Token, ref: ActorRef) -> Callable[[int], bool]:
    """Which sentences (by index) up to ``verb``'s tell of fighting (a word of arms, lexicons/senses.tsv
    armed-word: "fighters", "forces", "airstrikes") or name the group by the head word of ``ref``: the places
    they name are where armed groups act, not where officials talk about them ("Turkey has asked Washington to
    hand over its bases")."""
    doc = verb.doc
    own = doc[ref.head].lower_
    found = {n for n, sent in enumerate(doc.sents) if sent.start <= verb.i
             and any(t.lower_ in _ARMED_WORDS or t.lower_ == own for t in sent)}
    return found.__contains__


def _group_roles(code: str) -> str:
    """The roles of a placed armed group: REB first (docs/events-gold.md codes armed groups REB), then the
    group's own ("IMGMUSISI" -> "REBIMGMUSISI"; "---MIL" -> "REB"; "---UAF" -> "UAF")."""
    roles = split_code(code)[1]
    if "IMG" in roles or "MIL" in roles:
        return "REB" + "".join(r for r in roles if r not in ("REB", "MIL"))
    return "".join(roles)


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


# appeals (02x) and demands (10x): an addressee "the government" is a government of some country
_APPEAL_ROOTS = frozenset({"02", "10"})
