"""Actor coding: from a noun phrase to a CAMEO-style actor code (country + roles).

Sources, in order of precedence:

1. the user actor file (``Settings.actors_file``, YAML or CSV) and the bundled supplement
   ``data/events/actors_supplement.yaml`` (people and groups newer than the 2014-2019 Phoenix dictionaries,
   international organisations, names and demonyms the dictionaries miss); a user name wins over a dictionary
   name of the same length, a longer dictionary name wins ("Ulster Unionist Party" over "Ulster");
2. the actor dictionary (longest phrase match, PETRARCH stemming rule, date-bounded codes chosen by the article
   date), which also holds nationality adjectives (IRANIAN -> IRN);
3. with the bundled set only, fallbacks for names the dictionaries lack: the last name of dictionary people who
   share one country ("President Mugabe"), a province or state named with a division word ("Sindh province",
   ``data/events/admin1_countries.tsv``), and a named association, forum or institute (-> NGO);
4. the agents dictionary for role nouns (PRESIDENT -> ~GOV, TROOPS -> ~MIL, PROTESTER -> ~OPP), which append to
   (``~GOV``) or prepend (``NGO~``) the country found in the same phrase: "US President Donald Trump" -> USAGOV,
   "Israeli forces" -> ISRMIL.

Groups the dictionaries code by region (MEAREB) take the country named in or before their name ("Palestinian
Islamic Jihad" -> PSEREB); with the bundled set, the few non-ISO country codes of the dictionaries are reported
as ISO 3166 codes (``ISO_FIXES``: ANG -> AGO, TMP -> TLS).

A phrase is the syntactic noun phrase of its head token: compounds, adjectives, possessors, appositions, and
"of/from/in X" attachments ("soldiers from Gondor", "lawmakers in Arnor"), but not relative clauses.
``ActorCoder.code_actor(span_or_text, doc, article_date)`` is the public entry point (the quotes stage uses it).
The coder keeps no per-document state: the article date is an argument of every call, so one coder (a
``Pipeline`` builds one for its events and quotes stages) codes every article.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ...records import Actor
from ..doctext import text_of
from ..resources.offices import NON_STATE as OFFICE_NON_STATE
from ..resources.offices import OfficeTable, load_office_table
from ..resources.petrarch import ActorEntry, AgentEntry, Dictionaries, Phrase, read_agents
from .actor_fallbacks import division, unknown_body
from .actor_files import load_actor_file
from .envoys import sending_country
from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUPPLEMENT = Path(__file__).resolve().parents[2] / "data" / "events" / "actors_supplement.yaml"
AGENTS_SUPPLEMENT = SUPPLEMENT.with_name("agents_supplement.txt")
# CAMEO role codes (the part after the country), for splitting "IRNMIL" into country + roles.
ROLE_CODES = frozenset({
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM",
    "CVL", "LAB", "LEG", "HLH", "REF", "MOD", "RAD", "AGR", "ELI", "HRI", "IGO", "IMG",
    "INS", "NGO", "NGM", "UAF", "SEP", "REL", "MNC", "UNO", "ENV", "DEV",
})
# Non-state / international prefixes that are not countries.
NON_STATE = frozenset(["IGO", "NGO", "NGM", "IMG", "MNC", "UNO"])
# CAMEO region codes, which the Phoenix dictionaries give to armed groups in place of a country ("MEAREB").
REGION_CODES = frozenset({"WST", "NTH", "STH", "EUR", "EEU", "WEU", "SCN", "BLK", "CAU", "NAF", "MEA", "MDT", "AFR",
                          "SAF", "EAF", "WAF", "CFR", "ASA", "SAS", "SEA", "CAS", "EIN", "NMR", "CRB", "LAM", "SAM",
                          "PGS", "INT"})
# Country codes of the Phoenix dictionaries that are not ISO 3166 alpha-3; the product reports ISO codes.
ISO_FIXES = {"ANG": "AGO", "TMP": "TLS"}
# Heads that a named modifier names ("Hezbollah movement", "Quds force"), unlike "Trump ally".
ORG_HEADS = words("title_words", "org-head")
# Words that do not occur in a person's name (entries with them are organisations or places).
_NOT_NAME_WORDS = words("title_words", "not-a-name")
_HONORIFICS = words("title_words", "honorific")
# Heads naming a relation to the actor that modifies them ("Israel's ally", "a Syrian proxy"), not that actor.
RELATION_HEADS = words("title_words", "relation-head")
# Preposition attachments that still describe the phrase's own actor.
_OWN_PREPS = frozenset({"of", "from", "in"})
_PHRASE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "npadvmod", "prep", "pobj",
                          "appos", "flat", "case", "punct", "advmod"})


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
        self.upper = [tok.text.upper() for tok in toks]


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


def _first_keys(text: str) -> list[str]:
    """Dictionary keys a phrase starting with the upper-case word ``text`` may be listed under."""
    keys = [text]
    # prefixes for stemmed single-word entries (ARGENTIN -> ARGENTINA); at least 4 letters
    keys.extend(text[:k] for k in range(len(text) - 1, 3, -1))
    if "-" in text:
        keys.append(text.split("-")[0])
    return keys


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


class ActorCoder:
    """Codes noun phrases as actors with a PETRARCH dictionary set plus user/supplement actors."""

    def __init__(self, dicts: Dictionaries, actors_file: Path | None = None, *, supplement: bool = True,
                 office_holders: Path | None = None) -> None:
        self.dicts = dicts
        self.office_holders = office_holders  # user file extending the bundled office holders table
        self._offices: OfficeTable | None = None
        self.user: dict[str, list[tuple[Phrase, ActorEntry]]] = {}
        self.extra_agents = Dictionaries()
        self._stems: dict[str, list[tuple[Phrase, int]]] | None = None
        self.iso = supplement  # the bundled (production) set: report ISO country codes
        self.by_surname = supplement  # production only: PETRARCH suites expect full-name matches
        self._surnames: dict[str, list[int]] | None = None
        # the large buckets of the dictionaries' first words, indexed on first use (``_candidates``)
        self._buckets: dict[tuple[str, str], _Bucket[Any]] = {}
        if supplement and SUPPLEMENT.is_file():
            names, self.extra_agents = _bundled_supplement()
            self._add_user(names)
        if actors_file is not None:
            self._add_user(load_actor_file(Path(actors_file)))

    def _add_user(self, entries: Iterable[tuple[list[str], ActorEntry]]) -> None:
        for names, entry in entries:
            for name in names:
                words = tuple(w for w in name.upper().replace("_", " ").split() if w)
                if words:
                    self.user.setdefault(words[0], []).append((Phrase(words, False), entry))

    # ------------------------------------------------------------------------------------------ matching

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
        four name words and a dated or ``ELI`` code (how the Phoenix country files list office holders)."""
        if self._surnames is None:
            self._surnames = {}
            for entries in self.dicts.actors.values():
                for phrase, idx in entries:
                    words = phrase.words
                    if not 2 <= len(words) <= 4 or any(w in _NOT_NAME_WORDS or not w.replace("-", "").isalpha()
                                                       for w in words):
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
        if best is not None and best[0] == i + 1 and toks[i].text.lower() in ORG_HEADS \
                and fire("actors.organisation-word-alone-names-nobody"):
            return None  # "Organization" alone names nobody (an alias that translates "Tanzim")
        return best

    def _fallback_match(self, toks: Sequence[Token], i: int, day: date | None, fire: Fire) -> _Best | None:
        """Names the dictionaries lack: a plural demonym, a listed person's last name, a province."""
        demonym = self._plural_demonym(toks, i, day)
        if demonym is not None and fire("actors.plural-demonym"):
            return demonym
        if not self.by_surname:
            return None
        surname = self._surname(toks, i, day)
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

    def _user_match(self, run: _Run, i: int, day: date | None, keys: list[str]) -> _Best | None:
        best: _Best | None = None
        for key in keys:
            for phrase, entry in self._candidates(("user", self.user), key, run, i):
                end = _match_phrase(phrase, run, i)
                if end > i and (best is None or end > best[0]):
                    best = (end, entry.code_on(day), entry.name)
            if best is not None:
                break
        return best

    def _dictionary_match(self, run: _Run, i: int, day: date | None,
                          how: tuple[tuple[bool, Fire], list[str]]) -> _Best | None:
        (after_match, fire), keys = how
        best: _Best | None = None
        hyphen = "-" in run.upper[i]
        for n, key in enumerate(keys):
            # the token's own text may start any phrase; a shorter prefix only a one-word stemmed entry
            table = ("actors", self.dicts.actors) if n == 0 or hyphen else ("stems", self.stems)
            for phrase, idx in self._candidates(table, key, run, i):
                end = _match_phrase(phrase, run, i)
                if end > i and (best is None or end > best[0]):
                    entry = self.dicts.actor_entries[idx]
                    if end == i + 1 and _person(entry) and self._inside_name(run.toks, i, after_match) \
                            and fire("actors.given-name-inside-a-longer-name"):
                        continue  # "Omar Hassan al-Bashir" is not the Jordanian listed as "Hassan"
                    best = (end, entry.code_on(day), entry.name)
            if best is not None:
                break
        return best

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

    # ------------------------------------------------------------------------------------------ phrases

    def code_tokens(self, toks: Sequence[Token], day: date | None, head: Token | None = None,
                    fire: Fire = _always) -> tuple[str | None, str]:
        """Code of a noun phrase given as tokens (in order): (code or None, dictionary name). ``fire`` records the
        actor rules that decide (the event coder's ``DocContext.fire``)."""
        if not toks:
            return None, ""
        run = _Run(toks)  # the phrase's upper-cased words, made once for the actor and the agent matches
        actors = [m for m in self._actor_matches(run, day, fire)
                  if not (_sponsor(m, toks) and fire("actors.sponsor-is-not-the-actor"))]
        covered = {i for m in actors for i in range(m.start, m.end)}
        agents = [m for m in self._agent_matches(run) if not all(i in covered for i in range(m.start, m.end))]
        if head is not None and any(m.start <= head.i < m.end for m in agents):
            # an "anti-Syria journalist" opposes Syria and is not Syrian (an "anti-Gondor parade" still targets it)
            actors = [m for m in actors if not (_anti(m, toks) and fire("actors.anti-is-not-the-actor"))]
        head_agent = head is None or any(m.start <= head.i < m.end for m in agents) or (
            # a title before an unknown name: "President Abdelaziz Bouteflika" is a government actor
            head.pos_ == "PROPN" and any(_is_title(m, toks, head) for m in agents))
        base = _base(actors, toks, head, (head_agent, fire)) if actors else None
        if base is not None and (base.code or "")[:3] in REGION_CODES:
            first = [t for t in toks if t.i == base.start]
            regional = _regional(base, actors, self.actor_matches(first, day) if base.end - base.start > 1 else [])
            if regional is not base and fire("actors.regional-group-takes-its-country"):
                base = regional
        if base is None and not head_agent:
            agents = []
        if base is None and not agents and self.iso:
            named = unknown_body(toks)
            # "the Third World Water Forum": a named association outside the dictionaries
            if named is not None and fire("actors.named-body-is-an-ngo"):
                return "NGO", named
        base = _party_owner(base, actors, toks, fire)
        base = _party_member(base, agents, fire)
        base, agents = _office(base, actors, agents, fire)
        # "China's U.N. ambassador": China's government, not the UN (envoys.py; bundled dictionaries only)
        base, agents = sending_country(base, agents, (actors, toks), fire, enabled=self.iso)
        code = compose(base.code if base else None, [(a.code or "", a.prefix) for a in agents])
        if self.iso and code and code[:3] in ISO_FIXES and fire("actors.iso-country-codes"):
            code = ISO_FIXES[code[:3]] + code[3:]
        name = base.name if base else (agents[0].name if agents else "")
        if self.iso and day is not None and (head is None or head.pos_ == "PROPN" or split_code(code)[0] is None):
            # a name, or a role without a country its possessor may place ("Shehbaz Sharif's administration")
            return self._dated_person(toks, head, day, (code, name), fire)
        return code, name

    # ------------------------------------------------------------------------------------------ office holders

    @property
    def offices(self) -> OfficeTable:
        """The office holders table (bundled, extended by the user file), loaded on first use."""
        if self._offices is None:
            self._offices = load_office_table(self.office_holders)
        return self._offices

    def _dated_person(self, toks: Sequence[Token], head: Token | None, day: date,
                      coded: tuple[str | None, str], fire: Fire) -> tuple[str | None, str]:
        """A person of the office holders table is coded as of the article's date: the office they held that day
        ("Trump" in 2018 and in 2025: USAGOV), or an elite of their country once every term of theirs has ended
        (a former leader: ELI). The dictionary's code stands when the table does not know the name, names another
        country, or when the dictionary already gives the same code."""
        code, name = coded
        person = _person_name(toks, head)
        terms = self.offices.holders(person) if person else []
        if not terms:
            return code, name
        running = [t for t in terms if t.in_office(day)]
        if running:
            found = sorted({t.code for t in running})
            new = found[0] if len(found) == 1 else None
        elif all(t.end is not None and t.end <= day for t in terms) and len({t.country for t in terms}) == 1:
            new = terms[0].code[:3] + "ELI" if terms[0].country not in OFFICE_NON_STATE else None
        else:
            new = None  # the term starts after the article's date: the dictionary's code stands
        if new is not None and code and head is not None and head.pos_ != "PROPN":
            new = compose(split_code(new)[0], [(r, False) for r in split_code(code)[1]])  # the role, placed
        # a dictionary code of another country is another person of that name, unless the table lists this person
        # in that country too: a leader who moved to an international post ("Mark Rutte": NLDGOV until 2024, NATO's
        # secretary general since) is coded by the post they hold on the day
        elsewhere = bool(code) and split_code(code)[0] not in (None, split_code(new)[0] if new else None) \
            and not any(t.country == split_code(code)[0] for t in terms)
        if new is None or new == code or elsewhere:
            return code, name
        if fire("actors.office-holder-on-the-date"):
            return new, running[0].person if running else terms[0].person
        return code, name

    def office_holder_code(self, country: str, head: Token, day: date | None, fire: Fire = _always) -> str | None:
        """The code of who held the office a title names ("the president", "the foreign minister") in ``country``
        on ``day``, from the office holders table; None for other titles or when the table does not know."""
        office = _office_of(head)
        if office is None or day is None:
            return None
        term = self.offices.holder_of(country, office, day)
        if term is None or not fire("actors.office-holder-on-the-date"):
            return None
        return term.code

    def code_actor(self, span_or_text: Span | str, doc: Doc | None = None, article_date: date | None = None) -> Actor:
        """Code a span of a parsed doc (or a bare string, parsed as words) as an ``Actor``.

        A bare string is matched word by word (no parse); offsets are then relative to the string.
        """
        if isinstance(span_or_text, str):
            toks = _SimpleTokens(span_or_text)
            code, name = self.code_tokens(toks, article_date)
            return make_actor(0, len(span_or_text), span_or_text, code, name or None)
        span = span_or_text
        code, name = self.code_tokens(list(span), article_date, span.root)
        return make_actor(span.start_char, span.end_char, span.text, code, name or None)


