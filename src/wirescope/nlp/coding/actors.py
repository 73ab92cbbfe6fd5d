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
Dictionary matching is in ``actor_matching.py``, turning a phrase's matches into one actor in
``actor_resolution.py``, and composing and splitting codes in ``actor_codes.py``.
The coder keeps no per-document state: the article date is an argument of every call, so one coder (a
``Pipeline`` builds one for its events and quotes stages) codes every article.
"""

from __future__ import annotations

import functools
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...records import Actor
from ..resources.offices import NON_STATE as OFFICE_NON_STATE
from ..resources.offices import OfficeTable, load_office_table
from ..resources.petrarch import ActorEntry, Dictionaries, Phrase, read_agents
from . import doc_memo
from .actor_codes import REGION_CODES, compose, split_code
from .actor_fallbacks import guessed_country_unnamed, unknown_body
from .actor_files import load_actor_file
from .actor_matching import ActorMatcher, Fire, _always, _Bucket, _Run
from .actor_resolution import (
    _anti,
    _base,
    _body_owner,
    _no_national_office,
    _office,
    _office_in_the_name,
    _party_member,
    _party_owner,
    _rank_before_a_title,
    _regional,
    _sponsor,
    _title_before_a_name,
)
from .article_dating import DATED, article_day, government_spans
from .envoys import sending_country
from .firm_titles import title_in_a_firm
from .portfolio_titles import portfolio_title
from .topic_modifiers import country_as_topic

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUPPLEMENT = Path(__file__).resolve().parents[2] / "data" / "events" / "actors_supplement.yaml"
AGENTS_SUPPLEMENT = SUPPLEMENT.with_name("agents_supplement.txt")
# Country codes of the Phoenix dictionaries that are not ISO 3166 alpha-3; the product reports ISO codes.
ISO_FIXES = {"ANG": "AGO", "TMP": "TLS"}
TOPIC = "actors.country-as-topic-is-no-affiliation"
# Preposition attachments that still describe the phrase's own actor.
_OWN_PREPS = frozenset({"of", "from", "in"})
_PHRASE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "npadvmod", "prep", "pobj",
                          "appos", "flat", "case", "punct", "advmod"})


class ActorCoder(ActorMatcher):
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
        self._listed_words: dict[str, bool] = {}  # the words under which an entry is listed (``_listed``)
        if supplement and SUPPLEMENT.is_file():
            names, self.extra_agents = _bundled_supplement()
            self._add_user(names)
        if actors_file is not None:
            self._add_user(load_actor_file(Path(actors_file)))

    def _add_user(self, entries: Iterable[tuple[list[str], ActorEntry]]) -> None:
        for names, entry in entries:
            for name in names:
                # the tokenizer splits a possessive off its word ("People's" -> People 's), so a name's does too
                words = tuple(w for w in name.upper().replace("\u2019", "'").replace("_", " ").replace("'S ", " 'S ")
                              .split() if w)
                if words:
                    self.user.setdefault(words[0], []).append((Phrase(words, False), entry))

    # ------------------------------------------------------------------------------------------ matching

    # ------------------------------------------------------------------------------------------ phrases

    def code_tokens(self, toks: Sequence[Token], day: date | None, head: Token | None = None,
                    fire: Fire = _always) -> tuple[str | None, str]:
        """Code of a noun phrase given as tokens (in order): (code or None, dictionary name). ``fire`` records the
        actor rules that decide (the event coder's ``DocContext.fire``).

        A phrase of a document is coded once per document for each head and date (``doc_memo``), with every rule
        on; the rules that fired are asked of ``fire`` again in order (a caller sees the same calls as if it were
        coded anew): when one of them is switched off, the phrase is coded anew from that rule on."""
        if not toks:
            return None, ""
        doc = getattr(toks[0], "doc", None)
        if doc is None:  # words of a bare string (``_SimpleTokens``)
            return self._code_tokens(toks, day, head, fire)
        memo: dict[Hashable, tuple[tuple[str | None, str], tuple[str, ...]]] = doc_memo.table(doc, self, "code_tokens")
        key = (tuple(t.i for t in toks), head.i if head is not None else -1, day)
        found = memo.get(key)
        if found is None:
            fired: list[str] = []
            found = memo[key] = (self._code_tokens(toks, day, head, _recorder(fired)), tuple(fired))
        coded, rules = found
        if fire is _always:
            return coded
        for n, rule in enumerate(rules):
            if not fire(rule):
                # coded anew, the first n + 1 rules answered as they were (``fire`` has been asked them)
                return self._code_tokens(toks, day, head, _replaying(rules[:n], rule, fire))
        return coded

    def _code_tokens(self, toks: Sequence[Token], day: date | None, head: Token | None,
                     fire: Fire) -> tuple[str | None, str]:
        run = _Run(toks)  # the phrase's upper-cased words, made once for the actor and the agent matches
        actors = [m for m in self._actor_matches(run, day, fire)
                  if not (_sponsor(m, toks) and fire("actors.sponsor-is-not-the-actor"))
                  and not (country_as_topic(m.start, m.end, m.code, toks) and fire(TOPIC))
                  and not (portfolio_title(m.start, m.end, toks) and fire("actors.portfolio-title-is-no-us-office"))]
        covered = {i for m in actors for i in range(m.start, m.end)}
        every_agent = self._agents_to_the_head(run, list(self._agent_matches(run)), head, fire)
        agents = [m for m in every_agent if not all(i in covered for i in range(m.start, m.end))]
        if head is not None and any(m.start <= head.i < m.end for m in agents):
            # an "anti-Syria journalist" opposes Syria and is not Syrian (an "anti-Gondor parade" still targets it)
            actors = [m for m in actors if not (_anti(m, toks) and fire("actors.anti-is-not-the-actor"))]
        # a title before an unknown name: "President Abdelaziz Bouteflika" is a government actor
        head_agent = head is None or any(m.start <= head.i < m.end for m in agents) \
            or _title_before_a_name(agents, toks, head, fire)
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
        agents = _rank_before_a_title(agents, fire) if self.iso else agents
        agents = _no_national_office(agents, toks, base, fire)
        agents = title_in_a_firm(agents, actors, toks, fire)
        base = _party_owner(base, actors, toks, fire)
        base = _body_owner(base, actors, toks, fire)
        base = _party_member(base, agents, fire)
        base, agents = _office(base, actors, agents, fire)
        base = _office_in_the_name(base, [m for m in every_agent if all(i in covered for i in range(m.start, m.end))],
                                   toks, head, fire)
        # "China's U.N. ambassador": China's government, not the UN (envoys.py; bundled dictionaries only)
        base, agents = sending_country(base, agents, (actors, toks), fire, enabled=self.iso)
        code = compose(base.code if base else None, [(a.code or "", a.prefix) for a in agents])
        if self.iso and code and code[:3] in ISO_FIXES and fire("actors.iso-country-codes"):
            code = ISO_FIXES[code[:3]] + code[3:]
        name = base.name if base else (agents[0].name if agents else "")
        if self.iso and day is not None and (head is None or head.pos_ == "PROPN" or split_code(code)[0] is None):
            # a name, or a role without a country its possessor may place ("Shehbaz Sharif's administration")
            return self._dated_person(toks, head, day, (code, name), fire)
        if self.iso and day is None and code and head is not None and head.pos_ == "PROPN":
            return self._person_of_the_articles_day(toks, head, (code, name), fire)
        return code, name

    def _person_of_the_articles_day(self, toks: Sequence[Token], head: Token, coded: tuple[str | None, str],
                                    fire: Fire) -> tuple[str | None, str]:
        """A name in an article without a date, coded as of the day its titled office holders give it
        (``article_dating``): "Mr Brown" GBRGOV, not the dictionary's undated GBRELI, beside "Prime Minister Tony
        Blair" and "Chancellor Gordon Brown". Only a new role of the same country: dating names no other person."""
        day, titled = article_day(head.doc, self, self._government_terms)
        if day is None or coded[1] in titled or _person_name(toks, head).upper() in titled:
            return coded  # a titled person has the office of their title (actors.title-in-the-article-gives-...)
        again = self._code_tokens(toks, day, head, _always)
        if again[0] and again[0] != coded[0] and split_code(again[0])[0] == split_code(coded[0])[0] \
                and fire(DATED):
            return again
        return coded

    def _government_terms(self, upper: Sequence[str]) -> list[tuple[date, date]]:
        """The terms in government of the person these words name in full: the dated codes of the dictionary
        entry of exactly these words, and the person's terms in the office holders table."""
        codes: list[tuple[str, date | None, date | None]] = [
            (t.code, t.start, t.end) for t in self.offices.holders(" ".join(upper))]
        for phrase, idx in self.dicts.actors.get(upper[0], ()):
            if phrase.words == tuple(upper):
                codes += [(c.code, c.start, c.end) for c in self.dicts.actor_entries[idx].codes]
        return government_spans(codes)

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
        if " " not in person and guessed_country_unnamed(toks[-1], split_code(new)[0]) \
                and fire("actors.surname-guess-needs-its-country-named"):
            return code, name  # "Abbott" in a British article naming no Australia is not Tony Abbott
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


def _recorder(fired: list[str]) -> Fire:
    """A ``Fire`` with every rule on, that appends each rule that fires to ``fired``."""
    def fire(rule_id: str) -> bool:
        fired.append(rule_id)
        return True
    return fire


def _replaying(answered: Sequence[str], off: str, fire: Fire) -> Fire:
    """A ``Fire`` that answers the rules ``answered`` (on) and then ``off`` (off) without asking ``fire``, which
    has been asked them in this order, and asks ``fire`` from then on. Coding a phrase reads only the document and
    the answers, so coding it anew asks those rules first, in that order."""
    answers = [*((rule, True) for rule in answered), (off, False)]

    def replay(rule_id: str) -> bool:
        if answers:
            return answers.pop(0)[1]
        return fire(rule_id)
    return replay


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
