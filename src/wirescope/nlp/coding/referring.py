"""Mentions that refer back, resolved with the document's ``Referents``: the rules of the actor coder that give a
mention the dictionaries leave without a country the actor the article named (``refer_back``, shared by the event
coder's arguments and the quotation speakers): a pronoun subject, a lone surname, "the group", "the country", a
state's body owned by "his"/"her" or by "the country", a role without a country ("the president", "the ministry",
"police"), a party's "the government". Split from ``referents.py`` (session 14), which keeps the index of names and
its look-ups."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from .actor_codes import compose, split_code
from .actors import ActorCoder
from .homelands import STATELESS, home_country, people_homes
from .lexicons import words
from .referents import _COLLECTIVE_NOUNS, HONORIFIC_WORDS, PRONOUNS, Name, Referents, code_recorded
from .syntax import phrase_tokens

if TYPE_CHECKING:
    from spacy.tokens import Token


def party_country(tok: Token, coder: ActorCoder, day: date | None) -> str | None:
    """The one country of the parties, opposition and legislators (``_PARTY_ROLES``) that are the subjects of the
    clause of ``tok`` or of the clauses it is said or done in: "Labour leader Jeremy Corbyn accused the government",
    "Tory MPs said ministers had failed". None when there are none or they are of several countries, or when the
    party is placed in another country (``_party_placed_abroad``)."""
    found: set[str | None] = set()
    seen: list[Token] = []  # where the parties are and what the clauses above tok are about
    verb = tok.head
    while True:
        for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i):
            code = code_recorded(coder, phrase_tokens(subj), day, subj)[0]
            if code and set(split_code(code)[1]) & _PARTY_ROLES:
                found.add(split_code(code)[0])
                seen.extend(subj.subtree)
        if verb.i != tok.head.i:
            seen.extend(g for c in verb.children if c.dep_ in ("dobj", "prep")
                        for g in (c, *c.children) if g.dep_ in ("dobj", "pobj"))
        if verb.dep_ not in ("ccomp", "xcomp", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
    found.discard(None)
    if len(found) != 1:
        return None
    country = found.pop()
    return None if country is None or _party_placed_abroad(seen, country, coder, day) else country


def _party_placed_abroad(names: Sequence[Token], country: str, coder: ActorCoder, day: date | None) -> bool:
    """The party is placed in another country, in its own phrase or in a clause it is said in ("Conservative MPs
    returning from Burma said the government had jailed monks", "Tory MPs visited Zimbabwe and accused the
    government"): "the government" may be that country's, so the party's own is no safe guess (review 8 #2). A
    country the accused act is about ("accused ministers of ignoring Russia") does not count."""
    for name in names:
        if name.pos_ == "PROPN" or name.ent_type_ in ("GPE", "NORP"):
            other, roles = split_code(code_recorded(coder, [name], day, name)[0])
            if other is not None and other != country and not roles:  # a place or people ("Burma", "Harare"),
                return True  # not a word of a party's name ("Liberal Democrat": USAPTY alone)
    return False


# roles a country's own bodies hold; others (IGO, NGO, ...) have no country to take
_NATIONAL_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP", "PTY", "MED", "ELI", "REB", "BUS",
                             "CVL", "EDU", "HLH", "LAB", "AGR", "CRM", "REF", "PPL", "UAF"})


def lone_name(head: Token, toks: Sequence[Token]) -> bool:
    """The phrase names its actor by one capitalised word only: "Abe", "Mr. Abe"."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return False  # (the phrase's words are read only for a capitalised name: most heads are none)
    return [t for t in toks if t.pos_ == "PROPN" and t.lower_ not in HONORIFIC_WORDS] == [head]


def countryless_role(head: Token, code: str) -> bool:
    """A role without a country ("---GOV") whose phrase is definite or bare ("the ministry", "police"), not an
    indefinite or quantified one ("a diplomat", "some officials", "many people") that need not belong to the
    story's country."""
    roles = split_code(code)[1]
    if not roles or not set(roles) <= _NATIONAL_ROLES:
        return False
    if any(c.dep_ == "prep" for c in head.children):
        return False  # "the spokesperson for Pakistan's ministry": the phrase says whose it is, in a way not coded
    if any(_elsewhere(c) for c in head.children if c.dep_ in ("amod", "compound", "nmod")):
        return False  # "foreign investors", "international monitors": not the story's own
    # a number counts, not chooses: "33 militants", "at least 2,400 people" are of the story's country too
    dets = [c.lower_ for c in head.children if c.dep_ in ("det", "poss") or c.lower_ in _QUANTIFIERS]
    return all(d == "the" for d in dets)

THE_COUNTRY = "actors.the-country-is-the-article-country"
# "the country" as a subject refers back as the possessor "the country's" does (``the_country``), to the
# article's country only in its lead: the first sentences, which tell of the story's own country
THE_COUNTRY_REFERS_BACK = "actors.the-country-refers-back"
# "the country" as an object refers to the country of the actor named last before it, other than the subject's
THE_COUNTRY_OBJECT = "actors.the-country-as-object-is-the-actor-named-last"
# prepositions whose object is a party acted on, not a place ("sanctions against the country", "talks with")
_TARGET_PREPS = frozenset({"against", "on", "with", "toward", "towards", "upon"})
LEAD_SENTENCES = 3
# "his military", "her government": a state's body owned by a possessive pronoun is its antecedent's country's
POSSESSOR_PRONOUN = "actors.possessive-pronoun-gives-the-country"
PRONOUN_POSSESSORS = frozenset({"his", "her"})
# the bodies of a state a person heads or speaks for ("his government", "her army", "his forces")
_STATE_BODIES = frozenset({"GOV", "MIL", "COP", "SPY"})
# a possessor that names the country the story is about without its name ("the country's president")
_COUNTRY_NOUNS = frozenset({"country", "nation"})


def owned_by_the_country(head: Token) -> bool:
    """The phrase's possessor is "the country" or "the nation", with nothing else to say which ("the country's
    president", "the nation's army"; not "a country's", "the other country's", "the country's own")."""
    for c in head.children:
        if c.dep_ == "poss" and c.lemma_.lower() in _COUNTRY_NOUNS:
            mods = [m for m in c.children if m.dep_ != "case"]
            return len(mods) == 1 and mods[0].dep_ == "det" and mods[0].lower_ == "the"
    return False


# (the actor coder, the article date, the rule switch: ``DocContext.fire`` or always on)
How = tuple["ActorCoder", "date | None", Callable[[str], bool]]


def refer_back(refs: Referents, head: Token, toks: Sequence[Token], coded: tuple[str | None, str],
               how: How) -> tuple[str | None, str]:
    """(code, name) of a mention with ``coded`` as the dictionaries give it, resolved to the actor the article
    named when it does not name one in full: a pronoun subject or a lone surname takes the named person's code; a
    role without a country ("the president", "the ministry", "police") the nearest actor named with that role, else
    the article's country (and an office its holder on the day). The event coder's arguments and the quotation
    speakers both resolve through here, so "he said" and "he condemned" name the same actor."""
    code, name = coded
    coder, day, fire = how
    if code is None:
        return _uncoded_refers_back(refs, head, toks, how)
    if split_code(code)[0] is None and split_code(code)[1] and owned_by_the_country(head):
        country = the_country(refs, head)
        if country is not None and fire(THE_COUNTRY):
            # "the country's president", "the nation's army": the country the article is about there
            held = coder.office_holder_code(country, head, day, fire)
            return held or compose(country, [(r, False) for r in split_code(code)[1]]), name
    roles = split_code(code)[1]
    if split_code(code)[0] is None and roles and set(roles) <= _STATE_BODIES:
        country = _possessor_country(refs, head, how)
        if country is not None and fire(POSSESSOR_PRONOUN):
            # "Khamenei said his military had dealt ...": the possessor's state
            return compose(country, [(r, False) for r in roles]), name
    if split_code(code)[0] is not None or not countryless_role(head, code):
        return code, name
    # a common noun ("the government", "ministers"), not a person named with a title ("Prince Mohammed")
    own = party_country(head, coder, day) if set(roles) <= _STATE_ROLES and head.pos_ == "NOUN" else None
    if own is not None and fire(PARTY_SPEAKS_OF_ITS_OWN):
        # "Labour leader Jeremy Corbyn accused the government of waiting for instructions from Donald Trump"
        held = coder.office_holder_code(own, head, day, fire)
        return held or compose(own, [(r, False) for r in roles]), name
    return _role_in_the_story(refs, head, (code, name), how)


def _role_in_the_story(refs: Referents, head: Token, coded: tuple[str, str], how: How) -> tuple[str | None, str]:
    """(code, name) of a role without a country (``refer_back``): the nearest actor named before it with that
    role, else the article's country there (an office its holder on the day)."""
    code, name = coded
    coder, day, fire = how
    roles = split_code(code)[1]
    # one named actor is what a singular title refers to; "the two presidents" are not the last one named
    named = refs.role_before(head, roles) if head.tag_ != "NNS" else None
    if named is not None and _spokesperson(head) and "MED" in split_code(named.code)[1]:
        named = None  # the dictionaries' media role of a spokesman is no news outlet's
    titled = refs.role_before(head, roles, _title_words(head)) if named is not None else None
    if titled is not None and titled is not named and fire(TITLE_HOLDER):
        named = titled  # "the president" is the president named, not a prime minister named after him
    homes = people_homes(head)  # "Kurdish forces": of a country the Kurds live in, whichever the story's
    if named is not None and (homes is None or split_code(named.code)[0] in homes) \
            and fire("actors.role-refers-back"):
        # the named actor's country with the role's own roles: "the ministry" after "Zarif" is IRNGOV
        return compose(split_code(named.code)[0], [(r, False) for r in roles]), named.name
    country = refs.country_at(head)
    if country is not None and homes is None and refs.contested_at(head) and fire(CONTESTED_COUNTRY):
        return code, name  # "Sweden ... Mexico ... South Africa", once each: no country is the article's
    if homes is not None and country not in homes and fire(STATELESS):
        # "he was captured by Kurdish forces" in a story about a Briton: the forces are not Britain's but of the
        # Kurds' country the story names (Syria), else of no country
        country = home_country(refs, head, homes)
    if country is None or not fire("actors.role-takes-the-article-country"):
        return code, name
    held = coder.office_holder_code(country, head, day, fire)
    return held or compose(country, [(r, False) for r in roles]), name


# the words for a spokesperson, whom the agents dictionary codes as the media (MED)
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople"})
# no country of its own for a role where three or more countries tie as the article's (``Referents.contested_at``)
CONTESTED_COUNTRY = "actors.no-article-country-among-equals"
# a definite title refers to the person named with it, over a nearer actor of the same role named otherwise
TITLE_HOLDER = "actors.title-refers-to-the-one-named-with-it"


def _spokesperson(head: Token) -> bool:
    """The phrase is a spokesperson's ("the spokesman", "Riggs spokesman Mark Hendrix", "Ahmed al-Assadi, a
    spokesman for ..."), whom the agents dictionary codes as the media (MED): a spokesman speaks for a body, so the
    news outlet named before ("told Reuters news agency") is not what the role refers back to."""
    return any(t.lemma_.lower() in SPOKESPEOPLE
               for t in (head, *(c for c in head.children if c.dep_ in ("compound", "appos"))))


def _title_words(head: Token) -> frozenset[str]:
    """The words of a definite title ("the president", "the prime minister", "the foreign minister"): its head and
    the nouns and adjectives before it; none for a phrase that is not a bare definite one."""
    mods = [c for c in head.children if c.i < head.i and c.dep_ in ("amod", "compound")]
    dets = [c for c in head.children if c.dep_ in ("det", "poss")]
    if head.pos_ != "NOUN" or len(dets) != 1 or dets[0].lower_ != "the":
        return frozenset()
    return frozenset(t.lower_ for t in (*mods, head))


def the_country(refs: Referents, head: Token, *, lead_only: bool = False) -> str | None:
    """The country a definite "the country" or "the nation" at ``head`` refers to: the country named before it in
    its sentence (``Referents.country_named_before``), else, unless a person is named there before it, the
    article's country there (the first country of a lead's first sentence with names, else the one its earlier
    sentences name most) or the one country a lead sets its act in; with ``lead_only``, only in the article's
    first ``LEAD_SENTENCES`` sentences."""
    country, person_before = refs.country_named_before(head)
    if lead_only and refs.sentence_of(head) >= LEAD_SENTENCES:
        return country  # deep in an article "the country" may be any it has told of: the story's, its neighbour
    if country is None and not person_before:  # after a person named in its sentence, the article's country
        # could be that person's ("Putin arrived on Monday, and the country's foreign minister ...")
        country = refs.country_at(head) or refs.lead_place_country(head)
    return country


def the_country_mention(head: Token, *, objects: bool = False) -> bool:
    """A subject that is "the country" or "the nation" with nothing else to say which ("says the country shot down
    a jetliner"; not "a country", "the other country", "the country's president", "the country where ..."); with
    ``objects``, the same as the object of a verb or of a preposition that is no place's ("warned the country",
    "sanctions against the country"; not "in the country", "into the country")."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or head.lemma_.lower() not in _COUNTRY_NOUNS:
        return False
    if objects:
        if not (head.dep_ in ("dobj", "obj") or (head.dep_ == "pobj" and head.head.lower_ in _TARGET_PREPS)):
            return False
    elif head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    kids = [c for c in head.children if c.dep_ != "punct"]
    return len(kids) == 1 and kids[0].dep_ == "det" and kids[0].lower_ == "the"


def _subject_countries(head: Token, how: How) -> frozenset[str | None]:
    """The countries of the subject of the nearest clause above ``head`` that has one (itself not "the country" it
    acts on: "Britain warned the country", "Boris Johnson became the first British foreign secretary to visit the
    country"), coded as the dictionaries give it."""
    coder, day, _ = how
    for anc in head.ancestors:
        subjects = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != head.i]
        if subjects:
            return frozenset({split_code(code_recorded(coder, phrase_tokens(s), day, s)[0])[0] for s in subjects}
                             - {None})
    return frozenset()


def _possessor_country(refs: Referents, head: Token, how: How) -> str | None:
    """The country of the person a possessive "his"/"her" refers to when it owns a state's body as a subject ("his
    military", "her government"): the person named before it, as for a pronoun subject
    (``Referents.person_before``). None without such a possessor, or when the person has no country. ("its" and
    "their" are source.role-owned-by-a-pronoun's: the subject of the clause that embeds this one.)"""
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    if poss is None or poss.lower_ not in PRONOUN_POSSESSORS or head.dep_ not in ("nsubj", "nsubjpass"):
        return None  # (as an object the body is as often the subject's own: "Blair praised his chancellor")
    found = refs.person_before(poss)
    if found is not None and found.titled and split_code(found.code)[0] is None:
        titled = _titled(refs, found, how)  # "the prime minister ... his government": placed as it is
        if titled is not None:
            return split_code(titled[0])[0]
        found = refs.person_before(poss, titles=False)
    return split_code(found.code)[0] if found is not None else None


def _uncoded_refers_back(refs: Referents, head: Token, toks: Sequence[Token], how: How) -> tuple[str | None, str]:
    """(code, name) of a mention the dictionaries code as no one (``refer_back``): a pronoun subject the person
    named before it, a lone surname the fuller name, "the group" the organisation named before it."""
    fire = how[2]
    found, rule = None, ""
    if head.lower_ in PRONOUNS and head.dep_ in ("nsubj", "nsubjpass"):
        found, rule = _agreeing_person_before(refs, head, fire), "actors.pronoun-refers-back"
        if found is not None and found.titled:
            titled = _titled(refs, found, how)
            if titled is not None and fire(TITLED_SUBJECT):
                return titled
            found = refs.person_before(head, titles=False)
    elif lone_name(head, toks):
        found, rule = refs.surname(head), "actors.surname-refers-back"
    elif collective_mention(head):
        found, rule = refs.organisation_before(head), COLLECTIVE_REFERS_BACK
    elif the_country_mention(head):
        country = the_country(refs, head, lead_only=True)
        # "Iranian state TV says the country shot down a Ukrainian jetliner": the country named before it
        return (country, "the country") if country is not None and fire(THE_COUNTRY_REFERS_BACK) else (None, "")
    elif the_country_mention(head, objects=True):
        country = refs.actor_country_before(head, _subject_countries(head, how))
        # "Iran seized a British tanker. Britain warned the country": the actor named last, not Britain
        return (country, "the country") if country is not None and fire(THE_COUNTRY_OBJECT) else (None, "")
    return (found.code, found.name) if found is not None and fire(rule) else (None, "")


def _agreeing_person_before(refs: Referents, head: Token, fire: Callable[[str], bool]) -> Name | None:
    """The person a subject "he"/"she" refers back to (``Referents.person_before``), passing over a nearer one the
    article gives the other gender ("Ms Hewitt ... Mr Clarke ... she said" is Hewitt; ``AGREES``), and taking the
    main clause's subject over a nearer embedded one ("Mr Balls rejected the allegation that Mr Brown had been
    sidelined. He ..." is Balls; ``MAIN_SUBJECT``)."""
    main = refs.person_before(head) is refs.person_before(head, main=False) or fire(MAIN_SUBJECT)
    found = refs.person_before(head, main=main)
    blind = refs.person_before(head, agree=False, main=main)
    if found is blind or fire(AGREES):
        return found
    return blind


def collective_mention(head: Token) -> bool:
    """A subject that is a singular collective noun for an organisation with nothing but "the" to tell whose it
    is ("the group", "the alliance", "the bloc"; lexicons/title_words.tsv, collective-noun): not "the armed
    group", "a group", "the group of protesters", "the alliance with the US", "the alliance fighting Isis"."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or head.lemma_.lower() not in _COLLECTIVE_NOUNS:
        return False
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False  # (as an object or in a phrase it is as often a group the clause itself describes)
    kids = [c for c in head.children if c.dep_ != "punct"]
    return len(kids) == 1 and kids[0].dep_ == "det" and kids[0].lower_ == "the"


def _titled(refs: Referents, found: Name, how: How) -> tuple[str, str] | None:
    """(code, name) of a subject named by its title alone, resolved as that mention is ("the prime minister" is
    the article's country's, with the office's holder); None when it stays without a country (the pronoun then
    refers back as before: a title no rule places is no safer an answer than the nearest named person)."""
    if split_code(found.code)[0] is not None:
        return found.code, found.name
    title = refs.doc[found.head]
    code, name = refer_back(refs, title, phrase_tokens(title), (found.code, found.name), how)
    return (code, name) if code and split_code(code)[0] is not None else None


# the roles of a party's own politics: its government and parliament (``PARTY_SPEAKS_OF_ITS_OWN``) ...
_STATE_ROLES = frozenset({"GOV", "LEG"})
# ... of which its parties, the opposition and legislators speak ("Labour leader Jeremy Corbyn accused the government")
_PARTY_ROLES = frozenset({"PTY", "OPP", "LEG"})
PARTY_SPEAKS_OF_ITS_OWN = "actors.party-speaks-of-its-own-government"
# a personal pronoun passes over a person of the other gender (``Referents.person_before``, ``gender.agrees``)
AGREES = "actors.pronoun-agrees-in-gender"
# a main-clause subject pronoun continues the main clause's subject (``Referents.person_before``, ``salience``)
MAIN_SUBJECT = "actors.pronoun-continues-the-main-clause-subject"
# "the group" refers to the organisation named before it (``Referents.organisation_before``)
COLLECTIVE_REFERS_BACK = "actors.the-group-refers-to-the-organisation-named-before"
# a pronoun subject refers back to a subject named by its title alone (``Referents.person_before``)
TITLED_SUBJECT = "actors.pronoun-refers-to-a-titled-subject"
# modifiers that put a role outside the story's country
# quantifying adjectives: "many people", "several officials" are indefinite, like "some officials"
_QUANTIFIERS = frozenset({"many", "several", "few", "numerous", "various", "most", "multiple"})
_FOREIGN_OFFICES = frozenset({"minister", "ministry", "secretary", "office", "service", "affair", "affairs"})
# modifiers that put a role outside the article's country (lexicons/title_words.tsv, outside)
_OUTSIDE = words("title_words", "outside")


def _elsewhere(mod: Token) -> bool:
    """A modifier saying the role is not the story's country's own: "foreign investors", "international
    monitors". (A capitalised modifier the dictionaries did not place is no such sign: "BLA militants" are the
    story's; measured on the tuning part.)"""
    if mod.lower_ == "foreign" and mod.head.lemma_.lower() in _FOREIGN_OFFICES:
        return False  # "the foreign minister", "the foreign ministry" are the country's own office
    return mod.lower_ in _OUTSIDE
