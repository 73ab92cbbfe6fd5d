"""Speech acts aimed at someone: accusation, blame, criticism, condemnation ("X accused Y of Z", "Y was accused of
Z"). The verbs are a class of ``lexicons/verb_classes.tsv`` (accusation). In "X accused Y of Z" the one accused is
Y, the object; Z, the content of the "of/for/over" complement, is what Y is said to have done, and an actor named
inside it ("of supporting militants", "of using Lebanon's reconstruction drive") is no party to the accusation. In
the passive without an agent ("Paris was accused of aiding rebels"), the accuser is not named: the event has an
unnamed source and the passive subject as target (docs/events-gold.md codes such an event with source ``null``).

Used by the event coder's argument finders (``target.accused-is-the-object``,
``target.accusation-content-is-no-party``) and by ``EventCoder._arguments`` (``source.unnamed-accuser``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .force_senses import VERBAL_ATTACK_VERBS, sport_sentence
from .lexicon import (
    AFTER_PARTICLE_VERBS,
    OCCASION_NOUNS,
    PLACE_PREPS,
    TIME_FRAME_WORDS,
    TIME_PREPS,
    TOPIC_NOUNS,
    TOPIC_PREPS,
)
from .lexicons import words
from .reacted_acts import aimed_nouns

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .arguments import ArgumentFinder
    from .codings import Coding
    from .context import DocContext
    from .patterns import PatternMatch
    from .phrase_actors import ActorRef
    from .target_finders import TargetsFound, TargetView

ACCUSATION_VERBS = words("verb_classes", "accusation")
# the prepositions that introduce what the accused is said to have done ("accused of", "blamed for", "criticised
# over"); "blamed it on X" names the one blamed with "on", which the ordinary finders find
_CONTENT = frozenset({"of", "for", "over"})
_DISAPPROVE = "11"
# "accusing it of ...": an object pronoun of a participle clause stands for what its governing clause acts on
_OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her"})
_RELATIVE_OBJECTS = frozenset({"whom", "who", "which", "that"})
# a code for an actor not named: no country, no role (``actors.split_code("---")`` is (None, ()))
UNNAMED = "---"


def _accusation(verb: Token, match: PatternMatch) -> bool:
    """``verb`` is a verb of accusation coded as disapproval (root 11), as the dictionary codes it."""
    return verb.lemma_.lower() in ACCUSATION_VERBS and match.code.lstrip(":")[:2] == _DISAPPROVE


def _preps(verb: Token) -> frozenset[str]:
    return frozenset(c.lower_ for c in verb.children if c.dep_ == "prep")


def accused_object(finder: ArgumentFinder, v: TargetView, ctx: DocContext) -> TargetsFound:
    """A target finder: "accused the government of torturing detainees", "criticised Europe for not doing more":
    the object (or the passive subject) is the one accused; when it names no actor, nothing in the content
    complement is the target either (an empty tuple: the finders stop, the act has no target)."""
    if finder.ud_petrarch or not _accusation(v.verb, v.match):
        return None  # UD-PETRARCH's conventions keep its own finders
    preps = _preps(v.verb)
    hung = {o.i: p for o in v.objs if (p := _hung_content(o)) is not None}
    if not (preps & _CONTENT or hung) or "on" in preps:
        return None
    found = _object_actors(finder, v, hung, ctx)
    if found is not None:
        return ("target.accused-is-the-object", found) if found else None
    pronoun = next((o for o in v.objs if o.lower_ in _OBJECT_PRONOUNS), None)
    if pronoun is not None and v.verb.dep_ == "advcl":
        found = next((refs for o in _governing_objects(v.verb.head)
                      if (refs := [a for a in finder.phrase_actors(o, ctx, direct=False)
                                   if a.head not in v.src_heads])), [])
        if found:
            return "target.pronoun-accused-is-the-governing-object", found
    return "target.accusation-content-is-no-party", ()


# nouns of what others claim, report or ask, and the verbs that reject or deny one (lexicons/wishes.tsv)
ANSWERED_NOUNS = words("wishes", "answered-noun")
_REJECTING_VERBS = frozenset({"reject", "deny", "dismiss", "refute", "rebut"})
ANSWERED = "target.answered-claim-names-its-author"


def answered_author(finder: ArgumentFinder, v: TargetView, ctx: DocContext) -> TargetsFound:
    """A target finder: a verb of rejecting or denying whose object (or passive subject) is a claim, report or call
    ("Tony Blair has rejected calls for the publication of advice ...", "Michael Howard has dismissed claims that
    his immigration policy was moving onto the turf of the BNP") answers the one who made it, named in the noun's
    own phrase ("Syrian claims", "Pakistan's allegations"), by a by/from phrase ("calls by the United States for a
    halt") or a participle's agent ("the allegations made by Pakistan"); an actor of what the claim says or asks
    (its clause, its for/of phrase) is no party. With no author named, no target of its own (an empty tuple: the
    later finders stop; "denied the claims" may still answer the accuser, ``accuser``), unless a party of another
    country than the rejecter's is inside the claim, which the later finders then take. Nouns of accusation
    ("the allegation that ...") are left to the accuser rules; a court's rejection is a ruling, left to the other
    finders."""
    if finder.ud_petrarch or v.verb.lemma_.lower() not in _REJECTING_VERBS \
            or any("JUD" in split_code(s.code)[1] for s in v.sources):
        return None
    nouns = [o for o in v.objs if o.lemma_.lower() in ANSWERED_NOUNS]
    if not nouns:
        return None
    found = [a for n in nouns for a in finder.phrase_actors(n, ctx, direct=True) if a.head not in v.src_heads]
    if not found:
        heads = [g for n in nouns for c in _author_phrases(n) for g in c.children if g.dep_ == "pobj"]
        found = [a for h in heads for a in finder.phrase_actors(h, ctx, direct=False) if a.head not in v.src_heads]
    if found:
        return ANSWERED, found
    # with no author named, a party of another country inside what is asked or claimed is, in practice, the one who
    # made it ("China rejected calls to free the two detained Canadians": CAN; review 10 #12): the later finders
    # decide; a party of the rejecter's own country or none is only what the claim is about (domestic news)
    homes = {split_code(s.code)[0] for s in v.sources}
    # (the call's infinitive may hang on the verb: "rejected calls [to free the two detained Canadians]")
    clauses = [c for c in v.verb.children if c.dep_ in ("xcomp", "advcl")
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    inside = [a for n in (*nouns, *clauses) for a in finder.actors_inside(n, ctx)]
    if any((c := split_code(a.code)[0]) is not None and c not in homes for a in inside):
        return None
    return ANSWERED, ()


def _author_phrases(noun: Token) -> list[Token]:
    """The by/from phrases of a claim noun, or the agent of a participle on it ("the allegations made by X")."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")]
    return preps + [a for c in noun.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"]


# nouns for what a party says, plans, decides or does (lexicons/stances.tsv)
STANCE_NOUNS = words("stances", "stance-noun")
# roots of opinions aimed at a party through what it said or did: disapproval (11), rejection (12)
_OPINION_ROOTS = frozenset({"11", "12"})
# roots of force, which a verb of attack in words ("attacked", "slammed": lexicons/senses.tsv verbal-attack) has by the
# dictionaries' default; its sense (criticism or force) is decided once its arguments are found (senses.py)
_FORCE_ROOTS = frozenset({"18", "19", "20"})


def stance_owner(finder: ArgumentFinder, v: TargetView, ctx: DocContext) -> TargetsFound:
    """A target finder: "attacked the Tory plans", "criticised Labour's plans for the health service", "rejected
    the Lib Dems' call to open the books", "Mr Blair's remarks were condemned by X": an opinion about what a party
    said, planned or did (a stance noun, lexicons/stances.tsv) is aimed at the party, its owner (possessor or
    modifier), when its objects name no actor themselves."""
    root = v.match.code.lstrip(":")[:2]
    verbal = root in _FORCE_ROOTS and v.verb.lemma_.lower() in VERBAL_ATTACK_VERBS  # "attacked Mr Blair's words"
    if finder.ud_petrarch or not (root in _OPINION_ROOTS or verbal):
        return None
    if any(finder.phrase_actors(o, ctx, direct=True) for o in v.objs):
        return None  # "criticised the government over its plans": the object is the one criticised
    found = stance_actors(finder, v, ctx, _owners)
    return ("target.owner-of-the-criticised-stance", found) if found else None


def stance_actors(finder: ArgumentFinder, v: TargetView, ctx: DocContext,
                  people: Callable[[Token], list[Token]]) -> list[ActorRef]:
    """The coded actors (not the source) that ``people`` names around the first stance noun the opinion is aimed at
    that names any: its owners ("Labour's plans"), or its author ("comments made by Donald Trump")."""
    for noun in aimed_nouns(v.verb, v.objs):
        if noun.lemma_.lower() not in STANCE_NOUNS:
            continue
        found = [a for m in people(noun) for a in finder.phrase_actors(m, ctx, direct=False)
                 if a.code and a.head not in v.src_heads]
        if found:
            return found
    return []


def opinion_root(v: TargetView) -> bool:
    """The act is an opinion about what someone said or did: disapproval (11), rejection (12), or a verb of attack
    in words ("attacked", "slammed") coded by the dictionaries' force default."""
    root = v.match.code.lstrip(":")[:2]
    return root in _OPINION_ROOTS or (root in _FORCE_ROOTS and v.verb.lemma_.lower() in VERBAL_ATTACK_VERBS)


def _owners(noun: Token) -> list[Token]:
    """The possessor of a noun ("Labour's plans", "the Tories' idea") or the modifiers before it that may name a
    party ("the Tory plans", "the Lib Dem stance")."""
    poss = [c for c in noun.children if c.dep_ == "poss"]
    return poss or [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]


def _governing_objects(verb: Token) -> list[Token]:
    """The nouns a clause acts on, nearest first: its objects, the objects of its prepositions and those of its
    object's prepositions ("imposed a boycott on Qatar", "stepped up its rhetoric against the US")."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj", "dative")]
    preps = [c for c in verb.children if c.dep_ == "prep"] + [p for o in objs for p in o.children if p.dep_ == "prep"]
    return objs + [g for p in preps for g in p.children if g.dep_ == "pobj"]


def _object_actors(finder: ArgumentFinder, v: TargetView, hung: dict[int, Token],
                   ctx: DocContext) -> list[ActorRef] | None:
    """The actors the objects name as the one accused: those only this rule finds (the noun a relative pronoun
    stands for, an object with a content phrase hung on it, a common noun a pattern's words would otherwise pass
    over: "accused the Egyptian government of torturing detainees" [* ( OF TORTURE )]); [] when the ordinary
    finders will find the same object (a named object, or no pattern between); None when no object names one."""
    found, ordinary = [], False
    after = finder._after_pattern(v, ctx)  # what the pattern's words would pass the target on to
    pattern_after = after is not None and bool(after[1])
    for obj in v.objs:
        head = _antecedent(obj, v.verb)
        if obj.i in hung:
            refs = _accused(finder, obj, hung[obj.i], ctx)
        else:
            refs = finder.phrase_actors(head, ctx, direct=True)
            if refs and head is obj and (obj.pos_ == "PROPN" or not pattern_after):
                ordinary = True  # target.named-object, or target.object with nothing in between
                continue
        found += [a for a in refs if a.head not in v.src_heads]
    return found or ([] if ordinary else None)


def _antecedent(obj: Token, verb: Token) -> Token:
    """The noun a relative pronoun object stands for ("Mohammed bin Salman, whom Turkey accuses of ...")."""
    return verb.head if obj.lower_ in _RELATIVE_OBJECTS and verb.dep_ == "relcl" else obj


def _hung_content(obj: Token) -> Token | None:
    """An "of" phrase headed by a gerund that the parser hung on the object instead of the verb ("accused the
    programme of helping Iranian hackers"): the content of the accusation, not a part of the object's name."""
    return next((p for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                 and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in p.children)), None)


def _accused(finder: ArgumentFinder, obj: Token, content: Token, ctx: DocContext) -> list[ActorRef]:
    """The actor the object names by its own words, before the content phrase hung on it."""
    toks = [t for t in obj.subtree if t.i < content.i]
    code, name = finder.actors.code_tokens(toks, ctx.day, obj, ctx.fire)
    if not code:
        return []
    from .phrase_actors import ActorRef  # here: arguments imports this module's target finder

    return [ActorRef(toks[0].i, toks[-1].i + 1, obj.i, code, name)]


def _patient(verb: Token) -> Token | None:
    """The one a passive verb of accusation is about, when no agent is named: its passive subject ("Paris was
    accused of ..."), the noun a reduced participle modifies ("a man accused of murder") or, for a participle
    clause, the subject of the clause it belongs to ("Ebbers is on trial, accused of fraud")."""
    deps = {c.dep_ for c in verb.children}
    if "agent" in deps or "on" in _preps(verb):
        return None  # "X was blamed on Y": X is the deed, Y the one blamed
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if patient is not None:
        return patient
    if verb.tag_ != "VBN" or deps & {"nsubj", "aux", "auxpass", "dobj", "obj"} or not _preps(verb) & _CONTENT:
        return None
    if verb.dep_ == "acl":
        return verb.head
    if verb.dep_ == "advcl":
        return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


# roles of private people: "a man accused of murdering his wife", "all five men ... are accused of breaches of health
# and safety laws" (court reports: the accuser is a prosecutor, no party to political news)
_PRIVATE_ROLES = frozenset({"PPL", "CVL"})
# roles of a public body or a party to a conflict, which an accusation made in the news is mostly about
_PUBLIC_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "ELI", "OPP", "REB", "UAF", "INS", "SPY", "SEP",
                           "RAD", "IGO", "NGO", "IMG"})


