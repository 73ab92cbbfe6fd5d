"""The target finders of the event coder (mixin of ``arguments.ArgumentFinder``, which tries them in the order
of ``arguments._TARGET_FINDERS``): the pattern-placed actor, the noun of a participle, a named object, a counterpart,
the doer of a condemned act, the object or an actor inside it, a prepositional phrase or complement clause, the one
asked to act, each other, and a purpose clause's object."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .after_reach import SYNSET_OBJECT, beyond_the_pattern, synset_object
from .consultation_nouns import CONSULT_NOUNS
from .context import DocContext, heads_mention
from .inside_object import actors_inside
from .lexicon import PLACE_PREPS
from .lexicons import words
from .patterns import PatternMatch
from .phrase_actors import ActorRef
from .referents import PRONOUN_WINDOW, referents_of
from .senses import predicting_warning
from .side_senses import FIGHTING_VERBS
from .source_finders import _PRONOUNS, NOMINAL, SUBJ_DEPS, SourceFinder, reduced_passive
from .venues import hosts_an_occasion, without_venues

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..resources.petrarch import Pattern


class TargetFinder(SourceFinder):
    """Mixin of ``ArgumentFinder``: the target finders (``arguments._TARGET_FINDERS``)."""

    gazetteer: Path | None  # the index whose towns have countries (``towns.town_country``; None: the default)
    real_news: bool  # the bundled dictionaries with their supplement (``engine.EventCoder``), not a PETRARCH suite's

    def _pattern_target(self, v: TargetView, ctx: DocContext) -> TargetsFound:
        if v.match.target_after is None:
            return None
        found = self._after(v.verb, v.match.target_after, ctx)
        if found and all(in_concession(v.verb.doc[a.head], v.verb) for a in found) and ctx.fire(CONCEDED):
            return None  # "condemned the attack on its embassy despite an apology from Pakistan": no attacker
        if _partner_with(v.match.pattern):
            with_ = v.verb.doc[v.match.target_after]
            if any(o.lower_ in _PERSON_OBJECTS for o in with_.children if o.dep_ == "pobj") \
                    and ctx.fire(PARTNER_WITH):
                return None  # "working with him during his term as president": _pronoun_object finds him
            phrase = {t.i for t in with_.subtree}
            if not (found and all(a.head in phrase for a in found)) and ctx.fire(PARTNER_WITH):
                # "worked with children", "work with our partners to expel every last Iranian boot": the one named
                # with "with" is the partner; no actor there, and no other phrase is one
                return PARTNER_WITH, ()
        return "target.placed-by-the-pattern", found

    def _owned_installation(self, v: TargetView, ctx: DocContext) -> TargetsFound:
        """"Iran attacked a US base in Iraq", "missiles fired at the American base at Asad", "Russia bombed NATO's
        base", "missiles at two Iraqi military bases hosting U.S. troops": a military installation (its object, the
        object of at/on/against, or the noun the pattern ended on) whose owner is named on it, or whose hosted
        troops a relative clause names, is struck as those forces, not as the country where it stands (which the
        place phrase after it would otherwise give). An installation with no owner ("a base in Iraq") is left to
        the other finders. Only for acts of force: "praised Britain's manufacturing base" names no forces, and a
        visit to a US base in Qatar is one to Qatar."""
        for noun in _installations(v):
            if v.match.code.lstrip(":")[:2] not in _FORCE_ROOTS:
                continue  # "praised Britain's manufacturing base"; "visited a US air base in Qatar" goes to Qatar
            found = self._installation_forces(noun, ctx)
            if found:
                return "target.owned-installation-is-its-forces", [a for a in found if a.head not in v.src_heads]
        return None

    def _installation_forces(self, noun: Token, ctx: DocContext) -> list[ActorRef]:
        for c in noun.children:  # "bases hosting U.S. troops", "bases housing American forces": the hosted troops
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _HOSTING:
                hosted = [o for o in c.children if o.dep_ in ("dobj", "obj", "nsubjpass")]
                found = self._actors(hosted[0], ctx, direct=False) if hosted else []
                if found:
                    return [replace(a, code=_forces(a.code)) for a in found]
        owners = [c for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                  and c.lemma_.lower() not in _INSTALLATION_KINDS and c.pos_ in ("ADJ", "PROPN", "NOUN")]
        for owner in owners:  # "a US base", "the American base", "NATO's base", "a Russian airbase"
            toks = [t for t in owner.subtree if t.dep_ != "case"]
            code, name = self._code(toks, owner, ctx)
            if code:
                return [ActorRef(toks[0].i, toks[-1].i + 1, owner.i, _forces(code), name, direct=False)]
        return []

    def _participle_noun(self, v: TargetView, ctx: DocContext) -> TargetsFound:
        if not reduced_passive(v.verb):  # "a British worker killed fighting the group": the noun is the patient
            return None
        return "target.noun-of-a-participle", self._actors(v.verb.head, ctx, direct=False)

    def _subject_target(self, v: TargetView, ctx: DocContext) -> TargetsFound:
        match, pat = v.match, v.match.pattern
        if match.source_after is None or pat is None or not (
                match.target_subject or ("$" in pat.post and "+" not in (*pat.pre, *pat.post))):
            return None
        # "+ * MONEY $" (the "+" before everything marks the subject) or "* TABASKI ^ $" (no "+"): the pattern
        # puts the source after the verb, so the subject (own or inherited) that would have been the source
        # is the target
        subject = self._sources(v.verb, replace(match, source_after=None), ctx)
        return "target.subject-when-the-pattern-places-the-source", [a for a in subject if a.head not in v.src_heads]

    def _talking_subjects(self, v: TargetView, ctx: DocContext) -> TargetsFound:
        """"Baghdad and Washington are in talks to transfer ... Isis fighters", "Iraq and the US held talks to
        ...": a consultation a light verb takes from its noun ("be in talks", "hold talks", ``_light_code``), with
        sources of two or more countries and no partner named with "with" or "between", is between the subject's
        conjuncts, each with the others (as ``_each_other`` pairs a symmetric verb's subjects); the purpose
        clause's object or a place is no party to it."""
        if len(v.src_countries) < 2 or v.match.code.lstrip(":")[:3] not in _MUTUAL_CONSULTATION:
            return None  # (not a mediation: "Russia and Turkey are sponsoring the Sochi talks" 045)
        nouns = [*v.objs, *(g for c in v.verb.children if c.dep_ == "prep" and c.lower_ == "in"
                            for g in c.children if g.dep_ == "pobj")]
        talks = [n for n in nouns if n.lemma_.lower() in CONSULT_NOUNS]
        if not talks or any(c.dep_ == "prep" and c.lower_ in ("with", "between")
                            and any(g.dep_ == "pobj" for g in c.children)
                            for h in (v.verb, *talks) for c in h.children):
            return None  # "in talks with Iran": the partner is named ("with officials seeking ...": a clause)
        if not any(self._deep(c, ctx, v.src_heads) for c in v.verb.children
                   if c.dep_ in ("prep", "advcl", "xcomp", "dobj", "obj")):
            return None  # "Egypt and Israel held talks": nothing else to take, the compound subject's rule pairs them
        return TALKING_SUBJECTS, list(v.sources)

    def _agreeing_subjects(self, v: TargetView, ctx: DocContext) -> TargetsFound:
        """"India and Russia signed a memorandum of understanding on energy co-operation", "Argentine President
        Nestor Kirchner and Venezuelan President Hugo Chavez signed the deal", "Iran and the EU struck a deal": an
        agreement is made between its parties, so a verb of making one (sign, strike, reach, agree ...:
        lexicons/verb_classes.tsv agreement-making) with an agreement noun (deal, accord, treaty, truce ...:
        event_nouns.tsv agreement) as its object, or after "to"/"on" ("agreed to a ceasefire"), whose sources are
        of two or more countries or bodies and which names no partner with "with" or "between", is between the
        subject's conjuncts, each with the others; not with a place or topic named in the sentence ("a deal on
        Idlib")."""
        # the parties: each source's country, or its own code for a body of none ("the EU", "Hamas")
        parties = {split_code(a.code)[0] or a.code for a in v.sources if a.code}
        if len(parties) < 2 or v.verb.lemma_.lower() not in _AGREEMENT_VERBS:
            return None
        nouns = [*v.objs, *(g for c in v.verb.children if c.dep_ == "prep" and c.lower_ in ("to", "on", "upon")
                            for g in c.children if g.dep_ == "pobj")]
        deals = [n for n in nouns if n.lemma_.lower() in _AGREEMENT_NOUNS]
        if not deals or any(c.dep_ == "prep" and c.lower_ in ("with", "between")
                            for h in (v.verb, *deals) for c in h.children):
            return None  # "signed a deal with Iran": the partner is named
        return AGREEING_SUBJECTS, list(v.sources)

    def _named_object(self, v: TargetView, ctx: DocContext) -> TargetsFound:
        # a named direct object is the target ("blamed Israel for the bombing")
        return "target.named-object", [a for obj in v.objs if obj.pos_ == "PROPN"
                                       for a in self._actors(obj, ctx, direct=True)]

    def _pronoun_object(self, v: TargetView, ctx: DocContext) -> TargetsFound:
        """"Blair met Chirac on Monday. He urged him to back the plan", "Liam Fox said ... But Mr Clarke accused
        him of ...", "calling for him to apologise": "him"/"her" addressed by the act (its object, the object of
        on/at/to/with, the one asked to act in "for him to") is a person named before it in its sentence or the
        two before who is not the act's own source (an object pronoun never stands for its clause's subject): the
        nearest in its own sentence, else the nearest named as a subject before, else the nearest (as
        ``referents.Referents.person_before``). A person the article names there without a code is the one meant,
        and then no one is known."""
        pron = None if self.ud_petrarch else _object_pronoun(v)
        if pron is None:
            return None
        if self._titled_before(pron, v, ctx):
            return None  # "met the Turkish president and thanked him": the later finders take the phrase
        refs = referents_of(ctx, pron.doc, self.actors)
        here = refs.sentence_of(pron)
        names = {s.name for s in v.sources if s.name} | {s.code for s in v.sources}
        # the source's own word ("Maliki released him" after "Nuri al-Maliki, the Iraqi Prime Minister"): the
        # same person, whatever the two mentions were coded as
        words = {pron.doc[s.head].lower_ for s in v.sources if pron.doc[s.head].pos_ == "PROPN"}
        near: list[tuple[Token, ActorRef | None]] = []
        for run in reversed(refs.runs):
            if here - refs.sentence_of(run[0]) > PRONOUN_WINDOW:
                break
            if run[-1].i >= pron.i or any(t.ent_type_ in _NOT_PERSON or any(s.start <= t.i < s.end for s in v.sources)
                                          for t in run):
                continue
            ref = self._actor(run[-1], ctx, direct=False)
            if _named_by(run[-1], words) or (ref is not None and (ref.name in names or ref.code in names)):
                continue  # the source named again ("Mr Blair ... Blair urged him"): not whom it addresses
            if (ref is not None and (_person_code(ref.code) or _official(run, ref.code))) \
                    or (ref is None and run[-1].ent_type_ == "PERSON"):
                near.append((run[-1], ref))
        # in its own sentence the nearest ("sent a letter to Marco Rubio, urging him to"); before it, the nearest
        # subject: a pronoun mostly continues the previous sentence's topic
        own = [r for tok, r in near if refs.sentence_of(tok) == here]
        found = own[0] if own else next((r for tok, r in near if _subject(tok)), _nearest_single(near))
        if found is None:
            return None
        return "target.object-pronoun-refers-back", [ActorRef(pron.i, pron.i + 1, pron.i, found.code, found.name,
                                                              direct=False)]

    def _titled_before(self, pron: Token, v: TargetView, ctx: DocContext) -> bool:
        """The pronoun's own sentence has, before it, a person named by a coded common noun of office ("the
        Turkish president", "the Saudi crown prince") that is not the act's source: the nearest candidate, which
        a reach back to a name in an earlier sentence would skip (review 9 B2)."""
        for tok in pron.sent:
            if tok.i >= pron.i or tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "pobj", "conj", "appos") \
                    or any(s.start <= tok.i < s.end for s in v.sources):
                continue
            ref = self._actor(tok, ctx, direct=False)
            if ref is not None and _person_code(ref.code) and split_code(ref.code)[0] is not None \
                    and ref.code not in {s.code for s in v.sources}:
                return True
        return False

    def _counterpart(self, v: TargetView, ctx: DocContext) -> TargetsFound:
        """"Modi met Abe in Tokyo. Modi praised his counterpart": a counterpart owned by a pronoun and named by no
        country is the other party of the talks, the latest actor of another country than the source's coded in
        this sentence or the previous one."""
        heads = [*v.objs] + [p for c in v.verb.children if c.dep_ == "prep" for p in c.children
                                       if p.dep_ == "pobj"]
        head = next((h for h in heads if h.lemma_.lower() in _COUNTERPARTS and _pronoun_owned(h)), None)
        if head is None or not v.src_countries or self._actors(head, ctx, direct=False):
            return None
        first = head.sent.start
        if first > 0:
            first = head.doc[first - 1].sent.start
        doc = head.doc
        mentions = [t.i for t in doc[first : head.i] if heads_mention(t)]
        # (a party with a role: a counterpart holds an office, and "in Ankara" is where they met)
        found = [ref for ref in self.named_before(doc, mentions, head.i, ctx)
                 if split_code(ref.code)[1] and split_code(ref.code)[0] not in (None, *v.src_countries)]
        if not found:
            return None
        last = found[-1]
        return "target.counterpart-is-the-other-party", [replace(last, direct=False)]

    def _after_pattern(self, v: TargetView, ctx: DocContext) -> TargetsFound:
        match = v.match
        if match.pattern is None or not match.pattern.post or match.last_token is None:
            return None
        if (obj := synset_object(v.verb, match)) is not None and obj.lemma_.lower() not in NOMINAL:
            # the noun itself names the party ("two Iraqi soldiers"), not a modifier of a thing ("university
            # tuition fees")
            named = [a for a in self._actors(obj, ctx, direct=True) if a.head == obj.i and a.head not in v.src_heads]
            if named and ctx.fire(SYNSET_OBJECT):
                return SYNSET_OBJECT, named
        # the target follows what the pattern matched: "condemned an attack by X", "vowed to wage war on X"
        last = v.verb.doc[match.last_token]
        # (on real news not into the topic clause of a word of telling below the pattern's last word; the suites
        # keep PETRARCH's convention)
        reach = (lambda head: beyond_the_pattern(head, last)) if self.real_news else None
        found = [a for a in self._after(v.verb, match.last_token, ctx, reach) if a.head not in v.src_heads]
        if found and _instrument_pattern(match) and any(o.dep_ == "dobj" for o in v.objs) and ctx.fire(INSTRUMENT):
            return None  # "attacked Kashmiri protesters with batons in Srinagar": the object is whom
        if found and any(_through_a_ground(v.verb, a.head, match) for a in found) and ctx.fire(UNDERGONE_FOR):
            return None  # "stood trial for the killing of an Iraqi civilian": the charge, not the court
        if found and all(in_concession(v.verb.doc[a.head], v.verb) for a in found) and ctx.fire(CONCEDED):
            return None  # "walked out of the talks notwithstanding appeals by China": no party
        return "target.after-the-pattern", found

    def _doer_of_condemned_act(self, v: TargetView, ctx: DocContext) -> TargetsFound:
        for obj in v.objs:  # "condemned the attack by X": a reaction to an act targets whoever did it
            if obj.lemma_.lower() in NOMINAL:
                for prep in obj.children:
                    if prep.dep_ == "prep" and prep.lower_ == "by":
                        found = self._deep(prep, ctx, v.src_heads)
                        if found:
                            return "target.doer-of-the-act-reacted-to", found
        return None

    def _object(self, v: TargetView, ctx: DocContext) -> TargetsFound:
        for obj in v.objs:
            found = self._actors(obj, ctx, direct=True)
            if found and without_venues(("target.object", found), v, ctx) is None:
                # "hosted talks in Sochi with the leaders of Iran and Turkey": the object is only the venue, and
                # its other phrases may name the party (read below); the venue is no target either way
                continue
            if found:
                return "target.object", found
        for obj in v.objs:
            # an actor of the object's own phrases ("jails thousands of people", "ties with Damascus", "the
            # detention of journalists"), not one named in passing in a clause, a place or an adjective's phrase
            code = v.match.code.lstrip(":")
            lemma = v.verb.lemma_.lower()  # (a verb of force may be recoded as force after its target is found)
            # (a visit is to a place; a hosted occasion's place is the host's: "hosted talks in Sochi with X")
            places = code[:2] in _PLACE_TARGET_ROOTS or (code[:3] in _VISITS and not hosts_an_occasion(v.verb)) \
                or lemma in _ARRIVAL or lemma in _FORCE_VERBS
            # (the PETRARCH suites' dictionaries keep PETRARCH's convention: any actor inside the object)
            found = actors_inside(obj, places, self._inside_actors, ctx, v.src_heads) if self.real_news \
                else self._deep(obj, ctx, v.src_heads)
            if found and all(_through_a_ground(v.verb, a.head, v.match) for a in found) and ctx.fire(UNDERGONE_FOR):
                continue  # "faced criticism for his remarks on the Saudi crown prince": no critic
            if found and all(in_concession(v.verb.doc[a.head], v.verb) for a in found) and ctx.fire(CONCEDED):
                continue  # "demanded the release of its citizens despite assurances from Syria" (hung on 'release')
            if found:
                return "target.actor-inside-the-object", found
        return None

    def _relative_head(self, v: TargetView, ctx: DocContext) -> TargetsFound:
        """"the Kurdish militias that Turkey is now battling", "the rebels whom Syrian forces bombed": a relative
        pronoun that is the clause's object stands for the noun the clause modifies, which is then the target.
        Not when the clause has another object, a complement (whose verb the pronoun may belong to: "a
        government that Washington had sought to unseat"), or a party named in a phrase of its own ("the
        conditions that Suleimani imposed on the Iraqis": the pronoun is the thing imposed); a relative
        adverb ("Iraq, where the Quds Force helped ...") or subject ("the rebels who attacked") is no object, nor is a
        "that" after a comma, which starts no relative clause ("told by the minister, Adel al-Jubeir, that Riyadh
        was disengaging": a complement clause taken for one). A relative clause without a relative word and without
        an object ("the tanker Iran seized last week") is the same construction with the pronoun left out
        (``ZERO_RELATIVE_HEAD``)."""
        verb = v.verb
        if not self.real_news or verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
            return None
        kids = list(verb.children)
        pronoun = next((c for c in kids if c.dep_ in ("dobj", "obj") and c.lower_ in _RELATIVE_WORDS), None)
        rule = RELATIVE_HEAD
        if pronoun is None:
            if any(_relative_word(c) for c in kids):
                return None  # "the rebels who attacked", "Iraq, where ...": a subject or an adverb, no object
            rule = ZERO_RELATIVE_HEAD
        elif pronoun.lower_ == "that" and pronoun.i > 0 and verb.doc[pronoun.i - 1].lower_ == ",":
            return None
        if not any(c.dep_ == "nsubj" and c.lower_ not in _RELATIVE_WORDS for c in kids) \
                or any(c.dep_ in (*_OBJ, "xcomp", "ccomp") and c.lower_ not in _RELATIVE_WORDS for c in kids) \
                or any(c.dep_ == "prep" and c.lower_ not in PLACE_PREPS for c in kids):
            return None
        found = [a for a in self._actors(verb.head, ctx, direct=False) if a.head not in v.src_heads]
        return (rule, found) if found else None

    def _inside_actors(self, head: Token, ctx: DocContext) -> list[ActorRef]:
        return self._actors(head, ctx, direct=False)

    def _phrase_or_complement(self, v: TargetView, ctx: DocContext) -> TargetsFound:
        verb = v.verb
        for c in verb.children:
            # a complex preposition ("close to X", "next to X", "away from X") is an adverb heading the phrase
            complex_prep = c.dep_ == "advmod" and any(g.dep_ == "prep" for g in c.children)
            if (v.departure and c.lower_ == "with") or (v.topic and c.lower_ != "with"):
                continue  # "left ... with an escort": a companion; "discussed it in/on/over ...": a topic
            if (c.dep_ == "prep" and c.lower_ not in ("by",)) or c.dep_ in ("prt",) or complex_prep:
                if _names_the_charge(verb, c) and ctx.fire(CHARGE):
                    continue  # "charged with avoiding drugs tests in Tel Aviv": the charge, not whom it targets
                found = self._outside_origins(v, c, ctx)
                if found and not self._no_party_of_the_act(v, c, found, ctx):
                    return "target.prepositional-phrase", found
            if c.dep_ in ("ccomp", "xcomp") and not (c.dep_ == "ccomp" and verb.lemma_.lower() in SPEECH_VERBS):
                # "believes Gondor can cope" targets Gondor; "said Gondor would cope" does not
                found = self._complement_subject(v, c, ctx)
                if found:
                    return "target.subject-of-a-complement", found
        return None

    def _complement_subject(self, v: TargetView, comp: Token, ctx: DocContext) -> list[ActorRef]:
        """The actors of the complement's subject, without the speaker's own state when the act is an intent or a
        threat (``target.own-side-is-no-addressee``): "Erdoğan warned that Turkish troops intended to
        advance", "Blair promised UK aid will not ..." tell what one's own side will do, not to whom."""
        subj = [s for s in comp.children if s.dep_ in (*SUBJ_DEPS, "nsubjpass")]
        found = self._actors(subj[0], ctx, direct=False) if subj else []
        if not found or not self.real_news or v.match.code.lstrip(":")[:2] not in _SELF_TOLD_ROOTS \
                or predicting_warning(v.verb):  # "Sri Lanka's banks face hard times, officials have warned": 012
            return found
        kept = [a for a in found if not _own_state(a.code, v.sources)]
        return kept if len(kept) < len(found) and ctx.fire(OWN_SIDE) else found

    def _no_party_of_the_act(self, v: TargetView, prep: Token, found: Sequence[ActorRef], ctx: DocContext) -> bool:
        """The actors ``found`` in the verb's phrase ``prep`` tell the act's ground, place or battlefield, not whom
        it is done to (or, for a pattern coded in its converse, by whom)."""
        verb = v.verb
        if all(_through_a_ground(verb, a.head, v.match) for a in found) and ctx.fire(UNDERGONE_FOR):
            return True  # "came under fire for his decision to revoke the British citizenship": no critic
        if all(in_concession(verb.doc[a.head], verb) for a in found) and ctx.fire(CONCEDED):
            return True  # "talks resumed despite the rocket attacks from Gaza": what it happened in spite of
        if self._only_a_place(verb, prep, found, v.match) and ctx.fire("target.place-only-for-place-acts"):
            return True  # "said in Ankara", "met at a jail in Gaziantep": where it happened, not to whom
        # "their citizens fighting in Syria": where they fight, not whom
        return self.real_news and verb.lemma_.lower() in FIGHTING_VERBS and _through_places(verb, prep, found) \
            and ctx.fire(FOUGHT_IN)

    def _outside_origins(self, v: TargetView, prep: Token, ctx: DocContext) -> list[ActorRef]:
        """The actors in the verb's phrase ``prep`` (``_deep``), but none of an act of violence's "from" phrases
        (``_origins``): "stormed across the border from Syria" names where the attackers came from, not whom
        they struck. Nor, on real news, an actor of a clause the phrase holds (``PHRASE_CLAUSE``)."""
        found = self._deep(prep, ctx, v.src_heads)
        clauses = True
        # (a ground of an undergone act is no party wherever it names one: its own rule decides, _no_party_of_the_act)
        if found and self.real_news and not all(_through_a_ground(v.verb, a.head, v.match) for a in found):
            inner = self._deep(prep, ctx, v.src_heads, into_clauses=False)
            if inner != found and ctx.fire(PHRASE_CLAUSE):
                # "agreed to pay $28.5m after admitting bribery in Benin", "carried out actions in order to
                # discredit Plaid Cymru": a party of the clause's own act, not of the verb's
                found, clauses = inner, False
        origins = _origins(prep, v.match) if found and self.real_news else frozenset()
        if not origins:
            return found
        kept = [] if prep.i in origins else self._deep(prep, ctx, v.src_heads | origins, into_clauses=clauses)
        return kept if kept != found and ctx.fire(ORIGIN) else found

    def _asked_to_act(self, v: TargetView, ctx: DocContext) -> TargetsFound:
        """"called for Iran to free them", "pushed for the Taliban to lift the ban": an appeal or demand for an act
        by someone (the subject of the "for ... to" clause, which the parse hangs on the verb as an adverbial
        clause) is addressed to whoever is asked to act, as "urged Iran to free them" is. A verb that carries the
        appeal as its object noun ("repeated its call for Russia to withdraw") has the clause on that noun."""
        if v.match.code.lstrip(":")[:2] not in _ASKING_ROOTS:
            return None
        heads = (v.verb, *(o for o in v.objs if o.lemma_.lower() in _APPEAL_NOUNS))
        for c in (c for head in heads for c in head.children):
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children) \
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.lower_ not in _PRONOUNS]
                found = self._actors(subj[0], ctx, direct=False) if subj else []
                found = [a for a in found if a.head not in v.src_heads]
                if found:
                    return "target.one-asked-to-act", found
        return None

    def _each_other(self, v: TargetView, ctx: DocContext) -> TargetsFound:
        """A symmetric verb ("cooperate", "clash", "negotiate") with sources of two or more countries and no
        partner named: each acts with the others ("The two presidents are closely cooperating in Syria", "Russia and
        Turkey are cooperating": RUS <-> TUR)."""
        if len(v.src_countries) < 2 or v.verb.lemma_.lower() not in _SYMMETRIC_VERBS \
                or any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in v.verb.children):
            return None  # "cooperated with Iran": the partner is named
        # as a compound subject's reciprocal events are: each source is the others' target ("_pairs" skips itself)
        return "target.symmetric-verb-pairs-its-subjects", list(v.sources)

    def _purpose_object(self, v: TargetView, ctx: DocContext) -> TargetsFound:
        for c in v.verb.children:
            # a "to" purpose clause belongs to the verb phrase (as in UD-PETRARCH): "signed an accord to supply
            # Gondor with wheat" targets Gondor
            if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) \
                    and c.lemma_.lower() not in _TOPIC_VERBS:  # "met to discuss Idlib": Idlib is a topic
                if c.lemma_.lower() in _COMMEMORATING and ctx.fire(COMMEMORATED):
                    continue  # "gathered to mourn Mehmet Aksoy": the one mourned takes no part in the gathering
                for obj in c.children:
                    if obj.dep_ in ("dobj", "obj", "dative"):
                        found = self._actors(obj, ctx, direct=False)
                        if found:
                            return "target.object-of-a-purpose-clause", found
        return None

    @staticmethod
    def _only_a_place(verb: Token, prep: Token, found: Sequence[ActorRef], match: PatternMatch) -> bool:
        """The actors of a prepositional phrase of the verb name where the act happened: reached from a locative
        preposition through place words and other locative phrases only ("said in Ankara", "met at a jail in
        Gaziantep", not "in the dispute with X"), for an act that is not done to a place (force, deployment,
        coercion: "shelling in X") nor a journey's end ("arrived in X")."""
        if match.code[:2] in _PLACE_TARGET_ROOTS or verb.lemma_.lower() in _ARRIVAL:
            return False
        return _through_places(verb, prep, found)