# Titles of the offices the office holders table lists (``resources.offices.OFFICES``): the head noun's lemma, and
# for ministers the modifier that names the ministry ("foreign minister", "defense secretary").
_TITLE_OFFICES = {"president": "head_of_state", "premier": "head_of_government"}
_MINISTER_OFFICES = {"prime": "head_of_government", "foreign": "foreign_minister", "defense": "defence_minister",
                     "defence": "defence_minister"}


def _office_of(head: Token) -> str | None:
    """The office a title names: "the president" -> head_of_state, "the foreign minister" -> foreign_minister."""
    lemma = head.lemma_.lower()
    if lemma in _TITLE_OFFICES:
        return _TITLE_OFFICES[lemma]
    if lemma in ("minister", "secretary"):
        mods = [c.lower_ for c in head.children if c.dep_ in ("amod", "compound")]
        return next((_MINISTER_OFFICES[m] for m in mods if m in _MINISTER_OFFICES), None)
    return None


def _person_name(toks: Sequence[Token], head: Token | None) -> str:
    """The capitalised words of the name the phrase's head ends ("President Donald Trump" -> "Donald Trump" is
    left to the table's name key, which drops honorifics but not titles, so titles are dropped here)."""
    if head is None:
        return " ".join(t.text for t in toks)
    if head.pos_ != "PROPN":  # a role: the name of its possessor ("Prime Minister Shehbaz Sharif's administration")
        owners = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        if not owners:
            return ""
        head = owners[0]
    run = [t for t in toks if t.pos_ == "PROPN" and t.i <= head.i and t.text[:1].isupper()]
    while run and run[0].lower_ in TITLE_WORDS:
        run = run[1:]
    chain: list[Token] = []
    for t in reversed(run):
        if chain and t.i != chain[-1].i - 1:
            break
        chain.append(t)
    return " ".join(t.text for t in reversed(chain))