def _public(accused: ActorRef, verb: Token) -> bool:
    """The one accused may be a party to political news: not a private person without a country ("a man accused of
    murder", "all five men are accused of breaches of safety laws"); for a participle modifying a noun ("the
    Nigerian striker, accused of diving, was sent off"; "are awaiting trial in the UK accused of sending money"),
    in the lead too, and for a passive subject, only a public body or a party to a conflict (a state's role, an
    armed group, an organisation) or a name: a person described by a common noun and a demonym ("a French cyclist
    accused of doping", "a British tourist was accused of smuggling drugs") is someone a crime or sport story is
    about, whose accuser is a court or a sports body (review 8 #5). "Three British men are in custody in Syria,
    accused of being members of Isis", a clause of its own, is news of an accusation wherever it stands."""
    country, roles = split_code(accused.code)
    if country is None and set(roles) <= _PRIVATE_ROLES:
        return False
    if verb.dep_ == "advcl" or set(roles) & _PUBLIC_ROLES:
        return True
    return verb.dep_ != "acl" and verb.doc[accused.head].pos_ == "PROPN"


def unnamed_accuser(finder: ArgumentFinder, verb: Token, match: PatternMatch,
                    ctx: DocContext) -> tuple[list[ActorRef], list[ActorRef]] | None:
    """(sources, targets) of a passive accusation without an agent: an unnamed accuser and the one accused
    ("Paris was accused of aiding rebels": --- -> FRA 112); None when ``verb`` is no such passive."""
    if not _accusation(verb, match):
        return None
    patient = _patient(verb)
    if patient is None:
        return None
    accused = [t for t in finder.phrase_actors(patient, ctx, direct=True) if t.code]
    if not accused or not ctx.fire("source.unnamed-accuser"):
        return None
    if sport_sentence(verb):
        return [], []  # "England were criticised for the 0-0 draw": a sport report, no event (review 8 #5)
    targets = [t for t in accused if _public(t, verb)]
    if not targets:
        return [], []  # "a man accused of murder": a court report, no event (the accused is no accuser either)
    from .phrase_actors import ActorRef  # here: arguments imports this module's target finder

    return [ActorRef(verb.i, verb.i + 1, verb.i, UNNAMED, "", direct=False)], targets


