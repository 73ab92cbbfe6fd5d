"""The actor(s) of a noun phrase for the event coder's argument finding (base of ``arguments.ArgumentFinder``):
the phrase coded by the actor coder, a name or role resolved in the article (full names, surnames, kin,
appositions, the body or place its own phrase names). The pieces resolved elsewhere: pronouns
(``pronoun_actors``), repeated nouns and definite descriptions (``repeated_nouns``), compound, distributed and list
actors (``coordinated_actors``); the record found is an ``actor_refs.ActorRef``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from .actor_codes import compose, split_code
from .actor_fallbacks import affiliated_by_its_phrase, capital_as_actor, seated_by_its_phrase
from .actor_refs import ActorRef
from .actors import ActorCoder
from .context import DocContext
from .coordinated_actors import conjunct_actors
from .full_names import FullName, FullNames, by_last_name_only, owner
from .kin import RELATIVE, kin_link, kin_of
from .lexicon import PLACE_PREPS
from .lexicons import words
from .pronoun_actors import pronoun_antecedent, pronoun_chain
from .referents import PRONOUNS, referents_of
from .referring import lone_name, refer_back
from .repeated_nouns import described_before
from .syntax import NOUN_HEAD, phrase_tokens
from .titles import SPOKESMAN, spokesman_code

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..quotes.found import FoundQuote

__all__ = ["ActorRef", "PhraseActors"]  # ActorRef is imported from here by the coder's modules

# a role without a country with a name in apposition that codes one ("the foreign secretary, Jeremy Hunt") is theirs
APPOSITION_OWNER = "actors.apposition-names-whose-role-it-is"


class PhraseActors:
    """Base of ``ArgumentFinder``: actor lookup for the arguments of a trigger (memoised per document)."""

    actors: ActorCoder
    # PETRARCH 2 codes an entry with several codes ("THE_SHIRE [FRO/BIL/SAM]") once per code; UD-PETRARCH keeps
    # the list as one code
    split_codes: bool = True
    ud_petrarch: bool = False  # UD-PETRARCH's conventions (see ``EventCoder``)
    # a document's quotations as the user's quote settings find them, shared with the quotes stage
    # (``quotes.shared.DocQuotes``, set by the events stage); None: the bundled extractor with every rule on
    quotes: Callable[[Doc], Sequence[FoundQuote]] | None = None

    # ---- the public look-ups other parts of the coder use (``nominals.NounArgumentFinder``)

    def _actor(self, head: Token, ctx: DocContext, *, direct: bool) -> ActorRef | None:
        # the same noun phrase is looked at by several triggers: code it once per document (the context belongs
        # to one document, so a token index is key enough); the rules that fired finding it count where it is reused
        # A mention's actor is a function of the document alone, whichever trigger asks for it first: it is kept
        # when found, except when found inside another mention's resolution that met a bound (a chain of pronouns
        # ``_CHAIN_LINKS`` long, or a mention already being resolved: a cycle), where what it found depends on
        # where it was asked from; a mention asked for on its own is kept whatever it met
        key = (head.i, ctx.day)
        found = ctx.memo.get(key)
        if found is not None:
            ref, fired = found
            ctx.replay(fired)
        elif head.i in ctx.resolving:
            ctx.cut = True  # a cycle: the mention is no actor here
            return None
        else:
            mark, cut = len(ctx.trace), ctx.cut
            ctx.cut = False
            ctx.resolving.add(head.i)
            try:
                ref = self._actor_uncached(head, ctx)
            finally:
                ctx.resolving.discard(head.i)
            if not ctx.cut or not ctx.resolving:
                ctx.memo[key] = (ref, tuple(ctx.trace[mark:]))
            ctx.cut = cut or ctx.cut
        if ref is None or ref.direct == direct:
            return ref
        # (made directly: ``dataclasses.replace`` reads the fields' definitions at every call)
        return ActorRef(ref.start, ref.end, ref.head, ref.code, ref.name, direct)

    def _code(self, toks: Sequence[Token], head: Token | None, ctx: DocContext) -> tuple[str | None, str]:
        """``self.actors.code_tokens(toks, ctx.day, head, ctx.fire)``, once per document for each phrase and head:
        coding a phrase reads only the document, its date and the rules switched off, all fixed for the context;
        the rules that fired count again where the code is reused, as for ``_actor``."""
        key = (tuple(t.i for t in toks), head.i if head is not None else -1)
        found = ctx.coded.get(key)
        if found is not None:
            ctx.replay(found[1])
            return found[0]
        mark = len(ctx.trace)
        coded = self.actors.code_tokens(toks, ctx.day, head, ctx.fire)
        ctx.coded[key] = (coded, tuple(ctx.trace[mark:]))
        return coded

    def _actor_uncached(self, head: Token, ctx: DocContext) -> ActorRef | None:
        direct = True
        toks = phrase_tokens(head)
        kin = kin_of(head) if self.actors.iso else None
        relative = self._relative(head, kin, toks, ctx) if kin is not None else None
        if relative is not None:
            return relative[0]
        mark = len(ctx.trace)
        code, name = self._code(toks, head, ctx)
        # an actor the phrase names as its sponsor or opponent ("Iran-backed militia", "pro-Iran protesters") says
        # the phrase's own actor is someone else: the article's country is no default for it
        named_other = any(r in _SET_ASIDE for r in ctx.trace[mark:])
        if code and self.actors.iso and "actors.last-name-of-a-listed-person" in ctx.trace[mark:]:
            code, name = self._surname_guess(head, toks, (code, name), ctx)
        if code is None:
            code, name = self._apposition(head, ctx)
        elif self.actors.iso and head.pos_ in ("NOUN", "PROPN") and split_code(code)[0] is None and split_code(code)[1]:
            code, name = self._apposition(head, ctx, role=(code, name))
        if self.actors.iso and not named_other:
            code, name = self._in_article(head, toks, (code, name), ctx,
                                          guessed="actors.last-name-of-a-listed-person" in ctx.trace[mark:])
        if code is None:
            return None
        if code.startswith("---") and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children) \
                and ctx.fire("actors.role-of-a-pronoun-is-unknown"):
            return None  # "our people", "their forces": a role whose owner is a pronoun is not identified
        return ActorRef(toks[0].i, toks[-1].i + 1, head.i, code, name, direct)

    def _relative(self, head: Token, kin: Token, toks: Sequence[Token],
                  ctx: DocContext) -> tuple[ActorRef | None] | None:
        """A relative of ``kin`` ("the father of Shamima Begum", "the family of a former British soldier"): the
        country of whom it is kin, without their name or role; no country, no actor (``kin.py``). None when the
        relative's own words code it ("the Saudi royal family"): the phrase is coded as any other."""
        away = {t.i for t in kin.subtree} | ({kin.head.i} if kin.dep_ == "pobj" else set())
        own = [t for t in toks if t.i not in away]
        if self._code(own, head, ctx)[0] is not None:
            return None
        ref = self._actor(kin, ctx, direct=False)
        country = split_code(ref.code)[0] if ref is not None else None
        if not ctx.fire(RELATIVE):
            return None
        return (ActorRef(toks[0].i, toks[-1].i + 1, head.i, country, "", True) if country else None,)

    def _kin_cut(self, child: Token, ctx: DocContext) -> bool:
        """The search for an actor inside a phrase does not go into a relative's "of" phrase or possessor: "the
        families of civilians" are not the civilians (``_relative`` codes the relative itself)."""
        return self.actors.iso and kin_link(child) and RELATIVE not in ctx.rules.disabled

    def _apposition(self, head: Token, ctx: DocContext,
                    role: tuple[str, str] | None = None) -> tuple[str | None, str]:
        """The actor a name in apposition codes, for a mention the dictionaries leave uncoded ("Soleimani, leader
        of the Quds force") or, given ``role``, coded as a role without a country ("the foreign secretary, Jeremy
        Hunt": the person named says whose secretary, as the quotation's speaker, coded over the whole phrase,
        already says; the article's country would make him Syria's); else ``role`` or nothing."""
        for c in head.children:
            if c.dep_ != "appos" or (role is not None and not _names_the_same(c)):
                continue
            code, name = self._code(phrase_tokens(c), c, ctx)
            if role is None and code and ctx.fire("actors.apposition-names-the-actor"):
                # "Sara Sendek, a spokesperson for DHS": the spokesperson speaks for DHS, whose code the
                # appositive's own phrase (without its "for" phrase) leaves out
                owner = spokesman_code(c, code, self.actors, ctx)
                return (owner, name) if owner is not None and ctx.fire(SPOKESMAN) else (code, name)
            if role is not None and split_code(code)[0] is not None and ctx.fire(APPOSITION_OWNER):
                return code, name
        return role or (None, "")

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
        coded = self._in_its_phrase(head, coded, ctx)
        if coded[0] is None or split_code(coded[0])[0] is None:
            coded = self._refer_back(head, toks, coded, ctx)
        if lone_name(head, toks):
            coded = self._full_name(head, coded, ctx, guessed=guessed)
        if coded[0] is not None and len(coded[0]) == 3 and capital_as_actor(head, toks, coded[0]) \
                and ctx.fire("actors.capital-stands-for-its-government"):
            coded = (coded[0] + "GOV", coded[1])  # "Ankara is warning Washington": the governments seated there
        return coded

    def _in_its_phrase(self, head: Token, coded: tuple[str | None, str], ctx: DocContext) -> tuple[str | None, str]:
        """The owner the mention's own phrase gives a role the dictionaries leave without one: the body it is from
        or of, the place it is in, the side it is affiliated with (not the actors named elsewhere in the article)."""
        if coded[0] is not None and owner(coded[0]) is None:
            coded = self._member_of_body(head, coded, ctx)
        if coded[0] is not None and split_code(coded[0])[0] is None and split_code(coded[0])[1]:
            coded = self._placed_by_its_phrase(head, coded, ctx)
        if coded[0] is not None and split_code(coded[0])[0] is None and split_code(coded[0])[1]:
            coded = affiliated_by_its_phrase(self, head, coded, ctx)
        if coded[0] is None:
            coded = seated_by_its_phrase(self, head, coded, ctx)
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
            found = self._code(toks, body, ctx)[0]
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

    def _refer_back(self, head: Token, toks: Sequence[Token], coded: tuple[str | None, str],
                    ctx: DocContext) -> tuple[str | None, str]:
        """A mention that does not name its actor in full, resolved to the actor the article named (see
        ``referents.refer_back``, which quotation speakers share)."""
        refs = referents_of(ctx, head.doc, self.actors)
        code = coded[0]
        found = pronoun_antecedent(self, head, code, ctx) or described_before(self, head, coded, ctx)
        if found is not None:
            return found
        coded = refer_back(refs, head, toks, coded, (self.actors, ctx.day, ctx.fire))
        if coded[0] is None and head.lower_ in PRONOUNS and head.dep_ in ("nsubj", "nsubjpass"):
            return pronoun_chain(self, head, ctx) or coded
        return coded

    def named_before(self, doc: Doc, heads: Sequence[int], end: int, ctx: DocContext) -> list[ActorRef]:
        """The actors the phrases headed by ``heads`` (token indexes, in order) before ``end`` name, in order: each
        phrase as the dictionaries code it and as its own words place it (``_in_its_phrase``: "diplomats from the
        Group of Seven"), aside from the trace of the trigger being coded. What a phrase names is the document's
        alone, whichever trigger asked for it first; what an earlier mention was resolved to by referring back in
        turn is not used (that made "the government" depend on which verbs had been coded before it)."""
        out = []
        with ctx.aside():
            for i in heads:
                if i >= end:
                    break
                toks = phrase_tokens(doc[i])
                mark = len(ctx.trace)
                coded = self._code(toks, doc[i], ctx)
                if self.actors.iso and not any(r in _SET_ASIDE for r in ctx.trace[mark:]):
                    coded = self._in_its_phrase(doc[i], coded, ctx)
                if coded[0]:
                    out.append(ActorRef(toks[0].i, toks[-1].i + 1, i, coded[0], coded[1], False))
        return out

    def _actors(self, head: Token, ctx: DocContext, *, direct: bool) -> list[ActorRef]:
        """Actors of a noun phrase and its conjuncts (``coordinated_actors.conjunct_actors``)."""
        return conjunct_actors(self, head, ctx, direct=direct)

    def _deep(self, root: Token, ctx: DocContext, exclude: AbstractSet[int] = frozenset(), *,
              into_clauses: bool = True) -> list[ActorRef]:
        """The first coded noun phrase(s) inside ``root``'s subtree (breadth first), e.g. "ties with Gondor"; with
        ``into_clauses`` False, none inside a clause the phrase holds ("after admitting bribery in Benin")."""
        top = ("relcl", "advcl", "ccomp", "punct") if into_clauses else (*_PHRASE_CLAUSES, "punct")
        below = ("relcl", "punct") if into_clauses else top
        queue = [c for c in root.children if c.dep_ not in top and (into_clauses or not _infinitive_on_noun(c))
                 and not self._kin_cut(c, ctx)]
        while queue:
            tok = queue.pop(0)
            if tok.i in exclude:
                continue
            if tok.pos_ in NOUN_HEAD and tok.dep_ not in ("compound", "amod", "poss", "det"):
                found = self._actors(tok, ctx, direct=False)
                if found:
                    return found
            # a relative's "of" phrase or possessor names someone else ("the families of civilians", kin.py)
            queue.extend(c for c in tok.children
                         if c.dep_ not in below and (into_clauses or not _infinitive_on_noun(c))
                         and not self._kin_cut(c, ctx))
        return []


