"""Dictionary matching for the actor coder (mixin of ``actors.ActorCoder``): the actor and agent entries (user,
supplement and PETRARCH dictionaries) that match a phrase's tokens, longest first, with the PETRARCH stemming rule,
hyphenated words, first-word buckets, and the fallbacks for names the dictionaries lack (surnames, provinces,
plural demonyms)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..doctext import text_of
from ..resources.petrarch import ActorEntry, AgentEntry, Dictionaries, Phrase
from .actor_codes import _usable, split_code
from .actor_fallbacks import division, guessed_country_unnamed
from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token


# Heads that a named modifier names ("Hezbollah movement", "Quds force"), unlike "Trump ally".
ORG_HEADS = words("title_words", "org-head")
# Words that do not occur in a person's name (entries with them are organisations or places).
_NOT_NAME_WORDS = words("title_words", "not-a-name")
# the head nouns of bodies ("Institute", "Authority", "Network"): a dictionary name ending in one is a body's or an
# alias of a body's ("WASHINGTON-BASED THINK TANK" lists a name ending in "Institute"), never a person's last name
_BODY_LAST_WORDS = frozenset(w.upper() for w in ORG_HEADS | words("title_words", "ngo-head"))
_HONORIFICS = words("title_words", "honorific")
# a listed last name matches a word of the text whole: the dictionaries' stemming (a last word without a final "_"
# also matches longer words, for "ARGENTIN" -> Argentine) made "Assadi" Bashar al-Assad (``_stemmed_surname``)
WHOLE_SURNAME = "actors.person-name-is-no-stem"


@dataclass(frozen=True, slots=True)
class Match:
    """A dictionary match over tokens ``[start, end)`` (token indexes in the doc)."""

    start: int
    end: int
    code: str | None  # actor code, or the agent code for agent matches
    name: str
    prefix: bool = False  # agent code goes before the country


# (index after the matched name, code on the article date, entry name)
_Best = tuple[int, str | None, str]
# ``DocContext.fire`` of the event coder: records a named rule and says whether it is on. Callers without a
# context (the quotes stage) get every rule on.
Fire = Callable[[str], bool]


def _always(rule_id: str) -> bool:
    return True


def _upper(tok: Token) -> str:
    return tok.text.upper()


class _Run:
    """A phrase's tokens with their upper-case texts, computed once per phrase: matching compares each position with
    many dictionary entries (MINISTER starts some 580 agent entries, INTERNATIONAL some 490 actor entries), and
    reading a spaCy token's text builds a new string every time."""

    __slots__ = ("toks", "upper")

    def __init__(self, toks: Sequence[Token]) -> None:
        self.toks = toks
        # a typographic apostrophe is the dictionaries' straight one: the Guardian writes "People’s Protection
        # Units" and "Kurdistan Workers’ Party", which matched no entry (or a shorter one: Iraqi Kurdistan)
        self.upper = [tok.text.upper().replace("\u2019", "'") for tok in toks]


def _same_given_name(given: str, entries: Sequence[Any]) -> bool:
    """A full name is the dictionary person of its last name only when its given name is the entry's too: the one
    person listed under the surname, whose name starts with it ("William Hague" -> WILLIAM JEFFERSON HAGUE)."""
    return len({e.name for e in entries}) == 1 and entries[0].name.split()[0] == given


def _may_fall_back(run: _Run, i: int) -> bool:
    """Whether ``ActorCoder._fallback_match`` can find a name at ``run.toks[i]``: a plural demonym ends in "S"
    (five letters or more), a last name or a province is capitalised; most tokens of a phrase are neither, and
    are not tried (the fallbacks run for every position no dictionary entry matched)."""
    upper = run.upper[i]
    return (len(upper) > 4 and upper.endswith("S")) or run.toks[i].text[:1].isupper()


