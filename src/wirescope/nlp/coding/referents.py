"""Actors named earlier in the article, for mentions that do not name their actor in full.

News names an actor in full once ("Japanese Prime Minister Shinzo Abe", "Haiti's police") and then refers back
to it with a surname ("Abe said"), a pronoun subject ("he said"), or a role whose country is left to the reader
("the president", "the ministry", "the administration", "police"). The dictionaries code such a mention as nothing
or as a role without a country (``---GOV``). ``Referents`` indexes the names of one document once: every run of
proper nouns (a name as the parse gives it), coded by the actor coder on the article's date (on first need), with
its sentence.
Three look-ups use it, each a named rule of the argument finder (``arguments.py``):

* ``surname``: the earlier (else later) full name ending in, or starting with, the mention's single name word
  ("Abe" -> "Shinzo Abe"): the grouping the entities stage makes ("a part of a person's full name");
* ``person_before``: the nearest person named before a pronoun subject, in its sentence or the two before (a
  subject named by a title alone, "the Pakistani president", counts as named);
* ``role_before``: the nearest actor named with the same role in the sentences before a role without a country
  ("the president");
* ``country_at``: the article's country at a mention: the country the names of the sentences before it code most
  often (the latest on a tie; a news outlet's name, the channel of the news, is not counted), which a role without
  a country belongs to; ``contested_at``: three or more countries
  tie for that there.

Built from the parse alone (no named-entity labels are needed, so stored example parses behave like the model's),
and on the article date, so a name is coded as of the day the article was written. The rules that resolve a mention
with these look-ups (``refer_back`` and its helpers) are in ``referring.py``.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ..gender import agrees, person_gender
from .actor_codes import split_code
from .actor_matching import ORG_HEADS
from .actors import TITLE_WORDS, ActorCoder
from .lexicon import PLACE_PREPS as _PLACE_PREPS
from .lexicons import words
from .salience import main_clause, main_subject, rank
from .syntax import phrase_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .context import DocContext

# Entity labels of the parse that never name a person (a pronoun does not refer back to them).
_NOT_PERSON = frozenset({"GPE", "LOC", "NORP", "ORG", "FAC", "PRODUCT", "EVENT", "LAW", "DATE", "MONEY"})
PRONOUNS = frozenset({"he", "she"})
PRONOUN_WINDOW = 2  # sentences before a pronoun in which its antecedent is looked for
# singular nouns naming one person by their office (``Referents._title_subjects``)
_PERSON_TITLES = words("title_words", "person-title")
# sentences before a role in which an actor holding it is looked for: a title refers further back than a pronoun
# ("the prime minister" a few sentences after "Prime Minister Imran Khan")
_ROLE_WINDOW = 4
# so many countries named equally often before a mention leave the article without one country of its own: two
# that tie are a story's two parties (the latest is its country there, right on readable news), three or more are
# a survey or a list (refer21: 13 of 17 such role firings took a wrong country)
CONTESTED = 3


@dataclass(frozen=True, slots=True)
class Name:
    """A run of proper nouns coded as an actor: tokens ``[start, end)``, its head, code and dictionary name."""

    start: int
    end: int
    head: int
    sentence: int
    words: tuple[str, ...]
    code: str
    name: str
    person: bool  # may be what "he"/"she" refers to
    subject: bool  # the name is (the head of) a clause's subject, the most salient place in it
    titled: bool = False  # a subject named by its title alone ("the Pakistani president"), not a run of names
    main: bool = False  # the subject of its sentence's main clause (``salience.main_subject``)


class Referents:
    """The coded names of one document (see the module docstring).

    Each run of proper nouns is coded on first need, once: a look-up codes only the runs it can return (those of
    the sentences it looks back over, or those ending in the word it looks for), so the names after the last
    mention that refers back are never coded. The answers are those of coding every run up front.
    """

    def __init__(self, doc: Doc, coder: ActorCoder, day: date | None) -> None:
        self._coder, self._day, self._doc = coder, day, doc
        # sentence index by token index, from the sentences' bounds (a loop over the doc's tokens would build a
        # spaCy Token object for each of them)
        self._sentence_of: list[int] = []
        for n, sent in enumerate(doc.sents):
            self._sentence_of.extend([n] * (sent.end - sent.start))
        self._runs = proper_runs(doc)
        self._words = [tuple(t.text.lower() for t in run) for run in self._runs]
        self._sentences = [self._sentence_of[run[0].i] for run in self._runs]
        self._coded: dict[int, Name | None] = {}  # run index -> its name, None when it codes no country
        # run index -> (code, name, actor rules fired) as the dictionaries code it: the full names
        # (``full_names.FullNames``) code the same runs the same way, and take the answer from here
        self._raw: dict[int, Recorded] = {}
        self._titles: dict[int, Name | None] = {}  # token index -> the subject title phrase it heads, coded
        self._noun_subject_at: list[int] | None = None  # ``_singular_noun_subjects``, read on first need
        # sentence index -> the article's country there (``country_at`` after the first sentence with names: a
        # function of the sentence alone, asked for every role and pronoun in it)
        self._country_at: dict[int, str | None] = {}
        self._contested: dict[int, bool] = {}  # sentence index -> no country stands out there (``contested_at``)
        self._noun_subjects: dict[int, Name | None] = {}  # token index -> the subject noun phrase it heads, coded
        self._size = len(doc)
        # the document's persons named in full (``full_names.FullNames``, made from these referents on first use
        # by the argument finder): as pure a function of the document, coder and date as the referents are
        self.full_names: Any = None

    def made_for(self, doc: Doc, coder: ActorCoder, day: date | None) -> bool:
        """True when these are the referents of ``doc`` (the same object, same length) by ``coder`` on ``day``."""
        return self._doc is doc and self._coder is coder and self._day == day and self._size == len(doc)

    @property
    def doc(self) -> Doc:
        return self._doc

    @property
    def runs(self) -> list[list[Token]]:
        """The document's runs of proper nouns (``proper_runs``), in order."""
        return self._runs

    def run_code(self, k: int) -> Recorded:
        """(code, name, the actor rules that fired) of run ``k`` coded with every rule on, once per document."""
        found = self._raw.get(k)
        if found is None:
            run = self._runs[k]
            found = self._raw[k] = code_recorded(self._coder, run, self._day, run[-1])
        return found

    def _name(self, k: int) -> Name | None:
        """The name run ``k`` codes (None without a country), coded on the article date on first need."""
        if k not in self._coded:
            run = self._runs[k]
            code, name, _ = self.run_code(k)
            self._coded[k] = Name(run[0].i, run[-1].i + 1, run[-1].i, self._sentences[k], self._words[k], code,
                                  name, _person(run, code), _subject(run[-1]), main=main_subject(run[-1])) \
                if code and split_code(code)[0] else None
        return self._coded[k]

    def _names(self, ks: Iterable[int]) -> list[Name]:
        """The names of the runs ``ks`` (in their order) that code a country."""
        return [m for k in ks if (m := self._name(k)) is not None]

    @property
    def names(self) -> list[Name]:
        """Every run of the document that codes a country, in order (codes every run)."""
        return self._names(range(len(self._runs)))

    def sentence_of(self, tok: Token) -> int:
        return self._sentence_of[tok.i]

    def window_start(self, tok: Token, window: int) -> int:
        """The first token of the sentence ``window`` sentences before ``tok``'s (the document's first at most)."""
        return bisect_left(self._sentence_of, max(0, self.sentence_of(tok) - window))

    def surname(self, tok: Token) -> Name | None:
        """The fuller name that ``tok`` (one capitalised word) is part of: the nearest earlier one, else the first
        later one; None when the names it could be part of have different countries."""
        word = tok.text.lower()
        # a fuller name is a given name and a last name, not a title before the surname ("Mr Howard" is the
        # same lone surname again) nor a name the dictionaries matched by its last word only (their guess for
        # the surname: "Mr Howard" -> John Howard would make every "Mr Howard" John Howard, although the
        # article named "Michael Howard")
        ks = [k for k, words in enumerate(self._words) if len(words) > 1 and word in (words[-1], words[0])
              and not self._runs[k][0].i <= tok.i <= self._runs[k][-1].i and _full_name(self._runs[k])
              and SURNAME_GUESS not in self.run_code(k)[2]]
        found = [m for m in self._names(ks) if m.person]
        if not found or len({split_code(m.code)[0] for m in found}) != 1:
            return None
        before = [m for m in found if m.end <= tok.i]
        return before[-1] if before else found[0]

    def named_otherwise(self, tok: Token) -> bool:
        """The article names in full a person the dictionaries do not know whose last name is ``tok``'s word
        ("Tory leader Michael Howard"): the dictionaries' guess for the lone surname ("Mr Howard" -> John Howard)
        is then someone else."""
        word = tok.text.lower()
        return any(self._name(k) is None for k, words in enumerate(self._words)
                   if words[-1] == word and _full_name(self._runs[k]))

    def person_before(self, tok: Token, titles: bool = True, agree: bool = True, main: bool = True) -> Name | None:
        """The nearest person named as a subject before ``tok`` in its sentence or the ``PRONOUN_WINDOW`` sentences
        before, else the nearest person named there: a subject pronoun mostly continues the subject before it
        (centering), not a person the previous clause spoke of. With ``titles``, a subject named by a title alone
        counts as a named one (``TITLED_SUBJECT``). With ``agree``, only a person whose gender the article does
        not give as the other one than the pronoun's (``gender.agrees``: "Ms Hewitt ... he said" is not her;
        ``AGREES``). With ``main``, a pronoun that is its sentence's main subject takes, in the latest sentence
        naming a subject, its main clause's subject over an embedded clause's ("Mr Balls rejected the allegation
        that Mr Brown had been sidelined. He ..." is Balls: ``salience``, ``MAIN_SUBJECT``)."""
        here = self.sentence_of(tok)
        ks = [k for k, run in enumerate(self._runs)
              if run[-1].i < tok.i and here - self._sentences[k] <= PRONOUN_WINDOW]
        near = [m for m in self._names(ks) if m.person and (not agree or self.agrees(tok, m))]
        # a subject given by a title alone ("the Pakistani president met Prime Minister Tony Blair. He ...") is
        # an antecedent like a name: centering prefers it to a person the clause named as its object
        titled = [m for m in self._title_subjects(tok) if not agree or self.agrees(tok, m)] if titles else []
        subjects = [m for m in near if m.subject] + titled
        if subjects:
            ranked = main and main_subject(tok)
            return max(subjects, key=lambda m: rank(m.sentence, m.main, m.head, ranked))
        return near[-1] if near else None

    def agrees(self, pronoun: Token, m: Name) -> bool:
        """The personal pronoun may refer to the person ``m`` (``gender``: the article gives them no other gender)."""
        return agrees(pronoun, person_gender(self._doc, m.words, self._doc[m.head] if m.titled else None))

    def _title_subjects(self, tok: Token) -> list[Name]:
        """The subjects before ``tok`` in its sentence or the ``PRONOUN_WINDOW`` before that a singular title noun
        heads ("the Pakistani president", "the Tory leader", lexicons/title_words.tsv, person-title) and that code
        a role, with or without a country ("the prime minister"): persons named by their office, coded once per
        document."""
        found = []
        at = self._singular_noun_subjects()
        for i in at[bisect_left(at, self.window_start(tok, PRONOUN_WINDOW)) : bisect_left(at, tok.i)]:
            t = self._doc[i]
            if t.lemma_.lower() not in _PERSON_TITLES:
                continue
            if t.i not in self._titles:
                toks = phrase_tokens(t)
                code = code_recorded(self._coder, toks, self._day, t)[:2]
                self._titles[t.i] = Name(toks[0].i, toks[-1].i + 1, t.i, self._sentence_of[t.i],
                                         tuple(x.lower_ for x in toks), code[0], code[1], True, True, True,
                                         main_subject(t)) \
                    if code[0] and split_code(code[0])[1] else None
            m = self._titles[t.i]
            if m is not None:
                found.append(m)
        return found

    def _singular_noun_subjects(self) -> list[int]:
        """The indexes of the document's subjects that are singular common nouns (dependency nsubj or nsubjpass, part
        of speech NOUN, tag NN), in order, read once from its arrays: ``_title_subjects`` looks at these only (a
        Token made for every word of its window, for every pronoun, was its cost)."""
        if self._noun_subject_at is None:
            from spacy.attrs import DEP, POS, TAG
            from spacy.strings import get_string_id
            from spacy.symbols import NOUN

            subjects = (get_string_id("nsubj"), get_string_id("nsubjpass"))
            rows = self._doc.to_array([DEP, POS, TAG]).tolist() if len(self._doc) else []
            singular = get_string_id("NN")
            self._noun_subject_at = [i for i, (dep, pos, tag) in enumerate(rows)
                                     if dep in subjects and pos == NOUN and tag == singular]
        return self._noun_subject_at

    def pronoun_before(self, tok: Token, main: bool = False) -> Token | None:
        """The nearest subject pronoun of ``tok``'s own form ("he" for "he") before it, in its sentence or the
        ``PRONOUN_WINDOW`` sentences before: the previous link of a chain of pronouns that continue one subject ("Moise
        tweeted ... he tweeted ... he was criticized"); with ``main``, the latest subject of a main clause there,
        when it is such a pronoun (``salience.main_clause``: another main clause's subject between, named or not,
        "the UK leader wants ...", is what a later pronoun may continue instead)."""
        here = self.sentence_of(tok)
        for i in range(tok.i - 1, -1, -1):
            if here - self._sentence_of[i] > PRONOUN_WINDOW:
                return None
            prev = self._doc[i]
            if prev.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if prev.lower_ == tok.lower_ and (not main or main_clause(prev.head)):
                return prev
            if main and main_clause(prev.head):
                return None
        return None

    def two_before(self, tok: Token, roles: tuple[str, ...], *, people: bool = False,
                   skip: Callable[[Name], bool] | None = None) -> list[Name]:
        """The latest two names of different countries before ``tok`` in its sentence or the ``PRONOUN_WINDOW`` before
        (those holding ``roles`` when two such are named): what "the two presidents", "the two countries" refer
        to. Empty when fewer than two countries are named there. With ``people`` ("the two men", "both
        women"), the latest two persons named there, whatever their countries: two men are no two countries. Names
        for which ``skip`` holds are passed over."""
        here = self.sentence_of(tok)
        ks = [k for k, run in enumerate(self._runs)
              if run[-1].i < tok.i and here - self._sentences[k] <= PRONOUN_WINDOW]
        near = [m for m in self._names(ks) if skip is None or not skip(m)]
        if people:
            persons: dict[str, Name] = {}
            for m in reversed([m for m in near if self._personal(m)]):
                persons.setdefault(m.name, m)
            return list(persons.values())[:2][::-1] if len(persons) >= 2 else []
        for pool in ([m for m in near if _same_role(split_code(m.code)[1], roles)] if roles else [], near):
            found: dict[str | None, Name] = {}
            for m in reversed(pool):
                found.setdefault(split_code(m.code)[0], m)
            if len(found) >= 2:
                return list(found.values())[:2][::-1]
        return []

    def role_before(self, tok: Token, roles: tuple[str, ...], title: frozenset[str] = frozenset()) -> Name | None:
        """The nearest actor with the same roles named in the ``_ROLE_WINDOW`` sentences before ``tok``'s:
        "the president" after "Iranian President Hassan Rouhani" is Rouhani. Not in its own sentence, where an
        actor beside it is another one ("Putin met the president"). With ``title`` (the description's own words),
        the nearest one named with every word of it, if any: "Iranian President Hassan Rouhani met Iraqi Prime
        Minister Adel Abdul Mahdi ... The president" is Rouhani, though both are governments."""
        here = self.sentence_of(tok)
        nearest = None
        for k in reversed(range(len(self._runs))):
            if here - self._sentences[k] > _ROLE_WINDOW:
                break
            m = self._name(k) if self._sentences[k] < here else None
            if m is not None and _same_role(split_code(m.code)[1], roles):
                if not title or title <= set(m.words):
                    return m
                nearest = nearest or m
        return nearest

    def organisation_before(self, tok: Token) -> Name | None:
        """The organisation named last before ``tok``, in its sentence or the ``_ROLE_WINDOW`` sentences before: a
        run of proper nouns coded as a body that is no state's own and no place (an international or
        non-governmental organisation, rebels, an armed group, a party, a union: ``_ORGANISATION_ROLES``), which is
        what "the group" refers to ("BLA has claimed ... The group also opposes", "The G7 joint statement said the
        group remains concerned"). Places, peoples and persons named in between are passed over; the search stops
        (None) at a body it cannot take: a company (``_COMMERCIAL``: "the group" of a business story is a firm,
        whose doings are no political event), a name the parse labels an organisation but that codes none of those
        roles or ends in a body's head noun ("said the Syrian Democratic Forces, an alliance ...": the group is the
        SDF, not Isis named before them); and there is none when such a noun came with an indefinite article ("a
        group of Syrian refugees ... the group wants", "the SDF, an alliance that includes the YPG ... The group
        demanded": the body just introduced). An organisation's name the tagger took for a common noun ("Isis": NN)
        counts where it is (``_missed_organisation_before``)."""
        if self._introduced_before(tok):
            return None
        here = self.sentence_of(tok)
        stray = self._untagged_name_before(tok)
        missed = self._missed_organisation_before(tok)
        for k in reversed(range(len(self._runs))):
            run = self._runs[k]
            if missed is not None and run[-1].i < missed.head:
                return missed  # an organisation's name the tagger took for a common noun came after this run
            if here - self._sentences[k] > _ROLE_WINDOW or run[-1].i < stray:
                break  # a name the tagger missed came after this run: it may be the body meant
            if run[-1].i >= tok.i:
                continue
            code, name, _ = self.run_code(k)
            country, roles = split_code(code) if code else (None, ())
            if roles and roles[0] in _ORGANISATION_ROLES:
                return Name(run[0].i, run[-1].i + 1, run[-1].i, self._sentences[k], self._words[k], code or "", name,
                            False, _subject(run[-1]))
            if (roles and (roles[0] in _COMMERCIAL or (country is not None and roles[0] == "BUS"))) \
                    or any(t.ent_type_ == "ORG" for t in run) or run[-1].lower_.removesuffix("s") in ORG_HEADS:
                return None
        return missed if missed is not None and missed.head > stray else None

    def _missed_organisation_before(self, tok: Token) -> Name | None:
        """The last name before ``tok`` (in its sentence or the ``_ROLE_WINDOW`` before) that the tagger took for a
        singular common noun and that codes an organisation (``_ORGANISATION_ROLES``): "Isis" is tagged NN, so it is
        in no run of proper nouns, yet it is the body "the group" refers to ("US-backed forces fought Isis in
        Baghuz. The group had seized the town in 2014"). A capitalised word inside a sentence, or one the
        dictionaries know as an organisation's name."""
        for t in reversed(self._doc[self.window_start(tok, _ROLE_WINDOW) : tok.i]):
            if t.tag_ != "NN" or not t.text[:1].isupper() or t.lemma_.lower() in _COLLECTIVE_NOUNS:
                continue
            code, name, _ = code_recorded(self._coder, [t], self._day, t)
            roles = split_code(code)[1] if code else ()
            if roles and roles[0] in _ORGANISATION_ROLES:
                return Name(t.i, t.i + 1, t.i, self._sentence_of[t.i], (t.lower_,), code or "", name, False,
                            _subject(t))
        return None

    def _untagged_name_before(self, tok: Token) -> int:
        """The index of the last name before ``tok`` (in the ``_ROLE_WINDOW``) that is in no run of proper nouns
        because the tagger took it for a common noun, or -1: a capitalised possessor ("Isis’s sectarian focus": with
        a curly apostrophe the tagger makes 'Isis' a NOUN) or a word the parse labels an organisation. Such a name
        may be the body "the group" refers to, so no run named before it can be taken."""
        for t in reversed(self._doc[self.window_start(tok, _ROLE_WINDOW) : tok.i]):
            if t.pos_ == "NOUN" and t.text[:1].isupper() and (t.ent_type_ == "ORG" or (
                    t.dep_ == "poss" and any(c.dep_ == "case" for c in t.children))):
                return t.i
        return -1

    def _introduced_before(self, tok: Token) -> bool:
        """A collective noun for an organisation with an indefinite article comes before ``tok``, in its sentence
        or the ``_ROLE_WINDOW`` before ("a group of Syrian refugees", "an alliance that includes the YPG"): the body
        just introduced is what "the group" refers to, whatever is named after it."""
        return any(t.lemma_.lower() in _COLLECTIVE_NOUNS and t.pos_ == "NOUN"
                   and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
                   for t in self._doc[self.window_start(tok, _ROLE_WINDOW) : tok.i])

    def country_at(self, tok: Token) -> str | None:
        """The country the names of the sentences before ``tok``'s code most often (the latest on a tie): the
        article's country there. Names of its own sentence are left out: there a country named beside the role is
        more often the other party ("Japan wants China to release the fishermen"), except in the first sentence
        with names, where a subject takes the first country named before it ("In Kenya, police arrested ...":
        a lead names its main actor first)."""
        here = self.sentence_of(tok)
        if here in self._country_at:
            return self._country_at[here]
        # a news outlet is the channel of the news, not a party to it ("told the BBC", "Reuters reported"): its home
        # country says nothing of where the story is (a US story told to the BBC is no British one)
        earlier = [m for m in self._names(k for k in range(len(self._runs)) if self._sentences[k] < here)
                   if not _medium(m)]
        if not earlier:  # the first sentence with names: the first it names before a subject
            if tok.dep_ not in ("nsubj", "nsubjpass"):
                return None
            before = (self._name(k) for k, run in enumerate(self._runs) if run[-1].i < tok.i)
            return next((split_code(m.code)[0] for m in before if m is not None and not _medium(m)), None)
        # a subject counts twice: the subject is the most salient place of a clause (centering theory), and a
        # story's own country is its usual subject while the countries it deals with are objects and places
        counts: Counter[str | None] = Counter()
        for m in earlier:
            counts[split_code(m.code)[0]] += 2 if m.subject else 1
        # on a tie, the country named last: the more recent of equally salient names is the more salient one
        # (measured on the tuning part: the first-named country did a little worse)
        latest = {split_code(m.code)[0]: m.start for m in earlier}
        found = self._country_at[here] = max(counts, key=lambda c: (counts[c], latest[c]))
        top = sorted((n for c, n in counts.items() if c is not None), reverse=True)
        self._contested[here] = len(top) >= CONTESTED and top[0] == top[CONTESTED - 1]
        return found

    def contested_at(self, tok: Token) -> bool:
        """No country stands out as the article's at ``tok``: ``CONTESTED`` or more countries are named there
        equally often (``country_at`` counts), so the latest of them is the article's country by the order of
        mention only ("Sweden ... Mexico ... South Africa", each once, before "union official Ulf Carlsson")."""
        self.country_at(tok)
        return self._contested.get(self.sentence_of(tok), False)

    def country_named_before(self, tok: Token) -> tuple[str | None, bool]:
        """What a definite "the country" before ``tok`` in its own sentence refers to, and whether a person is named
        there before it. The country is the last country named as a subject ("France has said its forces will remain
        in Mali and the country's armed forces minister ...": France; centering, the subject just named), else the
        last country named as a place ("Putin arrived in Turkey, and the country's foreign minister ...": Turkey;
        "Pompeo flew to Baghdad, where the country's prime minister ...": Iraq). A person is no antecedent of "the
        country": a visitor's country is not the country visited."""
        here = self.sentence_of(tok)
        named = self._names(k for k, n in enumerate(self._sentences) if n == here and self._runs[k][-1].i < tok.i)
        subjects = self.body_subjects_before(tok, named)  # "France", "Turkish officials", "Iranian state TV"
        places = [m for m in named if not self._personal(m) and not split_code(m.code)[1]
                  and _where_one_goes(self._doc[m.head])]
        found = subjects or places
        return (split_code(found[-1].code)[0] if found else None), any(self._personal(m) for m in named)

    def actor_country_before(self, tok: Token, other_than: frozenset[str | None]) -> str | None:
        """The country of the actor named last before ``tok`` (in its sentence or the ``PRONOUN_WINDOW`` before):
        a name coded with a country as a subject or an object, or as the owner or modifier of one ("Iran's foreign
        minister", "Iranian officials"), not a place where something happens ("in Syria"); one of ``other_than``
        (the country of the clause's own subject: "Britain warned the country" is not Britain) is passed over.
        None when the nearest such mention is coordinated with another of a different country (two equally
        close: "Iran and Iraq")."""
        here = self.sentence_of(tok)
        for k in reversed(range(len(self._runs))):
            if here - self._sentences[k] > PRONOUN_WINDOW:
                break
            m = self._name(k) if self._runs[k][-1].i < tok.i else None
            country = split_code(m.code)[0] if m is not None else None
            if m is None or country in other_than or not _actor_position(self._doc[m.head]):
                continue
            head = self._doc[m.head]
            others = {split_code(o.code)[0] for c in head.conjuncts
                      if (o := self._name_at(c)) is not None}
            return None if others - {country} else country
        return None

    def _name_at(self, tok: Token) -> Name | None:
        """The coded name whose head is ``tok``, if any."""
        k = next((k for k, run in enumerate(self._runs) if run[-1].i == tok.i), None)
        return self._name(k) if k is not None else None

    def _personal(self, m: Name) -> bool:
        """The name may be a person's: as a pronoun's antecedent (``Name.person``), or its last word is labelled a
        person ("Secretary of State Mike Pompeo": the parse labels 'State' an organisation, but Pompeo is no
        body)."""
        return m.person or self._doc[m.head].ent_type_ == "PERSON"

    def body_subjects_before(self, tok: Token, named: list[Name] | None = None) -> list[Name]:
        """The subjects before ``tok`` in its sentence that name a country or a body of one, not a person, in
        order: names ("France", "Turkish officials") and common nouns a demonym or possessor places ("Iranian state
        TV", "the Iranian government", "Iran's foreign ministry"), which are in no run of proper nouns. What "the
        country" refers to (centering: the subject just named)."""
        if named is None:
            here = self.sentence_of(tok)
            named = self._names(k for k, n in enumerate(self._sentences)
                                if n == here and self._runs[k][-1].i < tok.i)
        found = [m for m in named if m.subject and not self._personal(m)]
        for t in self._doc[tok.sent.start : tok.i]:
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN":
                m = self._noun_subject(t)
                if m is not None:
                    found.append(m)
        return sorted(found, key=lambda m: m.head)

    def _noun_subject(self, t: Token) -> Name | None:
        """The subject headed by the common noun ``t``, coded once, when it names a country's body that is no one
        person (``_body_noun``: "Iranian state TV", not "the Iranian president")."""
        if t.i not in self._noun_subjects:
            toks = phrase_tokens(t)
            code, name, _ = code_recorded(self._coder, toks, self._day, t)
            self._noun_subjects[t.i] = Name(toks[0].i, toks[-1].i + 1, t.i, self._sentence_of[t.i],
                                            tuple(x.lower_ for x in toks), code or "", name, False, True) \
                if code and split_code(code)[0] and _body_noun(t) else None
        return self._noun_subjects[t.i]

    def lead_place_country(self, tok: Token) -> str | None:
        """The one country the first sentence with names names, when ``country_at`` finds none there and that
        country is named as a place ("... was killed in a gun battle with police Friday ... near Gonaives in
        Haiti's north"): a lead that sets its act in one country and names no other tells of that country's
        police, gangs and army. None in a text of fewer than ``ARTICLE_SENTENCES`` sentences, after the first
        sentence with names, when a name of the country is a party, and when the sentence names two countries
        ("Police arrested a British tourist in Thailand" names GBR by an adjective, no name: THA)."""
        from .actor_fallbacks import ARTICLE_SENTENCES

        here = self.sentence_of(tok)
        # a headline, a snippet or a lone sentence has no lead that sets a story in a country
        if self._sentence_of[-1] + 1 < ARTICLE_SENTENCES \
                or self._names(k for k, n in enumerate(self._sentences) if n < here):
            return None
        own = [k for k, n in enumerate(self._sentences) if n == here]
        named = [k for k in own if self._name(k) is not None]
        countries = {split_code(m.code)[0] for m in self._names(named)}
        # every name of the sentence that codes a country names a place: "met Donald Trump at the White House"
        # names the host as a party too, and the one who came is not of his country
        if len(countries) != 1 or not all(in_place_phrase(self._runs[k][-1]) for k in named) \
                or _foreign_word(tok.sent, countries):
            return None
        return next(iter(countries))

    def place_country_at(self, tok: Token, sentences: Callable[[int], bool] = lambda n: True) -> str | None:
        """The country the article names more often than any other as a place up to the end of ``tok``'s
        sentence, in the sentences ``sentences`` accepts (by index): where its events happen ("in
        Baghuz, eastern Syria", "at a camp in northern Syria", "inside Syria"), not who acts in them. A name counts
        when it is not a person's, codes a country without a role (a place, not "Syrian forces") and is the object
        of a preposition of place or owns or modifies it (``in_place_phrase``). None when there is no such
        country."""
        here = self.sentence_of(tok)
        counts: Counter[str] = Counter()
        latest: dict[str, int] = {}
        for m in self._names(k for k, n in enumerate(self._sentences) if n <= here and sentences(n)):
            country, roles = split_code(m.code)
            if country is None or roles or m.person or not in_place_phrase(self._doc[m.head]):
                continue
            counts[country] += 1
            latest[country] = m.start
        ranked = counts.most_common(2)
        # a country named as often as another is no clear place of the story (a summit's host named once beside
        # the war's country, "Iraq and Syria")
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]


