"""Fallbacks of the actor coder for names the dictionaries lack: provinces named with a division word, and named
non-governmental bodies. Used with the bundled (production) dictionaries only."""

from __future__ import annotations

import functools
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .actor_codes import NON_STATE, compose, split_code
from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .context import DocContext

ADMIN1 = Path(__file__).resolve().parents[2] / "data" / "events" / "admin1_countries.tsv"


# Heads of the names of non-governmental bodies (governments, parties, armed groups and IGOs are in the dictionaries).
NGO_HEADS = words("title_words", "ngo-head")


def unknown_body(toks: Sequence[Token]) -> str | None:
    """The upper-case name of a body named with an NGO head ("Association of African Jurists", "Third World Water
    Forum"): a capitalised head word with another capitalised word in the same name. None if there is none."""
    for k, tok in enumerate(toks):
        if tok.text.lower() not in NGO_HEADS or not tok.text[:1].isupper():
            continue
        start = k
        while start > 0 and toks[start - 1].text[:1].isupper() and toks[start - 1].text.isalpha():
            start -= 1
        end = k + 1
        if end + 1 < len(toks) and toks[end].text == "of" and toks[end + 1].text[:1].isupper():
            end += 1
            while end < len(toks) and toks[end].text[:1].isupper() and toks[end].text.isalpha():
                end += 1
        if end - start >= 2 and (k > 0 or end > k + 1) and (start < k or end > k + 1):
            return " ".join(t.text.upper() for t in toks[start:end])
    return None


# Words that say the name next to them is a first-level division ("Sindh province", "the province of Sindh").
_DIVISION_WORDS = words("title_words", "division")


@functools.cache
def division_table() -> dict[tuple[str, ...], str]:
    """Upper-case words of first-level division names -> ISO3 (bundled ``admin1_countries.tsv``)."""
    out: dict[tuple[str, ...], str] = {}
    with ADMIN1.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("name\t") or "\t" not in line:
                continue
            name, country = line.rstrip("\n").split("\t")[:2]
            out[tuple(name.upper().replace("-", " ").split())] = country
    return out


def division(toks: Sequence[Token], i: int) -> tuple[int, str | None, str] | None:
    """A province or state named with a division word ("the government of Sindh province", "the province of
    Sindh") -> the country it is in, when the name belongs to one country only."""
    if not toks[i].text[:1].isupper():
        return None
    words: list[str] = []
    ends: list[int] = []
    j = i
    while j < len(toks) and len(words) < 3:
        text = toks[j].text
        if text == "-" and words:
            j += 1
            continue
        if not (text[:1].isupper() and text.replace("-", "").isalpha()):
            break
        words.extend(text.upper().split("-"))
        j += 1
        ends.append(j)
    table = division_table()
    before = toks[i - 2].text.lower() if i >= 2 and toks[i - 1].text.lower() == "of" else ""
    for n in range(len(ends), 0, -1):
        end = ends[n - 1]
        key = tuple(w for t in toks[i:end] for w in t.text.upper().split("-") if w and w != "-")
        after = toks[end].text.lower() if end < len(toks) else ""
        if key in table and (after in _DIVISION_WORDS or before in _DIVISION_WORDS):
            return end, table[key], " ".join(key)
    return None


FOLDS = Path(__file__).resolve().parents[2] / "data" / "actors" / "folds.tsv"
# roles under which a capital stands for its government: what it does and what is done to it, not where
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "dative", "compound"})
# prepositions whose object is a party to the act ("tension with Washington", "sanctions on Moscow", "by Beijing")
_PARTY_PREPS = frozenset({"by", "with", "against", "on", "toward", "towards"})
# verbs whose object is a place gone to or from ("visited Beijing", "left Kabul"): the city, not its government
_PLACE_OBJECT_VERBS = words("place_words", "place-object-verb") | words("verb_classes", "arrival") \
    | words("verb_classes", "departure")


@functools.cache
def capitals() -> dict[str, str]:
    """Capital city name (lower case) -> the ISO3 code of its country, from the actor folds' "capital as metonym"
    rows (GeoNames countryInfo)."""
    out: dict[str, str] = {}
    for line in FOLDS.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if not line.startswith("#") and len(cols) >= 4 and cols[2] == "capital as metonym" and cols[3]:
            out[cols[0].lower()] = cols[3]
    return out