def _origins(prep: Token, match: PatternMatch) -> frozenset[int]:
    """The "from" phrases at or inside a prepositional phrase of an act of force ("stormed across the border from
    Syria", "fired rockets from Gaza", "attacked from Syrian territory"): they name where the attackers came or fired
    from, not whom they struck (``ORIGIN``); other acts keep theirs ("withdrew from", "demanded from")."""
    lemma = prep.head.lemma_.lower()
    if match.code.lstrip(":")[:2] not in _ORIGIN_ROOTS or lemma not in _ATTACKING or lemma in _TAKING_FROM:
        # "took the town from the militants": whom it was taken from; "came under attack from rebels": the
        # attackers (code.came-under-attack), not a verb of force itself
        return frozenset()
    return frozenset(t.i for t in prep.subtree if t.dep_ == "prep" and t.lower_ == "from")


def _through_places(verb: Token, prep: Token, found: Sequence[ActorRef]) -> bool:
    """``prep`` is a locative preposition of ``verb`` and every actor found in its phrase is reached through place
    words and other locative phrases only ("in Syria", "at a jail in Gaziantep"; not "in the dispute with X")."""
    if prep.lower_ not in PLACE_PREPS:
        return False
    doc = verb.doc
    for ref in found:
        tok = doc[ref.head]
        while tok.i != prep.i and tok.head.i != tok.i:
            if tok.dep_ == "prep" and tok.lower_ not in PLACE_PREPS:
                return False
            tok = tok.head
    return True


