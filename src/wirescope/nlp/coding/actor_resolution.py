"""From a phrase's dictionary matches to one actor (``actors.ActorCoder.code_tokens``): the base actor of the
phrase, an office or party a person holds, the owner of a party, sponsors and opponents named in the phrase
("Iran-backed", "anti-government"), a regional group's country, and the home country of a group."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .actor_codes import NON_STATE, REGION_CODES, _bare_country, split_code
from .actor_matching import _NOT_NAME_WORDS, ORG_HEADS, Fire, Match, _always
from .lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token


# Heads naming a relation to the actor that modifies them ("Israel's ally", "a Syrian proxy"), not that actor.
RELATION_HEADS = words("title_words", "relation-head")


# "Iran-backed militia" is not Iranian, nor are "UN-hosted talks" the UN's; "Vietnamese-led forces" and "state-run
# media" are the named actor's
_SPONSOR_WORDS = words("title_words", "sponsor")
# heads naming the leader of the body that modifies them ("the Tory leader"), who is that body's actor
_LEADER_HEADS = words("title_words", "leader-head")


def _base(actors: Sequence[Match], toks: Sequence[Token], head: Token | None,
          how: tuple[bool, Fire]) -> Match | None:
    """The actor match a phrase is about: the one on its head, else the modifier that describes it."""
    head_agent, fire = how
    if head is not None:
        on_head = [m for m in actors if m.start <= head.i < m.end]
        if on_head:
            base = on_head[0]
            post = _post_of_an_organisation(base, actors, toks)
            if post is not None and fire("actors.post-of-an-organisation-before-a-name"):
                return post
            home = _home_country(base, actors, toks, head) if head.tag_ in ("NNPS", "NNS") \
                and _bare_country(base.code) else base
            return home if home is not base and fire("actors.ethnic-group-by-home-country") else base
    # a modifier that names a person or institution ("Trump ally", "Soleimani's death") is not the phrase's actor;
    # a country modifier is ("US drone strike", "Iranian commander") ... nor is it for a named head ("United Nations
    # Emergency Relief Coordinator"): a name's parts
    org_head = head is not None and (head.lemma_.lower() in ORG_HEADS or head.pos_ == "PROPN")
    modifiers = [m for m in actors if head_agent or org_head or not split_code(m.code)[0]
                 or not split_code(m.code)[1] or _in_of_phrase(m, toks, head)]
    if not modifiers and head is not None and head.lemma_.lower() in _LEADER_HEADS and head.tag_ != "NNS" \
            and fire("actors.leader-is-of-the-named-body"):
        # "the Tory leader", "the Hamas leader": whom a leader leads is the body that modifies the word (one
        # person's title; "top Taliban leaders" is left as it was)
        modifiers = list(actors)
    if not modifiers and head is not None and head.lemma_.lower() in _MEMBER_HEADS \
            and fire("actors.sources-of-a-body-are-its-own"):
        # "Tory sources", "Kremlin insiders": people who speak from inside the body named before the word
        modifiers = list(actors)
    relation = _relation_of_a_name(head) if head is not None else None
    if head is not None and (head.lemma_.lower() in RELATION_HEADS or relation is not None):
        # "Israel's militia ally in southern Lebanon" is not Israeli: only "of/in/from" phrases place it; nor is
        # "Deutsche Boerse's rival Euronext" German (a name the relation word describes: its own words after the
        # relation word do, "Iran's rival Saudi Aramco")
        placed = [m for m in modifiers if _in_of_phrase(m, toks, head) or (relation is not None and m.start > relation)]
        if len(placed) != len(modifiers) and fire("actors.relation-head-is-not-its-modifier"):
            modifiers = placed
    if head is not None:  # the modifier nearest the head describes it
        modifiers.sort(key=lambda m: abs(m.start - head.i))
        owner = _possessor_over_place(modifiers, toks, head) if head_agent else None
        if owner is not None and fire("actors.possessor-outranks-the-place-after-it"):
            return owner
    return modifiers[0] if modifiers else None


# heads naming people who speak from inside the body that modifies them ("Tory sources", "party insiders")
_MEMBER_HEADS = words("title_words", "member-head")
# titles before a name that hold no post of the organisation named before them: "UN ambassador Nikki Haley" is her
# country's envoy to the UN
_SENT_TO = words("title_words", "sent-to-title")


def _post_of_an_organisation(base: Match, actors: Sequence[Match], toks: Sequence[Token]) -> Match | None:
    """A person named after the title of a post of an international organisation ("EU trade commissioner Peter
    Mandelson", "Nato Secretary General Jens Stoltenberg", "EU foreign policy chief Javier Solana") acts for that
    organisation: its code (with the person's name), over the person's national entry, which the dictionaries date
    by the person's other offices (Mandelson GBRGOVBUS, Stoltenberg NORGOV). The title's words stand between the
    organisation and the name, nothing else; "former" or "ex-" before them says the post is held no more, and an
    envoy to the organisation ("UN ambassador Nikki Haley") is their own country's."""
    country, roles = split_code(base.code)
    if not country or not roles:
        return None  # no state's (an IGO head the dictionaries list), or a state itself ("Nato ally Turkey")
    before = [m for m in actors if m.end <= base.start]
    if not before or not (before[-1].code or "").startswith("IGO"):
        return None
    igo = before[-1]
    by_index = {t.i: t for t in toks}
    title = [by_index[i] for i in range(igo.end, base.start) if i in by_index]
    if not 1 <= len(title) <= 4 or len(title) != base.start - igo.end \
            or any(not t.text.replace("-", "").isalpha() for t in title):
        return None
    # the words before the title, in the phrase or just before it (a name's span may leave "former" out)
    doc = getattr(title[0], "doc", None)
    said = {t.text.lower().rstrip("-") for t in toks if t.i < base.start}
    if doc is not None:
        said |= {doc[i].text.lower().rstrip("-") for i in range(max(0, igo.start - 2), igo.start)}
    if said & (_NO_LONGER | _SENT_TO):
        return None
    return Match(base.start, base.end, igo.code, base.name, base.prefix)


def _relation_of_a_name(head: Token) -> int | None:
    """The index of the relation word before a name that it describes ("Deutsche Boerse's rival Euronext"): a
    name is written with a capital (the parser may tag an unknown one a common noun) after its sentence's start, and
    the relation is to whoever modifies the word, not the name's own actor. A common noun is left as it was
    ("Libya's rival government" is Libyan: rival among themselves)."""
    if head.pos_ != "PROPN" and not (head.text[:1].isupper() and head.i != head.sent.start):
        return None
    return next((c.i for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i
                 and c.lemma_.lower() in RELATION_HEADS), None)


def _possessor_over_place(modifiers: Sequence[Match], toks: Sequence[Token], head: Token) -> Match | None:
    """The possessor of a head naming a holder (an agent word: minister, commander, forces) when the modifier
    nearest the head is a place in an "in/at" phrase of the head: "Turkey's foreign minister in Vancouver" is
    Turkey's minister, who is in Canada. The possessor says whose the holder is, the place only where they are;
    the possessor is further from the head by its "'s" and the title's words, so nearness alone takes the place."""
    if len(modifiers) < 2 or modifiers[0].start < head.i:
        return None
    by_index = {t.i: t for t in toks}
    nearest = by_index.get(modifiers[0].start)
    prep = nearest.head if nearest is not None and nearest.dep_ == "pobj" else None
    if prep is None or prep.head.i != head.i or prep.lower_ not in _LOCATIVE:
        return None
    return next((m for m in modifiers[1:] if any(
        (t := by_index.get(i)) is not None and t.dep_ == "poss" and t.head.i == head.i
        for i in range(m.start, m.end))), None)


# prepositions of where a holder is, not whose they are ("in Vancouver", "at the UN")
_LOCATIVE = frozenset({"in", "at"})


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


# words before a title that say its holder no longer holds the office ("former Russian President Boris Yeltsin")
_NO_LONGER = words("title_words", "no-longer")


def _office_in_the_name(base: Match | None, inner: Sequence[Match], toks: Sequence[Token], head: Token | None,
                        fire: Fire = _always) -> Match | None:
    """A person the dictionary knows only as an elite (ELI) whose matched name opens with a government title
    gives the office the title names: the dictionaries list "President Vladimir Putin" and "Russian President
    Vladimir Putin" as names of RUSELI (undated) or of whatever Putin was on a date, so the title word is inside
    the name's match and ``_office`` never sees it; the text calling him president says he holds that office.
    ``inner`` are the agent matches inside the phrase's actor matches. A title after the name ("Vladimir Putin,
    President") is no part of a name's opening; "former" or "ex-" before it says the office is held no more. Only
    for a phrase that is the person (its head in the name): "supporters of President Trump" hold no office."""
    if base is None or not base.code or (head is not None and not base.start <= head.i < base.end):
        return base
    country, roles = split_code(base.code)
    if roles != ("ELI",) or country is None or country in NON_STATE:
        return base
    inside = [a for a in inner if base.start <= a.start and a.end < base.end and not a.prefix]
    if any(a.code == "ELI" for a in inside):
        return base
    title = next((a for a in inside if (a.code or "").startswith("GOV")), None)
    if title is None:
        return base
    before = {t.text.lower().rstrip("-") for t in toks if t.i < title.start}
    if before & _NO_LONGER or not fire("actors.title-in-the-name-gives-the-office"):
        return base
    return Match(base.start, base.end, country + (title.code or ""), base.name, base.prefix)


# a word before a government title that says its holder is the opposition's spokesman for the office ("Tory shadow
# chancellor Oliver Letwin"), and the titles of a town's or city's own office ("London mayor Ken Livingstone")
_SHADOW = words("title_words", "shadow")
_LOCAL_OFFICES = words("title_words", "local-office")
_OPPOSITION = "OPP"
# title words of an office a shadow minister speaks for ("shadow home secretary", "shadow health minister")
_SHADOW_OFFICES = words("title_words", "shadow-office")


# a rank before another title ("deputy governor"), which the agents dictionary codes as police (sheriff's deputies)
_RANK_WORDS = words("title_words", "rank-word")
RANK_BEFORE_A_TITLE = "actors.rank-before-a-title-has-its-role"


def _rank_before_a_title(agents: list[Match], fire: Fire = _always) -> list[Match]:
    """The agents without a rank word that another role of the phrase follows: "deputy" before a title says the
    holder's rank under that title, not the police role the Phoenix agents give "deputy" alone (a sheriff's
    deputy): "Bank of England deputy governor Rachel Lomax" (GOV, not COPGOV), "Deputy Health Minister Rhona
    Brankin", "Iraq's deputy speaker of parliament" (LEG), "the Board of Deputies of British Jews" (JEW)."""
    return [a for a in agents
            if not (a.name in _RANK_WORDS and any(b.start > a.start for b in agents) and fire(RANK_BEFORE_A_TITLE))]


def _no_national_office(agents: list[Match], toks: Sequence[Token], base: Match | None,
                        fire: Fire = _always) -> list[Match]:
    """The agents without a government role (GOV) that the phrase says is not the country's government: a
    'shadow' title is the opposition's ("Tory shadow chancellor Oliver Letwin" is the party's, GBRPTY; without a
    party, "shadow home secretary David Davis" is the opposition, OPP, placed like any role without a country),
    and a mayor of a place the phrase names governs that city, not the country ("London mayor Ken Livingstone"
    is no GBRGOV). A mayor without a place ("the mayor") keeps the CAMEO convention (GOV): dropping the role would
    leave no actor at all."""
    kept = []
    for a in agents:
        # a government title, alone or with the sector of its office ("education secretary": GOVEDU)
        if (a.code or "").startswith("GOV") and not a.prefix:
            words_of = [t.text.lower() for t in toks if a.start <= t.i < a.end]
            before = [t.text.lower() for t in toks if t.i < a.start]
            # the word before the title, or before its one modifier ("shadow home secretary")
            if _SHADOW & set(before[-2:]) and fire("actors.shadow-title-is-the-opposition"):
                if base is None or split_code(base.code)[0] is None:
                    # no party or person of a country named: the title still says whose spokesman it is, and for
                    # which sector ("shadow education secretary Tim Collins": OPPEDU)
                    kept.append(Match(a.start, a.end, _OPPOSITION + (a.code or "")[3:], a.name, a.prefix))
                continue
            local = base is not None and any(w in _LOCAL_OFFICES for w in words_of)
            if local and fire("actors.mayor-is-no-national-government"):
                continue
        kept.append(a)
    if not agents and (base is None or split_code(base.code)[0] is None):
        # a shadow office the dictionaries do not list ("shadow home secretary David Davis"): still the opposition's
        office = _shadow_office(toks)
        if office is not None and fire("actors.shadow-title-is-the-opposition"):
            kept.append(Match(office.i, office.i + 1, _OPPOSITION, office.text.upper()))
    return kept


def _shadow_office(toks: Sequence[Token]) -> Token | None:
    """The title word of a shadow office in the phrase: 'secretary' of "shadow home secretary", right after
    'shadow' or after it and one modifier."""
    for k, t in enumerate(toks):
        if t.text.lower() in _SHADOW_OFFICES and _SHADOW & {w.text.lower() for w in toks[max(0, k - 2) : k]}:
            return t
    return None


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


# the roles of a state's own bodies, and the last words of a body's name that many states' bodies share ("Home
# Office", "Foreign Office", "State Department": a description, not a name unique to one state as "the Kremlin" is)
_STATE_BODY_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
_BODY_NOUNS = words("title_words", "body-noun")


def _body_owner(base: Match | None, actors: Sequence[Match], toks: Sequence[Token],
                fire: Fire = _always) -> Match | None:
    """A country named as the possessor, demonym or "of" phrase of a state body whose dictionary name is a shared
    description owns it, over the country the entry gives (as ``_party_owner`` does for a party): the entries say
    what British news means by a bare "Home Office" or "Foreign Office" (GBRGOV), but "the German Foreign Office",
    "Germany's Home Office" and "the Foreign Office of Germany" are Germany's (DEUGOV)."""
    if base is None or not base.name:
        return base
    country, roles = split_code(base.code)
    if country is None or not roles or not set(roles) <= _STATE_BODY_ROLES \
            or base.name.split()[-1].lower() not in _BODY_NOUNS:
        return base
    owners = [m for m in actors if m is not base and _bare_country(m.code) and _next_to(m, base, toks)]
    owner = split_code(owners[0].code)[0] if owners else None
    if owner is None or owner == country or owner in NON_STATE or owner in REGION_CODES \
            or not fire("actors.named-country-owns-the-body"):
        return base
    return Match(base.start, base.end, owner + "".join(roles), base.name, base.prefix)


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


def _title_before_a_name(agents: Sequence[Match], toks: Sequence[Token], head: Token, fire: Fire) -> bool:
    """An agent word that is a title before the phrase's proper-noun head ("President Abdelaziz Bouteflika",
    "General Milley"), where the head is no word of a person's name (lexicons/title_words.tsv not-a-name:
    "Election", "Motors") and the parse does not name it a thing (an event, a law, a building, a product; not an
    organisation: "rights group Liberty", "the Muslim Brotherhood" are described by their role word): "General
    Motors", "the General Election" are no general's, the word is part of the thing's name
    (actors.title-word-in-a-name-is-no-title)."""
    if head.pos_ != "PROPN" or not any(_is_title(m, toks, head) for m in agents):
        return False
    named_thing = head.text.upper() in _NOT_NAME_WORDS or head.ent_type_ in _NAMED_THINGS
    return not (named_thing and fire("actors.title-word-in-a-name-is-no-title"))


# entity types of the parse that name no person: a title word before such a head is a word of its name
_NAMED_THINGS = frozenset({"EVENT", "LAW", "FAC", "PRODUCT", "WORK_OF_ART"})


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
