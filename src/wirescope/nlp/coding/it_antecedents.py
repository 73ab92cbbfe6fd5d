"""What a subject "it" refers to when it stands for a body: the nearest singular subject before it.

News names a body in full once and then continues it with "it": "Iran's Revolutionary Guards shot down a US drone.
It said it had fired a missile", "Hezbollah said ... It accused Israel of". A subject pronoun mostly continues the
subject before it (centering), and "it" is singular and no person, so its antecedent is the nearest singular
subject that is no person: when that names a body (a country, a government's body, an organisation, an armed group),
"it" is that body; when it names a thing ("The report said ... It also found", "the deal ... it would"), the pronoun is
that thing and names no actor. Plural subjects ("they", "officials") and persons ("he", "Rouhani", "the president")
cannot be "it" and are passed over. Anticipatory "it" ("it is clear that", "it was reported that", "it seems") is
no pronoun of a body.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .actor_codes import split_code
from .actor_matching import ORG_HEADS
from .lexicons import words
from .salience import main_clause

if TYPE_CHECKING:
    from spacy.tokens import Token

# singular nouns that name one person by their office: no antecedent of "it"
_PERSON_TITLES = words("title_words", "person-title")
# verbs whose subject "it" anticipates a clause or stands for nothing ("it seems that", "it emerged that")
_EMPTY_IT_VERBS = frozenset({"be", "seem", "appear", "emerge", "remain", "happen", "matter", "take", "become"})
# nouns that stand for a state or a body as a whole, singular and definite: what "it" continues ("the country said
# ... It also", "the regime", "the group"): a body's head nouns (lexicons/title_words.tsv, org-head) but those of a
# business, a team or the media, whose doings are no political events (the "it" of a business story is a firm)
_NOT_POLITICAL_HEADS = frozenset({"bank", "club", "company", "firm", "media", "network", "newspaper", "radio",
                                  "station", "team", "television", "university"})
_BODY_NOUNS = frozenset({*(ORG_HEADS - _NOT_POLITICAL_HEADS), "country", "nation", "state", "kingdom", "republic",
                         "junta", *words("title_words", "collective-noun")})
# the first roles of a business or a service (a hospital, a school, a broadcaster): no body "it" continues in a
# political event ("Hereford Hospital Trust caused an outcry when ... it planned to turn down some patients"), as
# the head nouns of a business or the media are not (``_NOT_POLITICAL_HEADS``)
_COMMERCIAL = frozenset({"MNC", "BUS", "HLH", "EDU", "MED"})
_SUBJECTS = ("nsubj", "nsubjpass")
# the first roles of a body a name without an entity label may be: organisations, armed groups, parties (as
# ``referents._ORGANISATION_ROLES``, "the group"); not a state's government or army, which the dictionaries give
# their persons too ("Rouhani": IRNGOV)
_ORGANISATION_ROLES = frozenset({"IGO", "NGO", "IMG", "REB", "UAF", "RAD", "INS", "SEP", "PTY", "OPP", "LAB", "HRI",
                                 "REL", "ENV"})
# persons and plurals are no antecedent of "it" (passed over); first and second persons name the speaker's side
_NOT_IT = frozenset({"he", "she", "they", "i", "we", "you", "him", "her", "them", "us", "me"})
# relative and demonstrative subjects stand for a noun elsewhere in their sentence, which decides
_PASSED_WORDS = frozenset({"who", "which", "that", "whom", "this", "these", "those", "what"})


def empty_it(it: Token) -> bool:
    """A subject "it" that anticipates a clause or names nothing: "it is clear that", "it was reported that", "it
    seems", "it emerged that"."""
    verb = it.head
    if verb.lemma_.lower() in _EMPTY_IT_VERBS:
        return True
    return it.dep_ == "nsubjpass" and any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def singular_subject_before(it: Token, window_start: int) -> Token | None:
    """The subject before ``it`` (from token ``window_start``) that could be what it refers to: singular and no person
    (``_passed_over``). In its own sentence the nearest before it; in the sentence before, the subject of a main
    clause first, then the nearest other ("Ankara believes the YPG is taking advantage ... It also worries": Ankara,
    the subject a reader follows, not the YPG of the clause it believes). None when there is none."""
    doc = it.doc
    own = [t for t in doc[max(window_start, it.sent.start) : it.i] if _candidate(t)]
    if own:
        return own[-1]
    before = [t for t in doc[window_start : it.sent.start] if _candidate(t)]
    main = [t for t in before if main_clause(t.head)]
    if main:
        return main[-1]
    if not before:
        return None
    # no main clause's subject: that of the least embedded clause, the nearest among equals ("analysts believe
    # that the Kok report doesn't come up with the policies needed to make the Lisbon targets a reality. For
    # example, it recommends": the report, not "the Lisbon" a parse makes the subject of "targets")
    least = min(_depth(t.head) for t in before)
    return [t for t in before if _depth(t.head) == least][-1]


def _candidate(tok: Token) -> bool:
    return tok.dep_ in _SUBJECTS and tok.head.i != tok.i and not _passed_over(tok)


def _depth(verb: Token) -> int:
    """How many clauses up the verb is from its sentence's root."""
    n = 0
    while verb.head.i != verb.i:
        verb, n = verb.head, n + 1
    return n


def names_a_body(tok: Token, code: str) -> bool:
    """The subject, coded ``code``, names a body, not a thing: another "it" (a chain), a name the parse labels a
    place or an organisation ("Iran", "Hezbollah", "the Pentagon"; without a label, a name coded as a country alone
    or as an organisation's role: stored example parses have no labels), or a singular common noun for a state or
    body ("the country", "the ministry", "the group", "the Iranian government")."""
    roles = split_code(code)[1]
    if roles and roles[0] in _COMMERCIAL:
        return False
    if tok.lower_ == "it" or (tok.tag_ in ("NN", "NNP") and tok.lemma_.lower() in _BODY_NOUNS):
        return True  # (a body's head noun the tagger takes for a name too: "Iran's Foreign Ministry")
    if tok.pos_ == "PROPN":
        if tok.ent_type_:
            # an organisation coded by a country alone is one the dictionaries do not know, placed by a modifier
            # ("Anglo-Dutch consumer goods giant Unilever": NLD): no state's body (FAC: "the Kremlin")
            return tok.ent_type_ in ("GPE", "NORP", "FAC") or (tok.ent_type_ == "ORG" and bool(roles))
        return not roles or roles[0] in _ORGANISATION_ROLES
    return False


def _passed_over(tok: Token) -> bool:
    """A subject that cannot be "it" and does not stop the search: a person, a plural, a first or second person,
    a relative or demonstrative pronoun, or an anticipatory "it"."""
    word = tok.lower_
    if word in _NOT_IT or word in _PASSED_WORDS or tok.tag_ == "NNS":
        return True
    if tok.tag_ == "NNPS" and tok.ent_type_ not in ("GPE", "ORG"):
        return True  # "the Kurds"; not a body named in the plural ("the United States", "the Revolutionary Guards")
    if any(c.dep_ == "conj" for c in tok.children):
        return True  # "Iran and Iraq": plural
    if word == "it":
        return empty_it(tok)
    if tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON":
        return True
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _PERSON_TITLES
