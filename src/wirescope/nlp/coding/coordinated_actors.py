"""The actors of a noun phrase with its conjuncts, for the event coder's argument finding (``phrase_actors``): one
per coordinated name or modifier ("Arnor and Gondor", "Eriadori and Calenardhon leaders"), a role distributed over
the places of its "of"/"in"/"from" phrase ("lawmakers in Arnor and Gondor"), a shared modifier ("the Danish media
and government"), the two parties a "the two"/"both" noun counts, and one actor per code of an entry with several."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .actor_codes import compose, split_code
from .actor_refs import ActorRef
from .lexicons import words
from .referents import in_place_phrase, place_object, referents_of
from .syntax import NOUN_HEAD, conjuncts, phrase_tokens, stray_places

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .context import DocContext
    from .phrase_actors import PhraseActors
    from .referents import Name, Referents

_RELATIVE = words("function_words", "relative")


def conjunct_actors(finder: PhraseActors, head: Token, ctx: DocContext, *, direct: bool) -> list[ActorRef]:
    """Actors of a noun phrase and its conjuncts: "Arnor and Gondor", "lawmakers in Arnor and Gondor" (one
    per country), "the Danish media and government" (the shared modifier applies to both); the relative pronoun
    of a passive stands for the noun its clause modifies ("X, who was killed ...")."""
    if head.lower_ in _RELATIVE and head.dep_ == "nsubjpass" and head.head.dep_ == "relcl":
        # "al-Muhandis, who was also killed in the attack": the patient of a passive relative clause is its
        # noun. An active one ("the general, who led the Quds Force") mostly describes its noun's past or
        # standing role rather than reporting news, and is left uncoded.
        antecedent = head.head.head
        if (antecedent.pos_ == "PROPN" or (head.lower_ in ("who", "whom") and antecedent.pos_ in NOUN_HEAD)) \
                and ctx.fire("source.relative-pronoun-stands-for-its-noun"):
            head = antecedent
    pair = _the_two_named(finder, head, ctx, direct=direct) if _the_two(head) else []
    if pair:
        return pair
    heads = _phrase_heads(head, ctx)
    out: list[ActorRef] = []
    shared_prep = next((p for h in reversed(heads) for p in h.children
                        if p.dep_ == "prep" and p.lower_ in ("of", "in", "from")), None)
    modifier_code: str | None = None
    first_mods = [t for t in heads[0].children if t.dep_ in ("amod", "compound") and t.i < heads[0].i]
    if len(heads) > 1 and first_mods:
        modifier_toks = [t for m in first_mods for t in m.subtree]
        modifier_code = finder._code(modifier_toks, None, ctx)[0]
    places = stray_places(heads, shared_prep)
    if places is not None and not ctx.fire("actors.stray-place-repair"):
        places = None
    if places is not None:  # "lawmakers in Arnor and Gondor" parsed as "[lawmakers in Arnor] and [Gondor]"
        heads = [h for h in heads if h not in places]
    for h in heads:
        refs = _distributed(finder, h, shared_prep if len(heads) > 1 or places else None, ctx, direct, places)
        for ref in refs:
            if modifier_code and ref.code and ref.code.startswith("---") and not modifier_code.startswith("---") \
                    and ctx.fire("actors.shared-modifier"):  # "the Danish media and government"
                ref = replace(ref, code=compose(modifier_code, [(ref.code[3:], False)]))
            out.extend(_split_codes(ref) if finder.split_codes else [ref])
    return out


def _the_two_named(finder: PhraseActors, head: Token, ctx: DocContext, *, direct: bool) -> list[ActorRef]:
    """"The two presidents", "the two countries", "both leaders" without a country of their own: the latest
    two actors of different countries named before them (in their sentence or the two before), holders of the
    noun's role when two such are named ("Russian President Vladimir Putin is courting Erdogan ... The two
    presidents are cooperating": RUS and TUR)."""
    toks = phrase_tokens(head)
    code = finder._code(toks, head, ctx)[0]
    if code is not None and split_code(code)[0] is not None:
        return []  # "the two Korean leaders" name their country
    refs = referents_of(ctx, head.doc, finder.actors)
    roles = split_code(code)[1] if code else ()
    people = head.lemma_.lower() in _PERSON_NOUNS
    if not (roles or people or head.lemma_.lower() in _PARTY_NOUNS):
        return []  # "both cars", "the two incidents" count things, not parties
    named = refs.two_before(head, roles, people=people)
    if named:
        named = _parties_named(refs, head, roles, named, ctx, people=people)
    if len(named) < 2 or not ctx.fire("actors.the-two-are-the-last-two-named"):
        return []
    states = head.lemma_.lower() in _COUNTRY_NOUNS and ctx.fire(TWO_COUNTRIES)
    # the mention's span, with the head of the name each stands for: two parties in one span, each its own
    return [ActorRef(toks[0].i, toks[-1].i + 1, m.head, _one_of_the_two(m.code, roles, people=people, states=states),
                     m.name, direct) for m in named]


