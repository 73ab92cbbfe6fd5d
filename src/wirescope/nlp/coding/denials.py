"""Words about claims are no acts between actors (issue 17, other news): denials, unaddressed appeals and demands,
advice, and "take" in senses that are no seizure; decided once the trigger's code and arguments are known, after
``senses.sense_code``.

British political news (and most domestic news) is full of words the verb dictionary codes as acts between
actors by the verb's default, in a sense the default does not mean:

* A denial of a claim is no rejection (``code.denial-of-a-claim-is-no-rejection``): CAMEO 12 rejects a proposal,
  demand or request. "Mr Straw denied it amounted to a crisis", "she denied having personal experience", "Mr Blair
  rejected the idea (that) Mr Kilroy-Silk posed a threat" deny that something is true: a statement to no one, no
  event; "dismissed claims of a rift", "rejected newspaper speculation", "this argument was rejected by Mr Blair"
  deny an accusation or a report: CAMEO 016 (deny responsibility), as the dictionary codes "denied the claims".
  A request or proposal denied stays a rejection ("rejected calls for an inquiry", "denied bail").
* A demand or appeal needs someone it is made to (``code.demand-or-appeal-to-no-one-is-no-act``): "ministers insist
  they are committed to free care", "the government proposed the idea", "Ruth Kelly has suggested teachers could
  get more powers", "the Tories questioned the timing of the rules" ask no one to act: a policy put to the public,
  a claim, a guess, a doubt. Without a coded addressee, or with a clause that states a fact or a guess
  (indicative or epistemic), the verb's default demand (10) or appeal (02) is no event; "suggested he should
  resign" (mandative) and "proposed talks to Iran" (an addressee) stay.
* Advice is no threat (``code.warning-against-is-advice``): "the Lib Dems warned both parties against pandering to
  prejudice", "Labour MPs warned against disunity" advise against an act (an appeal, 020, to the one warned if the
  text names them; else no event); a warning of the warner's own harm stays a threat ("warned against any attack,
  threatening retaliation"); "Deaths in custody have reached shocking levels, a committee has warned" reports the
  warner's view of what happened (012).
* Taking is seizure only of something held (``code.taking-no-possession-is-no-seizure``): "took the UK to war",
  "take Britain out of the EU", "took over the chairmanship of the EU", "the stand the party took", "take voters
  for granted", "taken too long" seize nothing; the dictionary's default for "take" (171) is then no event. The
  dictionary's patterns ("took control of the town", "took hostages") are not touched.

Word lists are data (lexicons/denials.tsv). Real-news conventions only (the bundled dictionaries).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import NON_STATE, split_code
from .force_senses import VIOLENT_VERBS
from .lexicon import ARMED_FORCES
from .lexicons import words
from .senses import WARNER_HARMS, WARNING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .patterns import PatternMatch
    from .phrase_actors import ActorRef

DENIAL_VERBS = words("denials", "denial-verb")
CLAIM_NOUNS = words("denials", "claim-noun")
CONTENT_NOUNS = words("denials", "content-noun")
UNADDRESSED_VERBS = words("denials", "unaddressed-verb")
ADVICE_PREPOSITIONS = words("denials", "advice-preposition")
TAKE_PHRASES = words("denials", "take-phrase")
TAKE_DIRECTIONS = words("denials", "take-direction")
RETURNEES = words("denials", "returnee")
HOLDABLE_OFFICES = words("denials", "holdable-office")
_MANDATIVE = words("modal_cues", "mandative")
DEMANDING_VERBS = words("wishes", "demanding-verb")
STATE_PARTICIPLES = words("wishes", "state-participle")
DEMANDED_ACTS = words("wishes", "demanded-act")
PRESENT_MANDATIVE = "code.present-after-a-demand-is-mandative"
COERCIVE_ROLES = words("wishes", "coercive-role")
WARNED_PUBLIC = words("wishes", "warned-public")
WARNED_ARMED = words("wishes", "warned-armed")
WARNED_CIVIL = words("wishes", "warned-civil")
POWER_WARNING = "code.warning-by-a-power-over-the-warned-is-a-threat"
DETERRED_ACTS = words("wishes", "deterred-act")
ADVICE_TO_ACT = "code.warning-to-act-at-home-is-advice"
DENIED, UNADDRESSED = "code.denial-of-a-claim-is-no-rejection", "code.demand-or-appeal-to-no-one-is-no-act"
ADVICE, TAKING = "code.warning-against-is-advice", "code.taking-no-possession-is-no-seizure"
DENY_ACCUSATION, APPEAL, COMMENT = "016", "020", "012"
_OBJECT_DEPS = ("dobj", "obj", "nsubjpass")
_RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "what"})
_PRONOUN_CLAIMS = frozenset({"it", "that", "this", "them", "all", "these", "those"})
# roles of armed actors: a warning to them from abroad is a threat ("ECOWAS warned Niger's junta against ...")
_ARMED = ARMED_FORCES
# a state's government and forces: an international body's warning to them is a threat (it may sanction)
_STATE_FORCE = frozenset({"GOV", "MIL", "COP", "SPY"})
# roles of the armed groups a state fights at home: its warning to them is an ultimatum (a threat, not advice)
_INSURGENT = frozenset({"REB", "INS", "UAF", "SEP"})


def said_code(verb: Token, code: str | None, match: PatternMatch,
              parties: tuple[Sequence[ActorRef], Sequence[ActorRef]], ctx: DocContext) -> str | None:
    """``code``, another code, or "" (no event) for a denial, an unaddressed appeal, advice or a taking that
    seizes nothing (see the module docstring). ``parties`` are the trigger's coded sources and targets."""
    if not code or verb.pos_ not in ("VERB", "AUX"):
        return code
    lemma, root, default = verb.lemma_.lower(), code[:2], match.pattern is None
    if default and root in ("11", "12") and lemma in DENIAL_VERBS:
        return _denial(verb, code, bool(parties[1]), ctx)
    if default and root in ("02", "10") and lemma in UNADDRESSED_VERBS and _unaddressed(verb, parties[1], ctx) \
            and ctx.fire(UNADDRESSED):
        return ""
    if root == "13" and lemma in WARNING_VERBS and not _abroad(*parties) and not _power_warns(verb, parties, ctx):
        return _advice(verb, code, parties, ctx)
    if default and root == "17" and lemma == "take" and _no_seizure(verb) and ctx.fire(TAKING):
        return ""
    return code


