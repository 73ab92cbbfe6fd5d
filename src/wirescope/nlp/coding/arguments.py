"""Finding the source and target actors of a trigger in a spaCy dependency parse (the argument half of the
event coder, see ``engine``): subjects and their inheritance through clauses, passive agents and instruments,
objects and prepositional phrases, pattern-placed actors, compound and distributed actors, nominal events."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .actor_fallbacks import capital_as_actor
from .actors import ActorCoder, compose, split_code
from .context import DocContext
from .full_names import FullName, FullNames, by_last_name_only, owner
from .lexicon import ACT_NOUNS, EVENT_NOUNS, FORCE_ROOTS, PLACE_PREPS
from .lexicons import codes, words
from .patterns import PatternMatch
from .referents import _WINDOW as PRONOUN_WINDOW
from .referents import PRONOUNS, Referents, lone_name, refer_back, referents_of
from .speech import accused_object
from .syntax import NOUN_HEAD, conjuncts, np_head, phrase_tokens, stray_places

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..quotes.extract import QuoteExtractor
    from ..quotes.found import FoundQuote

SUBJ_DEPS = ("nsubj", "csubj")
_OBJ = ("dobj", "dative", "obj", "attr", "oprd")
_INHERIT = ("xcomp", "conj", "advcl", "pcomp", "acomp")
# Nominal event triggers -> verb lemma whose dictionary entry codes them.
NOMINAL = codes("event_nouns", "nominal")


@dataclass(frozen=True, slots=True)
class ActorRef:
    start: int  # token indexes [start, end)
    end: int
    head: int
    code: str | None
    name: str
    direct: bool = True  # the trigger's own argument (not inherited or found deeper)

    def text(self, doc: Doc) -> str:
        return doc[self.start : self.end].text


class ArgumentFinder:
    """Mixin of ``EventCoder``: actor lookup for the arguments of a trigger (memoised per document)."""

    actors: ActorCoder
    # PETRARCH 2 codes an entry with several codes ("THE_SHIRE [FRO/BIL/SAM]") once per code; UD-PETRARCH keeps
    # the list as one code
    split_codes: bool = True
    ud_petrarch: bool = False  # UD-PETRARCH's conventions (see ``EventCoder``)
    # a document's quotations as the user's quote settings find them, shared with the quotes stage
    # (``quotes.shared.DocQuotes``, set by the events stage); None: the bundled extractor with every rule on
    quotes: Callable[[Doc], Sequence[FoundQuote]] | None = None

    # ---- the public look-ups other parts of the coder use (``nominals.NounArgumentFinder``)

    def phrase_actors(self, head: Token, ctx: DocContext, *, direct: bool) -> list[ActorRef]:
        """The actors of the noun phrase headed by ``head`` and its conjuncts (see ``_actors``)."""
        return self._actors(head, ctx, direct=direct)

    def actors_inside(self, root: Token, ctx: DocContext) -> list[ActorRef]:
        """The first coded noun phrase(s) inside ``root``'s subtree, breadth first ("ties with Gondor")."""
        return self._deep(root, ctx)

    def clause_sources(self, verb: Token, match: PatternMatch, ctx: DocContext) -> list[ActorRef]:
        """The sources of ``verb`` as a trigger coded by ``match``: its clause's subject, inherited, controlled or
        passive agent (see ``_sources``)."""
        return self._sources(verb, match, ctx)

    def _actor(self, head: Token, ctx: DocContext, *, direct: bool) -> ActorRef | None:
        # the same noun phrase is looked at by several triggers: code it once per document (the context belongs
        # to one document, so a token index is key enough); the rules that fired finding it count where it is reused
        key = (head.i, ctx.day)
        if key in ctx.memo:
            ref, fired = ctx.memo[key]
            ctx.replay(fired)
        else:
            mark = len(ctx.trace)
            ref = self._actor_uncached(head, ctx)
            ctx.memo[key] = (ref, tuple(ctx.trace[mark:]))
        return replace(ref, direct=direct) if ref is not None and ref.direct != direct else ref

    def _actor_uncached(self, head: Token, ctx: DocContext) -> ActorRef | None:
        direct = True
        toks = phrase_tokens(head)
        mark = len(ctx.trace)
        code, name = self.actors.code_tokens(toks, ctx.day, head, ctx.fire)
        # an actor the phrase names as its sponsor or opponent ("Iran-backed militia", "pro-Iran protesters") says
        # the phrase's own actor is someone else: the article's country is no default for it
        named_other = any(r in _SET_ASIDE for r in ctx.trace[mark:])
        if code and self.actors.iso and "actors.last-name-of-a-listed-person" in ctx.trace[mark:]:
            code, name = self._surname_guess(head, toks, (code, name), ctx)
        if code is None:
            for c in head.children:  # "Soleimani, leader of the Quds force"
                if c.dep_ == "appos":
                    code, name = self.actors.code_tokens(phrase_tokens(c), ctx.day, c, ctx.fire)
                    if code and ctx.fire("actors.apposition-names-the-actor"):
                        break
                    code, name = None, ""
        if self.actors.iso and not named_other:
            code, name = self._in_article(head, toks, (code, name), ctx,
                                          guessed="actors.last-name-of-a-listed-person" in ctx.trace[mark:])
        if code is None:
            return None
        if code.startswith("---") and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children) \
                and ctx.fire("actors.role-of-a-pronoun-is-unknown"):
            return None  # "our people", "their forces": a role whose owner is a pronoun is not identified
        return ActorRef(toks[0].i, toks[-1].i + 1, head.i, code, name, direct)

    def _surname_guess(self, head: Token, toks: Sequence[Token], coded: tuple[str | None, str],
                       ctx: DocContext) -> tuple[str | None, str]:
        """A lone surname the dictionaries guessed ("Mr Howard" -> John Howard, AUS) is no one they know when the
        article names in full another person of that surname ("Tory leader Michael Howard")."""
        refs = referents_of(ctx, head.doc, self.actors)
        if lone_name(head, toks) and refs.named_otherwise(head) and ctx.fire("actors.surname-refers-back"):
            return None, ""
        return coded

    def _full_name(self, head: Token, coded: tuple[str | None, str], ctx: DocContext, *,
                   guessed: bool = False) -> tuple[str | None, str]:
        """A lone surname is the person the article names in full with it, coded by their entry or by the title
        or apposition that describes them ("Balkhi" after "Afghan foreign ministry spokesperson Abdul Qahar
        Balkhi"), where the dictionaries code it as nobody or as a person of another country (see ``full_names``)."""
        full = self._full_names(head, ctx).person(head)
        if full is None:
            return coded
        code = self._placed(full, head, ctx)
        if owner(code) is None and coded[0] is not None \
                and (guessed or by_last_name_only(list(head.doc[full.start : full.end]), self.actors, ctx.day)):
            # the dictionaries know the surname as someone else ("Chaudhry" -> a Fijian prime minister) and the
            # article's person by that name only by a title ("Lt. Gen. Ahmed Sharif Chaudhry, ... spokesman"):
            # the guess is dropped, as actors.surname-refers-back drops one for an unknown full name
            return (None, "") if ctx.fire("actors.surname-of-a-person-named-in-full") else coded
        if owner(code) in (None, owner(coded[0])):
            return coded
        return (code, full.name) if ctx.fire("actors.surname-of-a-person-named-in-full") else coded

    def _in_article(self, head: Token, toks: Sequence[Token], coded: tuple[str | None, str], ctx: DocContext, *,
                    guessed: bool) -> tuple[str | None, str]:
        """What the article says of a mention the dictionaries leave without an owner or code: the body a role
        belongs to, the actor named earlier, the person named in full (with the bundled dictionaries only)."""
        if coded[0] is not None and owner(coded[0]) is None:
            coded = self._member_of_body(head, coded, ctx)
        if coded[0] is not None and split_code(coded[0])[0] is None and split_code(coded[0])[1]:
            coded = self._placed_by_its_phrase(head, coded, ctx)
        if coded[0] is None or split_code(coded[0])[0] is None:
            coded = self._refer_back(head, toks, coded, ctx)
        if lone_name(head, toks):
            coded = self._full_name(head, coded, ctx, guessed=guessed)
        if coded[0] is not None and len(coded[0]) == 3 and capital_as_actor(head, toks, coded[0]) \
                and ctx.fire("actors.capital-stands-for-its-government"):
            coded = (coded[0] + "GOV", coded[1])  # "Ankara is warning Washington": the governments seated there
        return coded

    def _placed_by_its_phrase(self, head: Token, coded: tuple[str | None, str],
                              ctx: DocContext) -> tuple[str | None, str]:
        """An armed group or criminals without a country whose phrase places them with a participle or adjective
        after it ("militants present on Afghan soil", "fighters based in Libya") are of the one country named there,
        as CAMEO codes non-state armed actors by where they operate, not of the article's country. (A state's
        "troops stationed in Syria" are often foreign: soldiers are left alone.)"""
        if not set(split_code(coded[0])[1]) & _PLACED_ROLES:
            return coded
        countries = {split_code(a.code)[0] for mod in head.children if mod.dep_ in ("amod", "acl") and mod.i > head.i
                     for prep in mod.children if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE
                     for pobj in prep.children if pobj.dep_ == "pobj"
                     for a in self._actors(pobj, ctx, direct=False)} - {None}
        if len(countries) != 1 or not ctx.fire("actors.role-placed-by-its-own-phrase"):
            return coded
        return compose(countries.pop(), [(r, False) for r in split_code(coded[0])[1]]), coded[1]

    def _member_of_body(self, head: Token, coded: tuple[str | None, str], ctx: DocContext) -> tuple[str | None, str]:
        """A role "from" or "of" a body whose name has a preposition of its own ("foreign ministers from the Group
        of Seven", "officials of the Organization of American States"): the noun phrase stops at the body's first
        word, so the role had no owner; the body's whole name gives it."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("from", "of"):
                continue
            body = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
            if body is None or not any(c.dep_ == "prep" for c in body.children):
                continue
            toks = [t for t in body.subtree if t.dep_ not in ("relcl", "acl", "appos", "punct")]
            found = self.actors.code_tokens(toks, ctx.day, body, ctx.fire)[0]
            if owner(found) is not None and ctx.fire("actors.member-of-a-named-body"):
                return compose(found, [(r, False) for r in split_code(coded[0])[1]]), coded[1]
        return coded

    def _full_names(self, head: Token, ctx: DocContext) -> FullNames:
        """The document's persons named in full, built once per document (its context holds them, with its date)."""
        if ctx.full_names is None:
            refs = referents_of(ctx, head.doc, self.actors)
            if refs.full_names is None:  # made once for the document, coder and date, as the referents are
                refs.full_names = FullNames(head.doc, self.actors, ctx.day, refs)
            ctx.full_names = refs.full_names
        names: FullNames = ctx.full_names
        return names

    def _placed(self, full: FullName, head: Token, ctx: DocContext) -> str | None:
        """A full name's code, when it says whose actor the person is. A title alone ("General David Petraeus",
        ---MIL) does not: the article's country is often wrong for it (a US general in a story about Iran)."""
        if owner(full.code) is not None:
            return full.code
        if not PLACE_ROLE_ONLY:
            return None
        refs = referents_of(ctx, head.doc, self.actors)
        country = refs.country_at(head.doc[full.start])
        # the article's country there, only when the sentence introducing the person names it and no other
        # ("Lt. Gen. Ahmed Sharif Chaudhry, director general of the military's media wing, told Pakistan's Dunya
        # News"); "General David Petraeus, ... the commander of US forces in Iraq" in a story on Iran is not Iranian
        named = {split_code(m.code)[0] for m in refs.names
                 if m.sentence == full.sentence and not full.start <= m.start < full.end}
        if len(named) != 1 or (country is not None and named != {country}):
            return None  # (in the article's first sentence with names, the sentence's one country is enough)
        return compose(named.pop(), [(r, False) for r in split_code(full.code)[1]])

    def _pronoun_to_described(self, head: Token, ctx: DocContext) -> tuple[str | None, str] | None:
        """A subject "he"/"she" whose nearest antecedent is a person the article names in full with a description
        or as an organisation's official ("U.N. envoy Geir Pedersen ... He called for"), nearer or more salient
        than any person the referents index knows (it keeps only dictionary-coded persons of a country)."""
        full = self._full_names(head, ctx).person_before(head, PRONOUN_WINDOW)
        if full is None:
            return None
        refs = referents_of(ctx, head.doc, self.actors)
        known = refs.person_before(head)
        if known is not None and (known.subject, known.start) >= (full.subject, full.start):
            return None  # the referents index has it, or someone nearer: ``refer_back`` decides
        code = self._placed(full, head, ctx)
        if owner(code) is None:
            # the nearest person is one whose country the article does not give ("General Stanley McChrystal"):
            # the pronoun is them, not a person named before them
            return (None, "") if ctx.fire("actors.pronoun-refers-to-a-person-named-in-full") else None
        if not ctx.fire("actors.pronoun-refers-to-a-person-named-in-full"):
            return None
        return code, full.name

    def _refer_back(self, head: Token, toks: Sequence[Token], coded: tuple[str | None, str],
                    ctx: DocContext) -> tuple[str | None, str]:
        """A mention that does not name its actor in full, resolved to the actor the article named (see
        ``referents.refer_back``, which quotation speakers share)."""
        refs = referents_of(ctx, head.doc, self.actors)
        code = coded[0]
        quoted = self._quoted_speaker(head, ctx) if code is None and head.lower_ in _FIRST_PERSON else None
        if quoted is not None:
            return quoted
        if code is None and head.lower_ in PRONOUNS and head.dep_ in ("nsubj", "nsubjpass"):
            described = self._pronoun_to_described(head, ctx) or self._antecedent_resolved(head, ctx)
            if described is not None:
                return described
        repeated = self._repeated_noun(head, code, ctx) if code is not None and head.pos_ == "NOUN" else None
        if repeated is not None:
            return repeated
        coded = refer_back(refs, head, toks, coded, (self.actors, ctx.day, ctx.fire))
        if coded[0] is None and head.lower_ in PRONOUNS and head.dep_ in ("nsubj", "nsubjpass"):
            return self._pronoun_chain(head, ctx) or coded
        return coded

    @staticmethod
    def _repeated_noun(head: Token, code: str, ctx: DocContext) -> tuple[str | None, str] | None:
        """A definite description that repeats the head noun of a phrase coded before it is that phrase's actor:
        "the embassy" after "the US embassy in Baghdad" (its country, with the role's own roles), "the court" after
        "the United Nations' highest court" (the organisation's body), "the diplomats said" after "diplomats from
        the G7" (its owner)."""
        roles = [(r, False) for r in split_code(code)[1]]
        if head.tag_ != "NNS":
            same = _same_head_before(head, ctx)
            if same is not None and ctx.fire("actors.role-refers-back"):
                return compose(split_code(same.code)[0], roles), same.name
            body = _same_head_before(head, ctx, bodies=True) if _definite(head) else None
            if body is not None and ctx.fire("actors.definite-body-refers-back"):
                return body.code, body.name
            return None
        same = _same_head_before(head, ctx, bodies=True) if _definite(head) else None
        if same is not None and ctx.fire("actors.plural-role-refers-back"):
            return compose(owner(same.code), roles), same.name
        return None

    def _antecedent_resolved(self, head: Token, ctx: DocContext) -> tuple[str, str] | None:
        """A subject "he"/"she" whose antecedent is a lone surname ("Bennett said ... he said") is whoever that
        mention resolves to as an actor (the person the article names in full with it: "U.N. rapporteur Richard
        Bennett"), not the dictionaries' guess for the bare surname (a New Zealand minister)."""
        known = ctx.referents.person_before(head)
        if known is None or known.end - known.start != 1:
            return None
        ref = self._actor(head.doc[known.head], ctx, direct=False)
        if ref is None or not ref.code or ref.code == known.code \
                or not ctx.fire("actors.pronoun-is-its-antecedent-as-resolved"):
            return None
        return ref.code, ref.name

    def _quoted_speaker(self, head: Token, ctx: DocContext) -> tuple[str, str] | None:
        """"We" or "I" inside a quotation is its speaker's side: "'We categorically reject these allegations,' the
        ministry said", "'I urge the Taliban to reverse their decision,' he said": the speaker the quotation
        extractor attributes it to, resolved as an event's actor is (``_actor``)."""
        if ctx.quotes is None:
            ctx.quotes = self.quotes(head.doc) if self.quotes is not None else _quote_extractor().extract(head.doc)
        pos = head.idx
        quote = next((q for q in ctx.quotes if q.type in _QUOTED and q.speaker_head is not None
                      and any(a <= pos < b for a, b in q.spans)), None)
        if quote is None or quote.speaker_head == head.i:
            return None
        ref = self._actor(head.doc[quote.speaker_head], ctx, direct=False)
        if ref is None or not ref.code or not ctx.fire("actors.we-in-a-quotation-is-the-speaker"):
            return None
        return ref.code, ref.name

    def _pronoun_chain(self, head: Token, ctx: DocContext) -> tuple[str, str] | None:
        """A subject "he"/"she" with no person named in its sentence or the two before continues the chain of
        pronouns before it: it is whoever the previous "he"/"she" subject in that window is ("Moise tweeted ...
        'we condemn ...,' he tweeted. Earlier this week, he was criticized ..."), resolved as that one was."""
        refs: Referents = ctx.referents
        if refs.person_before(head) is not None \
                or self._full_names(head, ctx).person_before(head, PRONOUN_WINDOW) is not None:
            return None  # a person is named near enough: the pronoun is them (or, uncoded, nobody known)
        prev = refs.pronoun_before(head)
        if prev is None or ctx.chain >= _CHAIN_LINKS:
            return None  # (each link is resolved by the one before it: a bound keeps the recursion shallow)
        ctx.chain += 1
        try:
            ref = self._actor(prev, ctx, direct=False)
        finally:
            ctx.chain -= 1
        if ref is None or not ref.code or not ctx.fire("actors.pronoun-continues-its-chain"):
            return None
        return ref.code, ref.name

    def _actors(self, head: Token, ctx: DocContext, *, direct: bool) -> list[ActorRef]:
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
        pair = self._the_two_named(head, ctx, direct=direct) if _the_two(head) else []
        if pair:
            return pair
        heads = conjuncts(head)
        out: list[ActorRef] = []
        shared_prep = next((p for h in reversed(heads) for p in h.children
                            if p.dep_ == "prep" and p.lower_ in ("of", "in", "from")), None)
        modifier_code: str | None = None
        first_mods = [t for t in heads[0].children if t.dep_ in ("amod", "compound") and t.i < heads[0].i]
        if len(heads) > 1 and first_mods:
            modifier_toks = [t for m in first_mods for t in m.subtree]
            modifier_code = self.actors.code_tokens(modifier_toks, ctx.day, None, ctx.fire)[0]
        places = stray_places(heads, shared_prep)
        if places is not None and not ctx.fire("actors.stray-place-repair"):
            places = None
        if places is not None:  # "lawmakers in Arnor and Gondor" parsed as "[lawmakers in Arnor] and [Gondor]"
            heads = [h for h in heads if h not in places]
        for h in heads:
            refs = self._distributed(h, shared_prep if len(heads) > 1 or places else None, ctx, direct, places)
            for ref in refs:
                if modifier_code and ref.code and ref.code.startswith("---") and not modifier_code.startswith("---") \
                        and ctx.fire("actors.shared-modifier"):  # "the Danish media and government"
                    ref = replace(ref, code=compose(modifier_code, [(ref.code[3:], False)]))
                out.extend(_split_codes(ref) if self.split_codes else [ref])
        return out

    def _the_two_named(self, head: Token, ctx: DocContext, *, direct: bool) -> list[ActorRef]:
        """"The two presidents", "the two countries", "both leaders" without a country of their own: the latest
        two actors of different countries named before them (in their sentence or the two before), holders of the
        noun's role when two such are named ("Russian President Vladimir Putin is courting Erdogan ... The two
        presidents are cooperating": RUS and TUR)."""
        toks = phrase_tokens(head)
        code = self.actors.code_tokens(toks, ctx.day, head, ctx.fire)[0]
        if code is not None and split_code(code)[0] is not None:
            return []  # "the two Korean leaders" name their country
        refs = referents_of(ctx, head.doc, self.actors)
        roles = split_code(code)[1] if code else ()
        named = refs.two_before(head, roles)
        if len(named) < 2 or not ctx.fire("actors.the-two-are-the-last-two-named"):
            return []
        # the mention's span, with the head of the name each stands for: two parties in one span, each its own
        return [ActorRef(toks[0].i, toks[-1].i + 1, m.head,
                         compose(split_code(m.code)[0], [(r, False) for r in roles]) if roles else m.code, m.name,
                         direct) for m in named]

    def _distributed(self, h: Token, shared_prep: Token | None, ctx: DocContext, direct: bool,
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
                    code, name = self.actors.code_tokens(toks, ctx.day, h, ctx.fire)
                    if code:
                        refs.append(ActorRef(toks[0].i, toks[-1].i + 1, h.i, code, name, direct))
                if len({r.code for r in refs}) > 1 and ctx.fire("actors.coordinated-modifiers"):
                    return refs
                own = self._actor(h, ctx, direct=direct)
                if own is not None and h.pos_ == "PROPN" and mod.pos_ in ("PROPN", "NOUN") \
                        and ctx.fire("actors.misparsed-list-of-names"):  # a name may be mistagged
                    # a misparsed list "Arnor, Calenardhon and Gondor" (the first names hang on the last): each
                    # named conjunct is an actor of its own
                    alone = [self._actor(c, ctx, direct=direct) for c in conjuncts(mod)]
                    return [own, *(a for a in alone if a is not None and a.code != own.code)]
            a = self._actor(h, ctx, direct=direct)
            return [a] if a is not None else []
        head_toks = [t for t in phrase_tokens(h) if not (prep.left_edge.i <= t.i <= prep.right_edge.i)]
        out = []
        for c in places or conjuncts(pobj):
            toks = sorted([*head_toks, prep, *phrase_tokens(c)], key=lambda t: t.i)
            code, name = self.actors.code_tokens(toks, ctx.day, h, ctx.fire)
            if code:
                out.append(ActorRef(min(t.i for t in toks), max(t.i for t in toks) + 1, h.i, code, name, direct))
        # one actor per place only when the places give one country each: "passengers of Punjabi and Saraiki
        # ethnicity", "fighters of the group and its allies" are one group, not one event each
        countries = [split_code(r.code)[0] for r in out]
        if len(set(countries)) < len(countries) \
                or not ctx.fire("actors.role-distributed-over-places"):  # "lawmakers in Arnor and Gondor"
            a = self._actor(h, ctx, direct=direct)
            return [a] if a is not None else []
        return out

    def _deep(self, root: Token, ctx: DocContext, exclude: AbstractSet[int] = frozenset()) -> list[ActorRef]:
        """The first coded noun phrase(s) inside ``root``'s subtree (breadth first), e.g. "ties with Gondor"."""
        queue = [c for c in root.children if c.dep_ not in ("relcl", "advcl", "ccomp", "punct")]
        while queue:
            tok = queue.pop(0)
            if tok.i in exclude:
                continue
            if tok.pos_ in NOUN_HEAD and tok.dep_ not in ("compound", "amod", "poss", "det"):
                found = self._actors(tok, ctx, direct=False)
                if found:
                    return found
            queue.extend(c for c in tok.children if c.dep_ not in ("relcl", "punct"))
        return []

    def _sources(self, verb: Token, match: PatternMatch, ctx: DocContext) -> list[ActorRef]:
        if match.source_after is not None:
            found = self._after(verb, match.source_after, ctx)
            if found and ctx.fire("source.placed-by-the-pattern"):
                return found
        tok = self._source_clause(verb, match, ctx)
        direct = tok.i == verb.i
        came_from = ""  # the relation of the clause the search came up from
        for _ in range(4):
            subj = [c for c in tok.children if c.dep_ in SUBJ_DEPS]
            if subj and subj[0].lower_ in _PRONOUNS and tok.dep_ in ("ccomp", "xcomp", "advcl", "conj") \
                    and ctx.fire("source.pronoun-stands-for-the-governing-subject"):
                tok = tok.head  # "Ethiopia indicated it would act": the pronoun stands for the governing subject
                direct = False
                continue
            if subj:
                return self._subject_sources(subj, tok, match, ctx, direct)
            passive = self._subjectless(verb, tok, match, ctx, (direct, came_from))
            if passive is not None:
                return passive
            controller = gerund_controller(tok) if ctx.matched("source.by-gerund-inherits-the-subject", tok) else None
            if controller == "subject" and ctx.fire("source.by-gerund-inherits-the-subject"):
                tok = tok.head.head  # "responded by threatening ..."
                came_from = "pcomp"
                direct = False
                continue
            controlled = self._controller(tok, ctx, gerund=controller == "object")
            if controlled is not None:
                return controlled
            if tok.dep_ in _INHERIT and tok.head.i != tok.i and ctx.fire("source.inherited-from-the-governing-clause"):
                came_from = tok.dep_
                tok = tok.head
                direct = False
                continue
            break
        return []

    @staticmethod
    def _source_clause(verb: Token, match: PatternMatch, ctx: DocContext) -> Token:
        """The clause whose subject is the source: the verb's own, or the governing clause's when a "+" before the
        verb makes the verb's subject the target ("Falastur noted that Cirith Ungol regretted ..." with
        "NOTED + * [115]")."""
        if match.target_after is not None and match.target_after < verb.i and verb.dep_ in (*_INHERIT, "ccomp"):
            subj = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
            if subj and subj[0].i > match.target_after and ctx.fire("source.governing-subject-when-plus-before-verb"):
                return verb.head
        return verb

    def _subject_sources(self, subj: Sequence[Token], tok: Token, match: PatternMatch, ctx: DocContext,
                         direct: bool) -> list[ActorRef]:
        """Sources from the clause's subject. A misparse can give two subjects ("Old foes Gondor and Osgiliath"):
        the first coded one."""
        # the place of an act of force stands for its unknown perpetrators ("a roadside bombing near Samarra
        # killed ...": IRQ, as CAMEO coders do); the place of talks or a vote is no party to them
        placed = match.code[:2] not in FORCE_ROOTS
        if subj[0].lemma_.lower() in _NATURAL_FORCES and ctx.fire("source.natural-force-is-no-actor"):
            # "an earthquake on Java killed eight", "floods destroyed homes": nobody did it; the place in the
            # phrase is where it struck, not a perpetrator, and with no actor the act is not coded
            return []
        if _accidental(subj[0]) and ctx.fire("source.accident-is-no-actor"):
            return []  # "a boiler explosion injured 30 workers", "a fire at a hospital in Baghdad killed 82"
        for s in subj:
            if placed and s.lemma_.lower() in _EVENT_HEADS and ctx.fire("source.event-subject-is-not-its-place"):
                found = self._event_subject(s, ctx)
            else:
                found = self._actors(s, ctx, direct=direct)
            if found:
                return found
        owned = self._owned_role(subj[0], tok, ctx)
        return [owned] if owned is not None else self._deep_subject(subj[0], ctx, skip_places=placed)

    def _subjectless(self, verb: Token, tok: Token, match: PatternMatch, ctx: DocContext,
                     how: tuple[bool, str]) -> list[ActorRef] | None:
        """Sources of a clause without an active subject (passives, participles, relative clauses), or None to
        look further up."""
        direct, came_from = how
        passive_agent = [c for c in tok.children if c.dep_ == "agent"]
        patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        # "X has been indicted by Y and will resign", "X was forced by Y to quit": a verb coordinated with a
        # passive or controlled by it shares its grammatical subject, the patient, not the agent; a bare participle
        # coordinated with it ("journalists were blocked or harassed", "were released and taken to ...") is the
        # same passive, whose subject undergoes it and whose agent, if any, does it
        passive_conjunct = came_from == "conj" and bare_participle(verb, tok)
        shares_subject = came_from in ("conj", "xcomp") and not passive_conjunct
        if passive_agent and not (patient is not None and shares_subject
                                  and ctx.fire("source.coordinated-passive-shares-its-patient")):
            return self._deep(passive_agent[0], ctx)
        if patient is not None:
            # "Gollum was seen to break ...": the passive subject does the embedded action;
            # "troops are deployed": the passive subject mobilises
            if (not direct or match.code[:2] == "15") and not passive_conjunct \
                    and ctx.fire("source.passive-subject-acts"):
                return self._actors(patient, ctx, direct=False)
            return self._instrument(tok, ctx) or self._passive_prep(tok, ctx)
        if ctx.matched("source.passive-infinitive-keeps-its-governor-out", tok) \
                and ctx.fire("source.passive-infinitive-keeps-its-governor-out"):
            # "X called on Y to be allowed to leave": whoever governs a passive infinitive is its patient,
            # not the one who allows; without a "by" agent or an instrument the doer is unknown
            return self._instrument(tok, ctx)
        if tok.i == verb.i and reduced_passive(tok) and ctx.fire("source.participle-noun-is-the-patient"):
            # "a soldier arrested in Turkey", "militants killed in the strike": the noun is the patient (a clause
            # climbed into is taken as active: "youths resorted to throwing stones" is often parsed so)
            return self._instrument(tok, ctx)
        if ctx.matched("source.noun-of-a-relative-clause", tok) and ctx.fire("source.noun-of-a-relative-clause"):
            return self._actors(tok.head, ctx, direct=False)
        return None

    def _controller(self, tok: Token, ctx: DocContext, *, gerund: bool = False) -> list[ActorRef] | None:
        """Object control: in "urged Eriador to respond" the one who responds is the object; so is the one who
        does what a gerund after the verb's preposition names ("accused Eriador of aiding", ``gerund``)."""
        if gerund and ctx.fire("source.object-control"):
            obj = next(c for c in tok.head.head.children if c.dep_ in ("dobj", "obj"))
            return self._actors(obj, ctx, direct=False)
        if ctx.matched("source.object-control", tok) and ctx.fire("source.object-control"):
            obj = next(c for c in tok.head.children if c.dep_ in ("dobj", "obj"))
            return self._actors(obj, ctx, direct=False)
        return None

    def _passive_prep(self, verb: Token, ctx: DocContext) -> list[ActorRef]:
        """UD-PETRARCH's convention for a passive without a "by" agent: the actor of a prepositional phrase of the
        verb is the source ("was criticized over its dispute with Eriador", "was shot dead in Osgiliath")."""
        if not self.ud_petrarch:
            return []
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ != "by":
                found = self._deep(prep, ctx)
                if found and ctx.fire("source.ud-passive-prepositional-actor"):
                    return found
        return []

    def _owned_role(self, subj: Token, verb: Token, ctx: DocContext) -> ActorRef | None:
        """"Iran said its forces would respond": a role owned by a pronoun belongs to the subject of the clause that
        embeds this one, when that subject is a coded country (IRN + MIL)."""
        if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in subj.children):
            return None
        gov = verb
        while gov.dep_ in ("ccomp", "xcomp", "conj", "advcl") and gov.head.i != gov.i:
            gov = gov.head
            owner = next((c for c in gov.children if c.dep_ in SUBJ_DEPS), None)
            if owner is None:
                continue
            refs = self._actors(owner, ctx, direct=False)
            country = split_code(refs[0].code)[0] if refs else None
            if country is None:
                return None
            toks = phrase_tokens(subj)
            role = self.actors.code_tokens(toks, ctx.day, subj, ctx.fire)[0]
            if not role or not role.startswith("---") or not ctx.fire("source.role-owned-by-a-pronoun"):
                return None
            return ActorRef(toks[0].i, toks[-1].i + 1, subj.i, country + role[3:], refs[0].name, False)
        return None

    def _deep_subject(self, subj: Token, ctx: DocContext, *, skip_places: bool = False) -> list[ActorRef]:
        """An uncoded subject such as "a US drone strike" or "the ambassadors of Arnor": an actor inside it (with
        ``skip_places``, not the place of an event: "talks in Geneva")."""
        places = {t.i for p in subj.subtree if skip_places and _place_of_event(p) for t in p.subtree}
        if places and not ctx.fire("source.place-of-an-event-is-no-party"):
            places = set()
        return [replace(a, direct=False) for a in self._deep(subj, ctx, places)]

    def _event_subject(self, head: Token, ctx: DocContext) -> list[ActorRef]:
        """An event as the subject ("talks in Geneva collapsed", "US airstrikes killed ..."): its actor is named by
        a modifier or possessor, not by the place where it happens."""
        toks = [t for t in phrase_tokens(head) if not _in_place_of_event(t, head)] or [head]
        code, name = self.actors.code_tokens(toks, ctx.day, head, ctx.fire)
        return [ActorRef(toks[0].i, toks[-1].i + 1, head.i, code, name, False)] if code else []

    def _instrument(self, verb: Token, ctx: DocContext) -> list[ActorRef]:
        """Passive without "by": "was killed in a US drone strike" -> the actor in the instrument phrase; "was also
        killed in the attack" -> whoever carried out the attack the article reported before (``attackers``)."""
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "by", "during", "after"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in _INSTRUMENTS:
                        found = self._actors(pobj, ctx, direct=False)
                        if found and ctx.fire("source.actor-of-the-instrument"):
                            return found
                        if ctx.attackers and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in pobj.children) \
                                and ctx.fire("source.the-attack-refers-to-the-last-attacker"):
                            # a definite "the attack" without an actor refers back to the last one reported
                            return [replace(a, direct=False) for a in ctx.attackers]
        return []

    def _after(self, verb: Token, after: int, ctx: DocContext) -> list[ActorRef]:
        """The first actor whose phrase starts after token ``after`` in the verb's clause."""
        seen: set[int] = set()
        for tok in ctx.clause(verb):
            if tok.i > after and tok.pos_ in NOUN_HEAD:
                head = np_head(tok)
                if head.i in seen or head.i <= after:
                    continue
                seen.add(head.i)
                found = self._actors(head, ctx, direct=False)
                if found:
                    return found
        return []

    def _targets(self, verb: Token, match: PatternMatch, ctx: DocContext,
                 sources: Sequence[ActorRef]) -> list[ActorRef]:
        """The first target the finders of ``_TARGET_FINDERS`` give, in their order."""
        objs = [c for c in verb.children if c.dep_ in _OBJ or (c.dep_ == "nsubjpass" and match.code[:2] != "15")]
        lemma = verb.lemma_.lower()
        # "discussed Idlib", "debated the sanctions on Iran": what is talked about is no counterpart
        topic = match.pattern is None and lemma in _TOPIC_VERBS and ctx.fire("target.topic-is-no-party")
        if topic:
            objs = []
        # "left Baghdad airport" coded as a consultation (the Phoenix default of travel verbs): the place left is
        # not met; a destination is ("left for X")
        departure = match.pattern is None and lemma in _DEPARTURE_VERBS and match.code[:2] == "04" \
            and ctx.fire("target.place-left-is-not-met")
        if departure:
            objs = [c for c in objs if c.dep_ not in ("dobj", "obj")]
        countries = frozenset(c for s in sources if (c := split_code(s.code)[0]) is not None)
        view = _TargetView(verb, match, frozenset(s.head for s in sources), tuple(objs), topic, departure, countries,
                           tuple(sources))
        for finder in _TARGET_FINDERS:
            found = finder(self, view, ctx)
            if found is not None and found[1] == () and ctx.fire(found[0]):
                return []  # an empty tuple: the finder rules out every later one ("accused ... of": its content)
            if found is not None and found[1] and ctx.fire(found[0]):
                return list(found[1])
        return []

    def _pattern_target(self, v: _TargetView, ctx: DocContext) -> _Found:
        if v.match.target_after is None:
            return None
        return "target.placed-by-the-pattern", self._after(v.verb, v.match.target_after, ctx)

    def _participle_noun(self, v: _TargetView, ctx: DocContext) -> _Found:
        if not reduced_passive(v.verb):  # "a British worker killed fighting the group": the noun is the patient
            return None
        return "target.noun-of-a-participle", self._actors(v.verb.head, ctx, direct=False)

    def _subject_target(self, v: _TargetView, ctx: DocContext) -> _Found:
        match, pat = v.match, v.match.pattern
        if match.source_after is None or pat is None or not (
                match.target_subject or ("$" in pat.post and "+" not in (*pat.pre, *pat.post))):
            return None
        # "+ * MONEY $" (the "+" before everything marks the subject) or "* TABASKI ^ $" (no "+"): the pattern
        # puts the source after the verb, so the subject (own or inherited) that would have been the source
        # is the target
        subject = self._sources(v.verb, replace(match, source_after=None), ctx)
        return "target.subject-when-the-pattern-places-the-source", [a for a in subject if a.head not in v.src_heads]

    def _named_object(self, v: _TargetView, ctx: DocContext) -> _Found:
        # a named direct object is the target ("blamed Israel for the bombing")
        return "target.named-object", [a for obj in v.objs if obj.pos_ == "PROPN"
                                       for a in self._actors(obj, ctx, direct=True)]

    def _counterpart(self, v: _TargetView, ctx: DocContext) -> _Found:
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
        found = [ref for (i, _), (ref, _) in ctx.memo.items() if first <= i < head.i and ref is not None and ref.code
                 and split_code(ref.code)[0] not in (None, *v.src_countries)]
        if not found:
            return None
        last = max(found, key=lambda r: r.head)
        return "target.counterpart-is-the-other-party", [replace(last, direct=False)]

    def _after_pattern(self, v: _TargetView, ctx: DocContext) -> _Found:
        match = v.match
        if match.pattern is None or not match.pattern.post or match.last_token is None:
            return None
        # the target follows what the pattern matched: "condemned an attack by X", "vowed to wage war on X"
        return "target.after-the-pattern", [a for a in self._after(v.verb, match.last_token, ctx)
                                            if a.head not in v.src_heads]

    def _doer_of_condemned_act(self, v: _TargetView, ctx: DocContext) -> _Found:
        for obj in v.objs:  # "condemned the attack by X": a reaction to an act targets whoever did it
            if obj.lemma_.lower() in NOMINAL:
                for prep in obj.children:
                    if prep.dep_ == "prep" and prep.lower_ == "by":
                        found = self._deep(prep, ctx, v.src_heads)
                        if found:
                            return "target.doer-of-the-act-reacted-to", found
        return None

    def _object(self, v: _TargetView, ctx: DocContext) -> _Found:
        for obj in v.objs:
            found = self._actors(obj, ctx, direct=True)
            if found:
                return "target.object", found
        for obj in v.objs:
            found = self._deep(obj, ctx, v.src_heads)
            if found:  # PETRARCH's convention: "criticized the closure of guest houses in Bree" targets Bree
                return "target.actor-inside-the-object", found
        return None

    def _phrase_or_complement(self, v: _TargetView, ctx: DocContext) -> _Found:
        verb = v.verb
        for c in verb.children:
            # a complex preposition ("close to X", "next to X", "away from X") is an adverb heading the phrase
            complex_prep = c.dep_ == "advmod" and any(g.dep_ == "prep" for g in c.children)
            if (v.departure and c.lower_ == "with") or (v.topic and c.lower_ != "with"):
                continue  # "left ... with an escort": a companion; "discussed it in/on/over ...": a topic
            if (c.dep_ == "prep" and c.lower_ not in ("by",)) or c.dep_ in ("prt",) or complex_prep:
                found = self._deep(c, ctx, v.src_heads)
                if found and self._only_a_place(verb, c, found, v.match) \
                        and ctx.fire("target.place-only-for-place-acts"):
                    continue  # "said in Ankara", "met at a jail in Gaziantep": where it happened, not to whom
                if found:
                    return "target.prepositional-phrase", found
            if c.dep_ in ("ccomp", "xcomp") and not (c.dep_ == "ccomp" and verb.lemma_.lower() in SPEECH_VERBS):
                # "believes Gondor can cope" targets Gondor; "said Gondor would cope" does not
                subj = [s for s in c.children if s.dep_ in (*SUBJ_DEPS, "nsubjpass")]
                found = self._actors(subj[0], ctx, direct=False) if subj else []
                if found:
                    return "target.subject-of-a-complement", found
        return None

    def _asked_to_act(self, v: _TargetView, ctx: DocContext) -> _Found:
        """"called for Iran to free them", "pushed for the Taliban to lift the ban": an appeal or demand for an act
        by someone (the subject of the "for ... to" clause, which the parse hangs on the verb as an adverbial
        clause) is addressed to whoever is asked to act, as "urged Iran to free them" is."""
        if v.match.code.lstrip(":")[:2] not in _ASKING_ROOTS:
            return None
        for c in v.verb.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children) \
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.lower_ not in _PRONOUNS]
                found = self._actors(subj[0], ctx, direct=False) if subj else []
                found = [a for a in found if a.head not in v.src_heads]
                if found:
                    return "target.one-asked-to-act", found
        return None

    def _each_other(self, v: _TargetView, ctx: DocContext) -> _Found:
        """A symmetric verb ("cooperate", "clash", "negotiate") with sources of two or more countries and no
        partner named: each acts with the others ("The two presidents are closely cooperating in Syria", "Russia and
        Turkey are cooperating": RUS <-> TUR)."""
        if len(v.src_countries) < 2 or v.verb.lemma_.lower() not in _SYMMETRIC_VERBS \
                or any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in v.verb.children):
            return None  # "cooperated with Iran": the partner is named
        # as a compound subject's reciprocal events are: each source is the others' target ("_pairs" skips itself)
        return "target.symmetric-verb-pairs-its-subjects", list(v.sources)

    def _purpose_object(self, v: _TargetView, ctx: DocContext) -> _Found:
        for c in v.verb.children:
            # a "to" purpose clause belongs to the verb phrase (as in UD-PETRARCH): "signed an accord to supply
            # Gondor with wheat" targets Gondor
            if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) \
                    and c.lemma_.lower() not in _TOPIC_VERBS:  # "met to discuss Idlib": Idlib is a topic
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
        if prep.lower_ not in PLACE_PREPS or match.code[:2] in _PLACE_TARGET_ROOTS or verb.lemma_.lower() in _ARRIVAL:
            return False
        doc = verb.doc
        for ref in found:
            tok = doc[ref.head]
            while tok.i != prep.i and tok.head.i != tok.i:
                if tok.dep_ == "prep" and tok.lower_ not in PLACE_PREPS:
                    return False
                tok = tok.head
        return True


