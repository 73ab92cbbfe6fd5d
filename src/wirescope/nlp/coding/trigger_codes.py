"""The code of a trigger (mixin of ``engine.EventCoder``): which dictionary entries a token has (its surface
form, lemma, irregular form or a multi-word verb), the most specific pattern that matches in the verb's own clause
(a demand verb borrowing an appeal pattern keeps the demand root; a logical object in the object slot lets a
pattern match), the senses a default-coded verb does not have (an obligation, an effort, an undergoer, a phrasal
or naming use, a claim with an indicative complement), and what codes a verb whose default codes nothing: the event
noun it governs or, for a light verb, nothing; else the root most of its patterns share. Event nouns without a verb
entry (consultation, fighting, nominal codes) are coded here too, and a trigger that shows a picture, sets the
scene or describes a noun is no news."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..resources.cameo import lookup
from ..resources.petrarch import VerbEntry
from .actors import ActorCoder
from .concern_states import BEING_CONCERNED, concern_code
from .consultation_nouns import CONSULT_NOUNS, consultation_code, fighting_code
from .context import DocContext
from .depicted import FILMED, depicted_in_a_work, filmed_work
from .doc_arrays import child_subtrees
from .event_arguments import EventArguments
from .judgements import JUDGED, judged_code
from .lexicon import LIGHT_VERBS, PERFORM_VERBS, UNDERGOER_VERBS, event_noun_code
from .lexicons import words
from .measure_nouns import ENACTED, enacted_measure
from .negated_acts import DECLINE_COMMENT, NO_COMMENT, not_commenting
from .nominals import nominal_code
from .particles import ADJUNCT_PREPOSITION, INNER_PREPOSITION, adjunct_particle, inner_adjunct
from .patterns import PRE_WINDOW, PatternMatch, PatternMatcher
from .source_finders import NOMINAL, SUBJ_DEPS
from .stance_prefixes import STANCE_WORD, without_stance_words
from .syntax import multi_matches, regular_stems, shown_in_image
from .target_finders import CAUSE_NOUNS, CONCESSIVE_PREPS, SPEECH_VERBS, in_cause_phrase, in_concession
from .town_adjuncts import TOWN_PLACE, town_place_phrase
from .triggers import _OBLIGATION_VERBS, _description, _indicative_report, _logical_object, _under_attack
from .ultimatum import ULTIMATUM, ultimatum_code

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# codes that code nothing: a trigger with one of them makes no event of its own
NULL_CODES = frozenset({"---", "", "+++", "###"})
# verbs of fighting that also mean striving (with a to-infinitive) or, without an opponent, having difficulty
_EFFORT_VERBS = words("verb_classes", "effort")
# verbs that say at whom an act is aimed: the act is their event noun's ("tariffs targeting Canada")
_AIM_VERBS = words("verb_classes", "aim")
# prepositions of a time or scene adjunct ("during a protest", "amid protests"): what they name is when or where the
# act happened
_SCENE_PREPS = words("place_words", "scene-preposition")
_PROTEST_ROOT = "14"
CONCESSION = "code.concession-is-not-the-act"
CAUSE = "code.cause-phrase-is-not-the-act"
PASSIVE_PATIENT = "code.passive-subject-is-no-pattern-doer"
AGENT_DOER = "code.passive-agent-is-no-pattern-object"
# verbs whose subject receives what another gives or does ("received sanctions from the EU", "got a warning")
_RECEIVING_VERBS = words("verb_classes", "receiving")
INVITATION = "code.invitation-is-an-offer-to-meet"
_INVITING = words("senses", "inviting")
# what one may be invited to do that is a meeting or a visit ("invited X to visit", "to attend the talks")
_INVITED_ACTS = words("senses", "invited-act")
RECEIVED = "code.act-received-is-the-givers"
THERE_FOR_TALKS = "candidates.in-a-place-for-talks"
STRIKES_ON = "code.strikes-carried-out-on-a-named-party"
_NAME_DEPS = ("oprd", "attr", "xcomp")  # the predicate noun of "called X a Y" (rules/patterns.py: naming)


def _in_scene_phrase(tok: Token, verb: Token) -> bool:
    """``tok`` lies inside a scene adjunct of ``verb``'s clause: on its way up to the verb it passes a preposition
    of time or scene ("detained protesters [during a protest in Moscow]")."""
    node = tok
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in _SCENE_PREPS:
            return True
        node = node.head
    return False


def _protest_in_scene(match: PatternMatch, verb: Token) -> bool:
    """A protest pattern (CAMEO 14: the subject protests) matched on a word of a scene adjunct ("* PROTEST [141]" of
    the HOLD/DETAIN block on "detained protesters during a protest"): the scene is not what the subject does."""
    code = match.code.partition(":")[0]
    if match.pattern is None or code[:2] != _PROTEST_ROOT or match.last_token is None:
        return False
    # a pattern that names the adjunct's preposition is about the scene ("* &RIOTMISSILE ( DURING DEMONSTRATION )
    # [145]": "threw stones during demonstrations" is the protest turned violent)
    named = {w.lower() for el in match.pattern.post for w in el.split("_")}
    return not named & _SCENE_PREPS and _in_scene_phrase(verb.doc[match.last_token], verb)


def _outside_adjuncts(match: PatternMatch, verb: Token, after: Sequence[Token], ctx: DocContext) -> list[Token] | None:
    """The words after the verb to match again, without the adjunct the pattern matched in, when its last word
    lies in a scene adjunct (a protest pattern: ``_protest_in_scene``), in a phrase of place or direction (a bare
    town pattern: ``town_place_phrase``), in a concession (any pattern that does not name the preposition: what
    the act happened in spite of is not the act) or in a phrase of cause or of the report's source (any pattern
    that does not name its noun: what the act answered is not the act); else None."""
    if _protest_in_scene(match, verb) and ctx.fire("code.protest-in-a-scene-phrase-is-no-protest"):
        return [t for t in after if not _in_scene_phrase(t, verb)]
    if (place := town_place_phrase(match, verb)) is not None and ctx.fire(TOWN_PLACE):
        # town_adjuncts.py: "took a bus to the city of Mashhad" seizes no city: the verb without that phrase
        return [t for t in after if not place.left_edge.i <= t.i <= place.right_edge.i]
    if match.pattern is None or match.last_token is None:
        return None
    named = {w.lower() for el in match.pattern.post for w in el.split("_")}
    if not named & CONCESSIVE_PREPS and in_concession(verb.doc[match.last_token], verb) \
            and ctx.fire(CONCESSION):
        return [t for t in after if not in_concession(t, verb)]
    if not named & CAUSE_NOUNS and in_cause_phrase(verb.doc[match.last_token], verb) and ctx.fire(CAUSE):
        # "conducted the attacks in response to the killing" is no "CONDUCT * TO": what the act answered
        return [t for t in after if not in_cause_phrase(t, verb)]
    return None


class TriggerCodes(EventArguments):
    """Mixin of ``EventCoder``: the entries, pattern match and code of a trigger."""

    # set by ``EventCoder``
    actors: ActorCoder
    matcher: PatternMatcher
    fallback_roots: bool

    @staticmethod
    def _noun_match(tok: Token, ctx: DocContext) -> PatternMatch | None:
        """The code of an event noun without a verb entry: a consultation noun ("talks with X"; as a verb's object,
        "held talks with X", the verb codes it), or a noun coded directly ("US tariffs on China": it has no verb of
        its own sense in the dictionary)."""
        consult = consultation_code(tok) if tok.dep_ not in ("dobj", "obj") else None
        if consult is not None and consult[1] and not ctx.fire("candidates.telephone-consultation"):
            consult = consultation_code(tok, medium=False)  # "a phone conversation" is still a conversation
        if consult is not None:
            return PatternMatch(None, f"{consult[0]}:{consult[0]}", 0, inferred="noun")
        fight = fighting_code(tok) if tok.dep_ not in ("dobj", "obj") else None
        if fight is not None:  # "clashes between X and Y": each side uses force on the other (the rule fires there)
            return PatternMatch(None, f"{fight}:{fight}", 0, inferred="noun")
        direct = nominal_code(tok)
        if direct is not None and ctx.fire("candidates.nominal-event"):
            return PatternMatch(None, direct, 0, inferred="noun")
        return None

    def _ultimatum(self, tok: Token, ctx: DocContext) -> PatternMatch | None:
        """The threat of the penalty an ultimatum names ("urged X to accept ... or face sanctions"), or None."""
        threat = ultimatum_code(tok) if self.real_news else None
        return PatternMatch(None, threat, 0, inferred="noun") if threat is not None and ctx.fire(ULTIMATUM) else None

    def _recode(self, tok: Token, entries: Sequence[VerbEntry], match: PatternMatch,
                ctx: DocContext) -> PatternMatch | None:
        """The code of a trigger the dictionary codes only by its default, or None when the verb is used in a
        sense the default does not mean."""
        default = match.pattern is None
        lemma = tok.lemma_.lower()
        by_noun = _under_attack_only(tok, match, ctx) or self._judged(tok, ctx) \
            or (self._noun_of_the_act(tok, ctx) if default else None)
        if by_noun is not None:
            return by_noun
        if default and lemma in _OBLIGATION_VERBS and self.real_news and ctx.fire("candidates.need-binds-its-subject"):
            return None  # "we need to be firm", "Turkey needs to return the S-400": the subject is bound, not asking
        if lemma in _EFFORT_VERBS and any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in tok.children) \
                and ctx.fire("candidates.effort-is-no-fight"):
            return None  # "struggled to get jobs", "battling to cut costs": an effort toward the infinitive's act
        if default and lemma in UNDERGOER_VERBS and self.real_news and self._instrument(tok, ctx) \
                and ctx.fire("candidates.died-in-an-attack"):
            return PatternMatch(None, ":190", 0, inferred="noun")  # the dead are the target of the attack's doer
        if default and lemma in UNDERGOER_VERBS and ctx.fire("candidates.undergoer-has-no-doer"):
            return None  # "12 people died": the subject undergoes the act; who caused it, only a pattern says
        if default and len(entries[0].words) == 1 and ctx.matched("candidates.phrasal-light-verb", tok) \
                and ctx.fire("candidates.phrasal-light-verb"):
            return None  # "took on the Americans": not the verb's own sense
        if (default or _pattern_inside_the_name(match, tok)) and ctx.matched("candidates.naming-is-not-calling", tok) \
                and ctx.fire("candidates.naming-is-not-calling"):
            return None  # "called X a fantastic guy", "what it called a criminal attack on its software"
        if default:
            match = self._said_code(tok, self._offered_meeting(tok, match, ctx), ctx)
        if match.code.strip() in NULL_CODES or (default and lemma in LIGHT_VERBS and len(entries[0].words) == 1):
            match = self._fallback(tok, entries, match, ctx)
        return match

    def _judged(self, tok: Token, ctx: DocContext) -> PatternMatch | None:
        """A verb of naming or describing whose predicate judges its object: "called Pakistan's assertions
        baseless" (016), "described the decision as very disappointing" (111), whatever the verb's own sense or a
        word of its object says (judgements.py)."""
        judged = judged_code(tok) if self.real_news else None
        if judged is not None and ctx.fire(JUDGED):
            return PatternMatch(None, judged, 0, inferred="predicate")
        return None

    def _offered_meeting(self, tok: Token, match: PatternMatch, ctx: DocContext) -> PatternMatch:
        """An invitation coded by the dictionary's default: "Putin invited Erdogan to Moscow for talks", "invited his
        Iranian counterpart to visit London" offer a meeting (036), none was held (INVITE's default, 040)."""
        if self.real_news and match.code.strip() == "040" and _invited_to_meet(tok) and ctx.fire(INVITATION):
            return replace(match, code="036", inferred="invitation")
        return match

    @staticmethod
    def _said_code(tok: Token, match: PatternMatch, ctx: DocContext) -> PatternMatch:
        """The code of a verb coded by its default in what its words say: not commenting declines comment, an
        indicative complement makes a claim."""
        if not_commenting(tok) and ctx.fire(NO_COMMENT):
            # "the State Department does not comment on intelligence matters", "did not comment on the report":
            # not commenting is declining comment (011), as "declined to comment" is
            return replace(match, code=DECLINE_COMMENT, inferred="negation")
        if match.code[:2] in ("02", "10", "11", "12") and _indicative_report(tok) \
                and ctx.fire("code.claim-with-indicative-complement"):
            # "insisted that Isis remained a threat", "suggested the strikes might help", "argued that ...",
            # "denied security services were involved": a claim, not a demand, a quarrel or a rejection
            return replace(match, code="010", inferred="complement")
        return match

    def _noun_of_the_act(self, tok: Token, ctx: DocContext) -> PatternMatch | None:
        """The code of a default-coded verb whose act is its event noun's: a verb of aiming ("Trump's tariffs
        targeting Canada": 163, not 190) or of enacting a measure ("slapped tariffs on Chinese steel": 163, not
        180)."""
        aimed = self._aimed_code(tok)
        if aimed is not None and ctx.fire("code.aimed-act-takes-its-noun-code"):
            return PatternMatch(None, aimed, 0, inferred="noun")
        measure = enacted_measure(tok) if self.real_news else None
        if measure is not None and ctx.fire(ENACTED):
            return PatternMatch(None, measure, 0, inferred="noun")
        return None

    def _aimed_code(self, verb: Token) -> str | None:
        """The code of the event noun a verb of aiming says the direction of: the noun it modifies ("tariffs
        targeting Canada", "sanctions that hit Russian banks") or its subject ("the new tariffs target Chinese
        steel"); None when the verb is no such verb or the noun no event noun."""
        if verb.lemma_.lower() not in _AIM_VERBS:
            return None
        nouns = [verb.head] if verb.dep_ in ("acl", "relcl") else [c for c in verb.children if c.dep_ == "nsubj"]
        if not nouns or nouns[0].pos_ != "NOUN":
            return None
        noun = nouns[0]
        entries = self._verb_entries(noun)
        code = nominal_code(noun) or (entries[0].code if entries else None) or event_noun_code(noun)
        return code if code is not None and code.strip() not in NULL_CODES and ":" not in code else None

    @staticmethod
    def _not_news(tok: Token, match: PatternMatch, ctx: DocContext) -> bool:
        """A trigger that shows a picture, sets the scene or describes a noun rather than reporting an act."""
        return (shown_in_image(tok) and ctx.fire("filters.shown-in-a-picture")) \
            or (depicted_in_a_work(tok) and ctx.fire("filters.depicted-in-a-work")) \
            or (filmed_work(tok) and ctx.fire(FILMED)) \
            or (ctx.matched("filters.background-gerund", tok) and ctx.fire("filters.background-gerund")) \
            or (_description(tok, match.code) and ctx.fire("filters.descriptive-participle"))

    def _entries(self, tok: Token, ctx: DocContext) -> list[VerbEntry]:
        """``_verb_entries(tok)``, once per document (they read the token's words and parse and the lemmas as
        corrected while the document is coded, none of which changes while its context lives)."""
        found: list[VerbEntry] | None = ctx.verb_entries.get(tok.i)
        if found is None:
            found = ctx.verb_entries[tok.i] = self._verb_entries(tok)
        return found

    def _verb_entries(self, tok: Token) -> list[VerbEntry]:
        if tok.pos_ == "NOUN":
            lemma = NOMINAL.get(tok.lemma_.lower())
            return [e for e in self.dicts.verbs.get(lemma, ()) if len(e.words) == 1] if lemma else []
        if tok.pos_ != "VERB" and not (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            return []
        lemma = tok.lemma_.upper()
        text = tok.text.upper()
        by_form = self.dicts.verbs.get(text, []) if text != lemma else []
        by_lemma = self.dicts.verbs.get(lemma) or self.dicts.verbs.get(self.dicts.forms.get(text, ""), []) \
            or next((self.dicts.verbs[s] for s in regular_stems(text) if s in self.dicts.verbs), [])
        multi = [e for e in (*by_form, *by_lemma) if len(e.words) > 1 and multi_matches(e, tok)]
        if multi:
            return multi
        # a surface form listed as its own verb ("LEFT" [042:043] next to "LEAVE" [012]) wins over the lemma
        return [e for e in by_form if len(e.words) == 1] or [e for e in by_lemma if len(e.words) == 1]

    def _fallback(self, tok: Token, entries: Sequence[VerbEntry], match: PatternMatch,
                  ctx: DocContext) -> PatternMatch:
        """For a verb whose dictionary default codes nothing and no pattern matched: the event noun it governs
        ("launched a mediation effort", "staged rallies"), else, when the option is on, the CAMEO root most of the
        verb's patterns share ("demolished" -> 17x), as the root's base code. A light verb acting on a thing that is
        neither an actor nor an event ("take all necessary action", "gave a speech") codes nothing: its meaning is
        its object's."""
        if tok.pos_ == "NOUN":
            return match
        if _under_attack(tok) and ctx.fire("code.came-under-attack"):
            return PatternMatch(None, ":190", 0, inferred="noun")
        light = self._carried_noun_code(tok, ctx)
        if light is not None:
            return light
        if tok.lemma_.lower() in LIGHT_VERBS:
            objs = [c for c in tok.children if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN"]
            if objs and not any(self._actor(o, ctx, direct=True) for o in objs) \
                    and ctx.fire("candidates.light-verb-needs-an-actor-or-event"):
                return PatternMatch(None, "---", 0)
        if not self.fallback_roots or tok.lemma_.lower() in SPEECH_VERBS:  # "adding that ...": plain speech
            return match
        if match.pattern is not None:  # a pattern that matched and codes nothing says this use is no event
            return match
        for e in entries:
            root = self.matcher.dominant_root(e.block)
            if root is not None and ctx.fire("code.dominant-pattern-root"):
                return PatternMatch(None, root + "0", 0, inferred="root")
        return match

    def _carried_noun_code(self, tok: Token, ctx: DocContext) -> PatternMatch | None:
        """The code of the event noun a verb carries (code.event-noun-of-a-light-verb); a verb of receiving
        carries the giver's act, done to its subject: "Russia received new sanctions from the EU" (163 EU -> RUS,
        the converse)."""
        light = self._light_code(tok, ctx)
        if light is None or not ctx.fire("code.event-noun-of-a-light-verb"):
            return None
        if tok.lemma_.lower() in _RECEIVING_VERBS and ctx.fire(RECEIVED):
            return replace(light, code=":" + light.code)
        return light

    def _light_code(self, tok: Token, ctx: DocContext | None = None) -> PatternMatch | None:
        """A light verb (or one without its own code) whose object or "in/for" complement is an event noun; also
        "be in" ("Baghdad and Washington are in talks") and "be in a place for" a consultation ("Iraq's prime
        minister was in Washington for talks with Trump": he came to consult). Consultation takes two: a compound
        subject without a target consults reciprocally ("Arnor and Gondor held talks"). With ``ctx``, a
        consultation noun over a medium ("a phone call") is 041 (candidates.telephone-consultation)."""
        copula = tok.lemma_ == "be" and tok.dep_ in ("ROOT", "conj", "ccomp")
        if tok.pos_ != "VERB" and not copula:
            return None
        nouns = [] if copula else [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        preps = ("in",) if copula else ("in", "for")
        nouns += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children
                  if g.dep_ == "pobj"]
        if copula and ctx is not None:
            concern = concern_code(tok)
            if concern is not None and ctx.fire(BEING_CONCERNED):
                return PatternMatch(None, concern, 0, inferred="noun")
            talks = _there_for_talks(tok)
            nouns += [talks] if talks is not None and ctx.fire(THERE_FOR_TALKS) else []
        for noun in nouns:
            if ctx is not None and _strikes_on_a_named_party(tok, noun) and ctx.fire(STRIKES_ON):
                return PatternMatch(None, "190", 0, inferred="noun")
            by_medium = consultation_code(noun)
            if by_medium is not None and by_medium[1] and ctx is not None \
                    and ctx.fire("candidates.telephone-consultation"):
                # "held a phone call with Putin", "had a telephone conversation with Macron": discuss by
                # telephone (041), as the noun alone is ("in a phone call with X"); a bare "call" is no event noun
                return PatternMatch(None, by_medium[0], 0, inferred="noun", compound=True)
            for n in (noun, *(c for c in noun.children if c.dep_ == "compound")):
                code = event_noun_code(n)
                if code is not None:
                    return PatternMatch(None, code, 0, inferred="noun", compound=code[:2] == "04")
        return None

    def _match(self, tok: Token, entries: Sequence[VerbEntry], sent: Span, ctx: DocContext) -> PatternMatch:
        subj_tokens = child_subtrees(tok, _subject_label_ids())
        # pattern words belong to the verb's own phrase, not to clauses embedded in it ("said there were attacks")
        # (the clause is part of the verb's subtree, in the same order)
        after = [t for t in ctx.clause(tok) if t.i > tok.i and t.i not in subj_tokens]
        # the matcher reads only the last PRE_WINDOW tokens before the verb: only those are made
        near = [i for i in range(sent.start, tok.i) if i in subj_tokens][-PRE_WINDOW:] if self.ud_petrarch \
            else range(max(sent.start, tok.i - PRE_WINDOW), tok.i)
        before = [sent.doc[i] for i in near]
        blocks = list(dict.fromkeys(e.block for e in entries))
        match = self._active_doer_match(tok, blocks, entries[0].code, (after, before), ctx)
        matched = after
        if (rest := _outside_adjuncts(match, tok, after, ctx)) is not None:
            # "police detained protesters during a protest", "talks started despite air strikes": the pattern
            # word names when the act happened or what it happened in spite of, not the act
            match, matched = self.matcher.best(blocks, entries[0].code, tok, rest, before, ctx.words), rest
        if (rest := without_stance_words(matched, match.last_token)) is not None:
            # "beat anti-government protesters" is no "BEAT * GOVERNMENT": the prefixed word names a stance
            alt = self.matcher.best(blocks, entries[0].code, tok, rest, before, ctx.words)
            if (alt.code, alt.pattern) != (match.code, match.pattern) and ctx.fire(STANCE_WORD):
                match = alt
        if (rest := self._without_agent(tok, match, matched, ctx)) is not None:
            match, matched = self.matcher.best(blocks, entries[0].code, tok, rest, before, ctx.words), rest
        if (particle := adjunct_particle(match, tok)) is not None and ctx.fire(ADJUNCT_PREPOSITION):
            # particles.py: "called Erdoğan on Wednesday" is no "called on": the verb without the time phrase
            rest = [t for t in after if not particle.left_edge.i <= t.i <= particle.right_edge.i]
            match = self.matcher.best(blocks, entries[0].code, tok, rest, before, ctx.words)
        elif (inner := inner_adjunct(match, tok)) is not None and ctx.fire(INNER_PREPOSITION):
            # particles.py: "Speaking after a meeting with Theresa May" is no "speak with": the verb without it
            rest = [t for t in after if not inner.left_edge.i <= t.i <= inner.right_edge.i]
            match = self.matcher.best(blocks, entries[0].code, tok, rest, before, ctx.words)
        if match.pattern is None:
            # the words as matched last: an adjunct or agent a rule took out stays out ("was arrested ... in the
            # town of Didim" matches no bare town pattern again through the logical object)
            match = self._logical_object_match(tok, blocks, entries[0].code, matched, before, ctx) or match
        if entries[0].code[:2] == "10" and match.code[:2] == "02" and ":" not in match.code:
            # a demand verb's block borrows the appeal patterns ("demanded the withdrawal" [025]); CAMEO's demand
            # tree (10x) mirrors the appeal tree (02x) code for code, so the demand keeps its own root
            demand = "10" + match.code[2:]
            if lookup(demand) is not None and ctx.fire("code.demand-keeps-its-root"):
                match = replace(match, code=demand)
        return match

    def _active_doer_match(self, verb: Token, blocks: Sequence[str], default: str,
                           around: tuple[Sequence[Token], Sequence[Token]], ctx: DocContext) -> PatternMatch:
        """The best pattern of the verb; for a passive on real news, not one whose words before the verb (which name
        the doer of an active verb: "PROTEST *", "&MILITARY *") matched the passive's subject, who undergoes the
        act (code.passive-subject-is-no-pattern-doer): "the protesters were attacked by police officers" is no
        violent protest (145) by the protesters, "Syrian soldiers were killed by rebels" no act of the soldiers."""
        after, before = around
        match = self.matcher.best(blocks, default, verb, after, before, ctx.words)
        if match.pattern is None or not self.real_news or not any(e not in "*+$%(){}" for e in match.pattern.pre):
            return match
        patient = child_subtrees(verb, _passive_subject_ids())
        if not patient:
            return match
        rest = [t for t in before if t.i not in patient]
        alt = self.matcher.best(blocks, default, verb, after, rest, ctx.words)
        if (alt.code, alt.pattern) != (match.code, match.pattern) and ctx.fire(PASSIVE_PATIENT):
            return alt
        return match

    def _without_agent(self, verb: Token, match: PatternMatch, after: Sequence[Token],
                       ctx: DocContext) -> list[Token] | None:
        """The words after a passive verb without its "by" agent, when the pattern matched a word inside it and the
        verb's logical object is an act, an event noun (code.passive-agent-is-no-pattern-object): "the
        strikes were carried out by Russian warplanes" is no CARRY * &AIRCRAFT (090); the agent names who did the
        act, never what it was done to or with. Else None."""
        if match.pattern is None or match.last_token is None:
            return None
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is None or not agent.left_edge.i <= match.last_token <= agent.right_edge.i \
                or "BY" in {w for el in match.pattern.post for w in el.split("_")}:
            return None
        obj = _logical_object(verb)
        # an act done ("the raid", "the air strikes"): its agent is its doer; a party or thing acted on ("jihadists
        # were captured by Kurdish fighters") keeps the pattern
        if obj is None or (event_noun_code(obj) is None and obj.lemma_.lower() not in NOMINAL) \
                or not ctx.fire(AGENT_DOER):
            return None
        return [t for t in after if not agent.left_edge.i <= t.i <= agent.right_edge.i]

    def _logical_object_match(self, verb: Token, blocks: Sequence[str], default: str, after: Sequence[Token],
                              before: Sequence[Token], ctx: DocContext) -> PatternMatch | None:
        """The pattern matched when the verb's logical object (``_logical_object``) stands in its object slot
        ("sanctions were imposed" = "imposed sanctions"): it names the code only, never the target. A logical
        object that is an actor ("the minister was arrested") is the target, which argument finding places."""
        obj = _logical_object(verb)
        if obj is None:
            return None
        phrase = [t for t in obj.subtree if t.i <= obj.i]
        if self.actors.code_tokens(phrase, ctx.day, obj)[0] is not None:
            return None
        alt = self.matcher.best(blocks, default, verb, [*phrase, *after], before, ctx.words)
        if alt.pattern is None or not ctx.fire("code.logical-object-takes-the-pattern"):
            return None
        return replace(alt, target_after=None, last_token=None)


def _under_attack_only(verb: Token, match: PatternMatch, ctx: DocContext) -> PatternMatch | None:
    """Force on the subject (code.came-under-attack) when a pattern matched only the subject's kind: "Syrian troops
    came under attack from rebels" matched "&MILITARY *" (072), which never saw "under attack". Else None."""
    if match.pattern is None or match.pattern.post or not _under_attack(verb) \
            or not ctx.fire("code.came-under-attack"):
        return None
    return PatternMatch(None, ":190", 0, inferred="noun")


def _pattern_inside_the_name(match: PatternMatch, verb: Token) -> bool:
    """A pattern of 'call' whose last word lies inside the predicate noun's phrase, not on the noun itself: the
    words belong to the name given ("what it called a criminal attack on its software" is no "called on"; "the
    preferred shipping line for Iranian proliferators" no "called for"), while a pattern naming the noun itself is
    the dictionary's own judgement of the name ("called X a monkey" [111]). With a name given, a pattern word inside
    the phrase of the thing named belongs to it too ("called the attack on the embassy an outrage")."""
    last = match.last_token
    if match.pattern is None or last is None:
        return False
    names = [c for c in verb.children if c.dep_ in _NAME_DEPS]
    # so is one inside the phrase of the thing named, when a name is given: "called the attack on the embassy an
    # outrage" is no "called on" (review 17); a particle comes right after the verb, before any object
    named = [c for c in verb.children if c.dep_ in ("dobj", "obj")] if names else []
    return any(c.left_edge.i <= last <= c.right_edge.i and last != c.i for c in (*names, *named))


def _invited_to_meet(tok: Token) -> bool:
    """``tok`` is a verb of inviting whose infinitive, if any, is a meeting or a visit ("invited X to Moscow",
    "invited X to visit London"; not "invited Chinese firms to bid for contracts")."""
    if tok.lemma_.lower() not in _INVITING:
        return False
    acts = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
    return all(a.lemma_.lower() in _INVITED_ACTS for a in acts)


def _there_for_talks(copula: Token) -> Token | None:
    """"X is in Tehran for talks with Y": the consultation noun (CONSULT_NOUNS) of a copula's "for" phrase when
    the copula also says where the subject is ("in Tehran", a named place), else None; "Iran is for peace" states
    a stance, and "the money is for talks" is no act of the subject's (candidates.in-a-place-for-talks)."""
    preps = [c for c in copula.children if c.dep_ == "prep"]
    if not any(p.lower_ == "in" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in p.children) for p in preps):
        return None
    return next((g for p in preps if p.lower_ == "for" for g in p.children
                 if g.dep_ == "pobj" and g.lemma_.lower() in CONSULT_NOUNS), None)


def _strikes_on_a_named_party(verb: Token, noun: Token) -> bool:
    """"carried out strikes on Hezbollah positions", "launched strikes on Iran", "conducted strikes against Hamas
    targets": a bare "strike" (no kind: "airstrike", "drone strike" code by event_noun_code) that a verb of
    performing carries out on or against a named party (a proper noun, or one compounded with its head) is force;
    "staged strikes on Monday", "launched strikes against the pension reform" and "strikes on French railways"
    stay labour or unknown (code.strikes-carried-out-on-a-named-party)."""
    if noun.lemma_.lower() != "strike" or verb.lemma_.lower() not in PERFORM_VERBS \
            or noun.dep_ not in ("dobj", "obj") or event_noun_code(noun) is not None:
        return False
    return any(p.dep_ == "prep" and p.lower_ in ("on", "against") and g.dep_ == "pobj"
               and (g.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in g.children))
               and g.ent_type_ not in ("DATE", "TIME")
               for p in noun.children for g in p.children)


@functools.cache
def _passive_subject_ids() -> frozenset[int]:
    """The id of the passive subject's dependency label (``_active_doer_match``)."""
    from spacy.strings import get_string_id

    return frozenset({get_string_id("nsubjpass")})


@functools.cache
def _subject_label_ids() -> frozenset[int]:
    """The ids of the dependency labels of a verb's subjects, active or passive (``_match`` reads them from the
    document's arrays)."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(d) for d in (*SUBJ_DEPS, "nsubjpass"))