# ------------------------------------------------------------------------------------------------ denials


def _denial(verb: Token, code: str, answered: bool, ctx: DocContext) -> str:
    """No event for the denial of a fact (a clause or gerund complement), 016 for the denial of a claim noun. A
    pronoun denied ("Moscow denied it") is 016 only with a target: the accuser is found for a noun of accusation
    before this recoding, and 016 without one is no event (01x needs a target), so the code stays."""
    objects = _denied(verb)
    if not objects and _clause(verb):
        return "" if ctx.fire(DENIED) else code  # "denied it amounted to a crisis", "denied having ..."
    claims = [o for o in objects if _claim(o, verb)]
    if claims and (answered or any(o.lower_ not in _PRONOUN_CLAIMS for o in claims)) and ctx.fire(DENIED):
        return DENY_ACCUSATION  # "dismissed claims of a rift", "this argument was rejected by Mr Blair"
    return code


def _denied(verb: Token) -> list[Token]:
    """What is denied: the object, a passive subject, or the noun a participle modifies ("claims denied by
    Labour")."""
    found = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        found.append(verb.head)
    return found


def _clause(verb: Token) -> bool:
    """A complement clause ("denied (that) the police were involved") or gerund ("denied having ...")."""
    return any((c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")) or (c.dep_ in ("xcomp", "pcomp") and c.tag_ == "VBG")
               for c in verb.children)


def _claim(obj: Token, verb: Token) -> bool:
    """A claim noun ("claims", "speculation"), a content noun with its content clause ("the idea (that) X posed a
    threat"), or a pronoun that refers back to what was said ("denied all that", "rejected this"; a claim only when
    the denial answers an accuser, ``_denial``)."""
    lemma = obj.lemma_.lower()
    if lemma == "talk" and obj.lower_ != "talk":
        return False  # "dismissed talks with the US": negotiations; "dismissed talk of a split" is a claim
    if lemma in CLAIM_NOUNS or obj.lower_ in _PRONOUN_CLAIMS:  # a pronoun only with an accuser (_denial)
        return True
    return lemma in CONTENT_NOUNS and any(_content_clause(c) for c in obj.children)


def _content_clause(clause: Token) -> bool:
    """A clause that says what a noun holds ("the idea (that) Mr X posed a threat"): it has its own subject and no
    relative word standing for the noun ("the idea that he proposed" is a relative clause)."""
    if clause.dep_ not in ("acl", "relcl", "ccomp") or clause.pos_ not in ("VERB", "AUX") or _mandative(clause):
        return False  # "rejected the idea that it should hand power": a proposal, not a claim
    kids = list(clause.children)
    if any(c.lower_ in _RELATIVE_WORDS and c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "pobj") for c in kids):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in kids)


