"""Quotes stage: quotations (direct, mixed, indirect, floating continuations, embedded posts, chants) with their
cue and a speaker resolved to the article's entities and, when the actor coder is available, an actor code."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import TYPE_CHECKING

from ...config import Settings
from ...records import Actor, Analysis, Entity, Quote, Span
from ..coding.rules.base import RuleSet
from ..coding.rules.registry import check_rule_ids
from ..doctext import text_of
from ..parse_needs import QuoteNeed
from ..parsing import ParseNeed
from ..quotes.extract import FoundQuote, QuoteExtractor
from ..quotes.shared import DocQuotes
from ..quotes.speakers import SpeakerResolver

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date
    from pathlib import Path

    from spacy.language import Language
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as DocSpan

    from ..coding.actors import ActorCoder


class QuoteStage:
    name = "quotes"
    version = "2"
    requires: tuple[str, ...] = ("sentences", "entities")
    assigns: tuple[str, ...] = ("quotes",)

    def __init__(
        self, settings: Settings | None = None, *, cues: Path | None = None, code_actors: bool = True
    ) -> None:
        self.settings = settings or Settings()
        # the document's quotations with the user's cues and rules, found once: the events coder reads them first
        # (the pipeline shares this with the events stage, ``share_quotes``)
        self.quotes = DocQuotes(cues, self.settings.disabled_quote_rules)
        # 2: quotations carry their rule trace; switched-off rules change what is found, so they are in the version
        # (``recode --stale`` re-analyses articles whose stage versions differ from the installed ones)
        # the event coder's switched-off rules shape the speakers resolved as event actors are (``_resolver``)
        self.coding_rules = check_rule_ids(self.settings.disabled_rules)
        off = sorted(self.quotes.disabled) + sorted(self.coding_rules.disabled)
        self.version = "2" if not off else "2-" + hashlib.sha1(",".join(off).encode()).hexdigest()[:8]
        self._code_actors = code_actors
        self._actors: Callable[[], ActorCoder] | None = None

    def share_actor_coder(self, actors: Callable[[], ActorCoder]) -> None:
        """Code speakers with the pipeline's actor coder (``actors()``, shared with the events stage) instead of
        one of the stage's own."""
        self._actors = actors

    def configure_nlp(self, nlp: Language) -> None:
        """Needs only the parser, tagger and NER every English pipeline has."""

    def parse_need(self) -> ParseNeed:
        """Sentences with a quotation mark, a cue word or the colon or dash of a labelled or signed quotation
        (``parse_needs.QuoteNeed``); the irregular verb forms come from the event dictionaries' table."""
        from ..resources.petrarch import load_dictionaries

        forms = load_dictionaries(self.settings.dictionaries).forms
        return ParseNeed("sentences with a quotation mark, cue word, or label colon or dash",
                         QuoteNeed(self.quotes.lexicon, forms))

    @property
    def extractor(self) -> QuoteExtractor:
        """This thread's quotation extractor (the stage's cues and switched-off rules)."""
        return self.quotes.extractor

    @property
    def actor_coder(self) -> ActorCoder | None:
        """The coder of the speakers' actor codes (None when the stage codes none): the pipeline's, else the
        stage's own, built on first use (it loads dictionaries, which constructing the stage must not do)."""
        if not self._code_actors:
            return None
        if self._actors is None:
            from ..coding.actors import default_actor_coder

            own = default_actor_coder(self.settings.actors_file, self.settings.dictionaries,
                                      self.settings.office_holders_file)
            self._actors = lambda: own
        return self._actors()

    @property
    def resolver(self) -> SpeakerResolver:
        """A speaker resolver coding on no article date (building it loads the actor coder)."""
        return _resolver(self.actor_coder, None, self.coding_rules, self.quotes.disabled)

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        found = self.quotes(doc)
        entities = analysis.entities or fallback_entities(doc, analysis.article.id)
        # speakers are coded on the article's date (dated dictionary codes: who held which office then), by the
        # actor coder the events stage shares; the date goes with this document's calls, not onto the coder
        speakers = _resolver(self.actor_coder, analysis.article.published, self.coding_rules,
                             self.quotes.disabled).resolve(doc, found, entities)
        text = text_of(doc)
        # the trace: the extractor's rules, then the ``speaker.*`` rules that named the speaker
        quotes = tuple(
            _quote(analysis.article.id, text, replace(q, trace=(*q.trace, *speaker.rules)), speaker.actor)
            for q, speaker in zip(found, speakers, strict=True)
        )
        return replace(analysis, quotes=quotes)


def _quote(article_id: str, text: str, q: FoundQuote, speaker: Actor | None) -> Quote:
    pieces = tuple(Span(a, b, text[a:b]) for a, b in q.spans)
    floating = q.type == "floating"
    return Quote(
        article_id=article_id,
        start=q.start,
        end=q.end,
        text=" ".join(p.text for p in pieces),
        type=q.type,
        spans=pieces if len(pieces) > 1 else (),
        cue=None if floating or q.cue is None else Span(q.cue[0], q.cue[1], text[q.cue[0] : q.cue[1]]),
        cue_lemma=None if floating else q.cue_lemma,
        speaker=speaker,
        confidence=q.confidence,
        sentence=q.sentence,
        trace=q.trace,
    )