def capital_as_actor(head: Token, toks: Sequence[Token], code: str) -> bool:
    """The phrase is a country's capital alone ("Ankara", "New Delhi") coded as that country, in a place where a
    party to the act stands (subject, possessor, object, "with"/"against"/"by" X): news uses the capital for the
    government seated there ("Ankara is warning Washington", "Beijing sanctioned Copenhagen")."""
    names = [t for t in toks if t.pos_ == "PROPN"]
    if not names or any(t.pos_ not in ("PROPN", "DET", "PART", "PUNCT") for t in toks):
        return False
    if capitals().get(" ".join(t.text for t in names).lower()) != code:
        return False
    if head.dep_ == "pobj":
        return head.head.lower_ in _PARTY_PREPS
    if head.dep_ == "dobj" and head.head.lemma_.lower() in _PLACE_OBJECT_VERBS:
        return False
    return head.dep_ in _ACTOR_DEPS



@functools.cache
def country_names() -> dict[str, str]:
    """A country's own name or short form (lower case: "kenya", "the united states" without the article, "u.s.",
    "britain", "c.a.r") -> its ISO3 code, from the actor folds' "name" and "alias" rows; not demonyms, capitals or
    the names of bodies."""
    out: dict[str, str] = {}
    for line in FOLDS.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if not line.startswith("#") and len(cols) >= 4 and cols[2] in ("name", "alias") and len(cols[3]) == 3:
            out[cols[0].lower()] = cols[3]
    return out


@functools.cache
def country_surfaces() -> dict[tuple[str, ...], str]:
    """Lower-case words of every way the actor folds name a country (its name, aliases, demonyms and their plural,
    its capital) -> its ISO3 code: what says that an article speaks of that country."""
    out: dict[tuple[str, ...], str] = {}
    for line in FOLDS.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 4 or len(cols[3]) != 3:
            continue
        words_ = tuple(cols[0].lower().split())
        out.setdefault(words_, cols[3])
        if cols[2] == "demonym" and not words_[-1].endswith("s"):
            out.setdefault((*words_[:-1], words_[-1] + "s"), cols[3])  # "Australians"
    return out


@functools.cache
def demonyms() -> frozenset[str]:
    """Lower-case one-word demonyms of the actor folds and their plurals ("american", "americans", "syrian"): the
    words that name people by their nationality."""
    found: set[str] = set()
    for line in FOLDS.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if not line.startswith("#") and len(cols) >= 4 and cols[2] == "demonym" and " " not in cols[0]:
            found.update((cols[0].lower(), cols[0].lower() + "s"))
    return frozenset(found)


SUPPLEMENT = Path(__file__).resolve().parents[2] / "data" / "events" / "actors_supplement.yaml"


@functools.cache
def supplement_surfaces() -> dict[tuple[str, ...], str]:
    """Lower-case words of the names and aliases of the bundled supplement's actors of one country (national parties
    such as "Labour", "Tories", "Lib Dems"; leaders; territories) -> that country: a British article about domestic
    politics names its parties, not "Britain"."""
    import yaml

    out: dict[tuple[str, ...], str] = {}
    for entry in yaml.safe_load(SUPPLEMENT.read_text(encoding="utf-8")).get("actors", []):
        codes = [entry["code"]] if "code" in entry else [c["code"] for c in entry.get("codes", [])]
        countries = {c[:3] for c in codes}
        if len(countries) != 1 or not next(iter(countries)).isalpha() or len(codes[0]) < 3 \
                or codes[0][3:6] == "MED":
            continue  # a news outlet ("Reuters", "the BBC") is the channel of the news: it names no country of it
        for name in [entry["name"], *entry.get("aliases", [])]:
            out.setdefault(tuple(str(name).lower().split()), codes[0][:3])
    return out


_LONGEST_SURFACE = 6  # words of the longest name looked for ("green party of england and wales")


@functools.cache
def _surface_table() -> tuple[dict[tuple[str, ...], str], frozenset[str]]:
    """``countries_named``'s table (the supplement's surfaces, the folds' over them) and the first words of its
    names, built once."""
    table = {**supplement_surfaces(), **country_surfaces()}
    return table, frozenset(words_[0] for words_ in table if words_)


def preload() -> None:
    """Builds the table ``countries_named`` reads (a parse of the bundled supplement, about 0.1 s) now, where the
    coder's dictionaries load, instead of in the first article that guesses a surname: a long-running ingest
    builds it once either way, but the first article should not pay for it."""
    _surface_table()


