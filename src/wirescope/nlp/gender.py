"""Gender agreement of a personal pronoun with the person it refers back to.

"He" and "him"/"his" ask for an antecedent that is not known to be a woman, "she" and "her" for one that is not
known to be a man. What is known comes from the article alone (no guess from a given name):

* a title before the name that only one gender bears: "Mr Blair", "Sir Menzies Campbell", "Lord Woolf" (men);
  "Mrs Thatcher", "Ms Hewitt", "Baroness Boothroyd" (women);
* a role noun said of one gender only, before the name or in apposition to it: "spokeswoman Jane Doe", "Nair,
  the actress", "his wife Cherie" (women); "King Abdullah", "Blair's son Euan" (men). The "-man" titles
  (chairman, spokesman) tell nothing: British news uses them of women too;
* without a title or role, the possessive and reflexive pronouns the person binds as the subject of their clause,
  being the only person the named-entity labels find in the sentence: "Sajid Javid defended his decision",
  "Angela Merkel announced her resignation" (an object "her" never is the subject: "Javid met her").

No list of given names: public name statistics are national (a US one makes Hilary Benn, Lindsay Hoyle and Karen
Karapetyan women, and "Kim Jong-un", "Andrea Orlando" or "Jean Castex" no better), and a wrong gender would bar the
right antecedent where an unknown one bars nothing.

The words are data (``data/entities/gendered_words.tsv``). A person's gender is what the article says of that name
(its full name, e.g. "cherie blair"), else of everyone it calls by that surname when the article names no one else
with it ("Mr Blair" ... "Tony Blair", but not with "Cherie Blair" too); titles and roles first, the bound pronouns
only without them; nothing known, or both genders said, is unknown, and an unknown gender agrees with either
pronoun. The pronoun's own gender is spaCy's morphology (Gender=Masc|Fem), else its word (stored example parses
carry no features).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING

from ..errors import ConfigError
from .grouping import TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FEM, MASC = "Fem", "Masc"
_PRONOUN_GENDER = {"he": MASC, "him": MASC, "his": MASC, "himself": MASC,
                   "she": FEM, "her": FEM, "hers": FEM, "herself": FEM}
# dependencies by which a role noun describes a name: "spokeswoman Jane Doe" (compound), "Jane Doe, the actress"
# (appos), "the actress Jane Doe" (the name in apposition to the noun)
_DESCRIBING = frozenset({"compound", "appos"})


@functools.cache
def gendered_words() -> dict[str, dict[str, str]]:
    """kind ("title" | "role") -> word -> gender, from the bundled table; an error names the bad line."""
    text = resources.files("wirescope.data").joinpath("entities/gendered_words.tsv").read_text(encoding="utf-8")
    out: dict[str, dict[str, str]] = {"title": {}, "role": {}}
    for n, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4 or cols[1] not in (FEM, MASC) or cols[2] not in out or not cols[3]:
            raise ConfigError(f"entities/gendered_words.tsv line {n}: want word, Fem|Masc, title|role, comment")
        out[cols[2]][cols[0]] = cols[1]
    return out


def pronoun_gender(tok: Token) -> str | None:
    """The gender a personal pronoun asks of its antecedent: Masc for he/him/his, Fem for she/her, else None."""
    found = tok.morph.get("Gender", [])
    if len(found) == 1 and found[0] in (FEM, MASC) and tok.pos_ == "PRON":
        return str(found[0])
    return _PRONOUN_GENDER.get(tok.lower_)


def agrees(pronoun: Token, gender: str | None) -> bool:
    """The pronoun may refer to a person of ``gender`` (None: not known, which agrees with anything)."""
    wanted = pronoun_gender(pronoun)
    return wanted is None or gender is None or wanted == gender


class Genders:
    """What one article says of its persons' genders (see the module docstring), read once from the parse."""

    def __init__(self, doc: Doc) -> None:
        self._by_name: dict[tuple[str, ...], set[str]] = {}
        self._by_surname: dict[str, set[str]] = {}
        # what the pronouns a person binds say ("Javid defended his decision"), read only without a title or role
        self._used_name: dict[tuple[str, ...], set[str]] = {}
        self._used_surname: dict[str, set[str]] = {}
        titles, roles = gendered_words()["title"], gendered_words()["role"]
        # surname -> the first words of the longer names that end in it ("ozzy", "sharon" for "osbourne")
        self._firsts: dict[str, set[str]] = {}
        runs = _runs(doc)
        persons = _persons_by_sentence(runs)
        for run in runs:
            words = [t.text.lower().rstrip(".") for t in run]
            name = _name_words(words[len(run) - len(_person_part(run)):], titles)
            if len(name) > 1:
                self._firsts.setdefault(name[-1], set()).add(name[0])
            used = _bound_pronouns(run[-1]) if persons.get(run[-1].sent.start) == 1 else set()
            if used and name:
                self._used_name.setdefault(name, set()).update(used)
                self._used_surname.setdefault(name[-1], set()).update(used)
            said = {titles[w] for w in words if w in titles}  # "Mr Tony Blair", "Lady Thatcher"
            before = run[0].nbor(-1) if run[0].i > 0 else None
            if before is not None and before.text.lower().rstrip(".") in titles:
                said.add(titles[before.text.lower().rstrip(".")])
            said |= {roles[d.lemma_.lower()] for d in _describing(run[-1]) if d.lemma_.lower() in roles}
            if not said or not name:
                continue
            self._by_name.setdefault(name, set()).update(said)
            self._by_surname.setdefault(name[-1], set()).update(said)

    def of(self, words: Sequence[str]) -> str | None:
        """The gender the article gives the person called ``words`` (lower case, titles allowed), else None."""
        titles = gendered_words()["title"]
        name = _name_words([w.rstrip(".") for w in words], titles)
        if not name:
            return None
        # what is said of a surname ("Mr Blair", "Blair said his") is said of a full name only when the article
        # names no one else with it: "Ozzy Osbourne ... his wife Sharon ... Sharon Osbourne" leave her and a lone
        # "Osbourne" unknown
        firsts = self._firsts.get(name[-1], set())
        shared = firsts <= set(name[:-1]) if len(name) > 1 else len(firsts) <= 1
        said = _longest(self._by_name, name) or (self._by_surname.get(name[-1], set()) if shared else set())
        if not said:  # no title or role: the pronouns the person binds, when they all agree
            said = _longest(self._used_name, name) or (
                self._used_surname.get(name[-1], set()) if shared else set())
        return next(iter(said)) if len(said) == 1 else None


