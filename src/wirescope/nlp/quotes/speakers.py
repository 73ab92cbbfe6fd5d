"""Speaker resolution: from a quotation's source mention to a canonical entity (and an actor code when the events
task's actor coder is available).

* A name mention inside the source phrase gives the entity, titles and descriptors dropped ("Iran's foreign
  minister Javad Zarif" -> Javad Zarif; "the General" is grouped with its person by the entities stage).
* Buildings and places standing for institutions ("the Pentagon", "Downing Street") map through a small table of
  ours (``data/quotes/metonyms.tsv``).
* Pronouns (he, she, it, they) and relative pronouns take the most recent compatible speaker or subject before
  them; nothing compatible within a few sentences means no name — never a guess. "He" and "she" agree in gender
  with a person the article gives one (``nlp/gender.py``: "Ms Hewitt ... Mr Clarke ... she said" is Hewitt). A
  pronoun that is its sentence's main subject takes, in the latest sentence with a candidate, the main clause's
  subject over an embedded clause's (``coding/salience.py``: "Mr Balls rejected the allegation that Mr Brown had
  been sidelined. He said" is Balls). A subject's antecedent is the name that heads it (or is in apposition); a
  name in a phrase modifying it only when nothing else is near ("Shares in American Express surged after it
  said"); a subject introducing a person without a name ("A spokesman for the department", "Her father, speaking
  ...") is the antecedent too, so the pronoun names no one rather than an older name.
* A name inside a clause describing the speaker's noun is no name of the speaker: a relative clause ("a former
  Guard officer who defected to the United States", "Mr Hague, who had published a biography of William Pitt") or
  a participle ("British citizens backing Islamic State"); a passive participle's by-agent stays ("figures released
  by the BPI"). A relative pronoun speaker ("Michael Howard, who said") stands for its noun's whole phrase.
* A country or place after a locative preposition says where the speaker is ("a Western diplomat in Baghdad"),
  except after a body's noun ("the foreign ministry in Bangladesh").
* An office's letters (MP, MSP, MEP, QC ...) are no name: "Tom McCabe MSP" is Tom McCabe, "the Salford MP" is
  nobody named.
* A common noun phrase ("US officials", "Some experts") stays a speaker with no name.
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, replace
from importlib import resources
from typing import TYPE_CHECKING

from spacy.attrs import DEP, POS
from spacy.parts_of_speech import PRON

from ...records import Actor, Entity, Mention
from ..coding.lexicons import words
from ..coding.salience import main_subject, rank
from ..doctext import text_of
from ..gender import agrees, gendered_words, genders_of
from ..grouping import TITLE_WORDS, entity_id
from .cues import bundled_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .extract import FoundQuote

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
GROUP_PRONOUNS = frozenset({"it", "they", "them", "we", "us"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
_ORG_TYPES = frozenset({"ORG", "GPE", "NORP", "FAC"})
_ORG_NOUNS = frozenset({
    "movement", "group", "party", "organisation", "organization", "government", "ministry", "militia", "campaign",
    "company", "firm", "agency", "council", "committee", "administration", "department", "office", "spokesman",
    "spokeswoman", "spokesperson",
})
# singular nouns of one person (``_unnamed_person``): titles, persons' nouns, and the nouns that give a gender
_PERSON_NOUNS = (words("title_words", "person-title") | words("title_words", "person-noun")
                 | words("senses", "person-noun") | frozenset(gendered_words()["role"]))
_POSSESSIVES = frozenset({"his", "her", "their", "my", "our", "your"})
# the letters of an office a news text puts after a name or uses for its holder ("Tom McCabe MSP", "the Salford MP")
_OFFICE_LETTERS = frozenset({"MP", "MPs", "MSP", "MSPs", "MEP", "MEPs", "AM", "AMs", "MLA", "MLAs", "QC", "TD"})
_WHERE_PREPS = frozenset({"in", "at", "inside", "across", "near", "outside"})
# nouns of a body that a place after them names (``_where``): "the court in Washington", "the ministry in Dhaka"
_INSTITUTIONS = _ORG_NOUNS | words("title_words", "org-head")
_LOOKBACK_CHARS = 1500  # how far back a pronoun looks for its antecedent (a few paragraphs)

ActorCode = Callable[["Doc", int, int], "str | None"]


@dataclass(frozen=True, slots=True)
class _Referent:
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


class _Mentions(list[tuple[Mention, Entity]]):
    """The article's (mention, entity) pairs by start (longest first at one start), with their starts, so that the
    mentions inside a phrase are found by bisection, not by a scan of the article's mentions for every phrase."""

    def __init__(self, pairs: list[tuple[Mention, Entity]]) -> None:
        super().__init__(pairs)
        self.starts = [m.start for m, _ in pairs]

    def inside(self, start: int, end: int) -> list[tuple[Mention, Entity]]:
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


