"""Senses in which a verb is no act between actors (``senses.sense_code``): hoping to act (the act hoped for is
the intent), facing ("faces a rebellion"), wanting a thing asked of no one, going that is no visit ("went back on a
pledge"), releasing a publication ("released a video"), cutting or raising what is no tie ("cut taxes"), giving to
one's own public (policy), and the dictionary's criticism for an effect ("will only hit its target"). Word lists
are data (lexicons/senses.tsv)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import split_code
from .attributions import attribution_rule
from .force_senses import HIT, hit_is_an_effect
from .lexicon import OCCASION_NOUNS
from .lexicons import words
from .positions import PUBLIC_ROLES
from .views import OBJECTS
from .wishes import hoped_cooperation, seeing_done

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocContext
    from .phrase_actors import ActorRef

HOPING_VERBS = words("senses", "hoping")
HOPING = "code.hoping-to-act-is-no-act-of-its-own"
CUT_VERBS = words("senses", "cut-verb")
CUT_PREPOSITIONS = words("senses", "cut-preposition")
RELATION_OBJECTS = words("senses", "relation-object")
CUT = "code.cutting-no-ties-is-no-sanction"
FACING_VERBS = words("senses", "facing")
FACING = "code.facing-is-no-meeting"
GOING_VERBS = words("senses", "going")
VISIT_PURPOSES = words("senses", "visit-purpose")
GOING_AWAY = words("senses", "going-away")
SCHOOLING = words("senses", "schooling")
GOING = "code.going-is-a-visit-only-to-a-place-or-host"
CONSULTATION_NOUNS = words("event_nouns", "consultation")
RELEASING_VERBS = words("senses", "releasing")
PUBLICATIONS = words("senses", "publication")
DETENTION_PLACES = words("senses", "detention-place")
PEOPLE_MODIFIERS = words("senses", "people-modifier")
PUBLISHED = "code.releasing-a-publication-is-no-release"
RELATIVE_PRONOUNS = words("function_words", "relative")
PRIZE_NOUNS = words("senses", "prize-noun")
PRIZE = "code.prize-won-is-no-act"
CUSTOMER_NOUNS = words("senses", "customer-noun")
COMMERCE = "code.firm-and-its-customers-is-commerce"
# roles of a firm: a business, a broadcaster, newspaper or website; the roots of its dealings with its customers
_FIRM_ROLES = frozenset({"BUS", "MED"})
_DEALING_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "07", "08", "09", "10"})
WANTING_VERBS = words("senses", "wanting")
WANTED = "code.wanting-a-thing-is-no-act"
YIELDED_ACTS = words("senses", "yielded-act")
BOOSTING_VERBS = words("senses", "boosting")
OWN_PUBLIC = "code.cooperation-with-own-public-is-policy"
HOSTING_VERBS = words("senses", "hosting")
VISITOR_NOUNS = words("senses", "visitor-noun")
HOSTED = "code.hosting-is-a-visit-only-of-a-visitor"
BOOST, BOOST_DEFAULT = "code.raising-no-ties-is-no-cooperation", "060"
SHOWING_VERBS = words("senses", "showing")
SHOWN = "code.demonstrating-a-thing-is-no-protest"
PROTEST_STANCES = words("senses", "protest-stance")
SETTLING_VERBS = words("senses", "settling")
SETTLED = "code.settling-in-a-place-is-no-compromise"
_PLACE_NOUNS = words("place_words", "place-noun")
# the phrases of a settlement made with or on something: "settled with the regulators", "settled on a plan",
# "settled for £65,000", "settle over the dispute"
_SETTLED_WITH = frozenset({"with", "on", "for", "over", "out"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_SETTLED_IN = frozenset({"in", "into", "inside", "within"})
_HOST_ENTS = frozenset({"GPE", "LOC", "FAC", "PERSON", "ORG", "NORP"})
_ACTOR_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
# what is acted on: the object, or the subject of a passive ("the report will be released")
PATIENT_DEPS = (*OBJECTS, "nsubjpass")


def _own_public_only(parties: tuple[Sequence[ActorRef], Sequence[ActorRef]]) -> bool:
    """Every target is a public (roles only of people, voters, pupils, workers ...) of the one country of the
    sources, or of no country named: a government's, party's or leader's policy toward its own people."""
    sources, targets = parties
    homes = {split_code(s.code or "")[0] for s in sources}
    if len(homes) != 1 or None in homes or not targets:
        return False
    for target in targets:
        country, roles = split_code(target.code or "")
        if country not in (None, *homes) or not roles or not set(roles) <= PUBLIC_ROLES:
            return False
    return True


