"""The quotation extractor's rules by name, the way the event coder's are (``nlp.coding.rules``): one registry, the
``Rule`` record and ``RuleSet`` switch of the coder's machinery, a trace on each quotation, and examples.

The code of a rule calls ``QuoteExtractor._fire(RULE_ID)`` as the last test of its condition: that records the rule
(in the trace of the quotation being made, and in ``QuoteExtractor.firings``) and returns False when the rule is
switched off (``Settings.disabled_quote_rules``), so the extractor goes on as if the condition did not hold.

Each rule's examples are plain text in ``wirescope/data/quotes/examples/<rule id>.txt``, run through the live model
(quotation rules read the named entities too, which a stored CoNLL-U parse does not carry)::

    # example = 1
    # kind = positive            (the rule decides here; negative: the construction is near but the rule stays out)
    # expect = direct [Khamenei] “severe revenge” | ...   (every quotation: type, [speaker] or [-], content;
    #                                                      "none" when the extractor finds none; a speaker rule's
    #                                                      examples: [speaker] resolved name, ``speaker_effect``)
    # mode = attribution         (optional: PolNeAR's wider notion, as ``eval quotes`` runs the extractor)
    # text = Khamenei promised “severe revenge”.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from ...errors import ConfigError
from ..coding.rules.base import QUOTE_PHASES, Rule, RuleSet

if TYPE_CHECKING:
    from spacy.language import Language

    from ...records import Quote
    from ..pipeline import Pipeline, SharedActorCoder
    from .extract import QuoteExtractor
    from .found import FoundQuote

__all__ = ["CODE_RULES", "QUOTE_RULES", "QuoteExample", "check_quote_rule_ids", "effect", "quote_examples",
           "quote_rule_ids", "run_quote_example", "speaker_effect"]

_CUES, _CONTENT, _CHECKS, _SPEAKERS, _MERGE = QUOTE_PHASES

QUOTE_RULES: tuple[Rule, ...] = (
    # ---------------------------------------------------------------- cues: which words open a quotation
    Rule("quotes.cue-word", _CUES,
         "A word of the cue lexicon (said, told, warned, is confident that ...) introduces the content its parse "
         "gives it: a clausal complement, a quotation beside it, or, for verbs of proposition, a plain object. "
         "The lexicon is data (data/quotes/cues.tsv)."),
    Rule("quotes.according-to", _CUES,
         "'according to X' attributes the clause it hangs on, on its far side, to X."),
    Rule("quotes.naming-is-not-a-cue", _CUES,
         "A participle of naming after its noun ('a group known as Fancy Bear', 'the program, called EB-5') names; "
         "it attributes nothing."),
    Rule("quotes.so-called-marks-scare-quotes", _CUES,
         "'so-called' marks scare quotes, not speech: 'the so-called “caliphate”'."),
    Rule("quotes.that-noun", _CUES,
         "A noun of statement or belief with a possessor and a that-clause ('Trump's claim that ...', 'his view "
         "that ...') is a quotation held by the possessor."),
    Rule("quotes.chant-noun", _CUES,
         "A chant or slogan noun followed by a quotation ('chants of “death to America”') is a chant, held by the "
         "subject of the verb it hangs on."),
    Rule("quotes.speaker-label", _CUES,
         "A paragraph opened by a speaker label ('PENCE: ...', a person's name and a colon) is that speaker's; "
         "headline labels ('The Latest: ...') are not."),
    Rule("quotes.embedded-post", _CUES,
         "A paragraph closed by '— Name (@handle) date' is an embedded social-media post by Name."),
    Rule("quotes.signed-quotation", _CUES,
         "A quoted paragraph closed by '― Name' (under photos, in collections of quotations) is Name's."),
    # ---------------------------------------------------------------- content: what a cue introduces
    Rule("quotes.cue-inside-its-content", _CONTENT,
         "A parenthetical cue ('Acts of protest, Mr. Obama said, are acts of patriotism') introduces the clause it "
         "sits in."),
    Rule("quotes.quotation-beside-the-cue", _CONTENT,
         "A quotation right before the attribution clause ('“…,” he said') or right after it ('said: “…”') is the "
         "content, also when the parse hangs it elsewhere; both, when only a comma parts them."),
    Rule("quotes.participle-starts-its-own-quotation", _CONTENT,
         "', adding …' / ', saying …': a subjectless participial cue inside the content starts a quotation of its "
         "own, so the first content stops before it."),
    Rule("quotes.trailing-aside-is-no-content", _CONTENT,
         "What the writer adds after the reported content, set off by a comma (', who is 70', ', focusing on ...'), "
         "is not the speaker's; inside quotation marks nothing is dropped."),
    # ---------------------------------------------------------------- checks: is it a statement at all
    Rule("quotes.object-is-no-content", _CHECKS,
         "A cue that reports only with a clause or a quotation (find, see, release ...) with a plain object is an "
         "action, not a statement: 'found a way', 'released a video'."),
    Rule("quotes.reported-speech-needs-a-speaker", _CHECKS,
         "An indirect quotation with nobody saying it ('was accused of links to ...') is no quotation."),
    # ---------------------------------------------------------------- speakers: who holds it
    Rule("quotes.participle-inherits-the-speaker", _SPEAKERS,
         "A participial cue without a subject of its own ('..., adding that ...', 'tweeted, saying ...') is held "
         "by the speaker of the cue it hangs on."),
    Rule("quotes.reduced-passive-has-no-speaker", _SPEAKERS,
         "A passive cue without its auxiliary ('Among those reported to have reservations were X', 'The militia, "
         "said to number 10,000 fighters, is ...', parsed as an active 'said' with a subject) reports what somebody "
         "else says of its noun: its speaker is its by-agent ('figures released by the BPI'), or nobody."),
    Rule("quotes.as-saying-is-said-by-its-object", _SPEAKERS,
         "A participle of saying after 'as' on a verb of speech (quoted, cited, reported) is said by the verb's "
         "object, or by its subject when the verb is passive, as 'as' predicates of them in 'regard X as Y': "
         "'Reuters quoted a central bank official as saying ...' is the official's, 'he is quoted as saying by "
         "Germany's Manager Magazin ...' his; the one who quotes passes the words on. Not after a verb of seeing "
         "('was interpreted in Moscow as confirming a shift')."),
    # ---------------------------------------------------------------- speakers: which entity the speaker names
    # (``speakers.py`` for pronouns, ``speaker_names.py`` for a phrase's names; examples give the resolved names)
    Rule("speaker.relative-pronoun-is-its-noun", _SPEAKERS,
         "A relative pronoun speaker ('Michael Howard, who said ...', 'Bay Financial, which said ...') stands for "
         "the noun its clause hangs on, read as that noun's whole phrase."),
    Rule("speaker.person-pronoun-takes-a-person", _SPEAKERS,
         "'he', 'she' ('I' inside a quotation) take the latest person before them, a named subject or a "
         "speaker, within a few paragraphs; none there means no name, never a guess."),
    Rule("speaker.first-person-is-the-writer", _SPEAKERS,
         "'I' outside the content of any quotation is the article's writer (an op-ed, a first-person account, a "
         "reader's comment), never a person the text named before it: 'Forsyth warned of an attack. I say he is "
         "right' names no one."),
    Rule("speaker.group-pronoun-takes-a-body", _SPEAKERS,
         "'it', 'they', 'we' take the latest organisation, country, group or facility before them ('we' also a "
         "person); none there means no name."),
    Rule("speaker.pronoun-agrees-in-gender", _SPEAKERS,
         "'he' passes over a person the article gives as a woman and 'she' over a man (titles, roles, the pronouns "
         "a name binds: nlp/gender.py): 'Ms Hewitt ... Mr Clarke ... she said' is Hewitt."),
    Rule("speaker.main-clause-subject-first", _SPEAKERS,
         "A pronoun that is its sentence's main subject continues, in the latest sentence with a candidate, the "
         "main clause's subject or a speaker before the subject of a clause inside it: 'Mr Balls rejected the "
         "claim that Mr Brown had been sidelined. He said ...' is Balls."),
    Rule("speaker.unnamed-person-is-an-antecedent", _SPEAKERS,
         "A subject introducing a person the article does not name ('A spokesman for the department said', 'Her "
         "father, speaking from his home, said') is the antecedent of a later 'he' or 'she', which then names no "
         "one rather than an older name."),
    Rule("speaker.the-firm-is-the-firm-named-before", _SPEAKERS,
         "A speaker phrase of 'the' (or a country's possessive: 'South Korea's top car maker') and a firm's noun with "
         "no name of its own ('the company', 'the airline', the coder's firm-noun list in senses.tsv) is a definite "
         "description of the organisation named before it, taken as 'it' would be: 'Hyundai expects its sales to "
         "grow ... The company estimates ...' is Hyundai."),
    Rule("speaker.the-office-is-its-holder-named-before", _SPEAKERS,
         "A speaker phrase of 'the' and an office's noun ('the culture secretary', 'The Tory leader'; the coder's "
         "person titles, title_words.tsv, but a spokesman) is the latest person the article named before with all "
         "the office's words ('Tessa Jowell, the culture secretary', 'Tory leader Michael Howard'); a person never "
         "given the office is not guessed ('the prime minister' after 'Mr Blair' alone names no one)."),
    Rule("speaker.unnamed-group-is-an-antecedent", _SPEAKERS,
         "A plural common noun subject that names no one ('Officials claim ...', 'Many supporters of the opposition, "
         "such as Jordan, have ...'), or names joined by 'and' ('Lord Justice Rix and Mr Justice Forbes ruled'), is "
         "the antecedent of a later 'they', which then names no one rather than an older organisation; its actor "
         "is coded from that phrase ('Turkish officials ... they' is TURGOV)."),
    Rule("speaker.description-codes-an-unknown-name", _SPEAKERS,
         "A named speaker the dictionaries do not know takes the actor code its own phrase describes, as the event "
         "coder codes an event's actor of the same words (its head with its title words and apposition, never its "
         "relative clauses): 'Scottish Finance Minister, Tom McCabe MSP, said' is GBRGOV, 'Former French ambassador "
         "to Ivory Coast, Jean-Marc Simon, said' FRAGOV; the name stays the speaker's name."),
    Rule("speaker.plural-name-is-no-person", _SPEAKERS,
         "A name the NER typed a person that is a plural proper noun after 'the' ('he expected the Lib Dems to "
         "increase their seats', 'the Tories'; no person's name takes 'the') is a group: a later 'they' or 'it' may "
         "take it, never 'he' or 'she'."),
    Rule("speaker.name-in-a-modifier-is-a-last-resort", _SPEAKERS,
         "A name inside a phrase that modifies a subject ('Shares in American Express surged after it said') is "
         "an antecedent only when no subject or speaker is there, and only from the pronoun's sentence or the one "
         "before."),
    Rule("speaker.clause-names-no-speaker", _SPEAKERS,
         "A name inside a clause describing the speaker's noun is no name of the speaker: a relative clause ('a "
         "former officer who defected to the United States') or a participle ('British citizens backing Islamic "
         "State'); a passive participle's by-agent stays ('figures released by the BPI')."),
    Rule("speaker.relation-of-a-name-is-no-name", _SPEAKERS,
         "A name after 'of' a kin or relation noun ('The parents of Jack Letts', 'critics of Mr Blair') or after "
         "'close to' ('Sources close to Mr Hockney') names whom the speaker is related to, not the speaker; the "
         "kin and relation heads are the coder's (title_words.tsv: kin-head, relation-head), with a friend, a "
         "neighbour, a colleague ... (data/quotes/relations.tsv): 'A friend of Begum said' names no one."),
    Rule("speaker.place-after-in-is-where", _SPEAKERS,
         "A country or place after a locative preposition says where the speaker is, not who speaks ('a Western "
         "diplomat in Baghdad', 'a spokesman for the Albanian embassy in London'), except after a body's noun, "
         "the noun the preposition hangs on ('the foreign ministry in Bangladesh'); a spokesman is no body."),
    Rule("speaker.office-letters-are-no-name", _SPEAKERS,
         "An office's letters (MP, MSP, MEP, QC ...) are no name, even when the NER makes them one: 'Tom McCabe "
         "MSP' is Tom McCabe, 'the Salford MP' names nobody."),
    Rule("speaker.metonym-names-its-body", _SPEAKERS,
         "A building or place standing for an institution ('the Kremlin', 'Downing Street', 'the Pentagon') names "
         "that institution (data/quotes/metonyms.tsv); a person's name holding the head stays the person."),
    Rule("speaker.name-holding-the-head", _SPEAKERS,
         "A name mention holding the phrase's head word is the speaker ('Iran's foreign minister Javad Zarif', "
         "'the Bank of England under Mark Carney' is the bank), before any other name in the phrase."),
    Rule("speaker.body-named-by-its-modifier", _SPEAKERS,
         "A body's noun (party, movement, campaign, ministry, union, newspaper, spokesman ...; the coder's org-head "
         "nouns too, title_words.tsv) names the organisation before it: 'the Hezbollah movement', 'a Gazprom "
         "spokesman', 'The Usdaw trade union'; the actor is coded from the name through the noun."),
    Rule("speaker.document-speaks-for-its-maker", _SPEAKERS,
         "A document's or figures' noun (poll, survey, figures, report, study ...: data/quotes/documents.tsv) "
         "says what its maker says, the organisation or person whose name modifies it: 'the YouGov poll found' is "
         "YouGov, 'the Bank of Mexico's figures showed' the Bank of Mexico; a place is no maker ('US figures')."),
    Rule("speaker.name-that-is-no-modifier", _SPEAKERS,
         "Otherwise the speaker is the first person, else organisation or place, named in the phrase that is not "
         "a mere modifier of its noun: 'Trump ally Benjamin Netanyahu' is Netanyahu, 'US officials' names nobody."),
    Rule("speaker.proper-noun-the-ner-missed", _SPEAKERS,
         "A proper noun head the NER did not tag ('Souness said') is the name of a person, titles dropped; not a "
         "word in lower case ('the lord chancellor', 'the prime minister') nor an office's title or its plural "
         "('The Culture Secretary', 'the Supreme Leader', 'Ministers pointed to ...'), which name an office or its "
         "holders."),
    Rule("speaker.capital-of-a-sentence-is-no-name", _SPEAKERS,
         "Such a proper noun that is one plural word opening its sentence, written with a capital nowhere else in "
         "the article but at a sentence's start, is a common noun the tagger took for a name by its capital: "
         "'Ecologists are warning ...', 'Charities warned ...' name no one (a singular word stays a name: 'Sepa "
         "predict ...')."),
    Rule("speaker.surname-of-a-person-named-in-full", _SPEAKERS,
         "Such a name that is the surname of a person the article named in full ('Souness' after 'Graeme "
         "Souness') is that person."),
    # ---------------------------------------------------------------- merge: the quotations of a document
    Rule("quotes.outermost-attribution-wins", _MERGE,
         "An attribution whose cue lies inside another's content is nested and dropped (the outer one wins), "
         "except that a quotation with its cue beside it beats a reported clause that swallowed that cue, and a "
         "catenative chain's cue ('appeared to suggest') beats its first verb."),
    Rule("quotes.floating-continuation", _MERGE,
         "A quotation that no cue claims, stands as its own sentence(s) and follows a quotation with a speaker "
         "(nothing but that attribution's own sentence between) continues that speaker."),
)

_BY_ID = {r.id: r for r in QUOTE_RULES}


def quote_rule_ids() -> tuple[str, ...]:
    """Every quotation rule id, in registration order."""
    return tuple(_BY_ID)


def check_quote_rule_ids(ids: Iterable[str]) -> RuleSet:
    """A ``RuleSet`` switching off ``ids``; an unknown id raises ``ConfigError`` naming the closest ids."""
    return RuleSet.of(ids, quote_rule_ids())


# -- examples ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuoteExample:
    """One example of a quotation rule: its text and the quotations the extractor gives with the rule on."""

    rule: str
    number: int
    positive: bool
    text: str
    expect: str  # canonical effect (see ``effect``)
    attribution: bool = False  # run in PolNeAR's attribution mode ('# mode = attribution')


def _examples_path(rule_id: str) -> resources.abc.Traversable:
    return resources.files("wirescope.data").joinpath(f"quotes/examples/{rule_id}.txt")


def quote_examples(rule_id: str) -> list[QuoteExample]:
    """The examples of a quotation rule (none when it has no file yet)."""
    path = _examples_path(rule_id)
    return list(parse_quote_examples(rule_id, path.read_text(encoding="utf-8"))) if path.is_file() else []


def parse_quote_examples(rule_id: str, text: str) -> Iterator[QuoteExample]:
    """Examples from the text of a rule's example file; a malformed block is an error naming it."""
    for n, block in enumerate(b for b in text.strip().split("\n\n") if b.strip()):
        meta: dict[str, str] = {}
        for line in block.strip().splitlines():
            key, _, value = line.lstrip("# ").partition("=")
            meta[key.strip()] = value.strip()
        number = meta.get("example", "")
        if not number.isdigit() or meta.get("kind") not in ("positive", "negative") or not {"expect", "text"} <= set(
            meta
        ):
            raise ConfigError(f"{rule_id}.txt, block {n + 1}: needs '# example = N', '# kind = positive|negative', "
                              "'# expect' and '# text'")
        # a literal "\n" in the text stands for a paragraph break (embedded posts, labels, continuations)
        yield QuoteExample(rule_id, int(number), meta["kind"] == "positive", meta["text"].replace("\\n", "\n"),
                           meta["expect"], meta.get("mode") == "attribution")