# military installations, the verbs of a clause naming who is stationed at one, and modifiers naming its kind
_INSTALLATIONS = words("place_words", "installation-noun")
_HOSTING = words("place_words", "installation-hosting")
_INSTALLATION_KINDS = words("place_words", "installation-modifier")
_STRUCK_AT = frozenset({"at", "on", "against"})
# roots of acts of force, whose object 'base' is a military one: posture, coercion, assault, fighting, mass violence
_FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})
# acts of violence (assault, fighting, mass violence), whose "from" phrase names where the attackers came from
_ORIGIN_ROOTS = frozenset({"18", "19", "20"})
ORIGIN = "target.place-attacked-from-is-no-target"
# verbs of force whose "from" phrase may say where the attackers were (lexicons/senses.tsv)
_ATTACKING = words("senses", "violent-verb") | words("senses", "force-clause-verb")
# verbs of taking, whose "from" phrase names the loser (lexicons/verb_classes.tsv, taking-from)
_TAKING_FROM = words("verb_classes", "taking-from")
INSTRUMENT = "target.weapon-phrase-leaves-the-object"


def _instrument_pattern(match: PatternMatch) -> bool:
    """A pattern of force whose words after the verb are a 'with' phrase that places no one ("* ( WITH &WEAPON )",
    "* ( WITH &CHEMICALARMS )"): it names what the act was done with, not to whom."""
    post = [e for e in (match.pattern.post if match.pattern else ()) if e not in ("(", ")", "{", "}", "*")]
    return match.code.lstrip(":")[:2] in _ORIGIN_ROOTS and bool(post) and post[0] in ("WITH", "BY/WITH") \
        and not any(e in ("+", "$", "%", "^") for e in post)