def _firm_and_customers(verb: Token, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]]) -> bool:
    """Every source is a firm (a business or media role and no government one: "the company", "Vodafone", "the
    Auction Drop website") and every target its customers or people at large named by a common noun ("people",
    "customers", "users", "children"): a firm's dealings with the public it sells to, commerce and no act between
    political actors."""
    sources, targets = parties
    if not sources or not targets:
        return False
    for source in sources:
        roles = set(split_code(source.code)[1])
        if not roles & _FIRM_ROLES or "GOV" in roles:
            return False
    doc = verb.doc
    # coded as a public (civilians, people), not as a country the phrase names ("Asia's biggest energy consumers -
    # China, India, Japan and South Korea")
    return all(doc[t.head].pos_ == "NOUN" and doc[t.head].lemma_.lower() in CUSTOMER_NOUNS
               and _public(t.code) for t in targets)


def _public(code: str | None) -> bool:
    """A code of a public: roles, all of them a public's (civilians, people, workers)."""
    roles = split_code(code)[1]
    return bool(roles) and set(roles) <= PUBLIC_ROLES


def _wants_a_thing(verb: Token, targets: Sequence[ActorRef]) -> bool:
    """'Want' with a noun object and no clause ("want quotas for economic migrants", "want the publication of the
    full legal advice", "MPs want research into ..."), every target inside what is wanted but not in a 'from'
    phrase, which names whom it is asked of ("wants an apology from Beijing"), nor a 'with' phrase naming a
    partner ("want talks with President Ruto")."""
    if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False  # "wants Britain to use its influence", "wants to cut taxes": other rules decide
    wanted = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN")]
    if not wanted:
        return False
    inside = {t.i for w in wanted for t in w.subtree}
    # "an apology from China", "talks with President Ruto": asked of, or to be held with, someone named
    asked = {t.i for i in inside if verb.doc[i].dep_ == "prep" and verb.doc[i].lower_ in ("from", "with")
             for t in verb.doc[i].subtree}
    # "Putin wants Turkish support": the one whose support is wanted is asked for it
    asked |= {t.i for w in wanted for c in w.children if c.dep_ in ("poss", "amod", "compound") for t in c.subtree}
    # "wants the withdrawal of all Russian troops": the act wanted is the target's, asked of it (review 10 #13)
    asked |= {t.i for w in wanted if w.lemma_.lower() in YIELDED_ACTS for c in w.children
              if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
    return all(t.head in inside and not asked.intersection(range(t.start, t.end)) for t in targets)


def _own_act_hoped(verb: Token) -> bool:
    """``verb`` takes an infinitive of its own subject ("hopes to meet", "wants to end", "pushes to broker"), with
    no object and not as a passive: "wants Britain to use its influence" and "pushed Iran to accept" ask another
    party to act, "was pushed to resign" tells of pressure on its subject."""
    if any(c.dep_ in (*OBJECTS, "dative", "auxpass", "nsubjpass") for c in verb.children):
        return False
    # "wants to see a phased withdrawal of UK troops", "want to see the text changed": the act wished for is
    # another party's, as in "wants Britain to use its influence" (review 12)
    return any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and not seeing_done(c) for c in verb.children)