class _LastNamed(threading.local):
    doc: Doc | None = None
    size: int = -1
    countries: frozenset[str] = frozenset()
    sentences: int = 0


# sentences of a text long enough to be an article that names the countries of the people it speaks of
ARTICLE_SENTENCES = 5


# the countries named in the last document, per thread: the actor coder asks for each surname it guesses
_NAMED = _LastNamed()


def countries_named(doc: Doc) -> frozenset[str]:
    """The countries a document names anywhere (``country_surfaces``, capitalised words only: "US", "Australian",
    "New Zealand", "Canberra"; and the supplement's actors of one country, ``supplement_surfaces``: "Labour",
    "the Tories"), computed once per document."""
    if _NAMED.doc is doc and _NAMED.size == len(doc):
        return _NAMED.countries
    table, firsts = _surface_table()
    words_, starts = _name_starts(doc, firsts)
    found: set[str] = set()
    end = 0
    for i in starts:
        if i < end:
            continue  # inside the name found before: "Liberal Democrats" is not also the American "Democrats"
        # the longest name at i, whose words are then not read again
        n = next((n for n in range(_LONGEST_SURFACE, 0, -1) if tuple(words_[i : i + n]) in table), 0)
        if n:
            found.add(table[tuple(words_[i : i + n])])
            end = i + n
    _NAMED.doc, _NAMED.size, _NAMED.countries = doc, len(doc), frozenset(found)
    _NAMED.sentences = sum(1 for _ in doc.sents) if doc.has_annotation("SENT_START") else 1
    return _NAMED.countries


# a word's lower-cased text and whether it begins with a capital, by the id of its text (the vocabulary's hash of
# the string), read from the vocabulary once per word; emptied when full
_WORDS: dict[int, tuple[str, bool]] = {}
_WORDS_MAX = 65536


def _name_starts(doc: Doc, firsts: frozenset[str]) -> tuple[list[str], list[int]]:
    """Each token's lower-cased text, and the indexes of the capitalised tokens that may begin a name (their word
    is among ``firsts``), read from the document's array of text ids: no Token is made (one made for every word,
    and its text read anew, was the cost of ``countries_named``)."""
    from spacy.attrs import ORTH

    strings = doc.vocab.strings
    words_: list[str] = []
    starts: list[int] = []
    for i, orth in enumerate(doc.to_array(ORTH).tolist() if len(doc) else []):
        found = _WORDS.get(orth)
        if found is None:
            if len(_WORDS) >= _WORDS_MAX:
                _WORDS.clear()
            text = strings[orth]
            found = _WORDS[orth] = (text.lower(), text[:1].isupper())
        words_.append(found[0])
        if found[1] and found[0] in firsts:
            starts.append(i)
    return words_, starts


def country_in(toks: Sequence[Token]) -> str | None:
    """The country of the first name ``countries_named`` knows among ``toks`` (capitalised words: "from Gaza",
    "from northern Syria"), or None."""
    table, firsts = _surface_table()
    words_ = [t.lower_ for t in toks]
    for i, tok in enumerate(toks):
        if words_[i] in firsts and tok.text[:1].isupper():
            n = next((n for n in range(_LONGEST_SURFACE, 0, -1) if tuple(words_[i : i + n]) in table), 0)
            if n:
                return split_code(table[tuple(words_[i : i + n])])[0] or table[tuple(words_[i : i + n])][:3]
    return None


def guessed_country_unnamed(tok: Token, country: str | None) -> bool:
    """A surname guess of a listed person ("Mr Howard" -> John Howard, Australia; "Mr English" -> Bill English, New
    Zealand; "the Crime Bill" -> a Guinean minister Bill) names a country the article never names (by name,
    demonym or capital): the person is someone the dictionaries do not list, not the one they guess. A token
    without a document (a test double) or a guess without a country says nothing, and neither does a text of
    fewer than ``ARTICLE_SENTENCES`` sentences (a headline, a snippet, a post): it need not name the country."""
    doc = getattr(tok, "doc", None)
    if doc is None or country is None or len(country) != 3:
        return False
    named = countries_named(doc)
    return _NAMED.sentences >= ARTICLE_SENTENCES and country not in named