# ------------------------------------------------------------------------------------------------ appeals


def _unaddressed(verb: Token, targets: Sequence[ActorRef], ctx: DocContext) -> bool:
    """No one is asked: no coded target, or a complement clause that states a fact or a guess ("suggested
    Parliament could decide", "insisted Mr Brown will have a key role") rather than what someone should do."""
    if not targets:
        return True
    if any(c.dep_ in ("dative", "iobj") or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children):
        return False  # "proposed talks to Iran": the one appealed to
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    return bool(clauses) and not any(_mandative(c) or _present_mandative(c, ctx) for c in clauses)


def _present_mandative(clause: Token, ctx: DocContext) -> bool:
    """After a verb of demanding (insist, demand, propose, recommend; not 'suggest', which also means 'imply'), a
    clause in the bare present with no auxiliary, whatever its subject's number ("insist that all American troops
    leave the country": the plural subjunctive looks like the present), or in the present passive of an act
    ("insisting Syrian Kurds are excluded from the congress"), says what another party is to do. Not a negated
    clause, a state ("they are committed to free care"), nor a clause whose subject is a pronoun (the speaker's
    own side: "they leave on Monday")."""
    if clause.head.lemma_.lower() not in DEMANDING_VERBS or any(c.dep_ == "neg" for c in clause.children):
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ == "PRON":
        return False
    aux = [a for a in clause.children if a.dep_ in ("aux", "auxpass")]
    # a copula or "have" states what is ("voters are uninterested"); a plural present of another act is as often a
    # claim of what the other side habitually does ("insist that militants use hospitals as bases"): only an act
    # one party demands of another (leave, withdraw, resign, release ...) is what someone is to do
    # (British English also in the -s form: "insist that the electoral commission resigns", review 10 #7)
    bare = clause.tag_ in ("VBP", "VBZ") and not aux and clause.pos_ == "VERB" \
        and clause.lemma_.lower() in DEMANDED_ACTS
    passive = clause.tag_ == "VBN" and len(aux) == 1 and aux[0].dep_ == "auxpass" and aux[0].tag_ in ("VBP", "VBZ") \
        and clause.lower_ not in STATE_PARTICIPLES
    return (bare or passive) and ctx.fire(PRESENT_MANDATIVE)


def _mandative(clause: Token) -> bool:
    """A clause that says what someone should do: a mandative auxiliary ("should hand power") or the subjunctive,
    a bare base form with no auxiliary ("insisted that Russia withdraw", "that it be excluded"). An indicative or
    epistemic clause ("will", "could", a past tense) states a fact or a guess."""
    aux = [a for a in clause.children if a.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _MANDATIVE for a in aux):
        return True
    if clause.tag_ == "VB" and not aux:
        return True
    if clause.tag_ == "VBP" and not aux and any(c.dep_ == "nsubj" and (c.tag_ in ("NN", "NNP") or c.lower_ in
                                                                       ("he", "she", "it")) for c in clause.children):
        return True  # "proposed that North Korea hold talks": a present without its -s is the subjunctive
    return clause.tag_ == "VBN" and [a.lower_ for a in aux] == ["be"]


# ------------------------------------------------------------------------------------------------ advice


