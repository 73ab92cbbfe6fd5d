"""Speaker resolution: from a quotation's source mention to a canonical entity (and an actor code when the events
task's actor coder is available), by the named rules of the quotation registry (``speaker.*``, ``nlp.quotes.rules``);
the rules that decided go into the quotation's trace (``Resolved.rules``).

* A name mention inside the source phrase gives the entity, titles and descriptors dropped ("Iran's foreign
  minister Javad Zarif" -> Javad Zarif): ``speaker_names``, which also maps buildings and places standing for
  institutions ("the Pentagon", "Downing Street") and drops the names of clauses, places and office letters.
* A relative pronoun speaker ("Michael Howard, who said") stands for its noun's whole phrase
  (``speaker.relative-pronoun-is-its-noun``).
* Pronouns (he, she: ``speaker.person-pronoun-takes-a-person``; it, they, we: ``speaker.group-pronoun-takes-a-body``)
  take the most recent compatible speaker or subject before them; nothing compatible within a few sentences means
  no name — never a guess. "He" and "she" agree in gender with a person the article gives one (``nlp/gender.py``:
  "Ms Hewitt ... Mr Clarke ... she said" is Hewitt: ``speaker.pronoun-agrees-in-gender``). A pronoun that is its
  sentence's main subject takes, in the latest sentence with a candidate, the main clause's subject over an
  embedded clause's (``coding/salience.py``: "Mr Balls rejected the allegation that Mr Brown had been sidelined. He
  said" is Balls: ``speaker.main-clause-subject-first``). A subject's antecedent is the name that heads it (or is
  in apposition); a name in a phrase modifying it only when nothing else is near ("Shares in American Express
  surged after it said": ``speaker.name-in-a-modifier-is-a-last-resort``); a subject introducing a person without
  a name ("A spokesman for the department", "Her father, speaking ...") is the antecedent too, so the pronoun
  names no one rather than an older name (``speaker.unnamed-person-is-an-antecedent``); a plural common noun
  subject ("Officials claim ... They also allege"), or names joined by "and", is the antecedent of "they", which
  names no one and is coded from that phrase ("Turkish officials": TURGOV; ``speaker.unnamed-group-is-an-antecedent``).
* "the company", "the airline" (a firm's noun after "the", no name of its own) is the organisation named before
  it, taken as "it" would be, and coded as before from its phrase (``speaker.the-firm-is-the-firm-named-before``).
* "the culture secretary" (an office's noun after "the", no name of its own) is the latest person the article named
  before with that office ("Tessa Jowell, the culture secretary"; ``offices``,
  ``speaker.the-office-is-its-holder-named-before``).
* "I" outside any quotation is the writer, whom the article does not name (``speaker.first-person-is-the-writer``).
* A common noun phrase ("US officials", "Some experts") stays a speaker with no name.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.attrs import DEP, POS
from spacy.parts_of_speech import PRON

from ...records import Actor, Entity
from ..coding.lexicons import words
from ..coding.salience import main_subject, rank
from ..doctext import text_of
from ..gender import agrees, gendered_words, genders_of
from .cues import bundled_lexicon
from .offices import OFFICE, holder, is_office
from .speaker_names import DOCUMENT_TYPE, ORG_TYPES, Mentions, Referent, Rules, named

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .found import FoundQuote

RELATIVE = "speaker.relative-pronoun-is-its-noun"
PERSON = "speaker.person-pronoun-takes-a-person"
GENDER = "speaker.pronoun-agrees-in-gender"
GROUP = "speaker.group-pronoun-takes-a-body"
MAIN = "speaker.main-clause-subject-first"
UNNAMED = "speaker.unnamed-person-is-an-antecedent"
UNNAMED_GROUP = "speaker.unnamed-group-is-an-antecedent"
DEFINITE = "speaker.the-firm-is-the-firm-named-before"
INNER = "speaker.name-in-a-modifier-is-a-last-resort"
WRITER = "speaker.first-person-is-the-writer"
PLURAL_NAME = "speaker.plural-name-is-no-person"
DESCRIBED = "speaker.description-codes-an-unknown-name"

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
GROUP_PRONOUNS = frozenset({"it", "they", "them", "we", "us"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
PLURAL = "PLURAL"  # the type of an unnamed plural subject ("Officials", "Both organisations": ``_subject``)
# singular nouns of one person (``_unnamed_person``): titles, persons' nouns, and the nouns that give a gender
_PERSON_NOUNS = (words("title_words", "person-title") | words("title_words", "person-noun")
                 | words("senses", "person-noun") | frozenset(gendered_words()["role"]))
_POSSESSIVES = frozenset({"his", "her", "their", "my", "our", "your"})
# the nouns of a firm (the coder's, lexicons/senses.tsv firm-noun): "the company", "the airline", "the bank"
_FIRM_NOUNS = words("senses", "firm-noun")
_LOOKBACK_CHARS = 1500  # how far back a pronoun looks for its antecedent (a few paragraphs)

ActorCode = Callable[["Doc", int, int], "str | None"]
Agreeing = Callable[[Referent], bool]


def _any(ref: Referent) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Resolved:
    """A quotation's speaker (None: the quotation has none) and the ``speaker.*`` rules that decided its name."""

    actor: Actor | None
    rules: Rules = ()