SPEECH_VERBS = words("verb_classes", "speech")
# verbs of leaving a place or body
_DEPARTURE_VERBS = words("verb_classes", "departure")
_PRONOUNS = words("function_words", "pronoun")
# prepositions of a verb's argument, after which a gerund is done by the verb's object ("accused X of aiding")
_OBJECT_PREPS = words("function_words", "object-preposition")
_DEFINITE = words("function_words", "definite")
_PLACE_NOUNS = words("place_words", "place-noun")
# nouns of events and their instruments, whose place is not their actor
_EVENT_HEADS = frozenset({*NOMINAL, *EVENT_NOUNS, *ACT_NOUNS, *words("event_nouns", "event-head")})
# verbs whose object is a topic ("discuss Idlib"); the counterpart comes with "with"
_TOPIC_VERBS = words("verb_classes", "topic")
_ARRIVAL = words("verb_classes", "arrival")
# verbs whose plural subject acts with each other when no partner is named ("X and Y cooperate")
_SYMMETRIC_VERBS = words("verb_classes", "symmetric")
# roots whose act is done to a place and its people, which then stand for the country: concessions ("eased
# emergency measures in X"), protests ("rioted at a jail in X"), sanctions, force, deployment, coercion
_PLACE_TARGET_ROOTS = frozenset({"08", "14", "15", "16", "17", "18", "19", "20"})
_RELATIVE = words("function_words", "relative")
_INSTRUMENTS = words("event_nouns", "instrument")
_NATURAL_FORCES = words("natural_forces", "natural-force")
_ACCIDENT_NOUNS = words("natural_forces", "accident-noun")
_ACCIDENT_SOURCES = words("natural_forces", "accident-source")
_COUNTERPARTS = frozenset({"counterpart"})
# prepositions that place a role ("present on Afghan soil", "stationed in Syria")
_LOCATIVE = frozenset({*PLACE_PREPS, "on", "from"})
# roles coded by where they operate: armed groups, rebels, radicals, criminals
_PLACED_ROLES = frozenset({"UAF", "REB", "RAD", "CRM"})
# pronouns of a chain resolved back through at most (sentences coded in order have memoised the earlier ones)
_CHAIN_LINKS = 8
# first-person pronouns: inside a quotation, the speaker's side
_FIRST_PERSON = frozenset({"i", "me", "we", "us"})
# quotations whose words are the speaker's own, in quotation marks
_QUOTED = frozenset({"direct", "mixed", "floating"})
_POSSESSIVES = frozenset({"his", "her", "their"})


