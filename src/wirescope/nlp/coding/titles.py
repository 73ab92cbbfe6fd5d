"""A person's office from the title the article gives them, when the article has no date (issue 17, roles).

The actor dictionaries give a person dated codes ("TONY BLAIR": GBRGOV from 1997 to 2007, else GBRELI); without an
article date the coder can only take the entry's undated code (an elite, ELI) or the last one listed ("JACK STRAW":
GBRGOVJUD, his post of 2007-08). An article without a date still says which office the person holds: "Prime
Minister Tony Blair", "Foreign Secretary Jack Straw", "Gordon Brown, the chancellor". The title is the article's
own word on its time, so every mention of that person in the article ("Mr Blair", "Tony Blair", "he" resolved to
him) takes the office of the title (``actors.title-in-the-article-gives-the-office``): the person's country with
the title's government role (GBRGOV); a surname alone ("Mr Straw", which the dictionaries code by a guess) is
that person too. Only government titles count ("shadow chancellor" is the opposition's); a
person given two different government titles in one article keeps the dictionary's code.

A definite title without a country that refers back to a person the article named ("Tony Blair has said ...
The prime minister said", "Gordon Brown ... the chancellor insisted") says the same of its time
(``actors.title-that-refers-back-gives-the-office``): a definite description is true of its referent when the
article is written. The person is the one ``referents.Referents.role_before`` finds for the title (the nearest
person with that role named in the sentences before); a title that refers back to two different persons in one
article says nothing (our resolution is then no safe guess), nor does a title of someone the article calls
"former" or "shadow". Articles with a date are
coded by the date (``actors.office-holder-on-the-date``) and are left alone.

A spokesman speaks for whom they speak for, in any article (``actors.spokesman-speaks-for-the-owner``): "a
spokesman for UKIP" is GBRPTY, "a spokesman for the Albanian embassy" ALBGOV, not the media (MED) that the role
word "spokesman" gives in the agents dictionary. Whatever else the phrase says, the role word itself makes no one
the media (``actors.spokesman-has-the-role-of-the-body``, ``spoken_for``): the phrase without it names the body ("a
Foreign Office spokesman" GBRGOV, "a Lufthansa spokesman" its firm's code, "a BBC spokesman" still GBRMED), and
with no body named the spokesman keeps only the country ("the spokesman" GBR, "a spokesman" nobody).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from . import doc_memo
from .actor_codes import compose, split_code
from .bare_spokesmen import BARE, bare_spokesman, body_code
from .referents import SURNAME_GUESS, code_recorded, referents_of
from .referring import SPOKESPEOPLE, countryless_role
from .syntax import definite_owner, phrase_tokens

if TYPE_CHECKING:
    from datetime import date

    from spacy.tokens import Doc, Token

    from .actors import ActorCoder
    from .codings import Coding
    from .context import DocContext
    from .phrase_actors import ActorRef

RULE, SPOKESMAN = "actors.title-in-the-article-gives-the-office", "actors.spokesman-speaks-for-the-owner"
BODY = "actors.spokesman-has-the-role-of-the-body"
_MEDIA = "MED"
REFERRED = "actors.title-that-refers-back-gives-the-office"
# nouns heading an apposition that gives a title ("Tony Blair, the prime minister")
# (not "mayor": a mayor holds a town's office, not the country's, actors.mayor-is-no-national-government)
_TITLE_HEADS = frozenset({"minister", "secretary", "chancellor", "premier", "president", "leader"})
_NOT_IN_OFFICE = frozenset({"shadow", "former", "ex", "late", "then"})
_GOVERNMENT = "GOV"
_RIVALS = frozenset({"PTY", "OPP"})  # roles whose same-code pairs the pair filter may keep (rival parties)


def titled_offices(doc: Doc, codings: list[Coding], actors: ActorCoder, ctx: DocContext) -> list[Coding]:
    """``codings`` with every actor the article titles with a government office coded with that office, and every
    spokesman coded as the one they speak for."""
    recoded = _titled(doc, [_spokesmen(doc, c, actors, ctx) for c in codings], actors, ctx)
    return [new for old, new in zip(codings, recoded, strict=True) if not _one_actor(old, new)]


def _one_actor(old: Coding, new: Coding) -> bool:
    """A pair the recoding made one actor ("Mr Obasanjo called on the government": NGAELI -> NGAGOV became
    NGAGOV -> NGAGOV): dropped, as the coder's pair filter drops a source and target of one code; rival parties
    (PTY, OPP), which that filter keeps, stay."""
    if new.target is None or old.target is None or new.source.code != new.target.code:
        return False
    return old.source.code != old.target.code and not set(split_code(new.source.code)[1]) & _RIVALS


def _spokesmen(doc: Doc, c: Coding, actors: ActorCoder, ctx: DocContext) -> Coding:
    """A spokesman for a party, an embassy or an office ("a spokesman for UKIP", "the prime minister's
    spokesman") speaks for them: the owner's code, not the media (MED) the role word gives
    (``actors.spokesman-speaks-for-the-owner``); one whose owner is not coded so takes the role of the body named
    in the phrase, or no role (``actors.spokesman-has-the-role-of-the-body``)."""
    source, fired = _spokesman(doc, c.source, actors, ctx)
    target, target_fired = _spokesman(doc, c.target, actors, ctx) if c.target is not None else (None, ())
    rules = tuple(dict.fromkeys((*fired, *target_fired)))
    if not rules:
        return c
    return replace(c, source=source, target=target, trace=(*c.trace, *rules))


def _spokesman(doc: Doc, ref: ActorRef, actors: ActorCoder, ctx: DocContext) -> tuple[ActorRef, tuple[str, ...]]:
    """``ref`` recoded as the spokesman of its owner or body, with the rules that did it (none: unchanged)."""
    code = spokesman_code(doc[ref.head], ref.code, actors, ctx)
    if code is not None and ctx.fire(SPOKESMAN):
        return replace(ref, code=code), (SPOKESMAN,)
    if code is None and actors.iso and BODY not in ctx.rules.disabled:  # the bundled dictionaries' MED only
        changed, body = spoken_for(list(doc[ref.start : ref.end]), ref.code, actors, ctx.day)
        if changed and ctx.fire(BODY):
            return _bare(doc, replace(ref, code=body), actors, ctx)
    return ref, ()


def _bare(doc: Doc, ref: ActorRef, actors: ActorCoder, ctx: DocContext) -> tuple[ActorRef, tuple[str, ...]]:
    """``ref``, a spokesman of no body his phrase names, as the spokesman of the body the report was about
    (``bare_spokesmen``), coded by the dictionaries; else as it is."""
    word = bare_spokesman(list(doc[ref.start : ref.end])) if ref.code is None else None
    if word is None or BARE in ctx.rules.disabled:
        return ref, (BODY,)
    code = body_code(word, lambda t: actors.code_tokens(phrase_tokens(t), ctx.day, t)[0])
    if code is None or not ctx.fire(BARE):
        return ref, (BODY,)
    return replace(ref, code=code), (BODY, BARE)


def spoken_for(toks: Sequence[Token], code: str | None, actors: ActorCoder,
               day: date | None) -> tuple[bool, str | None]:
    """(changed, code) of a phrase with a spokesperson word coded as the media (``code`` ends in MED, the agents
    dictionary's role for "spokesman"): a spokesman speaks for the body he is of, named before the word or in its
    for/of phrase, so the phrase takes that body's code ("a Foreign Office spokesman" GBRGOV, "an EU spokesman"
    IGOEUREEC, "a spokesman for the Kurdish militia" ---UAF); a body that is a news outlet ("a BBC spokesman")
    leaves the media, its own role; with no body coded with a role the spokesman keeps the country alone ("the
    spokesman" GBRMED -> GBR, "a spokesman" ---MED -> nobody) (``BODY``; the caller fires it)."""
    if not code or not code.endswith(_MEDIA):
        return False, code
    word = _spokes_word(toks)
    if word is None:
        return False, code
    for body in _bodies(word):
        found = actors.code_tokens(body, day)[0]
        country, roles = split_code(found)
        if _MEDIA in roles:
            return False, code  # a news outlet's spokesman
        if roles and (country is not None or split_code(code)[0] is None):
            return True, found
    bare = code[: -len(_MEDIA)]
    return True, (bare if bare not in ("", "---") else None)


def spokesman_code(head: Token, code: str | None, actors: ActorCoder, ctx: DocContext) -> str | None:
    """The code of the owner a spokesman headed by ``head`` (coded ``code``, the media the role word gives) speaks
    for ("a spokesman for UKIP", "the prime minister's spokesman"), or None when ``head`` is no such spokesman or
    names no owner that codes a role (``SPOKESMAN``; the caller fires it)."""
    if head.lemma_.lower() not in SPOKESPEOPLE or not (code or "").endswith("MED"):
        return None
    owners = [c for c in head.children if c.dep_ == "poss"] + [
        g for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of") for g in c.children
        if g.dep_ == "pobj"]
    definite = definite_owner(head)
    for owner in owners:
        found = actors.code_tokens(list(owner.subtree), ctx.day, owner)[0]
        if found and not found.endswith("MED") and split_code(found)[1]:
            if split_code(found)[0] is None and definite is not None and owner.i == definite.i:
                # "the army's spokesman" after "Pakistan's army": the owner coded alone has no country; the
                # spokesman's phrase took the one the owner refers to (actors.definite-owner-gives-its-country)
                found = compose(split_code(code or "")[0], [(r, False) for r in split_code(found)[1]]) or found
            return found
    return None


def _spokes_word(toks: Sequence[Token]) -> Token | None:
    """The spokesperson word of a speaker's phrase: in it, before the name it heads ("RCA spokeswoman Sue
    Bradburn", whose span may be the name alone) or in apposition to it ("Michael Lamberty, a Lufthansa
    spokesman")."""
    inside = {t.i for t in toks}
    near = [*toks, *(c for t in toks for c in t.children if c.i not in inside and c.dep_ in ("compound", "appos"))]
    return next((t for t in near if t.lemma_.lower() in SPOKESPEOPLE or t.lower_ in SPOKESPEOPLE), None)


def _bodies(word: Token) -> list[list[Token]]:
    """The phrases that may name the body a spokesperson ``word`` speaks for: the words before it in its phrase
    ("a Foreign Office", "the prime minister's official", "William Hill") and its for/of objects."""
    head = word.head if word.dep_ == "compound" else word
    before = [t for t in head.subtree if t.i < word.i]
    owners = [list(g.subtree) for c in word.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
              for g in c.children if g.dep_ == "pobj"]
    return [b for b in (before, *owners) if b]


@dataclass(frozen=True, slots=True)
class Offices:
    """The offices an undated article gives its persons: by a title before or beside the name (``RULE``), by a
    definite title that refers back to them (``REFERRED``), and the indexes of the title words."""

    titled: dict[str, str]
    referred: dict[str, str]
    title_words: frozenset[int]
    standing: dict[str, frozenset[str]]


def offices_of(doc: Doc, actors: ActorCoder, ctx: DocContext) -> Offices:
    """The document's ``Offices`` (none for an article with a date), found once and kept on its context, and with
    the document (``doc_memo``) for the quotation speakers' context: what they hold is a function of the document,
    the actor coder and its coded names (``referents``, one per document and coder as well)."""
    if ctx.offices is None:
        if ctx.day is not None:
            ctx.offices = Offices({}, {}, frozenset(), {})
        else:
            memo: dict[Hashable, Offices] = doc_memo.table(doc, actors, "offices")
            if "offices" not in memo:
                names = _titled_names(doc)
                titled, words = _offices(names, actors)
                referred = {n: c for n, c in _referred_offices(doc, actors, ctx, names).items() if n not in titled}
                memo["offices"] = Offices(titled, referred, frozenset(words),
                                          _standing_codes(actors) if titled or referred else {})
            ctx.offices = memo["offices"]
    found: Offices = ctx.offices
    return found


def titled_code(code: str | None, name: str, offices: Offices, fire: Callable[[str], bool]) -> str | None:
    """``code`` of the person called ``name`` with the office the article gives them (a quotation's speaker:
    "Mr Blair said" is GBRGOV after "Prime Minister Tony Blair" as in the events)."""
    for rule, table in ((RULE, offices.titled), (REFERRED, offices.referred)):
        new = _office_code(code, name, table, offices.standing)
        if new != code and fire(rule):
            return new
    return code


def _titled(doc: Doc, codings: list[Coding], actors: ActorCoder, ctx: DocContext) -> list[Coding]:
    if ctx.day is not None or not codings:
        return codings
    offices = offices_of(doc, actors, ctx)
    if not offices.titled and not offices.referred:
        return codings
    out = []
    for c in codings:
        for rule, table in ((RULE, offices.titled), (REFERRED, offices.referred)):
            source = _retitled(c.source, table, offices)
            target = _retitled(c.target, table, offices) if c.target is not None else None
            if (source is not c.source or target is not c.target) and ctx.fire(rule):
                c = replace(c, source=source, target=target, trace=(*c.trace, rule))
        out.append(c)
    return out


def _elite(ref: ActorRef) -> bool:
    return "ELI" in split_code(ref.code)[1]


def _retitled(ref: ActorRef, offices: dict[str, str], found: Offices) -> ActorRef:
    """The actor with the office its title gives (``_office_code``); an elite with its own title is the phrase's
    business (actors.title-gives-the-office)."""
    if _elite(ref) and any(ref.start <= i < ref.end for i in found.title_words):
        return ref
    code = _office_code(ref.code, ref.name, offices, found.standing)
    return ref if code == ref.code else replace(ref, code=code)


def _office_code(code: str | None, name: str, offices: dict[str, str],
                 standing: dict[str, frozenset[str]]) -> str | None:
    """The office its title gives the person: over an elite (no office), a bare country, or a government post
    the dictionary lists only for a closed term (picked for want of a date: Straw's GBRGOVJUD of 2007-08); a
    post the dictionary gives as standing ("NORGOVDEV", open-ended or undated) is more precise than the title."""
    if not code or not name or name not in offices or code == offices[name]:
        return code
    country, roles = split_code(code)
    office = offices[name]
    if country != office[:3]:
        return code  # another person's code
    if roles and "ELI" not in roles and (roles[0] != _GOVERNMENT or code in standing.get(name, ())):
        return code  # a role of its own (a party, a court) or the dictionary's standing post
    return office


# per actor coder, built once; weakly keyed so that a coder dropped by its owner (a server reloading its
# dictionaries) is not kept alive by this module
_STANDING: weakref.WeakKeyDictionary[ActorCoder, dict[str, frozenset[str]]] = weakref.WeakKeyDictionary()


def _standing_codes(actors: ActorCoder) -> dict[str, frozenset[str]]:
    """Dictionary name -> its codes that stand without a date: undated or open-ended ones."""
    if actors not in _STANDING:
        _STANDING[actors] = {e.name: frozenset(c.code for c in e.codes if c.end is None)
                             for e in actors.dicts.actor_entries}
    return _STANDING[actors]


def _offices(names: Sequence[tuple[list[Token], list[Token]]], actors: ActorCoder) -> tuple[dict[str, str], set[int]]:
    """Dictionary name -> the code of the government office the article's titles give the person, and the
    indexes of the title words (``names``: the article's titled names, ``_titled_names``)."""
    found: dict[str, set[str]] = {}
    titled: set[int] = set()
    for name_toks, title in names:
        if any(t.lower_ in _NOT_IN_OFFICE for t in title):
            continue
        office = _government(actors, title)
        if not office:
            continue  # most titled names' titles are no office ("Tony | Blair"): their names need no coding
        code, name, fired = code_recorded(actors, name_toks, None, name_toks[-1])
        country, roles = split_code(code)
        # a person: coded with a role or as a listed person's surname ("President Kumaratunga"), not by a place
        # ("Patricio Cartagena" is no office of Spain that the city codes, and every "Spain" of the article would
        # become its government)
        if name and country is not None and (roles or SURNAME_GUESS in fired):
            found.setdefault(name, set()).add(country + office)
            # "Mr Straw" coded by the surname alone ("STRAW", the dictionaries' guess) is the titled person too
            found.setdefault(name.split()[-1], set()).add(country + office)
            titled.update(t.i for t in title)
    return {name: next(iter(codes)) for name, codes in found.items() if len(codes) == 1}, titled


def _referred_offices(doc: Doc, actors: ActorCoder, ctx: DocContext,
                      names: Sequence[tuple[list[Token], list[Token]]]) -> dict[str, str]:
    """Dictionary name -> the government office a definite title without a country that refers back to the
    person gives them ("Tony Blair has said ... The prime minister said": TONY BLAIR -> GBRGOV), for titles that
    refer back to one person only in the article, and persons the article gives no "former" or "shadow" title
    (``names``: the article's titled names)."""
    refs = referents_of(ctx, doc, actors)
    persons: dict[str, set[tuple[str, str]]] = {}  # title words -> (name, office code) of each person it refers to
    for tok in _tokens_of(doc, "NOUN"):
        if tok.tag_ == "NNS" or tok.lemma_.lower() not in _TITLE_HEADS:
            continue
        toks = phrase_tokens(tok)
        if any(t.lower_ in _NOT_IN_OFFICE for t in toks):
            continue
        code = actors.code_tokens(toks, None, tok)[0]
        roles = split_code(code)[1]
        if not code or split_code(code)[0] is not None or not roles or roles[0] != _GOVERNMENT \
                or not countryless_role(tok, code):
            continue
        named = refs.role_before(tok, roles)
        country = split_code(named.code)[0] if named is not None else None
        if named is None or country is None or not named.person or not named.name:
            continue
        # the title's words: "prime minister", "chancellor", "home secretary"
        title = " ".join(t.lemma_.lower() for t in toks
                         if t.i == tok.i or (t.i < tok.i and t.dep_ in ("amod", "compound")))
        persons.setdefault(title, set()).add((named.name, country + "".join(roles)))
    former = {actors.code_tokens(name, None, name[-1])[1] for name, title in names
              if any(t.lower_ in _NOT_IN_OFFICE for t in title)}
    found: dict[str, set[str]] = {}
    for pairs in persons.values():
        if len({name for name, _ in pairs}) == 1:
            for name, office in pairs:
                if name not in former:
                    found.setdefault(name, set()).add(office)
                    found.setdefault(name.split()[-1], set()).add(office)
    return {name: next(iter(codes)) for name, codes in found.items() if len(codes) == 1}


def _government(actors: ActorCoder, title: Sequence[Token]) -> str:
    """The roles a title gives when they are a government's ("GOV", "GOVEDU"), else ""."""
    roles = split_code(actors.code_tokens(list(title), None, title[-1])[0])[1] if title else ()
    return "".join(roles) if roles and roles[0] == _GOVERNMENT else ""


def _titled_names(doc: Doc) -> list[tuple[list[Token], list[Token]]]:
    """(name tokens, title tokens) of every name the article gives a title: words before it ("Prime Minister Tony
    Blair", "shadow chancellor Oliver Letwin"), or an apposition ("Tony Blair, the prime minister"; "the
    chancellor, Gordon Brown"). Built from the parse alone (no entity labels)."""
    out: list[tuple[list[Token], list[Token]]] = []
    for tok in _tokens_of(doc, "PROPN"):
        if tok.dep_ in ("compound", "flat"):
            continue
        start = tok.i
        sent_start = tok.sent.start
        while start > sent_start and doc[start - 1].dep_ in ("compound", "flat", "amod") \
                and doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ") and start <= doc[start - 1].head.i <= tok.i:
            start -= 1
        chain = list(doc[start : tok.i + 1])
        name = [t for t in chain if t.pos_ == "PROPN"]
        # the name is proper nouns at the end of the chain, the words before them its title: every split is tried
        # ("Prime | Minister Tony Blair", "Prime Minister | Tony Blair"); only a government title counts
        first = len(chain)
        while first > 0 and chain[first - 1].pos_ == "PROPN":
            first -= 1
        out.extend((chain[split:], chain[:split]) for split in range(max(first, 1), len(chain)))
        appos = _apposition(tok)
        if appos and name:
            out.append((name, appos))
    return out


def _tokens_of(doc: Doc, pos: str) -> list[Token]:
    """The tokens of ``doc`` with the part of speech ``pos`` ("NOUN"), in order, found in the doc's array of tags:
    a Token is made only for them, not for every word."""
    from spacy.attrs import POS
    from spacy.symbols import IDS

    return [doc[int(i)] for i in (doc.to_array(POS) == IDS[pos]).nonzero()[0]]


def _apposition(tok: Token) -> list[Token]:
    """The title of an apposition to a name or of the title a name is in apposition to."""
    # one person's title, not a plural ("university vice-chancellors, Universities UK" is a body of them)
    heads = [c for c in tok.children if c.dep_ == "appos" and c.lemma_.lower() in _TITLE_HEADS and c.tag_ != "NNS"]
    if tok.dep_ == "appos" and tok.head.lemma_.lower() in _TITLE_HEADS and tok.head.tag_ != "NNS":
        heads.append(tok.head)
    if not heads:
        return []
    head = heads[0]
    return [t for t in head.subtree if t.i <= head.i and t.dep_ != "det" and t.pos_ != "PUNCT"]