def _parties_named(refs: Referents, head: Token, roles: tuple[str, ...], named: list[Name], ctx: DocContext, *,
                   people: bool) -> list[Name]:
    """The two that "the two" counts, passing over a place where something happened ("violence in Afrin", "the
    Americans in Iraq": ``actors.the-two-are-no-setting``) and the names of the subject of the clause the noun is
    an object of ("Iran praised the two countries": ``actors.the-two-are-not-their-own-subject``). A rule fires
    when it changes the countries of the two."""
    doc, own = head.doc, _own_subject(head)
    passed_over: list[Callable[[Name], bool]] = []
    rules: tuple[tuple[str, Callable[[Name], bool]], ...] = (
        (NO_SETTING, lambda m: _setting(doc[m.head], m.code)), (NOT_THEIR_SUBJECT, lambda m: m.head in own))
    for rule, test in rules:
        kept = refs.two_before(head, roles, people=people, skip=_any_of([*passed_over, test]))
        if [m.code for m in kept] != [m.code for m in named] and ctx.fire(rule):
            named = kept
            passed_over.append(test)
    return named


def _any_of(tests: Sequence[Callable[[Name], bool]]) -> Callable[[Name], bool]:
    return lambda m: any(t(m) for t in tests)


def _setting(name: Token, code: str) -> bool:
    """A place name (coded as a country with no role) in a phrase of place that sets a scene, not a party: on a
    verb ("clashed in Idlib"), an event or other singular common noun ("violence in Afrin"), or another name ("the
    Americans in Iraq"). A plural common noun takes its country from it and is kept ("lawmakers in Iran", "troops in
    Iraq")."""
    if split_code(code)[1] or not in_place_phrase(name):
        return False
    owner = place_object(name).head.head
    return owner.pos_ in ("VERB", "AUX", "PROPN") or owner.tag_ == "NN"


def _own_subject(head: Token) -> frozenset[int]:
    """The tokens of the subject of the verb "the two" is the object of (directly or through a preposition):
    "Iran praised the two countries", "Iran accused the two countries of ...". A non-reflexive object refers to
    no one its own clause's subject names (it would be "themselves"); empty for a subject."""
    verb = head.head
    if head.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if head.dep_ not in ("dobj", "obj", "pobj", "dative") or verb.pos_ not in ("VERB", "AUX"):
        return frozenset()
    return frozenset(t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)


def _one_of_the_two(code: str | None, roles: tuple[str, ...], *, people: bool, states: bool) -> str | None:
    """The code of one of "the two" for a name of ``code``: with the noun's roles ("the two presidents"), the
    country alone for a noun of countries ("the two countries" after "Donald Trump and Recep Tayyip Erdoğan" are
    the US and Turkey, not an elite and a government: the country acting as a state is then its government,
    ``state_roles``), else the name's own code."""
    if states:
        return split_code(code)[0]
    return compose(split_code(code)[0], [(r, False) for r in roles]) if roles and not people else code


def _phrase_heads(head: Token, ctx: DocContext) -> list[Token]:
    """The head and its conjuncts, without a plural noun its appositive list names ("the three key regional
    powers – Russia, Iran and Turkey": the three named)."""
    heads = conjuncts(head)
    if _named_by_its_list(head, heads) and ctx.fire(LIST_IN_APPOSITION):
        return heads[1:]
    return heads


def _named_by_its_list(head: Token, heads: Sequence[Token]) -> bool:
    """A plural common noun with no conjunct of its own whose apposition is a list of names ("the three key
    regional powers – Russia, Iran and Turkey", "both countries, India and Pakistan"): the list names its members,
    and the noun is no party besides them (``actors.list-in-apposition-names-the-members``)."""
    if head.pos_ != "NOUN" or head.tag_ != "NNS" or len(heads) < 3 or heads[0].i != head.i \
            or any(c.dep_ == "conj" for c in head.children):
        return False
    return all(h.dep_ in ("appos", "conj") and h.pos_ == "PROPN" for h in heads[1:])