_SET_ASIDE = frozenset({"actors.sponsor-is-not-the-actor", "actors.anti-is-not-the-actor"})


def _same_head_before(head: Token, ctx: DocContext, *, bodies: bool = False) -> ActorRef | None:
    """The latest phrase coded before ``head`` in the document with the same head noun and a country (or, with
    ``bodies``, any owner: an organisation too): a definite description repeats the noun of its antecedent ("the
    US embassy in Baghdad" ... "the embassy")."""
    found = [ref for (i, _), (ref, _) in ctx.memo.items() if i < head.i and ref is not None and ref.code
             and head.doc[i].lemma_ == head.lemma_
             and (owner(ref.code) if bodies else split_code(ref.code)[0]) is not None]
    return max(found, key=lambda r: r.head) if found else None


def _definite(head: Token) -> bool:
    """A definite plural with nothing else to tell whose it is: "the diplomats", "the ministers" (not "the two
    presidents", "the Iranian diplomats")."""
    dets = [c for c in head.children if c.dep_ in ("det", "poss", "nummod", "amod", "compound")]
    return len(dets) == 1 and dets[0].lower_ == "the"


def _split_codes(ref: ActorRef) -> list[ActorRef]:
    """An actor entry with several codes ("THE_SHIRE [FRO/BIL/SAM]") stands for each of them: one ref per code."""
    if not ref.code or "/" not in ref.code:
        return [ref]
    return [replace(ref, code=c) for c in dict.fromkeys(ref.code.split("/")) if c]