def without_attributions(found: TargetsFound, verb: Token, ctx: DocContext) -> TargetsFound:
    """A target finder's actors but those inside an attribution of the act ("According to a new book, Mr Blair went
    back on a pledge", "..., according to a coalition commander"): the phrase names who reports the act, never
    the one it is aimed at; and, for a finder that reaches them through a phrase of the act, those headed by a noun
    of an occasion, those in the topic of a noun of information and those in a time adjunct. None when no actor is
    left (the next finder is tried)."""
    for rule_id, finders, outside in _NO_PARTY:
        if found is None or not found[1]:
            return found
        if finders and found[0] not in finders:
            continue
        kept = [a for a in found[1] if not outside(verb.doc[a.head], verb)]
        if len(kept) < len(found[1]) and ctx.fire(rule_id):
            found = (found[0], kept) if kept else None
    return found


# the finders that reach a target through a phrase of the act
_PHRASE_FINDERS = frozenset({"target.prepositional-phrase", "target.after-the-pattern",
                             "target.actor-inside-the-object"})


def _occasion(head: Token) -> bool:
    """A common noun of an occasion as the object of a preposition ("at the regular meeting of Labour backbenchers",
    "at a rally in London"; not "Congress", a body, nor the act's own content: "banned the party from holding
    rallies in Dhaka")."""
    return head.pos_ == "NOUN" and head.dep_ == "pobj" and head.lemma_.lower() in OCCASION_NOUNS