def _match_phrase(phrase: Phrase, run: _Run, i: int) -> int:
    """Token index after the match of ``phrase`` starting at ``run.toks[i]``, or -1. Hyphenated dictionary words
    ("AL-QAEDA") match the hyphen-split tokens spaCy makes."""
    upper = run.upper
    last = len(phrase.words) - 1
    j = i
    for k, word in enumerate(phrase.words):
        if j >= len(upper):
            return -1
        text = upper[j]
        if text == word:
            j += 1
        elif "-" in word:
            j = _hyphenated(word, run, j)
            if j < 0:
                return -1
        elif k == last and phrase.stem and len(word) >= 4 and text.startswith(word):
            j += 1
        else:
            # a possessive on the last word ("Gondor's") is a separate token; plurals of stemmed words are covered
            return -1
    return j


def _hyphenated(word: str, run: _Run, j: int) -> int:
    """Token index after the tokens from ``j`` that spell the hyphenated ``word`` without spaces, or -1."""
    joined = ""
    start = j
    while j < len(run.upper) and len(joined) < len(word):
        joined += run.upper[j]
        if run.toks[j].whitespace_ and len(joined) < len(word):
            break
        j += 1
    return j if joined == word and j != start else -1


@functools.lru_cache(maxsize=16384)  # asked at every position of every phrase coded; the same words recur
def _first_keys(text: str) -> tuple[str, ...]:
    """Dictionary keys a phrase starting with the upper-case word ``text`` may be listed under."""
    keys = [text]
    # prefixes for stemmed single-word entries (ARGENTIN -> ARGENTINA); at least 4 letters
    keys.extend(text[:k] for k in range(len(text) - 1, 3, -1))
    if "-" in text:
        keys.append(text.split("-")[0])
    return tuple(keys)


_LISTED_MAX = 200_000  # words whose listing ``ActorMatcher._listed`` keeps

_T = TypeVar("_T")
_SMALL = 8  # a first word with at most this many entries: they are all tried, an index would not pay


class _Bucket(Generic[_T]):
    """The entries listed under one first word, indexed by the word that must follow it: at a position only the
    entries the next token can continue are tried (most of the hundreds under INTERNATIONAL or MINISTER cannot),
    in the order they are listed, which decides between matches of the same length. An entry left out is one
    ``_match_phrase`` would refuse: its first word takes exactly one token, its second is not the next one."""

    __slots__ = ("always", "any_next", "by_next", "entries")

    def __init__(self, entries: Sequence[tuple[Phrase, _T]]) -> None:
        self.entries = entries
        self.any_next: list[int] = []  # positions of the entries any next token may continue
        self.by_next: dict[str, list[int]] = {}  # second word -> positions of the entries it must be
        for k, (phrase, _) in enumerate(entries):
            second = _second_word(phrase)
            if second is None:
                self.any_next.append(k)
            else:
                self.by_next.setdefault(second, []).append(k)
        self.always = [entries[k] for k in self.any_next]

    def plausible(self, next_word: str | None) -> Sequence[tuple[Phrase, _T]]:
        found = self.by_next.get(next_word, ()) if next_word is not None else ()
        if not found:
            return self.always
        return [self.entries[k] for k in sorted((*self.any_next, *found))]


def _second_word(phrase: Phrase) -> str | None:
    """The word the token after the first must be for ``phrase`` to match, or None when it need not be one word:
    a one-word phrase, a hyphenated first or second word (several tokens), a stemmed last word (a prefix)."""
    words = phrase.words
    if len(words) < 2 or "-" in words[0] or "-" in words[1] or (len(words) == 2 and phrase.stem):
        return None
    return words[1]