def _installations(v: TargetView) -> list[Token]:
    """The installation nouns the act is done to: its objects, the objects of its at/on/against phrases, and the
    noun its pattern ended on ("attacked a US base": the dictionary's "* BASE")."""
    heads = [v.verb, *v.objs]
    if v.match.last_token is not None:
        heads.append(v.verb.doc[v.match.last_token])
    # the objects, the pattern's last word, and the at/on/against objects of the verb, of its objects and of that
    # word ("launched an attack on a US base": the dictionary's "LAUNCH ATTACK ON" ends on "on" or "attack")
    nouns = [*v.objs, *heads[len(v.objs) + 1:]]
    nouns += [g for h in heads for c in (h, *h.children) if c.dep_ == "prep" and c.lower_ in _STRUCK_AT
              for g in c.children if g.dep_ == "pobj"]
    # (the parse may lemmatise "bases" as "basis")
    return [n for n in nouns if {n.lemma_.lower(), n.lower_, n.lower_.removesuffix("s")} & _INSTALLATIONS]


def _forces(code: str | None) -> str | None:
    """A country's code as its armed forces ("USA" -> "USAMIL"); a code with a role already, or of no country
    (NATO's IGOWSTNAT), is kept."""
    country, roles = split_code(code)
    return f"{country}MIL" if country is not None and not roles and code == country else code