# the actor rule of a dictionary person matched by a last name alone: a guess, not a full name
SURNAME_GUESS = "actors.last-name-of-a-listed-person"
# honorifics that may precede a lone surname ("Mr. Abe", "Lady Thatcher", "Lord Falconer"): not part of the name
# (lexicons/title_words.tsv, honorific, with and without a full stop); "Sir" and "Dame" precede a given name ("Sir
# Howard" is Sir Howard Newby, no one surnamed Howard), so the word after them is no lone surname
HONORIFIC_WORDS = frozenset(w.lower() + dot for w in words("title_words", "honorific") for dot in ("", ".")
                            if w not in ("SIR", "DAME"))
_COLLECTIVE_NOUNS = words("title_words", "collective-noun")
# the first roles of an organisation "the group" may refer to: international and non-governmental bodies, armed
# groups, rebels, insurgents, separatists, radicals, parties, the opposition, unions, rights and religious groups
_ORGANISATION_ROLES = frozenset({"IGO", "NGO", "IMG", "REB", "UAF", "RAD", "INS", "SEP", "PTY", "OPP", "LAB", "HRI",
                                 "REL", "ENV"})
# a company ("the group" of a business story): no antecedent for a political event's actor
_COMMERCIAL = frozenset({"MNC"})


def _medium(m: Name) -> bool:
    """The name is a news outlet's (a role MED: "Reuters", "the BBC", "Xinhua"): who carried or was told the news."""
    return "MED" in split_code(m.code)[1]