class SpeakerResolver:
    def __init__(self, code: ActorCode | None = None, disabled: Set[str] = frozenset(),
                 described: ActorCode | None = None) -> None:
        self.code = code
        self.off = disabled  # switched-off ``speaker.*`` rules (``Settings.disabled_quote_rules``)
        # the actor the event coder finds for the speaker's phrase (its head with its title words and apposition,
        # not its relative clauses), for a name the dictionaries do not know (``_described``)
        self.described = described

    def resolve(self, doc: Doc, found: Sequence[FoundQuote], entities: Sequence[Entity]) -> list[Resolved]:
        mentions = Mentions(sorted(
            ((m, e) for e in entities for m in e.mentions), key=lambda me: (me[0].start, -(me[0].end - me[0].start))
        ))
        # subjects inside reported content ("Souness said Owen is a great player") are not antecedents
        reported = [span for q in found for span in q.spans]
        # only the subjects a pronoun speaker can reach (the _LOOKBACK_CHARS before it) are antecedents
        pronouns = sorted(q.speaker[0] for q in found if q.speaker is not None and q.speaker_head is not None
                          and (doc[q.speaker_head].pos_ == "PRON" or self._the_firm(doc[q.speaker_head])))
        speaking = {q.speaker_head for q in found if q.speaker_head is not None}
        subjects = [r for r in self._subjects(doc, mentions, pronouns, speaking)
                    if not any(a <= r.pos < b for a, b in reported)]
        resolved: list[Referent] = []
        return [self._speaker(doc, q, mentions, subjects, resolved, reported) for q in found]

    def _speaker(self, doc: Doc, q: FoundQuote, mentions: Mentions, subjects: list[Referent],
                 resolved: list[Referent], reported: list[tuple[int, int]]) -> Resolved:
        """The speaker of ``q``; a speaker with a referent joins ``resolved``, the antecedents of later pronouns."""
        if q.speaker is None:
            return Resolved(None)
        start, end = q.speaker
        head = doc[q.speaker_head] if q.speaker_head is not None else None
        ref: Referent | None
        rules: Rules
        if head is not None and self._writer(head, reported):
            ref, rules = None, (WRITER,)
        else:
            ref, rules = self._referent(doc, start, end, head, mentions, subjects, resolved)
        if ref is not None:
            # a speaker is the most salient person of its sentence, as a main clause's subject is
            sentence = head.sent.start_char if head is not None else start
            group = self._group_name(ref, head)  # ("The Lib Dems said ... He added": no Lib Dem)
            resolved.append(Referent(start, ref.name, ref.entity_id, "ORG" if group else ref.type, ref.start,
                                     ref.end, sentence, True, ref.noun,
                                     rules=(PLURAL_NAME, *rules) if group else rules))
        code = None
        if self.code is not None:
            if ref is not None and ref.name is not None and DEFINITE in rules:
                # "the airline" is coded as before (a firm, of the article's country), else as the firm it names
                code = self.code(doc, start, end) or self.code(doc, ref.start, ref.end)
            elif ref is not None and ref.name is not None:
                # ("the defense secretary" as the person it names, Mark Esper, not as an office of the article's
                # country; as the office when the name alone codes to nothing)
                code = self.code(doc, ref.start, ref.end) or (self.code(doc, start, end) if OFFICE in rules else None)
                code, rules = self._described(doc, (start, end), head, (code, rules))
            elif head is None or head.pos_ != "PRON":
                code = self.code(doc, start, end)  # "US officials": no entity, but a codable actor
            elif ref is not None and ref.type == PLURAL:
                code = self.code(doc, ref.start, ref.end)  # "Turkish officials ... they": those officials
        actor = Actor(start=start, end=end, text=text_of(doc)[start:end], name=ref.name if ref else None,
                      entity_id=ref.entity_id if ref else None, code=code)
        return Resolved(actor, tuple(dict.fromkeys(rules)))

    def _described(self, doc: Doc, where: tuple[int, int], head: Token | None,
                   coded: tuple[str | None, Rules]) -> tuple[str | None, Rules]:
        """A named speaker the dictionaries do not know takes the actor its own phrase describes, as an event's
        actor of the same words is coded: "Scottish Finance Minister, Tom McCabe MSP, said" is GBRGOV, "Former
        French ambassador to Ivory Coast, Jean-Marc Simon, said" FRAGOV (the name alone codes to nothing). Not a
        pronoun: "he" describes no one; its antecedent's name is its code."""
        code, rules = coded
        if code is not None or head is None or head.pos_ == "PRON" or self.described is None \
                or DESCRIBED in self.off:
            return code, rules
        found = self.described(doc, *where)
        return (found, (*rules, DESCRIBED)) if found is not None else (code, rules)

    def _the_firm(self, head: Token) -> bool:
        """The speaker's phrase is "the" or a country's possessive and a firm's noun, with no name of its own ("the
        company", "the airline", "the US bank", "South Korea's top car maker"; not "a bank", "banks", "the
        company's chairman", nor "the central bank", a state's body): a definite description of a firm the
        article named before (``_referent``)."""
        return DEFINITE not in self.off and head.tag_ == "NN" and head.lemma_.lower() in _FIRM_NOUNS \
            and any((c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and c.ent_type_ == "GPE")
                    for c in head.children) \
            and not any(c.dep_ == "amod" and c.lower_ == "central" for c in head.children)

    def _group_name(self, ref: Referent, head: Token | None) -> bool:
        """``ref`` is a name the NER typed a person that is a plural proper noun, a word in -s after "the", which
        no person's name takes ("he expected the Lib Dems to increase ...", "The Tories said"): a group, a "they",
        never a "he". (The tagger's NNPS alone is no sign: it tags "Mr Balls" so.)"""
        if ref.type != "PERSON" or head is None or head.pos_ != "PROPN" or PLURAL_NAME in self.off:
            return False
        return head.lower_.endswith("s") and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)

    def _writer(self, head: Token, reported: list[tuple[int, int]]) -> bool:
        """The speaker is "I" outside the content of any quotation: the article's writer, never a person the text
        named before ("Forsyth warned of an attack ... I say he is right", a reader's comment, a first-person
        account: "Ferhad went to find help ... I told them to leave me"); inside a quotation it is its speaker's."""
        return head.pos_ == "PRON" and head.lower_ in ("i", "me") and WRITER not in self.off \
            and not any(a <= head.idx < b for a, b in reported)

    def _referent(
        self, doc: Doc, start: int, end: int, head: Token | None, mentions: Mentions,
        subjects: list[Referent], resolved: list[Referent],
    ) -> tuple[Referent | None, Rules]:
        if head is None or head.pos_ != "PRON":
            ref, rules = named(doc, start, end, head, mentions, self.off)
            if ref is None and head is not None and OFFICE not in self.off and is_office(head):
                # "Tessa Jowell, the culture secretary, ... The culture secretary said": the holder named before
                office = holder(doc, head, start, mentions)
                return office, (office.rules if office is not None else rules)
            if ref is None and head is not None and self._the_firm(head):
                # "Hyundai expects its sales to grow ... The company estimates that": the firm named before
                ref, found = self._antecedent(start, {"ORG"}, subjects, resolved, head, None)
                return ref, ((DEFINITE, *found) if ref is not None else rules)
            return ref, rules
        low = head.lower_
        if low in RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and RELATIVE not in self.off:
            noun = head.head.head  # "Bay Financial, which said …": the noun the clause hangs on
            # its whole phrase ("Donald Trump, who said"; the names of the clause itself are no antecedent:
            # ``speaker_names._clauses``)
            sub = list(noun.subtree)
            ref, rules = named(doc, sub[0].idx, sub[-1].idx + len(sub[-1]), noun, mentions, self.off)
            return ref, (RELATIVE, *rules)
        if low in PERSON_PRONOUNS and PERSON not in self.off:
            # "he" passes over a person the article gives as a woman, "she" over a man (``gender``)
            genders = genders_of(doc)
            ref, rules = self._antecedent(start, {"PERSON"}, subjects, resolved, head,
                                          lambda ref: agrees(head, genders.of(ref.name.lower().split()) if ref.name
                                                             else gendered_words()["role"].get(ref.noun)))
            return ref, (PERSON, *rules)
        if low in GROUP_PRONOUNS and GROUP not in self.off:
            # (a document's maker is an "it", "they", never a "he": "A NAO report says ... It says" is the NAO)
            types = ORG_TYPES | ({"PERSON"} if low == "we" else {DOCUMENT_TYPE}) \
                | ({PLURAL} if low in PLURAL_PRONOUNS else set())
            ref, rules = self._antecedent(start, types, subjects, resolved, head, None)
            return ref, (GROUP, *rules)
        return None, ()

    def _antecedent(self, pos: int, types: Set[str], subjects: list[Referent], resolved: list[Referent],
                    pronoun: Token, agreeing: Agreeing | None) -> tuple[Referent | None, Rules]:
        """The pronoun's antecedent (``_antecedent``) with the rules that decided: gender agreement and the main
        clause's subject first, each when it changed the choice; then the rules that named the antecedent."""
        main = main_subject(pronoun) and MAIN not in self.off
        near = _previous_sentence(pronoun)
        agree = agreeing if agreeing is not None and GENDER not in self.off else _any
        ref = _antecedent(pos, types, subjects, resolved, agree, main, near)
        rules = []
        if agree is not _any and _antecedent(pos, types, subjects, resolved, _any, main, near) is not ref:
            rules.append(GENDER)
        if main and _antecedent(pos, types, subjects, resolved, agree, False, near) is not ref:
            rules.append(MAIN)
        with_groups: Agreeing = lambda r: PLURAL_NAME in r.rules if r.type == "ORG" else agree(r)  # noqa: E731
        if "PERSON" in types and "ORG" not in types \
                and _antecedent(pos, {*types, "ORG"}, subjects, resolved, with_groups, main, near) is not ref:
            rules.append(PLURAL_NAME)  # a plural name was passed over ("he expected the Lib Dems to ...")
        return ref, (*rules, *(ref.rules if ref is not None else ()))

    def _subjects(self, doc: Doc, mentions: Mentions, pronouns: Sequence[int],
                  speaking: Set[int]) -> list[Referent]:
        """Named subjects of clauses, antecedent candidates for the pronoun speakers at character offsets
        ``pronouns`` (sorted): only those a pronoun can take (``_antecedent``: mentioned less than
        ``_LOOKBACK_CHARS`` before it), so an article without pronoun speakers names none. A name inside a phrase
        that modifies the subject is a candidate of last resort (``_stands_for``); a subject that introduces an
        unnamed person (``_unnamed_person``; the token indexes of the quotations' speakers are ``speaking``) is a
        candidate without a name."""
        out: list[Referent] = []
        if not pronouns:
            return out
        # read from the doc's arrays: no Token is made for the words that are no subject (nearly all)
        deps = {doc.vocab.strings.add(d) for d in ("nsubj", "nsubjpass")}
        for i, (dep, pos) in enumerate(doc.to_array([DEP, POS]).tolist()):
            if dep not in deps or pos == PRON:
                continue
            tok = doc[i]
            start = tok.left_edge.idx  # where the subject's phrase, and so its referent, starts
            k = bisect_right(pronouns, start)  # the first pronoun after it must be within reach
            if k == len(pronouns) or pronouns[k] - start > _LOOKBACK_CHARS:
                continue
            out.extend(self._subject(doc, tok, mentions, speaking))
        return out

    def _subject(self, doc: Doc, tok: Token, mentions: Mentions, speaking: Set[int]) -> list[Referent]:
        """The antecedent candidates the subject headed by ``tok`` gives (``_subjects``)."""
        sub = list(tok.subtree)
        start, end = sub[0].idx, sub[-1].idx + len(sub[-1])
        ref = named(doc, start, end, tok, mentions, self.off)[0]
        ref = ref if ref is not None and ref.name is not None else None
        if ref is not None and self._group_name(ref, tok):
            ref = replace(ref, type="ORG", rules=(PLURAL_NAME, *ref.rules))
        inner = ref is not None and ref.start != start and not _stands_for(doc, ref, tok)
        # "Lord Justice Rix and Mr Justice Forbes ruled ... They said": names joined by "and" are a group too
        joined = _joined(tok) and UNNAMED_GROUP not in self.off
        group = Referent(start, None, None, PLURAL, start, end, tok.sent.start_char, main_subject(tok),
                         tok.lemma_.lower(), rules=(UNNAMED_GROUP,))
        if ref is not None and not inner:
            return [replace(ref, sentence=tok.sent.start_char, main=main_subject(tok))] + ([group] if joined else [])
        out = []
        if _unnamed_person(tok, tok.i in speaking or _speaks(tok)) and UNNAMED not in self.off:
            # "A spokesman for the department said ... He added": the pronoun is that spokesman, named nowhere
            out.append(Referent(start, None, None, "PERSON", start, end, tok.sent.start_char, main_subject(tok),
                                tok.lemma_.lower(), rules=(UNNAMED,)))
        if (tok.tag_ == "NNS" and UNNAMED_GROUP not in self.off) or joined:
            # "Officials claim that ... They also allege": "they" is those officials, named nowhere
            out.append(group)
        if ref is not None and INNER not in self.off:  # a name inside a phrase modifying the subject: a last resort
            out.append(replace(ref, sentence=tok.sent.start_char, inner=True, rules=(INNER, *ref.rules)))
        return out