SPEECH_VERBS = words("verb_classes", "speech")


_OBJ = ("dobj", "dative", "obj", "attr", "oprd")
# relative pronouns: as a relative clause's object one stands for the noun the clause modifies
_RELATIVE_WORDS = frozenset({"that", "which", "who", "whom"})
RELATIVE_HEAD = "target.head-of-an-object-relative-clause"
ZERO_RELATIVE_HEAD = "target.head-of-an-object-relative-clause-without-its-pronoun"


# roots of an intent or a threat: about one's own state, such a clause tells its plans, not an addressee (a comment,
# 01, may be about one's own country: "Sri Lanka's banks face hard times, officials have warned" 012 -> LKA)
_SELF_TOLD_ROOTS = frozenset({"03", "13"})
_STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY"})
OWN_SIDE = "target.own-side-is-no-addressee"


def _own_state(code: str | None, sources: Sequence[ActorRef]) -> bool:
    """``code`` is the country, government or forces of every source, each itself its country's state or one of its
    officials or forces ("Erdoğan" TURGOV and "Turkish troops" TURMIL; "Turkey's prime minister" and "the country").
    A party, a group or a citizen of the country is another side ("Mr Brown warned that the Tories ...", "Cafod
    wants Britain to ...")."""
    country, roles = split_code(code)
    if country is None or not set(roles) <= _STATE_ROLES or not sources:
        return False
    return all(split_code(s.code)[0] == country and set(split_code(s.code)[1]) <= _STATE_ROLES for s in sources)