def _subject(tok: Token) -> bool:
    """The name is a subject, or the possessor or modifier of one ("Kenya's ministry", "Kenyan police")."""
    while tok.dep_ in ("poss", "compound", "amod", "case") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def _full_name(run: Sequence[Token]) -> bool:
    """A given name and a last name, titles and honorifics aside ("Tory leader Michael Howard" -> "Michael
    Howard"; "Lady Thatcher" is a surname alone)."""
    words = [t for t in run if t.lower_ not in TITLE_WORDS and t.lower_ not in HONORIFIC_WORDS]
    return len(words) >= 2 and all(t.text[:1].isupper() and t.text.isalpha() for t in words) \
        and not any(t.ent_type_ in _NOT_PERSON for t in words)


def _same_role(named: tuple[str, ...], roles: tuple[str, ...]) -> bool:
    """A named actor holds the role: the same roles, or a government title ("the prime minister", GOV) after a
    person the dictionaries know only as an elite ("Prime Minister Imran Khan", ELI)."""
    return named == roles or (roles == ("GOV",) and named == ("ELI",))


# (code, name, the actor rules that fired coding it)
Recorded = tuple["str | None", str, tuple[str, ...]]


def code_recorded(coder: ActorCoder, toks: Sequence[Token], day: date | None, head: Token) -> Recorded:
    """``coder.code_tokens`` with every rule on, and the rules that fired (a rule that fires always returns True,
    so the code is the one ``code_tokens`` gives without a rule switch)."""
    fired: list[str] = []

    def record(rule_id: str) -> bool:
        fired.append(rule_id)
        return True

    code, name = coder.code_tokens(toks, day, head, record)
    return code, name, tuple(fired)