TITLE_WORDS = frozenset({"president", "prime", "minister", "foreign", "defense", "defence", "secretary",
                          "general", "chancellor", "premier", "king", "queen", "prince", "emir", "sheikh", "sultan",
                          "ayatollah", "supreme", "leader", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
                          "vice", "former", "state", "u.s.", "u.n."})


# "Iran-backed militia" is not Iranian, nor are "UN-hosted talks" the UN's; "Vietnamese-led forces" and "state-run
# media" are the named actor's
_SPONSOR_WORDS = words("title_words", "sponsor")


def _base(actors: Sequence[Match], toks: Sequence[Token], head: Token | None,
          how: tuple[bool, Fire]) -> Match | None:
    """The actor match a phrase is about: the one on its head, else the modifier that describes it."""
    head_agent, fire = how
    if head is not None:
        on_head = [m for m in actors if m.start <= head.i < m.end]
        if on_head:
            base = on_head[0]
            home = _home_country(base, actors, toks, head) if head.tag_ in ("NNPS", "NNS") \
                and _bare_country(base.code) else base
            return home if home is not base and fire("actors.ethnic-group-by-home-country") else base
    # a modifier that names a person or institution ("Trump ally", "Soleimani's death") is not the phrase's actor;
    # a country modifier is ("US drone strike", "Iranian commander") ... nor is it for a named head ("United Nations
    # Emergency Relief Coordinator"): a name's parts
    org_head = head is not None and (head.lemma_.lower() in ORG_HEADS or head.pos_ == "PROPN")
    modifiers = [m for m in actors if head_agent or org_head or not split_code(m.code)[0]
                 or not split_code(m.code)[1] or _in_of_phrase(m, toks, head)]
    if head is not None and head.lemma_.lower() in RELATION_HEADS:
        # "Israel's militia ally in southern Lebanon" is not Israeli: only "of/in/from" phrases place it
        placed = [m for m in modifiers if _in_of_phrase(m, toks, head)]
        if len(placed) != len(modifiers) and fire("actors.relation-head-is-not-its-modifier"):
            modifiers = placed
    if head is not None:  # the modifier nearest the head describes it
        modifiers.sort(key=lambda m: abs(m.start - head.i))
    return modifiers[0] if modifiers else None