def effect(text: str, found: Sequence[FoundQuote]) -> str:
    """The canonical text of what the extractor found: "TYPE [SPEAKER] CONTENT" per quotation, in text order."""
    lines = []
    for q in found:
        speaker = text[q.speaker[0] : q.speaker[1]] if q.speaker is not None else "-"
        content = " … ".join(text[a:b] for a, b in q.spans).replace("\n", "\\n")
        lines.append(f"{q.type} [{speaker}] {content}")
    return " | ".join(lines) if lines else "none"


# speaker rules that decide the speaker's actor code, not its name: their examples' effect adds the code
CODE_RULES = frozenset({"speaker.description-codes-an-unknown-name"})


def speaker_effect(quotes: Sequence[Quote], *, codes: bool = False) -> str:
    """The canonical text of the speakers the quotes stage resolved: "[SPEAKER] NAME" per quotation (``-`` for no
    speaker or no name), in text order; the effect of a speaker rule's example. With ``codes``, "[SPEAKER] NAME
    CODE" (``-`` for no code): the effect of a rule of ``CODE_RULES``."""
    lines = []
    for q in quotes:
        speaker = q.speaker.text if q.speaker is not None else "-"
        name = q.speaker.name if q.speaker is not None and q.speaker.name is not None else "-"
        code = (q.speaker.code if q.speaker is not None else None) or "-"
        lines.append(f"[{speaker}] {name} {code}" if codes else f"[{speaker}] {name}")
    return " | ".join(lines) if lines else "none"