def _topic_of_a_noun(tok: Token, verb: Token) -> bool:
    """``tok`` is reached from ``verb`` through a preposition of topic ("on", "about", "over", "concerning",
    "regarding") that hangs on a noun of information or discussion ("a briefing on Syria", "questions about the
    special forces", "a statement on intervention in Syria"): the phrase says what is told or asked, not to whom.
    A preposition on the verb itself is left alone ("called on X", "complained about X"), and so is one on a noun
    of an act ("attacks on X", "pressure on X"), whose object is the one acted on."""
    while tok.i != verb.i and tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.lower_ in TOPIC_PREPS and tok.head.i != verb.i \
                and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in TOPIC_NOUNS:
            return True
        tok = tok.head
    return False


def _in_time_adjunct(tok: Token, verb: Token) -> bool:
    """``tok`` is reached from ``verb`` through a preposition of time ("after", "during", "following", "amid",
    "until") or the "of/to" phrase of a word of a time frame ("in the wake of", "ahead of", "on the eve of"): the
    phrase says when the act happened. A particle "after" of the verb ("looked after the children", "went after
    the rebels") takes the verb's object and is left alone, and so is the other party of an exchange the adjunct
    names, its noun's with/against phrase ("called off a strike after deliberations with the Nigerian government",
    "threw stones during demonstrations against the Israeli military"): the act belongs to that exchange; and
    the place of the event the adjunct names ("threw stones during demonstrations in Hebron"), which is the act's
    place too, left to the place rules (target.place-only-for-place-acts)."""
    kept = False
    while tok.i != verb.i and tok.head.i != tok.i:
        kept = kept or (tok.dep_ == "prep" and tok.head.pos_ == "NOUN"
                        and (tok.lower_ in _EXCHANGE_PREPS or tok.lower_ in PLACE_PREPS))
        if tok.dep_ == "prep" and not kept and _time_prep(tok, verb):
            return True
        if tok.lower_ in TIME_FRAME_WORDS and any(c.dep_ == "prep" and c.lower_ in {"of", "to"} for c in tok.children):
            return True  # the phrase's head itself: "the wake of the American killing"
        tok = tok.head
    return False