def _office(base: Match | None, actors: Sequence[Match], agents: list[Match],
            fire: Fire = _always) -> tuple[Match | None, list[Match]]:
    """The office a title gives a person the dictionary knows only as an elite, and the agents that still apply."""
    if base is None:
        return base, agents
    base_country, base_roles = split_code(base.code)
    offices = [a for a in agents if not a.prefix and a.code != "ELI"]
    # a title the dictionary lists as an actor of the same country: "US Defence Secretary" (USAGOVMIL)
    titles = [m for m in actors if m is not base and split_code(m.code)[0] == base_country
              and split_code(m.code)[1] and "ELI" not in split_code(m.code)[1]]
    if base_roles == ("ELI",) and base_country and (offices or titles) and not any(a.code == "ELI" for a in agents) \
            and fire("actors.title-gives-the-office"):
        # the dictionary knows the person only as an elite (no office on the article's date, or no date); the
        # title in the text says which office they hold: "Iranian President Hassan Rouhani" is IRNGOV
        return Match(base.start, base.end, base_country if offices else titles[0].code, base.name, base.prefix), agents
    if base_roles and (base.code or "")[:3] not in NON_STATE:
        # a named person or body has its own role: "Javad Zarif" stays IRNGOV, "fighters of Hezbollah" LBNREB
        own = [a for a in agents if a.prefix]
        if len(own) != len(agents) and fire("actors.named-actor-keeps-its-role"):
            return base, own
    return base, agents