def affiliated_by_its_phrase(finder: Any, head: Token, coded: tuple[str | None, str],
                             ctx: DocContext) -> tuple[str | None, str]:
    """An armed role without a country whose phrase names the side it belongs to with an adjective or participle
    of affiliation after it ("forces loyal to Bashar al-Assad", "separatists belonging to the banned BLA",
    "fighters allied to the Syrian Democratic Forces", "militants linked to al-Qaida") is of that side: of its
    country, with the role's own roles (SYRMIL, PAKREB, SYRUAF), or, for a side that is no state, the group itself
    (IMGMUSALQ; not for "allied", an ally being another group). The article's country is no default for them:
    the phrase says whose they are."""
    roles = split_code(coded[0])[1]
    if not set(roles) & _AFFILIATED_ROLES:
        return coded
    sides = _sides(finder, head, ctx)
    if len(sides) != 1:
        return coded
    side, ally = sides.pop()
    country, side_roles = split_code(side)
    if country is not None and not side_roles:
        # a patron named by its country ("militias aligned with Iran ... in Iraq"): CAMEO codes a non-state armed
        # actor by where it operates, which the place rules give (review 9 B1); a government, person or group
        # ("loyal to Assad", SYRGOV) says whose they are
        return coded
    if country is not None and len(country) == 3 and country not in NON_STATE:
        found = compose(country, [(r, False) for r in roles])
    elif not ally and not side.startswith("---"):
        found = side
    else:
        return coded
    return (found, coded[1]) if ctx.fire("actors.side-named-by-its-affiliation") else coded


def _sides(finder: Any, head: Token, ctx: DocContext) -> set[tuple[str, bool]]:
    """The codes of the sides named by ``head``'s phrase of affiliation, each with whether it is an ally."""
    sides: set[tuple[str, bool]] = set()
    mods = [m for m in head.children if m.dep_ in ("amod", "acl") and m.i > head.i]
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.i == head.i + 1:
        mods.append(head.head)  # "Gunmen linked to al-Shabab killed ...", parsed with "linked" as the main verb
    for mod in mods:
        word = mod.lemma_.lower() if mod.pos_ == "VERB" else mod.lower_
        if word not in _AFFILIATION:
            continue
        for prep in (c for c in mod.children if c.dep_ == "prep" and c.lower_ in ("to", "with")):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                sides.update((a.code, word == "allied")
                             for a in finder.phrase_actors(pobj, ctx, direct=False) if a.code)
    return sides


# roles of those who take a side ("forces loyal to", "militants linked to"): armed forces and groups, police
_AFFILIATED_ROLES = frozenset({"MIL", "UAF", "REB", "RAD", "CRM", "INS", "SEP", "COP"})
# adjectives and participles (lemmas) naming the side a group belongs to, with "to" or "with"
_AFFILIATION = words("title_words", "affiliation")


def seated_by_its_phrase(finder: Any, head: Token, coded: tuple[str | None, str],
                         ctx: DocContext) -> tuple[str | None, str]:
    """A body the dictionaries leave uncoded whose phrase says where it is seated with a participle after it ("the
    Alliance of Democracies, headquartered in Copenhagen", "a charity based in Madrid") is of that place's country,
    as CAMEO codes a private body by its home. Only a name or a noun of an organisation: a person "based in
    Yaounde" may be a foreign correspondent there. The same phrase as subject already gave it (the search inside
    a subject reaches the place); as object or passive subject it gave nothing."""
    if coded[0] is not None or not (head.pos_ == "PROPN" or head.lemma_.lower() in _BODY_NOUNS):
        return coded
    countries = {split_code(a.code)[0] for mod in head.children
                 if mod.dep_ in ("acl", "amod") and mod.i > head.i and mod.lower_ in _SEAT_PARTICIPLES
                 for prep in mod.children if prep.dep_ == "prep" and prep.lower_ == "in"
                 for pobj in prep.children if pobj.dep_ == "pobj"
                 for a in finder._actors(pobj, ctx, direct=False)} - {None}
    if len(countries) != 1 or not ctx.fire("actors.body-seated-in-a-place-takes-its-country"):
        return coded
    return countries.pop(), coded[1]


_SEAT_PARTICIPLES = words("place_words", "seat-participle")
# nouns of an organisation ("the group", "a charity", "the firm") that a seat places
_BODY_NOUNS = words("title_words", "org-head") | words("title_words", "collective-noun") | NGO_HEADS