def proper_runs(doc: Doc) -> list[list[Token]]:
    """Maximal runs of adjacent capitalised proper nouns ("Shinzo Abe", "New Delhi"), each in one sentence."""
    from spacy.attrs import POS
    from spacy.symbols import PROPN

    runs: list[list[Token]] = []
    # the proper nouns found in the doc's array of tags: a Token object only for them, not for every token
    for i in (doc.to_array(POS) == PROPN).nonzero()[0]:
        tok = doc[int(i)]
        if not tok.text[:1].isupper():
            continue
        if runs and runs[-1][-1].i == tok.i - 1 and not tok.is_sent_start:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    return runs


def _person(run: Sequence[Token], code: str) -> bool:
    """A name that may be a person: not labelled a place or organisation by the parse, and coded with a role
    (a bare country code is a place or a people: "Iran", "Iranians")."""
    if any(t.ent_type_ in _NOT_PERSON for t in run):
        return False
    return bool(split_code(code)[1]) and split_code(code)[1][0] not in ("IGO", "NGO", "MNC", "UNO")


class _LastReferents(threading.local):
    referents: Referents | None = None


# the last document's referents, per thread: the quotes stage resolves speakers (``coding.mentions``) in a context
# of its own after the events coder's, on the same document, date and actor coder; what the referents (and the full
# names made from them) hold is a function of those three alone, so the second context takes them as they are
_LAST = _LastReferents()