# role words a party gives only its country to: its legislators, the government it forms, the opposition it is
# ("Labour MPs" GBRLEG, "a Conservative government" GBRGOV); "officials" of a party are the party's own
_PARTY_ROLES = frozenset({"LEG", "GOV", "OPP"})


def _party_member(base: Match | None, agents: Sequence[Match], fire: Fire = _always) -> Match | None:
    """A party named before a role word gives the phrase its country and the role word its role: "Labour MPs"
    (GBRLEG), "a future Tory government" (GBRGOV), "Britain's Conservative opposition party" (GBROPP)."""
    if base is None or split_code(base.code)[1] != ("PTY",) or split_code(base.code)[0] is None:
        return base
    roles = [a for a in agents if not a.prefix and a.code in _PARTY_ROLES and not a.name.lower().startswith("official")]
    if not roles or not fire("actors.party-gives-its-country-to-a-role"):
        return base
    return Match(base.start, base.end, split_code(base.code)[0], base.name, base.prefix)


# words that may stand between a country and the party it owns: "New Zealand's Labour Party", "the Party of Canada"
_OWNER_GAP = frozenset({"'s", "'", "the", "of"})


def _party_owner(base: Match | None, actors: Sequence[Match], toks: Sequence[Token],
                 fire: Fire = _always) -> Match | None:
    """A country named as a party's possessor, demonym or "of" phrase owns it, over the country the party entry
    gives: "New Zealand's Labour Party" is NZLPTY, "the Conservative Party of Canada" CANPTY, "Japan's Democrats"
    JPNPTY (not the British or American party)."""
    if base is None or split_code(base.code)[1] != ("PTY",):
        return base
    owners = [m for m in actors if m is not base and _bare_country(m.code) and _next_to(m, base, toks)]
    if not owners or split_code(owners[0].code)[0] == split_code(base.code)[0]:
        return base
    if not fire("actors.named-country-owns-the-party"):
        return base
    return Match(base.start, base.end, f"{split_code(owners[0].code)[0]}PTY", base.name, base.prefix)