def _relative_word(tok: Token) -> bool:
    """A relative pronoun, determiner or adverb ("that", "who", "whose", "where", "when"), by its word or tag."""
    return tok.lower_ in _RELATIVE_WORDS or tok.tag_ in ("WDT", "WP", "WP$", "WRB")


# verbs of leaving a place or body
_DEPARTURE_VERBS = words("verb_classes", "departure")


# an actor named only inside a clause that a phrase of the verb holds is that clause's party, not the verb's
PHRASE_CLAUSE = "target.clause-in-a-phrase-names-no-target"
# verbs whose object is a topic ("discuss Idlib"); the counterpart comes with "with"
_TOPIC_VERBS = words("verb_classes", "topic")
_COMMEMORATING = words("verb_classes", "commemorating")
COMMEMORATED = "target.one-commemorated-is-no-party"
_ARRIVAL = words("verb_classes", "arrival")
# the place a fight is in is no enemy: "their citizens fighting in Syria" (lexicons/senses.tsv fighting-verb)
FOUGHT_IN = "target.place-fought-in-is-no-enemy"
# verbs whose plural subject acts with each other when no partner is named ("X and Y cooperate")
_SYMMETRIC_VERBS = words("verb_classes", "symmetric")
# roots whose act is done to a place and its people, which then stand for the country: concessions ("eased
# emergency measures in X"), protests ("rioted at a jail in X"), sanctions, force, deployment, coercion
_PLACE_TARGET_ROOTS = frozenset({"08", "14", "15", "16", "17", "18", "19", "20"})
# verbs of force, done to a place ("attacked rebel positions near Idlib")
_FORCE_VERBS = words("senses", "violent-verb") | words("senses", "verbal-attack")
# visits, whose object is the place visited ("visited the site of the bombing in Baghdad")
_VISITS = frozenset({"042", "043"})


_COUNTERPARTS = frozenset({"counterpart"})


_POSSESSIVES = frozenset({"his", "her", "their"})


