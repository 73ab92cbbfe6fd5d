"""Which name a speaker's phrase gives (``named``): the rules that read a noun phrase ("Iran's foreign minister
Javad Zarif", "the Kremlin", "the Hezbollah movement", "Tom McCabe MSP", "Souness") for the entity it names.

Each decision is a named rule of the quotation registry (``speaker.*``, ``nlp.quotes.rules``): the rules that decided
go with the referent (``Referent.rules``) into the quotation's trace, and a rule switched off
(``Settings.disabled_quote_rules``) is passed over as if its condition did not hold.

* A name inside a clause describing the speaker's noun is no name of the speaker (``speaker.clause-names-no-speaker``):
  a relative clause ("a former Guard officer who defected to the United States") or a participle ("British citizens
  backing Islamic State"); a passive participle's by-agent stays ("figures released by the BPI").
* A country or place after a locative preposition says where the speaker is ("a Western diplomat in Baghdad", "a
  spokesman for the Albanian embassy in London"), except after a body's noun ("the foreign ministry in
  Bangladesh"): ``speaker.place-after-in-is-where``.
* A name after "of" a kin or relation noun or after "close to" names whom the speaker is related to ("The parents
  of Jack Letts", "A friend of Begum", "Sources close to Mr Hockney"): ``speaker.relation-of-a-name-is-no-name``.
* An office's letters (MP, MSP, MEP, QC ...) are no name: "Tom McCabe MSP" is Tom McCabe, "the Salford MP" is
  nobody named (``speaker.office-letters-are-no-name``).
* Buildings and places standing for institutions ("the Pentagon", "Downing Street") map through a small table of
  ours (``data/quotes/metonyms.tsv``): ``speaker.metonym-names-its-body``.
* A name mention holding the head word is the speaker (``speaker.name-holding-the-head``); else the organisation
  a body's noun is named by ("the Hezbollah movement": ``speaker.body-named-by-its-modifier``); else the maker
  named on a document's noun ("the YouGov poll", "the Bank of Mexico's figures":
  ``speaker.document-speaks-for-its-maker``); else a person, then
  an organisation or place, that is not a mere modifier ("US officials" names nobody:
  ``speaker.name-that-is-no-modifier``); else a proper noun the NER missed (``speaker.proper-noun-the-ner-missed``),
  the person the article named in full when it is their surname (``speaker.surname-of-a-person-named-in-full``).
* A common noun phrase ("US officials", "Some experts") stays a speaker with no name.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Set
from dataclasses import dataclass, replace
from importlib import resources
from typing import TYPE_CHECKING

from ...records import Entity, Mention
from ..coding.lexicons import words
from ..doctext import text_of
from ..grouping import TITLE_WORDS, entity_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CLAUSE = "speaker.clause-names-no-speaker"
RELATION = "speaker.relation-of-a-name-is-no-name"
WHERE = "speaker.place-after-in-is-where"
OFFICE = "speaker.office-letters-are-no-name"
METONYM = "speaker.metonym-names-its-body"
HOLDING = "speaker.name-holding-the-head"
BODY_MODIFIER = "speaker.body-named-by-its-modifier"
DOCUMENT = "speaker.document-speaks-for-its-maker"
NO_MODIFIER = "speaker.name-that-is-no-modifier"
MISSED = "speaker.proper-noun-the-ner-missed"
FIRST_WORD = "speaker.capital-of-a-sentence-is-no-name"
SURNAME = "speaker.surname-of-a-person-named-in-full"

ORG_TYPES = frozenset({"ORG", "GPE", "NORP", "FAC"})
DOCUMENT_TYPE = "DOCUMENT"  # the type of a document's maker as an antecedent (``_maker``)
ORG_NOUNS = frozenset({
    "movement", "group", "party", "organisation", "organization", "government", "ministry", "militia", "campaign",
    "company", "firm", "agency", "council", "committee", "administration", "department", "office", "spokesman",
    "spokeswoman", "spokesperson",
})
# the letters of an office a news text puts after a name or uses for its holder ("Tom McCabe MSP", "the Salford MP")
_OFFICE_LETTERS = frozenset({"MP", "MPs", "MSP", "MSPs", "MEP", "MEPs", "AM", "AMs", "MLA", "MLAs", "QC", "TD"})
_WHERE_PREPS = frozenset({"in", "at", "inside", "across", "near", "outside"})
# nouns of a body that a place after them names (``_where``): "the court in Washington", "the ministry in Dhaka";
# a spokesman is a person, where he speaks is where ("a spokesman in London")
_INSTITUTIONS = (ORG_NOUNS - {"spokesman", "spokeswoman", "spokesperson"}) | words("title_words", "org-head")
# nouns whose named modifier is the body that speaks (``_by_head``): a body's nouns and its spokesman's
_BODIES = ORG_NOUNS | _INSTITUTIONS
# heads that name a relation to whom the phrase names after "of" ("the parents of Jack Letts", "critics of Mr Blair"),
# the coder's kin and relation heads (``actors.relative-takes-only-the-country``)
_RELATIONS = words("title_words", "kin-head") | words("title_words", "relation-head")

# the words of an office a phrase can be headed by ("the Culture Secretary", "the Supreme Leader"): no name
_PERSON_TITLES = words("title_words", "person-title")

Rules = tuple[str, ...]
Pair = tuple[Mention, Entity]


@dataclass(frozen=True, slots=True)
class Referent:
    pos: int  # where it was mentioned
    name: str | None
    entity_id: str | None
    type: str  # PERSON | ORG | ...
    start: int  # span used for the actor code
    end: int
    sentence: int = 0  # where its sentence starts (``_antecedent`` ranks by sentence first)
    main: bool = False  # the subject of its sentence's main clause, or a speaker (``salience``)
    noun: str = ""  # an unnamed person's noun ("a spokesman", "her father": ``_unnamed_person``)
    inner: bool = False  # a name inside a phrase that modifies a subject ("shares in American Express")
    rules: Rules = ()  # the ``speaker.*`` rules that found it, in order


class Mentions(list[Pair]):
    """The article's (mention, entity) pairs by start (longest first at one start), with their starts, so that the
    mentions inside a phrase are found by bisection, not by a scan of the article's mentions for every phrase."""

    def __init__(self, pairs: list[Pair]) -> None:
        super().__init__(pairs)
        self.starts = [m.start for m, _ in pairs]

    def inside(self, start: int, end: int) -> list[Pair]:
        """The pairs whose mention lies within ``[start, end)``, in order."""
        out = []
        for k in range(bisect_left(self.starts, start), len(self)):
            m, e = self[k]
            if m.start > end:
                break
            if m.end <= end:
                out.append((m, e))
        return out