def _next_to(m: Match, base: Match, toks: Sequence[Token]) -> bool:
    """Whether ``m`` stands right before ``base`` (possessor, demonym) or right after it in an "of" phrase."""
    words = {t.i: t.lower_ for t in toks}
    if m.end <= base.start:
        gap = [words.get(i) for i in range(m.end, base.start)]
        return all(w in _OWNER_GAP and w != "of" for w in gap)
    gap = [words.get(i) for i in range(base.end, m.start)]
    return m.start >= base.end and bool(gap) and gap[0] == "of" and all(w in _OWNER_GAP for w in gap)


def _sponsor(m: Match, toks: Sequence[Token]) -> bool:
    """"Iran-backed militia", "pro-Iran protesters": the named actor supports the phrase's actor, it is not it."""
    pos = {t.i: k for k, t in enumerate(toks)}
    k_start, k_end = pos.get(m.start), pos.get(m.end - 1)
    if k_start is None or k_end is None:
        return False
    inner = toks[k_end].text.upper()
    if "-" in inner and (inner.rsplit("-", 1)[1] in _SPONSOR_WORDS or inner.startswith("PRO-")):
        return True
    doc = getattr(toks[k_end], "doc", None)
    if doc is not None:  # look at the text around the match, not only the phrase's tokens (punctuation is cut)
        before = doc[m.start - 1].text.upper() if m.start >= 1 else ""
        before2 = doc[m.start - 2].text.upper() if m.start >= 2 else ""
        after = doc[m.end].text if m.end < len(doc) else ""
        after2 = doc[m.end + 1].text.upper() if m.end + 1 < len(doc) else ""
    else:
        before = toks[k_start - 1].text.upper() if k_start >= 1 else ""
        before2 = toks[k_start - 2].text.upper() if k_start >= 2 else ""
        after = toks[k_end + 1].text if k_end + 1 < len(toks) else ""
        after2 = toks[k_end + 2].text.upper() if k_end + 2 < len(toks) else ""
    if after == "-" and after2 in _SPONSOR_WORDS:
        return True
    if after.upper().lstrip("-") in _SPONSOR_WORDS and after.startswith("-"):
        return True
    return (before == "-" and before2 == "PRO") or before == "PRO-"


