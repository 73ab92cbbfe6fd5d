"""Persons the article names in full, for a lone surname that refers back to them.

News introduces a person once in full, mostly with what they are ("Afghan foreign ministry spokesperson Abdul
Qahar Balkhi", "Frantz Exantus, Haiti's secretary of state for communication", "U.N. special rapporteur Richard
Bennett"), and then uses the surname alone ("Balkhi said"). The entities stage groups such mentions ("a part of a
person's full name"); the event coder does the same here. A full name is coded by its own dictionary entry when it
has one, else by the title or apposition that describes it; a lone surname then takes that code:

* where the dictionaries know neither the surname nor the full name (``referents.Referents`` indexes only names
  the dictionaries code, so "Balkhi" after an uncoded "Abdul Qahar Balkhi" stayed uncoded), and
* where the dictionaries guess another person for the surname ("Bennett" -> a New Zealand minister of that name,
  "Chaudhry" -> a Fijian prime minister) but the article names in full its own person of that surname.

Built from the parse alone, on the article date, once per document.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..gender import agrees, person_gender
from .actor_codes import split_code
from .actors import TITLE_WORDS, ActorCoder
from .referents import Recorded, Referents, code_recorded, proper_runs
from .salience import main_subject, rank
from .syntax import phrase_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Entity labels of the parse that never name a person.
_NOT_PERSON = frozenset({"GPE", "LOC", "NORP", "ORG", "FAC", "PRODUCT", "EVENT", "LAW", "DATE", "MONEY", "TIME"})
# honorifics that are no part of a name ("Mr Howard" names no one in full); a peer's or knight's title is ("Lord
# Goldsmith", "Baroness Scotland": how the article names them in full, with their office beside it)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr."})
# ranks and titles written before a name, full and abbreviated ("Lt. Gen.", "Sen.", "Mullah")
_RANKS = frozenset({"lt", "lt.", "gen", "gen.", "col", "col.", "maj", "maj.", "brig", "brig.", "capt", "capt.",
                    "sgt", "sgt.", "adm", "adm.", "sen", "sen.", "rep", "rep.", "gov", "gov.", "lieutenant",
                    "colonel", "major", "brigadier", "captain", "admiral", "commander", "mullah", "mawlawi",
                    "justice", "judge", "senator", "governor", "ambassador", "envoy", "spokesperson", "spokesman"})
_SURNAME_GUESS = "actors.last-name-of-a-listed-person"
# the rule that codes a mayor of a named place by the country alone (``actor_resolution._no_national_office``)
LOCAL_OFFICE = "actors.mayor-is-no-national-government"
# roles a person may hold; a full name coded as a bare country or a place is no person
_PERSON_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP", "PTY", "MED", "ELI", "REB", "BUS",
                           "CVL", "EDU", "HLH", "LAB", "CRM", "IGO", "UNO", "NGO", "HRI", "UAF", "REF"})


@dataclass(frozen=True, slots=True)
class FullName:
    """A person named in full: tokens ``[start, end)``, its lower-cased name words (titles aside), code and name."""

    start: int
    end: int
    words: tuple[str, ...]
    code: str
    name: str
    sentence: int  # index of its sentence in the document
    subject: bool  # the name heads (or modifies the head of) a clause's subject
    main: bool = False  # the subject of its sentence's main clause (``salience.main_subject``)


class FullNames:
    """The persons one document names in full, coded by their entry or their description (module docstring)."""

    def __init__(self, doc: Doc, coder: ActorCoder, day: date | None, referents: Referents | None = None) -> None:
        self.names: list[FullName] = []
        self._mentions: list[FullName] | None = None
        self._starts = [sent.start for sent in doc.sents]  # a token's sentence by bisection, not a map of all
        # the document's ``referents`` (when given) have the same runs, and code each the same way once
        runs = proper_runs(doc) if referents is None else referents.runs
        for k, run in enumerate(runs):
            # titles and their abbreviations aside ("Lt. Gen. Ahmed Sharif Chaudhry" -> "Ahmed Sharif Chaudhry"),
            # and the words of the title before them ("Finance Minister Muhammad Aurangzeb", "Treasury Secretary
            # Scott Bessent": the office is no part of the name, and the parse often labels it an organisation)
            words = [t for t in _after_title(run) if t.lower_ not in TITLE_WORDS and t.lower_ not in _HONORIFICS
                     and t.lower_ not in _RANKS and not t.is_punct and t.text != "."]
            if len(words) < 2 or not all(t.text[:1].isupper() and t.text.replace("-", "").isalpha() for t in words) \
                    or any(t.ent_type_ in _NOT_PERSON for t in words):
                continue
            code, name = _described(run, coder, day, referents.run_code(k) if referents is not None else None)
            if code is not None:
                self.names.append(FullName(run[0].i, run[-1].i + 1, tuple(t.lower_ for t in words), code, name,
                                           self._sentence(run[0].i), _subject(run[-1]), main_subject(run[-1])))

    def _sentence(self, i: int) -> int:
        """Index of the sentence of token ``i``."""
        return bisect_right(self._starts, i) - 1

    def person(self, tok: Token) -> FullName | None:
        """The person named in full whose last name is ``tok``'s word: the nearest before it, else the first after
        it; None when the persons it could be have different countries."""
        word = tok.lower_
        found = [m for m in self.names if m.words[-1] == word and not m.start <= tok.i < m.end]
        if not found or len({owner(m.code) for m in found}) != 1:
            return None
        before = [m for m in found if m.end <= tok.i]
        return before[-1] if before else found[0]


    def mentions(self, doc: Doc) -> list[FullName]:
        """Every mention of the persons named in full: the full names and the lone surnames that refer to them
        ("Pedersen said" after "Geir Pedersen"), each with its own place, sentence and subjecthood."""
        if self._mentions is None:
            from spacy.attrs import POS
            from spacy.symbols import PROPN

            last = {m.words[-1] for m in self.names}
            inside = {i for m in self.names for i in range(m.start, m.end)}
            found = list(self.names)
            # the proper nouns found in the doc's array of tags: a Token object only for them, not for every token
            for i in (doc.to_array(POS) == PROPN).nonzero()[0] if last else ():
                tok = doc[int(i)]
                if tok.lower_ in last and tok.i not in inside and tok.text[:1].isupper():
                    full = self.person(tok)
                    if full is not None:
                        found.append(FullName(tok.i, tok.i + 1, full.words, full.code, full.name,
                                              self._sentence(tok.i), _subject(tok), main_subject(tok)))
            self._mentions = sorted(found, key=lambda m: m.start)
        return self._mentions

    def person_before(self, tok: Token, window: int) -> FullName | None:
        """The nearest person named in full (or by their surname after it) as a subject before ``tok`` in its
        sentence or the ``window`` sentences before, else the nearest one mentioned there (as
        ``referents.Referents.person_before``), passing over a person the article gives the other gender than the
        pronoun ``tok`` (``gender.agrees``), and taking a main clause's subject over an embedded one as that does
        (``salience``)."""
        here = self._sentence(tok.i)
        near = [m for m in self.mentions(tok.doc) if m.end <= tok.i and here - m.sentence <= window
                and agrees(tok, person_gender(tok.doc, m.words))]
        subjects = [m for m in near if m.subject]
        if subjects:
            ranked = main_subject(tok)
            return max(subjects, key=lambda m: rank(m.sentence, m.main, m.start, ranked))
        return near[-1] if near else None


def _after_title(run: Sequence[Token]) -> Sequence[Token]:
    """The words of a run of proper nouns after its last title word: the name a title introduces."""
    titles = [k for k, t in enumerate(run) if t.lower_ in TITLE_WORDS or t.lower_ in _RANKS]
    return run[titles[-1] + 1 :] if titles else run


def _subject(tok: Token) -> bool:
    """The name is a subject, or the possessor or modifier of one ("Pedersen's office", "envoy Geir Pedersen")."""
    while tok.dep_ in ("poss", "compound", "amod", "case", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def owner(code: str | None) -> str | None:
    """Whose actor a code is: its country, or the organisation or kind of body it names first ("IGOUNO" -> "IGO",
    "NGO"); None for a role without one ("---GOV")."""
    if not code or code.startswith("---"):
        return None
    country = split_code(code)[0]
    return country if country is not None else code[:3]


def _described(run: Sequence[Token], coder: ActorCoder, day: date | None,
               own: Recorded | None = None) -> tuple[str | None, str]:
    """The code of a full name: its own entry, else the noun phrase it heads with its titles and modifiers
    ("Afghan foreign ministry spokesperson Abdul Qahar Balkhi"), else its apposition ("Frantz Exantus, Haiti's
    secretary of state ...") or the title it is the apposition of ("the U.N. envoy, Geir Pedersen"). Only a code
    with a person's role counts; one without a country ("Lt. Gen. Ahmed Sharif Chaudhry, director general of
    the military's media wing": ---MIL) is placed where the surname is used (``arguments._full_name``)."""
    head = run[-1]
    heads = [head, *(c for c in head.children if c.dep_ == "appos")]
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        heads.append(head.head)
    unplaced: tuple[str | None, str] = (None, "")
    last_name_only: bool | None = None  # the same for every phrase: found on first need, once
    for n, (toks, phrase_head) in enumerate([(list(run), head), *((phrase_tokens(h), h) for h in heads)]):
        # the run's own code (``own``: ``referents.Referents.run_code``, when given) is the first phrase's
        code, name, fired = own if n == 0 and own is not None else code_recorded(coder, toks, day, phrase_head)
        if _SURNAME_GUESS in fired:
            continue
        if head in toks:
            if last_name_only is None:
                last_name_only = by_last_name_only(run, coder, day)
            if last_name_only:
                continue  # a dictionary entry found by the last name alone ("Gen. Karim Nasser" -> Egypt's Nasser)
        roles = split_code(code)[1]
        if not roles and LOCAL_OFFICE in fired and owner(code) is not None:
            # "London mayor Ken Livingstone": a person whose local office leaves only the country (GBR), not a place
            return code, name or " ".join(t.text for t in run)
        if roles and roles[0] in _PERSON_ROLES:
            if owner(code) is not None:
                return code, name or " ".join(t.text for t in run)
            # a title without a country ("Finance Minister Muhammad Aurangzeb", ---GOV): the phrase around it
            # may say whose ("Pakistan's Finance Minister ...")
            unplaced = unplaced if unplaced[0] else (code, name or " ".join(t.text for t in run))
    return unplaced


def by_last_name_only(run: Sequence[Token], coder: ActorCoder, day: date | None) -> bool:
    """The dictionaries match the full name only by its last word (a listed person or place of that name), so
    the person named is not the one they list."""
    last = run[-1].i
    matches = [m for m in coder.actor_matches(run, day) if m.start <= last < m.end]
    return bool(matches) and all(m.end - m.start == 1 for m in matches)