TALKING_SUBJECTS = "target.talks-of-a-coordinated-subject-pair-its-conjuncts"
AGREEING_SUBJECTS = "target.agreement-of-a-coordinated-subject-pairs-its-conjuncts"
# verbs of making an agreement and the nouns of one ("signed a treaty", "reached a deal", "agreed to a truce")
_AGREEMENT_VERBS = words("verb_classes", "agreement-making")
_AGREEMENT_NOUNS = words("event_nouns", "agreement")
# consultations in which each party consults the other: meet (040), by telephone (041), negotiate (046)
_MUTUAL_CONSULTATION = frozenset({"040", "041", "046"})


@dataclass(frozen=True, slots=True)
class TargetView:
    """What the target finders look at: the trigger, its match, the sources' heads and its objects."""

    verb: Token
    match: PatternMatch
    src_heads: frozenset[int]
    objs: tuple[Token, ...]
    topic: bool  # the verb's object is a topic ("discussed Idlib")
    departure: bool  # the verb leaves its object ("left Baghdad")
    src_countries: frozenset[str] = frozenset()  # the sources' countries
    sources: tuple[ActorRef, ...] = ()


# (rule id, actors found) of a target finder, or None when its construction is absent
TargetsFound = tuple[str, list[ActorRef] | tuple[()]] | None  # () rules out the later finders (``_targets``)
PARTNER_WITH = "target.partner-named-with-with-or-none"


def _partner_with(pattern: Pattern | None) -> bool:
    """A pattern whose target is the whole of a "with" phrase ending it, "* ( WITH + )" (the WORK block of
    verbs_supplement.txt: "is working with the Red Cross"): nothing but the partner is placed there."""
    return pattern is not None and pattern.post[-4:] == ("(", "WITH", "+", ")")


# verbs of charging, trying, holding or accusing whose "with", "of" or "for" phrase names the charge
_CHARGING_VERBS = words("verb_classes", "court-act") | words("verb_classes", "police-act") | frozenset({"accuse"})
_CHARGE_PREPS = frozenset({"of", "for"})  # and "with" of "charge" only: "arrested with eight men" is company
CHARGE = "target.charge-names-no-target"


def _names_the_charge(verb: Token, prep: Token) -> bool:
    """``prep`` is the phrase of what ``verb`` charges, tries or holds someone for ("charged with avoiding drugs
    tests in Tel Aviv", "jailed for spying for Israel", "accused of helping Iran"): the one charged is the object or
    the passive's subject, never a party or place of the charge's own story. 'With' names the charge of 'charge'
    only ("was arrested with eight men" names others arrested)."""
    lemma = verb.lemma_.lower()
    return lemma in _CHARGING_VERBS and prep.dep_ == "prep" and (
        prep.lower_ in _CHARGE_PREPS or (prep.lower_ == "with" and lemma == "charge"))


# prepositions of a concession ("despite the air strikes"): what the act happened in spite of (and "in spite of")
CONCESSIVE_PREPS = words("place_words", "concessive-preposition")
CONCEDED = "target.concession-names-no-party"


CAUSE_NOUNS = words("function_words", "cause-phrase-noun")
_SOURCE_WORDS = words("function_words", "source-phrase-word")


def in_cause_phrase(tok: Token, verb: Token) -> bool:
    """``tok`` lies inside a phrase of ``verb``'s clause that says what the act answered or on whose word it is told
    ("conducted the attacks [in response to the killing of Suleimani]", "in retaliation for", "in protest at",
    "[according to a report to the UN]"): on its way up it passes "in" with such a noun, or "according"."""
    node = tok
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ == "prep" and (node.lower_ in _SOURCE_WORDS or (node.lower_ == "in" and any(
                c.dep_ == "pobj" and c.lemma_.lower() in CAUSE_NOUNS for c in node.children))):
            return True
        node = node.head
    return False


def in_concession(tok: Token, verb: Token) -> bool:
    """``tok`` lies inside a concessive adjunct of ``verb``'s clause ("started in Geneva [despite the air strikes
    carried out by Syrian warplanes]", "in spite of", "notwithstanding"): on its way up it passes the preposition."""
    node = tok
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ == "prep" and (node.lower_ in CONCESSIVE_PREPS or (
                node.lower_ == "in" and any(c.dep_ == "pobj" and c.lower_ == "spite" for c in node.children))):
            return True
        node = node.head
    return False


UNDERGONE_FOR = "target.ground-of-an-undergone-act-is-no-doer"


def _ground_of_an_undergone_act(match: PatternMatch, prep: Token) -> bool:
    """``prep`` is the "for" phrase of a pattern coded only in its converse, whose subject undergoes the act and
    whose doer the finders look for in the verb's phrases ("came under fire from MPs" [:111], "faced calls from
    X" [:020], "received support from X" [:051], "stood trial" [:173]): "for" names what it is undergone for or
    whom it serves ("came under fire for his decision to revoke the British citizenship", "won support for the
    plan", "stood trial for the killing of a British soldier"), never the one who does it."""
    return match.code.startswith(":") and prep.dep_ == "prep" and prep.lower_ == "for"


def _through_a_ground(verb: Token, head: int, match: PatternMatch) -> bool:
    """The actor headed by token ``head`` is inside the "for" phrase of a pattern coded only in its converse
    (``_ground_of_an_undergone_act``), on the verb or on a phrase of it ("came under fire from the opposition
    for his support for the French plan")."""
    tok = verb.doc[head]
    while tok.i != verb.i and tok.head.i != tok.i:
        if _ground_of_an_undergone_act(match, tok):
            return True
        tok = tok.head
    return False


# roots of appeals (02) and demands (10), whose "for X to act" names the one asked
_ASKING_ROOTS = frozenset({"02", "10"})
# the nouns of an appeal a verb may carry as its object ("repeated its call for X to act"; RESTATE_APPEAL in
# verbs_supplement.txt)
_APPEAL_NOUNS = frozenset({"call", "appeal", "plea", "demand"})