def _person(entry: ActorEntry) -> bool:
    """An entry for a person: the Phoenix dictionaries end a person's dated offices with the ``ELI`` (elite) role
    (a country whose code changed over time has dates too, but no role)."""
    return any(c.code.endswith("ELI") for c in entry.codes)


def _bare_country(code: str | None) -> bool:
    """A country without roles: "SRB", and "SCGSRB" (Serbia within Serbia and Montenegro) too."""
    country, roles = split_code(code)
    return country is not None and not roles


def _regional(base: Match, actors: Sequence[Match], own: Sequence[Match] = ()) -> Match:
    """A group the dictionary codes by region (MEAREB) named with a country before it ("Kashmiri Harakat ...") or
    whose own name starts with one ("Palestinian Islamic Jihad") belongs to that country: PSEREB. ``own`` are the
    matches of the group name's first word alone."""
    if (base.code or "")[:3] not in REGION_CODES:
        return base
    for m in [*actors, *own]:
        country = split_code(m.code)[0]
        if (m.start < base.start or m in own) and country and _bare_country(m.code) and country not in REGION_CODES:
            return Match(base.start, base.end, country + (base.code or "")[3:], base.name, base.prefix)
    return base


def _home_country(base: Match, actors: Sequence[Match], toks: Sequence[Token], head: Token) -> Match:
    """An ethnic group is coded by the country it lives in: "Bosnian Serbs" (BIH), "Albanians of southern Serbia",
    "ethnic Albanians in Serbia" (SRB); "Americans in Iraq" stay American (no "ethnic", "of" or adjective)."""
    ethnic = any(t.lower_ == "ethnic" for t in toks)
    for m in actors:
        if m is base or not _bare_country(m.code):
            continue
        first = next((t for t in toks if t.i == m.start), None)
        if first is None:
            continue
        if first.dep_ in ("amod", "compound") and first.head.i == head.i and first.i < head.i:
            return m
        anc = first.head if first.dep_ == "compound" else first
        if anc.dep_ == "pobj" and anc.head.head.i == head.i and (anc.head.lower_ == "of" or ethnic):
            return m
    return base


def _anti(m: Match, toks: Sequence[Token]) -> bool:
    doc = getattr(toks[0], "doc", None)
    if doc is None or m.start < 1:
        return False
    before = doc[m.start - 1].text.upper()
    return before == "ANTI-" or (before == "-" and m.start >= 2 and doc[m.start - 2].text.upper() == "ANTI")


def _is_title(m: Match, toks: Sequence[Token], head: Token) -> bool:
    return all(t.dep_ == "compound" and t.head.i in (head.i, *range(m.start, m.end)) for t in toks
               if m.start <= t.i < m.end)


def _in_of_phrase(m: Match, toks: Sequence[Token], head: Token | None) -> bool:
    if head is None:
        return True
    for t in toks:
        if t.i == m.start:
            anc = t
            for _ in range(4):
                if anc.i == head.i:
                    return False
                if anc.dep_ == "pobj" and anc.head.lower_ in ("of", "from", "in"):
                    return True
                anc = anc.head
    return False


def _common_words(toks: Sequence[Token]) -> bool:
    """All-lower-case words in a text that has capitals elsewhere: a common noun, not a dictionary name."""
    doc = getattr(toks[0], "doc", None) if toks else None
    if doc is None or text_of(doc).islower():
        return False
    return all(t.text.isalpha() and t.text.islower() for t in toks)


def _usable(code: str | None) -> bool:
    return bool(code) and code not in ("---", "+++", "###")


