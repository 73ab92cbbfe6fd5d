"""A trigger's arguments and event pairs (mixin of ``engine.EventCoder``): its coded sources and targets
(nominal, clausal, or from an unnamed accuser), the arguments its own phrases leave implicit (armed "they", a
pronoun object repeating an earlier object, the target of a refusal), the authorities who arrest and try when no
agent is named, and the (source, target, code) pairs of the event and its converse."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..resources.petrarch import Dictionaries, VerbEntry
from .actor_codes import NON_STATE, split_code
from .actor_fallbacks import country_names
from .consultation_nouns import FIGHTING, consultation_code, consultation_parties, fighting_code
from .context import DocContext
from .coordinated_actors import nationals_together
from .earlier_makers import earlier_maker
from .event_places import EventPlaces
from .hostage_passives import RULE as HELD_HOSTAGE
from .hostage_passives import held_hostage_passive
from .lexicon import ARMED_OUTLAWS, ARMED_PARTIES, FORCE_ROOTS, UNDERGOER_VERBS, domestic_role
from .lexicons import words
from .nominals import nominal_arguments
from .patterns import PatternMatch
from .phrase_actors import ActorRef
from .place_converse import object_is_no_partner, thing_hosts_no_one
from .referents import referents_of
from .rivals import rival_parties
from .root_parties import named_parties
from .source_finders import SUBJ_DEPS, VISITING, attributive_visitor, reduced_passive
from .speech import accuser, addressee_without_code, one_sided_statement, unnamed_accuser
from .syntax import phrase_tokens, regular_stems
from .ultimatum import ULTIMATUM, asker, ultimatum_code

if TYPE_CHECKING:
    from spacy.tokens import Token


class EventArguments(EventPlaces):
    """Mixin of ``EventCoder``: the sources, targets and pairs of a trigger's events."""

    # set by ``EventCoder``
    dicts: Dictionaries
    real_news: bool
    require_target: bool
    targetless_roots: frozenset[str]
    _verb_entries: Callable[[Token], list[VerbEntry]]

    def _arguments(self, verb: Token, match: PatternMatch, ctx: DocContext, *,
                   nominal: bool, lead: bool) -> tuple[list[ActorRef], list[ActorRef]]:
        """Coded sources and targets of a trigger; ``lead``: it is in the lead sentence (``headline_doer``)."""
        if nominal:
            sources, targets = nominal_arguments(self, verb, ctx, match.code)
            if consultation_code(verb) is not None:
                sources, targets = consultation_parties(self, verb, sources, ctx)
            elif fighting_code(verb) is not None:
                sources, targets = consultation_parties(self, verb, sources, ctx, rule=FIGHTING)
        elif match.code.startswith(":") and verb.lemma_.lower() in UNDERGOER_VERBS and self.real_news \
                and ctx.fire("candidates.died-in-an-attack"):
            # "21 passengers died in the attack (by X)": the dead (subject) are the target of the attack's doer
            sources, targets = self._sources(verb, match, ctx), self._instrument(verb, ctx)
        elif self.real_news and not self.ud_petrarch \
                and (accused := unnamed_accuser(self, verb, match, ctx)) is not None:
            sources, targets = accused  # "Paris was accused of aiding rebels": an unnamed accuser -> FRA
        else:
            sources, targets = self._clause_arguments(verb, match, ctx, lead=lead)
        sources = [s for s in sources if s.code]
        targets = [t for t in targets if t.code]
        if not nominal:
            sources, targets = self._implicit_arguments(verb, match, sources, targets, ctx)
        if self.real_news and not (sources and targets):
            sources, targets = self._authority(verb, sources, targets, ctx, nominal=nominal)
        if sources and not nominal and any(domestic_role(s.code) for s in sources):
            place = self._place_country(verb, ctx)
            if place is not None and ctx.fire("source.domestic-role-takes-the-place-country"):
                # "President X threatened a curfew in Algiers": a domestic actor of Algeria
                sources = [replace(s, code=place + (s.code or "")[3:]) if domestic_role(s.code) else s
                           for s in sources]
        return sources, targets

    def _clause_arguments(self, verb: Token, match: PatternMatch, ctx: DocContext, *,
                          lead: bool) -> tuple[list[ActorRef], list[ActorRef]]:
        """The source and target of a verb from its clause; for the penalty of an ultimatum ("urged Russia to
        accept ... or face sanctions"), those of the verb of asking: the one asking threatens the one asked."""
        held = self._held_hostage(verb, ctx)
        if held is not None:
            return held
        asking = asker(verb) if ULTIMATUM in ctx.trace and ultimatum_code(verb) is not None else None
        if asking is not None:
            sources = self._sources(asking, PatternMatch(None, match.code, 0), ctx)
            return sources, self._targets(asking, PatternMatch(None, "020", 0), ctx, sources)
        sources = self._sources(verb, match, ctx)
        if self._doerless(verb, match, sources, ctx, lead=lead):
            return sources, []  # no event whatever its targets: they are not looked for (issue 20, speed)
        targets = self._targets(verb, match, ctx, sources)
        if self.real_news and targets and attributive_visitor(verb) and ctx.fire(VISITING):
            return targets, sources  # "Blinken assured visiting Australian Foreign Minister Payne": Payne visits
        return sources, targets

    def _held_hostage(self, verb: Token, ctx: DocContext) -> tuple[list[ActorRef], list[ActorRef]] | None:
        """"Passengers held hostage by Baloch militants": the participle's noun is the one held and "by" names the
        holder (hostage_passives.py); None when the verb is no such participle."""
        held = held_hostage_passive(verb) if self.real_news else None
        if held is None or not ctx.fire(HELD_HOSTAGE):
            return None
        by, patient = held
        sources = self.actors_inside(by, ctx) if by is not None else []
        return sources, self._actors(patient, ctx, direct=True) if patient is not None and sources else []

    def _doerless(self, verb: Token, match: PatternMatch, sources: Sequence[ActorRef], ctx: DocContext, *,
                  lead: bool) -> bool:
        """The verb's clause names no coded source, and no later step can give it one whatever its targets are,
        so it has no event (``EventCoder._events`` drops a trigger without sources) and its targets need not be
        found (about a third of the events stage's argument finding on BBC news: most dictionary verbs are told
        of people and things the dictionaries do not code). The steps that can still give a source, each of which
        reads the targets or needs them for an event: the armed "they" of an act of force (``_implicit_arguments``,
        whose event then wants a target), the authorities of an arrest, a charge or a release
        (``_authority``), and the headline's doer of the lead's act (``headline_doer``)."""
        if any(s.code for s in sources):
            return False
        if not self.real_news:  # none of those steps codes a PETRARCH record
            return True
        if match.code.lstrip(":")[:2] in FORCE_ROOTS or _AUTHORITY_ROLE.get(_act_word(verb)) is not None:
            return False
        return not (lead and ctx.headline_acts and verb.pos_ == "VERB")

    def _authority(self, verb: Token, sources: list[ActorRef], targets: list[ActorRef], ctx: DocContext, *,
                   nominal: bool) -> tuple[list[ActorRef], list[ActorRef]]:
        """An arrest, a detention, a charge or a sentence with no agent named ("was arrested", "a Briton
        detained in Iran", "the reporter's arrest") is the act of the police or the courts of the country where it
        happens (the one place named in the clause, else the country of the one arrested). The possessor of such
        a noun is the one it is done to ("his arrest", not "his arrest of X"). A release ("she was freed on
        bail") is done where the one freed was held, never by their own country, and not by the authorities
        after an abduction."""
        act = _act_word(verb)
        role = _AUTHORITY_ROLE.get(act)
        # "condemned the arrest of X": an act named as the object of another act is coded once, as the outer act
        if role is None or (not nominal and not _passive(verb)) or (nominal and verb.dep_ in ("dobj", "obj")):
            return sources, targets
        if not nominal and any(c.dep_ == "agent" for c in verb.children):
            return sources, targets  # "freed by their captors": the doer is named, if not coded
        if nominal and sources and not targets and not any(c.dep_ == "prep" and c.lower_ in ("by", "of")
                                                            for c in verb.children):
            sources, targets = [], [replace(s, direct=False) for s in sources]
        release = act in _RELEASE
        if release and not nominal and self._place_freed(verb, ctx) \
                and ctx.fire("source.place-freed-is-no-custody-release"):
            return sources, targets  # "Mosul was freed from Isis control": territory taken back, no one let out
        if release and self._after_abduction(verb) and ctx.fire("source.captors-free-their-hostages"):
            return sources, targets  # "a journalist kidnapped in Somalia was released": by the kidnappers
        if release and not nominal:
            targets = _released_from(verb, targets, ctx)  # "freed from prison": where, not whom
        # one freed is freed where they were held, whatever their own country ("a Briton held in Iran")
        countries = {split_code(t.code)[0] for t in targets} if not release else set()
        place = self._place_country(verb, ctx)
        country = place or (countries.pop() if len(countries) == 1 else None)
        if sources:
            return sources, targets
        patient = None if targets else _held_person(verb, nominal=nominal)
        held = country
        if country is None and (targets or patient is not None):
            country, held = self._unplaced_authority(verb, ctx)
        if country is None or self._abducted(verb) or not ctx.fire("source.authorities-arrest-and-try"):
            return sources, targets
        return [ActorRef(verb.i, verb.i + 1, verb.i, country + role, "", direct=False)], \
            self._held_targets(held or country, patient, targets, ctx)

    def _unplaced_authority(self, verb: Token, ctx: DocContext) -> tuple[str | None, str | None]:
        """The country whose authorities did an act of custody that no place or patient's country locates, and
        the country of the one it is done to when the text names none: the state body announcing it when that is
        of another country than the story's ("the Pentagon says they were freed", the freed being of the story's
        country, whose article tells of them), else the country the article is about there, for both."""
        country = self._story_country(verb, ctx)
        announcer = self._announcing_state(verb, ctx)
        if announcer is not None and announcer != country and ctx.fire("source.authorities-of-the-announcing-state"):
            return announcer, country
        if country is not None and not ctx.fire("source.authorities-of-the-story-country"):
            return None, None
        return country, country

    def _place_freed(self, verb: Token, ctx: DocContext) -> bool:
        """What a passive release frees is a place: a place noun ("her village was freed from Isis") or a name
        alone, no person's, that the dictionaries code as a country with no role, a town or a country ("Mosul was
        freed from Isis control")."""
        freed = verb.head if reduced_passive(verb) else next(
            (c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if freed is None:
            return False
        if freed.lemma_.lower() in _PLACE_NOUNS:
            return True
        toks = phrase_tokens(freed)
        # a name alone, not a person's ("Australian Mamdouh Habib" is coded AUS by his demonym; "Mosul" by the
        # dictionaries' towns)
        if freed.pos_ != "PROPN" or any(t.pos_ not in ("PROPN", "DET") for t in toks) \
                or freed.ent_type_ == "PERSON" or _named_in_full(freed):
            return False
        code = self.actors.code_tokens(toks, ctx.day, freed, ctx.fire)[0] or ""
        return len(code) == 3 and code.isalpha() and code not in NON_STATE

    def _announcing_state(self, verb: Token, ctx: DocContext) -> str | None:
        """The country of the state body (a government, its forces, police, courts or services, or a country named
        alone) whose statement the act is told in: the subject of the speech verb whose complement holds the act
        ("the Pentagon says they were freed", "the US has announced that Habib will be released"). None when the
        speaker is no state body or the act is told in no statement."""
        clause = verb
        while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
            clause = clause.head  # "was arrested and charged", "is to be freed"
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in _SPEECH_VERBS:
            return None
        speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        ref = self._actor(speaker, ctx, direct=False) if speaker is not None else None
        country, roles = split_code(ref.code) if ref is not None else (None, [])
        if country is None or len(country) != 3 or country in NON_STATE:
            return None
        # a role of the state, or the country itself named as speaker ("the US has announced"), not a person or
        # group the dictionaries give a country alone
        if not (set(roles) <= _STATE_BODIES if roles else speaker is not None and _country_named(speaker)):
            return None
        return country

    @staticmethod
    def _held_targets(country: str, patient: Token | None, targets: list[ActorRef],
                      ctx: DocContext) -> list[ActorRef]:
        """"He was charged", "Moyo's arrest", "the arrest of an opposition lawmaker": a person the article
        names without a country (or a pronoun for one, or a role without one) held or tried by a country's
        authorities is taken as one of its people."""
        if patient is not None and ctx.fire("target.one-held-is-of-the-country-holding-them"):
            toks = phrase_tokens(patient)
            return [ActorRef(toks[0].i, toks[-1].i + 1, patient.i, country, "", direct=False)]
        out = []
        for t in targets:
            owner, roles = split_code(t.code)
            if owner is None and roles and not set(roles) & NON_STATE \
                    and ctx.fire("target.one-held-is-of-the-country-holding-them"):
                t = replace(t, code=country + "".join(roles))
            out.append(t)
        return out

    def _abducted(self, verb: Token) -> bool:
        """The one held was abducted, told by a participle of their phrase that the dictionaries code 181 ("aid
        workers kidnapped by al-Shabab were imprisoned in a cave"): their captors hold them, not the courts.
        "Men were arrested over the kidnapping" is still the authorities' act."""
        return any(m.dep_ == "acl" and any(e.code.startswith("181") for e in self._verb_entries(m))
                   for p in verb.children if p.dep_ == "nsubjpass" for m in p.children)

    def _after_abduction(self, verb: Token) -> bool:
        """The sentence of a release also tells of an abduction or hostage-taking (a word the dictionaries code
        181: "kidnapped", "abduction"): those freed were held by captors, not by the authorities."""
        return any(e.code.startswith("181") for t in verb.sent if t.i != verb.i for e in self._verb_entries(t))

    def _armed_they(self, verb: Token, ctx: DocContext) -> list[ActorRef]:
        """The source of an act of force whose subject is "they" naming no one in its sentence: the nearest armed
        group or force named before (``Referents.armed_before``). Those who shoot, kill or attack bear arms; the
        nearest group named may be their victims telling of it ("Two of the passengers described ... the Baloch
        Liberation Army. 'They shot and killed people on the train'")."""
        clause = verb
        while clause.dep_ == "conj" and not any(c.dep_ in SUBJ_DEPS for c in clause.children):
            clause = clause.head  # "shot and killed": the subject is the first verb's
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ != "they":
            return []
        armed = self._armed_before(subject, ctx)
        if armed is None or not ctx.fire("actors.they-who-use-force-bear-arms"):
            return []
        return [ActorRef(subject.i, subject.i + 1, subject.i, armed.code, armed.name, direct=False)]

    def _earlier_object(self, verb: Token, ctx: DocContext) -> list[ActorRef]:
        """The target of a verb whose object is "them", "him" or "her" and which is coordinated after a verb with a
        noun object: that object ("picked out police officers, tied their hands and shot them", "arrested three
        men and beat them"), which the pronoun repeats; the coordination keeps one subject and its object in
        view."""
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        if obj is None or obj.lower_ not in ("them", "him", "her") or verb.dep_ != "conj":
            return []
        found: list[ActorRef] = []
        head = verb
        while not found and head.dep_ == "conj" and head.head.i != head.i:
            head = head.head  # back along the coordination to the nearest object that names an actor
            objs = [c for c in head.children if c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN")]
            found = [t for o in objs for t in self.phrase_actors(o, ctx, direct=False) if t.code]
        if not found or not ctx.fire("target.pronoun-object-repeats-the-earlier-object"):
            return []
        return found

    def _implicit_arguments(self, verb: Token, match: PatternMatch, sources: list[ActorRef], targets: list[ActorRef],
                            ctx: DocContext) -> tuple[list[ActorRef], list[ActorRef]]:
        """A verb's arguments that its own phrases leave implicit: "they" who use force, a pronoun object that
        repeats an earlier conjunct's object, the target of a refused act."""
        if not sources and self.real_news and match.code.lstrip(":")[:2] in FORCE_ROOTS:
            sources = self._armed_they(verb, ctx)  # "They shot and killed people on the train"
        if sources and not targets:
            targets = self._earlier_object(verb, ctx)  # "picked out police officers and shot them"
        if sources and not targets and match.code[:2] == "12":
            targets = self._refused_target(verb, match, sources, ctx)  # "refused to attend a hearing by the ICJ"
        if sources and not targets:
            targets = accuser(verb, sources, match.code, ctx)  # "blamed India ..., a charge New Delhi rejected"
        if sources and not targets and self.real_news and not self.ud_petrarch:
            targets = earlier_maker(self, verb, sources, match.code, ctx)  # "... rejected the resolution"
        return sources, targets

    def _guessed_targets(self, verb: Token, targets: list[ActorRef], ctx: DocContext, *,
                         guessed: bool) -> list[ActorRef] | None:
        """The targets of a verb whose code is still the root its dictionary patterns share (``guessed``: no pattern
        matched and no rule of sense recoded it): those its own phrase names (root_parties.py), and None (no
        event) when there is none: "A TV station has refused to show a series", "has not ruled out a return"."""
        if not guessed:
            return targets
        named = named_parties(verb, targets)
        if len(named) < len(targets) and ctx.fire("target.dominant-root-needs-its-object"):
            targets = named
        if not targets and ctx.fire("target.dominant-root-is-never-one-sided"):
            return None
        return targets

    def _refused_target(self, verb: Token, match: PatternMatch, sources: list[ActorRef],
                        ctx: DocContext) -> list[ActorRef]:
        """The target of a refusal (root 12) that names none of its own: the one the refused act is directed at
        ("Kenya refused to attend a hearing by the UN's highest court": Kenya rejects the court; "declined to
        meet the envoy"), as a refusal is a rejection of the party who asks for or would receive the act."""
        if verb.lemma_.lower() not in _REFUSAL_VERBS:
            return []
        acts = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        found = [t for a in acts for t in self._targets(a, PatternMatch(None, match.code, 0), ctx, sources)
                 if t.code and t.code not in {s.code for s in sources}]
        if not found or not ctx.fire("target.refusal-rejects-the-refused-acts-target"):
            return []
        return found

    def _armed_before(self, tok: Token, ctx: DocContext) -> ActorRef | None:
        """The nearest noun phrase before ``tok``, in its sentence or the ``_ARMED_WINDOW`` before, that codes an
        armed group, force or gang (``_ARMED_ROLES``): "The militants then asked passengers ... 'Then they
        picked out police officers and shot them'"."""
        start = referents_of(ctx, tok.doc, self.actors).window_start(tok, _ARMED_WINDOW)
        for i in range(tok.i - 1, start - 1, -1):
            head = tok.doc[i]
            if head.pos_ not in ("NOUN", "PROPN") or head.dep_ in ("compound", "amod"):
                continue
            ref = self._actor(head, ctx, direct=False)
            if ref is not None and ref.code and set(split_code(ref.code)[1]) & _ARMED_ROLES:
                return ref
        return None

    def _pairs(self, verb: Token, match: PatternMatch, sources: Sequence[ActorRef], targets: Sequence[ActorRef],
               codes: tuple[str, str, str | None], ctx: DocContext) -> list[tuple[ActorRef, ActorRef | None, str]]:
        """(source, target, code) of each event; a code starting with "~" is the converse of a paired code."""
        code, forward, converse = codes
        pairs: list[tuple[ActorRef, ActorRef | None, str]] = []
        if self._reciprocal(verb, match, code, (sources, targets), ctx) \
                and ctx.fire("target.compound-subject-is-reciprocal"):
            pairs = [(a, b, code) for a in sources for b in sources if a.code != b.code]
        elif targets:
            # a target that is itself one of the sources (a finder pairing the subject's conjuncts) is no part of
            # another source's phrase, even when coordinated modifiers share a head ("Cameroon and C.A.R.
            # officials": CMR and CAF, both headed by "officials")
            own = {(a.start, a.end, a.code) for a in sources}
            for s in sources:
                for t in targets:
                    if (s.code == t.code and not rival_parties(s, t, code, verb, ctx)) or (
                            s.start <= t.head < s.end and (t.start, t.end, t.code) not in own):
                        continue
                    if not forward:
                        pairs.append((t, s, code))
                        continue
                    pairs.append((s, t, code))
                    if converse and not (self.real_news and (thing_hosts_no_one(verb, code, t, ctx)
                                                             or object_is_no_partner(verb, match, t, ctx))):
                        pairs.append((t, s, "~" + converse))  # "~": the converse, an inferred event
        if not pairs and forward and self._one_sided(verb, match, code, (sources, targets), ctx):
            # no target, or only the source itself ("Nigerians converged for a rally in Lagos"): a one-sided act
            pairs = [(s, None, code) for s in sources]
        return pairs

    def _reciprocal(self, verb: Token, match: PatternMatch, code: str,
                    parties: tuple[Sequence[ActorRef], Sequence[ActorRef]], ctx: DocContext) -> bool:
        """A compound subject without a target acts each with the others: for "%" patterns and consultations ("X
        and Y met"); not for a visit, which goes one way: those who visit or attend together are fellow visitors
        ("Representatives from China, India and Brazil were invited to attend some of the sessions")."""
        sources, targets = parties
        if targets or len(sources) < 2 or not (match.compound or (not _fellow_visitors(verb, code) and (
                code[:2] == "04" or self._has_compound(verb)))):
            return False
        if not match.compound and verb.lemma_.lower() in _ONE_WAY_VERBS and not _talks_subject(verb) \
                and ctx.fire(ONE_WAY):
            return False  # "women and children have arrived": each arrived, no one consulted another
        # "Iranian and Iraqi pilgrims gathered": one crowd of two nationalities, not two sides
        return not (nationals_together(verb.doc, sources) and ctx.fire(NATIONALS))

    def _one_sided(self, verb: Token, match: PatternMatch, code: str,
                   parties: tuple[Sequence[ActorRef], Sequence[ActorRef]], ctx: DocContext) -> bool:
        """The act is kept without a target: its root needs none or it is a statement to no one; not an opinion
        whose addressee is named without a code of its own ("accused Mr McLetchie of ...": no event)."""
        if self.require_target and code[:2] not in self.targetless_roots \
                and not one_sided_statement(verb, code, match, ctx):
            return False
        if self.real_news and not self.ud_petrarch and addressee_without_code(verb, match, *parties) \
                and ctx.fire("target.uncoded-addressee-leaves-no-event"):
            return False
        return ctx.fire("target.one-sided-act")

    def _has_compound(self, verb: Token) -> bool:
        return any(e.block and any("%" in p.pre for p in self.dicts.patterns.get(e.block, ()))
                   for e in self._verb_entries(verb))


# make and host a visit: acts that go one way, from visitor to host
_VISIT_CODES = frozenset({"042", "043"})
_CONSULTATIONS = words("event_nouns", "consultation")


def _fellow_visitors(verb: Token, code: str) -> bool:
    """A visit (042, 043) whose subject is no consultation noun: its compound subject visit or attend together
    ("Representatives from China, India and Brazil were invited to attend some of the sessions"); "negotiations
    between Britain and Mauritius have been going on" are talks between the two, however the verb is coded."""
    return code[:3] in _VISIT_CODES and not _talks_subject(verb)


def _talks_subject(verb: Token) -> bool:
    """The verb's subject is a consultation noun: "negotiations between Britain and Mauritius have been going on"
    tells of talks between the two, whatever the verb."""
    return any(c.dep_ in SUBJ_DEPS and {c.lemma_.lower(), c.lower_.removesuffix("s")} & _CONSULTATIONS
               for c in verb.children)
# roles of those who bear arms: whom "they" who shoot or kill may be (``EventCoder._armed_they``), and how many
# sentences back they are looked for (as far as a title refers back, referents._ROLE_WINDOW)
_ARMED_ROLES = ARMED_PARTIES | ARMED_OUTLAWS
_ARMED_WINDOW = 4
# verbs of refusing to act for or with someone (lexicons/verb_classes.tsv refusal-to-act): their target is the
# refused act's ("fail", also a refusal for modality, is no rejection of anyone: "failed to rein in militants")
_REFUSAL_VERBS = words("verb_classes", "refusal-to-act")
# verbs coded as consultation (040) that co-subjects do not do to each other: going, arriving, thinking, learning,
# sending, asking (lexicons/senses.tsv one-way-verb)
_ONE_WAY_VERBS = words("senses", "one-way-verb")
ONE_WAY = "target.one-way-verb-pairs-no-subjects"
NATIONALS = "target.nationals-together-are-no-two-parties"


# entity labels of names that are no person (a name the parse did not label may be one: "Moyo")
_NOT_PERSON = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
# pronouns that stand for people (the one arrested, freed, charged)
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
# who does an act only authorities do, when no agent is named (``lexicons/verb_classes.tsv``)
_AUTHORITY_ROLE = {**dict.fromkeys(words("verb_classes", "police-act"), "COP"),
                   **dict.fromkeys(words("verb_classes", "court-act"), "JUD"),
                   **dict.fromkeys(words("verb_classes", "custody-release"), "COP")}


# nouns of places ("village", "town", "city"): what a release frees when it is territory taken back
_PLACE_NOUNS = words("place_words", "place-noun")
# verbs of saying whose complement tells what the speaker reports (lexicons/verb_classes.tsv, speech)
_SPEECH_VERBS = words("verb_classes", "speech")
# roles of a state's own bodies, which speak for the authorities that arrest, hold, try and free
_STATE_BODIES = frozenset({"GOV", "MIL", "COP", "JUD", "SPY"})


# freeing someone held: done where they were held, whatever their country
_RELEASE = words("verb_classes", "custody-release")


def _country_named(head: Token) -> bool:
    """The phrase is a country's own name ("the US", "Britain"), not a person or group coded by country."""
    name = " ".join(t.lower_ for t in phrase_tokens(head) if t.dep_ != "det")
    return name in country_names()


def _held_person(verb: Token, *, nominal: bool) -> Token | None:
    """The person an act of the authorities is done to, when the text names them without a country: a personal
    pronoun or a person's name as the passive subject ("he was detained"), the noun a participle modifies, the
    possessor or "of" object of the act's noun ("Moyo's arrest", "the arrest of Tendai Moyo"). None otherwise
    ("the ship was detained" names no person)."""
    if nominal:
        found = [c for c in verb.children if c.dep_ == "poss"] + [
            o for p in verb.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    elif verb.dep_ == "acl" and reduced_passive(verb):
        found = [verb.head]
    elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "thanked his supporters after being freed"
        found = [c for c in verb.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        found = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not found:
        return None
    tok = found[0]
    if tok.dep_ == "nsubjpass" and tok.lower_ in ("who", "whom") and verb.dep_ == "relcl":
        tok = verb.head
    person = tok.lower_ in _PERSONAL_PRONOUNS or (tok.pos_ == "PROPN" and (tok.ent_type_ not in _NOT_PERSON
                                                                            or _named_in_full(tok)))
    return tok if person else None


def _named_in_full(tok: Token) -> bool:
    """The name is a word of a person's full name the article gives ("Blessed Mhlanga, a journalist ..." before
    "the arrest of Mhlanga"): the entity recogniser labels an unfamiliar surname alone as an organisation or a
    place now and then, but the article's full name says who it is, as the entities stage groups the mentions."""
    word = tok.lower_
    return any(e.label_ == "PERSON" and len(e) > 1 and any(t.lower_ == word for t in e) for e in tok.doc.ents)


def _act_word(verb: Token) -> str:
    """The act's word as the authority lists have it: its lemma, else the stem of its regular inflected form when
    the lemmatiser gets the lemma wrong ("rearrested" -> "rearreste"), as the verb dictionary is looked up."""
    lemma = verb.lemma_.lower()
    if lemma in _AUTHORITY_ROLE or verb.pos_ == "NOUN":
        return lemma
    return next((s.lower() for s in regular_stems(verb.text.upper()) if s.lower() in _AUTHORITY_ROLE), lemma)


def _released_from(verb: Token, targets: list[ActorRef], ctx: DocContext) -> list[ActorRef]:
    """The targets of a release without those found in its "from" phrase: "freed from prison", "released from
    custody" name where the one freed was held (the dictionaries code "prison" as police), not whom."""
    held = {o.i for p in verb.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children
            if o.dep_ == "pobj"}
    kept = [t for t in targets if t.head not in held]
    if len(kept) == len(targets) or not ctx.fire("target.released-from-custody-is-no-target"):
        return targets
    return kept


def _passive(verb: Token) -> bool:
    """A passive verb ("was arrested") or a participle modifying its noun ("a journalist arrested over ...")."""
    return reduced_passive(verb) or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