# object pronouns that stand for a person ("urged him to", "criticised her"); "them", "it" are mostly groups or things
_PERSON_OBJECTS = frozenset({"him", "her"})
# prepositions after which a pronoun is the one addressed ("called on him", "hit out at her", "talks with him")
_ADDRESS_PREPS = frozenset({"on", "at", "to", "with", "against"})
# entity labels of names that are no person
_NOT_PERSON = frozenset({"GPE", "LOC", "NORP", "ORG", "FAC", "PRODUCT", "EVENT", "LAW", "DATE", "MONEY", "TIME"})
# the first roles of codes that are organisations, not persons
_BODIES = frozenset({"IGO", "NGO", "MNC", "UNO"})


def _object_pronoun(v: TargetView) -> Token | None:
    """"him"/"her" as the act's object, the object of an on/at/to/with/against phrase of it, or (for an appeal
    or demand) the subject of its "for ... to" clause ("calling for him to apologise")."""
    found = [o for o in v.objs if o.dep_ in ("dobj", "dative", "obj")]
    found += [o for p in v.verb.children if p.dep_ == "prep" and p.lower_ in _ADDRESS_PREPS
              for o in p.children if o.dep_ == "pobj"]
    if v.match.code.lstrip(":")[:2] in _ASKING_ROOTS:
        found += [s for c in v.verb.children if c.dep_ == "advcl"
                  and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                  for s in c.children if s.dep_ == "nsubj"]
    return next((o for o in found if o.lower_ in _PERSON_OBJECTS), None)


def _subject(tok: Token) -> bool:
    """The name is a subject, or the possessor or modifier of one ("Kenya's ministry", "envoy Geir Pedersen"), and
    not one of a coordinated subject (``_conjoined``)."""
    while tok.dep_ in ("poss", "compound", "amod", "case", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and not _conjoined(tok)


def _nearest_single(near: list[tuple[Token, ActorRef | None]]) -> ActorRef | None:
    """The nearest name outside a coordinated subject; else the one conjunct of such a subject that is a name
    ("Macron and his wife Brigitte arrived ... Ruto welcomed him": the other is a noun of relation). Two names
    coordinated ("Modi and Kishida toured a factory ... criticised him") leave "him" a guess: no target (review 10
    #9)."""
    single = next((r for tok, r in near if not _coordinated_subject(tok)), None)
    if single is not None or not near:
        return single
    tok, ref = near[0]
    word = _conjunct(tok)
    # the subject's conjuncts, or the subjects of one verb in the parser's misreading ("Putin and Xi" as two)
    others = [*word.conjuncts, *(c for c in word.head.children if c.dep_ in ("nsubj", "nsubjpass") and c != word)]
    return ref if word.pos_ == "PROPN" and not any(o.pos_ == "PROPN" for o in others) else None


def _conjunct(tok: Token) -> Token:
    """The word of a coordination a name belongs to: itself, or the noun it names ("his wife Brigitte": wife)."""
    while tok.dep_ in ("poss", "compound", "amod", "case", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _coordinated_subject(tok: Token) -> bool:
    """The name is one of the conjuncts of a coordinated subject, or inside one ("Narendra Modi and Japanese Prime
    Minister Fumio Kishida toured a factory"): a singular pronoun after it could be either person (review 10 #9)."""
    while tok.dep_ in ("poss", "compound", "amod", "case", "appos", "conj") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and _conjoined(tok)


def _conjoined(subject: Token) -> bool:
    """A subject coordinated with another ("Putin and Xi may be impressed"): the subject is plural, and a singular
    "him"/"her" after it does not take one of its conjuncts for being the subject (the nearest name is preferred
    instead; Guardian 351, "Putin and, for example, China's Xi Jinping ... may be impressed by Erdogan's dubious
    ascendancy. Iran's hardliners may cheer him on": him = Erdogan). Also the parser's misreading of such a
    subject as two subjects of one verb or as a name coordinated with the clause ("[Putin] and [Xi ... may be
    impressed]")."""
    if any(c.dep_ in ("conj", "cc") for c in subject.children):
        return True
    verb = subject.head
    if sum(1 for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")) > 1:
        return True
    return verb.dep_ == "conj" and verb.head.pos_ == "PROPN" and any(c.dep_ == "cc" for c in verb.head.children)


def _named_by(tok: Token, words: set[str]) -> bool:
    """``tok`` is one of ``words`` or names the same one by apposition ("Nuri al-Maliki, the Iraqi Prime
    Minister")."""
    while True:
        if tok.lower_ in words:
            return True
        if tok.dep_ not in ("compound", "appos", "flat") or tok.head.i == tok.i:
            return False
        tok = tok.head


def _person_code(code: str | None) -> bool:
    """A code that may be a person's: a role, of a country or none, that is no organisation's ("GBRGOV", not
    "GBR" or "IGOUNO")."""
    if not code:
        return False
    roles = split_code(code)[1]
    return bool(roles) and roles[0] not in _BODIES and not code.startswith(tuple(_BODIES))


def _official(run: Sequence[Token], code: str | None) -> bool:
    """A person's name coded as the body the person serves ("special rapporteur Richard Bennett", IGOUNO; "Amnesty
    researcher Joanne Mariner", NGOHRIAMN): the person, whom a "him" or "her" may stand for. A person by the
    named-entity label, or, with no label, by the noun of office before the name ("director Kenneth Roth"); a
    country's bare code on a name the parser calls a person ("Sanaa") is a place's, no antecedent."""
    if not code or not code.startswith(tuple(_BODIES)):
        return False
    if run[-1].ent_type_:
        return run[-1].ent_type_ == "PERSON"
    before = run[0].doc[run[0].i - 1] if run[0].i > 0 else None
    return before is not None and before.pos_ == "NOUN" and before.dep_ == "compound"


def _pronoun_owned(head: Token) -> bool:
    """"his counterpart", "her counterparts": owned by a possessive pronoun and modified by nothing else that
    could name its country ("his Iranian counterpart" is coded from its modifier)."""
    return any(c.dep_ == "poss" and c.lower_ in _POSSESSIVES for c in head.children) \
        and not any(c.dep_ in ("amod", "compound", "nmod") for c in head.children)