def no_act_rule(verb: Token, code: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                ctx: DocContext) -> str | None:
    """The rule by which a verb in the sense its object gives it is no act (its id), else None."""
    lemma, root = verb.lemma_.lower(), code[:2]
    if lemma in HOPING_VERBS and _own_act_hoped(verb) and not hoped_cooperation(verb, parties, ctx) \
            and ctx.fire(HOPING):
        return HOPING  # "hopes to meet Saudi officials", "wants to end the war": the act is the intent
        # (modality.intention); the dictionary's "hope for" (013), "hope" (020) and the appeal block of WANT and PUSH
        # (0212, 027, 100) would read a "for" or an object of the complement as a thing asked for
    if root in ("03", "04", "11") and lemma in FACING_VERBS and ctx.fire(FACING):
        return FACING  # "faces a possible rebellion", "faced a clear choice", "has faced sharp criticism"
    if lemma in WANTING_VERBS and _wants_a_thing(verb, parties[1]) and ctx.fire(WANTED):
        return WANTED  # "the Tories want quotas for economic migrants": a wish or policy, asked of no one
    if root == "04" and (no_visit := _no_visit(verb, lemma, ctx)) is not None:
        return no_visit
    if root in ("08", "03") and lemma in RELEASING_VERBS and _published(verb) and ctx.fire(PUBLISHED):
        return PUBLISHED  # "released a video", "the report will be released", "troops freed up": no one freed
    if root in ("16", "13") and lemma in CUT_VERBS and _cut_no_ties(verb) and not target_abroad(parties) \
            and ctx.fire(CUT):
        return CUT  # "cut taxes", "plans to cut the number of MPs": a policy, no sanction or threat of one
    if code == BOOST_DEFAULT and lemma in BOOSTING_VERBS and _cut_no_ties(verb) and not target_abroad(parties) \
            and ctx.fire(BOOST):
        return BOOST  # "wants to increase deportations of failed asylum seekers": a policy, no cooperation
    if root == "14" and verb.lemma_.lower() in SHOWING_VERBS and _shows_something(verb) and ctx.fire(SHOWN):
        return SHOWN  # "Samsung demonstrated a phone", "demonstrating Russia's new clout": shown, no protest
    if root == "11" and hit_is_an_effect(verb) and ctx.fire(HIT):
        return HIT  # the dictionary's own criticism for 'hit' ("will only hit its target"): an effect
    return attribution_rule(verb, code, parties[1], ctx) or _public_rule(verb, root, parties, ctx) \
        or _residence_rule(verb, root, ctx)


def _residence_rule(verb: Token, root: str, ctx: DocContext) -> str | None:
    """The rule by which a verb of compromise is taking up residence (its id), else None."""
    if root == "08" and verb.lemma_.lower() in SETTLING_VERBS and _settled_in_a_place(verb) and ctx.fire(SETTLED):
        return SETTLED  # "nearly 160,000 people were settling in the UK", "she initially settled in Raqqa"
    return None


def _settled_in_a_place(verb: Token) -> bool:
    """'Settle' with no object (nor a passive's subject or a clause: "settled the charges", "the dispute was
    settled in 2002") and no phrase of what is settled with or on ("settled with the regulators", "settled out of
    court"), but an 'in', 'into', 'inside' or 'within' phrase of a place, a named one or a place noun ("settling
    in the UK", "settled inside Turkey", "settle in the town of Crawley"): taking up residence there, no yielding
    to anyone. A noun after an open dash is a comment on the clause, no object (``_after_a_dash``)."""
    kids = list(verb.children)
    if any((c.dep_ in (*PATIENT_DEPS, "ccomp", "xcomp") and not _after_a_dash(c, verb)) or (
            c.dep_ in ("prep", "prt") and c.lower_ in _SETTLED_WITH and not _of_a_place(c)) for c in kids):
        return False  # ("settled in the town of Kilis on the Turkish border": 'on' a place is where)
    return any(c.dep_ == "prep" and c.lower_ in _SETTLED_IN and _of_a_place(c) for c in kids)


# dashes that set a comment off from its clause ("settling in the UK every year - the size of a city")
_DASHES = frozenset({"-", "–", "—", "--"})


def _after_a_dash(kid: Token, verb: Token) -> bool:
    """``kid`` follows its verb after a dash of the verb's own that no second dash closes: a comment appended to
    the clause ("were settling in the UK every year - the size of a city like Peterborough", which the parse makes
    the verb's object), not one of the verb's arguments; a pair of dashes encloses an aside, and what follows it
    is the verb's again ("settled - after long talks - its dispute with Kiev")."""
    dashes = sum(c.dep_ == "punct" and c.text in _DASHES and verb.i < c.i < kid.i for c in verb.children)
    return dashes % 2 == 1