def _advice(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]], ctx: DocContext) -> str:
    """A warning against an act advises against it (020 to the one warned, else no event); a warning reported
    after what it says ("X has happened, a committee warned") comments on it (012). A harm of the warner's own,
    in the warning or in what it reports, keeps the threat. A warning to act or not to act is advice only from a
    warner at home, not an international body ("the UN warned Sudan not to expel aid workers" stays a threat)."""
    sources, targets = parties
    told = [t for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass", "punct") for t in c.subtree]
    if _harm(told):
        return code
    # "warned both parties against ...": the parse may hang the preposition on the one warned
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))]
    if any(c.dep_ == "prep" and c.lower_ in ADVICE_PREPOSITIONS for h in heads for c in h.children) \
            and ctx.fire(ADVICE):
        return APPEAL if targets else ""
    if not any({"IGO", "UNO"} & set(split_code(s.code)[1]) for s in sources) and _advised(verb, heads) \
            and ctx.fire(ADVICE_TO_ACT):
        return APPEAL if targets else ""  # "warned the BBC to steer away from demonising Mr Howard"
    reported = verb.dep_ in ("ccomp", "parataxis") and verb.head.i < verb.i
    if reported and not told and not _harm(list(verb.head.subtree)) and ctx.fire(ADVICE):
        return COMMENT  # "Deaths in custody have reached 'shocking' levels, a committee of MPs has warned"
    return code


def _advised(verb: Token, heads: Sequence[Token]) -> bool:
    """A warning to act or not to act ("warned the BBC to steer away from ...", "warned Mr Brown not to be tempted
    to ..."), or one about a danger hanging on the one warned ("warned Mr Blair and Mr Brown about the dangers of
    disunity"): what the warned should do, advice."""
    if any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
           for c in verb.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("about", "of") for h in heads[1:] for c in h.children)


def _abroad(sources: Sequence[ActorRef], targets: Sequence[ActorRef]) -> bool:
    """A warning across borders: a state warns a coded actor of another country or an international one ("China
    warned the United States against interfering", "Russia warned NATO against ..."), or anyone warns a foreign
    armed actor. Diplomacy leaves the harm implied: the threat stays (as ``senses`` keeps "warned France not to
    interfere"). Advice is a warning at home or to no coded party ("warned both parties against pandering")."""
    for s in sources:
        country, _ = split_code(s.code)
        for t in targets:
            warned, roles = split_code(t.code)
            if warned is None and not set(roles) & NON_STATE:
                continue  # warned party of no known country ("---OPP"): no border crossed that we know of
            if (country is not None and warned != country) or (country is None and warned is not None
                                                                and set(roles) & _ARMED):
                return True
    return False


def _power_warns(verb: Token, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]], ctx: DocContext) -> bool:
    """A warning by a power over the warned: police, forces, security services, a court or a government warning
    protesters, activists or the opposition of their own country ("Kenyan police warned opposition supporters
    against holding protests": the implied harm is repression; the one warned may be uncoded, "warned the
    opposition not to ..."), or an international body warning a state's government or forces, or the state named
    alone, against an act of force or coercion ("ECOWAS warned Niger's junta against harming the deposed
    president": a body that can sanction or intervene). A threat, not advice; a UN agency warning the public
    ("warned people against travelling to the region") or a party warning parties still advises."""
    sources, targets = parties
    doc = verb.doc
    warned = [(t.code, doc[t.head]) for t in targets] or [
        (None, c) for c in verb.children if c.dep_ in ("dobj", "obj")]
    for s in sources:
        country, roles = split_code(s.code)
        for code, head in warned:
            place, warned_roles = split_code(code)
            public = bool(set(warned_roles) & WARNED_PUBLIC) or head.lemma_.lower() in WARNED_PUBLIC
            public = public or (bool(set(roles) & _STATE_FORCE) and _insurgent(warned_roles, place, head)) \
                or (_civil(warned_roles, head) and _institution(doc[s.head]))
            if (set(roles) & COERCIVE_ROLES and public and place in (country, None)) or (
                    "IGO" in roles and place is not None and (not warned_roles or set(warned_roles) & _STATE_FORCE)
                    and _deterred(verb)):
                return ctx.fire(POWER_WARNING)
    return False