@functools.cache
def metonyms() -> dict[str, tuple[str, str]]:
    """phrase -> (canonical name, type) from the bundled table."""
    text = resources.files("wirescope.data").joinpath("quotes/metonyms.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            phrase, name, typ = line.split("\t")
            out[phrase] = (name, typ)
    return out


@functools.cache
def word_list(name: str) -> frozenset[str]:
    """The words (first column) of the bundled list ``data/quotes/<name>.tsv``: ``documents`` (the nouns of a
    document or figures whose named maker speaks), ``other_offices`` (words that make an office another),
    ``relations`` (nouns of a relation to a person beyond the coder's kin and relation heads)."""
    text = resources.files("wirescope.data").joinpath(f"quotes/{name}.tsv").read_text(encoding="utf-8")
    return frozenset(line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#"))


def _metonym(text: str) -> tuple[str, str] | None:
    lowered = text.lower().replace("’", "'").split()
    table = metonyms()
    for k in range(len(lowered)):  # longest suffix first: "the us defence department", "defence department"
        key = " ".join(lowered[k:]).strip(".,")
        if key in table:
            return table[key]
    return None


def named(doc: Doc, start: int, end: int, head: Token | None, mentions: Mentions,
          off: Set[str]) -> tuple[Referent | None, Rules]:
    """The entity the phrase ``[start, end)`` headed by ``head`` names (None: it names none), with the rules that
    decided; the rules in ``off`` are switched off."""
    inside, filtered = _candidates(doc, start, end, head, mentions, off)
    if head is not None and head.text in _OFFICE_LETTERS and OFFICE not in off:
        ref = _office_holder(head, inside, start)
        rules = tuple(dict.fromkeys((*filtered, OFFICE)))
        return (replace(ref, rules=rules) if ref is not None else None), rules
    ref = _by_head(doc, start, end, head, inside, mentions, off) if head is not None else None
    if ref is None:
        ref = _by_name(doc, start, end, inside, mentions, off)
    if ref is None and head is not None and head.pos_ == "PROPN" and not head.ent_type_ and MISSED not in off:
        if _first_word_only(head) and FIRST_WORD not in off:
            return None, (*filtered, FIRST_WORD)
        ref = _missed(head, start, mentions, off)
    if ref is None:
        return None, filtered
    rules = (*filtered, *ref.rules)
    return replace(ref, rules=rules), rules


def _candidates(doc: Doc, start: int, end: int, head: Token | None, mentions: Mentions,
                off: Set[str]) -> tuple[list[Pair], Rules]:
    """The mentions inside the phrase that may name its speaker, and the rules that took some out: the names of a
    clause describing the phrase's noun (``_clauses``), an office's letters (the NER makes "MSP" an organisation:
    ``_office_holder``), a place after "in", "at" ... saying where the speaker is (``_where``)."""
    inside = mentions.inside(start, end)
    fired: list[str] = []
    tests = []
    if head is not None and CLAUSE not in off:
        clauses = _clauses(head, start, end)
        tests.append((CLAUSE, lambda m, e: any(a <= m.start < b for a, b in clauses)))
    if head is not None and RELATION not in off:
        related = _related(head, start, end)
        tests.append((RELATION, lambda m, e: any(a <= m.start < b for a, b in related)))
    if OFFICE not in off:
        tests.append((OFFICE, lambda m, e: m.text in _OFFICE_LETTERS))
    if head is not None and WHERE not in off:
        tests.append((WHERE, lambda m, e: _where(doc, m, e, head)))
    for rule, out in tests:
        kept = [(m, e) for m, e in inside if not out(m, e)]
        if len(kept) < len(inside):
            fired.append(rule)
        inside = kept
    return inside, tuple(fired)


def _by_head(doc: Doc, start: int, end: int, head: Token, inside: list[Pair], mentions: Mentions,
             off: Set[str]) -> Referent | None:
    """A metonym up to the head ("the Kremlin"; a person holding the head is named, not the building), the name
    holding the head word, an organisation named by a body noun's modifier ("the Hezbollah movement", "the Trump
    campaign")."""
    holding = [(m, e) for m, e in inside if m.start <= head.idx < m.end]
    metonym = _metonym(text_of(doc)[start : head.idx + len(head)]) if METONYM not in off else None
    if metonym is not None and (not holding or holding[0][1].type != "PERSON"):
        name, typ = metonym
        return Referent(start, name, entity_id(name, typ), typ, start, end, rules=(METONYM,))
    if holding and HOLDING not in off:
        m, e = holding[0]
        return Referent(start, e.name, e.id, etype(e), m.start, m.end, rules=(HOLDING,))
    if head.lemma_.lower() in _BODIES and BODY_MODIFIER not in off:
        org = next(((m, e) for m, e in inside if etype(e) == "ORG" and m.end <= head.idx), None)
        if org is not None:
            # the actor is coded from the name through the noun ("Usdaw trade union" is a union: a labour group)
            return Referent(start, org[1].name, org[1].id, "ORG", org[0].start, head.idx + len(head),
                            rules=(BODY_MODIFIER,))
    if head.lemma_.lower() in word_list("documents") and DOCUMENT not in off:
        return _maker(doc, start, head, inside)
    return None


def _maker(doc: Doc, start: int, head: Token, inside: list[Pair]) -> Referent | None:
    """The organisation or person whose name modifies a document's noun, its maker, who says what it says: "the
    YouGov poll found", "the Bank of Mexico's figures showed", "CML figures showed" are YouGov, the Bank of Mexico,
    the CML (a compound or a possessor on the noun; a "by" agent is named as any name: ``_by_name``). A place is
    no maker ("US figures", "Chinese data": whose figures is not said), nor a common noun the NER made a name
    ("Media reports": no one's)."""
    for m, e in inside:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if etype(e) in ("ORG", "PERSON") and m.end <= head.idx and span is not None and span.root.pos_ == "PROPN" \
                and span.root.dep_ in ("compound", "poss") and span.root.head.i == head.i:
            # (a document is a thing: a later "it" may take it, as the maker; "he" may not: ``speakers``)
            return Referent(start, e.name, e.id, DOCUMENT_TYPE, m.start, m.end, rules=(DOCUMENT,))
    return None


def _by_name(doc: Doc, start: int, end: int, inside: list[Pair], mentions: Mentions,
             off: Set[str]) -> Referent | None:
    """A person, else an organisation or place, that is not a mere modifier ("US officials" names nobody, "Trump
    ally Benjamin Netanyahu" is Netanyahu); else a metonym anywhere in the phrase."""
    if NO_MODIFIER not in off:
        for want in ({"PERSON"}, ORG_TYPES):
            for m, e in inside:
                if etype(e) in want and not _modifier(doc, m):
                    return Referent(start, e.name, e.id, etype(e), m.start, m.end, rules=(NO_MODIFIER,))
    metonym = _metonym(text_of(doc)[start:end]) if METONYM not in off else None
    if metonym is not None:
        name, typ = metonym
        return Referent(start, name, entity_id(name, typ), typ, start, end, rules=(METONYM,))
    return None


def _missed(head: Token, start: int, mentions: Mentions, off: Set[str]) -> Referent | None:
    """A name the NER missed ("Souness said"): the name itself, as a person; the person the article named in full
    when it is their surname ("Souness" after "Graeme Souness"). A word the tagger calls a proper noun is no name
    when it is written in lower case ("the lord chancellor", "the Amnesty secretary-general", "Russia's defence
    ministry") or is an office's title or its plural ("The Culture Secretary", "the Supreme Leader", "Ministers
    pointed to ..."): the office or its holders, not a person."""
    if not head.text[:1].isupper() or head.text in TITLE_WORDS or head.lower_ in _PERSON_TITLES \
            or head.lower_.removesuffix("s") in _PERSON_TITLES:
        return None
    parts = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [head]
    parts = [t for t in parts if t.text.rstrip(".") not in TITLE_WORDS]
    if not parts:
        return None
    name = " ".join(t.text for t in parts)
    begin, finish = parts[0].idx, head.idx + len(head)
    full = next((e for _, e in mentions if etype(e) == "PERSON" and e.name.split()[-1] == name), None) \
        if SURNAME not in off else None
    if full is not None:
        return Referent(start, full.name, full.id, "PERSON", begin, finish, rules=(MISSED, SURNAME))
    return Referent(start, name, entity_id(name, "PERSON"), "PERSON", begin, finish, rules=(MISSED,))


def _first_word_only(head: Token) -> bool:
    """The proper noun the NER missed is one plural word that opens its sentence and is written with a capital
    nowhere else in the article but at a sentence's start: the tagger took a plural common noun for a name by its
    capital ("Ecologists are warning ...", "Charities warned ...": the ecologists, the charities, no person). A
    name the article writes again inside a sentence ("the Democrats"), one of several words ("Lib Dems") or a
    singular word stays a name: "Sepa predict ...", "Parmalat, the Italian food group, ..." open every sentence
    that names them (and "Convention should be nurtured" cannot be told from them by its form)."""
    if head.tag_ != "NNPS" or any(t.dep_ == "compound" and t.pos_ == "PROPN" for t in head.lefts) \
            or not _opens_sentence(head):
        return False
    return not any(t.text == head.text and not _opens_sentence(t) for t in head.doc)


def _opens_sentence(tok: Token) -> bool:
    """Only punctuation (an opening quotation mark) comes before ``tok`` in its sentence."""
    return all(t.is_punct for t in tok.doc[tok.sent.start : tok.i])


def _clauses(head: Token, start: int, end: int) -> list[tuple[int, int]]:
    """Character ranges of the clauses inside the phrase ``[start, end)`` headed by ``head`` that describe one of
    its nouns: a relative clause ("a former Guard officer who defected to the United States", "The firm, which is to
    receive a payment from Chelsea", "Mr Hague, who had published a biography of William Pitt") or a participle
    ("British citizens backing Islamic State", "The foreign secretary, speaking on BBC One"). The names in such a
    clause are what its verb is about (where he fled, whom they back, where she spoke), not who speaks: the phrase
    names its speaker outside it, or does not name one. A passive participle's agent stays in the phrase ("figures
    released by the BPI", "a report published by the ministry": the agent issued what speaks)."""
    out = []
    for tok in head.subtree:
        if tok.idx < start or tok.idx >= end or tok.i == head.i:
            continue
        if tok.dep_ == "relcl" or (tok.dep_ in ("acl", "advcl") and tok.tag_ == "VBG"):
            sub = list(tok.subtree)
            out.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
        elif tok.dep_ == "acl" and tok.tag_ == "VBN":
            agent = {t.i for c in tok.children if c.dep_ == "agent" for t in c.subtree}
            out.extend((t.idx, t.idx + len(t)) for t in tok.subtree if t.i not in agent)
    return out


def _related(head: Token, start: int, end: int) -> list[tuple[int, int]]:
    """Character ranges inside the phrase ``[start, end)`` headed by ``head`` that name whom the speaker is related
    to, not the speaker: the object of "of" after a kin or relation head ("The parents of Jack Letts, a Briton held
    in Syria", "relatives of Mr Smith", "critics of the president") or of "close to" ("Sources close to Mr
    Hockney", "people close to Putin"), with its appositions."""
    out = []
    for tok in head.subtree:
        if tok.idx < start or tok.idx >= end or tok.dep_ != "pobj":
            continue
        prep = tok.head
        noun = prep.head.lemma_.lower()
        if (prep.lower_ == "of" and (noun in _RELATIONS or noun in word_list("relations"))) or (
                prep.lower_ == "to" and prep.head.lower_ in ("close", "closer", "closest")):
            sub = list(tok.subtree)
            out.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
    return out


def _where(doc: Doc, m: Mention, e: Entity, head: Token) -> bool:
    """The country or place ``m`` is the object of a locative preposition inside the speaker's phrase: it says
    where the speaker is, not who speaks ("a Western diplomat in Baghdad" is no Iraqi, "American citizens in South
    Korea", "Maguire, the former C.I.A. officer in Baghdad", "Several people across Idlib"). A body's noun is
    different: the place names its state ("the foreign ministry in Bangladesh", "the court in Washington")."""
    if e.type not in ("GPE", "LOC"):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ not in _WHERE_PREPS:
        return False
    # the noun the preposition hangs on decides ("A spokesman for the Albanian embassy in London": the embassy is
    # in London, no British body), the phrase's head when the parse hangs it elsewhere
    noun = span.root.head.head
    return (noun if noun.pos_ in ("NOUN", "PROPN") else head).lemma_.lower() not in _INSTITUTIONS


def _office_holder(head: Token, inside: list[Pair], start: int) -> Referent | None:
    """The speaker of a phrase headed by an office's letters: the person named right before them ("Scottish Finance
    Minister, Tom McCabe MSP" is Tom McCabe, though the NER made "MSP" an organisation), else nobody ("the Salford
    MP", "A senior Tory MP": the office, not a name; before, "Salford MP" and "Tory MP" were taken for persons)."""
    for m, e in inside:
        if etype(e) == "PERSON" and m.end <= head.idx and not head.doc.text[m.end : head.idx].strip():
            return Referent(start, e.name, e.id, "PERSON", m.start, m.end)
    return None


def _modifier(doc: Doc, m: Mention) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    # (a name before an office's letters is their holder, no modifier: "Tom McCabe MSP")
    return span is not None and span.root.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod") \
        and span.root.head.text not in _OFFICE_LETTERS


def etype(e: Entity) -> str:
    return "PERSON" if e.type in ("PERSON", "TITLE") else e.type