def reduced_passive(verb: Token) -> bool:
    """A past participle modifying a noun ("a soldier arrested in Turkey"): the noun undergoes the act. Not when
    the participle has an object or is coordinated with a past tense ("groups donated and delivered goods": a
    misparsed active verb)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in NOUN_HEAD and not any(
        c.dep_ in ("dobj", "obj") or (c.dep_ == "conj" and c.tag_ == "VBD") for c in verb.children)


def bare_participle(verb: Token, passive: Token) -> bool:
    """``verb`` is a past participle coordinated with the passive ``passive`` with no auxiliary, subject or
    object of its own: the same passive ("were blocked or harassed"), not an active verb sharing the passive's
    subject ("was arrested and has resigned", "were deployed and opened fire")."""
    return verb.tag_ == "VBN" and verb.dep_ == "conj" and verb.head.i == passive.i and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj", "obj") for c in verb.children)


def gerund_controller(gerund: Token) -> str | None:
    """Who does what a gerund after a preposition of a verb names (English control): the verb's "subject" for an
    adverbial phrase ("responded by threatening", "cooperate despite backing rival sides"), the verb's "object" for
    a preposition of the verb's argument when the verb has an object ("accused Turkey of provoking", "barred girls
    from attending", "charged him with smuggling"), or None: a passive gerund's subject undergoes it ("thanked his
    supporters after being freed"), and a gerund that is a passive's "by" agent names the doer's act, not an act of
    the passive's subject ("were displaced by fighting between the army and rebels")."""
    prep, verb = gerund.head, gerund.head.head
    if any(c.dep_ == "auxpass" for c in gerund.children):
        return None
    if prep.lower_ == "by" and (prep.dep_ == "agent" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)):
        return None
    if prep.lower_ in _OBJECT_PREPS and any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return "object"
    return "subject"