def _distributed(finder: PhraseActors, h: Token, shared_prep: Token | None, ctx: DocContext, direct: bool,
                 places: list[Token] | None = None) -> list[ActorRef]:
    prep = next((p for p in h.children if p.dep_ == "prep" and p.lower_ in ("of", "in", "from")), shared_prep)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if prep is None or pobj is None or not (pobj.conjuncts or places):
        mod = next((m for m in h.children if m.dep_ in ("amod", "compound", "nmod") and m.i < h.i
                    and any(c.dep_ == "conj" for c in m.children)), None)
        if mod is not None:  # "Eriadori and Calenardhon leaders": one actor per coordinated modifier
            base = [t for t in phrase_tokens(h) if not (mod.left_edge.i <= t.i <= mod.right_edge.i)]
            refs = []
            for c in conjuncts(mod):
                # the conjunct itself is kept (its own label is "conj"), the other conjuncts are not
                kept = [t for t in c.subtree if (t.i == c.i or t.dep_ not in ("conj", "cc", "punct"))
                        and not any(a.dep_ == "conj" and a.i != c.i for a in t.ancestors if a.i > c.i)]
                toks = sorted([*base, *kept], key=lambda t: t.i)
                code, name = finder._code(toks, h, ctx)
                if code:
                    refs.append(ActorRef(toks[0].i, toks[-1].i + 1, h.i, code, name, direct))
            if len({r.code for r in refs}) > 1 and ctx.fire("actors.coordinated-modifiers"):
                return refs
            own = finder._actor(h, ctx, direct=direct)
            if own is not None and h.pos_ == "PROPN" and mod.pos_ in ("PROPN", "NOUN") \
                    and ctx.fire("actors.misparsed-list-of-names"):  # a name may be mistagged
                # a misparsed list "Arnor, Calenardhon and Gondor" (the first names hang on the last): each
                # named conjunct is an actor of its own
                alone = [finder._actor(c, ctx, direct=direct) for c in conjuncts(mod)]
                return [own, *(a for a in alone if a is not None and a.code != own.code)]
        a = finder._actor(h, ctx, direct=direct)
        return [a] if a is not None else []
    head_toks = [t for t in phrase_tokens(h) if not (prep.left_edge.i <= t.i <= prep.right_edge.i)]
    out = []
    for c in places or conjuncts(pobj):
        toks = sorted([*head_toks, prep, *phrase_tokens(c)], key=lambda t: t.i)
        code, name = finder._code(toks, h, ctx)
        if code:
            out.append(ActorRef(min(t.i for t in toks), max(t.i for t in toks) + 1, h.i, code, name, direct))
    # one actor per place only when the places give one country each: "passengers of Punjabi and Saraiki
    # ethnicity", "fighters of the group and its allies" are one group, not one event each
    countries = [split_code(r.code)[0] for r in out]
    if len(set(countries)) < len(countries) \
            or not ctx.fire("actors.role-distributed-over-places"):  # "lawmakers in Arnor and Gondor"
        a = finder._actor(h, ctx, direct=direct)
        return [a] if a is not None else []
    return out


def _split_codes(ref: ActorRef) -> list[ActorRef]:
    """An actor entry with several codes ("THE_SHIRE [FRO/BIL/SAM]") stands for each of them: one ref per code."""
    if not ref.code or "/" not in ref.code:
        return [ref]
    return [replace(ref, code=c) for c in dict.fromkeys(ref.code.split("/")) if c]


# nouns of persons: "the two men" are the last two persons named, not the last two countries (Guardian 2018: two
# British Isis members "captured by the Syrian Democratic Forces" were coded USAPPL and TURPPL)
_PERSON_NOUNS = words("title_words", "person-noun")
# nouns that count two parties the dictionaries give no role: "the two countries", "both sides", "the two leaders"
_PARTY_NOUNS = words("title_words", "party-noun") | words("title_words", "person-title")
# nouns of states: "the two countries" are the last two countries named, whoever in them was named
_COUNTRY_NOUNS = words("title_words", "country-noun")
TWO_COUNTRIES = "actors.the-two-countries-are-states"
LIST_IN_APPOSITION = "actors.list-in-apposition-names-the-members"
NO_SETTING = "actors.the-two-are-no-setting"
NOT_THEIR_SUBJECT = "actors.the-two-are-not-their-own-subject"


def _the_two(head: Token) -> bool:
    """A plural noun that counts two parties the reader knows: "the two presidents", "both countries" (not "two
    soldiers", an indefinite count, nor "the two Iranian diplomats", named by a modifier)."""
    if head.tag_ != "NNS" or any(c.dep_ in ("amod", "compound", "poss", "prep", "conj") for c in head.children):
        return False  # "both protesters and security personnel" coordinates two nouns: no pair named before
    kids = {c.lower_: c.dep_ for c in head.children}
    return kids.get("both") in ("det", "predet", "preconj") \
        or (kids.get("the") == "det" and kids.get("two") == "nummod")


# a person named in full with a title but no country is placed by their sentence's one country (``_placed``); a


# roles of private people (lexicons/roles.tsv private-person): named by nationality, they act for no state or body
_PRIVATE_ROLES = words("roles", "private-person")


def nationals_together(doc: Doc, sources: Sequence[ActorRef]) -> bool:
    """Every source is private people named by their nationality (``target.nationals-together-are-no-two-
    parties``): a person noun with a demonym ("Iranian and Iraqi pilgrims", "Indian and Pakistani fans") or a bare
    plural demonym ("Iranians and Iraqis"), with no role of a state or an organised body. Together they are one
    crowd of two nationalities, not two sides, and people named by nationality are not their governments: their
    gathering or meeting is no act between their countries. "Iranian and Iraqi officials met", "Russian and
    Ukrainian soldiers met", "the Iranians and the Americans met" (negotiators named by the article), "the two
    sides met" stay pairs."""
    return len(sources) > 1 and all(_private_national(doc[s.head], s.code) for s in sources)


def _private_national(head: Token, code: str | None) -> bool:
    country, roles = split_code(code)
    if country is None or not set(roles) <= _PRIVATE_ROLES:
        return False
    if head.tag_ == "NNPS":  # "Iranians"; "the Iranians" are mostly a delegation the article has named
        return not any(c.dep_ == "det" for c in head.children)
    return head.pos_ == "NOUN" and any(c.dep_ == "amod" and c.text[:1].isupper() for c in head.children)