# prepositions of the other party of an exchange named by a noun ("talks with X", "protests against X")
_EXCHANGE_PREPS = frozenset({"with", "against"})


def _time_prep(prep: Token, verb: Token) -> bool:
    """``prep`` (below ``verb``) opens a time adjunct."""
    word = prep.lower_
    if word in {"of", "to"}:
        return prep.head.lower_ in TIME_FRAME_WORDS
    if word == "after" and prep.head.i == verb.i and verb.lemma_.lower() in AFTER_PARTICLE_VERBS:
        return False
    # "On Thursday in Washington, Blinken assured ...": a phrase of a date, and the place hung on it, say when and
    # where the act happened
    return word in TIME_PREPS or (word in _DATE_PREPS and any(
        c.dep_ == "pobj" and (c.lower_ in _DATE_WORDS or c.ent_type_ in _DATES) for c in prep.children))


# prepositions that open a time adjunct when their object is a date or time ("on Thursday", "in 2019", "at dawn"):
# a word of a date (lexicons/modal_cues.tsv date-word) or a date the model recognises
_DATE_PREPS = frozenset({"on", "in", "at"})
_DATE_WORDS = words("modal_cues", "date-word")
_DATES = frozenset({"DATE", "TIME"})


def _attributed(tok: Token, verb: Token) -> bool:
    """``tok`` is inside an "according to" phrase below ``verb``."""
    while tok.i != verb.i and tok.head.i != tok.i:
        if tok.lower_ == "according" and tok.dep_ in ("prep", "advcl", "advmod"):
            return True
        tok = tok.head
    return False