_EXTRACTORS = threading.local()


def _quote_extractor() -> QuoteExtractor:
    """The quotation extractor with the bundled cue lexicon and every rule on, one per thread: ``extract`` keeps its
    trace on the extractor, and the API server and ``serve --watch`` code articles in several threads."""
    extractor: QuoteExtractor | None = getattr(_EXTRACTORS, "extractor", None)
    if extractor is None:
        from ..quotes.extract import QuoteExtractor

        extractor = _EXTRACTORS.extractor = QuoteExtractor()
    return extractor


def _the_two(head: Token) -> bool:
    """A plural noun that counts two parties the reader knows: "the two presidents", "both countries" (not "two
    soldiers", an indefinite count, nor "the two Iranian diplomats", named by a modifier)."""
    if head.tag_ != "NNS" or any(c.dep_ in ("amod", "compound", "poss", "prep") for c in head.children):
        return False
    kids = {c.lower_: c.dep_ for c in head.children}
    return kids.get("both") in ("det", "predet", "preconj") \
        or (kids.get("the") == "det" and kids.get("two") == "nummod")


def _place_of_event(tok: Token) -> bool:
    """``tok`` opens the place phrase of an event noun: "talks in Geneva", "a bombing at a market in X" (not "a
    hunger strike in protest of X")."""
    if tok.dep_ != "prep" or tok.lower_ not in PLACE_PREPS or tok.head.lemma_.lower() not in _EVENT_HEADS:
        return False
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    return pobj is not None and (pobj.pos_ == "PROPN" or pobj.lemma_.lower() in _PLACE_NOUNS)