class ActorMatcher:
    """Mixin of ``ActorCoder``: the dictionary matches of a phrase's tokens."""

    # set by ``ActorCoder``
    dicts: Dictionaries
    extra_agents: Dictionaries
    user: dict[str, list[tuple[Phrase, ActorEntry]]]
    by_surname: bool
    _stems: dict[str, list[tuple[Phrase, int]]] | None
    _surnames: dict[str, list[int]] | None
    _buckets: dict[tuple[str, str], _Bucket[Any]]
    _listed_words: dict[str, bool]

    @property
    def stems(self) -> dict[str, list[tuple[Phrase, int]]]:
        """One-word stemmed actor entries ("ARGENTIN"), the only ones a token's prefix can match (built once)."""
        if self._stems is None:
            self._stems = {}
            for key, entries in self.dicts.actors.items():
                for phrase, idx in entries:
                    if len(phrase.words) == 1 and phrase.stem:
                        self._stems.setdefault(key, []).append((phrase, idx))
        return self._stems

    @property
    def surnames(self) -> dict[str, list[int]]:
        """Last word of the dictionary's person entries -> entry indexes (built once). A person entry has two to
        four name words and a dated or ``ELI`` code (how the Phoenix country files list office holders), and its last
        word is no body's head noun ("The Institute for Fiscal Studies" is no listed person named Institute)."""
        if self._surnames is None:
            self._surnames = {}
            for entries in self.dicts.actors.values():
                for phrase, idx in entries:
                    words = phrase.words
                    if not 2 <= len(words) <= 4 or words[-1] in _BODY_LAST_WORDS \
                            or any(w in _NOT_NAME_WORDS or not w.replace("-", "").isalpha() for w in words):
                        continue
                    entry = self.dicts.actor_entries[idx]
                    if any(c.start or c.end or c.code.endswith("ELI") for c in entry.codes):
                        found = self._surnames.setdefault(words[-1], [])
                        if idx not in found:
                            found.append(idx)
        return self._surnames

    def _surname(self, toks: Sequence[Token], i: int, day: date | None) -> tuple[int, str | None, str] | None:
        """"President Mugabe", "Mr. Bouteflika", "Mugabe said": a capitalised last name (not after an unknown
        first name) of dictionary people who all share one country: that person's code when there is one, else
        the country (a title noun adds the role)."""
        tok = toks[i]
        text = tok.text
        if len(text) < 4 or not text[0].isupper() or not text[1:].islower():
            return None
        if getattr(tok, "pos_", "PROPN") != "PROPN":
            return None  # "Rice prices rose": a capitalised common noun, not Condoleezza Rice
        if getattr(tok, "ent_type_", "") == "NORP":
            return None  # "a Christian militia": a religion or nationality the parse names so, not a listed surname
        if i + 1 < len(toks) and toks[i + 1].text[:1].isupper() and toks[i + 1].text.isalpha():
            return None  # not the last word of a name
        given = self._given_name(toks, i)  # "Grace Mugabe" is not Robert Mugabe
        idxs = self.surnames.get(text.upper(), [])
        if not idxs:
            return None
        entries = [self.dicts.actor_entries[k] for k in idxs]
        if given and not _same_given_name(given, entries):
            return None  # "Michael Howard" is not John Howard; "William Hague" is William Jefferson Hague
        codes = [e.code_on(day) for e in entries]
        countries = {split_code(c)[0] for c in codes if _usable(c)}
        if len(countries) != 1 or None in countries:
            return None
        if len({e.name for e in entries}) == 1:
            return i + 1, codes[0], entries[0].name
        country = countries.pop()
        return (i + 1, country, text.upper()) if country else None

    def _given_name(self, toks: Sequence[Token], i: int) -> str:
        """The capitalised word before a last name that is neither an honorific nor a title ("Grace" in "Grace
        Mugabe"), upper-cased, or ""."""
        if i == 0 or not toks[i - 1].text[:1].isupper():
            return ""
        prev = _upper(toks[i - 1])
        return "" if prev.rstrip(".") in _HONORIFICS or self._agent_word(prev) else prev

    def _inside_name(self, toks: Sequence[Token], i: int, after_match: bool = False) -> bool:
        """``toks[i]`` is one word of a longer proper name: a capitalised neighbour that is not a title (nor part of
        the actor or title matched just before, ``after_match``)."""
        for k in (i + 1,) if after_match else (i - 1, i + 1):
            if 0 <= k < len(toks):
                word = toks[k].text
                if word[:1].isupper() and getattr(toks[k], "pos_", "PROPN") == "PROPN" \
                        and word.upper().rstrip(".") not in _HONORIFICS and not self._agent_word(word.upper()):
                    return True
        return False

    def _agent_word(self, word: str) -> bool:
        return bool(self.dicts.agents.get(word) or self.extra_agents.agents.get(word))

    def actor_matches(self, toks: Sequence[Token], day: date | None, fire: Fire = _always) -> list[Match]:
        """Longest, left-to-right, non-overlapping actor matches in ``toks`` (user actors first)."""
        return self._actor_matches(_Run(toks), day, fire)

    def _actor_matches(self, run: _Run, day: date | None, fire: Fire = _always) -> list[Match]:
        out: list[Match] = []
        toks = run.toks
        i = 0
        while i < len(toks):
            after_match = bool(out) and out[-1].end == toks[i].i  # "Council Chief Saruman"
            best = self._match_at(run, i, day, (after_match, fire))
            if best is not None and _usable(best[1]):
                out.append(Match(toks[i].i, toks[best[0] - 1].i + 1, best[1], best[2]))
                i = best[0]
            else:
                i += 1
        return out

    def _match_at(self, run: _Run, i: int, day: date | None, how: tuple[bool, Fire]) -> _Best | None:
        """The actor entry whose name starts at ``run.toks[i]``: (index after it, code, name), or None."""
        toks, fire = run.toks, how[1]
        if not self._listed(run.upper[i]) and not _may_fall_back(run, i):
            return None  # no entry is listed under any key of the word, and no fallback can find a name
        keys = _first_keys(run.upper[i])
        user_best = self._user_match(run, i, day, keys)
        # a longer dictionary name beats a shorter user name ("Ulster Unionist Party" vs "Ulster")
        best = self._dictionary_match(run, i, day, (how, keys))
        if user_best is not None and (best is None or user_best[0] >= best[0]):
            best = user_best  # the user's entry overrides a dictionary one of the same length
        if best is None and _may_fall_back(run, i):
            best = self._fallback_match(toks, i, day, fire)
        if best is not None and _common_words(toks[i : best[0]]) and fire("actors.common-words-are-no-name"):
            return None  # "youths" is not the Basque group listed under that alias: names are capitalised
        if best is not None and _lower_case_state(toks[i : best[0]]) \
                and fire("actors.lower-case-state-is-no-name"):
            return None  # "an Islamic state", "a Jewish state": a kind of state, not the group named Islamic State
        if best is not None and best[0] == i + 1 and toks[i].text.lower() in ORG_HEADS \
                and fire("actors.organisation-word-alone-names-nobody"):
            return None  # "Organization" alone names nobody (an alias that translates "Tanzim")
        return best

    def _listed(self, upper: str) -> bool:
        """Whether a user or dictionary actor entry is listed under a key the upper-case word ``upper`` may start a
        phrase by (``_first_keys``), as ``_user_match`` and ``_dictionary_match`` look them up; most words of news
        are under none. Kept per word (emptied when full: the dictionaries do not change)."""
        found = self._listed_words.get(upper)
        if found is None:
            keys = _first_keys(upper)
            others = self.dicts.actors if "-" in upper else self.stems
            found = any(key in self.user for key in keys) or keys[0] in self.dicts.actors \
                or any(key in others for key in keys[1:])
            if len(self._listed_words) >= _LISTED_MAX:
                self._listed_words.clear()
            self._listed_words[upper] = found
        return found

    def _fallback_match(self, toks: Sequence[Token], i: int, day: date | None, fire: Fire) -> _Best | None:
        """Names the dictionaries lack: a plural demonym, a listed person's last name, a province."""
        demonym = self._plural_demonym(toks, i, day)
        if demonym is not None and fire("actors.plural-demonym"):
            return demonym
        if not self.by_surname:
            return None
        surname = self._surname(toks, i, day)
        if surname is not None and guessed_country_unnamed(toks[i], split_code(surname[1])[0]) \
                and fire("actors.surname-guess-needs-its-country-named"):
            surname = None  # "Mr Howard" in a British article that never names Australia is not John Howard
        if surname is not None and fire("actors.last-name-of-a-listed-person"):
            return surname
        province = division(toks, i)
        return province if province is not None and fire("actors.province-gives-its-country") else None

    def _candidates(self, table: tuple[str, dict[str, Any]], key: str, run: _Run, i: int) -> Sequence[Any]:
        """The entries under ``key`` of ``table`` (its name and its first word -> [(phrase, entry), ...]) that can
        match at ``run``'s position ``i``: all of a small bucket, those the next token can continue of a large one
        (``_Bucket``)."""
        entries = table[1].get(key, ())
        if len(entries) <= _SMALL:
            return entries
        bucket = self._buckets.get((table[0], key))
        if bucket is None:
            bucket = self._buckets[(table[0], key)] = _Bucket(entries)
        return bucket.plausible(run.upper[i + 1] if i + 1 < len(run.upper) else None)

    def _user_match(self, run: _Run, i: int, day: date | None, keys: Sequence[str]) -> _Best | None:
        best: _Best | None = None
        if not self.user:  # no user actor file (the usual case): nothing to try at any key
            return best
        for key in keys:
            if key not in self.user:
                continue
            for phrase, entry in self._candidates(("user", self.user), key, run, i):
                end = _match_phrase(phrase, run, i)
                if end > i and (best is None or end > best[0]):
                    best = (end, entry.code_on(day), entry.name)
            if best is not None:
                break
        return best

    def _dictionary_match(self, run: _Run, i: int, day: date | None,
                          how: tuple[tuple[bool, Fire], Sequence[str]]) -> _Best | None:
        (after_match, fire), keys = how
        best: _Best | None = None
        hyphen = "-" in run.upper[i]
        for n, key in enumerate(keys):
            # the token's own text may start any phrase; a shorter prefix only a one-word stemmed entry
            table = ("actors", self.dicts.actors) if n == 0 or hyphen else ("stems", self.stems)
            if key not in table[1]:
                continue  # nothing listed under it (most prefixes): no candidate to try
            for phrase, idx in self._candidates(table, key, run, i):
                end = _match_phrase(phrase, run, i)
                if end > i and (best is None or end > best[0]):
                    entry = self.dicts.actor_entries[idx]
                    if not self._passed_over(run, (i, end), (phrase, entry), (day, after_match, fire)):
                        best = (end, entry.code_on(day), entry.name)
            if best is not None:
                break
        return best

    def _passed_over(self, run: _Run, span: tuple[int, int], found: tuple[Phrase, ActorEntry],
                     how: tuple[date | None, bool, Fire]) -> bool:
        """The dictionary entry ``found`` matched at ``run``'s tokens ``span`` names someone else there."""
        (i, end), (phrase, entry), (day, after_match, fire) = span, found, how
        if end == i + 1 and _person(entry) and self._inside_name(run.toks, i, after_match) \
                and fire("actors.given-name-inside-a-longer-name"):
            return True  # "Omar Hassan al-Bashir" is not the Jordanian listed as "Hassan"
        if _stemmed_surname(phrase, entry, run.upper[end - 1], day) and fire(WHOLE_SURNAME):
            return True  # "Ahmed al-Assadi" is not Bashar al-Assad: a family name matches whole, never as a stem
        return end == i + 1 and _after_honorific(run, i) and not split_code(entry.code_on(day))[1] \
            and fire("actors.honorific-names-a-person")  # "Mr Houston" is a person, not the Texan city listed

    def _plural_demonym(self, toks: Sequence[Token], i: int, day: date | None) -> _Best | None:
        """"Algerians", "Israelis": the plural of a one-word demonym."""
        text = _upper(toks[i])
        if len(text) > 4 and text.endswith("S"):
            for phrase, idx in self.dicts.actors.get(text[:-1], ()):
                if len(phrase.words) == 1:
                    entry = self.dicts.actor_entries[idx]
                    return i + 1, entry.code_on(day), entry.name
        return None

    def agent_matches(self, toks: Sequence[Token]) -> list[Match]:
        return self._agent_matches(_Run(toks))

    def _agent_matches(self, run: _Run) -> list[Match]:
        out: list[Match] = []
        toks = run.toks
        i = 0
        while i < len(toks):
            best = self._agent_at(run, i)
            if best is not None:
                out.append(Match(toks[i].i, toks[best[0] - 1].i + 1, best[1].code, " ".join(best[2].words),
                                 best[1].prefix))
                i = best[0]
            else:
                i += 1
        return out

    def _agents_to_the_head(self, run: _Run, found: list[Match], head: Token | None, fire: Fire) -> list[Match]:
        """The agent matches of a phrase whose head no longest match reaches although an entry starting inside the
        match just before it does: "riot police officers" matches RIOT POLICE, which leaves the head "officers"
        out, while POLICE OFFICER reaches it. The earlier match then runs to the head with its own code (the riot
        police's, the secret police's SPY): the head names one of them."""
        if head is None or not found or any(m.start <= head.i < m.end for m in found):
            return found
        before = next((m for m in found if m.end == head.i), None)
        if before is None:
            return found
        at = {t.i: k for k, t in enumerate(run.toks)}
        for i in range(before.start + 1, before.end):
            inner = self._agent_at(run, at[i]) if i in at else None
            if inner is not None and run.toks[inner[0] - 1].i == head.i \
                    and fire("actors.compound-role-reaches-its-head"):
                longer = Match(before.start, head.i + 1, before.code, before.name, before.prefix)
                return [longer if m is before else m for m in found]
        return found

    def _agent_at(self, run: _Run, i: int) -> tuple[int, AgentEntry, Phrase] | None:
        """The longest agent entry starting at ``run.toks[i]`` by its text or its lemma: (index after it, entry,
        phrase), or None."""
        best: tuple[int, AgentEntry, Phrase] | None = None
        text, lemma = run.upper[i], run.toks[i].lemma_.upper()
        # the lemma's entries only when it differs from the text: the same entries again could not match longer
        for key in (text, lemma) if lemma != text else (text,):
            for phrase, agent in chain(self._candidates(("extra_agents", self.extra_agents.agents), key, run, i),
                                       self._candidates(("agents", self.dicts.agents), key, run, i)):
                end = _match_phrase(phrase, run, i)
                if end < 0 and len(phrase.words) == 1 and lemma == phrase.words[0]:
                    end = i + 1
                if end > i and (best is None or end > best[0]):
                    best = (end, agent, phrase)
        return best