def _metonym(text: str) -> tuple[str, str] | None:
    words = text.lower().replace("’", "'").split()
    table = metonyms()
    for k in range(len(words)):  # longest suffix first: "the us defence department", "defence department"
        key = " ".join(words[k:]).strip(".,")
        if key in table:
            return table[key]
    return None


class SpeakerResolver:
    def __init__(self, code: ActorCode | None = None) -> None:
        self.code = code

    def resolve(self, doc: Doc, found: Sequence[FoundQuote], entities: Sequence[Entity]) -> list[Actor | None]:
        mentions = _Mentions(sorted(
            ((m, e) for e in entities for m in e.mentions), key=lambda me: (me[0].start, -(me[0].end - me[0].start))
        ))
        # subjects inside reported content ("Souness said Owen is a great player") are not antecedents
        reported = [span for q in found for span in q.spans]
        # only the subjects a pronoun speaker can reach (the _LOOKBACK_CHARS before it) are antecedents
        pronouns = sorted(q.speaker[0] for q in found if q.speaker is not None and q.speaker_head is not None
                          and doc[q.speaker_head].pos_ == "PRON")
        speaking = {q.speaker_head for q in found if q.speaker_head is not None}
        subjects = [r for r in self._subjects(doc, mentions, pronouns, speaking)
                    if not any(a <= r.pos < b for a, b in reported)]
        resolved: list[_Referent] = []
        out: list[Actor | None] = []
        for q in found:
            if q.speaker is None:
                out.append(None)
                continue
            start, end = q.speaker
            head = doc[q.speaker_head] if q.speaker_head is not None else None
            ref = self._referent(doc, start, end, head, mentions, subjects, resolved)
            if ref is not None:
                # a speaker is the most salient person of its sentence, as a main clause's subject is
                sentence = head.sent.start_char if head is not None else start
                resolved.append(_Referent(start, ref.name, ref.entity_id, ref.type, ref.start, ref.end, sentence, True,
                                          ref.noun))
            code = None
            if self.code is not None:
                if ref is not None and ref.name is not None:
                    code = self.code(doc, ref.start, ref.end)
                elif head is None or head.pos_ != "PRON":
                    code = self.code(doc, start, end)  # "US officials": no entity, but a codable actor
            out.append(Actor(
                start=start, end=end, text=text_of(doc)[start:end],
                name=ref.name if ref else None, entity_id=ref.entity_id if ref else None, code=code,
            ))
        return out

    def _referent(
        self, doc: Doc, start: int, end: int, head: Token | None, mentions: _Mentions,
        subjects: list[_Referent], resolved: list[_Referent],
    ) -> _Referent | None:
        low = head.lower_ if head is not None else text_of(doc)[start:end].lower()
        if head is not None and head.pos_ == "PRON":
            if low in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
                noun = head.head.head  # "Bay Financial, which said …": the noun the clause hangs on
                # its whole phrase ("Donald Trump, who said"; the names of the clause itself are no antecedent:
                # ``_clauses``)
                sub = list(noun.subtree)
                return self._named(doc, sub[0].idx, sub[-1].idx + len(sub[-1]), noun, mentions)
            if low in PERSON_PRONOUNS:
                # "he" passes over a person the article gives as a woman, "she" over a man (``gender``)
                genders = genders_of(doc)
                return _antecedent(start, {"PERSON"}, subjects, resolved,
                                   lambda ref: agrees(head, genders.of(ref.name.lower().split()) if ref.name
                                                      else gendered_words()["role"].get(ref.noun)),
                                   main_subject(head), _previous_sentence(head))
            if low in GROUP_PRONOUNS:
                return _antecedent(start, _ORG_TYPES | ({"PERSON"} if low == "we" else set()), subjects, resolved,
                                   main=main_subject(head), near=_previous_sentence(head))
            return None
        return self._named(doc, start, end, head, mentions)

    def _named(
        self, doc: Doc, start: int, end: int, head: Token | None, mentions: _Mentions
    ) -> _Referent | None:
        # a name inside a clause that describes the phrase's noun is no name of it (``_clauses``)
        clauses = _clauses(head, start, end) if head is not None else []
        # (an office's letters, "MSP", are no name even when the NER makes them an organisation: ``_office_holder``)
        # (a place after "in", "at" ... says where the speaker is: ``_where``)
        inside = [(m, e) for m, e in mentions.inside(start, end)
                  if not any(a <= m.start < b for a, b in clauses) and m.text not in _OFFICE_LETTERS
                  and not (head is not None and _where(doc, m, e, head))]
        if head is not None and head.text in _OFFICE_LETTERS:
            return _office_holder(head, inside, start)
        # A mention holding the head word wins; else a person; else an organisation or place.
        if head is not None:
            holding = [(m, e) for m, e in inside if m.start <= head.idx < m.end]
            metonym = _metonym(text_of(doc)[start : head.idx + len(head)])
            if metonym is not None and (not holding or holding[0][1].type != "PERSON"):
                name, typ = metonym
                return _Referent(start, name, entity_id(name, typ), typ, start, end)
            if holding:
                m, e = holding[0]
                e = _fuller(e, mentions)
                return _Referent(start, e.name, e.id, _etype(e), m.start, m.end)
        # "the Hezbollah movement", "the Trump campaign": an organisation named by its modifier
        org = next(((m, e) for m, e in inside if _etype(e) == "ORG" and m.end <= head.idx), None) \
            if head is not None and head.lemma_.lower() in _ORG_NOUNS else None
        if org is not None:
            return _Referent(start, org[1].name, org[1].id, "ORG", org[0].start, org[0].end)
        # Otherwise a name that is not a mere modifier ("US officials", "Trump ally Benjamin Netanyahu").
        for want in ({"PERSON"}, _ORG_TYPES):
            for m, e in inside:
                if _etype(e) in want and not _modifier(doc, m):
                    e = _fuller(e, mentions)
                    return _Referent(start, e.name, e.id, _etype(e), m.start, m.end)
        metonym = _metonym(text_of(doc)[start:end])
        if metonym is not None:
            name, typ = metonym
            return _Referent(start, name, entity_id(name, typ), typ, start, end)
        if head is not None and head.pos_ == "PROPN" and not head.ent_type_:
            # a name the NER missed ("Souness said"): the name itself, as a person
            words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [head]
            words = [t for t in words if t.text.rstrip(".") not in TITLE_WORDS]
            if words:
                name = " ".join(t.text for t in words)
                # the surname of a person the article named in full ("Souness" after "Graeme Souness")
                full = next((e for _, e in mentions if _etype(e) == "PERSON" and e.name.split()[-1] == name), None)
                if full is not None:
                    return _Referent(start, full.name, full.id, "PERSON", words[0].idx, head.idx + len(head))
                return _Referent(start, name, entity_id(name, "PERSON"), "PERSON", words[0].idx, head.idx + len(head))
        if head is not None and head.tag_ in ("NNS", "NNPS"):
            return _Referent(start, None, None, "GROUP", start, end)  # "officials": a plural antecedent for "they"
        return None

    def _subjects(self, doc: Doc, mentions: _Mentions, pronouns: Sequence[int],
                  speaking: Set[int]) -> list[_Referent]:
        """Named subjects of clauses, antecedent candidates for the pronoun speakers at character offsets
        ``pronouns`` (sorted): only those a pronoun can take (``_antecedent``: mentioned less than
        ``_LOOKBACK_CHARS`` before it), so an article without pronoun speakers names none. A name inside a phrase
        that modifies the subject is a candidate of last resort (``_stands_for``); a subject that introduces an
        unnamed person (``_unnamed_person``; the token indexes of the quotations' speakers are ``speaking``) is a
        candidate without a name."""
        out: list[_Referent] = []
        if not pronouns:
            return out
        # read from the doc's arrays: no Token is made for the words that are no subject (nearly all)
        deps = {doc.vocab.strings.add(d) for d in ("nsubj", "nsubjpass")}
        for i, (dep, pos) in enumerate(doc.to_array([DEP, POS]).tolist()):
            if dep not in deps or pos == PRON:
                continue
            tok = doc[i]
            sub = list(tok.subtree)
            start = sub[0].idx  # where the subject's phrase, and so its referent, starts
            k = bisect_right(pronouns, start)  # the first pronoun after it must be within reach
            if k == len(pronouns) or pronouns[k] - start > _LOOKBACK_CHARS:
                continue
            ref = self._named(doc, sub[0].idx, sub[-1].idx + len(sub[-1]), tok, mentions)
            ref = ref if ref is not None and ref.name is not None else None
            inner = ref is not None and ref.start != start and not _stands_for(doc, ref, tok)
            if ref is not None and not inner:
                out.append(replace(ref, sentence=tok.sent.start_char, main=main_subject(tok)))
                continue
            if _unnamed_person(tok, tok.i in speaking or _speaks(tok)):
                # "A spokesman for the department said ... He added": the pronoun is that spokesman, named nowhere
                out.append(_Referent(start, None, None, "PERSON", start, sub[-1].idx + len(sub[-1]),
                                     tok.sent.start_char, main_subject(tok), tok.lemma_.lower()))
            if ref is not None:  # a name inside a phrase modifying the subject: a candidate of last resort
                out.append(replace(ref, sentence=tok.sent.start_char, inner=True))
        return out