def _of_a_place(prep: Token) -> bool:
    """The object of ``prep`` is a place: a named one or a place noun ("in the UK", "in the town of Crawley"); a
    name the entity recogniser calls no place ("in January", "in Microsoft's favour") is none."""
    return any(g.dep_ == "pobj" and (g.ent_type_ in _PLACE_ENTS or g.lemma_.lower() in _PLACE_NOUNS
                                     or (g.pos_ == "PROPN" and not g.ent_type_))
               for g in prep.children)


def _public_rule(verb: Token, root: str, parties: tuple[Sequence[ActorRef], Sequence[ActorRef]],
                 ctx: DocContext) -> str | None:
    """The rule by which an act toward a public is no act between actors (its id), else None."""
    if root in _DEALING_ROOTS and _firm_and_customers(verb, parties) and ctx.fire(COMMERCE):
        return COMMERCE  # "the company is inviting people to a shopping mall", "Vodafone encourages people to ..."
    if root in ("05", "06") and _own_public_only(parties) and ctx.fire(OWN_PUBLIC):
        return OWN_PUBLIC  # "the government gives £200 for winter fuel to households": policy, no act between actors
    return None


def _no_visit(verb: Token, lemma: str, ctx: DocContext) -> str | None:
    """The rule by which a verb coded as a visit or meeting (04) is none, else None."""
    if lemma in GOING_VERBS and not _visit(verb) and ctx.fire(GOING):
        return GOING  # "went back on a pledge", "went further", "went to university"
    if lemma in HOSTING_VERBS and not _hosts_a_visitor(verb) and ctx.fire(HOSTED):
        return HOSTED  # "Turkey hosts 3.5 million refugees", "bases hosting U.S. troops", "will host the talks"
    return None


def _shows_something(verb: Token) -> bool:
    """'Demonstrate' with what is shown: an object ("demonstrated a wireless cap", "demonstrating the strength of
    our common values") or a clause ("will have to demonstrate they have an acceptable standard of health"). The
    protest is intransitive ("protesters demonstrated outside BBC buildings", "demonstrate against the war"), or
    shows the demonstrators' own stance ("demonstrated their anger at the strike", "their opposition to the war":
    protest-stance with a possessor; "strikes have demonstrated the displeasure" of others shows it)."""
    shown = [c for c in verb.children if c.dep_ in (*OBJECTS, "ccomp")]
    return bool(shown) and not any(c.lemma_.lower() in PROTEST_STANCES and any(p.dep_ == "poss" for p in c.children)
                                   for c in shown)


def target_abroad(parties: tuple[Sequence[ActorRef], Sequence[ActorRef]]) -> bool:
    """A target in another country than every source's: what is cut toward it ("cut its embassy staff in Havana",
    "cut fuel deliveries to Gaza") is a relation between states, whatever the thing cut (review 8 #4)."""
    sources, targets = parties
    homes = {split_code(s.code)[0] for s in sources}
    return any((country := split_code(t.code)[0]) is not None and country not in homes for t in targets)


def _cut_no_ties(verb: Token) -> bool:
    """A verb of cutting whose object (or passive subject) is a thing of no relation between actors: not ties,
    aid or supplies anywhere in its phrase or in a from/to phrase ("cut off the policy of backing for rebels",
    "cut off from aid shipments"), not a named actor ("cut off Ukraine"); no object at all ("cut and run")
    counts as such."""
    phrases = [c for c in verb.children if c.dep_ in PATIENT_DEPS
               or (c.dep_ == "prep" and c.lower_ in CUT_PREPOSITIONS)]
    for phrase in phrases:
        if any(t.lemma_.lower() in RELATION_OBJECTS for t in phrase.subtree):
            return False
    return not any(o.pos_ == "PROPN" or o.ent_type_ in _ACTOR_ENTS for o in phrases if o.dep_ != "prep")