# clauses a phrase may hold: a relative, content, adverbial or infinitival clause, a gerund after a preposition; and
# an infinitive on a noun ("a campaign to destroy Yukos", ``_infinitive_on_noun``), not a participle, whose by-phrase
# names the noun's supplier or holder ("gas supplied by Turkmenistan")
_PHRASE_CLAUSES = ("relcl", "ccomp", "advcl", "pcomp", "xcomp", "csubj")
_TRYING = words("hedges", "attempt")


def _infinitive_on_noun(tok: Token) -> bool:
    """``tok`` heads a 'to' infinitive on a noun ("plans to let universities charge fees", "in order to ..."), not
    on a noun of trying, whose infinitive is the act under way ("pressed ahead with its attempts to drive the Kurds
    out": lexicons/hedges.tsv attempt)."""
    return tok.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
        and tok.head.lemma_.lower() not in _TRYING


# prepositions that place a role ("present on Afghan soil", "stationed in Syria")
_LOCATIVE = frozenset({*PLACE_PREPS, "on", "from"})
# roles coded by where they operate: armed groups, rebels, radicals, criminals
_PLACED_ROLES = frozenset({"UAF", "REB", "RAD", "CRM"})
_SET_ASIDE = frozenset({"actors.sponsor-is-not-the-actor", "actors.anti-is-not-the-actor"})


def _names_the_same(appos: Token) -> bool:
    """An apposition that names the one its noun describes ("the foreign secretary, Jeremy Hunt"): a proper name,
    not a description ("a think tank in Ankara") nor a part or contrast ("especially Russia", "fighting Isis, not
    Assad": a word between the comma and the name)."""
    before = appos.doc[appos.left_edge.i - 1] if appos.left_edge.i > 0 else appos
    return appos.pos_ == "PROPN" and (before.lower_ == "," or before.i == appos.head.i) \
        and not any(c.dep_ in ("advmod", "neg", "cc", "preconj") for c in appos.children)


# a person named in full with a title but no country is placed by their sentence's one country (``_placed``); a
# switch kept for measuring that choice on a gold (False: such persons stay unplaced)
PLACE_ROLE_ONLY = True