def _longest(said: dict[tuple[str, ...], set[str]], name: tuple[str, ...]) -> set[str]:
    """What is said of the longest name of two words or more that ``name`` ends with ("prime minister yulia
    tymoshenko" -> "yulia tymoshenko"), else nothing."""
    return next((said[name[k:]] for k in range(len(name) - 1) if name[k:] in said), set())


def _person_part(run: Sequence[Token]) -> Sequence[Token]:
    """The words of a run of proper nouns that name the person: those the named-entity labels give as a person at
    its end ("Prime Minister Yulia Tymoshenko" -> "Yulia Tymoshenko"), else the words after its last title word
    ("President", "Minister": ``grouping.TITLE_WORDS``), else the whole run."""
    k = len(run)
    while k > 0 and run[k - 1].ent_type_ == "PERSON":
        k -= 1
    if k < len(run):
        return run[k:]
    titled = [n for n, t in enumerate(run) if t.text in TITLE_WORDS]
    return run[titled[-1] + 1:] if titled and titled[-1] + 1 < len(run) else run


def _name_words(words: Sequence[str], titles: dict[str, str]) -> tuple[str, ...]:
    """The words of a name after its titles ("mr", "sir", "baroness"), possessive "'s" dropped."""
    k = 0
    while k < len(words) and words[k] in titles:
        k += 1
    return tuple(w for w in words[k:] if w not in ("'s", "’s"))