def _in_place_of_event(tok: Token, head: Token) -> bool:
    """``tok`` belongs to the place phrase of the event noun ``head``."""
    while tok.i != head.i and tok.head.i != tok.i:
        if _place_of_event(tok):
            return True
        tok = tok.head
    return False


@dataclass(frozen=True, slots=True)
class _TargetView:
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
_Found = tuple[str, list[ActorRef] | tuple[()]] | None  # () rules out the later finders (``_targets``)
# The target finders in the order they are tried: the first that finds an actor (and whose rule is on) decides.
_TARGET_FINDERS: tuple[Callable[[ArgumentFinder, _TargetView, DocContext], _Found], ...] = (
    ArgumentFinder._pattern_target, ArgumentFinder._participle_noun, ArgumentFinder._subject_target,
    ArgumentFinder._named_object, accused_object, ArgumentFinder._counterpart, ArgumentFinder._after_pattern,
    ArgumentFinder._doer_of_condemned_act,
    ArgumentFinder._object, ArgumentFinder._each_other, ArgumentFinder._phrase_or_complement,
    ArgumentFinder._asked_to_act, ArgumentFinder._purpose_object,
)
# a person named in full with a title but no country is placed by their sentence's one country (``_placed``); a
# switch kept for measuring that choice on a gold (False: such persons stay unplaced)
PLACE_ROLE_ONLY = True
# roots of appeals (02) and demands (10), whose "for X to act" names the one asked
_ASKING_ROOTS = frozenset({"02", "10"})