def referents_of(ctx: DocContext, doc: Doc, actors: ActorCoder) -> Referents:
    """The document's ``Referents``, built on first use and kept on its context (one per document; a later context
    of the same document, coder and date gets the same ones)."""
    if ctx.referents is None:
        last = _LAST.referents
        if last is None or not last.made_for(doc, actors, ctx.day):
            last = _LAST.referents = Referents(doc, actors, ctx.day)
        ctx.referents = last
    refs: Referents = ctx.referents
    return refs


def _body_noun(t: Token) -> bool:
    """A common noun that names a body or a group, not one person: a plural ("Iranian officials", "Turkish
    forces"), a body's head noun ("the Iranian government", "Iran's foreign ministry": lexicons/title_words.tsv,
    org-head) or an abbreviation ("Iranian state TV"). A singular noun of a person ("a High Court judge in
    Zimbabwe", "the Iranian president") is no antecedent of "the country", as a named person is not."""
    return t.tag_ == "NNS" or t.lemma_.lower() in ORG_HEADS or (len(t.text) > 1 and t.text.isupper())


def place_object(tok: Token) -> Token:
    """The token a name stands for in its phrase: the name, or the head of the phrase it owns, modifies or is
    coordinated with ("Haiti" in "in Haiti's north" stands for "north")."""
    while tok.dep_ in ("poss", "compound", "appos", "conj") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def in_place_phrase(tok: Token) -> bool:
    """The name is the object of a preposition of place, or owns or modifies it ("in Haiti", "in Haiti's north",
    "near the Haitian town of X" is not: an adjective is no name)."""
    tok = place_object(tok)
    return tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS


def _actor_position(tok: Token) -> bool:
    """The name stands where an actor does: a subject or an object, or the owner or modifier of a noun in such a
    place ("Iran's foreign minister said", "Iranian officials met"), or the object of a preposition that is no
    place's ("talks with Iran", "sanctions against Russia")."""
    while tok.dep_ in ("compound", "poss", "amod", "flat") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "dative", "appos"):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ not in (*_PLACE_PREPS, "to", "into", "from", "across", "through")


def _where_one_goes(tok: Token) -> bool:
    """The name is the place of a verb: where someone arrives, goes or is ("arrived in Turkey", "flew to Baghdad"),
    not a place that qualifies a noun ("a crackdown on the Kurds inside Syria")."""
    tok = place_object(tok)
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ in (*_PLACE_PREPS, "to", "into") and prep.head.pos_ in ("VERB", "AUX")


def _foreign_word(sent: Any, countries: set[str | None]) -> bool:
    """The sentence names another country by a word the proper-name runs do not code as one ("a British tourist",
    "Iranian-made drones"): then its roles may be of either country."""
    from .actor_fallbacks import country_surfaces

    table = country_surfaces()
    return any(t.text[:1].isupper() and table.get((t.lower_,), None) not in (None, *countries) for t in sent)