def _stands_for(doc: Doc, ref: _Referent, subject: Token) -> bool:
    """The name ``ref`` found in the subject's phrase is the subject: its head, or a name in apposition to it or
    compounded with it ("Matar's brother, Muhammad Nour Matar", "the Hezbollah movement"); not a name inside a
    phrase that modifies it ("the argument between the Lib Dems and the others", "making Yahoo Messenger
    available", "a spokesman for the Department for Culture"), which is no antecedent of a later pronoun. (A name
    that opens the subject's phrase is no modifier after its head: ``_subjects`` does not ask.)"""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or ref.start <= subject.idx < ref.end:
        return True  # (the subject's head inside the name: the name, however the parse split it)
    tok = span.root
    while tok.i != subject.i and tok.dep_ in ("appos", "compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return tok.i == subject.i


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


def _where(doc: Doc, m: Mention, e: Entity, head: Token) -> bool:
    """The country or place ``m`` is the object of a locative preposition inside the speaker's phrase: it says
    where the speaker is, not who speaks ("a Western diplomat in Baghdad" is no Iraqi, "American citizens in South
    Korea", "Maguire, the former C.I.A. officer in Baghdad", "Several people across Idlib"). A body's noun is
    different: the place names its state ("the foreign ministry in Bangladesh", "the court in Washington")."""
    if e.type not in ("GPE", "LOC") or head.lemma_.lower() in _INSTITUTIONS:
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in _WHERE_PREPS


def _office_holder(head: Token, inside: list[tuple[Mention, Entity]], start: int) -> _Referent | None:
    """The speaker of a phrase headed by an office's letters: the person named right before them ("Scottish Finance
    Minister, Tom McCabe MSP" is Tom McCabe, though the NER made "MSP" an organisation), else nobody ("the Salford
    MP", "A senior Tory MP": the office, not a name; before, "Salford MP" and "Tory MP" were taken for persons)."""
    for m, e in inside:
        if _etype(e) == "PERSON" and m.end <= head.idx and not head.doc.text[m.end : head.idx].strip():
            return _Referent(start, e.name, e.id, "PERSON", m.start, m.end)
    return None


def _previous_sentence(tok: Token) -> int:
    """The character where the sentence before ``tok``'s starts (its own, in the first)."""
    start = tok.sent.start
    return tok.doc[start - 1].sent.start_char if start > 0 else tok.sent.start_char


def _speaks(subject: Token) -> bool:
    """The subject is said to speak: its verb or a participle on it is a verb of speech of the cue lexicon ("Her
    father, speaking from his home, also accused ...")."""
    lexicon = bundled_lexicon()
    return lexicon.cls(subject.head.lemma_) == "speech" or any(
        c.dep_ == "acl" and lexicon.cls(c.lemma_) == "speech" for c in subject.children)


def _unnamed_person(subject: Token, speaking: bool) -> bool:
    """A subject that introduces one person the article does not name: a singular noun of a person with an
    indefinite article ("A spokesman for the department", "a young Kurdish soldier"; nouns of persons:
    ``_PERSON_NOUNS``), or with a personal possessive as a speaker (``speaking``: "Her father, speaking from his
    home, said"; "Her daughter then grew sick" in a story about her mother names no one new the
    mother's pronouns could mean). A definite one ("the chancellor") mostly repeats a person named before, who
    stays the antecedent."""
    if subject.tag_ != "NN" or subject.lemma_.lower() not in _PERSON_NOUNS:
        return False
    return any((c.dep_ == "det" and c.lower_ in ("a", "an"))
               or (speaking and c.dep_ == "poss" and c.lower_ in _POSSESSIVES) for c in subject.children)


def _fuller(e: Entity, mentions: list[tuple[Mention, Entity]]) -> Entity:
    """"Ms Sanders" -> "Patricia Sanders": a titled surname the grouping left apart from the full name."""
    words = e.name.replace(".", "").split()
    if _etype(e) != "PERSON" or len(words) < 2 or words[0] not in TITLE_WORDS:
        return e
    return next(
        (o for _, o in mentions if o is not e and _etype(o) == "PERSON" and o.name.split()[-1] == words[-1]
         and o.name.split()[0] not in TITLE_WORDS),
        e,
    )


def _modifier(doc: Doc, m: Mention) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    # (a name before an office's letters is their holder, no modifier: "Tom McCabe MSP")
    return span is not None and span.root.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod") \
        and span.root.head.text not in _OFFICE_LETTERS


def _etype(e: Entity) -> str:
    return "PERSON" if e.type in ("PERSON", "TITLE") else e.type


def _antecedent(
    pos: int, types: set[str] | frozenset[str], subjects: list[_Referent], resolved: list[_Referent],
    agreeing: Callable[[_Referent], bool] = lambda ref: True, main: bool = False, near: int = 0,
) -> _Referent | None:
    """The latest named subject or resolved speaker of one of ``types`` before ``pos`` (within
    ``_LOOKBACK_CHARS``) that the pronoun ``agreeing`` with may refer to; for a pronoun that is its sentence's main
    subject (``main``), in the latest sentence with one, a main clause's subject or a speaker over the subject of
    a clause embedded in it ("Mr Balls rejected the allegation that Mr Brown had been sidelined. He said" is Balls:
    ``coding.salience``). A name inside a phrase modifying a subject ("Shares in American Express surged after it
    said") is taken only when no subject or speaker is there, and only from the pronoun's sentence or the one
    before (from character ``near``): a name that is no subject is salient for a sentence at most."""
    best: _Referent | None = None
    for ref in (*subjects, *resolved):
        if ref.pos >= pos or pos - ref.pos > _LOOKBACK_CHARS or (ref.name is None and not ref.noun):
            continue
        if ref.type not in types or not agreeing(ref) or (ref.inner and ref.sentence < near):
            continue
        if best is None or (not ref.inner, *rank(ref.sentence, ref.main, ref.pos, main)) \
                > (not best.inner, *rank(best.sentence, best.main, best.pos, main)):
            best = ref
    return best