def run_quote_example(example: QuoteExample, nlp: Language, disabled: Iterable[str] = ()) -> tuple[str, bool, bool]:
    """(effect, whether the example's rule fired, whether a found quotation carries it in its trace). A speaker
    rule's example runs the entities and quotes stages and gives the resolved speakers (``speaker_effect``); its
    rule fires when a quotation's trace carries it."""
    if example.rule.startswith("speaker."):
        from ...records import Article  # not wirescope.article_from_text: nlp may not import the package's top

        quotes = _pipeline(nlp, frozenset(disabled)).analyze(Article(id="example", text=example.text)).quotes
        traced = any(example.rule in q.trace for q in quotes)
        return speaker_effect(quotes, codes=example.rule in CODE_RULES), traced, traced
    extractor = _extractor(frozenset(disabled), example.attribution)
    before = extractor.firings[example.rule]
    found = extractor.extract(nlp(example.text))
    traced = any(example.rule in q.trace for q in found)
    return effect(example.text, found), extractor.firings[example.rule] > before, traced


@functools.cache
def _extractor(disabled: frozenset[str], attribution: bool) -> QuoteExtractor:
    from .extract import QuoteExtractor

    return QuoteExtractor(disabled=disabled, attribution=attribution)


@functools.cache
def _pipeline(nlp: Language, disabled: frozenset[str]) -> Pipeline:
    """A pipeline of the entities and quotes stages with ``disabled`` switched off, sharing one actor coder."""
    from ...config import Settings
    from ..pipeline import Pipeline

    pipeline = Pipeline(Settings(stages=("entities", "quotes"), disabled_quote_rules=tuple(sorted(disabled))), nlp=nlp)
    for stage in pipeline.stages:
        share = getattr(stage, "share_actor_coder", None)
        if share is not None:
            share(_actor_coder())
    return pipeline


@functools.cache
def _actor_coder() -> SharedActorCoder:
    from ...config import Settings
    from ..pipeline import SharedActorCoder

    return SharedActorCoder(Settings())