def compose(base: str | None, agents: Sequence[tuple[str, bool]]) -> str | None:
    """Country/actor code plus agent codes: ``compose("USA", [("GOV", False)])`` -> ``"USAGOV"``; an agent alone
    gives ``"---GOV"`` (PETRARCH's convention for an unknown country); ``NGO~`` agents go first."""
    if base is None and not agents:
        return None
    code = base if base is not None else "---"
    for agent, prefix in agents:
        if not agent:
            continue
        if prefix:
            if not code.startswith(agent):
                code = agent + code
        elif not code.endswith(agent) and agent not in code[3:]:
            code += agent
    return code


_FEDERATIONS = {"SCG": frozenset({"SRB", "MNE", "KOS"}),
                "YUG": frozenset({"SRB", "MNE", "KOS", "BIH", "HRV", "SVN", "MKD"})}


def split_code(code: str | None) -> tuple[str | None, tuple[str, ...]]:
    """``"IRNMIL"`` -> ("IRN", ("MIL",)); ``"---OPP"`` -> (None, ("OPP",)); ``"IGOUNO"`` -> (None, ("IGO", "UNO"))."""
    if not code:
        return None, ()
    head, rest = code[:3], code[3:]
    if head in _FEDERATIONS and rest[:3] in _FEDERATIONS[head]:  # "SCGSRB": Serbia within Serbia and Montenegro
        head, rest = rest[:3], rest[3:]
    roles = tuple(rest[i : i + 3] for i in range(0, len(rest), 3) if len(rest[i : i + 3]) == 3)
    if head == "---" or head in NON_STATE or head in ROLE_CODES:
        roles = ((head,) if head != "---" else ()) + roles
        return None, roles
    return head, roles


def make_actor(start: int, end: int, text: str, code: str | None, name: str | None) -> Actor:
    country, roles = split_code(code)
    return Actor(start=start, end=end, text=text, name=name.title() if name else None, code=code,
                 country=country, roles=roles)


class _SimpleTokens(list):  # type: ignore[type-arg,unused-ignore]
    """Whitespace words of a bare string, shaped enough like spaCy tokens for dictionary matching."""

    def __init__(self, text: str) -> None:
        super().__init__()
        pos = 0
        for idx, word in enumerate(text.replace("'s", " 's").split()):
            clean = word.strip(",.;:\"'()")
            if not clean:
                continue
            self.append(_Word(clean, idx, pos))
            pos += len(word) + 1


@dataclass
class _Word:
    text: str
    i: int
    idx: int
    whitespace_: str = " "

    @property
    def lemma_(self) -> str:
        return self.text.lower()


def default_actor_coder(actors_file: Path | None = None, dictionaries: Path | None = None,
                        office_holders: Path | None = None) -> ActorCoder:
    """A new ActorCoder on the bundled (or given) dictionaries, the user's actors and office holders files. A
    ``Pipeline`` builds one and shares it between its events and quotes stages; build one and reuse it to code many
    phrases. The dictionaries themselves are loaded once per process (they are immutable data)."""
    from ..resources.petrarch import load_dictionaries

    return ActorCoder(load_dictionaries(dictionaries), actors_file, office_holders=office_holders)


@functools.cache
def _bundled_supplement() -> tuple[list[tuple[list[str], ActorEntry]], Dictionaries]:
    """The bundled supplement's actors and agents, read once per process: immutable data every coder reads (a coder
    only looks agents up in the returned ``Dictionaries``, never adds to it)."""
    agents = Dictionaries()
    read_agents(AGENTS_SUPPLEMENT.read_text(encoding="utf-8"), agents)
    return load_actor_file(SUPPLEMENT), agents


def code_actor(span_or_text: Span | str, doc: Doc | None = None, article_date: date | None = None, *,
               actors_file: Path | None = None, dictionaries: Path | None = None) -> Actor:
    """Code one actor mention (a spaCy span, or a bare name) with a new coder on the bundled (or given)
    dictionaries: for a one-off look-up (to code many, build one ``ActorCoder`` and reuse it). ``Actor.code`` is
    None when nothing in the phrase is known."""
    return default_actor_coder(actors_file, dictionaries).code_actor(span_or_text, doc, article_date)