def _after_honorific(run: _Run, i: int) -> bool:
    """The word at ``i`` follows an honorific ("Mr Houston", "Lady Jersey"): a person's name."""
    return i > 0 and run.upper[i - 1].rstrip(".") in _HONORIFICS


def _stemmed_surname(phrase: Phrase, entry: ActorEntry, text: str, day: date | None) -> bool:
    """The text's word ``text`` matched ``phrase`` as a longer word (not a plural) of a last name: the entry has a
    name of two words or more ending in the phrase's last word ("BASHAR AL-ASSAD" listed as "ASSAD") and codes an
    actor with a role (a person or a body, not a country: "SOUTH KOREA" listed as "KOREA" is rightly "South
    Korean")."""
    word = phrase.words[-1]
    if text == word or text in (word + "S", word + "ES") or "-" in word:
        return False
    names = entry.name.replace("-", " ").split()
    return len(names) > 1 and names[-1] == word and bool(split_code(entry.code_on(day))[1])


def _person(entry: ActorEntry) -> bool:
    """An entry for a person: the Phoenix dictionaries end a person's dated offices with the ``ELI`` (elite) role
    (a country whose code changed over time has dates too, but no role)."""
    return any(c.code.endswith("ELI") for c in entry.codes)


def _lower_case_state(toks: Sequence[Token]) -> bool:
    """A name of two words or more ending in "state" written in lower case after a capitalised word ("an Islamic
    state"): the common noun a name like "Islamic State" is made of, which the case-blind matching cannot tell
    apart. A text in lower case throughout says nothing by its case."""
    if len(toks) < 2 or toks[-1].text != "state" or not toks[-2].text[:1].isupper():
        return False  # (the cheap test first: this runs on every matched name, the text's case on few)
    doc = getattr(toks[0], "doc", None)
    return doc is not None and not text_of(doc).islower()


def _common_words(toks: Sequence[Token]) -> bool:
    """All-lower-case words in a text that has capitals elsewhere: a common noun, not a dictionary name."""
    doc = getattr(toks[0], "doc", None) if toks else None
    if doc is None or text_of(doc).islower():
        return False
    return all(t.text.isalpha() and t.text.islower() for t in toks)