# what an actor reached by a target finder may be instead of a party, the rule that says so, and the finders it
# reads (empty: all): "according to X" (who reports the act); "at the regular meeting of Labour backbenchers", "a
# briefing on Syria" (the occasion, the topic); "sue ... after the arrival of President Bush" (when: also the first
# actor after the pattern, "withdrew from Afrin after talks with Russia")
_NO_PARTY: tuple[tuple[str, frozenset[str], Callable[[Token, Token], bool]], ...] = (
    ("target.attribution-is-no-party", frozenset(), _attributed),
    ("target.occasion-is-no-party", _PHRASE_FINDERS, lambda head, verb: _occasion(head)),
    ("target.topic-of-a-noun-is-no-party", _PHRASE_FINDERS, _topic_of_a_noun),
    ("target.time-adjunct-is-no-party", _PHRASE_FINDERS | {"target.placed-by-the-pattern"}, _in_time_adjunct),
)


# named-entity labels of persons and bodies
_PARTY_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
# object pronouns that stand for a person ("accused him of", "criticised her"); "it", "them" are mostly things
_PERSON_PRONOUNS = frozenset({"him", "her"})


def addressee_without_code(verb: Token, match: PatternMatch, sources: Sequence[ActorRef],
                           targets: Sequence[ActorRef]) -> bool:
    """An opinion (11, 12) or accusation whose addressee is named but left without a code of its own, which a
    one-sided event would misstate as an act aimed at no one: the one accused ("accused Mr McLetchie of failing his
    constituents", "accusing him of an error of judgement", "British Airways blamed high fuel prices for a drop
    in profits": a thing blamed is no accusation of anyone), a person or body named as the object ("criticised
    Michael Howard", "will challenge Mr Ingram"), or a target found with the source's own code ("Labour hit back
    at the Tory proposals": two parties the codes cannot tell apart)."""
    root = match.code.lstrip(":")[:2]
    if root not in _OPINION_ROOTS and not _accusation(verb, match):
        return False
    if any(not any(s.start <= t.head < s.end or t.start <= s.head < t.end for s in sources) for t in targets):
        return True  # another phrase than the source's, with the source's own code: the pair was left out
    if targets:
        return False  # only the source itself ("prompted protests from Egypt" [$]): a one-sided act
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if _accusation(verb, match) and (objs or verb.dep_ == "relcl") \
            and (_preps(verb) & _CONTENT or any(_hung_content(o) is not None for o in objs)):
        return True  # the one accused is named: "accused X of Z", "X, whom Y accused of Z"
    return any(_named_party(o) or o.lower_ in _PERSON_PRONOUNS for o in objs)


def _named_party(obj: Token) -> bool:
    """A name of a person or body: a proper noun the model takes for one ("the Commission") or one without an
    article ("Michael Howard", "Mr Ingram"); not a named thing ("the Bill", "the Budget")."""
    return obj.pos_ == "PROPN" and (obj.ent_type_ in _PARTY_ENTITIES or not any(c.dep_ == "det" for c in obj.children))