def _stands_for(doc: Doc, ref: Referent, subject: Token) -> bool:
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


def _joined(subject: Token) -> bool:
    """The subject is nouns or names joined by "and" ("Lord Justice Rix and Mr Justice Forbes", "John Letts and
    Sally Lane"): a group, whom a later "they" can mean."""
    return any(c.dep_ == "cc" and c.lower_ == "and" for c in subject.children) and any(
        c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in subject.children)


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


def _antecedent(
    pos: int, types: Set[str], subjects: list[Referent], resolved: list[Referent],
    agreeing: Agreeing = _any, main: bool = False, near: int = 0,
) -> Referent | None:
    """The latest named subject or resolved speaker of one of ``types`` before ``pos`` (within
    ``_LOOKBACK_CHARS``) that the pronoun ``agreeing`` with may refer to; for a pronoun that is its sentence's main
    subject (``main``), in the latest sentence with one, a main clause's subject or a speaker over the subject of
    a clause embedded in it ("Mr Balls rejected the allegation that Mr Brown had been sidelined. He said" is Balls:
    ``coding.salience``). A name inside a phrase modifying a subject ("Shares in American Express surged after it
    said") is taken only when no subject or speaker is there, and only from the pronoun's sentence or the one
    before (from character ``near``): a name that is no subject is salient for a sentence at most."""
    best: Referent | None = None
    for ref in (*subjects, *resolved):
        if ref.pos >= pos or pos - ref.pos > _LOOKBACK_CHARS or (ref.name is None and not ref.noun):
            continue
        if ref.type not in types or not agreeing(ref) or (ref.inner and ref.sentence < near):
            continue
        if best is None or (not ref.inner, *rank(ref.sentence, ref.main, ref.pos, main)) \
                > (not best.inner, *rank(best.sentence, best.main, best.pos, main)):
            best = ref
    return best