def _runs(doc: Doc) -> list[list[Token]]:
    """The runs of proper nouns of ``doc`` (a name as the parse gives it), from its array of tags."""
    from spacy.attrs import POS
    from spacy.symbols import PROPN

    out: list[list[Token]] = []
    last = -2
    for i in (doc.to_array(POS) == PROPN).nonzero()[0]:
        k = int(i)
        if k == last + 1 and out:
            out[-1].append(doc[k])
        else:
            out.append([doc[k]])
        last = k
    return out


def _persons_by_sentence(runs: Sequence[Sequence[Token]]) -> dict[int, int]:
    """Sentence start -> how many runs of proper nouns the named-entity labels call a person there."""
    out: dict[int, int] = {}
    for run in runs:
        if any(t.ent_type_ == "PERSON" for t in run):
            start = run[-1].sent.start
            out[start] = out.get(start, 0) + 1
    return out


def _bound_pronouns(head: Token) -> set[str]:
    """The genders of the possessive and reflexive pronouns that the person named by ``head``, the subject of its
    clause and the only person named in its sentence, binds there: "Javid defended his decision", "May announced
    her resignation", "Blair said his government would act". A pronoun inside a clause with a subject of its own
    that is not on its way up ("Javid said the girl's mother lost her daughter") is someone else's."""
    if head.ent_type_ != "PERSON" or head.dep_ not in ("nsubj", "nsubjpass"):
        return set()
    verb = head.head
    found: set[str] = set()
    for tok in verb.subtree:
        # "his"/"her" only as a possessive: an object "her" is never the clause's own subject ("Javid met her")
        if tok.i <= head.i or tok.lower_ not in _BOUND or (tok.lower_ in ("his", "her") and tok.dep_ != "poss"):
            continue
        if _bound_in(tok, verb):
            found.add(_PRONOUN_GENDER[tok.lower_])
    return found


# possessive and reflexive pronouns, which refer within their clause
_BOUND = frozenset({"his", "her", "himself", "herself"})


def _bound_in(pronoun: Token, verb: Token) -> bool:
    """No subject other than the one the pronoun sits in stands between ``pronoun`` and ``verb``."""
    path = [pronoun]
    t = pronoun
    while t.i != verb.i and t.head.i != t.i:
        t = t.head
        path.append(t)
        if t.i == verb.i:
            break
        if any(c.dep_ in ("nsubj", "nsubjpass") and c not in path for c in t.children):
            return False
    return t.i == verb.i


def _describing(head: Token) -> list[Token]:
    """The nouns that describe the name headed by ``head``: its compound and appositive nouns ("spokeswoman Jane
    Doe", "Jane Doe, the actress"), and the noun it is the apposition of ("the actress, Jane Doe")."""
    found = [c for c in head.children if c.dep_ in _DESCRIBING and c.pos_ == "NOUN"]
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        found.append(head.head)
    return found


# the document's Genders, kept with it (``doc.user_data``, as ``doctext`` and ``coding.doc_arrays`` keep theirs): the
# event coder and the quotation speakers ask of the same document, and it lives and dies with the document
_KEY = "wirescope.genders"


def genders_of(doc: Doc) -> Genders:
    """The ``Genders`` of ``doc``, read from its parse on first use."""
    found: Genders | None = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = Genders(doc)
    return found


def person_gender(doc: Doc, words: Sequence[str], head: Token | None = None) -> str | None:
    """The gender the article gives a person named by ``words`` (lower case), or named by a title alone whose
    head noun ``head`` is said of one gender ("the chairwoman", "the king"); None when it does not say."""
    if head is not None and head.pos_ == "NOUN":
        return gendered_words()["role"].get(head.lemma_.lower())
    return genders_of(doc).of(words)