# statements that are acts without an addressee (docs/events-gold.md codes them with target null): declining comment
# (011: "declined to comment", "refrained from commenting") and claiming responsibility (015: "the BLA claimed
# responsibility for the attack"); other statements (01x) are coded only towards someone
ONE_SIDED_STATEMENTS = frozenset({"011", "015"})


def one_sided_statement(verb: Token, code: str, match: PatternMatch, ctx: DocContext) -> bool:
    """``code`` is a statement that is an act with no one addressed, named so by a pattern ("* COMMENT [011]",
    "* RESPONSIBILITY [015]"; a verb's default is not enough: "acknowledged it will miss its targets" is no claim
    of responsibility) or by a negated verb of commenting ("does not comment", code.not-commenting-declines-
    comment): kept without a target."""
    named = match.pattern is not None or (code == "011" and match.inferred == "negation")  # "does not comment"
    return code in ONE_SIDED_STATEMENTS and named and not _claims_a_clause(verb, code) \
        and not _duties(verb, code) and ctx.fire("target.statement-without-addressee")


def _claims_a_clause(verb: Token, code: str) -> bool:
    """"The UK has claimed Assad's forces used chemical weapons": a claim whose content is a clause asserts what
    someone else did, it claims no responsibility (015 is for "claimed responsibility for", "claimed the attack")."""
    return code == "015" and any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)


def _duties(verb: Token, code: str) -> bool:
    """"working hard and accepting their responsibilities", "Britain must accept its responsibilities": a
    responsibility in the plural or owned by a possessive, with no "for/of" act, is a duty taken on, not the claim
    of an act (015 is "claimed/accepted responsibility for the attack", "accepted full responsibility")."""
    if code != "015":
        return False
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return any((o.tag_ == "NNS" or any(c.dep_ == "poss" for c in o.children))
               and not any(c.dep_ == "prep" and c.lower_ in ("for", "of") for c in (*o.children, *verb.children))
               for o in objs)


# nouns of accusation (lexicons/event_nouns.tsv, accusation): a denial of one answers whoever made it; a denial of
# "reports" or "the idea" answers no one in particular
ACCUSATION_NOUNS = words("event_nouns", "accusation")
# a denial of an accusation (CAMEO 016: "denied the allegations", "a charge New Delhi rejected", "dismissed the
# claims") answers whoever made it
_DENY = "016"


def record_accusations(pairs: Sequence[tuple[ActorRef, ActorRef | None, str]], modality: str,
                       ctx: DocContext) -> None:
    """Remember the source of each asserted accusation or criticism (root 11) by the accused's country; only a
    source with a country: one without ("rights groups", ---NGO) is mostly a domestic group the dictionaries do
    not place, and a denial answering it is better left uncoded than coded against no country."""
    if modality != "asserted":
        return
    for src, tgt, code in pairs:
        accused = split_code(tgt.code)[0] if tgt is not None else None
        if code.lstrip("~")[:2] == _DISAPPROVE and accused is not None and split_code(src.code)[0] is not None:
            ctx.accusers[accused] = src


def forget_dropped_accusers(ctx: DocContext, before: dict[str, ActorRef], kept: Sequence[Coding]) -> None:
    """The accusers recorded while a sentence was coded whose accusation a filter then dropped ("French analysts
    criticised Britain over the deal": commentary, no act) are no accusers a later denial answers: the accuser
    recorded before the sentence, if any, stands again. (Recorded as each trigger is coded, so that a denial
    later in the same sentence answers it: "blamed India ..., a charge New Delhi quickly rejected".)"""
    made = {(c.source.start, c.source.code) for c in kept if c.code[:2] == _DISAPPROVE}
    for country, src in list(ctx.accusers.items()):
        if src is before.get(country) or (src.start, src.code) in made:
            continue
        if country in before:
            ctx.accusers[country] = before[country]
        else:
            del ctx.accusers[country]