def _pronoun_owned(head: Token) -> bool:
    """"his counterpart", "her counterparts": owned by a possessive pronoun and modified by nothing else that
    could name its country ("his Iranian counterpart" is coded from its modifier)."""
    return any(c.dep_ == "poss" and c.lower_ in _POSSESSIVES for c in head.children) \
        and not any(c.dep_ in ("amod", "compound", "nmod") for c in head.children)


def _accidental(head: Token) -> bool:
    """An accident noun that names an accident, not an attack: with an accident source among its modifiers or the
    facility where it happened ("a boiler explosion", "a blast at a chemical plant"), or "a fire" with no modifier
    at all ("Israeli fire", "fire from tanks" is gunfire; "a bomb blast in Kabul" keeps its place)."""
    lemma = head.lemma_.lower()
    if lemma not in _ACCIDENT_NOUNS:
        return False
    places = [p for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("at", "in", "inside")
              for p in prep.children if p.dep_ == "pobj"]
    mods = [c for h in (head, *places) for c in h.children if c.dep_ in ("compound", "amod")]
    if any(t.lemma_.lower() in _ACCIDENT_SOURCES for t in (*mods, *places)):
        return True
    return lemma == "fire" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children) \
        and not any(c.dep_ in ("amod", "compound", "poss", "nmod", "nummod") for c in head.children)