def _visit(verb: Token) -> bool:
    """'Go' as a visit: to a place or a host named ("went to Washington", "went to the Kremlin"), or to meet or
    see someone ("went to see the president"); not "went back on a pledge", "went further", "went to
    university", nor without a destination ("the minister went further"); talks that go on are talks."""
    children = list(verb.children)
    # (a capitalised "Negotiations" may keep its plural as its lemma)
    if any(c.dep_ in ("nsubj", "nsubjpass") and {c.lemma_.lower(), c.lower_.removesuffix("s")} & CONSULTATION_NOUNS
           for c in children):
        return True  # "negotiations between Britain and Mauritius have been going on": the talks are the event
    if any(c.lower_ in GOING_AWAY and c.dep_ in ("prt", "advmod") for c in children):
        return False
    if any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in VISIT_PURPOSES for c in children):
        return True
    ends = [g for c in children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return any(e.lemma_.lower() not in SCHOOLING and (e.ent_type_ in _HOST_ENTS or e.pos_ == "PROPN"
                                                       or e.lemma_.lower() in OCCASION_NOUNS)
               for e in ends)  # an occasion is a destination too: "went to the EU summit in Brussels" (review 8 #7)


def _hosts_a_visitor(verb: Token) -> bool:
    """What is hosted (the object, or a passive's subject) is a visitor: a person or group named ("hosted Erdogan",
    "hosted the Iranians"), an office holder or delegation ("hosted his Turkish counterpart", "hosts a delegation
    from Pyongyang"), or one named in a 'with' phrase of talks hosted; not refugees, troops, bases, an event, a
    summit or talks with no one named, nor nothing named at all."""
    hosted = [c for c in verb.children if c.dep_ in PATIENT_DEPS]
    # "hosted talks in Sochi with the leaders of Iran and Turkey", "hosting a meeting ... with Zarif": talks held
    # with visitors named are their visit
    # (the parse may hang the 'with' phrase lower: "a meeting at a senior government level with Zarif")
    hosted += [g for c in (*verb.children, *(t for h in hosted for t in h.subtree))
               if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    for h in hosted:
        for t in (h, *(c for c in h.children if c.dep_ == "conj")):
            if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "NORP") or t.lemma_.lower() in VISITOR_NOUNS:
                return True
    return False


def _published(verb: Token) -> bool:
    """What is released is a publication or a product ("a video", "the report", "opposing accounts", "the
    original track", "video game Halo 2", "his cartoon book Flanimals which is released in the US"), or "freed up"."""
    if any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "from" and any(g.lemma_.lower() in DETENTION_PLACES for g in c.children)
           for c in verb.children):
        return False  # "released several opposition figures from prison": people freed (review 8 #6)
    patients = [c for c in verb.children if c.dep_ in PATIENT_DEPS]
    if not patients and verb.dep_ == "xcomp":
        # "the new version is not going to be released": the subject of the verb it completes
        patients = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(_publication(_antecedent(c)) for c in patients)


def _publication(noun: Token) -> bool:
    """A publication or product noun, or a title named with one ("video game Halo 2", "the book Flanimals"), not
    a people's ("opposition figures")."""
    if any(m.dep_ in ("amod", "compound") and m.lower_ in PEOPLE_MODIFIERS for m in noun.children):
        return False
    named = [noun, *(m for m in noun.children if m.dep_ == "compound")]
    if noun.dep_ == "appos":
        named.append(noun.head)  # "his cartoon book Flanimals"
    return any(n.lemma_.lower() in PUBLICATIONS for n in named)


def _antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("Flanimals which is released"), else the token itself."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def prize_taken(verb: Token) -> bool:
    """What the verb takes, wins, gives or refuses is a prize ("took the best supporting actor award", "a novel has
    won the fiction prize", "three people have refused Oscars", "picked up six nominations"): an honour passed
    between a jury and a winner, no act between political actors. Not the awarding of something named ("challenged
    the award of the contract to a Chinese firm": the contract is what is given)."""
    return any(c.dep_ in PATIENT_DEPS and (c.lemma_.lower() in PRIZE_NOUNS or c.lower_ in PRIZE_NOUNS)
               and not any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children) for c in verb.children)