def accuser(verb: Token, sources: Sequence[ActorRef], code: str, ctx: DocContext) -> list[ActorRef]:
    """The target of a denial with none of its own: the source of the last accusation the document coded against
    the denier's country ("Pakistani officials blamed India ..., a charge New Delhi quickly rejected": PAK;
    "Activists accused the ministry of torture. The ministry denied the allegations": the activists)."""
    if code == _DENY and _denies_an_accusation(verb):
        rule, near = "target.denial-answers-the-accuser", _near
    elif code[:2] in _DENIAL_ROOTS and _denies_it(verb):
        rule, near = PRONOUN_DENIAL, _just_before
    else:
        return []
    for s in sources:
        found = ctx.accusers.get(split_code(s.code)[0] or "")
        if found is not None and found.code != s.code and near(found, verb) and ctx.fire(rule):
            return [replace(found, direct=False)]
    return []


# "Moscow denied it": the pronoun stands for what was just said; an accusation then is what is denied
PRONOUN_DENIAL = "target.pronoun-denial-answers-the-accuser"
_DENIAL_ROOTS = ("11", "12")  # the dictionary's defaults for deny, reject, dismiss
_DENYING_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "rebut"})
_DENIED_PRONOUNS = frozenset({"it", "this", "that", "them", "these", "those", "all"})


def _denies_it(verb: Token) -> bool:
    """A verb of denying whose object is a pronoun ("Moscow denied it", "rejected that", "denied all that", "denied
    them"), not a clause or a noun of its own. A plural pronoun after 'reject'/'dismiss' fits a proposal or demand
    better than an accusation ("... and proposed talks. Tehran rejected them": the talks; review 10 #8): only
    'deny' takes it."""
    plural_ok = verb.lemma_.lower() in ("deny", "refute", "rebut")
    return verb.lemma_.lower() in _DENYING_VERBS and any(
        c.dep_ in ("dobj", "obj") and c.lower_ in _DENIED_PRONOUNS and c.pos_ in ("PRON", "DET")
        and (plural_ok or c.lower_ not in _PLURAL_PRONOUNS) for c in verb.children)


_PLURAL_PRONOUNS = frozenset({"them", "these", "those"})


def _just_before(accuser: ActorRef, verb: Token) -> bool:
    """The accuser is named in the denial's sentence or the one before it, where a pronoun finds what it stands
    for ("Ukraine accused Russia of shelling the plant. Moscow denied it.")."""
    doc = verb.doc
    sent = doc[accuser.start].sent
    return sent.start == verb.sent.start or (verb.sent.start > 0 and doc[verb.sent.start - 1].sent.start == sent.start)


# the sentences of an article's lead: the accusation a story is about is reported there, and a denial of "the
# allegation" anywhere in the story answers it ("The Afghan Taliban have rejected Pakistan's allegation that ...";
# eight sentences on: "Rebutting the claim, Balkhi said ...")
_LEAD_SENTENCES = 3


def _near(accuser: ActorRef, verb: Token) -> bool:
    """The accuser is named in the denial's sentence, the one before it or the article's lead: a denial further on
    answers whatever the article reported in between, not an accusation four sentences back (review 8 #8)."""
    doc = verb.doc
    sent = doc[accuser.start].sent
    if sent.start == verb.sent.start or (verb.sent.start > 0 and doc[verb.sent.start - 1].sent.start == sent.start):
        return True
    return sum(1 for s in doc.sents if s.start < sent.start) < _LEAD_SENTENCES


def _denies_an_accusation(verb: Token) -> bool:
    """What ``verb`` denies is a noun of accusation: its object ("denied the allegations") or the noun its relative
    clause modifies ("a charge New Delhi quickly rejected")."""
    denied = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if verb.dep_ == "relcl":
        denied.append(verb.head)
    # "denied claims that it had lost files", "denied the allegations of a cover-up at the Home Office": a noun
    # with its own content (a clause, an of/about/over phrase) names a matter of its own (review 8 #8)
    return any(d.lemma_.lower() in ACCUSATION_NOUNS and not any(_content(c) for c in d.children) for d in denied)


def _content(child: Token) -> bool:
    """A content clause or an of/about/over phrase of a noun of accusation."""
    return child.dep_ in ("acl", "ccomp") or (child.dep_ == "prep" and child.lower_ in ("of", "about", "over")
                                              and any(g.dep_ in ("pobj", "pcomp") for g in child.children))