def _insurgent(roles: Sequence[str], place: str | None, head: Token) -> bool:
    """An armed group the state fights at home: rebels, insurgents, an armed force of no coded country ("the
    Arakan Army", "the Rapid Support Forces": ---MIL), or fighters named by a noun ("Boko Haram fighters"). A
    state's ultimatum to them ("warned Boko Haram fighters to lay down their arms") is the standard threat of a
    civil war (13), not advice; the state's own army ("warned the army not to interfere") is not one."""
    return bool(set(roles) & _INSURGENT) or (place is None and "MIL" in roles) \
        or head.lemma_.lower() in WARNED_ARMED or head.lower_ in WARNED_ARMED


def _civil(roles: Sequence[str], head: Token) -> bool:
    """The press, rights groups or the clergy (wishes.tsv warned-civil: roles MED, HRI, NGO, CHR ...; nouns
    journalists, newspapers, bishops ...): whom a state's institutions can license, prosecute or close."""
    return bool(set(roles) & WARNED_CIVIL) or head.lemma_.lower() in WARNED_CIVIL


def _institution(warner: Token) -> bool:
    """The warner is an institution of the state ("Iran's judiciary", "the interior ministry", "the government"),
    not a politician by name: its warning to the press or the clergy ("warned newspapers not to publish reports
    on the protests") carries its powers, a threat; a politician's warning to the BBC ("Peter Mandelson warned
    the BBC to steer away from ...") is advice in a public debate."""
    return (warner.ent_type_ != "PERSON" and warner.pos_ != "PROPN") or warner.ent_type_ in ("ORG", "GPE", "NORP")


def _deterred(verb: Token) -> bool:
    """What a warning is against is an act of force or coercion ("against harming the deposed president", "against
    annexing parts of the West Bank"), not a policy ("against new spending")."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))]
    against = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ADVICE_PREPOSITIONS]
    return any(t.lemma_.lower() in DETERRED_ACTS or t.lemma_.lower() in VIOLENT_VERBS
               for p in against for t in p.subtree)


def _harm(toks: Sequence[Token]) -> bool:
    return any(t.lemma_.lower() in WARNER_HARMS or t.lower_ in WARNER_HARMS for t in toks)


# ------------------------------------------------------------------------------------------------ taking


def _phrase_noun(tok: Token) -> bool:
    """A noun that makes 'take' a phrase of its own ("took a stand", "took up the post"); a noun that also names a
    place forces hold is one only without a compound or a nationality/military modifier ("took a Kenyan army post",
    "took the border post" seize it)."""
    word = tok.lemma_.lower() if tok.lemma_.lower() in TAKE_PHRASES else tok.lower_
    if word not in TAKE_PHRASES:
        return False
    return word not in HOLDABLE_OFFICES or not any(
        c.dep_ == "compound" or (c.dep_ == "amod" and (c.ent_type_ == "NORP" or c.lemma_.lower() == "military"))
        for c in tok.children)


def _no_seizure(verb: Token) -> bool:
    """'Take' in a phrase of its own: a direction ("took the UK to war", "take Britain out of"), an object that
    is a stance, a decision, an office or a time ("took a stand", "took over the chairmanship", "taken too
    long"), "for granted", "taken together", people taken back (a repatriation), or "took over" without an
    object (a succession)."""
    kids = list(verb.children)
    if any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in TAKE_DIRECTIONS for c in kids):
        return True
    objects = [c for c in kids if c.dep_ in ("dobj", "obj", "nsubjpass", "npadvmod", "advmod")]
    if verb.dep_ in ("relcl", "acl"):
        objects.append(verb.head)  # "the stand the party took", "the judgement I took"
    phrases = [*objects, *(g for c in kids if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")]
    if any(_phrase_noun(p) for p in phrases):
        return True
    if any(t.lower_ == "granted" and t.head.lower_ == "for" for t in verb.subtree):
        return True  # "take older voters for granted": the parser hangs "for granted" on the object or the verb
    if any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in kids) \
            and any(o.lemma_.lower() in RETURNEES for o in objects):
        return True  # "take back over 800 Isis fighters": a repatriation ("took back the city" seizes)
    over = any(c.dep_ == "prt" and c.lower_ == "over" for c in kids)
    # "Mitsubishi's new chief executive took over": a succession; "businesses have been taken over by the
    # Syrians" (passive) and "took over Aleppo" seize
    return over and not any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in kids)