def fallback_entities(doc: Doc, article_id: str) -> tuple[Entity, ...]:
    """Entities from the model's NER when no entities stage ran (unit tests, bare extractor use)."""
    from ...records import Mention
    from ..grouping import ENTITY_LABELS, RawMention, group_mentions

    sent_of = {}
    for i, s in enumerate(doc.sents):
        for t in range(s.start, s.end):
            sent_of[t] = i
    raw = [
        RawMention(Mention(article_id, sent_of.get(e.start, 0), e.start_char, e.end_char, e.text, e.label_), None, "")
        for e in doc.ents
        if e.label_ in ENTITY_LABELS
    ]
    return group_mentions(raw)


def _resolver(coder: ActorCoder | None, day: date | None, rules: RuleSet,
              quote_rules: frozenset[str] = frozenset()) -> SpeakerResolver:
    """A speaker resolver for the documents of one article date ``day`` (the stage makes one per document):
    speakers carry their CAMEO actor code on that date when there is a ``coder``. A speaker the dictionaries do not
    give a country ("Bessent said", "he said", "the ministry said") is resolved as the event coder resolves an
    event's actor (``coding.mentions``, with the same ``rules`` switched off), so a quotation and an event of the
    same words name the same actor; what
    it keeps of the document is built on first need and dropped with the resolver. The switched-off quotation
    rules ``quote_rules`` include its ``speaker.*`` rules."""
    if coder is None:
        return SpeakerResolver(None, quote_rules)
    from ..coding.bare_spokesmen import BARE, bare_spokesman, body_code
    from ..coding.mentions import MentionResolver
    from ..coding.syntax import phrase_tokens
    from ..coding.titles import BODY, spoken_for

    kept: list[MentionResolver] = []  # the resolver of the document being resolved

    def code(doc: Doc, start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        return for_whom(doc, span, resolved(span))

    def for_whom(doc: Doc, span: DocSpan, found: str | None) -> str | None:
        if not coder.iso or BODY in rules.disabled:
            return found
        # "a Downing Street spokesman" speaks for Downing Street, not as the media (MED) the role word gives
        changed, spoken = spoken_for(list(span), found, coder, day)
        word = bare_spokesman(list(span)) if changed and spoken is None and BARE not in rules.disabled else None
        if word is None:
            return spoken
        # "A spokesman said" after "the Home Office defended the measures": the body the report was about
        return body_code(word, lambda t: resolved(doc[phrase_tokens(t)[0].i : phrase_tokens(t)[-1].i + 1]))

    def resolved(span: DocSpan) -> str | None:
        actor = coder.code_actor(span, span.doc, day)
        # a listed person guessed by the last name alone ("Mr Howard" -> John Howard, AUS) is resolved as the
        # event coder resolves it: the article may name its own person of that name ("Michael Howard")
        guessed = coder.iso and _surname_guessed(coder, span, day)
        if not coder.iso or (actor.country is not None and day is not None and not guessed):
            return actor.code
        mentions = mentions_of(span.doc)
        if actor.country is not None and not guessed:  # an undated article: the office its titles give the person
            return mentions.office(actor.code, coder.code_tokens(list(span), day, span.root)[1])
        ref = mentions.resolve(span)[0]
        return ref.code if ref is not None else None if guessed else actor.code

    def mentions_of(doc: Doc) -> MentionResolver:
        # the document's mention resolver, made on first need and replaced when the next document comes
        if not kept or kept[0].doc is not doc:
            kept[:] = [MentionResolver(coder, doc, day, rules)]
        return kept[0]

    def described(doc: Doc, start: int, end: int) -> str | None:
        # the speaker's phrase as the event coder codes an actor: its head with its title words and apposition
        # ("Tom McCabe" alone is no one the dictionaries know; "Scottish Finance Minister, Tom McCabe MSP" is GBRGOV)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not coder.iso or _two_sides(span.root):
            return None
        ref = mentions_of(doc).resolve(span)[0]
        return for_whom(doc, span, ref.code) if ref is not None else None

    return SpeakerResolver(code, quote_rules, described)


def _two_sides(head: Token) -> bool:
    """The speaker's noun has modifiers joined by a conjunction ("Iraqi and Western officials", "American and
    Iraqi former officials"): people of two sides, whom one code would make one side's (the first modifier's)."""
    return any(c.dep_ in ("amod", "compound") and any(g.dep_ == "conj" for g in c.children) for c in head.children)


def _surname_guessed(coder: ActorCoder, span: DocSpan, day: date | None) -> bool:
    """Whether the dictionaries code ``span`` by a listed person's last name alone (actors.last-name-of-a-listed-
    person), a guess the event coder drops when the article names another person of that name in full."""
    from ..coding.referents import SURNAME_GUESS

    fired: list[str] = []

    def record(rule: str) -> bool:
        fired.append(rule)
        return True

    coder.code_tokens(list(span), day, span.root, record)
    return SURNAME_GUESS in fired
